"""A coordinator killed with SIGKILL while it measures in the browser: ``ashyq nightly --resume`` ends
the run with the findings and scores of an uninterrupted run, measurements included."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from ashyq_replica.core import World
from sqlalchemy import select

from ashyq.cli import app
from ashyq.store.db import dispose_engine, session_scope
from ashyq.store.models import Run, Score
from ashyq.store.vocabulary import RunStatus
from tests.ops.nightly_harness import nightly_args
from tests.ops.resume_harness import (
    ASHYQ,
    Process,
    alive,
    descendants,
    harvest,
    reasons,
    results,
    runner,
    tail,
    three_bodies,
    with_store,
)

pytestmark = pytest.mark.slow


# Three audits of one body with browser measurements (killed, resumed, uninterrupted): about 7 minutes
# on a quiet machine, well over the suite's 600 s per test on a loaded one (where it used to be cut
# off by that limit, with nothing but a stack dump to read). Each phase's time is printed.
@pytest.mark.browser
@pytest.mark.timeout(2400)
def test_a_coordinator_killed_while_measuring_in_the_browser_is_resumed_to_the_same_findings(
    tmp_path: Path, world: World, world_urls: dict[str, str]
) -> None:
    """The kill lands in the browser measurement stage (a page has been measured: its screenshot
    exists): the browser it drove goes with it, the run is left running (or failed), never complete
    without scores, and the resumed run - measurements included - ends with the findings and scores of
    an uninterrupted run."""
    registry = three_bodies(tmp_path, ("kostanay",), "one")
    # six pages of the body (the harvest, then their measurements): the kill still lands mid-measurement
    with_browser = [a for a in nightly_args(registry, tmp_path, "", world_urls, world) if a != "--no-browser"]
    with_browser += ["--max-pages", "6"]
    killed_db = f"sqlite:///{tmp_path / 'killed.sqlite'}"
    out = tmp_path / "out-killed"
    log = tmp_path / "killed.log"
    with log.open("wb") as written:
        coordinator = subprocess.Popen(
            [str(ASHYQ), *with_store(with_browser, out, killed_db)], stdout=written, stderr=written
        )
    below: set[Process] = set()
    started = time.monotonic()
    try:
        # generous: the harvest before the measurements takes a minute on a quiet machine, more on a busy one
        deadline = time.monotonic() + 900
        measured: list[Path] = []
        while time.monotonic() < deadline and not measured and coordinator.poll() is None:
            measured = [p for p in out.glob("runs/*/shots/kostanay/browser/*") if p.is_file()]
            below |= descendants(coordinator.pid)
            time.sleep(0.2)
        ended = coordinator.poll()
        below |= descendants(coordinator.pid)
        commands = alive(below)  # read before the kill: the browser may be gone a moment after it
    finally:
        os.kill(coordinator.pid, signal.SIGKILL)
        coordinator.wait()
    told = tail(log)
    print(f"killed in the measurement stage after {time.monotonic() - started:.0f} s")
    assert measured, (
        f"no page was measured in the browser before the coordinator "
        f"{'ended with ' + str(ended) if ended is not None else 'was stopped after 900 s'}; it said:\n{told}"
    )
    assert any("chrom" in command for command in commands.values()), (
        f"the browser the coordinator drives should be among its processes: {sorted(commands.values())}"
    )
    run_id = next(out.glob("runs/*/shots")).parent.name
    # the browser and its driver go with the coordinator (none keeps measuring into the abandoned run)
    deadline = time.monotonic() + 120
    while alive(below) and time.monotonic() < deadline:
        time.sleep(0.5)
    left = alive(below)
    for pid, _ in left:  # started by this test (checked by their start times): ended by their ids
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes left running 120 s after the coordinator was killed: {sorted(left.values())}"
    with session_scope(killed_db) as session:
        run = session.scalars(select(Run)).one()
        scored = session.scalars(select(Score).where(Score.run_id == run.id)).first() is not None
        # a killed run is running (or failed, once found interrupted), never complete without its scores
        assert run.status in (RunStatus.RUNNING, RunStatus.FAILED), (run.status, run.settings)
        assert not scored, "the killed run was scored before its measurements were done"

    started = time.monotonic()
    resumed = runner.invoke(app, ["nightly", "--resume", run_id, "--db", killed_db])
    print(f"resumed in {time.monotonic() - started:.0f} s")
    assert resumed.exit_code in (0, 1), resumed.output
    whole_db = f"sqlite:///{tmp_path / 'whole.sqlite'}"
    started = time.monotonic()
    whole = runner.invoke(app, with_store(with_browser, tmp_path / "out-whole", whole_db))
    print(f"uninterrupted run in {time.monotonic() - started:.0f} s")
    assert whole.exit_code == resumed.exit_code, f"resumed: {resumed.output}\nuninterrupted: {whole.output}"

    killed_run, killed_findings, killed_scores = results(killed_db)
    whole_run, whole_findings, whole_scores = results(whole_db)
    assert killed_run.status == whole_run.status != RunStatus.RUNNING, (killed_run.status, whole_run.status)
    assert killed_run.settings["resumed"][0]["reason"].endswith("is gone"), killed_run.settings["resumed"]
    # the browser's own items were measured in both (not left not assessed for want of a measurement)
    browser_items = {"A14-3.3", "A14-3.6", "A16-k"}
    assessed = {f[1] for f in whole_findings if f[3] != "not_assessed"}
    assert assessed & browser_items == browser_items, reasons(whole_db, browser_items - assessed)
    only_killed = sorted(set(killed_findings) - set(whole_findings))
    only_whole = sorted(set(whole_findings) - set(killed_findings))
    assert not only_killed and not only_whole, (
        f"findings of the resumed run only: {only_killed}; of the uninterrupted run only: {only_whole}; "
        f"why (resumed): {reasons(killed_db, {f[1] for f in only_killed})}; "
        f"why (uninterrupted): {reasons(whole_db, {f[1] for f in only_whole})}; "
        f"harvest (resumed): {harvest(killed_db)}; harvest (uninterrupted): {harvest(whole_db)}"
    )
    assert killed_findings == whole_findings
    assert killed_scores == whole_scores
    dispose_engine(killed_db)
    dispose_engine(whole_db)
