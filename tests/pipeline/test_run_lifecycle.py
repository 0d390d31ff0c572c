"""An audit killed at any stage never leaves a run that looks done: it is ``running`` (killed outright)
or ``failed`` (interrupted), and ``complete`` only with its scores. Stages commit as they finish, so
what was done before the kill is kept."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from ashyq_replica.core import World
from ashyq_replica.server import start_world
from sqlalchemy import func, select

from ashyq.pipeline.audit import AuditRequest, run_audit
from ashyq.store.db import dispose_engine, session_scope
from ashyq.store.models import Finding, Run, Score
from ashyq.store.vocabulary import RunKind, RunStatus

BODY = "kostanay"


def _request(out: Path, db: str, urls: dict[str, str], as_of: Any) -> AuditRequest:
    return AuditRequest(
        [BODY],
        "demo",
        "kz-2025",
        out,
        db,
        urls,
        as_of,
        RunKind.AUDIT,
        max_pages=10,
        browser=False,
        reports=True,
        spiders=["site"],
    )


def _audit_until(stage: str, out: Path, db: str, urls: dict[str, str], as_of: Any, flag: str) -> None:
    """The audit in a process of its own group; it stops at ``stage`` and waits there to be killed."""
    os.setpgrp()  # the crawl's own process is killed with it

    def progress(name: str, info: dict[str, Any]) -> None:
        if name == stage:
            Path(flag).write_text(name, encoding="utf-8")
            time.sleep(600)

    run_audit(_request(out, db, urls, as_of), progress)


def _state(db: str) -> tuple[RunStatus, int, int]:
    with session_scope(db) as session:
        run = session.scalars(select(Run)).one()
        findings = session.scalar(select(func.count()).select_from(Finding).where(Finding.run_id == run.id))
        scores = session.scalar(select(func.count()).select_from(Score).where(Score.run_id == run.id))
        return run.status, int(findings or 0), int(scores or 0)


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["crawl-progress", "check", "score"])
def test_an_audit_killed_at_a_stage_is_never_complete_without_scores(stage: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ashyq.sqlite'}"
    flag = tmp_path / "reached"
    world = World()
    with start_world(world) as served:
        context = multiprocessing.get_context("spawn")
        child = context.Process(
            target=_audit_until, args=(stage, tmp_path, db, dict(served.urls), world.as_of, str(flag))
        )
        child.start()
        try:
            deadline = time.monotonic() + 240
            while not flag.exists() and child.is_alive() and time.monotonic() < deadline:
                time.sleep(0.1)
            assert flag.exists(), f"the audit never reached {stage} (exit code {child.exitcode})"
        finally:
            if child.pid is not None and child.is_alive():
                os.killpg(child.pid, signal.SIGKILL)  # the group this test's child made
            child.join(30)
    status, findings, scores = _state(db)
    dispose_engine(db)
    assert status is RunStatus.RUNNING, status
    assert scores == 0
    if stage == "score":  # the checks' stage had committed its findings before the kill
        assert findings > 0


@pytest.mark.slow
def test_an_interrupted_audit_is_failed_with_the_reason(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ashyq.sqlite'}"

    def progress(name: str, info: dict[str, Any]) -> None:
        if name == "score":
            raise KeyboardInterrupt

    world = World()
    with start_world(world) as served, pytest.raises(KeyboardInterrupt):
        run_audit(_request(tmp_path, db, dict(served.urls), world.as_of), progress)
    status, findings, scores = _state(db)
    assert status is RunStatus.FAILED and findings > 0 and scores == 0
    with session_scope(db) as session:
        run = session.scalars(select(Run)).one()
        assert run.finished_at is not None and run.settings["failure"].startswith("KeyboardInterrupt")
    dispose_engine(db)


@pytest.mark.slow
def test_each_bodys_checks_are_kept_as_soon_as_they_are_done(tmp_path: Path) -> None:
    """Interrupted while checking the second body, the run keeps the first body's findings and counts
    it done, so a resume redoes only the second."""
    db = f"sqlite:///{tmp_path / 'ashyq.sqlite'}"
    checked: list[str] = []

    def progress(name: str, info: dict[str, Any]) -> None:
        if name == "check":
            checked.append(info["body"])
            if len(checked) == 2:
                raise KeyboardInterrupt

    world = World()
    request = _request(tmp_path, db, {}, world.as_of)
    request.body_ids = [BODY, "astana"]
    with start_world(world) as served, pytest.raises(KeyboardInterrupt):
        request.base_url_map = dict(served.urls)
        request.spiders = ["site", "govkz"]
        run_audit(request, progress)
    with session_scope(db) as session:
        run = session.scalars(select(Run)).one()
        bodies = set(session.scalars(select(Finding.body_id).where(Finding.run_id == run.id)))
        assert run.status is RunStatus.FAILED
        assert run.settings["done"] == [checked[0]]
        assert bodies == {checked[0]}
    dispose_engine(db)
