"""The assessor's review queue: the open questions of the last run's uncertain verdicts, each with what
to look at (the page, the element, the quote, the finding with its screenshot and archived page) and the
answer form. Everyone of the ministry reads it; nobody but an assessor answers. The rules and the
revision an answer writes are :mod:`ashyq.pipeline.review`'s."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form
from sqlalchemy import func, select
from starlette.responses import Response

from ashyq.pipeline.review import MAX_REASON, VERDICTS, Question, ReviewError, answer_question, open_questions
from ashyq.store.models import Finding
from ashyq.web.context import Context, redirect, roles

router = APIRouter()


def _finding_ids(ctx: Context, questions: list[Question]) -> dict[str, int]:
    """Each question's finding (the newest revision), whose page shows the evidence."""
    out: dict[str, int] = {}
    for q in questions:
        found = ctx.db.scalar(
            select(func.max(Finding.id)).where(
                Finding.run_id == q.run_id,
                Finding.body_id == q.body_id,
                Finding.item == q.item,
                Finding.lang.is_(None) if q.lang is None else Finding.lang == q.lang,
            )
        )
        if found is not None:
            out[q.id] = found
    return out


def _queue(ctx: Context, problems: list[str], status_code: int = 200) -> Response:
    try:
        queue = open_questions(ctx.settings.db, "last")
        run_id, questions = queue.run_id, queue.questions
    except ReviewError:
        run_id, questions = None, []
    return ctx.render(
        "review.html.j2",
        status_code=status_code,
        run_id=run_id,
        questions=questions,
        findings=_finding_ids(ctx, questions),
        verdicts=VERDICTS,
        problems=problems,
        assessor=ctx.viewer is not None and ctx.viewer.role == "assessor",
    )


@router.get("/review")
def review_page(ctx: Context = Depends(roles("assessor", "analyst", "commission"))) -> Response:
    return _queue(ctx, [])


@router.post("/review/answer")
def review_answer(
    run_id: Annotated[str, Form(max_length=64)],
    question: Annotated[str, Form(max_length=200)],
    verdict: Annotated[str, Form(max_length=16)],
    reason: Annotated[str, Form(max_length=MAX_REASON)],
    ctx: Context = Depends(roles("assessor")),
) -> Response:
    assert ctx.viewer is not None
    account = ctx.viewer.account
    try:
        answered = answer_question(
            ctx.settings.db, run_id, question, verdict, reason, account.display_name or account.username, "web"
        )
    except ReviewError as refused:
        return _queue(ctx, [str(refused)], status_code=409)
    ctx.audit("review_answer", target=f"{run_id}/{question}", verdict=verdict, revision=answered.revision)
    ctx.commit()
    return redirect("/review")
