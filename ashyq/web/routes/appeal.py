"""The appeal's pages: the body's view of its published conclusion (the day it was received, the deadline,
the items it lost points on, the disagreement form and the upload of the filled table), one disagreement,
and the commission's view of the open disagreements with the decision form.

The rules are :mod:`ashyq.pipeline.appeal_flow`'s; here only who reaches which page. A body's account
reaches only its own publications and disagreements (another's is 404, as one that does not exist);
only a body's account files, only the commission decides, only an analyst records a receipt. The body's
user's first opening of the page is the conclusion's receipt (000 p.109: the term counts from it).
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, HTTPException, UploadFile
from fastapi.responses import FileResponse
from sqlalchemy import select
from starlette.background import BackgroundTask
from starlette.responses import Response

from ashyq.base.strict_files import FileRefused
from ashyq.pipeline.appeal_desk import file_table_data
from ashyq.pipeline.appeal_flow import (
    AppealRefused,
    conclusion_citation,
    decide,
    disagreements_of,
    disputable_items,
    file_disagreements,
    form_row,
    is_final,
    local_day,
    open_disagreements,
    opened_by_body,
    receipt_of,
    record_receipt,
)
from ashyq.pipeline.appeal_table import LIMITS, parse_documents
from ashyq.reports.conclusion import body_name
from ashyq.reports.disagreement import write_disagreement_table
from ashyq.store.access import Publication
from ashyq.store.appeal import CommissionDecision, Disagreement
from ashyq.web.access import body_report, publication_or_404
from ashyq.web.context import Context, redirect, roles

router = APIRouter()
SEES_APPEALS = ("body", "analyst", "commission")
MAX_FIELD = 12_000  # characters of a typed position or list of documents


def _page(ctx: Context, publication: Publication, problems: list[str], status_code: int = 200) -> Response:
    report = body_report(ctx, publication.run_id, publication.body_id, publication.revision)
    receipt = receipt_of(ctx.db, publication)
    final = is_final(ctx.db, publication)
    today = local_day(datetime.now(UTC))
    filed = disagreements_of(ctx.db, publication)
    disputed = {(d.item, d.lang) for d in filed}
    return ctx.render(
        "appeal.html.j2",
        status_code=status_code,
        publication=publication,
        body_title=body_name(report, ctx.lang),
        score=report.score,
        receipt=receipt,
        open_term=receipt is not None and not final and today <= receipt.deadline,
        final=final,
        citation=conclusion_citation(ctx.db, publication, ctx.lang),
        items=[d for d in disputable_items(ctx.db, publication) if (d.item, d.lang) not in disputed],
        titles=report.titles,
        filed=filed,
        problems=problems,
        is_body=ctx.viewer is not None and ctx.viewer.role == "body",
        is_analyst=ctx.viewer is not None and ctx.viewer.role == "analyst",
    )


def _own_publication(ctx: Context, publication_id: int) -> Publication:
    """The publication, when the account may read it (a body's account: only its own)."""
    return publication_or_404(ctx, publication_id)


@router.get("/appeal/{publication_id}")
def appeal_page(publication_id: int, ctx: Context = Depends(roles(*SEES_APPEALS))) -> Response:
    publication = _own_publication(ctx, publication_id)
    assert ctx.viewer is not None
    if ctx.viewer.role == "body" and receipt_of(ctx.db, publication) is None and not is_final(ctx.db, publication):
        receipt = opened_by_body(ctx.db, publication, ctx.viewer.account)
        ctx.audit("conclusion_received", target=str(publication.id), received_on=receipt.received_on.isoformat())
        ctx.commit()
    return _page(ctx, publication, [])


@router.get("/appeal/{publication_id}/table.xlsx")
def blank_table(publication_id: int, ctx: Context = Depends(roles(*SEES_APPEALS))) -> Response:
    """The table of disagreements pre-filled with the items the conclusion deducted for, in the reader's
    language: the body fills the position column and uploads it back."""
    publication = _own_publication(ctx, publication_id)
    report = body_report(ctx, publication.run_id, publication.body_id, publication.revision)
    folder = Path(tempfile.mkdtemp(prefix="ashyq-table-"))
    path = write_disagreement_table(report, ctx.lang, folder / f"disagreements-{publication.body_id}.xlsx")
    return FileResponse(
        path,
        filename=path.name,
        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


def _refusal(ctx: Context, publication: Publication, error: AppealRefused | FileRefused) -> Response:
    ctx.db.rollback()
    lines = [error.text(ctx.lang)] if isinstance(error, AppealRefused) else error.lines()[:50]
    return _page(ctx, publication, lines, status_code=409 if isinstance(error, AppealRefused) else 400)


@router.post("/appeal/{publication_id}/disagreements")
def file_typed(
    publication_id: int,
    item: Annotated[str, Form(max_length=64)],
    position: Annotated[str, Form(max_length=MAX_FIELD)],
    documents: Annotated[str, Form(max_length=MAX_FIELD)] = "",
    ctx: Context = Depends(roles("body")),
) -> Response:
    publication = _own_publication(ctx, publication_id)
    assert ctx.viewer is not None
    code, _, lang = item.partition("|")
    listed, problems = parse_documents(documents)
    if problems:
        return _page(ctx, publication, problems, status_code=400)
    try:
        filed = file_disagreements(
            ctx.db, publication, ctx.viewer.account, [form_row(code, lang or None, position, listed)], "form"
        )
    except AppealRefused as refused:
        return _refusal(ctx, publication, refused)
    ctx.audit("disagreement_filed", target=str(publication.id), disagreements=[d.id for d in filed], source="form")
    ctx.commit()
    return redirect(f"/appeal/{publication.id}")


@router.post("/appeal/{publication_id}/table")
async def file_uploaded(
    publication_id: int, table: Annotated[UploadFile, File()], ctx: Context = Depends(roles("body"))
) -> Response:
    publication = _own_publication(ctx, publication_id)
    assert ctx.viewer is not None
    data = await table.read(LIMITS.max_bytes + 1)  # never more than the limit and one byte
    name = (table.filename or "table.xlsx")[-120:]
    try:
        if len(data) > LIMITS.max_bytes:
            raise AppealRefused("table_too_large", limit=LIMITS.max_bytes // 1024)
        filed = file_table_data(ctx.db, publication, ctx.viewer.account, data, name)
    except (AppealRefused, FileRefused) as refused:
        return _refusal(ctx, publication, refused)
    ctx.audit("disagreement_filed", target=str(publication.id), disagreements=[d.id for d in filed], source="table")
    ctx.commit()
    return redirect(f"/appeal/{publication.id}")


@router.post("/appeal/{publication_id}/receipt")
def receipt_recorded(
    publication_id: int,
    received_on: Annotated[str, Form(max_length=10)],
    correct: Annotated[bool, Form()] = False,
    ctx: Context = Depends(roles("analyst")),
) -> Response:
    publication = _own_publication(ctx, publication_id)
    assert ctx.viewer is not None
    try:
        day = date.fromisoformat(received_on)
    except ValueError:
        return _page(ctx, publication, [received_on[:10]], status_code=400)
    try:
        receipt = record_receipt(ctx.db, publication, ctx.viewer.account, day, correct)
    except AppealRefused as refused:
        return _refusal(ctx, publication, refused)
    ctx.audit("receipt_recorded", target=str(publication.id), received_on=day.isoformat(), correct=correct)
    ctx.commit()
    return redirect(f"/appeal/{receipt.publication_id}")


def _disagreement_or_404(ctx: Context, disagreement_id: int) -> Disagreement:
    found = ctx.db.get(Disagreement, disagreement_id)
    if found is None:
        raise HTTPException(status_code=404)
    publication_or_404(ctx, found.publication_id)  # another body's is as one that does not exist
    return found


@router.get("/disagreements/{disagreement_id}")
def disagreement_page(disagreement_id: int, ctx: Context = Depends(roles(*SEES_APPEALS))) -> Response:
    found = _disagreement_or_404(ctx, disagreement_id)
    return ctx.render("disagreement.html.j2", d=found, problems=[])


@router.get("/commission")
def commission_page(ctx: Context = Depends(roles("commission", "analyst"))) -> Response:
    decided = list(ctx.db.scalars(select(CommissionDecision).order_by(CommissionDecision.decided_at.desc()).limit(200)))
    return ctx.render("commission.html.j2", waiting=open_disagreements(ctx.db), decided=decided, problems=[])


@router.post("/commission/disagreements/{disagreement_id}")
def decision_made(
    disagreement_id: int,
    outcome: Annotated[str, Form(max_length=16)],
    reasons: Annotated[str, Form(max_length=MAX_FIELD)],
    ctx: Context = Depends(roles("commission")),
) -> Response:
    found = _disagreement_or_404(ctx, disagreement_id)
    assert ctx.viewer is not None
    if outcome not in ("upheld", "rejected"):
        raise HTTPException(status_code=400)
    try:
        decision = decide(ctx.db, found, ctx.viewer.account, "upheld" if outcome == "upheld" else "rejected", reasons)
    except AppealRefused as refused:
        ctx.db.rollback()
        return ctx.render("disagreement.html.j2", status_code=409, d=found, problems=[refused.text(ctx.lang)])
    ctx.audit("decision", target=str(found.id), outcome=decision.outcome, revision=decision.revision)
    ctx.commit()
    return redirect("/commission")
