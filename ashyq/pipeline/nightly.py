"""The nightly audit of a whole registry under its lock (:mod:`ashyq.pipeline.runlock`): in this process,
resumed after an interruption, or as per-body jobs for the queue's workers joined by the scoring job.

What happens on the way is told through the progress callback as for every audit: ``stale`` (runs a
coordinator left ``running``, now marked interrupted), ``resuming`` and ``enqueued``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from ashyq.pipeline.audit import (
    NotResumable,
    mark_stale,
    reopen_run,
    resumable_run,
    resume_audit,
    run_audit,
    start_audit_run,
)
from ashyq.pipeline.audit_request import AuditRequest, AuditSummary, Progress, largest_first, no_progress
from ashyq.pipeline.runlock import RegistryBusy, nightly_lock
from ashyq.store.db import database_url
from ashyq.store.leases import Heartbeat


class NightlyRefused(ValueError):
    """Nothing was started: the registry's nightly is already running, the run cannot be resumed, or
    the queue cannot be used (the message says why)."""


@dataclass
class QueuedRun:
    run_id: str
    record: dict[str, Any] | None  # the scoring job's record; None when not waited for


def nightly(request: AuditRequest, progress: Progress = no_progress) -> AuditSummary:
    """The audit of ``request`` in this process, under the registry's nightly lock."""
    try:
        with nightly_lock(request.registry, request.out_dir, request.db_url) as lock:
            progress("stale", {"runs": lock.stale})
            return run_audit(request, progress)
    except RegistryBusy as busy:
        raise NightlyRefused(str(busy)) from None


def interrupted_request(run_id: str, db: str | None, progress: Progress = no_progress) -> AuditRequest:
    """The request of the interrupted run ``run_id`` (the runs left ``running`` are marked first)."""
    progress("stale", {"runs": mark_stale(db)})
    try:
        return resumable_run(run_id, db)
    except NotResumable as error:
        raise NightlyRefused(str(error)) from None


def resume_nightly(
    run_id: str, request: AuditRequest, db: str | None, progress: Progress = no_progress
) -> AuditSummary:
    """Finish the interrupted run ``run_id`` in this process, under its registry's nightly lock."""
    try:
        with nightly_lock(request.registry, request.out_dir, db) as lock:
            progress("stale", {"runs": lock.stale})
            progress("resuming", {"run": run_id})
            return resume_audit(run_id, db, progress)
    except RegistryBusy as busy:
        raise NightlyRefused(str(busy)) from None


def queued_nightly(
    request: AuditRequest,
    redis: str | None,
    wait: bool = True,
    resume: str | None = None,
    progress: Progress = no_progress,
) -> QueuedRun:
    """The run as per-body jobs for the workers, joined by the scoring job; waits for it unless told not to.
    ``resume``: an interrupted run, whose finished bodies the workers skip."""
    # Celery is the `queue` extra: imported only when a nightly goes to the queue
    from ashyq.pipeline.queue import QueueError, enqueue_run, let_go, make_app, require_newest_schema, wait_for

    db_url = request.db_url or database_url()
    if make_url(db_url).get_backend_name() == "sqlite":
        raise NightlyRefused("--queue needs a store the workers share (PostgreSQL: --db or ASHYQ_DB_URL)")
    try:
        app = make_app(redis)
        require_newest_schema(db_url)
    except QueueError as error:
        raise NightlyRefused(str(error)) from None
    request.db_url = db_url
    try:
        with nightly_lock(request.registry, request.out_dir, db_url, migrate=False) as lock:
            progress("stale", {"runs": lock.stale})
            if resume is None:
                run_id = start_audit_run(request, queued=True)
            else:
                run_id = resume
                reopen_run(run_id, db_url, queued=True)
            joined = enqueue_run(app, run_id, largest_first(request.registry, request.body_ids))
            progress("enqueued", {"run": run_id, "jobs": len(request.body_ids)})
            if not wait:
                let_go(app, joined)
                return QueuedRun(run_id, None)
            with Heartbeat(run_id, db_url):
                return QueuedRun(run_id, wait_for(app, joined))
    except RegistryBusy as busy:
        raise NightlyRefused(str(busy)) from None


def ranked_scores(out: Path, run_id: str) -> list[dict[str, Any]]:
    """The bodies of a finished run's ``scores.json``, best first ([] when the run wrote none)."""
    scores_file = Path(out).resolve() / "runs" / run_id / "scores.json"
    if not scores_file.exists():
        return []
    bodies = json.loads(scores_file.read_text(encoding="utf-8")).get("bodies", [])
    return sorted(bodies, key=lambda b: (-float(b.get("final", 0)), str(b.get("body"))))
