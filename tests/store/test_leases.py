"""Leases of running runs: a run whose coordinator died is found stale and marked; a live one is not."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from ashyq.store.leases import find_stale_runs, live_runs, mark_stale_runs, take_lease, this_host
from ashyq.store.models import Run, RunLease
from ashyq.store.repository import start_run
from ashyq.store.vocabulary import RunKind, RunStatus


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_run_whose_process_is_gone_is_marked_interrupted_and_a_live_one_is_kept(session: Session) -> None:
    gone = start_run(session, RunKind.NIGHTLY, run_id="run-gone", settings={"registry": "demo"})
    take_lease(session, gone.id, pid=dead_pid())
    alive = start_run(session, RunKind.NIGHTLY, run_id="run-alive", settings={"registry": "demo"})
    take_lease(session, alive.id)  # this test's own process
    session.commit()

    marked = mark_stale_runs(session)
    session.commit()

    assert [m.run_id for m in marked] == ["run-gone"]
    assert "is gone" in marked[0].reason
    stored = session.get(Run, "run-gone")
    assert stored is not None and stored.status == RunStatus.FAILED and stored.finished_at is not None
    assert "is gone" in stored.settings["interrupted"]["reason"]
    assert stored.settings["registry"] == "demo"  # what the run already had is kept
    assert session.get(RunLease, "run-gone") is None
    assert [r.id for r in live_runs(session)] == ["run-alive"]


def test_a_run_whose_process_id_was_given_to_a_newer_process_is_stale(session: Session) -> None:
    """Process ids are reused (within minutes on a busy machine): a live process with the holder's id
    that started after the lease was taken is not the holder."""
    reused = start_run(session, RunKind.NIGHTLY, run_id="run-reused", settings={"registry": "demo"})
    lease = take_lease(session, reused.id)  # this test's process, as if it had been given the id
    lease.heartbeat_at = datetime.now(UTC) - timedelta(days=400)  # taken before this process started
    held = start_run(session, RunKind.NIGHTLY, run_id="run-held", settings={"registry": "demo"})
    take_lease(session, held.id)
    session.commit()

    stale = find_stale_runs(session)
    assert [s.run_id for s in stale] == ["run-reused"], stale
    assert f"process {os.getpid()} on {this_host()}) is gone" in stale[0].reason


def test_another_hosts_run_is_stale_only_when_its_heartbeat_is_old(session: Session) -> None:
    quiet = start_run(session, RunKind.NIGHTLY, run_id="run-quiet")
    take_lease(session, quiet.id, host=f"not-{this_host()}", pid=os.getpid())
    fresh = start_run(session, RunKind.NIGHTLY, run_id="run-fresh")
    take_lease(session, fresh.id, host=f"not-{this_host()}", pid=os.getpid())
    lease = session.get(RunLease, quiet.id)
    assert lease is not None
    lease.heartbeat_at = datetime.now(UTC) - timedelta(minutes=30)
    session.commit()

    stale = find_stale_runs(session, stale_after=timedelta(minutes=15))

    assert [s.run_id for s in stale] == ["run-quiet"]
    assert "silent since" in stale[0].reason


def test_a_running_run_without_a_lease_is_stale_once_it_is_old(session: Session) -> None:
    start_run(session, RunKind.NIGHTLY, run_id="run-old", started_at=datetime.now(UTC) - timedelta(hours=2))
    start_run(session, RunKind.NIGHTLY, run_id="run-new")
    session.commit()

    assert [s.run_id for s in find_stale_runs(session, stale_after=timedelta(minutes=15))] == ["run-old"]
