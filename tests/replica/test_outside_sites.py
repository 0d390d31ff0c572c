"""The outside test sites: their folders load, their truth is well-formed and complete, and the one
server answers what the truth cites.

The truth of each site names one verdict per item (and language) the methodology gives a body of its
kind; these tests hold the sites to it: every page a verdict rests on is reachable from the site's
home by links, every file a ``site.yaml`` names is in the folder, and what is not a file (a phone
sent to the mobile host, a search, a form sent wrong, the script-built site's API) answers as stated.
"""

from __future__ import annotations

import asyncio
import json
import re
from html import unescape
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from aiohttp.test_utils import TestClient, TestServer
from ashyq_replica.outside import excluded, load_site, load_sites, truth_of
from ashyq_replica.outside.folder import SiteFolder, file_name
from ashyq_replica.outside.serve import file_bytes
from ashyq_replica.outside.server import RateLimit, host_app

from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition

LANGS = ("kk", "ru")
SITES = load_sites()
SERVER_RENDERED = [s for s in SITES if s.id != "archives"]
# the content items judged per language: Appendix 15 sections, Appendix 16 sections, Table 7 rows
PER_LANGUAGE = re.compile(r"A15-|A16-1\.|T7-\d")


def _edition_items() -> dict[str, Any]:
    items: dict[str, Any] = {}
    for name in ("kz-2017", "kz-2025"):
        items.update({i.id: i for i in load_edition(edition_path(name)).items()})
    return items


def test_every_site_has_one_verdict_per_item_and_language_of_its_kind() -> None:
    edition = _edition_items()
    left_out = set(excluded())
    a14 = {i for i in edition if i.startswith("A14-") and i.count(".") == 1} - left_out
    for site in SITES:
        verdicts = site.truth()
        keys = [(v["item"], v["lang"]) for v in verdicts]
        assert len(keys) == len(set(keys)), f"{site.id}: a verdict stated twice"
        of_kind = {
            i
            for i, item in edition.items()
            if PER_LANGUAGE.match(i) and i not in left_out and (item.applies_to is None or site.kind in item.applies_to)
        }
        expected = {(i, "-") for i in a14 | {"A16-k", "A16-2"}} | {(i, lang) for i in of_kind for lang in LANGS}
        assert set(keys) == expected, f"{site.id}: {set(keys) ^ expected}"
        for v in verdicts:
            assert v["status"] in ("pass", "partial", "fail")
            assert len(v["reason"]) > 10 and v["where"], (site.id, v["item"], v["lang"])


def test_the_truth_is_a_mix_of_verdicts() -> None:
    for site, verdicts in truth_of().items():
        assert {v["status"] for v in verdicts} == {"pass", "partial", "fail"}, site
    shares = [sum(v["status"] == "pass" for v in vs) / len(vs) for vs in truth_of().values()]
    assert min(shares) < 0.45 < max(shares), "some sites mostly right, some mostly wrong"


def test_a_language_the_mobile_version_lacks_fails_its_sections() -> None:
    verdicts = {(v["item"], v["lang"]): v for v in load_site("altynkol").truth()}
    mobile_sections = [i for i, lang in verdicts if i.startswith("A16-1.") and lang == "ru"]
    assert mobile_sections and all(verdicts[(i, "ru")]["status"] == "fail" for i in mobile_sections)
    assert any(verdicts[(i, "kk")]["status"] == "pass" for i in mobile_sections)
    assert "separate mobile version" in verdicts[("A16-1.1", "ru")]["reason"]


@pytest.mark.parametrize("site", SITES, ids=lambda s: s.id)
def test_every_file_a_site_yaml_names_is_in_its_folder(site: SiteFolder) -> None:
    for host in site.hosts:
        root = site.root / host["host"]
        named = [r["page"] for r in host.get("search", ())]
        named += [r["file"] for r in host.get("not_found", ()) if "file" in r]
        named += [host["shell"]["file"]] if "shell" in host else []
        named += [host[front]["page"] for front in ("challenge", "rate_limit") if front in host]
        named += list(host.get("status", {})) + list(host.get("types", {}))
        named += [f"{rule['folder']}/{rule.get('by', 'page')}-1.json" for rule in host.get("post_json", ())]
        graphql = host.get("graphql", {})
        named += [f"{graphql['folder']}/{operation}/index.json" for operation in graphql.get("fixed", ())]
        for form in host.get("forms", ()):
            named.append(f"{form['folder']}/sent.html")
            named.append(f"{form['folder']}/{'+'.join(sorted(form['fields']))}.html")
        assert named or host["host"].startswith("m."), host["host"]
        for name in named:
            assert (root / name).is_file(), (site.id, host["host"], name)
    for row in [r for rows in site.search_index().values() for r in rows]:
        assert row["path"].startswith("/") and isinstance(row["text"], str), row


class Pace:
    """The time a crawl keeps: a clock the hosts' fronts read, moved on by the seconds a 429's Retry-After asks for
    (a polite crawler waits as told; the test keeps the time instead of sleeping it)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _clients(site: SiteFolder, pace: Pace | None = None) -> dict[str, TestClient]:
    clock = pace or Pace()
    return {h["host"]: TestClient(TestServer(host_app(site, h, clock))) for h in site.hosts}


def solve_challenge(page: str) -> tuple[str, str]:
    """What a browser does with the front's interstitial (``challenge``): its script's FNV-1a over ``<nonce>:<round>``
    for every round, written here apart from the server's, and the cookie it sets."""
    nonce = re.search(r'var n = "([0-9a-f]+)", k = (\d+)', page)
    cookie = re.search(r'document\.cookie = "([^=]+)=', page)
    assert nonce and cookie, "no challenge script"
    h = 0x811C9DC5
    for r in range(int(nonce.group(2))):
        for ch in f"{nonce.group(1)}:{r}":
            h = ((h ^ ord(ch)) * 0x01000193) % 2**32
    return cookie.group(1), f"{nonce.group(1)}.{h:08x}"


async def _through_front(site: SiteFolder, clients: dict[str, TestClient]) -> None:
    """A host behind an anti-DDoS front first answers its interstitial: the crawl passes it as a browser does, with
    the clearance cookie the page's script sets, and reads what a reader sees after it."""
    for spec in site.hosts:
        if "challenge" in spec:
            client = clients[spec["host"]]
            answer = await client.get("/", allow_redirects=False)
            assert answer.status == spec["challenge"]["status"]
            name, value = solve_challenge(await answer.text())
            client.session.cookie_jar.update_cookies({name: value})


