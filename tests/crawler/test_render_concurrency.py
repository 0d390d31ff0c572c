"""Several gov.kz pages render at once, with the result of rendering them one at a time: the same pages
at the same depths, in the same order, with the same failures; every refused request of a page is
recorded once, with the page that asked it, however many pages ask the same at the same time. A lane's
pages go from target to target (left blank in between), with the result of a new page per target."""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from ashyq_replica.server import RunningWorld

from ashyq.crawler import render as render_module
from ashyq.crawler.items import FetchFailureItem, PageItem
from ashyq.crawler.parsers.govkz import entity_url
from ashyq.crawler.render import (
    RenderedTarget,
    RenderPlan,
    RenderSettings,
    RenderTarget,
    _Lane,
    _Refusals,
    default_concurrency,
    render_body,
    render_generations,
)
from ashyq.net.proxy import ProxyRefusal
from ashyq.net.urlmap import BaseUrlMap

SLUG = "mod"

# ── the generations, without a browser ─────────────────────────────────────────────────────────


def _url(path: str) -> str:
    return entity_url(SLUG, path, "ru")


def _html(menu: tuple[str, ...] = (), links: tuple[str, ...] = ()) -> str:
    nav = "".join(f'<a href="{_url(p)}">{p}</a>' for p in menu)
    body = "".join(f'<a href="{_url(p)}">{p}</a>' for p in links)
    return f"<html><body><nav>{nav}</nav><main>{body}</main></body></html>"


# The home page's menu has more sections than the plan takes; each section links a news item and a
# document of its own, so which ones the plan follows depends on the order it learns the sections in.
SITE = {
    _url(""): _html(menu=("/s1", "/s2", "/s3", "/s4", "/s5")),
    _url("/s1"): _html(links=("/press/news/details/1", "/documents/details/1")),
    _url("/s2"): _html(links=("/press/news/details/2", "/documents/details/2")),
    _url("/s3"): _html(links=("/press/news/details/3", "/documents/details/3")),
    _url("/press/news/details/1"): _html(links=("/documents/details/9",)),
    _url("/documents/details/1"): _html(),
}


def _sequential(plan: RenderPlan, site: dict[str, str], failing: set[str]) -> list[tuple[str, int]]:
    """What the render did one page at a time: pop a target, render it, learn from it."""
    done = []
    while (target := plan.next()) is not None:
        done.append((target.url, target.depth))
        if target.url not in failing:
            plan.learn(site[target.url], target)
    return done


@pytest.mark.parametrize("failing", [set(), {_url("/s1")}])
def test_generations_learn_in_queue_order_whatever_order_pages_finish_in(failing: set[str]) -> None:
    site = dict(SITE)
    for n in (2, 3):
        site[_url(f"/press/news/details/{n}")] = _html()
        site[_url(f"/documents/details/{n}")] = _html()
    expected = _sequential(RenderPlan(SLUG, "ru", 6), site, failing)
    finished: list[str] = []
    running = 0
    most = 0

    async def render(target: RenderTarget) -> RenderedTarget:
        nonlocal running, most
        running += 1
        most = max(most, running)
        # the later a target was queued, the sooner it finishes
        await asyncio.sleep(0.05 / (1 + list(site).index(target.url)))
        running -= 1
        finished.append(target.url)
        if target.url in failing:
            return RenderedTarget([("failure", target.url, target.depth)])
        return RenderedTarget([("page", target.url, target.depth)], site[target.url])

    items = asyncio.run(render_generations(RenderPlan(SLUG, "ru", 6), render))

    assert [(url, depth) for _, url, depth in items] == expected
    assert [kind for kind, url, _ in items if url in failing] == ["failure"] * len(failing)
    assert most > 1, "the targets of a generation render together"
    assert finished != [url for url, _ in expected], "the pages finished out of order (else nothing is shown)"
    # the news item and the document of the first section that rendered, as one page at a time found them
    first = "1" if not failing else "2"
    assert _url(f"/press/news/details/{first}") in {url for url, _ in expected}


