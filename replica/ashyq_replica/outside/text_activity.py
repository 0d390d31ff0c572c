# ruff: noqa: E501  (prose: Kazakh and Russian sentences are kept whole so they can be compared)
"""Blocks about what the body does: plans and reports, statistics, control and permits, support of
business, information support, the "green economy", and for a region its reference pages and social
protection."""

from __future__ import annotations

from ashyq_replica.outside.bank import block, doc, heading, p, ul
from ashyq_replica.outside.context import Ctx, dmy, ext_link, long_date, pick, table


# ------------------------------------------------------------------------ current activity (CGO)
@block("ac.plan")
def _plan(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    first = ctx.year - (5 if stale else 1)
    label = heading(ctx, lang, ("Даму жоспары", "План развития"), ("Стратегиялық құжаттар", "Стратегия"))
    title = pick(
        lang,
        f"{ctx.of['kk']} {first}–{first + 4} жылдарға арналған даму жоспары",
        f"План развития {ctx.of['ru']} на {first}–{first + 4} годы",
    )
    return label, p(doc(ctx, f"development-plan-{first}", title, "pdf", "2,4 МБ", lang))


@block("ac.plan_report")
def _plan_report(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (3 if stale else 1)
    label = heading(ctx, lang, ("Даму жоспарының орындалуы туралы есеп", "Отчет о реализации плана развития"))
    text = pick(
        lang,
        f"{year} жылғы есеп (нысаналы индикаторлардың 17-нің 15-іне қол жеткізілді).",
        f"Отчет за {year} год (достигнуто 15 из 17 целевых индикаторов).",
    )
    return label, p(text) + p(doc(ctx, f"plan-report-{year}", pick(lang, "Есеп", "Отчет"), "pdf", "890 КБ", lang))


@block("ac.programs")
def _programs(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Мемлекеттік бағдарламалар", "Государственные программы"),
        ("Ұлттық жобалар мен тұжырымдамалар", "Национальные проекты и концепции"),
    )
    return label, p(
        pick(
            lang,
            f"Орындаушысы болып табылатын құжат: {ctx.programs['kk']}.",
            f"Документ, исполнителем которого является {ctx.short['ru']}: {ctx.programs['ru']}.",
        )
    )


@block("ac.programs_report")
def _programs_report(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (3 if stale else 1)
    label = heading(ctx, lang, ("Бағдарламалардың орындалуы туралы есептер", "Отчеты об исполнении программ"))
    return label, p(
        doc(
            ctx,
            f"program-report-{year}",
            pick(lang, f"{year} жылғы орындалу туралы есеп", f"Отчет об исполнении за {year} год"),
            "xlsx",
            "41 КБ",
            lang,
        )
    )


def _stats_table(ctx: Ctx, lang: str, stale: bool) -> str:
    year = ctx.year - (3 if stale else 1)
    head = [pick(lang, "Көрсеткіш", "Показатель"), str(year - 1), str(year)]
    rows = [[kk if lang == "kk" else ru, a, b] for kk, ru, a, b in ctx.stats]
    return table(head, rows, "data stats") + p(
        doc(ctx, f"statistics-{year}", pick(lang, "Деректер жинағы", "Набор данных"), "xlsx", "33 КБ", lang)
    )


@block("ac.stats")
def _stats(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Салалық статистикалық деректер", "Статистические данные отрасли"),
        ("Сандар мен фактілер", "Цифры и факты"),
    )
    return label, _stats_table(ctx, lang, stale)


@block("ac.analytics")
def _analytics(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (2 if stale else 0)
    label = heading(ctx, lang, ("Талдамалық баяндамалар", "Аналитические доклады и обзоры"), ("Талдау", "Аналитика"))
    title = pick(
        lang,
        f"{ctx.field_kk.capitalize()} саласының жай-күйі туралы шолу, {year}",
        f"Обзор состояния сферы {ctx.field_ru}, {year}",
    )
    return label, p(doc(ctx, f"review-{year}", title, "pdf", "1,6 МБ", lang))


@block("ac.international")
def _international(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Халықаралық ынтымақтастық", "Международное сотрудничество"))
    items = [
        pick(
            lang,
            "Тәуелсіз Мемлекеттер Достастығының салалық кеңесі (мүше)",
            "Отраслевой совет Содружества Независимых Государств (член)",
        ),
        pick(
            lang,
            "Экономикалық ынтымақтастық және даму ұйымымен бірлескен жоба",
            "Совместный проект с Организацией экономического сотрудничества и развития",
        ),
        pick(
            lang,
            f"Өзбекстан Республикасының тиісті министрлігімен ынтымақтастық туралы келісім ({ctx.year - 1})",
            f"Соглашение о сотрудничестве с профильным министерством Республики Узбекистан ({ctx.year - 1})",
        ),
    ]
    return label, ul(items)


@block("ac.advisory")
def _advisory(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Консультативтік-кеңесші органдар", "Консультативно-совещательные органы"),
        ("Қоғамдық кеңес", "Общественный совет"),
    )
    text = pick(
        lang,
        "Қоғамдық кеңес (15 мүше) және Сараптамалық кеңес жұмыс істейді. Отырыстардың жоспары, шешімдері мен құрамы осы бөлімде.",
        "Работают Общественный совет (15 членов) и Экспертный совет. План заседаний, решения и составы — в этом разделе.",
    )
    return label, p(text)


@block("ac.assessment")
def _assessment(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (3 if stale else 1)
    label = heading(ctx, lang, ("Қызмет тиімділігін бағалау нәтижелері", "Итоги оценки эффективности деятельности"))
    text = pick(
        lang,
        f"{year} жылғы бағалау нәтижелері: 84,6 балл («жоғары» деңгей).",
        f"Итоги оценки за {year} год: 84,6 балла (уровень «высокий»).",
    )
    return label, p(text)


@block("ac.intl_opinions")
def _intl_opinions(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Халықаралық ұйымдардың ұсынымдары", "Рекомендации международных организаций"))
    return label, p(
        pick(
            lang,
            "ЭЫДҰ-ның салалық шолуы бойынша ұсынымдар және оларды орындау жоспары.",
            "Рекомендации обзора ОЭСР и план их выполнения.",
        )
    )


@block("ac.minutes")
def _minutes(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    d = ctx.day(400 if stale else 35)
    label = heading(ctx, lang, ("Ашық отырыстардың хаттамалары", "Протоколы открытых заседаний"))
    return label, p(
        doc(
            ctx,
            "minutes",
            pick(lang, f"Алқа отырысының хаттамасы, {dmy(d)}", f"Протокол заседания коллегии от {dmy(d)}"),
            "pdf",
            "240 КБ",
            lang,
        )
    )


# ------------------------------------------------------------------------ current activity (MIO)
@block("am.program")
def _territory(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx, lang, ("Аумақты дамыту жоспары", "План развития территории"), ("Өңірді дамыту", "Развитие региона")
    )
    title = pick(lang, f"{ctx.programs['kk']} (өзгерістермен)", f"{ctx.programs['ru']} (с изменениями)")
    return label, p(doc(ctx, "territory-plan", title, "pdf", "3,1 МБ", lang))


@block("am.program_report")
def _territory_report(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (3 if stale else 1)
    label = heading(ctx, lang, ("Аумақты дамыту жоспарының іске асырылуы", "Реализация плана развития территории"))
    text = pick(
        lang,
        f"{year} жылғы мониторинг: 42 нысаналы индикатордың 36-сы орындалды.",
        f"Мониторинг за {year} год: исполнено 36 из 42 целевых индикаторов.",
    )
    return label, p(text) + p(doc(ctx, f"territory-report-{year}", pick(lang, "Есеп", "Отчет"), "pdf", "1,1 МБ", lang))


@block("am.state_programs")
def _state_programs(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Мемлекеттік және салалық бағдарламалар", "Государственные и отраслевые программы"))
    items = [
        pick(lang, "«Ауыл – Ел бесігі» жобасы", "Проект «Ауыл – Ел бесігі»"),
        pick(lang, "Тұрғын үй құрылысының «Нұрлы жер» бағдарламасы", "Программа жилищного строительства «Нұрлы жер»"),
        pick(lang, "Кәсіпкерлікті дамытудың ұлттық жобасы", "Национальный проект по развитию предпринимательства"),
    ]
    return label, ul(items)


@block("am.state_programs_report")
def _state_programs_report(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (3 if stale else 1)
    label = heading(ctx, lang, ("Бағдарламалардың орындалуы", "Исполнение программ"))
    return label, p(
        doc(
            ctx,
            f"programs-report-{year}",
            pick(lang, f"{year} жылғы есептер", f"Отчеты за {year} год"),
            "xlsx",
            "52 КБ",
            lang,
        )
    )


@block("am.socio")
def _socio(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Әлеуметтік-экономикалық даму қорытындылары", "Итоги социально-экономического развития"),
        ("Облыс сандармен", "Область в цифрах"),
    )
    return label, _stats_table(ctx, lang, stale)


@block("am.akim_report")
def _akim_report(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (3 if stale else 1)
    label = heading(
        ctx, lang, ("Әкімнің халық алдындағы есебі", "Отчет акима перед населением"), ("Әкім есебі", "Отчет акима")
    )
    text = pick(
        lang,
        f"Облыс әкімінің {year} жылғы жергілікті атқарушы органдардың қызметі туралы есебі.",
        f"Отчет акима области о деятельности местных исполнительных органов за {year} год.",
    )
    return label, p(text) + p(doc(ctx, f"akim-report-{year}", pick(lang, "Баяндама", "Доклад"), "pdf", "980 КБ", lang))


@block("am.advisory")
def _am_advisory(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    return BLOCK_ALIASES["ac.advisory"](ctx, lang, stale)


@block("am.analytics")
def _am_analytics(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (2 if stale else 0)
    label = heading(ctx, lang, ("Талдамалық материалдар", "Аналитические материалы"))
    return label, p(
        doc(
            ctx,
            f"region-review-{year}",
            pick(lang, f"Облыс экономикасына шолу, {year}", f"Обзор экономики области, {year}"),
            "pdf",
            "1,4 МБ",
            lang,
        )
    )


@block("am.assessment")
def _am_assessment(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (3 if stale else 1)
    label = heading(ctx, lang, ("Тиімділікті бағалау нәтижелері", "Итоги оценки эффективности"))
    text = pick(
        lang,
        f"{year} жылғы бағалау: облыстар арасында 5-орын, 81,2 балл.",
        f"Оценка за {year} год: 5-е место среди областей, 81,2 балла.",
    )
    return label, p(text)


@block("am.intl_opinions")
def _am_intl(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    return BLOCK_ALIASES["ac.intl_opinions"](ctx, lang, stale)


@block("am.minutes")
def _am_minutes(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    d = ctx.day(400 if stale else 28)
    label = heading(ctx, lang, ("Отырыстардың хаттамалары", "Протоколы заседаний"))
    return label, p(
        doc(
            ctx,
            "akimat-minutes",
            pick(lang, f"Әкімдік отырысының хаттамасы, {dmy(d)}", f"Протокол заседания акимата от {dmy(d)}"),
            "pdf",
            "310 КБ",
            lang,
        )
    )


BLOCK_ALIASES = {"ac.advisory": _advisory, "ac.intl_opinions": _intl_opinions}


# ------------------------------------------------------------------------- control and permits (CGO)
@block("pr.control")
def _control(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Бақылау-қадағалау функциялары", "Контрольно-надзорные функции"),
        ("Біз нені бақылаймыз", "Что мы контролируем"),
    )
    items = [kk if lang == "kk" else ru for kk, ru in ctx.permits]
    intro = pick(
        lang,
        f"Мемлекеттік бақылау: {ctx.control['kk']}. Рұқсат беру рәсімдері:",
        f"Государственный контроль: {ctx.control['ru']}. Разрешительные процедуры:",
    )
    return label, p(intro) + ul(items)


@block("pr.permits")
def _permits(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Рұқсаттар беру тәртібі", "Порядок выдачи разрешений"))
    text = pick(
        lang,
        "Өтініш «Е-лицензиялау» мемлекеттік дерекқоры арқылы электрондық түрде беріледі. Рұқсат 15 жұмыс күні "
        "ішінде беріледі немесе дәлелді бас тарту жіберіледі.",
        "Заявление подается в электронной форме через государственную базу данных «Е-лицензирование». "
        "Разрешение выдается в течение 15 рабочих дней либо направляется мотивированный отказ.",
    )
    return label, p(text + " " + ext_link("https://elicense.kz/", "elicense.kz"))


@block("pr.templates")
def _templates(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Өтініш нысандары", "Шаблоны заявлений"), ("Бланкілер", "Бланки и формы"))
    forms = [
        doc(
            ctx,
            "form-application",
            pick(lang, "Рұқсат алуға өтініш", "Заявление на получение разрешения"),
            "docx",
            "28 КБ",
            lang,
        ),
        doc(
            ctx,
            "form-change",
            pick(lang, "Рұқсатты қайта ресімдеуге өтініш", "Заявление на переоформление разрешения"),
            "docx",
            "26 КБ",
            lang,
        ),
    ]
    return label, ul(forms)


@block("pr.schedule")
def _inspection_schedule(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    half = ctx.year - (2 if stale else 0)
    label = heading(
        ctx,
        lang,
        ("Тексерулер кестесі", "График проверок"),
        ("Профилактикалық бақылау кестесі", "График профилактического контроля"),
    )
    title = pick(
        lang,
        f"{half} жылдың екінші жартыжылдығына арналған бару арқылы профилактикалық бақылау кестесі",
        f"График профилактического контроля с посещением на второе полугодие {half} года",
    )
    return label, p(doc(ctx, f"inspections-schedule-{half}", title, "xlsx", "22 КБ", lang))


@block("ins.results")
def _inspection_results(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (2 if stale else 0)
    label = heading(
        ctx,
        lang,
        ("Тексерулердің нәтижелері", "Результаты проверок"),
        ("Біз жүргізген тексерулер", "Итоги наших проверок"),
    )
    period = pick(lang, f"{year} жылғы 9 айда", f"За 9 месяцев {year} года")
    who = (
        pick(lang, "облыс әкімдігінің бөлімдері", "управления акимата области")
        if ctx.kind == "mio"
        else ctx.short[lang]
    )
    head = [
        pick(lang, "Тексеру түрі", "Вид проверки"),
        pick(lang, "Саны", "Количество"),
        pick(lang, "Бұзушылықтар анықталды", "Выявлено нарушений"),
        pick(lang, "Шаралар", "Меры"),
    ]
    rows = [
        [
            pick(lang, "Жоспардан тыс тексерулер", "Внеплановые проверки"),
            "18",
            "11",
            pick(lang, "7 нұсқама, 4 әкімшілік айыппұл", "7 предписаний, 4 административных штрафа"),
        ],
        [
            pick(lang, "Бару арқылы профилактикалық бақылау", "Профилактический контроль с посещением"),
            "42",
            "23",
            pick(lang, "23 ұсыным", "23 рекомендации"),
        ],
    ]
    return label, p(f"{period} {who}:") + table(head, rows) + p(
        doc(ctx, f"inspections-{year}", pick(lang, "Толық тізбе", "Полный перечень"), "xlsx", "36 КБ", lang)
    )


@block("pr.business")
def _business(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Бизнесті қолдау шаралары", "Меры поддержки бизнеса"))
    text = pick(
        lang,
        "Кәсіпкерлік мәселелері жөніндегі сараптамалық кеңес жұмыс істейді: кәсіпкерлерге қатысты актілердің "
        "жобалары оның отырыстарында алдын ала талқыланады. Бизнесті қолдау үшін 6 бұйрықпен әкімшілік "
        "кедергілер қысқартылды.",
        "При ведомстве работает Экспертный совет по вопросам предпринимательства: проекты актов, затрагивающих "
        "бизнес, предварительно обсуждаются на его заседаниях. В поддержку бизнеса 6 приказами сокращены "
        "административные барьеры.",
    )
    return label, p(text)


@block("pr.roadmap")
def _roadmap(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("«Бизнестің жол картасы» бағдарламасы", "Программа «Дорожная карта бизнеса»"))
    if ctx.roadmap_executor:
        text = pick(
            lang,
            f"{ctx.year - 1} жылы бағдарлама бойынша 214 жобаға кредит пайыздық мөлшерлемесін субсидиялау мақұлданды.",
            f"В {ctx.year - 1} году по программе одобрено субсидирование ставки вознаграждения по кредитам для 214 проектов.",
        )
    else:
        text = pick(
            lang,
            f"{ctx.names['kk']} «Бизнестің жол картасы» бағдарламасының орындаушысы болып табылмайды.",
            f"{ctx.names['ru']} не является исполнителем программы «Дорожная карта бизнеса».",
        )
    return label, p(text)


# ----------------------------------------------------------------------- entrepreneurship (MIO)
@block("en.start")
def _start(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Жаңадан бастаған кәсіпкерге", "Начинающему предпринимателю"),
        ("Бизнесті қалай ашуға болады", "Как открыть свое дело"),
    )
    steps = [
        pick(
            lang,
            "egov.kz арқылы жеке кәсіпкер ретінде тіркелу (1 жұмыс күні)",
            "регистрация ИП через egov.kz (1 рабочий день)",
        ),
        pick(lang, "салық салу режимін таңдау", "выбор режима налогообложения"),
        pick(lang, "«Бастау Бизнес» жобасы бойынша тегін оқу", "бесплатное обучение по проекту «Бастау Бизнес»"),
        pick(
            lang,
            "Кәсіпкерлерге қызмет көрсету орталығынан кеңес алу",
            "консультация в Центре обслуживания предпринимателей",
        ),
    ]
    return label, "<ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>"


@block("en.subsidy")
def _subsidy(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Субсидиялау және микроқаржыландыру", "Субсидирование и микрофинансирование"))
    text = pick(
        lang,
        "Кредиттер бойынша сыйақы мөлшерлемесін субсидиялау (кәсіпкер үшін мөлшерлеме — 12,6 %-ға дейін), "
        "микрокредиттер 8 млн теңгеге дейін. Қажетті құжаттар: өтініш, бизнес-жоспар, кепіл құжаттары. "
        "Өтінішті «Даму» қорының өңірлік филиалы қабылдайды: тел. 8 (7212) 41-05-17.",
        "Субсидирование ставки вознаграждения по кредитам (ставка для предпринимателя — до 12,6 %), "
        "микрокредиты до 8 млн тенге. Необходимые документы: заявление, бизнес-план, документы по залогу. "
        "Заявки принимает региональный филиал фонда «Даму»: тел. 8 (7212) 41-05-17.",
    )
    return label, p(text)


@block("en.agro")
def _agro(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Ауыл шаруашылығы өнімін сатып алу және өңдеу", "Закуп и переработка сельхозпродукции"))
    text = pick(
        lang,
        "Өңірлік тұрақтандыру қоры көкөніс пен астықты форвардтық сатып алуды жүргізеді: тел. 8 (7212) 41-22-30. "
        "Өңдеу кәсіпорындарының тізбесі байланыс деректерімен қоса берілген.",
        "Региональный стабилизационный фонд проводит форвардный закуп овощей и зерна: тел. 8 (7212) 41-22-30. "
        "Перечень перерабатывающих предприятий с контактными данными прилагается.",
    )
    return label, p(text) + p(
        doc(ctx, "agro-processors", pick(lang, "Кәсіпорындар тізбесі", "Перечень предприятий"), "xlsx", "19 КБ", lang)
    )


@block("en.consult")
def _consult(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Кәсіпкерлерге кеңес беру", "Консультации предпринимателям"),
        ("Бизнеске сұрақ-жауап", "Вопросы бизнеса"),
    )
    qa = pick(
        lang,
        "<dl><dt>Субсидияға кім өтініш бере алады?</dt><dd>Басым салаларда жұмыс істейтін шағын және орта бизнес субъектілері.</dd></dl>",
        "<dl><dt>Кто может подать заявку на субсидию?</dt><dd>Субъекты малого и среднего бизнеса в приоритетных отраслях.</dd></dl>",
    )
    return label, qa + p(f'<a href="@feedback">{pick(lang, "Сұрағыңызды қойыңыз", "Задайте свой вопрос")}</a>')


# ------------------------------------------------------------------------------ information support
@block("is.speeches")
def _speeches(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    d = ctx.day(380 if stale else 18)
    label = heading(ctx, lang, ("Басшының сөйлеген сөздері", "Выступления руководителя"), ("Мәлімдемелер", "Заявления"))
    who = ctx.head.kk if lang == "kk" else ctx.head.ru
    text = pick(
        lang,
        f"{long_date(d, 'kk')}: Үкімет отырысындағы баяндама ({who}).",
        f"{long_date(d, 'ru')}: доклад на заседании Правительства ({who}).",
    )
    return label, p(text)


@block("is.systems")
def _systems(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Ақпараттық жүйелер мен тізілімдер", "Информационные системы и реестры"))
    text = pick(
        lang,
        "Мемлекеттік электрондық тізілім — рұқсаттар мен хабарламалар туралы мәліметтер; пайдалану тәртібі: іздеу жолына БСН енгізіңіз. ",
        "Государственный электронный реестр разрешений и уведомлений: чтобы найти сведения, введите БИН в строку поиска. ",
    )
    return label, p(text + ext_link("https://elicense.kz/", "elicense.kz"))


@block("is.links")
def _links(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Пайдалы сілтемелер", "Полезные ссылки"))
    links = [
        ext_link(
            "https://www.akorda.kz/",
            pick(lang, "Қазақстан Республикасы Президентінің сайты", "Сайт Президента Республики Казахстан"),
        ),
        ext_link(
            "https://primeminister.kz/",
            pick(lang, "Премьер-Министрдің ресми сайты", "Официальный сайт Премьер-Министра"),
        ),
        ext_link("https://egov.kz/", pick(lang, "«Электрондық үкімет» порталы", "Портал «электронного правительства»")),
        ext_link(
            "https://adilet.zan.kz/",
            pick(lang, "«Әділет» ақпараттық-құқықтық жүйесі", "Информационно-правовая система «Әділет»"),
        ),
    ]
    return label, ul(links)


@block("is.updates")
def _updates(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx, lang, ("Сайттағы соңғы өзгерістер", "Последние обновления"), ("Жаңартулар", "Что нового на сайте")
    )
    items = [
        f"{dmy(ctx.day(2))} — "
        + pick(
            lang,
            "мемлекеттік қызмет көрсету қағидаларына өзгерістер жарияланды",
            "опубликованы изменения в правила оказания государственных услуг",
        ),
        f"{dmy(ctx.day(5))} — "
        + pick(lang, "рұқсат беру рәсімдерінің тізбесі жаңартылды", "обновлен перечень разрешительных процедур"),
    ]
    return label, ul(items)


@block("is.methodical")
def _methodical(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Әдістемелік қолдау", "Методическая поддержка"), ("Түсіндірмелер", "Разъяснения"))
    return label, p(
        doc(
            ctx,
            "methodical",
            pick(
                lang,
                "Заңнаманы қолдану жөніндегі әдістемелік ұсынымдар",
                "Методические рекомендации по применению законодательства",
            ),
            "pdf",
            "520 КБ",
            lang,
        )
    )


@block("is.media")
def _media(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Құрылтайшысы болып табылатын БАҚ", "Учрежденные средства массовой информации"))
    return label, p(
        pick(
            lang,
            "«Жер қойнауы» ғылыми-практикалық журналы (тоқсан сайын).",
            "Научно-практический журнал «Жер қойнауы» (ежеквартально).",
        )
    )


# ----------------------------------------------------------------------------------- green economy
@block("gr.law")
def _green_law(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("«Жасыл экономикаға» көшу", "Переход к «зеленой экономике»"))
    text = pick(
        lang,
        "Қазақстан Республикасының «жасыл экономикаға» көшуі жөніндегі тұжырымдама Қазақстан Республикасы "
        "Президентінің 2013 жылғы 30 мамырдағы № 577 Жарлығымен бекітілген: ",
        "Концепция по переходу Республики Казахстан к «зеленой экономике» утверждена Указом Президента "
        "Республики Казахстан от 30 мая 2013 года № 577: ",
    )
    return label, p(text + ext_link("https://adilet.zan.kz/", "adilet.zan.kz"))


@block("gr.activity")
def _green_activity(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Тұжырымдаманы іске асыру", "Реализация Концепции"))
    if ctx.green_executor:
        text = pick(
            lang,
            f"{ctx.year - 1} жылы 42 мың ағаш отырғызылды, 6 қазандық газға ауыстырылды, қатты тұрмыстық қалдықтарды "
            "қайта өңдеу үлесі 24 %-ға жетті.",
            f"В {ctx.year - 1} году высажено 42 тысячи деревьев, 6 котельных переведены на газ, доля переработки "
            "твердых бытовых отходов достигла 24 %.",
        )
    else:
        text = pick(
            lang,
            f"{ctx.names['kk']} тұжырымдаманы іске асыру жөніндегі іс-шаралардың орындаушысы болып табылмайды.",
            f"{ctx.names['ru']} не является исполнителем мероприятий по реализации Концепции.",
        )
    return label, p(text)


# ------------------------------------------------------------------------ the region (MIO only)
def _region(key: str, kk: str, ru: str, text_kk: str, text_ru: str, phone: str) -> None:
    @block(key)
    def _render(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
        contact = pick(lang, f"Байланыс: {phone}", f"Контакты: {phone}")
        return pick(lang, kk, ru), p(pick(lang, text_kk, text_ru)) + p(contact)


_region(
    "rg.passport",
    "Өңірдің әлеуметтік-экономикалық паспорты",
    "Социально-экономический паспорт региона",
    "Аумағы — 96,4 мың шаршы км, халқы — 612,3 мың адам, 9 аудан және 2 облыстық маңызы бар қала.",
    "Территория — 96,4 тыс. кв. км, население — 612,3 тыс. человек, 9 районов и 2 города областного значения.",
    "8 (7212) 41-00-11",
)
_region(
    "rg.industry",
    "Өнеркәсіп",
    "Промышленность",
    "Өңірде 146 ірі және орта өнеркәсіп кәсіпорны жұмыс істейді; тау-кен және металлургия салалары басым. Кәсіпорындар тізбесі байланыс деректерімен қоса берілген.",
    "В регионе работают 146 крупных и средних промышленных предприятий; ведущие отрасли — горнодобывающая и металлургия. Перечень предприятий с контактами прилагается.",
    "8 (7212) 41-03-27",
)
_region(
    "rg.agriculture",
    "Ауыл шаруашылығы және ветеринария",
    "Сельское хозяйство и ветеринария",
    "Егіс алқабы — 1,2 млн га, мал басы — 348 мың. Ветеринариялық станциялардың тізімі мен телефондары.",
    "Посевная площадь — 1,2 млн га, поголовье скота — 348 тысяч. Список ветеринарных станций с телефонами.",
    "8 (7212) 41-05-60",
)
_region(
    "rg.infrastructure",
    "Инфрақұрылым",
    "Инфраструктура",
    "Жергілікті маңызы бар жолдар — 4 120 км, газдандыру деңгейі — 38 %, тұрғын үй пайдалануға беру — 412 мың ш.м.",
    "Дороги местного значения — 4 120 км, уровень газификации — 38 %, ввод жилья — 412 тыс. кв. м.",
    "8 (7212) 41-06-14",
)
_region(
    "rg.health",
    "Денсаулық сақтау",
    "Здравоохранение",
    "Облыста 58 медициналық ұйым жұмыс істейді; санитариялық-эпидемиологиялық бақылау департаментінің байланыстары.",
    "В области работают 58 медицинских организаций; контакты департамента санитарно-эпидемиологического контроля.",
    "8 (7212) 41-07-71",
)
_region(
    "rg.education",
    "Білім беру",
    "Образование",
    "431 мектеп, 312 балабақша, 18 колледж. Ауылдық жерге келген жас мамандарға көтерме жәрдемақы төленеді.",
    "431 школа, 312 детских садов, 18 колледжей. Молодым специалистам, прибывшим в сельскую местность, выплачивается подъемное пособие.",
    "8 (7212) 41-08-02",
)
_region(
    "rg.culture",
    "Мәдениет, дін, спорт және туризм",
    "Культура, религия, спорт и туризм",
    "4 театр, 214 кітапхана, 96 спорт нысаны, 22 туристік маршрут; дін істері басқармасының байланыстары.",
    "4 театра, 214 библиотек, 96 спортивных объектов, 22 туристических маршрута; контакты управления по делам религий.",
    "8 (7212) 41-09-45",
)
_region(
    "rg.investment",
    "Инвестициялық мүмкіндіктер",
    "Инвестиционные возможности",
    "Инвестиция қажет ететін 27 жоба; инвесторларды «бір терезе» қағидаты бойынша сүйемелдеу.",
    "27 проектов, нуждающихся в инвестициях; сопровождение инвесторов по принципу «одного окна».",
    "8 (7212) 41-10-18",
)


# ------------------------------------------------------------------ social protection (MIO only)
@block("so.employment")
def _employment(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (1 if stale else 0)
    label = heading(ctx, lang, ("Жұмыспен қамту", "Трудоустройство"), ("Жұмыс іздейтіндерге", "Ищущим работу"))
    text = pick(
        lang,
        f"{year} жылы 12,4 мың адам жұмысқа орналастырылды. Бос жұмыс орындары — Enbek.kz электрондық еңбек "
        "биржасында; жастар практикасы, қоғамдық жұмыстар, «Бастау Бизнес» бойынша оқу. Халықты жұмыспен қамту орталығы: 8 (7212) 41-12-00.",
        f"В {year} году трудоустроено 12,4 тыс. человек. Вакансии — на электронной бирже труда Enbek.kz; "
        "молодежная практика, общественные работы, обучение по «Бастау Бизнес». Центр занятости населения: 8 (7212) 41-12-00.",
    )
    return label, p(text + " " + ext_link("https://www.enbek.kz/", "enbek.kz"))


@block("so.assistance")
def _assistance(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Әлеуметтік көмек", "Социальная помощь"))
    items = [
        pick(lang, "атаулы әлеуметтік көмек", "адресная социальная помощь"),
        pick(lang, "тұрғын үй көмегі", "жилищная помощь"),
        pick(
            lang,
            "соғыс ардагерлерін, мүгедектігі бар адамдарды, балаларды әлеуметтік қорғау",
            "социальная защита ветеранов войны, лиц с инвалидностью, детей",
        ),
        pick(
            lang,
            "зейнетақы төлемдері: Мемлекеттік корпорацияның бөлімшелері",
            "пенсионные выплаты: отделения Государственной корпорации",
        ),
    ]
    return label, ul(items)


@block("so.migration")
def _migration(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Халықтың көші-қоны", "Миграция населения"))
    text = pick(
        lang,
        "Қандастар мен қоныс аударушыларға көшуге және тұрғын үйді жалдауға субсидиялар беріледі. "
        "Көші-қон мәселелері бойынша: 8 (7212) 41-14-33.",
        "Кандасам и переселенцам предоставляются субсидии на переезд и аренду жилья. "
        "По вопросам миграции: 8 (7212) 41-14-33.",
    )
    return label, p(text)
