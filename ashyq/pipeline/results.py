"""Check results into the store (Finding + Evidence rows), and back out in the scorer's format;
scores into the store.

Every evidence reference a check gives becomes one Evidence row (identical references are stored
once), so a verifier can go from any point of a score to the archived capture behind it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ashyq.base.evidence import DEFICIENCY_FIELDS, EvidenceRef
from ashyq.checks.result import Result
from ashyq.declared.reconcile import reporting_facts
from ashyq.reports.body_report import decided_of
from ashyq.scoring.engine import RunScores
from ashyq.store.models import Body, Evidence, Finding, Page, PortalRecord, ReviewAnswer, Run, Score
from ashyq.store.repository import add_evidence, add_findings, add_scores, findings_for
from ashyq.store.vocabulary import EvidenceKind

_KINDS = {
    "page": EvidenceKind.WARC_RECORD,
    "portal_record": EvidenceKind.PORTAL_RECORD,
    "screenshot": EvidenceKind.SCREENSHOT,
    "axe_result": EvidenceKind.AXE_RESULT,
    "declared_document": EvidenceKind.DECLARED_DOCUMENT,
    "fetch_failure": EvidenceKind.FETCH_FAILURE,
}


def _evidence_kind(ref: EvidenceRef) -> EvidenceKind:
    if ref.kind.startswith("measurement"):
        return EvidenceKind.AXE_RESULT if ref.kind == "measurement:axe" else EvidenceKind.MEASUREMENT
    return _KINDS.get(ref.kind, EvidenceKind.WARC_RECORD)


def _evidence_id(run_id: str, ref: EvidenceRef) -> str:
    """A stable id: the same reference in the same run is one piece of evidence."""
    key = json.dumps([run_id, ref.as_dict()], sort_keys=True, ensure_ascii=False, default=str)
    return "ev-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


def _refs(result: Result) -> list[EvidenceRef]:
    return [*result.evidence, *(ref for d in result.deficiencies for ref in d.references())]


def save_results(session: Session, run: Run, body_id: str, results: Sequence[Result], revision: int = 1) -> int:
    """Store ``results`` as the body's findings of this run in ``revision`` (replacing that revision
    only: ``ashyq check`` writes the next one and keeps the audit's); returns how many were stored."""
    session.execute(
        delete(Finding).where(Finding.run_id == run.id, Finding.body_id == body_id, Finding.revision == revision)
    )
    # references that name stored evidence (e.g. a declared link verified in the declaration's own
    # run) are linked as they are, not stored again
    cited = {ref.evidence_id for r in results for ref in _refs(r) if ref.evidence_id}
    elsewhere = set(session.scalars(select(Evidence.id).where(Evidence.id.in_(cited)))) if cited else set()
    known = set(session.scalars(select(Evidence.id).where(Evidence.run_id == run.id))) | elsewhere
    new_evidence: dict[str, Evidence] = {}
    warc_files = _warc_files(session, run)

    def store(ref: EvidenceRef) -> str:
        evidence_id = ref.evidence_id or _evidence_id(run.id, ref)
        if evidence_id not in known and evidence_id not in new_evidence:
            new_evidence[evidence_id] = Evidence(
                id=evidence_id,
                run_id=run.id,
                body_id=body_id,
                kind=_evidence_kind(ref),
                url=ref.url,
                sha256=ref.sha256,
                warc_file=warc_files.get(ref.warc_record_id or ""),
                warc_record_id=ref.warc_record_id,
                path=ref.screenshot,
                selector=ref.selector,
                snippet=(ref.snippet or "").replace("\x00", "") or None,  # PostgreSQL refuses NUL in text
                metadata_={k: v for k, v in ref.as_dict().items() if k in ("json_path", "region", "kind", "records")},
                **({"captured_at": ref.captured_at} if ref.captured_at else {}),
            )
        return evidence_id

    rows = []
    for result in results:
        deficiencies = [
            d.as_dict([e if isinstance(e, str) else store(e) for e in d.evidence]) for d in result.deficiencies
        ]
        evidence_ids = [store(ref) for ref in result.evidence]
        check_id, _, version = result.check.partition("@")
        rows.append(
            (
                Finding(
                    run_id=run.id,
                    body_id=body_id,
                    item=result.item,
                    lang=result.lang,
                    status=result.status,
                    reason=result.reason,
                    reason_text=result.reason_text.as_dict() if result.reason_text else None,
                    measured=result.measured,
                    deficiencies=deficiencies,
                    check_id=check_id or "unknown",
                    check_version=version or "0",
                    revision=revision,
                    certainty=result.certainty,
                    doubt=_doubt(result, store),
                ),
                evidence_ids,
            )
        )
    add_evidence(session, new_evidence.values())
    session.flush()
    needed = {i for _, ids in rows for i in ids}
    all_evidence = {e.id: e for e in session.scalars(select(Evidence).where(Evidence.id.in_(needed)))} if needed else {}
    for finding, evidence_ids in rows:
        finding.evidence = [all_evidence[i] for i in dict.fromkeys(evidence_ids)]
    add_findings(session, [finding for finding, _ in rows])
    return len(rows)


def _doubt(result: Result, store: Callable[[EvidenceRef], str]) -> dict[str, Any] | None:
    """The doubt as stored: what to look at is stored evidence too (its id beside the reference)."""
    if result.doubt is None:
        return None
    out = result.doubt.as_dict()
    if result.doubt.look_at is not None:
        out["look_at"]["evidence"] = store(result.doubt.look_at)
    return out


