"""A small synchronous wrapper over an aiohttp client session, for the world's contract tests."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

import aiohttp


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    url: str

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


class Client:
    """One cookie jar (accepting cookies for 127.0.0.1, as a browser does) and one event loop."""

    def __init__(self, timeout: float = 10.0) -> None:
        self.loop = asyncio.new_event_loop()
        self.timeout = timeout
        self.session = self.loop.run_until_complete(self._open())

    async def _open(self) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def _request(self, method: str, url: str, timeout: float | None, **kwargs: Any) -> Answer:
        client_timeout = aiohttp.ClientTimeout(total=timeout or self.timeout)
        async with self.session.request(method, url, timeout=client_timeout, **kwargs) as response:
            body = await response.read()
            return Answer(response.status, dict(response.headers), body, str(response.url))

    def request(self, method: str, url: str, timeout: float | None = None, **kwargs: Any) -> Answer:
        return self.loop.run_until_complete(self._request(method, url, timeout, **kwargs))

    def get(self, url: str, **kwargs: Any) -> Answer:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Answer:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        self.loop.run_until_complete(self.session.close())
        self.loop.close()
