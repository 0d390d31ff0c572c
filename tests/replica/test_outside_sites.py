"""The outside test sites: their truth is well-formed and complete, and they serve what it cites.

The truth of each site names one verdict per item (and language) the methodology gives a body of its
kind; these tests hold the sites to it: every page a verdict rests on is reachable from the site's
home by links, and every content block a page is said to show is on that page in that language.
"""

from __future__ import annotations

import asyncio
import json
import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from aiohttp.test_utils import TestClient, TestServer
from ashyq_replica.core import DEFAULT_AS_OF
from ashyq_replica.outside import EXCLUDED, SITES, OutsideSite, specs, truth_of
from ashyq_replica.outside.appendix_indicators import all_keys, items_for
from ashyq_replica.outside.blocks import known, render
from ashyq_replica.outside.compose import OTHER
from ashyq_replica.outside.model import LANGS, Page, SiteSpec
from ashyq_replica.outside.text_services import MEMO_FIELDS

from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition

AS_OF = DEFAULT_AS_OF
SERVER_RENDERED = [s for s in SITES if s.id != "archives"]


def _edition_items() -> dict[str, object]:
    items: dict[str, object] = {}
    for name in ("kz-2017", "kz-2025"):
        items.update({i.id: i for i in load_edition(edition_path(name)).items()})
    return items


def test_every_site_has_one_verdict_per_item_and_language_of_its_kind() -> None:
    edition = _edition_items()
    a14 = {i for i in edition if i.startswith("A14-") and i.count(".") == 1} - set(EXCLUDED)
    for spec in specs(AS_OF):
        verdicts = truth_of(AS_OF)[spec.id]
        keys = [v.key() for v in verdicts]
        assert len(keys) == len(set(keys)), f"{spec.id}: a verdict stated twice"
        expected = {(i, "-") for i in a14 | {"A16-k", "A16-2"}}
        expected |= {(i, lang) for i in items_for(spec.kind) for lang in LANGS}
        assert set(keys) == expected, f"{spec.id}: {set(keys) ^ expected}"
        for v in verdicts:
            assert v.item in edition, v.item
            assert v.status in ("pass", "partial", "fail")
            assert len(v.reason) > 10 and v.where, (spec.id, v.item, v.lang)
        assert not set(EXCLUDED) & {v.item for v in verdicts}


def test_the_truth_is_a_mix_of_verdicts() -> None:
    for site, verdicts in truth_of(AS_OF).items():
        statuses = {v.status for v in verdicts}
        assert statuses == {"pass", "partial", "fail"}, site
    shares = [sum(v.status == "pass" for v in vs) / len(vs) for vs in truth_of(AS_OF).values()]
    assert min(shares) < 0.45 < max(shares), "some sites mostly right, some mostly wrong"


def test_every_indicator_of_the_legal_text_has_a_block() -> None:
    assert known() == all_keys()


def test_a_language_the_mobile_version_lacks_fails_its_sections() -> None:
    verdicts = {v.key(): v for v in truth_of(AS_OF)["altynkol"]}
    mobile_sections = [i for i in items_for("mio") if i.startswith("A16-")]
    assert all(verdicts[(i, "ru")].status == "fail" for i in mobile_sections)
    assert any(verdicts[(i, "kk")].status == "pass" for i in mobile_sections)
    assert "separate mobile version" in verdicts[("A16-1.1", "ru")].reason


async def _crawl(site: OutsideSite) -> dict[str, tuple[int, str]]:
    """URL → (status, HTML) of every page reachable by links from the site's home."""
    clients = {host: TestClient(TestServer(factory(AS_OF))) for host, factory in site.servers}
    for client in clients.values():
        await client.start_server()
    seen: dict[str, tuple[int, str]] = {}
    queue = [f"https://{site.host}/"]
    try:
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            parts = urlsplit(url)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            answer = await clients[parts.hostname or ""].get(target, allow_redirects=False)
            html = await answer.text() if "html" in answer.headers.get("Content-Type", "") else ""
            seen[url] = (answer.status, html)
            if answer.status in (301, 302):
                queue.append(urljoin(url, answer.headers["Location"]))
            for href in re.findall(r'href="([^"#]+)"', html):
                target = urljoin(url, unescape(href))
                if urlsplit(target).hostname in clients and target not in seen:
                    queue.append(target)
    finally:
        for client in clients.values():
            await client.close()
    return seen


@pytest.fixture(scope="module")
def crawled() -> dict[str, dict[str, tuple[int, str]]]:
    return {site.id: asyncio.run(_crawl(site)) for site in SERVER_RENDERED}


def _absolute(spec: SiteSpec, path: str) -> str:
    return path if path.startswith("https://") else f"https://{spec.host}{path}"


@pytest.mark.parametrize("site", SERVER_RENDERED, ids=lambda s: s.id)
def test_every_page_a_verdict_rests_on_is_reachable_by_links(site: OutsideSite, crawled: dict) -> None:
    pages = crawled[site.id]
    spec = site.spec(AS_OF)
    for verdict in truth_of(AS_OF)[site.id]:
        for path in verdict.where:
            if "search" in path or path == "/":  # a search is a form, "/" a redirect or splash: both served
                continue
            status, _ = pages.get(_absolute(spec, path), (None, ""))
            assert status == 200, (verdict.item, verdict.lang, path)


