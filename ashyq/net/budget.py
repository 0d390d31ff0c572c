"""One politeness budget per host for every process that fetches: concurrent requests and requests
per second, shared by all the crawl processes and workers of a fleet through Redis.

Every fetch path asks the budget before it sends a request to a host: the Scrapy crawl (through
:class:`ashyq.crawler.middlewares.budget.HostBudgetMiddleware`), the guarded client of the declared
reports' link check and ``check-page`` (:class:`ashyq.net.fetch.GuardedClient`), and the browser's egress
proxy. A request goes out once it holds

* one of the host's *concurrency slots*: ``concurrent`` locks named after the host (redis-py's
  :class:`redis.lock.Lock`, each with a lease so a killed worker's slot frees itself), and
* a hit in the host's *rate window*: the moving-window limiter of the ``limits`` library (a sorted
  list per host in Redis, updated by one atomic script), ``requests_per_second`` - or fewer when the
  host's robots.txt asks for a ``Crawl-delay``.

The crawl notes the ``Crawl-delay`` it reads in robots.txt here (:meth:`HostBudget.note_crawl_delay`),
and a host that answered 429 is slowed the same way (:meth:`HostBudget.note_too_many`); with Redis every
other process sees it too.

Without Redis (``ASHYQ_REDIS_URL`` unset: the embedded single-machine mode) the same limits hold
within the process - the library's in-memory storage and a counted slot set - which is what one
process running all the bodies needs.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import os
import random
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from limits import RateLimitItem, RateLimitItemPerSecond
from limits.storage import MemoryStorage, RedisStorage, Storage
from limits.strategies import MovingWindowRateLimiter

if TYPE_CHECKING:
    from ashyq.net.crawl_config import BudgetPolicy, HostLimit

REDIS_URL_VARIABLE = "ASHYQ_REDIS_URL"
KEY_PREFIX = "ashyq-budget"
# how often a request waiting for a slot looks again (with jitter, so waiting processes do not march)
POLL_SECONDS = 0.05
CRAWL_DELAY_TTL = 24 * 3600


class BudgetTimeout(TimeoutError):
    """No slot or rate window opened for the host in the time the caller could wait."""


@dataclass(frozen=True)
class Permit:
    """A held concurrency slot: give it back with :meth:`HostBudget.release`."""

    host: str
    slot: int
    token: str
    waited: float = 0.0


class _Slots(Protocol):
    def take(self, host: str, limit: int) -> Permit | None: ...
    def give(self, permit: Permit) -> None: ...
    def note_delay(self, host: str, seconds: float) -> None: ...
    def delay(self, host: str) -> float | None: ...


class _MemorySlots:
    """Concurrency slots and crawl delays of one process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[str, set[int]] = {}
        self._delays: dict[str, float] = {}

    def take(self, host: str, limit: int) -> Permit | None:
        with self._lock:
            held = self._held.setdefault(host, set())
            free = next((slot for slot in range(limit) if slot not in held), None)
            if free is None:
                return None
            held.add(free)
            return Permit(host, free, "")

    def give(self, permit: Permit) -> None:
        with self._lock:
            self._held.get(permit.host, set()).discard(permit.slot)

    def note_delay(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delays[host] = seconds

    def delay(self, host: str) -> float | None:
        with self._lock:
            return self._delays.get(host)


class _RedisSlots:
    """Concurrency slots as leased Redis locks, one per slot: ``limit`` locks form the host's
    semaphore. A lock's lease outlives any one exchange (download timeout plus a margin), so a
    slot held by a process that was killed frees itself when the lease ends."""

    def __init__(self, url: str, lease_seconds: float) -> None:
        import redis

        self._client = redis.Redis.from_url(url)
        self._lease = lease_seconds
        self._locks: dict[str, Any] = {}
        self._guard = threading.Lock()
        self._client.ping()  # a fleet without its Redis must not crawl on a budget of its own

    def _name(self, host: str, slot: int) -> str:
        return f"{KEY_PREFIX}:slot:{host}:{slot}"

    def take(self, host: str, limit: int) -> Permit | None:
        start = random.randrange(limit)
        for offset in range(limit):
            slot = (start + offset) % limit
            lock = self._client.lock(self._name(host, slot), timeout=self._lease, blocking=False)
            if lock.acquire(blocking=False):
                token = uuid.uuid4().hex
                with self._guard:
                    self._locks[token] = lock
                return Permit(host, slot, token)
        return None

    def give(self, permit: Permit) -> None:
        with self._guard:
            lock = self._locks.pop(permit.token, None)
        if lock is None:
            return
        import redis.exceptions

        # the lease may have run out meanwhile: then the slot is already free
        with contextlib.suppress(redis.exceptions.LockError):
            lock.release()

    def note_delay(self, host: str, seconds: float) -> None:
        self._client.set(f"{KEY_PREFIX}:crawl-delay:{host}", json.dumps(seconds), ex=CRAWL_DELAY_TTL)

    def delay(self, host: str) -> float | None:
        raw = self._client.get(f"{KEY_PREFIX}:crawl-delay:{host}")
        return float(json.loads(raw)) if raw is not None else None


SLOWED_DELAY = 1.0  # seconds between requests to a host that answered 429


def rate_item(requests_per_second: float) -> RateLimitItem:
    """The moving window that never lets more than ``requests_per_second`` through on average:
    ``n`` requests per ``p`` seconds with ``n / p <= requests_per_second``."""
    period = max(1, math.ceil(1 / requests_per_second - 1e-9))
    amount = max(1, math.floor(requests_per_second * period + 1e-9))
    return RateLimitItemPerSecond(amount, period)


@dataclass
class HostBudget:
    """The budget of every host for this process, kept where the fleet shares it (or in memory)."""

    policy: BudgetPolicy
    replica: bool = False
    redis_url: str | None = None
    _slots: _Slots = field(init=False)
    _limiter: MovingWindowRateLimiter = field(init=False)

    def __post_init__(self) -> None:
        if self.redis_url:
            self._slots = _RedisSlots(self.redis_url, self.policy.lease_seconds)
            storage: Storage = RedisStorage(self.redis_url, key_prefix=KEY_PREFIX)
        else:
            self._slots = _MemorySlots()
            storage = MemoryStorage()
        self._limiter = MovingWindowRateLimiter(storage)

    @property
    def shared(self) -> bool:
        return bool(self.redis_url)

    def limit_for(self, host: str) -> HostLimit:
        """The host's limits, with its robots.txt Crawl-delay applied."""
        limit = self.policy.for_host(host, self.replica)
        delay = self._slots.delay(host)
        if delay and delay > 0 and 1 / delay < limit.requests_per_second:
            return limit.model_copy(update={"requests_per_second": 1 / delay})
        return limit

    def note_crawl_delay(self, host: str, seconds: float) -> None:
        """The host's robots.txt asks for ``seconds`` between requests (capped by the policy)."""
        cap = self.policy.replica_max_crawl_delay if self.replica else self.policy.max_crawl_delay
        if cap > 0 and seconds > 0:
            self._slots.note_delay(host, min(seconds, cap))

    def note_too_many(self, host: str) -> None:
        """The host answered 429 (too many requests): from then on it is asked at most once in
        :data:`SLOWED_DELAY` seconds (or at its robots.txt Crawl-delay when that is longer), in replica mode
        too - a refusal of the host's own, not a courtesy the policy caps."""
        self._slots.note_delay(host, max(self._slots.delay(host) or 0.0, SLOWED_DELAY))

    def try_acquire(self, host: str) -> tuple[Permit | None, float]:
        """A permit now, or ``None`` and how long to wait before asking again."""
        limit = self.limit_for(host)
        permit = self._slots.take(host, limit.concurrent)
        if permit is None:
            return None, POLL_SECONDS * (0.5 + random.random())
        item = rate_item(limit.requests_per_second)
        if self._limiter.hit(item, host):
            return permit, 0.0
        self._slots.give(permit)
        stats = self._limiter.get_window_stats(item, host)
        wait = max(stats.reset_time - time.time(), POLL_SECONDS)
        return None, min(wait, float(item.get_expiry())) * (1 + 0.1 * random.random())

    def acquire(self, host: str, timeout: float | None = None) -> Permit:
        """Wait (blocking this thread) for a permit for ``host``."""
        started = time.monotonic()
        while True:
            permit, wait = self.try_acquire(host)
            if permit is not None:
                return Permit(permit.host, permit.slot, permit.token, time.monotonic() - started)
            if timeout is not None and time.monotonic() - started + wait > timeout:
                raise BudgetTimeout(f"no request to {host} allowed within {timeout:g} s")
            time.sleep(wait)

    async def acquire_async(self, host: str) -> Permit:
        """Wait (in the event loop) for a permit for ``host``."""
        started = time.monotonic()
        while True:
            permit, wait = self.try_acquire(host)
            if permit is not None:
                return Permit(permit.host, permit.slot, permit.token, time.monotonic() - started)
            await asyncio.sleep(wait)

    def release(self, permit: Permit) -> None:
        self._slots.give(permit)

    @contextmanager
    def slot(self, host: str, timeout: float | None = None) -> Iterator[Permit]:
        permit = self.acquire(host, timeout)
        try:
            yield permit
        finally:
            self.release(permit)


_shared: dict[tuple[str | None, bool, str], HostBudget] = {}
_shared_lock = threading.Lock()


def host_budget(policy: BudgetPolicy, replica: bool, redis_url: str | None = None) -> HostBudget:
    """The process's budget for this policy: one object per process, so every crawler, client and
    proxy of the process counts against the same slots. ``redis_url`` defaults to ``ASHYQ_REDIS_URL``;
    without it the budget lives in this process only."""
    url = redis_url if redis_url is not None else os.environ.get(REDIS_URL_VARIABLE) or None
    key = (url, replica, policy.model_dump_json())
    with _shared_lock:
        if key not in _shared:
            _shared[key] = HostBudget(policy, replica, url)
        return _shared[key]
