"""A body whose site is a folder of a larger host: a district akimat registered at
``https://www.oblys.gov.kz/audan/`` under its oblast's portal (kk and ru at ``/audan/kk/…``,
``/audan/ru/…``), the oblast's own pages beside it on the same host (its budget, its site map, its
English page). The district's crawl takes the folder's pages and checks the oblast's as link targets
(for the dead links) without reading them as the district's; the oblast's crawl, the registry naming
the district's folder, leaves that folder to the district. The same rule scopes an entity on
www.gov.kz (``/memleket/entities/<slug>``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from aiohttp import web
from crawl_harness import Crawl, ServedApp, crawl

from ashyq.base.home_page import is_home_url, site_prefix, under_prefix
from ashyq.crawler.parsers.rendered import menu_links
from ashyq.crawler.runner import CrawlRequest
from ashyq.crawler.spiders.site_scope import in_site_scope

OBLYS = "https://www.oblys.gov.kz"


def _district(lang: str) -> dict[str, tuple[str, str]]:
    other = "ru" if lang == "kk" else "kk"
    label = {"kk": "Рус", "ru": "Қаз"}[lang]
    return {
        f"/audan/{lang}/": (
            "Аудан әкімдігі" if lang == "kk" else "Акимат района",
            f'<a href="/audan/{other}/" hreflang="{other}">{label}</a> <a href="/en/" hreflang="en">English</a> '
            f'<a href="/audan/{lang}/page/akim">Әкім</a> <a href="/{lang}/page/budzhet">Бюджет</a> '
            f'<a href="/{lang}/sitemap">Сайт картасы</a> <a href="/audan/{lang}/page/invest">Инвестиция</a> '
            f'<a href="/{lang}/page/zhoq">Ескі бет</a>',
        ),
        f"/audan/{lang}/page/akim": ("Әкім", "<main><h1>Әкім</h1><p>Өмірбаян.</p></main>"),
        f"/audan/{lang}/page/kadr": ("Кадр", "<main><h1>Кадр</h1><p>Бос орындар.</p></main>"),
    }


def _oblast(lang: str) -> dict[str, tuple[str, str]]:
    return {
        f"/{lang}/": ("Облыс", f'<a href="/{lang}/page/budzhet">Бюджет</a> <a href="/audan/{lang}/">Аудан</a>'),
        f"/{lang}/page/budzhet": ("Облыс бюджеті", "<main><h1>Бюджет</h1><p>Облыстың бюджеті.</p></main>"),
        f"/{lang}/sitemap": ("Сайт картасы", f'<main><a href="/{lang}/page/budzhet">Бюджет</a></main>'),
    }


def _app() -> web.Application:
    pages = {**_district("kk"), **_district("ru"), **_oblast("kk"), **_oblast("ru")}
    pages["/en/"] = ("Oblast", '<a href="/en/page/budget">Budget</a>')
    moved = {"/": "/kk/", "/audan/": "/audan/kk/", "/audan/kk/page/invest": "/kk/page/investiciyalar"}
    sitemap = "".join(
        f"<url><loc>{OBLYS}{path}</loc></url>" for path in ("/kk/page/audandar", "/audan/kk/page/kadr", "/ru/page/x")
    )

    async def page(request: web.Request) -> web.StreamResponse:
        path = request.path
        if path in moved:
            raise web.HTTPMovedPermanently(moved[path])
        if path == "/robots.txt":
            return web.Response(text=f"User-agent: *\nSitemap: {OBLYS}/sitemap.xml\n")
        if path == "/sitemap.xml":
            xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemap}</urlset>'
            return web.Response(text=xml, content_type="application/xml")
        if path.endswith("/zhoq"):
            raise web.HTTPNotFound()
        lang = "ru" if "/ru/" in path else "en" if path.startswith("/en/") else "kk"
        title, body = pages.get(path, (f"Бет {path}", "<main><p>Мәтін.</p></main>"))
        html = f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>{body}</body></html>'
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    app = web.Application()
    app.add_routes([web.get("/{tail:.*}", page)])
    return app


@pytest.fixture(scope="module")
def folder_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    served = ServedApp(_app())
    folder = tmp_path_factory.mktemp("folder-sites")
    registry = folder / "registry.yaml"
    names = {"kk": "Әкімдік", "ru": "Акимат"}
    bodies = [
        {"id": "oblys", "kind": "mio", "names": dict(names), "sites": [OBLYS + "/"]},
        {"id": "audan", "kind": "mio", "names": dict(names), "sites": [OBLYS + "/audan/"]},
    ]
    registry.write_text(yaml.safe_dump({"name": "folders", "bodies": bodies}, allow_unicode=True), "utf-8")
    try:
        yield crawl(
            folder,
            CrawlRequest(body_ids=["audan", "oblys"], registry=str(registry), base_url_map={OBLYS: served.url}),
        )
    finally:
        served.stop()


def _pages(harvest: Crawl, body: str) -> set[str]:
    return {url for (url,) in harvest.rows("SELECT url FROM page WHERE body_id = :body", body=body)}


def test_the_district_s_pages_are_its_folder_s(folder_sites: Crawl) -> None:
    pages = _pages(folder_sites, "audan")
    assert {f"{OBLYS}/audan/kk/page/akim", f"{OBLYS}/audan/ru/page/akim", f"{OBLYS}/audan/kk/page/kadr"} <= pages
    # the oblast's budget, site map, English page, a page its sitemap lists, and the oblast's page a
    # district address redirects to: none is the district's
    assert sorted(url for url in pages if not url.startswith(f"{OBLYS}/audan/")) == []


def test_the_oblast_s_pages_are_link_targets_checked_for_dead_links(folder_sites: Crawl) -> None:
    rows = folder_sites.rows(
        "SELECT l.target_url, l.is_internal, l.target_status FROM link l JOIN page p ON p.id = l.page_id"
        " WHERE p.body_id = 'audan' AND p.url = :home",
        home=f"{OBLYS}/audan/",  # the entry address, landed on /audan/kk/
    )
    links = {url: (bool(internal), status) for url, internal, status in rows}
    assert links[f"{OBLYS}/kk/page/budzhet"] == (False, 200)
    assert links[f"{OBLYS}/kk/page/zhoq"] == (False, 404)
    assert links[f"{OBLYS}/audan/kk/page/akim"][0] is True


def test_the_oblast_s_crawl_leaves_the_district_s_folder_alone(folder_sites: Crawl) -> None:
    pages = _pages(folder_sites, "oblys")
    assert f"{OBLYS}/kk/page/budzhet" in pages
    assert [url for url in pages if "/audan/" in url] == []


def test_the_rule_of_a_folder_site() -> None:
    assert site_prefix(f"{OBLYS}/audan/") == "/audan"
    assert site_prefix(f"{OBLYS}/audan/kk/index.php") == "/audan"
    assert site_prefix(f"{OBLYS}/ru/") == "" and site_prefix(f"{OBLYS}/index.php") == ""
    assert under_prefix(f"{OBLYS}/audan/kk/page", "/audan") and under_prefix(f"{OBLYS}/audan", "/audan")
    assert not under_prefix(f"{OBLYS}/audandar", "/audan")
    assert is_home_url(f"{OBLYS}/audan/ru/", "/audan") and not is_home_url(f"{OBLYS}/ru/", "/audan")
    own, oblast = [f"{OBLYS}/audan/"], [f"{OBLYS}/"]
    assert in_site_scope(f"{OBLYS}/audan/kk/page/akim", own, oblast)
    assert not in_site_scope(f"{OBLYS}/kk/page/budzhet", own, oblast)
    assert not in_site_scope(f"{OBLYS}/audan/kk/", oblast, own)  # the oblast's crawl: the district's folder
    assert in_site_scope(f"{OBLYS}/kk/", oblast, own)
    assert in_site_scope("https://ru.audan.gov.kz/x", own, oblast)  # a host no address names: whole
    # the www.gov.kz platform: an entity's menu keeps its own sections, not another entity's
    dom = (
        '<nav><a href="/memleket/entities/audan/about?lang=kk">Біз</a>'
        '<a href="/memleket/entities/audandar?lang=kk">Х</a></nav>'
    )
    assert menu_links(dom, "https://www.gov.kz/memleket/entities/audan?lang=kk", "audan", "kk") == [
        "https://www.gov.kz/memleket/entities/audan/about?lang=kk"
    ]
