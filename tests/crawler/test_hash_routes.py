"""A single-page app whose router keeps the route in the address's fragment, as many small state bodies'
sites do: the server answers one HTML shell at ``/`` and the script draws ``#!/kk/about`` (a hash-bang
router) or ``#/ru/about`` (a router in hash mode). Each route is a page of its own, in the language its
route names; the shell is asked over HTTP once and every route rendered in Chromium; an in-page anchor
stays a place in its page; a route the app draws as "page not found" on the 200 shell is a dead link.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from aiohttp import web
from crawl_harness import Crawl, ServedApp, crawl
from warcio.archiveiterator import ArchiveIterator

from ashyq.base.home_page import is_home_url
from ashyq.base.routes import route_fragment
from ashyq.crawler.middlewares.traps import canonical_url
from ashyq.crawler.runner import CrawlRequest
from ashyq.crawler.spiders.site_page import lang_from_url, parse_page

SITE = "https://komitet.example.kz"
SHELL = """<!doctype html><html lang="kk"><head><meta charset="utf-8"><title>Комитет</title></head>
<body><a href="#view">Негізгі мазмұнға өту</a><div id="app"></div>
<noscript>JavaScript қосыңыз / Включите JavaScript</noscript><script src="/app.js"></script></body></html>"""
# The routes the app draws: (title, text); kk with a hash-bang router's links, ru with a hash path's.
KK_TEXT = (
    "Комитет мемлекеттік саясатты іске асырады, бақылау функцияларын жүзеге асырады және азаматтарға қызмет көрсетеді."
)
RU_TEXT = "Комитет реализует государственную политику, осуществляет контрольные функции и оказывает услуги гражданам."
ROUTES = {
    "/kk/": ("Басты бет", KK_TEXT),
    "/kk/about": ("Комитет туралы", KK_TEXT + " Ереже мен құрылым осы бетте."),
    "/kk/archive": ("Мұрағат", KK_TEXT + " Бұл бет тек сайт картасында бар."),
    "/ru/": ("Главная страница", RU_TEXT),
    "/ru/about": ("О комитете", RU_TEXT + " Положение и структура на этой странице."),
    "/ru/contacts": ("Контакты", RU_TEXT + " Адрес, телефоны и электронная почта комитета."),
}
MENU = {
    "kk": '<a href="#!/ru/">Русский</a> <a href="#!/kk/about">Комитет туралы</a> <a href="#!/kk/zhoq">Жоқ бет</a>',
    "ru": '<a href="#/kk/">Қазақша</a> <a href="#/ru/about">О комитете</a> <a href="#/ru/net">Нет страницы</a>'
    ' <span data-href="#/ru/contacts">Контакты</span>',  # a router's link that is no anchor
}
APP_JS = """
(function () {
  var routes = %(routes)s, menu = %(menu)s;
  function draw() {
    var m = /^#!?(\\/.*)$/.exec(location.hash);
    if (!m) {
      if (location.hash) return;  /* a place in the page (#section-2) is no route */
      history.replaceState(null, "", "#!/kk/");
      m = [0, "/kk/"];
    }
    var path = m[1], lang = path.indexOf("/ru/") === 0 ? "ru" : "kk", page = routes[path];
    document.documentElement.lang = lang;
    var part = "<p><a href=\\"#section-2\\">2</a></p><h2 id=\\"section-2\\">2</h2>";
    var body = page
      ? "<h1>" + page[0] + "</h1><p>" + page[1] + "</p>" + part + "<p>" + page[1] + "</p>"
      : "<h1>" + (lang === "kk" ? "Бет табылмады" : "Страница не найдена") + "</h1>";
    document.title = page ? page[0] : (lang === "kk" ? "Бет табылмады" : "Страница не найдена");
    document.getElementById("app").innerHTML = "<nav>" + menu[lang] + "</nav><main id=\\"view\\">" + body + "</main>";
  }
  window.addEventListener("hashchange", draw);
  draw();
})();
"""


def _app(shell_asks: list[str]) -> web.Application:
    import json

    script = APP_JS % {"routes": json.dumps(ROUTES, ensure_ascii=False), "menu": json.dumps(MENU, ensure_ascii=False)}

    async def shell(request: web.Request) -> web.Response:
        if "Sec-Fetch-Mode" not in request.headers:  # the crawler's own request, not the browser's
            shell_asks.append(f"{request.method} {request.headers.get('User-Agent', '')}")
        return web.Response(text=SHELL, content_type="text/html", charset="utf-8")

    async def app_js(request: web.Request) -> web.Response:
        return web.Response(text=script, content_type="application/javascript", charset="utf-8")

    async def robots(request: web.Request) -> web.Response:
        return web.Response(text=f"User-agent: *\nAllow: /\nSitemap: {SITE}/sitemap.xml\n", content_type="text/plain")

    async def sitemap(request: web.Request) -> web.Response:
        urls = "".join(f"<url><loc>{SITE}/#!{path}</loc></url>" for path in ("/kk/", "/kk/archive"))
        xml = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return web.Response(text=xml, content_type="application/xml")

    app = web.Application()
    app.add_routes(
        [
            web.get("/", shell),
            web.get("/app.js", app_js),
            web.get("/robots.txt", robots),
            web.get("/sitemap.xml", sitemap),
        ]
    )
    return app


def _harvest(folder: Path, shell_asks: list[str], max_pages: int | None = None) -> Crawl:
    """The app served on port 0 and harvested by the real spider, as the registry's one body."""
    served = ServedApp(_app(shell_asks))
    registry = folder / "registry.yaml"
    body = {"id": "komitet", "kind": "cgo", "names": {"kk": "Комитет", "ru": "Комитет"}, "sites": [SITE + "/"]}
    registry.write_text(yaml.safe_dump({"name": "hash", "bodies": [body]}, allow_unicode=True), "utf-8")
    try:
        request = CrawlRequest(
            body_ids=["komitet"], registry=str(registry), base_url_map={SITE: served.url}, max_pages=max_pages
        )
        return crawl(folder, request)
    finally:
        served.stop()


