"""Per-source robots.txt overrides, each with the reason recorded in the run's settings.

robots.txt is obeyed by default (Scrapy's middleware). A source listed under ``robots.overrides``
in ``ashyq/config/crawl.yaml`` - a URL prefix - is fetched even where robots.txt disallows it; the
request carries the override's reason, and the stats count how often each was used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy import Request

from ashyq.crawler.middlewares.traps import canonical_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

OVERRIDE_REASON = "ashyq_robots_override"  # meta: why robots.txt was not obeyed for this request


class RobotsOverrideMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.overrides: list[tuple[str, str]] = [
            (canonical_url(entry["source"]), entry["reason"])
            for entry in crawler.settings.getlist("ASHYQ_ROBOTS_OVERRIDES")
        ]

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RobotsOverrideMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if not self.overrides or request.meta.get("dont_obey_robotstxt"):
            return None
        url = canonical_url(request.url)
        for source, reason in self.overrides:
            if url.startswith(source.rstrip("/")):
                request.meta["dont_obey_robotstxt"] = True
                request.meta[OVERRIDE_REASON] = reason
                if self.stats is not None:
                    self.stats.inc_value(f"ashyq/robots_override/{source}")
                break
        return None