def _warc_files(session: Session, run: Run) -> dict[str, str]:
    """WARC record id → the WARC file (relative to the output folder) that holds it, for the whole run:
    a CGO's findings cite its subordinate organisations' captures too."""
    out: dict[str, str] = {}
    for record_id, warc_file in session.execute(
        select(Page.warc_record_id, Page.warc_file).where(Page.run_id == run.id, Page.warc_file.is_not(None))
    ):
        if record_id and warc_file:
            out[record_id] = warc_file
    for record_id, body_id in session.execute(
        select(PortalRecord.warc_record_id, PortalRecord.body_id).where(
            PortalRecord.run_id == run.id, PortalRecord.warc_record_id.is_not(None)
        )
    ):
        if record_id:
            out.setdefault(record_id, f"runs/{run.id}/warc/{body_id}.warc.gz")  # one WARC per body and run
    # the pages the browser measured, as it got them (ashyq.net.capture)
    for record_id, warc_file in session.execute(
        select(Evidence.warc_record_id, Evidence.warc_file).where(
            Evidence.run_id == run.id, Evidence.warc_file.is_not(None), Evidence.warc_record_id.is_not(None)
        )
    ):
        if record_id and warc_file:
            out.setdefault(record_id, warc_file)
    return out


def run_purpose(run: Run) -> dict[str, Any]:
    """The run's period and what it is for, as its findings file says them (the scorer reads them: a
    period monitored to date gives no level). A run stored before the distinction says neither."""
    settings = run.settings or {}
    return {key: settings[key] for key in ("period", "purpose") if key in settings}


def findings_document(
    session: Session, run: Run, body_ids: Iterable[str], expand_evidence: bool = False
) -> dict[str, Any]:
    """The run's findings in the format ``ashyq score`` reads (docs/findings-format.md); with
    ``expand_evidence`` each finding carries its evidence records, not only their ids."""
    ids = list(body_ids)
    bodies = [session.get(Body, b) for b in ids]
    findings = [f for b in ids for f in findings_for(session, run.id, b)]  # each body's newest revision
    out_findings = []
    for f in findings:
        entry: dict[str, Any] = {
            "body": f.body_id,
            "item": f.item,
            "lang": f.lang,
            "status": f.status,
            "measured": f.measured or {},
            "deficiencies": [{k: v for k, v in d.items() if k in DEFICIENCY_FIELDS} for d in (f.deficiencies or [])],
            "evidence": [_evidence_dict(e) for e in f.evidence] if expand_evidence else [e.id for e in f.evidence],
            "check": f"{f.check_id}@{f.check_version}",
        }
        if f.reason:
            entry["reason"] = f.reason
            if f.reason_text:
                entry["reason_text"] = f.reason_text
        if f.carried_from:  # an incremental run's finding taken over unchanged (ashyq.pipeline.incremental)
            entry["carried_from"] = f.carried_from
        entry["certainty"] = f.certainty
        if f.doubt:
            entry["doubt"] = f.doubt
        if f.answer is not None:  # decided by an assessor (ashyq.pipeline.review)
            entry["decided"] = decided_entry(f.answer, run.id)
        out_findings.append(entry)
    return {
        "format": "ashyq-findings/1",
        "run": {"id": run.id, "as_of": run.as_of.isoformat() if run.as_of else None, **run_purpose(run)},
        "bodies": [
            {"id": b.id, "kind": b.kind, "tags": list(b.tags or []), "parent": b.parent_id}
            for b in bodies
            if b is not None
        ],
        "findings": out_findings,
        # untrue facts of each body's latest declared report (the reconciliation act): 0.2 each, capped
        "reporting_facts": {k: v for k, v in reporting_facts(session, ids).items() if v},
    }


def decided_entry(answer: ReviewAnswer, run_id: str) -> dict[str, Any]:
    """Who decided a finding, when and why, as findings.json and the reports cite it."""
    decided = decided_of(answer, run_id)
    assert decided is not None
    return decided


def save_scores(session: Session, run: Run, scores: RunScores, revision: int = 1) -> None:
    """Store the run's scores under one edition as ``revision`` (replacing that revision only)."""
    session.execute(
        delete(Score).where(Score.run_id == run.id, Score.edition == scores.edition, Score.revision == revision)
    )
    rows = []
    for b in scores.bodies:
        rows.append(
            Score(
                run_id=run.id,
                body_id=b.body,
                edition=scores.edition,
                points=b.total,
                max_points=b.max,
                max_assessed=b.max - b.not_assessed_points,
                max_not_assessed=b.not_assessed_points,
                penalty=b.penalty,
                total=b.total,
                final=b.final,
                level=b.level,
                breakdown=b.as_dict(),
                interpretations_applied=[{"id": k, "option": v} for k, v in b.interpretations.items()],
                averages_borrowed=list(b.averages_borrowed),
                revision=revision,
            )
        )
    add_scores(session, rows)


def _evidence_dict(e: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "kind": e.kind.value, "url": e.url}
    for key in ("warc_file", "warc_record_id", "selector", "snippet", "sha256", "path"):
        value = getattr(e, key)
        if value:
            out[key] = value
    out["captured_at"] = e.captured_at.isoformat() if e.captured_at else None
    return out
