"""Replica world: start time and static-page throughput, against a hello-world aiohttp peer.

The world serves from a background thread of this process (as the test fixture does); the load
comes from an aiohttp client in another process, so client and server do not share one core's event
loop. The peer is the smallest aiohttp server, served and loaded the same way in the same run: the
ratio is what to compare across machines (the machine is shared; absolute figures swing).

Goal: at least 500 requests/s for static pages (the gov.kz shell and classic-site pages).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from aiohttp import web

REQUESTS = 5000
CONCURRENCY = 32
GOAL_RPS = 500.0


async def _load(urls: list[str], total: int, concurrency: int) -> tuple[float, int]:
    import aiohttp

    errors = 0
    counter = iter(range(total))
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            nonlocal errors
            for n in counter:
                async with session.get(urls[n % len(urls)]) as response:
                    await response.read()
                    errors += response.status != 200

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return time.perf_counter() - started, errors


def _load_process(urls: list[str], total: int, concurrency: int, out: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    out.put(asyncio.run(_load(urls, total, concurrency)))


def measure(urls: list[str], total: int = REQUESTS, concurrency: int = CONCURRENCY) -> tuple[float, int]:
    """Requests per second and error count, loading from a separate process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_load_process, args=(urls, total, concurrency, queue))
    process.start()
    elapsed, errors = queue.get(timeout=300)
    process.join(timeout=30)
    return total / elapsed, errors


@contextmanager
def hello_server() -> Iterator[str]:
    """The peer: one route answering a fixed small HTML body, in a background thread."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    address: list[str] = []
    body = b"<!doctype html><html><body><h1>hello</h1></body></html>"

    async def hello(request: web.Request) -> web.Response:
        return web.Response(body=body, content_type="text/html")

    async def start() -> web.AppRunner:
        app = web.Application()
        app.router.add_get("/{tail:.*}", hello)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        address.append(f"http://127.0.0.1:{runner.addresses[0][1]}")
        return runner

    def run() -> None:
        asyncio.set_event_loop(loop)
        runner = loop.run_until_complete(start())
        ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield address[0]
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


def static_urls(urls: dict[str, str]) -> list[str]:
    govkz, kostanay, center = (
        urls["https://www.gov.kz"],
        urls["https://www.kostanay.gov.kz"],
        urls["https://iac.enbek.kz"],
    )
    paths = [
        f"{govkz}/memleket/entities/{slug}{tail}?lang={lang}"
        for slug in ("enbek", "mod", "karaganda")
        for tail in ("", "/press/news/1", "/about")
        for lang in ("kk", "ru")
    ]
    paths += [f"{kostanay}/ru/news/{n}" for n in range(1, 6)] + [f"{center}/news/{n}?lang=kk" for n in range(1, 6)]
    return paths


def main() -> None:
    from ashyq_replica.core import World
    from ashyq_replica.server import start_world

    started = time.perf_counter()
    running = start_world(World(seed="bench-cold-start"))
    start_seconds = time.perf_counter() - started
    try:
        world_rps, world_errors = measure(static_urls(running.urls))
    finally:
        running.stop()
    with hello_server() as peer:
        peer_rps, peer_errors = measure([f"{peer}/page/{n}" for n in range(10)])
    print(f"world start:            {start_seconds:.2f} s (goal < 5 s)")
    print(
        f"world static pages:     {world_rps:,.0f} req/s "
        f"({REQUESTS} requests, concurrency {CONCURRENCY}, errors {world_errors})"
    )
    print(f"peer aiohttp hello:     {peer_rps:,.0f} req/s (errors {peer_errors})")
    print(f"ratio world/peer:       {world_rps / peer_rps:.2f}")
    print(f"goal >= {GOAL_RPS:.0f} req/s:        {'met' if world_rps >= GOAL_RPS else 'NOT met'}")


if __name__ == "__main__":
    main()