async def _graphql_links(
    client: TestClient, rule: dict[str, Any], operation: str, variables: dict[str, Any]
) -> list[str]:
    """The addresses in the answer a GraphQL API gives the script: every string that is a path, and the links of the
    HTML its strings carry."""
    body = {"operationName": operation, "query": f"query {operation} {{ __typename }}", "variables": variables}
    answer = await client.post(rule["path"], json=body)
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            if re.fullmatch(r"/(?!/)\S*", value):
                found.append(value)
            found.extend(unescape(href) for href in re.findall(r'href="([^"#]+)"', value))

    walk(await answer.json())
    return found


async def _crawl(site: SiteFolder) -> dict[str, tuple[int, str]]:
    """URL → (status, HTML) of every page reachable by links from the site's home (a host behind a front: passed as a
    browser passes it, at the pace its rate limit allows)."""
    pace = Pace()
    clients = _clients(site, pace)
    for client in clients.values():
        await client.start_server()
    await _through_front(site, clients)
    seen: dict[str, tuple[int, str]] = {}
    # a host whose script draws the route after "#!" from a fragment (``hash_routes``): its links are routes, each
    # kept as the address a reader sees (https://host/#!/kk/…) with the answer for its fragment
    routes = {h["host"]: h["hash_routes"] for h in site.hosts if "hash_routes" in h}
    queue = [f"https://{site.host}/"]
    queue += [f"https://{host}{path}" for host, rule in routes.items() for path in rule["drawn_with"]]
    # a host whose script draws every route from a GraphQL API (``graphql`` with ``route``): each route the shell
    # answers is asked of the API as the script asks it, and what the script asks on every route (``drawn_with``: the
    # menu, the lists) is asked once; the addresses in the answers are the route's links
    apis = {h["host"]: h["graphql"] for h in site.hosts if "route" in h.get("graphql", {})}
    try:
        for host, api in apis.items():
            for asked in api.get("drawn_with", ()):
                links = await _graphql_links(clients[host], api, asked["operation"], asked["variables"])
                queue += [
                    u for u in (urljoin(f"https://{host}/", link) for link in links) if urlsplit(u).hostname in clients
                ]
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            parts = urlsplit(url)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            rule = routes.get(parts.hostname or "")
            if rule and f"#{parts.fragment}".startswith(rule["prefix"]):
                route = f"#{parts.fragment}".removeprefix(rule["prefix"])
                target = rule["fragments"] + route + ("index" if route.endswith("/") else "") + ".html"
            answer = await clients[parts.hostname or ""].get(target, allow_redirects=False)
            while answer.status == 429:  # over the front's pace: wait as Retry-After says, then ask again
                pace.now += int(answer.headers["Retry-After"])
                answer = await clients[parts.hostname or ""].get(target, allow_redirects=False)
            html = await answer.text() if "html" in answer.headers.get("Content-Type", "") else ""
            seen[url] = (answer.status, html)
            if answer.status in (301, 302):
                queue.append(urljoin(url, answer.headers["Location"]))
            # links, and the pages a frameset or an iframe loads into its frames
            for href in re.findall(r'href="([^"#]+)"', html) + re.findall(r'<i?frame\b[^>]*\ssrc="([^"#]+)"', html):
                target = urljoin(url, unescape(href))
                if urlsplit(target).hostname in clients and target not in seen:
                    queue.append(target)
            if rule:
                for href in re.findall(r'href="/?(' + re.escape(rule["prefix"]) + r'[^"]*)"', html):
                    queue.append(f"https://{parts.hostname}/{unescape(href)}")
            api = apis.get(parts.hostname or "")
            if api and answer.status == 200 and html:
                route = api["route"]
                links = await _graphql_links(
                    clients[parts.hostname or ""], api, route["operation"], {route["variable"]: parts.path}
                )
                queue += [
                    u
                    for u in (urljoin(url, link) for link in links)
                    if urlsplit(u).hostname in clients and u not in seen
                ]
    finally:
        for client in clients.values():
            await client.close()
    return seen


@pytest.fixture(scope="module")
def crawled() -> dict[str, dict[str, tuple[int, str]]]:
    return {site.id: asyncio.run(_crawl(site)) for site in SERVER_RENDERED}


def _absolute(site: SiteFolder, path: str) -> str:
    return path if path.startswith("https://") else f"https://{site.host}{path}"


@pytest.mark.parametrize("site", SERVER_RENDERED, ids=lambda s: s.id)
def test_every_page_a_verdict_rests_on_is_reachable_by_links(site: SiteFolder, crawled: dict) -> None:
    pages = crawled[site.id]
    for verdict in site.truth():
        for path in verdict["where"]:
            if "search" in path.lower() or path == "/":  # a search is a form, "/" a redirect or splash: both served
                continue
            status, _ = pages.get(_absolute(site, path), (None, ""))
            assert status == 200, (verdict["item"], verdict["lang"], path)


def _searched_host(site: SiteFolder) -> dict[str, str]:
    """The host each part of ``search.yaml`` belongs to: the one whose search names it by ``index``, else the first."""
    named = {rule["index"]: h["host"] for h in site.hosts for rule in h.get("search", ()) if "index" in rule}
    return {key: named.get(key, site.host) for key in site.search_index()}


@pytest.mark.parametrize("site", SERVER_RENDERED, ids=lambda s: s.id)
def test_every_page_its_search_finds_is_reachable_by_links(site: SiteFolder, crawled: dict) -> None:
    pages = crawled[site.id]
    hosts = _searched_host(site)
    for key, rows in site.search_index().items():
        for row in rows:
            url = row["path"] if row["path"].startswith("https://") else f"https://{hosts[key]}{row['path']}"
            assert pages.get(url, (None, ""))[0] == 200, row["path"]


def test_the_kazakh_only_mobile_version_answers_no_russian_page(crawled: dict) -> None:
    pages = crawled["altynkol"]
    mobile = [u for u in pages if urlsplit(u).hostname == "m.altynkol.gov.kz" and pages[u][1]]
    assert mobile and all('<html lang="kk">' in pages[u][1] for u in mobile)
    assert not any("/ru" in urlsplit(u).path for u in mobile)


PHONE = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"}


async def _visits(site: SiteFolder, host: str, requests: list[tuple[str, str, Any]]) -> list[tuple[int, str, str]]:
    """(status, Location, text) of each (method, target, form or headers) sent to one host."""
    spec = next(h for h in site.hosts if h["host"] == host)
    out = []
    async with TestClient(TestServer(host_app(site, spec))) as client:
        for method, target, extra in requests:
            if method == "POST":
                answer = await client.post(target, data=extra, allow_redirects=False)
            else:
                answer = await client.get(target, headers=extra or {}, allow_redirects=False)
            out.append((answer.status, answer.headers.get("Location", ""), await answer.text()))
    return out


