"""The classic-website spider: a body's own server-rendered site, crawled as plain HTML in kk and ru.

From the site URL it finds the home page of each language through the site's own language switch
(``?lang=``, ``/kk/`` ``/ru/`` paths, ``hreflang`` or links labelled Қазақша/Русский; a root page
that only offers the languages is a splash page of no language). It then follows every internal
link breadth first. Per page it keeps what the checks need: final URL, language, status, headers,
click depth from the language's home page, the counterpart in the other language (where the switch
points), content SHA-256 as archived, title, links and downloads with their real size.

Click depths are shortest paths over the link graph (the mobile version over its own), recomputed
when the spider closes (:meth:`SiteSpider.final_depths`): with parallel downloads a page can first be
reached the long way, and the depths must not depend on which answer came first.
The same bytes at a second URL (``/`` and ``/?lang=ru``) are one page; the second URL becomes an
alias. External links are checked with HEAD (bounded per body), never crawled.

Two kinds of site need more than the served HTML:

* **Built by JavaScript.** A page whose served markup is an empty shell
  (:func:`~ashyq.crawler.spiders.site_page.scripted_shell`) is rendered in Chromium
  (:mod:`ashyq.crawler.spiders.site_render`), and so is every later page of its host: links come from
  the rendered DOM, the routes its scripts move to with the History API are followed, the sitemap
  is read as for any site; the served response and the rendered DOM are both archived, the page
  points at the rendered one (``rendered``).
* **With a separate mobile version** (:mod:`ashyq.crawler.spiders.site_mobile`): found from a link
  on the full site (an ``m.`` host, a ``/m/`` path, a link labelled "mobile version") or from the
  answer a phone gets at the entry address (a redirect, or other markup), and harvested with a
  phone's user agent in every language it offers, as pages of ``source`` ``site-mobile``.

A language the site keeps in the session (a cookie its switch sets, every address answering in it)
is told from the site's own switch and read in a cookie jar of its own, each of its pages under the
address the switch gives it (:mod:`ashyq.crawler.spiders.site_session`); a switch to another language
is always read in that language's jar, so it never changes the language of the rest of the crawl.

robots.txt and sitemap quirks (a relative ``Sitemap:`` line or ``loc``, a missing or junk file, a
gzipped sitemap) are read as far as they can be and never end the spider.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from ashyq.base.pdf_text import pdf_text_layer
from ashyq.base.vocabulary import LANGS
from ashyq.crawler.items import DownloadRecord, FailureReason, LinkRecord, PageItem
from ashyq.crawler.middlewares.cookies import SPLIT_DOMAIN
from ashyq.crawler.middlewares.failures import classify_exception, is_antibot, original_url
from ashyq.crawler.middlewares.traps import DEPTH, SECTION_LINK, canonical_url
from ashyq.crawler.render import budget_from, policy_from, url_map_from_settings
from ashyq.crawler.sections import section_named
from ashyq.crawler.spiders.body import BodySpider
from ashyq.crawler.spiders.site_mobile import (
    MOBILE_SOURCE,
    PHONE_COOKIES,
    MobileVersion,
    differs,
    is_mobile_label,
    mobile_version_at,
    phone_user_agent,
    redirected_version,
)
from ashyq.crawler.spiders.site_page import (
    FoundLink,
    ParsedPage,
    download_format,
    lang_from_text,
    lang_from_url,
    parse_page,
    scripted_shell,
    sitemap_entries,
    sitemaps_in_robots,
)
from ashyq.crawler.spiders.site_render import RenderedPage, RenderSettings, SiteRenderer, body_archiver
from ashyq.crawler.spiders.site_session import LANGUAGE_JAR, PLAIN, SessionLanguages, SessionSwitch, leads_back
from ashyq.store.bodies import Body

# Sites on the unified gov.kz platform are the gov.kz spider's.
PLATFORM_HOSTS = frozenset({"www.gov.kz", "gov.kz"})
HTML_TYPES = ("text/html", "application/xhtml+xml")
# how much of a linked PDF is read for its text layer: the fonts of its pages come early; a scan's
# absence of any font is told only by a file read whole
PDF_READ_BYTES = 2 * 1024 * 1024


# a language's home page (where the switch leads) holds the way to every section: it may use the page
# limit's reserve like a link to a section (ashyq.crawler.sections)
LANGUAGE_HOME = {SECTION_LINK: "home"}
# the language of the page that embeds a frame: the frame's page is in it unless its own markup or
# address says otherwise
FRAME_LANG = "ashyq_frame_lang"


def classic_sites(body: Body | None) -> list[str]:
    if body is None:
        return []
    return [url for url in body.sites if (urlsplit(url).hostname or "").lower() not in PLATFORM_HOSTS]


def _host_variants(url: str) -> set[str]:
    host = (urlsplit(url).hostname or "").lower()
    bare = host.removeprefix("www.")
    return {bare, f"www.{bare}"}


def same_registrable_domain(host: str, other: str) -> bool:
    """``kk.body.gov.kz`` and ``ru.body.gov.kz`` (one registrable domain under the public suffix list),
    not ``body.gov.kz`` and ``another.gov.kz`` (two sites under the public suffix ``gov.kz``)."""
    mine, theirs = SPLIT_DOMAIN(host), SPLIT_DOMAIN(other)
    return bool(mine.domain) and (mine.domain, mine.suffix) == (theirs.domain, theirs.suffix)


def _other(lang: str | None) -> str | None:
    return {"kk": "ru", "ru": "kk"}.get(lang or "")


class SiteSpider(SessionLanguages, BodySpider):
    name = "site"
    source = "site"

    def __init__(self, *, start_urls: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.site_urls = [canonical_url(u) for u in (start_urls or classic_sites(self.body))]
        self.hosts: set[str] = set().union(*(_host_variants(u) for u in self.site_urls)) if self.site_urls else set()
        self.homes: dict[str, str] = {}
        self.entries: set[str] = set()
        self.graph: dict[str, list[str]] = {}
        self.page_langs: dict[str, str | None] = {}
        self.alias: dict[str, str] = {}
        self.digests: dict[tuple[str | None, str], str] = {}
        self.statuses: dict[str, int] = {}
        self.requested: set[str] = set()
        self.external_checked: set[str] = set()
        self.size_checks: dict[str, asyncio.Future[DownloadRecord]] = {}
        self.scripted: dict[str, str] = {}  # host → why its pages are rendered (the first shell seen)
        self.renderer: SiteRenderer | None = None
        self.mobile: MobileVersion | None = None
        self.mobile_requested: set[str] = set()
        # the mobile version's own link graph: its entries (linked from the full site or where a phone
        # lands) are 0 clicks, the rest shortest paths from them (:meth:`final_depths`)
        self.mobile_entries: set[str] = set()
        self.mobile_graph: dict[str, list[str]] = {}
        self.mobile_alias: dict[str, str] = {}
        self.entry_links: dict[str, set[str]] = {}  # an entry page → its internal links (the adaptive test)
        self.probed: set[str] = set()
        self.language_hosts: dict[str, str] = {}  # a host the site's language switch adds → where it was found
        self.frame_hosts: dict[str, str] = {}  # a host a frame of the site's page adds → where it was found
        self.session_langs: dict[str, SessionSwitch] = {}  # a language the site keeps in a cookie (site_session)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.close_browser, signal=signals.spider_closed)
        return spider

    @classmethod
    def applies_to(cls, body: Body) -> bool:
        return bool(classic_sites(body))

    async def close_browser(self) -> None:
        if self.renderer is not None:
            await self.renderer.close()
            self.renderer = None

    async def start(self) -> AsyncIterator[Any]:
        for url in self.site_urls:
            self.requested.add(url)
            self.entries.add(url)
            yield self.page_request(url, self.parse_entry, depth=0)
        # Pages no menu links to still belong to the site: the sitemap lists them (robots.txt says where).
        for root in dict.fromkeys(f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.site_urls):
            yield self.probe_request(
                f"{root}/robots.txt",
                self.parse_robots,
                method="GET",
                expect_errors=True,
                meta={"dont_obey_robotstxt": True, "ashyq_root": root},
            )

    def parse_robots(self, response: Response) -> Any:
        """The sitemaps robots.txt names (a relative line read against its address), else the usual place;
        a missing or junk robots.txt only means the usual place."""
        root = response.meta["ashyq_root"]
        listed: list[str] = []
        if response.status == 200 and isinstance(response, TextResponse):
            try:
                listed = sitemaps_in_robots(response.text, f"{root}/robots.txt")
            except ValueError:  # an undecodable answer is no list
                listed = []
        for sitemap in listed or [f"{root}/sitemap.xml"]:
            yield self.probe_request(
                sitemap, self.parse_sitemap, method="GET", expect_errors=True, meta={"ashyq_sitemaps": 0}
            )

    def parse_sitemap(self, response: Response) -> Any:
        """URLs of a sitemap (or a sitemap index, followed a few levels); pages with no click depth yet.
        A missing sitemap or one that is not a sitemap gives nothing."""
        if response.status >= 400:
            return
        nested = int(response.meta.get("ashyq_sitemaps", 0))
        for kind, url in sitemap_entries(response.body, canonical_url(response.url)):
            url = canonical_url(url)
            if kind == "sitemap" and nested < 3:
                yield self.probe_request(
                    url, self.parse_sitemap, method="GET", expect_errors=True, meta={"ashyq_sitemaps": nested + 1}
                )
            elif kind == "url" and not download_format(url):
                if self.mobile is not None and self.mobile.contains(url):
                    yield from self._mobile_requests([url], None, canonical_url(response.url))
                elif self._is_internal(url) and url not in self.requested:
                    self.requested.add(url)
                    yield self.page_request(url, self.parse_page, source_url=canonical_url(response.url))

    # ── callbacks ───────────────────────────────────────────────────────────────────────────

    async def parse_entry(self, response: Response) -> AsyncIterator[Any]:
        parsed, rendered = await self._read(response)
        url = canonical_url(original_url(response.request)) if response.request else canonical_url(response.url)
        landed = (urlsplit(response.url).hostname or "").lower()
        if landed not in self.hosts and any(same_registrable_domain(landed, known) for known in self.hosts):
            self.hosts |= _host_variants(response.url)  # www.body.gov.kz → kk.body.gov.kz: where the site is
        lang = self._lang(parsed, response)
        # a switch to the page's own language that leads back to it (``?lang=kk`` beside ``?lang=ru``) is
        # no sign of a splash page
        offers = (parsed.language_links if parsed else {}).items()
        switches = {lg: u for lg, u in offers if u != url and not (lg == lang and leads_back(url, u))}
        if sum(1 for lg in LANGS if lg in switches) >= 2:
            lang = None  # a splash page that only offers the languages belongs to neither
        elif lang in LANGS:
            self.homes.setdefault(lang, url)
        offered = {**(parsed.alternates if parsed else {}), **switches}
        for request_out in self._adopt_language_hosts(offered, url, depth=0):
            yield request_out
        for switch_lang, home in switches.items():
            if switch_lang in LANGS and switch_lang != lang and (self.lang in (None, switch_lang)):
                self.homes.setdefault(switch_lang, home)
                if home not in self.requested and not (self.mobile and self.mobile.contains(home)):
                    self.requested.add(home)
                    meta = {**LANGUAGE_HOME, **self._jar_meta(switch_lang, url, parsed, response.url)}
                    yield self.page_request(home, self.parse_page, depth=0, source_url=url, meta=meta, dont_filter=True)
        async for result in self._harvest(response, parsed, lang, 0, rendered):
            yield result
        if parsed is not None and url not in self.probed:
            # What a phone gets at the same address: a redirect to a mobile version, or other markup.
            self.probed.add(url)
            yield self.page_request(
                url,
                self.parse_phone_probe,
                depth=0,
                headers={"User-Agent": self._phone_agent()},
                meta={"cookiejar": PHONE_COOKIES, "ashyq_asked": url},
                dont_filter=True,
            )

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        parsed, rendered = await self._read(response)
        depth = response.meta.get(DEPTH)  # None: known from the sitemap only, not yet by clicks
        self._detect_session(response, parsed)
        if parsed is not None and response.status < 400 and self._is_internal(response.url):
            offered = {**parsed.alternates, **parsed.language_links}
            for request_out in self._adopt_language_hosts(offered, canonical_url(response.url)):
                yield request_out
        async for result in self._harvest(response, parsed, self._lang(parsed, response), depth, rendered):
            yield result

    async def parse_phone_probe(self, response: Response) -> AsyncIterator[Any]:
        """The entry address as a phone gets it: redirected to a separate version, other markup at the
        same address (an adaptive site), or the same page (nothing more to harvest here)."""
        asked = str(response.meta["ashyq_asked"])
        final = canonical_url(response.url)
        if response.status >= 400 or self._read_page(response) is None:
            return
        version = redirected_version(asked, final, self.hosts)
        if version is None and self.mobile is None:
            parsed = self._read_page(response)
            phone_links = {lk.url for lk in (parsed.links if parsed else []) if self._is_internal(lk.url)}
            desktop_links = self.entry_links.get(asked, set())
            if differs(desktop_links, phone_links):
                host = (urlsplit(asked).hostname or "").lower()
                shared = len(desktop_links & phone_links) / max(1, len(desktop_links | phone_links))
                version = MobileVersion(
                    "adaptive",
                    host,
                    "",
                    asked,
                    f"a phone asking for {asked} gets other markup than a desktop "
                    f"({shared:.0%} of the internal links shared)",
                )
        if version is None:
            return
        self._adopt_mobile(version)
        if self.mobile is None or not self.mobile.contains(final):
            return
        self.mobile_requested.add(final)
        self.mobile_entries.add(final)
        async for result in self._harvest_mobile(response, final, 0):
            yield result

    async def parse_mobile(self, response: Response) -> AsyncIterator[Any]:
        request = response.request
        assert request is not None
        url = canonical_url(original_url(request))
        async for result in self._harvest_mobile(response, url, response.meta.get(DEPTH)):
            yield result

    def on_link_checked(self, response: Response) -> Any:
        """An external link's answer (every status reaches here: HEAD 405 is not a dead link)."""
        request = response.request
        assert request is not None
        url = canonical_url(original_url(request))
        if response.status in (405, 501) and request.method == "HEAD":
            return self.probe_request(
                url,
                self.on_link_checked,
                method="GET",
                source_url=request.meta.get("ashyq_source"),
                expect_errors=True,
                dont_filter=True,
                meta={"download_maxsize": self.settings.getint("ASHYQ_MAX_FILE_SIZE")},
            )
        self._note_status(request, response.status)
        if response.status >= 400:
            antibot = is_antibot(response, self.settings.getlist("ASHYQ_ANTIBOT_MARKERS"))
            self.record_failure(
                request, "antibot" if antibot else "http_status", f"HTTP {response.status}", response.status
            )
        return None

    def on_error(self, failure: Failure) -> None:
        super().on_error(failure)
        request = getattr(failure, "request", None)
        if request is not None and isinstance(failure.value, HttpError):
            self._note_status(request, failure.value.response.status)

    # ── one page ────────────────────────────────────────────────────────────────────────────

    def _read_page(self, response: Response) -> ParsedPage | None:
        content_type = _header(response, b"Content-Type")
        if not _is_html(response, content_type):
            return None
        return parse_page(response.url, response.body, content_type)

    async def _read(self, response: Response, phone: bool = False) -> tuple[ParsedPage | None, RenderedPage | None]:
        """The page as a visitor reads it: as served, or - for a page of a site built by scripts -
        as the browser renders it (the served response stays archived beside it)."""
        parsed = self._read_page(response)
        if parsed is None or not self.settings.getbool("ASHYQ_RENDER_SCRIPTED", True):
            return parsed, None
        host = (urlsplit(response.url).hostname or "").lower()
        shell = scripted_shell(parsed.text)
        if shell is None and host not in self.scripted:
            return parsed, None
        if shell is not None and host not in self.scripted:
            self.scripted[host] = f"{response.url}: {shell}"
            if self.crawler.stats is not None:
                self.crawler.stats.set_value(f"ashyq/rendered/{host}", self.scripted[host])
        request = response.request
        assert request is not None
        served = self.archive_fields(response)["warc_record_id"]
        try:
            rendered = await self._renderer().render(canonical_url(response.url), served, phone=phone)
        except Exception as error:  # recorded; the served page is what there is
            reason: FailureReason = "timeout" if "timeout" in type(error).__name__.lower() else "error"
            self.record_failure(request, reason, f"render: {type(error).__name__}: {error}"[:500])
            return parsed, None
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("ashyq/rendered/pages")
        return parse_page(rendered.final_url, rendered.dom, "text/html; charset=utf-8"), rendered

    def _renderer(self) -> SiteRenderer:
        if self.renderer is None:
            from ashyq.store.warc import archive_for

            out_dir = Path(self.settings.get("ASHYQ_OUT_DIR") or self.out_dir or "out")
            run_id = self.run_id or self.settings.get("ASHYQ_RUN_ID") or "adhoc"
            self.renderer = SiteRenderer(
                RenderSettings(
                    out_dir=out_dir,
                    run_id=run_id,
                    body_id=self.body_id,
                    url_map=url_map_from_settings(self.settings),
                    policy=policy_from(self.settings),
                    budget=budget_from(self.settings),
                    timeout_ms=self.settings.getint("ASHYQ_RENDER_TIMEOUT_MS", 20_000),
                    archive=body_archiver(out_dir, run_id, self.body_id),
                    exchanges=archive_for(out_dir, run_id, self.body_id),
                )
            )
        return self.renderer

    def _lang(self, parsed: ParsedPage | None, response: Response) -> str | None:
        if parsed is not None and parsed.html_lang:
            return parsed.html_lang
        from_url = lang_from_url(response.url) or (lang_from_url(response.request.url) if response.request else None)
        framed = response.request.meta.get(FRAME_LANG) if response.request is not None else None
        if from_url or parsed is None:
            return from_url or framed
        if framed:
            return str(framed)  # a frame's page without a language of its own: the embedding page's
        return lang_from_text(" ".join(filter(None, [parsed.title, parsed.text[:5000]])))

    def _page_item(
        self,
        response: Response,
        parsed: ParsedPage | None,
        rendered: RenderedPage | None,
        url: str,
        lang: str | None,
        depth: int | None,
        downloads: list[DownloadRecord],
        source: str,
        counterpart: str | None = None,
    ) -> PageItem:
        archive = self.archive_fields(response)
        links = [] if parsed is None else parsed.links
        if rendered is not None:  # the page is the rendered DOM; its conversion record refers to the response
            archive = {
                "warc_file": rendered.warc_file or archive["warc_file"],
                "warc_record_id": rendered.warc_record_id or archive["warc_record_id"],
                "content_sha256": rendered.sha256,
            }
        return PageItem(
            url=url,
            final_url=canonical_url(rendered.final_url) if rendered is not None else canonical_url(response.url),
            lang=lang,
            status=response.status,
            headers={k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()},
            depth=depth,
            content_type=_header(response, b"Content-Type"),
            title=(rendered.title if rendered is not None else None) or (parsed.title if parsed else None),
            source=source,
            rendered=rendered is not None,
            counterpart_url=counterpart or (parsed.language_links.get(_other(lang) or "") if parsed else None),
            links=[LinkRecord(lk.url, lk.anchor_text, self._is_internal(lk.url), lk.rel, lk.target) for lk in links],
            downloads=downloads,
            dom_path=rendered.dom_path if rendered is not None else None,
            fetched_at=self.now(),
            **archive,
        )

    async def _harvest(
        self,
        response: Response,
        parsed: ParsedPage | None,
        lang: str | None,
        depth: int | None,
        rendered: RenderedPage | None = None,
    ) -> AsyncIterator[Any]:
        request = response.request
        assert request is not None
        url = canonical_url(original_url(request))
        final = canonical_url(rendered.final_url if rendered is not None else response.url)
        self._note_status(request, response.status)
        digest = rendered.sha256 if rendered is not None else self.archive_fields(response)["content_sha256"]
        first = self.digests.setdefault((lang, digest), url)
        if first != url:
            self.alias[url] = first  # the same bytes under another address: one page
            return
        jar_lang = request.meta.get(LANGUAGE_JAR)
        session = self.session_langs.get(jar_lang or "")
        if final != url and not (jar_lang and final in self.requested):  # not the first language's address
            self.alias.setdefault(final, url)
        self.page_langs[url] = lang
        frames: set[str] = set()
        if parsed is not None and parsed.frames:
            embedded, probes = self._adopt_frames(parsed.frames, url)
            for request_out in probes:
                yield request_out
            frames = {frame.url for frame in embedded}
            known = {link.url for link in parsed.links}
            parsed = replace(parsed, links=[*parsed.links, *(f for f in embedded if f.url not in known)])
        links = [] if parsed is None else parsed.links
        mobile_targets = list(self._discover_mobile(links, url))
        downloads = [] if parsed is None else await self._downloads(parsed, url)
        internal_pages = [
            link.url
            for link in links
            if self._is_internal(link.url)
            and not download_format(link.url)
            and link.url.startswith("http")
            and not (self.mobile is not None and self.mobile.contains(link.url))
        ]
        routes = [
            canonical_url(r)
            for r in (rendered.routes if rendered is not None else [])
            if self._is_internal(r) and not download_format(r) and canonical_url(r) not in (url, final)
        ]
        follow = self._follow_plan(url, lang, parsed, [*internal_pages, *routes], request.meta)
        self.graph[url] = list(dict.fromkeys(address for _, address, _ in follow))
        if depth == 0:
            self.entry_links[url] = set(internal_pages)
        plain = request.meta.get(PLAIN) if session is not None else None  # its twin in the first language
        yield self._page_item(response, parsed, rendered, url, lang, depth, downloads, self.source, plain)
        sections: dict[str, str | None] = {}
        for link in links:  # any of the links to a page may be the one whose label names a section
            sections[link.url] = sections.get(link.url) or section_named(link.anchor_text)
        for target, address, in_jar in follow:
            if address not in self.requested and not (self.mobile is not None and self.mobile.contains(address)):
                self.requested.add(address)
                next_depth = None if depth is None else depth + 1
                section = sections.get(target)
                meta = {**in_jar, **({SECTION_LINK: section} if section else {})}
                if target in frames and lang:
                    meta[FRAME_LANG] = lang
                yield self.page_request(
                    address, self.parse_page, depth=next_depth, source_url=url, meta=meta, dont_filter=bool(in_jar)
                )
        for request_out in self._mobile_requests(mobile_targets, 0, url):
            yield request_out
        for request_out in self._link_checks(links, url):
            yield request_out

    # ── the mobile version ──────────────────────────────────────────────────────────────────

    def _phone_agent(self) -> str:
        return phone_user_agent(self.settings.get("USER_AGENT") or "")

    def _adopt_mobile(self, version: MobileVersion) -> None:
        """The first mobile version found is the one harvested (a site has one)."""
        if self.mobile is not None:
            return
        self.mobile = version
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("ashyq/mobile_version", f"{version.kind} {version.entry}: {version.found_by}")

    def _discover_mobile(self, links: list[Any], page_url: str) -> list[str]:
        """The links of a full-site page that lead into the mobile version (finding it if need be)."""
        out = []
        for link in links:
            if not link.url.startswith(("http://", "https://")):
                continue
            if self.mobile is None:
                label = f"«{link.anchor_text}»" if link.anchor_text else link.url
                version = mobile_version_at(link.url, self.hosts, f"the link {label} on {page_url}")
                if version is None and is_mobile_label(link.anchor_text) and not self._is_internal(link.url):
                    version = redirected_version(page_url, link.url, self.hosts)
                    if version is not None:
                        version = MobileVersion(
                            version.kind, version.host, version.prefix, link.url, f"the link {label} on {page_url}"
                        )
                if version is not None:
                    self._adopt_mobile(version)
            if self.mobile is not None and self.mobile.contains(link.url):
                out.append(canonical_url(link.url))
        if self.mobile is not None and self.mobile.kind == "host" and out:
            out.append(canonical_url(self.mobile.entry))
        return list(dict.fromkeys(out))

    def _mobile_requests(self, urls: list[str], depth: int | None, source_url: str) -> list[Any]:
        out = []
        for url in urls:
            if depth == 0:
                self.mobile_entries.add(url)
            if url in self.mobile_requested:
                continue
            self.mobile_requested.add(url)
            out.append(
                self.page_request(
                    url,
                    self.parse_mobile,
                    depth=depth,
                    source_url=source_url,
                    headers={"User-Agent": self._phone_agent()},
                    meta={"cookiejar": PHONE_COOKIES},
                    dont_filter=True,
                )
            )
        return out

    async def _harvest_mobile(self, response: Response, url: str, depth: int | None) -> AsyncIterator[Any]:
        """A page of the mobile version: stored as ``site-mobile``; its links inside the version followed."""
        request = response.request
        assert request is not None
        self._note_status(request, response.status)
        parsed, rendered = await self._read(response, phone=True)
        lang = self._lang(parsed, response)
        digest = rendered.sha256 if rendered is not None else self.archive_fields(response)["content_sha256"]
        first = self.digests.setdefault((f"{MOBILE_SOURCE}:{lang}", digest), url)
        if first != url:
            self.mobile_alias[url] = first
            return
        links = [] if parsed is None else parsed.links
        downloads = [] if parsed is None else await self._downloads(parsed, url)
        yield self._page_item(response, parsed, rendered, url, lang, depth, downloads, MOBILE_SOURCE)
        inside = [
            canonical_url(lk.url)
            for lk in links
            if self.mobile is not None and self.mobile.contains(lk.url) and not download_format(lk.url)
        ]
        routes = [
            canonical_url(r) for r in (rendered.routes if rendered else []) if self.mobile and self.mobile.contains(r)
        ]
        self.mobile_graph[url] = list(dict.fromkeys([*inside, *routes]))
        next_depth = None if depth is None else depth + 1
        for request_out in self._mobile_requests([*inside, *routes], next_depth, url):
            yield request_out

    def _adopt_language_hosts(self, switches: dict[str, str], page_url: str, depth: int | None = None) -> list[Any]:
        """A language the site's own switch (or ``hreflang``) offers on another host of the same
        registrable domain (``kk.body.gov.kz`` → ``ru.body.gov.kz``) is the body's site too: its host
        joins the crawl's, so its pages are followed like the first language's (and its robots.txt
        and sitemap read). A switch to another domain is left alone: a body's site is not found by
        guessing."""
        out: list[Any] = []
        for switch_lang, target in switches.items():
            host = (urlsplit(target).hostname or "").lower()
            if switch_lang not in LANGS or not host or host in self.hosts:
                continue
            if not any(same_registrable_domain(host, known) for known in self.hosts):
                continue
            self.hosts |= _host_variants(target)
            self.language_hosts[host] = f"the {switch_lang} switch {target} on {page_url}"
            if self.crawler.stats is not None:
                self.crawler.stats.set_value(f"ashyq/language_host/{host}", self.language_hosts[host])
            root = f"{urlsplit(target).scheme}://{urlsplit(target).netloc}"
            if target not in self.requested:
                self.requested.add(target)
                out.append(
                    self.page_request(target, self.parse_page, depth=depth, source_url=page_url, meta=LANGUAGE_HOME)
                )
            out.append(
                self.probe_request(
                    f"{root}/robots.txt",
                    self.parse_robots,
                    method="GET",
                    expect_errors=True,
                    meta={"dont_obey_robotstxt": True, "ashyq_root": root},
                )
            )
        return out

    def _adopt_frames(self, frames: list[FoundLink], page_url: str) -> tuple[list[FoundLink], list[Any]]:
        """The frames of a page of the body's site that show the body's own pages, and the probes of the
        hosts they add. A frame on the site's host, or on another host of the same registrable domain
        (a register of acts at ``docs.body.gov.kz`` embedded on ``body.gov.kz``), is the body's content:
        it is followed like a link labelled with the heading it sits under (so the content checks read
        it as that section's page), and a new host joins the crawl's as a language host does. A frame
        of another domain (a map, a video, a third party's widget) is not the body's site."""
        if not self._is_internal(page_url):
            return [], []
        kept: list[FoundLink] = []
        probes: list[Any] = []
        for frame in frames:
            host = (urlsplit(frame.url).hostname or "").lower()
            if not host or download_format(frame.url):
                continue
            if host not in self.hosts:
                if not any(same_registrable_domain(host, known) for known in self.hosts):
                    continue
                self.hosts |= _host_variants(frame.url)
                self.frame_hosts[host] = f"the frame {frame.url} on {page_url}"
                if self.crawler.stats is not None:
                    self.crawler.stats.set_value(f"ashyq/frame_host/{host}", self.frame_hosts[host])
                root = f"{urlsplit(frame.url).scheme}://{urlsplit(frame.url).netloc}"
                probes.append(
                    self.probe_request(
                        f"{root}/robots.txt",
                        self.parse_robots,
                        method="GET",
                        expect_errors=True,
                        meta={"dont_obey_robotstxt": True, "ashyq_root": root},
                    )
                )
            kept.append(frame)
        return kept, probes

    def _is_internal(self, url: str) -> bool:
        return (urlsplit(url).hostname or "").lower() in self.hosts

    def _link_checks(self, links: list[Any], source_url: str) -> list[Any]:
        limit = self.settings.getint("ASHYQ_MAX_EXTERNAL_CHECKS", 200)
        checks = []
        for link in links:
            url = link.url
            if not url.startswith(("http://", "https://")) or self._is_internal(url) or download_format(url):
                continue
            if self.mobile is not None and self.mobile.contains(url):
                continue
            if url in self.external_checked or len(self.external_checked) >= limit:
                continue
            self.external_checked.add(url)
            checks.append(self.probe_request(url, self.on_link_checked, source_url=source_url, expect_errors=True))
        return checks

    # ── downloads ───────────────────────────────────────────────────────────────────────────

    async def _downloads(self, parsed: ParsedPage, page_url: str) -> list[DownloadRecord]:
        records = []
        for found in parsed.downloads:
            check = self.size_checks.get(found.url)
            if check is None:
                check = asyncio.ensure_future(self._check_size(found.url, found.format, page_url))
                self.size_checks[found.url] = check
            measured = await asyncio.shield(check)
            records.append(
                DownloadRecord(
                    url=found.url,
                    format=measured.format or found.format,
                    declared_size_text=found.declared_size_text,
                    size_bytes=measured.size_bytes,
                    content_type=measured.content_type,
                    status=measured.status,
                    text_layer=measured.text_layer,
                )
            )
        return records

    async def _check_size(self, url: str, fmt: str | None, page_url: str) -> DownloadRecord:
        """The real size: Content-Length of a HEAD, else the length of a bounded GET. A PDF is read
        instead (its first :data:`PDF_READ_BYTES`, asked as a range) for its text layer: a scan is no
        machine-readable document (Appendix 15's "*" indicators)."""
        if (download_format(url) or fmt) == "pdf":
            return await self._read_pdf(url, fmt, page_url)
        response = await self._fetch_probe(url, "HEAD", page_url)
        length = _content_length(response)
        if response is not None and (response.status in (405, 501) or (response.status < 400 and length is None)):
            response = await self._fetch_probe(url, "GET", page_url)
            length = len(response.body) if response is not None and response.status < 400 else None
        if response is None:
            return DownloadRecord(url, fmt, None)
        return self._measured(url, fmt, response, length)

    async def _read_pdf(self, url: str, fmt: str | None, page_url: str) -> DownloadRecord:
        response = await self._fetch_probe(url, "GET", page_url, {"Range": f"bytes=0-{PDF_READ_BYTES - 1}"})
        if response is None:
            return DownloadRecord(url, fmt, None)
        if response.status >= 400:
            return self._measured(url, fmt, response, None)
        total = _range_total(response)
        whole = response.status == 200 or (total is not None and total <= len(response.body))
        length = len(response.body) if response.status == 200 else total
        layer = pdf_text_layer(response.body, complete=whole)
        return replace(self._measured(url, fmt, response, length), text_layer=layer)

    def _measured(self, url: str, fmt: str | None, response: Response, length: int | None) -> DownloadRecord:
        self._note_status(response.request or url, response.status)
        content_type = _header(response, b"Content-Type")
        if response.status >= 400 and response.request is not None:
            self.record_failure(response.request, "http_status", f"HTTP {response.status} (download)", response.status)
        return DownloadRecord(
            url, download_format(url, content_type) or fmt, None, length, content_type, response.status
        )

    async def _fetch_probe(
        self, url: str, method: str, page_url: str, headers: dict[str, str] | None = None
    ) -> Response | None:
        meta = {"download_maxsize": self.settings.getint("ASHYQ_MAX_FILE_SIZE")} if method == "GET" else {}
        probe = self.probe_request(
            url, method=method, source_url=page_url, expect_errors=True, dont_filter=True, meta=meta, headers=headers
        )
        try:
            return await self.crawler.engine.download_async(probe)
        except Exception as error:  # recorded, and the download keeps what the page said
            self.record_failure(probe, *classify_exception(error))
            return None

    # ── what the pipeline asks at the end ───────────────────────────────────────────────────

    def _note_status(self, request: Any, status: int) -> None:
        if isinstance(request, str):
            self.statuses[canonical_url(request)] = status
            return
        for url in [*request.meta.get("redirect_urls", []), request.url]:
            self.statuses[canonical_url(url)] = status

    def _resolve(self, url: str, alias: dict[str, str] | None = None) -> str:
        return _resolved(url, self.alias if alias is None else alias)

    def final_depths(self) -> dict[str, dict[str, int]]:
        """Shortest click paths over the link graph, whatever order the answers came in: on the full
        site from each language's home page to its pages (the entry page is 0), on the mobile version
        from its entries."""
        depths: dict[str, int] = {}
        for lang, home in self.homes.items():
            distance = _clicks([self._resolve(home)], self.graph, self.alias)
            for page, clicks in distance.items():
                if self.page_langs.get(page) == lang and page in self.graph:
                    depths[page] = min(clicks, depths.get(page, clicks))
        for entry in self.entries:
            resolved = self._resolve(entry)
            if resolved in self.graph:
                depths[resolved] = 0
        entries = [self._resolve(e, self.mobile_alias) for e in sorted(self.mobile_entries)]
        mobile = _clicks(entries, self.mobile_graph, self.mobile_alias)
        return {
            self.source: depths,
            MOBILE_SOURCE: {page: clicks for page, clicks in mobile.items() if page in self.mobile_graph},
        }

    def link_statuses(self) -> dict[str, int]:
        statuses = dict(self.statuses)
        for url in self.alias:
            if url not in statuses and self._resolve(url) in statuses:
                statuses[url] = statuses[self._resolve(url)]
        return statuses


