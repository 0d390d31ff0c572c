"""What one visit of the browser gather step needs, whoever makes it (the page measurements of
:mod:`ashyq.gather.pages`, the probes of :mod:`ashyq.gather.interactions`): the gather settings and
result, loading a page until it settles, the deadline of a visit, its screenshot, and the
measurements a failed visit leaves.

A visit has a deadline (:func:`deadline`): Playwright's ``evaluate`` has no time limit, and a page
whose script never lets one finish (a promise it never settles) held a whole run for good. A visit
past its deadline fails as any other does (its measurements carry ``error``); its page is still
closed, and closing is bounded too (:func:`bounded_close`).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import re
from collections.abc import AsyncIterator, Awaitable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ashyq.base.artifacts import ArchivedExchange, FetchFailure, Measurement, PageSnapshot
from ashyq.base.routes import address_parts
from ashyq.config.check_settings import check_settings
from ashyq.net.browser import CHROMIUM, goto, session_of
from ashyq.net.capture import ExchangeSink
from ashyq.net.egress import EgressPolicy
from ashyq.net.urlmap import BaseUrlMap

# a visit (one page's measurements, one probe) may take this many of the gather's timeouts, plus the
# watch time, before it is given up: far more than the slowest healthy page takes on a loaded machine
# (its loading and each step that waits are bounded by one timeout each), far less than "for good"
DEADLINE_TIMEOUTS = 20
CLOSE_SECONDS = 30.0  # the longest closing a page or a context is waited for


@dataclass
class GatherSettings:
    url_map: BaseUrlMap | Mapping[str, str] | None = None
    policy: EgressPolicy | None = None  # default: the map's (replica mode when mapped, else the real web)
    local_files: bool = False  # check-page of a file the operator named
    screenshots_dir: Path | None = None
    mobile: bool = True
    timeout_ms: int = 15_000
    settle_ms: int = 250
    pages_per_context: int = 8
    concurrent_pages: int = 0  # pages measured at once (0: three a core, at most 8)
    zoom_factor: float = 2.0
    viewport: dict[str, int] = field(default_factory=lambda: {"width": 1280, "height": 800})
    focus_pages: int = 1000  # pages of the sample that are tabbed through (every one, by default)
    focus_stops: int = 12
    watch_ms: int = 3000  # how long (since it started loading) a page is watched for what moves by itself
    executable: str = CHROMIUM
    archive: ExchangeSink | None = None  # the run's WARC of the body: everything the browser got goes there
    deadline_ms: int = 0  # the longest one visit may take (0: DEADLINE_TIMEOUTS timeouts plus the watch time)

    @classmethod
    def from_config(cls, **overrides: Any) -> GatherSettings:
        browser = check_settings("accessibility")["browser"]
        base = {
            "timeout_ms": browser["timeout_ms"],
            "settle_ms": browser["settle_ms"],
            "pages_per_context": browser["pages_per_context"],
            "concurrent_pages": browser["concurrent_pages"],
            "zoom_factor": browser["zoom_factor"],
            "viewport": dict(browser["desktop_viewport"]),
            "watch_ms": browser["watch_ms"],
        }
        return cls(**{**base, **overrides})


@dataclass
class GatherResult:
    sample: list[str]
    measurements: list[Measurement] = field(default_factory=list)
    pages: list[PageSnapshot] = field(default_factory=list)  # the rendered DOM of every sampled page
    failures: list[FetchFailure] = field(default_factory=list)
    tool_versions: dict[str, str] = field(default_factory=dict)


async def load(page: Any, url: str, gather: GatherSettings) -> Any:
    """Load a page (through the egress check of its browser session) and let it settle."""
    response = await goto(page, url, wait_until="load", timeout=gather.timeout_ms)
    with contextlib.suppress(Exception):  # a page that keeps polling still has a DOM to measure
        await page.wait_for_load_state("networkidle", timeout=min(5_000, gather.timeout_ms))
        await page.wait_for_load_state("load", timeout=min(5_000, gather.timeout_ms))
    await page.wait_for_timeout(gather.settle_ms)
    return response


class MeasurementTimeout(TimeoutError):
    """A visit that did not finish within the gather's deadline (:func:`deadline`)."""


def deadline_seconds(gather: GatherSettings) -> float:
    """How long one visit (a page's measurements, a probe) may take: ``deadline_ms``, or by default
    :data:`DEADLINE_TIMEOUTS` times ``timeout_ms`` plus ``watch_ms`` (303 s as configured)."""
    if gather.deadline_ms > 0:
        return gather.deadline_ms / 1000
    return (DEADLINE_TIMEOUTS * gather.timeout_ms + gather.watch_ms) / 1000


@contextlib.asynccontextmanager
async def deadline(gather: GatherSettings, what: str) -> AsyncIterator[None]:
    """Run the block for at most :func:`deadline_seconds`; past it, the block is cancelled and
    :class:`MeasurementTimeout` raised, saying that ``what`` timed out."""
    seconds = deadline_seconds(gather)
    bound = asyncio.timeout(seconds)
    try:
        async with bound:
            yield
    except TimeoutError as error:
        if not bound.expired():
            raise
        raise MeasurementTimeout(f"{what} timed out: not finished within {seconds:g} s") from error


async def bounded_close(closing: Awaitable[Any]) -> None:
    """Close a page or a context, waiting at most :data:`CLOSE_SECONDS` (one that does not close by
    then is left to its context's close, or its browser's)."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(closing, CLOSE_SECONDS)


async def close_page(page: Any, result: GatherResult | None = None, since: int = 0) -> tuple[ArchivedExchange, ...]:
    """Close a visited page; what it got, as archived, is returned and cited by the measurements
    taken on it (``result.measurements[since:]``)."""
    records: tuple[ArchivedExchange, ...] = ()
    try:
        records = await session_of(page).records_of(page)
    except Exception:  # a page of no session (a test's own) has nothing archived
        records = ()
    finally:
        await bounded_close(page.close())
    if result is not None and records:
        result.measurements[since:] = [replace(m, records=m.records + records) for m in result.measurements[since:]]
    return records


def shot_path(gather: GatherSettings, url: str, viewport: str) -> Path | None:
    if gather.screenshots_dir is None:
        return None
    gather.screenshots_dir.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", address_parts(url).path.strip("/"))[-60:] or "home"
    return (
        gather.screenshots_dir
        / f"{stem}-{hashlib.sha256(url.encode()).hexdigest()[:8]}-{viewport.replace(':', '-')}.png"
    )


async def screenshot(page: Any, gather: GatherSettings, url: str, viewport: str) -> str | None:
    path = shot_path(gather, url, viewport)
    if path is None:
        return None
    with contextlib.suppress(Exception):
        await page.screenshot(path=str(path))
        return str(path)
    return None


def error_measurements(
    url: str, error: BaseException, kinds: Sequence[str], viewport: str = "desktop"
) -> list[Measurement]:
    text = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"[:300]
    return [Measurement(kind, url, {"error": text}, viewport=viewport) for kind in kinds]
