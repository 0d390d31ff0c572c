"""Appendix 14, section 3 — accessibility for visually impaired people (rows 3.1–3.7).

Alt text (3.1) and contrast (3.6) come from axe-core's results (``axe`` measurements); the rest from
the gather step's own probes: moving content and its pause control (``motion``), focus visibility
while tabbing (``focus``), the feedback form submitted empty (``form_errors``) and 200 % zoom
(``zoom``). Skip links and back-to-top links (3.4) are read from the pages. The rows have fixed
points and no scale of partial points: a row is met (pass) or not (fail).
"""

from __future__ import annotations

import re
from typing import Any

from ashyq.base.artifacts import BodyArtifacts, Measurement
from ashyq.base.evidence import Deficiency
from ashyq.base.text import matches_label
from ashyq.base.vocabulary import Status
from ashyq.checks.accessibility.website import (
    Parsed,
    measurements,
    no_measurement,
    no_pages,
    parse,
    sample,
    site_pages,
    usable,
)
from ashyq.checks.registry import register
from ashyq.checks.result import Result
from ashyq.config.check_settings import check_settings, labels


def _binary(item: str, deficiencies: list[Deficiency], measured: dict[str, Any], evidence: list[Any]) -> Result:
    status: Status = "fail" if deficiencies else "pass"
    return Result(item, None, status, measured, deficiencies, evidence)


def _axe_violations(taken: list[Measurement], rules: list[str]) -> list[tuple[Measurement, dict[str, Any]]]:
    return [(m, v) for m in taken for v in m.data.get("violations", []) if v.get("id") in rules]


def _axe_deficiencies(found: list[tuple[Measurement, dict[str, Any]]], kind: str) -> list[Deficiency]:
    out = []
    for m, violation in found:
        nodes = violation.get("nodes", [])
        first = nodes[0] if nodes else {}
        selector = ", ".join(first.get("target", [])) or None
        out.append(
            Deficiency(
                f"axe-core {violation['id']}: {violation.get('count', len(nodes))} element(s) on {m.url}",
                kind=kind,
                url=m.url,
                selector=selector,
                evidence=[m.evidence(selector, first.get("html"))],
            )
        )
    return out


# ------------------------------------------------------------------------------------------- 3.1
@register(
    "a14.alt_text",
    "1",
    ["A14-3.1"],
    needs=[("pages", "measurements:axe")],
    also_applies_to=("subordinate",),
)
def alt_text(artifacts: BodyArtifacts) -> list[Result]:
    config = check_settings("accessibility", artifacts.config)
    taken, broken = usable(measurements(artifacts, "axe", "desktop"))
    if taken:
        found = _axe_violations(taken, config["axe_alt_rules"])
        measured = {"pages": len(taken), "violations": sum(int(v.get("count", 1)) for _, v in found)}
        return [
            _binary(
                "A14-3.1",
                _axe_deficiencies(found, "missing_alt"),
                measured,
                [taken[0].evidence(None, f"axe-core {taken[0].tool_versions.get('axe-core', '?')}")],
            )
        ]
    pages = [parse(p) for p in site_pages(artifacts, config)]
    if not pages:
        return [no_measurement("A14-3.1", "axe", broken)] if broken else no_pages(artifacts, ["A14-3.1"])
    # without axe: an <img> with no alt attribute at all is a violation whatever its role
    bare = [(p, img) for p in pages for img in p.root.iter("img") if img.get("alt") is None]
    deficiencies = (
        [
            Deficiency(
                f"images without alt text: {sample(p.page.url for p, _ in bare)}",
                kind="missing_alt",
                url=bare[0][0].page.url,
                evidence=[p.page.evidence("img:not([alt])", img.get("src")) for p, img in bare[:3]],
            )
        ]
        if bare
        else []
    )
    return [
        _binary(
            "A14-3.1",
            deficiencies,
            {"pages": len(pages), "images_without_alt": len(bare), "source": "html"},
            [pages[0].page.evidence("img", str(sum(1 for p in pages for _ in p.root.iter("img"))))],
        )
    ]


