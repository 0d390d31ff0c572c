# ruff: noqa: E501  (prose: Kazakh and Russian sentences are kept whole so they can be compared)
"""www.altynkol.gov.kz: a regional akimat's CMS site (MIO), Kazakh by default, with a separate mobile
version at m.altynkol.gov.kz that exists in Kazakh only.

How it is built: ``/`` redirects to ``/kk/``; pages at ``/kk/<section>/<page>`` and ``/ru/…`` with the
same slugs; a fixed 1170 px layout (``viewport width=1200``); dropdown menus that open on mouse
hover only; an auto-rotating news slider with a pause button; a poll whose options are clickable
``div``s; banner links that are images without alternative text; phones are redirected to the
``m.`` host, which links back to the full version.
"""

from __future__ import annotations

from datetime import date

from ashyq_replica.outside.context import Ctx, person, plain_image, service, unit
from ashyq_replica.outside.model import Page, SiteSpec, Verdict, stated, use

HOST = "www.altynkol.gov.kz"
MOBILE_HOST = "m.altynkol.gov.kz"


def context(as_of: date) -> Ctx:
    return Ctx(
        kind="mio",
        host=HOST,
        as_of=as_of,
        names={"kk": "Алтынкөл облысының әкімдігі", "ru": "Акимат Алтынкольской области"},
        of={"kk": "Алтынкөл облысы әкімдігінің", "ru": "акимата Алтынкольской области"},
        short={"kk": "Облыс әкімдігінің", "ru": "акимата области"},
        address={
            "kk": "100000, Алтынкөл қаласы, Бейбітшілік көшесі, 12",
            "ru": "100000, г. Алтынколь, ул. Бейбитшилик, 12",
        },
        email="akimat@altynkol.gov.kz",
        phone="8 (7212) 41-00-00",
        office_phone="8 (7212) 41-00-05",
        press_phone="8 (7212) 41-00-09",
        head=person(
            "Ермекбаев Арман Жанатұлы",
            "Ермекбаев Арман Жанатович",
            "Облыс әкімі",
            "Аким области",
            "8 (7212) 41-00-01",
            "priemnaya@altynkol.gov.kz",
        ),
        deputies=(
            person(
                "Сейітова Жанар Бекқызы",
                "Сеитова Жанар Бековна",
                "Облыс әкімінің бірінші орынбасары",
                "Первый заместитель акима области",
                "8 (7212) 41-00-02",
                "z.seitova@altynkol.gov.kz",
            ),
            person(
                "Рахимов Талғат Әмірұлы",
                "Рахимов Талгат Амирович",
                "Облыс әкімінің орынбасары",
                "Заместитель акима области",
                "8 (7212) 41-00-03",
                "t.rakhimov@altynkol.gov.kz",
            ),
            person(
                "Орынбасарова Динара Асқарқызы",
                "Орынбасарова Динара Аскаровна",
                "Облыс әкімі аппаратының басшысы",
                "Руководитель аппарата акима области",
                "8 (7212) 41-00-04",
                "d.orynbassarova@altynkol.gov.kz",
            ),
        ),
        ethics=person(
            "Мұратова Сәуле Қанатқызы",
            "Муратова Сауле Канатовна",
            "әдеп жөніндегі уәкіл",
            "уполномоченный по этике",
            "8 (7212) 41-00-40",
            "etika@altynkol.gov.kz",
        ),
        hr=person(
            "Әбдірахманова Гүлмира Серікқызы",
            "Абдрахманова Гульмира Сериковна",
            "персоналды басқару бөлімінің басшысы",
            "руководитель отдела управления персоналом",
            "8 (7212) 41-00-44",
            "kadr@altynkol.gov.kz",
        ),
        units=(
            unit(
                "Облыстың білім басқармасы",
                "Управление образования области",
                "Жақсылықов Е.Т.",
                "Жаксылыков Е.Т.",
                "8 (7212) 41-20-00",
                "bilim@altynkol.gov.kz",
                "https://www.altynkol.gov.kz/kk/about/structure",
            ),
            unit(
                "Облыстың денсаулық сақтау басқармасы",
                "Управление здравоохранения области",
                "Ким Л.А.",
                "Ким Л.А.",
                "8 (7212) 41-21-00",
                "densaulyk@altynkol.gov.kz",
            ),
            unit(
                "Жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы",
                "Управление координации занятости и социальных программ",
                "Досмағамбетова А.Б.",
                "Досмагамбетова А.Б.",
                "8 (7212) 41-22-00",
                "social@altynkol.gov.kz",
            ),
            unit(
                "Кәсіпкерлік және индустриялық-инновациялық даму басқармасы",
                "Управление предпринимательства и индустриально-инновационного развития",
                "Сәрсенов Қ.Ж.",
                "Сарсенов К.Ж.",
                "8 (7212) 41-23-00",
                "biznes@altynkol.gov.kz",
            ),
            unit(
                "Облыстың қаржы басқармасы",
                "Управление финансов области",
                "Есенова Р.М.",
                "Есенова Р.М.",
                "8 (7212) 41-24-00",
                "finance@altynkol.gov.kz",
            ),
        ),
        subordinates=(
            unit(
                "«Алтынкөл облыстық ақпарат орталығы» КММ",
                "КГУ «Алтынкольский областной информационный центр»",
                "Жұманов Б.С.",
                "Жуманов Б.С.",
                "8 (7212) 41-30-10",
                "info-center@altynkol.gov.kz",
            ),
        ),
        territorial=(
            unit(
                "Сарыбел ауданының әкімдігі",
                "Акимат Сарыбельского района",
                "Төлегенов А.Қ.",
                "Тулегенов А.К.",
                "8 (71237) 2-10-01",
                "sarybel@altynkol.gov.kz",
            ),
            unit(
                "Көктал ауданының әкімдігі",
                "Акимат Коктальского района",
                "Бекмұханова Г.Е.",
                "Бекмуханова Г.Е.",
                "8 (71238) 2-20-01",
                "koktal@altynkol.gov.kz",
            ),
            unit(
                "Ақжар қаласының әкімдігі",
                "Акимат города Акжар",
                "Исмаилов Д.Р.",
                "Исмаилов Д.Р.",
                "8 (71239) 4-40-01",
                "akzhar@altynkol.gov.kz",
            ),
        ),
        services=(
            service(
                "00601",
                "Мектепке дейінгі ұйымдарға жолдама беру үшін мектеп жасына дейінгі балаларды кезекке қою",
                "Постановка на очередь детей дошкольного возраста для направления в дошкольные организации",
                form=("электрондық (толық автоматтандырылған)", "электронная (полностью автоматизированная)"),
                documents=(
                    "ата-ананың жеке басын куәландыратын құжат; баланың туу туралы куәлігі (ЭҮШ арқылы тексеріледі)",
                    "удостоверение личности родителя; свидетельство о рождении ребенка (проверяется через ШЭП)",
                ),
                cost=("тегін", "бесплатно"),
                term=("30 минут", "30 минут"),
                result=(
                    "кезекке қойылғаны туралы хабарлама, кейін — жолдама",
                    "уведомление о постановке в очередь, затем — направление",
                ),
            ),
            service(
                "00602",
                "Жер учаскесіне сәйкестендіру құжатын дайындау және беру",
                "Изготовление и выдача идентификационного документа на земельный участок",
                form=("электрондық, қағаз", "электронная, бумажная"),
                documents=(
                    "өтініш; жер учаскесіне құқық белгілейтін құжат",
                    "заявление; правоустанавливающий документ на земельный участок",
                ),
                cost=(
                    "уәкілетті орган бекіткен баға бойынша ақылы; egov.kz арқылы төленеді",
                    "платно, по цене, утвержденной уполномоченным органом; оплата через egov.kz",
                ),
                term=("5 жұмыс күні", "5 рабочих дней"),
                result=("сәйкестендіру құжаты", "идентификационный документ"),
            ),
            service(
                "00603",
                "Атаулы әлеуметтік көмек тағайындау",
                "Назначение адресной социальной помощи",
                form=("электрондық, қағаз", "электронная, бумажная"),
                documents=("өтініш; отбасының табысы туралы мәліметтер", "заявление; сведения о доходах семьи"),
                cost=("тегін", "бесплатно"),
                term=("8 жұмыс күні", "8 рабочих дней"),
                result=("көмек тағайындау туралы шешім", "решение о назначении помощи"),
            ),
        ),
        laws=(
            (
                "«Қазақстан Республикасындағы жергілікті мемлекеттік басқару және өзін-өзі басқару туралы» Қазақстан Республикасының Заңы",
                "Закон Республики Казахстан «О местном государственном управлении и самоуправлении в Республике Казахстан»",
            ),
            ("Қазақстан Республикасының Бюджет кодексі", "Бюджетный кодекс Республики Казахстан"),
            (
                "«Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан Республикасының Заңы",
                "Закон Республики Казахстан «О государственных услугах»",
            ),
        ),
        field_kk="жергілікті мемлекеттік басқару",
        field_ru="местного государственного управления",
        regulation={
            "kk": "Алтынкөл облысы әкімдігінің 2022 жылғы 24 маусымдағы № 118 қаулысымен",
            "ru": "постановлением акимата Алтынкольской области от 24 июня 2022 года № 118",
            "title_kk": "«Алтынкөл облысы әкімінің аппараты» мемлекеттік мекемесінің ережесі",
            "title_ru": "Положение о государственном учреждении «Аппарат акима Алтынкольской области»",
        },
        order_by={"kk": "Алтынкөл облысы әкімдігінің", "ru": "акимата Алтынкольской области"},
        stats=(
            ("Өнеркәсіп өнімінің көлемі, млрд теңге", "Объем промышленной продукции, млрд тенге", "1 842,6", "2 016,3"),
            (
                "Негізгі капиталға салынған инвестициялар, млрд теңге",
                "Инвестиции в основной капитал, млрд тенге",
                "512,4",
                "588,9",
            ),
            ("Тұрғын үй пайдалануға беру, мың ш.м.", "Ввод в эксплуатацию жилья, тыс. кв. м", "398,0", "412,0"),
            ("Тіркелген жұмыссыздық деңгейі, %", "Уровень зарегистрированной безработицы, %", "4,8", "4,6"),
        ),
        social=(
            ("Facebook", "https://www.facebook.com/altynkol.akimat"),
            ("Instagram", "https://www.instagram.com/altynkol_akimat"),
            ("Telegram", "https://t.me/altynkol_akimat"),
            ("YouTube", "https://www.youtube.com/@altynkol_akimat"),
        ),
        programs={
            "kk": "Алтынкөл облысының 2026–2030 жылдарға арналған аумақты дамыту жоспары",
            "ru": "План развития Алтынкольской области на 2026–2030 годы",
        },
        control={},
        permits=(),
        roadmap_executor=True,
        green_executor=True,
        blog="https://dialog.egov.kz/blogs/all-questions/51230",
        image=plain_image,
        voice="plain",
        show_formats=True,
    )


