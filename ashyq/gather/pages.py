"""The browser gather step: load a body's sampled pages in Debian Chromium and take the measurements
the Appendix 14 and mobile checks read (axe-core, focus, motion, zoom, emblem, form errors, search,
English version, phones).

One browser per call, launched by :mod:`ashyq.net.browser` behind the egress proxy (replica mode
when a base-URL map is given), or the browser a caller already opened for several gathers at once
(the run's browser stage, :mod:`ashyq.gather.stage`: each gather's pages then go into its own
archive, and its refusals are told apart by the owner of its contexts). The pages are measured
a few at once (``concurrent_pages``: lanes that each have a desktop context, recycled every
``pages_per_context`` pages of the lane; a shared limit when several gathers share the browser),
each into its own result, merged in the order of the sample: the outcome does not depend on which
page finished first. Every page is closed after use, so memory stays flat over long runs. A page
that cannot load yields Measurements carrying ``error`` (the checks turn them into not_assessed),
never an exception; every request of a page the egress policy refused is a fetch failure with its
reason.
"""

from __future__ import annotations

import asyncio
import itertools
import os
from collections.abc import Collection, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ashyq.base.artifacts import FetchFailure, Measurement, PageSnapshot
from ashyq.base.routes import address_parts
from ashyq.base.tasks import together
from ashyq.config.check_settings import check_settings, labels
from ashyq.gather import axe as axe_core
from ashyq.gather import contrast, image_text, input_errors, interactions, keyboard, motion, probes, reflow
from ashyq.gather.axe import AxeMissing
from ashyq.gather.visits import (
    GatherResult,
    GatherSettings,
    bounded_close,
    close_page,
    deadline,
    error_measurements,
    load,
    screenshot,
)
from ashyq.net.browser import BrowserSession, Mark, PageRefusal, open_browser, page_html, session_of
from ashyq.net.budget import HostBudget, host_budget
from ashyq.net.crawl_config import load_crawl_config
from ashyq.net.egress import Refusal
from ashyq.net.urlmap import BaseUrlMap

PAGE_KINDS = ("axe", "emblem", "motion", "zoom", "focus", "skip_link", "form_errors")
# concurrent_pages: 0 measures three pages a core at once, at most this many: most of a page's visit is
# waiting (for the network to go idle, for what moves by itself to be watched, for focus and form probes)
MAX_AUTO_PAGES = 8
_OWNERS = itertools.count(1)  # each gather's contexts are its own in the browser session


def sample_pages(urls: Sequence[str], home: str | None = None) -> list[str]:
    """The home page plus a configured number of pages per section type (config ``sampling``)."""
    config = check_settings("accessibility")["sampling"]
    ordered = list(dict.fromkeys(urls))
    chosen = [home or ordered[0]] if ordered or home else []
    for fragments in config["section_types"].values():
        # a single-page app's route is read as a path (/#!/kk/baspasoz is a news section's)
        hits = [u for u in ordered if u not in chosen and any(f in address_parts(u).path for f in fragments)]
        chosen += hits[: int(config["per_section_type"])]
    rest = [u for u in ordered if u not in chosen]
    chosen += rest[: max(0, int(config["max_pages"]) - len(chosen))]
    return chosen[: int(config["max_pages"])]


def url_map_of(mapping: BaseUrlMap | Mapping[str, str] | None) -> BaseUrlMap:
    return mapping if isinstance(mapping, BaseUrlMap) else BaseUrlMap.from_mapping(mapping or {})


def pages_at_once(gather: GatherSettings) -> int:
    """How many pages are measured at once: ``concurrent_pages``, or (0) three a core, at most
    :data:`MAX_AUTO_PAGES`."""
    if gather.concurrent_pages > 0:
        return gather.concurrent_pages
    return min(MAX_AUTO_PAGES, 3 * max(1, os.cpu_count() or 1))


