"""What the gov.kz and portal spiders share: the body and its identifier, languages, records,
failures and the ``coverage`` record that tells "none found" apart from "not measurable".

A spider is run for one body (``body_id`` in a registry, or a ``body`` object) and yields only
items from :mod:`ashyq.crawler.items`. Every request it makes addresses the real host; the base-URL map
(infrastructure) decides where it is fetched from.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeVar

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from ashyq.base.vocabulary import LANGS
from ashyq.crawler.items import FailureReason, FetchFailureItem, PortalRecordItem
from ashyq.crawler.parsers.fields import Record
from ashyq.store.bodies import Body, load_registry

# meta keys of the infrastructure: a failure already recorded for this request; an error answer
# this spider handles (and records) itself
RECORDED = "ashyq_failure_recorded"
NO_FAILURE = "ashyq_no_failure"
# meta keys the WARC middleware may use for the record id of an archived response
WARC_META_KEYS = ("warc_record_id", "ashyq_warc_record_id", "warc_response_record_id")


def robots_override(overrides: Iterable[Any], url: str) -> str | None:
    """The recorded reason to fetch ``url`` despite robots.txt (``robots.overrides`` in
    ashyq/config/crawl.yaml, as the ``ASHYQ_ROBOTS_OVERRIDES`` setting), or None."""
    for entry in overrides or []:
        if isinstance(entry, dict) and entry.get("reason") and url.startswith(str(entry.get("source") or "\0")):
            return str(entry["reason"])
    return None


def classify_failure(failure: Failure) -> FailureReason:
    """A download error as the store's failure reason."""
    name = type(failure.value).__name__
    text = str(failure.value).lower()
    if "timeout" in name.lower() or "timed out" in text:
        return "timeout"
    if "robots" in text:
        return "robots"
    if name == "HttpError":
        return "http_status"
    return "error"