def _t(kk: str, ru: str) -> dict[str, str]:
    return {"kk": kk, "ru": ru}


# section slug → title; a page's key is "section/page"
SECTIONS: dict[str, dict[str, str]] = {
    "about": _t("Әкімдік туралы", "Об акимате"),
    "activity": _t("Қызмет", "Деятельность"),
    "budget": _t("Бюджет және сатып алу", "Бюджет и закупки"),
    "business": _t("Бизнеске", "Бизнесу"),
    "services": _t("Мемлекеттік қызметтер", "Госуслуги"),
    "citizens": _t("Азаматтарға", "Гражданам"),
    "region": _t("Өңір туралы", "О регионе"),
    "press": _t("Баспасөз орталығы", "Пресс-центр"),
}

PAGES: tuple[Page, ...] = (
    Page("", _t("Басты бет", "Главная"), (use("is.news"), use("is.announcements"), use("is.links"))),
    Page(
        "about/symbols",
        _t("Мемлекеттік рәміздер", "Государственные символы"),
        (use("sym.flag"), use("sym.emblem"), use("sym.anthem")),
        "about",
    ),
    Page("about/akim", _t("Облыс әкімі", "Аким области"), (use("c.leaders"), use("im.blog")), "about"),
    Page("about/structure", _t("Құрылым", "Структура"), (use("gi.chart"), use("gi.units")), "about"),
    Page("about/districts", _t("Аудандар мен қалалар", "Районы и города"), (use("gi.territorial"),), "about"),
    Page("about/regulation", _t("Ереже", "Положение"), (use("gi.regulation"),), "about"),
    Page(
        "about/contacts",
        _t("Байланыс", "Контакты"),
        (use("gi.postal"), use("gi.email"), use("gi.phones"), use("c.office"), use("c.ethics"), use("c.social")),
        "about",
    ),
    Page(
        "activity/plan",
        _t("Аумақты дамыту жоспары", "План развития территории"),
        (use("am.program"), use("am.program_report")),
        "activity",
    ),
    Page(
        "activity/programs",
        _t("Бағдарламалар мен жобалар", "Программы и проекты"),
        (use("am.state_programs"), use("am.state_programs_report")),
        "activity",
    ),
    Page("activity/figures", _t("Облыс сандармен", "Область в цифрах"), (use("am.socio", stale="ru"),), "activity"),
    Page("activity/report", _t("Әкімнің есебі", "Отчет акима"), (use("am.akim_report"),), "activity"),
    Page(
        "activity/councils",
        _t("Кеңестер мен комиссиялар", "Советы и комиссии"),
        (use("am.advisory"), use("am.minutes")),
        "activity",
    ),
    Page("activity/analytics", _t("Талдау", "Аналитика"), (use("am.analytics"),), "activity"),
    Page(
        "activity/address",
        _t("Жолдауды іске асыру", "Реализация Послания"),
        (use("im.address"), use("im.plan"), use("im.progress")),
        "activity",
    ),
    Page(
        "activity/integrity",
        _t("Адалдық алаңы", "Антикоррупционная политика"),
        (use("im.ethics"), use("im.anticorruption")),
        "activity",
    ),
    Page(
        "activity/acts",
        _t("Қаулылар мен шешімдер", "Постановления и решения"),
        (use("nm.adopted"), use("nm.drafts"), use("nm.other")),
        "activity",
    ),
    Page(
        "activity/control",
        _t("Бақылау қорытындылары", "Итоги контроля"),
        (use("ins.results", absent="ru"),),
        "activity",
    ),
    Page(
        "budget/money",
        _t("Облыс бюджеті", "Бюджет области"),
        (use("bu.total"), use("bu.execution"), use("bu.audit")),
        "budget",
    ),
    Page(
        "budget/procurement",
        _t("Мемлекеттік сатып алу", "Госзакупки"),
        (use("te.rules"), use("te.plan"), use("te.tenders"), use("te.portal")),
        "budget",
    ),
    Page(
        "business/support",
        _t("Кәсіпкерлікті қолдау", "Поддержка предпринимательства"),
        (use("en.start"), use("en.subsidy"), use("en.agro"), use("en.consult"), use("pr.roadmap")),
        "business",
    ),
    Page(
        "services/list",
        _t("Мемлекеттік қызметтер", "Государственные услуги"),
        (
            use("ps.section"),
            use("ms.list"),
            use("ps.passport"),
            use("ps.standards"),
            use("ps.regulations"),
            use("ps.drafts"),
            use("ps.monitoring"),
            use("ps.appeal"),
        ),
        "services",
    ),
    Page(
        "citizens/reception",
        _t("Азаматтарды қабылдау", "Прием граждан"),
        (use("po.rules"), use("po.schedule"), use("po.reviews", stale="ru"), use("po.appeal"), use("po.egov")),
        "citizens",
    ),
    Page("citizens/faq", _t("Жиі қойылатын сұрақтар", "Часто задаваемые вопросы"), (use("po.feedback"),), "citizens"),
    Page(
        "citizens/jobs",
        _t("Кадр саясаты", "Кадровая политика"),
        (use("hr.rules"), use("hr.vacancies"), use("hr.requirements"), use("hr.contacts")),
        "citizens",
    ),
    Page(
        "citizens/social",
        _t("Әлеуметтік қорғау", "Социальная защита"),
        (use("so.employment"), use("so.assistance"), use("so.migration")),
        "citizens",
    ),
    Page("region/passport", _t("Өңір паспорты", "Паспорт региона"), (use("rg.passport"),), "region"),
    Page(
        "region/economy",
        _t("Экономика", "Экономика"),
        (use("rg.industry"), use("rg.agriculture"), use("rg.infrastructure")),
        "region",
    ),
    Page(
        "region/social",
        _t("Әлеуметтік сала", "Социальная сфера"),
        (use("rg.health"), use("rg.education"), use("rg.culture")),
        "region",
    ),
    Page("region/invest", _t("Инвесторларға", "Инвесторам"), (use("rg.investment", foreign="ru"),), "region"),
    Page("press/news", _t("Жаңалықтар", "Новости"), (use("is.news"),), "press"),
    Page("press/announcements", _t("Хабарландырулар", "Анонсы"), (use("is.announcements"),), "press"),
    Page(
        "press/systems",
        _t("Ақпараттық жүйелер", "Информационные системы"),
        (use("is.systems"), use("is.links")),
        "press",
    ),
    Page("press/green", _t("Жасыл экономика", "Зеленая экономика"), (use("gr.law"), use("gr.activity")), "press"),
)

