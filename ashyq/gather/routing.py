"""Where the gather step's browser may go: in replica mode every request for a real URL is answered by
the replica (``context.route`` → ``route.fetch`` of the served URL → ``route.fulfill``), so pages load
under their real URLs; outside replica mode, internal addresses are refused unless the caller allows
them (``ashyq check-page --allow-private-addresses``)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr

from ashyq.net.egress import internal_address
from ashyq.net.urlmap import BaseUrlMap


def url_map_of(mapping: BaseUrlMap | Mapping[str, str] | None) -> BaseUrlMap:
    if isinstance(mapping, BaseUrlMap):
        return mapping
    return BaseUrlMap.from_mapping(mapping or {})


def route_handler(url_map: BaseUrlMap, allow_private: bool = False) -> Callable[[Any, Any], Any]:
    async def handle(route: Any, request: Any) -> None:
        url = request.url
        if url.startswith(("data:", "blob:", "about:", "file:")):
            await route.continue_()
            return
        served = url_map.to_served(url)
        if served is not None:
            try:
                answer = await route.fetch(url=served, max_redirects=0)
            except Exception:  # the replica host is down or slow: the page sees a network error
                await route.abort("failed")
                return
            location = answer.headers.get("location")
            if 300 <= answer.status < 400 and location and request.is_navigation_request():
                # Chromium does not route the request a fulfilled redirect leads to, so the replica's
                # redirect becomes a client-side one: the browser then asks for the target itself.
                target = urljoin(url, url_map.to_real(urljoin(served, location)))
                await route.fulfill(status=200, content_type="text/html; charset=utf-8", body=_bounce(target))
                return
            await route.fulfill(response=answer)
            return
        if url_map:
            await route.abort("blockedbyclient")  # replica mode: nothing leaves the loopback replica
            return
        if not allow_private:
            loop = asyncio.get_running_loop()
            if await loop.run_in_executor(None, internal_address, url) is not None:
                await route.abort("addressunreachable")
                return
        await route.continue_()

    return handle


def _bounce(target: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="refresh" content={quoteattr("0;url=" + target)}>'
        f"<script>location.replace({json.dumps(target)})</script></head><body></body></html>"
    )
