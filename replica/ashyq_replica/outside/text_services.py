# ruff: noqa: E501  (prose: Kazakh and Russian sentences are kept whole so they can be compared)
"""Blocks about people's dealings with the body: public services (and the memo of the mobile
version), staffing, reception of citizens and appeals."""

from __future__ import annotations

from datetime import timedelta

from ashyq_replica.outside.bank import block, doc, heading, p, ul
from ashyq_replica.outside.context import Ctx, Service, dmy, ext_link, long_date, pick, table

EGOV = "https://egov.kz/"
APP_LINKS = (
    ("App Store", "https://apps.apple.com/kz/app/egov-mobile/id1476128386"),
    ("Google Play", "https://play.google.com/store/apps/details?id=kz.egov.mobile"),
)


# ------------------------------------------------------------------------------------ public services
@block("ps.section")
def _section(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Мемлекеттік қызметтер", "Государственные услуги"), ("Қызметтер", "Услуги"))
    text = pick(
        lang,
        f"{ctx.names['kk']} {len(ctx.services)} мемлекеттік қызмет көрсетеді. Қызметтердің көпшілігін "
        "«Электрондық үкімет» порталы арқылы алуға болады.",
        f"{ctx.names['ru']} оказывает {len(ctx.services)} государственные услуги. Большинство из них можно "
        "получить через портал «электронного правительства».",
    )
    return label, p(text)


@block("ms.list")
def _list(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Мемлекеттік қызметтер тізілімі", "Перечень государственных услуг"),
        ("Қызметтер тізімі", "Список услуг"),
    )
    return label, "<ol>" + "".join(
        f"<li>{s.kk if lang == 'kk' else s.ru} ({s.code})</li>" for s in ctx.services
    ) + "</ol>"


@block("ps.annual")
def _annual(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (2 if stale else 1)
    label = heading(
        ctx,
        lang,
        (
            "Мемлекеттік қызмет көрсету мәселелері жөніндегі жыл сайынғы есеп",
            "Ежегодный отчет по вопросам оказания государственных услуг",
        ),
        ("Қызмет көрсету есебі", "Отчет об услугах"),
    )
    text = pick(
        lang,
        f"{year} жылы 18 412 мемлекеттік қызмет көрсетілді, оның 91,6 %-ы электрондық түрде. "
        "Көрсетілетін қызметті алушылардың 4 шағымы қаралды, 1-і қанағаттандырылды.",
        f"В {year} году оказано 18 412 государственных услуг, из них 91,6 % — в электронном виде. "
        "Рассмотрено 4 жалобы услугополучателей, 1 удовлетворена.",
    )
    return label, p(text) + p(
        doc(
            ctx,
            f"services-report-{year}",
            pick(lang, "Есептің толық мәтіні", "Полный текст отчета"),
            "xlsx",
            "48 КБ",
            lang,
        )
    )


def _per_service(ctx: Ctx, lang: str, name: str, title_kk: str, title_ru: str, fmt: str, size: str) -> str:
    return ul(
        [
            doc(
                ctx,
                f"{name}-{s.code}",
                f"{pick(lang, title_kk, title_ru)}: {s.kk if lang == 'kk' else s.ru}",
                fmt,
                size,
                lang,
            )
            for s in ctx.services
        ]
    )


@block("ps.passport")
def _passport(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Мемлекеттік қызметтердің паспорттары", "Паспорта государственных услуг"))
    return label, _per_service(ctx, lang, "passport", "Паспорт", "Паспорт", "pdf", "180 КБ")


@block("ps.standards")
def _standards(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Мемлекеттік қызметтер стандарттары", "Стандарты государственных услуг"),
        ("Қызмет көрсету қағидалары", "Правила оказания услуг"),
    )
    intro = pick(
        lang,
        "Мемлекеттік қызмет стандарты қызмет көрсету қағидаларының қосымшасында бекітілген:",
        "Стандарт государственной услуги утвержден приложением к правилам ее оказания:",
    )
    return label, p(intro) + _per_service(ctx, lang, "standard", "Стандарт", "Стандарт", "docx", "72 КБ")


@block("ps.regulations")
def _regulations(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Мемлекеттік қызметтер регламенттері", "Регламенты государственных услуг"))
    return label, _per_service(ctx, lang, "regulation", "Регламент", "Регламент", "docx", "64 КБ")


@block("ps.drafts")
def _service_drafts(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    d = ctx.day(380 if stale else 30)
    label = heading(
        ctx,
        lang,
        ("Стандарттар мен регламенттердің жобалары", "Проекты стандартов и регламентов"),
        ("Талқылаудағы қағидалар", "Правила на обсуждении"),
    )
    text = pick(
        lang,
        f"Қызмет көрсету қағидаларына өзгерістер жобасы {dmy(d)} жария талқылауға шығарылды. Талқылау "
        "аяқталғаны туралы есепте 12 ескерту келтірілген, оның 7-еуі ескерілді.",
        f"Проект изменений в правила оказания услуги вынесен на публичное обсуждение {dmy(d)}. В отчете о "
        "завершении обсуждения приведены 12 замечаний, 7 из них учтены.",
    )
    return label, p(text) + p(
        doc(
            ctx,
            "services-discussion",
            pick(lang, "Талқылау туралы есеп", "Отчет о публичном обсуждении"),
            "pdf",
            "150 КБ",
            lang,
        )
    )


@block("ps.monitoring")
def _monitoring(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (2 if stale else 1)
    label = heading(ctx, lang, ("Қоғамдық мониторинг нәтижелері", "Результаты общественного мониторинга"))
    text = pick(
        lang,
        f"{year} жылы үкіметтік емес ұйым мемлекеттік қызметтер көрсету сапасына қоғамдық мониторинг "
        "жүргізді: сауалнамаға қатысқандардың 87 %-ы қызмет сапасына көңілі толатынын айтты.",
        f"В {year} году неправительственная организация провела общественный мониторинг качества оказания "
        "государственных услуг: 87 % опрошенных удовлетворены качеством.",
    )
    return label, p(text)


@block("ps.appeal")
def _service_appeal(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Шағымдану тәртібі", "Порядок обжалования"),
        ("Нәтижемен келіспесеңіз", "Если вы не согласны с результатом"),
    )
    text = pick(
        lang,
        "Мемлекеттік қызмет көрсету нәтижесіне шағым көрсетілетін қызметті берушінің басшысына, мемлекеттік "
        "қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға немесе сотқа беріледі. "
        "Шағым тіркелген күнінен бастап 5 жұмыс күні ішінде қаралады.",
        "Жалоба на результат оказания государственной услуги подается руководителю услугодателя, в "
        "уполномоченный орган по оценке и контролю за качеством оказания государственных услуг или в суд. "
        "Жалоба рассматривается в течение 5 рабочих дней со дня регистрации.",
    )
    return label, p(text)


# the memo of a service (Appendix 16, section «public services», 3.1–3.6): one field per indicator
MEMO_FIELDS: dict[str, tuple[str, str]] = {
    "ms.form": ("Көрсету нысаны", "Форма оказания"),
    "ms.schedule": ("Жұмыс кестесі", "График работы"),
    "ms.documents": ("Қажетті құжаттар", "Необходимые документы"),
    "ms.cost": ("Құны және төлеу тәртібі", "Стоимость и порядок оплаты"),
    "ms.term": ("Көрсету мерзімі", "Срок оказания"),
    "ms.result": ("Көрсету нәтижесі", "Результат оказания"),
}


def memo_value(key: str, service: Service, lang: str) -> str:
    if key == "ms.schedule":
        apps = ", ".join(ext_link(url, name) for name, url in APP_LINKS)
        return pick(
            lang,
            f"Дүйсенбі–жұма 9.00–18.30. Порталда тәулік бойы: {ext_link(EGOV, 'egov.kz')}; eGov mobile қосымшасы: {apps}",
            f"Понедельник–пятница 9.00–18.30. На портале круглосуточно: {ext_link(EGOV, 'egov.kz')}; приложение eGov mobile: {apps}",
        )
    attr = {
        "ms.form": "form",
        "ms.documents": "documents",
        "ms.cost": "cost",
        "ms.term": "term",
        "ms.result": "result",
    }[key]
    value: dict[str, str] = getattr(service, attr)
    return value[lang]


def memo(ctx: Ctx, lang: str, keys: list[str]) -> str:
    """A memo per service with the fields ``keys`` (in the appendix's order)."""
    out = []
    for s in ctx.services:
        rows = "".join(
            f"<dt>{pick(lang, *MEMO_FIELDS[k])}</dt><dd>{memo_value(k, s, lang)}</dd>" for k in MEMO_FIELDS if k in keys
        )
        out.append(f'<section class="memo"><h3>{s.kk if lang == "kk" else s.ru}</h3><dl>{rows}</dl></section>')
    return "".join(out)


def _memo_block(key: str) -> None:
    @block(key)
    def _render(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
        return pick(lang, "Қызметті алу жөніндегі жадынама", "Памятка о получении услуги"), memo(ctx, lang, [key])


for _key in MEMO_FIELDS:
    _memo_block(_key)


# ----------------------------------------------------------------------------------------- staffing
@block("hr.rules")
def _hr_rules(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Мемлекеттік қызметке кіру тәртібі", "Порядок поступления на государственную службу"))
    text = pick(
        lang,
        "«Қазақстан Республикасының мемлекеттік қызметі туралы» Қазақстан Республикасының Заңы және "
        "әкімшілік мемлекеттік лауазымға орналасуға конкурс өткізу қағидалары: ",
        "Закон Республики Казахстан «О государственной службе Республики Казахстан» и Правила проведения "
        "конкурса на занятие административной государственной должности: ",
    )
    return label, p(text + ext_link("https://adilet.zan.kz/", "adilet.zan.kz"))


@block("hr.vacancies")
def _vacancies(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    shift = 300 if stale else 0
    label = heading(
        ctx,
        lang,
        ("Бос лауазымдарға конкурстар", "Конкурсы на занятие вакантных должностей"),
        ("Бос орындар", "Вакансии"),
    )
    rows = [
        [
            dmy(ctx.day(6 + shift)),
            pick(lang, "Бас сарапшы, заң басқармасы", "Главный эксперт юридического управления"),
            "C-4",
            pick(lang, "ішкі конкурс", "внутренний конкурс"),
        ],
        [
            dmy(ctx.day(15 + shift)),
            pick(
                lang, "Басқарма басшысы, цифрландыру департаменті", "Руководитель управления департамента цифровизации"
            ),
            "C-3",
            pick(lang, "жалпы конкурс", "общий конкурс"),
        ],
    ]
    head = [
        pick(lang, "Жарияланған күні", "Дата объявления"),
        pick(lang, "Лауазым", "Должность"),
        pick(lang, "Санаты", "Категория"),
        pick(lang, "Конкурс түрі", "Вид конкурса"),
    ]
    text = pick(
        lang,
        "Құжаттар хабарландыру жарияланған күннен бастап 7 жұмыс күні ішінде qyzmet.gov.kz арқылы қабылданады.",
        "Документы принимаются через qyzmet.gov.kz в течение 7 рабочих дней со дня объявления.",
    )
    return label, table(head, rows) + p(text)


@block("hr.requirements")
def _requirements(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Біліктілік талаптары", "Квалификационные требования"),
        ("Үміткерлерге қойылатын талаптар", "Требования к кандидатам"),
    )
    text = pick(
        lang,
        "С-4 санаты: жоғары немесе жоғары оқу орнынан кейінгі білім; мемлекеттік қызмет туралы заңнаманы "
        "білу; жұмыс тәжірибесі — мемлекеттік қызметте кемінде 2 жыл немесе лауазымның функционалдық "
        "бағытына сәйкес салада кемінде 3 жыл.",
        "Категория C-4: высшее или послевузовское образование; знание законодательства о государственной "
        "службе; опыт работы — не менее 2 лет на государственной службе либо не менее 3 лет в области, "
        "соответствующей функциональным направлениям должности.",
    )
    return label, p(text)


@block("hr.contacts")
def _hr_contacts(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    h = ctx.hr
    label = heading(
        ctx,
        lang,
        ("Конкурс бойынша кеңес беру", "Консультации по вопросам конкурса"),
        ("Кадр қызметі", "Кадровая служба"),
    )
    return label, p(f"{h.kk if lang == 'kk' else h.ru}, {h.position[lang]}: {h.phone}, {h.email}")


# ------------------------------------------------------------------------------- work with citizens
@block("po.rules")
def _po_rules(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Өтініштерді қарау тәртібі", "Порядок рассмотрения обращений"))
    text = pick(
        lang,
        "Жеке және заңды тұлғалардың өтініштерін қарау тәртібі Қазақстан Республикасының Әкімшілік "
        "рәсімдік-процестік кодексімен реттеледі: ",
        "Порядок рассмотрения обращений физических и юридических лиц определяется Административным "
        "процедурно-процессуальным кодексом Республики Казахстан: ",
    )
    return label, p(text + ext_link("https://adilet.zan.kz/", "adilet.zan.kz"))


@block("po.schedule")
def _schedule(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx, lang, ("Азаматтарды жеке қабылдау кестесі", "График приема граждан"), ("Жеке қабылдау", "Личный прием")
    )
    days = [("Сейсенбі", "Вторник"), ("Бейсенбі", "Четверг"), ("Жұма", "Пятница")]
    rows = []
    for person, (d_kk, d_ru) in zip((ctx.head, *ctx.deputies), days, strict=False):
        rows.append(
            [
                person.kk if lang == "kk" else person.ru,
                person.position[lang],
                pick(lang, d_kk, d_ru) + ", 15.00–18.00",
                person.phone,
            ]
        )
    head = [
        pick(lang, "Аты-жөні", "Ф.И.О."),
        pick(lang, "Лауазымы", "Должность"),
        pick(lang, "Қабылдау күні", "День приема"),
        pick(lang, "Алдын ала жазылу", "Предварительная запись"),
    ]
    return label, table(head, rows)


@block("po.reviews")
def _reviews(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (1 if stale else 0)
    label = heading(
        ctx, lang, ("Өтініштерге шолу", "Обзор обращений граждан"), ("Өтініштер статистикасы", "Статистика обращений")
    )
    period = pick(lang, f"{year} жылғы 9 айда", f"За 9 месяцев {year} года")
    text = pick(
        lang,
        f"{period} 1 284 өтініш келіп түсті: түсіндіру сұраулары — 61 %, шағымдар — 9 %, ұсыныстар — 4 %. "
        "Мерзімі бұзылып қаралған өтініш жоқ. Жиі қойылатын мәселелер: рұқсат құжаттарын беру мерзімдері, "
        "электрондық қызметтер.",
        f"{period} поступило 1 284 обращения: запросы на разъяснение — 61 %, жалобы — 9 %, предложения — 4 %. "
        "Обращений, рассмотренных с нарушением сроков, нет. Частые темы: сроки выдачи разрешительных "
        "документов, электронные услуги.",
    )
    return label, p(text)


@block("po.appeal")
def _po_appeal(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Шешімдерге шағымдану тәртібі", "Порядок обжалования решений"))
    d = ctx.deputies[0]
    text = pick(
        lang,
        "Өтінішті қарау нәтижесі бойынша қабылданған шешімге жоғары тұрған лауазымды адамға немесе сотқа "
        f"шағым жасауға болады. Жауапты тұлға: {d.kk}, {d.position['kk']}, тел. {d.phone}.",
        "Решение, принятое по результатам рассмотрения обращения, может быть обжаловано вышестоящему "
        f"должностному лицу или в суд. Ответственное лицо: {d.ru}, {d.position['ru']}, тел. {d.phone}.",
    )
    return label, p(text)


@block("po.egov")
def _egov(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx, lang, ("Электрондық өтініштер", "Электронные обращения"), ("Онлайн өтініш", "Обращение онлайн")
    )
    text = pick(
        lang,
        "Электрондық өтінішті «Электрондық үкімет» порталындағы «Е-өтініш» жүйесі арқылы беруге болады: ",
        "Электронное обращение можно направить через систему «Е-Өтініш» на портале «электронного правительства»: ",
    )
    return label, p(text + ext_link("https://eotinish.kz/", "eotinish.kz") + ", " + ext_link(EGOV, "egov.kz"))


@block("mp.egov_app")
def _egov_app(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Электрондық өтініштер", "Электронные обращения"))
    apps = ", ".join(ext_link(url, name) for name, url in APP_LINKS)
    text = pick(
        lang,
        f"Өтінішті egov.kz порталы арқылы жіберіңіз: {ext_link(EGOV, 'egov.kz')}. eGov mobile қосымшасын жүктеу: {apps}.",
        f"Направьте обращение через портал egov.kz: {ext_link(EGOV, 'egov.kz')}. Скачать приложение eGov mobile: {apps}.",
    )
    return label, p(text)


@block("po.feedback")
def _feedback(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (1 if stale else 0)
    label = heading(ctx, lang, ("Кері байланыс", "Обратная связь"), ("Сұрақ-жауап", "Вопрос-ответ"))
    text = pick(
        lang,
        f"Сұрағыңызды интернет-қабылдау бөлмесі арқылы қойыңыз. {year} жылғы сауалнама қорытындылары мен "
        "жиі қойылатын сұрақтарға жауаптар осы бөлімде.",
        f"Задайте вопрос через интернет-приемную. Итоги опроса населения {year} года и ответы на часто "
        "задаваемые вопросы — в этом разделе.",
    )
    return label, p(text) + p(f'<a href="@feedback">{pick(lang, "Сұрақ қою", "Задать вопрос")}</a>')


def news_items(ctx: Ctx, lang: str, stale: bool, count: int = 6) -> list[tuple[str, str, str]]:
    """(date, title, lead) of the latest news; ``stale`` is a feed that stopped months ago."""
    first = 260 if stale else 1
    subjects = [
        (
            f"{ctx.short['kk']} алқа отырысы өтті",
            f"Состоялось заседание коллегии {ctx.short['ru']}",
            "Отырыста жыл қорытындылары қаралды.",
            "Рассмотрены итоги года.",
        ),
        (
            "Азаматтарды көшпелі қабылдау",
            "Выездной прием граждан",
            "Басшылық өңірде азаматтарды қабылдады.",
            "Руководство провело прием граждан в регионе.",
        ),
        (
            "Қоғамдық кеңес отырысы",
            "Заседание общественного совета",
            "Бюджеттік бағдарламалардың жобалары талқыланды.",
            "Обсуждены проекты бюджетных программ.",
        ),
        (
            "Брифинг өтті",
            "Прошел брифинг",
            "Баспасөз қызметі журналистердің сұрақтарына жауап берді.",
            "Пресс-служба ответила на вопросы журналистов.",
        ),
        (
            "Жаңа электрондық қызмет",
            "Новая электронная услуга",
            "Қызметті енді egov.kz арқылы алуға болады.",
            "Услугу теперь можно получить через egov.kz.",
        ),
        (
            "Халықаралық ынтымақтастық",
            "Международное сотрудничество",
            "Меморандумға қол қойылды.",
            "Подписан меморандум.",
        ),
    ]
    out = []
    for n in range(count):
        t_kk, t_ru, l_kk, l_ru = subjects[n % len(subjects)]
        out.append((dmy(ctx.day(first + n * 4)), pick(lang, t_kk, t_ru), pick(lang, l_kk, l_ru)))
    return out


@block("is.news")
def _news(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Жаңалықтар", "Новости"), ("Соңғы жаңалықтар", "Последние новости"))
    items = [
        f'<span class="date">{d}</span> <a href="@news/{n}">{t}</a> — {lead}'
        for n, (d, t, lead) in enumerate(news_items(ctx, lang, stale), 1)
    ]
    archive = f'<a href="@news/archive">{pick(lang, "Жаңалықтар мұрағаты", "Архив новостей")}</a>'
    return label, ul(items) + p(archive)


@block("is.announcements")
def _announcements(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Хабарландырулар", "Анонсы"), ("Алдағы іс-шаралар", "Скоро"))
    future = ctx.as_of if not stale else ctx.day(330)
    d1, d2 = future + timedelta(days=6), future + timedelta(days=13)
    items = [
        f"{long_date(d1, lang)}, 11.00 — "
        + pick(
            lang,
            "басшының халық алдындағы есебі (онлайн трансляция)",
            "отчетная встреча руководителя с населением (онлайн-трансляция)",
        ),
        f"{long_date(d2, lang)}, 15.00 — " + pick(lang, "қоғамдық кеңес отырысы", "заседание общественного совета"),
    ]
    return label, ul(items)
