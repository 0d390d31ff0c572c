"""The pages a list reaches only through its drop-down choices are found by choosing them in the browser.

A committee's legal acts are chosen by year and by kind: each ``<select>``'s change runs a script that
builds the list's address (``/ru/akty?year=2025&type=all``); no link names those pages. The browser step
chooses each option in turn and hands the addresses to the spider as routes. A select inside a search form
with its own submit button is a search, not navigation: it is never chosen. A select that filters rows in
place leads nowhere and adds no route."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiohttp import web
from crawl_harness import render_page, serve

from ashyq.crawler.spiders.site_selects import SelectLimits, has_navigating_select

SITE = "https://komitet.gov.kz"

LIST_PAGE = """<!doctype html><html lang="ru"><head><title>Нормативные правовые акты</title></head><body><main>
<h1>Нормативные правовые акты</h1>
<label>Год <select id="year" onchange="go()">
<option value="2026" selected>2026</option><option value="2025">2025</option><option value="2024">2024</option>
</select></label>
<label>Вид <select id="kind" onchange="go()">
<option value="all" selected>Все</option><option value="order">Приказы</option>
</select></label>
<label>Показать <select id="rows" onchange="filterRows(this.value)">
<option value="10" selected>10</option><option value="50">50</option>
</select></label>
<ul id="list"><li>Приказ № 214 от 3 сентября 2026 года</li></ul>
<form action="/ru/search" method="get"><select name="in">
<option value="all">везде</option><option value="acts">в актах</option>
</select><input name="q"><button>Найти</button></form>
</main>
<script>
function go() {
  const year = document.getElementById('year').value;
  location.href = '/ru/akty?year=' + year + '&type=' + document.getElementById('kind').value;
}
function filterRows(n) { document.getElementById('list').dataset.rows = n; }
</script></body></html>"""


def test_a_page_is_worth_choosing_only_with_a_select_that_runs_a_script() -> None:
    assert has_navigating_select(LIST_PAGE)
    assert has_navigating_select(b'<select class="x" onchange="location=this.value">')
    assert not has_navigating_select('<form><select name="in"><option>1</option></select><button>Найти</button></form>')


@pytest.mark.browser
@pytest.mark.slow
def test_each_choice_that_leads_to_another_address_is_a_route(tmp_path: Path) -> None:
    asked: list[str] = []

    async def page(request: web.Request) -> web.Response:
        asked.append(request.path_qs)
        if request.path == "/ru/akty":
            return web.Response(text=LIST_PAGE, content_type="text/html", charset="utf-8")
        return web.Response(text="<p>Поиск</p>", content_type="text/html", charset="utf-8")

    served = serve(page)
    try:
        rendered = render_page(f"{SITE}/ru/akty", SITE, served, tmp_path, selects=SelectLimits())
    finally:
        served.stop()
    assert set(rendered.routes) >= {
        f"{SITE}/ru/akty?year=2025&type=all",
        f"{SITE}/ru/akty?year=2024&type=all",
        f"{SITE}/ru/akty?year=2026&type=order",
    }
    # the rows filter leads nowhere, and the search form's select is never chosen (no search was run)
    assert not any("search" in r or "rows" in r for r in rendered.routes)
    assert not any(a.startswith("/ru/search") for a in asked)
    # the recorded page is the page as first rendered, not the last choice's
    assert "Нормативные правовые акты" in rendered.html and '<option value="2026" selected' in rendered.html
