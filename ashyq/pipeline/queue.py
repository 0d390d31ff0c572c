"""A run as per-body jobs on Celery with Redis: ``ashyq worker`` and ``ashyq nightly --queue``.

The run is a chord: a group of one job per assessed body (harvest with its subordinate organisations →
browser measurements → checks, :func:`ashyq.pipeline.stages.harvest_measure_check`), joined by one job
that scores the run - the averages span every body - and writes the reports
(:func:`ashyq.pipeline.audit.finish_audit`). Everything a job needs is in the store (the run keeps its
request under ``settings["request"]``), so the messages carry only the run's id and a body's id, and
the store must be shared by the workers: PostgreSQL (``ASHYQ_DB_URL``), migrated beforehand by
``ashyq db upgrade``; a worker refuses a store whose schema is not the newest.

A body's job is acknowledged only when it is done (``acks_late``): a worker killed mid-body leaves
the message to Redis, which hands it to another worker after the visibility timeout. A redone body
first clears what the killed attempt stored for it; a body already done is not redone.

Without Redis nothing here is imported: ``ashyq nightly`` and ``ashyq demo`` run in one process.
"""

from __future__ import annotations

import json
import logging
import os
import time
from typing import Any, ClassVar
from urllib.parse import urlsplit

from celery import Celery, chord

from ashyq.net.egress import parse_address
from ashyq.pipeline.audit import clear_bodies, finish_audit
from ashyq.pipeline.audit_request import AuditRequest, AuditSummary, request_from_record, with_subordinates_of
from ashyq.pipeline.stages import harvest_measure_check
from ashyq.store.db import DB_URL_VARIABLE, current_revision, head_revision, session_scope
from ashyq.store.leases import QUEUED_HOST_PREFIX, Heartbeat
from ashyq.store.models import Run, RunLease
from ashyq.store.vocabulary import RunStatus

log = logging.getLogger(__name__)

REDIS_URL_VARIABLE = "ASHYQ_REDIS_URL"
DEFAULT_QUEUE = "ashyq"
# how long an unacknowledged job (its worker was killed) waits before Redis hands it out again;
# longer than the longest body's harvest
VISIBILITY_VARIABLE = "ASHYQ_QUEUE_VISIBILITY_SECONDS"
DEFAULT_VISIBILITY_SECONDS = 6 * 3600


RETRY_SECONDS = 10


class QueueError(RuntimeError):
    """The queue cannot be used as asked (no Redis URL, a store behind the newest schema)."""


def redis_url(value: str | None = None) -> str:
    url = value or os.environ.get(REDIS_URL_VARIABLE)
    if not url:
        raise QueueError(f"no Redis: give --redis URL or set {REDIS_URL_VARIABLE} (docs/operations.md)")
    problem = open_queue(url)
    if problem is not None:
        raise QueueError(problem)
    return url


def open_queue(url: str) -> str | None:
    """Why a Redis URL would leave the queue to whoever reaches it, or None. Anyone who can write to
    the queue can have the workers harvest again what a run stored: it needs the queue's user and
    password, and TLS (``rediss://``) unless Redis is on this machine (loopback or a socket file)."""
    try:
        parts = urlsplit(url)
        host, has_password = parts.hostname or "", bool(parts.password)
    except ValueError as error:
        return f"the Redis URL cannot be read: {error}"
    if parts.scheme not in ("redis", "rediss", "unix"):
        return f"not a Redis URL (redis://, rediss:// or unix://): {parts.scheme or 'no scheme'}"
    if not has_password and "password=" not in parts.query:
        return (
            "the Redis URL has no password, so anyone who reaches Redis could put jobs on the queue: give the "
            "queue's user and password, rediss://USER:PASSWORD@HOST:PORT/0?ssl_cert_reqs=required "
            "(docs/operations.md, Redis)"
        )
    if parts.scheme == "redis" and not _loopback(host):
        return f"the Redis URL sends the queue's password in clear to {host}: use rediss:// (TLS, docs/operations.md)"
    return None


def _loopback(host: str) -> bool:
    address = parse_address(host)
    return host == "localhost" or (address is not None and address.is_loopback)


def share_store(db: str) -> None:
    """Name the store ``db`` for the jobs of this worker (they open the store through the environment)."""
    os.environ[DB_URL_VARIABLE] = db


