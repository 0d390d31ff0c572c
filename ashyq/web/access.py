"""Who may read which results: the ministry's analysts, assessors and commission read every run; a
verifier reads the published conclusions of every body; a body's account reads only its own published
conclusions (and its subordinates' when so bound); an administrator manages accounts, not results.

A record the account may not read is answered 404, as one that does not exist: editing an id in the
address tells nobody what another body has."""

from __future__ import annotations

from fastapi import HTTPException

from ashyq.pipeline.publication import bodies_of, published
from ashyq.store.access import Publication
from ashyq.web.context import Context

READ_ALL = frozenset({"analyst", "assessor", "commission"})  # every run, published or not
READ_PUBLISHED = frozenset({"verifier", "body"})
READERS = tuple(sorted(READ_ALL | READ_PUBLISHED))


def readable_bodies(ctx: Context) -> frozenset[str] | None:
    """The bodies whose published results the account reads (None: every body)."""
    assert ctx.viewer is not None
    return bodies_of(ctx.db, ctx.viewer.account)


def may_read(ctx: Context, run_id: str, body_id: str | None) -> bool:
    """Whether the signed-in account may read the body's results of the run."""
    if ctx.viewer is None:
        return False
    role = ctx.viewer.role
    if role in READ_ALL:
        return True
    if role not in READ_PUBLISHED or body_id is None:
        return False
    bodies = readable_bodies(ctx)
    if bodies is not None and body_id not in bodies:
        return False
    return published(ctx.db, run_id, body_id) is not None


def readable_or_404(ctx: Context, run_id: str, body_id: str | None) -> None:
    if not may_read(ctx, run_id, body_id):
        raise HTTPException(status_code=404)


def publication_or_404(ctx: Context, publication_id: int) -> Publication:
    """A publication the account may read (its body's, for a body's account)."""
    found = ctx.db.get(Publication, publication_id)
    if found is None or not may_read(ctx, found.run_id, found.body_id):
        raise HTTPException(status_code=404)
    return found