def _shown_headings(site: OutsideSite, page: Page, lang: str) -> list[str]:
    ctx = site.context(AS_OF)
    out = []
    for use in page.blocks:
        if not page.shows(use, lang) or use.key in MEMO_FIELDS:
            continue
        state = use.state(lang)
        out.append(render(use.key, ctx, OTHER[lang] if state == "foreign" else lang, state == "stale")[0])
    return out


@pytest.mark.parametrize("site", SERVER_RENDERED, ids=lambda s: s.id)
def test_every_block_a_page_is_said_to_show_is_on_it(site: OutsideSite, crawled: dict) -> None:
    spec = site.spec(AS_OF)
    pages = crawled[site.id]
    for mobile, listing in ((False, spec.pages), (True, spec.mobile_pages or ())):
        for page in listing:
            for lang in page.langs:
                status, html = pages.get(_absolute(spec, spec.url(page.key, lang, mobile)), (None, ""))
                assert status == 200, (page.key, lang, mobile)
                for heading in _shown_headings(site, page, lang):
                    assert heading in unescape(html), (page.key, lang, heading)


def test_the_kazakh_only_mobile_version_answers_no_russian_page(crawled: dict) -> None:
    pages = crawled["altynkol"]
    mobile = [u for u in pages if urlsplit(u).hostname == "m.altynkol.gov.kz" and pages[u][1]]
    assert mobile and all('<html lang="kk">' in pages[u][1] for u in mobile)
    assert not any("/ru" in urlsplit(u).path for u in mobile)


async def _phone_visit() -> tuple[int, str]:
    from ashyq_replica.outside import altynkol_site

    async with TestClient(TestServer(altynkol_site.create_app(AS_OF))) as client:
        phone = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"}
        answer = await client.get("/kk/about/contacts", headers=phone, allow_redirects=False)
        return answer.status, answer.headers.get("Location", "")


def test_a_phone_is_sent_to_the_mobile_host() -> None:
    assert asyncio.run(_phone_visit()) == (302, "https://m.altynkol.gov.kz/")


async def _spa() -> dict[str, object]:
    from ashyq_replica.outside import archives, archives_site

    out: dict[str, object] = {}
    async with TestClient(TestServer(archives_site.create_app(AS_OF))) as client:
        out["robots"] = await (await client.get("/robots.txt")).text()
        out["sitemap"] = await (await client.get("/sitemap.xml")).text()
        shells = {}
        for page in archives.PAGES:
            for lang in ("kk", "ru", "en"):
                answer = await client.get(archives.url(page.key, lang))
                shells[(page.key, lang)] = (answer.status, await answer.text())
        out["shells"] = shells
        api = {}
        for page in archives.PAGES:
            for lang in LANGS:
                answer = await client.get("/api/v1/page", params={"path": archives.url(page.key, lang)})
                api[(page.key, lang)] = json.loads(await answer.text())
        out["api"] = api
    return out


def test_the_javascript_site_serves_a_shell_its_api_fills() -> None:
    from ashyq_replica.outside import archives

    spa = _spa_cached()
    assert "Sitemap: /sitemap.xml" in str(spa["robots"])  # relative, as many real sites write it
    sitemap = str(spa["sitemap"])
    ctx = archives.context(AS_OF)
    for (key, lang), (status, html) in spa["shells"].items():  # type: ignore[attr-defined]
        assert status == 200 and '<div id="app"></div>' in html and "<noscript>" in html
        assert f"https://{archives.HOST}{archives.url(key, lang)}</loc>" in sitemap
        assert "data-block" not in html  # no content in what the server sends
    for (key, lang), data in spa["api"].items():  # type: ignore[attr-defined]
        page = next(p for p in archives.PAGES if p.key == key)
        assert data["title"] == page.title[lang]
        for use in page.blocks:
            if page.shows(use, lang) and use.key not in MEMO_FIELDS:
                state = use.state(lang)
                heading = render(use.key, ctx, OTHER[lang] if state == "foreign" else lang, state == "stale")[0]
                assert heading in data["html"], (key, lang, heading)


_SPA: dict[str, object] = {}


def _spa_cached() -> dict[str, object]:
    if not _SPA:
        _SPA.update(asyncio.run(_spa()))
    return _SPA


@pytest.mark.browser
def test_the_javascript_site_renders_and_moves_between_routes_in_chromium() -> None:
    from ashyq_replica.core import World
    from ashyq_replica.server import start_world
    from playwright.sync_api import sync_playwright

    from ashyq.net.browser import CHROMIUM, CHROMIUM_ARGS

    with start_world(World(seed="outside-browser"), outside=True) as served, sync_playwright() as p:
        base = served.urls["https://www.archives.gov.kz"]
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(base + "/ru/agency/contacts")
            page.wait_for_selector("main h1")
            assert page.inner_text("main h1") == "Как с нами связаться"
            assert "info@archives.gov.kz" in page.inner_text("main")
            page.evaluate("window.__kept = true")  # survives only if the next route is not a new document
            page.click("nav.menu >> text=Вакансии")
            page.wait_for_function("document.querySelector('main h1').textContent === 'Вакансии'")
            assert page.url.endswith("/ru/career/vacancies") and page.evaluate("window.__kept") is True
            page.goto(base + "/ru/citizens/appeal")
            page.wait_for_selector("#appeal")
            page.click("#appeal button[type=submit]")
            page.wait_for_selector("#err-email")
            assert page.get_attribute("#a-email", "aria-describedby") == "err-email"
        finally:
            browser.close()
