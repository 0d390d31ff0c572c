"""The ranking of a run: every scored body with its rank, level and change since its last run."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ashyq.base.period import MONITORING, recorded_purpose
from ashyq.reports.body_report import ReportError, previous_point
from ashyq.store import repository as repo
from ashyq.store.models import Body, Run, Score


@dataclass
class RankedBody:
    rank: int | None  # None in a run monitoring a period to date: bodies listed, not ranked
    body: Body
    score: Score
    previous: repo.HistoryPoint | None
    history: list[repo.HistoryPoint]

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.score.final - self.previous.score.final


def run_or_fail(session: Session, run_id: str) -> Run:
    run = repo.get_run(session, run_id)
    if run is None:
        raise ReportError(f"no run {run_id!r} in the store")
    return run


def ranking(session: Session, run: Run) -> list[RankedBody]:
    """Bodies by final score, highest first; equal scores share a rank ("1, 2, 2, 4"). A run monitoring
    a period to date ranks nobody: its bodies are listed by id, with no rank (points so far, no level)."""
    scores = repo.scores_for(session, run.id)
    editions = {s.edition for s in scores}
    # A run scored under several editions ranks under its own edition; the others are comparisons.
    edition = run.edition if run.edition in editions else (sorted(editions)[0] if editions else None)
    chosen = [s for s in scores if s.edition == edition]
    monitoring = recorded_purpose(run.settings) == MONITORING
    chosen.sort(key=lambda s: (s.body_id,) if monitoring else (-round(s.final, 4), s.body_id))
    out: list[RankedBody] = []
    for position, score in enumerate(chosen, start=1):
        body = repo.get_body(session, score.body_id)
        if body is None:  # pragma: no cover - a foreign key keeps the body
            continue
        tied = out and round(out[-1].score.final, 4) == round(score.final, 4)
        rank = None if monitoring else out[-1].rank if tied else position
        points = repo.history(session, score.body_id, score.edition)
        out.append(RankedBody(rank, body, score, previous_point(points, run.id), points))
    return out
