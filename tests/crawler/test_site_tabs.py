"""What a page shows only in the tabs its script draws when chosen is part of the page the harvest records.

A committee's service memo is a Material-like tab group: only the chosen tab's panel is in the page, a click
on another draws its text into the one panel. The same page has a tab set whose hidden panels are all in
the markup (read as they are, never clicked) and a tab that is a link to a page of its own (followed as a
page, never clicked). The recorded page keeps its own markup and holds each drawn panel in a section named
by its tab."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from aiohttp import web
from crawl_harness import ServedApp, render_page

from ashyq.crawler.spiders.site_tabs import TabLimits, has_drawn_tabs

SITE = "https://komitet.gov.kz"

MEMO = """<!doctype html><html lang="kk"><head><title>Тарифтерді бекіту</title></head><body>
<header><div role="tablist"><div role="tab" aria-selected="false">Мәзір</div></div></header>
<main><h1>Тарифтерді бекіту</h1>
<div class="mat-tab-group"><div role="tablist">
<div class="mat-tab-label" role="tab" aria-selected="true" data-tab="0">Көрсету нысаны</div>
<div class="mat-tab-label" role="tab" aria-selected="false" data-tab="1">Жұмыс кестесі</div>
<div class="mat-tab-label" role="tab" aria-selected="false" data-tab="2">Құжаттар</div>
<a class="mat-tab-label" role="tab" aria-selected="false" href="/kk/services/tariff/standart">Стандарт</a>
</div><div class="mat-tab-body" role="tabpanel"><p>Электрондық.</p></div></div>
<ul role="tablist">
<li role="tab" aria-selected="true" aria-controls="y2026">2026</li>
<li role="tab" aria-selected="false" aria-controls="y2025">2025</li></ul>
<div id="y2026" role="tabpanel"><p>2026 жылғы бұйрықтар.</p></div>
<div id="y2025" role="tabpanel" hidden><p>2025 жылғы бұйрықтар.</p></div>
</main>
<script>
var panels = ['<p>Электрондық.</p>',
  '<p>eGov порталы арқылы тәулік бойы; көрсетілетін қызметті берушінің жұмыс уақыты: дүйсенбі–жұма 09:00–18:30.</p>',
  '<p>Өтінім; тарифтік смета жобасы; шығындардың негіздемесі.</p>'];
document.querySelectorAll('.mat-tab-label[data-tab]').forEach(function (tab) {
  tab.addEventListener('click', function () {
    location.hash = 'tab-' + tab.getAttribute('data-tab');  // a tab that names itself in the address: still this page
    setTimeout(function () {
      document.querySelector('.mat-tab-body').innerHTML = panels[+tab.getAttribute('data-tab')];
      document.querySelectorAll('.mat-tab-label').forEach(function (l) { l.setAttribute('aria-selected', l === tab); });
    }, 200);
  });
});
document.querySelectorAll('li[role=tab]').forEach(function (tab) {
  tab.addEventListener('click', function () { fetch('/clicked/' + tab.textContent); });
});
</script></body></html>"""


def test_a_page_is_worth_choosing_tabs_only_when_a_tab_s_panel_is_not_in_its_markup() -> None:
    assert has_drawn_tabs(MEMO)  # the Material-like group: no aria-controls
    held = (
        '<ul role="tablist"><li role="tab" aria-selected="true" aria-controls="a">A</li>'
        '<li role="tab" aria-controls="b">B</li></ul><div id="a">1</div><div id="b" hidden>2</div>'
    )
    assert not has_drawn_tabs(held)
    assert has_drawn_tabs(held.replace('<div id="b" hidden>2</div>', ""))  # the panel it names is not there
    # the panel it names is there, empty: a script fills it when its tab is chosen
    assert has_drawn_tabs(held.replace('<div id="b" hidden>2</div>', '<div role="tabpanel" id="b" hidden>\n</div>'))
    assert not has_drawn_tabs('<div role="tablist"><div role="tab" aria-selected="true">A</div></div>')
    assert not has_drawn_tabs("<main><p>Табуляция, role=tabpanel</p></main>")


@pytest.mark.browser
@pytest.mark.slow
def test_the_panels_tabs_draw_when_chosen_are_read_into_the_recorded_page(tmp_path: Path) -> None:
    asked: list[str] = []

    async def page(request: web.Request) -> web.Response:
        asked.append(request.path)
        return web.Response(text=MEMO, content_type="text/html", charset="utf-8")

    app = web.Application()
    app.add_routes([web.get("/{tail:.*}", page)])
    served = ServedApp(app)
    try:
        rendered = render_page(f"{SITE}/kk/services/tariff", SITE, served, tmp_path, tabs=TabLimits())
    finally:
        served.stop()
    html = rendered.html
    assert rendered.tabs == 2
    assert re.search(r'<section data-ashyq-tab="Жұмыс кестесі"><h2>Жұмыс кестесі</h2><p>eGov порталы', html)
    assert re.search(r'<section data-ashyq-tab="Құжаттар"><h2>Құжаттар</h2><p>Өтінім; тарифтік смета', html)
    # inside the main content, after the page's own markup, which is kept as rendered (the first panel chosen)
    main = html.split("<main>", 1)[1].split("</main>", 1)[0]
    assert main.index('data-ashyq-tab="Жұмыс кестесі"') > main.index('<div id="y2025"')
    assert '<div class="mat-tab-body" role="tabpanel"><p>Электрондық.</p></div>' in main
    # the tab set whose panels are in the markup, the header's tab and the link to a page of its own: not chosen
    assert 'data-ashyq-tab="2025"' not in html and 'data-ashyq-tab="Мәзір"' not in html
    assert 'data-ashyq-tab="Стандарт"' not in html and "/kk/services/tariff/standart" not in asked
    assert not any(path.startswith("/clicked/") for path in asked)  # no tab whose panel the page holds was clicked
    assert "data-ashyq-tab-control" not in html
