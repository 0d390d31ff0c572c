"""The few reads and writes every stage shares.

Functions take the caller's :class:`~sqlalchemy.orm.Session` and flush, so generated ids are known
on return; committing is the caller's (see :func:`ashyq.store.db.session_scope`).
"""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import func, insert, inspect, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.base import NO_VALUE

from ashyq import __version__
from ashyq.store.models import (
    Base,
    Body,
    Declaration,
    Download,
    Evidence,
    FetchFailure,
    Finding,
    Link,
    Page,
    PortalRecord,
    Run,
    Score,
    finding_evidence,
)
from ashyq.store.vocabulary import RunKind, RunStatus

RowT = TypeVar("RowT", bound=Base)

# Runs whose scores belong in a body's history: a failed or unfinished run proves nothing.
FINISHED_WITH_SCORES = (RunStatus.COMPLETE, RunStatus.PARTIAL)


# ── bodies ─────────────────────────────────────────────────────────────────────────────────────


def upsert_bodies(session: Session, bodies: Iterable[Body]) -> list[Body]:
    """Insert new bodies and overwrite known ones with the registry's version.

    Every column is overwritten, so a field dropped from the registry is cleared here too. Bodies
    missing from ``bodies`` are left alone: their history still refers to them.
    """
    stored = []
    for body in _parents_first(list(bodies)):
        existing = session.get(Body, body.id)
        if existing is None:
            existing = Body(id=body.id)
            session.add(existing)
        for key, value in _column_values(body).items():
            setattr(existing, key, value)
        # One flush per body: a parent must exist before a child that names it, and the unit of
        # work orders updates before inserts.
        session.flush()
        stored.append(existing)
    return stored


def _parents_first(bodies: list[Body]) -> list[Body]:
    by_id = {body.id: body for body in bodies}
    ordered: list[Body] = []
    placed: set[str] = set()

    def place(body: Body, descendants: frozenset[str]) -> None:
        if body.id in placed:
            return
        if body.id in descendants:
            raise ValueError(f"bodies {sorted(descendants)} are each other's parents")
        parent = by_id.get(body.parent_id) if body.parent_id else None
        if parent is not None:
            place(parent, descendants | {body.id})
        ordered.append(body)
        placed.add(body.id)

    for body in bodies:
        place(body, frozenset())
    return ordered


def _column_values(row: Base) -> dict[str, Any]:
    """Every column attribute of ``row``; an unset one with a default gets that default."""
    values = {}
    for attribute in inspect(type(row)).column_attrs:
        value = getattr(row, attribute.key)
        default = attribute.columns[0].default
        if value is None and default is not None:
            value = default.arg(None) if default.is_callable else default.arg
        values[attribute.key] = value
    return values


def get_body(session: Session, body_id: str) -> Body | None:
    return session.get(Body, body_id)


def list_bodies(session: Session) -> list[Body]:
    return list(session.scalars(select(Body).order_by(Body.id)))


# ── runs ───────────────────────────────────────────────────────────────────────────────────────


def new_run_id(kind: RunKind, started_at: datetime) -> str:
    """Sortable by eye and safe in a file name: ``20261120T020000Z-nightly-3f9a1c2b``."""
    return f"{started_at.astimezone(UTC):%Y%m%dT%H%M%SZ}-{kind.value}-{uuid.uuid4().hex[:8]}"


def locked_run(session: Session, run_id: str) -> Run | None:
    """The run's row, fresh from the store and locked until the transaction ends, for a read-merge-write
    of its settings by one of several processes working on the run at once (queue workers).

    The lock is ``FOR NO KEY UPDATE``, not ``FOR UPDATE``: a transaction that has already stored rows
    of the run (measurements, findings) holds the key-share lock their foreign keys take on the run's
    row, and two such transactions each asking ``FOR UPDATE`` wait for each other - a deadlock.
    ``FOR NO KEY UPDATE`` still lets one merge at a time, and does not conflict with key-share locks.
    (SQLite locks the whole file on a write instead.)"""
    return session.get(Run, run_id, with_for_update={"key_share": True}, populate_existing=True)


def start_run(
    session: Session,
    kind: RunKind,
    *,
    body_ids: Sequence[str] = (),
    edition: str | None = None,
    as_of: date | None = None,
    settings: dict[str, Any] | None = None,
    tool_version: str = __version__,
    started_at: datetime | None = None,
    run_id: str | None = None,
) -> Run:
    started_at = started_at or datetime.now(UTC)
    run = Run(
        id=run_id or new_run_id(kind, started_at),
        kind=kind,
        status=RunStatus.RUNNING,
        started_at=started_at,
        edition=edition,
        as_of=as_of,
        settings=settings or {},
        tool_version=tool_version,
        body_ids=list(body_ids),
    )
    session.add(run)
    session.flush()
    return run


