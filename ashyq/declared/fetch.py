"""Fetching a declared link politely: robots.txt obeyed, one request per host at a time with a delay,
an identifying user agent, every exchange archived in the run's WARC, private and loopback addresses
refused outside replica mode; in replica mode the base-URL map sends the request to the replica and
the archive keeps the real URL.

A re-verification fetches a few dozen links per body, one after the other: a plain synchronous client
is enough and keeps the order of the WARC records the order of the report.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import requests
from protego import Protego

from ashyq.crawler.settings import CrawlConfig
from ashyq.net.egress import internal_address
from ashyq.net.urlmap import BaseUrlMap
from ashyq.store.warc import WarcArchive, WarcRef

MAX_REDIRECTS = 5
MAX_BYTES = 8 * 1024 * 1024  # a declared page, not a download: larger answers are cut


@dataclass(frozen=True)
class Fetched:
    """What a link gave: the page, or why there is none (``failure`` as the crawler names reasons)."""

    url: str  # as declared
    final_url: str | None = None  # after redirects, real URL
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    failure: str | None = None  # robots | private_address | timeout | antibot | http_status | error
    detail: str | None = None
    warc: WarcRef | None = None
    fetched_at: datetime | None = None

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass
class PoliteFetcher:
    config: CrawlConfig
    url_map: BaseUrlMap = field(default_factory=BaseUrlMap)
    archive: WarcArchive | None = None
    session: requests.Session = field(default_factory=requests.Session)
    _robots: dict[str, Protego | None] = field(default_factory=dict)
    _last_request: dict[str, float] = field(default_factory=dict)

    @property
    def replica(self) -> bool:
        return bool(self.url_map)

    @property
    def delay(self) -> float:
        politeness = self.config.replica_politeness if self.replica else self.config.politeness
        return politeness.download_delay

    def fetch(self, url: str) -> Fetched:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            refused = self._refusal(current)
            if refused is not None:
                return Fetched(url, current, failure=refused[0], detail=refused[1])
            got = self._get(current)
            if got.failure is not None:
                return Fetched(url, current, got.status, failure=got.failure, detail=got.detail, warc=got.warc)
            if got.status in (301, 302, 303, 307, 308) and got.detail:
                current = urljoin(current, got.detail)
                continue
            return Fetched(url, current, got.status, got.body, got.content_type, self._failure_of(got), None,
                           got.warc, got.fetched_at)  # fmt: skip
        return Fetched(url, current, failure="error", detail=f"more than {MAX_REDIRECTS} redirects")

    # ------------------------------------------------------------------------------------------ guards
    def _refusal(self, url: str) -> tuple[str, str] | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return "error", f"not an http(s) URL: {url}"
        mapped = self.url_map.to_served(url) is not None
        if not mapped:
            if self.replica:
                # Replica mode contacts nothing but the replica: an unmapped host is not verifiable.
                return "error", f"{parts.hostname} is not served in replica mode"
            address = internal_address(url, resolve=True)
            if address is not None:
                return "private_address", f"{parts.hostname} resolves to the internal address {address}"
        if not self._robots_allow(url):
            return "robots", "robots.txt disallows it"
        return None

    def _robots_allow(self, url: str) -> bool:
        if not self.config.robots.obey:
            return True
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            got = self._get(base + "/robots.txt", archive=True)
            ok = got.failure is None and got.status == 200
            self._robots[base] = Protego.parse(got.body.decode("utf-8", "replace")) if ok else None
        rules = self._robots[base]
        return rules is None or rules.can_fetch(url, self.config.user_agent())

    # ------------------------------------------------------------------------------------------ wire
    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def _get(self, url: str, archive: bool = True) -> _Exchange:
        served = self.url_map.to_served(url) or url
        headers = {"User-Agent": self.config.user_agent(), "Accept-Language": "kk, ru;q=0.9"}
        self._wait_turn(urlsplit(url).hostname or "")
        fetched_at = datetime.now(UTC)
        try:
            response = self.session.get(
                served, headers=headers, timeout=self.config.download.timeout_seconds,
                allow_redirects=False, stream=True,
            )  # fmt: skip
            body = response.raw.read(MAX_BYTES, decode_content=True) or b""
        except requests.Timeout:
            return _Exchange(failure="timeout", detail="no answer in time")
        except requests.RequestException as error:
            return _Exchange(failure="error", detail=self.url_map.realise_text(str(error)))
        location = response.headers.get("Location")
        if location:
            location = self.url_map.to_real(urljoin(served, location))
        ref = None
        if archive and self.archive is not None:
            ref = self.archive.write_exchange(
                url=url,
                method="GET",
                request_headers=list(headers.items()),
                status=response.status_code,
                reason=response.reason,
                protocol="HTTP/1.1",
                response_headers=[(k, v) for k, v in response.headers.items() if k.lower() != "content-encoding"],
                body=body,
                fetched_at=fetched_at,
            )
        return _Exchange(response.status_code, body, response.headers.get("Content-Type"), None, location, ref,
                         fetched_at)  # fmt: skip

    def _failure_of(self, got: _Exchange) -> str | None:
        status = got.status or 0
        if status < 400:
            return None
        text = got.body[:20000].decode("utf-8", "replace")
        if status in (400, 403, 429) and any(marker in text for marker in self.config.antibot_markers):
            return "antibot"
        return "http_status"


@dataclass(frozen=True)
class _Exchange:
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    failure: str | None = None
    detail: str | None = None  # the failure's detail, or the redirect target
    warc: WarcRef | None = None
    fetched_at: datetime | None = None
