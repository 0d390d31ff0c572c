"""Incremental runs: ask only what changed, re-measure and re-check only what changed.

A run's **baseline** is the previous complete run of the same registry that harvested the body
(:func:`baseline_for`); ``--full`` runs without one. The harvest asks against the baseline's
captures with conditional requests (:mod:`ashyq.crawler.middlewares.conditional`), so an unchanged
answer is a ``revisit`` record and the same page row as before.

After the harvest each assessed body is compared with the baseline (:func:`plan_body`). The unit is
the body: its checks read the whole body's harvest (and, for a CGO, its subordinate
organisations'), so one changed page, record or failure re-measures and re-checks the body.

The browser measurements depend only on the harvest (every page: URL, status, content digest,
links and their status, downloads; every portal record; every fetch failure; of the body and its
subordinate organisations), whether the browser measured and which spiders ran. When these are as
they were, the baseline's measurements are **taken over** (:func:`take_over_measurements`: rows
naming the same screenshots and captures, nothing rendered again).

A body is **carried forward** when, besides, everything else its checks read is as it was: the
declared report and the Unified list, the run's edition, interpretation options, reporting period
and audit date (deadlines are counted from it). Each finding of the baseline whose check still has
the same version is then copied into the run with ``carried_from`` naming the baseline and its
evidence linked (the same rows, not copies); an item whose check changed version, or that the
baseline lacks, is checked again on its own.

A body whose measurements were taken over but whose checks' conditions changed (a nightly on the
next day) is checked again whole; each result that comes out as the baseline's finding did (same
status, reason, figures, deficiencies and evidence, see :func:`finding_key`) is replaced by that
finding carried forward (:func:`keep_unchanged`); the others stay new findings.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ashyq.checks.registry import check_for, checks
from ashyq.store.models import Declaration, Evidence, FetchFailure, Finding, Page, PortalRecord, Run
from ashyq.store.repository import (
    add_evidence,
    add_fetch_failures,
    add_findings,
    copy_finding,
    findings_for,
    latest_finding_revision,
)
from ashyq.store.vocabulary import EvidenceKind, RunStatus

# what the browser measurements depend on besides the harvest; every other condition is the checks'
_MEASURE_CONDITIONS = ("browser", "spiders")
_MEASURED = (EvidenceKind.MEASUREMENT, EvidenceKind.AXE_RESULT)


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


def recorded_harvest(session: Session, baseline: Run, body_id: str, harvested: list[str]) -> str:
    """The baseline's harvest digest of the body as its plan recorded it right after the harvest
    (before the browser added its own fetch failures); for an older baseline, computed again."""
    bodies = ((baseline.settings or {}).get("incremental") or {}).get("bodies") or {}
    recorded = (bodies.get(body_id) or {}).get("harvest")
    return str(recorded) if recorded else harvest_digest(session, baseline.id, harvested)


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
    changed: list[str] = field(default_factory=list)  # why the body is re-checked
    carry: list[int] = field(default_factory=list)  # ids of the baseline findings taken over
    recheck_items: list[str] = field(default_factory=list)  # checked again alone (their check changed)
    remeasure: bool = True  # False: the baseline's browser measurements are taken over
    harvest: str | None = None  # the digest of this run's harvest of the body (later runs compare it)

    @property
    def carried(self) -> bool:
        return not self.changed

    def record(self) -> dict[str, Any]:
        """What ``run.settings.incremental.bodies`` keeps of the plan."""
        out: dict[str, Any]
        if self.carried:
            out = {"carried": len(self.carry), "rechecked": self.recheck_items}
        else:
            out = {"changed": self.changed}
            if not self.remeasure:
                out["measurements_taken_over"] = True
        return {**out, **({"harvest": self.harvest} if self.harvest else {})}


def plan_body(
    session: Session, run: Run, baseline: Run | None, body_id: str, harvested: list[str], unified_list: Any
) -> BodyPlan:
    """Whether the body (``harvested``: it and its subordinate organisations) is carried forward from
    the baseline, and if so which findings are taken over and which items are checked again."""
    plan = BodyPlan(body_id, harvest=harvest_digest(session, run.id, harvested))
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
    if recorded_harvest(session, baseline, body_id, harvested) != plan.harvest:
        plan.changed.append("harvest changed")
    plan.remeasure = "harvest changed" in plan.changed or any(
        f"{k} changed" in plan.changed for k in _MEASURE_CONDITIONS
    )
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


def carry_findings(session: Session, run: Run, finding_ids: list[int], baseline: Run, revision: int = 1) -> int:
    """Copy the baseline findings ``finding_ids`` into ``run`` (``carried_from`` = the baseline, or the
    run they were first checked in), linked to the same evidence rows."""
    copies = []
    taken = session.scalars(
        select(Finding).where(Finding.id.in_(finding_ids)).options(selectinload(Finding.evidence)).order_by(Finding.id)
    )
    for f in taken:
        # a decided finding carries its answer: nothing the check reads changed (ashyq.pipeline.review)
        copy = copy_finding(f, run_id=run.id, revision=revision, carried_from=f.carried_from or baseline.id)
        copies.append(copy)
    add_findings(session, copies)
    return len(copies)


def take_over_measurements(session: Session, run: Run, baseline: Run, body_ids: list[str]) -> int:
    """The baseline's browser measurements of ``body_ids`` as this run's, nothing rendered again: each
    measurement row is written again for the run naming the same screenshot and captures (and
    ``captured_in_run``, the run that took it), with the fetch failures the browser met then and the
    pages it measured (``browser_sample``). Returns how many measurements were taken over."""
    # the rows the measure stage wrote (a check citing a measurement writes a row of its own, without it)
    rows = [
        e
        for e in session.scalars(
            select(Evidence)
            .where(Evidence.run_id == baseline.id, Evidence.body_id.in_(body_ids), Evidence.kind.in_(_MEASURED))
            .order_by(Evidence.captured_at, Evidence.id)
        )
        if "measurement" in (e.metadata_ or {})
    ]
    add_evidence(
        session,
        [
            Evidence(
                run_id=run.id,
                body_id=e.body_id,
                kind=e.kind,
                url=e.url,
                captured_at=e.captured_at,
                sha256=e.sha256,
                warc_file=e.warc_file,
                warc_record_id=e.warc_record_id,
                warc_offset=e.warc_offset,
                path=e.path,
                selector=e.selector,
                snippet=e.snippet,
                metadata_={
                    **(e.metadata_ or {}),
                    "captured_in_run": (e.metadata_ or {}).get("captured_in_run", baseline.id),
                },
            )
            for e in rows
        ],
    )

    # the browser's own failures: the baseline's failures beyond those of the harvest, which this
    # run's harvest repeated (the harvest digests are equal)
    def failure_key(f: FetchFailure) -> tuple[Any, ...]:
        return (f.body_id, f.url, f.reason, f.detail, f.status_code)

    ours: dict[tuple[Any, ...], int] = {}
    for f in session.scalars(
        select(FetchFailure).where(FetchFailure.run_id == run.id, FetchFailure.body_id.in_(body_ids))
    ):
        ours[failure_key(f)] = ours.get(failure_key(f), 0) + 1
    browser: list[FetchFailure] = []
    for f in session.scalars(
        select(FetchFailure)
        .where(FetchFailure.run_id == baseline.id, FetchFailure.body_id.in_(body_ids))
        .order_by(FetchFailure.id)
    ):
        if ours.get(failure_key(f), 0) > 0:
            ours[failure_key(f)] -= 1
            continue
        browser.append(
            FetchFailure(
                run_id=run.id, body_id=f.body_id, url=f.url, reason=f.reason, detail=f.detail, status_code=f.status_code
            )
        )
    add_fetch_failures(session, browser)
    before = baseline.settings or {}
    fresh = session.get(Run, run.id, with_for_update=True, populate_existing=True)
    assert fresh is not None
    stored = dict(fresh.settings or {})
    for key in ("browser_sample", "browser_sample_why"):
        taken = {b: v for b, v in (before.get(key) or {}).items() if b in body_ids}
        if taken:
            stored[key] = {**(stored.get(key) or {}), **taken}
    fresh.settings = stored
    session.flush()
    return len(rows)


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _row_key(e: Evidence) -> tuple[Any, ...]:
    """What a piece of evidence says, not where a run stored it (record ids, capture times and
    screenshot files differ from run to run for the same page)."""
    meta = e.metadata_ or {}
    return (meta.get("kind"), e.url, e.sha256, e.selector, e.snippet, meta.get("json_path"), _json(meta.get("region")))


def finding_key(f: Finding, rows: dict[str, Evidence]) -> str:
    """A stored finding's outcome and what it cites, comparable between runs: status, reason, figures,
    deficiencies and evidence by what they say (``rows``: the evidence its deficiencies name, by id)."""
    deficiencies = []
    for d in f.deficiencies or []:
        cited = [_row_key(rows[i]) if i in rows else i for i in d.get("evidence") or []]
        deficiencies.append({**{k: v for k, v in d.items() if k != "evidence"}, "evidence": cited})
    evidence = sorted({_json(_row_key(e)) for e in f.evidence})
    return _json([str(f.status), f.reason, f.measured or {}, deficiencies, evidence])


def keep_unchanged(session: Session, run: Run, baseline: Run, body_id: str, revision: int = 1) -> list[int]:
    """After a body was checked again in ``run``: each new finding that repeats the baseline's exactly
    (same item, language, check version, and :func:`finding_key`) is replaced by the baseline's finding
    carried forward (its original evidence linked); the evidence rows only the replaced findings cited
    are removed. Returns the ids of the baseline findings carried."""
    before = {(f.item, f.lang, f.check_id, f.check_version): f for f in findings_for(session, baseline.id, body_id)}
    now = list(
        session.scalars(
            select(Finding)
            .where(Finding.run_id == run.id, Finding.body_id == body_id, Finding.revision == revision)
            .options(selectinload(Finding.evidence))
        )
    )
    cited = {i for f in [*before.values(), *now] for d in f.deficiencies or [] for i in d.get("evidence") or []}
    rows = {e.id: e for e in session.scalars(select(Evidence).where(Evidence.id.in_(cited)))} if cited else {}
    same: list[int] = []
    dropped: list[Finding] = []
    for finding in now:
        old = before.get((finding.item, finding.lang, finding.check_id, finding.check_version))
        if old is not None and finding_key(old, rows) == finding_key(finding, rows):
            same.append(old.id)
            dropped.append(finding)
    if not dropped:
        return []
    freed = {e.id for f in dropped for e in f.evidence} | {
        i for f in dropped for d in f.deficiencies or [] for i in d.get("evidence") or []
    }
    for finding in dropped:
        session.delete(finding)
    session.flush()
    still = {e.id for f in now if f not in dropped for e in f.evidence} | {
        i for f in now if f not in dropped for d in f.deficiencies or [] for i in d.get("evidence") or []
    }
    # only this run's own rows that no finding cites any more (never a measurement the run took)
    for e in session.scalars(select(Evidence).where(Evidence.id.in_(freed - still), Evidence.run_id == run.id)):
        if "measurement" not in (e.metadata_ or {}):
            session.delete(e)
    session.flush()
    carry_findings(session, run, same, baseline, revision)
    return same
