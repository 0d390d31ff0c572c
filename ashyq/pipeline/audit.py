"""An audit from end to end under one run, its lifecycle: the run started (with what redoes it as it
was) and leased to its coordinator, the parts of its work done in their stage order
(:mod:`ashyq.pipeline.stages`), then the join — scored and reported (:mod:`ashyq.pipeline.run_scores`)
and closed with its status and summary (whose exit code the commands return). A run interrupted
midway is marked failed, or, when its coordinator died, found stale and resumed: the bodies it had
finished are kept. A body whose harvest failed is recorded and the others go on; the run's status
says whether it is complete.

Used by ``ashyq nightly`` (every body of a registry), ``ashyq audit --body`` (one body, borrowing the
CGO averages from the last complete run), ``ashyq audit --url`` (a site in no registry), the queue's
jobs and ``ashyq demo``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from ashyq.base.period import ReportingPeriod, period_of, purpose_of, recorded_purpose
from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition
from ashyq.pipeline.audit_request import (
    AuditRequest,
    AuditSummary,
    Progress,
    body_parts,
    no_progress,
    request_from_record,
    request_record,
    with_subordinates,
)
from ashyq.pipeline.incremental import baseline_for, check_refs, refers_to_runs
from ashyq.pipeline.results import findings_document, save_scores
from ashyq.pipeline.run_scores import (
    last_run_with_averages,
    other_editions,
    score_editions,
    write_reports,
    write_summary,
)
from ashyq.pipeline.stages import harvest_measure_check
from ashyq.store.bodies import load_registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.leases import (
    QUEUED_HOST_PREFIX,
    Heartbeat,
    StaleRun,
    mark_stale_runs,
    release_lease,
    take_lease,
    this_host,
)
from ashyq.store.models import Run
from ashyq.store.repository import start_run
from ashyq.store.vocabulary import RunKind, RunStatus


def run_audit(request: AuditRequest, progress: Progress = no_progress) -> AuditSummary:
    """The whole audit in this process: start the run, then harvest, measure and check the bodies, up
    to ``request.side_by_side`` of them together (each body is finished - stored and marked done - on
    its own, so a run killed midway and resumed redoes only the bodies not finished), then score and
    report. The coordinator holds the run's lease (:mod:`ashyq.store.leases`) throughout."""
    run_id = start_audit_run(request)
    with Heartbeat(run_id, request.db_url):
        try:
            for part in body_parts(load_registry(request.registry), request.body_ids, request.side_by_side):
                harvest_measure_check(request, run_id, part, progress)
            return finish_audit(request, run_id, progress)
        except BaseException as error:  # interrupted or broken: the run is failed, never left looking done
            _fail_run(request.db_url, run_id, error)
            raise


def _fail_run(db_url: str | None, run_id: str, error: BaseException) -> None:
    """Mark the run failed with the reason (when the store is still reachable)."""
    try:
        with session_scope(db_url) as session:
            run = session.get(Run, run_id)
            if run is not None and run.status is RunStatus.RUNNING:
                run.settings = {**(run.settings or {}), "failure": f"{type(error).__name__}: {error}"[:300]}
                run.status = RunStatus.FAILED
                run.finished_at = datetime.now(UTC)
                release_lease(session, run_id)
    except Exception:  # the store itself is what failed: the run stays "running" until found stale
        return


class NotResumable(ValueError):
    """The run named cannot be resumed (unknown, finished, or still worked on)."""


def mark_stale(db_url: str | None) -> list[StaleRun]:
    """Mark the runs left ``running`` by a coordinator that is gone (:mod:`ashyq.store.leases`)."""
    ensure_schema(db_url)
    with session_scope(db_url) as session:
        return mark_stale_runs(session)


