"""The browser step for gov.kz: the platform is a single-page app, so what a visitor sees exists only
after its JavaScript ran. Debian Chromium driven by Playwright renders a body's pages per language:
home, then the sections its rendered menu links to, then one news item and one document.

Most of a render is waiting (for the network to go idle, then a settle time), so several pages render
at once (``RenderSettings.concurrency``; ``render.concurrency`` in ``ashyq/config/crawl.yaml``), both
languages together: generation by generation, every page found so far at once, then what each one
links to learned in the order the pages were found, not the order they finished. The pages, their
depths and the order of the items are those of rendering one page at a time.

The browser is launched by :mod:`ashyq.net.browser`, behind the egress proxy: every request it makes
- the page's own script, its API calls and its ticket POST, redirects, images, WebSockets - is
checked by the crawl's egress policy, and in replica mode answered by the replica under the real
URL. Every request of a page the policy refused is a ``FetchFailureItem`` with its reason and the
page that asked (told apart by the contexts the pages render in, since they render side by side).

Per page: a desktop (1366×768) screenshot and the serialised DOM, and for the home page of each
language (``render.phone_views: home``, the default) or for every page (``every``) a mobile (Pixel 7)
screenshot too, written under ``<out>/runs/<run>/shots/<body>/`` and added to the body's WARC as
resource records. A phone view is a second whole render of the page in a phone context (the app
may lay itself out by the device, not only by the width), which doubles a page's cost; no check reads
the phone view of an inner page (the mobile-version items judge the home page's, which the browser
stage also measures on an Android and an iPhone), so the default keeps the home page's. Every
exchange the browser makes while rendering (the app's script, its API calls, the ticket POST with its
body) is archived in the same WARC as request and response records (:mod:`ashyq.net.capture`).
Each page rendering at once has a lane: a desktop and a phone context with one page each, which go
from target to target (left blank in between, as a new page is: opening a page costs the browser
about three times what navigating one does), a page that failed closed and a new one opened for the
next target, the contexts recycled every few pages, so memory stays flat; a page that does not
render in time is a ``timeout`` failure, not a crash.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import re
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from ashyq.base.artifacts import ArchivedExchange
from ashyq.base.tasks import cancel_all, together
from ashyq.crawler.items import FailureReason, FetchFailureItem, PageItem
from ashyq.crawler.parsers import rendered
from ashyq.crawler.parsers.govkz import BrowserTicket
from ashyq.crawler.render_plan import DEFAULT_SAMPLE, RenderPlan, RenderTarget, SampleKind, link_check_targets
from ashyq.net.browser import (
    DEFAULT_SCHEMES,
    BrowserSession,
    PageRefusal,
    goto,
    open_browser,
    page_html,
    session_of,
)
from ashyq.net.budget import HostBudget, host_budget
from ashyq.net.capture import ExchangeSink
from ashyq.net.crawl_config import BudgetPolicy
from ashyq.net.egress import EgressPolicy, Refusal, target_of
from ashyq.net.fetch import Answer, FetchError, GuardedClient
from ashyq.net.proxy import ProxyRefusal
from ashyq.net.twisted_resolver import policy_from_settings
from ashyq.net.urlmap import BaseUrlMap
from ashyq.store.captures import read_request
from ashyq.store.warc import OriginalCapture, WarcArchive

DESKTOP_VIEWPORT = {"width": 1366, "height": 768}
MOBILE_DEVICE = "Pixel 7"
# Request headers every browser sends; anything else on an API call is the page script's ticket.
STANDARD_HEADERS = frozenset(
    {
        "accept",
        "accept-encoding",
        "accept-language",
        "cache-control",
        "connection",
        "content-length",
        "content-type",
        "cookie",
        "host",
        "origin",
        "pragma",
        "priority",
        "referer",
        "user-agent",
        "upgrade-insecure-requests",
    }
)
_FILE_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def url_map_from_settings(settings: Any) -> BaseUrlMap:
    return BaseUrlMap.from_mapping(settings.getdict("ASHYQ_BASE_URL_MAP") if settings is not None else {})


def budget_from(settings: Any) -> HostBudget | None:
    """The crawl's politeness budget per host (the one the Scrapy downloads hold slots of)."""
    if settings is None or not settings.getdict("ASHYQ_BUDGET"):
        return None
    policy = BudgetPolicy.model_validate(settings.getdict("ASHYQ_BUDGET"))
    return host_budget(policy, settings.getbool("ASHYQ_REPLICA"))


def policy_from(settings: Any) -> EgressPolicy:
    """The crawl's egress policy (the same rule the Scrapy downloads follow)."""
    return policy_from_settings(settings) if settings is not None else EgressPolicy()


async def new_context(session: BrowserSession, mobile: bool = False) -> Any:
    if mobile:
        return await session.new_context(MOBILE_DEVICE)
    return await session.new_context(viewport=DESKTOP_VIEWPORT)


