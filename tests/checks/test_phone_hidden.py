"""What a phone's styles hide is not in the mobile version (Appendix 16): the gather step's phone rendering
marks it, in a real Chromium, and the mobile sections are judged without it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ashyq.base.artifacts import BodyArtifacts, PageSnapshot
from ashyq.checks.registry import run_checks
from ashyq.gather.pages import gather_pages
from ashyq.gather.visits import GatherSettings
from ashyq.net.egress import EgressPolicy

pytestmark = pytest.mark.browser

PAGE = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Кадровое обеспечение</title>
<style>@media (max-width: 700px) { .d-desktop-only, .menu-panel { display: none } }</style></head><body>
<header><nav><button aria-controls="menu">Меню</button>
<div id="menu" class="menu-panel"><a href="/ru/kadr">Вакансии</a></div></nav></header>
<main><h1>Кадровое обеспечение</h1><h2>Конкурсы на вакантные должности</h2>
<p>Объявлен конкурс на должность главного специалиста, документы принимаются до 1 декабря 2026 года.</p>
<div class="req d-desktop-only"><h2>Квалификационные требования</h2><p>Высшее юридическое образование.</p></div>
<h2>Контакты для консультаций</h2><p>Кадровая служба, телефон: +7 7172 74-10-00.</p></main></body></html>"""


def test_the_phone_rendering_marks_what_its_styles_hide_and_the_section_is_judged_without_it(tmp_path: Path) -> None:
    page = tmp_path / "kadr.html"
    page.write_text(PAGE, encoding="utf-8")
    url = page.as_uri()
    settings = GatherSettings.from_config(policy=EgressPolicy(), local_files=True, mobile=True)
    gathered = gather_pages([url], settings, sample=False)
    phones = [m for m in gathered.measurements if m.kind == "mobile" and m.viewport.startswith("mobile")]
    assert phones and all(m.data.get("horizontal_overflow") is False for m in phones), [m.data for m in phones]
    for phone in phones:
        # the classes only hidden content carries; the menu's panel opens with its button: not hidden
        assert set(phone.data["phone_hidden_classes"]) == {"req", "d-desktop-only"}
        assert phone.data["html"].count('data-ashyq-phone-hidden="1"') == 1
    desktop = PageSnapshot(url=url, lang="ru", html=PAGE, status=200, final_url=url, depth=0)
    artifacts = BodyArtifacts("b", "cgo", date(2026, 11, 20), pages=[desktop], measurements=phones)
    found = {r.lang: r for r in run_checks(artifacts, only_items=["A16-1.3-cgo"])}
    assert found["ru"].status == "partial"
    assert found["ru"].measured["absent"] == ["qualification_requirements"]


# A responsive template (Appendix 16 read at phone width): its style sheet hides a class at phone width that the
# home page does not use; a section page uses it for the reception schedule (Appendix 16, table 2, row 1.5,
# indicator 1: «График приема граждан и контактные телефоны уполномоченных лиц»), in kk and in ru.
# it also hides a class inside another: a staff table's contact columns («.staff .c-contact»), and the side panel's
# note, opened with its panel («.sidebar-panel > .note»)
STYLE = (
    "<style>@media (max-width: 767px) { .hide-phone { display: none } .sidebar-panel { display: none } "
    ".staff .c-contact, .sidebar-panel > .note { display: none } }</style>"
)
HOME = f"""<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Акимат</title>{STYLE}</head><body>
<header><nav><button aria-controls="side">Разделы</button>
<div id="side" class="sidebar-panel"><a href="/ru/reception">Обращения</a><p class="note">Приём</p></div></nav>
</header>
<main><h1>Акимат области</h1><p>Новости и объявления акимата области.</p></main></body></html>"""
RECEPTION = {
    "ru": (
        "Работа с населением",
        "<h2>График приема граждан</h2><p>Аким принимает каждый вторник 15:00–18:00, запись: +7 7132 55-00-02.</p>",
        "<h2>Порядок обжалования решений</h2><p>Решение может быть обжаловано "
        "вышестоящему должностному лицу или в суд; ответственный Исаев Д. Т., +7 7132 55-00-05.</p>",
    ),
    "kk": (
        "Халықпен жұмыс",
        "<h2>Азаматтарды қабылдау кестесі</h2><p>Әкім әр сейсенбі 15:00–18:00 қабылдайды, "
        "жазылу: +7 7132 55-00-02.</p>",
        "<h2>Шешімдерге шағымдану тәртібі</h2><p>Шешімге жоғары тұрған лауазымды "
        "адамға немесе сотқа шағым жасауға болады; жауапты Исаев Д. Т., +7 7132 55-00-05.</p>",
    ),
}


def _reception(lang: str) -> str:
    title, schedule, appeal = RECEPTION[lang]
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{STYLE}</head>'
        f'<body><main><h1>{title}</h1><section class="block hide-phone">{schedule}</section>'
        f'<section class="block">{appeal}</section></main></body></html>'
    )


