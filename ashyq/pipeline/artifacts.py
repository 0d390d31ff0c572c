"""From the store to the checks: a body's artifacts of one run, read back from the database and the
run's WARC files. The checks stay pure functions of what this builds; nothing here fetches anything.

Page HTML is read from the WARC record the page points at (the response as it came over the wire for
classic sites, the rendered DOM for gov.kz pages), decoded the way a browser would.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from w3lib.encoding import html_to_unicode
from warcio.archiveiterator import ArchiveIterator

from ashyq.base.artifacts import ArchivedExchange, BodyArtifacts, DownloadInfo, LinkInfo, Measurement, PageSnapshot
from ashyq.base.artifacts import FetchFailure as FailureArtifact
from ashyq.base.artifacts import PortalRecord as RecordArtifact
from ashyq.base.period import ReportingPeriod
from ashyq.store.captures import decoded_body, read_original, revisit_original
from ashyq.store.models import Body, Declaration, Evidence, FetchFailure, Page, PortalRecord, Run
from ashyq.store.vocabulary import EvidenceKind

_MEASURED = (EvidenceKind.MEASUREMENT, EvidenceKind.AXE_RESULT)


class WarcReader:
    """Payloads by record id, reading each WARC file once and keeping only the records asked for."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self._cache: dict[str, tuple[bytes, str | None]] = {}

    def load(self, wanted: dict[str, set[str]]) -> None:
        """``wanted``: WARC file (relative to the output folder) → record ids to keep. A ``revisit``
        record (an unchanged answer of an incremental run) is read as the original capture it names."""
        for file, ids in wanted.items():
            path = self.out_dir / file
            if not path.exists():
                continue
            with path.open("rb") as stream:
                for record in ArchiveIterator(stream):
                    record_id = record.rec_headers.get_header("WARC-Record-ID")
                    if record_id not in ids:
                        continue
                    if record.rec_type == "revisit":
                        self._load_original(record_id, record)
                        continue
                    content_type = None
                    if record.http_headers is not None:
                        content_type = record.http_headers.get_header("Content-Type")
                    else:
                        content_type = record.rec_headers.get_header("Content-Type")
                    self._cache[record_id] = (record.content_stream().read(), content_type)

    def _load_original(self, record_id: str, revisit: Any) -> None:
        original = revisit_original(revisit)
        found = read_original(self.out_dir, original) if original is not None else None
        if found is not None:
            http, raw = found
            self._cache[record_id] = (decoded_body(http, raw), http.get_header("Content-Type"))

    def text(self, record_id: str | None) -> str:
        if not record_id or record_id not in self._cache:
            return ""
        body, content_type = self._cache[record_id]
        _, text = html_to_unicode(content_type, body)
        return text


def _viewport(path: str) -> str:
    stem = Path(path).stem
    return "mobile" if stem.endswith("-mobile") else "desktop"


def _pages(session: Session, run_id: str, body_id: str) -> list[Page]:
    return list(
        session.scalars(
            select(Page)
            .where(Page.run_id == run_id, Page.body_id == body_id)
            .options(selectinload(Page.links), selectinload(Page.downloads))
            # by click depth, then address: the same harvest reads the same whatever order a concurrent
            # crawl stored it in (a check lists "the first pages" of a defect)
            .order_by(Page.depth.is_(None), Page.depth, Page.url, Page.id)
        )
    )


# Records and failures by what they are, not by when a concurrent harvest stored them: the same harvest
# gives the same deficiencies in the same order, citing the same record (sorted here, not in SQL, so
# that PostgreSQL's collation and NULL order cannot make it another order).
def _records(session: Session, run_id: str, body_id: str) -> list[RecordArtifact]:
    stored = session.scalars(select(PortalRecord).where(PortalRecord.run_id == run_id, PortalRecord.body_id == body_id))
    return [
        _record(r)
        for r in sorted(
            stored,
            key=lambda r: (r.portal.value, r.record_kind, r.lang or "", r.external_id or "", r.source_url or "", r.id),
        )
    ]


def _failures(session: Session, run_id: str, body_id: str) -> list[FailureArtifact]:
    stored = session.scalars(select(FetchFailure).where(FetchFailure.run_id == run_id, FetchFailure.body_id == body_id))
    return [
        FailureArtifact(f.url, f.reason.value, f.detail, f.status_code)
        for f in sorted(stored, key=lambda f: (f.url, f.reason.value, f.id))
    ]


