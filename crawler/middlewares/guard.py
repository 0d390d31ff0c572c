"""The address guard: no request to a private, loopback or link-local address ever leaves.

Runs first among the request checks, before robots.txt (which would otherwise fetch
``http://10.0.0.5/robots.txt``). A target that is a literal internal address, or a name that
resolves to one, is refused as ``private_address`` before any connection is made. Names are
resolved without blocking the reactor and the answer is cached per host.

Replica mode (a base-URL map is given) allows exactly the replica's served addresses - a mapped
real URL is fetched from one of them - and refuses every other host as ``offsite``: the replica is
a closed world, and a demo must not wander onto the real network.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy import Request

from ashyq.crawler.middlewares.failures import RefusedRequest
from ashyq.net.egress import internal_address
from ashyq.net.urlmap import BaseUrlMap

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


def _internal(address: str) -> bool:
    # The same judgement as ashyq.net.egress, applied to an address we resolved ourselves.
    return internal_address(f"http://{_bracketed(address)}/", resolve=False) is not None


def _bracketed(address: str) -> str:
    return f"[{address}]" if ":" in address else address


class AddressGuardMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.map = BaseUrlMap.from_mapping(crawler.settings.getdict("ASHYQ_BASE_URL_MAP"))
        self.replica = bool(self.map)
        self.resolve = crawler.settings.getbool("ASHYQ_GUARD_RESOLVE", True)
        self._resolved: dict[str, str | None] = {}
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        url = request.url
        if self.replica and (self.map.to_served(url) is not None or self.map.is_served_address(url)):
            return None  # fetched from the replica's own loopback address
        host = urlsplit(url).hostname or ""
        found = internal_address(url, resolve=False)
        if found is None and self.resolve and host and not _is_literal(host):
            found = await self._resolve(host)
        if found is not None:
            if self.stats is not None:
                self.stats.inc_value("ashyq/guard/refused")
            raise RefusedRequest("private_address", f"{host} is the internal address {found}; not requested")
        if self.replica:
            raise RefusedRequest("offsite", f"{host} is not part of the replica (replica mode); not requested")
        return None

    async def _resolve(self, host: str) -> str | None:
        if host in self._resolved:
            return self._resolved[host]
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError):
            infos = []  # an unresolvable name is not internal; the fetch fails and is recorded
        found = next((str(info[4][0]) for info in infos if _internal(str(info[4][0]))), None)
        self._resolved[host] = found
        return found


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
