"""The gather step's probes that act on a site rather than on one page: submitting its search,
sending its feedback form wrongly filled in when no sampled page has a form, opening its English
version, and loading it as an Android phone and an iPhone. Each probe runs within the gather's
deadline (:func:`ashyq.gather.visits.deadline`): past it, its measurement carries the error."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from ashyq.base.artifacts import ArchivedExchange, Measurement
from ashyq.base.routes import address_parts
from ashyq.base.text import matches_label
from ashyq.config.check_settings import labels, pattern
from ashyq.gather import input_errors, phone_styles, probes
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
from ashyq.net.browser import page_html

Records = list[ArchivedExchange]  # a probe's page's archived exchanges, filled when it closes

MOBILE_PROFILES = {"android": "Pixel 7", "iphone": "iPhone 13"}
WORD = re.compile(r"[^\W\d_]{7,}", re.UNICODE)


def _fulltext_word(doms: dict[str, str], config: dict[str, Any]) -> str | None:
    """A word of a material's text that no title or link text contains: found only by full-text search."""
    titles: set[str] = set()
    bodies: list[str] = []
    material = pattern(config, "material_url")
    for url, html in doms.items():
        root = lxml.html.fromstring(html or "<html/>")
        for element in root.xpath("//title|//h1|//a"):
            titles.update(w.casefold() for w in WORD.findall(element.text_content()))
        if material.search(address_parts(url).path):  # a single-page app's route read as a path
            main = root.xpath("//main|//article") or [root]
            for bad in main[0].xpath(".//script|.//style|.//nav|.//h1|.//a"):
                bad.drop_tree()
            bodies.append(main[0].text_content())
    for text in bodies:
        for word in WORD.findall(text):
            if word.casefold() not in titles:
                return word
    return None


async def search_probe(
    context: Any, home: str, doms: dict[str, str], gather: GatherSettings, config: dict[str, Any], records: Records
) -> dict[str, Any]:
    page = await context.new_page()
    try:
        await load(page, home, gather)
        form = await page.evaluate(probes.SEARCH_FORM, [list(config["search_selectors"]), labels(config, "search")])
        if form is None:
            return {"form_found": False}
        word = _fulltext_word(doms, config)
        query = word or "ақпарат"
        before = page.url
        await page.fill(form["input"], query)
        try:
            async with page.expect_navigation(timeout=gather.timeout_ms, wait_until="load"):
                await page.press(form["input"], "Enter")
        except Exception:  # a search that answers in place (no new page) is measured where it is
            pass
        with contextlib.suppress(Exception):
            await page.wait_for_load_state("networkidle", timeout=min(5_000, gather.timeout_ms))
        await page.wait_for_timeout(gather.settle_ms)
        with_results = await page.evaluate(probes.SEARCH_RESULTS, [query, labels(config, "advanced_search")])
        return {
            "form_found": True,
            "maxlength": form["maxlength"],
            "query": query,
            "accepts_query": True,
            "results_url": page.url,
            "separate_page": page.url != before,
            "query_kept": with_results["query_kept"],
            "results_count": with_results["results_count"],
            "fulltext_found": (with_results["results_count"] > 0) if word else None,
            "advanced": with_results["advanced"],
        }
    finally:
        records.extend(await close_page(page))


def _feedback_urls(doms: dict[str, str], home: str, config: dict[str, Any], limit: int = 3) -> list[str]:
    """Pages of the sample with a form to write in, else the pages the home page's feedback links open."""
    vocabulary = labels(config, "feedback")
    for url, html in doms.items():
        root = lxml.html.fromstring(html or "<html/>")
        if any(f.xpath(".//textarea") and f.get("role") != "search" for f in root.iter("form")):
            return [url]
    root = lxml.html.fromstring(doms.get(home) or "<html/>")
    root.make_links_absolute(home)
    found = [
        str(a.get("href")) for a in root.iter("a") if a.get("href") and matches_label(a.text_content(), vocabulary)
    ]
    return list(dict.fromkeys(found))[:limit]


async def form_probe(
    context: Any, url: str, gather: GatherSettings, config: dict[str, Any], records: Records
) -> dict[str, Any]:
    """The forms of a page the sample did not include (the feedback page the home page links to)."""
    page = await context.new_page()
    try:
        await load(page, url, gather)
        return await input_errors.probe_forms(page, labels(config, "input_error"), gather.timeout_ms)
    finally:
        records.extend(await close_page(page))


