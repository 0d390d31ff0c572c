# ruff: noqa: E501  (prose: Kazakh and Russian sentences are kept whole so they can be compared)
"""www.geology.gov.kz: a ministry's site built around 2010 and kept alive since (CGO, kk/ru).

How it is built: a language-choice splash at ``/``; pages at ``/index.php?lang=kz|ru&id=N``; a fixed
980 px table layout; the left menu is table cells with ``onclick`` (no links), so the footer's site
map is the way in; a Flash banner; a ``<marquee>`` news ticker; images without alternative text;
downloads without format or size; a search box on the home page only; a separate mobile version
under ``/m/`` that the full version links to and that has no way back.
"""

from __future__ import annotations

from datetime import date

from ashyq_replica.outside.compose import Look
from ashyq_replica.outside.context import Ctx, person, service, unit
from ashyq_replica.outside.model import Page, SiteSpec, Verdict, stated, use

HOST = "www.geology.gov.kz"
CODE = {"kk": "kz", "ru": "ru"}  # the site's own language codes
LANG_OF = {v: k for k, v in CODE.items()}


def image(file: str, alt: dict[str, str], width: int, height: int, lang: str) -> str:
    return f'<img src="/img/{file}" width="{width}" height="{height}" border="0">'


def context(as_of: date) -> Ctx:
    return Ctx(
        kind="cgo",
        host=HOST,
        as_of=as_of,
        names={
            "kk": "Қазақстан Республикасы Геология және жер қойнауын пайдалану министрлігі",
            "ru": "Министерство геологии и недропользования Республики Казахстан",
        },
        of={
            "kk": "Қазақстан Республикасы Геология және жер қойнауын пайдалану министрлігінің",
            "ru": "Министерства геологии и недропользования Республики Казахстан",
        },
        short={"kk": "ГЖҚПМ", "ru": "МГН"},
        address={
            "kk": "010000, Астана қаласы, Мәңгілік Ел даңғылы, 8, «Министрліктер үйі» әкімшілік ғимараты, 14-кіреберіс",
            "ru": "010000, г. Астана, проспект Мәңгілік Ел, 8, административное здание «Дом министерств», подъезд 14",
        },
        email="kense@geology.gov.kz",
        phone="+7 (7172) 74-05-00",
        office_phone="+7 (7172) 74-05-12",
        press_phone="+7 (7172) 74-05-35",
        head=person(
            "Сапаров Ерлан Болатұлы",
            "Сапаров Ерлан Болатович",
            "Министр",
            "Министр",
            "+7 (7172) 74-05-01",
            "e.saparov@geology.gov.kz",
        ),
        deputies=(
            person(
                "Жүнісова Әсем Қайратқызы",
                "Жунусова Асем Кайратовна",
                "Вице-министр",
                "Вице-министр",
                "+7 (7172) 74-05-02",
                "a.zhunusova@geology.gov.kz",
            ),
            person(
                "Оспанов Дәурен Мұратұлы",
                "Оспанов Даурен Муратович",
                "Вице-министр",
                "Вице-министр",
                "+7 (7172) 74-05-03",
                "d.ospanov@geology.gov.kz",
            ),
            person(
                "Ахметов Нұрлан Серікұлы",
                "Ахметов Нурлан Серикович",
                "Жауапты хатшы",
                "Ответственный секретарь",
                "+7 (7172) 74-05-04",
                "n.akhmetov@geology.gov.kz",
            ),
        ),
        ethics=person(
            "Қасымова Гүлнар Ерболқызы",
            "Касымова Гульнар Ерболовна",
            "әдеп жөніндегі уәкіл",
            "уполномоченный по этике",
            "+7 (7172) 74-05-40",
            "ethics@geology.gov.kz",
        ),
        hr=person(
            "Байжанова Айгерім Талғатқызы",
            "Байжанова Айгерим Талгатовна",
            "кадр жұмысы басқармасының бас сарапшысы",
            "главный эксперт управления кадровой работы",
            "+7 (7172) 74-05-44",
            "hr@geology.gov.kz",
        ),
        units=(
            unit(
                "Жер қойнауын пайдалану департаменті",
                "Департамент недропользования",
                "Исаев Б.К.",
                "Исаев Б.К.",
                "+7 (7172) 74-05-50",
                "dn@geology.gov.kz",
            ),
            unit(
                "Геологиялық барлау департаменті",
                "Департамент геологической разведки",
                "Мұхамеджанова Л.Т.",
                "Мухамеджанова Л.Т.",
                "+7 (7172) 74-05-60",
                "dgr@geology.gov.kz",
            ),
            unit(
                "Цифрландыру департаменті",
                "Департамент цифровизации",
                "Ким В.А.",
                "Ким В.А.",
                "+7 (7172) 74-05-70",
                "digital@geology.gov.kz",
            ),
            unit(
                "Заң департаменті",
                "Юридический департамент",
                "Серікбаев Ж.Н.",
                "Серикбаев Ж.Н.",
                "+7 (7172) 74-05-80",
                "law@geology.gov.kz",
            ),
        ),
        subordinates=(
            unit(
                "«Ұлттық геологиялық қызмет» АҚ",
                "АО «Национальная геологическая служба»",
                "Төлеуов А.Е.",
                "Тулеуов А.Е.",
                "+7 (7172) 55-20-00",
                "info@ngs.kz",
                "https://www.ngs.kz",
            ),
            unit(
                "«Қазгеоақпарат» РМК",
                "РГП «Казгеоинформ»",
                "Бекова С.М.",
                "Бекова С.М.",
                "+7 (7172) 55-21-10",
                "info@kazgeoinform.kz",
                "https://kazgeoinform.kz",
            ),
        ),
        territorial=(
            unit(
                "«Орталыққазжерқойнауы» өңіраралық геология департаменті",
                "Межрегиональный департамент геологии «Центрказнедра»",
                "Әлиев Қ.Б.",
                "Алиев К.Б.",
                "+7 (7212) 42-11-05",
                "centr@geology.gov.kz",
            ),
            unit(
                "«Батысқазжерқойнауы» өңіраралық геология департаменті",
                "Межрегиональный департамент геологии «Запказнедра»",
                "Нұрғалиев Е.С.",
                "Нургалиев Е.С.",
                "+7 (7132) 54-20-11",
                "zapad@geology.gov.kz",
            ),
            unit(
                "«Шығысқазжерқойнауы» өңіраралық геология департаменті",
                "Межрегиональный департамент геологии «Востказнедра»",
                "Петров И.И.",
                "Петров И.И.",
                "+7 (7232) 26-40-12",
                "vostok@geology.gov.kz",
            ),
            unit(
                "«Оңтүстікқазжерқойнауы» өңіраралық геология департаменті",
                "Межрегиональный департамент геологии «Южказнедра»",
                "Сұлтанов М.Ә.",
                "Султанов М.А.",
                "+7 (727) 378-31-40",
                "yug@geology.gov.kz",
            ),
        ),
        services=(
            service(
                "00301",
                "Жер қойнауын геологиялық зерттеуге лицензия беру",
                "Выдача лицензии на геологическое изучение недр",
                form=("электрондық (ішінара автоматтандырылған)", "электронная (частично автоматизированная)"),
                documents=(
                    "өтініш; жұмыс бағдарламасы; лицензиялық алымның төленгенін растайтын құжат",
                    "заявление; программа работ; документ об уплате лицензионного сбора",
                ),
                cost=(
                    "лицензиялық алым — 10 АЕК; екінші деңгейдегі банктер арқылы немесе egov.kz төлем шлюзі арқылы",
                    "лицензионный сбор — 10 МРП; оплата через банки второго уровня или платежный шлюз egov.kz",
                ),
                term=("15 жұмыс күні", "15 рабочих дней"),
                result=("лицензия не дәлелді бас тарту", "лицензия либо мотивированный отказ"),
            ),
            service(
                "00302",
                "Геологиялық ақпаратты пайдалануға рұқсат беру",
                "Выдача разрешения на использование геологической информации",
                form=("электрондық", "электронная"),
                documents=("өтініш; құпиялылық туралы келісім", "заявление; соглашение о конфиденциальности"),
                cost=("тегін", "бесплатно"),
                term=("10 жұмыс күні", "10 рабочих дней"),
                result=("рұқсат", "разрешение"),
            ),
            service(
                "00303",
                "Құрылыс салынатын учаскеде пайдалы қазбалардың жоқ немесе болмашы екені туралы қорытынды беру",
                "Выдача заключения об отсутствии или малозначительности полезных ископаемых в недрах под участком предстоящей застройки",
                form=("электрондық", "электронная"),
                documents=("өтініш; учаскенің координаттары", "заявление; координаты участка"),
                cost=("тегін", "бесплатно"),
                term=("10 жұмыс күні", "10 рабочих дней"),
                result=("қорытынды", "заключение"),
            ),
        ),
        laws=(
            (
                "«Жер қойнауы және жер қойнауын пайдалану туралы» Қазақстан Республикасының Кодексі",
                "Кодекс Республики Казахстан «О недрах и недропользовании»",
            ),
            (
                "«Рұқсаттар және хабарламалар туралы» Қазақстан Республикасының Заңы",
                "Закон Республики Казахстан «О разрешениях и уведомлениях»",
            ),
            (
                "«Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан Республикасының Заңы",
                "Закон Республики Казахстан «О государственных услугах»",
            ),
        ),
        field_kk="геология және жер қойнауын пайдалану",
        field_ru="геологии и недропользования",
        regulation={
            "kk": "Қазақстан Республикасы Үкіметінің 2023 жылғы 12 қазандағы № 894 қаулысымен",
            "ru": "постановлением Правительства Республики Казахстан от 12 октября 2023 года № 894",
            "title_kk": "Министрлік туралы ереже",
            "title_ru": "Положение о министерстве",
        },
        order_by={
            "kk": "Қазақстан Республикасы Геология және жер қойнауын пайдалану министрінің",
            "ru": "Министра геологии и недропользования Республики Казахстан",
        },
        stats=(
            (
                "Жер қойнауын геологиялық зерттеуге берілген лицензиялар, дана",
                "Выдано лицензий на геологическое изучение недр, шт.",
                "412",
                "468",
            ),
            (
                "Мемлекеттік геологиялық картаға түсіру, мың км²",
                "Государственное геологическое картирование, тыс. км²",
                "138,5",
                "151,2",
            ),
            ("Мыс қорының өсімі, мың тонна", "Прирост запасов меди, тыс. тонн", "920", "1 140"),
            (
                "Геологиялық барлауға салынған инвестициялар, млрд теңге",
                "Инвестиции в геологоразведку, млрд тенге",
                "96,3",
                "118,7",
            ),
        ),
        social=(
            ("Facebook", "https://www.facebook.com/geologygovkz"),
            ("Instagram", "https://www.instagram.com/geology.gov.kz"),
        ),
        programs={
            "kk": "Геология саласын дамытудың 2024–2028 жылдарға арналған тұжырымдамасы",
            "ru": "Концепция развития геологической отрасли на 2024–2028 годы",
        },
        control={
            "kk": "жер қойнауын геологиялық зерттеу және пайдалану саласындағы мемлекеттік бақылау",
            "ru": "государственный контроль в области геологического изучения и использования недр",
        },
        permits=(
            ("жер қойнауын геологиялық зерттеуге лицензия", "лицензия на геологическое изучение недр"),
            ("геологиялық ақпаратты пайдалануға рұқсат", "разрешение на использование геологической информации"),
            ("пайдалы қазбалардың жоқ екені туралы қорытынды", "заключение об отсутствии полезных ископаемых"),
        ),
        blog="https://dialog.egov.kz/blogs/all-questions/45011",
        image=image,
        voice="formal",
        show_formats=False,
    )


