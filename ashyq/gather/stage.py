"""The browser measurements of a run: for each body, the gather step (ashyq.gather) on one page of
every template the site uses and on the pages whose markup showed something to confirm
(:mod:`ashyq.gather.templates`); every measurement is stored as evidence before the checks read it.

The bodies share one Chromium (one launch per call) and are measured at the same time, with a
limit on the pages measured at once across them all (``browser.concurrent_pages``); each body's
pages are archived into its own WARC, and what each body gets is stored in the order of the
bodies given, as soon as it and the bodies before it are done. A body whose browser work fails has
that failure recorded and the others go on (a body that starts after the shared browser went away
launches one of its own).

The pages measured, each with why (its template, or what to confirm), are recorded in the run's
settings, so a reader knows which pages the browser checks saw. Without the pages' markup (a caller
that gives none) the older sample is taken: the home page plus a few pages per section type.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.base.artifacts import Measurement
from ashyq.base.tasks import together
from ashyq.store.models import Evidence, FetchFailure, Page, Run
from ashyq.store.repository import add_evidence, add_fetch_failures, locked_run
from ashyq.store.vocabulary import EvidenceKind, FetchFailureReason
from ashyq.store.warc import acquire_archive, release_archive

if TYPE_CHECKING:
    from ashyq.gather.visits import GatherResult
    from ashyq.net.browser import BrowserSession

Progress = Callable[[str, dict[str, Any]], None]
# body → its harvested pages as (url, markup), and URL → what the markup asks the browser to confirm
PagesOf = Callable[[str], Sequence[tuple[str, str]]]
ConfirmOf = Callable[[str], Mapping[str, str]]


def _html_pages(session: Session, run: Run, body_id: str) -> tuple[list[str], str | None]:
    """The body's HTML pages by click depth and address (the same harvest, the same order, however a
    concurrent crawl stored it), and its home page (depth 0)."""
    pages = session.scalars(
        select(Page)
        .where(Page.run_id == run.id, Page.body_id == body_id)
        .order_by(Page.depth.is_(None), Page.depth, Page.url, Page.id)
    ).all()
    urls = [p.url for p in pages if (p.status or 0) < 400 and "html" in (p.content_type or "html")]
    home = next((p.url for p in pages if p.depth == 0 and (p.status or 0) < 400), urls[0] if urls else None)
    return list(dict.fromkeys(urls)), home


def _relative(path: str | None, out_dir: Path) -> str | None:
    if not path:
        return None
    try:
        return str(Path(path).resolve().relative_to(out_dir))
    except ValueError:
        return path


@dataclass
class _Body:
    """One body to measure: its HTML pages and home page, the pages chosen (None: the old sample)."""

    body_id: str
    urls: list[str]
    home: str | None
    chosen: list[str] | None
    templates: dict[str, Any] | None  # the measure-templates progress event's, when pages were chosen
    shots: Path


def measure_run(
    session: Session,
    run: Run,
    body_ids: list[str],
    out_dir: Path,
    base_url_map: dict[str, str],
    progress: Progress,
    pages_of: PagesOf | None = None,
    confirm_of: ConfirmOf | None = None,
) -> None:
    bodies: list[_Body] = []
    why: dict[str, dict[str, str]] = {}
    for body_id in body_ids:
        body = _body(session, run, body_id, out_dir, pages_of, confirm_of, why)
        if body is None:
            progress("measure-skipped", {"reason": f"{body_id}: no harvested page to measure"})
        else:
            bodies.append(body)
    samples: dict[str, list[str]] = {}

    def store(body: _Body, outcome: GatherResult | Exception) -> None:
        if isinstance(outcome, Exception):  # the browser itself failed: every browser item will be not_assessed
            add_fetch_failures(
                session,
                [
                    FetchFailure(
                        run_id=run.id,
                        body_id=body.body_id,
                        url=body.home or body.urls[0],
                        reason=FetchFailureReason.ERROR,
                        detail=f"browser gather: {outcome}"[:500],
                    )
                ],
            )
            return
        samples[body.body_id] = outcome.sample
        _store(session, run, body.body_id, outcome, out_dir)

    if bodies:
        asyncio.run(_measure_bodies(bodies, run.id, out_dir, base_url_map, progress, store))
    # several parts of a run (queue workers) measure their bodies at the same time: the samples and
    # why each page was chosen are merged into a fresh copy of the run's settings under the row's lock
    fresh = locked_run(session, run.id)
    assert fresh is not None
    stored = dict(fresh.settings or {})
    earlier = dict(stored.get("browser_sample") or {})
    earlier_why = dict(stored.get("browser_sample_why") or {})
    fresh.settings = {
        **stored,
        "browser_sample": {**earlier, **samples},
        "browser_sample_why": {**earlier_why, **why},
    }
    session.flush()


def _body(
    session: Session,
    run: Run,
    body_id: str,
    out_dir: Path,
    pages_of: PagesOf | None,
    confirm_of: ConfirmOf | None,
    why: dict[str, dict[str, str]],
) -> _Body | None:
    """What to measure of a body (None: no harvested page), and why each page was chosen (``why``)."""
    from ashyq.config.check_settings import check_settings
    from ashyq.gather.templates import choose

    urls, home = _html_pages(session, run, body_id)
    if not urls:
        return None
    shots = out_dir / "runs" / run.id / "shots" / body_id / "browser"
    shots.mkdir(parents=True, exist_ok=True)
    body = _Body(body_id, urls, home, None, None, shots)
    if pages_of is not None:
        sampling = check_settings("accessibility")["sampling"]
        html_urls = set(urls)
        marked = [(u, h) for u, h in pages_of(body_id) if u in html_urls]
        if marked:
            choice = choose(
                marked,
                home,
                confirm_of(body_id) if confirm_of is not None else {},
                int(sampling["max_templates"]),
                int(sampling["max_confirm"]),
                float(sampling["template_similarity"]),
            )
            body.chosen, why[body_id] = choice.urls, choice.reasons
            body.templates = {"body": body_id, "pages": choice.pages, "templates": choice.templates}
    return body


async def _measure_bodies(
    bodies: list[_Body],
    run_id: str,
    out_dir: Path,
    base_url_map: dict[str, str],
    progress: Progress,
    store: Callable[[_Body, GatherResult | Exception], None],
) -> None:
    """Every body's gather in one browser, at most ``concurrent_pages`` pages (and bodies) at once;
    each body's outcome stored (``store``) in the order of ``bodies``, once those before it are."""
    from ashyq.gather.pages import browser_for, pages_at_once
    from ashyq.gather.visits import GatherSettings

    base = GatherSettings.from_config(url_map=base_url_map or None)  # policy, map and budget: every body's
    at_once = pages_at_once(base)
    slots, running = asyncio.Semaphore(at_once), asyncio.Semaphore(at_once)
    turns = [asyncio.Event() for _ in bodies]
    browser: BrowserSession | None = None
    async with contextlib.AsyncExitStack() as stack:
        with contextlib.suppress(Exception):  # no shared browser: each body tries one of its own, and says why not
            browser = await stack.enter_async_context(browser_for(base))

        async def measure(n: int, body: _Body) -> None:
            async with running:
                progress("measure", {"body": body.body_id})
                if body.templates is not None:
                    progress("measure-templates", body.templates)
                shared = browser if browser is not None and browser.browser.is_connected() else None
                outcome = await _gather_body(body, run_id, out_dir, base_url_map, shared, slots)
            if n:
                await turns[n - 1].wait()
            try:
                store(body, outcome)
            finally:
                turns[n].set()

        await together(measure(n, body) for n, body in enumerate(bodies))


