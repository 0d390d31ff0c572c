"""A page that never lets a measurement finish does not hold the gather for good: its measurements,
its site probe and its phone probes are given up at the gather's deadline (errors, so the checks
say not_assessed, and a fetch failure that says it timed out), while a healthy page beside it is
measured as usual.

The stuck page gives every object ``then`` (a promise-like that never settles): every
``page.evaluate`` whose answer is an object waits on it for ever, as Playwright's evaluate has no
time limit of its own; the page still loads, and Chromium stays idle (nothing spins)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import pytest
from ashyq_replica.accuracy.act import checkout_policy

from ashyq.gather.pages import PAGE_KINDS, gather_async
from ashyq.gather.visits import GatherResult, GatherSettings
from tests.browser_helpers import served_pages

pytestmark = pytest.mark.browser

DEADLINE_MS = 6_000  # the test's own, small: a tiny healthy page is measured well within it
OUTER_SECONDS = 120  # before the deadline existed, the gather never returned: the test fails here instead

PAGE = (
    '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
    "<body><main><h1>{title}</h1><p>Текст страницы.</p>{body}</main></body></html>"
)
NEVER_SETTLES = (
    '<script>Object.defineProperty(Object.prototype, "then", {value: function () {}, configurable: true});</script>'
)
SEARCH = '<form role="search" action="/"><input type="search" name="q"><button>Найти</button></form>'
SITE = {
    "/": PAGE.format(title="Stuck", head=NEVER_SETTLES, body=SEARCH),
    "/healthy.html": PAGE.format(title="Healthy", head="", body='<a href="/">Главная</a>'),
}


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with served_pages(SITE) as base:
        yield base


async def _gather(base: str) -> GatherResult:
    settings = GatherSettings.from_config(
        policy=checkout_policy([base]), concurrent_pages=2, watch_ms=500, timeout_ms=5_000, deadline_ms=DEADLINE_MS
    )
    chosen = [f"{base}/", f"{base}/healthy.html"]  # the stuck page is the home: the probes visit it
    return await asyncio.wait_for(gather_async([], settings, chosen=chosen), OUTER_SECONDS)


def test_a_page_that_never_lets_its_measurements_finish_is_given_up_at_the_deadline(site: str) -> None:
    started = time.monotonic()
    result = asyncio.run(_gather(site))
    took = time.monotonic() - started
    stuck, healthy = f"{site}/", f"{site}/healthy.html"
    # the stuck page's visit, its search probe and two phones one after the other: a few deadlines, not for ever
    assert took < 6 * DEADLINE_MS / 1000 + 30, took

    # the stuck page: every measurement an error that says it timed out, and its failure a timeout
    on_stuck = {m.kind: m.data for m in result.measurements if m.url == stuck and m.viewport == "desktop"}
    for kind in PAGE_KINDS:
        assert "timed out" in on_stuck[kind]["error"], (kind, on_stuck[kind])
    assert "timed out" in on_stuck["search"]["error"], on_stuck["search"]
    phones = [m for m in result.measurements if m.kind == "mobile"]
    assert [m.viewport for m in phones] == ["mobile:android", "mobile:iphone"]
    assert all("timed out" in m.data["error"] for m in phones), [m.data for m in phones]
    (failure,) = [f for f in result.failures if f.url == stuck]
    assert failure.reason == "timeout" and "timed out" in (failure.detail or ""), failure
    assert stuck not in {p.url for p in result.pages}

    # the healthy page beside it: measured as usual
    on_healthy = {m.kind: m.data for m in result.measurements if m.url == healthy}
    assert set(on_healthy) == set(PAGE_KINDS)
    assert not [k for k, data in on_healthy.items() if "error" in data], on_healthy
    assert on_healthy["axe"]["violations"] is not None and on_healthy["zoom"]["zoom"] == 2.0
    assert healthy in {p.url for p in result.pages}
    assert not [f for f in result.failures if f.url == healthy]
