"""The browser gather step: load a body's sampled pages in Debian Chromium and take the measurements
the Appendix 14 and mobile checks read (axe-core, focus, motion, zoom, emblem, form errors, search,
English version, phones).

One browser per call, launched by :mod:`ashyq.net.browser` behind the egress proxy (replica mode
when a base-URL map is given); desktop contexts are recycled every ``pages_per_context`` pages and
every page is closed after use, so memory stays flat over long runs. A page that cannot load yields
Measurements carrying ``error`` (the checks turn them into not_assessed), never an exception; every
request of a page the egress policy refused is a fetch failure with its reason.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from ashyq.base.artifacts import FetchFailure, Measurement, PageSnapshot
from ashyq.config.check_settings import check_settings, labels
from ashyq.gather import axe as axe_core
from ashyq.gather import contrast, input_errors, interactions, keyboard, motion, probes, reflow
from ashyq.gather.axe import AxeMissing
from ashyq.gather.visits import GatherResult, GatherSettings, close_page, error_measurements, load, screenshot
from ashyq.net.browser import BrowserSession, Mark, open_browser, session_of
from ashyq.net.budget import HostBudget, host_budget
from ashyq.net.crawl_config import load_crawl_config
from ashyq.net.egress import Refusal
from ashyq.net.urlmap import BaseUrlMap

PAGE_KINDS = ("axe", "emblem", "motion", "zoom", "focus", "skip_link", "form_errors")


def sample_pages(urls: Sequence[str], home: str | None = None) -> list[str]:
    """The home page plus a configured number of pages per section type (config ``sampling``)."""
    config = check_settings("accessibility")["sampling"]
    ordered = list(dict.fromkeys(urls))
    chosen = [home or ordered[0]] if ordered or home else []
    for fragments in config["section_types"].values():
        hits = [u for u in ordered if u not in chosen and any(f in urlsplit(u).path for f in fragments)]
        chosen += hits[: int(config["per_section_type"])]
    rest = [u for u in ordered if u not in chosen]
    chosen += rest[: max(0, int(config["max_pages"]) - len(chosen))]
    return chosen[: int(config["max_pages"])]


def url_map_of(mapping: BaseUrlMap | Mapping[str, str] | None) -> BaseUrlMap:
    return mapping if isinstance(mapping, BaseUrlMap) else BaseUrlMap.from_mapping(mapping or {})


async def new_context(session: BrowserSession, gather: GatherSettings, device: str | None = None) -> Any:
    """A desktop context (or a phone's, by Playwright device name) with the gather step's timeout."""
    options = {} if device is not None else {"viewport": gather.viewport}
    context = await session.new_context(device, **options)
    context.set_default_timeout(gather.timeout_ms)
    await context.add_init_script(motion.RECORDER)
    return context


async def measure_page(
    context: Any, url: str, gather: GatherSettings, config: dict[str, Any], result: GatherResult, with_focus: bool
) -> str | None:
    """Load one page and take its desktop measurements; returns its rendered DOM (None when it failed)."""
    page = await context.new_page()
    session = session_of(page)
    mark = session.mark()
    since = len(result.measurements)
    try:
        response = await load(page, url, gather)
        if session.left_for_an_error(page):
            raise RuntimeError(f"the page went on to an address that failed ({page.url})")
        shot = await screenshot(page, gather, url, "desktop")
        html = await page.content()
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
            result.tool_versions["axe-core"] = versions["axe-core"] = str(found.pop("version"))
            add("axe", found)
        add("emblem", await page.evaluate(probes.EMBLEM, labels(config, "emblem")))
        add(
            "motion",
            await motion.watch(page, labels(config, "pause"), labels(config, "motion_control"), gather.watch_ms),
        )
        add("zoom", await reflow.zoomed(page, gather.viewport, gather.zoom_factor))
        if with_focus:
            add("focus", await keyboard.tab_through(page, gather.focus_stops))
            add("skip_link", await keyboard.skip_link(page, labels(config, "skip_link")))
        add("form_errors", await input_errors.probe_forms(page, labels(config, "input_error"), gather.timeout_ms))
        return str(html)
    except Exception as error:
        kinds = [k for k in PAGE_KINDS if with_focus or k not in ("focus", "skip_link")]
        result.measurements += error_measurements(url, error, kinds)
        result.failures.append(failure_of(session, mark, url, error))
        return None
    finally:
        await close_page(page, result, since)


async def close_modal(page: Any) -> None:
    """A modal dialog open on arrival (a notice, a consent form) is closed the way a visitor closes it,
    with Escape: the page is measured as it is used, not behind the dialog that makes it inert."""
    if await page.evaluate("() => !!document.querySelector('dialog:modal')"):
        await page.keyboard.press("Escape")
        await page.wait_for_timeout(100)


def failure_of(session: BrowserSession, mark: Mark, url: str, error: BaseException) -> FetchFailure:
    """Why a page did not load: the egress policy's refusal (of the page or a hop of its redirects)
    when there was one, else a timeout or an error."""
    if isinstance(error, Refusal):
        return FetchFailure(url, error.reason, f"browser: {error.detail}"[:300])
    refused = next((r for r in session.refused_requests(mark) if r.navigation), None)
    if refused is not None:
        return FetchFailure(url, refused.reason, f"browser: {refused.url}: {refused.detail}"[:300])
    reason = "timeout" if "timeout" in type(error).__name__.lower() else "error"
    return FetchFailure(url, reason, f"browser: {error}"[:300])


def record_refusals(session: BrowserSession, result: GatherResult) -> None:
    """Every request of the sample's pages the egress policy refused, once, as a fetch failure."""
    known = {f.url for f in result.failures}
    for refused in session.refused_requests():
        if refused.navigation and refused.page_url in known:
            continue  # the page's failure already says why (a hop of its redirects was refused)
        if refused.url not in known:
            known.add(refused.url)
            detail = f"browser: {refused.detail}; asked by {refused.page_url}"
            result.failures.append(FetchFailure(refused.url, refused.reason, detail[:300]))


async def gather_async(
    urls: Sequence[str],
    gather: GatherSettings,
    home: str | None = None,
    sample: bool = True,
    chosen: Sequence[str] | None = None,
) -> GatherResult:
    """Measure ``chosen`` pages (one per template …) or, without them, the old sample of ``urls``."""
    config = check_settings("accessibility")
    if chosen is not None:
        chosen = list(dict.fromkeys(chosen))
    else:
        chosen = sample_pages(urls, home) if sample else list(dict.fromkeys(urls))
    result = GatherResult(sample=chosen)
    url_map = url_map_of(gather.url_map)
    async with open_browser(
        gather.policy,
        url_map,
        executable=gather.executable,
        local_files=gather.local_files,
        budget=_budget(gather, url_map),
        archive=gather.archive,
    ) as session:
        result.tool_versions["chromium"] = session.version
        result.tool_versions["chromium-run"] = session.sandbox
        context: Any = None
        doms: dict[str, str] = {}
        for index, url in enumerate(chosen):
            if context is None or index % max(1, gather.pages_per_context) == 0:
                if context is not None:
                    await context.close()
                context = await new_context(session, gather)
            html = await measure_page(context, url, gather, config, result, index < gather.focus_pages)
            if html is not None:
                doms[url] = html
        if context is not None:
            await context.close()
        home_url = chosen[0] if chosen else None
        if home_url is not None:
            context = await new_context(session, gather)
            try:
                await interactions.site_probes(context, home_url, doms, gather, config, result)
            finally:
                await context.close()
            if gather.mobile:

                async def phone_context(device: str) -> Any:
                    return await new_context(session, gather, device)

                await interactions.mobile_probes(
                    phone_context, home_url, doms.get(home_url, ""), gather, config, result
                )
        record_refusals(session, result)
    return result


def gather_pages(
    urls: Sequence[str],
    gather: GatherSettings | None = None,
    home: str | None = None,
    sample: bool = True,
    chosen: Sequence[str] | None = None,
) -> GatherResult:
    """Synchronous entry point (a fresh event loop): the CLI and the run use this."""
    return asyncio.run(gather_async(urls, gather or GatherSettings.from_config(), home, sample, chosen))


def _budget(gather: GatherSettings, url_map: BaseUrlMap) -> HostBudget | None:
    """The crawl's politeness budget per host, for the audited hosts: the replica's or the real web's
    (a policy of the caller's own, e.g. check-page's allowed local address, is not an audited host)."""
    if gather.local_files or (gather.policy is not None and not url_map):
        return None
    return host_budget(load_crawl_config().budget, bool(url_map))
