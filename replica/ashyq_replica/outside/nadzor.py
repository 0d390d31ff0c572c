# ruff: noqa: E501  (prose: Kazakh and Russian sentences are kept whole so they can be compared)
"""nadzor.geology.gov.kz: the small site of a ministry's committee on a fourth-level domain (assessed
as a CGO: Appendix 15, Table 1 covers "central state bodies and their committees").

How it is built: a ready-made responsive template; ``/`` redirects to ``/ru/``; pages at
``/ru/<page>`` and ``/kz/<page>``; a photo carousel that turns by itself with no control; a
light-blue menu bar with white text; a search box that takes 15 characters; scanned orders as JPG;
no site map, no breadcrumbs, no skip link; Kazakh pages that lag behind the Russian ones.
"""

from __future__ import annotations

from datetime import date

from ashyq_replica.outside.context import Ctx, person, plain_image, service, unit
from ashyq_replica.outside.model import Page, SiteSpec, Verdict, stated, use

HOST = "nadzor.geology.gov.kz"
CODE = {"kk": "kz", "ru": "ru"}


def context(as_of: date) -> Ctx:
    return Ctx(
        kind="cgo",
        host=HOST,
        as_of=as_of,
        names={
            "kk": "Қазақстан Республикасы Геология және жер қойнауын пайдалану министрлігінің Жер қойнауын пайдалануды қадағалау комитеті",
            "ru": "Комитет по надзору за недропользованием Министерства геологии и недропользования Республики Казахстан",
        },
        of={
            "kk": "Жер қойнауын пайдалануды қадағалау комитетінің",
            "ru": "Комитета по надзору за недропользованием",
        },
        short={"kk": "Комитет", "ru": "КНН"},
        address={
            "kk": "010000, Астана қаласы, Мәңгілік Ел даңғылы, 8, «Министрліктер үйі», 14-кіреберіс, 5-қабат",
            "ru": "010000, г. Астана, пр. Мәңгілік Ел, 8, «Дом министерств», подъезд 14, 5 этаж",
        },
        email="nadzor@geology.gov.kz",
        phone="+7 (7172) 74-06-00",
        office_phone="+7 (7172) 74-06-10",
        press_phone="+7 (7172) 74-06-15",
        head=person(
            "Жанатов Қайрат Мұхтарұлы",
            "Жанатов Кайрат Мухтарович",
            "Комитет төрағасы",
            "Председатель Комитета",
            "+7 (7172) 74-06-01",
            "k.zhanatov@geology.gov.kz",
        ),
        deputies=(
            person(
                "Ибраева Салтанат Жұмабекқызы",
                "Ибраева Салтанат Жумабековна",
                "Төрағаның орынбасары",
                "Заместитель Председателя",
                "+7 (7172) 74-06-02",
                "s.ibrayeva@geology.gov.kz",
            ),
            person(
                "Волков Андрей Сергеевич",
                "Волков Андрей Сергеевич",
                "Төрағаның орынбасары",
                "Заместитель Председателя",
                "+7 (7172) 74-06-03",
                "a.volkov@geology.gov.kz",
            ),
        ),
        ethics=person(
            "Тұрсынбекова Лаура Асанқызы",
            "Турсынбекова Лаура Асановна",
            "әдеп жөніндегі уәкіл",
            "уполномоченный по этике",
            "+7 (7172) 74-06-40",
            "etika.knn@geology.gov.kz",
        ),
        hr=person(
            "Мамырова Гүлназ Бекқызы",
            "Мамырова Гульназ Бековна",
            "персоналды басқару қызметінің бас сарапшысы",
            "главный эксперт службы управления персоналом",
            "+7 (7172) 74-06-44",
            "kadr.knn@geology.gov.kz",
        ),
        units=(
            unit(
                "Лицензиялау басқармасы",
                "Управление лицензирования",
                "Сейітов Н.Б.",
                "Сеитов Н.Б.",
                "+7 (7172) 74-06-20",
                "lic.knn@geology.gov.kz",
            ),
            unit(
                "Мемлекеттік бақылау басқармасы",
                "Управление государственного контроля",
                "Оразбаева Д.К.",
                "Оразбаева Д.К.",
                "+7 (7172) 74-06-25",
                "control.knn@geology.gov.kz",
            ),
            unit(
                "Талдау және мониторинг басқармасы",
                "Управление анализа и мониторинга",
                "Шевченко И.А.",
                "Шевченко И.А.",
                "+7 (7172) 74-06-30",
                "monitor.knn@geology.gov.kz",
            ),
        ),
        subordinates=(),
        territorial=(
            unit(
                "Солтүстік өңіраралық инспекция",
                "Северная межрегиональная инспекция",
                "Бердіқожин Ә.М.",
                "Бердыкожин А.М.",
                "+7 (7182) 32-10-40",
                "north.knn@geology.gov.kz",
            ),
        ),
        services=(
            service(
                "00311",
                "Жер қойнауын пайдалану жөніндегі операцияларды жүргізу жоспарын келісу",
                "Согласование плана проведения операций по недропользованию",
                form=("электрондық", "электронная"),
                documents=(
                    "өтініш; операциялар жоспары; сараптама қорытындысы",
                    "заявление; план операций; заключение экспертизы",
                ),
                cost=("тегін", "бесплатно"),
                term=("20 жұмыс күні", "20 рабочих дней"),
                result=("келісу немесе дәлелді бас тарту", "согласование либо мотивированный отказ"),
            ),
            service(
                "00312",
                "Жер қойнауын пайдалану құқығының кепілін тіркеу",
                "Регистрация залога права недропользования",
                form=("электрондық", "электронная"),
                documents=("өтініш; кепіл шарты", "заявление; договор залога"),
                cost=("алым — 5 АЕК", "сбор — 5 МРП"),
                term=("5 жұмыс күні", "5 рабочих дней"),
                result=("тіркеу туралы хабарлама", "уведомление о регистрации"),
            ),
        ),
        laws=(
            (
                "«Жер қойнауы және жер қойнауын пайдалану туралы» Қазақстан Республикасының Кодексі",
                "Кодекс Республики Казахстан «О недрах и недропользовании»",
            ),
            ("Қазақстан Республикасының Кәсіпкерлік кодексі", "Предпринимательский кодекс Республики Казахстан"),
        ),
        field_kk="жер қойнауын пайдалануды қадағалау",
        field_ru="надзора за недропользованием",
        regulation={
            "kk": "Қазақстан Республикасы Геология және жер қойнауын пайдалану министрінің 2023 жылғы 20 қарашадағы № 41 бұйрығымен",
            "ru": "приказом Министра геологии и недропользования Республики Казахстан от 20 ноября 2023 года № 41",
            "title_kk": "Комитет туралы ереже",
            "title_ru": "Положение о Комитете",
        },
        order_by={
            "kk": "Жер қойнауын пайдалануды қадағалау комитеті Төрағасының",
            "ru": "Председателя Комитета по надзору за недропользованием",
        },
        stats=(),
        social=(("Instagram", "https://www.instagram.com/knn.geology"), ("Telegram", "https://t.me/knn_geology")),
        programs={"kk": "", "ru": ""},
        control={
            "kk": "жер қойнауын пайдалану жөніндегі операцияларды жүргізу кезінде заңнаманың сақталуын бақылау",
            "ru": "контроль за соблюдением законодательства при проведении операций по недропользованию",
        },
        permits=(
            (
                "жер қойнауын пайдалану жөніндегі операциялар жоспарын келісу",
                "согласование планов операций по недропользованию",
            ),
            ("жер қойнауын пайдалану құқығының кепілін тіркеу", "регистрация залога права недропользования"),
        ),
        roadmap_executor=False,
        green_executor=False,
        blog="",
        image=plain_image,
        voice="formal",
        show_formats=True,
    )