_KK = ("kk",)
MOBILE_PAGES: tuple[Page, ...] = (
    Page(
        "baylanys",
        _t("Байланыс", "Контакты"),
        (use("gi.postal"), use("gi.email"), use("gi.phones"), use("c.leaders"), use("gi.units")),
        langs=_KK,
    ),
    Page("biznes", _t("Бизнеске", "Бизнесу"), (use("en.start"), use("en.subsidy"), use("en.agro")), langs=_KK),
    Page(
        "qyzmetter",
        _t("Мемлекеттік қызметтер", "Госуслуги"),
        (
            use("ps.section"),
            use("ms.list"),
            use("ms.form"),
            use("ms.schedule"),
            use("ms.documents"),
            use("ms.term"),
            use("ms.result"),
        ),
        langs=_KK,
    ),
    Page(
        "kadr",
        _t("Бос орындар", "Вакансии"),
        (use("hr.vacancies"), use("hr.requirements"), use("hr.contacts")),
        langs=_KK,
    ),
    Page(
        "qabyldau",
        _t("Азаматтарды қабылдау", "Прием граждан"),
        (use("po.schedule"), use("po.appeal"), use("po.feedback"), use("mp.egov_app")),
        langs=_KK,
    ),
    Page("zhanalyqtar", _t("Жаңалықтар", "Новости"), (use("is.news"),), langs=_KK),
    Page("zhumys", _t("Жұмыспен қамту", "Занятость"), (use("so.employment"),), langs=_KK),
)


