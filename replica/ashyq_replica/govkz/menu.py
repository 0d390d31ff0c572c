# ruff: noqa: E501  (prose: sentences are kept whole so translators can compare them)
"""The menu pages of a gov.kz body (the ``pages`` content type) and its contacts (``contacts_page``).

The platform gives every body the same set of sections; bodies differ in what they fill in. A page
missing in a language (no key in ``title``) is absent from that language's menu and API answers.
Page URLs: ``/memleket/entities/<slug>/activities/<page-slug>`` [GUESS: the live site numbers these
sections; a slug keeps the replica readable and the crawler treats both alike].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ashyq_replica.core import World, template_of
from ashyq_replica.govkz import texts
from ashyq_replica.govkz.model import SiteContent, Text
from ashyq_replica.site_defects import seeded


@dataclass(frozen=True)
class Page:
    id: int
    slug: str
    kind: str  # text | structure | contacts | news | documents | feedback | polls | vr | home
    order: int
    internal_link: str
    title: Text
    content: Text = field(default_factory=dict)
    is_menu_item: bool = True
    category: str | None = None  # for kind == "documents": the documents' category
    options: dict[str, Any] = field(default_factory=dict)


# slug, kind, (kk, ru, en) title, internal link relative to the entity, documents category
SECTIONS: tuple[tuple[str, str, tuple[str, str, str], str, str | None], ...] = (
    ("about", "text", ("Біз туралы", "О ведомстве", "About"), "/about", None),
    (
        "structure",
        "structure",
        ("Құрылымы және басшылығы", "Структура и руководство", "Structure and leadership"),
        "/about/structure",
        None,
    ),
    ("contacts", "contacts", ("Байланыс", "Контакты", "Contacts"), "/contacts", None),
    ("news", "news", ("Жаңалықтар", "Новости", "News"), "/press/news/1", None),
    (
        "npa",
        "documents",
        ("Нормативтік құқықтық актілер", "Нормативные правовые акты", "Legal acts"),
        "/activities/npa",
        "npa",
    ),
    (
        "budget",
        "documents",
        ("Бюджет қаражатын пайдалану", "Использование бюджетных средств", "Use of budget funds"),
        "/activities/budget",
        "budget",
    ),
    (
        "inspections",
        "documents",
        ("Тексерулер нәтижелері", "Результаты проверок", "Results of inspections"),
        "/activities/inspections",
        "inspections",
    ),
    ("statistics", "documents", ("Статистика", "Статистика", "Statistics"), "/activities/statistics", "statistics"),
    ("plans", "documents", ("Даму жоспары", "План развития", "Development plan"), "/activities/plans", "plans"),
    (
        "services",
        "text",
        ("Мемлекеттік қызметтер", "Государственные услуги", "Public services"),
        "/activities/services",
        None,
    ),
    (
        "reception",
        "text",
        ("Азаматтарды қабылдау кестесі", "График приёма граждан", "Reception schedule"),
        "/activities/reception",
        None,
    ),
    ("vacancies", "text", ("Бос орындар", "Вакансии", "Vacancies"), "/activities/vacancies", None),
    ("faq", "text", ("Жиі қойылатын сұрақтар", "Часто задаваемые вопросы", "FAQ"), "/activities/faq", None),
    ("vopros-otvet", "vr", ("Сұрақ қою", "Задать вопрос", "Ask a question"), "/activities/vopros-otvet", None),
    ("feedback", "feedback", ("Кері байланыс", "Обратная связь", "Feedback"), "/activities/feedback", None),
    ("polls", "polls", ("Сауалнамалар", "Опросы", "Polls"), "/activities/polls", None),
    (
        "anticorruption",
        "text",
        ("Сыбайлас жемқорлыққа қарсы іс-қимыл", "Противодействие коррупции", "Anti-corruption"),
        "/activities/anticorruption",
        None,
    ),
    (
        "symbols",
        "text",
        ("Мемлекеттік рәміздер", "Государственные символы", "State symbols"),
        "/activities/symbols",
        None,
    ),
)

_OMITTED_BY = {"polls": "no_polls", "faq": "no_faq", "feedback": "no_feedback_form", "inspections": "no_inspections"}


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _page_text(site: SiteContent, slug: str, lang: str) -> str:
    li = ("kk", "ru", "en").index(lang)
    body = site.body
    name = (body.names.kk, body.names.ru, body.names.en or body.names.ru)[li]
    if slug == "about":
        html = _p(
            (
                f"{name} — Қазақстан Республикасының заңнамасына сәйкес өз құзыреті шегінде басшылықты жүзеге асыратын мемлекеттік орган.",
                f"{name} — государственный орган, осуществляющий руководство в пределах компетенции, установленной законодательством Республики Казахстан.",
                f"{name} is a state body exercising leadership within the competence set by the law of the Republic of Kazakhstan.",
            )[li],
            (
                "Ереже Қазақстан Республикасы Үкіметінің қаулысымен бекітілген.",
                "Положение утверждено постановлением Правительства Республики Казахстан.",
                "Its regulation is approved by a resolution of the Government.",
            )[li],
        )
        if seeded(body.id, "dead_link"):
            label = (
                "Өңірдің 2019 жылғы даму бағдарламасы",
                "Программа развития региона 2019 года",
                "Regional programme 2019",
            )[li]
            html += f'<p><a href="/uploads/2019/3/1/0f3c9e1d2a7b4c5d6e7f8091a2b3c4d5_original.pdf">{label}</a></p>'
        return html
    if slug == "services":
        items = []
        for service in texts.SERVICES:
            memo = [
                (
                    "Көрсету нысаны: электрондық және қағаз түрінде",
                    "Форма оказания: электронная и бумажная",
                    "Form: electronic and paper",
                )[li],
                (
                    "Қажетті құжаттар: өтініш, жеке басын куәландыратын құжат",
                    "Необходимые документы: заявление, удостоверение личности",
                    "Documents: application, identity card",
                )[li],
                (
                    'Электрондық түрде: <a href="https://egov.kz" target="_blank" rel="noopener">egov.kz</a> (жаңа терезеде)',
                    'Электронно: <a href="https://egov.kz" target="_blank" rel="noopener">egov.kz</a> (в новом окне)',
                    'Online: <a href="https://egov.kz" target="_blank" rel="noopener">egov.kz</a> (new window)',
                )[li],
            ]
            if not seeded(body.id, "service_memo_incomplete", lang):
                memo += [
                    ("Құны: тегін", "Стоимость: бесплатно", "Cost: free of charge")[li],
                    ("Мерзімі: 5 жұмыс күні", "Срок: 5 рабочих дней", "Term: 5 working days")[li],
                    (
                        "Нәтижесі: анықтама немесе дәлелді бас тарту",
                        "Результат: справка либо мотивированный отказ",
                        "Result: a certificate or a reasoned refusal",
                    )[li],
                ]
            items.append(
                f'<section class="service-memo"><h3>{service[li]}</h3><ul>{"".join(f"<li>{m}</li>" for m in memo)}</ul></section>'
            )
        return "".join(items)
    if slug == "reception":
        rows = "".join(
            f"<tr><td>{c.lastname} {c.name}</td><td>{c.position[lang]}</td><td>{('Сейсенбі', 'Вторник', 'Tuesday')[li]}, 10:00–13:00</td>"
            f"<td>{c.phone}</td></tr>"
            for c in site.curators
        )
        return f'<table class="reception-schedule">{rows}</table>'
    if slug == "vacancies":
        if seeded(body.id, "no_vacancies", lang):
            return _p(("Бос орындар жоқ.", "Вакансий нет.", "No vacancies.")[li])
        return _p(
            (
                "Бас маман (С-О-5 санаты): жоғары білім, мемлекеттік қызмет туралы заңнаманы білу. Байланыс: +7 7172 74-12-00.",
                "Главный эксперт (категория С-О-5): высшее образование, знание законодательства о государственной службе. Контакты: +7 7172 74-12-00.",
                "Chief expert (grade C-O-5): higher education, knowledge of civil-service law. Contact: +7 7172 74-12-00.",
            )[li]
        )
    if slug == "faq":
        return "".join(f"<details><summary>{q[li]}</summary>{_p(texts.ANSWER[li])}</details>" for q in texts.QUESTIONS)
    if slug == "anticorruption":
        return _p(
            (
                "Сыбайлас жемқорлық фактілері туралы 1424 нөміріне хабарлаңыз. Әдеп жөніндегі уәкіл: +7 7172 74-15-15.",
                "О фактах коррупции сообщайте по номеру 1424. Уполномоченный по этике: +7 7172 74-15-15.",
                "Report corruption at 1424. Ethics commissioner: +7 7172 74-15-15.",
            )[li]
        )
    if slug == "symbols":
        return (
            '<img src="/static/media/emblem.png" width="80" height="80" alt="'
            + (
                "Қазақстан Республикасының Мемлекеттік Елтаңбасы",
                "Государственный Герб Республики Казахстан",
                "State Emblem",
            )[li]
            + '">'
            + _p(
                (
                    "Мемлекеттік Ту, Елтаңба және Әнұран.",
                    "Государственный Флаг, Герб и Гимн.",
                    "The State Flag, Emblem and Anthem.",
                )[li]
            )
        )
    if slug == "budget" and "budget_restricted" in body.tags:
        return _p(
            (
                "Бюджет туралы ақпарат заңмен қолжетімділігі шектелген ақпаратқа жатады.",
                "Сведения о бюджете относятся к информации с ограниченным доступом в соответствии с законом.",
                "Budget information is restricted by law.",
            )[li]
        )
    return ""


def build_pages(world: World, site: SiteContent) -> None:
    body = site.body
    english_partial = seeded(body.id, "english_partial")
    home_title = ("Басты бет", "Главная", "Home")
    site.pages.append(
        Page(
            5000,
            "home",
            "home",
            0,
            "",
            {lang: home_title[("kk", "ru", "en").index(lang)] for lang in site.langs},
            is_menu_item=False,
            options=dict(site.options),
        )
    )
    for order, (slug, kind, title, link, category) in enumerate(SECTIONS, start=1):
        if slug in _OMITTED_BY and seeded(body.id, _OMITTED_BY[slug]):
            continue
        langs = [
            lang for lang in site.langs if lang != "en" or not english_partial or slug in ("about", "news", "contacts")
        ]
        if slug == "statistics" and seeded(body.id, "section_missing_kk_statistics", "kk"):
            langs.remove("kk")
        titles = {lang: title[("kk", "ru", "en").index(lang)] for lang in langs}
        content = {lang: _page_text(site, slug, lang) for lang in langs}
        site.pages.append(Page(5000 + order, slug, kind, order, link, titles, content, category=category))


def contacts(site: SiteContent, lang: str) -> list[dict[str, Any]]:
    """The ``organisations`` of ``contacts_page`` [GUESS: its structure is unknown; a list of units]."""
    li = ("kk", "ru", "en").index(lang)
    address = texts.CITY_ADDRESS[template_of(site.body.id)][li]
    slug = site.slug
    units: list[dict[str, Any]] = [
        {
            "name": ("Кеңсе", "Канцелярия", "Office")[li],
            "address": address,
            "phones": ["+7 7172 74-10-00"],
            "email": f"kense@{slug}.gov.kz",
        },
        {
            "name": ("Басшылық", "Руководство", "Leadership")[li],
            "phones": [c.phone for c in site.curators[:3]],
            "email": f"info@{slug}.gov.kz",
        },
    ]
    if not seeded(site.body.id, "contacts_incomplete", lang):
        units += [
            {
                "name": ("Баспасөз қызметі", "Пресс-служба", "Press service")[li],
                "phones": ["+7 7172 74-11-11"],
                "email": f"press@{slug}.gov.kz",
            },
            {
                "name": ("Әдеп жөніндегі уәкіл", "Уполномоченный по этике", "Ethics commissioner")[li],
                "phones": ["+7 7172 74-15-15"],
            },
            {
                "name": ("Әлеуметтік желілер", "Социальные сети", "Social media")[li],
                "links": [f"https://t.me/{slug}_gov_kz", f"https://www.instagram.com/{slug}.gov.kz"],
            },
        ]
    units.append(
        {
            "name": ("Ведомстволық бағынысты ұйымдар", "Подведомственные организации", "Subordinate organisations")[li],
            "phones": ["+7 7172 74-20-00"],
        }
    )
    return units
