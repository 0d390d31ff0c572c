"""What a report shows about a body in a run, read from the store once and rendered many ways.

The score's ``breakdown`` (``ashyq.scoring.engine.BodyScore.as_dict()``) gives the points of every item;
the findings give what was wrong, where, and the evidence. They are joined by (item, language).
Reports only read: nothing here writes to the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ashyq.base.vocabulary import ASSESSED
from ashyq.reports.titles import EditionTitles, titles_for
from ashyq.store import repository as repo
from ashyq.store.access import Publication
from ashyq.store.models import (
    Body,
    Declaration,
    Evidence,
    Finding,
    Page,
    ReconciliationEntry,
    ReviewAnswer,
    Run,
    Score,
)


class ReportError(LookupError):
    """The run, body or score a report needs is not in the store."""


@dataclass
class EvidenceView:
    id: str
    kind: str
    url: str | None
    captured_at: datetime | None
    sha256: str | None
    warc_file: str | None
    warc_record_id: str | None
    path: str | None
    selector: str | None
    snippet: str | None
    json_path: str | None
    region: tuple[int, int, int, int] | None  # x, y, width, height on the screenshot
    page_title: str | None
    metadata: dict[str, Any]

    @property
    def is_image(self) -> bool:
        return bool(self.path) and Path(self.path or "").suffix.lower() in (".png", ".jpg", ".jpeg", ".webp")


@dataclass
class FindingView:
    id: int
    item: str
    lang: str | None
    status: str
    reason: str | None
    measured: dict[str, Any]
    deficiencies: list[dict[str, Any]]
    evidence: list[EvidenceView]
    check: str
    carried_from: str | None = None  # an incremental run's finding taken over from this run
    certainty: str = "certain"  # uncertain: the status is the tool's best guess (``doubt`` says why)
    doubt: dict[str, Any] | None = None  # reason, look_at, quote, detail (ashyq.checks.result.Doubt)
    decided: dict[str, Any] | None = None  # the assessor's answer that decided it (:func:`decided_of`)
    reason_text: dict[str, Any] | None = None  # the reason's catalogue message (ashyq.reports.wording)

    @property
    def is_open(self) -> bool:
        """An uncertain verdict no assessor has decided yet."""
        return self.certainty == "uncertain" and self.status != "not_assessed"


@dataclass
class ItemResult:
    """One leaf of the score joined with the finding behind it (None: no finding was made)."""

    item: str
    lang: str | None
    status: str
    points: float
    max: float
    not_assessed: float
    deduction: float
    note: str
    exempt: str | None
    criterion: str
    finding: FindingView | None = None

    @property
    def lost(self) -> float:
        """Points the body lost on its own account: 0 for items not assessed or exempt.

        ``max - points - not_assessed`` also covers penalties (max 0, negative points)."""
        if self.status not in ASSESSED:
            return 0.0
        return max(0.0, round(self.max - self.points - self.not_assessed, 4))


@dataclass
class CriterionResult:
    id: str
    points: float
    max: float
    not_assessed: float
    items: list[ItemResult] = field(default_factory=list)

    @property
    def is_penalty(self) -> bool:
        return self.max == 0


@dataclass
class BodyReport:
    run: Run
    body: Body
    score: Score
    titles: EditionTitles
    criteria: list[CriterionResult]
    findings: list[FindingView]
    previous: repo.HistoryPoint | None
    history: list[repo.HistoryPoint]

    @property
    def breakdown(self) -> dict[str, Any]:
        return self.score.breakdown or {}

    @property
    def coverage(self) -> float:
        return float(self.breakdown.get("coverage", 1.0))

    @property
    def penalty_not_assessed(self) -> float:
        """What the penalties not assessed could still take away (up to −9 for unknown subordinates)."""
        return float(self.breakdown.get("penalty_not_assessed", 0.0))

    @property
    def not_assessed_items(self) -> list[dict[str, Any]]:
        return list(self.breakdown.get("not_assessed_items", []))

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.score.final - self.previous.score.final

    @property
    def open_verdicts(self) -> dict[str, Any]:
        """The scorer's count of verdicts still open and the final score's range if each went the other
        way (``count``, ``final_low``, ``final_high``; empty when none is open)."""
        return dict(self.breakdown.get("open_verdicts") or {})

    def items(self) -> list[ItemResult]:
        return [leaf for criterion in self.criteria for leaf in criterion.items]

    def open_items(self) -> list[ItemResult]:
        """The scored items whose verdict is uncertain and undecided, in methodology order."""
        return [leaf for leaf in self.items() if leaf.finding is not None and leaf.finding.is_open]

    def decided_items(self) -> list[ItemResult]:
        """The scored items an assessor decided (``ashyq review``), in methodology order."""
        return [leaf for leaf in self.items() if leaf.finding is not None and leaf.finding.decided]

    def losses(self) -> list[ItemResult]:
        """Items that cost the body points, largest loss first (methodology order among equals)."""
        lost = [leaf for leaf in self.items() if leaf.lost > 0]
        return sorted(lost, key=lambda leaf: (-leaf.lost, repo.methodology_order(leaf.item), leaf.lang or ""))


def _region(metadata: dict[str, Any]) -> tuple[int, int, int, int] | None:
    value = metadata.get("region")
    if isinstance(value, list | tuple) and len(value) == 4 and all(isinstance(v, int | float) for v in value):
        x, y, w, h = (int(v) for v in value)
        return (x, y, w, h) if w > 0 and h > 0 else None
    return None


def evidence_view(evidence: Evidence, page_titles: dict[str, str]) -> EvidenceView:
    metadata = dict(evidence.metadata_ or {})
    title = page_titles.get(evidence.warc_record_id or "") or page_titles.get(evidence.url or "")
    return EvidenceView(
        id=evidence.id,
        kind=evidence.kind.value,
        url=evidence.url,
        captured_at=evidence.captured_at,
        sha256=evidence.sha256,
        warc_file=evidence.warc_file,
        warc_record_id=evidence.warc_record_id,
        path=evidence.path,
        selector=evidence.selector,
        snippet=evidence.snippet,
        json_path=metadata.get("json_path") if isinstance(metadata.get("json_path"), str) else None,
        region=_region(metadata),
        page_title=title,
        metadata=metadata,
    )


def _page_titles(session: Session, run_id: str, body_id: str) -> dict[str, str]:
    """Page titles by WARC record id and by URL: what a reader recognises an archived page by."""
    titles: dict[str, str] = {}
    query = select(Page.url, Page.warc_record_id, Page.title).where(Page.run_id == run_id, Page.body_id == body_id)
    for url, record_id, title in session.execute(query):
        if title:
            titles.setdefault(url, title)
            if record_id:
                titles.setdefault(record_id, title)
    return titles


def decided_of(answer: ReviewAnswer | None, run_id: str) -> dict[str, Any] | None:
    """Who decided a finding, when, what and why (None: no assessor did), as the reports cite it;
    ``carried_from``: the run the answer was given in, when it was carried to this one."""
    if answer is None:
        return None
    out: dict[str, Any] = {
        "answer": answer.id,
        "assessor": answer.assessor,
        "on": answer.answered_at.date().isoformat(),
        "verdict": answer.verdict,
        "reason": answer.reason,
    }
    if answer.run_id != run_id:
        out["carried_from"] = answer.run_id
    return out


def finding_view(finding: Finding, page_titles: dict[str, str]) -> FindingView:
    return FindingView(
        id=finding.id,
        item=finding.item,
        lang=finding.lang,
        status=finding.status,
        reason=finding.reason,
        measured=dict(finding.measured or {}),
        deficiencies=[dict(d) for d in finding.deficiencies or []],
        evidence=[evidence_view(e, page_titles) for e in finding.evidence],
        check=f"{finding.check_id}@{finding.check_version}",
        carried_from=finding.carried_from,
        certainty=str(finding.certainty or "certain"),
        doubt=dict(finding.doubt) if finding.doubt else None,
        decided=decided_of(finding.answer, finding.run_id) if finding.answer_id is not None else None,
        reason_text=dict(finding.reason_text) if finding.reason_text else None,
    )


def _leaves(node: dict[str, Any], criterion: str) -> list[ItemResult]:
    out = [
        ItemResult(
            item=leaf["item"],
            lang=leaf.get("lang"),
            status=leaf.get("status", "not_assessed"),
            points=float(leaf.get("points", 0.0)),
            max=float(leaf.get("max", 0.0)),
            not_assessed=float(leaf.get("not_assessed", 0.0)),
            deduction=float(leaf.get("deduction", 0.0)),
            note=str(leaf.get("note", "")),
            exempt=leaf.get("exempt"),
            criterion=criterion,
        )
        for leaf in node.get("items", [])
    ]
    for child in node.get("children", []):
        out.extend(_leaves(child, criterion))
    return out


def criteria_of(breakdown: dict[str, Any]) -> list[CriterionResult]:
    return [
        CriterionResult(
            id=node["id"],
            points=float(node.get("points", 0.0)),
            max=float(node.get("max", 0.0)),
            not_assessed=float(node.get("not_assessed", 0.0)),
            items=_leaves(node, node["id"]),
        )
        for node in breakdown.get("criteria", [])
    ]


def score_of(session: Session, run: Run, body_id: str, revision: int | None = None) -> Score | None:
    """The body's score of the run (its newest revision, or the newest not after ``revision``)."""
    if revision is None:
        scores = [s for s in repo.scores_for(session, run.id) if s.body_id == body_id]
    else:
        scores = repo.scores_at(session, run.id, body_id, revision)
    preferred = [s for s in scores if s.edition == run.edition]
    chosen = preferred or scores
    return chosen[0] if chosen else None


