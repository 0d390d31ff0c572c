"""The traffic recorder waits for a page's exchanges still being written only so long: one whose
response body never comes (a stalled request, a body that never ends) is given up and archived
nowhere, so that the page can still be closed, and the session's last drain ends too."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import pytest
from playwright.async_api import Error as BrowserError

from ashyq.net import capture
from ashyq.net.capture import TrafficRecorder
from tests.browser_helpers import Sink

OUTER_SECONDS = 10.0  # before the bound, the wait never ended: the test fails here instead


class Response:
    status = 200
    status_text = "OK"

    def __init__(self, body: bytes | None) -> None:
        self._body = body  # None: a body that never comes

    async def body(self) -> bytes:
        if self._body is None:
            await asyncio.Event().wait()
        return self._body or b""

    async def headers_array(self) -> list[dict[str, str]]:
        return [{"name": "Content-Type", "value": "text/html"}]


class Frame:
    def __init__(self, page: Any) -> None:
        self.page = page


class Request:
    method = "GET"
    post_data_buffer = None
    timing = None

    def __init__(self, page: Any, url: str, body: bytes | None) -> None:
        self.url, self.frame, self._response = url, Frame(page), Response(body)

    async def response(self) -> Response:
        return self._response

    async def headers_array(self) -> list[dict[str, str]]:
        return [{"name": "Accept", "value": "*/*"}]

    def is_navigation_request(self) -> bool:
        return False


async def _exchanges(sink: Sink, page: object, drain: bool) -> tuple[tuple[str, ...], float]:
    recorder = TrafficRecorder(sink)
    recorder._finished(Request(page, "https://example.kz/ok.css", b"body {}"))
    recorder._finished(Request(page, "https://example.kz/stalled.js", None))
    started = asyncio.get_running_loop().time()
    if drain:
        await asyncio.wait_for(recorder.drain(), OUTER_SECONDS)
        uris: tuple[str, ...] = ()
    else:
        uris = tuple(r.uri for r in await asyncio.wait_for(recorder.records_of(page), OUTER_SECONDS))
    return uris, asyncio.get_running_loop().time() - started


@pytest.mark.parametrize("drain", [False, True], ids=["records_of", "drain"])
def test_a_response_that_never_completes_is_given_up_after_the_bound(
    monkeypatch: pytest.MonkeyPatch, drain: bool
) -> None:
    monkeypatch.setattr(capture, "PENDING_SECONDS", 0.3, raising=False)
    sink, page = Sink(), object()
    uris, took = asyncio.run(_exchanges(sink, page, drain))
    assert took < 3, took
    assert sink.urls == ["https://example.kz/ok.css"]  # the stalled one is archived nowhere
    if not drain:
        assert uris == ("https://example.kz/ok.css",)


class ClosedRequest(Request):
    """A request whose headers the browser can no longer give: its page was closed before it was read."""

    async def headers_array(self) -> list[dict[str, str]]:
        raise BrowserError("Request.headers_array: Target page, context or browser has been closed")


def test_an_exchange_whose_page_was_closed_is_archived_nowhere_and_raises_nothing() -> None:
    sink, page = Sink(), object()
    unretrieved: list[dict[str, Any]] = []

    async def record() -> tuple[str, ...]:
        asyncio.get_running_loop().set_exception_handler(lambda _loop, context: unretrieved.append(context))
        recorder = TrafficRecorder(sink)
        recorder._finished(Request(page, "https://example.kz/ok.css", b"body {}"))
        recorder._finished(ClosedRequest(page, "https://example.kz/late.js", b"x"))
        await asyncio.sleep(0.05)  # both read before anyone asks for the page's records
        uris = tuple(r.uri for r in await recorder.records_of(page))
        assert recorder.lost == 1
        return uris

    assert asyncio.run(record()) == ("https://example.kz/ok.css",)
    gc.collect()  # a task that ended in an exception nobody took is reported when it is collected
    assert sink.urls == ["https://example.kz/ok.css"] and not unretrieved, unretrieved
