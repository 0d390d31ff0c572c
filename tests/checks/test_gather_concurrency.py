"""The browser gather step measures several pages at once, and the run's browser stage measures its
bodies in one Chromium: the measurements are the same, in the same order, as one page at a time;
each body's exchanges go to its own archive and each refused request is the body's that asked it."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from ashyq_replica.accuracy.act import checkout_policy

import ashyq.gather.pages as pages_module
from ashyq.base.artifacts import Measurement
from ashyq.gather.pages import browser_for, gather_async, gather_pages
from ashyq.gather.visits import GatherResult, GatherSettings
from tests.browser_helpers import Sink, served_pages

pytestmark = pytest.mark.browser

KOSTANAY = "https://www.kostanay.gov.kz"
PAGES = ["/ru/", "/ru/news/1", "/ru/documents", "/ru/feedback", "/ru/sitemap", "/kk/news/2"]


# ── (a) one page at a time and three at once ─────────────────────────────────────────────────────
def _deterministic(measurement: Measurement) -> Any:
    """What must not depend on how many pages were measured at once (motion and focus timing may)."""
    data = measurement.data
    if "error" in data:
        return data["error"]
    if measurement.kind == "axe":
        return sorted(v["id"] for v in data["violations"])
    if measurement.kind in ("emblem", "zoom", "search", "english", "skip_link"):
        return data
    if measurement.kind == "form_errors":
        return len(data.get("forms", []))
    if measurement.kind == "mobile":
        return {k: v for k, v in data.items() if k != "html"}
    return None


def _most_at_once(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the pages being measured at the same time; the list's maximum is the most there were."""
    seen = [0]
    now = [0]
    measure = pages_module.measure_page

    async def counted(*args: Any, **kwargs: Any) -> str | None:
        now[0] += 1
        seen[0] = max(seen[0], now[0])
        try:
            return await measure(*args, **kwargs)
        finally:
            now[0] -= 1

    monkeypatch.setattr(pages_module, "measure_page", counted)
    return seen