def test_a_phone_is_sent_to_the_mobile_host_unless_it_asked_for_the_full_version() -> None:
    site = load_site("altynkol")
    sent, kept, robots = asyncio.run(
        _visits(
            site,
            "www.altynkol.gov.kz",
            [("GET", "/kk/about/contacts", PHONE), ("GET", "/kk/?full=1", PHONE), ("GET", "/robots.txt", PHONE)],
        )
    )
    assert sent[:2] == (302, "https://m.altynkol.gov.kz/")
    assert kept[0] == 200 and robots[0] == 200


def test_a_search_lists_the_pages_holding_the_word_and_keeps_the_query() -> None:
    site = load_site("altynkol")
    word = "вакансии"
    expected = [r["path"] for r in site.search_index()["ru"] if word in r["text"].lower() or word in r["title"].lower()]
    ((status, _, html), (_, _, nothing)) = asyncio.run(
        _visits(
            site, "www.altynkol.gov.kz", [("GET", f"/ru/search?q={quote(word)}", None), ("GET", "/ru/search?q=", None)]
        )
    )
    assert status == 200 and expected
    assert f"«{word}»: {len(expected)}" in html and f'value="{word}"' in html
    assert all(f'href="{path}"' in html for path in expected)
    assert "<p>—</p>" in nothing


def test_a_form_sent_wrong_says_so_and_keeps_what_was_written() -> None:
    site = load_site("altynkol")
    wrong, right = asyncio.run(
        _visits(
            site,
            "www.altynkol.gov.kz",
            [
                ("POST", "/ru/feedback", {"name": "Асель <А.>", "email": "not-an-address", "text": ""}),
                ("POST", "/ru/feedback", {"name": "Асель", "email": "a@mail.kz", "text": "Вопрос"}),
            ],
        )
    )
    assert wrong[0] == 200 and 'role="alert"' in wrong[2] and 'aria-describedby="email-error"' in wrong[2]
    assert 'value="Асель &lt;А.&gt;"' in wrong[2] and 'value="not-an-address"' in wrong[2]
    assert 'aria-describedby="name-error"' not in wrong[2] and "{{" not in wrong[2]
    assert "Ваш вопрос принят" in right[2] and 'role="alert"' not in right[2]


async def _spa() -> dict[str, Any]:
    site = load_site("archives")
    index = site.search_index()
    out: dict[str, Any] = {}
    async with TestClient(TestServer(host_app(site, site.hosts[0]))) as client:
        out["robots"] = await (await client.get("/robots.txt")).text()
        out["sitemap"] = await (await client.get("/sitemap.xml")).text()
        out["shells"] = {}
        out["api"] = {}
        for lang in LANGS:
            for row in index[lang]:
                answer = await client.get(row["path"])
                out["shells"][row["path"]] = (answer.status, await answer.text())
                answer = await client.get("/api/v1/page", params={"path": row["path"]})
                out["api"][row["path"]] = (row, json.loads(await answer.text()))
        answer = await client.get("/api/v1/search", params={"lang": "ru", "q": "архив"})
        out["search"] = json.loads(await answer.text())
        answer = await client.post("/api/v1/appeal", json={"lang": "ru", "email": "x"})
        out["appeal"] = (answer.status, json.loads(await answer.text()))
    return out


def test_the_javascript_site_serves_a_shell_its_api_fills() -> None:
    spa = asyncio.run(_spa())
    assert "Sitemap: /sitemap.xml" in spa["robots"]  # relative, as many real sites write it
    for path, (status, html) in spa["shells"].items():
        assert status == 200 and '<div id="app"></div>' in html and "<noscript>" in html
        assert f"https://www.archives.gov.kz{path}</loc>" in spa["sitemap"]
        assert "data-block" not in html  # no content in what the server sends
    for path, (row, data) in spa["api"].items():
        assert data["title"] == row["title"] and data["html"], path
    assert spa["search"]["query"] == "архив" and spa["search"]["results"]
    status, answer = spa["appeal"]
    assert status == 422 and set(answer["errors"]) == {"name", "email", "text"}


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


def test_the_script_built_menu_names_only_pages_that_answer() -> None:
    """kalalar draws its menus from JSON: a link crawl does not see them, so each menu entry is asked here."""
    site = load_site("kalalar")
    menus = {
        lang: json.loads((site.root / site.host / f"static/menu-{lang}.json").read_text()) for lang in ("kk", "ru")
    }
    answers = asyncio.run(
        _visits(site, site.host, [("GET", item["url"], None) for items in menus.values() for item in items])
    )
    assert len(answers) > 20 and all(status == 200 for status, _, _ in answers)
    shell = (site.root / site.host / "kk/about/contacts.html").read_text(encoding="utf-8")
    assert '<nav id="nav" data-menu="/static/menu-kk.json"></nav>' in shell  # no link in what the server sends


def test_the_splash_and_the_switch_of_the_site_whose_languages_differ_in_structure() -> None:
    site = load_site("kokzhiek")
    (splash, _, html), (kk_home, _, _) = asyncio.run(
        _visits(site, site.host, [("GET", "/", None), ("GET", "/kz/", None)])
    )
    assert splash == 200 and 'href="/kz/"' in html and 'href="/ru/"' in html and kk_home == 200
    ru = (site.root / site.host / "ru/akimat/contacts.html").read_text(encoding="utf-8")
    assert 'class="lang" href="/kz/"' in ru  # the Kazakh twin of a Russian page is its home page
    truth = {(v["item"], v["lang"]): v for v in site.truth()}
    assert truth[("A14-2.9", "-")]["status"] == "partial" and truth[("A14-2.11", "-")]["status"] == "fail"


def test_content_hidden_at_phone_width_is_missing_from_the_mobile_verdict_only() -> None:
    site = load_site("akzhaiyk")
    css = (site.root / site.host / "bitrix/templates/akimat_2021/template_styles.css").read_text(encoding="utf-8")
    page = (site.root / site.host / "ru/reception/index.html").read_text(encoding="utf-8")
    assert "@media (max-width:767px){.hide-phone{display:none}" in css
    assert '<section class="block hide-phone"><h2>График приема граждан</h2>' in page
    truth = {(v["item"], v["lang"]): v for v in site.truth()}
    assert "hidden by the style sheet at phone width" in truth[("A16-1.5-mio", "ru")]["reason"]
    assert "график приема" not in truth[("A15-1.11", "ru")]["reason"]  # present on the full pages


