"""What the site spider checks without crawling it: the real size of each download, the text layer of
a linked PDF (and of the files in a linked ZIP archive), and the answer of each external link (HEAD,
bounded per body; a HEAD answered 405 is asked again with GET, and is no dead link)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from scrapy.http import Response

from ashyq.base.archive_text import archive_text_layer
from ashyq.base.pdf_text import pdf_text_layer
from ashyq.crawler.items import DownloadRecord
from ashyq.crawler.middlewares.failures import classify_exception, is_antibot, original_url
from ashyq.crawler.middlewares.traps import canonical_url
from ashyq.crawler.spiders.site_page import ParsedPage, download_format
from ashyq.crawler.spiders.site_scope import SiteScope

# how much of a linked PDF is read for its text layer: the fonts of its pages come early; a scan's
# absence of any font is told only by a file read whole
PDF_READ_BYTES = 2 * 1024 * 1024
# a linked ZIP archive up to this size is read whole for the files inside it (its directory is at its end)
ARCHIVE_READ_BYTES = 8 * 1024 * 1024


class SiteDownloads(SiteScope):
    """Downloads measured and external links checked, each once per crawl."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.external_checked: set[str] = set()
        self.size_checks: dict[str, asyncio.Future[DownloadRecord]] = {}

    # the mobile version's address space (ashyq.crawler.spiders.site_phone): not external
    def _in_mobile_version(self, url: str) -> bool:
        return False

    def _link_checks(self, links: list[Any], source_url: str) -> list[Any]:
        limit = self.settings.getint("ASHYQ_MAX_EXTERNAL_CHECKS", 200)
        checks = []
        for link in links:
            url = link.url
            if not url.startswith(("http://", "https://")) or self._is_internal(url) or download_format(url):
                continue
            if self._in_mobile_version(url):
                continue
            if url in self.external_checked or len(self.external_checked) >= limit:
                continue
            self.external_checked.add(url)
            checks.append(self.probe_request(url, self.on_link_checked, source_url=source_url, expect_errors=True))
        return checks

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
        machine-readable document (Appendix 15's "*" indicators); a ZIP archive within
        :data:`ARCHIVE_READ_BYTES` is read whole for the files inside it."""
        if (download_format(url) or fmt) == "pdf":
            return await self._read_pdf(url, fmt, page_url)
        response = await self._fetch_probe(url, "HEAD", page_url)
        length = _content_length(response)
        if response is not None and (response.status in (405, 501) or (response.status < 400 and length is None)):
            response = await self._fetch_probe(url, "GET", page_url)
            length = len(response.body) if response is not None and response.status < 400 else None
        if response is None:
            return DownloadRecord(url, fmt, None)
        measured = self._measured(url, fmt, response, length)
        if measured.format == "zip" and response.status < 400 and length is not None and length <= ARCHIVE_READ_BYTES:
            got = response if getattr(response.request, "method", None) == "GET" else None
            return await self._read_archive(measured, page_url, got)
        return measured

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

    async def _read_archive(self, measured: DownloadRecord, page_url: str, got: Response | None) -> DownloadRecord:
        """A ZIP archive no bigger than :data:`ARCHIVE_READ_BYTES`, read whole for the text of the files inside it:
        one that does not open, or holds only scans, offers no machine-readable document
        (:mod:`ashyq.base.archive_text`). ``got``: the answer of a GET already made for its size."""
        response = got or await self._fetch_probe(measured.url, "GET", page_url)
        if response is None or response.status != 200:
            return measured
        return replace(measured, text_layer=archive_text_layer(response.body, complete=True))

    def _measured(self, url: str, fmt: str | None, response: Response, length: int | None) -> DownloadRecord:
        self._note_status(response.request or url, response.status)
        content_type = header(response, b"Content-Type")
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


def _range_total(response: Response) -> int | None:
    """The whole file's length a range answer gives (``Content-Range: bytes 0-1048575/2345678``)."""
    value = header(response, b"Content-Range") or ""
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


def header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
