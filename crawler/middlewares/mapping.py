"""The base-URL map at the bottom of the downloader: fetch a mapped real URL from where it is served.

It is a download handler wrapping the real one (plain HTTP by default, or scrapy-playwright's via
``ASHYQ_INNER_DOWNLOAD_HANDLER``) rather than a middleware, because only at this level can the
fetch go elsewhere without the request changing: every middleware above - robots, the guard, the
trap limits, the WARC writer - and every spider sees the real URL, and the downloader's per-host
slots are the real hosts'. The response comes back under the real URL, and a Location header that
names a served address is rewritten to the real one. With an empty map it is a plain pass-through.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.http import Headers, Response
from scrapy.utils.misc import build_from_crawler, load_object

from ashyq.net.urlmap import BaseUrlMap

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

PLAIN_HTTP_HANDLER = "scrapy.core.downloader.handlers.http11.HTTP11DownloadHandler"


class MappedDownloadHandler:
    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        self.map = BaseUrlMap.from_mapping(crawler.settings.getdict("ASHYQ_BASE_URL_MAP"))
        inner_class = load_object(crawler.settings.get("ASHYQ_INNER_DOWNLOAD_HANDLER") or PLAIN_HTTP_HANDLER)
        self.inner: Any = build_from_crawler(inner_class, crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MappedDownloadHandler:
        return cls(crawler)

    async def download_request(self, request: Request) -> Response:
        served = self.map.to_served(request.url)
        if served is None:
            response: Response = await self.inner.download_request(request)
            return response
        answer: Response = await self.inner.download_request(request.replace(url=served))
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
        closing = getattr(self.inner, "close", None)
        if closing is not None:
            result = closing()
            if hasattr(result, "__await__"):
                await result