def test_a_scanned_download_is_a_picture_of_a_page_with_no_text() -> None:
    """sushar lists reports as scans: the file behind a ``-scan.pdf`` link holds an image and no text to select."""
    site = load_site("sushar")
    page = (site.root / site.host / "ru/budget.html").read_text(encoding="utf-8")
    assert 'href="/files/ispolnenie-byudzheta-9m-2026-scan.pdf"' in page
    scan, kind = file_bytes("ispolnenie-byudzheta-9m-2026-scan.pdf")
    text, _ = file_bytes("konsolidirovannaya-otchetnost-2025.pdf")
    assert kind == "application/pdf" and scan.startswith(b"%PDF-")
    assert b"/Subtype /Image" in scan and b"/Font" not in scan and b" Tj" not in scan
    assert b"/Font" in text and b" Tj" in text


def test_each_language_of_baiterek_is_a_host_and_its_news_a_feed_a_script_pages_through() -> None:
    """The news list is empty in the HTML; the script reads /api/news page by page until ``next`` is null."""
    site = load_site("baiterek")
    (www,) = asyncio.run(_visits(site, "www.baiterek.gov.kz", [("GET", "/", None)]))
    assert www[:2] == (302, "https://kk.baiterek.gov.kz/")
    for lang in ("kk", "ru"):
        host = f"{lang}.baiterek.gov.kz"
        news = (site.root / host / "news.html").read_text(encoding="utf-8")
        assert f'data-src="/api/news?page=1&amp;lang={lang}"' in news and 'href="/news/' not in news
        target: str | None = f"/api/news?page=1&lang={lang}"
        items: list[str] = []
        while target:
            ((status, _, text),) = asyncio.run(_visits(site, host, [("GET", target, None)]))
            assert status == 200
            feed = json.loads(text)
            items += [item["url"] for item in feed["items"]]
            target = feed["next"]
        answers = asyncio.run(_visits(site, host, [("GET", url, None) for url in items]))
        assert len(items) == 12 and all(a[0] == 200 and f'<html lang="{lang}">' in a[2] for a in answers)
        contacts = (site.root / host / "akimat/contacts.html").read_text(encoding="utf-8")
        other = "ru" if lang == "kk" else "kk"
        assert f'href="https://{other}.baiterek.gov.kz/akimat/contacts"' in contacts  # the switch keeps the page


def test_the_overlay_widget_is_added_by_a_script_not_served_in_the_page() -> None:
    site = load_site("tutynushy")
    page = (site.root / site.host / "kaz/baylanys.html").read_text(encoding="utf-8")
    widget = (site.root / site.host / "widget/a11y.js").read_text(encoding="utf-8")
    assert '<script src="/widget/a11y.js" async></script>' in page and "a11y-fab" not in page
    assert "createElement('div')" in widget and "tabindex" not in widget and "role" not in widget
    truth = {(v["item"], v["lang"]): v for v in site.truth()}
    assert truth[("A14-3.3", "-")]["status"] == "fail" and truth[("A14-3.6", "-")]["status"] == "fail"


def test_an_aspnet_list_pages_by_postback_only() -> None:
    """zhersu's acts' list: page 2 is no address; the page's script posts __EVENTTARGET and __EVENTARGUMENT back."""
    site = load_site("zhersu")
    back = {"__EVENTTARGET": "ctl00$MainContent$gvDocs", "__EVENTARGUMENT": "Page$2", "__VIEWSTATE": "x"}
    first, second, unknown = asyncio.run(
        _visits(
            site,
            site.host,
            [
                ("GET", "/Docs.aspx?cat=1&lang=kk", None),
                ("POST", "/Docs.aspx?cat=1&lang=kk", back),
                ("POST", "/Docs.aspx?cat=1&lang=kk", {**back, "__EVENTARGUMENT": "Page$9"}),
            ],
        )
    )
    assert "__doPostBack('ctl00$MainContent$gvDocs','Page$2')" in first[2] and 'name="__VIEWSTATE"' in first[2]
    assert "№ 112" in first[2] and "№ 63" not in first[2]
    assert second[0] == 200 and "№ 63" in second[2] and "№ 112" not in second[2]
    assert unknown[0] == 200 and unknown[2] == first[2]  # a page the list does not have: the page as it was


def test_a_host_whose_language_is_the_sessions_answers_in_the_one_chosen_last() -> None:
    """orman keeps kk and ru at the same addresses: ?lang= sets a cookie, every later page comes in that language."""
    site = load_site("orman")

    async def visit() -> list[tuple[int, str, str]]:
        out = []
        async with TestClient(TestServer(host_app(site, site.hosts[0]))) as client:
            for target in (
                "/contacts",
                "/contacts?lang=ru",
                "/about/",
                "/search?q=лес",
                "/?lang=en",
                "/about/",
                "/robots.txt",
            ):
                answer = await client.get(target)
                out.append((answer.status, answer.headers.get("Set-Cookie", ""), await answer.text()))
        return out

    kk, ru, ru_later, search, en, en_later, robots = asyncio.run(visit())
    assert '<html lang="kk">' in kk[2] and not kk[1]
    assert '<html lang="ru">' in ru[2] and "site_lang=ru" in ru[1] and 'href="?lang=kk"' in ru[2]
    assert '<html lang="ru">' in ru_later[2] and "О комитете" in ru_later[2]
    assert "Найдено" in search[2] and 'value="лес"' in search[2]
    assert '<html lang="en">' in en[2] and "site_lang=en" in en[1]
    assert '<html lang="kk">' in en_later[2]  # English has a home page only: the rest in the default language
    assert all(status == 200 for status, _, _ in (kk, ru, ru_later, search, en, en_later, robots))


def test_the_landing_pages_register_is_an_iframe_of_the_documents_host() -> None:
    """aqbulaq: the acts are in a register the landing page embeds (no link names it); images load from data-src."""
    site = load_site("aqbulaq")
    landing = (site.root / site.host / "kk/index.html").read_text(encoding="utf-8")
    assert '<iframe class="t-iframe" src="https://docs.aqbulaq.gov.kz/register?lang=kk"' in landing
    assert 'href="https://docs.aqbulaq.gov.kz/register' not in landing
    assert 'data-src="/img/photo-akim.png"' in landing and 'src="data:image/gif;base64,' in landing
    assert '<div class="t-tabs__item" data-tab-rec="city-1" onclick="t_tabs_show(this)">' in landing
    (register,) = asyncio.run(_visits(site, "docs.aqbulaq.gov.kz", [("GET", "/register?lang=kk", None)]))
    assert register[0] == 200 and 'href="/act?id=2026-418&amp;lang=kk"' in register[2]


