"""Fast checks of the crawler's pure parts: URLs, traps, page reading, the guard, settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from scrapy import Request
from scrapy.settings import Settings

from ashyq.crawler.middlewares.failures import RefusedRequest
from ashyq.crawler.middlewares.guard import AddressGuardMiddleware
from ashyq.crawler.middlewares.traps import SECTION_LINK, TrapLimitsMiddleware, canonical_url
from ashyq.crawler.render import RenderSettings, RenderTarget
from ashyq.crawler.sections import section_named
from ashyq.crawler.settings import build_settings
from ashyq.crawler.spiders.site import SiteSpider
from ashyq.crawler.spiders.site_page import decode_html, lang_from_url, parse_page, scripted_part, sitemap_entries
from ashyq.net.crawl_config import CRAWL_CONFIG, CrawlConfig, load_crawl_config
from ashyq.net.urlmap import BaseUrlMap


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://WWW.Kostanay.GOV.kz:443/ru/news#top", "https://www.kostanay.gov.kz/ru/news"),
        ("https://iac.enbek.kz?lang=ru&b=2&a=1", "https://iac.enbek.kz/?a=1&b=2&lang=ru"),
        ("http://zqai.kz:8080/kz/", "http://zqai.kz:8080/kz/"),
        # a server's URL commands, written without a value, stay so (sorted like any other key)
        (
            "https://www.tughyr.gov.kz/portal.nsf/vwNewsKz?Start=21&OpenView",
            "https://www.tughyr.gov.kz/portal.nsf/vwNewsKz?OpenView&Start=21",
        ),
        ("https://a.kz/portal.nsf/0/ABC?OpenDocument#top", "https://a.kz/portal.nsf/0/ABC?OpenDocument"),
        ("https://a.kz/search?q=&page=2", "https://a.kz/search?page=2&q="),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


class _Crawler:
    """A crawler's settings and no stats (hashable and weakly referable, as a crawler is: the trap
    limits are kept per crawler)."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = Settings(settings)
        self.stats = None


def _crawler(**settings: Any) -> Any:
    return _Crawler(settings)


def test_trap_limits_cut_calendars_depth_and_page_count() -> None:
    traps = TrapLimitsMiddleware(
        _crawler(ASHYQ_MAX_PAGES=24, ASHYQ_MAX_DEPTH=3, ASHYQ_MAX_DATE_VARIANTS=4, ASHYQ_SECTION_RESERVE=0)
    )
    for month in range(1, 5):
        traps.process_request(Request(f"https://x.kz/ru/calendar?month=2026-{month:02d}"))
    with pytest.raises(RefusedRequest, match="repeated pattern") as cut:
        traps.process_request(Request("https://x.kz/ru/calendar?month=2026-05"))
    assert cut.value.reason == "trap"
    for page in range(1, 20):  # pagination is not a calendar
        traps.process_request(Request(f"https://x.kz/ru/news?page={page}"))
    with pytest.raises(RefusedRequest, match="deeper"):
        traps.process_request(Request("https://x.kz/deep", meta={"click_depth": 4}))
    traps.process_request(Request("https://x.kz/last"))
    with pytest.raises(RefusedRequest, match="page limit of 24"):
        traps.process_request(Request("https://x.kz/one-too-many"))
    traps.process_request(Request("https://x.kz/f.pdf", method="HEAD", meta={"ashyq_kind": "probe"}))


def test_the_page_limit_keeps_its_last_tenth_for_links_to_the_appendices_sections() -> None:
    traps = TrapLimitsMiddleware(_crawler(ASHYQ_MAX_PAGES=20))
    for page in range(18):  # 20 - 2 kept
        traps.process_request(Request(f"https://x.kz/ru/gallery/{page}"))
    with pytest.raises(RefusedRequest, match="for ordinary pages"):
        traps.process_request(Request("https://x.kz/ru/gallery/18"))
    for section in ("A15-1.7", "A15-1.10"):
        traps.process_request(Request(f"https://x.kz/ru/{section}", meta={SECTION_LINK: section}))
    with pytest.raises(RefusedRequest, match=r"page limit of 20 for this body reached$"):
        traps.process_request(Request("https://x.kz/ru/budget", meta={SECTION_LINK: "A15-1.6"}))