async def _gather_body(
    body: _Body,
    run_id: str,
    out_dir: Path,
    base_url_map: dict[str, str],
    browser: BrowserSession | None,
    slots: asyncio.Semaphore,
) -> GatherResult | Exception:
    """A body's gather in the shared browser (or its own, without one), archived into its WARC."""
    from ashyq.gather.pages import gather_async
    from ashyq.gather.visits import GatherSettings

    # what the browser gets while measuring goes into the body's WARC of the run (ashyq.net.capture)
    archive = acquire_archive(out_dir, run_id, body.body_id)
    try:
        settings = GatherSettings.from_config(url_map=base_url_map or None, screenshots_dir=body.shots, archive=archive)
        result = await gather_async(body.urls, settings, body.home, chosen=body.chosen, session=browser, slots=slots)
    except Exception as error:
        return error
    finally:
        release_archive(out_dir, run_id, body.body_id)
    return replace(result, pages=[])  # the rendered DOMs are not stored: not kept while others go on


def _store(session: Session, run: Run, body_id: str, result: GatherResult, out_dir: Path) -> None:
    """A body's measurements as evidence and its pages' failures as fetch failures."""
    add_evidence(
        session,
        [
            Evidence(
                run_id=run.id,
                body_id=body_id,
                kind=EvidenceKind.AXE_RESULT if m.kind == "axe" else EvidenceKind.MEASUREMENT,
                url=m.url,
                path=_relative(m.screenshot, out_dir),
                **_archived(m),
                metadata_={
                    "measurement": m.kind,
                    "data": m.data,
                    "lang": m.lang,
                    "viewport": m.viewport,
                    "tool_versions": m.tool_versions,
                    "records": [r.as_dict() for r in m.records],
                },
            )
            for m in result.measurements
        ],
    )
    add_fetch_failures(
        session,
        [
            FetchFailure(run_id=run.id, body_id=body_id, url=f.url, reason=_reason(f.reason), detail=f.detail)
            for f in result.failures
        ],
    )


def _archived(measurement: Measurement) -> dict[str, Any]:
    """The measured page's own response in the WARC: where the measurement's evidence points."""
    document = measurement.document
    if document is None:
        return {}
    return {
        "warc_file": document.warc_file,
        "warc_record_id": document.record_id,
        "warc_offset": document.offset,
        "sha256": document.payload_sha256,
    }


def _reason(value: str) -> FetchFailureReason:
    try:
        return FetchFailureReason(value)
    except ValueError:
        return FetchFailureReason.ERROR
