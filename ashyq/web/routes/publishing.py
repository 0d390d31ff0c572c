"""Publishing a body's conclusion (analysts) and the list of published conclusions each reader may see."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form
from sqlalchemy import select
from starlette.responses import Response

from ashyq.pipeline.publication import PublicationRefused, publications, publish
from ashyq.store.models import Body, Run, Score
from ashyq.store.vocabulary import RunKind
from ashyq.web.access import READERS, readable_bodies
from ashyq.web.context import Context, redirect, roles

router = APIRouter()


def _publishable(ctx: Context) -> list[tuple[Run, list[Body]]]:
    """The finished runs with scores (newest first, at most ten) and their scored bodies."""
    runs = ctx.db.scalars(
        select(Run).where(Run.finished_at.is_not(None), Run.kind != RunKind.MONITOR).order_by(Run.started_at.desc())
    ).all()[:10]
    out: list[tuple[Run, list[Body]]] = []
    for run in runs:
        bodies = list(
            ctx.db.scalars(
                select(Body).where(Body.id.in_(select(Score.body_id).where(Score.run_id == run.id))).order_by(Body.id)
            )
        )
        if bodies:
            out.append((run, bodies))
    return out


@router.get("/publications")
def publication_list(ctx: Context = Depends(roles(*READERS))) -> Response:
    assert ctx.viewer is not None
    listed = publications(ctx.db, readable_bodies(ctx))
    names = {b.id: b for b in ctx.db.scalars(select(Body).where(Body.id.in_({p.body_id for p in listed})))}
    analyst = ctx.viewer.role == "analyst"
    return ctx.render(
        "publications.html.j2",
        publications=listed,
        bodies=names,
        publishable=_publishable(ctx) if analyst else [],
        analyst=analyst,
        error=None,
    )


@router.post("/publications")
def publish_conclusion(
    run_id: Annotated[str, Form(max_length=64)],
    body_id: Annotated[str, Form(max_length=64)],
    ctx: Context = Depends(roles("analyst")),
) -> Response:
    assert ctx.viewer is not None
    try:
        publication = publish(ctx.db, run_id, body_id, ctx.viewer.account)
    except PublicationRefused as refused:
        return Response(str(refused), status_code=409, media_type="text/plain; charset=utf-8")
    ctx.audit("publish", target=f"{run_id}/{body_id}", revision=publication.revision, publication=publication.id)
    ctx.commit()
    return redirect("/publications")
