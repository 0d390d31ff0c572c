"""Servers for the network tests, on loopback ports the system picks, in a thread of their own."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiohttp import web
from ashyq_replica.hostile import Canary

T = TypeVar("T")


class Loopback:
    """An event loop in a thread that serves aiohttp apps and canaries until closed."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.runners: list[web.AppRunner] = []
        self.canaries: list[Canary] = []

    def run(self, coroutine: Awaitable[T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(30)  # type: ignore[arg-type]

    def serve(self, app: web.Application, host: str = "127.0.0.1", port: int = 0) -> int:
        async def start() -> int:
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            await web.TCPSite(runner, host, port).start()
            self.runners.append(runner)
            return int(runner.addresses[0][1])

        return self.run(start())

    def canary(self, host: str = "127.0.0.1", port: int = 0) -> Canary:
        canary = Canary()
        self.run(canary.start(host, port))
        self.canaries.append(canary)
        return canary

    def close(self) -> None:
        async def stop() -> None:
            for runner in self.runners:
                await runner.cleanup()
            for canary in self.canaries:
                await canary.stop()

        self.run(stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


def app(routes: dict[str, Callable[[web.Request], Awaitable[web.StreamResponse]]]) -> web.Application:
    application = web.Application()
    for path, handler in routes.items():
        application.router.add_route("*", path, handler)
    return application


def echo_host() -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(text=f"host={request.host}; ua={request.headers.get('User-Agent')}")

    return handler


def redirect(location: str, status: int = 302) -> Callable[[web.Request], Awaitable[Any]]:
    async def handler(request: web.Request) -> web.Response:
        return web.Response(status=status, headers={"Location": location})

    return handler
