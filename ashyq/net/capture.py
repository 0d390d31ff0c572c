"""What the browser saw, archived: every request a page's context makes and the response it got
written to the run's WARC as it happens (request record with its body, a POST's query included, and
response record), so that a browser finding cites the bytes Chromium measured, not a live URL.

The exchanges are taken from Playwright's request events (``requestfinished``: the request, its
headers and body, the response's raw headers and body), not from the egress proxy: for a real
``https`` site the proxy relays an opaque ``CONNECT`` tunnel and never sees a byte of it, while the
browser's events see every exchange the same way whether the site is http, https, a real one or
the replica. What they cannot give is recorded as such: the body Chromium already decoded (so
``Content-Encoding`` and ``Content-Length`` are kept as ``X-Archive-Orig-…``, as web archives do
for a payload stored decoded), ``HTTP/1.1`` as the protocol (the proxy speaks it with Chromium), and
a body the browser no longer holds (a response of a page already closed) as ``WARC-Truncated``.

A browser session has one recorder per archive (several bodies measured in one browser each have
their WARC). An exchange repeated byte for byte into one archive in one session (the same stylesheet
on every page) is archived once; each visit's list of records names the record already written.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import Callable, Collection
from datetime import UTC, datetime
from typing import Any, Protocol

from playwright.async_api import Error as BrowserError

from ashyq.base.artifacts import ArchivedExchange

# headers that describe the bytes on the wire, not the (decoded) body archived
_WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})
_NO_BODY = (204, 304)
# how long a page's (or, at the end, the session's) exchanges still being written are waited for: a
# response whose body never comes (a stalled request) is given up, not archived, and the page closed
PENDING_SECONDS = 20.0


class WrittenRecord(Protocol):
    @property
    def file(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def offset(self) -> int: ...
    @property
    def payload_sha256(self) -> str: ...


class ExchangeSink(Protocol):
    """Where the exchanges go: the run's WARC of the body. Its ``write_exchange`` is
    ``ashyq.store.warc.WarcArchive.write_exchange`` (keyword arguments: url, method, request and
    response headers, status, reason, protocol, body, fetched_at, request_body, truncated)."""

    @property
    def write_exchange(self) -> Callable[..., WrittenRecord]: ...


class TrafficRecorder:
    """Archives the exchanges of every context it is attached to; hands out each page's records."""

    def __init__(self, sink: ExchangeSink) -> None:
        self.sink = sink
        self.written = 0  # records written (request + response pairs)
        self.repeated = 0  # exchanges found already archived
        self.lost = 0  # exchanges the browser closed before they were read
        self._pending: dict[Any, set[asyncio.Future[None]]] = {}
        self._records: dict[Any, list[ArchivedExchange]] = {}
        self._seen: dict[str, ArchivedExchange] = {}

    def attach(self, context: Any) -> None:
        context.on("requestfinished", self._finished)

    def _finished(self, request: Any) -> None:
        if not str(request.url).startswith(("http://", "https://")):
            return
        try:
            page = request.frame.page
        except Exception:  # a worker's request has no frame
            page = None
        task = asyncio.ensure_future(self._record(request, page))
        self._pending.setdefault(page, set()).add(task)

    async def records_of(self, page: Any) -> tuple[ArchivedExchange, ...]:
        """The page's archived exchanges so far (waiting at most :data:`PENDING_SECONDS` for those still
        being written; one not written by then is left out); call it before the page is closed, while
        the browser still holds the bodies."""
        await _finish(self._pending.pop(page, set()))
        return tuple(self._records.pop(page, []))

    async def drain(self) -> None:
        """Finish every exchange still being written (the session is ending)."""
        pending = [task for tasks in self._pending.values() for task in tasks]
        self._pending.clear()
        await _finish(pending)

    async def _record(self, request: Any, page: Any) -> None:
        try:
            await self._write(request, page)
        except BrowserError:
            # the page, its context or the browser was closed before the exchange was read: it is archived nowhere,
            # as one still being written when the page's records are taken is not (:meth:`records_of`)
            self.lost += 1

    async def _write(self, request: Any, page: Any) -> None:
        response = await request.response()
        if response is None:
            return
        status = int(response.status)
        truncated = None
        try:
            body = await response.body()
        except Exception:  # a redirect has none; a body the browser dropped is said to be missing
            body = b""
            if not (300 <= status < 400 or status in _NO_BODY):
                truncated = "unspecified"
        request_body = request.post_data_buffer or b""
        request_headers = [
            (h["name"], h["value"]) for h in await request.headers_array() if not h["name"].startswith(":")
        ]
        response_headers = [
            (f"X-Archive-Orig-{h['name']}" if h["name"].lower() in _WIRE_HEADERS else h["name"], h["value"])
            for h in await response.headers_array()
        ]
        method = str(request.method)
        url = str(request.url)
        document = bool(request.is_navigation_request()) and page is not None and request.frame == page.main_frame
        parts = [method, url, str(status), hashlib.sha256(body).hexdigest(), hashlib.sha256(request_body).hexdigest()]
        key = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        known = self._seen.get(key)
        if known is not None and truncated is None:
            self.repeated += 1
            self._records.setdefault(page, []).append(ArchivedExchange(**{**known.as_dict(), "document": document}))
            return
        started = (request.timing or {}).get("startTime") or 0
        moment = datetime.fromtimestamp(started / 1000, UTC) if started > 0 else datetime.now(UTC)
        written = self.sink.write_exchange(
            url=url,
            method=method,
            request_headers=request_headers,
            status=status,
            reason=str(response.status_text or "") or None,
            protocol="HTTP/1.1",
            response_headers=response_headers,
            body=body,
            fetched_at=moment,
            request_body=request_body,
            truncated=truncated,
        )
        self.written += 1
        archived = ArchivedExchange(
            record_id=written.record_id,
            uri=url,
            date=moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            method=method,
            status=status,
            warc_file=written.file,
            offset=written.offset,
            payload_sha256=written.payload_sha256,
            document=document,
        )
        if truncated is None:
            self._seen[key] = archived
        self._records.setdefault(page, []).append(archived)


async def _finish(pending: Collection[asyncio.Future[None]]) -> None:
    """Wait for ``pending`` exchanges at most :data:`PENDING_SECONDS`; those not written by then are
    cancelled (and so archived nowhere), as they are when the wait itself is cancelled."""
    if not pending:
        return
    try:
        await asyncio.wait(pending, timeout=PENDING_SECONDS)
    finally:
        late = [task for task in pending if not task.done()]
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late, timeout=PENDING_SECONDS)


async def settle(recorder: TrafficRecorder | None) -> None:
    if recorder is not None:
        with contextlib.suppress(Exception):
            await recorder.drain()