# ------------------------------------------------------------------------------------------- 3.2
@register(
    "a14.motion",
    "1",
    ["A14-3.2"],
    needs=[("measurements:motion", "pages")],
    also_applies_to=("subordinate",),
)
def motion(artifacts: BodyArtifacts) -> list[Result]:
    config = check_settings("accessibility", artifacts.config)
    taken, broken = usable(measurements(artifacts, "motion", "desktop"))
    pages = [parse(p) for p in site_pages(artifacts, config)]
    if not taken:
        flashing = [p for p in pages if p.select("marquee, blink")]
        if flashing:
            return [
                _binary(
                    "A14-3.2",
                    [
                        Deficiency(
                            f"marquee or blink without a pause control: {sample(p.page.url for p in flashing)}",
                            kind="moving_without_pause",
                            url=flashing[0].page.url,
                            evidence=[flashing[0].page.evidence("marquee, blink")],
                        )
                    ],
                    {"source": "html"},
                    [flashing[0].page.evidence("marquee, blink")],
                )
            ]
        return [no_measurement("A14-3.2", "motion", broken)]
    uncontrolled = [m for m in taken if m.data.get("moving") and not m.data.get("pause_controls")]
    deficiencies = [
        Deficiency(
            f"moving content without a way to stop it on {m.url}: "
            f"{sample(x.get('selector', '?') for x in m.data['moving'])}",
            kind="moving_without_pause",
            url=m.url,
            selector=m.data["moving"][0].get("selector"),
            evidence=[m.evidence(m.data["moving"][0].get("selector"), m.data["moving"][0].get("kind"))],
        )
        for m in uncontrolled
    ]
    measured = {"pages": len(taken), "pages_with_motion": sum(1 for m in taken if m.data.get("moving"))}
    return [_binary("A14-3.2", deficiencies, measured, [taken[0].evidence(None, f"{len(taken)} page(s) watched")])]


# ------------------------------------------------------------------------------------------- 3.3
@register(
    "a14.keyboard_focus",
    "1",
    ["A14-3.3"],
    needs=["measurements:focus"],
    also_applies_to=("subordinate",),
)
def keyboard_focus(artifacts: BodyArtifacts) -> list[Result]:
    taken, broken = usable(measurements(artifacts, "focus", "desktop"))
    taken = [m for m in taken if int(m.data.get("tab_stops", 0)) > 0]
    if not taken:
        return [no_measurement("A14-3.3", "focus", broken)]
    stops = sum(int(m.data["tab_stops"]) for m in taken)
    visible = sum(int(m.data.get("visible", 0)) for m in taken)
    share = visible / stops
    deficiencies = []
    if share < 0.9:
        worst = [m for m in taken if m.data.get("invisible")]
        first = worst[0].data["invisible"][0] if worst else {}
        deficiencies.append(
            Deficiency(
                f"{stops - visible} of {stops} keyboard stops show no focus indicator",
                kind="focus_not_visible",
                url=(worst or taken)[0].url,
                selector=first.get("selector"),
                evidence=[
                    m.evidence(m.data["invisible"][0].get("selector"), m.data["invisible"][0].get("html"))
                    for m in worst[:3]
                ],
            )
        )
    if any(m.data.get("trapped") for m in taken):
        trapped = next(m for m in taken if m.data.get("trapped"))
        deficiencies.append(
            Deficiency(
                f"the keyboard focus is trapped on {trapped.url}",
                kind="focus_trap",
                url=trapped.url,
                evidence=[trapped.evidence()],
            )
        )
    measured = {"tab_stops": stops, "visible": visible, "share_visible": round(share, 3)}
    return [_binary("A14-3.3", deficiencies, measured, [taken[0].evidence(None, f"{visible}/{stops} stops visible")])]


# ------------------------------------------------------------------------------------------- 3.4
def skip_link(parsed: Parsed, config: dict[str, Any]) -> Any | None:
    ids = {e.get("id") for e in parsed.root.iter() if e.get("id")}
    vocabulary = labels(config, "skip_link")
    for anchor in parsed.anchors()[:15]:  # a skip link comes first in the tab order
        href = anchor.get("href", "")
        if href.startswith("#") and href[1:] in ids and matches_label(anchor.text_content(), vocabulary):
            return anchor
    found = parsed.first(config["skip_link_selectors"])
    return found[1] if found is not None else None