def _resolved(url: str, alias: dict[str, str]) -> str:
    """The page an address stands for (an alias names the first URL its bytes were seen at)."""
    hops = 0
    while url in alias and alias[url] != url and hops < 20:
        url, hops = alias[url], hops + 1
    return url


def _clicks(starts: list[str], graph: dict[str, list[str]], alias: dict[str, str]) -> dict[str, int]:
    """Breadth first over ``graph`` from ``starts`` (0 clicks each), a link to an alias counted as one
    to the page it names."""
    distance = dict.fromkeys(starts, 0)
    queue = deque(starts)
    while queue:
        page = queue.popleft()
        for target in graph.get(page, []):
            target = _resolved(target, alias)
            if target not in distance:
                distance[target] = distance[page] + 1
                queue.append(target)
    return distance


def _is_html(response: Response, content_type: str | None) -> bool:
    if content_type:
        return content_type.split(";")[0].strip().lower() in HTML_TYPES
    return isinstance(response, TextResponse) and response.body.lstrip()[:15].lower().startswith(
        (b"<!doctype", b"<html")
    )


def _range_total(response: Response) -> int | None:
    """The whole file's length a range answer gives (``Content-Range: bytes 0-1048575/2345678``)."""
    value = _header(response, b"Content-Range") or ""
    total = value.rpartition("/")[2].strip()
    return int(total) if total.isdigit() else None


def _content_length(response: Response | None) -> int | None:
    if response is None or response.status >= 400:
        return None
    value = response.headers.get(b"Content-Length")
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