def make_app(broker: str | None = None) -> Celery:
    url = redis_url(broker)
    visibility = int(os.environ.get(VISIBILITY_VARIABLE) or DEFAULT_VISIBILITY_SECONDS)
    app = Celery("ashyq", broker=url, backend=url)
    # a job left by a killed worker is looked for every quarter of the visibility timeout (at most 10 s)
    transport = {
        "visibility_timeout": visibility,
        "unacked_restore_interval": max(1, min(10, visibility // 4)),
        "unacked_restore_throttle": 1,
    }
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        task_default_queue=DEFAULT_QUEUE,
        task_acks_late=True,  # a job is acknowledged when done, not when taken
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,  # a worker holds one body at a time
        broker_transport_options=transport,
        result_backend_transport_options={"visibility_timeout": visibility},
        result_expires=7 * 24 * 3600,
        broker_connection_retry_on_startup=True,
    )
    app.task(name="ashyq.body", bind=True, max_retries=3)(body_job)
    app.task(name="ashyq.finish")(finish_job)
    return app


def _request(run_id: str) -> AuditRequest:
    with session_scope() as session:
        run = session.get(Run, run_id)
        if run is None:
            raise LookupError(f"no run {run_id!r} in the store")
        record = dict((run.settings or {}).get("request") or {})
    return request_from_record(record, db_url=None)


def _done(run_id: str) -> set[str]:
    with session_scope() as session:
        run = session.get(Run, run_id)
        return set(((run.settings or {}) if run is not None else {}).get("done") or [])


def refusal(run_id: object, body_id: object = None) -> str | None:
    """Why a job must not be worked on, or None: a worker takes jobs only for a run of the store it
    shares that is queued (running, its lease held for the queue) and, for a body's job, only for a
    body the run's request names. Anyone who can reach Redis can put a message there; a job for a
    finished run, an unknown run or a body the run does not audit would otherwise clear and harvest
    again what that run stored."""
    if not isinstance(run_id, str) or (body_id is not None and not isinstance(body_id, str)):
        return "the job's arguments are not a run id and a body id"
    with session_scope() as session:
        run = session.get(Run, run_id)
        if run is None:
            return f"no run {run_id[:80]!r} in the store"
        if run.status != RunStatus.RUNNING:
            return f"run {run_id} is {run.status}, not queued"
        lease = session.get(RunLease, run_id)
        if lease is None or not lease.host.startswith(QUEUED_HOST_PREFIX):
            return f"run {run_id} is not a queued run (it is run by a process of its own, or by nobody)"
        request = dict((run.settings or {}).get("request") or {})
    if body_id is not None and body_id not in (request.get("body_ids") or []):
        return f"run {run_id} does not audit {body_id[:80]!r}"
    return None


def body_job(task: Any, run_id: str, body_id: str) -> str:
    """One assessed body of the run: harvest (with its subordinate organisations), measure, check."""
    refused = refusal(run_id, body_id)
    if refused is not None:  # acknowledged and dropped: nothing of the store is touched
        log.warning("job refused: %s", refused)
        return f"refused: {refused}"
    if body_id in _done(run_id):
        log.info("run %s: %s already done", run_id, body_id)
        return body_id
    request = _request(run_id)
    clear_bodies(run_id, with_subordinates_of(request.registry, [body_id]), None)
    stages = StageClock()
    try:
        with Heartbeat(run_id, None):
            harvest_measure_check(request, run_id, [body_id], stages.progress(_log_progress))
        # one line per body with the seconds of each stage (the fleet benchmark reads it)
        log.info("body timing %s", json.dumps({"run": run_id, "body": body_id, **stages.seconds()}))
    except Exception as error:  # the store or Redis went away for a moment: the body is redone, cleanly
        log.warning("run %s: %s failed (%s: %s); retried", run_id, body_id, type(error).__name__, error)
        raise task.retry(exc=error, countdown=RETRY_SECONDS) from error
    return body_id


class StageClock:
    """The seconds a body's job spent in each stage, from the stages' progress marks."""

    NAMES: ClassVar[dict[str, str]] = {"crawl": "harvest", "measure": "browser", "check": "checks", "carry": "checks"}

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.marks: list[tuple[str, float]] = []

    def progress(self, inner: Any) -> Any:
        def mark(stage: str, info: dict[str, Any]) -> None:
            name = self.NAMES.get(stage)
            if name is not None and (not self.marks or self.marks[-1][0] != name):
                self.marks.append((name, time.monotonic()))
            inner(stage, info)

        return mark

    def seconds(self) -> dict[str, float]:
        ended = time.monotonic()
        out: dict[str, float] = {"setup": round((self.marks[0][1] if self.marks else ended) - self.started, 2)}
        for (name, at), (_, until) in zip(self.marks, [*self.marks[1:], ("end", ended)], strict=True):
            out[name] = round(out.get(name, 0.0) + until - at, 2)
        out["total"] = round(ended - self.started, 2)
        return out


def _log_progress(stage: str, info: dict[str, Any]) -> None:
    if stage != "crawl-progress" or info.get("event") == "body_done":
        log.info("%s %s", stage, info)


def finish_job(results: list[str], run_id: str) -> dict[str, Any]:
    """The join: score the run and write its reports."""
    refused = refusal(run_id)
    if refused is not None:
        log.warning("join refused: %s", refused)
        return {"run_id": str(run_id)[:80], "refused": refused}
    started = time.monotonic()
    summary = finish_audit(_request(run_id), run_id)
    log.info("join timing %s", json.dumps({"run": run_id, "total": round(time.monotonic() - started, 2)}))
    return summary_record(summary)


def summary_record(summary: AuditSummary) -> dict[str, Any]:
    return {
        "run_id": summary.run_id,
        "status": summary.status.value,
        "exit_code": summary.exit_code,
        "reports": summary.reports,
    }


def enqueue_run(app: Celery, run_id: str, body_ids: list[str]) -> Any:
    """The run's chord: a job per body, then the join. Returns the join's AsyncResult."""
    body = app.signature("ashyq.body")
    finish = app.signature("ashyq.finish", args=(run_id,))
    return chord(body.clone(args=(run_id, b)) for b in body_ids)(finish)


def wait_for(app: Celery, result: Any) -> Any:
    """The value of ``result`` (raising a job's error); then the subscriptions to it and to the jobs
    before it (a chord's header: Celery subscribes to every job it sends) are closed while Redis is still
    there - otherwise each AsyncResult unsubscribes when it is collected, perhaps after Redis went away,
    and Python reports the ignored error."""
    try:
        return result.get(propagate=True)
    finally:
        let_go(app, result)


def let_go(app: Celery, result: Any) -> None:
    """Close the subscriptions to ``result`` and the jobs before it while Redis is still there (a caller
    that does not wait for the run lets go at once)."""
    for each in _with_parents(result):
        app.backend.remove_pending_result(each)
    consumer = getattr(app.backend, "result_consumer", None)
    if consumer is not None and not getattr(consumer, "subscribed_to", None):
        consumer.stop()


def _with_parents(result: Any) -> list[Any]:
    out: list[Any] = []
    todo = [result]
    while todo:
        each = todo.pop()
        if each is None or any(each is seen for seen in out):
            continue
        out.append(each)
        todo.extend(getattr(each, "results", None) or [])  # a group's jobs
        todo.append(getattr(each, "parent", None))
    return out


def require_newest_schema(db_url: str | None = None) -> None:
    current, head = current_revision(db_url), head_revision()
    if current != head:
        raise QueueError(
            f"the store's schema is {current or 'empty'}, not the newest ({head}): run `ashyq db upgrade` "
            "once before starting workers"
        )


def run_worker(app: Celery, name: str, queue: str = DEFAULT_QUEUE, loglevel: str = "INFO") -> None:
    """A worker in this process, one job at a time (scale with more workers, one per core)."""
    app.worker_main(
        [
            "worker",
            "--pool=solo",
            "--concurrency=1",
            f"--hostname={name}",
            f"--queues={queue}",
            f"--loglevel={loglevel}",
            # the workers do not watch each other: a solo worker busy with a body for minutes sends no
            # heartbeat, and the others would log it as missed; jobs and retries do not depend on it
            "--without-gossip",
            "--without-heartbeat",
            "--without-mingle",
        ]
    )
