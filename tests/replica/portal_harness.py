"""Serve one replica portal app on 127.0.0.1 (port 0) in a background thread for synchronous tests."""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web
from bs4 import BeautifulSoup


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    set_cookies: dict[str, str]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)

    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.body, "lxml")


class Served:
    """An app running on a loopback port until ``close``; requests are made with aiohttp."""

    def __init__(self, app: web.Application) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.runner = web.AppRunner(app)
        self.port = self._run(self._start())

    def _run(self, coroutine: Any, timeout: float = 20) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    async def _start(self) -> int:
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        return int(self.runner.addresses[0][1])

    def request(
        self,
        path: str,
        *,
        method: str = "GET",
        lang: str | None = None,
        data: dict[str, str] | None = None,
        timeout: float = 10,
    ) -> Reply:
        async def go() -> Reply:
            headers = {"Cookie": f"egovLang={lang}"} if lang else {}
            client_timeout = aiohttp.ClientTimeout(total=timeout)
            async with (
                aiohttp.ClientSession(timeout=client_timeout) as session,
                session.request(
                    method, f"http://127.0.0.1:{self.port}{path}", headers=headers, data=data, allow_redirects=False
                ) as response,
            ):
                body = await response.read()
                cookies = {name: morsel.value for name, morsel in response.cookies.items()}
                return Reply(response.status, dict(response.headers), body, cookies)

        return self._run(go(), timeout + 5)

    def get(self, path: str, lang: str | None = None) -> Reply:
        return self.request(path, lang=lang)

    def close(self) -> None:
        self._run(self.runner.cleanup())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()
