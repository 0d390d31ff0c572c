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