def test_default_concurrency_is_the_cores_and_one_more_at_most_four(monkeypatch: pytest.MonkeyPatch) -> None:
    for cores, expected in ((None, 2), (1, 2), (2, 3), (3, 4), (64, 4)):
        monkeypatch.setattr("os.cpu_count", lambda cores=cores: cores)
        assert default_concurrency() == expected
    assert RenderSettings(Path("out"), "r", "b", BaseUrlMap(), set()).concurrency == 4


def test_the_crawl_config_sets_the_concurrency() -> None:
    from ashyq.crawler.settings import build_settings
    from ashyq.net.crawl_config import CrawlConfig, load_crawl_config

    assert load_crawl_config().render.concurrency == 0  # ashyq/config/crawl.yaml: by the machine
    config = CrawlConfig.model_validate({"render": {"concurrency": 2}})
    settings = build_settings(config, base_url_map={"https://www.gov.kz": "http://127.0.0.1:9"})
    assert settings["ASHYQ_RENDER_CONCURRENCY"] == 2


# ── the refusals of pages rendering side by side, without a browser ────────────────────────────


class _Context:
    def __init__(self) -> None:
        self.handlers: dict[str, Any] = {}

    def on(self, event: str, handler: Any) -> None:
        self.handlers[event] = handler


def _request(url: str, page_url: str, navigation: bool = False) -> Any:
    page = SimpleNamespace(url=page_url)
    return SimpleNamespace(
        url=url,
        redirected_from=None,
        frame=SimpleNamespace(page=page),
        is_navigation_request=lambda: navigation,
    )


def test_each_refused_request_is_the_page_that_asked_it_once() -> None:
    refused: list[ProxyRefusal] = []
    session = SimpleNamespace(
        proxy=SimpleNamespace(refusals_since=lambda n: list(refused[n:])), mark=lambda: (len(refused), 0)
    )
    ledger = _Refusals(session)  # type: ignore[arg-type]
    a, b = RenderTarget(_url("/a"), 1), RenderTarget(_url("/b"), 1)
    lane_a, lane_b = _Lane(target=a), _Lane(target=b)
    context_a, context_b = _Context(), _Context()
    ledger.watch(context_a, lane_a)
    ledger.watch(context_b, lane_b)
    since_a = since_b = ledger.mark()
    tracker = "http://127.0.0.1:9/track.js"
    blocked = "http://169.254.169.254/x"

    # both pages ask the same refused script (a twice: recorded once); b's refusal is logged before
    # its request is read
    context_a.handlers["request"](_request(a.url, "about:blank", navigation=True))
    context_a.handlers["request"](_request(tracker, a.url))
    context_a.handlers["request"](_request(tracker, a.url))
    refused.extend([ProxyRefusal(tracker, "private_address", "loopback")] * 3)
    assert ledger.claim(b, since_b) == []  # b has asked nothing yet
    context_b.handlers["request"](_request(tracker, b.url))
    context_b.handlers["request"](_request(blocked, b.url, navigation=True))
    refused.append(ProxyRefusal(blocked, "private_address", "metadata"))

    navigation = ledger.navigation(b, since_b)
    assert navigation is not None and navigation.url == blocked
    mine_a = [(r.url, r.page_url) for r in ledger.claim(a, since_a)]
    mine_b = [(r.url, r.page_url, r.navigation) for r in ledger.claim(b, since_b)]
    assert mine_a == [(tracker, a.url)]
    assert mine_b == [(tracker, b.url, False), (blocked, b.url, True)]
    assert ledger.claim(a, since_a) == [] and ledger.claim(b, since_b) == []  # claimed once

    # a refusal that comes after its page was done answers none of its requests
    refused.append(ProxyRefusal(tracker, "private_address", "loopback"))
    assert ledger.claim(a, since_a) == []


