"""The fleet's politeness budget in the crawl: a request is sent only while it holds one of its
host's concurrency slots and a hit in the host's rate window (:mod:`ashyq.net.budget`), shared by
every crawler of the process and, through Redis, by every process of the fleet.

It sits next to the download handler (after retries and redirects have made their requests), so
each exchange that reaches a host is counted once, robots.txt's too; a response or an exception
gives the slot back. Scrapy's own per-crawler slots and AutoThrottle still apply within a crawler.
A robots.txt read here that names a ``Crawl-delay`` for our robot lowers the host's rate for the
whole fleet, and so does a host's 429 answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from protego import Protego
from scrapy import Request
from scrapy.http import Response

from ashyq.net.budget import HostBudget, Permit, host_budget
from ashyq.net.crawl_config import BudgetPolicy
from ashyq.net.identity import ROBOTS_NAME

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

PERMIT = "ashyq_budget_permit"  # meta: the slot this request holds while it is being downloaded


class HostBudgetMiddleware:
    def __init__(self, budget: HostBudget, stats: StatsCollector | None) -> None:
        self.budget = budget
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostBudgetMiddleware:
        policy = BudgetPolicy.model_validate(crawler.settings.getdict("ASHYQ_BUDGET"))
        return cls(host_budget(policy, crawler.settings.getbool("ASHYQ_REPLICA")), crawler.stats)

    async def process_request(self, request: Request) -> None:
        host = (urlsplit(request.url).hostname or "").lower()
        if not host or PERMIT in request.meta:
            return None
        permit = await self.budget.acquire_async(host)
        request.meta[PERMIT] = permit
        if self.stats is not None:
            self.stats.inc_value("ashyq/budget/requests")
            self.stats.inc_value("ashyq/budget/waited_ms", int(permit.waited * 1000))
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        self._release(request)
        if urlsplit(request.url).path == "/robots.txt" and response.status == 200:
            self._note_crawl_delay(request, response)
        elif response.status == 429 and (host := (urlsplit(request.url).hostname or "").lower()):
            self.budget.note_too_many(host)  # the host's own pace: every later request waits for it
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        self._release(request)
        return None

    def _release(self, request: Request) -> None:
        permit = request.meta.pop(PERMIT, None)
        if isinstance(permit, Permit):
            self.budget.release(permit)

    def _note_crawl_delay(self, request: Request, response: Response) -> None:
        try:
            text = response.body.decode("utf-8", errors="replace")
            delay = Protego.parse(text).crawl_delay(ROBOTS_NAME)
        except Exception:  # a robots.txt is hostile input; one that cannot be read sets no delay
            return
        host = (urlsplit(request.url).hostname or "").lower()
        if delay and host:
            self.budget.note_crawl_delay(host, float(delay))
            if self.stats is not None:
                self.stats.set_value(f"ashyq/budget/crawl_delay/{host}", float(delay))
