"""A site translated in the browser, as small studios build them: every address serves one language's
markup (Russian here) whose elements carry ``data-i18n`` keys, and a script takes the language from
``?lang=kk`` (the switch is the same page with that query), fetches that language's dictionary, writes
each key's text over the element, sets ``<html lang>`` and adds the query to the page's links. A reader
who chose Kazakh reads Kazakh (and Russian where the dictionary lacks a key). The harvest reads such a
page as the browser shows it: the switch's answer, served in the other language with scripts, is
rendered, and when the render is in the language asked every later page of the host is too. A switch
whose page stays in the served language after its scripts ran (nothing translates it) is read as
served: nothing more is rendered.

A page whose script fills one table from JSON (a register drawn by a data-table script: the markup an empty
``<table data-source="/api/docs.json">`` and a ``<noscript>`` note) is rendered too, that page only: its rows and
the files they link are what a reader finds there. The three sites are harvested in one crawl."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from aiohttp import web
from crawl_harness import Crawl, ServedApp, crawl
from warcio.archiveiterator import ArchiveIterator

from ashyq.crawler.runner import CrawlRequest

PAGES = {  # path → (key of the title, Russian title, Russian text)
    "/": ("home", "Акимат района", "Официальный сайт акимата района: новости, документы и услуги."),
    "/about.html": ("about", "О районе", "Район расположен на юге области, в нём двенадцать сельских округов."),
    "/contacts.html": (
        "contacts",
        "Контакты",
        "Адрес: село Сарыкамыс, улица Абая, 12. Телефон приёмной: 8 (72) 123-45-67.",
    ),
}
KAZAKH = {  # the Kazakh dictionary: the contacts page's text left out (it stays Russian)
    "home": "Аудан әкімдігі",
    "home.text": "Аудан әкімдігінің ресми сайты: жаңалықтар, құжаттар және қызметтер.",
    "about": "Аудан туралы",
    "about.text": "Аудан облыстың оңтүстігінде орналасқан, онда он екі ауылдық округ бар.",
    "contacts": "Байланыс",
}
I18N_JS = """
(function () {
  var asked = new URLSearchParams(location.search).get("lang") || "ru";
  if (asked !== "kk") return;
  fetch("/i18n/kk.json").then(function (r) { return r.json(); }).then(function (words) {
    document.querySelectorAll("[data-i18n]").forEach(function (el) {
      var key = el.getAttribute("data-i18n");
      if (words[key]) el.textContent = words[key];
    });
    document.documentElement.lang = "kk";
    if (words[document.body.dataset.page]) document.title = words[document.body.dataset.page];
    document.querySelectorAll("a[href^='/']").forEach(function (a) {
      if (a.hasAttribute("hreflang")) return;
      a.setAttribute("href", a.getAttribute("href").split("?")[0] + "?lang=kk");
    });
  });
})();
"""
# a script that translates nothing: the page it runs on is the page as served
COUNTER_JS = "document.body.dataset.seen = String(Date.now());"


def _page(path: str, script: str) -> str:
    key, title, text = PAGES[path]
    menu = " ".join(f'<a href="{p}" data-i18n="{PAGES[p][0]}">{PAGES[p][1]}</a>' for p in PAGES)
    return (
        f'<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{title}</title></head>'
        f'<body data-page="{key}"><nav><a href="?lang=kk" hreflang="kk">Қазақша</a> '
        f'<a href="?lang=ru" hreflang="ru">Русский</a></nav><nav>{menu}</nav>'
        f'<main><h1 data-i18n="{key}">{title}</h1><p data-i18n="{key}.text">{text}</p></main>'
        f'<script src="/js/{script}"></script></body></html>'
    )


def _app(script: str) -> web.Application:
    async def page(request: web.Request) -> web.Response:
        if request.path not in PAGES:
            raise web.HTTPNotFound()
        return web.Response(text=_page(request.path, script), content_type="text/html", charset="utf-8")

    async def asset(request: web.Request) -> web.Response:
        if request.path == "/i18n/kk.json":
            return web.json_response(KAZAKH)
        source = {"/js/i18n.js": I18N_JS, "/js/counter.js": COUNTER_JS}.get(request.path)
        if source is None:
            raise web.HTTPNotFound()
        return web.Response(text=source, content_type="application/javascript", charset="utf-8")

    app = web.Application()
    app.add_routes([web.get("/i18n/{name}", asset), web.get("/js/{name}", asset), web.get("/{tail:.*}", page)])
    return app


REGISTER = [  # the acts a data-table script draws from /api/docs.json: title, file
    ("Қала аумағында көгалдандыру қағидалары туралы", "/files/act-214.pdf"),
    ("Жолаушыларды тұрақты тасымалдау тарифі туралы", "/files/act-215.docx"),
]
TABLES_JS = """
var table = document.querySelector("table[data-source]");
fetch(table.dataset.source).then(function (r) { return r.json(); }).then(function (rows) {
  table.querySelector("tbody").innerHTML = rows.map(function (row) {
    return "<tr><td>" + row.title + "</td><td><a href='" + row.file + "'>Жүктеу</a></td></tr>";
  }).join("");
});
"""


def _register_page(path: str) -> str | None:
    """The register site: its home and about pages carry their text; its acts page leaves the table to its script."""
    menu = '<nav><a href="/">Басты бет</a> <a href="/about.html">Қала туралы</a> <a href="/npa.html">Актілер</a></nav>'
    if path in ("/", "/about.html"):
        title, text = {
            "/": ("Қала әкімдігі", "Қала әкімдігінің ресми сайты: жаңалықтар, құжаттар және қызметтер."),
            "/about.html": ("Қала туралы", "Қала облыстың оңтүстігінде орналасқан, онда жиырма мың адам тұрады."),
        }[path]
        return (
            f'<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>{title}</title></head><body>{menu}'
            f'<main><h1>{title}</h1><p>{text}</p></main><script src="/js/counter.js"></script></body></html>'
        )
    if path == "/npa.html":
        return (
            '<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>Әкімдік қаулылары</title></head>'
            f"<body>{menu}<main><h1>Әкімдік қаулылары</h1><p>Нормативтік құқықтық актілердің тізілімі.</p>"
            '<table data-source="/api/docs.json"><thead><tr><th>Атауы</th><th>Файл</th></tr></thead>'
            "<tbody></tbody></table>"
            "<noscript>Для просмотра включите JavaScript</noscript></main>"
            '<script src="/js/tables.js"></script></body></html>'
        )
    return None


def _register_app() -> web.Application:
    async def answer(request: web.Request) -> web.Response:
        if request.path == "/api/docs.json":
            return web.json_response([{"title": title, "file": file} for title, file in REGISTER])
        if request.path in ("/js/tables.js", "/js/counter.js"):
            source = TABLES_JS if request.path.endswith("tables.js") else COUNTER_JS
            return web.Response(text=source, content_type="application/javascript", charset="utf-8")
        if request.path.startswith("/files/"):
            return web.Response(body=b"%PDF-1.4 act", content_type="application/octet-stream")
        page = _register_page(request.path)
        if page is None:
            raise web.HTTPNotFound()
        return web.Response(text=page, content_type="text/html", charset="utf-8")

    app = web.Application()
    app.add_routes([web.get("/{tail:.*}", answer)])
    return app


# three bodies harvested in one crawl: one site translated by its script, one whose script translates nothing,
# one whose acts page draws its register from JSON
SITES = {
    "audan": ("https://audan.example.kz", "i18n.js"),
    "okrug": ("https://okrug.example.kz", "counter.js"),
    "qala": ("https://qala.example.kz", ""),
}


@pytest.fixture(scope="module")
def harvest(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    folder = tmp_path_factory.mktemp("browser-translation")
    served = {body: ServedApp(_app(script) if script else _register_app()) for body, (_, script) in SITES.items()}
    registry = folder / "registry.yaml"
    bodies = [
        {"id": body, "kind": "mio", "names": {"kk": "Әкімдік", "ru": "Акимат"}, "sites": [site + "/"]}
        for body, (site, _) in SITES.items()
    ]
    registry.write_text(yaml.safe_dump({"name": "i18n", "bodies": bodies}, allow_unicode=True), "utf-8")
    urls = {site: served[body].url for body, (site, _) in SITES.items()}
    try:
        yield crawl(folder, CrawlRequest(body_ids=list(SITES), registry=str(registry), base_url_map=urls))
    finally:
        for app in served.values():
            app.stop()


def _pages(harvest: Crawl, body: str) -> dict[str, tuple[str | None, str | None, bool, str]]:
    """url → (language, title, rendered, the document the page points at in the WARC)."""
    documents: dict[str, str] = {}
    for path in harvest.warc_files():
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type in ("response", "conversion"):
                    documents[record.rec_headers.get_header("WARC-Record-ID")] = (
                        record.content_stream().read().decode("utf-8", "replace")
                    )
    rows = harvest.rows(
        "SELECT url, lang, title, rendered, warc_record_id FROM page WHERE source = 'site' AND body_id = :body",
        body=body,
    )
    return {
        url: (lang, title, bool(rendered), documents.get(record or "", ""))
        for url, lang, title, rendered, record in rows
    }


@pytest.mark.browser
@pytest.mark.slow
def test_a_page_the_browser_translates_is_read_in_the_language_asked(harvest: Crawl) -> None:
    pages = _pages(harvest, "audan")
    site = SITES["audan"][0]
    kazakh = {url: page for url, page in pages.items() if page[0] == "kk"}
    # the switch's page and the pages its links lead to, each in Kazakh as the reader sees it
    assert {url.split("?")[0] for url in kazakh} == {site + p for p in PAGES}, sorted(pages)
    assert all(url.endswith("?lang=kk") and page[2] for url, page in kazakh.items()), sorted(kazakh)
    about = kazakh[site + "/about.html?lang=kk"]
    assert about[1] == "Аудан туралы" and KAZAKH["about.text"] in about[3]
    # a key the dictionary lacks: the Kazakh reader reads the Russian text, and so does the harvest
    contacts = kazakh[site + "/contacts.html?lang=kk"]
    assert contacts[1] == "Байланыс" and PAGES["/contacts.html"][2] in contacts[3]
    # the Russian pages stay Russian
    assert pages[site + "/about.html"][:2] == ("ru", "О районе")


@pytest.mark.browser
@pytest.mark.slow
def test_a_switch_whose_scripts_translate_nothing_is_read_as_served(harvest: Crawl) -> None:
    pages = _pages(harvest, "okrug")
    site = SITES["okrug"][0]
    assert {lang for lang, _, _, _ in pages.values()} == {"ru"}, pages
    assert {url.split("?")[0] for url in pages} == {site + p for p in PAGES}
    assert not any(rendered for _, _, rendered, _ in pages.values())  # no page is the browser's


@pytest.mark.browser
@pytest.mark.slow
def test_a_register_its_script_draws_from_json_is_read_rendered_on_its_page_only(harvest: Crawl) -> None:
    pages = _pages(harvest, "qala")
    site = SITES["qala"][0]
    acts = pages[site + "/npa.html"]
    assert acts[2], "the acts page, its table empty in the markup, is rendered"
    assert all(title in acts[3] for title, _ in REGISTER), acts[3][:500]
    # the other pages carry their text in the markup: read as served
    assert not pages[site + "/"][2] and not pages[site + "/about.html"][2]
    # the files the drawn rows link are the page's links
    query = "SELECT l.target_url FROM link l JOIN page p ON p.id = l.page_id WHERE p.body_id = 'qala'"
    linked = {url for (url,) in harvest.rows(query)}
    assert {site + file for _, file in REGISTER} <= linked, sorted(linked)