def test_a_joomla_like_site_answers_by_query_and_its_site_map_names_an_unpublished_article() -> None:
    """ertis: every page is /index.php with a query; the language switch goes to the other home page; the site
    map still lists an article Joomla no longer publishes (404); the search keeps what was asked."""
    site = load_site("ertis")
    kk_contacts = "/index.php?option=com_content&view=article&id=14&Itemid=124&lang=kk"
    site_map = "/index.php?option=com_xmap&view=html&id=1&Itemid=190&lang=kk"
    dead = "/index.php?option=com_content&view=article&id=77&Itemid=140&lang=kk"
    search = "/index.php?option=com_search&lang=ru&searchword=" + quote("бюджет")
    older = "/index.php?option=com_content&view=category&layout=blog&id=8&Itemid=110&lang=kk&start=10"
    contacts, smap, gone, found, page_two = asyncio.run(
        _visits(site, site.host, [("GET", target, None) for target in (kk_contacts, site_map, dead, search, older)])
    )
    assert contacts[0] == 200 and 'href="/index.php?lang=ru"' in contacts[2]  # no article association
    assert smap[0] == 200 and unescape(dead) in unescape(smap[2]) and gone[0] == 404
    assert found[0] == 200 and 'value="бюджет"' in found[2] and "searchphrase" in found[2]
    assert page_two[0] == 200 and "&amp;start=10" not in page_two[2].split('class="pagination"')[0]
    assert page_two[2].count('class="item"') == 2


def test_a_server_rendered_script_site_carries_its_data_and_grows_its_news_from_json() -> None:
    """kartalau: each page is full HTML with its data in __NEXT_DATA__; the news list shows four items and a
    div whose click fetches the next JSON page, until ``next`` is null; documents open in a viewer page."""
    site = load_site("kartalau")
    ((status, _, news),) = asyncio.run(_visits(site, site.host, [("GET", "/ru/press/news", None)]))
    data = json.loads(re.search(r'<script id="__NEXT_DATA__" type="application/json">(.*?)</script>', news).group(1))
    assert status == 200 and data["props"]["pageProps"]["title"] == "Новости" and data["locale"] == "ru"
    assert news.count('href="/ru/press/news/') == 4 and '<div class="load-more btn" onclick="loadMore(this)"' in news
    target: str | None = "/api/news?locale=ru&page=2"
    urls: list[str] = []
    while target:
        ((code, _, text),) = asyncio.run(_visits(site, site.host, [("GET", target, None)]))
        assert code == 200
        feed = json.loads(text)
        urls += [item["url"] for item in feed["items"]]
        target = feed["next"]
    answers = asyncio.run(_visits(site, site.host, [("GET", url, None) for url in urls]))
    assert len(urls) == 5 and all(a[0] == 200 for a in answers)
    ((code, _, viewer),) = asyncio.run(_visits(site, site.host, [("GET", "/kk/viewer?doc=prikaz-118", None)]))
    assert code == 200 and '<iframe src="/media/prikaz-118-kk.pdf"' in viewer and "КБ" not in viewer.split("<main")[1]


def test_the_latin_script_kazakh_pages_are_a_partial_copy_and_the_truth_rests_on_the_cyrillic_ones() -> None:
    """beskainar offers Kazakh in Cyrillic (/kk/) and in Latin script (/qq/), both lang="kk": the Latin copy is eight
    pages, so the Kazakh verdicts name /kk/ pages only."""
    site = load_site("beskainar")
    root = site.root / site.host
    latin = sorted((root / "qq" / "pages").glob("*.html"))
    cyrillic = sorted((root / "kk" / "pages").glob("*.html"))
    assert 0 < len(latin) < len(cyrillic)
    for path in latin:
        html = path.read_text(encoding="utf-8")
        main = html.split('<div class="content">')[1].split("</main>")[0]
        assert '<html lang="kk">' in html and not re.search("[а-яәғқңөұүһі]", re.sub(r"<[^>]+>", "", main).lower())
    for verdict in site.truth():
        if verdict["lang"] == "kk":
            assert all(not w.startswith("/qq/") for w in verdict["where"]), verdict["item"]


def test_a_public_prefix_serves_files_whose_names_start_with_an_underscore_and_nothing_else() -> None:
    """A framework keeps its assets under ``/_next/``: the host's ``public`` prefix serves them by name, while the
    folders of answers no address names (``_forms/``, ``_errors/``, ``_search/``) stay unserved."""
    site = load_site("kartalau")
    css, form, search = asyncio.run(
        _visits(
            site,
            site.host,
            [
                ("GET", "/_next/static/css/8f2a1c.css", None),
                ("GET", "/_forms/feedback-kk/sent.html", None),
                ("GET", "/_search/kk.html", None),
            ],
        )
    )
    assert css[0] == 200 and "box-sizing" in css[2]
    assert form[0] == 404 and search[0] == 404
    spec = dict(site.hosts[0])
    spec.pop("public")
    (without,) = asyncio.run(
        _visits(
            SiteFolder(site.id, site.root, {**site.data, "hosts": [spec]}),
            site.host,
            [("GET", "/_next/static/css/8f2a1c.css", None)],
        )
    )
    assert without[0] == 404


def test_a_host_kept_in_windows_1251_sends_its_pages_and_what_it_makes_in_that_encoding() -> None:
    """sarybel is a 2000s portal: its pages are windows-1251, declared in a meta tag and in the answer's header, the
    Kazakh letters the encoding lacks written as numeric references; its search's and forms' answers come alike."""
    site = load_site("sarybel")
    query = "қызмет"
    page, found, sent = asyncio.run(
        _visits(
            site,
            site.host,
            [
                ("GET", "/page.php?id=5&lang=kz", None),
                ("GET", f"/search.php?lang=kz&q={quote(query)}", None),
                ("POST", "/priem.php?lang=kz", {"fio": "Әлия", "email": "x", "tekst": ""}),
            ],
        )
    )
    raw = (site.root / site.host / "page.php@id=5&lang=kz.html").read_bytes()
    assert raw.decode("cp1251") == page[2] and b"charset=windows-1251" in raw
    assert "Сарыбел ауданыны&#1187; &#1241;кімдігі" in page[2]  # ң and ә are not in windows-1251
    assert found[0] == 200 and "«&#1179;ызмет»" in found[2]  # the query as the page shows it
    assert '<li><a href="/page.php?id=12&lang=kz">Мемлекеттік &#1179;ызметтер</a></li>' in found[2]
    assert sent[0] == 200 and 'value="&#1240;лия"' in sent[2] and "E-mail" in sent[2]


