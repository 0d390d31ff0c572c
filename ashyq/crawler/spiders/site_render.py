"""The site spider's browser: pages whose content only their scripts build, rendered in Chromium.

A site built by JavaScript answers every route with the same empty shell
(:func:`ashyq.crawler.spiders.site_page.scripted_shell` says when); what a visitor reads exists only
in the DOM after the scripts ran. The spider still downloads the served page (its bytes go into the
WARC as a ``response`` record), then asks this module to render the same address:

* the page is loaded in a desktop (or, for the mobile version, a phone) context of Debian Chromium
  launched by :mod:`ashyq.crawler.render` (replica routing and the address guard included), the
  network is let settle and the content awaited;
* the routes the page's scripts moved to with the History API (``pushState``/``replaceState``) are
  noted from an init script, and the addresses the DOM names outside ``<a href>`` (``data-href``,
  ``routerlink`` …) are collected: a router's links are not always anchors;
* the rendered DOM is written under ``<out>/runs/<run>/shots/<body>/site/`` and into the body's
  WARC as a ``conversion`` record whose ``WARC-Refers-To`` is the served response's record: both the
  served and the rendered document are evidence, and the page points at the rendered one.

One browser per spider, opened at the first page that needs it and closed with the spider; every
page gets a fresh context (no state carried from page to page, memory stays flat), at most
``concurrency`` pages render at once, and a visit is bounded in time whatever the page's scripts do.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from ashyq.base.routes import route_fragment
from ashyq.crawler.spiders.site_dialogs import (
    DialogLimits,
    has_data_grid,
    has_dialog_markup,
    read_dialogs,
    with_dialogs,
)
from ashyq.crawler.spiders.site_selects import SelectLimits, has_navigating_select, select_routes
from ashyq.crawler.spiders.site_tabs import TabLimits, read_tabs, with_tabs
from ashyq.net.budget import HostBudget
from ashyq.net.capture import ExchangeSink
from ashyq.net.egress import EgressPolicy
from ashyq.net.urlmap import BaseUrlMap

# Noted before any script of the page runs: where the page's router moved to.
ROUTES_SCRIPT = """
(() => {
  const seen = [];
  Object.defineProperty(window, "__ashyqRoutes", { value: seen, enumerable: false });
  for (const name of ["pushState", "replaceState"]) {
    const original = history[name];
    history[name] = function (state, title, url) {
      if (url !== undefined && url !== null) {
        try { seen.push(new URL(String(url), location.href).href); } catch (e) {}
      }
      return original.apply(this, arguments);
    };
  }
})();
"""
# Addresses a router names outside <a href>.
ROUTE_ATTRIBUTES_SCRIPT = """
() => {
  const names = ["data-href", "data-url", "data-link", "routerlink", "ng-href", "to"];
  const out = [];
  for (const name of names) {
    for (const el of document.querySelectorAll("[" + name + "]")) {
      const value = el.getAttribute(name);
      // a place in the page (#main) is no address; a router's route (#!/kk/komitet, #/ru/about) is
      const route = /^#!?[/][^/#\\s]/.test(value || "");
      if (value && !/^(javascript:|mailto:|tel:)/i.test(value) && (value[0] !== "#" || route)) out.push(value);
    }
  }
  const text = document.body ? document.body.innerText : "";
  return { routes: window.__ashyqRoutes || [], attributes: out, words: text.split(/\\s+/).filter(Boolean).length };
}
"""
# the words a visitor can read, those a script writes into shadow roots (web components) included
CONTENT_READY = (
    "(words) => document.body && [document.body.innerText, ...[...document.querySelectorAll('*')]"
    ".filter(e => e.shadowRoot).map(e => e.shadowRoot.textContent)].join(' ')"
    ".split(/\\s+/).filter(Boolean).length >= words"
)
_FILE_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class RenderedPage:
    """One page as the browser built it, archived."""

    url: str  # the address asked for
    final_url: str  # where the page's router left the browser
    html: str
    title: str | None
    status: int | None
    routes: list[str] = field(default_factory=list)  # History-API moves and router attributes, absolute
    words: int = 0
    sha256: str = ""
    warc_file: str | None = None
    warc_record_id: str | None = None
    dom_path: str | None = None  # relative to the output folder
    dialogs: int = 0  # dialogs its cards open, read into ``html`` (:mod:`~ashyq.crawler.spiders.site_dialogs`)
    tabs: int = 0  # panels its tabs draw when chosen, read into ``html`` (:mod:`~ashyq.crawler.spiders.site_tabs`)

    @property
    def dom(self) -> bytes:
        return self.html.encode("utf-8")


@dataclass
class RenderSettings:
    out_dir: Path
    run_id: str
    body_id: str
    url_map: BaseUrlMap
    policy: EgressPolicy | None = None  # the crawl's egress policy (default: the map's)
    budget: HostBudget | None = None  # the crawl's politeness budget per host
    timeout_ms: int = 20_000
    settle_ms: int = 300
    content_words: int = 25  # the shell's limit: content has arrived when the page has more
    concurrency: int = 2
    # (uri, content, content type, refers_to) → (WARC file, record id); the body's WARC by default
    archive: Callable[[str, bytes, str, str | None], tuple[str | None, str | None]] | None = None
    # where every exchange the browser makes while rendering is archived (the body's WARC of the run)
    exchanges: ExchangeSink | None = None
    # the dialogs a page's cards open are read into it within these limits (None: not opened)
    dialogs: DialogLimits | None = None
    # the pages a page's drop-downs lead to are found within these limits (None: not chosen)
    selects: SelectLimits | None = None
    # the panels a page's tabs draw only when chosen are read into it within these limits (None: not chosen)
    tabs: TabLimits | None = None

    @property
    def dom_dir(self) -> Path:
        return self.out_dir / "runs" / self.run_id / "shots" / self.body_id / "site"


def _stem(url: str, phone: bool) -> str:
    parts = urlsplit(url)
    route = route_fragment(url) or ""  # a single-page app's route names the page
    path = _FILE_SAFE.sub("_", f"{parts.path.strip('/')}_{parts.query}_{route}".strip("_"))[-80:] or "home"
    return f"{'phone' if phone else 'desktop'}-{path}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def body_archiver(out_dir: Path, run_id: str, body_id: str) -> Callable[..., tuple[str | None, str | None]]:
    """``conversion`` records (a rendered DOM of a served response) in the body's WARC."""
    from ashyq.store import warc

    def archive(uri: str, content: bytes, content_type: str, refers_to: str | None) -> tuple[str, str]:
        ref = warc.write_resource(
            out_dir, run_id, body_id, uri, content, content_type, kind="conversion", refers_to=refers_to
        )
        return ref.file, ref.record_id

    return archive


