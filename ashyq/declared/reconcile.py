"""The reconciliation act (2017 methodology points 12–15): each reported fact found untrue on
re-verification, with its evidence, and their count — 0.2 points each, at most 5 per direction, taken
by the edition's ``reporting_penalty`` from the findings' ``reporting_facts``.

A *fact* is one row of the report: a row is untrue when any link it cites is contradicted (a page
that does not exist, is not in the declared language, is dated outside the period or does not show
what the row claims). A link that could not be fetched (robots, time-out, anti-bot) is never a fact.

The declaration is stored first, in one transaction (:func:`store_declaration`); the verification
adds its verdicts, evidence and entries in a second one (:func:`store_verification`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ashyq.base.form_items import item_of
from ashyq.base.forms import FORM_BY_KEY, FORMAT
from ashyq.base.vocabulary import CONTRADICTED
from ashyq.declared.loader import LoadedReport
from ashyq.declared.verify import Verdict
from ashyq.store.models import Declaration, Evidence, ReconciliationEntry, new_evidence_id
from ashyq.store.repository import add_declarations, add_evidence
from ashyq.store.vocabulary import EvidenceKind


@dataclass(frozen=True)
class UntrueFact:
    form: str
    line: int | None
    row: str
    item: str
    claim: str
    verdicts: tuple[Verdict, ...]


def untrue_facts(verdicts: Sequence[Verdict], kind: str) -> list[UntrueFact]:
    """The report's untrue rows, each once, with the contradicted links that make it so."""
    by_row: dict[tuple[str, int | None], list[Verdict]] = {}
    for verdict in verdicts:
        if verdict.verdict == CONTRADICTED:
            by_row.setdefault((verdict.form, verdict.line), []).append(verdict)
    facts = []
    for (form, line), bad in by_row.items():
        sheet = FORM_BY_KEY[form].sheet_ru
        where = f"{sheet}, строка {line}" if line else sheet
        reasons = "; ".join(f"{v.url}: {', '.join(v.reasons)}" for v in bad)
        facts.append(
            UntrueFact(form, line, bad[0].row, item_of(form, bad[0].row, kind), f"{where}: {reasons}", tuple(bad))
        )
    return facts


def store_declaration(session: Session, body_id: str, loaded: LoadedReport, run_id: str | None) -> Declaration:
    """The validated report as the body's declaration for its period (flushes; the caller commits)."""
    payload = {"format": FORMAT, "report": loaded.report.model_dump(mode="json"), "source": loaded.source}
    declaration = Declaration(
        run_id=run_id,
        body_id=body_id,
        period=loaded.report.general.period,
        payload=payload,
        source_sha256=loaded.source_sha256,
    )
    add_declarations(session, [declaration])
    return declaration


def store_verification(
    session: Session, declaration: Declaration, run_id: str, kind: str, verdicts: Sequence[Verdict]
) -> list[ReconciliationEntry]:
    """Verdicts into the declaration's payload, archived pages as evidence, untrue facts as entries."""
    evidence_ids: dict[int, str] = {}
    rows = []
    for index, verdict in enumerate(verdicts):
        ev = verdict.evidence
        if not ev.get("warc_record_id"):
            continue
        row = Evidence(
            run_id=run_id,
            body_id=declaration.body_id,
            kind=EvidenceKind.WARC_RECORD,
            url=ev.get("url") or verdict.url,
            warc_file=ev.get("warc_file"),
            warc_record_id=ev.get("warc_record_id"),
            warc_offset=ev.get("warc_offset"),
            sha256=ev.get("sha256"),
            snippet=ev.get("snippet"),
            metadata_={"declared": {"form": verdict.form, "line": verdict.line, "field": verdict.field}},
        )
        rows.append(row)
        evidence_ids[index] = row.id = row.id or new_evidence_id()
    add_evidence(session, rows)
    for index, verdict in enumerate(verdicts):
        if index in evidence_ids:
            verdict.evidence["evidence_id"] = evidence_ids[index]
    facts = untrue_facts(verdicts, kind)
    entries = [
        ReconciliationEntry(
            declaration_id=declaration.id,
            run_id=run_id,
            item=fact.item,
            claim=fact.claim,
            verdict=CONTRADICTED,
            evidence_ids=[v.evidence["evidence_id"] for v in fact.verdicts if "evidence_id" in v.evidence],
        )
        for fact in facts
    ]
    session.add_all(entries)
    payload = dict(declaration.payload or {})
    payload["verification"] = {
        "run_id": run_id,
        "verified_at": datetime.now(UTC).isoformat(),
        "verdicts": [v.as_dict() for v in verdicts],
        "untrue_facts": len(facts),
    }
    declaration.payload = payload  # a new dict, so the JSON column is written
    session.flush()
    return entries


def reporting_facts(session: Session, body_ids: Iterable[str], run_id: str | None = None) -> dict[str, int]:
    """Per body, the untrue facts of its latest declaration (of ``run_id`` when given): the
    ``reporting_facts`` of the findings file."""
    out: dict[str, int] = {}
    for body_id in body_ids:
        query = select(Declaration).where(Declaration.body_id == body_id)
        if run_id is not None:
            query = query.where(Declaration.run_id == run_id)
        declaration = session.scalars(query.order_by(Declaration.loaded_at.desc(), Declaration.id.desc())).first()
        if declaration is None:
            continue
        count = session.scalar(
            select(func.count())
            .select_from(ReconciliationEntry)
            .where(ReconciliationEntry.declaration_id == declaration.id, ReconciliationEntry.verdict == CONTRADICTED)
        )
        if count:
            out[body_id] = int(count)
    return out


def act_lines(entries: Iterable[ReconciliationEntry]) -> list[dict[str, Any]]:
    """The act as rows a report prints: item, claim, evidence ids."""
    return [{"item": e.item, "claim": e.claim, "evidence": list(e.evidence_ids or [])} for e in entries]
