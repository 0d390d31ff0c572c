"""A register a body's page embeds in a frame from its own domain (``<iframe src="https://docs.body.gov.kz/…">``
under the heading «Нормативтік құқықтық актілер»), as state bodies' sites often show their acts, services and
reception sign-up: the frame's page is the body's, in the embedding page's language, and the content checks
read it as the section the heading names. A frame of another domain (a map) is not the body's site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from aiohttp import web
from crawl_harness import Crawl, ServedApp, crawl

from ashyq.checks.completeness.corpus import desktop_units
from ashyq.checks.completeness.keywords import load_cached
from ashyq.checks.completeness.places import in_section
from ashyq.crawler.runner import CrawlRequest
from ashyq.crawler.spiders.site_page import parse_page
from ashyq.pipeline.artifacts import load_artifacts
from ashyq.store.db import session_scope
from ashyq.store.models import Run

SITE = "https://audan.gov.kz"
DOCS = "https://docs.audan.gov.kz"  # the same registrable domain: the body's register
MAP = "https://karta.example.kz"  # another domain: a map widget

KK_HEADING = "Нормативтік құқықтық актілер"
RU_HEADING = "Нормативные правовые акты"


def _html(body: str, lang: str | None = None, title: str = "") -> web.Response:
    opening = f'<html lang="{lang}">' if lang else "<html>"
    return web.Response(
        text=f"<!doctype html>{opening}<head><title>{title}</title></head><body>{body}</body></html>",
        content_type="text/html",
        charset="utf-8",
    )


def _site_app() -> web.Application:
    pages = {
        "/": ("kk", "Аудан әкімдігі", '<a href="/ru/">Рус</a> <a href="/kk/kuzhattar">Құжаттар</a>'),
        "/ru/": ("ru", "Акимат района", '<a href="/">Қаз</a> <a href="/ru/dokumenty">Документы</a>'),
        "/kk/kuzhattar": (
            "kk",
            "Құжаттар",
            f'<main><h2>{KK_HEADING}</h2><iframe src="{DOCS}/reestr/1" title="Тізілім"></iframe>'
            f'<h2>Мекенжай</h2><iframe src="{MAP}/embed?kk"></iframe></main>',
        ),
        "/ru/dokumenty": (
            "ru",
            "Документы",
            f'<main><h2>{RU_HEADING}</h2><iframe src="{DOCS}/reestr/2"></iframe>'
            f'<h2>Адрес</h2><iframe src="{MAP}/embed?ru"></iframe></main>',
        ),
    }

    async def page(request: web.Request) -> web.Response:
        lang, title, body = pages.get(request.path, ("kk", "Бет", "<p>Мәтін.</p>"))
        return _html(body, lang, title)

    app = web.Application()
    app.add_routes([web.get("/{tail:.*}", page)])
    return app


def _docs_app() -> web.Application:
    """The register: bare pages with no language of their own, as such embedded registers are."""
    acts = {  # the Kazakh list shows numbers and dates only: its language is the embedding page's
        "/reestr/1": '<table><tr><td><a href="/reestr/1/12">№ 12, 05.03.2024</a></td></tr></table>',
        "/reestr/2": "<table><tr><td><a href='/reestr/2/12'>Постановление от 5 марта 2024 года № 12</a></td></tr>"
        # a published document's links go through its host's redirector, which robots.txt closes to crawlers
        f"<tr><td><a href='/url?q={DOCS}/akt/14&amp;sa=D'>Решение от 2 октября 2026 года № 14</a></td></tr>"
        f"<tr><td><a href='https://www.google.com/url?q={SITE}/ru/akt-15&amp;sa=D'>Решение № 15</a></td></tr></table>",
    }

    async def page(request: web.Request) -> web.Response:
        if request.path == "/robots.txt":
            return web.Response(text="User-agent: *\nDisallow: /url\n", content_type="text/plain")
        if request.path == "/url":
            return web.HTTPFound(request.query["q"])
        return _html(acts.get(request.path, f"<p>{request.path}</p>"))

    app = web.Application()
    app.add_routes([web.get("/{tail:.*}", page)])
    return app


@pytest.fixture(scope="module")
def framed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    site, docs, widget = ServedApp(_site_app()), ServedApp(_docs_app()), ServedApp(_docs_app())
    folder = tmp_path_factory.mktemp("frames")
    registry = folder / "registry.yaml"
    body = {"id": "audan", "kind": "mio", "names": {"kk": "Аудан", "ru": "Район"}, "sites": [SITE + "/"]}
    registry.write_text(yaml.safe_dump({"name": "frames", "bodies": [body]}, allow_unicode=True), "utf-8")
    try:
        yield crawl(
            folder,
            CrawlRequest(
                body_ids=["audan"],
                registry=str(registry),
                base_url_map={SITE: site.url, DOCS: docs.url, MAP: widget.url},
            ),
        )
    finally:
        site.stop()
        docs.stop()
        widget.stop()


def _pages(harvest: Crawl) -> dict[str, str | None]:
    return {url: lang for url, lang in harvest.rows("SELECT url, lang FROM page WHERE body_id = 'audan'")}


def test_a_frame_of_the_body_s_domain_is_a_page_of_the_body_in_the_embedding_page_s_language(framed: Crawl) -> None:
    pages = _pages(framed)
    assert pages[f"{DOCS}/reestr/1"] == "kk"
    assert pages[f"{DOCS}/reestr/2"] == "ru"
    assert f"{DOCS}/reestr/2/12" in pages  # its host joined the crawl: the register's own links are read


def test_the_page_a_link_wrapper_leads_on_to_is_read_the_wrapper_itself_is_not(framed: Crawl) -> None:
    pages = _pages(framed)
    assert f"{DOCS}/akt/14" in pages  # the register's own redirector, closed by robots.txt: its target is read
    assert f"{SITE}/ru/akt-15" in pages  # another host's redirector (never asked): the body's page it names is read
    assert not [url for url in pages if "/url?" in url]


def test_a_frame_of_another_domain_is_not_read(framed: Crawl) -> None:
    assert not [url for url in _pages(framed) if url.startswith(MAP)]


def test_the_embedded_register_is_read_as_the_section_its_heading_names(framed: Crawl) -> None:
    rows = framed.rows(
        "SELECT l.anchor_text, l.is_internal FROM link l JOIN page p ON p.id = l.page_id "
        "WHERE p.url = :url AND l.target_url = :target",
        url=f"{SITE}/kk/kuzhattar",
        target=f"{DOCS}/reestr/1",
    )
    assert rows == [(KK_HEADING, True)]
    with session_scope(framed.db_url) as session:
        run = session.get(Run, framed.summary.run_id)
        assert run is not None
        units = {u.url: u for u in desktop_units(load_artifacts(session, run, "audan", framed.out_dir))}
    assert units[f"{DOCS}/reestr/1"].lang == "kk"
    assert units[f"{DOCS}/reestr/1"].shown_incoming(units[f"{DOCS}/reestr/1"].incoming[0]) == KK_HEADING
    assert units[f"{DOCS}/reestr/2"].incoming_shown == (RU_HEADING,)
    assert "постановление от 5 марта 2024" in units[f"{DOCS}/reestr/2"].main
    acts = load_cached("appendix15").sections["A15-1.4"]  # Appendix 15's legal acts
    assert in_section(units[f"{DOCS}/reestr/1"], acts, "kk")  # the frame's page has no title: the heading places it
    assert in_section(units[f"{DOCS}/reestr/2"], acts, "ru")


def test_a_frame_is_labelled_by_the_heading_above_it_else_its_title() -> None:
    page = parse_page(
        f"{SITE}/ru/x",
        (
            '<html><head><title>Приём граждан</title></head><body><iframe src="about:blank"></iframe>'
            '<iframe src="https://e.audan.gov.kz/zapis" title="Запись на приём"></iframe>'
            '<h3>Реестр государственных услуг</h3><iframe src="//reestr.audan.gov.kz/uslugi"></iframe>'
            '<iframe src="/vstroennaya"></iframe><iframe src="about:blank" data-src="/lenivaya"></iframe>'
            '<footer><iframe src="/vidzhet/pogoda"></iframe></footer></body></html>'
        ).encode(),
        "text/html; charset=utf-8",
    )
    assert [(f.url, f.anchor_text) for f in page.frames] == [
        ("https://e.audan.gov.kz/zapis", "Запись на приём"),
        ("https://reestr.audan.gov.kz/uslugi", "Реестр государственных услуг"),
        (f"{SITE}/vstroennaya", "Реестр государственных услуг"),
        (f"{SITE}/lenivaya", "Реестр государственных услуг"),  # lazy: its address waits in data-src
        (f"{SITE}/vidzhet/pogoda", None),  # the footer's widget: not under the content's last heading
    ]
