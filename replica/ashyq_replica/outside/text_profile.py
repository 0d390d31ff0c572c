# ruff: noqa: E501  (prose: Kazakh and Russian sentences are kept whole so they can be compared)
"""Blocks every kind of body publishes: symbols, general information and contacts, the image of the
civil service, norm-making, budget and tenders."""

from __future__ import annotations

from ashyq_replica.outside.bank import block, doc, heading, p, ul
from ashyq_replica.outside.context import Ctx, act_date, dmy, ext_link, long_date, pick, table


# ------------------------------------------------------------------------------------------ symbols
@block("sym.flag")
def _flag(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    img = ctx.image(
        "flag.png",
        {"kk": "Қазақстан Республикасының Мемлекеттік Туы", "ru": "Государственный Флаг Республики Казахстан"},
        120,
        60,
        lang,
    )
    text = pick(
        lang,
        "Қазақстан Республикасының Мемлекеттік Туы — ортасында шұғылалы күн, оның астында қалықтап ұшқан "
        "қыран бейнеленген тік бұрышты көгілдір түсті мата. Тудың сабының тұсында ұлттық ою-өрнек "
        "нақышталған тік жолақ бар. Күн, оның шұғыласы, қыран және ою-өрнек алтын түстес.",
        "Государственный Флаг Республики Казахстан представляет собой прямоугольное полотнище голубого "
        "цвета с изображением в центре солнца с лучами, под которым — парящий степной орел. У древка — "
        "вертикальная полоса с национальным орнаментом. Изображения солнца, лучей, орла и орнамента — "
        "цвета золота.",
    )
    return heading(ctx, lang, ("Мемлекеттік Ту", "Государственный Флаг")), img + p(text)


@block("sym.emblem")
def _emblem(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    img = ctx.image(
        "emblem-large.png",
        {"kk": "Қазақстан Республикасының Мемлекеттік Елтаңбасы", "ru": "Государственный Герб Республики Казахстан"},
        90,
        90,
        lang,
    )
    text = pick(
        lang,
        "Қазақстан Республикасының Мемлекеттік Елтаңбасы дөңгелек пішінді және көгілдір түс аясындағы "
        "шаңырақ бейнесі болып табылады. Шаңырақтан жан-жаққа күн шуағы секілді уықтар тарайды, олар "
        "қанатты пырақтармен көмкерілген. Жоғарғы бөлігінде бесбұрышты жұлдыз, төменгі бөлігінде "
        "«QAZAQSTAN» деген жазу бар.",
        "Государственный Герб Республики Казахстан имеет форму круга и представляет собой изображение "
        "шанырака на голубом фоне, от которого во все стороны в виде солнечных лучей расходятся уыки в "
        "обрамлении крыльев мифических коней. В верхней части — объемная пятиконечная звезда, в нижней — "
        "надпись «QAZAQSTAN».",
    )
    return heading(ctx, lang, ("Мемлекеттік Елтаңба", "Государственный Герб")), img + p(text)


@block("sym.anthem")
def _anthem(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    verse = (
        "Алтын күн аспаны,<br>Алтын дән даласы,<br>Ерліктің дастаны –<br>Еліме қарашы!<br>"
        "Ежелден ер деген,<br>Даңқымыз шықты ғой.<br>Намысын бермеген,<br>Қазағым мықты ғой!"
    )
    chorus = (
        "Менің елім, менің елім,<br>Гүлің болып егілемін,<br>Жырың болып төгілемін, елім!<br>"
        "Туған жерім менің – Қазақстаным!"
    )
    intro = pick(
        lang,
        "«Менің Қазақстаным». Әні: Шәмші Қалдаяқов, сөзі: Жұмекен Нәжімеденов, Нұрсұлтан Назарбаев.",
        "«Менің Қазақстаным» («Мой Казахстан»). Музыка Шамши Калдаякова, слова Жумекена Нажимеденова и "
        "Нурсултана Назарбаева.",
    )
    audio = doc(ctx, "anthem", pick(lang, "Гимнді тыңдау", "Прослушать гимн"), "mp3", "2,1 МБ", lang)
    return (
        heading(ctx, lang, ("Мемлекеттік Гимн", "Государственный Гимн")),
        p(intro) + f'<p class="verse">{verse}</p><p class="verse">{chorus}</p>' + p(audio),
    )


# ------------------------------------------------------------------------------ general information
@block("gi.postal")
def _postal(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Пошталық мекенжай", "Почтовый адрес"), ("Мекенжайымыз", "Наш адрес"))
    return label, p(ctx.address[lang])


@block("gi.email")
def _email(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Электрондық пошта", "Адрес электронной почты"), ("E-mail", "E-mail"))
    return label, p(f'<a href="mailto:{ctx.email}">{ctx.email}</a>')


@block("gi.phones")
def _phones(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Анықтама қызметтерінің телефондары", "Телефоны справочных служб"),
        ("Анықтама телефоны", "Справочная"),
    )
    text = pick(
        lang,
        f"Анықтама қызметі: {ctx.phone} (жұмыс күндері 9.00–18.30, түскі үзіліс 13.00–14.30). "
        "Бірыңғай байланыс орталығы: 1414 (Қазақстан бойынша тегін).",
        f"Справочная служба: {ctx.phone} (в рабочие дни с 9.00 до 18.30, обеденный перерыв с 13.00 до 14.30). "
        "Единый контакт-центр: 1414 (звонок по Казахстану бесплатный).",
    )
    return label, p(text)


@block("c.office")
def _office(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Кеңсе және баспасөз қызметі", "Канцелярия и пресс-служба"))
    rows = [
        [pick(lang, "Кеңсе (құжаттарды қабылдау)", "Канцелярия (прием документов)"), ctx.office_phone],
        [pick(lang, "Баспасөз қызметі", "Пресс-служба"), ctx.press_phone],
    ]
    return label, table([pick(lang, "Қызмет", "Служба"), pick(lang, "Телефон", "Телефон")], rows)


@block("c.ethics")
def _ethics_officer(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    e = ctx.ethics
    label = heading(ctx, lang, ("Әдеп жөніндегі уәкіл", "Уполномоченный по этике"))
    text = pick(
        lang,
        f"{e.kk} — {e.position['kk']}. Тел.: {e.phone}, e-mail: {e.email}. Мемлекеттік қызметшілердің "
        "әдеп нормаларын бұзуы туралы хабарламаларды қабылдайды, азаматтарға түсіндірме береді.",
        f"{e.ru} — {e.position['ru']}. Тел.: {e.phone}, e-mail: {e.email}. Принимает сообщения о "
        "нарушении норм служебной этики государственными служащими, консультирует граждан.",
    )
    return label, p(text)


@block("c.social")
def _social(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx, lang, ("Ресми аккаунттар", "Официальные аккаунты"), ("Біз әлеуметтік желілерде", "Мы в соцсетях")
    )
    links = [ext_link(url, name) for name, url in ctx.social]
    return label, ul(links)


@block("c.leaders")
def _leaders(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Басшылық", "Руководство"), ("Басшылар", "Кто руководит"))
    items = []
    for person in (ctx.head, *ctx.deputies):
        name = person.kk if lang == "kk" else person.ru
        bio = pick(
            lang,
            "Жоғары білімді. Мемлекеттік қызметте 20 жылдан астам жұмыс істейді.",
            "Высшее образование. Стаж государственной службы — более 20 лет.",
        )
        items.append(
            f"<strong>{name}</strong> — {person.position[lang]}. {bio} "
            f"{pick(lang, 'Қабылдау бөлмесі', 'Приемная')}: {person.phone}, {person.email}"
        )
    return label, ul(items)


@block("gi.regulation")
def _regulation(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        (ctx.regulation["title_kk"], ctx.regulation["title_ru"]),
        ("Ереже және өкілеттіктер", "Положение и полномочия"),
    )
    intro = pick(
        lang,
        f"{ctx.regulation['title_kk']} {ctx.regulation['kk']} бекітілген. "
        "Өкілеттіктерді, міндеттер мен функцияларды айқындайтын заңдар:",
        f"{ctx.regulation['title_ru']} утверждено {ctx.regulation['ru']}. "
        "Полномочия, задачи и функции определяются следующими законами:",
    )
    laws = ul([ext_link("https://adilet.zan.kz/", kk if lang == "kk" else ru) for kk, ru in ctx.laws])
    return label, p(intro) + laws + p(
        doc(ctx, "regulation", pick(lang, "Ереженің мәтіні", "Текст положения"), "docx", "86 КБ", lang)
    )


@block("gi.chart")
def _chart(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Құрылым", "Структура"), ("Ұйымдық құрылым", "Как мы устроены"))
    img = ctx.image(
        "structure.png",
        {"kk": f"{ctx.names['kk']} құрылымының сызбасы", "ru": f"Схема структуры {ctx.of['ru']}"},
        640,
        360,
        lang,
    )
    rows = [
        [
            person.kk if lang == "kk" else person.ru,
            person.position[lang],
            person.phone,
            f'<a href="mailto:{person.email}">{person.email}</a>',
        ]
        for person in (ctx.head, *ctx.deputies)
    ]
    head = [
        pick(lang, "Аты-жөні", "Ф.И.О."),
        pick(lang, "Лауазымы", "Должность"),
        pick(lang, "Телефон", "Телефон"),
        "E-mail",
    ]
    return label, img + table(head, rows)


def _unit_rows(units: tuple, lang: str) -> list[list[str]]:
    rows = []
    for u in units:
        site = ext_link(u.site, u.site.removeprefix("https://")) if u.site else "—"
        rows.append(
            [u.kk if lang == "kk" else u.ru, u.head[lang], u.phone, f'<a href="mailto:{u.email}">{u.email}</a>', site]
        )
    return rows


@block("gi.units")
def _units(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        (
            "Құрылымдық бөлімшелер және ведомстволық бағынысты ұйымдар",
            "Структурные подразделения и подведомственные организации",
        ),
        ("Департаменттер мен ұйымдар", "Подразделения и организации"),
    )
    head = [
        pick(lang, "Атауы", "Наименование"),
        pick(lang, "Басшысы", "Руководитель"),
        pick(lang, "Телефон", "Телефон"),
        "E-mail",
        pick(lang, "Сайт", "Сайт"),
    ]
    units = table(head, _unit_rows(ctx.units, lang))
    subs = table(head, _unit_rows(ctx.subordinates, lang)) if ctx.subordinates else ""
    sub_title = (
        f"<h3>{pick(lang, 'Ведомстволық бағынысты ұйымдар', 'Подведомственные организации')}</h3>" if subs else ""
    )
    return label, units + sub_title + subs


@block("gi.territorial")
def _territorial(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    if ctx.kind == "mio":
        label = heading(ctx, lang, ("Аудандар мен қалалардың әкімдіктері", "Акиматы районов и городов"))
    else:
        label = heading(
            ctx,
            lang,
            ("Аумақтық бөлімшелер", "Территориальные подразделения"),
            ("Өңірлердегі бөлімшелер", "Мы в регионах"),
        )
    head = [
        pick(lang, "Атауы", "Наименование"),
        pick(lang, "Басшысы", "Руководитель"),
        pick(lang, "Телефон", "Телефон"),
        "E-mail",
        pick(lang, "Сайт", "Сайт"),
    ]
    return label, table(head, _unit_rows(ctx.territorial, lang))


# --------------------------------------------------------------------------- image of the service
@block("im.address")
def _address(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (1 if stale else 0)
    label = heading(ctx, lang, ("Мемлекет басшысының Жолдауы", "Послание Главы государства"))
    text = pick(
        lang,
        f"Мемлекет басшысы Қасым-Жомарт Тоқаевтың {year} жылғы 8 қыркүйектегі Қазақстан халқына Жолдауы. Толық мәтіні: ",
        f"Послание Главы государства Касым-Жомарта Токаева народу Казахстана от 8 сентября {year} года. Полный текст: ",
    )
    return label, p(text + ext_link("https://www.akorda.kz/", "akorda.kz"))


@block("im.plan")
def _plan(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (1 if stale else 0)
    label = heading(
        ctx,
        lang,
        ("Жолдауды іске асыру жөніндегі іс-шаралар жоспары", "План мероприятий по реализации Послания"),
        ("Жолдауды орындау жоспары", "План по Посланию"),
    )
    title = pick(
        lang,
        f"Мемлекет басшысының {year} жылғы Жолдауын іске асыру жөніндегі {ctx.of['kk']} іс-шаралар жоспары",
        f"План мероприятий {ctx.of['ru']} по реализации Послания Главы государства {year} года",
    )
    return label, p(doc(ctx, f"plan-address-{year}", title, "pdf", "412 КБ", lang))


@block("im.progress")
def _progress(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (1 if stale else 0)
    label = heading(ctx, lang, ("Жолдауды іске асыру барысы", "Ход реализации Послания"))
    period = pick(lang, f"{year} жылғы 9 айдың қорытындысы бойынша", f"по итогам 9 месяцев {year} года")
    text = pick(
        lang,
        f"Іс-шаралар жоспарының орындалуы туралы ақпарат ({period}): 14 тармақтың 11-і орындалды, 3-і орындалу үстінде.",
        f"Информация о ходе исполнения плана мероприятий ({period}): из 14 пунктов исполнено 11, 3 находятся на исполнении.",
    )
    return label, p(text) + p(
        doc(ctx, f"progress-{year}", pick(lang, "Толық ақпарат", "Подробная информация"), "docx", "64 КБ", lang)
    )


@block("im.blog")
def _blog(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Басшының блогы", "Блог руководителя"), ("Блог", "Блог первого руководителя"))
    who = ctx.head.kk if lang == "kk" else ctx.head.ru
    text = pick(
        lang,
        f"Бірінші басшының блогы ({who}) «Ашық диалог» порталында, сұрағыңызды қойыңыз: ",
        f"Блог первого руководителя ({who}) на портале «Открытый диалог» — задайте свой вопрос: ",
    )
    return label, p(text + ext_link(ctx.blog or "https://dialog.egov.kz/blogs", "dialog.egov.kz"))


@block("im.ethics")
def _ethics(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Мемлекеттік қызметшілердің әдеп кодексі", "Этический кодекс государственных служащих"),
        ("Әдеп", "Служебная этика"),
    )
    text = pick(
        lang,
        "Қазақстан Республикасы мемлекеттік қызметшілерінің Әдеп кодексі (мемлекеттік қызметшілердің "
        "қызметтік әдеп қағидалары) Қазақстан Республикасы Президентінің 2015 жылғы 29 желтоқсандағы № 153 "
        "Жарлығымен бекітілген. Мемлекеттік қызметшілер адалдық, әділдік, ашықтық қағидаттарын ұстанады, "
        "азаматтарға әдепті және сыпайы қарым-қатынас жасайды.",
        "Этический кодекс государственных служащих Республики Казахстан (Правила служебной этики "
        "государственных служащих) утвержден Указом Президента Республики Казахстан от 29 декабря 2015 года "
        "№ 153. Государственные служащие руководствуются принципами честности, справедливости и открытости, "
        "вежливы и корректны в общении с гражданами.",
    )
    return label, p(text)


@block("im.anticorruption")
def _anticorruption(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (1 if stale else 0)
    label = heading(
        ctx,
        lang,
        ("Сыбайлас жемқорлыққа қарсы іс-қимыл", "Противодействие коррупции"),
        ("Адалдық алаңы", "Антикоррупционная политика"),
    )
    text = pick(
        lang,
        f"{year} жылы сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізілді, 6 тәуекел анықталып, "
        "оларды жою жөніндегі шаралар жоспары бекітілді. Сыбайлас жемқорлық фактілері туралы 1424 "
        "сенім телефонына немесе әдеп жөніндегі уәкілге хабарлауға болады.",
        f"В {year} году проведен внутренний анализ коррупционных рисков: выявлено 6 рисков, утвержден план "
        "мер по их устранению. О фактах коррупции можно сообщить по телефону доверия 1424 или "
        "уполномоченному по этике.",
    )
    return label, p(text)


# --------------------------------------------------------------------------------------- norm-making
def _order_title(ctx: Ctx, lang: str, days: int, number: int, subject_kk: str, subject_ru: str) -> str:
    d = ctx.day(days)
    act_kk, act_ru = ("қаулысы", "Постановление") if ctx.kind == "mio" else ("бұйрығы", "Приказ")
    return pick(
        lang,
        f"{ctx.order_by['kk']} {act_date(d, 'kk')} № {number} {act_kk} «{subject_kk}»",
        f"{act_ru} {ctx.order_by['ru']} {act_date(d, 'ru')} № {number} «{subject_ru}»",
    )


@block("nm.adopted")
def _adopted(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    shift = 420 if stale else 0
    label = heading(
        ctx,
        lang,
        ("Нормативтік құқықтық актілер", "Нормативные правовые акты"),
        ("Қабылданған актілер", "Принятые акты"),
    )
    acts = [
        _order_title(
            ctx,
            lang,
            23 + shift,
            212,
            f"{ctx.field_kk.capitalize()} саласындағы мемлекеттік көрсетілетін қызметтер қағидаларына өзгерістер енгізу туралы",
            f"О внесении изменений в правила оказания государственных услуг в сфере {ctx.field_ru}",
        ),
        _order_title(
            ctx,
            lang,
            61 + shift,
            187,
            "Тәуекел дәрежесін бағалау өлшемшарттарын бекіту туралы",
            "Об утверждении критериев оценки степени риска",
        ),
        _order_title(
            ctx, lang, 118 + shift, 141, "Есептілік нысандарын бекіту туралы", "Об утверждении форм отчетности"
        ),
    ]
    items = [
        f"{a} — {ext_link('https://adilet.zan.kz/', pick(lang, 'мәтіні «Әділет» АҚЖ-да', 'текст в ИПС «Әділет»'))}"
        for a in acts
    ]
    return label, ul(items) + p(
        doc(ctx, "npa-list", pick(lang, "Актілердің тізбесі", "Перечень актов"), "xlsx", "24 КБ", lang)
    )


@block("nm.drafts")
def _drafts(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    shift = 400 if stale else 0
    d = ctx.day(9 + shift)
    label = heading(
        ctx,
        lang,
        ("НҚА жобалары", "Проекты нормативных правовых актов"),
        ("Талқылаудағы жобалар", "Проекты на обсуждении"),
    )
    subject = pick(
        lang,
        f"{ctx.field_kk.capitalize()} мәселелері бойынша бұйрық жобасы",
        f"Проект приказа по вопросам {ctx.field_ru}",
    )
    text = pick(
        lang,
        f"{subject} ({dmy(d)} бастап жария талқылауда). Қоса берілген: түсіндірме жазба, салыстырма кесте, "
        "жеке кәсіпкерлік субъектілерінің сараптамалық қорытындысы.",
        f"{subject} (на публичном обсуждении с {dmy(d)}). Прилагаются: пояснительная записка, сравнительная "
        "таблица, экспертное заключение субъектов частного предпринимательства.",
    )
    files = ul(
        [
            doc(ctx, "draft-text", pick(lang, "Жобаның мәтіні", "Текст проекта"), "docx", "58 КБ", lang),
            doc(ctx, "draft-note", pick(lang, "Түсіндірме жазба", "Пояснительная записка"), "docx", "31 КБ", lang),
            doc(ctx, "draft-table", pick(lang, "Салыстырма кесте", "Сравнительная таблица"), "docx", "44 КБ", lang),
        ]
    )
    return label, p(text) + files + p(
        ext_link(
            "https://legalacts.egov.kz/", pick(lang, "«Ашық НҚА» порталындағы жоба", "Проект на портале «Открытые НПА»")
        )
    )


@block("nm.other")
def _other_acts(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx, lang, ("Өзге де құқықтық актілер", "Иные правовые акты"), ("Бұйрықтар мен шешімдер", "Приказы и решения")
    )
    acts = [
        _order_title(
            ctx, lang, 44, 203, "Әдістемелік ұсынымдарды бекіту туралы", "Об утверждении методических рекомендаций"
        ),
        _order_title(
            ctx, lang, 97, 166, "Ведомствоаралық жұмыс тобын құру туралы", "О создании межведомственной рабочей группы"
        ),
    ]
    return label, ul(acts)


@block("nm.discuss")
def _discuss(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(
        ctx,
        lang,
        ("Заң жобаларын талқылау", "Обсуждение законопроектов"),
        ("Пікіріңізді білдіріңіз", "Выскажите мнение"),
    )
    text = pick(
        lang,
        "Нормативтік құқықтық актілердің жобаларына ескертулер мен ұсыныстарды «Ашық НҚА» порталында "
        "немесе төмендегі нысан арқылы жіберуге болады.",
        "Замечания и предложения к проектам нормативных правовых актов можно оставить на портале "
        "«Открытые НПА» или через форму ниже.",
    )
    form = (
        '<form method="post" action="/discussion" class="discuss">'
        f'<label for="d-text">{pick(lang, "Ұсыныс", "Предложение")}</label>'
        '<textarea id="d-text" name="text" rows="3"></textarea>'
        f'<button type="submit">{pick(lang, "Жіберу", "Отправить")}</button></form>'
    )
    return label, p(text + " " + ext_link("https://legalacts.egov.kz/", "legalacts.egov.kz")) + form


# ------------------------------------------------------------------------------------------- budget
@block("bu.total")
def _budget_total(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (1 if stale else 0)
    label = heading(
        ctx,
        lang,
        ("Бюджеттік қаражаттың жалпы сомасы", "Общая сумма бюджетных средств"),
        ("Бюджет", "Сколько выделено"),
    )
    text = pick(
        lang,
        f"{year} жылы {ctx.of['kk']} жұмыс істеуіне бюджеттен 4 812,6 млн теңге бөлінді (оның ішінде "
        "орталық аппаратты ұстауға — 1 906,3 млн теңге).",
        f"На функционирование {ctx.of['ru']} в {year} году из бюджета выделено 4 812,6 млн тенге (в том числе "
        "на содержание центрального аппарата — 1 906,3 млн тенге).",
    )
    return label, p(text)


@block("bu.execution")
def _execution(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (1 if stale else 0)
    label = heading(
        ctx, lang, ("Бюджеттің атқарылуы", "Исполнение бюджета"), ("Қаражат қалай жұмсалды", "Как расходуются средства")
    )
    when = pick(lang, f"{year} жылғы 1 қазандағы жағдай бойынша", f"по состоянию на 1 октября {year} года")
    social = ""
    if ctx.kind == "mio":
        social = pick(
            lang,
            " Әлеуметтік маңызы бар жобалар: 3 мектеп, 2 емхана және 4 балабақша салу — 21 416,0 млн теңге, игерілгені 73,2 %.",
            " Социально значимые проекты: строительство 3 школ, 2 поликлиник и 4 детских садов — 21 416,0 млн тенге, освоено 73,2 %.",
        )
    text = pick(
        lang,
        f"Бюджеттік бағдарламалардың атқарылуы {when}: жоспар — 3 522,4 млн теңге, атқарылуы — 3 391,7 млн теңге (96,3 %).",
        f"Исполнение бюджетных программ {when}: план — 3 522,4 млн тенге, исполнено — 3 391,7 млн тенге (96,3 %).",
    )
    return label, p(text + social) + p(
        doc(
            ctx,
            f"budget-execution-{year}",
            pick(lang, "Атқарылу туралы есеп", "Отчет об исполнении"),
            "xlsx",
            "38 КБ",
            lang,
        )
    )


@block("bu.statements")
def _statements(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (2 if stale else 1)
    label = heading(ctx, lang, ("Шоғырландырылған қаржылық есептілік", "Консолидированная финансовая отчетность"))
    forms = [
        pick(lang, "бухгалтерлік баланс", "бухгалтерский баланс"),
        pick(lang, "қаржылық нәтижелер туралы есеп", "отчет о результатах финансовой деятельности"),
        pick(lang, "ақша қаражатының қозғалысы туралы есеп", "отчет о движении денег"),
        pick(lang, "таза активтердің өзгерістері туралы есеп", "отчет об изменениях чистых активов/капитала"),
        pick(lang, "түсіндірме жазба", "пояснительная записка"),
    ]
    text = pick(
        lang,
        f"{year} жылғы шоғырландырылған қаржылық есептілік:",
        f"Консолидированная финансовая отчетность за {year} год:",
    )
    return label, p(text) + ul(forms) + p(
        doc(ctx, f"statements-{year}", pick(lang, "Есептілік", "Отчетность"), "pdf", "1,2 МБ", lang)
    )


@block("bu.audit")
def _audit(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    d = ctx.day(520 if stale else 48)
    label = heading(
        ctx,
        lang,
        ("Мемлекеттік аудит нәтижелері", "Результаты государственного аудита"),
        ("Бізде өткен тексерулер", "Проверки у нас"),
    )
    text = pick(
        lang,
        f"{long_date(d, 'kk')} Жоғары аудиторлық палата бюджет қаражатының пайдаланылуына аудит жүргізді. "
        "Қаржылық бұзушылықтар 14,2 млн теңгеге анықталды, оның 12,9 млн теңгесі қалпына келтірілді. "
        "Ішкі аудит қызметінің 2 тексеруінің қорытындылары да жарияланды.",
        f"{long_date(d, 'ru')} Высшая аудиторская палата провела аудит использования бюджетных средств. "
        "Выявлены финансовые нарушения на 14,2 млн тенге, из них восстановлено 12,9 млн тенге. Опубликованы "
        "также итоги 2 проверок службы внутреннего аудита.",
    )
    return label, p(text) + p(
        doc(ctx, "audit-report", pick(lang, "Аудиторлық қорытынды", "Аудиторское заключение"), "pdf", "640 КБ", lang)
    )


# ------------------------------------------------------------------------------------------ tenders
@block("te.rules")
def _te_rules(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Мемлекеттік сатып алуды реттейтін актілер", "НПА о государственных закупках"))
    text = pick(
        lang,
        "«Мемлекеттік сатып алу туралы» Қазақстан Республикасының Заңы: ",
        "Закон Республики Казахстан «О государственных закупках»: ",
    )
    return label, p(text + ext_link("https://adilet.zan.kz/", "adilet.zan.kz"))


@block("te.plan")
def _te_plan(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    year = ctx.year - (1 if stale else 0)
    label = heading(
        ctx,
        lang,
        ("Мемлекеттік сатып алудың жылдық жоспары", "Годовой план государственных закупок"),
        ("Сатып алу жоспары", "План закупок"),
    )
    return label, p(
        doc(
            ctx,
            f"procurement-plan-{year}",
            pick(lang, f"{year} жылғы жоспар (соңғы өзгерістермен)", f"План на {year} год (с последними изменениями)"),
            "xlsx",
            "56 КБ",
            lang,
        )
    )


@block("te.tenders")
def _te_tenders(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    d = ctx.day(400 if stale else 12)
    label = heading(ctx, lang, ("Конкурстар", "Конкурсы и тендеры"), ("Хабарландырулар", "Объявления о закупках"))
    text = pick(
        lang,
        f"{dmy(d)} ашық конкурс жарияланды: «Ақпараттық жүйені сүйемелдеу жөніндегі қызметтер». Өтінімдер "
        "мемлекеттік сатып алу веб-порталы арқылы электрондық түрде қабылданады; конкурстық құжаттамада "
        "өткізу шарттары мен қатысу тәртібі көрсетілген. Конкурстық комиссияның шешіміне Қаржы министрлігінің "
        "Ішкі мемлекеттік аудит комитетіне шағым беруге болады. Алдыңғы конкурстың қорытындылары хаттамада.",
        f"{dmy(d)} объявлен открытый конкурс «Услуги по сопровождению информационной системы». Заявки "
        "принимаются в электронной форме через веб-портал государственных закупок; условия проведения и "
        "порядок участия — в конкурсной документации. Решения конкурсной комиссии обжалуются в Комитет "
        "внутреннего государственного аудита Министерства финансов. Итоги предыдущего конкурса — в протоколе.",
    )
    files = ul(
        [
            doc(
                ctx,
                "tender-docs",
                pick(lang, "Конкурстық құжаттама", "Конкурсная документация"),
                "docx",
                "120 КБ",
                lang,
            ),
            doc(
                ctx,
                "tender-protocol",
                pick(lang, "Қорытындылар хаттамасы", "Протокол об итогах"),
                "pdf",
                "210 КБ",
                lang,
            ),
        ]
    )
    return label, p(text) + files


@block("te.portal")
def _te_portal(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Мемлекеттік сатып алу порталы", "Портал государственных закупок"))
    text = pick(
        lang,
        "Біздің барлық хабарландыруларымыз мемлекеттік сатып алу веб-порталында: ",
        "Все наши объявления — на веб-портале государственных закупок: ",
    )
    return label, p(text + ext_link("https://goszakup.gov.kz/", "goszakup.gov.kz"))


@block("te.grants")
def _te_grants(ctx: Ctx, lang: str, stale: bool) -> tuple[str, str]:
    label = heading(ctx, lang, ("Гранттар", "Гранты"))
    text = pick(
        lang,
        f"{ctx.year - 1} жылы Біріккен Ұлттар Ұйымының Даму бағдарламасынан 38 000 АҚШ доллары көлемінде "
        "техникалық көмек гранты алынды және толық пайдаланылды.",
        f"В {ctx.year - 1} году получен и полностью использован грант технической помощи Программы развития "
        "ООН в размере 38 000 долларов США.",
    )
    return label, p(text)
