"""The politeness budget per host in one process (no Redis): slots, the rate window, Crawl-delay, and
every fetch path holding a slot (the guarded client, the crawl's middleware)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from ashyq_replica.core import World
from ashyq_replica.server import RunningWorld, start_world
from scrapy import Request
from scrapy.http import TextResponse

from ashyq.crawler.middlewares.budget import PERMIT, HostBudgetMiddleware
from ashyq.net.budget import SLOWED_DELAY, HostBudget, rate_item
from ashyq.net.crawl_config import BudgetPolicy, HostLimit, load_crawl_config
from ashyq.net.fetch import GuardedClient
from ashyq.net.urlmap import BaseUrlMap


def budget(concurrent: int, rate: float, replica: bool = True) -> HostBudget:
    limit = HostLimit(concurrent=concurrent, requests_per_second=rate)
    return HostBudget(BudgetPolicy(replica=limit, default=limit, replica_max_crawl_delay=60), replica=replica)


def test_the_rate_window_never_lets_more_through_than_asked() -> None:
    for rate in (0.1, 0.4, 1.0, 1.5, 2.0, 7.0, 200.0):
        item = rate_item(rate)
        assert item.amount / item.get_expiry() <= rate + 1e-9
        assert item.amount / item.get_expiry() >= rate / 2  # and not far less


def test_the_default_policy_is_conservative_on_the_shared_hosts() -> None:
    policy = load_crawl_config().budget
    for host in ("www.gov.kz", "data.egov.kz", "budget.egov.kz", "legalacts.egov.kz", "dialog.egov.kz"):
        limit = policy.for_host(host, replica=False)
        assert host in policy.hosts and limit.concurrent <= 4 and limit.requests_per_second <= 2
    assert policy.for_host("WWW.GOV.KZ.", replica=False) == policy.hosts["www.gov.kz"]
    assert policy.for_host("www.gov.kz", replica=True) == policy.replica


def test_threads_never_hold_more_slots_than_the_host_allows() -> None:
    shared = budget(concurrent=2, rate=1000)
    held, most = 0, 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal held, most
        for _ in range(5):
            with shared.slot("www.gov.kz"):
                with lock:
                    held += 1
                    most = max(most, held)
                time.sleep(0.01)
                with lock:
                    held -= 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 2  # reached, never passed
    # another host has its own slots
    first, second = shared.acquire("a.example"), shared.acquire("a.example")
    assert shared.try_acquire("a.example")[0] is None
    assert shared.try_acquire("b.example")[0] is not None
    shared.release(first)
    shared.release(second)


def test_the_rate_spaces_requests_and_crawl_delay_lowers_it() -> None:
    shared = budget(concurrent=4, rate=4)
    started = time.monotonic()
    for _ in range(6):  # four in the first second, the next two after it
        shared.release(shared.acquire("www.gov.kz"))
    assert 0.9 < time.monotonic() - started < 2.5
    shared.note_crawl_delay("slow.example", 2.0)
    assert shared.limit_for("slow.example").requests_per_second == pytest.approx(0.5)
    assert shared.limit_for("www.gov.kz").requests_per_second == 4
    shared.release(shared.acquire("slow.example"))
    permit, wait = shared.try_acquire("slow.example")
    assert permit is None and 1.0 < wait <= 2.5


@pytest.fixture(scope="module")
def served() -> Iterator[RunningWorld]:
    running = start_world(World())
    try:
        yield running
    finally:
        running.stop()


def test_the_guarded_client_holds_a_slot_per_exchange(served: RunningWorld) -> None:
    url_map = BaseUrlMap.from_mapping(served.urls)
    shared = budget(concurrent=1, rate=1000)
    client = GuardedClient(url_map.policy(), "ashyq-test", url_map, timeout=10, budget=shared)
    served.meter.reset()
    threads = [threading.Thread(target=client.get, args=("https://www.gov.kz/robots.txt",)) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert served.meter.requests("www.gov.kz") == 5
    assert served.meter.most_concurrent("www.gov.kz") == 1
    assert shared.try_acquire("www.gov.kz")[0] is not None  # every slot was given back


def test_the_crawl_middleware_holds_a_slot_and_reads_crawl_delay() -> None:
    shared = budget(concurrent=1, rate=1000)
    middleware = HostBudgetMiddleware(shared, None)
    import asyncio

    request = Request("https://www.gov.kz/robots.txt")
    asyncio.run(middleware.process_request(request))
    assert PERMIT in request.meta and shared.try_acquire("www.gov.kz")[0] is None
    robots = b"User-agent: *\nCrawl-delay: 5\n"
    response = TextResponse(request.url, body=robots, encoding="utf-8", request=request)
    assert middleware.process_response(request, response) is response
    assert PERMIT not in request.meta
    assert shared.limit_for("www.gov.kz").requests_per_second == pytest.approx(0.2)
    # an exception gives the slot back too
    other = Request("https://other.example/")
    asyncio.run(middleware.process_request(other))
    assert shared.try_acquire("other.example")[0] is None
    middleware.process_exception(other, TimeoutError())
    assert shared.try_acquire("other.example")[0] is not None


def test_the_replica_crawl_delay_is_capped_by_its_own_setting() -> None:
    policy = load_crawl_config().budget
    replica, real = HostBudget(policy, replica=True), HostBudget(policy, replica=False)
    replica.note_crawl_delay("dialog.egov.kz", 1.0)  # the replica imitates the portal's robots.txt
    real.note_crawl_delay("dialog.egov.kz", 1.0)
    assert replica.limit_for("dialog.egov.kz") == policy.replica
    assert real.limit_for("dialog.egov.kz").requests_per_second == pytest.approx(1.0)
    real.note_crawl_delay("slow.example", 600)  # capped at max_crawl_delay
    assert real.limit_for("slow.example").requests_per_second == pytest.approx(1 / policy.max_crawl_delay)


def test_a_host_that_answered_too_many_requests_is_slowed_in_replica_mode_too() -> None:
    policy = load_crawl_config().budget
    replica = HostBudget(policy, replica=True)
    replica.note_crawl_delay("www.front.gov.kz", 1.0)  # a courtesy the replica's cap waives
    assert replica.limit_for("www.front.gov.kz") == policy.replica
    replica.note_too_many("www.front.gov.kz")  # a refusal of the host's own: its pace holds
    assert replica.limit_for("www.front.gov.kz").requests_per_second == pytest.approx(1 / SLOWED_DELAY)
    assert replica.limit_for("other.gov.kz") == policy.replica  # that host only
    real = HostBudget(policy, replica=False)
    real.note_crawl_delay("slow.gov.kz", 5.0)
    real.note_too_many("slow.gov.kz")  # a longer Crawl-delay the host asked for stays
    assert real.limit_for("slow.gov.kz").requests_per_second == pytest.approx(0.2)
