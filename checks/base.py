"""The checks framework: what a check reads, what it reports, and the registry.

A check is a pure function of a body's *artifacts* — what the harvest stored (pages with their
HTML or rendered DOM, links, downloads, portal records, fetch failures, browser measurements) —
and reports one :class:`Result` per methodology item and language. Checks never touch the network
or the browser: browser measurements (axe-core, focus, zoom, mobile emulation) are taken by a gather
step beforehand and arrive here as :class:`Measurement` artifacts.

Weights are never here: a check only says what it found (status, measured figures, deficiencies,
evidence); ``config/methodology/<edition>.yaml`` turns that into points.

Honest outcomes: when the artifacts a check needs were not fetched (timeout, anti-bot, robots, an
unknown portal identifier), the result is ``not_assessed`` with the reason — never a failure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from ashyq.base.period import ReportingPeriod, period_of
from ashyq.checks.edition_index import languages_of

Status = Literal["pass", "fail", "partial", "not_applicable", "not_assessed"]
Lang = Literal["kk", "ru"]
LANGS: tuple[Lang, ...] = ("kk", "ru")


# ---------------------------------------------------------------------------------------- artifacts
@dataclass(frozen=True)
class EvidenceRef:
    """Where a reader can see for themselves: the archived capture and the exact spot in it."""

    url: str
    kind: str = "page"  # page | portal_record | screenshot | axe_result | measurement | declared_document
    warc_record_id: str | None = None
    selector: str | None = None
    snippet: str | None = None
    json_path: str | None = None
    screenshot: str | None = None
    region: tuple[int, int, int, int] | None = None  # x, y, width, height on the screenshot
    captured_at: datetime | None = None
    sha256: str | None = None
    evidence_id: str | None = None  # the store's Evidence id once saved

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if v is not None}
        if self.captured_at is not None:
            out["captured_at"] = self.captured_at.isoformat()
        return out


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
class Measurement:
    """A browser measurement taken by the gather step on a live page (axe-core, focus, zoom, mobile…)."""

    kind: str  # axe | focus | zoom | motion | form_errors | mobile | search | emblem …
    url: str
    data: dict[str, Any]
    lang: str | None = None
    viewport: str = "desktop"
    screenshot: str | None = None
    tool_versions: dict[str, str] = field(default_factory=dict)  # e.g. {"axe-core": "4.14.1"}

    def evidence(self, selector: str | None = None, snippet: str | None = None) -> EvidenceRef:
        return EvidenceRef(
            url=self.url,
            kind=f"measurement:{self.kind}",
            selector=selector,
            snippet=trim(snippet) if snippet else None,
            screenshot=self.screenshot,
        )


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


# ---------------------------------------------------------------------------------------- results
@dataclass
class Deficiency:
    message: str
    kind: str | None = None
    count: int = 1
    url: str | None = None
    selector: str | None = None
    record: str | None = None
    evidence: list[EvidenceRef] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"message": self.message, "count": self.count}
        for key in ("kind", "url", "selector", "record"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        out["evidence"] = [e.as_dict() for e in self.evidence]
        return out


@dataclass
class Result:
    """One finding: an item, a language (or None), an honest status, figures, deficiencies, evidence."""

    item: str
    lang: Lang | None
    status: Status
    measured: dict[str, Any] = field(default_factory=dict)
    deficiencies: list[Deficiency] = field(default_factory=list)
    evidence: list[EvidenceRef] = field(default_factory=list)
    reason: str | None = None
    check: str = ""  # "<check id>@<version>", filled in by the runner

    def __post_init__(self) -> None:
        if self.status == "not_assessed" and not self.reason:
            raise ValueError(f"{self.item}: a not_assessed result must say why")
        if self.status in ("pass", "fail", "partial") and not (self.evidence or self.deficiencies):
            raise ValueError(f"{self.item}: a {self.status} result must carry evidence")

    def as_finding(self, body_id: str) -> dict[str, Any]:
        """The finding as ``docs/findings-format.md`` describes it."""
        out: dict[str, Any] = {
            "body": body_id,
            "item": self.item,
            "lang": self.lang,
            "status": self.status,
            "measured": self.measured,
            "deficiencies": [d.as_dict() for d in self.deficiencies],
            "evidence": [e.as_dict() for e in self.evidence],
            "check": self.check,
        }
        if self.reason:
            out["reason"] = self.reason
        return out


def not_assessed(item: str, lang: str | None, reason: str, evidence: Iterable[EvidenceRef] = ()) -> Result:
    return Result(item, lang, "not_assessed", reason=reason, evidence=list(evidence))  # type: ignore[arg-type]


def trim(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------- registry
@dataclass(frozen=True)
class Check:
    """A registered check: the items it substantiates, its titles, what it reads, its code."""

    id: str
    version: str
    items: tuple[str, ...]
    title: dict[str, str]  # ru, kk, en
    needs: tuple[str, ...]  # "pages", "records:data", "measurements:axe", "declared", …
    run: Callable[[BodyArtifacts], Sequence[Result]]
    applies_to: tuple[str, ...] = ("cgo", "mio")
    browser: bool = False  # needs browser measurements from the gather step

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"


REGISTRY: dict[str, Check] = {}


def register(
    id: str,
    version: str,
    items: Sequence[str],
    title: dict[str, str],
    needs: Sequence[str] = ("pages",),
    applies_to: Sequence[str] = ("cgo", "mio"),
    browser: bool = False,
) -> Callable[[Callable[[BodyArtifacts], Sequence[Result]]], Callable[[BodyArtifacts], Sequence[Result]]]:
    """Decorator: ``@register("a14.breadcrumbs", "1", ["A14-2.4"], {...})`` on ``def run(artifacts)``."""

    def wrap(fn: Callable[[BodyArtifacts], Sequence[Result]]) -> Callable[[BodyArtifacts], Sequence[Result]]:
        if id in REGISTRY:
            raise ValueError(f"check {id!r} is registered twice")
        missing = {"ru", "kk", "en"} - set(title)
        if missing:
            raise ValueError(f"check {id!r} has no title in {', '.join(sorted(missing))}")
        REGISTRY[id] = Check(id, version, tuple(items), dict(title), tuple(needs), fn, tuple(applies_to), browser)
        return fn

    return wrap


def checks_for_item(item: str) -> list[Check]:
    return [c for c in REGISTRY.values() if item in c.items]


def run_checks(artifacts: BodyArtifacts, only_items: Iterable[str] | None = None) -> list[Result]:
    """Run every applicable registered check; a check that raises becomes not_assessed, not a crash."""
    wanted = set(only_items) if only_items is not None else None
    results: list[Result] = []
    for check in REGISTRY.values():
        if artifacts.kind not in check.applies_to:
            continue
        if wanted is not None and not wanted & set(check.items):
            continue
        try:
            produced = list(check.run(artifacts))
        except Exception as error:  # a bug in one check must not lose the others' findings
            reason = f"check {check.ref} failed: {type(error).__name__}: {error}"
            produced = [not_assessed(item, lang, reason) for item in check.items for lang in languages_of(item)]
        for result in produced:
            if wanted is None or result.item in wanted:
                result.check = check.ref
                results.append(result)
    return results