def finish_run(
    session: Session,
    run: Run | str,
    status: RunStatus = RunStatus.COMPLETE,
    *,
    finished_at: datetime | None = None,
) -> Run:
    if status is RunStatus.RUNNING:
        raise ValueError("a run finishes as complete, partial or failed, not running")
    found = session.get(Run, run) if isinstance(run, str) else run
    if found is None:
        raise LookupError(f"no run {run!r}")
    if found.status is not RunStatus.RUNNING:
        raise ValueError(f"run {found.id} already finished as {found.status.value}")
    found.status = status
    found.finished_at = finished_at or datetime.now(UTC)
    session.flush()
    return found


def get_run(session: Session, run_id: str) -> Run | None:
    return session.get(Run, run_id)


def run_by_reference(session: Session, reference: str) -> Run | None:
    """A run named on the command line: its id, or ``last`` — always the complete run that finished
    last (every command means the same by it)."""
    return last_complete_run(session) if reference == "last" else get_run(session, reference)


def last_complete_run(session: Session, kind: RunKind | None = None) -> Run | None:
    """The complete run (of ``kind``, if given) that finished last; with no kind, an audit's (a night
    that only monitored the platform scored nothing: it is never "the last run" of the reports)."""
    query = select(Run).where(Run.status == RunStatus.COMPLETE)
    query = query.where(Run.kind == kind) if kind is not None else query.where(Run.kind != RunKind.MONITOR)
    query = query.order_by(Run.finished_at.desc(), Run.started_at.desc(), Run.id.desc()).limit(1)
    return session.scalars(query).first()


# ── bulk writes ────────────────────────────────────────────────────────────────────────────────


def _add_all(session: Session, rows: Iterable[RowT]) -> list[RowT]:
    added = list(rows)
    session.add_all(added)
    session.flush()
    return added


def add_pages(session: Session, pages: Iterable[Page]) -> list[Page]:
    """Pages, with any links and downloads attached to them."""
    return _add_all(session, pages)


def add_links(session: Session, links: Iterable[Link]) -> list[Link]:
    return _add_all(session, links)


def add_downloads(session: Session, downloads: Iterable[Download]) -> list[Download]:
    return _add_all(session, downloads)


def add_portal_records(session: Session, records: Iterable[PortalRecord]) -> list[PortalRecord]:
    return _add_all(session, records)


def add_fetch_failures(session: Session, failures: Iterable[FetchFailure]) -> list[FetchFailure]:
    return _add_all(session, failures)


def add_evidence(session: Session, evidence: Iterable[Evidence]) -> list[Evidence]:
    return _add_all(session, evidence)


def add_scores(session: Session, scores: Iterable[Score]) -> list[Score]:
    return _add_all(session, scores)


def add_declarations(session: Session, declarations: Iterable[Declaration]) -> list[Declaration]:
    """Declarations, with any reconciliation entries attached to them."""
    return _add_all(session, declarations)


def add_findings(session: Session, findings: Iterable[Finding]) -> list[Finding]:
    """Findings, linked to the evidence their deficiencies cite as well as to ``Finding.evidence``.

    The link table is what "open the evidence behind this point" reads, so a cited id that names
    no stored evidence fails here (foreign key) instead of in front of an appeal commission.
    """
    added = _add_all(session, findings)
    links: list[dict[str, Any]] = []
    for finding in added:
        cited = {i for deficiency in finding.deficiencies or [] for i in deficiency.get("evidence", [])}
        attached = inspect(finding).attrs.evidence.loaded_value
        already = set() if attached is NO_VALUE else {evidence.id for evidence in attached}
        new_ids = sorted(cited - already)
        links.extend({"finding_id": finding.id, "evidence_id": i} for i in new_ids)
        if new_ids:
            session.expire(finding, ["evidence"])
    if links:
        session.execute(insert(finding_evidence), links)
    return added


# ── reads for checks, scoring and reports ──────────────────────────────────────────────────────


def methodology_order(item: str) -> tuple[str | int, ...]:
    """Sort key putting ``A14-2.3`` before ``A14-10.1``, as the legal text does."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", item))


_LANG_ORDER = {None: 0, "kk": 1, "ru": 2}


def latest_finding_revision(session: Session, run_id: str, body_id: str) -> int | None:
    """The body's newest revision of findings in the run (``ashyq check`` adds revisions)."""
    return session.scalar(
        select(func.max(Finding.revision)).where(Finding.run_id == run_id, Finding.body_id == body_id)
    )


