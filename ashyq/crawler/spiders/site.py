"""The classic-website spider: a body's own server-rendered site, crawled as plain HTML in kk and ru.

From the site URL it finds the home page of each language through the site's own language switch
(``?lang=``, ``/kk/`` ``/ru/`` paths, ``hreflang`` or links labelled Қазақша/Русский; a root page
that only offers the languages is a splash page of no language). It then follows every internal
link breadth first. Per page it keeps what the checks need: final URL, language, status, headers,
click depth from the language's home page, the counterpart in the other language (where the switch
points), content SHA-256 as archived, title, links and downloads with their real size.

Click depths are shortest paths over the link graph (the mobile version over its own), recomputed
when the spider closes (:mod:`ashyq.crawler.spiders.site_graph`): with parallel downloads a page can
first be reached the long way, and the depths must not depend on which answer came first.
The same bytes at a second URL (``/`` and ``/?lang=ru``) are one page; the second URL becomes an
alias. External links are checked with HEAD (bounded per body), never crawled.

Two kinds of site need more than the served HTML:

* **Built by JavaScript.** A page whose served markup is an empty shell, or a frame of custom elements a
  script fills (web components: their content lives in shadow roots the markup does not hold)
  (:func:`~ashyq.crawler.spiders.site_page.scripted_shell`) is rendered in Chromium
  (:mod:`ashyq.crawler.spiders.site_render`), and so is every later page of its host: links come from
  the rendered DOM, the routes its scripts move to with the History API are followed, the sitemap
  is read as for any site; the served response and the rendered DOM are both archived, the page
  points at the rendered one (``rendered``), recorded composed: each open shadow root in its host
  (:func:`ashyq.net.browser.page_html`). A single-page app whose router keeps the route in the
  fragment (``/#!/kk/komitet``, ``/#/ru/about``: :mod:`ashyq.base.routes`) has each route as a page: the
  shell is asked once (:mod:`ashyq.crawler.middlewares.routes`), every route rendered at its full
  address; a route the app draws as "page not found" (the render's ``not_found`` headings) is a 404.
* **With a separate mobile version** (:mod:`ashyq.crawler.spiders.site_mobile`,
  :mod:`ashyq.crawler.spiders.site_phone`): found from a link on the full site (an ``m.`` host, a
  ``/m/`` path, a link labelled "mobile version") or from the answer a phone gets at the entry address
  (a redirect, or other markup), and harvested with a phone's user agent in every language it offers,
  as pages of ``source`` ``site-mobile``.

A language the site keeps in the session (a cookie its switch sets, every address answering in it)
is told from the site's own switch and read in a cookie jar of its own, each of its pages under the
address the switch gives it (:mod:`ashyq.crawler.spiders.site_session`); a switch to another language
is always read in that language's jar, so it never changes the language of the rest of the crawl.

robots.txt and sitemap quirks (a relative ``Sitemap:`` line or ``loc``, a missing or junk file, a
gzipped sitemap) are read as far as they can be and never end the spider.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse

from ashyq.base.routes import route_fragment, wrapped_target
from ashyq.base.vocabulary import LANGS
from ashyq.crawler.middlewares.failures import original_url
from ashyq.crawler.middlewares.traps import DEPTH, SECTION_LINK, canonical_url
from ashyq.crawler.parsers.rendered import not_found_heading
from ashyq.crawler.sections import section_named
from ashyq.crawler.spiders.site_page import (
    FoundLink,
    ParsedPage,
    download_format,
    sitemap_entries,
    sitemaps_in_robots,
)
from ashyq.crawler.spiders.site_phone import SitePhone
from ashyq.crawler.spiders.site_reading import FRAME_LANG
from ashyq.crawler.spiders.site_render import RenderedPage
from ashyq.crawler.spiders.site_scope import (
    LANGUAGE_HOME,
    PLATFORM_HOSTS,
    classic_sites,
    host_variants,
    same_registrable_domain,
)
from ashyq.crawler.spiders.site_session import LANGUAGE_JAR, PLAIN, SessionLanguages, SessionSwitch, leads_back
from ashyq.store.bodies import Body

__all__ = ["PLATFORM_HOSTS", "SiteSpider", "classic_sites", "same_registrable_domain"]


class SiteSpider(SitePhone, SessionLanguages):
    """The classic-website spider: the crawl's own callbacks over the layers of
    :mod:`~ashyq.crawler.spiders.site_phone` (the mobile version), :mod:`~ashyq.crawler.spiders.site_reading`
    (a page and its language), :mod:`~ashyq.crawler.spiders.site_downloads` (downloads and external
    links), :mod:`~ashyq.crawler.spiders.site_scope` (the site's hosts) and
    :mod:`~ashyq.crawler.spiders.site_graph` (click depths and statuses)."""

    name = "site"
    source = "site"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session_langs: dict[str, SessionSwitch] = {}  # a language the site keeps in a cookie (site_session)

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SiteSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.close_browser, signal=signals.spider_closed)
        return spider

    @classmethod
    def applies_to(cls, body: Body) -> bool:
        return bool(classic_sites(body))

    async def start(self) -> AsyncIterator[Any]:
        for url in self.site_urls:
            self.requested.add(url)
            self.entries.add(url)
            yield self.page_request(url, self.parse_entry, depth=0)
        # Pages no menu links to still belong to the site: the sitemap lists them (robots.txt says where).
        for root in dict.fromkeys(f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.site_urls):
            yield self._robots_request(root)

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
                if self._in_mobile_version(url):
                    yield from self._mobile_requests([url], None, canonical_url(response.url))
                elif self._is_internal(url) and url not in self.requested:
                    self.requested.add(url)
                    yield self.page_request(url, self.parse_page, source_url=canonical_url(response.url))

    # ── callbacks ───────────────────────────────────────────────────────────────────────────

    async def parse_entry(self, response: Response) -> AsyncIterator[Any]:
        parsed, rendered = await self._read(response)
        url = canonical_url(original_url(response.request)) if response.request else canonical_url(response.url)
        landed = (urlsplit(response.url).hostname or "").lower()
        if landed not in self.hosts and self._joins(landed):
            self.hosts |= host_variants(response.url)  # www.body.gov.kz → kk.body.gov.kz: where the site is
        self._entry_landed(url, canonical_url(response.url))
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
            if self._outside_folder(home):
                continue  # the larger host's own home page (an oblast's ``/ru/`` above a district's folder)
            if switch_lang in LANGS and switch_lang != lang and (self.lang in (None, switch_lang)):
                self.homes.setdefault(switch_lang, home)
                if home not in self.requested and not self._in_mobile_version(home):
                    self.requested.add(home)
                    meta = {**LANGUAGE_HOME, **self._jar_meta(switch_lang, url, parsed, response.url)}
                    yield self.page_request(home, self.parse_page, depth=0, source_url=url, meta=meta, dont_filter=True)
        async for result in self._harvest(response, parsed, lang, 0, rendered):
            yield result
        if parsed is not None and url not in self.probed:
            yield self._phone_probe(url)

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

    def _drawn_missing(self, request: Any, rendered: RenderedPage, url: str) -> bool:
        """Whether the app drew its own "page not found" on the shell's 200 answer (a route it has no page
        for): a dead link like a 404 (Appendix 14 row 2.9), recorded so, never read as the body's content."""
        heading = not_found_heading(rendered.html, self.settings.getlist("ASHYQ_RENDER_NOT_FOUND"))
        if heading is None:
            return False
        self._note_status(url, 404)
        self.record_failure(request, "http_status", f"the page's script drew «{heading}» on a 200 answer", 404)
        return True

    def _internal_pages(self, links: list[FoundLink]) -> tuple[list[str], dict[str, str]]:
        """The body's pages the links lead to, and those link wrappers lead on to (a published document's
        ``/url?q=<address>&sa=D``, a redirector robots.txt keeps crawlers out of) by the wrapper's address: each of
        these is followed as the link's own target."""
        pages = [
            link.url
            for link in links
            if self._is_internal(link.url)
            and not download_format(link.url)
            and link.url.startswith("http")
            and not self._in_mobile_version(link.url)
        ]
        unwrapped = {
            link.url: canonical_url(target)
            for link in links
            if (target := wrapped_target(link.url)) is not None
            and self._is_internal(target)
            and not download_format(target)
            and not self._in_mobile_version(target)
        }
        return pages + [t for t in unwrapped.values() if t not in pages], unwrapped

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
        if final != url and self._outside_folder(final) and not self._outside_folder(url):
            return  # a page of the body's that leads to the larger host's own: a link target, not the body's page
        if rendered is not None and self._drawn_missing(request, rendered, url):
            return
        if rendered is not None and route_fragment(final) and self._is_internal(final):
            self.requested.add(final)  # the route the app moved to (``/`` → ``/#!/kk/``) is this page
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
        for request_out in self._adopt_sub_hosts(links, url):
            yield request_out
        downloads = [] if parsed is None else await self._downloads(parsed, url)
        internal_pages, unwrapped = self._internal_pages(links)
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
        sections = _sections(links, unwrapped)
        for target, address, in_jar in follow:
            if address not in self.requested and not self._in_mobile_version(address):
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


def _sections(links: list[FoundLink], unwrapped: dict[str, str]) -> dict[str, str | None]:
    """The section each linked page's label names (any of the links to a page may be the one whose label names it),
    a link wrapper's label naming the page it leads on to."""
    sections: dict[str, str | None] = {}
    for link in links:
        for address in (link.url, unwrapped.get(link.url)):
            if address is not None:
                sections[address] = sections.get(address) or section_named(link.anchor_text)
    return sections
