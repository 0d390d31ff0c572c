"""The review: the questions of a run's uncertain verdicts, and the assessor's answers (issue 25 item 3).

A verdict a check marked ``uncertain`` (``ashyq.checks.result``) is scored as the tool's best guess and
stays *open* until an assessor answers its question. For the served application and the command line
(``ashyq review``) the review is four functions, each taking the store's URL (``None``: the default):

* :func:`open_questions` (``run``: an id or ``last``; ``body``: one body or all) → :class:`ReviewQueue`,
  its ``questions`` in methodology order. A :class:`Question` has an ``id`` (``body:item:lang``, ``-``
  for an item without a language), the tool's guess (``status``), the reason code, the question in kk
  and ru (``text``), and what to look at: ``url``, ``selector``, ``quote``, the run's ``screenshot`` of
  that page and the element's ``region`` on it when the measurement recorded one (``crop_screenshot``
  cuts it out), and ``capture_sha256``, the digest of the capture the answer will be given on.
* :func:`answer_question` (``run``, ``question_id``, ``verdict``: pass | fail | partial |
  not_applicable, ``reason``, ``assessor``, ``source``: terminal | spreadsheet | web) → :class:`Answered`.
  The answer is stored (``review_answer``) and written as the run's next revision: the body's newest
  findings copied, the answered one with the assessor's verdict (``certain``, its doubt kept, naming
  the answer), every body scored again. A ``partial`` the item's rule cannot score without figures,
  a question already answered or unknown: :class:`ReviewError`, nothing written.
* ``answer_all`` (:mod:`ashyq.pipeline.review_batch`): a batch of answers recorded in one transaction
  or none, every one checked before any is written.
* ``export_questions`` and ``import_answers`` (:mod:`ashyq.pipeline.review_sheet`): the same questions
  out as an XLSX and the answers back, through the strict workbook reader and :func:`answer_all`.

**Carried answers.** When a later run checks the body again, an open verdict whose question names a
page (or portal record) whose capture has the same digest as when an answer was given takes that
answer (:func:`carry_answers`, called by the check stage): nobody is asked twice about evidence that
did not change; a changed capture re-opens the question. A body carried forward whole by an
incremental night keeps its decided findings with their answers (``ashyq.pipeline.incremental``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ashyq.base.vocabulary import Status
from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition
from ashyq.pipeline.results import findings_document, save_scores
from ashyq.pipeline.run_scores import other_editions, score_editions
from ashyq.reports.questions import question_text
from ashyq.reports.titles import titles_for
from ashyq.scoring.findings import FindingsError
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.models import Body, Evidence, Finding, Page, PortalRecord, ReviewAnswer, Run
from ashyq.store.repository import (
    add_findings,
    copy_finding,
    findings_for,
    latest_revision,
    run_by_reference,
    scores_for,
)
from ashyq.store.vocabulary import EvidenceKind

VERDICTS: tuple[Status, ...] = ("pass", "fail", "partial", "not_applicable")
SOURCES = ("terminal", "spreadsheet", "web")
MAX_REASON = 2_000
MAX_ASSESSOR = 200


class ReviewError(Exception):
    """The question cannot be answered as asked (unknown run or question, a verdict the rule cannot
    score, an empty reason …): nothing was written."""


@dataclass
class Question:
    id: str  # body:item:lang
    run_id: str
    body_id: str
    item: str
    lang: str | None
    status: str  # the tool's best guess, scored until answered
    reason: str  # the doubt's reason code
    text: dict[str, str]  # kk, ru
    url: str | None = None
    selector: str | None = None
    quote: str | None = None
    screenshot: str | None = None  # relative to the run's output folder
    region: tuple[int, int, int, int] | None = None
    capture_sha256: str | None = None


@dataclass
class ReviewQueue:
    run_id: str
    questions: list[Question] = field(default_factory=list)


@dataclass
class Answered:
    run_id: str
    revision: int
    question: str
    before: str
    after: str
    final_before: float | None
    final_after: float | None
    answer_id: int


def question_id(body_id: str, item: str, lang: str | None) -> str:
    return f"{body_id}:{item}:{lang or '-'}"


def _parse_id(value: str) -> tuple[str, str, str | None]:
    parts = value.strip().split(":")
    if len(parts) != 3 or not all(parts):
        raise ReviewError(f"{value!r} is not a question id (body:item:lang, e.g. mod:A15-1.4:ru)")
    return parts[0], parts[1], None if parts[2] == "-" else parts[2]


def is_open(finding: Finding) -> bool:
    return finding.certainty == "uncertain" and finding.status != "not_assessed"


def capture_digest(session: Session, run_id: str, doubt: dict[str, Any] | None) -> str | None:
    """The digest of the capture the question names in ``run_id``: the page's content digest, else the
    portal record's payload digest, else the digest the check gave; None when nothing names one."""
    look_at = (doubt or {}).get("look_at") or {}
    url = look_at.get("url")
    if url:
        page = session.scalars(
            select(Page.content_sha256)
            .where(Page.run_id == run_id, or_(Page.url == url, Page.final_url == url))
            .where(Page.content_sha256.is_not(None))
            .order_by(Page.id)
        ).first()
        if page:
            return page
        record = session.scalars(
            select(PortalRecord).where(PortalRecord.run_id == run_id, PortalRecord.source_url == url)
        ).first()
        if record is not None:
            payload = json.dumps(record.payload, sort_keys=True, ensure_ascii=False, default=str)
            return hashlib.sha256(payload.encode("utf-8")).hexdigest()
    digest = look_at.get("sha256")
    return str(digest) if digest else None


