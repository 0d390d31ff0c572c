"""Leases of running runs: which process on which host works on a run, and whether it still lives.

A run's coordinator takes the lease when it starts the run and renews it (:class:`Heartbeat`) while it
works; finishing the run releases it. A ``running`` run is *stale* when its coordinator is gone:

* on this host, its process no longer exists (a killed coordinator, a reboot), or its id now belongs
  to a process that started after the lease was taken or last renewed (ids are reused);
* on another host, it has not renewed the lease for longer than the stale limit;
* it has no lease at all and started longer ago than the stale limit (a run of an older version).

:func:`mark_stale_runs` closes such runs as ``failed`` with ``settings["interrupted"]`` saying why and
when it was noticed; ``ashyq nightly --resume RUN`` can finish them. SQLite is one machine's store,
so there the process check alone decides and no heartbeat is written (a writer thread would only
contend with the run's own transaction).
"""

from __future__ import annotations

import logging
import os
import platform
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from sqlalchemy import delete, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from ashyq.store.db import database_url, session_scope
from ashyq.store.models import Run, RunLease
from ashyq.store.vocabulary import RunStatus

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 60.0
# the lease of a run worked on by queue workers: no one process owns it, its heartbeat decides
QUEUED_HOST_PREFIX = "queue:"
STALE_AFTER = timedelta(minutes=15)  # fifteen missed heartbeats


def this_host() -> str:
    return platform.node() or "localhost"


def process_alive(pid: int, holder_since: datetime | None = None) -> bool:
    """Whether process ``pid`` of this host lives. With ``holder_since`` (when it took or last renewed
    the lease), a process that started after that is another one that was given the same id (ids are
    reused, within minutes on a busy machine): the holder is gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        pass
    started = process_started_at(pid)
    if holder_since is not None and started is not None:
        return started <= _aware(holder_since) + START_TOLERANCE
    return True


# /proc gives a process's start time in clock ticks after boot and the boot time in whole seconds
START_TOLERANCE = timedelta(seconds=2)


def process_stat(pid: int | str) -> list[str] | None:
    """The fields of Linux ``/proc/PID/stat`` after the command name (``[0]`` the state, ``[1]`` the
    parent, ``[19]`` the start time in clock ticks after boot), None if the process is gone."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def process_started_at(pid: int) -> datetime | None:
    """When process ``pid`` started (Linux /proc), None where that cannot be read."""
    try:
        fields = process_stat(pid)
        if fields is None:
            return None
        boot = next(
            int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines() if line.startswith("btime ")
        )
        ticks = int(fields[19])  # field 22 of proc(5): starttime
        return datetime.fromtimestamp(boot + ticks / os.sysconf("SC_CLK_TCK"), UTC)
    except (OSError, IndexError, ValueError, StopIteration):
        return None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def take_lease(session: Session, run_id: str, *, host: str | None = None, pid: int | None = None) -> RunLease:
    """This process (or ``host``/``pid``) now works on ``run_id``; replaces an older lease."""
    lease = session.get(RunLease, run_id)
    if lease is None:
        lease = RunLease(run_id=run_id, host=host or this_host(), pid=pid or os.getpid())
        session.add(lease)
    else:
        lease.host, lease.pid = host or this_host(), pid or os.getpid()
    lease.heartbeat_at = datetime.now(UTC)
    session.flush()
    return lease


def release_lease(session: Session, run_id: str) -> None:
    session.execute(delete(RunLease).where(RunLease.run_id == run_id))


@dataclass(frozen=True)
class StaleRun:
    run_id: str
    reason: str


def stale_reason(run: Run, lease: RunLease | None, now: datetime, stale_after: timedelta = STALE_AFTER) -> str | None:
    """Why a ``running`` run is stale, or None while its coordinator may still be working on it."""
    if lease is None:
        started = run.started_at
        if started is not None and now - started > stale_after:
            return f"no coordinator holds it and it started at {started.isoformat(timespec='seconds')}"
        return None
    if lease.host == this_host():  # a queued run's host is "queue:<coordinator's host>": never equal
        if not process_alive(lease.pid, lease.heartbeat_at):
            return f"its coordinator (process {lease.pid} on {lease.host}) is gone"
        return None
    if now - lease.heartbeat_at > stale_after:
        return (
            f"its coordinator (process {lease.pid} on {lease.host}) has been silent since "
            f"{lease.heartbeat_at.isoformat(timespec='seconds')}"
        )
    return None


def find_stale_runs(session: Session, stale_after: timedelta = STALE_AFTER) -> list[StaleRun]:
    now = datetime.now(UTC)
    rows = session.execute(
        select(Run, RunLease).outerjoin(RunLease, RunLease.run_id == Run.id).where(Run.status == RunStatus.RUNNING)
    ).all()
    found = []
    for run, lease in rows:
        reason = stale_reason(run, lease, now, stale_after)
        if reason is not None:
            found.append(StaleRun(run.id, reason))
    return found


def mark_stale_runs(session: Session, stale_after: timedelta = STALE_AFTER) -> list[StaleRun]:
    """Close every stale ``running`` run as ``failed``, saying why under ``settings["interrupted"]``."""
    stale = find_stale_runs(session, stale_after)
    now = datetime.now(UTC)
    for found in stale:
        run = session.get(Run, found.run_id)
        assert run is not None
        run.settings = {
            **(run.settings or {}),
            "interrupted": {"reason": found.reason, "noticed_at": now.isoformat(timespec="seconds")},
        }
        run.status = RunStatus.FAILED
        run.finished_at = now
        release_lease(session, run.id)
    session.flush()
    return stale


def live_runs(session: Session) -> list[Run]:
    """The ``running`` runs that are not stale (call :func:`mark_stale_runs` first)."""
    return list(session.scalars(select(Run).where(Run.status == RunStatus.RUNNING)))


def _is_sqlite(url: str | None) -> bool:
    return make_url(url or database_url()).get_backend_name() == "sqlite"


class Heartbeat:
    """Renews ``run_id``'s lease every ``seconds`` from a daemon thread while the block runs."""

    def __init__(self, run_id: str, db_url: str | None, seconds: float = HEARTBEAT_SECONDS) -> None:
        self.run_id = run_id
        self.db_url = db_url
        self.seconds = seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def beat(self) -> None:
        with session_scope(self.db_url) as session:
            session.execute(
                update(RunLease).where(RunLease.run_id == self.run_id).values(heartbeat_at=datetime.now(UTC))
            )

    def _loop(self) -> None:
        while not self._stop.wait(self.seconds):
            try:
                self.beat()
            except Exception as error:  # a missed beat is retried; the run itself goes on
                log.warning("heartbeat of run %s failed: %s", self.run_id, error)

    def __enter__(self) -> Heartbeat:
        if not _is_sqlite(self.db_url):
            self._thread = threading.Thread(target=self._loop, name=f"heartbeat-{self.run_id}", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