async def capture_browser_ticket(
    page_url: str,
    url_map: BaseUrlMap,
    timeout_ms: int = 20_000,
    api_path: str = "/api/",
    policy: EgressPolicy | None = None,
    budget: HostBudget | None = None,
) -> BrowserTicket:
    """Load one page in Chromium and keep what its own script adds to its API requests.

    The headers outside :data:`STANDARD_HEADERS` (the live site's ``hash``/``token`` pair, or
    whatever replaces it) and the cookies the session ends with are the ticket.
    """
    ticket = BrowserTicket(source_url=page_url)
    host = urlsplit(page_url).hostname

    async def on_request(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.hostname != host or not parts.path.startswith(api_path):
            return
        headers = await request.all_headers()
        for name, value in headers.items():
            if name.lower() not in STANDARD_HEADERS and not name.startswith((":", "sec-")):
                ticket.headers[name] = value

    async with open_browser(policy, url_map, budget=budget) as session:
        context = await new_context(session)
        context.on("request", on_request)
        page = await context.new_page()
        await session.goto(page, page_url, wait_until="networkidle", timeout=timeout_ms)
        for cookie in await context.cookies(f"https://{host}"):
            ticket.cookies[cookie["name"]] = cookie["value"]
        await context.close()
    return ticket


async def pass_browser_check(url: str, settings: Any, timeout_ms: int = 30_000) -> dict[str, str]:
    """The cookies Chromium holds for ``url``'s host once it has passed the anti-DDoS front before it
    (:mod:`ashyq.net.front`; the browser's ``goto`` waits for the page behind it), for the harvest's requests to
    carry: empty when the browser did not get past it (the front's refusal then stands, not assessed)."""
    url_map, budget = url_map_from_settings(settings), budget_from(settings)
    async with open_browser(policy_from(settings), url_map, budget=budget) as session:
        context = await new_context(session)
        try:
            page = await context.new_page()
            response = await session.goto(page, url, wait_until="load", timeout=timeout_ms)
            if response is None or response.status >= 400:
                return {}
            return {c["name"]: c["value"] for c in await context.cookies(url)}
        finally:
            await context.close()


def default_concurrency() -> int:
    """Pages rendered at once when the config leaves it open: the machine's cores and one more (a
    render waits on the network much of the time), at most four."""
    return min(4, max(1, os.cpu_count() or 1) + 1)


@dataclass
class RenderSettings:
    out_dir: Path
    run_id: str
    body_id: str
    url_map: BaseUrlMap
    internal_hosts: set[str]
    policy: EgressPolicy | None = None  # default: the map's
    budget: HostBudget | None = None  # the crawl's politeness budget per host
    timeout_ms: int = 20_000
    settle_ms: int = 300
    pages_per_context: int = 12
    max_pages: int = 40
    ready_selector: str = "#root > *"  # [GUESS for the live app] the React root has children
    archive: Callable[[str, bytes, str, str, str | None], tuple[str | None, str | None]] | None = None
    # where every exchange the browser makes while rendering is archived (the body's WARC of the run)
    exchanges: ExchangeSink | None = None
    # transient answers (these statuses, a timeout, a dropped connection) are tried again after a
    # back-off, as the crawl's own retry middleware does; what still fails is a recorded failure
    retry_times: int = 2
    retry_http_codes: frozenset[int] = frozenset({500, 502, 503, 504, 522, 524, 408, 429})
    # an error answer to the page's data holding one of these is a bot wall (gov.kz's 400 notAllowed
    # to a news query): the app rendered an empty shell, tried again like a transient answer
    antibot_markers: tuple[str, ...] = ("notAllowed", "browserTicketMissing", "g-recaptcha", "captcha")
    backoff_base_seconds: float = 1.0
    backoff_max_seconds: float = 30.0
    # an incremental run's baseline: a page it rendered whose exchanges all answer as then is not
    # rendered again (:func:`_unchanged_render`)
    baseline_run: str | None = None
    user_agent: str = ""  # for the exchanges asked again outside the browser (each sends its own as then)
    reused: int = 0  # pages taken from the baseline's render (counted as the body goes)
    # the baseline's captures already found unchanged this run (asked and archived once, however many
    # pages loaded the same script or data)
    confirmed: set[str] = field(default_factory=set)
    # pages rendered at once (by both languages together); 1 renders one page at a time, 0 as many as
    # default_concurrency()
    concurrency: int = field(default_factory=default_concurrency)
    # which pages get a phone view beside the desktop one: the home page of each language, or every page
    phone_views: str = "home"
    # beyond the menu: the detail pages sampled per kind (ashyq.crawler.render_plan), the pages of a
    # kind no page links asked of the API beforehand (per language, per kind, newest first), how many
    # of the body's own link targets are rendered afterwards to check them, and the headings of the
    # platform's "page not found"
    sample: tuple[SampleKind, ...] = DEFAULT_SAMPLE
    seeds: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    check_links: int = 0
    not_found: tuple[str, ...] = ()
    # what each language's plan sampled (filled as the body renders), for the record
    sampled: dict[str, dict[str, Any]] = field(default_factory=dict)

    def views(self, target: RenderTarget) -> tuple[str, ...]:
        """The screenshots a target's render takes: the desktop view, and the phone view where wanted."""
        if target.kind == "link_check":  # rendered only to tell whether it exists
            return ("desktop",)
        if self.phone_views == "every" or target.depth == 0:
            return ("desktop", "mobile")
        return ("desktop",)

    def backoff(self, attempt: int) -> float:
        return min(self.backoff_max_seconds, self.backoff_base_seconds * (2 ** (attempt - 1)))

    @property
    def shots_dir(self) -> Path:
        return self.out_dir / "runs" / self.run_id / "shots" / self.body_id

    def baseline_shots_dir(self) -> Path | None:
        if self.baseline_run is None:
            return None
        return self.out_dir / "runs" / self.baseline_run / "shots" / self.body_id


def _file_stem(url: str, lang: str) -> str:
    parts = urlsplit(url)
    stem = _FILE_SAFE.sub("_", parts.path.strip("/"))[-80:] or "home"
    return f"{lang}-{stem}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"


def warc_archiver(out_dir: Path, run_id: str, body_id: str) -> Callable[..., tuple[str | None, str | None]]:
    """Resource records in the body's WARC through the infrastructure's helper (ashyq.store.warc)."""
    from ashyq.store import warc

    def archive(uri: str, content: bytes, content_type: str, kind: Any, refers_to: str | None) -> tuple[str, str]:
        ref = warc.write_resource(
            out_dir,
            run_id,
            body_id,
            uri,
            content,
            content_type,
            kind=kind,
            refers_to=refers_to,
        )
        return ref.file, ref.record_id

    return archive


class _TransientData(Exception):
    """The page itself answered, but a request for its data got a transient answer (a 502 from the
    API): what rendered is an empty shell, not the page."""

    def __init__(self, url: str, status: int, antibot: bool = False) -> None:
        wall = " (a bot wall's refusal)" if antibot else ""
        super().__init__(f"its data ({url}) answered HTTP {status}{wall}")
        self.status = status
        self.antibot = antibot

    @property
    def reason(self) -> FailureReason:
        return "antibot" if self.antibot else "http_status"


async def _is_antibot(response: Any, markers: tuple[str, ...]) -> bool:
    try:
        head = (await response.body())[:8192].decode("utf-8", "replace").lower()
    except Exception:  # the body is gone (the page moved on): not known to be a bot wall
        return False
    return any(marker.lower() in head for marker in markers)


async def _render_one(page: Any, url: str, config: RenderSettings) -> tuple[int, dict[str, str], str, str]:
    transient: list[tuple[str, int]] = []
    refused: list[Any] = []  # other error answers to the page's data: a bot wall's, or the data's own

    def on_response(response: Any) -> None:
        kind = response.request.resource_type
        if kind in ("xhr", "fetch") and response.status in config.retry_http_codes:
            transient.append((response.url, response.status))
        elif kind in ("xhr", "fetch") and response.status >= 400:
            refused.append(response)

    page.on("response", on_response)
    try:
        response = await goto(page, url, wait_until="networkidle", timeout=config.timeout_ms)
        if BrowserSession.left_for_an_error(page):
            raise RuntimeError(f"the page went on to an address that failed ({page.url})")
        # a page that renders nothing is still a page: its empty DOM is the evidence
        with contextlib.suppress(Exception):
            await page.wait_for_selector(config.ready_selector, timeout=config.timeout_ms // 2)
        await page.wait_for_timeout(config.settle_ms)
        status = response.status if response is not None else 0
        if transient and status not in config.retry_http_codes:
            raise _TransientData(*transient[0])
        for answer in refused:
            if await _is_antibot(answer, config.antibot_markers):
                raise _TransientData(answer.url, answer.status, antibot=True)
        headers = await response.all_headers() if response is not None else {}
        return status, dict(headers), await page_html(page), await page.title()
    finally:
        page.remove_listener("response", on_response)  # the page goes on to the lane's next target


async def render_body(slug: str, langs: tuple[str, ...], config: RenderSettings) -> AsyncIterator[Any]:
    """Render a body's pages per language; yields PageItem and FetchFailureItem, a language's after
    the one before it, each page's in the order the pages were found."""
    config.shots_dir.mkdir(parents=True, exist_ok=True)
    async with open_browser(config.policy, config.url_map, budget=config.budget, archive=config.exchanges) as session:
        refusals = _Refusals(session)
        at_once = config.concurrency if config.concurrency > 0 else default_concurrency()
        slots = asyncio.Semaphore(at_once)  # pages rendering at once, all languages

        def start(lang: str) -> asyncio.Future[list[Any]]:
            return asyncio.ensure_future(_render_language(slug, lang, config, slots, refusals))

        # the languages together; one page at a time, one language after the other as always
        languages = [start(lang) for lang in langs] if at_once > 1 else []
        pages: list[PageItem] = []
        try:
            for n, lang in enumerate(langs):
                if n == len(languages):
                    languages.append(start(lang))
                for item in await languages[n]:
                    if isinstance(item, PageItem):
                        pages.append(item)
                    yield item
        finally:
            await cancel_all(languages)
        for item in await _check_links(slug, pages, langs, config, slots, refusals):
            yield item


async def _check_links(
    slug: str,
    pages: list[PageItem],
    langs: tuple[str, ...],
    config: RenderSettings,
    slots: asyncio.Semaphore,
    refusals: _Refusals,
) -> list[Any]:
    """The body's own link targets no rendered page is (:func:`link_check_targets`), rendered once on
    the desktop: a page that exists, or the app's "page not found" (stored as a 404)."""
    found = [
        (config.out_dir.joinpath(p.dom_path).read_text(encoding="utf-8"), p.url, p.depth)
        for p in pages
        if p.dom_path and p.status == 200
    ]
    rendered_urls = {p.url for p in pages}
    targets = link_check_targets(found, slug, rendered_urls, langs, config.check_links)
    if not targets:
        return []
    lanes = _Lanes(refusals, config.pages_per_context)

    async def render(target: RenderTarget) -> RenderedTarget:
        async with slots:
            return await _render_target(target, str(rendered.lang_of(target.url)), config, lanes, refusals)

    try:
        outcomes = await together(render(target) for target in targets)
    finally:
        await lanes.close()
    return [item for outcome in outcomes for item in outcome.items]


async def _render_language(
    slug: str, lang: str, config: RenderSettings, slots: asyncio.Semaphore, refusals: _Refusals
) -> list[Any]:
    plan = RenderPlan(slug, lang, config.max_pages, config.sample)
    for kind, urls in config.seeds.get(lang, {}).items():
        plan.seed(kind, urls)
    config.sampled[lang] = plan.described()  # the same dicts, filled as the plan learns
    lanes = _Lanes(refusals, config.pages_per_context)

    async def render(target: RenderTarget) -> RenderedTarget:
        async with slots:
            return await _render_target(target, lang, config, lanes, refusals)

    try:
        return await render_generations(plan, render)
    finally:
        await lanes.close()


@dataclass
class RenderedTarget:
    """One target's items, in the order they are yielded, and the DOM the plan learns from (None: the
    page did not render)."""

    items: list[Any]
    html: str | None = None


async def render_generations(
    plan: RenderPlan, render: Callable[[RenderTarget], Awaitable[RenderedTarget]]
) -> list[Any]:
    """Render a plan's pages generation by generation: every target queued now at once (``render``
    bounds how many run together), then each page's DOM learned from and its items kept in the order
    the targets were queued, whatever order they finished in.

    The targets, their depths and the order of the items are those of rendering the queue one target
    at a time: a target learned from adds its finds at the queue's end, after the rest of its own
    generation, and the plan learns from the same pages in the same order."""
    items: list[Any] = []
    while generation := list(iter(plan.next, None)):
        rendered = await together(render(target) for target in generation)
        for target, outcome in zip(generation, rendered, strict=True):
            if outcome.html is not None:
                plan.learn(outcome.html, target)
            items.extend(outcome.items)
    return items


# What a page keeps across navigations that a new page would not have: its tab's session storage
# and window name (cookies, local storage and the cache are the context's, shared by its pages anyway).
_FORGET = "() => { try { sessionStorage.clear(); } catch (e) {} window.name = ''; }"


@dataclass
class _Lane:
    """A desktop and a phone context, used by one target at a time (``target``, while it renders),
    each with one page that goes from target to target (:meth:`page`, :meth:`done`)."""

    desktop: Any = None
    mobile: Any = None
    rendered: int = 0
    target: RenderTarget | None = None
    desktop_page: Any = None
    mobile_page: Any = None

    async def page(self, mobile: bool = False) -> Any:
        """A page of the desktop (or phone) context for the target in the lane: the one the lane's
        last target left blank, else a new one. Handed back with :meth:`done`."""
        if mobile:
            page, self.mobile_page = self.mobile_page, None
        else:
            page, self.desktop_page = self.desktop_page, None
        if page is None or page.is_closed():
            page = await (self.mobile if mobile else self.desktop).new_page()
        return page

    async def done(self, page: Any, reuse: bool, timeout_ms: int) -> tuple[ArchivedExchange, ...]:
        """What ``page`` archived for the target it rendered (archived already; kept for the next
        night's question whether anything changed). Then, when it rendered (``reuse``), the page is
        left blank for the lane's next target, nothing of this one still loading into it; else (a
        failure, or a page that does not go blank) it is closed and the next target gets a new one."""
        session = session_of(page)
        blank = False
        try:
            records = await session.records_of(page)
            blank = reuse and await _blank(page, timeout_ms)
            if blank:
                await session.records_of(page)  # what finished as it went blank is no target's
        finally:
            if not blank:
                await page.close()
        if blank and page.context is self.mobile:
            self.mobile_page = page
        elif blank:
            self.desktop_page = page
        return records

    async def close(self) -> None:
        self.desktop_page = self.mobile_page = None  # closed with their contexts
        for context in (self.desktop, self.mobile):
            if context is not None:
                await context.close()
        self.desktop = self.mobile = None


async def _blank(page: Any, timeout_ms: int) -> bool:
    """Take ``page`` to ``about:blank`` as a new page is: its document unloaded (what it still asked
    for is cancelled, its sockets closed) and its tab's own state forgotten. False when the page
    crashed, closed, is on Chromium's error page or does not go blank in time."""
    if page.is_closed() or BrowserSession.left_for_an_error(page):
        return False
    try:
        await asyncio.wait_for(page.evaluate(_FORGET), timeout_ms / 1000)
        await page.goto("about:blank", timeout=timeout_ms)
    except Exception:
        return False
    return not page.is_closed() and page.url == "about:blank" and len(page.frames) == 1


@dataclass
class _Lanes:
    """One language's contexts: a lane (desktop and phone context) per page rendering at once, each
    recycled after ``pages_per_context`` pages."""

    refusals: _Refusals
    pages_per_context: int
    idle: list[_Lane] = field(default_factory=list)
    lanes: list[_Lane] = field(default_factory=list)

    @contextlib.asynccontextmanager
    async def lane(self, target: RenderTarget) -> AsyncIterator[_Lane]:
        lane = self.idle.pop() if self.idle else self._new()
        try:
            if lane.desktop is None or lane.rendered >= self.pages_per_context:
                await lane.close()
                lane.desktop = await new_context(self.refusals.session)
                self.refusals.watch(lane.desktop, lane)
                lane.mobile = await new_context(self.refusals.session, mobile=True)
                self.refusals.watch(lane.mobile, lane)
                lane.rendered = 0
            lane.rendered += 1
            lane.target = target
            yield lane
        finally:
            lane.target = None
            self.idle.append(lane)

    def _new(self) -> _Lane:
        self.lanes.append(_Lane())
        return self.lanes[-1]

    async def close(self) -> None:
        for lane in self.lanes:
            await lane.close()


_Key = str | tuple[str, int]  # what a refusal names: a URL, or a tunnel's host and port


def _refusal_key(refusal: ProxyRefusal) -> _Key | None:
    if not refusal.tunnel:
        return refusal.url.split("#", 1)[0]
    try:
        end = target_of(refusal.url, DEFAULT_SCHEMES)
    except Refusal:
        return None
    return end.host, end.port


def _request_keys(url: str) -> list[_Key]:
    """What a refusal of the request names: its URL, and for a request through a tunnel (https, a
    WebSocket) the tunnel's host and port (as :meth:`BrowserSession.refused_requests` pairs them)."""
    keys: list[_Key] = [url.split("#", 1)[0]]
    with contextlib.suppress(Refusal):
        end = target_of(url, DEFAULT_SCHEMES)
        if end.scheme in ("https", "wss", "ws"):
            keys.append((end.host, end.port))
    return keys


@dataclass
class _Asked:
    """A request of a page rendering in a lane: the target it renders, the address the page was at."""

    target: RenderTarget | None
    url: str
    page_url: str
    navigation: bool


class _Refusals:
    """The proxy's refusals of the pages' requests, each told once to the page that asked it.

    With pages rendering side by side, what the proxy refused since a page started is not all that
    page's, and a refusal may be logged before the browser's event of its request is read. So every
    request of a lane's contexts is noted with the target rendering in the lane, and each refusal is
    paired once with the first request it answers that is still awaited (one noted later, when none
    is noted yet), as :meth:`BrowserSession.refused_requests` pairs them. A target claims its
    refused requests when it is done, each address once; its other requests are awaited no more. A
    refusal no request answers (the browser's own traffic) is left out."""

    def __init__(self, session: BrowserSession) -> None:
        self.session = session
        self.asked: list[_Asked] = []
        self._read_refusals = session.mark()[0]  # how far the proxy's refusals and the requests are read
        self._read_asked = 0
        self._waiting: dict[_Key, deque[int]] = {}  # requests (positions in ``asked``) by what refuses them
        self._early: dict[_Key, deque[ProxyRefusal]] = {}  # refusals whose request is not read yet
        self._answered: dict[int, ProxyRefusal] = {}  # a request's refusal
        self._settled: set[int] = set()  # requests claimed by their target (refused or not)

    def mark(self) -> int:
        """Where the requests stand now (a page's come after it)."""
        return len(self.asked)

    def watch(self, context: Any, lane: _Lane) -> None:
        """Note every request (and WebSocket) of the context's pages with the target rendering in
        ``lane`` and the address the page was at (for a navigation not yet arrived: where it began)."""

        def on_request(request: Any) -> None:
            first = request
            while first.redirected_from is not None:  # a redirect hop is asked by the page that started it
                first = first.redirected_from
            try:
                at = str(request.frame.page.url)
            except Exception:  # a worker's request has no frame
                at = ""
            page_url = at if at.startswith(("http://", "https://")) else str(first.url)
            self.asked.append(_Asked(lane.target, request.url, page_url, bool(request.is_navigation_request())))

        def on_page(page: Any) -> None:
            page.on("websocket", lambda ws: self.asked.append(_Asked(lane.target, ws.url, str(page.url), False)))

        context.on("request", on_request)
        context.on("page", on_page)

    def _read(self) -> None:
        for n in range(self._read_asked, len(self.asked)):
            keys = _request_keys(self.asked[n].url)
            early = next((self._early[key] for key in keys if self._early.get(key)), None)
            if early is not None:
                self._answered[n] = early.popleft()
                continue
            for key in keys:
                self._waiting.setdefault(key, deque()).append(n)
        self._read_asked = len(self.asked)
        refusals = self.session.proxy.refusals_since(self._read_refusals)
        self._read_refusals += len(refusals)
        for refusal in refusals:
            named = _refusal_key(refusal)
            if named is None:
                continue
            waiting = self._waiting.get(named)
            while waiting and (waiting[0] in self._answered or waiting[0] in self._settled):
                waiting.popleft()
            if waiting:
                self._answered[waiting.popleft()] = refusal
            else:
                self._early.setdefault(named, deque()).append(refusal)

    def _refused(self, target: RenderTarget, since: int) -> list[PageRefusal]:
        """The refused requests of ``target``'s pages since ``since``, in the order they were asked."""
        self._read()
        found = []
        for n in sorted(self._answered):
            request = self.asked[n]
            if n >= since and n not in self._settled and request.target is target:
                refusal = self._answered[n]
                found.append(
                    PageRefusal(request.url, refusal.reason, refusal.detail, request.page_url, request.navigation)
                )
        return found

    def navigation(self, target: RenderTarget, since: int) -> PageRefusal | None:
        """The first refused navigation of ``target``'s pages since ``since`` (the page or a hop of its
        redirects)."""
        return next((page for page in self._refused(target, since) if page.navigation), None)

    def claim(self, target: RenderTarget, since: int) -> list[PageRefusal]:
        """The refused requests of ``target``'s pages since ``since``, each address once; from now on
        its requests are settled (a refusal that comes after this answers none of them)."""
        found: dict[str, PageRefusal] = {}
        for page in self._refused(target, since):
            found.setdefault(page.url, page)
        self._settled.update(n for n in range(since, self._read_asked) if self.asked[n].target is target)
        return list(found.values())


def _refused_item(refused: PageRefusal) -> FetchFailureItem:
    detail = f"render: {refused.detail}; asked by {refused.page_url}"
    return FetchFailureItem(url=refused.url, reason=_reason(refused.reason), detail=detail[:500])


def _reason(value: str) -> FailureReason:
    return cast(FailureReason, value) if value in ("private_address", "offsite", "error") else "error"


def _failure(refusals: _Refusals, target: RenderTarget, since: int, url: str, error: BaseException) -> FetchFailureItem:
    """Why a page did not render: the egress policy's refusal of it or of a hop of its redirects,
    else a timeout or an error."""
    if isinstance(error, Refusal):
        return FetchFailureItem(url=url, reason=error.reason, detail=f"render: {error.detail}"[:500])
    refused = refusals.navigation(target, since)
    if refused is not None:
        detail = f"render: {refused.url}: {refused.detail}"
        return FetchFailureItem(url=url, reason=_reason(refused.reason), detail=detail[:500])
    reason: FailureReason = "timeout" if "timeout" in type(error).__name__.lower() else "error"
    return FetchFailureItem(url=url, reason=reason, detail=f"render: {type(error).__name__}: {error}"[:500])


async def _render_phone(lane: _Lane, url: str, shot: Path, config: RenderSettings) -> FetchFailureItem | None:
    """The phone view of a page rendered on the desktop, retried with back-off like the desktop's (a
    502 from the page's data is transient); None when it rendered, else the failure to record."""
    attempt = 0
    while True:
        attempt += 1
        phone = await lane.page(mobile=True)
        reusable = False
        try:
            status, *_ = await _render_one(phone, url, config)
            await phone.screenshot(path=str(shot))
            reusable = status not in config.retry_http_codes
            return None
        except Exception as error:
            if attempt <= config.retry_times:
                await asyncio.sleep(config.backoff(attempt))
                continue
            reason: FailureReason = error.reason if isinstance(error, _TransientData) else "timeout"
            tried = f" (after {attempt} attempts)" if attempt > 1 else ""
            return FetchFailureItem(
                url=url,
                reason=reason,
                detail=f"mobile render: {error}{tried}"[:500],
                status_code=error.status if isinstance(error, _TransientData) else None,
            )
        finally:
            await lane.done(phone, reusable, config.timeout_ms)  # the page's list is not kept


async def _render_target(
    target: RenderTarget, lang: str, config: RenderSettings, lanes: _Lanes, refusals: _Refusals
) -> RenderedTarget:
    """One target: the baseline's render when nothing it asked changed, else rendered in a lane of its
    own; then every request of its pages the policy refused."""
    stem = _file_stem(target.url, lang)
    unchanged = await _unchanged_render(target, config, stem)
    if unchanged is not None:
        status, headers, html, title, exchanges = unchanged
        config.reused += 1
        shots = [config.shots_dir / f"{stem}-{view}.png" for view in config.views(target)]
        return RenderedTarget(
            [_page_item(target, lang, stem, status, headers, html, title, shots, exchanges, config)],
            None if _missing(html, config) else html,
        )
    since = refusals.mark()
    async with lanes.lane(target) as lane:
        rendered = await _render_views(lane, target, lang, config, stem, refusals)
    failed = any(isinstance(item, FetchFailureItem) and item.url == target.url for item in rendered.items)
    for refused in refusals.claim(target, since):
        if refused.navigation and failed and refused.page_url == target.url:
            continue  # the page's own refusal is its failure already
        rendered.items.append(_refused_item(refused))
    return rendered


async def _render_views(
    lane: _Lane,
    target: RenderTarget,
    lang: str,
    config: RenderSettings,
    stem: str,
    refusals: _Refusals,
) -> RenderedTarget:
    """The page on the desktop (tried again after a transient answer), then its phone view where
    wanted (:meth:`RenderSettings.views`)."""
    desktop_shot = config.shots_dir / f"{stem}-desktop.png"
    mobile_shot = config.shots_dir / f"{stem}-mobile.png"
    exchanges: tuple[ArchivedExchange, ...] = ()
    attempt = 0
    while True:
        attempt += 1
        page = await lane.page()
        since = refusals.mark()
        reusable = False
        try:
            status, headers, html, title = await _render_one(page, target.url, config)
            if status not in config.retry_http_codes:
                await page.screenshot(path=str(desktop_shot))
                reusable = True
        except Exception as error:
            failure = _failure(refusals, target, since, target.url, error)
            if isinstance(error, _TransientData):
                failure = FetchFailureItem(
                    url=target.url, reason=error.reason, detail=f"render: {error}"[:500], status_code=error.status
                )
            retried = ("timeout", "error", "http_status", "antibot")
            if failure.reason in retried and attempt <= config.retry_times:
                await asyncio.sleep(config.backoff(attempt))
                continue
            failure.detail = f"{failure.detail} (after {attempt} attempts)"[:500] if attempt > 1 else failure.detail
            return RenderedTarget([failure])
        finally:
            exchanges = await lane.done(page, reusable, config.timeout_ms)
        if status in config.retry_http_codes:  # a transient answer is not the page: try again, then record it
            if attempt <= config.retry_times:
                await asyncio.sleep(config.backoff(attempt))
                continue
            failure = FetchFailureItem(
                url=target.url,
                reason="http_status",
                detail=f"render: HTTP {status} after {attempt} attempts",
                status_code=status,
            )
            return RenderedTarget([failure])
        break
    items: list[Any] = []
    wanted = config.views(target)
    missing_phone_view = await _render_phone(lane, target.url, mobile_shot, config) if "mobile" in wanted else None
    if missing_phone_view is not None:  # the desktop render stands; the missing phone view is recorded
        items.append(missing_phone_view)
        exchanges = ()  # not a whole render: the next night renders it again
    shots = [p for p, view in ((desktop_shot, "desktop"), (mobile_shot, "mobile")) if view in wanted and p.exists()]
    items.append(_page_item(target, lang, stem, status, headers, html, title, shots, exchanges, config))
    # the app's "page not found" is no page to learn from
    return RenderedTarget(items, None if _missing(html, config) else html)


def _missing(html: str, config: RenderSettings) -> str | None:
    """The platform's "page not found" heading the app drew, or None for a page."""
    return rendered.not_found_heading(html, config.not_found)


def _page_item(
    target: RenderTarget,
    lang: str,
    stem: str,
    status: int,
    headers: dict[str, str],
    html: str,
    title: str,
    shots: list[Path],
    exchanges: tuple[ArchivedExchange, ...],
    config: RenderSettings,
) -> PageItem:
    """The rendered page: its DOM and screenshots archived, and (``exchanges``: what the render asked,
    all of it answered) the record the next night reads to tell whether it changed."""
    if status == 200 and _missing(html, config):
        # every route answers 200 with the same shell; the app's "page not found" is the answer
        status = 404
    dom = html.encode("utf-8")
    dom_path = config.shots_dir / f"{stem}.html"
    dom_path.write_bytes(dom)
    if exchanges:
        record = {"url": target.url, "status": status, "headers": headers, "title": title}
        record["views"] = [Path(shot).stem.rsplit("-", 1)[1] for shot in shots]
        record["exchanges"] = [e.as_dict() for e in exchanges]
        _manifest(config.shots_dir, stem).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    warc_file = record_id = None
    if config.archive is not None:
        # a resource record, not a conversion of the page's response (archived beside it with the
        # render's other exchanges): web-archive indexes (cdxj-indexer) and replay skip conversions
        warc_file, record_id = config.archive(target.url, dom, "text/html; charset=utf-8", "resource", None)
        for shot in shots:
            config.archive(target.url, shot.read_bytes(), "image/png", "resource", record_id)
    links = rendered.extract_links(html, target.url, config.internal_hosts)
    return PageItem(
        url=target.url,
        final_url=target.url,
        lang=lang,
        status=status,
        headers=headers,
        depth=target.depth,
        content_sha256=hashlib.sha256(dom).hexdigest(),
        content_type="text/html",
        title=title or None,
        source="govkz-render",
        rendered=True,
        counterpart_url=rendered.counterpart_url(html, target.url, lang),
        warc_file=warc_file,
        warc_record_id=record_id,
        screenshot_paths=[str(p.relative_to(config.out_dir)) for p in shots],
        dom_path=str(dom_path.relative_to(config.out_dir)),
        links=links,
        downloads=rendered.extract_downloads(links),
        fetched_at=datetime.now(UTC),
    )


# ── the baseline's render, when nothing it asked has changed ────────────────────────────────────


def _manifest(folder: Path, stem: str) -> Path:
    return folder / f"{stem}.exchanges.json"


# request headers the client sets for itself (the rest are sent as the browser sent them)
_OWN_HEADERS = frozenset({"host", "content-length", "connection", "accept-encoding"})


async def _unchanged_render(
    target: RenderTarget, config: RenderSettings, stem: str
) -> tuple[int, dict[str, str], str, str, tuple[ArchivedExchange, ...]] | None:
    """The baseline's render of ``target`` when every exchange it made answers as then (status and
    the same bytes) asked again outside the browser; its DOM and screenshots are copied into this
    run, each exchange archived as a ``revisit`` of the full capture, and nothing is rendered. None
    (render it) when there is no such render, or anything differs, fails or cannot be read back.

    The page's DOM is taken to be a function of what its render was answered: the app's script and
    style and its data. An answer that hands out a session credential (a POST answered with a
    ``Set-Cookie``: gov.kz's browser ticket) is asked again but not compared, since it differs every
    time; the data requests then carry the ticket the browser had, and a server that no longer
    accepts it answers differently, so the page is rendered."""
    folder = config.baseline_shots_dir()
    if folder is None or not isinstance(config.exchanges, WarcArchive):  # revisits need the run's WARC
        return None
    wanted = config.views(target)
    try:
        record = json.loads(_manifest(folder, stem).read_text(encoding="utf-8"))
        exchanges = tuple(ArchivedExchange.from_dict(e) for e in record["exchanges"])
        status, headers, title = int(record["status"]), dict(record["headers"]), str(record["title"])
        html = (folder / f"{stem}.html").read_text(encoding="utf-8")
        # a manifest from before the views were recorded had both
        views = tuple(str(view) for view in record.get("views") or ("desktop", "mobile"))
        if not set(views) <= {"desktop", "mobile"}:
            return None
        shots = [(folder / f"{stem}-{view}.png").read_bytes() for view in views]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if record.get("url") != target.url or not exchanges or not set(wanted) <= set(views):
        return None  # (a view this run wants that the baseline did not take: rendered again)
    asked = await asyncio.to_thread(_ask_again, exchanges, config)
    if asked is None:
        return None
    for exchange, (method, request_headers, request_body, answer) in asked:
        if exchange.record_id in config.confirmed:  # a page rendering beside this one confirmed it meanwhile
            continue
        if hashlib.sha256(answer.body).hexdigest() != exchange.payload_sha256:  # a new session credential
            config.exchanges.write_exchange(
                url=exchange.uri,
                method=method,
                request_headers=request_headers,
                status=answer.status,
                reason=answer.reason or None,
                protocol="HTTP/1.1",
                response_headers=answer.headers,
                body=answer.body,
                fetched_at=answer.fetched_at,
                request_body=request_body,
            )
            continue
        config.exchanges.write_revisit(
            url=exchange.uri,
            method=method,
            request_headers=request_headers,
            original=_original(exchange),
            profile="identical-payload-digest",
            status=answer.status,
            reason=answer.reason or None,
            protocol="HTTP/1.1",
            response_headers=answer.headers,
            fetched_at=answer.fetched_at,
            request_body=request_body,
        )
        config.confirmed.add(exchange.record_id)
    config.shots_dir.mkdir(parents=True, exist_ok=True)
    for view, shot in zip(views, shots, strict=True):
        if view in wanted:
            (config.shots_dir / f"{stem}-{view}.png").write_bytes(shot)
    return status, headers, html, title, exchanges


def _original(exchange: ArchivedExchange) -> OriginalCapture:
    return OriginalCapture(
        exchange.warc_file, exchange.record_id, exchange.offset, exchange.uri, exchange.date, exchange.payload_sha256
    )


def _ask_again(
    exchanges: tuple[ArchivedExchange, ...], config: RenderSettings
) -> list[tuple[ArchivedExchange, tuple[str, list[tuple[str, str]], bytes, Answer]]] | None:
    """Each exchange not yet confirmed this run asked again as the browser asked it (method, headers,
    body); None as soon as one cannot be read back, is refused or fails, or answers otherwise than then."""
    client = GuardedClient(
        policy=config.policy or config.url_map.policy(),
        user_agent=config.user_agent,
        url_map=config.url_map,
        timeout=config.timeout_ms / 1000,
        budget=config.budget,
    )
    asked = []
    seen = set(config.confirmed)
    for exchange in exchanges:
        if exchange.record_id in seen:
            continue
        seen.add(exchange.record_id)
        request = read_request(config.out_dir, _original(exchange))
        if request is None:
            return None
        method, request_headers, request_body = request
        sent = {name: value for name, value in request_headers if name.lower() not in _OWN_HEADERS}
        try:
            answer = client.request(exchange.uri, method, sent, request_body if method != "GET" else None)
        except (Refusal, FetchError, OSError):
            return None
        credential = method != "GET" and answer.header("Set-Cookie") is not None
        same = hashlib.sha256(answer.body).hexdigest() == exchange.payload_sha256
        if answer.truncated or answer.status != exchange.status or not (same or credential):
            return None
        asked.append((exchange, (method, request_headers, request_body, answer)))
    return asked
