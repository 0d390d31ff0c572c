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
STYLE = "<style>@media (max-width: 767px) { .hide-phone { display: none } .sidebar-panel { display: none } }</style>"
HOME = f"""<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Акимат</title>{STYLE}</head><body>
<header><nav><button aria-controls="side">Разделы</button>
<div id="side" class="sidebar-panel"><a href="/ru/reception">Обращения</a></div></nav></header>
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
    pages = [PageSnapshot(url=home.as_uri(), lang="ru", html=HOME, status=200, final_url=home.as_uri(), depth=0)]
    for lang in ("kk", "ru"):
        url = f"https://example.gov.kz/{lang}/reception"
        pages.append(PageSnapshot(url=url, lang=lang, html=_reception(lang), status=200, final_url=url, depth=1))
    artifacts = BodyArtifacts("b", "mio", date(2026, 11, 20), pages=pages, measurements=phones)
    found = {r.lang: r for r in run_checks(artifacts, only_items=["A16-1.5-mio"])}
    for lang in ("kk", "ru"):
        assert "reception_schedule" in found[lang].measured["absent"], found[lang].measured
        assert "appeal_procedure" in found[lang].measured["present"]
