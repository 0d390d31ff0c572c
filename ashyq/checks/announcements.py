"""Announcements of public discussions (2025 Table 2 row 11, Table 3 row 7, Table 4 row 5, Table 5
row 4) and the action plan on problem issues "posted on the website" (Table 6 row 4 subpoint 2)).

They are public: they are measured where they are published — budget.egov.kz (the "discussion
announcement" materials), the body's website and its gov.kz news (a page whose title or heading names
a public discussion of the item's subject, ``ashyq/config/checks/announcements.yaml``). The body's
declaration (Appendix 9) is the claim to re-verify beside it (``ashyq declare`` fetched its links;
an untrue one is a fact of the reconciliation act):

* found on the web in the language → ``pass``, with what was found as evidence;
* not found there, but declared links confirmed on re-verification → the declaration's result (the
  confirmed page is web evidence too);
* neither, the sources read (the website's pages in the language, or the portal) → ``fail``;
* nothing could be read and nothing was declared → ``not_assessed``;
* the portal, read, shows there was nothing to announce - no draft act or consultative document of
  the body on legalacts.egov.kz (Table 4 row 5, Table 5 row 4), no budget programme or programme
  report on budget.egov.kz (Table 2 row 11, Table 3 row 7) - and nothing was found or confirmed →
  ``not_applicable`` with ``measured.nothing_to_publish``, like the other rows of the table; the
  edition's reading npa-nothing-posted decides what it earns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from parsel import Selector

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.form_items import rows_for
from ashyq.base.vocabulary import LANGS
from ashyq.checks.budget.records import budget_portal
from ashyq.checks.declared.facts import presence_results
from ashyq.checks.legalacts.records import npa_portal
from ashyq.checks.registry import register
from ashyq.checks.result import Result
from ashyq.config.check_settings import check_settings

VERSION = "1"
Find = Callable[[BodyArtifacts, str], tuple[list[EvidenceRef], bool]]  # (what was found, whether read)
HEADINGS = ("title", "h1", "h2", "h3")


def _phrases(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?<!\w){re.escape(w.lower())}" for w in words))


def page_hits(artifacts: BodyArtifacts, lang: str, groups: Sequence[Sequence[str]]) -> list[EvidenceRef]:
    """Pages in ``lang`` whose title or a heading carries a phrase of every group."""
    patterns = [_phrases(g) for g in groups if g]
    hits: list[EvidenceRef] = []
    for page in artifacts.pages_in(lang):
        selector = Selector(text=page.html or "<html/>")
        for tag in HEADINGS:
            found = next(
                (
                    text
                    for text in (
                        " ".join(" ".join(n.css("::text").getall()).lower().split()) for n in selector.css(tag)
                    )
                    if text and all(p.search(text) for p in patterns)
                ),
                None,
            )
            if found is not None:
                hits.append(page.evidence(tag, found))
                break
    return hits[:5]


def _budget_hits(artifacts: BodyArtifacts, lang: str) -> tuple[list[EvidenceRef], bool]:
    """The portal's announcement materials in ``lang``, and whether the portal could be read."""
    portal = budget_portal(artifacts, lang)
    if portal.problem or portal.restricted:
        return [], False
    found = portal.of_kind("discussion_announcement")
    return [m.record.evidence("$.info", f"{m.title} — announcement") for m in found[:5]], True


def nothing_to_announce(artifacts: BodyArtifacts, item: str, lang: str, find: Find) -> Result | None:
    """``not_applicable`` (nothing to publish) when the portal of the row's subject (budget.egov.kz
    for the budget rows, legalacts.egov.kz for the draft-act rows) was read and shows the body had
    nothing whose public discussion could be announced; None otherwise."""
    empty = _NOTHING.get(find)
    found = empty(artifacts, lang) if empty is not None else None
    if found is None:
        return None
    url, what = found
    cited = EvidenceRef(url=url, kind="portal_record", snippet=f"no {what} of the body in the period")
    reason = f"no {what} on the portal: nothing to announce, nothing to publish"
    return Result(item, lang, "not_applicable", {"nothing_to_publish": True}, [], [cited], reason)  # type: ignore[arg-type]


def _no_draft_acts(artifacts: BodyArtifacts, lang: str) -> tuple[str, str] | None:
    npa = npa_portal(artifacts, lang)
    if npa.problem or npa.all_documents:
        return None
    return npa.list_url or "https://legalacts.egov.kz/", "draft act or consultative document"


def _no_budget_programmes(artifacts: BodyArtifacts, lang: str) -> tuple[str, str] | None:
    budget = budget_portal(artifacts, lang)
    if budget.problem or budget.restricted or budget.programmes or budget.of_kind("programme_report"):
        return None
    return budget.search_url or "https://budget.egov.kz/", "budget programme or programme report"