@pytest.mark.parametrize(
    ("label", "section"),
    [
        ("Мемлекеттік сатып алу", "A15-1.7"),
        ("Государственные закупки", "A15-1.7"),
        ("Бос орындар", "A15-1.10"),
        ("Вакансии", "A15-1.10"),
        ("Мемлекеттік рәміздер", "A15-1.1"),
        ("Фотогалерея", None),
        ("Басты бет", None),
        (None, None),
    ],
)
def test_a_link_label_naming_a_section_in_kk_or_ru(label: str | None, section: str | None) -> None:
    assert section_named(label) == section


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://10.0.0.5/", "private_address"),
        ("http://192.168.1.10/x", "private_address"),
        ("http://127.0.0.1:8080/", "private_address"),
        ("http://[::1]/", "private_address"),
        ("http://169.254.1.1/", "private_address"),
        ("http://[::ffff:169.254.169.254]/", "private_address"),
        ("http://100.64.0.1/", "private_address"),
        ("http://localhost./", "private_address"),
        ("file:///etc/hostname", "private_address"),
        ("ftp://ftp.example.kz/x", "offsite"),
        ("s3://bucket/key", "offsite"),
    ],
)
def test_guard_refuses_internal_addresses_outside_replica_mode(url: str, reason: str) -> None:
    guard = AddressGuardMiddleware(_crawler(ASHYQ_BASE_URL_MAP={}))
    with pytest.raises(RefusedRequest) as refused:
        guard.process_request(Request(url))
    assert refused.value.reason == reason


def test_guard_in_replica_mode_allows_the_replica_only() -> None:
    guard = AddressGuardMiddleware(_crawler(ASHYQ_BASE_URL_MAP={"https://zqai.kz": "http://127.0.0.1:4000"}))
    assert guard.process_request(Request("https://zqai.kz/ru/")) is None
    assert guard.process_request(Request("http://127.0.0.1:4000/ru/")) is None  # the served address itself
    for url, reason in (
        ("http://10.0.0.5/", "private_address"),
        ("http://127.0.0.1:4001/", "private_address"),  # loopback, but not a port the world printed
        ("https://akorda.kz/", "offsite"),
    ):
        with pytest.raises(RefusedRequest) as refused:
            guard.process_request(Request(url))
        assert refused.value.reason == reason


def test_cp1251_without_charset_and_utf8_are_both_decoded() -> None:
    text = "<html><head><title>Архив новостей</title></head><body><p>Аким провёл приём граждан.</p></body></html>"
    assert decode_html(text.encode("cp1251"), "text/html") == (text, "cp1251")
    assert decode_html(text.encode("utf-8"), "text/html")[0] == text


def test_malformed_page_and_language_switch() -> None:
    html = (
        '<html><head><title>Объявления</head><body><a href="/ru/news">новости</div><a hreflang="kk" href="/kk/">KK</a>'
    )
    page = parse_page("https://k.kz/ru/broken", html.encode(), "text/html; charset=utf-8")
    assert page.title == "Объявления"
    assert page.language_links == {"kk": "https://k.kz/kk/"}
    assert [link.url for link in page.links] == ["https://k.kz/ru/news", "https://k.kz/kk/"]
    assert lang_from_url("https://iac.enbek.kz/news?lang=kk") == "kk"
    assert lang_from_url("https://zqai.kz/kz/news") == "kk"


def test_sitemap_entries_and_junk() -> None:
    xml = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://z.kz/ru/</loc></url></urlset>'
    assert sitemap_entries(xml) == [("url", "https://z.kz/ru/")]
    assert sitemap_entries(b"not xml <<<") == []


def test_settings_name_the_crawler_obey_robots_and_relax_only_in_replica_mode() -> None:
    config = load_crawl_config().model_copy(update={"contact": "https://audit.gov.kz/ashyq; ashyq@audit.gov.kz"})
    real = build_settings(config)
    replica = build_settings(config, base_url_map={"https://zqai.kz": "http://127.0.0.1:1"})
    assert real["USER_AGENT"].startswith("ashyq-openness-auditor/") and config.contact in real["USER_AGENT"]
    assert real["ROBOTSTXT_OBEY"] and not real["REMOTE_CONTROL_ENABLED"] and not real["TELNETCONSOLE_ENABLED"]
    assert real["AUTOTHROTTLE_ENABLED"] and replica["AUTOTHROTTLE_ENABLED"]
    assert replica["CONCURRENT_REQUESTS_PER_DOMAIN"] > real["CONCURRENT_REQUESTS_PER_DOMAIN"]
    assert real["DOWNLOADER_MIDDLEWARES"] == replica["DOWNLOADER_MIDDLEWARES"]


def test_a_robots_override_without_a_reason_is_refused() -> None:
    with pytest.raises(ValidationError, match="reason"):
        CrawlConfig.model_validate({"robots": {"overrides": [{"source": "https://x.kz/", "reason": ""}]}})