def browser_for(gather: GatherSettings) -> AbstractAsyncContextManager[BrowserSession]:
    """The browser a gather runs in (its policy, URL map and politeness budget), archiving nothing
    by itself: each context is given its gather's archive (:func:`new_context`)."""
    url_map = url_map_of(gather.url_map)
    return open_browser(
        gather.policy,
        url_map,
        executable=gather.executable,
        local_files=gather.local_files,
        budget=_budget(gather, url_map),
    )


async def new_context(
    session: BrowserSession, gather: GatherSettings, device: str | None = None, owner: str | None = None
) -> Any:
    """A desktop context (or a phone's, by Playwright device name) with the gather step's timeout,
    archived into the gather's archive, its requests noted as ``owner``'s."""
    options = {} if device is not None else {"viewport": gather.viewport}
    context = await session.new_context(device, owner=owner, archive=gather.archive, **options)
    context.set_default_timeout(gather.timeout_ms)
    await context.add_init_script(motion.RECORDER)
    await context.add_init_script(keyboard.CLICK_LISTENERS)
    return context


async def measure_page(
    context: Any,
    url: str,
    gather: GatherSettings,
    config: dict[str, Any],
    result: GatherResult,
    with_focus: bool,
    owner: str | None = None,
) -> str | None:
    """Load one page and take its desktop measurements, within the gather's deadline (past it, the
    page is a failure that timed out); returns its rendered DOM (None when it failed)."""
    page = await context.new_page()
    session = session_of(page)
    mark = session.mark()
    since = len(result.measurements)
    reached: set[str] = set()  # where the page's main frame went (a refused navigation is asked from there)
    page.on("framenavigated", lambda frame: reached.add(frame.url) if frame == page.main_frame else None)
    try:
        async with deadline(gather, f"the measurements of {url}"):
            response = await load(page, url, gather)
            _still_here(session, page, mark, url, owner, reached)
            html, shot = await _snapshot(page, url, response, gather, result)
            await _measure(page, url, shot, gather, config, result, with_focus)
            # a refresh or a script may take the page away after it loaded (later on a busy machine): what
            # was measured is then not the page's, and the page is its refusal
            _still_here(session, page, mark, url, owner, reached)
        return html
    except Exception as error:
        result.pages[:] = [p for p in result.pages if p.url != url]
        del result.measurements[since:]
        kinds = [k for k in PAGE_KINDS if with_focus or k not in ("focus", "skip_link")]
        result.measurements += error_measurements(url, error, kinds)
        result.failures.append(failure_of(session, mark, url, error, owner, reached))
        return None
    finally:
        await close_page(page, result, since)


async def _snapshot(
    page: Any, url: str, response: Any, gather: GatherSettings, result: GatherResult
) -> tuple[str, str | None]:
    """The loaded page's rendered DOM and screenshot, kept in ``result.pages``; returns both."""
    shot = await screenshot(page, gather, url, "desktop")
    html = await page_html(page)
    final_url = page.url if page.url != "about:blank" else url
    result.pages.append(
        PageSnapshot(
            url=url,
            lang=None,
            html=html,
            status=response.status if response is not None else 200,
            final_url=final_url,
            title=await page.title(),
            rendered=True,
            source="browser",
            fetched_at=datetime.now(UTC),
            screenshots={"desktop": shot} if shot else {},
            headers=dict(await response.all_headers()) if response is not None else {},
        )
    )
    return str(html), shot


