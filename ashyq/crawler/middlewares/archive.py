"""Every HTTP exchange into the body's WARC, as it came off the wire (before decompression).

Sits next to the download handler, so it sees the real URL (the base-URL map works below it) and
the body as transferred. The record's id, file, offset and payload SHA-256 go into
``request.meta["warc"]`` (a :class:`ashyq.store.warc.WarcRef`), from where spiders put them on items.

Answers rendered by a browser (``meta["playwright"]``) are a DOM, not wire bytes: they are not
written as ``response`` records; the render step adds them with :func:`ashyq.store.warc.write_resource`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from http import HTTPStatus
from typing import TYPE_CHECKING

from scrapy import Request, Spider, signals
from scrapy.http import Headers, Response

from ashyq.store.warc import WarcRef, acquire_archive, release_archive

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

WARC_META = "warc"
UNASSIGNED_BODY = "_unassigned"
# an answer the conditional fetch archived as a revisit (:mod:`ashyq.crawler.middlewares.conditional`)
REVISIT_FLAG = "revisit"
# a single-page app's shell handed to one of its routes, archived when it was asked for
# (:mod:`ashyq.crawler.middlewares.routes`)
SHELL_FLAG = "route-shell"


def warc_ref(request_or_response: Request | Response) -> WarcRef | None:
    ref = request_or_response.meta.get(WARC_META)
    return ref if isinstance(ref, WarcRef) else None


def header_pairs(headers: Headers) -> list[tuple[str, str]]:
    return [(name.decode("latin-1"), b", ".join(values).decode("latin-1")) for name, values in headers.items()]


def reason_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class WarcCaptureMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.out_dir = crawler.settings.get("ASHYQ_OUT_DIR", "out")
        self.run_id = crawler.settings.get("ASHYQ_RUN_ID", "adhoc")
        self._key: tuple[str, str, str] | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcCaptureMiddleware:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        out_dir = getattr(spider, "out_dir", None) or self.out_dir
        run_id = getattr(spider, "run_id", None) or self.run_id
        body_id = getattr(spider, "body_id", None) or UNASSIGNED_BODY
        self._key = (str(out_dir), str(run_id), str(body_id))
        self.archive = acquire_archive(*self._key)

    def spider_closed(self, spider: Spider) -> None:
        if self._key is not None:
            release_archive(*self._key)
            self._key = None

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("playwright") or self._key is None or {REVISIT_FLAG, SHELL_FLAG} & set(response.flags):
            return response
        ref = self.archive.write_exchange(
            url=response.url,
            method=request.method,
            request_headers=header_pairs(request.headers),
            status=response.status,
            reason=reason_phrase(response.status),
            protocol=response.protocol,
            response_headers=header_pairs(response.headers),
            body=response.body,
            fetched_at=datetime.now(UTC),
            request_body=request.body,
        )
        request.meta[WARC_META] = ref
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("ashyq/warc/records")
        return response
