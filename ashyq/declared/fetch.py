"""Fetching a declared link politely: robots.txt obeyed, one request per host at a time with a delay,
the one user agent, every exchange archived in the run's WARC. The wire is the guarded client
(:mod:`ashyq.net.fetch`): each hop of a redirect chain is resolved, checked by the egress policy and
connected to at the checked address; in replica mode the base-URL map sends the request to the
replica and the archive keeps the real URL.

A re-verification fetches a few dozen links per body, one after the other: a plain synchronous client
is enough and keeps the order of the WARC records the order of the report.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from protego import Protego

from ashyq.net.budget import host_budget
from ashyq.net.crawl_config import CrawlConfig
from ashyq.net.egress import EgressPolicy, Refusal
from ashyq.net.fetch import REDIRECT_STATUSES, Answer, FetchError, GuardedClient
from ashyq.net.identity import ROBOTS_NAME
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
    failure: str | None = None  # robots | private_address | offsite | timeout | antibot | http_status | error
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
    policy: EgressPolicy | None = None  # default: the map's (replica mode when mapped, else the real web)
    _robots: dict[str, Protego | None] = field(default_factory=dict)
    _last_request: dict[str, float] = field(default_factory=dict)
    sent: Counter[str] = field(default_factory=Counter)  # requests sent, per host (robots.txt included)

    def __post_init__(self) -> None:
        self.client = GuardedClient(
            self.policy or self.url_map.policy(),
            self.config.user_agent(),
            self.url_map,
            timeout=self.config.download.timeout_seconds,
            max_bytes=MAX_BYTES,
            budget=host_budget(self.config.budget, self.replica),
        )

    @property
    def replica(self) -> bool:
        return bool(self.url_map)

    @property
    def delay(self) -> float:
        politeness = self.config.replica_politeness if self.replica else self.config.politeness
        return politeness.download_delay

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            try:
                if not self._robots_allow(current):
                    return Fetched(url, current, failure="robots", detail="robots.txt disallows it")
                got = self._get(current, headers=headers)
            except Refusal as refusal:
                return Fetched(url, current, failure=refusal.reason, detail=refusal.detail)
            except FetchError as error:
                return Fetched(url, current, failure=error.reason, detail=error.detail)
            answer, ref = got
            if answer.status in REDIRECT_STATUSES and answer.location:
                current = answer.location  # the next hop is checked like the first
                continue
            return Fetched(url, current, answer.status, answer.body, answer.content_type, self._failure_of(answer),
                           None, ref, answer.fetched_at)  # fmt: skip
        return Fetched(url, current, failure="error", detail=f"more than {MAX_REDIRECTS} redirects")

    # ------------------------------------------------------------------------------------------ robots
    def _robots_allow(self, url: str) -> bool:
        if not self.config.robots.obey:
            return True
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            rules: Protego | None = None
            try:
                answer, _ = self._get(base + "/robots.txt")
                if answer.status == 200:
                    rules = Protego.parse(answer.body.decode("utf-8", "replace"))
                    delay = rules.crawl_delay(ROBOTS_NAME)
                    if delay and self.client.budget is not None:
                        self.client.budget.note_crawl_delay(parts.hostname or "", float(delay))
            except FetchError:
                rules = None  # no robots.txt to be had: nothing is disallowed
            self._robots[base] = rules
        found = self._robots[base]
        return found is None or found.can_fetch(url, ROBOTS_NAME)

    # ------------------------------------------------------------------------------------------ wire
    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last_request[host] = time.monotonic()

    def post_json(self, url: str, headers: dict[str, str] | None = None, body: bytes = b"{}") -> Fetched:
        """One POST of a JSON body (a portal's session ticket), politely and archived; no redirect."""
        try:
            if not self._robots_allow(url):
                return Fetched(url, url, failure="robots", detail="robots.txt disallows it")
            answer, ref = self._get(url, "POST", {"Content-Type": "application/json", **(headers or {})}, body)
        except Refusal as refusal:
            return Fetched(url, url, failure=refusal.reason, detail=refusal.detail)
        except FetchError as error:
            return Fetched(url, url, failure=error.reason, detail=error.detail)
        return Fetched(url, url, answer.status, answer.body, answer.content_type, self._failure_of(answer), None, ref,
                       answer.fetched_at)  # fmt: skip

    def _get(
        self, url: str, method: str = "GET", headers: dict[str, str] | None = None, body: bytes | None = None
    ) -> tuple[Answer, WarcRef | None]:
        """One exchange (no redirect followed), archived; raises Refusal or FetchError."""
        self._wait_turn(urlsplit(url).hostname or "")
        self.sent[urlsplit(url).hostname or ""] += 1
        sent = {"Accept-Language": "kk, ru;q=0.9", **(headers or {})}
        answer = self.client.request(url, method, headers=sent, body=body)
        ref = None
        if self.archive is not None:
            ref = self.archive.write_exchange(
                url=url,
                method=method,
                request_body=body or b"",
                request_headers=answer.request_headers,
                status=answer.status,
                reason=answer.reason,
                protocol="HTTP/1.1",
                response_headers=[(k, v) for k, v in answer.headers if k.lower() != "content-encoding"],
                body=answer.body,
                fetched_at=answer.fetched_at,
            )
        return answer, ref

    def _failure_of(self, answer: Answer) -> str | None:
        status = answer.status
        if status < 400:
            return None
        text = answer.body[:20000].decode("utf-8", "replace")
        if status in (400, 403, 429) and any(marker in text for marker in self.config.antibot_markers):
            return "antibot"
        return "http_status"
