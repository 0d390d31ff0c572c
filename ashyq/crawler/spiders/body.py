"""What every spider of a body shares: its arguments, request helpers and the failure safety net.

Spider arguments (``scrapy crawl <name> -a …`` or the runner): ``run_id``, ``body_id``, ``lang``
(one language, or None for all), ``out_dir`` (where the run's WARC files go), ``body`` (the
registry entry, :class:`ashyq.store.bodies.Body`), ``other_sites`` (the sites of the registry's
other bodies: where this body's site ends, :func:`ashyq.crawler.spiders.site_scope.joins_site`).
Spiders yield only items from :mod:`ashyq.crawler.items`; failures of requests made through
:meth:`BodySpider.page_request` and :meth:`BodySpider.probe_request` are recorded by the downloader
(see :mod:`ashyq.crawler.middlewares.failures`) and, failing that, by :meth:`BodySpider.on_error`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, ClassVar

from scrapy import Request, Spider
from scrapy.http import Response
from twisted.python.failure import Failure

from ashyq.crawler.items import FailureReason, FetchFailureItem
from ashyq.crawler.middlewares.archive import warc_ref
from ashyq.crawler.middlewares.failures import NO_FAILURE, SOURCE, record_failure, record_from_errback
from ashyq.crawler.middlewares.traps import DEPTH, KIND, canonical_url
from ashyq.store.bodies import Body
from ashyq.store.warc import sha256_hex

__all__ = ["BodySpider", "canonical_url"]


class BodySpider(Spider):
    """A spider that harvests one body in one run."""

    name = "body"
    source: ClassVar[str] = "site"  # PageItem.source of what this spider stores
    harvests: ClassVar[tuple[str, ...]] = ("pages",)  # the check inputs it yields (ashyq.checks.inputs)

    def __init__(
        self,
        *,
        run_id: str,
        body_id: str,
        out_dir: str = "out",
        lang: str | None = None,
        body: Body | None = None,
        other_sites: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.run_id = run_id
        self.body_id = body_id
        self.out_dir = out_dir
        self.lang = lang
        self.body = body
        self.other_sites = list(other_sites or [])

    @classmethod
    def applies_to(cls, body: Body) -> bool:
        """Whether this spider has anything to harvest for ``body`` (the registry asks)."""
        return False

    # ── requests ────────────────────────────────────────────────────────────────────────────

    def page_request(
        self,
        url: str,
        callback: Callable[..., Any],
        *,
        depth: int | None = None,
        source_url: str | None = None,
        meta: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Request:
        """A page to harvest: canonical URL, click depth, the page that linked it, the errback."""
        full_meta = {KIND: "page", **(meta or {})}
        if depth is not None:
            full_meta[DEPTH] = depth
        if source_url:
            full_meta[SOURCE] = source_url
        return Request(canonical_url(url), callback=callback, errback=self.on_error, meta=full_meta, **kwargs)

    def probe_request(
        self,
        url: str,
        callback: Callable[..., Any] | None = None,
        *,
        method: str = "HEAD",
        source_url: str | None = None,
        expect_errors: bool = False,
        meta: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Request:
        """A size or link check, not a page: no page limit, no depth.

        With ``expect_errors`` the callback sees every status and decides itself what is a failure
        (a HEAD answered 405 is not a dead link).
        """
        full_meta: dict[str, Any] = {KIND: "probe", **(meta or {})}
        if source_url:
            full_meta[SOURCE] = source_url
        if expect_errors:
            full_meta[NO_FAILURE] = True
            full_meta["handle_httpstatus_all"] = True
        return Request(
            canonical_url(url),
            method=method,
            callback=callback or self.on_probe_ignored,
            errback=self.on_error,
            meta=full_meta,
            dont_filter=kwargs.pop("dont_filter", False),
            **kwargs,
        )

    def on_probe_ignored(self, response: Response) -> None:
        return None

    # ── failures ────────────────────────────────────────────────────────────────────────────

    def on_error(self, failure: Failure) -> None:
        """The safety net: a failure the downloader did not record is recorded here."""
        record_from_errback(self.crawler, failure)

    def record_failure(
        self, request: Request, reason: FailureReason, detail: str, status_code: int | None = None
    ) -> None:
        record_failure(self.crawler, request, reason, detail, status_code)

    @staticmethod
    def failure_item(
        url: str, reason: FailureReason, detail: str | None = None, status_code: int | None = None
    ) -> FetchFailureItem:
        """For spiders that find a failure in a 200 answer (an API error body, an empty shell)."""
        return FetchFailureItem(url=canonical_url(url), reason=reason, detail=detail, status_code=status_code)

    # ── what items share ────────────────────────────────────────────────────────────────────

    @staticmethod
    def archive_fields(response: Response) -> dict[str, Any]:
        """WARC file and record id of the response, and the SHA-256 of its payload as archived."""
        ref = warc_ref(response)
        if ref is None:
            return {"warc_file": None, "warc_record_id": None, "content_sha256": sha256_hex(response.body)}
        return {"warc_file": ref.file, "warc_record_id": ref.record_id, "content_sha256": ref.payload_sha256}

    @staticmethod
    def now() -> datetime:
        return datetime.now(UTC)

    def final_depths(self) -> dict[str, dict[str, int]]:
        """Corrected click depths by page source, then page URL, asked by the store pipeline when the
        spider closes.

        Depths on items are provisional when responses arrive out of order; a spider that keeps
        the link graph returns the shortest click paths here.
        """
        return {}

    def link_statuses(self) -> dict[str, int]:
        """HTTP status of link targets the spider fetched or checked (for Link.target_status)."""
        return {}
