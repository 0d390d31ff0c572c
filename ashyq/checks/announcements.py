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
* only what was published in the run's reporting period counts (up to the audit date): a page by the
  date it shows (its ``<time>`` or publication meta, else the first date of its text), a portal
  announcement by its posting date. One of another year does not meet the row, and the failure names
  it with its date; one that shows no date cannot be placed in the period, and when nothing else was
  found the row is ``not_assessed`` with that reason;
* the portal, read, shows there was nothing to announce - no draft act or consultative document of
  the body on legalacts.egov.kz (Table 4 row 5, Table 5 row 4), no budget programme or programme
  report on budget.egov.kz (Table 2 row 11, Table 3 row 7) - and nothing was found or confirmed →
  ``not_applicable`` with ``measured.nothing_to_publish``, like the other rows of the table; the
  edition's reading npa-nothing-posted decides what it earns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from parsel import Selector

from ashyq.base.artifacts import BodyArtifacts, PageSnapshot
from ashyq.base.dates import find_dates, parse_timestamp
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.form_items import rows_for
from ashyq.base.vocabulary import LANGS
from ashyq.base.wording import Said
from ashyq.checks.budget.records import budget_portal
from ashyq.checks.declared.facts import declared_of, presence_results, row_evidence, rows_of
from ashyq.checks.legalacts.records import npa_portal
from ashyq.checks.registry import register
from ashyq.checks.result import Result
from ashyq.config.check_settings import check_settings

VERSION = "2"  # 2: only what was published in the reporting period counts
Find = Callable[[BodyArtifacts, str], tuple[list[EvidenceRef], bool]]  # (what was found, whether read)
HEADINGS = ("title", "h1", "h2", "h3")


def _phrases(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?<!\w){re.escape(w.lower())}" for w in words))


@dataclass(frozen=True)
class Dated:
    """Something found, and the day it was published (None: it shows none)."""

    ref: EvidenceRef
    day: date | None


def page_day(page: PageSnapshot, as_of: date) -> date | None:
    """The day a page was published: its ``<time datetime>`` or publication meta, else the first date
    written in its text that is not after the audit date (a news item opens with its date; a later
    one is the date of what it announces)."""
    selector = Selector(text=page.html or "<html/>")
    stamps = selector.css("time::attr(datetime), meta[property='article:published_time']::attr(content)").getall()
    for stamp in stamps:
        moment = parse_timestamp(stamp)
        if moment is not None and moment.date() <= as_of:
            return moment.date()
    text = " ".join(" ".join(selector.css("body :not(script):not(style)::text").getall()).split())
    return next((found.day for found in find_dates(text) if found.day <= as_of), None)


def in_period(artifacts: BodyArtifacts, found: Sequence[Dated]) -> list[EvidenceRef]:
    """What was published within the run's reporting period, up to the audit date."""
    period = artifacts.reporting_period()
    return [d.ref for d in found if period.within(d.day, artifacts.as_of)][:5]


def out_of_period(artifacts: BodyArtifacts, found: Sequence[Dated]) -> tuple[list[EvidenceRef], list[EvidenceRef]]:
    """What was found outside the reporting period (named with its date), and what shows no date."""
    period = artifacts.reporting_period()
    outside = [
        EvidenceRef(d.ref.url, d.ref.kind, d.ref.selector, f"{d.ref.snippet or ''} ({d.day:%d.%m.%Y})"[:240])
        for d in found
        if d.day is not None and not period.within(d.day, artifacts.as_of)
    ]
    return outside[:5], [d.ref for d in found if d.day is None][:5]


def dated_page_hits(artifacts: BodyArtifacts, lang: str, groups: Sequence[Sequence[str]]) -> list[Dated]:
    """Pages in ``lang`` whose title or a heading carries a phrase of every group, with their days."""
    patterns = [_phrases(g) for g in groups if g]
    hits: list[Dated] = []
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
                hits.append(Dated(page.evidence(tag, found), page_day(page, artifacts.as_of)))
                break
    return hits


def _budget_hits(artifacts: BodyArtifacts, lang: str) -> tuple[list[Dated], bool]:
    """The portal's announcement materials in ``lang`` with their posting days, and whether the portal
    could be read."""
    portal = budget_portal(artifacts, lang)
    if portal.problem or portal.restricted:
        return [], False
    found = portal.of_kind("discussion_announcement")
    return [Dated(m.record.evidence("$.info", f"{m.title} — announcement"), m.posted) for m in found], True


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
    reason = Said(
        f"no {what} on the portal: nothing to announce, nothing to publish",
        f"reason.announcements.nothing_to_announce.{'npa' if find is npa_sources else 'budget'}",
    )
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


