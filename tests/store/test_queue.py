"""A run on the queue (Celery on a real Redis, the store on a real PostgreSQL) with two workers gives
exactly the findings and scores of the same run in one process - on generated bodies of the replica."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from ashyq_replica.core import World
from ashyq_replica.generated import registry_of, world_with_generated
from ashyq_replica.server import RunningWorld, start_world
from sqlalchemy import select
from sqlalchemy.engine import make_url
from store_services import redis_database
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.config import CONFIG_DIR
from ashyq.store.db import dispose_engine, session_scope
from ashyq.store.leases import find_stale_runs
from ashyq.store.models import Finding, Run, RunLease, Score
from ashyq.store.vocabulary import RunStatus
from tests.ops.nightly_harness import nightly_args, shared_folder, shared_nightly

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

runner = CliRunner()
ASHYQ = Path(sys.executable).with_name("ashyq")
BODIES = ("kostanay", "karaganda", "astana")  # a classic site and two gov.kz bodies
# generated bodies: two on gov.kz and a ministry with two subordinate organisations on their own hosts
GENERATED = ("karaganda-g0001", "astana-g0002", "enbek-g0005")
# the demo registry in replica mode (no operator's contact needed); these runs are refused before any fetch
REPLICA_DEMO = ["--registry", "demo", "--replica-map", '{"https://www.gov.kz": "http://127.0.0.1:9"}']


def fresh_pg(pg_url: str, template: str) -> Iterator[str]:
    import psycopg

    url = make_url(pg_url)
    name = f"queue_{uuid.uuid4().hex[:10]}"
    admin = {"host": url.host, "port": url.port, "user": url.username, "dbname": "postgres", "autocommit": True}
    with psycopg.connect(**admin) as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    fresh = url.set(database=name).render_as_string(hide_password=False)
    yield fresh
    dispose_engine(fresh)
    with psycopg.connect(**admin) as connection:
        connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture
def queue_db(pg_url: str, migrated_pg_template: str) -> Iterator[str]:
    yield from fresh_pg(pg_url, migrated_pg_template)


@pytest.fixture
def local_db(pg_url: str, migrated_pg_template: str) -> Iterator[str]:
    yield from fresh_pg(pg_url, migrated_pg_template)


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    demo = yaml.safe_load((CONFIG_DIR / "bodies" / "demo.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "three.yaml"
    three = {"name": "three", "bodies": [b for b in demo["bodies"] if b["id"] in BODIES]}
    path.write_text(yaml.safe_dump(three, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def generated_world() -> Iterator[RunningWorld]:
    running = start_world(world_with_generated(World(), 5))
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def generated_registry(tmp_path: Path) -> Path:
    everything = registry_of(world_with_generated(World(), 5))
    chosen = [b for b in everything["bodies"] if b["id"] in GENERATED or b.get("parent") in GENERATED]
    path = tmp_path / "generated.yaml"
    path.write_text(yaml.safe_dump({**everything, "bodies": chosen}, allow_unicode=True), encoding="utf-8")
    return path


def own_redis(redis_url: str) -> str:
    """A Redis database of this test's own (the services' Redis is shared by the session)."""
    return redis_database(redis_url, 7)


def start_worker(name: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with open(log, "wb") as out:
        return subprocess.Popen([str(ASHYQ), "worker", "--name", name], env=env, stdout=out, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def findings_and_scores(db: str, run_id: str) -> tuple[list[tuple[str, ...]], list[tuple[str, str, float]]]:
    with session_scope(db) as session:
        findings = sorted(
            (f.body_id, f.item, f.lang.value if hasattr(f.lang, "value") else str(f.lang), str(f.status))
            for f in session.scalars(select(Finding).where(Finding.run_id == run_id))
        )
        scores = sorted(
            (s.body_id, s.edition, round(s.final, 6))
            for s in session.scalars(select(Score).where(Score.run_id == run_id))
        )
    return findings, scores


def finding_ids(db: str) -> list[int]:
    with session_scope(db) as session:
        return sorted(session.scalars(select(Finding.id)))


def send_and_wait(redis: str, jobs: list[tuple[str, tuple[object, ...]]]) -> list[Any]:
    """Jobs put on the queue as anyone with access to Redis could, and what the workers answered."""
    from ashyq.pipeline.queue import let_go, make_app

    queue = make_app(redis)
    sent = [queue.send_task(name, args=args) for name, args in jobs]
    try:
        return [result.get(timeout=120) for result in sent]
    finally:
        for result in sent:
            let_go(queue, result)


def the_run(db: str) -> Run:
    with session_scope(db) as session:
        return session.scalars(select(Run)).one()


def test_two_workers_give_the_findings_and_scores_of_one_process(
    tmp_path: Path,
    generated_registry: Path,
    queue_db: str,
    local_db: str,
    redis_url: str,
    generated_world: RunningWorld,
) -> None:
    registry, world, world_urls = generated_registry, generated_world.world, generated_world.urls
    redis = own_redis(redis_url)
    env = {**os.environ, "ASHYQ_DB_URL": queue_db, "ASHYQ_REDIS_URL": redis}
    workers = [start_worker(f"w{n}@test", env, tmp_path / f"w{n}.log") for n in (1, 2)]
    try:
        queued = runner.invoke(
            app, [*nightly_args(registry, tmp_path / "out-q", queue_db, world_urls, world), "--queue", "--redis", redis]
        )
        # anyone who reaches Redis can put jobs there: those for a finished run or an unknown one are
        # refused by the workers, and nothing the finished run stored is touched
        finished = the_run(queue_db).id
        stored = finding_ids(queue_db)
        forged = send_and_wait(
            redis,
            [
                ("ashyq.body", (finished, GENERATED[0])),
                ("ashyq.body", ("run-nobody-started", GENERATED[0])),
                ("ashyq.finish", ([], finished)),
            ],
        )
    finally:
        for worker in workers:
            stop(worker)
    logs = {n: (tmp_path / f"w{n}.log").read_text(errors="replace") for n in (1, 2)}
    assert queued.exit_code in (0, 1), queued.output + "\n".join(logs.values())
    assert forged[0].startswith("refused: ") and "not queued" in forged[0], forged
    assert forged[1].startswith("refused: no run 'run-nobody-started'"), forged
    assert "not queued" in forged[2]["refused"], forged
    assert finding_ids(queue_db) == stored and stored, "a refused job touched the finished run's findings"
    assert "job refused" in logs[1] + logs[2]
    # both workers took body jobs
    for n in (1, 2):
        assert "ashyq.body" in logs[n] and "succeeded" in logs[n], logs[n]

    local = runner.invoke(app, nightly_args(registry, tmp_path / "out-1", local_db, world_urls, world))
    assert local.exit_code == queued.exit_code, local.output

    queued_run, local_run = the_run(queue_db), the_run(local_db)
    assert queued_run.status == local_run.status != RunStatus.RUNNING
    queued_findings, queued_scores = findings_and_scores(queue_db, queued_run.id)
    local_findings, local_scores = findings_and_scores(local_db, local_run.id)
    assert len(local_findings) > 100 and {f[0] for f in local_findings} == set(GENERATED)
    assert queued_findings == local_findings
    assert queued_scores == local_scores
    assert (tmp_path / "out-q" / "runs" / queued_run.id / "scores.json").exists()
    # the join followed the request: scored, no reports (--no-reports)
    assert not (tmp_path / "out-q" / "runs" / queued_run.id / "conclusions").exists()
    with session_scope(queue_db) as session:
        assert session.get(RunLease, queued_run.id) is None  # the join released the run
        assert find_stale_runs(session) == []


def test_a_worker_refuses_a_store_behind_the_newest_schema(tmp_path: Path, pg_url: str, redis_url: str) -> None:
    for empty in fresh_pg(pg_url, "template0"):
        env = {**os.environ, "ASHYQ_DB_URL": empty, "ASHYQ_REDIS_URL": own_redis(redis_url)}
        started = time.monotonic()
        env["COLUMNS"] = "300"
        done = subprocess.run([str(ASHYQ), "worker"], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 2, done.stdout + done.stderr
        assert "ashyq db upgrade" in done.stderr and time.monotonic() - started < 120
        queued = runner.invoke(
            app, ["nightly", *REPLICA_DEMO, "--queue", "--db", empty, "--redis", own_redis(redis_url)]
        )
        assert queued.exit_code == 2 and "ashyq db upgrade" in " ".join(queued.output.split())


def test_the_queue_needs_a_shared_store(tmp_path: Path, redis_url: str) -> None:
    result = runner.invoke(
        app,
        [
            "nightly",
            *REPLICA_DEMO,
            "--queue",
            "--db",
            f"sqlite:///{tmp_path / 'a.sqlite'}",
            "--redis",
            own_redis(redis_url),
        ],
    )
    assert result.exit_code == 2 and "PostgreSQL" in result.output


@pytest.fixture
def killed_db(pg_url: str, migrated_pg_template: str) -> Iterator[str]:
    yield from fresh_pg(pg_url, migrated_pg_template)


def test_a_worker_killed_mid_body_loses_nothing_its_job_is_redone_by_another(
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    registry: Path,
    killed_db: str,
    redis_url: str,
    world: World,
    world_urls: dict[str, str],
) -> None:
    redis = redis_database(redis_url, 8)
    # a short visibility timeout: the killed worker's job is handed out again after 20 s
    env = {**os.environ, "ASHYQ_DB_URL": killed_db, "ASHYQ_REDIS_URL": redis, "ASHYQ_QUEUE_VISIBILITY_SECONDS": "20"}
    os.environ["ASHYQ_QUEUE_VISIBILITY_SECONDS"] = "20"  # the coordinator's side (this process)
    first = start_worker("first@test", env, tmp_path / "first.log")
    second: subprocess.Popen[bytes] | None = None
    try:
        enqueued = runner.invoke(
            app,
            [
                *nightly_args(registry, tmp_path / "out-k", killed_db, world_urls, world),
                "--queue",
                "--redis",
                redis,
                "--no-wait",
            ],
        )
        assert enqueued.exit_code == 0, enqueued.output
        run_id = enqueued.output.strip().splitlines()[-1]
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and "body_done" not in (tmp_path / "first.log").read_text(errors="replace"):
            time.sleep(0.2)
        os.kill(first.pid, 9)  # SIGKILL mid-body: its job is neither done nor acknowledged
        first.wait()
        second = start_worker("second@test", env, tmp_path / "second.log")
        deadline = time.monotonic() + 600
        status = RunStatus.RUNNING
        while time.monotonic() < deadline and status == RunStatus.RUNNING:
            time.sleep(1)
            with session_scope(killed_db) as session:
                found = session.get(Run, run_id)
                assert found is not None
                status = found.status
    finally:
        os.environ.pop("ASHYQ_QUEUE_VISIBILITY_SECONDS", None)
        stop(first)
        if second is not None:
            stop(second)
    second_log = (tmp_path / "second.log").read_text(errors="replace")
    assert status != RunStatus.RUNNING, second_log
    # the same registry in one process (the resume test compares with this run too)
    local_db, _ = shared_nightly("three", registry, world, world_urls, shared_folder(tmp_path_factory))
    local_run = the_run(local_db)
    assert status == local_run.status
    assert findings_and_scores(killed_db, run_id) == findings_and_scores(local_db, local_run.id)
    dispose_engine(local_db)
