# ruff: noqa: E501  (prose: Kazakh and Russian sentences are kept whole so they can be compared)
"""www.archives.gov.kz: a central agency's site built by JavaScript (CGO, kk/ru/en).

How it is built: every route answers the same empty shell (``<div id="app">`` and a ``<noscript>``
notice); ``/assets/app.js`` fetches the content from a JSON API (``/api/v1/…``) and moves between
routes with the History API; routes are ``/kk/…``, ``/ru/…``, ``/en/…``; a ``sitemap.xml`` lists them
and robots.txt names it with a relative ``Sitemap: /sitemap.xml``. Responsive layout, a wide
statistics table in a scrolling region, a moving news line with a pause button, a FAQ whose
answers open only on a mouse click, a registry behind an eGov sign-in, an English interface whose
information materials stay in Kazakh and Russian.
"""

from __future__ import annotations

from datetime import date

from ashyq_replica.outside.context import Ctx, person, plain_image, service, unit
from ashyq_replica.outside.model import Page, SiteSpec, Verdict, stated, use

HOST = "www.archives.gov.kz"


def context(as_of: date) -> Ctx:
    return Ctx(
        kind="cgo",
        host=HOST,
        as_of=as_of,
        names={
            "kk": "Қазақстан Республикасының Мұрағат және құжаттама істері агенттігі",
            "ru": "Агентство Республики Казахстан по делам архивов и документации",
        },
        of={
            "kk": "Қазақстан Республикасы Мұрағат және құжаттама істері агенттігінің",
            "ru": "Агентства Республики Казахстан по делам архивов и документации",
        },
        short={"kk": "Агенттік", "ru": "АДАД"},
        address={
            "kk": "010000, Астана қаласы, Есіл ауданы, Д. Қонаев көшесі, 33, «Транспорт тауэр» бизнес орталығы, 9-қабат",
            "ru": "010000, г. Астана, район Есиль, ул. Д. Кунаева, 33, бизнес-центр «Транспорт тауэр», 9 этаж",
        },
        email="info@archives.gov.kz",
        phone="+7 (7172) 57-30-00",
        office_phone="+7 (7172) 57-30-10",
        press_phone="+7 (7172) 57-30-20",
        head=person(
            "Тоқтарова Айжан Болатқызы",
            "Токтарова Айжан Болатовна",
            "Агенттік төрағасы",
            "Председатель Агентства",
            "+7 (7172) 57-30-01",
            "a.toktarova@archives.gov.kz",
        ),
        deputies=(
            person(
                "Әбенов Серік Қанатұлы",
                "Абенов Серик Канатович",
                "Төрағаның орынбасары",
                "Заместитель Председателя",
                "+7 (7172) 57-30-02",
                "s.abenov@archives.gov.kz",
            ),
            person(
                "Литвиненко Ольга Петровна",
                "Литвиненко Ольга Петровна",
                "Төрағаның орынбасары",
                "Заместитель Председателя",
                "+7 (7172) 57-30-03",
                "o.litvinenko@archives.gov.kz",
            ),
            person(
                "Жақыпов Бауыржан Темірұлы",
                "Жакупов Бауыржан Темирович",
                "Аппарат басшысы",
                "Руководитель аппарата",
                "+7 (7172) 57-30-04",
                "b.zhakupov@archives.gov.kz",
            ),
        ),
        ethics=person(
            "Сарсенбаева Мадина Ерланқызы",
            "Сарсенбаева Мадина Ерлановна",
            "әдеп жөніндегі уәкіл",
            "уполномоченный по этике",
            "+7 (7172) 57-30-40",
            "ethics@archives.gov.kz",
        ),
        hr=person(
            "Нұрланова Әйгерім Маратқызы",
            "Нурланова Айгерим Маратовна",
            "адами ресурстар басқармасының сарапшысы",
            "эксперт управления человеческих ресурсов",
            "+7 (7172) 57-30-44",
            "hr@archives.gov.kz",
        ),
        units=(
            unit(
                "Ұлттық мұрағат қоры департаменті",
                "Департамент Национального архивного фонда",
                "Ғабдуллин Р.Е.",
                "Габдуллин Р.Е.",
                "+7 (7172) 57-31-00",
                "naf@archives.gov.kz",
            ),
            unit(
                "Мемлекеттік бақылау департаменті",
                "Департамент государственного контроля",
                "Ким С.В.",
                "Ким С.В.",
                "+7 (7172) 57-32-00",
                "control@archives.gov.kz",
            ),
            unit(
                "Цифрлық мұрағат басқармасы",
                "Управление цифрового архива",
                "Омарова Ж.Қ.",
                "Омарова Ж.К.",
                "+7 (7172) 57-33-00",
                "digital@archives.gov.kz",
            ),
        ),
        subordinates=(
            unit(
                "Қазақстан Республикасының Ұлттық мұрағаты",
                "Национальный архив Республики Казахстан",
                "Бекенова Д.С.",
                "Бекенова Д.С.",
                "+7 (7172) 57-40-00",
                "info@nationalarchive.kz",
                "https://nationalarchive.kz",
            ),
            unit(
                "Орталық мемлекеттік мұрағат",
                "Центральный государственный архив",
                "Исина Г.Т.",
                "Исина Г.Т.",
                "+7 (727) 261-20-11",
                "cga@archives.gov.kz",
                "https://cga.archives.gov.kz",
            ),
        ),
        territorial=(
            unit(
                "Солтүстік өңіраралық мұрағаттық бақылау инспекциясы",
                "Северная межрегиональная инспекция архивного контроля",
                "Панов А.Н.",
                "Панов А.Н.",
                "+7 (7152) 46-10-20",
                "north@archives.gov.kz",
            ),
            unit(
                "Оңтүстік өңіраралық мұрағаттық бақылау инспекциясы",
                "Южная межрегиональная инспекция архивного контроля",
                "Тұрсынов Е.Ж.",
                "Турсынов Е.Ж.",
                "+7 (7252) 53-11-40",
                "south@archives.gov.kz",
            ),
            unit(
                "Батыс өңіраралық мұрағаттық бақылау инспекциясы",
                "Западная межрегиональная инспекция архивного контроля",
                "Құдайбергенова А.М.",
                "Кудайбергенова А.М.",
                "+7 (7122) 27-30-15",
                "west@archives.gov.kz",
            ),
        ),
        services=(
            service(
                "00801",
                "Мұрағаттық анықтамалар, мұрағаттық құжаттардың көшірмелерін немесе мұрағаттық үзінді көшірмелерді беру",
                "Выдача архивных справок, копий архивных документов или архивных выписок",
                form=(
                    "электрондық (ішінара автоматтандырылған), қағаз",
                    "электронная (частично автоматизированная), бумажная",
                ),
                documents=(
                    "сұрау салу; жеке басын куәландыратын құжат (сәйкестендіру үшін)",
                    "запрос; документ, удостоверяющий личность (для идентификации)",
                ),
                cost=("тегін", "бесплатно"),
                term=(
                    "15 жұмыс күні, іздеу күрделі болса — 30 күнтізбелік күн",
                    "15 рабочих дней, при сложном поиске — 30 календарных дней",
                ),
                result=("мұрағаттық анықтама, көшірме немесе үзінді көшірме", "архивная справка, копия или выписка"),
            ),
            service(
                "00802",
                "Шетелге уақытша шығаруға рұқсат беру (Ұлттық мұрағат қорының құжаттары)",
                "Выдача разрешения на временный вывоз документов Национального архивного фонда",
                form=("электрондық", "электронная"),
                documents=(
                    "өтініш; құжаттар тізбесі; сақтандыру шарты",
                    "заявление; перечень документов; договор страхования",
                ),
                cost=("тегін", "бесплатно"),
                term=("10 жұмыс күні", "10 рабочих дней"),
                result=("рұқсат", "разрешение"),
            ),
        ),
        laws=(
            (
                "«Ұлттық мұрағат қоры және мұрағаттар туралы» Қазақстан Республикасының Заңы",
                "Закон Республики Казахстан «О Национальном архивном фонде и архивах»",
            ),
            (
                "«Ақпаратқа қол жеткізу туралы» Қазақстан Республикасының Заңы",
                "Закон Республики Казахстан «О доступе к информации»",
            ),
            (
                "«Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан Республикасының Заңы",
                "Закон Республики Казахстан «О государственных услугах»",
            ),
        ),
        field_kk="мұрағат ісі және құжаттама",
        field_ru="архивного дела и документации",
        regulation={
            "kk": "Қазақстан Республикасы Үкіметінің 2024 жылғы 5 наурыздағы № 163 қаулысымен",
            "ru": "постановлением Правительства Республики Казахстан от 5 марта 2024 года № 163",
            "title_kk": "Агенттік туралы ереже",
            "title_ru": "Положение об Агентстве",
        },
        order_by={
            "kk": "Қазақстан Республикасы Мұрағат және құжаттама істері агенттігі Төрағасының",
            "ru": "Председателя Агентства Республики Казахстан по делам архивов и документации",
        },
        stats=(
            (
                "Ұлттық мұрағат қорының сақтау бірліктері, млн",
                "Единицы хранения Национального архивного фонда, млн",
                "12,84",
                "13,02",
            ),
            ("Цифрландырылған істер, мың", "Оцифровано дел, тыс.", "214,6", "301,9"),
            ("Берілген мұрағаттық анықтамалар, мың", "Выдано архивных справок, тыс.", "186,2", "179,4"),
            ("Оның ішінде электрондық түрде, %", "В том числе в электронном виде, %", "88,1", "93,7"),
            ("Оқу залдарына келушілер, мың", "Посетители читальных залов, тыс.", "21,3", "24,8"),
        ),
        social=(
            ("Facebook", "https://www.facebook.com/archives.gov.kz"),
            ("Instagram", "https://www.instagram.com/archives.gov.kz"),
            ("Telegram", "https://t.me/archives_gov_kz"),
        ),
        programs={
            "kk": "Ұлттық мұрағат қорын цифрландырудың 2025–2029 жылдарға арналған жобасы",
            "ru": "проект цифровизации Национального архивного фонда на 2025–2029 годы",
        },
        control={
            "kk": "Ұлттық мұрағат қоры және мұрағаттар туралы заңнаманың сақталуын мемлекеттік бақылау",
            "ru": "государственный контроль за соблюдением законодательства о Национальном архивном фонде и архивах",
        },
        permits=(
            (
                "Ұлттық мұрағат қорының құжаттарын уақытша шығаруға рұқсат",
                "разрешение на временный вывоз документов Национального архивного фонда",
            ),
            ("мұрағаттық анықтамалар беру", "выдача архивных справок"),
        ),
        roadmap_executor=False,
        green_executor=False,
        blog="",
        image=plain_image,
        voice="plain",
        show_formats=True,
    )