# what a row looks for → the catalogue's word for it (the meetings' rows name theirs in their settings);
# a language's sentence is a message of its own (kk, ru): the Kazakh and Russian name the language
TOPICS = {
    "announcement of a public discussion of budget programmes": "budget",
    "announcement of a public discussion of draft acts": "npa",
    "action plan on problem issues": "action_plan",
    "open sitting (collegium) streamed online": "collegium",
    "announced meeting with the population": "population",
    "personal reception of citizens held": "reception",
    "meeting with non-governmental organisations": "ngo",
}


def _topic(what: str) -> str:
    """The catalogue's word for ``what``; ``other`` (the English named as a parameter) for a row set otherwise."""
    return TOPICS.get(what, "other")


def _what_param(what: str) -> dict[str, str]:
    return {} if what in TOPICS else {"what": what}


def _not_found(what: str, lang: str, on_budget: bool, outside_period: str | None) -> Said:
    """The row's material is not on the web (``outside_period``: the period's label when only
    material of another time was found)."""
    message = f"No {what} in {lang} on the website{' or budget.egov.kz' if on_budget else ''}"
    if outside_period is None:
        return Said(message, f"deficiency.announcements.not_found.{_topic(what)}.{lang}", **_what_param(what))
    return Said(
        f"{message} in the reporting period {outside_period}; found only of another time",
        f"deficiency.announcements.not_found_in_period.{_topic(what)}.{lang}",
        period=outside_period,
        **_what_param(what),
    )


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
        source = _DATED.get(find)
        if source is not None:  # the rows dated here: only the reporting period's material counts
            found, readable = source(artifacts, lang)
            hits = in_period(artifacts, found)
            outside, undated = out_of_period(artifacts, found)
        else:
            (hits, readable), outside, undated = find(artifacts, lang), [], []
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
        elif undated and not outside:
            label = artifacts.reporting_period().label
            reason = Said(
                f"{len(undated)} {what}(s) found in {lang} show no date: they cannot be placed in the period {label}",
                f"reason.announcements.undated.{_topic(what)}.{lang}",
                undated=len(undated),
                period=label,
                **_what_param(what),
            )
            out.append(
                Result(item, lang, "not_assessed", {"found_on_web": 0, "undated": len(undated)}, [], undated, reason)
            )
        elif readable or claim.status == "fail":
            cited = claim.evidence or [ref for d in claim.deficiencies for ref in d.references()[:1]]
            where = [p.url for p in artifacts.pages_in(lang)[:1]]
            message = _not_found(
                what, lang, find is budget_sources, artifacts.reporting_period().label if outside else None
            )
            if outside:  # material of another period is there: named with its date, it does not count
                cited = [*outside, *cited]
            deficiency = Deficiency(message, kind="not_found", url=where[0] if where else None, evidence=cited)
            evidence = cited or [p.evidence("title", p.title or p.url) for p in artifacts.pages_in(lang)[:2]]
            out.append(
                Result(
                    item,
                    lang,
                    "fail",
                    {"found_on_web": 0, "declared": claim.status, "outside_period": len(outside)},
                    [deficiency, *claim.deficiencies],
                    evidence,
                )
            )
        else:
            out.append(claim)  # nothing read, nothing declared: not assessed, with the declaration's reason
    return out


def _budget_found(artifacts: BodyArtifacts, lang: str) -> tuple[list[Dated], bool]:
    cfg = check_settings("announcements", artifacts.config)
    portal, read = _budget_hits(artifacts, lang)
    pages = dated_page_hits(artifacts, lang, [cfg["announcement"][lang], cfg["subjects"]["budget"][lang]])
    return portal + pages, read or bool(artifacts.pages_in(lang))


def _npa_found(artifacts: BodyArtifacts, lang: str) -> tuple[list[Dated], bool]:
    cfg = check_settings("announcements", artifacts.config)
    pages = dated_page_hits(artifacts, lang, [cfg["announcement"][lang], cfg["subjects"]["npa"][lang]])
    return pages, bool(artifacts.pages_in(lang))


def _action_plan_found(artifacts: BodyArtifacts, lang: str) -> tuple[list[Dated], bool]:
    groups = [check_settings("announcements", artifacts.config)["action_plan"][lang]]
    return dated_page_hits(artifacts, lang, groups), bool(artifacts.pages_in(lang))


def budget_sources(artifacts: BodyArtifacts, lang: str) -> tuple[list[EvidenceRef], bool]:
    """Announcements of the budget discussions published in the reporting period, and whether read."""
    found, read = _budget_found(artifacts, lang)
    return in_period(artifacts, found), read