def back_to_top(parsed: Parsed, config: dict[str, Any]) -> Any | None:
    vocabulary = labels(config, "back_to_top")
    for anchor in parsed.anchors():
        href = anchor.get("href", "")
        if matches_label(
            anchor.text_content() or anchor.get("title") or anchor.get("aria-label"), vocabulary, exact=True
        ):
            return anchor
        if href in ("#top", "#") and re.search(r"top|up|наверх", anchor.get("class") or "", re.I):
            return anchor
    return None


@register(
    "a14.skip_and_top",
    "1",
    ["A14-3.4"],
    needs=["pages"],
    also_applies_to=("subordinate",),
)
def skip_and_top(artifacts: BodyArtifacts) -> list[Result]:
    config = check_settings("accessibility", artifacts.config)
    pages = [parse(p) for p in site_pages(artifacts, config)]
    if not pages:
        return no_pages(artifacts, ["A14-3.4"])
    without_skip = [p for p in pages if skip_link(p, config) is None]
    long_limit = int(config["long_page_chars"])
    long_pages = [p for p in pages if len(p.text()) > long_limit]
    without_top = [p for p in long_pages if back_to_top(p, config) is None]
    deficiencies = []
    if len(without_skip) > (1 - float(config["presence_pass_share"])) * len(pages):
        deficiencies.append(
            Deficiency(
                f"no link to the main content on {len(without_skip)} of {len(pages)} pages: "
                f"{sample(p.page.url for p in without_skip)}",
                kind="no_skip_link",
                url=without_skip[0].page.url,
                evidence=[p.page.evidence("body > a:first-of-type", p.page.title) for p in without_skip[:3]],
            )
        )
    if without_top:
        deficiencies.append(
            Deficiency(
                f"long pages without a «back to top» link: {sample(p.page.url for p in without_top)}",
                kind="no_back_to_top",
                url=without_top[0].page.url,
                evidence=[p.page.evidence(None, p.page.title) for p in without_top[:3]],
            )
        )
    shown = next((p for p in pages if skip_link(p, config) is not None), pages[0])
    found = skip_link(shown, config)
    measured = {
        "pages": len(pages),
        "without_skip_link": len(without_skip),
        "long_pages": len(long_pages),
        "long_without_back_to_top": len(without_top),
    }
    return [
        _binary(
            "A14-3.4",
            deficiencies,
            measured,
            [shown.page.evidence("a[href^='#']", found.text_content() if found is not None else shown.page.title)],
        )
    ]


# ------------------------------------------------------------------------------------------- 3.5
@register(
    "a14.form_errors",
    "1",
    ["A14-3.5"],
    needs=["measurements:form_errors"],
    also_applies_to=("subordinate",),
)
def form_errors(artifacts: BodyArtifacts) -> list[Result]:
    taken, broken = usable(measurements(artifacts, "form_errors", "desktop"))
    if not taken:
        return [no_measurement("A14-3.5", "form_errors", broken)]
    forms = [m for m in taken if m.data.get("form_found")]
    if not forms:
        return [
            Result(
                "A14-3.5",
                None,
                "not_applicable",
                {"forms": 0},
                reason="the site has no feedback form to fill in",
                evidence=[taken[0].evidence()],
            )
        ]
    silent = [m for m in forms if not (m.data.get("error_texts") or m.data.get("native_messages"))]
    deficiencies = [
        Deficiency(
            f"the form on {m.url} took empty required fields without any error text"
            + (f" (it answered «{m.data['status_text']}»)" if m.data.get("status_text") else ""),
            kind="no_error_message",
            url=m.url,
            selector=m.data.get("selector"),
            evidence=[m.evidence(m.data.get("selector"), m.data.get("status_text"))],
        )
        for m in silent
    ]
    shown = next((m for m in forms if m not in silent), forms[0])
    texts = shown.data.get("error_texts") or shown.data.get("native_messages") or []
    return [
        _binary(
            "A14-3.5",
            deficiencies,
            {"forms": len(forms), "silent_forms": len(silent)},
            [shown.evidence(shown.data.get("selector"), "; ".join(texts)[:200])],
        )
    ]


