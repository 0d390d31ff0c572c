# ruff: noqa: E501  (prose: sentences are kept whole so translators can compare them)
"""Phrase banks for gov.kz content in Kazakh, Russian and English.

Titles are built as frame × topic × month so that feeds look like a real body's: many items, no two
alike, all on the body's own subjects. Every tuple is (kk, ru, en).
"""

from __future__ import annotations

Tri = tuple[str, str, str]

MONTHS: dict[str, tuple[str, ...]] = {
    "kk": (
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ),
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

# {topic} is a noun phrase in the nominative; {Topic} the same with a capital letter.
NEWS_FRAMES: tuple[Tri, ...] = (
    (
        "{Topic}: {year} жылғы {month} айының қорытындысы",
        "{Topic}: итоги {month} {year} года",
        "{Topic}: results of {month} {year}",
    ),
    ("«{topic}» тақырыбында брифинг өтті", "Состоялся брифинг на тему «{topic}»", "Briefing held on «{topic}»"),
    ("{Topic} мәселелері бойынша кеңес өтті", "Проведено совещание по вопросам: {topic}", "Meeting held on {topic}"),
    ("Түсіндірме: {topic} ({month})", "Разъяснение: {topic} ({month})", "Explainer: {topic} ({month})"),
    (
        "{Topic} жұмыс тобының назарында",
        "{Topic} — в центре внимания рабочей группы",
        "{Topic} in focus of the working group",
    ),
    (
        "{Topic}: өңірлерге көшпелі кездесу",
        "{Topic}: выездная встреча в регионах",
        "{Topic}: field meeting in the regions",
    ),
)

TOPICS: dict[str, tuple[Tri, ...]] = {
    "enbek": (
        ("жастарды жұмысқа орналастыру", "трудоустройство молодёжи", "youth employment"),
        ("зейнетақы төлемдері", "пенсионные выплаты", "pension payments"),
        ("атаулы әлеуметтік көмек", "адресная социальная помощь", "targeted social assistance"),
        ("еңбек қауіпсіздігі", "безопасность труда", "occupational safety"),
        ("мүгедектігі бар адамдарды қолдау", "поддержка лиц с инвалидностью", "support for persons with disabilities"),
        ("Электрондық еңбек биржасы", "Электронная биржа труда", "the Electronic Labour Exchange"),
        ("көші-қон саясаты", "миграционная политика", "migration policy"),
        ("әлеуметтік кодекс", "социальный кодекс", "the Social Code"),
    ),
    "adilet": (
        ("тегін заң көмегі", "бесплатная юридическая помощь", "free legal aid"),
        (
            "нормативтік құқықтық актілерді тіркеу",
            "регистрация нормативных правовых актов",
            "registration of legal acts",
        ),
        ("сот актілерін орындау", "исполнение судебных актов", "enforcement of court decisions"),
        ("азаматтық хал актілерін тіркеу", "регистрация актов гражданского состояния", "civil registration"),
        ("зияткерлік меншікті қорғау", "защита интеллектуальной собственности", "protection of intellectual property"),
        ("нотариаттық қызмет", "нотариальная деятельность", "notarial services"),
        ("құқықтық насихат", "правовая пропаганда", "legal awareness"),
        ("медиация және бітімгершілік", "медиация и примирение", "mediation and settlement"),
    ),
    "mod": (
        ("әскери қызметке шақыру", "призыв на воинскую службу", "conscription"),
        ("әскерилерді тұрғын үймен қамтамасыз ету", "обеспечение военнослужащих жильём", "housing for servicemen"),
        ("әскери-патриоттық тәрбие", "военно-патриотическое воспитание", "military-patriotic education"),
        ("келісімшарт бойынша қызмет", "служба по контракту", "contract service"),
        ("әскери білім беру", "военное образование", "military education"),
        ("жауынгерлік даярлық", "боевая подготовка", "combat training"),
        ("бітімгершілік миссиялар", "миротворческие миссии", "peacekeeping missions"),
    ),
    "astana": (
        ("қала көшелерін жөндеу", "ремонт городских улиц", "street repairs"),
        ("қоғамдық көлік", "общественный транспорт", "public transport"),
        ("жаңа мектептер құрылысы", "строительство новых школ", "construction of new schools"),
        ("жылу маусымына дайындық", "подготовка к отопительному сезону", "preparation for the heating season"),
        ("қаланы көгалдандыру", "озеленение города", "greening the city"),
        ("тұрғын үй кезегі", "очередь на жильё", "the housing queue"),
        ("шағын және орта бизнесті қолдау", "поддержка малого и среднего бизнеса", "support for small business"),
        ("қар тазалау", "уборка снега", "snow clearing"),
    ),
    "karaganda": (
        ("ауылдарды газдандыру", "газификация сёл", "gas supply to villages"),
        ("көмір өнеркәсібі", "угольная промышленность", "the coal industry"),
        ("жергілікті жолдарды жөндеу", "ремонт местных дорог", "local road repairs"),
        ("ауыл шаруашылығы маусымы", "сельскохозяйственный сезон", "the farming season"),
        ("денсаулық сақтау нысандары", "объекты здравоохранения", "health facilities"),
        ("экологиялық ахуал", "экологическая обстановка", "the environmental situation"),
        ("моноқалаларды дамыту", "развитие моногородов", "single-industry towns"),
    ),
}

NEWS_SENTENCES: tuple[Tri, ...] = (
    (
        "{body} басшылығы тақырып бойынша ағымдағы жұмыстың нәтижелерін таныстырды.",
        "Руководство ведомства ({body}) представило результаты текущей работы по теме.",
        "The leadership of {body} presented the results of the current work.",
    ),
    (
        "Іс-шараға мемлекеттік органдардың, үкіметтік емес ұйымдардың және бұқаралық ақпарат құралдарының өкілдері қатысты.",
        "В мероприятии приняли участие представители государственных органов, неправительственных организаций и средств массовой информации.",
        "Representatives of state bodies, non-governmental organisations and the media took part.",
    ),
    (
        "Азаматтардың өтініштері бойынша нақты шешімдер қабылданды, орындалу мерзімдері белгіленді.",
        "По обращениям граждан приняты конкретные решения и установлены сроки исполнения.",
        "Specific decisions were taken on citizens' appeals and deadlines were set.",
    ),
    (
        "Толық ақпаратты бірыңғай байланыс орталығының 1414 нөмірі арқылы алуға болады.",
        "Подробную информацию можно получить по номеру единого контакт-центра 1414.",
        "Details are available from the unified contact centre at 1414.",
    ),
    (
        "Келесі кезеңде жұмыс өңірлердің ерекшеліктерін ескере отырып жалғасады.",
        "На следующем этапе работа продолжится с учётом особенностей регионов.",
        "In the next stage the work will continue, taking regional specifics into account.",
    ),
    (
        "Өткен жылмен салыстырғанда көрсеткіштер айтарлықтай жақсарды.",
        "По сравнению с прошлым годом показатели заметно улучшились.",
        "Compared with last year the figures have clearly improved.",
    ),
)

# Document kinds: (category, title frame, file extension). {n} number, {date} dd.mm.yyyy, {year}, {q}.
DOC_FRAMES: dict[str, tuple[Tri, str]] = {
    "npa": (
        (
            "{date} № {n} бұйрық «{topic} саласындағы қағидаларды бекіту туралы»",
            "Приказ от {date} № {n} «Об утверждении правил в сфере: {topic}»",
            "Order of {date} No. {n} on the rules on {topic}",
        ),
        "docx",
    ),
    "budget": (
        (
            "{year} жылғы бюджет қаражатын пайдалану туралы есеп ({q}-тоқсан)",
            "Отчёт об использовании бюджетных средств за {q} квартал {year} года",
            "Report on the use of budget funds, Q{q} {year}",
        ),
        "xlsx",
    ),
    "inspections": (
        (
            # both halves of Table 7 row 3: the inspections the body carried out and those carried out in it
            "{year} жылғы {q}-тоқсанда орган жүргізген және органда жүргізілген тексерулер нәтижелері",
            "Результаты проверок, проведенных органом и в органе, за {q} квартал {year} года",
            "Results of inspections by and of the body, Q{q} {year}",
        ),
        "pdf",
    ),
    "statistics": (
        (
            "Салалық статистикалық деректер: {topic} ({year}, {q}-тоқсан)",
            "Отраслевые статистические данные: {topic} ({year}, {q} квартал)",
            "Sector statistics: {topic} ({year}, Q{q})",
        ),
        "xlsx",
    ),
    "plans": (
        (
            "{year}–{year_end} жылдарға арналған даму жоспары және оның орындалуы туралы есеп",
            "План развития на {year}–{year_end} годы и отчёт о его исполнении",
            "Development plan {year}–{year_end} and report on its implementation",
        ),
        "zip",
    ),
}

NPA_CHAPTERS: tuple[Tri, ...] = (
    ("Жалпы ережелер", "Общие положения", "General provisions"),
    ("Негізгі ұғымдар", "Основные понятия", "Definitions"),
    ("Өтінішті беру тәртібі", "Порядок подачи заявления", "Procedure for applying"),
    ("Өтінішті қарау мерзімдері", "Сроки рассмотрения заявления", "Time limits"),
    ("Шешімге шағым жасау", "Обжалование решения", "Appeals"),
    ("Қорытынды ережелер", "Заключительные положения", "Final provisions"),
)

NPA_CLAUSE: Tri = (
    "{n}. Осы тармақта көзделген әрекеттерді уәкілетті орган Қазақстан Республикасының заңнамасына сәйкес жүзеге асырады.",
    "{n}. Действия, предусмотренные настоящим пунктом, осуществляются уполномоченным органом в соответствии с законодательством Республики Казахстан.",
    "{n}. The actions provided for in this clause are carried out by the authorised body under the law of the Republic of Kazakhstan.",
)

UI: dict[str, Tri] = {
    "official": (
        "Қазақстан Республикасы мемлекеттік органының ресми интернет-ресурсы",
        "Официальный интернет-ресурс государственного органа Республики Казахстан",
        "Official website of a state body of the Republic of Kazakhstan",
    ),
}

CITY_ADDRESS: dict[str, Tri] = {
    "enbek": (
        "Астана қ., Мәңгілік Ел даңғылы, 8, «Министрліктер үйі», 2-кіреберіс",
        "г. Астана, проспект Мангилик Ел, 8, «Дом министерств», подъезд 2",
        "8 Mangilik El Ave, House of Ministries, entrance 2, Astana",
    ),
    "adilet": (
        "Астана қ., Мәңгілік Ел даңғылы, 8, «Министрліктер үйі», 13-кіреберіс",
        "г. Астана, проспект Мангилик Ел, 8, «Дом министерств», подъезд 13",
        "8 Mangilik El Ave, House of Ministries, entrance 13, Astana",
    ),
    "mod": (
        "Астана қ., Дінмұхамед Қонаев көшесі, 10",
        "г. Астана, улица Динмухамеда Кунаева, 10",
        "10 Dinmukhamed Kunayev St, Astana",
    ),
    "astana": ("Астана қ., Бейбітшілік көшесі, 11", "г. Астана, улица Бейбитшилик, 11", "11 Beibitshilik St, Astana"),
    "karaganda": (
        "Қарағанды қ., Бұқар жырау даңғылы, 39",
        "г. Караганда, проспект Бухар жырау, 39",
        "39 Bukhar Zhyrau Ave, Karaganda",
    ),
}

PEOPLE: tuple[tuple[str, str, str], ...] = (
    ("Ахметов", "Нұрлан", "Серікұлы"),
    ("Сәрсенбаева", "Айгүл", "Қайратқызы"),
    ("Жұмабеков", "Ерлан", "Болатұлы"),
    ("Оспанова", "Динара", "Маратқызы"),
    ("Тоқтаров", "Асқар", "Әділұлы"),
    ("Бекмұхамбетова", "Гүлнұр", "Ержанқызы"),
    ("Қасымов", "Дәурен", "Тимурұлы"),
    ("Исабекова", "Сәуле", "Нұрланқызы"),
)

POSITIONS: tuple[Tri, ...] = (
    ("Бірінші басшы", "Первый руководитель", "Head"),
    ("Бірінші орынбасар", "Первый заместитель", "First Deputy"),
    ("Орынбасар", "Заместитель", "Deputy"),
    ("Орынбасар", "Заместитель", "Deputy"),
    ("Жауапты хатшы", "Ответственный секретарь", "Executive Secretary"),
    ("Аппарат басшысы", "Руководитель аппарата", "Chief of Staff"),
)

SERVICES: tuple[Tri, ...] = (
    ("Анықтама беру", "Выдача справки", "Issuing a certificate"),
    ("Өтінішті тіркеу", "Регистрация заявления", "Registering an application"),
    ("Әлеуметтік төлемді тағайындау", "Назначение социальной выплаты", "Granting a social payment"),
    ("Рұқсат беру", "Выдача разрешения", "Issuing a permit"),
)

QUESTIONS: tuple[Tri, ...] = (
    (
        "Анықтаманы қанша күнде алуға болады?",
        "За сколько дней можно получить справку?",
        "How long does a certificate take?",
    ),
    ("Өтінішті онлайн беруге бола ма?", "Можно ли подать заявление онлайн?", "Can I apply online?"),
    ("Қабылдау кестесі қандай?", "Каков график приёма граждан?", "What are the reception hours?"),
    ("Төлем мөлшері қалай есептеледі?", "Как рассчитывается размер выплаты?", "How is the payment calculated?"),
    ("Құжаттар тізімі қайда жарияланған?", "Где опубликован перечень документов?", "Where is the list of documents?"),
    ("Шешімге қалай шағымдануға болады?", "Как обжаловать решение?", "How do I appeal a decision?"),
)

ANSWER: Tri = (
    "Сұрағыңызға рахмет. Толық ақпарат «Мемлекеттік қызметтер» бөлімінде және 1414 нөмірі арқылы берілген.",
    "Благодарим за вопрос. Подробная информация размещена в разделе «Государственные услуги» и доступна по номеру 1414.",
    "Thank you for your question. Details are in the Public services section and at 1414.",
)
