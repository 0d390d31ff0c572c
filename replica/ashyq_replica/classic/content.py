"""Pages of the classic (server-rendered) websites: the Kostanay akimat and two subordinate bodies.

Each site is a dict ``(lang, route) -> ClassicPage``; ``route`` is the path without the language
part, so one site can put the language in the path (``/ru/news``) and another in the query
(``/news?lang=ru``). What a site lacks comes from :mod:`ashyq_replica.site_defects`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ashyq_replica.core import World, WorldBody, template_of
from ashyq_replica.govkz import files
from ashyq_replica.govkz.texts import MONTHS
from ashyq_replica.site_defects import seeded


@dataclass(frozen=True)
class ClassicPage:
    route: str
    lang: str
    title: str
    body: str
    parents: tuple[tuple[str, str], ...] = ()  # (route, title) from the home page down
    kind: str = "page"  # page | news | document | home


@dataclass
class ClassicSite:
    body: WorldBody
    pages: dict[tuple[str, str], ClassicPage] = field(default_factory=dict)
    menu: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # lang -> [(route, title)]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # path -> (ext, data)
    news_dates: dict[tuple[str, str], date] = field(default_factory=dict)

    def add(self, page: ClassicPage) -> None:
        self.pages[(page.lang, page.route)] = page


def _l(lang: str, kk: str, ru: str) -> str:
    return kk if lang == "kk" else ru


NEWS_TITLES = {
    "kostanay": (
        ("Облыста егін жинау аяқталды", "В области завершена уборка урожая"),
        ("Қостанайда жаңа мектеп ашылды", "В Костанае открылась новая школа"),
        ("Жылу маусымына дайындық жалғасуда", "Продолжается подготовка к отопительному сезону"),
        ("Аким азаматтарды қабылдады", "Аким провёл приём граждан"),
        ("Ауылдық жолдар жөнделді", "Отремонтированы сельские дороги"),
        ("Кәсіпкерлерге гранттар берілді", "Предпринимателям вручены гранты"),
    ),
    "enbek-center": (
        ("Еңбек нарығына шолу жарияланды", "Опубликован обзор рынка труда"),
        ("Жұмыс берушілерге арналған семинар", "Семинар для работодателей"),
        ("Кәсіптер анықтамалығы жаңартылды", "Обновлён справочник профессий"),
        ("Жастар жұмыспен қамтылуының талдауы", "Анализ занятости молодёжи"),
        ("Еңбек ресурстарының болжамы", "Прогноз трудовых ресурсов"),
    ),
    "zqai": (
        ("Заң жобаларына ғылыми сараптама", "Научная экспертиза законопроектов"),
        ("Құқықтық мониторинг нәтижелері", "Результаты правового мониторинга"),
        ("Халықаралық конференция өтті", "Прошла международная конференция"),
        ("Жас ғалымдар мектебі", "Школа молодых учёных"),
    ),
}


def _news(world: World, site: ClassicSite, count: int, photo_alt: bool, dated: bool) -> None:
    titles = NEWS_TITLES[template_of(site.body.id)]
    rng = world.rng("classic-news", site.body.id)
    days = 0
    for i in range(count):
        days += rng.randint(2, 9)
        day = world.days_ago(days)
        title = titles[i % len(titles)]
        for lang in ("kk", "ru"):
            text = f"{_l(lang, title[0], title[1])} ({day.day} {MONTHS[lang][day.month - 1]})"
            alt = f' alt="{text}"' if photo_alt else ""
            when = f'<p class="date">{day:%d.%m.%Y}</p>' if dated else ""
            body = (
                f'{when}<img src="/images/news/{i % 3}.png" width="320" height="200"{alt}>'
                f"<p>{_l(lang, 'Толық ақпарат баспасөз қызметінде.', 'Подробности — в пресс-службе.')}</p>"
            )
            route = f"/news/{i + 1}"
            site.add(ClassicPage(route, lang, text, body, (("/news", _l(lang, "Жаңалықтар", "Новости")),), "news"))
            site.news_dates[(lang, route)] = day
    for lang in ("kk", "ru"):
        items = "".join(
            f'<li><a href="{{url:/news/{i + 1}}}">{site.pages[(lang, f"/news/{i + 1}")].title}</a>'
            + (f' <span class="date">{site.news_dates[(lang, f"/news/{i + 1}")]:%d.%m.%Y}</span>' if dated else "")
            + "</li>"
            for i in range(count)
        )
        site.add(ClassicPage("/news", lang, _l(lang, "Жаңалықтар", "Новости"), f'<ul class="news-list">{items}</ul>'))


def _documents(world: World, site: ClassicSite, names: list[tuple[str, str, str]]) -> None:
    """names: (kk, ru, ext). Links show format and size (A14-2.6)."""
    rows: dict[str, list[str]] = {"kk": [], "ru": []}
    for k, (kk, ru, ext) in enumerate(names):
        data = (
            files.make_pdf([f"{site.body.id} document {k}"])
            if ext == "pdf"
            else files.make_docx(ru, [kk])
            if ext == "docx"
            else files.make_xlsx("Data", [["A", "B"], [1, 2]])
        )
        path = f"/upload/docs/{site.body.id}-{k + 1}.{ext}"
        site.files[path] = (ext, data)
        for lang in ("kk", "ru"):
            rows[lang].append(
                f'<li><a href="{path}">{_l(lang, kk, ru)}</a> ({ext.upper()}, {files.human_size(len(data), lang)})</li>'
            )
    for lang in ("kk", "ru"):
        site.add(
            ClassicPage(
                "/documents",
                lang,
                _l(lang, "Құжаттар", "Документы"),
                f'<ul class="documents">{"".join(rows[lang])}</ul>',
            )
        )


def _text(
    site: ClassicSite,
    route: str,
    titles: tuple[str, str],
    bodies: tuple[str, str],
    parents: tuple[tuple[str, str, str], ...] = (),
    langs: tuple[str, ...] = ("kk", "ru"),
) -> None:
    for lang in langs:
        crumbs = tuple((r, _l(lang, kk, ru)) for r, kk, ru in parents)
        site.add(ClassicPage(route, lang, _l(lang, *titles), f"<p>{_l(lang, *bodies)}</p>", crumbs))


def _common(site: ClassicSite, feedback: bool, extras: bool) -> None:
    name = site.body.names
    _text(
        site,
        "/contacts",
        ("Байланыс", "Контакты"),
        (
            f"{name.kk}. Мекенжай, телефон: +7 7142 50-00-00, e-mail: info@{site.body.classic_host}",
            f"{name.ru}. Адрес, телефон: +7 7142 50-00-00, e-mail: info@{site.body.classic_host}",
        ),
    )
    if feedback:
        for lang in ("kk", "ru"):
            site.add(
                ClassicPage(
                    "/feedback",
                    lang,
                    _l(lang, "Кері байланыс", "Обратная связь"),
                    '<form class="feedback-form" method="post" action="{url:/feedback}">'
                    f'<label>{_l(lang, "Аты-жөні", "ФИО")} <input name="name" required></label>'
                    f'<label>E-mail <input name="email" type="email" required></label>'
                    f'<label>{_l(lang, "Хабарлама", "Сообщение")} <textarea name="message" required></textarea></label>'
                    f'<button type="submit">{_l(lang, "Жіберу", "Отправить")}</button></form>',
                )
            )
    if extras:
        _text(
            site,
            "/faq",
            ("Жиі қойылатын сұрақтар", "Часто задаваемые вопросы"),
            (
                "Сұрақ: қабылдау қашан? Жауап: сейсенбі сайын 10:00-ден.",
                "Вопрос: когда приём? Ответ: по вторникам с 10:00.",
            ),
        )
        for lang in ("kk", "ru"):
            site.add(
                ClassicPage(
                    "/polls",
                    lang,
                    _l(lang, "Сауалнама", "Опрос"),
                    '<form class="poll" method="post" action="{url:/polls}"><fieldset><legend>'
                    + _l(lang, "Сайт ыңғайлы ма?", "Удобен ли сайт?")
                    + '</legend><label><input type="radio" name="a" value="1"> '
                    + _l(lang, "Иә", "Да")
                    + '</label><label><input type="radio" name="a" value="0"> '
                    + _l(lang, "Жоқ", "Нет")
                    + "</label></fieldset><button>OK</button></form>",
                )
            )


def build_kostanay(world: World, body: WorldBody) -> ClassicSite:
    site = ClassicSite(body)
    alt = not seeded(body.id, "missing_alt") or world.fixed(body.id, "missing_alt")
    _news(world, site, 18, photo_alt=alt, dated=True)
    _documents(
        world,
        site,
        [
            ("Облыс әкімдігінің қаулысы", "Постановление акимата области", "docx"),
            ("Бюджеттің атқарылуы туралы есеп", "Отчёт об исполнении бюджета", "xlsx"),
            ("Тексерулер нәтижелері", "Результаты проверок", "pdf"),
        ],
    )
    _text(
        site,
        "/about",
        ("Облыс туралы", "Об области"),
        ("Қостанай облысы 1936 жылы құрылған.", "Костанайская область образована в 1936 году."),
    )
    _text(
        site,
        "/akim",
        ("Облыс әкімі", "Аким области"),
        ("Облыс әкімінің өмірбаяны және қабылдау кестесі.", "Биография акима области и график приёма."),
        (("/about", "Облыс туралы", "Об области"),),
    )
    _text(
        site,
        "/services",
        ("Мемлекеттік қызметтер", "Государственные услуги"),
        ("Қызмет паспорттары, стандарттары, құны және мерзімдері.", "Паспорта, стандарты, стоимость и сроки услуг."),
    )
    _text(
        site,
        "/reception",
        ("Азаматтарды қабылдау", "Приём граждан"),
        ("Сейсенбі, 10:00–13:00.", "Вторник, 10:00–13:00."),
    )
    _text(
        site,
        "/vacancies",
        ("Бос орындар", "Вакансии"),
        ("Бас маман: жоғары білім.", "Главный специалист: высшее образование."),
    )
    missing_kk = seeded(body.id, "section_missing_kk_passport", "kk") and not world.fixed(
        body.id, "section_missing_kk_passport"
    )
    region_langs = ("ru",) if missing_kk else ("kk", "ru")
    _text(
        site,
        "/region",
        ("Облыстың әлеуметтік-экономикалық паспорты", "Социально-экономический паспорт области"),
        ("Өнеркәсіп, ауыл шаруашылығы, инфрақұрылым.", "Промышленность, сельское хозяйство, инфраструктура."),
        langs=region_langs,
    )
    # The deep chain: home → activity → business → control → plans → schedule (5 clicks).
    chain = [
        ("/activity", "Қызмет", "Деятельность"),
        ("/activity/business", "Кәсіпкерлікті қолдау", "Поддержка предпринимательства"),
        ("/activity/business/control", "Бақылау", "Контроль"),
        ("/activity/business/control/plans", "Жоспарлар", "Планы"),
        (
            "/activity/business/control/plans/2026/schedule",
            "2026 жылғы тексерулер кестесі",
            "График проверок на 2026 год",
        ),
    ]
    for depth, (route, kk, ru) in enumerate(chain):
        child = chain[depth + 1] if depth + 1 < len(chain) else None
        for lang in ("kk", "ru"):
            link = (
                f'<p><a href="{{url:{child[0]}}}">{_l(lang, child[1], child[2])}</a></p>'
                if child
                else "<p>01.03–30.06: 12 субъектов.</p>"
            )
            parents = tuple((r, _l(lang, k, ru_)) for r, k, ru_ in chain[:depth])
            site.add(ClassicPage(route, lang, _l(lang, kk, ru), link, parents))
    _common(site, feedback=True, extras=True)
    for lang in ("kk", "ru"):
        site.menu[lang] = [
            (r, site.pages[(lang, r)].title)
            for r in (
                "/about",
                "/news",
                "/documents",
                "/activity",
                "/services",
                "/reception",
                "/vacancies",
                "/contacts",
                "/feedback",
                "/faq",
                "/polls",
            )
            + (("/region",) if lang in region_langs else ())
            # Without the seeded depth defect the schedule sits in the main menu, one click away.
            + (() if seeded(body.id, "deep_page") else ("/activity/business/control/plans/2026/schedule",))
        ]
    return site


def build_enbek_center(world: World, body: WorldBody) -> ClassicSite:
    site = ClassicSite(body)
    _news(world, site, 12, photo_alt=True, dated=True)
    _documents(
        world,
        site,
        [
            ("Жарғы", "Устав", "pdf"),
            ("Жылдық есеп 2025", "Годовой отчёт за 2025 год", "pdf"),
            ("Еңбек нарығының деректері", "Данные рынка труда", "xlsx"),
        ],
    )
    _text(
        site,
        "/about",
        ("Орталық туралы", "О Центре"),
        (
            "Орталық еңбек нарығын талдайды және болжайды. Жарғысы мен есептері «Құжаттар» бөлімінде.",
            "Центр анализирует и прогнозирует рынок труда. Устав и отчёты — в разделе «Документы».",
        ),
    )
    _text(
        site,
        "/leadership",
        ("Басшылық", "Руководство"),
        ("Басқарма төрағасы: Әлімов Ерлан Серікұлы.", "Председатель правления: Алимов Ерлан Серикович."),
        (("/about", "Орталық туралы", "О Центре"),),
    )
    _text(
        site,
        "/structure",
        ("Құрылымы", "Структура"),
        ("Талдау департаменті, болжау департаменті.", "Департамент анализа, департамент прогнозирования."),
        (("/about", "Орталық туралы", "О Центре"),),
    )
    _common(site, feedback=True, extras=True)
    for lang in ("kk", "ru"):
        site.menu[lang] = [
            (r, site.pages[(lang, r)].title)
            for r in (
                "/about",
                "/leadership",
                "/structure",
                "/news",
                "/documents",
                "/contacts",
                "/feedback",
                "/faq",
                "/polls",
            )
        ]
    return site


def build_zqai(world: World, body: WorldBody) -> ClassicSite:
    site = ClassicSite(body)
    _news(world, site, 8, photo_alt=True, dated=not seeded(body.id, "no_dates") or world.fixed(body.id, "no_dates"))
    _text(site, "/projects", ("Жобалар", "Проекты"), ("Ғылыми жобалар тізімі.", "Перечень научных проектов."))
    menu = ["/news", "/projects", "/contacts"]
    if not seeded(body.id, "art16_missing"):  # Art. 16 information: leadership, charter, reports
        _text(site, "/leadership", ("Басшылық", "Руководство"), ("Директор: Сейітов Қанат.", "Директор: Сеитов Канат."))
        _documents(world, site, [("Жарғы", "Устав", "pdf"), ("Жылдық есеп", "Годовой отчёт", "pdf")])
        menu += ["/leadership", "/documents"]
    _common(site, feedback=False, extras=False)
    for lang in ("kk", "ru"):
        site.menu[lang] = [(r, site.pages[(lang, r)].title) for r in menu]
    return site


BUILDERS = {"kostanay": build_kostanay, "enbek-center": build_enbek_center, "zqai": build_zqai}