def test_pages_measured_at_once_give_the_measurements_of_one_at_a_time(
    world_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = [KOSTANAY + p for p in PAGES]
    results: dict[int, GatherResult] = {}
    for at_once in (1, 3):
        seen = _most_at_once(monkeypatch)
        settings = GatherSettings.from_config(
            url_map=world_urls, concurrent_pages=at_once, pages_per_context=2, watch_ms=1000, timeout_ms=20_000
        )
        results[at_once] = gather_pages(urls, settings, sample=False)
        assert seen[0] == at_once
    one, three = results[1], results[3]
    assert [(m.kind, m.url, m.viewport) for m in three.measurements] == [
        (m.kind, m.url, m.viewport) for m in one.measurements
    ]
    assert [_deterministic(m) for m in three.measurements] == [_deterministic(m) for m in one.measurements]
    assert [p.url for p in three.pages] == [p.url for p in one.pages] == urls
    assert [(f.url, f.reason) for f in three.failures] == [(f.url, f.reason) for f in one.failures]
    kinds = [m.kind for m in one.measurements]
    assert kinds.index("search") > max(i for i, k in enumerate(kinds) if k == "axe")  # the probes after the pages
    assert kinds[-2:] == ["mobile", "mobile"]
    assert three.tool_versions["axe-core"] == one.tool_versions["axe-core"]


# ── (b) two bodies in one browser ────────────────────────────────────────────────────────────────
def _site(name: str, refused: str) -> dict[str, str]:
    """path → HTML: a home page asking ``refused`` for an image, two more pages, one whose refresh
    takes it to ``refused`` at once and one whose script does a little later (while the other is
    measured: each page's failure must name its own refused navigation)."""
    page = '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{t}</title>{head}</head>'
    page += "<body>{b}</body></html>"
    links = "".join(f'<a href="/{n}.html">{n}</a> ' for n in ("one", "two"))
    home = f'<main><h1>{name}</h1><img src="{refused}/leak.png" alt="x">{links}</main>'
    return {
        "/": page.format(t=f"{name} home", head="", b=home),
        "/one.html": page.format(t=f"{name} one", head="", b="<main><h1>One</h1></main>"),
        "/two.html": page.format(t=f"{name} two", head="", b="<main><h1>Two</h1></main>"),
        "/late.html": page.format(
            t=f"{name} late",
            head="",
            # after the page's load, well inside the network-idle wait that follows it (500 ms at the
            # least), however slow a loaded machine runs the timer
            b=f'<script>setTimeout(() => {{ location.href = "{refused}/late"; }}, 100)</script>',
        ),
        "/away.html": page.format(
            t=f"{name} away", head=f'<meta http-equiv="refresh" content="0;url={refused}/away">', b="<main>…</main>"
        ),
    }


@pytest.fixture(scope="module")
def two_sites() -> Iterator[tuple[str, str, str, str]]:
    """Two sites on loopback, each asking a loopback address of its own that no policy allows."""
    with socket.socket() as free_a, socket.socket() as free_b:
        free_a.bind(("127.0.0.1", 0))
        free_b.bind(("127.0.0.1", 0))  # held, never listening: nothing there answers anyway
        refused_a = f"http://127.0.0.1:{free_a.getsockname()[1]}"
        refused_b = f"http://127.0.0.1:{free_b.getsockname()[1]}"
        with served_pages(_site("a", refused_a)) as a, served_pages(_site("b", refused_b)) as b:
            yield a, b, refused_a, refused_b


async def _two_bodies(a: str, b: str, sinks: dict[str, Sink]) -> dict[str, GatherResult]:
    policy = checkout_policy([a, b])

    def settings(sink: Sink) -> GatherSettings:
        return GatherSettings.from_config(
            policy=policy, archive=sink, mobile=False, concurrent_pages=3, watch_ms=500, timeout_ms=20_000
        )

    slots = asyncio.Semaphore(3)
    async with browser_for(settings(sinks["a"])) as session:

        async def body(base: str, name: str) -> GatherResult:
            chosen = [f"{base}/late.html", f"{base}/away.html", f"{base}/", f"{base}/one.html", f"{base}/two.html"]
            return await gather_async([], settings(sinks[name]), chosen=chosen, session=session, slots=slots)

        found = await asyncio.gather(body(a, "a"), body(b, "b"))
        assert session.browser.is_connected()  # left open: the caller's
    return dict(zip(("a", "b"), found, strict=True))


def test_one_browser_for_two_bodies_keeps_their_archives_and_refusals_apart(
    two_sites: tuple[str, str, str, str],
) -> None:
    a, b, refused_a, refused_b = two_sites
    sinks = {"a": Sink("a"), "b": Sink("b")}
    results = asyncio.run(_two_bodies(a, b, sinks))
    for name, base, mine, other in (("a", a, refused_a, refused_b), ("b", b, refused_b, refused_a)):
        result, sink = results[name], sinks[name]
        # the body's own exchanges, every one, and none of the other's
        assert sink.urls and all(u.startswith(base + "/") for u in sink.urls), sink.urls
        assert {f"{base}/", f"{base}/one.html", f"{base}/two.html"} <= set(sink.urls)
        cited = {r.record_id for m in result.measurements for r in m.records}
        assert cited and all(c.startswith(f"<urn:uuid:{name}-") for c in cited)
        # its refusals, once each, and not the other's
        failures = {f.url: f for f in result.failures}
        assert failures[f"{mine}/leak.png"].reason == "private_address"
        assert [f.url for f in result.failures].count(f"{mine}/leak.png") == 1
        assert f"{base}/" in (failures[f"{mine}/leak.png"].detail or "")  # asked by the home page
        away = failures[f"{base}/away.html"]  # the page whose refresh went to a refused address
        assert away.reason == "private_address" and f"{mine}/away" in (away.detail or ""), away
        late = failures[f"{base}/late.html"]
        assert late.reason == "private_address" and f"{mine}/late" in (late.detail or ""), late
        assert not [f for f in result.failures if other + "/" in f.url or other + "/" in (f.detail or "")], (
            result.failures
        )


# ── (c) the run's browser stage: one Chromium for its bodies ─────────────────────────────────────
def test_the_browser_stage_launches_chromium_once_for_its_bodies(
    world_urls: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ashyq.crawler.storing import store_body
    from ashyq.gather.stage import measure_run
    from ashyq.store import repository as repo
    from ashyq.store.bodies import load_registry
    from ashyq.store.db import ensure_schema, session_scope
    from ashyq.store.models import Evidence, FetchFailure, Page
    from ashyq.store.vocabulary import RunKind
    from ashyq.store.warc import warc_path

    homes = {"kostanay": f"{KOSTANAY}/ru/", "zqai": "https://zqai.kz/ru/"}
    launches: list[datetime] = []
    opened = pages_module.open_browser

    @contextlib.asynccontextmanager
    async def counted(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        launches.append(datetime.now())
        async with opened(*args, **kwargs) as session:
            yield session

    monkeypatch.setattr(pages_module, "open_browser", counted)
    url = f"sqlite:///{tmp_path / 'ashyq.sqlite'}"
    ensure_schema(url)
    events: list[tuple[str, dict[str, Any]]] = []
    with session_scope(url) as session:
        repo.upsert_bodies(session, [store_body(b) for b in load_registry("demo").bodies])
        run = repo.start_run(session, RunKind.AUDIT, body_ids=list(homes), edition="kz-2025")
        repo.add_pages(
            session,
            [
                Page(run_id=run.id, body_id=b, url=home, lang="ru", status=200, content_type="text/html", depth=0)
                for b, home in homes.items()
            ],
        )
        measure_run(session, run, list(homes), tmp_path, dict(world_urls), lambda *e: events.append(e))
        run_id = run.id
        evidence = session.query(Evidence).filter_by(run_id=run_id).all()
        failures = session.query(FetchFailure).filter_by(run_id=run_id).all()
        sample = dict(session.get(type(run), run_id).settings["browser_sample"])  # type: ignore[union-attr]

    assert len(launches) == 1
    assert [e[1]["body"] for e in events if e[0] == "measure"] == list(homes)
    assert sample == {b: [home] for b, home in homes.items()}
    assert not [f for f in failures if "browser gather" in (f.detail or "")]
    for body, home in homes.items():
        mine = [e for e in evidence if e.body_id == body]
        assert {e.metadata_["measurement"] for e in mine} >= {"axe", "emblem", "zoom", "mobile", "search"}
        assert {e.url for e in mine if e.metadata_["measurement"] == "axe"} == {home}
        warc = str(warc_path(tmp_path, run_id, body).relative_to(tmp_path))
        assert {e.warc_file for e in mine if e.warc_file} == {warc}
