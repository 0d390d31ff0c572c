"""A site built from web components is read as its visitor sees it.

An agency's pages are frames of custom elements (``<gov-page>``, ``<gov-cards>``) whose content a script
writes into open shadow roots from JSON the page carries; the menu is ordinary links slotted into the
header. The served markup holds no content and, besides the menu, no link to the news items: the page is
rendered, and what is recorded is the composed document (each host's shadow tree, each slot's assigned
links), so the text is read and the news cards' links are followed. Kazakh and Russian pages alike."""

from __future__ import annotations

import json

import pytest
from aiohttp import web
from crawl_harness import Crawl, crawl_body, serve

from ashyq.checks.completeness.corpus import desktop_units
from ashyq.crawler.spiders.site_page import scripted_shell
from ashyq.pipeline.artifacts import load_artifacts
from ashyq.store.db import session_scope
from ashyq.store.models import Run

SITE = "https://agenttik.gov.kz"

ELEMENTS_JS = """
const data = JSON.parse(document.getElementById('page-data').textContent);
customElements.define('gov-header', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({mode: 'open'});
    root.innerHTML = '<header><strong>' + data.agency + '</strong><nav><slot name="nav"></slot></nav></header>';
  }
});
customElements.define('gov-page', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({mode: 'open'});
    root.innerHTML = '<article><h1>' + data.title + '</h1>' + data.paragraphs.map(p => '<p>' + p + '</p>').join('')
      + '<gov-cards></gov-cards></article>';
  }
});
customElements.define('gov-cards', class extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({mode: 'open'});
    const card = (c) => '<a class="card" href="' + c.href + '"><h3>' + c.title + '</h3></a>';
    root.innerHTML = (data.cards || []).map(card).join('');
  }
});
"""

MENU = {
    "kk": [("/kk/", "Басты бет"), ("/kk/zhanalyqtar", "Жаңалықтар"), ("/kk/baylanys", "Байланыс"), ("/ru/", "Рус")],
    "ru": [("/ru/", "Главная"), ("/ru/novosti", "Новости"), ("/ru/kontakty", "Контакты"), ("/kk/", "Қаз")],
}

PAGES: dict[str, tuple[str, dict[str, object]]] = {
    "/kk/": ("kk", {"title": "Агенттік", "paragraphs": ["Агенттік табиғи монополиялар салаларын реттейді."]}),
    "/kk/zhanalyqtar": (
        "kk",
        {
            "title": "Жаңалықтар",
            "paragraphs": ["Агенттіктің соңғы жаңалықтары."],
            "cards": [{"href": "/kk/zhanalyqtar/tarifter-2026", "title": "2027 жылға арналған тарифтер бекітілді"}],
        },
    ),
    "/kk/zhanalyqtar/tarifter-2026": (
        "kk",
        {"title": "2027 жылға арналған тарифтер бекітілді", "paragraphs": ["Жылу энергиясының тарифі 4 % өсті."]},
    ),
    "/kk/baylanys": ("kk", {"title": "Байланыс", "paragraphs": ["Мекенжайы: Астана қ., Мәңгілік Ел даңғылы, 8."]}),
    "/ru/": ("ru", {"title": "Агентство", "paragraphs": ["Агентство регулирует сферы естественных монополий."]}),
    "/ru/novosti": (
        "ru",
        {
            "title": "Новости",
            "paragraphs": ["Последние новости агентства."],
            "cards": [{"href": "/ru/novosti/tarify-2027", "title": "Утверждены тарифы на 2027 год"}],
        },
    ),
    "/ru/novosti/tarify-2027": (
        "ru",
        {"title": "Утверждены тарифы на 2027 год", "paragraphs": ["Тариф на тепловую энергию вырос на 4 %."]},
    ),
    "/ru/kontakty": ("ru", {"title": "Контакты", "paragraphs": ["Адрес: г. Астана, пр. Мангилик Ел, 8."]}),
}


def markup(path: str) -> str:
    lang, data = PAGES[path]
    links = "".join(f'<a slot="nav" href="{href}">{label}</a>' for href, label in MENU[lang])
    payload = json.dumps({"agency": "Агенттік" if lang == "kk" else "Агентство", **data}, ensure_ascii=False)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{data["title"]}</title>'
        f'<script type="module" src="/static/elements.js"></script></head><body>'
        f"<gov-header>{links}</gov-header><main><gov-page></gov-page></main>"
        f'<script type="application/json" id="page-data">{payload}</script></body></html>'
    )


def test_a_page_of_custom_elements_is_read_as_rendered() -> None:
    assert "custom elements" in str(scripted_shell(markup("/kk/zhanalyqtar")))
    # a served page that holds its content needs no browser, nor does a page with no script
    served = "<html><body><main><h1>Жаңалықтар</h1><p>" + "сөз " * 40 + "</p></main></body></html>"
    assert scripted_shell(served) is None
    assert scripted_shell("<html><body><gov-page>Мәтін</gov-page></body></html>") is None


@pytest.fixture(scope="module")
def harvest(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    async def page(request: web.Request) -> web.Response:
        if request.path == "/static/elements.js":
            return web.Response(text=ELEMENTS_JS, content_type="application/javascript")
        if request.path == "/":
            raise web.HTTPFound("/kk/")
        if request.path not in PAGES:
            return web.Response(status=404, text="not found")
        return web.Response(text=markup(request.path), content_type="text/html", charset="utf-8")

    served = serve(page)
    try:
        body = {"id": "agenttik", "kind": "cgo", "names": {"kk": "Агенттік", "ru": "Агентство"}}
        return crawl_body(tmp_path_factory.mktemp("components"), served, SITE, body)
    finally:
        served.stop()


@pytest.mark.browser
@pytest.mark.slow
def test_the_shadow_roots_content_is_recorded_and_its_links_followed(harvest: Crawl) -> None:
    with session_scope(harvest.db_url) as session:
        run = session.get(Run, harvest.summary.run_id)
        assert run is not None
        units = {u.url: u for u in desktop_units(load_artifacts(session, run, "agenttik", harvest.out_dir))}
    # the news items are linked only from cards a script draws in a shadow root
    assert f"{SITE}/kk/zhanalyqtar/tarifter-2026" in units and f"{SITE}/ru/novosti/tarify-2027" in units
    assert "тариф на тепловую энергию" in units[f"{SITE}/ru/novosti/tarify-2027"].main
    assert "мангилик ел" in units[f"{SITE}/ru/kontakty"].main
    kk = units[f"{SITE}/kk/baylanys"]
    assert "мангилик ел" in kk.main  # Kazakh folded as the texts are («Мәңгілік» → «мангилик»)
    # recorded composed: the page's heading inside its host, the slotted menu inside the header's nav
    assert "<gov-page><article><h1>Байланыс</h1>" in kk.html
    assert '<nav><a slot="nav" href="/kk/">Басты бет</a>' in kk.html