def _t(kk: str, ru: str) -> dict[str, str]:
    return {"kk": kk, "ru": ru}


MEMO = ("ms.form", "ms.schedule", "ms.documents", "ms.term")
PAGES: tuple[Page, ...] = (
    Page("", _t("Басты бет", "Главная"), (use("is.news", stale="kk"), use("is.announcements"))),
    Page(
        "symbols",
        _t("Мемлекеттік рәміздер", "Государственные символы"),
        (use("sym.flag"), use("sym.emblem"), use("sym.anthem")),
    ),
    Page("leadership", _t("Басшылық", "Руководство"), (use("c.leaders"),)),
    Page("structure", _t("Құрылымдық бөлімшелер", "Структурные подразделения"), (use("gi.units"),)),
    Page("regulation", _t("Комитет туралы ереже", "Положение о Комитете"), (use("gi.regulation"),)),
    Page(
        "contacts",
        _t("Байланыс", "Контакты"),
        (use("gi.postal"), use("gi.email"), use("gi.phones"), use("c.office"), use("c.ethics"), use("c.social")),
    ),
    Page(
        "integrity",
        _t("Сыбайлас жемқорлыққа қарсы іс-қимыл", "Противодействие коррупции"),
        (use("im.address"), use("im.ethics"), use("im.anticorruption")),
    ),
    Page("acts", _t("Бұйрықтар", "Приказы"), (use("nm.adopted"), use("nm.other")), placeholder=frozenset({"kk"})),
    Page(
        "activity",
        _t("Қызмет қорытындылары", "Итоги деятельности"),
        (use("ac.analytics"), use("ac.assessment", absent="kk")),
    ),
    Page(
        "budget",
        _t("Бюджет", "Бюджет"),
        (use("bu.total"), use("bu.execution", stale="kk"), use("bu.statements"), use("bu.audit")),
    ),
    Page(
        "procurement",
        _t("Мемлекеттік сатып алу", "Государственные закупки"),
        (use("te.rules"), use("te.plan"), use("te.tenders"), use("te.portal")),
    ),
    Page(
        "control",
        _t("Бақылау және рұқсаттар", "Контроль и разрешения"),
        (use("pr.control"), use("pr.permits"), use("pr.templates"), use("pr.business"), use("pr.roadmap")),
    ),
    Page("inspections", _t("Тексерулер", "Проверки"), (use("pr.schedule"), use("ins.results", absent="kk"))),
    Page(
        "services",
        _t("Мемлекеттік қызметтер", "Государственные услуги"),
        (
            use("ps.section"),
            use("ms.list"),
            *(use(k) for k in MEMO),
            use("ps.passport"),
            use("ps.standards"),
            use("ps.regulations"),
            use("ps.appeal"),
        ),
    ),
    Page(
        "jobs",
        _t("Бос орындар", "Вакансии"),
        (use("hr.rules"), use("hr.vacancies"), use("hr.requirements"), use("hr.contacts")),
    ),
    Page(
        "reception",
        _t("Азаматтарды қабылдау", "Прием граждан"),
        (use("po.rules"), use("po.schedule"), use("po.appeal"), use("po.egov"), use("po.feedback")),
    ),
    Page("links", _t("Пайдалы сілтемелер", "Полезные ссылки"), (use("is.links"),)),
)
FOOTER = ("symbols", "integrity", "links")  # the pages the menu leaves out, linked from every page's footer
MENU = (
    "leadership",
    "structure",
    "regulation",
    "acts",
    "activity",
    "budget",
    "procurement",
    "control",
    "inspections",
    "services",
    "jobs",
    "reception",
    "contacts",
)


