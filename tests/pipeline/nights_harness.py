"""The nights of the incremental tests: one nightly audit of a demo body on a served replica world,
and what a test reads back of it (its WARC records, its findings and scores)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ashyq_replica.core import World
from warcio.archiveiterator import ArchiveIterator

from ashyq.config import CONFIG_DIR
from ashyq.pipeline.audit import AuditRequest, AuditSummary, Progress, no_progress, run_audit
from ashyq.store import session_scope
from ashyq.store.captures import revisit_original
from ashyq.store.models import Finding, Score
from ashyq.store.vocabulary import RunKind, RunStatus

BODY = "kostanay"
# the classic site, a portal that answers 304 and one that ignores validators (same bytes again)
SPIDERS = ["site", "legalacts", "dataegov"]


def night(
    world: World,
    out: Path,
    db: str,
    urls: dict[str, str],
    full: bool = False,
    as_of: date | None = None,
    browser: bool = False,
    spiders: list[str] = SPIDERS,
    progress: Progress = no_progress,
    body: str = BODY,
    max_pages: int | None = None,
) -> AuditSummary:
    request = AuditRequest(
        [body],
        "demo",
        "kz-2017",  # the Appendix 14 items the fix is about
        out,
        db,
        urls,
        as_of or world.as_of,
        RunKind.NIGHTLY,
        browser=browser,
        reports=False,
        spiders=spiders,
        crawl_config=CONFIG_DIR / "crawl-assessor.yaml",
        full=full,
        max_pages=max_pages,
    )
    summary = run_audit(request, progress)
    assert summary.status is RunStatus.COMPLETE, summary.outcomes
    return summary


def warc_records(out: Path, run_id: str, body: str = BODY) -> list[Any]:
    path = out / "runs" / run_id / "warc" / f"{body}.warc.gz"
    found = []
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):  # warcio reads (and checks) every record
            http = record.http_headers
            found.append(
                (
                    record.rec_type,
                    record.rec_headers,
                    int(http.get_statuscode()) if http is not None and record.rec_type != "request" else None,
                    revisit_original(record),
                    record.content_stream().read(),
                )
            )
    return found


def scores(db: str, run_id: str) -> dict[str, float]:
    with session_scope(db) as session:
        return {f"{s.body_id}/{s.edition}": s.final for s in session.query(Score).filter(Score.run_id == run_id)}


def outcomes(db: str, run_id: str) -> list[tuple[Any, ...]]:
    """The findings as a reader compares two runs: outcome, figures and deficiencies (without the ids
    of the evidence rows, which are each run's own)."""
    with session_scope(db) as session:
        rows = session.query(Finding).filter(Finding.run_id == run_id).all()
        return sorted(
            (
                f.item,
                f.lang or "",
                f.status,
                f.reason or "",
                repr(f.measured),
                repr([{k: v for k, v in d.items() if k != "evidence"} for d in f.deficiencies or []]),
            )
            for f in rows
        )
