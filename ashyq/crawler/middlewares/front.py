"""Past an anti-DDoS front as a browser passes it (:mod:`ashyq.net.front`).

A host behind a protection service answers a client it has not cleared with a «checking your browser»
interstitial (503, 403 or 429) whose script sets a clearance cookie and loads the address again. A reader's
browser does that in a few seconds and reads the site; Scrapy runs no script and would record every page of
the site refused. Here such an answer is taken to Debian Chromium (:func:`ashyq.crawler.render.pass_browser_check`,
the crawl's egress policy, replica routing and politeness budget included): the cookies the browser holds once
the page behind the front has come are given to the request, asked again, and from then on carried by every
request to the host (Scrapy's cookie jar). A front the browser does not pass, or one that asks again after
:data:`MAX_PASSES` passes of a host, is left as its answer: a refusal, recorded, and not assessed.

Placed nearer the download than the retry middleware, so that a front's answer is passed before it is
retried as an error.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.http import Response

from ashyq.net.front import FRONT_READ_CHARS, FRONT_STATUSES, is_browser_check

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)

MAX_PASSES = 3  # browser passes per host in one crawl (a clearance that expires is passed again)
PASSED = "ashyq_front_passed"  # meta: the cookies this request was given after a pass


class BrowserCheckMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.enabled = crawler.settings.getbool("ASHYQ_PASS_FRONTS", True)
        self.cleared: dict[str, dict[str, str]] = {}  # host → the cookies of its last pass
        self.passes: dict[str, int] = {}
        self.locks: dict[str, asyncio.Lock] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BrowserCheckMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if not self.enabled or response.status not in FRONT_STATUSES:
            return response
        if not is_browser_check(response.status, response.body[: 4 * FRONT_READ_CHARS].decode("utf-8", "replace")):
            return response
        host = urlsplit(request.url).hostname or ""
        async with self.locks.setdefault(host, asyncio.Lock()):
            cookies = self.cleared.get(host)
            if cookies is None or request.meta.get(PASSED) == cookies:  # never passed, or passed and asked again
                cookies = await self._pass(request.url, host)
        if not cookies:
            return response
        again = request.replace(cookies={**_cookies_of(request), **cookies}, dont_filter=True)
        again.meta[PASSED] = cookies
        return again

    async def _pass(self, url: str, host: str) -> dict[str, str] | None:
        if self.passes.get(host, 0) >= MAX_PASSES:
            return None
        self.passes[host] = self.passes.get(host, 0) + 1
        from ashyq.crawler.render import pass_browser_check

        try:
            cookies = await pass_browser_check(url, self.crawler.settings)
        except Exception as error:  # no browser, a refusal, a timeout: the front's answer stands
            log.warning("the browser could not pass the front before %s: %s", host, error)
            cookies = {}
        self.cleared[host] = cookies
        return cookies


def _cookies_of(request: Request) -> dict[str, Any]:
    cookies = request.cookies
    return {str(k): v for k, v in cookies.items()} if isinstance(cookies, dict) else {}