def resumable_run(run_id: str, db_url: str | None) -> AuditRequest:
    """The request of an interrupted run (marked by :func:`mark_stale`), to finish it."""
    with session_scope(db_url) as session:
        run = session.get(Run, run_id)
        if run is None:
            raise NotResumable(f"no run {run_id!r} in the store")
        settings = run.settings or {}
        if run.status == RunStatus.RUNNING:
            raise NotResumable(f"run {run_id} is still running (its coordinator or a worker is alive)")
        if "interrupted" not in settings:
            raise NotResumable(f"run {run_id} finished as {run.status.value}; only an interrupted run is resumed")
        if "request" not in settings:
            raise NotResumable(f"run {run_id} was started by an older version: it cannot be resumed")
        return request_from_record(dict(settings["request"]), db_url)


def reopen_run(run_id: str, db_url: str | None, queued: bool = False) -> list[str]:
    """Make an interrupted run ``running`` again, leased to this process; the bodies still to do."""
    with session_scope(db_url) as session:
        run = session.get(Run, run_id)
        assert run is not None
        settings = dict(run.settings or {})
        interrupted = settings.pop("interrupted")
        settings["resumed"] = [*settings.get("resumed", []), {**interrupted, "at": datetime.now(UTC).isoformat()}]
        run.settings = settings
        run.status = RunStatus.RUNNING
        run.finished_at = None
        take_lease(session, run.id, host=f"{QUEUED_HOST_PREFIX}{this_host()}" if queued else None)
        done = set(settings.get("done") or [])
        return [b for b in settings["request"]["body_ids"] if b not in done]


def resume_audit(run_id: str, db_url: str | None, progress: Progress = no_progress) -> AuditSummary:
    """Finish an interrupted run in this process: the bodies it had finished are kept, the others are
    cleared of what the interrupted attempt stored and redone, then the run is scored and reported."""
    mark_stale(db_url)
    request = resumable_run(run_id, db_url)
    todo = reopen_run(run_id, db_url)
    with Heartbeat(run_id, db_url):
        registry = load_registry(request.registry)
        if todo:
            clear_bodies(run_id, with_subordinates(registry, todo), db_url)
        for part in body_parts(registry, todo, request.side_by_side):
            harvest_measure_check(request, run_id, part, progress)
        return finish_audit(request, run_id, progress)


def clear_bodies(run_id: str, body_ids: list[str], db_url: str | None) -> None:
    """Remove what an interrupted attempt stored for ``body_ids`` in the run, so a redo starts clean."""
    from sqlalchemy import delete

    from ashyq.store.models import Base

    with session_scope(db_url) as session:
        for table in reversed(Base.metadata.sorted_tables):
            if "run_id" in table.c and "body_id" in table.c:
                session.execute(delete(table).where(table.c.run_id == run_id, table.c.body_id.in_(body_ids)))


def start_audit_run(request: AuditRequest, run_id: str | None = None, queued: bool = False) -> str:
    """The run of an audit, ``running`` and leased to this process, with what every stage needs to
    redo it as it was (the registry, edition, options and the request itself). A ``queued`` run is
    worked on by queue workers: its lease is judged by its heartbeat alone (the coordinator may go)."""
    registry = load_registry(request.registry)
    edition = load_edition(edition_path(request.edition))
    ensure_schema(request.db_url)
    as_of = request.as_of or datetime.now(UTC).date()
    kind = edition.reporting_period.kind if edition.reporting_period else "year"
    period = request.period or period_of(as_of, kind)
    with session_scope(request.db_url) as session:
        run = start_run(
            session,
            request.kind,
            body_ids=with_subordinates(registry, request.body_ids),
            edition=edition.edition,
            as_of=as_of,
            run_id=run_id,
            settings={
                "period": period.as_dict(),
                # a period that has not ended is monitored to date: no level (ashyq.base.period.Purpose)
                "purpose": purpose_of(period, as_of),
                "registry": request.registry,
                "whole_registry": {b.id for b in registry.assessed()} <= set(request.body_ids),
                "edition": edition.edition,
                "options": dict(request.options),
                "request": request_record(request),
                "checks": check_refs(),
            },
        )
        baseline = (
            None if request.full or request.only_items is not None else baseline_for(session, run, request.registry)
        )
        run.settings = {
            **run.settings,
            "incremental": {"baseline": baseline.id if baseline else None, "refers_to_runs": refers_to_runs(baseline)},
        }
        take_lease(session, run.id, host=f"{QUEUED_HOST_PREFIX}{this_host()}" if queued else None)
        return run.id


