"""The crawl's one download handler, for http and https only: the base-URL map and the egress check
at the bottom of the downloader.

It wraps Scrapy's HTTP/1.1 handler, whose connections go through the egress resolver
(:mod:`ashyq.net.twisted_resolver`): the resolver is the connect-time check, this handler the last
look before it. It refuses what the policy can judge without the DNS (a scheme, a literal address,
a host outside the replica) and a request that names a proxy (a proxy would resolve names where no
check sees them), and turns a connection the resolver refused into a :class:`RefusedRequest` with
the policy's reason, so the failure is recorded as ``private_address``, not as a DNS error.

Mapping happens here rather than in a middleware because only at this level can the fetch go
elsewhere without the request changing: every middleware above - robots, the guard, the trap limits,
the WARC writer - and every spider sees the real URL, and the downloader's per-host slots are the
real hosts'. The response comes back under the real URL, and a Location header that names a served
address is rewritten to the real one. With an empty map it is a plain pass-through.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import CannotResolveHostError
from scrapy.http import Headers, Response

from ashyq.crawler.middlewares.failures import RefusedRequest
from ashyq.net.egress import Refusal, target_of
from ashyq.net.twisted_resolver import ensure_installed, policy_from_settings, refusal_for
from ashyq.net.urlmap import BaseUrlMap

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class MappedDownloadHandler:
    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        self.map = BaseUrlMap.from_mapping(crawler.settings.getdict("ASHYQ_BASE_URL_MAP"))
        self.policy = policy_from_settings(crawler.settings)
        ensure_installed(crawler.settings)  # the connect-time check, however the crawl was started
        self.inner = HTTP11DownloadHandler(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MappedDownloadHandler:
        return cls(crawler)

    async def download_request(self, request: Request) -> Response:
        served = self.map.to_served(request.url)
        fetched = served or request.url
        try:
            if request.meta.get("proxy"):
                raise Refusal("error", "a proxy would resolve names outside the egress check; not requested")
            self.policy.check_literal(fetched)
        except Refusal as refusal:
            raise RefusedRequest(refusal.reason, self.map.realise_text(refusal.detail)) from None
        try:
            if served is None:
                response: Response = await self.inner.download_request(request)
                return response
            answer: Response = await self.inner.download_request(request.replace(url=served))
        except CannotResolveHostError as error:
            refused = refusal_for(target_of(fetched).host)
            if refused is None:
                raise
            raise RefusedRequest(refused.reason, self.map.realise_text(refused.detail)) from error
        return answer.replace(url=request.url, headers=self._real_headers(answer.headers), request=request)

    def _real_headers(self, headers: Headers) -> Headers:
        location = headers.get(b"Location")
        if location is None:
            return headers
        real = self.map.to_real(location.decode("latin-1"))
        copied = headers.copy()
        copied[b"Location"] = real.encode("latin-1")
        return copied

    async def close(self) -> None:
        await self.inner.close()
