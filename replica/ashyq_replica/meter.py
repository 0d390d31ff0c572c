"""What each replica host was asked, as the host saw it: requests in flight at once and when each
arrived, whichever client or process sent them. A test or a benchmark reads it to show that the
fleet's politeness budget held (:mod:`ashyq.net.budget`): the most concurrent requests a host ever
answered, and the most requests it received in any window of a given length.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
MAX_ARRIVALS = 500_000  # per host; a national-size bench stays far below


@dataclass
class HostLoad:
    in_flight: int = 0
    most_in_flight: int = 0
    arrivals: list[float] = field(default_factory=list)  # monotonic seconds


class HostMeter:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hosts: dict[str, HostLoad] = {}

    def middleware(self, host: str) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
        @web.middleware
        async def meter(request: web.Request, handler: Handler) -> web.StreamResponse:
            self._enter(host)
            try:
                return await handler(request)
            finally:
                self._leave(host)

        return meter

    def _enter(self, host: str) -> None:
        with self._lock:
            load = self._hosts.setdefault(host, HostLoad())
            load.in_flight += 1
            load.most_in_flight = max(load.most_in_flight, load.in_flight)
            if len(load.arrivals) < MAX_ARRIVALS:
                load.arrivals.append(time.monotonic())

    def _leave(self, host: str) -> None:
        with self._lock:
            self._hosts[host].in_flight -= 1

    def reset(self) -> None:
        with self._lock:
            self._hosts = {host: HostLoad(in_flight=load.in_flight) for host, load in self._hosts.items()}

    def hosts(self) -> list[str]:
        with self._lock:
            return sorted(host for host, load in self._hosts.items() if load.arrivals)

    def requests(self, host: str) -> int:
        with self._lock:
            return len(self._hosts.get(host, HostLoad()).arrivals)

    def most_concurrent(self, host: str) -> int:
        with self._lock:
            return self._hosts.get(host, HostLoad()).most_in_flight

    def most_in_window(self, host: str, seconds: float) -> int:
        """The most requests that arrived at ``host`` within any ``seconds`` (a sliding window)."""
        with self._lock:
            arrivals = list(self._hosts.get(host, HostLoad()).arrivals)
        best = 0
        for index, start in enumerate(arrivals):
            end = bisect.bisect_left(arrivals, start + seconds, lo=index)
            best = max(best, end - index)
        return best

    def mean_rate(self, host: str) -> float:
        """Requests per second from the host's first request to its last."""
        with self._lock:
            arrivals = list(self._hosts.get(host, HostLoad()).arrivals)
        if len(arrivals) < 2:
            return 0.0
        return (len(arrivals) - 1) / max(arrivals[-1] - arrivals[0], 1e-6)