def test_the_crawl_connects_only_through_the_egress_components() -> None:
    from scrapy.settings.default_settings import DOWNLOAD_HANDLERS_BASE
    from scrapy.utils.misc import load_object

    from ashyq.crawler.settings import MAPPED_HANDLER
    from ashyq.net.twisted_resolver import EgressResolver

    for replica in ({}, {"https://zqai.kz": "http://127.0.0.1:4000"}):
        config = load_crawl_config().model_copy(update={"contact": "https://audit.gov.kz/ashyq"})
        settings = build_settings(config, base_url_map=replica)
        assert load_object(settings["TWISTED_DNS_RESOLVER"]) is EgressResolver
        handlers = {**DOWNLOAD_HANDLERS_BASE, **settings["DOWNLOAD_HANDLERS"]}
        assert {scheme: path for scheme, path in handlers.items() if path} == {
            "http": MAPPED_HANDLER,
            "https": MAPPED_HANDLER,
        }
        assert settings["DOWNLOADER_MIDDLEWARES"]["scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware"] is None


def test_click_depths_do_not_depend_on_the_order_the_answers_came_in() -> None:
    """Shortest paths over the link graph, the full site's from its home pages and the mobile
    version's from its entries: the same whichever page was read first (a page first reached the
    long way is not left at that depth), a route a script moves to counted as a click, an alias as
    the page it names."""
    site = {
        "https://www.x.kz/ru/": ["https://www.x.kz/ru/a", "https://www.x.kz/ru/b?v=1"],
        "https://www.x.kz/ru/a": ["https://www.x.kz/ru/a/deep"],
        "https://www.x.kz/ru/a/deep": ["https://www.x.kz/ru/c"],
        "https://www.x.kz/ru/b": ["https://www.x.kz/ru/c"],  # the short way, through an alias
        "https://www.x.kz/ru/c": [],
    }
    mobile = {
        "https://m.x.kz/ru/": ["https://m.x.kz/ru/a", "https://m.x.kz/kk/"],
        "https://m.x.kz/ru/a": ["https://m.x.kz/ru/a/b"],
        "https://m.x.kz/ru/a/b": ["https://m.x.kz/ru/a/b/c"],
        "https://m.x.kz/kk/": ["https://m.x.kz/ru/a/b/c"],
        "https://m.x.kz/ru/a/b/c": [],
    }
    seen = []
    for order in (list, lambda pages: list(reversed(pages))):
        spider = SiteSpider(run_id="r", body_id="b", start_urls=["https://www.x.kz/"])
        spider.homes["ru"] = "https://www.x.kz/ru/"
        spider.alias["https://www.x.kz/ru/b?v=1"] = "https://www.x.kz/ru/b"
        spider.mobile_entries.add("https://m.x.kz/ru/")
        for url in order(site):
            spider.graph[url], spider.page_langs[url] = site[url], "ru"
        for url in order(mobile):
            spider.mobile_graph[url] = mobile[url]
        seen.append(spider.final_depths())
    assert seen[0] == seen[1]
    assert seen[0]["site"] == {
        "https://www.x.kz/ru/": 0,
        "https://www.x.kz/ru/a": 1,
        "https://www.x.kz/ru/b": 1,
        "https://www.x.kz/ru/a/deep": 2,
        "https://www.x.kz/ru/c": 2,
    }
    assert seen[0]["site-mobile"] == {
        "https://m.x.kz/ru/": 0,
        "https://m.x.kz/ru/a": 1,
        "https://m.x.kz/kk/": 1,
        "https://m.x.kz/ru/a/b": 2,
        "https://m.x.kz/ru/a/b/c": 2,
    }


@pytest.mark.parametrize(
    ("phone_views", "depth", "views"),
    [("home", 0, ("desktop", "mobile")), ("home", 1, ("desktop",)), ("every", 2, ("desktop", "mobile"))],
)
def test_which_pages_get_a_phone_view(phone_views: str, depth: int, views: tuple[str, ...], tmp_path: Path) -> None:
    settings = RenderSettings(tmp_path, "run", "enbek", BaseUrlMap.from_mapping({}), set(), phone_views=phone_views)
    assert settings.views(RenderTarget("https://www.gov.kz/memleket/entities/enbek", depth)) == views