# ------------------------------------------------------------------------------------------- 3.6
@register(
    "a14.contrast",
    "1",
    ["A14-3.6"],
    needs=["measurements:axe"],
    also_applies_to=("subordinate",),
)
def contrast(artifacts: BodyArtifacts) -> list[Result]:
    config = check_settings("accessibility", artifacts.config)
    taken, broken = usable(measurements(artifacts, "axe", "desktop"))
    if not taken:
        return [no_measurement("A14-3.6", "axe", broken)]
    found = _axe_violations(taken, config["axe_contrast_rules"])
    ratios = [float(n["contrast_ratio"]) for _, v in found for n in v.get("nodes", []) if n.get("contrast_ratio")]
    measured: dict[str, Any] = {"pages": len(taken), "violations": sum(int(v.get("count", 1)) for _, v in found)}
    if ratios:
        measured["contrast_ratio"] = min(ratios)
    return [
        _binary(
            "A14-3.6",
            _axe_deficiencies(found, "low_contrast"),
            measured,
            [taken[0].evidence(None, f"axe-core {taken[0].tool_versions.get('axe-core', '?')}")],
        )
    ]


# ------------------------------------------------------------------------------------------- 3.7
def _zoom_blocked(parsed: Parsed) -> str | None:
    for meta in parsed.select("meta[name=viewport]"):
        content = (meta.get("content") or "").replace(" ", "").lower()
        scale = re.search(r"maximum-scale=([\d.]+)", content)
        if "user-scalable=no" in content or "user-scalable=0" in content or (scale and float(scale.group(1)) < 2):
            return str(meta.get("content"))
    return None


@register(
    "a14.zoom",
    "1",
    ["A14-3.7"],
    needs=[("measurements:zoom", "pages")],
    also_applies_to=("subordinate",),
)
def zoom(artifacts: BodyArtifacts) -> list[Result]:
    config = check_settings("accessibility", artifacts.config)
    pages = [parse(p) for p in site_pages(artifacts, config)]
    blocked = [(p, content) for p in pages if (content := _zoom_blocked(p)) is not None]
    deficiencies = []
    if blocked:
        p, content = blocked[0]
        deficiencies.append(
            Deficiency(
                f"the viewport forbids zooming ({content}) on {len(blocked)} page(s)",
                kind="zoom_blocked",
                url=p.page.url,
                selector="meta[name=viewport]",
                evidence=[p.page.evidence("meta[name=viewport]", content)],
            )
        )
    taken, broken = usable(measurements(artifacts, "zoom", "desktop"))
    if not taken and not deficiencies:
        return [no_measurement("A14-3.7", "zoom", broken)]
    scrolling = [m for m in taken if m.data.get("horizontal_scroll")]
    if scrolling:
        m = scrolling[0]
        deficiencies.append(
            Deficiency(
                f"at 200 % the page scrolls sideways ({m.data.get('scroll_width')} px of content "
                f"in {m.data.get('client_width')} px) on {len(scrolling)} page(s)",
                kind="horizontal_scroll",
                url=m.url,
                evidence=[m.evidence("html", m.url)],
            )
        )
    lost = [m for m in taken if m.data.get("clipped")]
    if lost:
        deficiencies.append(
            Deficiency(
                f"text is cut off at 200 % on {sample(m.url for m in lost)}",
                kind="content_lost",
                url=lost[0].url,
                selector=lost[0].data["clipped"][0] if isinstance(lost[0].data["clipped"], list) else None,
                evidence=[lost[0].evidence()],
            )
        )
    measured = {"pages": len(taken), "blocked": len(blocked), "horizontal_scroll": len(scrolling)}
    evidence = (
        [taken[0].evidence("html", f"zoom {taken[0].data.get('zoom', 2)}")] if taken else deficiencies[0].references()
    )
    return [_binary("A14-3.7", deficiencies, measured, evidence)]
