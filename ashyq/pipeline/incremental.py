"""Incremental runs: ask only what changed, re-measure and re-check only what changed.

A run's **baseline** is the previous complete run of the same registry that harvested the body
(:func:`baseline_for`); ``--full`` runs without one. The harvest asks against the baseline's
captures with conditional requests (:mod:`ashyq.crawler.middlewares.conditional`), so an unchanged
answer is a ``revisit`` record and the same page row as before.

After the harvest each assessed body is compared with the baseline (:func:`plan_body`). The unit is
the body: its checks read the whole body's harvest (and, for a CGO, its subordinate
organisations'), so one changed page, record or failure re-measures and re-checks the body. A body
is carried forward when everything its checks read is as it was:

* the harvest: every page (URL, status, content digest, links and their status, downloads), every
  portal record (its payload), every fetch failure, of the body and its subordinate organisations;
* the declared report and the Unified list the checks read;
* the run's edition, interpretation options, reporting period, audit date (deadlines are counted
  from it) and whether the browser measured;

and then each finding of the baseline whose check still has the same version is copied into the
run with ``carried_from`` naming the baseline and its evidence linked (the same rows, not copies);
an item whose check changed version, or that the baseline lacks, is checked again on its own.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ashyq.checks.registry import check_for, checks
from ashyq.store.models import Declaration, FetchFailure, Finding, Page, PortalRecord, Run
from ashyq.store.repository import add_findings, findings_for, latest_finding_revision
from ashyq.store.vocabulary import RunStatus


def baseline_for(session: Session, run: Run, registry: str) -> Run | None:
    """The previous complete run of ``registry`` that harvested every body of ``run`` (a nightly after
    last night's nightly, an audit of one body after the last run that had it); failing that, the last
    one that harvested any of them."""
    runs = session.scalars(
        select(Run).where(Run.status == RunStatus.COMPLETE, Run.id != run.id).order_by(Run.finished_at.desc())
    )
    wanted = set(run.body_ids or [])
    same = [r for r in runs if (r.settings or {}).get("registry") == registry and wanted & set(r.body_ids or [])]
    return next((r for r in same if wanted <= set(r.body_ids or [])), same[0] if same else None)


def refers_to_runs(baseline: Run | None) -> list[str]:
    """The runs whose WARC files an incremental run's revisit records may point into: the baseline and
    those its own revisits point into (originals are never revisits, but may be nights old)."""
    if baseline is None:
        return []
    earlier = ((baseline.settings or {}).get("incremental") or {}).get("refers_to_runs") or []
    return list(dict.fromkeys([baseline.id, *earlier]))


def check_refs() -> dict[str, str]:
    """Every item's check as ``id@version`` (what a run records, to re-check an item whose check changed)."""
    return {item: check.ref for check in checks() for item in sorted(check.items)}


def _digest(rows: list[Any]) -> str:
    return hashlib.sha256(json.dumps(sorted(rows), ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


def harvest_digest(session: Session, run_id: str, body_ids: list[str]) -> str:
    """One digest of everything the run harvested for ``body_ids`` that a check can read."""
    rows: list[Any] = []
    pages = session.scalars(
        select(Page)
        .where(Page.run_id == run_id, Page.body_id.in_(body_ids))
        .options(selectinload(Page.links), selectinload(Page.downloads))
    )
    for p in pages:
        rows.append(
            [
                "page",
                p.body_id,
                p.url,
                p.final_url,
                p.status,
                p.content_sha256,
                p.source,
                p.rendered,
                p.lang,
                p.depth,
                p.counterpart_url,
                p.title,
                p.content_type,
                sorted([lk.target_url, lk.target_status, lk.is_internal] for lk in p.links),
                sorted([d.url, d.size_bytes, d.status, d.content_type] for d in p.downloads),
            ]
        )
    records = session.scalars(
        select(PortalRecord).where(PortalRecord.run_id == run_id, PortalRecord.body_id.in_(body_ids))
    )
    for r in records:
        payload = json.dumps(r.payload, sort_keys=True, ensure_ascii=False, default=str)
        # not its source URL: a record listed on two pages is filed under whichever the crawl read first
        rows.append(["record", r.body_id, r.portal.value, r.record_kind, r.external_id, r.lang, payload])
    failures = session.scalars(
        select(FetchFailure).where(FetchFailure.run_id == run_id, FetchFailure.body_id.in_(body_ids))
    )
    for f in failures:
        rows.append(["failure", f.body_id, f.url, f.reason.value, f.status_code])
    return _digest(rows)


def declared_digest(session: Session, run: Run, body_id: str) -> str | None:
    """The declared report the checks read for the body in ``run`` (as :mod:`.artifacts` chooses it)."""
    query = select(Declaration).where(Declaration.body_id == body_id).order_by(Declaration.loaded_at.desc())
    declarations = list(session.scalars(query))
    chosen = next((d for d in declarations if d.run_id == run.id), None) or next(iter(declarations), None)
    if chosen is None:
        return None
    return hashlib.sha256(json.dumps(chosen.payload, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def _conditions(run: Run) -> dict[str, Any]:
    settings = run.settings or {}
    request = settings.get("request") or {}
    return {
        "edition": run.edition,
        "as_of": run.as_of.isoformat() if run.as_of else None,
        "period": settings.get("period"),
        "options": settings.get("options") or {},
        "browser": request.get("browser", True),
        "spiders": request.get("spiders"),
    }


@dataclass
class BodyPlan:
    """What the run does with one assessed body after its harvest."""

    body_id: str
    changed: list[str] = field(default_factory=list)  # why the body is re-measured and re-checked
    carry: list[int] = field(default_factory=list)  # ids of the baseline findings taken over
    recheck_items: list[str] = field(default_factory=list)  # checked again alone (their check changed)

    @property
    def carried(self) -> bool:
        return not self.changed


def plan_body(
    session: Session, run: Run, baseline: Run | None, body_id: str, harvested: list[str], unified_list: Any
) -> BodyPlan:
    """Whether the body (``harvested``: it and its subordinate organisations) is carried forward from
    the baseline, and if so which findings are taken over and which items are checked again."""
    plan = BodyPlan(body_id)
    if baseline is None:
        plan.changed.append("no baseline run")
        return plan
    if body_id not in (baseline.body_ids or []) or latest_finding_revision(session, baseline.id, body_id) is None:
        plan.changed.append("not checked in the baseline run")
        return plan
    before, now = _conditions(baseline), _conditions(run)
    plan.changed += [f"{key} changed" for key in now if before.get(key) != now.get(key)]
    if (baseline.settings or {}).get("unified_list") != unified_list:
        plan.changed.append("unified list changed")
    if declared_digest(session, baseline, body_id) != declared_digest(session, run, body_id):
        plan.changed.append("declared report changed")
    if harvest_digest(session, baseline.id, harvested) != harvest_digest(session, run.id, harvested):
        plan.changed.append("harvest changed")
    if plan.changed:
        return plan
    findings = findings_for(session, baseline.id, body_id)
    # items whose check is new or changed since the baseline started (older baselines: per finding)
    refs = (baseline.settings or {}).get("checks")
    now = check_refs()
    renewed = {i for i, ref in now.items() if refs.get(i) != ref} if isinstance(refs, dict) else set()
    plan.recheck_items.extend(renewed)
    for finding in findings:
        check = check_for(finding.item)
        if finding.item in renewed:
            continue
        if check is None or check.id != finding.check_id or check.version != finding.check_version:
            if check is not None:
                plan.recheck_items.append(finding.item)
            continue
        plan.carry.append(finding.id)
    plan.recheck_items = sorted(set(plan.recheck_items))
    return plan


def carry_findings(session: Session, run: Run, plan: BodyPlan, baseline: Run, revision: int = 1) -> int:
    """Copy the plan's baseline findings into ``run`` (``carried_from`` = the baseline, or the run they
    were first checked in), linked to the same evidence rows."""
    copies = []
    taken = session.scalars(
        select(Finding).where(Finding.id.in_(plan.carry)).options(selectinload(Finding.evidence)).order_by(Finding.id)
    )
    for f in taken:
        copy = Finding(
            run_id=run.id,
            body_id=f.body_id,
            item=f.item,
            lang=f.lang,
            status=f.status,
            reason=f.reason,
            measured=dict(f.measured or {}),
            deficiencies=[dict(d) for d in f.deficiencies or []],
            check_id=f.check_id,
            check_version=f.check_version,
            revision=revision,
            carried_from=f.carried_from or baseline.id,
        )
        copy.evidence = list(f.evidence)
        copies.append(copy)
    add_findings(session, copies)
    return len(copies)