async def english_probe(
    context: Any, home: str, doms: dict[str, str], gather: GatherSettings, config: dict[str, Any], records: Records
) -> dict[str, Any]:
    root = lxml.html.fromstring(doms.get(home) or "<html/>")
    root.make_links_absolute(home)
    names = labels(config, "english")
    target = next(
        (
            str(a.get("href"))
            for a in root.iter("a")
            if a.get("href")
            and (
                a.get("hreflang") == "en"
                or re.search(r"[?&]lang=en\b", a.get("href", ""))
                or re.search(r"^/en(/|$)", urlsplit(a.get("href", "")).path)
                or matches_label(a.text_content(), names, exact=True)
            )
        ),
        None,
    )
    if target is None:
        return {"available": False}
    page = await context.new_page()
    try:
        await load(page, home, gather)
        base_links = await page.evaluate(probes.MENU_LINKS, list(config["menu_selectors"]))
        response = await load(page, target, gather)
        ok = response is None or response.status < 400
        en_links = await page.evaluate(probes.MENU_LINKS, list(config["menu_selectors"])) if ok else 0
        followed = await _english_sections(page, gather, config) if ok else []
        return {
            "available": ok,
            "home_url": target,
            "base_menu_links": base_links,
            "en_menu_links": en_links,
            "en_sections": followed,
        }
    finally:
        records.extend(await close_page(page))


ENGLISH_SECTIONS = 3  # sections of the English home page's menu opened, in the same session
SOME_TEXT = "() => (document.body && document.body.innerText || '').trim().length > 200"