def load_artifacts(
    session: Session,
    run: Run,
    body_id: str,
    out_dir: Path,
    *,
    with_subordinates: bool = True,
    config_for: Callable[[str], dict[str, Any]] | None = None,
    period: ReportingPeriod | None = None,
) -> BodyArtifacts:
    """Everything the run stored about one body (and, for a CGO, its subordinate organisations).
    ``config_for(body_id)`` gives the checks' per-body configuration (its Unified-list entries …)."""
    body = session.get(Body, body_id)
    if body is None:
        raise KeyError(f"body {body_id!r} is not in the store")
    as_of = run.as_of or date.today()
    pages = _pages(session, run.id, body_id)
    evidence = list(session.scalars(select(Evidence).where(Evidence.run_id == run.id, Evidence.body_id == body_id)))
    by_id = {e.id: e for e in evidence}
    reader = WarcReader(out_dir)
    wanted: dict[str, set[str]] = defaultdict(set)
    for page in pages:
        if page.warc_file and page.warc_record_id:
            wanted[page.warc_file].add(page.warc_record_id)
    reader.load(wanted)

    artifacts = BodyArtifacts(
        body_id=body.id,
        kind=body.kind,
        as_of=as_of,
        site_urls=tuple(body.site_urls),
        names={"kk": body.name_kk, "ru": body.name_ru, **({"en": body.name_en} if body.name_en else {})},
        pages=[_page(page, reader, by_id, out_dir) for page in pages],
        # records and failures by what they are, not by when a concurrent harvest stored them: the same
        # harvest gives the same deficiencies in the same order, citing the same record (sorted here,
        # not in SQL, so that PostgreSQL's collation and NULL order cannot make it another order)
        records=_records(session, run.id, body_id),
        failures=_failures(session, run.id, body_id),
        measurements=[_measurement(e, out_dir) for e in evidence if e.kind in _MEASURED],
        declared=_declared(session, run, body_id),
        config=dict(config_for(body_id) if config_for else {}),
        period=period or run_period(run),
    )
    if with_subordinates and body.kind == "cgo":
        for child in _children_in_run(session, run, body_id):
            artifacts.subordinates.append(
                load_artifacts(
                    session, run, child, out_dir, with_subordinates=False, config_for=config_for, period=period
                )
            )
    return artifacts


def run_period(run: Run) -> ReportingPeriod | None:
    """The reporting period the run recorded (``settings.period``), if any."""
    recorded = (run.settings or {}).get("period")
    return ReportingPeriod.from_dict(recorded) if isinstance(recorded, dict) else None


def _page(page: Page, reader: WarcReader, evidence: dict[str, Evidence], out_dir: Path) -> PageSnapshot:
    shots: dict[str, str] = {}
    for evidence_id in page.screenshot_evidence_ids or []:
        shot = evidence.get(evidence_id)
        if shot is not None and shot.path:
            shots[_viewport(shot.path)] = str(out_dir / shot.path)
    return PageSnapshot(
        url=page.url,
        lang=page.lang,
        html=reader.text(page.warc_record_id),
        status=page.status or 0,
        final_url=page.final_url,
        depth=page.depth,
        counterpart_url=page.counterpart_url,
        title=page.title,
        headers={str(k): str(v) for k, v in (page.headers or {}).items()},
        rendered=page.rendered,
        source=page.source,
        links=tuple(
            LinkInfo(lk.target_url, lk.anchor_text, lk.is_internal, lk.rel, lk.target, lk.target_status)
            for lk in page.links
        ),
        downloads=tuple(
            DownloadInfo(d.url, d.format, d.declared_size_text, d.size_bytes, d.content_type, d.status, d.text_layer)
            for d in page.downloads
        ),
        warc_record_id=page.warc_record_id,
        screenshots=shots,
        fetched_at=page.fetched_at,
        sha256=page.content_sha256,
    )


def _record(r: PortalRecord) -> RecordArtifact:
    return RecordArtifact(
        portal=r.portal.value,
        kind=r.record_kind,
        payload=dict(r.payload or {}),
        source_url=r.source_url or "",
        lang=r.lang,
        external_id=r.external_id,
        warc_record_id=r.warc_record_id,
        fetched_at=r.fetched_at,
    )


def _measurement(e: Evidence, out_dir: Path) -> Measurement:
    meta = dict(e.metadata_ or {})
    return Measurement(
        kind=str(meta.get("measurement", "unknown")),
        url=e.url or "",
        data=dict(meta.get("data", {})),
        lang=meta.get("lang"),
        viewport=str(meta.get("viewport", "desktop")),
        screenshot=str(out_dir / e.path) if e.path else None,
        tool_versions=dict(meta.get("tool_versions", {})),
        records=tuple(ArchivedExchange.from_dict(r) for r in meta.get("records") or [] if isinstance(r, dict)),
    )


def _declared(session: Session, run: Run, body_id: str) -> dict[str, Any]:
    """The body's latest declared report (the run's own, else a standalone one), with its verdicts."""
    query = select(Declaration).where(Declaration.body_id == body_id).order_by(Declaration.loaded_at.desc())
    declarations = list(session.scalars(query))
    chosen = next((d for d in declarations if d.run_id == run.id), None) or next(iter(declarations), None)
    return dict(chosen.payload or {}) if chosen is not None else {}


def _children_in_run(session: Session, run: Run, body_id: str) -> Iterable[str]:
    children = session.scalars(select(Body.id).where(Body.parent_id == body_id)).all()
    in_run = set(run.body_ids or [])
    return [c for c in children if not in_run or c in in_run]
