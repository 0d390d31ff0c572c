"""The render path retries a transient answer with back-off, as the crawl does: a gov.kz home page
that answers 503 once is rendered (and its links followed) on the next attempt; one that keeps
failing is a recorded fetch failure with its reason, never a stored page of a 503."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from ashyq_replica.core import GOVKZ_HOST, World
from ashyq_replica.faults import fails_first
from ashyq_replica.server import start_world

from ashyq.crawler.items import FetchFailureItem, PageItem
from ashyq.crawler.parsers.govkz import entity_url
from ashyq.crawler.render import RenderSettings, render_body
from ashyq.net.urlmap import BaseUrlMap

SLUG = "karaganda"
HOME = entity_url(SLUG, "", "ru")


def _render(
    urls: dict[str, str], tmp: Path, retry_times: int, max_pages: int = 3, slug: str = SLUG, lang: str = "ru"
) -> list[object]:
    config = RenderSettings(
        out_dir=tmp,
        run_id="flaky",
        body_id=slug,
        url_map=BaseUrlMap.from_mapping(urls),
        internal_hosts={"www.gov.kz"},
        max_pages=max_pages,
        retry_times=retry_times,
        backoff_base_seconds=0.1,
    )

    async def run() -> list[object]:
        return [item async for item in render_body(slug, (lang,), config)]

    return asyncio.run(run())


def test_the_home_page_fails_first_in_the_flaky_world() -> None:
    parts = urlsplit(HOME)
    assert fails_first(GOVKZ_HOST, f"{parts.path}?{parts.query}")


@pytest.mark.browser
def test_a_transient_503_is_retried_and_the_site_followed(tmp_path: Path) -> None:
    with start_world(World(faults="flaky")) as served:
        items = _render(dict(served.urls), tmp_path, retry_times=2)
    pages = [i for i in items if isinstance(i, PageItem)]
    assert HOME in {p.url for p in pages}
    assert all(p.status == 200 for p in pages), [(p.url, p.status) for p in pages]
    assert len(pages) >= 2  # the home page's links were followed
    assert not [i for i in items if isinstance(i, FetchFailureItem) and i.url == HOME]


@pytest.mark.browser
def test_a_page_that_keeps_failing_is_a_recorded_failure(tmp_path: Path) -> None:
    with start_world(World(faults="flaky")) as served:
        items = _render(dict(served.urls), tmp_path, retry_times=0)
    assert not [i for i in items if isinstance(i, PageItem) and i.url == HOME]
    failures = [i for i in items if isinstance(i, FetchFailureItem) and i.url == HOME]
    assert len(failures) == 1 and failures[0].reason == "http_status" and failures[0].status_code == 503
    assert failures[0].detail == "render: HTTP 503 after 1 attempts"


@pytest.mark.browser
def test_a_bot_walls_refusal_of_the_pages_data_is_retried_not_stored_as_an_empty_shell(tmp_path: Path) -> None:
    """Astana's news item in Kazakh asks gov.kz's news API for its text, and the flaky world's bot wall
    refuses that first query (400 notAllowed): the app shows an empty shell titled "gov.kz". That is
    not the page: it is rendered again, and the page stored is the news item with its own title."""
    news = entity_url("astana", "/press/news/details/930000", "kk")
    with start_world(World(faults="flaky")) as served:
        items = _render(dict(served.urls), tmp_path, retry_times=2, max_pages=5, slug="astana", lang="kk")
    pages = {i.url: i.title for i in items if isinstance(i, PageItem)}
    failures = [(i.url, i.reason, i.detail) for i in items if isinstance(i, FetchFailureItem)]
    assert news in pages, (sorted(pages), failures)
    assert pages[news] == "Қала көшелерін жөндеу: 2026 жылғы қараша айының қорытындысы | Астана қаласының әкімдігі"
    assert "gov.kz" not in pages.values(), pages


@pytest.mark.browser
def test_a_bot_wall_that_keeps_refusing_is_a_recorded_antibot_failure(tmp_path: Path) -> None:
    news = entity_url("astana", "/press/news/details/930000", "kk")
    with start_world(World(faults="flaky")) as served:
        items = _render(dict(served.urls), tmp_path, retry_times=0, max_pages=5, slug="astana", lang="kk")
    assert news not in {i.url for i in items if isinstance(i, PageItem)}
    failures = [i for i in items if isinstance(i, FetchFailureItem) and i.url == news]
    assert [f.reason for f in failures] == ["antibot"], [(f.reason, f.detail) for f in failures]
    assert "bot wall" in (failures[0].detail or "") and failures[0].status_code == 400, failures[0].detail


@pytest.mark.browser
@pytest.mark.slow
def test_the_flaky_world_renders_the_same_pages_as_the_clean_one(tmp_path: Path) -> None:
    """What a flaky gov.kz costs is time, not pages: the same pages, with the same titles, as the
    clean world, except those listed as failures (with a reason)."""
    seen: dict[str, tuple[dict[str, str | None], dict[str, str]]] = {}
    for faults in ("none", "flaky"):
        with start_world(World(faults=faults)) as served:
            items = _render(dict(served.urls), tmp_path / faults, retry_times=2, max_pages=8)
        pages = {i.url: i.title for i in items if isinstance(i, PageItem)}
        failures = {i.url: f"{i.reason}: {i.detail}" for i in items if isinstance(i, FetchFailureItem)}
        seen[faults] = (pages, failures)
    clean, _ = seen["none"]
    flaky, failed = seen["flaky"]
    assert len(clean) == 8
    assert set(flaky) == set(clean) - set(failed), (set(clean) ^ set(flaky), failed)
    assert all(flaky[url] == clean[url] for url in flaky), {
        u: (clean[u], flaky[u]) for u in flaky if flaky[u] != clean[u]
    }