async def _measure(
    page: Any,
    url: str,
    shot: str | None,
    gather: GatherSettings,
    config: dict[str, Any],
    result: GatherResult,
    with_focus: bool,
) -> None:
    """The loaded page's desktop measurements, added to ``result.measurements``."""
    versions = dict(result.tool_versions)

    def add(kind: str, data: dict[str, Any]) -> None:
        result.measurements.append(Measurement(kind, url, data, screenshot=shot, tool_versions=versions))

    await close_modal(page)
    try:
        found = await axe_core.run_axe(page, list(config["axe_rules"]))
    except AxeMissing as missing:  # the other measurements do not need it
        result.measurements += error_measurements(url, missing, ["axe"])
    else:
        found["not_text"] = await contrast.drop_non_text(page, found)
        found["decided"] = await contrast.decide_incomplete(page, found)
        found["slid_away"] = await contrast.slid_away(page, found)
        # the words each visible image shows, beside its name and the text around it (row 3.1, images
        # of text); read after the contrast is settled, as the crops are screenshots of the page
        found["image_text"] = await image_text.image_texts(page)
        result.tool_versions["axe-core"] = versions["axe-core"] = str(found.pop("version"))
        add("axe", found)
    add("emblem", await page.evaluate(probes.EMBLEM, labels(config, "emblem")))
    moved = await motion.watch(page, labels(config, "pause"), labels(config, "motion_control"), gather.watch_ms)
    add("motion", moved)
    # what moved is known to move even after the motion probe paused it
    moving = [str(m.get("selector")) for m in moved.get("moving", []) if m.get("selector")]
    add("zoom", await reflow.zoomed(page, gather.viewport, gather.zoom_factor, moving))
    if with_focus:
        add("focus", await keyboard.tab_through(page, gather.focus_stops))
        add("skip_link", await keyboard.skip_link(page, labels(config, "skip_link")))
    add("form_errors", await input_errors.probe_forms(page, labels(config, "input_error"), gather.timeout_ms))


def _still_here(
    session: BrowserSession, page: Any, mark: Mark, url: str, owner: str | None, reached: Collection[str]
) -> None:
    """Raise when the page has left for an address that failed or that the egress policy refused a
    navigation of its main frame to (whether or not Chromium has shown its error page yet)."""
    if session.left_for_an_error(page):
        raise RuntimeError(f"the page went on to an address that failed ({page.url})")
    if any(r.main_frame for r in _refused_navigations(session, mark, url, owner, reached)):
        raise RuntimeError(f"the page went on to an address that was refused ({page.url})")


async def close_modal(page: Any) -> None:
    """A modal dialog open on arrival (a notice, a consent form) is closed the way a visitor closes it,
    with Escape: the page is measured as it is used, not behind the dialog that makes it inert."""
    if await page.evaluate("() => !!document.querySelector('dialog:modal')"):
        await page.keyboard.press("Escape")
        await page.wait_for_timeout(100)


def failure_of(
    session: BrowserSession,
    mark: Mark,
    url: str,
    error: BaseException,
    owner: str | None = None,
    reached: Collection[str] = (),
) -> FetchFailure:
    """Why a page did not load: the egress policy's refusal (of the page, a hop of its redirects or
    where it went next) when there was one, else a timeout or an error. Other pages load at the same
    time: only the navigations ``owner``'s contexts asked from this page (at ``url``, or where it
    had ``reached``) are its own."""
    if isinstance(error, Refusal):
        return FetchFailure(url, error.reason, f"browser: {error.detail}"[:300])
    refused = next(iter(_refused_navigations(session, mark, url, owner, reached)), None)
    if refused is not None:
        return FetchFailure(url, refused.reason, f"browser: {refused.url}: {refused.detail}"[:300])
    reason = "timeout" if "timeout" in type(error).__name__.lower() else "error"
    return FetchFailure(url, reason, f"browser: {error}"[:300])


def _refused_navigations(
    session: BrowserSession, mark: Mark, url: str, owner: str | None, reached: Collection[str]
) -> list[PageRefusal]:
    """The navigations since ``mark`` that the egress policy refused and that ``owner``'s contexts
    asked from this page (at ``url``, or where its main frame had ``reached``): other pages load at
    the same time."""
    here = {_same_page(u) for u in (url, *reached)}
    return [r for r in session.refused_requests(mark, owner) if r.navigation and _same_page(r.page_url) in here]