def test_the_encoding_a_host_declares_is_the_one_its_answers_carry() -> None:
    site = load_site("sarybel")
    spec = site.hosts[0]

    async def content_types(spec: dict[str, Any], targets: tuple[str, ...]) -> list[str]:
        async with TestClient(TestServer(host_app(site, spec))) as client:
            return [(await client.get(target)).headers["Content-Type"] for target in targets]

    targets = ("/page.php?id=5", "/search.php?q=" + quote("бюджет"))
    assert asyncio.run(content_types(spec, targets)) == ["text/html; charset=windows-1251"] * 2
    plain = {k: v for k, v in spec.items() if k != "charset"}  # the other hosts: UTF-8, as before
    assert asyncio.run(content_types(plain, targets[:1])) == ["text/html; charset=utf-8"]


def test_a_documents_register_host_searches_its_own_part_of_the_index() -> None:
    """qanat keeps its acts on docs.qanat.gov.kz, which the site only links: the register's search (``index``) reads the
    documents, not the site's pages, and its home without a query is the register's list."""
    site = load_site("qanat")
    word = quote("наземного")
    found, listed, site_search = asyncio.run(
        _visits(
            site, "docs.qanat.gov.kz", [("GET", f"/?q={word}", None), ("GET", "/", None), ("GET", "/?lang=kk", None)]
        )
    )
    assert found[0] == 200 and "Найдено документов: 2" in found[2]
    assert 'href="/doc/prikaz-2026-188?lang=ru"' in found[2] and 'href="/ru/' not in found[2].split("<main")[1]
    assert listed[0] == 200 and "Найдено" not in listed[2] and 'href="/doc/prikaz-2019-560?lang=ru"' in listed[2]
    assert site_search[0] == 200 and '<html lang="kk">' in site_search[2]


def test_a_hash_routed_site_answers_one_shell_and_the_fragments_its_script_draws() -> None:
    """kolik: the server knows no route; it answers the shell at '/', and the script fetches /partials/<route>.html
    for the part after '#!'. A route with no fragment is a 404 the script draws as «not found» inside the 200 shell."""
    site = load_site("kolik")

    async def visit() -> dict[str, Any]:
        out: dict[str, Any] = {}
        async with TestClient(TestServer(host_app(site, site.hosts[0]))) as client:
            for name, target in (
                ("shell", "/"),
                ("old", "/ru/"),
                ("nav", "/partials/ru/nav.html"),
                ("page", "/partials/ru/komitet.html"),
                ("gone", "/partials/kk/qujattar/muragat.html"),
                ("script", "/static/app.js"),
            ):
                answer = await client.get(target, allow_redirects=False)
                out[name] = (answer.status, answer.headers.get("Location", ""), await answer.text())
            answer = await client.get("/api/search", params={"lang": "ru", "q": "тахограф"})
            out["search"] = json.loads(await answer.text())
            answer = await client.post("/api/appeal", json={"lang": "kk", "email": "x"})
            out["appeal"] = (answer.status, json.loads(await answer.text()))
        return out

    out = asyncio.run(visit())
    shell = out["shell"][2]
    assert out["shell"][0] == 200 and '<main id="view"' in shell and "<h1>" not in shell
    assert out["old"][:2] == (302, "/#!/ru/")
    assert 'class="lang-switch"' in out["nav"][2] and 'href="#!/ru/komitet"' in out["nav"][2]
    assert out["page"][0] == 200 and "<h1>О комитете</h1>" in out["page"][2] and "<html" not in out["page"][2]
    kk_map = (site.root / site.host / "partials/kk/sayt-kartasy.html").read_text(encoding="utf-8")
    assert 'href="#!/kk/qujattar/muragat"' in kk_map and out["gone"][0] == 404
    assert "Бет табылмады" in out["script"][2] and '"/partials" + r.path' in out["script"][2]
    assert "/#!/ru/saualdar" in [row["path"] for row in out["search"]["results"]]
    status, answer = out["appeal"]
    assert status == 422 and set(answer["errors"]) == {"name", "email", "text"}


@pytest.mark.browser
def test_the_hash_routed_site_draws_its_routes_and_keeps_the_route_across_the_language_switch_in_chromium() -> None:
    from ashyq_replica.core import World
    from ashyq_replica.server import start_world
    from playwright.sync_api import sync_playwright

    from ashyq.net.browser import CHROMIUM, CHROMIUM_ARGS

    heading = "document.querySelector('main h1') && document.querySelector('main h1').textContent === '{}'"
    with start_world(World(seed="outside-browser"), outside=True) as served, sync_playwright() as p:
        base = served.urls["https://www.kolik.gov.kz"]
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(base + "/")
            page.wait_for_function(heading.format("Көлік комитеті"))
            assert page.url.endswith("/#!/kk/")
            page.click("nav .menu >> text=Кадрлар")
            page.wait_for_function(heading.format("Кадрлар"))
            page.click("a.lang-switch")
            page.wait_for_function(heading.format("Вакансии"))
            assert page.url.endswith("/#!/ru/kadr") and page.evaluate("document.documentElement.lang") == "ru"
            page.goto(base + "/#!/kk/qujattar/muragat")
            page.wait_for_function(heading.format("Бет табылмады"))
        finally:
            browser.close()


def test_a_live_component_is_answered_per_snapshot_and_call(tmp_path: Any) -> None:
    """``live``: a Livewire-like page's script posts the component's snapshot and what it calls (or which bound property
    changed); the answer is the one kept for the snapshot's memo id and that call, anything else a 404."""
    root = tmp_path / "www.example.gov.kz"
    kept = {"snapshot": json.dumps({"memo": {"id": "news-p2"}}), "effects": {"html": "<div>Page 2</div>"}}
    for name in ("nextPage", "year=2025", "show-12"):
        (root / "_live" / "news-p1").mkdir(parents=True, exist_ok=True)
        (root / "_live" / "news-p1" / f"{name}.json").write_text(json.dumps(kept), encoding="utf-8")
    spec = {"host": "www.example.gov.kz", "live": [{"path": "/livewire/update", "folder": "_live"}]}
    site = SiteFolder("example", tmp_path, {"kind": "mio", "hosts": [spec]})
    snapshot = json.dumps({"memo": {"id": "news-p1"}, "data": {"page": 1}})

    async def post(body: Any) -> tuple[int, str]:
        async with TestClient(TestServer(host_app(site, spec))) as client:
            answer = await client.post("/livewire/update", json=body)
            return answer.status, await answer.text()

    def component(**parts: Any) -> dict[str, Any]:
        return {"components": [{"snapshot": snapshot, "updates": {}, "calls": [], **parts}]}

    status, text = asyncio.run(post(component(calls=[{"method": "nextPage", "params": []}])))
    assert status == 200 and json.loads(text)["components"] == [kept]
    assert asyncio.run(post(component(calls=[{"method": "show", "params": [12]}])))[0] == 200
    assert asyncio.run(post(component(updates={"year": "2025"})))[0] == 200
    assert asyncio.run(post(component(calls=[{"method": "gotoPage", "params": [9]}])))[0] == 404
    assert asyncio.run(post(component(updates={"year": "../x"})))[0] == 404
    assert asyncio.run(post({"components": [{"snapshot": "not json"}]}))[0] == 404
    assert asyncio.run(post("nothing"))[0] == 404
    assert asyncio.run(post({"components": [{"snapshot": snapshot, "calls": [{"method": "nextPage"}]}]}))[0] == 200


