"""The address guard: the egress policy's early word on every request the crawl makes.

Runs first among the request checks, before robots.txt (which would otherwise fetch
``http://10.0.0.5/robots.txt``), and sees every request - a redirect hop is a new request and passes
here again. It refuses what can be judged without the DNS: a scheme other than http(s) (a sitemap's
``file:///etc/hostname``), a literal internal address, a ``localhost`` name, and in replica mode
every host the replica does not serve (``offsite``: the replica is a closed world). A mapped real
URL is judged by where it is served from, never waved through.

Names are judged where they are connected to: the crawl's resolver
(:mod:`ashyq.net.twisted_resolver`) resolves once and refuses a non-global answer, so a name that
answers differently to an earlier look (DNS rebinding) cannot pass; the download handler records
that refusal with the same reason, ``private_address``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy import Request

from ashyq.crawler.middlewares.failures import RefusedRequest
from ashyq.net.egress import Refusal
from ashyq.net.twisted_resolver import policy_from_settings
from ashyq.net.urlmap import BaseUrlMap

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class AddressGuardMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.map = BaseUrlMap.from_mapping(crawler.settings.getdict("ASHYQ_BASE_URL_MAP"))
        self.policy = policy_from_settings(crawler.settings)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        try:
            self.policy.check_literal(self.map.to_served(request.url) or request.url)
        except Refusal as refusal:
            if self.stats is not None:
                self.stats.inc_value("ashyq/guard/refused")
            raise RefusedRequest(refusal.reason, self.map.realise_text(refusal.detail)) from None
