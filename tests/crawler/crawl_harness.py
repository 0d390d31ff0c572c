"""What the crawler tests share: running a crawl through the real runner and reading it back."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from aiohttp import web
from sqlalchemy import create_engine, text

from ashyq.crawler.runner import CrawlRequest, CrawlSummary, run_crawl
from ashyq.crawler.spiders.site_render import RenderedPage, RenderSettings, SiteRenderer
from ashyq.net.urlmap import BaseUrlMap

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


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def serve(handler: Handler) -> ServedApp:
    """An app answering every address with ``handler``, served on a loopback port of its own."""
    app = web.Application()
    app.add_routes([web.get("/{tail:.*}", handler)])
    return ServedApp(app)


def crawl_body(tmp: Path, served: ServedApp, site: str, body: dict[str, object]) -> Crawl:
    """One body's harvest through the real runner: ``body`` its registry entry (id, kind, names), its site
    ``site`` answered by ``served``."""
    registry = tmp / "registry.yaml"
    entry = {**body, "sites": [site + "/"]}
    registry.write_text(yaml.safe_dump({"name": str(body["id"]), "bodies": [entry]}, allow_unicode=True), "utf-8")
    request = CrawlRequest(body_ids=[str(body["id"])], registry=str(registry), base_url_map={site: served.url})
    return crawl(tmp, request)


def render_page(url: str, site: str, served: ServedApp, tmp: Path, **settings: Any) -> RenderedPage:
    """One page as the site spider's browser step renders it (``settings``: RenderSettings' own, e.g. the
    dialogs' or the drop-downs' limits), its site ``site`` answered by ``served``."""
    config = RenderSettings(
        out_dir=tmp,
        run_id="render",
        body_id="body",
        url_map=BaseUrlMap.from_mapping({site: served.url}),
        **settings,
    )

    async def run() -> RenderedPage:
        renderer = SiteRenderer(config)
        try:
            return await renderer.render(url)
        finally:
            await renderer.close()

    return asyncio.run(run())