def url(key: str, lang: str, mobile: bool = False) -> str:
    return f"/{CODE[lang]}/{key}" if key else f"/{CODE[lang]}/"


def _stated() -> tuple[Verdict, ...]:
    home, page = "/ru/", "/ru/contacts"
    return (
        stated("A14-2.1", "pass", "a standard responsive template, displayed the same in every current browser", home),
        stated("A14-2.2", "pass", "every page is one click from the home page through the menu", home),
        stated("A14-2.3", "partial", "menu, home link and search form on every page, but no site map: -0.15", page),
        stated("A14-2.4", "fail", "no breadcrumbs on any page", page),
        stated(
            "A14-2.5",
            "partial",
            "the search box takes at most 15 characters (2.5 requirement 1) and there is no advanced search: -0.5",
            "/ru/search?q=залог",
        ),
        stated(
            "A14-2.6",
            "partial",
            "the committee's orders are published as scanned JPG images, not as searchable text (2.6 requirement 1): -0.25",
            "/ru/acts",
        ),
        stated(
            "A14-2.7",
            "partial",
            "the regulation is one long page in chapters but without internal anchors (2.7 requirement 2): -0.2",
            "/ru/regulation",
        ),
        stated(
            "A14-2.8",
            "fail",
            "pages show no date of posting or of change; news show a date without the time: both requirements violated",
            page,
        ),
        stated(
            "A14-2.9",
            "partial",
            "external links open a new window without telling the user: -0.2; the language switch keeps the page, no dead links",
            page,
        ),
        stated(
            "A14-2.10", "pass", "'Официальный интернет-ресурс' in the header and the State Emblem at 64×64 px", home
        ),
        stated("A14-2.11", "pass", "'/' redirects straight to the home page, no splash", "/"),
        stated("A14-3.1", "pass", "every meaningful image has alternative text", home),
        stated(
            "A14-3.2",
            "fail",
            "the photo carousel on the home page changes slides by itself every 5 s with no control to stop it",
            home,
        ),
        stated("A14-3.3", "pass", "all controls are native links and buttons with the browser's visible focus", home),
        stated("A14-3.4", "fail", "no link to skip to the main content (only a floating 'Наверх' button)", page),
        stated(
            "A14-3.5",
            "fail",
            "the feedback form marks wrong fields with a red border only, no text message",
            "/ru/feedback",
        ),
        stated("A14-3.6", "fail", "white menu text on light blue #5bc0de (about 2.1:1)", home),
        stated(
            "A14-3.7",
            "pass",
            "fluid responsive layout: reflows at 200 % and at 320 px without horizontal scrolling",
            home,
        ),
        stated("A14-4.1", "pass", "a feedback form", "/ru/feedback"),
        stated("A14-4.2", "fail", "no poll form", home),
        stated("A14-4.3", "fail", "no RSS feed: -0.15 twice", home),
        stated("A14-4.4", "fail", "no FAQ section", home),
        stated("A14-4.5", "fail", "no English version", home),
        stated("A14-4.6", "pass", "visitor counter in the footer", home),
        stated("A16-k", "pass", "point 96: the responsive layout loads by itself on a phone: coefficient 5", home),
        stated(
            "A16-2",
            "pass",
            "point 99: there is no separate mobile version, so nothing lacks a link to the full version",
            home,
        ),
    )


def spec(as_of: date) -> SiteSpec:
    return SiteSpec(
        id="nadzor",
        host=HOST,
        kind="cgo",
        names={
            "kk": "Қазақстан Республикасы Геология және жер қойнауын пайдалану министрлігінің Жер қойнауын пайдалануды қадағалау комитеті",
            "ru": "Комитет по надзору за недропользованием Министерства геологии и недропользования Республики Казахстан",
            "en": "Subsoil Use Supervision Committee of the Ministry of Geology and Subsoil Use of the Republic of Kazakhstan",
        },
        style="a small committee site on a fourth-level domain: responsive template, Russian by default, Kazakh lagging",
        pages=PAGES,
        mobile_pages=None,
        stated=_stated(),
        nothing=frozenset({"ac.advisory", "ac.intl_opinions", "ac.minutes", "te.grants", "is.media"}),
        url=lambda key, lang, mobile: url(key, lang),
    )
