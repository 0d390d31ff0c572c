"""Retries with exponential back-off, honouring Retry-After, and retrying bot-wall answers.

Scrapy's retry middleware re-queues at once; a struggling government host answering 503 deserves
a pause. The pause is taken here (1 s, 2 s, 4 s … capped, or the server's Retry-After if longer)
before the retry request is handed back; it holds no per-host download slot while it waits.

A retry is let past the duplicate filter (Scrapy marks it ``dont_filter``); the request it retries
keeps its own choice in ``meta[FILTERED]``, so that a redirect the retry meets is filtered as the
first attempt's redirect would have been (see the redirect middleware in :mod:`.traps`).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.response import response_status_message

from ashyq.crawler.middlewares.failures import is_antibot

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


FILTERED = "ashyq_filtered"  # meta: whether the first attempt went through the duplicate filter


def retried(request: Request, retry: Request | None) -> Request | None:
    """The retry, remembering whether the attempt it repeats was filtered."""
    if retry is not None:
        retry.meta.setdefault(FILTERED, not request.dont_filter)
    return retry


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        self.crawler = crawler
        settings = crawler.settings
        self.backoff_base = settings.getfloat("ASHYQ_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("ASHYQ_BACKOFF_MAX", 30.0)
        self.retry_antibot = settings.getbool("ASHYQ_RETRY_ANTIBOT", True)
        self.markers: list[str] = settings.getlist("ASHYQ_ANTIBOT_MARKERS")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        if request.meta.get("dont_retry", False):
            return response
        antibot = self.retry_antibot and is_antibot(response, self.markers)
        if response.status in self.retry_http_codes or antibot:
            reason = response_status_message(response.status) + (" (bot wall)" if antibot else "")
            retry = retried(request, self._retry(request, reason))
            if retry is not None:
                await self._pause(retry, response)
                return retry
        return response

    async def process_exception(self, request: Request, exception: Exception) -> Any:  # type: ignore[override]
        if isinstance(exception, self.exceptions_to_retry) and not request.meta.get("dont_retry", False):
            retry = retried(request, self._retry(request, exception))
            if retry is not None:
                await self._pause(retry, None)
                return retry
        return None

    def delay_for(self, attempt: int, response: Response | None) -> float:
        delay = self.backoff_base * 2 ** max(attempt - 1, 0)
        if response is not None:
            delay = max(delay, _retry_after(response))
        return min(delay, self.backoff_max)

    async def _pause(self, retry: Request, response: Response | None) -> None:
        delay = self.delay_for(int(retry.meta.get("retry_times", 1)), response)
        if delay > 0:
            await asyncio.sleep(delay)


def _retry_after(response: Response) -> float:
    value = response.headers.get(b"Retry-After")
    if not value:
        return 0.0
    try:
        return max(float(value.decode("latin-1").strip()), 0.0)
    except ValueError:
        return 0.0  # an HTTP date: rare on these hosts; the exponential pause applies