def _t(kk: str, ru: str) -> dict[str, str]:
    return {"kk": kk, "ru": ru}


PAGES: tuple[Page, ...] = (
    Page("home", _t("Басты бет", "Главная"), (use("is.news", stale="kk"),)),
    Page(
        "2",
        _t("Мемлекеттік рәміздер", "Государственные символы"),
        (use("sym.flag"), use("sym.emblem"), use("sym.anthem")),
        "1",
    ),
    Page("3", _t("Министрлік туралы ереже", "Положение о министерстве"), (use("gi.regulation"),), "1"),
    Page("4", _t("Құрылымы", "Структура"), (use("gi.chart"),), "1"),
    Page("5", _t("Басшылық", "Руководство"), (use("c.leaders"),), "1"),
    Page(
        "6",
        _t("Департаменттер және ведомстволық бағынысты ұйымдар", "Департаменты и подведомственные организации"),
        (use("gi.units"),),
        "1",
    ),
    Page("7", _t("Аумақтық органдар", "Территориальные органы"), (use("gi.territorial", foreign="kk"),), "1"),
    Page("8", _t("Байланыс", "Контакты"), (use("gi.postal"), use("gi.email"), use("gi.phones"), use("c.office")), "1"),
    Page(
        "10",
        _t("Мемлекет басшысының Жолдауы", "Послание Главы государства"),
        (use("im.address"), use("im.plan"), use("im.progress", stale="ru", absent="kk")),
        "1",
    ),
    Page("11", _t("Министрдің блогы", "Блог министра"), (use("im.blog"),), "1"),
    Page("12", _t("Қызметтік әдеп", "Служебная этика"), (use("im.ethics", absent="kk"),), "1"),
    Page(
        "13", _t("Сыбайлас жемқорлыққа қарсы іс-қимыл", "Противодействие коррупции"), (use("im.anticorruption"),), "1"
    ),
    Page(
        "20",
        _t("Нормашығармашылық", "Нормотворчество"),
        (use("nm.adopted"), use("nm.drafts"), use("nm.other", absent="kk"), use("nm.discuss")),
    ),
    Page(
        "30",
        _t("Қызметі", "Деятельность"),
        (
            use("ac.plan"),
            use("ac.plan_report"),
            use("ac.programs"),
            use("ac.programs_report"),
            use("ac.advisory"),
            use("ac.assessment", stale="ru"),
            use("ac.minutes"),
        ),
        placeholder=frozenset({"kk"}),
    ),
    Page("31", _t("Статистика", "Статистика"), (use("ac.stats", stale="kk"),), "30"),
    Page("32", _t("Халықаралық ынтымақтастық", "Международное сотрудничество"), (use("ac.international"),), "30"),
    Page("40", _t("Бюджет", "Бюджет"), (use("bu.total"), use("bu.execution"), use("bu.statements"), use("bu.audit"))),
    Page(
        "41",
        _t("Мемлекеттік сатып алу", "Госзакупки"),
        (use("te.rules"), use("te.plan", foreign="kk"), use("te.tenders"), use("te.portal")),
    ),
    Page(
        "50",
        _t("Бақылау және рұқсаттар", "Контроль и разрешения"),
        (use("pr.control"), use("pr.permits"), use("pr.templates"), use("pr.business", absent="kk")),
    ),
    Page("51", _t("Тексерулер", "Проверки"), (use("pr.schedule"), use("ins.results")), "50"),
    Page(
        "60",
        _t("Мемлекеттік қызметтер", "Государственные услуги"),
        (
            use("ps.section"),
            use("ms.list"),
            use("ps.annual"),
            use("ps.passport"),
            use("ps.standards"),
            use("ps.regulations"),
            use("ps.drafts"),
            use("ps.monitoring", absent="kk"),
            use("ps.appeal"),
        ),
    ),
    Page(
        "70",
        _t("Бос орындар", "Вакансии"),
        (use("hr.rules"), use("hr.vacancies"), use("hr.requirements"), use("hr.contacts")),
    ),
    Page(
        "80",
        _t("Азаматтарды қабылдау", "Прием граждан"),
        (use("po.rules"), use("po.schedule"), use("po.reviews"), use("po.appeal"), use("po.egov")),
    ),
    Page("82", _t("Жиі қойылатын сұрақтар", "Часто задаваемые вопросы"), (use("po.feedback"),), "80"),
    Page(
        "90",
        _t("Баспасөз орталығы", "Пресс-центр"),
        (use("is.news", stale="kk"), use("is.announcements"), use("is.speeches")),
    ),
    Page("91", _t("Ақпараттық жүйелер", "Информационные системы"), (use("is.systems"),), "90"),
    Page("92", _t("Пайдалы сілтемелер", "Полезные ссылки"), (use("is.links"),), "90"),
    Page("93", _t("Түсіндірмелер", "Разъяснения"), (use("is.methodical"),), "90"),
)
SECTIONS = {"1": _t("Министрлік туралы", "О министерстве")}

