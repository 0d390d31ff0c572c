"""Conditional, change-aware fetching: ask again only whether something changed since the last run.

When the run names a baseline (``ASHYQ_BASELINE_RUN``: the previous complete run of the same
registry), the body's captures in that run's WARC are indexed at spider start
(:func:`ashyq.store.captures.index_captures`). A request asked before goes out with
``If-None-Match`` / ``If-Modified-Since`` from the validators the server sent then. The answer is
"unchanged" when the server says ``304 Not Modified``, or - servers that ignore validators, and
POST answers, which have none - when it sends the same bytes again (same SHA-256). An unchanged
answer is archived as a ``revisit`` record naming the original capture, and the spider is handed
the original response (its status, headers and body as transferred), so parsing, link discovery
and items are exactly what a full fetch gives; ``response.flags`` says ``revisit``.

Sits between the download handler and the WARC capture (which leaves a revisit to this
middleware), so it sees the 304 before anything else does. Without a baseline it switches itself
off (``NotConfigured``).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from scrapy import Request, Spider, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes

from ashyq.crawler.middlewares.archive import (
    REVISIT_FLAG,
    SHELL_FLAG,
    UNASSIGNED_BODY,
    WARC_META,
    header_pairs,
    reason_phrase,
)
from ashyq.store.captures import VARYING_HEADERS, CaptureKey, PriorCapture, capture_key, index_captures, read_original
from ashyq.store.warc import acquire_archive, release_archive

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

PRIOR_META = "ashyq_prior_capture"
_INDEXES: dict[tuple[Path, str, str], dict[CaptureKey, PriorCapture]] = {}
# a request that must be fetched whole whatever the baseline holds (a retry after a changed ticket …)
FULL_FETCH_META = "ashyq_full_fetch"


class ConditionalFetchMiddleware:
    def __init__(self, crawler: Crawler, baseline: str) -> None:
        self.crawler = crawler
        self.baseline = baseline
        self.out_dir = Path(crawler.settings.get("ASHYQ_OUT_DIR", "out"))
        self.run_id = crawler.settings.get("ASHYQ_RUN_ID", "adhoc")
        self.captures: dict[CaptureKey, PriorCapture] = {}
        self._key: tuple[str, str, str] | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalFetchMiddleware:
        baseline = crawler.settings.get("ASHYQ_BASELINE_RUN")
        if not baseline:
            raise NotConfigured("no baseline run: every request is fetched whole")
        return cls(crawler, str(baseline))

    def spider_opened(self, spider: Spider) -> None:
        self.out_dir = Path(getattr(spider, "out_dir", None) or self.out_dir).resolve()
        run_id = str(getattr(spider, "run_id", None) or self.run_id)
        body_id = str(getattr(spider, "body_id", None) or UNASSIGNED_BODY)
        self.captures = _index(self.out_dir, self.baseline, body_id)
        self._key = (str(self.out_dir), run_id, body_id)
        self.archive = acquire_archive(*self._key)

    def spider_closed(self, spider: Spider) -> None:
        if self._key is not None:
            release_archive(*self._key)
            self._key = None

    def _count(self, what: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"ashyq/fetch/{what}")

    def process_request(self, request: Request) -> None:
        if request.meta.get("playwright") or request.meta.get(FULL_FETCH_META) or not self.captures:
            return None
        varying = {name: _header(request.headers, name) for name in VARYING_HEADERS}
        prior = self.captures.get(capture_key(request.method, request.url, request.body, varying))
        if prior is None:
            return None
        request.meta[PRIOR_META] = prior
        if request.method == "GET":
            if prior.etag and b"If-None-Match" not in request.headers:
                request.headers[b"If-None-Match"] = prior.etag
            if prior.last_modified and b"If-Modified-Since" not in request.headers:
                request.headers[b"If-Modified-Since"] = prior.last_modified
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("playwright") or SHELL_FLAG in response.flags:
            return response
        prior = request.meta.get(PRIOR_META)
        if not isinstance(prior, PriorCapture) or self._key is None:
            self._count("full" if response.status != 304 else "not-modified-unknown")
            return response
        profile: Literal["server-not-modified", "identical-payload-digest"]
        if response.status == 304:
            profile = "server-not-modified"
        elif (
            response.status == prior.status
            and hashlib.sha256(response.body).hexdigest() == prior.original.payload_sha256
        ):
            profile = "identical-payload-digest"
        else:
            self._count("full")
            return response
        original = read_original(self.out_dir, prior.original)
        if original is None:  # the baseline's file is gone: ask again without validators
            self._count("refetched")
            retry = request.replace(dont_filter=True)
            retry.meta[FULL_FETCH_META] = True
            retry.meta.pop(PRIOR_META, None)
            for header in (b"If-None-Match", b"If-Modified-Since"):
                retry.headers.pop(header, None)
            return retry  # type: ignore[return-value]
        http, body = original
        ref = self.archive.write_revisit(
            url=response.url,
            method=request.method,
            request_headers=header_pairs(request.headers),
            original=prior.original,
            profile=profile,
            status=response.status,
            reason=reason_phrase(response.status),
            protocol=response.protocol,
            response_headers=header_pairs(response.headers),
            fetched_at=datetime.now(UTC),
            request_body=request.body,
        )
        request.meta[WARC_META] = ref
        self._count("revisit")
        headers = Headers([(name, value) for name, value in http.headers])
        status = int(http.get_statuscode() or 200)
        cls = responsetypes.from_args(headers=headers, url=response.url, body=body)
        return cls(
            url=response.url,
            status=status,
            headers=headers,
            body=body,
            flags=[*response.flags, REVISIT_FLAG],
            request=request,
            protocol=response.protocol,
            ip_address=response.ip_address,
        )


def _header(headers: Headers, name: str) -> str:
    """A request header as the archive writes it (several values joined)."""
    return b", ".join(headers.getlist(name)).decode("latin-1")


def _index(out_dir: Path, baseline: str, body_id: str) -> dict[CaptureKey, PriorCapture]:
    """The baseline's captures of the body, read once per crawl process (every spider of the body asks)."""
    key = (out_dir, baseline, body_id)
    if key not in _INDEXES:
        _INDEXES[key] = index_captures(out_dir, baseline, body_id)
    return _INDEXES[key]