async def _english_sections(page: Any, gather: GatherSettings, config: dict[str, Any]) -> list[dict[str, Any]]:
    """A few sections the English home page's menu leads to, opened in the same browser session (a site
    that keeps the language in a cookie answers them in it), each with the letters of its own text: an
    English menu whose pages come in Kazakh or Russian translates the home page's interface only."""
    targets = await page.evaluate(probes.MENU_TARGETS, list(config["menu_selectors"]))
    step = max(1, len(targets) // ENGLISH_SECTIONS)
    out: list[dict[str, Any]] = []
    for url in targets[::step][:ENGLISH_SECTIONS]:
        try:
            response = await load(page, url, gather)
        except Exception as error:  # a section that does not load says nothing of the language
            out.append({"url": url, "error": type(error).__name__})
            continue
        if response is not None and response.status >= 400:
            out.append({"url": url, "status": response.status})
            continue
        with contextlib.suppress(Exception):  # an app draws its page after the load: give it a moment
            await page.wait_for_function(SOME_TEXT, timeout=3000)
        out.append({"url": url, **await page.evaluate(probes.TEXT_LETTERS)})
    return out


async def site_probes(
    context: Any, home: str, doms: dict[str, str], gather: GatherSettings, config: dict[str, Any], result: GatherResult
) -> None:
    async def attempt(kind: str, url: str, probe: Awaitable[dict[str, Any]], records: Records) -> None:
        try:
            async with deadline(gather, f"the {kind} probe of {url}"):
                data = await probe
        except Exception as error:
            result.measurements += [replace(m, records=tuple(records)) for m in error_measurements(url, error, [kind])]
            return
        result.measurements.append(
            Measurement(kind, url, data, tool_versions=dict(result.tool_versions), records=tuple(records))
        )

    searched: Records = []
    await attempt("search", home, search_probe(context, home, doms, gather, config, searched), searched)
    sampled_forms = any(m.kind == "form_errors" and m.data.get("forms") for m in result.measurements)
    if not sampled_forms:  # no page of the sample has a form to write in: the feedback page's
        for candidate in _feedback_urls(doms, home, config):
            if candidate in doms:
                continue
            formed: Records = []
            try:
                async with deadline(gather, f"the form probe of {candidate}"):
                    data = await form_probe(context, candidate, gather, config, formed)
            except Exception as error:
                failed = error_measurements(candidate, error, ["form_errors"])
                result.measurements += [replace(m, records=tuple(formed)) for m in failed]
                break
            result.measurements.append(Measurement("form_errors", candidate, data, records=tuple(formed)))
            if data.get("forms"):
                break
    english: Records = []
    await attempt("english", home, english_probe(context, home, doms, gather, config, english), english)


def _links_to(root: Any, words: list[str], host_test: Any) -> str | None:
    for anchor in root.iter("a"):
        href = anchor.get("href") or ""
        if matches_label(anchor.text_content(), words, exact=True) or host_test(urlsplit(href).hostname or ""):
            return href
    return None


async def mobile_probes(
    new_context: Callable[[str], Awaitable[Any]],
    home: str,
    desktop_html: str,
    gather: GatherSettings,
    config: dict[str, Any],
    result: GatherResult,
) -> None:
    """The home page loaded as each phone of :data:`MOBILE_PROFILES`, each within the gather's deadline."""
    mobile_host = pattern(config, "mobile_host")
    home_host = urlsplit(home).hostname or ""
    desktop = lxml.html.fromstring(desktop_html or "<html/>")
    desktop.make_links_absolute(home)
    to_mobile = _links_to(
        desktop, labels(config, "mobile_version"), lambda h: bool(mobile_host.search(h)) and h != home_host
    )
    for profile, device in MOBILE_PROFILES.items():
        viewport = f"mobile:{profile}"
        context = await new_context(device)
        page = await context.new_page()
        since = len(result.measurements)
        try:
            async with deadline(gather, f"the {profile} phone's visit of {home}"):
                await load(page, home, gather)
                view, shot = await _phone_view(page, home, to_mobile, gather, config, viewport)
                data = {"profile": profile, "device": device, **view}
            versions = dict(result.tool_versions)
            result.measurements.append(
                Measurement("mobile", home, data, viewport=viewport, screenshot=shot, tool_versions=versions)
            )
        except Exception as error:
            result.measurements += error_measurements(home, error, ["mobile"], viewport)
        finally:
            await close_page(page, result, since)
            await bounded_close(context.close())


async def _phone_view(
    page: Any, home: str, to_mobile: str | None, gather: GatherSettings, config: dict[str, Any], viewport: str
) -> tuple[dict[str, Any], str | None]:
    """What a phone that loaded ``home`` shows (where it went, whether it fits, its DOM and what it
    hides), and its screenshot."""
    mobile_host = pattern(config, "mobile_host")
    home_host = urlsplit(home).hostname or ""
    final = page.url if page.url != "about:blank" else home
    final_host = urlsplit(final).hostname or ""
    overflow = await page.evaluate(probes.OVERFLOW)
    shot = await screenshot(page, gather, home, viewport)
    redirected = bool(mobile_host.search(final_host)) and final_host != home_host
    hidden = await page.evaluate(probes.PHONE_HIDDEN)  # marks what the phone does not show
    # and the classes the template's style sheets hide at phone width (on pages not rendered here)
    styled = await page.evaluate(phone_styles.PHONE_HIDDEN_RULES)
    mobile_html = await page_html(page)
    on_mobile = lxml.html.fromstring(mobile_html)
    on_mobile.make_links_absolute(final)
    desktop_host = home_host.removeprefix("www.")
    full = _links_to(
        on_mobile,
        labels(config, "full_version"),
        lambda h, d=desktop_host, f=final_host: h != f and h.removeprefix("www.") == d,
    )
    view = {
        "requested_url": home,
        "final_url": final,
        "redirected_to_mobile_host": redirected,
        "mobile_host": final_host if redirected else None,
        # a layout wider than the phone's screen scrolls sideways or is shrunk to fit: not adapted
        "horizontal_overflow": max(overflow["scroll_width"], overflow["viewport_width"]) > overflow["device_width"] + 2,
        "device_width": overflow["device_width"],
        "scroll_width": overflow["scroll_width"],
        "viewport_width": overflow["viewport_width"],
        "has_viewport_meta": overflow["has_viewport_meta"],
        "desktop_links_to_mobile": to_mobile is not None,
        "mobile_link_url": to_mobile,
        "link_to_full": (full is not None) if (redirected or to_mobile) else None,
        "full_link_url": full,
        # the phone's DOM: the mobile-version sections (Appendix 16) are judged on it; what the
        # phone's styles hide is marked data-ashyq-phone-hidden, its template classes listed
        "html": mobile_html,
        "phone_hidden": hidden["marked"],
        "phone_hidden_classes": sorted({*hidden["classes"], *styled})[:250],
        "phone_hidden_rules": styled,
    }
    return view, shot