@pytest.fixture(scope="module")
def hash_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Crawl, list[str]]]:
    shell_asks: list[str] = []
    yield _harvest(tmp_path_factory.mktemp("hash-routes"), shell_asks), shell_asks


@pytest.fixture(scope="module")
def limited_site(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    """The same app harvested under a page limit of three."""
    return _harvest(tmp_path_factory.mktemp("hash-routes-limited"), [], max_pages=3)


def test_a_route_keeps_its_fragment_and_an_anchor_does_not() -> None:
    assert canonical_url("https://A.kz/#!/kk/komitet") == "https://a.kz/#!/kk/komitet"
    assert canonical_url("https://a.kz/#/ru/about") == "https://a.kz/#/ru/about"
    for anchor in (
        "https://a.kz/#main",
        "https://a.kz/#top",
        "https://a.kz/#section-2",
        "https://a.kz/#/",
        "https://a.kz/#!/",
    ):
        assert canonical_url(anchor) == "https://a.kz/", anchor
    assert route_fragment("https://a.kz/page#main") is None
    assert lang_from_url("https://a.kz/#!/kk/komitet") == "kk"
    assert lang_from_url("https://a.kz/#/ru/about") == "ru"
    # the checks read a route as a path: the root route is a home page, any other a page of its own
    assert is_home_url("https://a.kz/#!/kk/") and is_home_url("https://a.kz/#/ru")
    assert not is_home_url("https://a.kz/#!/kk/komitet") and not is_home_url("https://a.kz/app/#/ru/about")
    page = parse_page(SITE + "/#!/kk/", f"<html><body>{MENU['kk']}<a href='#top'>↑</a></body></html>".encode(), None)
    assert [link.url for link in page.links] == [SITE + "/#!/ru/", SITE + "/#!/kk/about", SITE + "/#!/kk/zhoq"]


def _pages(harvest: Crawl) -> dict[str, tuple[str | None, str | None, int | None]]:
    rows = harvest.rows("SELECT url, lang, title, status FROM page WHERE source = 'site'")
    return {url: (lang, title, status) for url, lang, title, status in rows}


@pytest.mark.browser
@pytest.mark.slow
def test_each_route_is_a_page_in_the_language_its_route_names(hash_site: tuple[Crawl, list[str]]) -> None:
    harvest, _ = hash_site
    pages = _pages(harvest)
    assert pages[SITE + "/"][:2] == ("kk", "Басты бет")  # the entry: the app draws its Kazakh home there
    assert pages[SITE + "/#!/kk/about"][:2] == ("kk", "Комитет туралы")
    assert pages[SITE + "/#!/ru/"][:2] == ("ru", "Главная страница")
    assert pages[SITE + "/#/ru/about"][:2] == ("ru", "О комитете")
    assert pages[SITE + "/#!/kk/archive"][:2] == ("kk", "Мұрағат")  # named by the sitemap only
    assert pages[SITE + "/#/ru/contacts"][:2] == ("ru", "Контакты")  # named by a router attribute only
    assert not any("section-2" in url or "view" in url for url in pages)  # an in-page anchor is no page
    assert len(pages) == 6, sorted(pages)


@pytest.mark.browser
@pytest.mark.slow
def test_a_route_the_app_draws_as_not_found_is_a_dead_link(hash_site: tuple[Crawl, list[str]]) -> None:
    harvest, _ = hash_site
    pages = _pages(harvest)
    assert SITE + "/#!/kk/zhoq" not in pages and SITE + "/#/ru/net" not in pages
    failures = dict(harvest.rows("SELECT url, status_code FROM fetch_failure"))
    assert failures[SITE + "/#!/kk/zhoq"] == 404
    assert failures[SITE + "/#/ru/net"] == 404
    statuses = dict(harvest.rows("SELECT target_url, target_status FROM link WHERE target_url LIKE '%zhoq%'"))
    assert statuses == {SITE + "/#!/kk/zhoq": 404}


@pytest.mark.browser
@pytest.mark.slow
def test_the_shell_is_asked_once_and_each_routes_dom_refers_to_it(hash_site: tuple[Crawl, list[str]]) -> None:
    harvest, shell_asks = hash_site
    # one GET of the shell for every route (beside it, the phone probe asks as a phone, for a mobile version)
    assert len([ask for ask in shell_asks if "Mobile" not in ask]) == 1, shell_asks
    responses: dict[str, str] = {}
    conversions: dict[str, str] = {}
    for path in harvest.warc_files():
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                uri = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type == "response" and uri == SITE + "/":
                    responses.setdefault(uri, record.rec_headers.get_header("WARC-Record-ID"))
                if record.rec_type == "conversion":
                    conversions[uri] = record.rec_headers.get_header("WARC-Refers-To")
    shell = responses[SITE + "/"]
    for route in (SITE + "/#!/kk/about", SITE + "/#/ru/about", SITE + "/#!/kk/archive"):
        assert conversions[route] == shell, route


def test_the_checks_and_the_browser_sample_read_a_route_as_a_path() -> None:
    """A news item at ``/#/ru/news/15`` is a material by its address as ``/ru/news/15`` is; the Kazakh
    route's site map is the site map page; the browser's sample without markup takes the news route."""
    from ashyq.base.artifacts import PageSnapshot
    from ashyq.checks.accessibility.website import is_material, is_splash, parse
    from ashyq.config.check_settings import check_settings
    from ashyq.gather.pages import sample_pages

    config = check_settings("accessibility")
    news = PageSnapshot(url=SITE + "/#/ru/news/15", lang="ru", html="<html><body><h1>Новость</h1></body></html>")
    assert is_material(news, config)
    assert not is_material(PageSnapshot(url=SITE + "/#!/kk/", lang="kk", html="<html></html>"), config)
    two_links = '<html><body><a href="#!/kk/">Қазақша</a> <a href="#!/ru/">Русский</a></body></html>'
    assert is_splash(parse(PageSnapshot(url=SITE + "/", lang=None, html=two_links)), config)
    assert not is_splash(parse(PageSnapshot(url=SITE + "/#!/kk/til", lang="kk", html=two_links)), config)
    urls = [SITE + "/", *(f"{SITE}/#!/kk/page-{n}" for n in range(20)), SITE + "/#!/kk/news/7"]
    assert SITE + "/#!/kk/news/7" in sample_pages(urls, SITE + "/")


def test_the_content_checks_tell_one_route_from_another() -> None:
    """The content checks pair a page with its twin in the other language and name it by the links to it:
    two routes are two pages (``/#!/kk/komitet`` is not ``/#!/kk/qujattar``), the twin of ``/#!/kk/komitet``
    is ``/#!/ru/komitet``; an in-page anchor still leads to its page."""
    from ashyq.base.routes import without_anchor
    from ashyq.checks.completeness.corpus import page_key

    assert page_key(SITE + "/#!/ru/komitet", "ru") == page_key(SITE + "/#!/kk/komitet", "kk")
    assert page_key(SITE + "/#!/kk/komitet", "kk") != page_key(SITE + "/#!/kk/qujattar", "kk")
    assert without_anchor(SITE + "/about#team") == SITE + "/about"
    assert without_anchor(SITE + "/#!/kk/komitet") == SITE + "/#!/kk/komitet"
    # a route that could not be read concerns the language its route names (coverage's reasons)
    from ashyq.checks.coverage import lang_of

    assert lang_of(SITE + "/#!/ru/komitet") == "ru" and lang_of(SITE + "/#/kk/about") == "kk"


@pytest.mark.browser
@pytest.mark.slow
def test_the_page_limit_counts_routes_as_pages(limited_site: Crawl) -> None:
    pages = _pages(limited_site)
    assert len(pages) <= 3, sorted(pages)
    cut = [
        url
        for url, reason, detail in limited_site.rows("SELECT url, reason, detail FROM fetch_failure")
        if reason == "trap" and "page limit" in (detail or "")
    ]
    assert cut and all(route_fragment(url) for url in cut), cut