def _t(kk: str, ru: str, en: str) -> dict[str, str]:
    return {"kk": kk, "ru": ru, "en": en}


SECTIONS: dict[str, dict[str, str]] = {
    "agency": _t("Агенттік", "Агентство", "Agency"),
    "documents": _t("Құжаттар", "Документы", "Documents"),
    "activity": _t("Қызмет", "Деятельность", "Activity"),
    "control": _t("Бақылау", "Контроль", "Control"),
    "services": _t("Қызметтер", "Услуги", "Services"),
    "career": _t("Мансап", "Карьера", "Career"),
    "citizens": _t("Азаматтарға", "Гражданам", "Citizens"),
    "media": _t("Медиа", "Медиа", "Media"),
}

MEMO = ("ms.form", "ms.schedule", "ms.documents", "ms.cost", "ms.term", "ms.result")

PAGES: tuple[Page, ...] = (
    Page("", _t("Басты бет", "Главная", "Home"), (use("is.news"), use("is.announcements"), use("is.updates"))),
    Page(
        "agency/symbols",
        _t("Мемлекеттік рәміздер", "Государственные символы", "State symbols"),
        (use("sym.flag"), use("sym.emblem"), use("sym.anthem")),
        "agency",
    ),
    Page("agency/leadership", _t("Басшылық", "Руководство", "Leadership"), (use("c.leaders"),), "agency"),
    Page("agency/structure", _t("Құрылым", "Структура", "Structure"), (use("gi.chart"), use("gi.units")), "agency"),
    Page(
        "agency/regions",
        _t("Өңірлердегі инспекциялар", "Инспекции в регионах", "Regional inspections"),
        (use("gi.territorial"),),
        "agency",
    ),
    Page("agency/regulation", _t("Ереже", "Положение", "Regulation"), (use("gi.regulation"),), "agency"),
    Page(
        "agency/contacts",
        _t("Бізбен байланыс", "Как с нами связаться", "Contact us"),
        (use("gi.postal"), use("gi.email"), use("gi.phones"), use("c.office"), use("c.ethics"), use("c.social")),
        "agency",
    ),
    Page(
        "agency/integrity",
        _t("Адалдық және әдеп", "Честность и этика", "Integrity and ethics"),
        (use("im.ethics"), use("im.anticorruption")),
        "agency",
    ),
    Page(
        "agency/address",
        _t("Жолдауды іске асыру", "Реализация Послания", "Implementing the Address"),
        (use("im.address"), use("im.plan"), use("im.progress")),
        "agency",
    ),
    Page("documents/acts", _t("Актілер", "Акты", "Acts"), (use("nm.adopted"), use("nm.other")), "documents"),
    Page(
        "documents/drafts",
        _t("Жобаларды талқылау", "Обсуждение проектов", "Drafts for discussion"),
        (use("nm.drafts"), use("nm.discuss")),
        "documents",
    ),
    Page(
        "activity/plan",
        _t("Даму жоспары", "План развития", "Development plan"),
        (use("ac.plan"), use("ac.plan_report"), use("ac.programs"), use("ac.programs_report")),
        "activity",
    ),
    Page(
        "activity/figures",
        _t("Сандар мен фактілер", "Цифры и факты", "Facts and figures"),
        (use("ac.stats", foreign="kk"),),
        "activity",
    ),
    Page(
        "activity/analytics",
        _t("Талдау және бағалау", "Аналитика и оценка", "Analysis and assessment"),
        (use("ac.analytics"), use("ac.assessment")),
        "activity",
    ),
    Page(
        "activity/international",
        _t("Халықаралық байланыстар", "Международные связи", "International relations"),
        (use("ac.international"),),
        "activity",
    ),
    Page(
        "activity/councils",
        _t("Қоғамдық кеңес", "Общественный совет", "Public council"),
        (use("ac.advisory"),),
        "activity",
    ),
    Page(
        "activity/finance",
        _t("Қаржы", "Финансы", "Finance"),
        (use("bu.total"), use("bu.execution"), use("bu.statements"), use("bu.audit")),
        "activity",
    ),
    Page(
        "activity/procurement",
        _t("Сатып алу", "Закупки", "Procurement"),
        (use("te.rules"), use("te.plan"), use("te.tenders"), use("te.portal")),
        "activity",
    ),
    Page(
        "control/overview",
        _t("Бақылау және рұқсаттар", "Контроль и разрешения", "Control and permits"),
        (use("pr.control"), use("pr.permits"), use("pr.templates"), use("pr.business"), use("pr.roadmap")),
        "control",
    ),
    Page(
        "control/inspections",
        _t("Тексерулер", "Проверки", "Inspections"),
        (use("pr.schedule", stale="kk ru"), use("ins.results")),
        "control",
    ),
    Page(
        "services/list",
        _t("Мемлекеттік қызметтер", "Государственные услуги", "Public services"),
        (
            use("ps.section"),
            use("ms.list"),
            *(use(k) for k in MEMO),
            use("ps.annual"),
            use("ps.passport"),
            use("ps.standards"),
            use("ps.regulations"),
            use("ps.drafts"),
            use("ps.monitoring"),
            use("ps.appeal"),
        ),
        "services",
    ),
    Page("services/registry", _t("Анықтамалар тізілімі", "Реестр справок", "Register of certificates"), (), "services"),
    Page(
        "career/vacancies",
        _t("Бос орындар", "Вакансии", "Vacancies"),
        (use("hr.rules"), use("hr.vacancies"), use("hr.requirements", foreign="kk"), use("hr.contacts")),
        "career",
    ),
    Page(
        "citizens/reception",
        _t("Жеке қабылдау", "Личный прием", "Personal reception"),
        (use("po.rules"), use("po.schedule"), use("po.reviews"), use("po.appeal"), use("po.egov")),
        "citizens",
    ),
    Page(
        "citizens/appeal",
        _t("Өтініш жіберу", "Отправить обращение", "Send an appeal"),
        (use("po.feedback"),),
        "citizens",
    ),
    Page("citizens/faq", _t("Жиі қойылатын сұрақтар", "Частые вопросы", "FAQ"), (), "citizens"),
    Page("media/news", _t("Жаңалықтар", "Новости", "News"), (use("is.news"),), "media"),
    Page(
        "media/speeches",
        _t("Сөйлеген сөздер мен анонстар", "Выступления и анонсы", "Speeches and announcements"),
        (use("is.speeches"), use("is.announcements")),
        "media",
    ),
    Page(
        "media/systems",
        _t("Ақпараттық жүйелер", "Информационные системы", "Information systems"),
        (use("is.systems"), use("is.links")),
        "media",
    ),
    Page(
        "media/green",
        _t("Жасыл экономика", "Зеленая экономика", "Green economy"),
        (use("gr.law"), use("gr.activity")),
        "media",
    ),
)