def latest_revision(session: Session, run_id: str) -> int:
    """The run's newest revision of findings or scores (1 for a run never re-checked)."""
    found = session.scalar(select(func.max(Finding.revision)).where(Finding.run_id == run_id)) or 1
    scored = session.scalar(select(func.max(Score.revision)).where(Score.run_id == run_id)) or 1
    return max(found, scored)


def finding_revision_at(session: Session, run_id: str, body_id: str, revision: int) -> int | None:
    """The revision of the body's findings that the run's ``revision`` shows: a revision re-checks or
    revises some bodies only, so a body's findings are its highest revision not after it."""
    return session.scalar(
        select(func.max(Finding.revision)).where(
            Finding.run_id == run_id, Finding.body_id == body_id, Finding.revision <= revision
        )
    )


def findings_for(session: Session, run_id: str, body_id: str, revision: int | None = None) -> list[Finding]:
    """A body's findings in one run (its newest revision, or as the run's ``revision`` showed them), in
    methodology order, with their evidence."""
    if revision is None:
        revision = latest_finding_revision(session, run_id, body_id) or 1
    else:
        revision = finding_revision_at(session, run_id, body_id, revision) or 1
    query = (
        select(Finding)
        .where(Finding.run_id == run_id, Finding.body_id == body_id, Finding.revision == revision)
        .options(selectinload(Finding.evidence))
    )
    # Sorted here, not in SQL: natural item order, and NULL languages first on both databases
    # (SQLite sorts NULL first, PostgreSQL last).
    return sorted(
        session.scalars(query),
        key=lambda f: (methodology_order(f.item), _LANG_ORDER[f.lang], f.id),
    )


def _newest_scores() -> Any:
    """Each (run, body, edition)'s newest revision of score, as a subquery to join on."""
    return (
        select(Score.run_id, Score.body_id, Score.edition, func.max(Score.revision).label("revision"))
        .group_by(Score.run_id, Score.body_id, Score.edition)
        .subquery()
    )


def _newest(query: Any) -> Any:
    newest = _newest_scores()
    return query.join(
        newest,
        (Score.run_id == newest.c.run_id)
        & (Score.body_id == newest.c.body_id)
        & (Score.edition == newest.c.edition)
        & (Score.revision == newest.c.revision),
    )


def scores_for(session: Session, run_id: str, edition: str | None = None) -> list[Score]:
    """The run's scores, each body's newest revision."""
    query = _newest(select(Score)).where(Score.run_id == run_id)
    if edition is not None:
        query = query.where(Score.edition == edition)
    return list(session.scalars(query.order_by(Score.body_id, Score.edition)))


def scores_at(session: Session, run_id: str, body_id: str, revision: int) -> list[Score]:
    """The body's scores of the run as its ``revision`` showed them: per edition, the newest not after it."""
    newest = (
        select(Score.edition, func.max(Score.revision).label("revision"))
        .where(Score.run_id == run_id, Score.body_id == body_id, Score.revision <= revision)
        .group_by(Score.edition)
        .subquery()
    )
    query = (
        select(Score)
        .join(newest, (Score.edition == newest.c.edition) & (Score.revision == newest.c.revision))
        .where(Score.run_id == run_id, Score.body_id == body_id)
    )
    return list(session.scalars(query.order_by(Score.edition)))


class HistoryPoint(NamedTuple):
    run: Run
    score: Score


def history(session: Session, body_id: str, edition: str | None = None) -> list[HistoryPoint]:
    """A body's scores across finished runs, oldest first."""
    query = _newest(select(Run, Score).join(Score, Score.run_id == Run.id)).where(
        Score.body_id == body_id, Run.status.in_(FINISHED_WITH_SCORES)
    )
    if edition is not None:
        query = query.where(Score.edition == edition)
    query = query.order_by(Run.started_at, Run.id, Score.edition)
    return [HistoryPoint(run, score) for run, score in session.execute(query)]


# a copy of a finding is a new row: its own id and time; everything else as it was (the certainty, the
# doubt, an assessor's answer, the worded reason — whatever columns a finding gains) unless changed
_NOT_COPIED = frozenset({"id", "created_at"})


def copy_finding(finding: Finding, **changes: Any) -> Finding:
    """A new row holding ``finding`` as it is (its evidence rows linked again), with ``changes`` (the
    revision it belongs to, the run it is carried into …) applied."""
    values = {
        column.key: copy.deepcopy(getattr(finding, column.key))
        for column in inspect(Finding).column_attrs
        if column.key not in _NOT_COPIED
    }
    values.update(changes)
    return Finding(**values, evidence=list(finding.evidence))
