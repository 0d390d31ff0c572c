"""A coordinator killed with SIGKILL mid-run: the run is found interrupted, ``ashyq nightly --resume``
finishes it without redoing the bodies it had finished, and its findings and scores are exactly
those of an uninterrupted run."""

from __future__ import annotations

import json
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
from ashyq.store.models import Run
from ashyq.store.vocabulary import RunStatus
from tests.ops.nightly_harness import nightly_args, shared_folder, shared_nightly
from tests.ops.resume_harness import (
    ASHYQ,
    BODIES,
    crawl_processes,
    done_bodies,
    finding_ids,
    results,
    runner,
    three_bodies,
)

pytestmark = pytest.mark.slow


def test_a_killed_coordinator_is_resumed_to_the_findings_of_an_uninterrupted_run(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, world: World, world_urls: dict[str, str]
) -> None:
    registry = three_bodies(tmp_path)
    killed_file = tmp_path / "killed.sqlite"
    killed_db = f"sqlite:///{killed_file}"
    out = tmp_path / "out-killed"
    # body after body: the kill lands in the next body's harvest, after the first body is finished
    coordinator = subprocess.Popen(
        [str(ASHYQ), *nightly_args(registry, out, killed_db, world_urls, world), "--side-by-side", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # killed once the first body is finished, in the next body's harvest
        deadline = time.monotonic() + 300
        finished: list[str] = []
        while time.monotonic() < deadline and not finished:
            finished = done_bodies(killed_file)
            time.sleep(0.2)
        assert finished, "no body was ever finished"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(list(out.glob("runs/*/crawl-job*.json"))) < 2:
            time.sleep(0.1)
    finally:
        os.kill(coordinator.pid, signal.SIGKILL)
        coordinator.wait()
    job_files = sorted(out.glob("runs/*/crawl-job*.json"))
    assert len(job_files) == 2, "the next body's harvest had not started"  # one crawl per body
    # the orphaned crawl process notices and stops (it must not write into the interrupted run)
    deadline = time.monotonic() + 60
    while any(crawl_processes(j) for j in job_files) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not any(crawl_processes(j) for j in job_files)
    with session_scope(killed_db) as session:
        killed = session.scalars(select(Run)).one()
        assert killed.status == RunStatus.RUNNING
        finished = list(killed.settings["done"])
    assert 1 <= len(finished) < len(BODIES)
    kept = finding_ids(killed_db, finished)
    assert kept, "a finished body has its findings stored"
    run_id = job_files[0].parent.name

    resumed = runner.invoke(app, ["nightly", "--resume", run_id, "--db", killed_db])
    assert resumed.exit_code in (0, 1), resumed.output
    assert "marked interrupted" in resumed.output and "is gone" in " ".join(resumed.output.split())

    # the uninterrupted run of the same registry (the queue's kill test compares with it too)
    whole_db, whole_exit = shared_nightly("three", registry, world, world_urls, shared_folder(tmp_path_factory))
    assert whole_exit == resumed.exit_code

    # the finished bodies were kept as they were, not harvested again
    assert kept <= finding_ids(killed_db, finished)
    redone = [json.loads(j.read_text()) for j in sorted(out.glob("runs/*/crawl-job*.json")) if j not in job_files]
    assert redone and not {b for job in redone for b in job["body_ids"]} & set(finished)

    killed_run, killed_findings, killed_scores = results(killed_db)
    whole_run, whole_findings, whole_scores = results(whole_db)
    assert killed_run.status == whole_run.status != RunStatus.RUNNING
    assert killed_run.settings["resumed"][0]["reason"].endswith("is gone")
    assert len(whole_findings) > 100 and {f[0] for f in whole_findings} == set(BODIES)
    assert killed_findings == whole_findings
    assert killed_scores == whole_scores
    # finished as it was started: scored, with no reports (--no-reports, kept by the run's request)
    assert (out / "runs" / killed_run.id / "scores.json").is_file()
    assert not (out / "runs" / killed_run.id / "conclusions").exists()
    exported = runner.invoke(  # written later, as the option's help says
        app, ["report", "export", "--run", killed_run.id, "--format", "json", "--out", str(tmp_path / "r.json"),
              "--db", killed_db],
    )  # fmt: skip
    assert exported.exit_code == 0, exported.output
    assert {row["id"] for row in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["bodies"]} == set(BODIES)
    again = runner.invoke(app, ["nightly", "--resume", run_id, "--db", killed_db])
    assert again.exit_code == 2 and "only an interrupted run" in " ".join(again.output.split())
    dispose_engine(killed_db)
    dispose_engine(whole_db)