def measured_result(
    artifacts: BodyArtifacts,
    item: str,
    find: Find,
    what: str,
    linkless_ok: bool = False,
) -> list[Result]:
    """Per language: the web first, then the declaration re-verified (see the module docstring);
    ``linkless_ok`` where Appendix 9 asks only for figures, so declared rows without links count."""
    form, rows = rows_for(item, artifacts.kind)
    declared = {r.lang: r for r in presence_results(artifacts, item, form, rows, linkless_ok)}
    out = []
    for lang in LANGS:
        hits, readable = find(artifacts, lang)
        claim = declared[lang]
        if hits:
            measured: dict[str, Any] = {"found_on_web": len(hits), "declared": claim.status}
            untrue = [d for d in claim.deficiencies if d.kind == "untrue_link"]
            out.append(Result(item, lang, "pass", measured, untrue, hits))
        elif claim.status in ("pass", "partial"):
            claim.measured = {**claim.measured, "found_on_web": 0}
            out.append(claim)
        elif (nothing := nothing_to_announce(artifacts, item, lang, find)) is not None:
            out.append(nothing)
        elif readable or claim.status == "fail":
            cited = claim.evidence or [ref for d in claim.deficiencies for ref in d.references()[:1]]
            where = [p.url for p in artifacts.pages_in(lang)[:1]]
            message = f"No {what} in {lang} on the website{' or budget.egov.kz' if find is budget_sources else ''}"
            deficiency = Deficiency(message, kind="not_found", url=where[0] if where else None, evidence=cited)
            evidence = cited or [p.evidence("title", p.title or p.url) for p in artifacts.pages_in(lang)[:2]]
            out.append(
                Result(
                    item,
                    lang,
                    "fail",
                    {"found_on_web": 0, "declared": claim.status},
                    [deficiency, *claim.deficiencies],
                    evidence,
                )
            )
        else:
            out.append(claim)  # nothing read, nothing declared: not assessed, with the declaration's reason
    return out


def budget_sources(artifacts: BodyArtifacts, lang: str) -> tuple[list[EvidenceRef], bool]:
    cfg = check_settings("announcements", artifacts.config)
    portal, read = _budget_hits(artifacts, lang)
    pages = page_hits(artifacts, lang, [cfg["announcement"][lang], cfg["subjects"]["budget"][lang]])
    return portal + pages, read or bool(artifacts.pages_in(lang))


def npa_sources(artifacts: BodyArtifacts, lang: str) -> tuple[list[EvidenceRef], bool]:
    cfg = check_settings("announcements", artifacts.config)
    pages = page_hits(artifacts, lang, [cfg["announcement"][lang], cfg["subjects"]["npa"][lang]])
    return pages, bool(artifacts.pages_in(lang))


def action_plan_sources(artifacts: BodyArtifacts, lang: str) -> tuple[list[EvidenceRef], bool]:
    pages = page_hits(artifacts, lang, [check_settings("announcements", artifacts.config)["action_plan"][lang]])
    return pages, bool(artifacts.pages_in(lang))


_NOTHING: dict[Find, Callable[[BodyArtifacts, str], tuple[str, str] | None]] = {
    budget_sources: _no_budget_programmes,
    npa_sources: _no_draft_acts,
}
BUDGET = "announcement of a public discussion of budget programmes"
NPA = "announcement of a public discussion of draft acts"
_ON_BUDGET = [("pages", "records:budget", "declared")]
_ON_NPA = [("pages", "records:legalacts", "declared")]
_ON_WEB = [("pages", "declared")]


def _announcement(what: str, find: Find, row: str) -> Callable[[BodyArtifacts, str], list[Result]]:
    """The check of one announcement row: ``what`` is looked for where ``find`` reads."""

    def run(artifacts: BodyArtifacts, item: str) -> list[Result]:
        return measured_result(artifacts, item, find, what)

    run.__doc__ = f"{row}: the {what}, measured on the web, the declaration re-verified beside it."
    return run


# The check ids are those of the declared checks these replace.
register("declared.budget_announcements_cgo", "2", ["T2-11"], needs=_ON_BUDGET, pages_rule="somewhere")(
    _announcement(BUDGET, budget_sources, "Table 2 row 11 (CGO)")
)
register("declared.budget_announcements_mio", "2", ["T3-7"], needs=_ON_BUDGET, pages_rule="somewhere")(
    _announcement(BUDGET, budget_sources, "Table 3 row 7 (MIO)")
)
register("declared.npa_announcements_cgo", "2", ["T4-5"], needs=_ON_NPA, pages_rule="somewhere")(
    _announcement(NPA, npa_sources, "Table 4 row 5 (CGO)")
)
register("declared.npa_announcements_mio", "2", ["T5-4"], needs=_ON_NPA, pages_rule="somewhere")(
    _announcement(NPA, npa_sources, "Table 5 row 4 (MIO)")
)
register("declared.meetings_action_plan", "2", ["T6-4.2"], needs=_ON_WEB, pages_rule="somewhere")(
    _announcement("action plan on problem issues", action_plan_sources, "Table 6 row 4.2")
)