MOBILE_PAGES: tuple[Page, ...] = (
    Page(
        "contacts",
        _t("Байланыс", "Контакты"),
        (
            use("gi.postal"),
            use("gi.email"),
            use("gi.phones"),
            use("c.leaders"),
            use("gi.units"),
            use("gi.territorial", absent="kk"),
        ),
    ),
    Page(
        "services",
        _t("Мемлекеттік қызметтер", "Государственные услуги"),
        (use("ps.section"), use("ms.list"), use("ms.form"), use("ms.schedule"), use("ms.documents"), use("ms.result")),
    ),
    Page("jobs", _t("Бос орындар", "Вакансии"), (use("hr.vacancies"), use("hr.requirements"), use("hr.contacts"))),
    Page(
        "reception",
        _t("Азаматтарды қабылдау", "Прием граждан"),
        (use("po.schedule"), use("po.appeal"), use("po.feedback"), use("po.egov")),
    ),
    Page("news", _t("Жаңалықтар", "Новости"), (use("is.news", stale="kk"),)),
)

MENU = ["2", "3", "4", "5", "8", "10", "13", "20", "30", "40", "41", "50", "60", "70", "80", "90"]


def url(key: str, lang: str, mobile: bool = False) -> str:
    code = CODE[lang]
    if mobile:
        return f"/m/?lang={code}" if key == "home" else f"/m/?lang={code}&p={key}"
    return f"/index.php?lang={code}" if key == "home" else f"/index.php?lang={code}&id={key}"