def _same_page(url: str) -> tuple[str, ...]:
    """An address as Chromium writes it (scheme and host in lower case, ``/`` for no path)."""
    parts = urlsplit(url)
    return (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query)


def record_refusals(
    session: BrowserSession, result: GatherResult, owner: str | None = None, order: Sequence[str] = ()
) -> None:
    """Every request of the sample's pages (of ``owner``'s contexts) the egress policy refused, once,
    as a fetch failure, in the order of the pages that asked (``order``), not of the refusals."""
    known = {f.url for f in result.failures}
    place = {url: n for n, url in enumerate(order)}
    for page in result.pages:
        place.setdefault(page.final_url or page.url, place.get(page.url, len(order)))
    refusals = sorted(session.refused_requests(owner=owner), key=lambda r: place.get(r.page_url, len(order)))
    for refused in refusals:
        if refused.navigation and refused.page_url in known:
            continue  # the page's failure already says why (a hop of its redirects was refused)
        if refused.url not in known:
            known.add(refused.url)
            detail = f"browser: {refused.detail}; asked by {refused.page_url}"
            result.failures.append(FetchFailure(refused.url, refused.reason, detail[:300]))


@dataclass
class _Gather:
    """What the pages of one gather share: the browser, the settings, its owner name, the limit."""

    session: BrowserSession
    gather: GatherSettings
    config: dict[str, Any]
    owner: str
    slots: asyncio.Semaphore  # one per page being measured, shared by the gathers of one browser


async def gather_async(
    urls: Sequence[str],
    gather: GatherSettings,
    home: str | None = None,
    sample: bool = True,
    chosen: Sequence[str] | None = None,
    session: BrowserSession | None = None,
    slots: asyncio.Semaphore | None = None,
) -> GatherResult:
    """Measure ``chosen`` pages (one per template …) or, without them, the old sample of ``urls``:
    in a browser of its own, or in ``session`` (left open) when given; with at most ``slots``
    pages at once (a limit the caller shares among gathers), else :func:`pages_at_once`."""
    if chosen is not None:
        chosen = list(dict.fromkeys(chosen))
    else:
        chosen = sample_pages(urls, home) if sample else list(dict.fromkeys(urls))
    limit = slots or asyncio.Semaphore(pages_at_once(gather))
    if session is not None:
        return await _gather(session, gather, chosen, limit)
    async with browser_for(gather) as own:
        return await _gather(own, gather, chosen, limit)


async def _gather(
    session: BrowserSession, gather: GatherSettings, chosen: list[str], slots: asyncio.Semaphore
) -> GatherResult:
    run = _Gather(session, gather, check_settings("accessibility"), f"gather-{next(_OWNERS)}", slots)
    result = GatherResult(sample=chosen)
    result.tool_versions["chromium"] = session.version
    result.tool_versions["chromium-run"] = session.sandbox
    try:
        doms: dict[str, str] = {}
        for url, (measured, html) in zip(chosen, await _measure_pages(run, chosen, result), strict=True):
            result.measurements += measured.measurements
            result.pages += measured.pages
            result.failures += measured.failures
            if html is not None:
                doms[url] = html
        if chosen:
            await _probe_site(run, chosen[0], doms, result)
        record_refusals(session, result, run.owner, chosen)
    finally:  # what this gather's pages got is all written before its archive may be closed
        await session.settle_archive(gather.archive)
    return result


# query parameters by which a site's language switch names the language it sets (``?lang=ru``,
# ``/Home/SetLanguage?culture=kk-KZ&returnUrl=…``)
LANGUAGE_PARAMETERS = frozenset({"lang", "language", "locale", "culture", "hl"})


def sets_language(url: str | None) -> bool:
    """Whether an address is a language switch's: on a site that keeps the language in a session
    cookie it changes the language of every page loaded after it in the same browser context (the
    harvest stores such a language's pages under these addresses, ashyq.crawler.spiders.site_session).
    Only a page whose own address sets no language has the cookies cleared before it: a site whose every
    address names its language (stateless ``?lang=``) keeps its cookies (a consent given, a session)."""
    if not url:
        return False
    return any(name.lower() in LANGUAGE_PARAMETERS and value for name, value in parse_qsl(urlsplit(url).query))


