"""An upheld disagreement changes a verdict: the body's findings are written again as the run's next
revision, with each upheld item judged as the body argued (``pass``: the requirement met), and the
run is scored again from every body's newest findings (averages are the run's), as ``ashyq check``
does (docs/store.md, "Revisions"). The earlier revisions stay.

An upheld finding keeps the evidence the tool judged on (what a verifier replays is unchanged) and
says who changed it: ``measured.appeal`` names the disagreement upheld, the commission's member and the moment. Its
deficiencies go (the commission found the requirement met); so do the measures a rule would compute
points from (a share, a count, a band's value), so the item earns its full weight - a coefficient
its highest value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.methodology.edition import CoefficientRule, Edition, edition_path
from ashyq.methodology.validate import load_edition
from ashyq.pipeline.results import findings_document, save_scores
from ashyq.pipeline.run_scores import other_editions, score_editions
from ashyq.store.models import Finding, Run, Score
from ashyq.store.repository import add_findings, copy_finding, findings_for, latest_revision

RULE_MEASURES = ("share", "numerator", "denominator", "value", "level")


@dataclass(frozen=True)
class UpheldItem:
    """A verdict the commission changed: the item and language, the disagreement upheld, who decided and
    when."""

    item: str
    lang: str | None
    disagreement_id: int
    member: str
    decided_at: datetime


def _coefficient_top(editions: list[Edition], item: str) -> float | None:
    for edition in editions:
        for node in edition.items():
            if node.id == item and isinstance(node.rule, CoefficientRule):
                return max(node.rule.values)
    return None


def _upheld_measures(measured: Mapping[str, Any], upheld: UpheldItem, top: float | None) -> dict[str, Any]:
    kept = {k: v for k, v in measured.items() if k not in RULE_MEASURES}
    if top is not None:
        kept["value"] = top
    kept["appeal"] = {
        "disagreement": upheld.disagreement_id,
        "member": upheld.member,
        "decided_at": upheld.decided_at.isoformat(),
        "was": {k: measured[k] for k in RULE_MEASURES if k in measured},
    }
    return kept


def _revised_findings(
    session: Session, run: Run, body_id: str, upheld: list[UpheldItem], editions: list[Edition], revision: int
) -> list[Finding]:
    by_key = {(u.item, u.lang): u for u in upheld}
    out: list[Finding] = []
    for finding in findings_for(session, run.id, body_id):
        revised = copy_finding(finding, revision=revision)
        decided = by_key.pop((finding.item, finding.lang), None)
        if decided is not None:
            revised.status, revised.reason, revised.deficiencies = "pass", None, []
            revised.reason_text = None
            revised.certainty = "certain"  # the commission decided it (an assessor's doubt stays on record)
            revised.measured = _upheld_measures(
                finding.measured or {}, decided, _coefficient_top(editions, finding.item)
            )
        out.append(revised)
    for decided in by_key.values():  # an item the score deducted for without a finding row of its own
        out.append(
            Finding(
                run_id=run.id,
                body_id=body_id,
                item=decided.item,
                lang=decided.lang,
                status="pass",
                measured=_upheld_measures({}, decided, _coefficient_top(editions, decided.item)),
                deficiencies=[],
                check_id="appeal",
                check_version="1",
                revision=revision,
            )
        )
    return out


def scored_bodies(session: Session, run: Run) -> list[str]:
    """The bodies the run scored (the assessed ones: CGO and MIO), whatever the registry says today."""
    return sorted(set(session.scalars(select(Score.body_id).where(Score.run_id == run.id))))


def revise_for_upheld(session: Session, run: Run, body_id: str, upheld: list[UpheldItem]) -> int:
    """Write the body's findings with ``upheld`` changed as the run's next revision and score the run
    again under every edition; returns the revision written."""
    settings: dict[str, Any] = dict(run.settings or {})
    edition = load_edition(edition_path(str(settings.get("edition") or run.edition or "kz-2025")))
    editions = [edition, *other_editions(edition.edition)]
    revision = latest_revision(session, run.id) + 1
    add_findings(session, _revised_findings(session, run, body_id, upheld, editions, revision))
    session.flush()
    options = {str(k): str(v) for k, v in (settings.get("options") or {}).items()}
    document = findings_document(session, run, scored_bodies(session, run))
    document["run"]["averages_from"] = settings.get("averages_from")
    borrowed = dict(settings.get("averages_borrowed") or {})
    for scores in score_editions(document, editions, options, borrowed).values():
        save_scores(session, run, scores, revision)
    entry = {
        "revision": revision,
        "at": datetime.now(UTC).isoformat(),
        "command": "appeal",
        "bodies": [body_id],
        "disagreements": sorted(u.disagreement_id for u in upheld),
    }
    run.settings = {**settings, "revisions": [*settings.get("revisions", []), entry]}
    return revision