# ── a lane's pages, without a browser ──────────────────────────────────────────────────────────


class _Page:
    """A page that goes blank when told, unless it is stuck or on Chromium's error page."""

    def __init__(self, context: Any, n: int) -> None:
        self.context, self.n = context, n
        self.url = f"https://www.gov.kz/page{n}"
        self.closed = False
        self.stuck = False
        self.frames = [object()]
        self.forgotten = 0

    def is_closed(self) -> bool:
        return self.closed

    async def evaluate(self, script: str) -> None:
        self.forgotten += "sessionStorage.clear()" in script

    async def goto(self, url: str, **_: Any) -> None:
        if self.stuck:
            raise TimeoutError("about:blank did not load")
        self.url = url

    async def close(self) -> None:
        self.closed = True


class _PageContext:
    def __init__(self) -> None:
        self.opened: list[_Page] = []

    async def new_page(self) -> _Page:
        self.opened.append(_Page(self, len(self.opened)))
        return self.opened[-1]


def test_a_lane_leaves_a_page_that_rendered_blank_for_the_next_target_and_closes_one_that_failed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    records: Counter[int] = Counter()

    class _Session:
        async def records_of(self, page: _Page) -> tuple[str, ...]:
            records[page.n] += 1
            return (f"record of {page.url}",)

    monkeypatch.setattr(render_module, "session_of", lambda page: _Session())
    lane = _Lane(desktop=_PageContext(), mobile=_PageContext())

    async def run() -> None:
        first = await lane.page()
        assert await lane.done(first, True, 1000) == ("record of https://www.gov.kz/page0",)
        assert first.url == "about:blank" and not first.closed and first.forgotten == 1
        assert records[0] == 2  # what came as it went blank is nobody's
        assert await lane.page() is first  # the next target navigates it
        await lane.done(first, False, 1000)  # that target failed: closed, the next gets a new page
        assert first.closed
        second = await lane.page()
        assert second is not first and len(lane.desktop.opened) == 2
        second.stuck = True  # does not go blank: closed
        await lane.done(second, True, 1000)
        assert second.closed
        third = await lane.page()
        third.url = "chrome-error://chromewebdata/"  # left for an error page: closed
        await lane.done(third, True, 1000)
        assert third.closed and len(lane.desktop.opened) == 3
        phone = await lane.page(mobile=True)
        await lane.done(phone, True, 1000)
        assert await lane.page(mobile=True) is phone and len(lane.mobile.opened) == 1
        assert await lane.page() is not phone

    asyncio.run(run())


# ── the browser, against the replica ────────────────────────────────────────────────────────────


def _render(urls: dict[str, str], tmp: Path, concurrency: int, langs: tuple[str, ...], max_pages: int) -> list[Any]:
    config = RenderSettings(
        out_dir=tmp,
        run_id=f"c{concurrency}",
        body_id=SLUG,
        url_map=BaseUrlMap.from_mapping(urls),
        internal_hosts={"www.gov.kz"},
        max_pages=max_pages,
        concurrency=concurrency,
        backoff_base_seconds=0.1,
    )

    async def run() -> list[Any]:
        return [item async for item in render_body(SLUG, langs, config)]

    return asyncio.run(run())


def _pages(items: list[Any]) -> list[tuple[str, str | None, int | None, int, str | None]]:
    return [(i.url, i.lang, i.depth, i.status, i.title) for i in items if isinstance(i, PageItem)]


def _failures(items: list[Any]) -> Counter[tuple[str, str, str]]:
    return Counter((i.url, i.reason, i.detail or "") for i in items if isinstance(i, FetchFailureItem))


