"""Appendix 14 row 2.9: the hypertext links — no dead links, a language switch that keeps the page, and
external links that open in a new window and say so."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency
from ashyq.base.home_page import folder_of
from ashyq.base.text import matches_label
from ashyq.base.wording import Said
from ashyq.checks.accessibility.materials import pages_deficiency, row_result
from ashyq.checks.accessibility.points import by_language
from ashyq.checks.accessibility.website import Parsed, is_home, is_home_url, on_site_pages, sample
from ashyq.checks.registry import register
from ashyq.checks.result import Result
from ashyq.config.check_settings import labels, pattern


# ------------------------------------------------------------------------------------------- 2.9
def _switch_target(parsed: Parsed) -> str | None:
    if parsed.page.counterpart_url:
        return parsed.page.counterpart_url
    other = "ru" if parsed.page.lang == "kk" else "kk"
    for anchor in parsed.anchors():
        if anchor.get("hreflang") in (other, "kz" if other == "kk" else other):
            return parsed.absolute(anchor.get("href", ""))
    return None


def _goes_home(url: str, site_urls: Any) -> bool:
    # a site that is a folder of a larger host (/audan/ under an oblast's portal): its home is the folder's root
    return is_home_url(url, folder_of(url, site_urls))


def _switch_lost(pages: list[Parsed], every: list[Parsed], site_urls: Any) -> list[Parsed]:
    """The pages whose language switch opens the other language's home page instead of the same page.

    Requirement 2 asks the switch to open «the same page» in the other language; a page that has no
    twin there cannot be opened, and that is a missing translation (rows 4.x), not a wrong link. So a
    page whose switch links the other home page directly is left out when the site's switch is seen to
    pair its pages (on another page it opens that page's twin) and no page of the other language names
    this one as its twin. A switch that names the page's own address and lands on the home page, or one
    that never keeps the page, is lost as before."""
    targets = {id(p): t for p in every if not is_home(p.page) and (t := _switch_target(p)) is not None}
    paired = any(not _goes_home(t, site_urls) for t in targets.values())
    twinned = set(targets.values())
    lost = []
    for p in pages:
        target = targets.get(id(p))
        if target is None or not _goes_home(target, site_urls):
            continue
        links_home = any(p.absolute(a.get("href", "")) == target for a in p.anchors())
        own = {p.page.url, p.page.final_url or p.page.url}
        if paired and links_home and not own & twinned:
            continue  # no twin in the other language: the switch has nothing to keep
        lost.append(p)
    return lost


def _external(parsed: Parsed) -> list[Any]:
    host = urlsplit(parsed.page.final_url or parsed.page.url).hostname
    out = []
    for anchor in parsed.anchors():
        target = urlsplit(parsed.absolute(anchor.get("href", "")))
        if target.scheme in ("http", "https") and target.hostname and target.hostname != host:
            out.append(anchor)
    return out


def _has_notice(anchor: Any, notices: list[str]) -> bool:
    parent = anchor.getparent()
    around = " ".join(
        filter(
            None,
            [
                anchor.text_content(),
                anchor.get("title"),
                anchor.get("aria-label"),
                parent.text_content() if parent is not None else "",
            ],
        )
    )
    return matches_label(around, notices)


def _external_behaviour(same_tab: str, silent: str) -> Said:
    """Requirement 3 of row 2.9 broken: the external links (sampled) that open in the same window, and
    those that open a new one without saying so."""
    told = [
        ("external links open in the same window", same_tab),
        ("external links open a new window without telling the user", silent),
    ]
    english = "; ".join(f"{text}: {found}" for text, found in told if found)
    if same_tab and silent:
        return Said(english, "deficiency.a14.external_links.both", same_tab=same_tab, untold=silent)
    if same_tab:
        return Said(english, "deficiency.a14.external_links.same_tab", same_tab=same_tab)
    return Said(english, "deficiency.a14.external_links.untold", untold=silent)


@register("a14.links", "6", ["A14-2.9"], needs=["pages"], also_applies_to=("subordinate",))
@on_site_pages
def links(artifacts: BodyArtifacts, item: str, config: dict[str, Any], pages: list[Parsed]) -> list[Result]:
    """Appendix 14 row 2.9: links: no dead links; the language switch opens the same page; external links open in a
    new window or tab, and the user is told.

    Every link of the site counts for requirement 1, the site map's too (row 2.3 deducts them again,
    by its own sentence); requirement 3 is broken by an external link that opens in the same window
    or opens a new one without saying so. Three requirements, −0.2 each: all three leave nothing.
    ``measured.languages`` judges each language version on its own pages."""
    result = _links(artifacts, item, config, pages)
    result.measured["languages"] = by_language(pages, lambda own: _links(artifacts, item, config, own, pages))
    return [result]


def _links(
    artifacts: BodyArtifacts, item: str, config: dict[str, Any], pages: list[Parsed], every: list[Parsed] | None = None
) -> Result:
    deficiencies: list[Deficiency] = []
    dead = {
        (p.page.url, link.target_url): (p, link)
        for p in pages
        for link in p.page.links
        if (link.target_status or 0) >= 400
    }
    if dead:
        found = list(dead.values())
        links = sample(f"{lk.target_url} ({lk.target_status})" for _, lk in found)
        deficiencies.append(
            Deficiency(
                Said(f"links to pages that do not exist: {links}", "deficiency.a14.dead_link", links=links),
                kind="dead_link",
                url=found[0][0].page.url,
                evidence=[
                    p.page.evidence(f"a[href='{lk.target_url}']", lk.anchor_text or lk.target_url)
                    for p, lk in found[:3]
                ],
                pages=list(dict.fromkeys(p.page.url for p, _ in found)),
            )
        )
    lost = _switch_lost(pages, every or pages, artifacts.site_urls)
    if lost:
        deficiencies.append(
            pages_deficiency(
                "language_switch_loses_page",
                "the language switch opens the home page instead of the same page",
                lost,
                "[hreflang]",
            )
        )
    login = pattern(config, "login_url")  # a sign-in step (eGov's idp) is the site's authorisation, not a resource
    external = [(p, a) for p in pages for a in _external(p) if not login.search(p.absolute(a.get("href", "")))]
    same_tab = [(p, a) for p, a in external if a.get("target") != "_blank"]
    notices = labels(config, "new_window_notice")
    silent = [(p, a) for p, a in external if a.get("target") == "_blank" and not _has_notice(a, notices)]
    if same_tab or silent:
        shown = same_tab + silent
        deficiencies.append(
            Deficiency(
                _external_behaviour(
                    sample(a.get("href", "") for _, a in same_tab), sample(a.get("href", "") for _, a in silent)
                ),
                kind="external_link_behaviour",
                url=shown[0][0].page.url,
                evidence=[p.page.evidence(f"a[href='{a.get('href')}']", a.text_content()) for p, a in shown[:3]],
                pages=list(dict.fromkeys(p.page.url for p, _ in shown)),
            )
        )
    measured = {
        "pages": len(pages),
        "dead_links": len(dead),
        "switch_loses_page": len(lost),
        "external_links": len(external),
        "external_same_tab": len(same_tab),
        "external_new_window_untold": len(silent),
    }
    return row_result(item, deficiencies, measured, [pages[0].page.evidence("a", pages[0].page.url)], artifacts)