def test_a_grid_read_is_answered_per_page_of_the_json_it_posts(tmp_path: Any) -> None:
    """``post_json``: a Kendo-like grid's script posts ``{"page", "pageSize", "sort", "filter"}`` as JSON to its read
    address (here one chosen by its query as well); the answer is the file kept for the page asked, anything else a
    404."""
    root = tmp_path / "www.example.gov.kz"
    (root / "_grid" / "kk-npa").mkdir(parents=True)
    for n in (1, 2):
        body = {"Data": [{"Id": n, "Date": "/Date(1763596800000)/"}], "Total": 12}
        (root / "_grid" / "kk-npa" / f"page-{n}.json").write_text(json.dumps(body), encoding="utf-8")
    rule = {"path": "/kk/Documents/Read", "query": {"category": "npa"}, "folder": "_grid/kk-npa"}
    spec = {"host": "www.example.gov.kz", "post_json": [rule]}
    site = SiteFolder("example", tmp_path, {"kind": "cgo", "hosts": [spec]})

    async def post(target: str, body: Any) -> tuple[int, Any]:
        async with TestClient(TestServer(host_app(site, spec))) as client:
            answer = await client.post(target, json=body)
            text = await answer.text()
            return answer.status, json.loads(text) if answer.status == 200 else text

    request = {"page": 2, "pageSize": 10, "sort": [], "filter": None}
    status, answer = asyncio.run(post("/kk/Documents/Read?category=npa", request))
    assert status == 200 and answer["Data"][0]["Id"] == 2 and answer["Total"] == 12
    assert asyncio.run(post("/kk/Documents/Read?category=npa", {"pageSize": 10}))[1]["Data"][0]["Id"] == 1
    assert asyncio.run(post("/kk/Documents/Read?category=npa", {"page": 3}))[0] == 404
    assert asyncio.run(post("/kk/Documents/Read?category=npa", {"page": "../x"}))[0] == 404
    assert asyncio.run(post("/kk/Documents/Read?category=npa", ["page", 1]))[0] == 404
    assert asyncio.run(post("/kk/Documents/Read?category=stat", request))[0] == 404

    async def get() -> int:
        async with TestClient(TestServer(host_app(site, spec))) as client:
            return (await client.get("/kk/Documents/Read?category=npa")).status

    assert asyncio.run(get()) == 404