def test_the_crawl_config_names_the_phone_views(tmp_path: Path) -> None:
    def phone_views(config: Path | None) -> str:
        replica = {"https://www.gov.kz": "http://127.0.0.1:9"}
        return str(build_settings(load_crawl_config(config), base_url_map=replica)["ASHYQ_RENDER_PHONE_VIEWS"])

    assert phone_views(None) == "home"
    every = tmp_path / "crawl.yaml"
    every.write_text(f"extends: {CRAWL_CONFIG}\nrender:\n  phone_views: every\n", encoding="utf-8")
    assert phone_views(every) == "every"
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(f"extends: {CRAWL_CONFIG}\nrender:\n  phone_views: some\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="phone_views"):
        load_crawl_config(wrong)


def test_a_vocabulary_that_does_not_load_leaves_links_ordinary_and_the_crawl_going(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ashyq.config.loader import ConfigError
    from ashyq.crawler import sections

    def broken(*args: Any, **kwargs: Any) -> dict[str, Any]:
        raise ConfigError(["ashyq/config/vocabulary/appendix15.yaml: sections.A15-1.3: Extra inputs are not permitted"])

    monkeypatch.setattr(sections, "read", broken)
    sections.section_titles.cache_clear()
    sections._any_title.cache_clear()
    sections.section_named.cache_clear()
    try:
        assert section_named("Мемлекеттік сатып алу") is None
    finally:
        sections.section_titles.cache_clear()
        sections._any_title.cache_clear()
        sections.section_named.cache_clear()


def test_a_link_to_a_document_viewer_offers_the_file_it_names() -> None:
    # a PDF.js viewer page («viewer.html?file=%2Fuploads%2F…pdf») and an online viewer («?url=…»): the reader gets the
    # file, so its size and text layer are what is read (row 2.6, the «*» indicators); the viewer page stays a link
    html = (
        '<html><body><main><a href="/pdfjs/web/viewer.html?file=%2Fuploads%2Fdocs%2Fbudget-kz.pdf">Есеп (PDF, 2 МБ)</a>'
        '<a href="https://viewer.example.com/view?url=https://www.x.gov.kz/files/plan.docx">План</a>'
        '<a href="/share?url=https://www.x.gov.kz/kk/news/1">Бөлісу</a></main></body></html>'
    )
    page = parse_page("https://www.x.gov.kz/kz/budget/index", html.encode(), "text/html; charset=utf-8")
    assert [(d.url, d.format) for d in page.downloads] == [
        ("https://www.x.gov.kz/uploads/docs/budget-kz.pdf", "pdf"),
        ("https://www.x.gov.kz/files/plan.docx", "docx"),
    ]
    assert "PDF, 2 МБ" in (page.downloads[0].declared_size_text or "")
    assert any("viewer.html" in link.url for link in page.links)


@pytest.mark.parametrize(
    ("part", "rendered"),
    [
        # filled when the page is shown or scrolled to: the page is read rendered
        ('<div id="bio" hx-get="/kk/_frag/bio" hx-trigger="load"><p>Жүктелуде…</p></div>', True),
        ('<section hx-get="/ru/_frag/results" hx-trigger="revealed once">Загрузка...</section>', True),
        ('<div data-hx-get="/ru/_frag/rows" data-hx-trigger="load"></div>', True),
        # a «Show more» button the reader clicks, and a box the markup already fills: read as served
        ('<button hx-get="/kk/_frag/news?page=2" hx-target="#list">Тағы көрсету</button>', False),
        ('<div hx-get="/kk/_frag/bio" hx-trigger="load"><p>Комитет төрағасы 1975 жылы туған.</p></div>', False),
    ],
)
def test_a_part_a_script_fills_on_arrival_has_its_page_rendered(part: str, rendered: bool) -> None:
    page = f"<html><body><main><h1>Басшылық</h1>{part}</main><script src='/x.js'></script></body></html>"
    assert (scripted_part(page) is not None) is rendered


@pytest.mark.parametrize(
    ("part", "rendered"),
    [
        # a Kendo-like grid declared in the markup, its rows read by a POST of JSON to its Read action
        (
            '<div id="grid" data-role="grid" data-read="/kk/Documents/Read?category=npa" data-page-size="10"></div>'
            "<noscript>Тізімді көру үшін JavaScript-ті қосыңыз.</noscript>",
            True,
        ),
        ('<div id="grid" data-role="grid" data-columns="[]"></div>', True),
        ('<div data-read="/ru/Vacancies/Read"></div>', True),
        # ag-Grid's and Kendo's holders named by class, empty
        ('<div id="myGrid" class="ag-theme-alpine" style="height: 400px"></div>', True),
        ('<div class="k-grid k-widget" id="acts"><table><thead><tr><th>Нөмірі</th></tr></thead></table></div>', True),
        # a grid the server already drew, rows and all: read as served
        (
            '<div class="k-grid k-widget"><table><tbody><tr><td>№ 188 бұйрық</td><td>12.06.2026</td></tr>'
            "</tbody></table></div>",
            False,
        ),
        # a page layout's role that is no data grid
        ('<div data-role="page"><p>Комитет туралы</p></div>', False),
    ],
)
def test_an_empty_data_grid_its_script_draws_has_its_page_rendered(part: str, rendered: bool) -> None:
    page = f"<html><body><main><h1>НҚА</h1>{part}</main><script src='/g.js'></script></body></html>"
    assert (scripted_part(page) is not None) is rendered
