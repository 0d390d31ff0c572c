"""Re-check for appeals: re-harvest only what some items need, re-check only them, and set the new
findings beside the old ones with both evidences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.checks import inputs
from ashyq.checks.registry import check_for
from ashyq.pipeline.audit import run_audit
from ashyq.pipeline.audit_request import AuditRequest, AuditSummary, Progress, no_progress
from ashyq.store.db import session_scope
from ashyq.store.models import Finding, Run
from ashyq.store.repository import findings_for
from ashyq.store.vocabulary import RunKind


def spiders_for_items(items: list[str]) -> list[str] | None:
    """The spiders whose harvest the items' checks read (``ashyq.checks.inputs``): the website and
    gov.kz render spiders for pages and browser measurements, a portal's spider for its records,
    none for a declared report. None (the whole harvest) when an item has no check."""
    from ashyq.crawler.spiders import spider_classes  # Scrapy: only when re-checking

    wanted: set[str] = set()
    for item in items:
        check = check_for(item)
        if check is None:
            return None
        wanted |= {source for name in check.reads if (source := inputs.harvested(name)) is not None}
    return [str(spider.name) for spider in spider_classes() if wanted & set(getattr(spider, "harvests", ()))]


def browser_for_items(items: list[str]) -> bool:
    """Whether the items' checks read browser measurements (the gather step must run)."""
    return any(check is None or check.browser for check in map(check_for, items))


@dataclass
class Comparison:
    item: str
    lang: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def changed(self) -> bool:
        return (self.before or {}).get("status") != (self.after or {}).get("status")


def _summary(f: Finding) -> dict[str, Any]:
    return {
        "status": f.status,
        "reason": f.reason,
        "measured": f.measured,
        "deficiencies": [d.get("message") for d in (f.deficiencies or [])],
        "evidence": [
            {"id": e.id, "url": e.url, "warc_record_id": e.warc_record_id, "selector": e.selector, "snippet": e.snippet}
            for e in f.evidence
        ],
        "run": f.run_id,
    }


def previous_run(session: Session, body_id: str, before: str) -> Run | None:
    """The latest run before ``before`` with findings for the body."""
    query = (
        select(Run)
        .join(Finding, Finding.run_id == Run.id)
        .where(Finding.body_id == body_id, Run.id != before)
        .order_by(Run.started_at.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def compare(session: Session, body_id: str, old_run: str | None, new_run: str, items: list[str]) -> list[Comparison]:
    def load(run_id: str | None) -> dict[tuple[str, str | None], Finding]:
        if run_id is None:
            return {}
        rows = [f for f in findings_for(session, run_id, body_id) if f.item in items]  # the newest revision
        return {(f.item, f.lang): f for f in rows}

    old, new = load(old_run), load(new_run)
    keys = sorted(set(old) | set(new), key=lambda k: (k[0], k[1] or ""))
    return [
        Comparison(
            item,
            lang,
            _summary(old[(item, lang)]) if (item, lang) in old else None,
            _summary(new[(item, lang)]) if (item, lang) in new else None,
        )
        for item, lang in keys
    ]


@dataclass
class Recheck:
    summary: AuditSummary  # the recheck's own run
    before: str | None  # the run whose findings were disputed (None: the body was never checked)
    rows: list[Comparison]


def recheck_items(
    body: str,
    items: list[str],
    registry: str,
    out: Path,
    db: str | None,
    url_map: dict[str, str],
    as_of: date | None = None,
    crawl_config: Path | None = None,
    progress: Progress = no_progress,
) -> Recheck:
    """Re-harvest and re-check ``items`` of ``body`` under a run of their own (nothing is scored), and
    set each finding beside the body's previous one."""
    request = AuditRequest(
        [body],
        registry,
        "kz-2025",
        out,
        db,
        url_map,
        as_of,
        RunKind.RECHECK,
        None,
        browser_for_items(items),
        False,
        only_items=items,
        spiders=spiders_for_items(items),
        crawl_config=crawl_config,
    )
    summary = run_audit(request, progress)
    with session_scope(db) as session:
        old = previous_run(session, body, summary.run_id)
        rows = compare(session, body, old.id if old else None, summary.run_id, items)
    return Recheck(summary, old.id if old else None, rows)
