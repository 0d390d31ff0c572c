"""Publishing a body's conclusion of a run: the record (run, body, revision, by whom, when) that opens
the run's results to the body's accounts and from which the appeal counts the body's five working days.

A run is published body by body; the revision published is the body's newest of the run (its findings'
and its score's). Publishing the same revision again changes nothing; a newer revision (a re-check, a
decision of the commission) is published as a record of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ashyq.store import repository as repo
from ashyq.store.access import Account, Publication
from ashyq.store.models import Body, Run, Score
from ashyq.store.vocabulary import RunKind, RunStatus

PUBLISHABLE = (RunStatus.COMPLETE, RunStatus.PARTIAL)


class PublicationRefused(ValueError):
    """The conclusion cannot be published, said in a sentence."""


def body_revision(session: Session, run_id: str, body_id: str) -> int | None:
    """The body's newest revision in the run (None: the run has no score of the body)."""
    scored = session.scalar(select(func.max(Score.revision)).where(Score.run_id == run_id, Score.body_id == body_id))
    if scored is None:
        return None
    return max(scored, repo.latest_finding_revision(session, run_id, body_id) or 1)


def publish(session: Session, run_id: str, body_id: str, by: Account) -> Publication:
    """Publish the body's conclusion of the run at its newest revision (the existing record if that
    revision is published already)."""
    run = session.get(Run, run_id)
    if run is None:
        raise PublicationRefused(f"no run {run_id!r} in the store")
    if run.status not in PUBLISHABLE or run.kind is RunKind.MONITOR:
        raise PublicationRefused(f"run {run_id} is {run.status.value} ({run.kind.value}): nothing to publish")
    revision = body_revision(session, run_id, body_id)
    if revision is None:
        raise PublicationRefused(f"run {run_id} has no score of body {body_id!r}")
    existing = session.scalar(
        select(Publication).where(
            Publication.run_id == run_id, Publication.body_id == body_id, Publication.revision == revision
        )
    )
    if existing is not None:
        return existing
    publication = Publication(run_id=run_id, body_id=body_id, revision=revision, published_by=by.id)
    session.add(publication)
    session.flush()
    return publication


def bodies_of(session: Session, account: Account) -> frozenset[str] | None:
    """The bodies whose results the account may read: None for every body (the ministry's roles); a
    body's account its body, and with ``include_subordinates`` every organisation under it."""
    if account.role != "body":
        return None
    if account.body_id is None:
        return frozenset()
    seen = {account.body_id}
    frontier = [account.body_id] if account.include_subordinates else []
    while frontier:
        children = session.scalars(select(Body.id).where(Body.parent_id.in_(frontier))).all()
        frontier = [child for child in children if child not in seen]
        seen.update(frontier)
    return frozenset(seen)


def publications(
    session: Session, body_ids: Iterable[str] | None = None, run_id: str | None = None
) -> list[Publication]:
    """Publications, newest first; only of ``body_ids`` and ``run_id`` when given."""
    query = select(Publication)
    if body_ids is not None:
        query = query.where(Publication.body_id.in_(list(body_ids)))
    if run_id is not None:
        query = query.where(Publication.run_id == run_id)
    return list(session.scalars(query.order_by(Publication.published_at.desc(), Publication.id.desc())))


def published(session: Session, run_id: str, body_id: str) -> Publication | None:
    """The newest publication of the body's conclusion of the run, or None."""
    found = publications(session, [body_id], run_id)
    return found[0] if found else None
