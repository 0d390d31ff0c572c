"""The site spider's link graph: click depths and link statuses handed to the store when it closes.

Click depths are shortest paths over the link graph (the mobile version over its own), recomputed
when the spider closes (:meth:`SiteGraph.final_depths`): with parallel downloads a page can first be
reached the long way, and the depths must not depend on which answer came first. The same bytes at a
second URL are one page: the second URL is an alias of the first, and a link to it counts as a link to
the page it names.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from ashyq.crawler.middlewares.traps import canonical_url
from ashyq.crawler.spiders.body import BodySpider
from ashyq.crawler.spiders.site_mobile import MOBILE_SOURCE


class SiteGraph(BodySpider):
    """What the site spider knows of the links between pages, and of every address's HTTP status."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.homes: dict[str, str] = {}  # a language → its home page (where the switch leads)
        self.entries: set[str] = set()
        self.graph: dict[str, list[str]] = {}
        self.page_langs: dict[str, str | None] = {}
        self.alias: dict[str, str] = {}
        self.digests: dict[tuple[str | None, str], str] = {}  # (language, content digest) → its first URL
        self.statuses: dict[str, int] = {}
        # the mobile version's own link graph: its entries (linked from the full site or where a phone
        # lands) are 0 clicks, the rest shortest paths from them (:meth:`final_depths`)
        self.mobile_entries: set[str] = set()
        self.mobile_graph: dict[str, list[str]] = {}
        self.mobile_alias: dict[str, str] = {}

    def on_error(self, failure: Failure) -> None:
        super().on_error(failure)
        request = getattr(failure, "request", None)
        if request is not None and isinstance(failure.value, HttpError):
            self._note_status(request, failure.value.response.status)

    def _note_status(self, request: Any, status: int) -> None:
        if isinstance(request, str):
            self.statuses[canonical_url(request)] = status
            return
        for url in [*request.meta.get("redirect_urls", []), request.url]:
            self.statuses[canonical_url(url)] = status

    def _resolve(self, url: str, alias: dict[str, str] | None = None) -> str:
        return _resolved(url, self.alias if alias is None else alias)

    def final_depths(self) -> dict[str, dict[str, int]]:
        """Shortest click paths over the link graph, whatever order the answers came in: on the full
        site from each language's home page to its pages (the entry page is 0), on the mobile version
        from its entries."""
        depths: dict[str, int] = {}
        for lang, home in self.homes.items():
            distance = _clicks([self._resolve(home)], self.graph, self.alias)
            for page, clicks in distance.items():
                if self.page_langs.get(page) == lang and page in self.graph:
                    depths[page] = min(clicks, depths.get(page, clicks))
        for entry in self.entries:
            resolved = self._resolve(entry)
            if resolved in self.graph:
                depths[resolved] = 0
        entries = [self._resolve(e, self.mobile_alias) for e in sorted(self.mobile_entries)]
        mobile = _clicks(entries, self.mobile_graph, self.mobile_alias)
        return {
            self.source: depths,
            MOBILE_SOURCE: {page: clicks for page, clicks in mobile.items() if page in self.mobile_graph},
        }

    def link_statuses(self) -> dict[str, int]:
        statuses = dict(self.statuses)
        for url in self.alias:
            if url not in statuses and self._resolve(url) in statuses:
                statuses[url] = statuses[self._resolve(url)]
        return statuses


def _resolved(url: str, alias: dict[str, str]) -> str:
    """The page an address stands for (an alias names the first URL its bytes were seen at)."""
    hops = 0
    while url in alias and alias[url] != url and hops < 20:
        url, hops = alias[url], hops + 1
    return url


def _clicks(starts: list[str], graph: dict[str, list[str]], alias: dict[str, str]) -> dict[str, int]:
    """Breadth first over ``graph`` from ``starts`` (0 clicks each), a link to an alias counted as one
    to the page it names."""
    distance = dict.fromkeys(starts, 0)
    queue = deque(starts)
    while queue:
        page = queue.popleft()
        for target in graph.get(page, []):
            target = _resolved(target, alias)
            if target not in distance:
                distance[target] = distance[page] + 1
                queue.append(target)
    return distance