def _screenshot(session: Session, run_id: str, look_at: dict[str, Any]) -> tuple[str | None, Any]:
    """The run's screenshot of the page the question names, and the element's box on it if recorded."""
    region = look_at.get("region")
    if look_at.get("screenshot"):
        return str(look_at["screenshot"]), region
    url = look_at.get("url")
    if not url:
        return None, None
    shots = session.scalars(
        select(Evidence)
        .where(Evidence.run_id == run_id, Evidence.kind == EvidenceKind.SCREENSHOT, Evidence.url == url)
        .where(Evidence.path.is_not(None))
        .order_by(Evidence.id)
    ).all()
    if not shots:
        return None, None
    boxed = [s for s in shots if (s.metadata_ or {}).get("region") and s.selector == look_at.get("selector")]
    chosen = boxed[0] if boxed else shots[0]
    return chosen.path, (chosen.metadata_ or {}).get("region") if boxed else region


def _question(session: Session, run: Run, finding: Finding) -> Question:
    doubt = dict(finding.doubt or {})
    look_at = doubt.get("look_at") or {}
    titles = titles_for(str((run.settings or {}).get("edition") or run.edition or "kz-2025"))
    shot, region = _screenshot(session, run.id, look_at)
    box = tuple(int(v) for v in region) if isinstance(region, list | tuple) and len(region) == 4 else None
    return Question(
        id=question_id(finding.body_id, finding.item, finding.lang),
        run_id=run.id,
        body_id=finding.body_id,
        item=finding.item,
        lang=finding.lang,
        status=str(finding.status),
        reason=str(doubt.get("reason") or "other_reading"),
        text={lang: question_text(doubt, finding.item, finding.lang, titles, lang) for lang in ("kk", "ru")},
        url=look_at.get("url"),
        selector=look_at.get("selector"),
        quote=doubt.get("quote"),
        screenshot=shot,
        region=box,  # type: ignore[arg-type]
        capture_sha256=capture_digest(session, run.id, doubt),
    )


def _run(session: Session, run: str) -> Run:
    found = run_by_reference(session, run)
    if found is None:
        raise ReviewError("the store has no complete run" if run == "last" else f"no run {run!r} in the store")
    return found


def open_questions(db_url: str | None, run: str = "last", body: str | None = None) -> ReviewQueue:
    """The run's open questions (of ``body`` only, if given)."""
    ensure_schema(db_url)
    with session_scope(db_url) as session:
        found = _run(session, run)
        bodies = [body] if body else list(found.body_ids or [])
        queue = ReviewQueue(found.id)
        for body_id in bodies:
            queue.questions += [
                _question(session, found, f) for f in findings_for(session, found.id, body_id) if is_open(f)
            ]
        return queue


def decide(finding: Finding, answer: ReviewAnswer) -> None:
    """The assessor's verdict in place of the tool's guess: certain, the doubt kept, the answer named.
    The tool's deficiencies stay with a ``fail`` or ``partial`` (what was found wrong) and go with a
    ``pass`` or ``not_applicable``."""
    finding.status = answer.verdict
    finding.reason = finding.reason_text = None
    finding.certainty = "certain"
    finding.answer = answer
    if answer.verdict in ("pass", "not_applicable"):
        finding.deficiencies = []


def _validate(verdict: str, reason: str, assessor: str, source: str) -> None:
    if verdict not in VERDICTS:
        raise ReviewError(f"verdict {verdict!r}: one of {', '.join(VERDICTS)}")
    if not reason.strip() or len(reason) > MAX_REASON:
        raise ReviewError(f"the reason is required, at most {MAX_REASON} characters")
    if not assessor.strip() or len(assessor) > MAX_ASSESSOR:
        raise ReviewError(f"the assessor's name is required, at most {MAX_ASSESSOR} characters")
    if source not in SOURCES:
        raise ReviewError(f"source {source!r}: one of {', '.join(SOURCES)}")


def answer_question(
    db_url: str | None,
    run: str,
    question: str,
    verdict: str,
    reason: str,
    assessor: str,
    source: str = "terminal",
) -> Answered:
    """Record the answer and write it as the run's next revision of findings and scores."""
    _validate(verdict, reason, assessor, source)
    body_id, item, lang = _parse_id(question)
    ensure_schema(db_url)
    with session_scope(db_url) as session:
        found = _run(session, run)
        return _answer(session, found, body_id, item, lang, verdict, reason.strip(), assessor.strip(), source)


