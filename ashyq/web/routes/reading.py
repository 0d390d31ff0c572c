"""The reading pages: the runs, a run's ranking with each body's trend over the nights, what changed
since the previous run, a body's criteria and items, a finding with its evidence (the screenshot, the
archived page in a sandbox and, when ``ashyq serve`` runs a replay origin, a link to its replay there:
ashyq.web.replay_origin; the portal record), and the evidence files.

A run monitoring a period to date lists its bodies and ranks nobody (the purpose banner says which it
is, as on the static dashboard)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import FileResponse
from sqlalchemy import select
from starlette.responses import Response

from ashyq.pipeline.publication import body_revision
from ashyq.reports.conclusion import body_name, is_monitoring, purpose_note
from ashyq.reports.ranking import ranking
from ashyq.reports.replay import UnsafePath, inside, read_records, sandboxed_copy
from ashyq.reports.run_diff import CHANGE_KINDS, diff_runs, previous_run
from ashyq.reports.titles import titles_for
from ashyq.store import repository as repo
from ashyq.store.models import Evidence, Finding, Run
from ashyq.store.vocabulary import RunKind
from ashyq.web.access import (
    READ_ALL,
    READERS,
    body_report,
    evidence_readable_or_404,
    finding_revision_or_404,
    readable_or_404,
    shown_revision,
)
from ashyq.web.context import Context, redirect, roles
from ashyq.web.replay_origin import ReplayGrant, replay_link
from ashyq.web.routes.auth import home_of
from ashyq.web.trend import trend_points

router = APIRouter()
ANYONE = ("analyst", "assessor", "body", "commission", "verifier", "admin")


def _run_or_404(ctx: Context, run_id: str) -> Run:
    run = ctx.db.get(Run, run_id)
    if run is None:
        raise HTTPException(status_code=404)
    return run


@router.get("/")
def home(ctx: Context = Depends(roles(*ANYONE))) -> Response:
    assert ctx.viewer is not None
    if ctx.viewer.role not in READ_ALL:
        return redirect(home_of(ctx.viewer.role))
    last = repo.last_complete_run(ctx.db, RunKind.NIGHTLY) or repo.last_complete_run(ctx.db)
    return redirect(f"/runs/{last.id}" if last is not None else "/runs")


@router.get("/runs")
def runs(ctx: Context = Depends(roles(*READ_ALL))) -> Response:
    listed = list(ctx.db.scalars(select(Run).order_by(Run.started_at.desc(), Run.id.desc()).limit(200)))
    return ctx.render("runs.html.j2", runs=listed)


@router.get("/runs/{run_id}")
def run_ranking(run_id: str, ctx: Context = Depends(roles(*READ_ALL))) -> Response:
    run = _run_or_404(ctx, run_id)
    ranked = ranking(ctx.db, run)
    titles = titles_for(ranked[0].score.edition if ranked else run.edition)
    rows = [
        {
            "entry": entry,
            "name": {"kk": entry.body.name_kk, "ru": entry.body.name_ru}.get(ctx.lang) or entry.body.name_ru,
            "level": titles.level(entry.score.level, ctx.lang) if entry.score.level else "",
            "trend": trend_points([point.score.final for point in entry.history], entry.score.max_points),
        }
        for entry in ranked
    ]
    has_previous = previous_run(ctx.db, run) is not None
    return ctx.render(
        "ranking.html.j2",
        run=run,
        rows=rows,
        purpose=purpose_note(run, ctx.lang),
        monitoring=is_monitoring(run),
        has_previous=has_previous,
    )


@router.get("/runs/{run_id}/changes")
def run_changes(run_id: str, ctx: Context = Depends(roles(*READ_ALL))) -> Response:
    run = _run_or_404(ctx, run_id)
    previous = previous_run(ctx.db, run)
    diff = None if previous is None else diff_runs(ctx.db, previous.id, run.id)
    return ctx.render("changes.html.j2", run=run, diff=diff, kinds=CHANGE_KINDS, purpose=purpose_note(run, ctx.lang))


@router.get("/runs/{run_id}/bodies/{body_id}")
def body_page(run_id: str, body_id: str, ctx: Context = Depends(roles(*READERS))) -> Response:
    readable_or_404(ctx, run_id, body_id)
    report = body_report(ctx, run_id, body_id, shown_revision(ctx, run_id, body_id))
    return ctx.render(
        "body.html.j2",
        report=report,
        name=body_name(report, ctx.lang),
        level=report.titles.level(report.score.level, ctx.lang) if report.score.level else "",
        purpose=purpose_note(report.run, ctx.lang),
        monitoring=is_monitoring(report.run),
    )


@router.get("/findings/{finding_id}")
def finding_page(finding_id: int, ctx: Context = Depends(roles(*READERS))) -> Response:
    finding = ctx.db.get(Finding, finding_id)
    if finding is None:
        raise HTTPException(status_code=404)
    # a body's account or a verifier: the published revision showing it (none: 404)
    revision = finding_revision_or_404(ctx, finding)
    report = body_report(ctx, finding.run_id, finding.body_id, revision)
    view = next((f for f in report.findings if f.id == finding.id), None)
    if view is None:  # an older revision of the run's findings: its own page is the newest one's
        raise HTTPException(status_code=404)
    node = report.titles.node(view.item)
    shown = revision if revision is not None else body_revision(ctx.db, finding.run_id, finding.body_id) or 1
    replays = {
        e.id: replay_link(ctx.settings, ReplayGrant(finding.run_id, finding.body_id, shown, e.id, ctx.lang))
        for e in view.evidence
        if e.warc_record_id and not e.is_image
    }
    return ctx.render(
        "finding.html.j2",
        replays=replays,
        report=report,
        name=body_name(report, ctx.lang),
        finding=view,
        title=report.titles.title(view.item, ctx.lang),
        rule=node.in_lang(ctx.lang),
        source=node.source,
    )


def _evidence_or_404(ctx: Context, evidence_id: str) -> Evidence:
    evidence = ctx.db.get(Evidence, evidence_id)
    if evidence is None:
        raise HTTPException(status_code=404)
    evidence_readable_or_404(ctx, evidence)
    return evidence


def _data_file(ctx: Context, relative: str | None) -> Path:
    if not relative:
        raise HTTPException(status_code=404)
    try:
        path = inside(ctx.settings.data_dir, relative)
    except UnsafePath:
        raise HTTPException(status_code=404) from None
    if not path.is_file():
        raise HTTPException(status_code=404)
    return path


@router.get("/evidence/{evidence_id}/file")
def evidence_file(evidence_id: str, ctx: Context = Depends(roles(*READERS))) -> Response:
    """The evidence's file (a screenshot, an axe result …), as an attachment unless it is an image."""
    evidence = _evidence_or_404(ctx, evidence_id)
    path = _data_file(ctx, evidence.path)
    ctx.audit("evidence_file", target=evidence.id)
    ctx.commit()
    image = path.suffix.lower() in (".png", ".jpg", ".jpeg", ".webp")
    media = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp"}
    return FileResponse(
        path,
        media_type=media.get(path.suffix.lower(), "application/octet-stream"),
        filename=None if image else path.name,
        content_disposition_type="inline" if image else "attachment",
    )


@router.get("/evidence/{evidence_id}/archived")
def archived_page(evidence_id: str, ctx: Context = Depends(roles(*READERS))) -> Response:
    """The archived page of a WARC record, as a static copy that runs no script, in a sandbox."""
    from ashyq.web.security import archived_response

    evidence = _evidence_or_404(ctx, evidence_id)
    if not evidence.warc_record_id:
        raise HTTPException(status_code=404)
    warc = _data_file(ctx, evidence.warc_file)
    record = read_records(warc, [evidence.warc_record_id], ctx.settings.data_dir).get(evidence.warc_record_id)
    if record is None:
        raise HTTPException(status_code=404)
    content, suffix = sandboxed_copy(record)
    if suffix != ".html":
        return Response(content, media_type="text/plain; charset=utf-8", headers={"Content-Security-Policy": "sandbox"})
    return archived_response(content)
