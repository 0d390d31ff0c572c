"""No failure is dropped: every refusal, error and final HTTP error becomes a FetchFailureItem.

Failures are reported through one signal, :data:`FETCH_FAILED`, which the store pipeline listens
to; spiders do not have to yield them. Components that refuse a request raise
:class:`RefusedRequest` with the reason; the recorder, the last downloader middleware to see a
response or an exception, records what nobody recorded before. A request carries a flag once its
failure is recorded, so the spider's errback (the safety net for failures raised past the
downloader) never records it twice.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as twisted_errors
from twisted.python.failure import Failure

from ashyq.crawler.items import FailureReason, FetchFailureItem
from ashyq.net.urlmap import BaseUrlMap

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)

FETCH_FAILED = object()  # signal: failure=FetchFailureItem, request=Request, spider=Spider
RECORDED = "ashyq_failure_recorded"
NO_FAILURE = "ashyq_no_failure"  # meta: error answers (4xx/5xx) are handled by the callback, not recorded here
SOURCE = "ashyq_source"  # meta: the page whose link this request follows


class RefusedRequest(IgnoreRequest):
    """A request our components refused, and why (never a silent drop)."""

    def __init__(self, reason: FailureReason, detail: str, status_code: int | None = None) -> None:
        super().__init__(detail)
        self.reason: FailureReason = reason
        self.detail = detail
        self.status_code = status_code


_TIMEOUTS = (DownloadTimeoutError, twisted_errors.TimeoutError, twisted_errors.TCPTimedOutError, TimeoutError)
_DNS = (CannotResolveHostError, twisted_errors.DNSLookupError)


def classify_exception(exc: BaseException) -> tuple[FailureReason, str, int | None]:
    """The reason, a one-line detail and the HTTP status (if any) of an exception."""
    if isinstance(exc, RefusedRequest):
        return exc.reason, exc.detail, exc.status_code
    if isinstance(exc, HttpError):
        status = exc.response.status
        return "http_status", f"HTTP {status}", status
    if isinstance(exc, IgnoreRequest) and "robots.txt" in str(exc):
        return "robots", "disallowed by the site's robots.txt", None
    if isinstance(exc, _TIMEOUTS):
        return "timeout", str(exc) or "timed out", None
    if isinstance(exc, DownloadCancelledError):
        return "too_large", str(exc) or "answer larger than the download limit", None
    if isinstance(exc, _DNS):
        return "error", f"DNS: {exc}", None
    if isinstance(exc, DownloadConnectionRefusedError | twisted_errors.ConnectionRefusedError):
        return "error", f"connection refused: {exc}", None
    return "error", f"{type(exc).__name__}: {exc}"[:500], None


def is_antibot(response: Response, markers: list[str]) -> bool:
    """An error answer that is a bot wall (a ticket refusal, a captcha), not a missing page."""
    if response.status < 400 or not markers:
        return False
    head = response.body[:8192].decode("utf-8", "replace").lower()
    return any(marker.lower() in head for marker in markers)


def source_of(request: Request) -> str | None:
    referer = request.headers.get(b"Referer")
    return request.meta.get(SOURCE) or (referer.decode("latin-1") if referer else None)


def original_url(request: Request) -> str:
    """The URL the spider asked for: a failure after redirects is the failure of that link."""
    chain: list[str] = request.meta.get("redirect_urls") or []
    return chain[0] if chain else request.url


def record_failure(
    crawler: Crawler,
    request: Request,
    reason: FailureReason,
    detail: str,
    status_code: int | None = None,
) -> bool:
    """Report a failure once per request; False when it had been reported already."""
    if request.meta.get(RECORDED):
        return False
    request.meta[RECORDED] = True
    url = original_url(request)
    if url != request.url:
        detail = f"{detail} (after redirect to {request.url})"
    source = source_of(request)
    if source:
        detail = f"{detail}; linked from {source}"
    url_map = BaseUrlMap.from_mapping(crawler.settings.getdict("ASHYQ_BASE_URL_MAP"))
    item = FetchFailureItem(url=url, reason=reason, detail=url_map.realise_text(detail), status_code=status_code)
    crawler.signals.send_catch_log(signal=FETCH_FAILED, failure=item, request=request, spider=crawler.spider)
    return True


def record_from_errback(crawler: Crawler, failure: Failure) -> bool:
    """The spiders' errback safety net: record what reached the spider unrecorded."""
    request = getattr(failure, "request", None)
    if request is None:
        log.warning("a failure without a request cannot be recorded: %s", failure.value)
        return False
    if failure.value is None:
        return False
    reason, detail, status = classify_exception(failure.value)
    return record_failure(crawler, request, reason, detail, status)


class FailureRecorderMiddleware:
    """Last in line for responses and exceptions: records final HTTP errors and every exception."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.markers: list[str] = crawler.settings.getlist("ASHYQ_ANTIBOT_MARKERS")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureRecorderMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in (404, 410) and urlsplit(request.url).path == "/robots.txt":
            return response  # no robots.txt: everything is allowed, nothing failed
        if response.status >= 400 and not request.meta.get(NO_FAILURE):
            antibot = is_antibot(response, self.markers)
            reason: FailureReason = "antibot" if antibot else "http_status"
            detail = f"HTTP {response.status}" + (" with a bot-wall answer" if antibot else "")
            record_failure(self.crawler, request, reason, detail, response.status)
        return response

    def process_exception(self, request: Request, exception: Exception) -> Any:
        # NO_FAILURE covers error *answers* only: an exception (refusal, timeout, DNS) is always news.
        reason, detail, status = classify_exception(exception)
        record_failure(self.crawler, request, reason, detail, status)
        return None