def resolve(token: str, lang: str) -> str:
    code = CODE[lang]
    if token == "feedback":
        return f"/index.php?lang={code}&mod=feedback"
    if token == "news/archive":
        return f"/index.php?lang={code}&mod=news&archive=1"
    if token.startswith("news/"):
        return f"/index.php?lang={code}&mod=news&nid={token.removeprefix('news/')}"
    return "#"


def _section(heading: str, html: str, key: str) -> str:
    return f'<p class="zag"><b>{heading}</b></p>{html}'


LOOK = Look(resolve=resolve, external_attrs='target="_blank"', section=_section)


def _stated() -> tuple[Verdict, ...]:
    home, ru_page = "/index.php?lang=ru", "/index.php?lang=ru&id=2"
    return (
        stated(
            "A14-2.1",
            "partial",
            "Flash banner (<object type=application/x-shockwave-flash>, no fallback) with the ministry's name shows as an empty box in every current browser: -0.03 per browser",
            home,
        ),
        stated(
            "A14-2.2",
            "pass",
            "every page is two clicks from the home page (home → site map → page); the menu covers all sections",
            home,
        ),
        stated(
            "A14-2.3",
            "partial",
            "main menu, link to the home page and site map on every page, but the search form only on the home page: -0.15",
            ru_page,
        ),
        stated("A14-2.4", "fail", "no breadcrumbs on any page", ru_page),
        stated(
            "A14-2.5",
            "partial",
            "search exists (full text, results on a separate page) but no advanced search and the query is not kept in the search box on the results page: -0.5",
            "/index.php?lang=ru&mod=search&q=лицензия",
        ),
        stated(
            "A14-2.6",
            "partial",
            "downloads never state their format or size (2.6 requirement 2): -0.25",
            "/index.php?lang=ru&id=40",
        ),
        stated(
            "A14-2.7",
            "partial",
            "the regulation (a legal act) is one long page split into chapters but without internal anchors (2.7 requirement 2): -0.2",
            "/index.php?lang=ru&id=3",
        ),
        stated(
            "A14-2.8", "partial", "pages show the date of posting but never the date of the last change: -0.2", ru_page
        ),
        stated(
            "A14-2.9",
            "fail",
            "a dead link in the left column (id=77 answers 404); the language switch opens the other language's home page, not the same page; external links open in a new window without telling the user: three violations, 0.6 - 0.6",
            home,
        ),
        stated(
            "A14-2.10",
            "partial",
            "marked as the official website, but the State Emblem is shown at 150×150 px (over 100×100): -0.13",
            home,
        ),
        stated("A14-2.11", "fail", "'/' is a language-choice splash page, not the home page", "/"),
        stated(
            "A14-3.1",
            "fail",
            "no image has alternative text (emblem, state symbols, structure chart, counter)",
            "/index.php?lang=ru&id=2",
        ),
        stated("A14-3.2", "fail", "a <marquee> news ticker scrolls on every page with no way to stop it", home),
        stated(
            "A14-3.3",
            "fail",
            "the main menu is table cells with onclick, unreachable by keyboard; links have outline:none on focus",
            home,
        ),
        stated(
            "A14-3.4",
            "fail",
            "no link to skip to the main content; long pages have no 'Наверх' link",
            "/index.php?lang=ru&id=3",
        ),
        stated(
            "A14-3.5",
            "fail",
            "the internet reception form, submitted empty, comes back with red borders and no text about the error",
            "/index.php?lang=ru&mod=feedback",
        ),
        stated("A14-3.6", "fail", "menu text #9a9a9a on #f2f2f2 (about 2.6:1) and grey dates below 4.5:1", home),
        stated(
            "A14-3.7", "fail", "fixed 980 px table layout: at 200 % text size the page needs horizontal scrolling", home
        ),
        stated(
            "A14-4.1", "pass", "internet reception: a question form for citizens", "/index.php?lang=ru&mod=feedback"
        ),
        stated("A14-4.2", "fail", "no poll form anywhere", home),
        stated(
            "A14-4.3", "partial", "RSS of news exists, none for procurement announcements: -0.15", "/rss.php?lang=ru"
        ),
        stated(
            "A14-4.4",
            "pass",
            "'Часто задаваемые вопросы' built from the questions received, with answers",
            "/index.php?lang=ru&id=82",
        ),
        stated("A14-4.5", "fail", "no English version", home),
        stated("A14-4.6", "pass", "visitor counter in the left column", home),
        stated(
            "A16-k",
            "partial",
            "point 96: phones get the full version, which links to the mobile version (/m/): coefficient 3",
            home,
        ),
        stated(
            "A16-2", "fail", "point 99: the mobile version (/m/) has no link back to the full version", "/m/?lang=ru"
        ),
    )


def spec(as_of: date) -> SiteSpec:
    return SiteSpec(
        id="geology",
        host=HOST,
        kind="cgo",
        names={
            "kk": "Қазақстан Республикасы Геология және жер қойнауын пайдалану министрлігі",
            "ru": "Министерство геологии и недропользования Республики Казахстан",
            "en": "Ministry of Geology and Subsoil Use of the Republic of Kazakhstan",
        },
        style="an older ministry site: table layout, query-string URLs, language splash, separate /m/ mobile version",
        pages=PAGES,
        mobile_pages=MOBILE_PAGES,
        stated=_stated(),
        nothing=frozenset({"ac.intl_opinions", "te.grants", "is.media"}),
        home="home",
        url=lambda key, lang, mobile: url(key, lang, mobile),
    )
