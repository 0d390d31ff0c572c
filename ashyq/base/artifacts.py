"""What the harvest and the browser gather step stored about a body, as the checks read it: pages
(the HTML as served or the rendered DOM), portal records, fetch failures, browser measurements, and
:class:`BodyArtifacts`, everything about one body in one run.

The crawler and the gather step produce these, the pipeline reads them back from the store, and
the checks are pure functions of them. Each can name itself as evidence (:class:`EvidenceRef`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ashyq.base.evidence import EvidenceRef
from ashyq.base.period import ReportingPeriod, period_of
from ashyq.base.text import trim

# The measurements the browser gather step takes on a body's pages, and those only an outside
# provider can take (a rank in search engines, the display in other browser engines).
BROWSER_MEASUREMENTS = (
    "axe", "emblem", "motion", "focus", "skip_link", "zoom", "search", "form_errors", "english", "mobile",
)  # fmt: skip
PROVIDER_MEASUREMENTS = ("search_rank", "cross_browser")


@dataclass(frozen=True)
class LinkInfo:
    target_url: str
    anchor_text: str | None = None
    is_internal: bool = True
    rel: str | None = None
    target: str | None = None
    target_status: int | None = None  # HTTP status of the target, if the harvest checked it


@dataclass(frozen=True)
class DownloadInfo:
    url: str
    format: str | None = None
    declared_size_text: str | None = None
    size_bytes: int | None = None
    content_type: str | None = None
    status: int | None = None
    # Whether the file has text a program can read (a PDF's text layer): False for a scan with
    # none, None when the harvest did not read the file (Appendix 15's "*" indicators)
    text_layer: bool | None = None


# PageSnapshot.source of the pages of a site's separate (or adaptive) mobile version, harvested as a
# phone gets them: Appendix 16 reads them, the desktop checks leave them out.
MOBILE_VERSION_SOURCE = "site-mobile"


@dataclass(frozen=True)
class PageSnapshot:
    """One harvested page: the HTML as served (or the rendered DOM for JavaScript sites)."""

    url: str
    lang: str | None
    html: str
    status: int = 200
    final_url: str | None = None
    depth: int | None = None
    counterpart_url: str | None = None
    title: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    rendered: bool = False
    source: str = "site"
    links: tuple[LinkInfo, ...] = ()
    downloads: tuple[DownloadInfo, ...] = ()
    warc_record_id: str | None = None
    screenshots: dict[str, str] = field(default_factory=dict)  # viewport ("desktop", "mobile") → file
    fetched_at: datetime | None = None
    sha256: str | None = None

    @property
    def is_html(self) -> bool:
        """An HTML document, as its Content-Type says (none said: HTML): a feed (``application/rss+xml``) or a
        file harvested at a page's address is no page of the site to read."""
        kind = next((v for k, v in self.headers.items() if k.lower() == "content-type"), "text/html")
        return "html" in kind.lower() and "<" in self.html

    @property
    def of_mobile_version(self) -> bool:
        """A page of the site's separate (or adaptive) mobile version, as the harvest stored it."""
        return self.source == MOBILE_VERSION_SOURCE

    def evidence(self, selector: str | None = None, snippet: str | None = None) -> EvidenceRef:
        return EvidenceRef(
            url=self.url,
            kind="page",
            warc_record_id=self.warc_record_id,
            selector=selector,
            snippet=trim(snippet) if snippet else None,
            screenshot=self.screenshots.get("desktop"),
            captured_at=self.fetched_at,
            sha256=self.sha256 or hashlib.sha256(self.html.encode("utf-8")).hexdigest(),
        )


@dataclass(frozen=True)
class PortalRecord:
    """One record from a portal, with the payload as the portal gave it (JSON or parsed HTML fields)."""

    portal: str  # govkz | data | budget | legalacts | dialog
    kind: str  # dataset, passport, programme, file, draft, comment, news, document, vr_question, …
    payload: dict[str, Any]
    source_url: str
    lang: str | None = None
    external_id: str | None = None
    warc_record_id: str | None = None
    fetched_at: datetime | None = None

    def evidence(self, json_path: str | None = None, snippet: str | None = None) -> EvidenceRef:
        return EvidenceRef(
            url=self.source_url,
            kind="portal_record",
            warc_record_id=self.warc_record_id,
            json_path=json_path,
            snippet=trim(snippet) if snippet else None,
            captured_at=self.fetched_at,
        )


