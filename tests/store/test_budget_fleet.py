"""Three queue workers (real processes, a real Redis) harvesting at once keep every replica host within
one politeness budget: the hosts themselves record the most concurrent requests and the most requests
in any second they received."""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from ashyq_replica.core import World
from ashyq_replica.server import RunningWorld, start_world
from sqlalchemy import select
from store_services import redis_database
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.config import CONFIG_DIR
from ashyq.net.budget import HostBudget
from ashyq.net.crawl_config import BudgetPolicy, HostLimit
from ashyq.store.db import session_scope
from ashyq.store.models import Page
from tests.ops.nightly_harness import nightly_args
from tests.store.test_queue import start_worker, stop

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]

runner = CliRunner()
# two gov.kz bodies (one shared host) and a body on its own classic host
BODIES = ("karaganda", "astana", "kostanay")
# far below what the workers ask unhindered (up to 8 concurrent and 15 requests in a second per host)
CONCURRENT = 1
PER_SECOND = 5.0


@pytest.fixture
def running() -> Iterator[RunningWorld]:
    served = start_world(World())
    try:
        yield served
    finally:
        served.stop()


def budget_config(tmp_path: Path) -> Path:
    path = tmp_path / "crawl-budget.yaml"
    limit = {"concurrent": CONCURRENT, "requests_per_second": PER_SECOND}
    config = {"extends": str(CONFIG_DIR / "crawl-assessor.yaml"), "budget": {"replica": limit}}
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def test_three_workers_keep_every_host_within_the_budget(
    tmp_path: Path, pg_url: str, migrated_pg_template: str, redis_url: str, running: RunningWorld
) -> None:
    from tests.store.test_queue import fresh_pg

    demo = yaml.safe_load((CONFIG_DIR / "bodies" / "demo.yaml").read_text(encoding="utf-8"))
    registry = tmp_path / "three.yaml"
    chosen = {"name": "three", "bodies": [b for b in demo["bodies"] if b["id"] in BODIES]}
    registry.write_text(yaml.safe_dump(chosen, allow_unicode=True), encoding="utf-8")
    redis = redis_database(redis_url, 6)
    config = budget_config(tmp_path)
    databases = fresh_pg(pg_url, migrated_pg_template)
    db = next(databases)
    env = {**os.environ, "ASHYQ_DB_URL": db, "ASHYQ_REDIS_URL": redis, "ASHYQ_CRAWL_CONFIG": str(config)}
    workers = [start_worker(f"b{n}@test", env, tmp_path / f"b{n}.log") for n in (1, 2, 3)]
    try:
        args = nightly_args(registry, tmp_path / "out", db, running.urls, running.world)
        args[args.index("--crawl-config") + 1] = str(config)
        running.meter.reset()
        queued = runner.invoke(app, [*args, "--queue", "--redis", redis])
    finally:
        for worker in workers:
            stop(worker)
    logs = [(tmp_path / f"b{n}.log").read_text(errors="replace") for n in (1, 2, 3)]
    try:
        assert queued.exit_code in (0, 1), queued.output + "\n".join(logs)
        assert sum("ashyq.body" in log for log in logs) >= 2, logs  # the bodies were harvested side by side
        with session_scope(db) as session:
            assert len(session.scalars(select(Page.id)).all()) > 50
    finally:
        next(databases, None)

    meter = running.meter
    assert meter.requests("www.gov.kz") > 20
    for host in meter.hosts():
        assert meter.most_concurrent(host) <= CONCURRENT, (host, meter.most_concurrent(host))
        # the limiter counts a request when it is let through, the host when it arrives: one more may
        # land in a second at the host than the window let through
        assert meter.most_in_window(host, 1.0) <= PER_SECOND + 1, (host, meter.most_in_window(host, 1.0))
        assert meter.most_in_window(host, 4.0) <= 4 * PER_SECOND + 1, (host, meter.most_in_window(host, 4.0))
    # the shared host was asked by two workers, spread over the seconds the budget allowed: a moving
    # window lets PER_SECOND through in any one second, so at most PER_SECOND × (⌊span⌋ + 1) in the
    # span from the first request to the last (a burst may open each second: the mean rate itself may
    # exceed PER_SECOND a little), with the same one-request allowance as above
    asked = meter.requests("www.gov.kz")
    span = (asked - 1) / meter.mean_rate("www.gov.kz")
    assert asked <= PER_SECOND * (math.floor(span) + 1) + 1, (asked, span)


def test_processes_share_slots_through_redis(redis_url: str) -> None:
    """Two budgets on the same Redis (as two processes have) share one host's slots and its crawl delay."""
    url = redis_database(redis_url, 5)
    limit = HostLimit(concurrent=1, requests_per_second=100)
    policy = BudgetPolicy(replica=limit, replica_max_crawl_delay=10)
    first = HostBudget(policy, replica=True, redis_url=url)
    second = HostBudget(policy, replica=True, redis_url=url)
    held = first.acquire("shared.example")
    assert second.try_acquire("shared.example")[0] is None
    got: list[float] = []
    waiter = threading.Thread(target=lambda: got.append(second.acquire("shared.example", timeout=5).waited))
    waiter.start()
    threading.Event().wait(0.3)
    first.release(held)
    waiter.join()
    assert got and got[0] >= 0.25
    first.note_crawl_delay("slow.example", 4)
    assert second.limit_for("slow.example").requests_per_second == pytest.approx(0.25)


def test_a_killed_holder_frees_its_slot_when_the_lease_ends(redis_url: str) -> None:
    url = redis_database(redis_url, 5)
    limit = HostLimit(concurrent=1, requests_per_second=100)
    lease = 3  # long enough that a loaded machine's next step after the acquire still falls inside it
    policy = BudgetPolicy(replica=limit, lease_seconds=lease)
    lost = HostBudget(policy, replica=True, redis_url=url)
    other = HostBudget(policy, replica=True, redis_url=url)
    taken = time.monotonic()
    lost.acquire("lease.example")  # never released, as by a process killed mid-request
    assert other.try_acquire("lease.example")[0] is None
    permit = other.acquire("lease.example", timeout=lease + 5)
    # the slot comes free when the lease ends, three seconds after it was taken, not before; the wait is
    # counted from the first try, which a loaded machine may start well into the lease
    assert time.monotonic() - taken >= lease - 0.1
    assert 0 < permit.waited < lease + 2


def test_a_waited_result_is_let_go_while_redis_is_there(redis_url: str) -> None:
    """The nightly's wait on the join unsubscribes before it returns: nothing is left for the result's
    collection to do when Redis may be gone."""
    import uuid

    import redis as redis_client

    from ashyq.pipeline.queue import enqueue_run, make_app, wait_for

    url = redis_database(redis_url, 4)
    queue = make_app(url)
    # a chord as the nightly sends it (no worker takes it): Celery subscribes to every job it sends
    joined = enqueue_run(queue, f"run-{uuid.uuid4().hex}", ["a", "b"])
    assert queue.backend.result_consumer.subscribed_to
    queue.backend.store_result(joined.id, {"exit_code": 0}, "SUCCESS")
    try:
        assert wait_for(queue, joined) == {"exit_code": 0}
    finally:
        redis_client.Redis.from_url(url).flushdb()  # the jobs no worker took
    consumer = queue.backend.result_consumer
    assert not consumer.subscribed_to
    assert consumer._pubsub is None or consumer._pubsub.connection is None  # closed, nothing held open
