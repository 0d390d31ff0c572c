"""A batch of the assessors' answers recorded all or none (issue 25 item 3): the workbook's rows, or a
form of the served application that answers several questions at once.

* :func:`check_answers` (a list of :class:`Given`) → every problem, each a :class:`RowError` naming its
  answer by index: a verdict, reason or assessor out of bounds, an unknown run, a question that is
  not open in its run, a question answered more than once. Nothing is written.
* :func:`answer_all` → the :class:`~ashyq.pipeline.review.Answered` of each, recorded in one
  transaction, each as the run's next revision (as :func:`~ashyq.pipeline.review.answer_question`
  records one): the first problem, or a verdict the item's rule cannot score, is a :class:`RowError`
  and nothing of the batch is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from ashyq.pipeline.review import (
    Answered,
    ReviewError,
    _answer,
    _parse_id,
    _run,
    _validate,
    is_open,
    question_id,
)
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.models import Run
from ashyq.store.repository import findings_for


@dataclass(frozen=True)
class Given:
    """An answer as an assessor gave it, not yet recorded."""

    run: str
    question: str
    verdict: str
    reason: str
    assessor: str
    source: str = "terminal"


class RowError(ReviewError):
    """The answer at ``index`` of a batch cannot be recorded: nothing of the batch was written."""

    def __init__(self, index: int, message: str):
        super().__init__(message)
        self.index = index


def check_answers(db_url: str | None, given: list[Given]) -> list[RowError]:
    """Every problem of a batch of answers, each naming its answer, without writing anything: a value
    out of bounds, an unknown run, a question that is not open in its run, a question answered twice."""
    problems: list[RowError] = []
    seen: set[tuple[str, str]] = set()
    ensure_schema(db_url)
    with session_scope(db_url) as session:
        runs: dict[str, Run] = {}
        for index, g in enumerate(given):
            try:
                _validate(g.verdict, g.reason, g.assessor, g.source)
                body_id, item, lang = _parse_id(g.question)
                run = runs.get(g.run) or _run(session, g.run)
                runs[g.run] = run
            except ReviewError as error:
                problems.append(RowError(index, str(error)))
                continue
            qid = question_id(body_id, item, lang)
            if (run.id, qid) in seen:
                problems.append(RowError(index, f"question {qid} is answered more than once"))
                continue
            seen.add((run.id, qid))
            findings = findings_for(session, run.id, body_id)
            target = next((f for f in findings if (f.item, f.lang) == (item, lang)), None)
            if target is None or not is_open(target):
                problems.append(RowError(index, f"run {run.id} has no open question {qid}"))
        session.rollback()
    return problems


def answer_all(db_url: str | None, given: list[Given]) -> list[Answered]:
    """Record every answer of ``given`` in one transaction, each as the run's next revision, or none:
    the first problem (:func:`check_answers`, else a verdict the rule cannot score) is a
    :class:`RowError` naming its answer, and nothing is written."""
    problems = check_answers(db_url, given)
    if problems:
        raise problems[0]
    done: list[Answered] = []
    with session_scope(db_url) as session:
        for index, g in enumerate(given):
            body_id, item, lang = _parse_id(g.question)
            try:
                found = _run(session, g.run)
                done.append(
                    _answer(
                        session, found, body_id, item, lang, g.verdict, g.reason.strip(), g.assessor.strip(), g.source
                    )
                )
            except ReviewError as error:
                raise RowError(index, str(error)) from None  # the session rolls back every answer
    return done