def _answer(
    session: Session,
    run: Run,
    body_id: str,
    item: str,
    lang: str | None,
    verdict: str,
    reason: str,
    assessor: str,
    source: str,
) -> Answered:
    findings = findings_for(session, run.id, body_id)
    target = next((f for f in findings if (f.item, f.lang) == (item, lang)), None)
    qid = question_id(body_id, item, lang)
    if target is None or not is_open(target):
        raise ReviewError(f"run {run.id} has no open question {qid}")
    before_scores = _finals(run, session)
    revision = latest_revision(session, run.id) + 1
    answer = ReviewAnswer(
        run_id=run.id,
        body_id=body_id,
        item=item,
        lang=lang,
        verdict=verdict,
        reason=reason,
        assessor=assessor,
        revision=revision,
        url=((target.doubt or {}).get("look_at") or {}).get("url"),
        capture_sha256=capture_digest(session, run.id, target.doubt),
        source=source,
    )
    session.add(answer)
    copies = [copy_finding(f, revision=revision) for f in findings]
    for copy, f in zip(copies, findings, strict=True):
        if f is target:
            decide(copy, answer)
    add_findings(session, copies)
    session.flush()
    rescore(session, run, revision, {"command": "review", "bodies": [body_id], "answer": answer.id})
    after_scores = _finals(run, session)
    return Answered(
        run.id,
        revision,
        qid,
        str(target.status),
        verdict,
        before_scores.get(body_id),
        after_scores.get(body_id),
        answer.id,
    )


def _finals(run: Run, session: Session) -> dict[str, float]:
    edition = str((run.settings or {}).get("edition") or run.edition or "kz-2025")
    return {s.body_id: s.final for s in scores_for(session, run.id) if s.edition == edition}


def rescore(session: Session, run: Run, revision: int, entry: dict[str, Any]) -> None:
    """Score every body of the run again from each body's newest findings, as ``revision``; a verdict the
    rule cannot score is a :class:`ReviewError` (the session is rolled back by the caller)."""
    settings: dict[str, Any] = dict(run.settings or {})
    edition = load_edition(edition_path(str(settings.get("edition") or run.edition or "kz-2025")))
    options = {str(k): str(v) for k, v in (settings.get("options") or {}).items()}
    borrowed = dict(settings.get("averages_borrowed") or {})
    kinds = {b.id: b.kind for b in session.scalars(select(Body).where(Body.id.in_(run.body_ids or [])))}
    assessed = [b for b in run.body_ids or [] if kinds.get(b) in ("cgo", "mio")]
    document = findings_document(session, run, assessed)
    document["run"]["averages_from"] = settings.get("averages_from")
    try:
        scored = score_editions(document, [edition, *other_editions(edition.edition)], options, borrowed)
    except FindingsError as error:
        raise ReviewError("; ".join(error.problems)) from None
    for scores in scored.values():
        save_scores(session, run, scores, revision)
    record = {"revision": revision, "at": datetime.now(UTC).isoformat(), **entry}
    run.settings = {**settings, "revisions": [*settings.get("revisions", []), record]}
    session.flush()


def carry_answers(session: Session, run: Run, body_id: str, revision: int = 1) -> int:
    """Apply to the body's open verdicts of ``revision`` the answers given, in earlier runs, on a capture
    with the same digest (the newest such answer). Returns how many verdicts were decided so."""
    open_findings = session.scalars(
        select(Finding).where(
            Finding.run_id == run.id,
            Finding.body_id == body_id,
            Finding.revision == revision,
            Finding.certainty == "uncertain",
        )
    ).all()
    carried = 0
    for finding in open_findings:
        digest = capture_digest(session, run.id, finding.doubt)
        if digest is None or finding.status == "not_assessed":
            continue
        answer = session.scalars(
            select(ReviewAnswer)
            .where(
                ReviewAnswer.body_id == body_id,
                ReviewAnswer.item == finding.item,
                ReviewAnswer.run_id != run.id,
                ReviewAnswer.capture_sha256 == digest,
                ReviewAnswer.lang.is_(None) if finding.lang is None else ReviewAnswer.lang == finding.lang,
            )
            .order_by(ReviewAnswer.answered_at.desc(), ReviewAnswer.id.desc())
        ).first()
        if answer is not None:
            decide(finding, answer)
            carried += 1
    session.flush()
    return carried


def crop_screenshot(out_dir: Path, question: Question, dest: Path) -> Path | None:
    """The question's screenshot, cropped to the element's box when one was recorded, written to
    ``dest`` (PNG); None when the run has no screenshot of the page or the file is gone."""
    if not question.screenshot:
        return None
    source = (out_dir / question.screenshot).resolve()
    if not source.is_relative_to(out_dir.resolve()) or not source.is_file():
        return None
    from PIL import Image

    with Image.open(source) as image:
        shot: Image.Image = image
        if question.region is not None:
            x, y, w, h = question.region
            margin = 16  # a little of what surrounds the element, to see where it is
            shot = image.crop((max(0, x - margin), max(0, y - margin), x + w + margin, y + h + margin))
        dest.parent.mkdir(parents=True, exist_ok=True)
        shot.save(dest, format="PNG")
    return dest