@dataclass(frozen=True)
class FetchFailure:
    url: str
    reason: str  # robots | antibot | timeout | http_status | private_address | trap | too_large | error
    detail: str | None = None
    status_code: int | None = None


@dataclass(frozen=True)
class ArchivedExchange:
    """One request and response the browser made, as archived in the run's WARC: where to find the
    response record (the request record is ``WARC-Concurrent-To`` it) and what it was."""

    record_id: str
    uri: str
    date: str  # the record's WARC-Date
    method: str
    status: int
    warc_file: str  # relative to the output folder
    offset: int
    payload_sha256: str
    document: bool = False  # the page's own response (a main-frame navigation), not a subresource

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArchivedExchange:
        return cls(
            record_id=str(data["record_id"]),
            uri=str(data["uri"]),
            date=str(data["date"]),
            method=str(data.get("method", "GET")),
            status=int(data.get("status", 0)),
            warc_file=str(data["warc_file"]),
            offset=int(data.get("offset", 0)),
            payload_sha256=str(data.get("payload_sha256", "")),
            document=bool(data.get("document", False)),
        )


@dataclass(frozen=True)
class Measurement:
    """A browser measurement taken by the gather step on a live page (axe-core, focus, zoom, mobile…)."""

    kind: str  # one of BROWSER_MEASUREMENTS or PROVIDER_MEASUREMENTS
    url: str
    data: dict[str, Any]
    lang: str | None = None
    viewport: str = "desktop"
    screenshot: str | None = None
    tool_versions: dict[str, str] = field(default_factory=dict)  # e.g. {"axe-core": "4.14.1"}
    records: tuple[ArchivedExchange, ...] = ()  # what the browser got while measuring, as archived

    @property
    def document(self) -> ArchivedExchange | None:
        """The archived response of the measured page itself (the last hop of its redirects)."""
        documents = [r for r in self.records if r.document]
        answers = [r for r in documents if not 300 <= r.status < 400] or documents
        return next((r for r in answers if r.uri == self.url), answers[0] if answers else None)

    def evidence(self, selector: str | None = None, snippet: str | None = None) -> EvidenceRef:
        document = self.document
        return EvidenceRef(
            url=self.url,
            kind=f"measurement:{self.kind}",
            selector=selector,
            snippet=trim(snippet) if snippet else None,
            screenshot=self.screenshot,
            warc_record_id=document.record_id if document else None,
            captured_at=_warc_moment(document.date) if document else None,
            records=tuple(dict.fromkeys(r.record_id for r in self.records)) or None,
        )


def _warc_moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


@dataclass
class BodyArtifacts:
    """Everything the checks may read about one body in one run."""

    body_id: str
    kind: str  # cgo | mio | subordinate
    as_of: date
    site_urls: tuple[str, ...] = ()
    names: dict[str, str] = field(default_factory=dict)
    pages: list[PageSnapshot] = field(default_factory=list)
    records: list[PortalRecord] = field(default_factory=list)
    failures: list[FetchFailure] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)
    declared: dict[str, Any] = field(default_factory=dict)  # the body's own report (Appendix 9), if loaded
    subordinates: list[BodyArtifacts] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)  # vocabularies, deadlines, unified list …
    period: ReportingPeriod | None = None  # the run's reporting period (None: the year of as_of)

    def reporting_period(self) -> ReportingPeriod:
        """The period every dated item is judged within (up to ``as_of``)."""
        return self.period or period_of(self.as_of)

    def pages_in(self, lang: str) -> list[PageSnapshot]:
        return [p for p in self.pages if p.lang == lang]

    def records_of(self, portal: str, kind: str | None = None, lang: str | None = None) -> list[PortalRecord]:
        return [
            r
            for r in self.records
            if r.portal == portal and (kind is None or r.kind == kind) and (lang is None or r.lang in (lang, None))
        ]

    def measurements_of(self, kind: str) -> list[Measurement]:
        return [m for m in self.measurements if m.kind == kind]

    def failures_matching(self, predicate: Callable[[FetchFailure], bool]) -> list[FetchFailure]:
        return [f for f in self.failures if predicate(f)]
