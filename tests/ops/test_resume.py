"""A coordinator killed with SIGKILL mid-run: the run is found interrupted, ``ashyq nightly --resume``
finishes it, and its findings and scores are exactly those of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.config import CONFIG_DIR
from ashyq.replica.core import World
from ashyq.store.db import dispose_engine, session_scope
from ashyq.store.models import Finding, Run, Score
from ashyq.store.vocabulary import RunStatus
from tests.ops.nightly_harness import nightly_args

pytestmark = pytest.mark.slow

runner = CliRunner()
ASHYQ = Path(sys.executable).with_name("ashyq")
BODIES = ("kostanay", "karaganda", "astana")


def three_bodies(folder: Path) -> Path:
    demo = yaml.safe_load((CONFIG_DIR / "bodies" / "demo.yaml").read_text(encoding="utf-8"))
    path = folder / "three.yaml"
    three = {"name": "three", "bodies": [b for b in demo["bodies"] if b["id"] in BODIES]}
    path.write_text(yaml.safe_dump(three, allow_unicode=True), encoding="utf-8")
    return path


def results(db: str) -> tuple[Run, list[tuple[str, ...]], list[tuple[str, str, float]]]:
    with session_scope(db) as session:
        run = session.scalars(select(Run)).one()
        findings = sorted(
            (f.body_id, f.item, str(f.lang), str(f.status))
            for f in session.scalars(select(Finding).where(Finding.run_id == run.id))
        )
        scores = sorted(
            (s.body_id, s.edition, round(s.final, 6))
            for s in session.scalars(select(Score).where(Score.run_id == run.id))
        )
    return run, findings, scores


def crawl_processes(job_file: Path) -> list[int]:
    """Processes whose command line names the run's crawl job (the crawl child of the killed coordinator)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if str(job_file) in (proc / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


def test_a_killed_coordinator_is_resumed_to_the_findings_of_an_uninterrupted_run(
    tmp_path: Path, world: World, world_urls: dict[str, str]
) -> None:
    registry = three_bodies(tmp_path)
    killed_db = f"sqlite:///{tmp_path / 'killed.sqlite'}"
    out = tmp_path / "out-killed"
    coordinator = subprocess.Popen(
        [str(ASHYQ), *nightly_args(registry, out, killed_db, world_urls, world)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 240
        warcs: list[Path] = []
        while time.monotonic() < deadline and not warcs:
            warcs = list(out.glob("runs/*/warc/*.warc.gz"))
            time.sleep(0.2)
        assert warcs, "the harvest never started"
        job_file = next(out.glob("runs/*/crawl-job*.json"))
    finally:
        os.kill(coordinator.pid, signal.SIGKILL)
        coordinator.wait()
    # the orphaned crawl process notices and stops (it must not write into the interrupted run)
    deadline = time.monotonic() + 60
    while crawl_processes(job_file) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert crawl_processes(job_file) == []
    with session_scope(killed_db) as session:
        assert session.scalars(select(Run)).one().status == RunStatus.RUNNING
    run_id = job_file.parent.name

    resumed = runner.invoke(app, ["nightly", "--resume", run_id, "--db", killed_db])
    assert resumed.exit_code in (0, 1), resumed.output
    assert "marked interrupted" in resumed.output and "is gone" in " ".join(resumed.output.split())

    whole_db = f"sqlite:///{tmp_path / 'whole.sqlite'}"
    whole = runner.invoke(app, nightly_args(registry, tmp_path / "out-whole", whole_db, world_urls, world))
    assert whole.exit_code == resumed.exit_code, whole.output

    killed_run, killed_findings, killed_scores = results(killed_db)
    whole_run, whole_findings, whole_scores = results(whole_db)
    assert killed_run.status == whole_run.status != RunStatus.RUNNING
    assert killed_run.settings["resumed"][0]["reason"].endswith("is gone")
    assert len(whole_findings) > 100 and {f[0] for f in whole_findings} == set(BODIES)
    assert killed_findings == whole_findings
    assert killed_scores == whole_scores
    again = runner.invoke(app, ["nightly", "--resume", run_id, "--db", killed_db])
    assert again.exit_code == 2 and "only an interrupted run" in " ".join(again.output.split())
    dispose_engine(killed_db)
    dispose_engine(whole_db)