def url(key: str, lang: str, mobile: bool = False) -> str:
    if mobile:
        return f"https://{MOBILE_HOST}/{key}" if key else f"https://{MOBILE_HOST}/"
    return f"/{lang}/{key}" if key else f"/{lang}/"


def _stated() -> tuple[Verdict, ...]:
    home, page = "/kk/", "/kk/about/contacts"
    return (
        stated("A14-2.1", "pass", "standard HTML and CSS, displayed the same in every current browser", home),
        stated(
            "A14-2.2",
            "pass",
            "every page is within two clicks of the home page through the menu and the section pages",
            home,
        ),
        stated(
            "A14-2.3",
            "pass",
            "main menu, home link (logo, breadcrumbs), site map link and search form on every page",
            page,
        ),
        stated("A14-2.4", "pass", "breadcrumbs on every inner page", page),
        stated(
            "A14-2.5",
            "partial",
            "full-text search with results on a separate page and the query kept, but no advanced search: -0.25",
            "/kk/search?q=субсидия",
        ),
        stated(
            "A14-2.6",
            "pass",
            "text documents in docx/xlsx/text pdf, each download shows its format and size, nothing needs special software or authorisation",
            "/kk/budget/money",
        ),
        stated(
            "A14-2.7",
            "pass",
            "the long regulation text has a table of contents with internal anchors to its chapters",
            "/kk/about/regulation",
        ),
        stated("A14-2.8", "pass", "every page shows the date and time of posting and of the last change", page),
        stated(
            "A14-2.9",
            "partial",
            "a dead link in the side column (the 2019 archive answers 404): -0.2; the language switch keeps the page and external links open in a new tab with a notice",
            home,
        ),
        stated("A14-2.10", "pass", "'ресми интернет-ресурсы' in the header and the State Emblem at 80×80 px", home),
        stated("A14-2.11", "pass", "'/' redirects straight to the Kazakh home page, no splash", "/"),
        stated(
            "A14-3.1",
            "fail",
            "the banner links (eGov, Akorda, open government) are images with no alternative text: links without a text alternative",
            home,
        ),
        stated(
            "A14-3.2",
            "pass",
            "the news slider rotates by itself but has a visible, keyboard-operable pause button, and stops while focused",
            home,
        ),
        stated(
            "A14-3.3",
            "fail",
            "dropdown submenus open on mouse hover only, and the home-page poll is clickable divs and a span: not operable from the keyboard",
            home,
        ),
        stated(
            "A14-3.4",
            "pass",
            "'Негізгі мазмұнға өту' skip link first on every page moves focus to the main content; long pages end with a 'Жоғары' link",
            page,
        ),
        stated(
            "A14-3.5",
            "pass",
            "the question form, submitted with errors, shows a text message beside each wrong field",
            "/kk/feedback",
        ),
        stated("A14-3.6", "pass", "text contrast at least 4.5:1 throughout", home),
        stated(
            "A14-3.7",
            "fail",
            "fixed 1170 px layout (viewport width=1200): at 200 % text size content is cut off and the page scrolls sideways",
            home,
        ),
        stated("A14-4.1", "pass", "'Сұрақ қою' form for questions", "/kk/feedback"),
        stated("A14-4.2", "pass", "a poll on the home page", home),
        stated("A14-4.3", "fail", "no RSS feed at all: -0.15 twice", home),
        stated("A14-4.4", "pass", "'Жиі қойылатын сұрақтар' page built from questions received", "/kk/citizens/faq"),
        stated("A14-4.5", "fail", "no English version", home),
        stated("A14-4.6", "fail", "no visitor counter", home),
        stated(
            "A16-k",
            "pass",
            "point 96: a phone opening www.altynkol.gov.kz is redirected to m.altynkol.gov.kz: coefficient 5",
            "https://m.altynkol.gov.kz/",
        ),
        stated(
            "A16-2",
            "pass",
            "point 99: every page of the mobile version links to the full version ('Толық нұсқа')",
            "https://m.altynkol.gov.kz/",
        ),
    )


def spec(as_of: date) -> SiteSpec:
    return SiteSpec(
        id="altynkol",
        host=HOST,
        kind="mio",
        names={
            "kk": "Алтынкөл облысының әкімдігі",
            "ru": "Акимат Алтынкольской области",
            "en": "Akimat of Altynkol Region",
        },
        style="a regional akimat's CMS site, Kazakh by default, fixed layout, separate m. mobile version in Kazakh only",
        pages=PAGES,
        mobile_pages=MOBILE_PAGES,
        stated=_stated(),
        nothing=frozenset({"am.intl_opinions", "te.grants"}),
        extra_hosts=(MOBILE_HOST,),
        url=lambda key, lang, mobile: url(key, lang, mobile),
    )