async def _measure_pages(
    run: _Gather, chosen: list[str], result: GatherResult
) -> list[tuple[GatherResult, str | None]]:
    """Each page of ``chosen`` measured into a result of its own (and its DOM), in that order;
    lanes take the next page as they get free, each with a desktop context recycled every
    ``pages_per_context`` pages, holding one of the slots while it has one."""
    measured: list[tuple[GatherResult, str | None]] = []
    for url in chosen:  # every page's result shares the gather's tool versions (axe-core's once known)
        measured.append((GatherResult(sample=[url], tool_versions=result.tool_versions), None))
    waiting = iter(range(len(chosen)))

    async def lane() -> None:
        while True:
            async with run.slots:
                context: Any = None
                previous: str | None = None
                try:
                    for _ in range(max(1, run.gather.pages_per_context)):
                        index = next(waiting, None)
                        if index is None:
                            return
                        if context is None:
                            context = await new_context(run.session, run.gather, owner=run.owner)
                        elif sets_language(previous) and not sets_language(chosen[index]):
                            await context.clear_cookies()  # the page is read in the language it was harvested in
                        previous = chosen[index]
                        page, with_focus = measured[index][0], index < run.gather.focus_pages
                        html = await measure_page(
                            context, chosen[index], run.gather, run.config, page, with_focus, run.owner
                        )
                        measured[index] = (page, html)
                finally:
                    if context is not None:
                        await bounded_close(context.close())

    await together(lane() for _ in range(min(pages_at_once(run.gather), len(chosen))))
    return measured


async def _probe_site(run: _Gather, home: str, doms: dict[str, str], result: GatherResult) -> None:
    """The site probes (search, feedback form, English version) and the phones', each holding a
    slot, at the same time; their measurements are added in that order."""
    gather, config = run.gather, run.config

    async def site() -> list[Any]:
        # the probes see the pages' measurements (is there a form already?) and add theirs after them
        probed = GatherResult(result.sample, list(result.measurements), tool_versions=result.tool_versions)
        async with run.slots:
            context = await new_context(run.session, gather, owner=run.owner)
            try:
                await interactions.site_probes(context, home, doms, gather, config, probed)
            finally:
                await bounded_close(context.close())
        return probed.measurements[len(result.measurements) :]

    async def phones() -> list[Any]:
        if not gather.mobile:
            return []
        phoned = GatherResult(result.sample, tool_versions=result.tool_versions)

        async def phone_context(device: str) -> Any:
            return await new_context(run.session, gather, device, run.owner)

        async with run.slots:
            await interactions.mobile_probes(phone_context, home, doms.get(home, ""), gather, config, phoned)
        return phoned.measurements

    probed, phoned = await together([site(), phones()])
    result.measurements += probed + phoned


def gather_pages(
    urls: Sequence[str],
    gather: GatherSettings | None = None,
    home: str | None = None,
    sample: bool = True,
    chosen: Sequence[str] | None = None,
) -> GatherResult:
    """Synchronous entry point (a fresh event loop and a browser of its own): ``check-page``, the ACT
    accuracy run and the benchmarks use this; the run's browser stage shares one browser among its
    bodies (:mod:`ashyq.gather.stage`)."""
    return asyncio.run(gather_async(urls, gather or GatherSettings.from_config(), home, sample, chosen))


def _budget(gather: GatherSettings, url_map: BaseUrlMap) -> HostBudget | None:
    """The crawl's politeness budget per host, for the audited hosts: the replica's or the real web's
    (a policy of the caller's own, e.g. check-page's allowed local address, is not an audited host)."""
    if gather.local_files or (gather.policy is not None and not url_map):
        return None
    return host_budget(load_crawl_config().budget, bool(url_map))