class SiteRenderer:
    """Chromium for one spider: :meth:`render` a page, :meth:`close` at the end."""

    def __init__(self, settings: RenderSettings) -> None:
        self.settings = settings
        self._stack: contextlib.AsyncExitStack | None = None
        self._browser: Any = None
        self._opening = asyncio.Lock()
        self._slots = asyncio.Semaphore(max(1, settings.concurrency))
        self.rendered = 0

    async def _open(self) -> None:
        async with self._opening:
            if self._browser is not None:
                return
            from ashyq.net.browser import open_browser

            stack = contextlib.AsyncExitStack()
            # Chromium behind the egress proxy: every request the page makes follows the crawl's policy
            self._browser = await stack.enter_async_context(
                open_browser(
                    self.settings.policy,
                    self.settings.url_map,
                    budget=self.settings.budget,
                    archive=self.settings.exchanges,
                )
            )
            self._stack = stack

    async def _context(self, phone: bool) -> Any:
        from ashyq.crawler.render import new_context

        context = await new_context(self._browser, mobile=phone)
        await context.add_init_script(ROUTES_SCRIPT)
        return context

    async def render(self, url: str, refers_to: str | None = None, phone: bool = False) -> RenderedPage:
        """Load ``url``, wait for its content, archive the DOM; raises when the page does not load in
        time (the whole visit is bounded, whatever the page's scripts do)."""
        await self._open()
        config = self.settings
        async with self._slots:
            context = await self._context(phone)
            try:
                rendered = await asyncio.wait_for(self._visit(context, url), timeout=2.5 * config.timeout_ms / 1000)
            finally:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(context.close(), timeout=config.timeout_ms / 1000)
        self._archive(rendered, refers_to, phone)
        self.rendered += 1
        return rendered

    async def _visit(self, context: Any, url: str) -> RenderedPage:
        page = await context.new_page()
        try:
            return await self._load(page, url)
        finally:  # its exchanges are archived as they come; the page's list of them is let go
            with contextlib.suppress(Exception):
                await self._browser.records_of(page)

    async def _load(self, page: Any, url: str) -> RenderedPage:
        config = self.settings
        started = time.monotonic()
        response = await page.goto(url, wait_until="domcontentloaded", timeout=config.timeout_ms)
        with contextlib.suppress(Exception):
            await page.wait_for_load_state("networkidle", timeout=config.timeout_ms // 2)
        with contextlib.suppress(Exception):  # a page that renders nothing is still evidence
            await page.wait_for_function(CONTENT_READY, arg=config.content_words, timeout=config.timeout_ms // 4)
        await page.wait_for_timeout(config.settle_ms)
        found = await page.evaluate(ROUTE_ATTRIBUTES_SCRIPT)
        from ashyq.net.browser import page_html

        html = await page_html(page)  # the content a script builds in shadow roots included
        title = await page.title()
        final_url = str(page.url)
        if final_url.startswith(("chrome-error:", "about:")):
            raise RuntimeError(f"the page went on to {final_url}")
        routes = [urljoin(final_url, str(u)) for u in [*found.get("routes", []), *found.get("attributes", [])]]
        opened = drawn = 0
        if config.tabs is not None:  # the panels its tabs draw when chosen (a rendered page: any tab group)
            limits_of_tabs = replace(config.tabs, seconds=min(config.tabs.seconds, 2.0 * config.timeout_ms / 1000))
            panels = await read_tabs(page, limits_of_tabs, config.timeout_ms)
            html, drawn = with_tabs(html, panels), len(panels)
        # what its cards (or a data grid's rows) open, kept DOM unchanged
        if config.dialogs is not None and (has_dialog_markup(html) or has_data_grid(html)):
            left = 2.3 * config.timeout_ms / 1000 - (time.monotonic() - started)
            limits = replace(config.dialogs, seconds=min(config.dialogs.seconds, left))
            reading = await read_dialogs(page, url, limits, config.timeout_ms)
            html, opened = with_dialogs(html, reading.dialogs), len(reading.dialogs)
            routes += reading.routes
        if config.selects is not None and has_navigating_select(html):  # the pages its drop-downs lead to
            left = 3.3 * config.timeout_ms / 1000 - (time.monotonic() - started)
            limits_of_selects = replace(config.selects, seconds=max(0.0, min(config.selects.seconds, left)))
            routes += await select_routes(page, url, limits_of_selects, config.timeout_ms)
        return RenderedPage(
            url=url,
            final_url=final_url,
            html=html,
            title=title or None,
            status=response.status if response is not None else None,
            routes=[r for r in dict.fromkeys(routes) if urlsplit(r).scheme in ("http", "https")],
            words=int(found.get("words", 0)),
            dialogs=opened,
            tabs=drawn,
        )

    def _archive(self, rendered: RenderedPage, refers_to: str | None, phone: bool) -> None:
        config = self.settings
        dom = rendered.dom
        rendered.sha256 = hashlib.sha256(dom).hexdigest()
        config.dom_dir.mkdir(parents=True, exist_ok=True)
        path = config.dom_dir / f"{_stem(rendered.url, phone)}.html"
        path.write_bytes(dom)
        rendered.dom_path = str(path.relative_to(config.out_dir))
        if config.archive is not None:
            rendered.warc_file, rendered.warc_record_id = config.archive(
                rendered.url, dom, "text/html; charset=utf-8", refers_to
            )

    async def close(self) -> None:
        if self._stack is not None:
            with contextlib.suppress(Exception):
                await self._stack.aclose()
        self._stack = self._browser = None