def previous_point(points: list[repo.HistoryPoint], run_id: str) -> repo.HistoryPoint | None:
    """The history point just before ``run_id`` (None when this is the body's first scored run)."""
    for index, point in enumerate(points):
        if point.run.id == run_id:
            return points[index - 1] if index > 0 else None
    return points[-1] if points else None


def published_history(session: Session, body_id: str, edition: str) -> list[repo.HistoryPoint]:
    """A body's scores across finished runs as published to it, oldest first: of each run with a
    publication of the body's conclusion, the score of its newest published revision; a run never
    published (or its revisions after the last publication) is not there."""
    published_revisions = (
        select(Publication.run_id, func.max(Publication.revision))
        .where(Publication.body_id == body_id)
        .group_by(Publication.run_id)
    )
    points: list[repo.HistoryPoint] = []
    for run_id, revision in session.execute(published_revisions):
        run = session.get(Run, run_id)
        if run is None or run.status not in repo.FINISHED_WITH_SCORES:
            continue
        points.extend(repo.HistoryPoint(run, s) for s in repo.scores_at(session, run_id, body_id, revision))
    kept = [p for p in points if p.score.edition == edition]
    return sorted(kept, key=lambda p: (p.run.started_at, p.run.id))


def load_body_report(
    session: Session, run_id: str, body_id: str, revision: int | None = None, *, published_only: bool = False
) -> BodyReport:
    """The body's report of the run: its newest revision, or the run's ``revision`` (a published one:
    what the body was given, whatever was revised since). ``published_only``: the history (and the
    previous point) holds only what was published to the body (:func:`published_history`), as its own
    accounts and verifiers may read; otherwise every run's newest score."""
    run = repo.get_run(session, run_id)
    if run is None:
        raise ReportError(f"no run {run_id!r} in the store")
    body = repo.get_body(session, body_id)
    if body is None:
        raise ReportError(f"no body {body_id!r} in the store")
    score = score_of(session, run, body_id, revision)
    if score is None:
        raise ReportError(f"body {body_id!r} has no score in run {run_id!r}")
    titles = titles_for(score.edition)
    page_titles = _page_titles(session, run_id, body_id)
    findings = [finding_view(f, page_titles) for f in repo.findings_for(session, run_id, body_id, revision)]
    by_key = {(f.item, f.lang): f for f in findings}
    criteria = criteria_of(score.breakdown or {})
    for criterion in criteria:
        for leaf in criterion.items:
            leaf.finding = by_key.get((leaf.item, leaf.lang))
    if published_only:
        points = published_history(session, body_id, score.edition)
    else:
        points = repo.history(session, body_id, score.edition)
    return BodyReport(run, body, score, titles, criteria, findings, previous_point(points, run_id), points)


def reconciliation_for(session: Session, run_id: str, body_id: str | None = None) -> list[tuple[Declaration, Any]]:
    """The reconciliation act of a run: (declaration, entry) pairs, per body and item."""
    query = (
        select(Declaration, ReconciliationEntry)
        .join(ReconciliationEntry, ReconciliationEntry.declaration_id == Declaration.id)
        .where(ReconciliationEntry.run_id == run_id)
    )
    if body_id is not None:
        query = query.where(Declaration.body_id == body_id)
    rows = list(session.execute(query.order_by(Declaration.body_id, ReconciliationEntry.id)))
    return [(declaration, entry) for declaration, entry in rows]