@pytest.mark.browser
@pytest.mark.slow
def test_pages_render_at_once_with_the_result_of_one_at_a_time(world_urls: dict[str, str], tmp_path: Path) -> None:
    one = _render(world_urls, tmp_path / "one", 1, ("kk", "ru"), 6)
    several = _render(world_urls, tmp_path / "several", 3, ("kk", "ru"), 6)

    pages = _pages(one)
    assert len(pages) >= 8 and {lang for _, lang, *_ in pages} == {"kk", "ru"}
    langs = [lang for _, lang, *_ in pages]
    assert langs == ["kk"] * langs.count("kk") + ["ru"] * langs.count("ru")  # kk's pages, then ru's
    assert {depth for *_, depth, _, _ in pages} >= {0, 1}
    assert _pages(several) == pages
    assert _failures(several) == _failures(one)
    homes = [page for page in pages if page[2] == 0]  # one per language
    assert len(homes) == 2
    for folder in ("one", "several"):
        shots = sorted((tmp_path / folder).rglob("*.png"))
        # a desktop view of every page, a phone view of each home page (render.phone_views: home)
        assert len(shots) == len(pages) + len(homes), folder
        assert len([shot for shot in shots if shot.stem.endswith("-mobile")]) == len(homes), folder


@pytest.mark.browser
@pytest.mark.slow
def test_each_page_records_its_own_refused_requests_when_pages_render_at_once(
    hostile: RunningWorld, tmp_path: Path
) -> None:
    """Every page of the hostile gov.kz asks the same forbidden images, scripts and sockets: rendered
    side by side, each page still records each of them once, with itself as the page that asked."""
    one = _render(dict(hostile.urls), tmp_path / "one", 1, ("ru",), 4)
    several = _render(dict(hostile.urls), tmp_path / "several", 3, ("ru",), 4)

    assert _pages(several) == _pages(one) and len(_pages(one)) >= 2
    failures = _failures(one)
    assert failures and all(count == 1 for count in failures.values()), failures
    askers = {detail.rsplit("; asked by ", 1)[-1] for _, _, detail in failures}
    assert askers == {url for url, *_ in _pages(one)}, askers
    assert _failures(several) == failures


@pytest.mark.browser
@pytest.mark.slow
def test_a_lanes_pages_go_from_target_to_target_with_the_result_of_a_new_page_each(
    world_urls: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a page costs Chromium about three times what navigating one does: a lane keeps its
    desktop and its phone page and navigates them from target to target. The pages, their DOMs and
    titles are those of rendering one page at a time, each in a new page."""
    from playwright.async_api import BrowserContext

    opened: list[BrowserContext] = []
    new_page = BrowserContext.new_page

    async def counted(self: BrowserContext, *args: Any, **kwargs: Any) -> Any:
        opened.append(self)
        return await new_page(self, *args, **kwargs)

    async def never_blank(page: Any, timeout_ms: int) -> bool:
        return False  # every page closed after its target: a new page for each, as rendering did before

    monkeypatch.setattr(BrowserContext, "new_page", counted)
    with monkeypatch.context() as fresh:
        fresh.setattr(render_module, "_blank", never_blank)
        one = _render(world_urls, tmp_path / "one", 1, ("kk", "ru"), 6)
    fresh_pages = len(opened)
    opened.clear()
    reused = _render(world_urls, tmp_path / "reused", 2, ("kk", "ru"), 6)

    def rendered(items: list[Any]) -> list[tuple[Any, ...]]:
        pages = [i for i in items if isinstance(i, PageItem)]
        return [(*row, i.content_sha256) for row, i in zip(_pages(items), pages, strict=True)]

    targets, homes = len(rendered(one)), len([row for row in rendered(one) if row[2] == 0])
    assert targets >= 8 and homes == 2 and not _failures(one)
    assert fresh_pages == targets + homes  # a desktop page per target, a phone page per home page
    assert rendered(reused) == rendered(one)
    assert _failures(reused) == _failures(one)
    # a desktop and a phone page per lane, at most two lanes per language
    assert len(opened) <= 2 * 2 * 2 < targets, len(opened)