def test_a_class_the_template_hides_at_phone_width_is_left_out_of_pages_the_phone_did_not_render(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home.html"
    home.write_text(HOME, encoding="utf-8")
    gathered = gather_pages(
        [home.as_uri()], GatherSettings.from_config(policy=EgressPolicy(), local_files=True, mobile=True), sample=False
    )
    phones = [m for m in gathered.measurements if m.kind == "mobile" and m.viewport.startswith("mobile")]
    assert phones
    for phone in phones:
        # the style sheet's phone-width rule, though no element of the home page's content carries the class;
        # the side panel opens with its button: not hidden
        assert "hide-phone" in phone.data["phone_hidden_classes"], phone.data
        assert "sidebar-panel" not in phone.data["phone_hidden_classes"]
        assert "staff c-contact" in phone.data["phone_hidden_classes"]
        assert "sidebar-panel note" not in phone.data["phone_hidden_classes"]
    pages = [PageSnapshot(url=home.as_uri(), lang="ru", html=HOME, status=200, final_url=home.as_uri(), depth=0)]
    for lang in ("kk", "ru"):
        url = f"https://example.gov.kz/{lang}/reception"
        pages.append(PageSnapshot(url=url, lang=lang, html=_reception(lang), status=200, final_url=url, depth=1))
    artifacts = BodyArtifacts("b", "mio", date(2026, 11, 20), pages=pages, measurements=phones)
    found = {r.lang: r for r in run_checks(artifacts, only_items=["A16-1.5-mio"])}
    for lang in ("kk", "ru"):
        assert "reception_schedule" in found[lang].measured["absent"], found[lang].measured
        assert "appeal_procedure" in found[lang].measured["present"]


# A template written for small screens first (Appendix 16 read at phone width) hides by a pair of classes: one hiding
# at every width and one showing from a wider screen up. Its style sheets as utility frameworks write them: «hidden»
# with «md:table» (an escaped colon in the selector), «d-none» with «d-lg-block». A section page of each language puts
# the list of units in a table so classed (Appendix 16, table 2, row 1.1, indicator 5: «Перечень структурных
# подразделений … с указанием … номеров телефонов») and the reception schedule in a side block so classed (row 1.5,
# indicator 1: «График приема граждан и контактные телефоны»). The home page uses neither pair in its content.
PAIR_STYLE = (
    "<style>.hidden { display: none } .d-none { display: none !important } "
    "@media (min-width: 768px) { .md\\:table { display: table } } "
    "@media (min-width: 992px) { .d-lg-block { display: block !important } }</style>"
)
PAIR_HOME = f"""<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Акимат</title>{PAIR_STYLE}</head><body>
<header><form class="hidden md:table"><input name="q"></form></header>
<main><h1>Акимат района</h1><p>Новости и объявления акимата района.</p></main></body></html>"""
PAIR_PAGES = {
    "ru": (
        "Структура и работа с населением",
        '<h2>Отделы акимата</h2><table class="hidden md:table"><tr><td>Отдел образования</td><td>Касымова Г.</td>'
        "<td>8 (71130) 2-15-10</td></tr><tr><td>Отдел финансов</td><td>Омаров Т.</td>"
        "<td>8 (71130) 2-15-20</td></tr></table>",
        '<div class="d-none d-lg-block"><h2>График приема граждан</h2><p>Аким принимает каждый вторник 15:00–18:00, '
        "запись: +7 7132 55-00-02.</p></div>",
    ),
    "kk": (
        "Құрылым және халықпен жұмыс",
        '<h2>Әкімдіктің бөлімдері</h2><table class="hidden md:table"><tr><td>Білім бөлімі</td><td>Қасымова Г.</td>'
        "<td>8 (71130) 2-15-10</td></tr><tr><td>Қаржы бөлімі</td><td>Омаров Т.</td>"
        "<td>8 (71130) 2-15-20</td></tr></table>",
        '<div class="d-none d-lg-block"><h2>Азаматтарды қабылдау кестесі</h2><p>Әкім әр сейсенбі 15:00–18:00 '
        "қабылдайды, жазылу: +7 7132 55-00-02.</p></div>",
    ),
}


def _pair_page(lang: str) -> str:
    title, units, schedule = PAIR_PAGES[lang]
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{PAIR_STYLE}</head>'
        f"<body><main><h1>{title}</h1>{units}{schedule}</main></body></html>"
    )


def test_a_pair_hiding_below_a_breakpoint_is_left_out_of_pages_the_phone_did_not_render(tmp_path: Path) -> None:
    home = tmp_path / "home.html"
    home.write_text(PAIR_HOME, encoding="utf-8")
    gathered = gather_pages(
        [home.as_uri()], GatherSettings.from_config(policy=EgressPolicy(), local_files=True, mobile=True), sample=False
    )
    phones = [m for m in gathered.measurements if m.kind == "mobile" and m.viewport.startswith("mobile")]
    assert phones
    for phone in phones:
        assert {"hidden+md:table", "d-none+d-lg-block"} <= set(phone.data["phone_hidden_classes"]), phone.data
        # a class that hides at every width alone is no phone's class: a desktop reader does not see it either
        assert "hidden" not in phone.data["phone_hidden_classes"]
    pages = [PageSnapshot(url=home.as_uri(), lang="ru", html=PAIR_HOME, status=200, final_url=home.as_uri(), depth=0)]
    for lang in ("kk", "ru"):
        url = f"https://example.gov.kz/{lang}/structure"
        pages.append(PageSnapshot(url=url, lang=lang, html=_pair_page(lang), status=200, final_url=url, depth=1))
    artifacts = BodyArtifacts("b", "mio", date(2026, 11, 20), pages=pages, measurements=phones)
    found = {(r.item, r.lang): r for r in run_checks(artifacts, only_items=["A16-1.1", "A16-1.5-mio", "A15-1.11"])}
    for lang in ("kk", "ru"):
        assert "units" in found[("A16-1.1", lang)].measured["absent"], found[("A16-1.1", lang)].measured
        assert "reception_schedule" in found[("A16-1.5-mio", lang)].measured["absent"]
        # the full site shows the schedule: what a phone does not get is no absence on the desktop
        assert "reception_schedule" in found[("A15-1.11", lang)].measured["present"]
