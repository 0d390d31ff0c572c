"""Who may read which results: the ministry's analysts, assessors and commission read every run; a
verifier reads the published conclusions of every body; a body's account reads only its own published
conclusions (and its subordinates' when so bound); an administrator manages accounts, not results.

What a verifier or a body's account reads of a run is the revision published, never a later one: an
assessor's answer or a commission's decision not yet published stays with the ministry
(:func:`shown_revision`; a finding or evidence of an unpublished revision answers 404), and the body's
history beside it holds only what was published to the body (:func:`body_report`).

A record the account may not read is answered 404, as one that does not exist: editing an id in the
address tells nobody what another body has."""

from __future__ import annotations

from fastapi import HTTPException
from sqlalchemy import select

from ashyq.pipeline.publication import bodies_of, publications, published
from ashyq.reports.body_report import BodyReport, ReportError, load_body_report
from ashyq.store.access import Publication
from ashyq.store.models import Evidence, Finding
from ashyq.store.repository import finding_revision_at
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


def shown_revision(ctx: Context, run_id: str, body_id: str) -> int | None:
    """The revision of the body's results of the run the account reads: None (the newest) for the
    ministry's roles, the newest published one for the others (whoever may read it)."""
    assert ctx.viewer is not None
    if ctx.viewer.role in READ_ALL:
        return None
    found = publications(ctx.db, [body_id], run_id)
    if not found:
        raise HTTPException(status_code=404)
    return max(p.revision for p in found)


def published_revisions_of(ctx: Context, finding: Finding) -> list[int]:
    """The published revisions of the run that show this finding (its body's findings at each)."""
    return sorted(
        {
            p.revision
            for p in publications(ctx.db, [finding.body_id], finding.run_id)
            if finding_revision_at(ctx.db, finding.run_id, finding.body_id, p.revision) == finding.revision
        }
    )


def finding_revision_or_404(ctx: Context, finding: Finding) -> int | None:
    """The revision to show the finding in: None (the newest) for the ministry's roles; for the others the
    newest published revision that shows it, 404 when none does (a finding of an unpublished revision)."""
    readable_or_404(ctx, finding.run_id, finding.body_id)
    assert ctx.viewer is not None
    if ctx.viewer.role in READ_ALL:
        return None
    shown = published_revisions_of(ctx, finding)
    if not shown:
        raise HTTPException(status_code=404)
    return shown[-1]


def evidence_readable_or_404(ctx: Context, evidence: Evidence) -> None:
    """Evidence the account may read: for the ministry's roles any of a run; for the others only what a
    finding of a published revision cites."""
    assert ctx.viewer is not None
    if ctx.viewer.role in READ_ALL or ctx.viewer.role not in READ_PUBLISHED:
        readable_or_404(ctx, evidence.run_id, evidence.body_id)
        return
    # a later run's finding may cite an earlier run's evidence (taken over unchanged): what counts is
    # the citing finding's publication. Evidence no finding cites (a page's axe result, a declared
    # document) is the published run's.
    citing = list(ctx.db.scalars(select(Finding).where(Finding.evidence.contains(evidence))))
    if not citing:
        readable_or_404(ctx, evidence.run_id, evidence.body_id)
    elif not any(
        may_read(ctx, finding.run_id, finding.body_id) and published_revisions_of(ctx, finding) for finding in citing
    ):
        raise HTTPException(status_code=404)


def body_report(ctx: Context, run_id: str, body_id: str, revision: int | None) -> BodyReport:
    """The body's report at ``revision`` (:func:`shown_revision`), read for this account: for a body's
    account or a verifier its history holds only the published revisions of the body's runs (an
    unpublished run's score, or a revision after the last publication, is the ministry's only)."""
    assert ctx.viewer is not None
    try:
        return load_body_report(ctx.db, run_id, body_id, revision, published_only=ctx.viewer.role not in READ_ALL)
    except ReportError:
        raise HTTPException(status_code=404) from None