class PortalSpider(scrapy.Spider):
    """One body on one portal; subclasses set ``portal``, ``identifier`` and ``languages``."""

    portal: ClassVar[str]
    identifier: ClassVar[str]  # the field of ashyq.store.bodies.Identifiers this portal needs
    harvests: ClassVar[tuple[str, ...]]  # the check inputs it yields (ashyq.checks.inputs): records:<portal>
    languages: ClassVar[tuple[str, ...]] = LANGS
    base_url: ClassVar[str]

    def __init__(
        self,
        body_id: str | None = None,
        registry: str = "kz",
        run_id: str | None = None,
        lang: str | None = None,
        body: Body | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.body: Body = body if body is not None else load_registry(registry).get(str(body_id))
        self.body_id = self.body.id
        self.run_id = run_id
        wanted = [x.strip() for x in (lang or "").split(",") if x.strip()]
        self.langs: tuple[str, ...] = tuple(x for x in self.languages if not wanted or x in wanted)

    @classmethod
    def applies_to(cls, body: Body) -> bool:
        """Every body: one whose identifier is unknown gets a recorded "not measured" instead."""
        return True

    # ---- identifiers ---------------------------------------------------------------------------

    def body_identifier(self) -> Any:
        return getattr(self.body.ids, self.identifier)

    def identifier_missing(self) -> PortalRecordItem:
        """The record that says this portal was not measured for the body, and why."""
        self.logger.info("%s: %s unknown for %s, skipped", self.portal, self.identifier, self.body_id)
        return self.coverage("all", None, measurable=False, reason=f"{self.identifier} unknown")

    # ---- items ---------------------------------------------------------------------------------

    def record(self, record: Record, response: Response | None, lang: str | None, url: str | None = None) -> Any:
        return PortalRecordItem(
            portal=self.portal,  # type: ignore[arg-type]
            record_kind=record.kind,
            external_id=record.external_id,
            lang=lang,
            payload=record.payload,
            source_url=url or (response.url if response is not None else self.base_url),
            warc_record_id=warc_record_id(response),
        )

    def records(self, records: Iterable[Record], response: Response, lang: str | None) -> Iterable[Any]:
        for record in records:
            yield self.record(record, response, lang)

    def coverage(
        self, content: str, lang: str | None, measurable: bool, count: int | None = None, reason: str | None = None
    ) -> PortalRecordItem:
        """``coverage``: how many of ``content`` were listed, or why they could not be measured."""
        payload: dict[str, Any] = {"content": content, "measurable": measurable}
        if count is not None:
            payload["count"] = count
        if reason is not None:
            payload["reason"] = reason
        return PortalRecordItem(
            portal=self.portal,  # type: ignore[arg-type]
            record_kind="coverage",
            external_id=f"{content}:{lang or '-'}",
            lang=lang,
            payload=payload,
            source_url=self.base_url,
        )

    def failure(
        self, url: str, reason: FailureReason, detail: str | None = None, status: int | None = None
    ) -> FetchFailureItem:
        return FetchFailureItem(url=url, reason=reason, detail=detail, status_code=status)

    def http_failure(self, response: Response, detail: str | None = None) -> Iterable[FetchFailureItem]:
        """A failed answer, unless the infrastructure's failure recorder has recorded it already."""
        if response.meta.get(RECORDED):
            return
        response.meta[RECORDED] = True
        yield self.failure(response.url, "http_status", detail or f"HTTP {response.status}", response.status)

    def not_answered(self, response: Response) -> Iterable[Any]:
        """An answer other than 200: the failure and, on the first page of a list (``coverage_content``
        in its meta), that content not measurable."""
        yield from self.http_failure(response)
        content = response.meta.get("coverage_content")
        if content:
            yield self.coverage(content, response.meta["lang"], measurable=False, reason=f"http_{response.status}")

    def errback(self, failure: Failure) -> Iterable[Any]:
        """Network errors, timeouts and robots refusals become failures, never crashes."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else self.base_url
        if request is None or not request.meta.get(RECORDED):
            if request is not None:
                request.meta[RECORDED] = True
            response = getattr(failure.value, "response", None)
            status = getattr(response, "status", None)
            detail = f"{type(failure.value).__name__}: {failure.value}"
            yield self.failure(url, classify_failure(failure), detail, status)
        content = request.meta.get("coverage_content") if request is not None else None
        if content and request is not None:
            yield self.coverage(content, request.meta.get("lang"), measurable=False, reason=classify_failure(failure))


Spider = TypeVar("Spider", bound=PortalSpider)


def answered(callback: Callable[[Spider, Response], Iterable[Any]]) -> Callable[[Spider, Response], Iterable[Any]]:
    """A callback that reads only an answer of 200: any other is told by :meth:`PortalSpider.not_answered`."""

    @functools.wraps(callback)
    def read(spider: Spider, response: Response) -> Iterable[Any]:
        if response.status != 200:
            yield from spider.not_answered(response)
            return
        yield from callback(spider, response)

    return read


def warc_record_id(response: Response | None) -> str | None:
    """The record id the WARC middleware put on the request (``meta["warc"]``, a WarcRef)."""
    if response is None:
        return None
    try:
        ref = response.meta.get("warc")
    except AttributeError:  # a response not bound to a request
        return None
    if ref is not None and getattr(ref, "record_id", None):
        return str(ref.record_id)
    for key in WARC_META_KEYS:
        value = response.meta.get(key) if hasattr(response, "meta") else None
        if value:
            return str(value)
    return None


def egov_request(url: str, callback: Any, errback: Any, lang: str, **kwargs: Any) -> scrapy.Request:
    """A request in the language's own session. The same URL is asked once per language, so the
    duplicate filter (which ignores cookies) must not drop the second language's request."""
    meta = egov_meta(lang, **kwargs.pop("meta", {}))
    return scrapy.Request(
        url, callback=callback, errback=errback, cookies=egov_cookies(lang), meta=meta, dont_filter=True, **kwargs
    )


def egov_meta(lang: str, **extra: Any) -> dict[str, Any]:
    """One cookie session per language on the *.egov.kz portals, and the body's HTTP errors handled here."""
    return {"cookiejar": f"lang-{lang}", "lang": lang, "handle_httpstatus_all": True, **extra}


def egov_cookies(lang: str) -> dict[str | bytes, Any]:
    # The portals serve Kazakh without the cookie; it is set explicitly for both languages.
    return {"egovLang": lang}


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