def test_a_graphql_endpoint_answers_per_operation_and_variables_and_errors_otherwise(tmp_path: Any) -> None:
    """``graphql``: a headless CMS's script posts ``{"operationName", "query", "variables"}``; the answer is the file
    kept for the operation and its variables (a null one left out), a search runs over ``search.yaml``, a ``fixed``
    mutation answers alike whatever it sends, and anything else is a GraphQL error: «Not found» for variables with
    nothing kept, a 400 for an operation its query does not define or the server does not know, a body that is no JSON,
    a GET."""
    root = tmp_path / "www.example.gov.kz"
    for name, data in (
        ("Route/index@uri=%2Fkk%2Fabout.json", {"nodeByUri": {"title": "Біз туралы"}}),
        ("NewsList/index@after=Y3Vyc29yOjc&first=8&lang=KK.json", {"news": {"edges": [], "pageInfo": {}}}),
        ("Send/index.json", {"send": {"ok": True}}),
    ):
        (root / "_graphql" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "_graphql" / name).write_text(json.dumps({"data": data}), encoding="utf-8")
    (tmp_path / "search.yaml").write_text(
        "kk:\n- {path: /kk/about, title: Біз туралы, text: <p>Агенттік туралы</p>}\nru: []\n", encoding="utf-8"
    )
    rule = {
        "path": "/graphql",
        "folder": "_graphql",
        "search": {"operation": "Find", "text": "text", "lang": "lang", "field": "search"},
        "fixed": ["Send"],
    }
    spec = {"host": "www.example.gov.kz", "graphql": rule}
    site = SiteFolder("example", tmp_path, {"kind": "cgo", "hosts": [spec]})

    def ask(operation: str, variables: Any, query: str | None = None) -> dict[str, Any]:
        return {
            "operationName": operation,
            "query": query or f"query {operation}($x: ID) {{ x }}",
            "variables": variables,
        }

    async def post(body: Any) -> tuple[int, Any]:
        async with TestClient(TestServer(host_app(site, spec))) as client:
            answer = await (client.post("/graphql", json=body) if body is not None else client.get("/graphql"))
            return answer.status, json.loads(await answer.text())

    status, answer = asyncio.run(post(ask("Route", {"uri": "/kk/about"})))
    assert status == 200 and answer["data"]["nodeByUri"]["title"] == "Біз туралы"
    status, answer = asyncio.run(post(ask("NewsList", {"lang": "KK", "first": 8, "after": "Y3Vyc29yOjc", "x": None})))
    assert status == 200 and "news" in answer["data"]
    status, answer = asyncio.run(post(ask("Find", {"lang": "KK", "text": "агенттік"})))
    assert answer["data"]["search"] == {"total": 1, "nodes": [{"title": "Біз туралы", "uri": "/kk/about"}]}
    status, answer = asyncio.run(post(ask("Send", {"input": {"name": "Әсет", "text": "Сұрақ"}}, "mutation Send { x }")))
    assert status == 200 and answer["data"]["send"]["ok"] is True
    status, answer = asyncio.run(post(ask("Route", {"uri": "/kk/missing"})))
    assert status == 200 and answer["data"] is None and answer["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    for body in (ask("Route", {"uri": "/kk/about"}, "query Other { x }"), ask("Menu", {}), ask("../x", {}), ["Route"]):
        status, answer = asyncio.run(post(body))
        assert status == 400 and answer["errors"][0]["message"], body
    status, answer = asyncio.run(post(None))
    assert status == 400 and answer["errors"]


def test_the_graphql_site_sends_an_empty_shell_and_draws_every_route_from_its_api() -> None:
    """suranys: every /kk/… and /ru/… address is the same shell with no content; its script posts to /graphql for the
    menu and the node at the address; a route the CMS lacks (two Kazakh menu items) is a «Not found» error the script
    draws as «Бет табылмады» inside the 200 shell; there is no JSON to GET."""
    site = load_site("suranys")
    spec = site.hosts[0]
    menu = json.loads((site.root / site.host / "_graphql/Menu/index@lang=KK.json").read_text(encoding="utf-8"))
    uris = [c["uri"] for item in menu["data"]["menu"]["items"] for c in [item, *item["children"]]]

    async def visit() -> dict[str, Any]:
        out: dict[str, Any] = {"routes": {}}
        async with TestClient(TestServer(host_app(site, spec))) as client:
            out["shell"] = await (await client.get("/ru/agentstvo/rukovodstvo")).text()
            out["root"] = (await client.get("/", allow_redirects=False)).headers.get("Location")
            out["get"] = (await client.get("/graphql")).status
            out["script"] = await (await client.get("/static/js/app.js")).text()
            for uri in uris:
                shell = await client.get(uri)
                body = {
                    "operationName": "Route",
                    "query": "query Route($uri: String!) { x }",
                    "variables": {"uri": uri},
                }
                answer = await (await client.post("/graphql", json=body)).json()
                out["routes"][uri] = (shell.status, answer)
        return out

    out = asyncio.run(visit())
    assert out["root"] == "/kk/" and out["get"] == 400
    assert '<div id="root"></div>' in out["shell"] and "<noscript>" in out["shell"] and "<h1" not in out["shell"]
    assert "fetch(API, {" in out["script"] and 'method: "POST"' in out["script"] and "Бет табылмады" in out["script"]
    missing = sorted(u for u, (_, answer) in out["routes"].items() if answer["data"] is None)
    assert missing == ["/kk/agenttik/aumaqtyq-bolimsheler", "/kk/zhasyl-ekonomika"]
    assert all(status == 200 for status, _ in out["routes"].values())


ASSET = re.compile(r"<(?:link\b[^>]*\brel=\"stylesheet\"[^>]*\bhref|script\b[^>]*\bsrc)=\"(/[^\"#]*)\"", re.I)


@pytest.mark.parametrize("site", SITES, ids=lambda s: s.id)
def test_every_style_sheet_and_script_a_page_asks_for_is_served(site: SiteFolder) -> None:
    """A page's own style sheet or script, asked for under its address and query (``app.css?v=2.4.1``), is a file of
    the host's folder (``app.css@v=2.4.1.css``): a browser reading the page without them reads another site."""
    for host in site.hosts:
        root = site.root / host["host"]
        made = tuple(host.get("generated", {}))
        asked: set[str] = set()
        for page in root.rglob("*.html"):
            asked.update(ASSET.findall(page.read_text(encoding=host.get("charset", "utf-8"), errors="replace")))
        for address in sorted(a for a in asked if not a.startswith("//")):  # not another host's
            parts = urlsplit(address)
            if parts.path.startswith(made):
                continue
            query = dict(q.split("=", 1) if "=" in q else (q, "") for q in parts.query.split("&") if q)
            name = file_name(unquote(parts.path), query)
            suffix = re.search(r"\.\w+$", parts.path)
            candidates = [name, name + (suffix.group(0) if suffix else "")]
            assert any((root / c).is_file() for c in candidates), (site.id, host["host"], address)


def test_a_front_checks_the_browser_first_and_keeps_each_clients_pace() -> None:
    """qorgau sits behind an anti-DDoS front (``challenge``, ``rate_limit``): without the clearance cookie every address
    but robots.txt answers the 503 interstitial, pages and documents alike; its script's token (computed here apart)
    opens the site, a wrong one does not; more than five requests in a second answer 429 with Retry-After, and after
    waiting that long the client is served again."""
    site = load_site("qorgau")
    spec = site.hosts[0]
    pace = Pace()

    async def visit() -> dict[str, Any]:
        out: dict[str, Any] = {}
        async with TestClient(TestServer(host_app(site, spec, pace))) as client:

            async def get(target: str) -> tuple[int, dict[str, str], str]:
                answer = await client.get(target, allow_redirects=False)
                return answer.status, dict(answer.headers), await answer.text(errors="replace")

            out["page"] = await get("/kk/byudzhet")
            out["file"] = await get("/files/kk/byudzhet-atqaryluy-01-07-2026.xlsx")
            out["robots"] = await get("/robots.txt")
            client.session.cookie_jar.update_cookies({"qg_clearance": "0000000000000000.00000000"})
            out["forged"] = await get("/kk/byudzhet")
            pace.now += 1
            client.session.cookie_jar.update_cookies(dict([solve_challenge(out["page"][2])]))
            out["cleared"] = [await get(t) for t in ("/kk/byudzhet", "/files/kk/byudzhet-atqaryluy-01-07-2026.xlsx")]
            out["burst"] = [await get("/ru/byudzhet") for _ in range(4)]
            out["style"] = await get("/static/css/site.css?v=4.1")
            pace.now += int(out["burst"][-1][1]["Retry-After"])
            out["later"] = await get("/ru/byudzhet")
        return out

    out = asyncio.run(visit())
    status, headers, page = out["page"]
    assert status == 503 and "Проверка вашего браузера" in page and "location.reload()" in page and "486,3" not in page
    assert "no-store" in headers["Cache-Control"] and out["file"][0] == 503 and "Проверка" in out["file"][2]
    assert out["robots"][0] == 200 and "Crawl-delay: 1" in out["robots"][2] and "Disallow: /admin/" in out["robots"][2]
    assert out["forged"][0] == 503
    (page_status, _, text), (file_status, file_headers, _) = out["cleared"]
    assert page_status == 200 and "486,3 млн теңге" in text and file_status == 200
    assert "spreadsheetml" in file_headers["Content-Type"]
    assert [status for status, _, _ in out["burst"]] == [200, 200, 200, 429]  # the sixth request within the second
    assert out["burst"][-1][1]["Retry-After"] == "1" and "429" in out["burst"][-1][2]
    assert out["style"][0] == 200  # the template's static files are not counted
    assert out["later"][0] == 200


def test_a_rate_limit_counts_each_client_apart_and_serves_one_that_waited() -> None:
    now = [0.0]
    limit = RateLimit(5, 1.0, lambda: now[0])
    assert [limit.wait("10.0.0.1") for _ in range(6)] == [0, 0, 0, 0, 0, 1]
    assert limit.wait("10.0.0.2") == 0  # another client has its own count
    now[0] = 0.5
    assert limit.wait("10.0.0.1") == 1  # refused requests are not counted: the oldest leaves at 1.0
    now[0] = 1.0
    assert limit.wait("10.0.0.1") == 0
