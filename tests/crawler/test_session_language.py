"""A site that keeps the language in the session, as many state bodies' ASP.NET and PHP sites do: every
address answers in the language a cookie holds, and the switch is the same page with a query
(``?lang=ru``) or a set-language address that redirects back (``/Home/SetLanguage?lang=ru&returnUrl=…``).
Both languages are harvested, each page of the other language under an address of its own that fetches
it (the switch's), recorded in the language it answered in and paired with its twin; a site that keeps
the language in its addresses is not read twice."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest
import yaml
from aiohttp import web
from crawl_harness import Crawl, ServedApp, crawl
from warcio.archiveiterator import ArchiveIterator

from ashyq.checks.accessibility.website import is_home_url
from ashyq.checks.completeness.corpus import page_key
from ashyq.crawler.runner import CrawlRequest
from ashyq.crawler.spiders.site_session import SessionSwitch, session_switch

SITE = "https://akimat.example.kz"
TITLES = {
    "/": {"kk": "Әкімдіктің басты беті", "ru": "Главная страница акимата"},
    "/about": {"kk": "Әкімдік туралы", "ru": "Об акимате"},
    "/news": {"kk": "Жаңалықтар", "ru": "Новости"},
    "/contacts": {"kk": "Байланыс", "ru": "Контакты"},
    "/vacancies": {"kk": "Бос орындар", "ru": "Вакансии"},
}
MENU = {"kk": ["/about", "/news", "/contacts"], "ru": ["/about", "/news", "/contacts", "/vacancies"]}


def _switch(mode: str, lang: str, path: str) -> str:
    if mode == "query":
        return f"{path}?lang={lang}"
    return f"/Home/SetLanguage?lang={lang}&returnUrl={quote(path, safe='')}"


def _session_site(mode: str) -> web.Application:
    """Every page in the language of the ``lang`` cookie (Kazakh without one); ``?lang=`` on any page
    (mode ``query``) or ``/Home/SetLanguage`` (mode ``redirect``) sets it. The menu's addresses are the
    same in both languages; the Russian menu has one entry more."""

    def render(request: web.Request, path: str, lang: str) -> web.Response:
        menu = " ".join(f'<a href="{p}">{TITLES[p][lang]}</a>' for p in MENU[lang])
        switch = f'<a href="{_switch(mode, "kk", path)}">Қазақша</a> <a href="{_switch(mode, "ru", path)}">Русский</a>'
        text = "Әкімдіктің ресми сайты, мәтін қазақ тілінде." if lang == "kk" else "Официальный сайт акимата."
        html = (
            f'<!doctype html><html lang="{lang}"><head><title>{TITLES[path][lang]}</title></head>'
            f"<body><nav>{switch}</nav><nav>{menu}</nav><h1>{TITLES[path][lang]}</h1><p>{text}</p></body></html>"
        )
        response = web.Response(text=html, content_type="text/html", charset="utf-8")
        asked = request.query.get("lang")
        if asked in ("kk", "ru"):
            response.set_cookie("lang", asked, path="/")
        return response

    async def page(request: web.Request) -> web.Response:
        path = request.path if request.path in TITLES else None
        if path is None:
            raise web.HTTPNotFound()
        lang = request.query.get("lang") if mode == "query" else None
        return render(request, path, lang or request.cookies.get("lang", "kk"))

    async def set_language(request: web.Request) -> web.Response:
        back = request.query.get("returnUrl", "/")
        response = web.HTTPFound(back if back.startswith("/") else "/")
        response.set_cookie("lang", request.query.get("lang", "kk"), path="/")
        raise response

    app = web.Application()
    app.add_routes([web.get("/Home/SetLanguage", set_language), web.get("/{tail:.*}", page)])
    return app


def _harvest(folder_factory: pytest.TempPathFactory, app: web.Application) -> Crawl:
    served = ServedApp(app)
    folder = folder_factory.mktemp("session-language")
    registry = folder / "registry.yaml"
    body = {"id": "akimat", "kind": "mio", "names": {"kk": "Әкімдік", "ru": "Акимат"}, "sites": [SITE + "/"]}
    registry.write_text(yaml.safe_dump({"name": "session", "bodies": [body]}, allow_unicode=True), "utf-8")
    try:
        return crawl(folder, CrawlRequest(body_ids=["akimat"], registry=str(registry), base_url_map={SITE: served.url}))
    finally:
        served.stop()


@pytest.fixture(scope="module", params=["query", "redirect"])
def session_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    harvest = _harvest(tmp_path_factory, _session_site(request.param))
    harvest.base_url_map["mode"] = request.param  # which switch the site has, for the assertions
    yield harvest


def _pages(harvest: Crawl) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [
        tuple(row)
        for row in harvest.rows("SELECT url, final_url, lang, title, counterpart_url FROM page WHERE source = 'site'")
    ]


def test_both_languages_are_harvested_each_page_in_the_language_it_answered_in(session_site: Crawl) -> None:
    pages = _pages(session_site)
    by_lang: dict[str | None, set[str]] = {}
    for _url, final, lang, title, _ in pages:
        path = final.removeprefix(SITE).split("?")[0]
        assert title == TITLES[path][lang or ""], (final, lang, title)  # the language it answered in
        by_lang.setdefault(lang, set()).add(path)
    assert by_lang["kk"] == set(TITLES)  # /vacancies too: the sitemap-free way is the Russian menu's
    assert by_lang["ru"] == set(TITLES)
    assert len(pages) == 2 * len(TITLES)  # each page once per language


def test_a_russian_page_has_an_address_of_its_own_that_fetches_it(session_site: Crawl) -> None:
    mode = session_site.base_url_map["mode"]
    russian = {url: final for url, final, lang, _, _ in _pages(session_site) if lang == "ru"}
    expected = SITE + _switch(mode, "ru", "/about")
    if mode == "query":
        assert russian[expected] == expected
    else:
        assert russian[SITE + "/Home/SetLanguage?lang=ru&returnUrl=%2Fabout"] == SITE + "/about"


def test_the_two_languages_name_each_other_as_counterparts(session_site: Crawl) -> None:
    pages = {(url, lang): counterpart for url, _, lang, _, counterpart in _pages(session_site)}
    kk_about = SITE + "/about"
    ru_about = next(url for url, lang in pages if lang == "ru" and url != SITE + "/" and "about" in url)
    assert pages[(kk_about, "kk")] == ru_about
    assert pages[(ru_about, "ru")] == kk_about
    assert not is_home_url(ru_about) and not is_home_url(kk_about)  # 2.9: the switch keeps the page
    if session_site.base_url_map["mode"] == "query":  # the content checks' language-neutral address too
        assert page_key(ru_about, "ru") == page_key(kk_about, "kk")


def test_the_warc_keeps_both_languages_of_one_address(session_site: Crawl) -> None:
    seen: set[str] = set()
    for path in session_site.warc_files():
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or "/about" not in record.rec_headers.get_header("WARC-Target-URI"):
                    continue
                text = record.content_stream().read().decode("utf-8", "replace")
                seen |= {lang for lang in ("kk", "ru") if TITLES["/about"][lang] in text}
    assert seen == {"kk", "ru"}


def test_links_that_change_the_address_are_no_session_switch() -> None:
    home = f"{SITE}/"
    neutral = [f"{SITE}/about", f"{SITE}/news", f"{SITE}/contacts"]
    found = session_switch(home, neutral, f"{SITE}/?lang=ru", f"{SITE}/?lang=ru", "ru", neutral, "ru")
    assert isinstance(found, SessionSwitch)
    assert found.twin(f"{SITE}/news") == f"{SITE}/news?lang=ru"
    # the Russian page's links name Russian addresses: the language is in the address, not the session
    carried = [f"{url}?lang=ru" for url in neutral]
    assert session_switch(home, neutral, f"{SITE}/?lang=ru", f"{SITE}/?lang=ru", "ru", carried, "ru") is None
    paths = [f"{SITE}/ru/about", f"{SITE}/ru/news"]
    assert session_switch(home, neutral, f"{SITE}/ru/", f"{SITE}/ru/", "ru", paths, "ru") is None
    # the page the switch leads to answered in the first language: nothing is kept in the session
    assert session_switch(home, neutral, f"{SITE}/?lang=ru", f"{SITE}/?lang=ru", "kk", neutral, "ru") is None


@pytest.mark.browser
def test_the_browser_reads_each_page_in_the_language_it_was_harvested_in() -> None:
    """One browser context measures several pages: after a Russian page read through its switch, the
    next page (a Kazakh address) is read in Kazakh, as the harvest stored it."""
    from ashyq.gather.pages import gather_pages
    from ashyq.gather.visits import GatherSettings

    served = ServedApp(_session_site("query"))
    try:
        settings = GatherSettings.from_config(
            url_map={SITE: served.url}, concurrent_pages=1, pages_per_context=3, watch_ms=200, timeout_ms=20_000
        )
        urls = [SITE + "/about?lang=ru", SITE + "/news", SITE + "/contacts"]
        result = gather_pages(urls, settings, sample=False)
    finally:
        served.stop()
    titles = {page.url: page.title for page in result.pages}
    assert titles[SITE + "/about?lang=ru"] == TITLES["/about"]["ru"]
    assert titles[SITE + "/news"] == TITLES["/news"]["kk"]
    assert titles[SITE + "/contacts"] == TITLES["/contacts"]["kk"]