def npa_sources(artifacts: BodyArtifacts, lang: str) -> tuple[list[EvidenceRef], bool]:
    """Announcements of the draft acts' discussions published in the reporting period, and whether read."""
    found, read = _npa_found(artifacts, lang)
    return in_period(artifacts, found), read


def action_plan_sources(artifacts: BodyArtifacts, lang: str) -> tuple[list[EvidenceRef], bool]:
    """Action plans on problem issues published in the reporting period, and whether read."""
    found, read = _action_plan_found(artifacts, lang)
    return in_period(artifacts, found), read


# The rows whose material is dated here (the others' finders judge the period themselves).
_DATED: dict[Find, Callable[[BodyArtifacts, str], tuple[list[Dated], bool]]] = {
    budget_sources: _budget_found,
    npa_sources: _npa_found,
    action_plan_sources: _action_plan_found,
}


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
ACTION_PLAN = "action plan on problem issues"


def meetings_held(artifacts: BodyArtifacts) -> list[tuple[date, EvidenceRef]]:
    """The meetings with the population the body declares it held in the reporting period (Appendix 9,
    Table 5 row 4 parameter 1: «дата и время проведения встреч»), in date order."""
    declared = declared_of(artifacts)
    if declared is None:
        return []
    period = artifacts.reporting_period()
    rows = [r for r in rows_of(declared.report, "dialogue", ["4.1"]) if period.within(r.date, artifacts.as_of)]
    rows.sort(key=lambda r: r.date)
    return [(r.date, row_evidence(declared, "dialogue", r, f"meeting of {r.date:%d.%m.%Y}")) for r in rows]


def action_plans(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 6 row 4 subpoint 2): the action plan on problem issues and the progress information, on the
    website, for each meeting: Appendix 9 asks for them «по каждой встрече (проведенной в соответствии с
    утвержденным Графиком)» (000_12c86a9f7dcd6cb4.txt line 790). Measured like the announcements (in
    the reporting period, the declaration re-verified beside it); where the body declares the meetings
    it held in the period, each meeting needs a plan - on the web, one published on or after its day;
    on the declaration's basis, a confirmed row 4.2 - and the row earns the share of meetings that have
    one (``partial``), none → ``fail``, each meeting without one a deficiency. Meetings not declared:
    one plan of the period is all that can be checked, and the finding says so
    (``measured.meetings = "not declared"``)."""
    results = measured_result(artifacts, item, action_plan_sources, ACTION_PLAN)
    meetings = meetings_held(artifacts)
    period = artifacts.reporting_period()
    for res in results:
        if res.status not in ("pass", "partial"):
            continue
        if not meetings:
            res.measured = {**res.measured, "meetings": "not declared"}
            continue
        if res.measured.get("found_on_web"):
            found, _ = _action_plan_found(artifacts, res.lang or "")
            plans = sorted(d.day for d in found if d.day and period.within(d.day, artifacts.as_of))
            missing = []
            for day, cited in meetings:
                plan = next((p for p in plans if p >= day), None)
                if plan is None:
                    message = Said(
                        f"No {ACTION_PLAN} in {res.lang} published on or after the meeting of {day:%d.%m.%Y}",
                        f"deficiency.announcements.no_action_plan_after.{res.lang}",
                        day=f"{day:%d.%m.%Y}",
                    )
                    missing.append(Deficiency(message, "no_action_plan", url=cited.url, evidence=[cited]))
                else:
                    plans.remove(plan)
        else:  # the declaration decides: its confirmed plans, one per meeting, in date order
            uncovered = meetings[int(res.measured.get("confirmed") or 0) :]
            missing = [
                Deficiency(
                    Said(
                        f"No confirmed {ACTION_PLAN} in {res.lang} for the meeting of {day:%d.%m.%Y}",
                        f"deficiency.announcements.no_confirmed_action_plan.{res.lang}",
                        day=f"{day:%d.%m.%Y}",
                    ),
                    "no_action_plan",
                    url=cited.url,
                    evidence=[cited],
                )
                for day, cited in uncovered
            ]
        _per_meeting(res, len(meetings), missing)
    return results


def _per_meeting(res: Result, meetings: int, missing: list[Deficiency]) -> None:
    """The row's result as the share of the period's meetings that have a plan."""
    covered = meetings - len(missing)
    res.measured = {**res.measured, "meetings": meetings, "with_plan": covered}
    if missing:
        share = round(covered / meetings, 4)
        res.measured["share"] = min(share, float(res.measured.get("share", 1.0)))
        res.status = "partial" if covered else "fail"
        res.deficiencies = [*missing, *res.deficiencies]


register("declared.meetings_action_plan", "3", ["T6-4.2"], needs=_ON_WEB, pages_rule="somewhere")(action_plans)