def url(key: str, lang: str, mobile: bool = False) -> str:
    return f"/{lang}/{key}" if key else f"/{lang}/"


def _stated() -> tuple[Verdict, ...]:
    home, page = "/ru/", "/ru/agency/contacts"
    return (
        stated(
            "A14-2.1", "pass", "standard HTML, CSS and JavaScript, displayed the same in every current browser", home
        ),
        stated("A14-2.2", "pass", "every route is within two clicks of the home page through the menu", home),
        stated("A14-2.3", "pass", "menu, home link (logo), site map link and search form on every route", page),
        stated("A14-2.4", "pass", "breadcrumbs on every inner route", page),
        stated(
            "A14-2.5",
            "pass",
            "full-text search, advanced search (section, dates), results on their own route with the query kept in the box",
            "/ru/search?q=справка",
        ),
        stated(
            "A14-2.6",
            "partial",
            "the register of archive certificates can be read only after signing in with eGov (2.6 requirement 4): -0.25",
            "/ru/services/registry",
        ),
        stated(
            "A14-2.7",
            "pass",
            "the regulation text has a table of contents with internal anchors",
            "/ru/agency/regulation",
        ),
        stated(
            "A14-2.8", "partial", "routes show the date of posting but never the date of the last change: -0.2", page
        ),
        stated(
            "A14-2.9",
            "pass",
            "no dead links; the language switch keeps the route; external links open a new tab and say so",
            home,
        ),
        stated(
            "A14-2.10",
            "pass",
            "'Ресми интернет-ресурс / Официальный интернет-ресурс' in the header and the State Emblem at 64×64 px",
            home,
        ),
        stated("A14-2.11", "pass", "no splash: '/' shows the home page", "/"),
        stated(
            "A14-3.1",
            "pass",
            "every meaningful image has alternative text; decorative ones have empty alt",
            "/ru/agency/symbols",
        ),
        stated(
            "A14-3.2",
            "pass",
            "the moving news line has a visible, keyboard-operable pause button and stops on focus and hover",
            home,
        ),
        stated(
            "A14-3.3",
            "fail",
            "the FAQ answers open only by a mouse click on a div: not reachable from the keyboard",
            "/ru/citizens/faq",
        ),
        stated(
            "A14-3.4",
            "pass",
            "a skip link first on every route moves focus to the main content; long routes end with a back-to-top link",
            page,
        ),
        stated(
            "A14-3.5",
            "pass",
            "the appeal form answers a wrong submit with a text message beside each wrong field",
            "/ru/citizens/appeal",
        ),
        stated("A14-3.6", "pass", "text contrast at least 4.5:1", home),
        stated(
            "A14-3.7",
            "pass",
            "fluid layout reflows at 200 % and at 320 px; only the wide statistics table scrolls inside its own region",
            "/ru/activity/figures",
        ),
        stated("A14-4.1", "pass", "an appeal form", "/ru/citizens/appeal"),
        stated("A14-4.2", "pass", "a poll form on the home page", home),
        stated("A14-4.3", "pass", "RSS of news and of procurement announcements", "/rss/news-ru.xml"),
        stated(
            "A14-4.4",
            "pass",
            "FAQ built from the questions received (its answers are not keyboard-operable, see 3.3)",
            "/ru/citizens/faq",
        ),
        stated(
            "A14-4.5",
            "partial",
            "English interface on every route including news, but the information materials are not translated: 0.15",
            "/en/",
        ),
        stated("A14-4.6", "fail", "no visitor counter", home),
        stated(
            "A16-k",
            "pass",
            "point 96: the responsive layout loads by itself on a phone (viewport width=device-width, one column below 48em): coefficient 5",
            home,
        ),
        stated(
            "A16-2",
            "pass",
            "point 99: there is no separate mobile version, so nothing lacks a link to the full version",
            home,
        ),
    )


def spec(as_of: date) -> SiteSpec:
    return SiteSpec(
        id="archives",
        host=HOST,
        kind="cgo",
        names={
            "kk": "Қазақстан Республикасының Мұрағат және құжаттама істері агенттігі",
            "ru": "Агентство Республики Казахстан по делам архивов и документации",
            "en": "Agency of the Republic of Kazakhstan for Archives and Documentation",
        },
        style="a central agency's site built by JavaScript: empty shell, JSON API, History-API routes, kk/ru/en, responsive",
        pages=PAGES,
        mobile_pages=None,
        stated=_stated(),
        nothing=frozenset({"ac.intl_opinions", "te.grants", "is.media"}),
        url=lambda key, lang, mobile: url(key, lang),
    )