def run_outcomes(run: Run) -> dict[str, str]:
    """Each harvested body → "complete" or why it is not (harvest failed, website harvested in part,
    checks failed)."""
    settings = run.settings or {}
    outcomes = {
        b: o["status"] if o.get("status") == "complete" else (o.get("reason") or o.get("status", "failed"))
        for b, o in (settings.get("outcome") or {}).items()
    }
    for body_id, in_part in (settings.get("harvested_in_part") or {}).items():
        if outcomes.get(body_id, "complete") == "complete":
            outcomes[body_id] = in_part["reason"]
    outcomes.update(settings.get("check_failures") or {})
    return outcomes


def crawl_status(run: Run) -> RunStatus:
    outcome = (run.settings or {}).get("outcome") or {}
    failed = sum(1 for o in outcome.values() if o.get("status") != "complete")
    if failed == 0:
        return RunStatus.COMPLETE
    return RunStatus.FAILED if failed == len(outcome) else RunStatus.PARTIAL


def finish_audit(request: AuditRequest, run_id: str, progress: Progress = no_progress) -> AuditSummary:
    """The join of a run: score it (averages span bodies), write the reports, close the run."""
    registry = load_registry(request.registry)
    edition = load_edition(edition_path(request.edition))
    out_dir = Path(request.out_dir).resolve()
    with session_scope(request.db_url) as session:
        run = session.get(Run, run_id)
        assert run is not None
        outcomes = run_outcomes(run)
        harvest = crawl_status(run)
        period = ReportingPeriod.from_dict(run.settings["period"])
        assessed = [b for b in request.body_ids if registry.get(b).kind in ("cgo", "mio")]
        broken = list((run.settings or {}).get("check_failures") or {})
        # a body whose website was harvested in part has findings left open: the run is not complete
        broken += list((run.settings or {}).get("harvested_in_part") or {})
        status = RunStatus.PARTIAL if broken and harvest == RunStatus.COMPLETE else harvest
        if request.only_items is not None:  # a recheck: findings only, a score of a few items means nothing
            run.status = status
            run.finished_at = datetime.now(UTC)
            release_lease(session, run.id)
            return AuditSummary(run.id, status, None, outcomes, out_dir)
        progress("score", {"edition": edition.edition})
        document = findings_document(session, run, assessed)
        # a single-body audit borrows the averages of the last complete run of the whole registry that
        # has them; a run of a whole registry (nightly, demo) computes its own
        previous = None
        if request.kind in (RunKind.AUDIT, RunKind.URL):
            purpose = recorded_purpose(run.settings)
            previous = last_run_with_averages(session, run.id, request.registry, edition.edition, purpose)
        borrowed = dict((previous.settings or {}).get("averages", {})) if previous is not None else {}
        averages_from = previous.id if previous is not None else None
        document["run"]["averages_from"] = averages_from
        all_scores = score_editions(document, [edition, *other_editions(edition.edition)], request.options, borrowed)
        for edition_scores in all_scores.values():
            save_scores(session, run, edition_scores)
        scores = all_scores[edition.edition]
        run.settings = {
            **(run.settings or {}),
            "averages": {name: s.averages for name, s in all_scores.items()},
            "interpretations": scores.interpretations,
            "averages_borrowed": borrowed,
            "averages_from": averages_from,
        }
        run.status = status
        run.finished_at = datetime.now(UTC)
        release_lease(session, run.id)
    reports: dict[str, str] = {}
    if request.reports:
        progress("report", {"run": run_id})
        reports = write_reports(run_id, assessed, out_dir, request.db_url)
    write_summary(out_dir, run_id, scores, outcomes, averages_from, period)
    purpose = recorded_purpose(run.settings)
    return AuditSummary(run_id, status, scores, outcomes, out_dir, averages_from, reports, period.label, purpose)


def latest_run_id(db_url: str | None) -> str | None:
    with session_scope(db_url) as session:
        return session.scalar(select(Run.id).order_by(Run.started_at.desc()).limit(1))
