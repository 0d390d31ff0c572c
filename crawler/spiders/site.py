"""The classic-website spider: a body's own server-rendered site, crawled as plain HTML in kk and ru.

From the site URL it finds the home page of each language through the site's own language switch
(``?lang=``, ``/kk/`` ``/ru/`` paths, ``hreflang`` or links labelled Қазақша/Русский; a root page
that only offers the languages is a splash page of no language). It then follows every internal
link breadth first. Per page it keeps what the checks need: final URL, language, status, headers,
click depth from the language's home page, the counterpart in the other language (where the switch
points), content SHA-256 as archived, title, links and downloads with their real size.

Click depths are shortest paths over the link graph, recomputed when the spider closes
(:meth:`SiteSpider.final_depths`): with parallel downloads a page can first be reached the long way.
The same bytes at a second URL (``/`` and ``/?lang=ru``) are one page; the second URL becomes an
alias. External links are checked with HEAD (bounded per body), never crawled.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from ashyq.base.vocabulary import LANGS
from ashyq.crawler.items import DownloadRecord, LinkRecord, PageItem
from ashyq.crawler.middlewares.failures import classify_exception, is_antibot, original_url
from ashyq.crawler.middlewares.traps import DEPTH, canonical_url
from ashyq.crawler.spiders.body import BodySpider
from ashyq.crawler.spiders.site_page import (
    ParsedPage,
    download_format,
    lang_from_text,
    lang_from_url,
    parse_page,
    sitemap_entries,
    sitemaps_in_robots,
)
from ashyq.store.bodies import Body

# Sites on the unified gov.kz platform are the gov.kz spider's.
PLATFORM_HOSTS = frozenset({"www.gov.kz", "gov.kz"})
HTML_TYPES = ("text/html", "application/xhtml+xml")


def classic_sites(body: Body | None) -> list[str]:
    if body is None:
        return []
    return [url for url in body.sites if (urlsplit(url).hostname or "").lower() not in PLATFORM_HOSTS]


def _host_variants(url: str) -> set[str]:
    host = (urlsplit(url).hostname or "").lower()
    bare = host.removeprefix("www.")
    return {bare, f"www.{bare}"}


def _other(lang: str | None) -> str | None:
    return {"kk": "ru", "ru": "kk"}.get(lang or "")


class SiteSpider(BodySpider):
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
            yield self.probe_request(
                f"{root}/robots.txt",
                self.parse_robots,
                method="GET",
                expect_errors=True,
                meta={"dont_obey_robotstxt": True, "ashyq_root": root},
            )

    def parse_robots(self, response: Response) -> Any:
        root = response.meta["ashyq_root"]
        listed = (
            sitemaps_in_robots(response.text) if response.status == 200 and isinstance(response, TextResponse) else []
        )
        for sitemap in listed or [f"{root}/sitemap.xml"]:
            yield self.probe_request(
                sitemap, self.parse_sitemap, method="GET", expect_errors=True, meta={"ashyq_sitemaps": 0}
            )

    def parse_sitemap(self, response: Response) -> Any:
        """URLs of a sitemap (or a sitemap index, followed a few levels); pages with no click depth yet."""
        if response.status >= 400:
            return
        nested = int(response.meta.get("ashyq_sitemaps", 0))
        for kind, url in sitemap_entries(response.body):
            url = canonical_url(url)
            if kind == "sitemap" and nested < 3:
                yield self.probe_request(
                    url, self.parse_sitemap, method="GET", expect_errors=True, meta={"ashyq_sitemaps": nested + 1}
                )
            elif kind == "url" and self._is_internal(url) and url not in self.requested and not download_format(url):
                self.requested.add(url)
                yield self.page_request(url, self.parse_page, source_url=canonical_url(response.url))

    # ── callbacks ───────────────────────────────────────────────────────────────────────────

    async def parse_entry(self, response: Response) -> AsyncIterator[Any]:
        parsed = self._read_page(response)
        url = canonical_url(original_url(response.request)) if response.request else canonical_url(response.url)
        lang = self._lang(parsed, response)
        switches = {lg: u for lg, u in (parsed.language_links if parsed else {}).items() if u != url}
        if sum(1 for lg in LANGS if lg in switches) >= 2:
            lang = None  # a splash page that only offers the languages belongs to neither
        elif lang in LANGS:
            self.homes.setdefault(lang, url)
        for switch_lang, home in switches.items():
            if switch_lang in LANGS and switch_lang != lang and (self.lang in (None, switch_lang)):
                self.homes.setdefault(switch_lang, home)
                if home not in self.requested:
                    self.requested.add(home)
                    yield self.page_request(home, self.parse_page, depth=0, source_url=url)
        async for result in self._harvest(response, parsed, lang, 0):
            yield result

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        parsed = self._read_page(response)
        depth = response.meta.get(DEPTH)  # None: known from the sitemap only, not yet by clicks
        async for result in self._harvest(response, parsed, self._lang(parsed, response), depth):
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

    def _lang(self, parsed: ParsedPage | None, response: Response) -> str | None:
        if parsed is not None and parsed.html_lang:
            return parsed.html_lang
        from_url = lang_from_url(response.url) or (lang_from_url(response.request.url) if response.request else None)
        if from_url or parsed is None:
            return from_url
        return lang_from_text(" ".join(filter(None, [parsed.title, parsed.text[:5000]])))

    async def _harvest(
        self, response: Response, parsed: ParsedPage | None, lang: str | None, depth: int | None
    ) -> AsyncIterator[Any]:
        request = response.request
        assert request is not None
        url = canonical_url(original_url(request))
        final = canonical_url(response.url)
        self._note_status(request, response.status)
        archive = self.archive_fields(response)
        first = self.digests.setdefault((lang, archive["content_sha256"]), url)
        if first != url:
            self.alias[url] = first  # the same bytes under another address: one page
            return
        if final != url:
            self.alias.setdefault(final, url)
        self.page_langs[url] = lang
        links = [] if parsed is None else parsed.links
        downloads = [] if parsed is None else await self._downloads(parsed, url)
        internal_pages = [
            link.url
            for link in links
            if self._is_internal(link.url) and not download_format(link.url) and link.url.startswith("http")
        ]
        self.graph[url] = internal_pages
        content_type = _header(response, b"Content-Type")
        yield PageItem(
            url=url,
            final_url=final,
            lang=lang,
            status=response.status,
            headers={k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()},
            depth=depth,
            content_type=content_type,
            title=parsed.title if parsed else None,
            source=self.source,
            counterpart_url=(parsed.language_links.get(_other(lang) or "") if parsed else None),
            links=[LinkRecord(lk.url, lk.anchor_text, self._is_internal(lk.url), lk.rel, lk.target) for lk in links],
            downloads=downloads,
            fetched_at=self.now(),
            **archive,
        )
        for target in internal_pages:
            if target not in self.requested:
                self.requested.add(target)
                next_depth = None if depth is None else depth + 1
                yield self.page_request(target, self.parse_page, depth=next_depth, source_url=url)
        for request_out in self._link_checks(links, url):
            yield request_out

    def _is_internal(self, url: str) -> bool:
        return (urlsplit(url).hostname or "").lower() in self.hosts

    def _link_checks(self, links: list[Any], source_url: str) -> list[Any]:
        limit = self.settings.getint("ASHYQ_MAX_EXTERNAL_CHECKS", 200)
        checks = []
        for link in links:
            url = link.url
            if not url.startswith(("http://", "https://")) or self._is_internal(url) or download_format(url):
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
                )
            )
        return records

    async def _check_size(self, url: str, fmt: str | None, page_url: str) -> DownloadRecord:
        """The real size: Content-Length of a HEAD, else the length of a bounded GET."""
        response = await self._fetch_probe(url, "HEAD", page_url)
        length = _content_length(response)
        if response is not None and (response.status in (405, 501) or (response.status < 400 and length is None)):
            response = await self._fetch_probe(url, "GET", page_url)
            length = len(response.body) if response is not None and response.status < 400 else None
        if response is None:
            return DownloadRecord(url, fmt, None)
        self._note_status(response.request or url, response.status)
        content_type = _header(response, b"Content-Type")
        if response.status >= 400 and response.request is not None:
            self.record_failure(response.request, "http_status", f"HTTP {response.status} (download)", response.status)
        return DownloadRecord(
            url, download_format(url, content_type) or fmt, None, length, content_type, response.status
        )

    async def _fetch_probe(self, url: str, method: str, page_url: str) -> Response | None:
        meta = {"download_maxsize": self.settings.getint("ASHYQ_MAX_FILE_SIZE")} if method == "GET" else {}
        probe = self.probe_request(
            url, method=method, source_url=page_url, expect_errors=True, dont_filter=True, meta=meta
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

    def _resolve(self, url: str) -> str:
        hops = 0
        while url in self.alias and self.alias[url] != url and hops < 20:
            url, hops = self.alias[url], hops + 1
        return url

    def final_depths(self) -> dict[str, int]:
        """Shortest click paths from each language's home page to its pages (the entry page is 0)."""
        depths: dict[str, int] = {}
        for lang, home in self.homes.items():
            start = self._resolve(home)
            distance = {start: 0}
            queue = deque([start])
            while queue:
                page = queue.popleft()
                for target in self.graph.get(page, []):
                    target = self._resolve(target)
                    if target not in distance:
                        distance[target] = distance[page] + 1
                        queue.append(target)
            for page, clicks in distance.items():
                if self.page_langs.get(page) == lang and page in self.graph:
                    depths[page] = min(clicks, depths.get(page, clicks))
        for entry in self.entries:
            resolved = self._resolve(entry)
            if resolved in self.graph:
                depths[resolved] = 0
        return depths

    def link_statuses(self) -> dict[str, int]:
        statuses = dict(self.statuses)
        for url in self.alias:
            if url not in statuses and self._resolve(url) in statuses:
                statuses[url] = statuses[self._resolve(url)]
        return statuses


def _is_html(response: Response, content_type: str | None) -> bool:
    if content_type:
        return content_type.split(";")[0].strip().lower() in HTML_TYPES
    return isinstance(response, TextResponse) and response.body.lstrip()[:15].lower().startswith(
        (b"<!doctype", b"<html")
    )


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
