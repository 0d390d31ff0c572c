"""What the crawler tests share: running a crawl through the real runner and reading it back."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from sqlalchemy import create_engine, text

from ashyq.crawler.runner import CrawlRequest, CrawlSummary, run_crawl

CLASSIC_BODIES = ["kostanay", "enbek-center", "zqai"]
# Short timeouts and pauses: the replica's hanging page and its 503s must not slow the suite.
FAST = {"DOWNLOAD_TIMEOUT": 2, "ASHYQ_BACKOFF_BASE": 0.1, "ASHYQ_BACKOFF_MAX": 1.0}


@dataclass
class Crawl:
    summary: CrawlSummary
    db_url: str
    out_dir: Path
    connection_log: Path
    base_url_map: dict[str, str]

    def rows(self, sql: str, **params: object) -> list[tuple]:
        engine = create_engine(self.db_url)
        try:
            with engine.connect() as connection:
                return [tuple(row) for row in connection.execute(text(sql), params)]
        finally:
            engine.dispose()

    def warc_files(self) -> list[Path]:
        return sorted((self.summary.run_dir / "warc").glob("*.warc.gz"))


def crawl(tmp: Path, request: CrawlRequest) -> Crawl:
    request.out_dir = tmp / "out"
    request.db_url = f"sqlite:///{tmp / 'store.sqlite'}"
    request.connection_log = tmp / "connections.log"
    request.settings_overrides = {**FAST, **request.settings_overrides}
    request.spiders = request.spiders or ["site"]  # these tests are about the site spider and the machinery
    summary = run_crawl(request)
    return Crawl(summary, request.db_url, request.out_dir, request.connection_log, request.base_url_map)


class ServedApp:
    """An aiohttp app on a loopback port chosen by the system, in a thread of its own."""

    def __init__(self, app: web.Application) -> None:
        self.loop = asyncio.new_event_loop()
        self.app = app
        self.url = ""
        ready = threading.Event()

        def serve() -> None:
            asyncio.set_event_loop(self.loop)
            runner = web.AppRunner(app, access_log=None)
            self.loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, "127.0.0.1", 0)
            self.loop.run_until_complete(site.start())
            self.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
            ready.set()
            self.loop.run_forever()
            self.loop.run_until_complete(runner.cleanup())

        self.thread = threading.Thread(target=serve, daemon=True)
        self.thread.start()
        ready.wait(10)

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
