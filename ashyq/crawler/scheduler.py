"""The crawl's order: one depth at a time, each depth in the order of its requests, whatever the timing.

Scrapy's own scheduler hands requests out as the responses that found them arrive, and the trap
limits (the page limit, the repeated-pattern limits: :mod:`ashyq.crawler.middlewares.traps`)
admit the first requests they see. So which pages a limit kept depended on which server answered
first: a 503 and its retry, or one slow answer, moved the limit's edge, and two harvests of the
same site under the same limit kept different pages (and scored differently).

:class:`LevelScheduler` makes the order a property of the site:

* the requests found at depth d+1 (Scrapy's ``depth``: responses between the start and the request)
  are held until every request of depth ≤ d is done: downloaded, retried, redirected, parsed and its
  links scheduled, and the spider's start requests are all read;
* then they are released in one sort: priority, URL, method, body, headers (the page that linked
  the request and its language among them), cookies;
* each released request passes the duplicate filter and the trap limits in that order, and the
  limits' verdict travels with it (``meta[ADMISSION]``) for the trap middleware to carry out.

Retries and redirect hops of a released request keep its depth and go straight on. The cost is a
pause at each depth's end while its last answer comes in; the politeness budget per host, not this,
limits a real night. The order is the breadth-first order the page limit always meant to keep (the
shallow pages, which matter most), now kept to the request.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.core.scheduler import Scheduler

from ashyq.crawler.middlewares.traps import ADMISSION, is_page_request, trap_limits

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.defer import Deferred


def depth_of(request: Request) -> int:
    return int(request.meta.get("depth", 0))


def release_order(request: Request) -> tuple[Any, ...]:
    """A total order of a depth's requests that depends on the requests alone."""
    headers = sorted((bytes(name), tuple(bytes(v) for v in values)) for name, values in request.headers.items())
    return (-request.priority, request.url, request.method, request.body, headers, repr(request.cookies))


class LevelScheduler(Scheduler):
    """Scrapy's scheduler behind a gate that opens one depth at a time (see the module's text)."""

    def open(self, spider: Any) -> Deferred[None] | None:
        self.held: dict[int, list[Request]] = defaultdict(list)
        self.level = 0
        self.start_read = False  # set by StartReadMiddleware when the spider's start() is exhausted
        opened = super().open(spider)
        # The limits' verdicts are written into the queued requests themselves: a disk queue (JOBDIR)
        # would hold copies.
        if self.dqs is not None:
            raise RuntimeError("the crawl's scheduler keeps its queue in memory: no JOBDIR")
        return opened

    def enqueue_request(self, request: Request) -> bool:
        depth = depth_of(request)
        if depth > self.level:
            self.held[depth].append(request)
            return True
        return self._admit(request)

    def next_request(self) -> Request | None:
        request = super().next_request()
        while request is None and self._open_next_level():
            request = super().next_request()
        return request

    def __len__(self) -> int:  # Scrapy's has_pending_requests() counts the held requests through it
        return super().__len__() + sum(len(batch) for batch in self.held.values())

    # ── the gate ──────────────────────────────────────────────────────────────────────────────

    def _admit(self, request: Request) -> bool:
        if not super().enqueue_request(request):
            return False
        # A new page is judged here, once, whatever meta it copied; a retry or a redirect hop keeps
        # the verdict of the request it follows.
        if is_page_request(request) or ADMISSION not in request.meta:
            request.meta[ADMISSION] = trap_limits(self._crawler).judge(request)
        return True

    def _open_next_level(self) -> bool:
        if not self.held or super().__len__() or not self.start_read or self._busy():
            return False
        self.level = min(self.held)
        for request in sorted(self.held.pop(self.level), key=release_order):
            if not self._admit(request):
                self._crawler.signals.send_catch_log(signals.request_dropped, request=request, spider=self.spider)
        return True

    def _busy(self) -> bool:
        """Whether a request is still being downloaded or its response parsed (its links may be coming)."""
        engine = self._crawler.engine
        assert engine is not None
        scraping = engine.scraper.slot
        return bool(engine.downloader.active) or bool(scraping is not None and (scraping.queue or scraping.active))

    @property
    def _crawler(self) -> Crawler:
        assert self.crawler is not None
        return self.crawler


class StartReadMiddleware:
    """Tells the crawl's :class:`LevelScheduler` when the spider's start requests are all read."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StartReadMiddleware:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        try:
            async for item_or_request in start:
                yield item_or_request
        finally:
            self._mark_read()

    def _mark_read(self) -> None:
        engine = self.crawler.engine
        scheduler = engine.scheduler if engine is not None else None
        if isinstance(scheduler, LevelScheduler):
            scheduler.start_read = True
            # The gate may be all that is left to open, and nothing else would ask for the next
            # request before the engine's heartbeat (seconds later).
            slot = getattr(engine, "_slot", None)
            if slot is not None:
                slot.nextcall.schedule()
