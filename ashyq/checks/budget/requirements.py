"""The open-budget requirements evaluated on one language's budget.egov.kz records; the 2025
checks (ashyq/checks/budget/indicators.py) and the 2017 ones (ashyq/checks/budget/indicators_2017.py)
turn the same verdicts into their items' results.

Deadlines come from ``ashyq/config/checks/deadlines.yaml`` and are counted with ashyq.base.working_days:
the development-plan report within 15 working days of its formation, the budget-programme reports
by 1 April of the following year, state-audit results within 15 working days of receipt, draft
budget programmes by 15 May of the year before their planned period.

Every deficiency and reason is given as ``Said`` (the English with its catalogue message): what is
missing has a message per material and language (``deficiency.budget.missing.<kind>.<lang>``), so kk
and ru name both in words; the clauses :func:`_absent` adds (the newest material of another year,
the cards not fetched) are messages of their own whose parameter is the sentence already worded
(``ashyq.base.wording``: a parameter that is a wording is said in the same language).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.wording import Said
from ashyq.base.working_days import fixed_date_deadline, working_days_between
from ashyq.checks.budget.records import BudgetPortal, Material, Programme, budget_portal, material_year
from ashyq.checks.declared.facts import declared_of, row_evidence, rows_of
from ashyq.checks.edition_index import exemption_tags, reading
from ashyq.checks.portals import EVIDENCE_LIMIT, per_language, result
from ashyq.checks.result import Result, not_assessed
from ashyq.config.check_settings import check_settings

RESTRICTED_TAG = "budget_restricted"  # the exemption of point 67, part three, in the editions

STATEMENT_NAMES = {
    "fs_balance": "balance sheet",
    "fs_results": "statement of financial results",
    "fs_cashflow": "cash-flow statement",
    "fs_net_assets": "statement of changes in net assets/equity",
    "fs_note": "explanatory note",
}


@dataclass
class Verdict:
    """Whether one requirement is met: True, False, or None when the records cannot tell (reason)."""

    ok: bool | None
    deficiencies: list[Deficiency] = field(default_factory=list)
    evidence: list[EvidenceRef] = field(default_factory=list)
    measured: dict[str, Any] = field(default_factory=dict)
    reason: Said | None = None


CANNOT_TELL = Said("cannot be determined", "reason.budget.cannot_tell")


def _cite(m: Material, what: str) -> EvidenceRef:
    return m.record.evidence("$.info", f"{m.title} — {what}")


def _missing(portal: BudgetPortal, english: str, what: str, **params: int) -> Said:
    """``english`` (what is not published, in the portal's language) with its message per material and
    language, so kk and ru name both in words."""
    return Said(english, f"deficiency.budget.missing.{what}.{portal.lang}", **params)


def _absent(portal: BudgetPortal, message: Said, kind: str, other: Material | None = None) -> Verdict:
    """Something is not among the records: missing, unless some cards could not be fetched. ``other``
    is the newest material of the kind of another year, named in the deficiency with its dates."""
    if other is not None:
        dated = _dated(other)
        message = Said(
            f"{message}; the newest on the portal is {dated}",
            "deficiency.budget.absent.newest",
            missing=message.wording,
            newest=dated.wording,
        )
    if portal.card_failures:
        failure = portal.card_failures[0]
        return Verdict(
            None,
            reason=Said(
                f"{message}, but {len(portal.card_failures)} card(s) were not fetched "
                f"({failure.reason}, e.g. {failure.url})",
                "reason.budget.absent.cards_not_fetched",
                missing=message.wording,
                count=len(portal.card_failures),
                failure=failure.reason,
                url=failure.url,
            ),
        )
    listed = "; ".join(m.title for m in portal.materials[:6]) or "no material"
    cited = EvidenceRef(
        url=portal.search_url or "https://budget.egov.kz/",
        kind="portal_record",
        snippet=f"{len(portal.materials)} material(s) listed in {portal.lang}: {listed}"[:240],
    )
    if other is not None:
        cited = _cite(other, f"{_dated(other)}: not of the year the row asks for")
    return Verdict(False, [Deficiency(message, kind, url=portal.search_url, evidence=[cited])], [cited])


def _shift(artifacts: BodyArtifacts) -> bool:
    return bool(check_settings("deadlines", artifacts.config)["budget"].get("shift_fixed_dates_past_days_off", True))


# ------------------------------------------------------------------------------ the period's material
# Appendix 9, Table 2 rows 1–3 and Table 3 row 1 ask for the documents «за период, предшествующий
# отчетному», placed in the reporting period (000_12c86a9f7dcd6cb4.txt line 580: «в 2022 году
# оценивается наличие … консолидированной финансовой отчетности за 2020 год размещенной в 2021 году»);
# Table 2 row 4 and Table 3 row 2 the audit results «в отчетном периоде». Material of another year does
# not meet the row: the deficiency names the year and the date of what the portal does show.
def _dated(m: Material) -> Said:
    year = material_year(m)
    posted = f"posted {m.posted:%d.%m.%Y}" if m.posted else "no posting date shown"
    english = f"«{m.title}» ({f'for {year}, ' if year else ''}{posted})"
    key = f"clause.budget.dated.{'year' if year else 'no_year'}.{'posted' if m.posted else 'undated'}"
    params: dict[str, str | int] = {"title": m.title}
    if year:
        params["year"] = year
    if m.posted:
        params["posted"] = f"{m.posted:%d.%m.%Y}"
    return Said(english, key, **params)


def reported_year(artifacts: BodyArtifacts) -> int:
    """The year whose documents the reporting period's rows 1–3 ask for: the one before the period."""
    return artifacts.reporting_period().start.year - 1


def _placed_window(artifacts: BodyArtifacts) -> tuple[date, date]:
    """When the documents for the year before were to be placed: the reporting period's year, up to
    the audit date (a half-year period of the 2017 edition: its calendar year)."""
    period = artifacts.reporting_period()
    return date(period.start.year, 1, 1), period.judged_until(artifacts.as_of)


def of_reported_year(
    portal: BudgetPortal, kind: str, artifacts: BodyArtifacts
) -> tuple[Material | None, Material | None]:
    """The newest material of ``kind`` for the year before the reporting period, placed in the period
    (a card naming no year counts when placed in the period; an undated card of the year counts), and
    else the newest of another year, to name in the deficiency."""
    year = reported_year(artifacts)
    start, end = _placed_window(artifacts)

    def fits(m: Material) -> bool:
        placed = m.posted is not None and start <= m.posted <= end
        found_year = material_year(m)
        return (found_year == year and (m.posted is None or placed)) or (found_year is None and placed)

    return _newest_split(portal.of_kind(kind), fits)


def of_reporting_period(
    portal: BudgetPortal, kind: str, artifacts: BodyArtifacts
) -> tuple[Material | None, Material | None]:
    """The newest material of ``kind`` placed (posted; where no posting date shows, received) within
    the reporting period up to the audit date (Appendix 9: «ссылку на размещенный документ … в отчетном
    периоде»); else the newest of another time."""
    period = artifacts.reporting_period()
    return _newest_split(portal.of_kind(kind), lambda m: period.within(m.posted or m.received, artifacts.as_of))


def _newest_split(found: list[Material], fits: Callable[[Material], bool]) -> tuple[Material | None, Material | None]:
    def newest(ms: list[Material]) -> Material | None:
        return max(ms, key=lambda m: (material_year(m) or 0, m.posted or date.min)) if ms else None

    return newest([m for m in found if fits(m)]), newest([m for m in found if not fits(m)])


# ------------------------------------------------------------------------------ rows 1–5
def statement_verdict(portal: BudgetPortal, kind: str, artifacts: BodyArtifacts) -> Verdict:
    found, other = of_reported_year(portal, kind, artifacts)
    year = reported_year(artifacts)
    if found is None:
        message = _missing(
            portal,
            f"The consolidated {STATEMENT_NAMES[kind]} for {year} is not published in {portal.lang}",
            kind,
            year=year,
        )
        return _absent(portal, message, "missing_statement", other)
    return Verdict(True, evidence=[_cite(found, f"published: {_dated(found)}")], measured={"year": year})


def within_working_days(
    portal: BudgetPortal,
    artifacts: BodyArtifacts,
    kind: str,
    config_key: str,
    start_field: str,
    name: str,
    found_and_other: tuple[Material | None, Material | None],
    year: int | None = None,
) -> Verdict:
    """A material due a number of working days after a date it shows (formation, receipt); ``year``
    the one its name gives, a parameter of its messages (keyed by ``kind``)."""
    found, other = found_and_other
    named = {"year": year} if year is not None else {}
    if found is None:
        missing = _missing(portal, f"The {name} is not published in {portal.lang}", kind, **named)
        return _absent(portal, missing, f"missing_{kind}", other)
    start: date | None = getattr(found, start_field)
    limit = int(check_settings("deadlines", artifacts.config)["budget"][config_key]["working_days"])
    if start is None or found.posted is None:
        return Verdict(
            None,
            evidence=[_cite(found, "no dates")],
            reason=Said(
                f"the {name} shows no {start_field} or posting date: its deadline cannot be checked",
                f"reason.budget.no_dates.{kind}",
                **named,
            ),
        )
    days = working_days_between(start, found.posted)
    measured = {
        "working_days": days,
        start_field: start.isoformat(),
        "posted": found.posted.isoformat(),
        "limit_working_days": limit,
    }
    evidence = [_cite(found, f"{start_field} {start:%d.%m.%Y}, posted {found.posted:%d.%m.%Y}")]
    if days <= limit:
        return Verdict(True, evidence=evidence, measured=measured)
    message = Said(
        f"The {name} was posted {days} working days after its {start_field} date (limit {limit})",
        f"deficiency.budget.late.{kind}",
        **named,
        days=days,
        limit=limit,
    )
    return Verdict(
        False, [Deficiency(message, f"late_{kind}", url=found.record.source_url, evidence=evidence)], evidence, measured
    )


def plan_report_verdict(portal: BudgetPortal, artifacts: BodyArtifacts) -> Verdict:
    """Table 2 row 2: within fifteen working days of the report's formation. A card that shows no
    formation date leaves those days uncounted; under the reading plan-report-due-date (default
    ``by-first-of-march``) the report is then held to the date the law sets for it, «в срок до 1 марта,
    следующего за отчетным годом» (003 p. 4), instead of going unassessed. Before that date a report
    not yet placed is not late: the row is not assessed, with the date it is due."""
    year = reported_year(artifacts)
    found_and_other = of_reported_year(portal, "plan_report", artifacts)
    rules = check_settings("deadlines", artifacts.config)["budget"]["development_plan_report_due"]
    deadline = fixed_date_deadline(date(year + 1, int(rules["month"]), int(rules["day"])), _shift(artifacts))
    if found_and_other[0] is None and artifacts.as_of < deadline:
        return Verdict(
            None,
            reason=Said(
                f"the development-plan report for {year} is not due before {deadline:%d.%m.%Y}",
                "reason.budget.not_due.plan_report",
                year=year,
                deadline=f"{deadline:%d.%m.%Y}",
            ),
        )
    name = f"development-plan report for {year}"
    verdict = within_working_days(
        portal, artifacts, "plan_report", "development_plan_report", "formed", name, found_and_other, year
    )
    found = found_and_other[0]
    if verdict.ok is not None or found is None or found.formed is not None or found.posted is None:
        return verdict
    if reading(artifacts.config, "plan-report-due-date") != "by-first-of-march":
        return verdict
    measured = {
        "posted": found.posted.isoformat(),
        "deadline": deadline.isoformat(),
        "period": year,
        "counted_from": "due date (no formation date shown)",
    }
    evidence = [_cite(found, f"no formation date; posted {found.posted:%d.%m.%Y}, due {deadline:%d.%m.%Y}")]
    if found.posted <= deadline:
        return Verdict(True, evidence=evidence, measured=measured)
    message = Said(
        f"The development-plan report for {year} was posted {found.posted:%d.%m.%Y}, after its due date "
        f"{deadline:%d.%m.%Y} (the card shows no formation date to count fifteen working days from)",
        "deficiency.budget.late.plan_report_due_date",
        year=year,
        posted=f"{found.posted:%d.%m.%Y}",
        deadline=f"{deadline:%d.%m.%Y}",
    )
    deficiency = Deficiency(message, "late_plan_report", url=found.record.source_url, evidence=evidence)
    return Verdict(False, [deficiency], evidence, measured)


def audit_verdict(portal: BudgetPortal, artifacts: BodyArtifacts) -> Verdict:
    """Table 2 row 4 / Table 3 row 2: results placed in the reporting period (Appendix 9: «… в отчетном
    периоде»), within fifteen working days of their receipt."""
    found, other = of_reporting_period(portal, "audit_results", artifacts)
    verdict = within_working_days(
        portal, artifacts, "audit_results", "audit_results", "received", "state-audit results", (found, other)
    )
    if verdict.ok is False and not verdict.measured:
        # No audit results of the period on the portal: whether any were received is not public, so no
        # deduction; results of another period are named, they do not meet the row.
        label = artifacts.reporting_period().label
        evidence = [_cite(other, f"{_dated(other)}: outside the period {label}")] if other is not None else []
        english = (
            "no state-audit results of the period {label} on budget.egov.kz{shown}; "
            "whether the body received any is not shown there"
        )
        reason = Said(english.format(label=label, shown=""), "reason.budget.no_audit_results", period=label)
        if other is not None:
            dated = _dated(other)
            reason = Said(
                english.format(label=label, shown=f"; the portal shows only {dated}"),
                "reason.budget.no_audit_results.other",
                period=label,
                other=dated.wording,
            )
        return Verdict(None, evidence=evidence, reason=reason)
    return verdict


def council_date(artifacts: BodyArtifacts, year: int) -> tuple[date, EvidenceRef] | None:
    """The public council meeting the budget-programme reports for ``year - 1`` went to, as the body
    declared it (Appendix 9, Table 2 row 3 / Table 3 row 1, "дата вынесения на заседание общественного
    совета (при наличии)"): the earliest one in ``year``; None when none is declared."""
    declared = declared_of(artifacts)
    if declared is None:
        return None
    form, number = ("budget_cgo", "3") if artifacts.kind == "cgo" else ("budget_mio", "1")
    rows = [r for r in rows_of(declared.report, form, [number]) if r.council_date and r.council_date.year == year]
    if not rows:
        return None
    row = min(rows, key=lambda r: r.council_date)
    return row.council_date, row_evidence(declared, form, row, f"public council meeting {row.council_date:%d.%m.%Y}")


def programme_report_verdict(portal: BudgetPortal, artifacts: BodyArtifacts) -> Verdict:
    """Table 2 row 3 / Table 3 row 1: posted "before their presentation at the public council meeting
    (if there is one), but not later than 1 April of the year following the reporting one". The council
    condition is judged on the meeting date the body declared; a posting on the meeting day counts as
    before it (the portal shows the day, not the hour)."""
    rules = check_settings("deadlines", artifacts.config)["budget"]["budget_programme_reports"]
    period = reported_year(artifacts)  # «за период, предшествующий отчетному» (Appendix 9)
    deadline = fixed_date_deadline(date(period + 1, int(rules["month"]), int(rules["day"])), _shift(artifacts))
    found, other = of_reported_year(portal, "programme_report", artifacts)
    if found is None and artifacts.as_of < deadline:
        return Verdict(
            None,
            reason=Said(
                f"the budget-programme reports for {period} are not due before {deadline:%d.%m.%Y}",
                "reason.budget.not_due.programme_report",
                year=period,
                deadline=f"{deadline:%d.%m.%Y}",
            ),
        )
    if found is None:
        missing = _missing(
            portal,
            f"The budget-programme reports for {period} are not published in {portal.lang}",
            "programme_report",
            year=period,
        )
        return _absent(portal, missing, "missing_programme_report", other)
    if found.posted is None:
        undated = Said("the report shows no posting date", "reason.budget.report_undated")
        return Verdict(None, evidence=[_cite(found, "no date")], reason=undated)
    measured: dict[str, Any] = {"posted": found.posted.isoformat(), "deadline": deadline.isoformat(), "period": period}
    evidence = [_cite(found, f"posted {found.posted:%d.%m.%Y}, due {deadline:%d.%m.%Y}")]
    council = council_date(artifacts, period + 1)
    deficiencies: list[Deficiency] = []
    if council is not None:
        measured["public_council"] = council[0].isoformat()
        evidence.append(council[1])
        if found.posted > council[0]:
            message = Said(
                f"Budget-programme reports for {period} posted {found.posted:%d.%m.%Y}, after the public council "
                f"meeting of {council[0]:%d.%m.%Y} they were presented to",
                "deficiency.budget.after_public_council",
                year=period,
                posted=f"{found.posted:%d.%m.%Y}",
                meeting=f"{council[0]:%d.%m.%Y}",
            )
            deficiencies.append(
                Deficiency(message, "after_public_council", url=found.record.source_url, evidence=evidence)
            )
    if found.posted > deadline:
        message = Said(
            f"Budget-programme reports for {period} posted {found.posted:%d.%m.%Y}, after {deadline:%d.%m.%Y}",
            "deficiency.budget.late.programme_report",
            year=period,
            posted=f"{found.posted:%d.%m.%Y}",
            deadline=f"{deadline:%d.%m.%Y}",
        )
        deficiencies.append(
            Deficiency(message, "late_programme_report", url=found.record.source_url, evidence=evidence[:1])
        )
    if not deficiencies:
        return Verdict(True, evidence=evidence, measured=measured)
    return Verdict(False, deficiencies, evidence, measured)


def citizen_budget_verdict(portal: BudgetPortal, artifacts: BodyArtifacts) -> Verdict:
    found = portal.newest("citizen_budget")
    if found is None:
        missing = _missing(portal, f"No citizen budget is published in {portal.lang}", "citizen_budget")
        return _absent(portal, missing, "missing_citizen_budget")
    max_age = int(check_settings("deadlines", artifacts.config)["budget"].get("citizen_budget_max_age_years", 1))
    year = found.period or (found.posted.year if found.posted else None)
    evidence = [_cite(found, f"for {year}")]
    if year is not None and year < artifacts.as_of.year - max_age:
        message = Said(f"The latest citizen budget is for {year}", "deficiency.budget.stale_citizen_budget", year=year)
        return Verdict(
            False,
            [Deficiency(message, "stale_citizen_budget", url=found.record.source_url, evidence=evidence)],
            evidence,
            {"year": year},
        )
    return Verdict(True, evidence=evidence, measured={"year": year})


def announcement_verdict(portal: BudgetPortal) -> Verdict:
    found = portal.of_kind("discussion_announcement")
    if not found:
        missing = _missing(
            portal, f"No announcement of a public discussion is published in {portal.lang}", "announcement"
        )
        return _absent(portal, missing, "missing_announcement")
    return Verdict(True, evidence=[_cite(m, "announcement") for m in found[:EVIDENCE_LIMIT]])


# ------------------------------------------------------------------------------ draft programmes
def _programme_deficiency(
    programme: Programme, message: Said, kind: str, evidence: list[EvidenceRef] | None = None
) -> Deficiency:
    return Deficiency(
        message, kind, url=programme.record.source_url, record=programme.budget_id, evidence=evidence or []
    )


def draft_completeness(portal: BudgetPortal) -> tuple[int, list[Deficiency], list[EvidenceRef]]:
    """How many programme drafts have every field filled in this language, and what the others lack."""
    good, deficiencies, evidence = 0, [], []
    for programme in portal.programmes:
        gaps = programme.draft_gaps()
        cited = programme.record.evidence("$.tabs.PROJECT", f"{programme.title}: {', '.join(gaps) or 'complete'}")
        if gaps:
            deficiencies.append(
                _programme_deficiency(
                    programme,
                    Said(
                        f"Draft «{programme.title}» leaves empty in {portal.lang}: {', '.join(gaps)}",
                        f"deficiency.budget.incomplete_draft.{portal.lang}",
                        programme=programme.title,
                        fields=", ".join(gaps),
                    ),
                    "incomplete_draft",
                    [cited],
                )
            )
        else:
            good += 1
            evidence.append(cited)
    return good, deficiencies, evidence[:EVIDENCE_LIMIT]


def draft_deadline(artifacts: BodyArtifacts, planned_from: int | None, posted: date) -> date:
    rules = check_settings("deadlines", artifacts.config)["budget"]["draft_budget_programmes"]
    year = planned_from - 1 if planned_from else posted.year
    return fixed_date_deadline(date(year, int(rules["month"]), int(rules["day"])), _shift(artifacts))


def draft_timeliness(
    portal: BudgetPortal, artifacts: BodyArtifacts
) -> tuple[int, list[Deficiency], list[EvidenceRef], dict[str, Any]]:
    good, deficiencies, evidence = 0, [], []
    latest: dict[str, Any] = {}
    for programme in portal.programmes:
        draft = programme.newest_draft()
        if draft is None or draft.posted is None:
            deficiencies.append(
                _programme_deficiency(
                    programme,
                    Said(
                        f"Programme «{programme.title}» has no dated draft file in {portal.lang}",
                        f"deficiency.budget.no_draft.{portal.lang}",
                        programme=programme.title,
                    ),
                    "no_draft",
                )
            )
            continue
        deadline = draft_deadline(artifacts, draft.planned_from, draft.posted)
        cited = draft.record.evidence("$.date", f"{draft.title}: {draft.posted:%d.%m.%Y}, due {deadline:%d.%m.%Y}")
        latest = {"posted": draft.posted.isoformat(), "deadline": deadline.isoformat()}
        if draft.posted <= deadline:
            good += 1
            evidence.append(cited)
        else:
            deficiencies.append(
                _programme_deficiency(
                    programme,
                    Said(
                        f"Draft of «{programme.title}» posted {draft.posted:%d.%m.%Y}, after {deadline:%d.%m.%Y}",
                        "deficiency.budget.late_draft",
                        programme=programme.title,
                        posted=f"{draft.posted:%d.%m.%Y}",
                        deadline=f"{deadline:%d.%m.%Y}",
                    ),
                    "late_draft",
                    [cited],
                )
            )
    return good, deficiencies, evidence[:EVIDENCE_LIMIT], latest


@dataclass
class CommentCount:
    """The public comments on the body's programme cards counted for the run's reporting period."""

    answered: int
    received: int
    deficiencies: list[Deficiency]
    evidence: list[EvidenceRef]
    measured: dict[str, Any]


def comment_handling(portal: BudgetPortal, artifacts: BodyArtifacts) -> CommentCount:
    """Comments answered ÷ received on the cards of the body's programmes, within the run's reporting
    period. budget.egov.kz is not known to show when a comment was left (no such field is documented
    for its cards): a comment whose record carries a date is judged by it (outside the period, it is
    left out); an undated one cannot be placed, so it is counted whatever its date, and the finding
    says the period could not be applied to it (``measured.period_not_applied`` and an evidence note)."""
    period, as_of = artifacts.reporting_period(), artifacts.as_of
    counted = [c for c in portal.comments if c.posted is None or period.within(c.posted, as_of)]
    undated = [c for c in counted if c.posted is None]
    answered = [c for c in counted if c.answered]
    deficiencies = [
        Deficiency(
            Said(
                f"Comment {c.id} on «{c.record.payload.get('field') or '?'}» has no answer",
                "deficiency.budget.unanswered_comment",
                comment=c.id,
                field=str(c.record.payload.get("field") or "?"),
            ),
            "unanswered_comment",
            url=c.record.source_url,
            record=c.id,
            evidence=[c.record.evidence("$.answered", str(c.record.payload.get("text") or "")[:200])],
        )
        for c in counted
        if not c.answered
    ]
    evidence = [c.record.evidence("$.answer", str(c.record.payload.get("answer") or "")) for c in answered]
    if not counted:
        evidence = [p.record.evidence("$.tabs", f"{p.title}: no comments") for p in portal.programmes]
    measured: dict[str, Any] = {"period": period.label, "outside_period": len(portal.comments) - len(counted)}
    if undated:
        note = (
            f"budget.egov.kz shows no date for {len(undated)} comment(s): the reporting period {period.label} "
            "could not be applied to them; they are counted whatever their date"
        )
        measured["period_not_applied"] = len(undated)
        measured["period_note"] = note
        first = undated[0].record
        evidence = [EvidenceRef(url=first.source_url, kind="portal_record", snippet=note), *evidence]
    return CommentCount(len(answered), len(counted), deficiencies, evidence[:EVIDENCE_LIMIT], measured)


# ------------------------------------------------------------------------------ running per language
def on_budget(
    artifacts: BodyArtifacts,
    item: str,
    evaluate: Callable[[BudgetPortal], Result],
    *settled: Callable[[str, BudgetPortal], Result | None],
) -> list[Result]:
    """One result per language (:func:`ashyq.checks.portals.per_language`) from budget.egov.kz: the
    budget restricted → exempt (point 67) where an edition gives the item that exemption; then what
    ``settled`` says (no programme, for the rows about draft programmes)."""
    return per_language(artifacts, item, budget_portal, evaluate, _restricted, *settled)


def _restricted(item: str, portal: BudgetPortal) -> Result | None:
    return restricted_result(item, portal.lang, portal) if portal.restricted else None


def restricted_result(item: str, lang: str, portal: BudgetPortal) -> Result:
    """budget.egov.kz shows the body's budget information is secret or restricted. Point 67, part
    three (000_12c86a9f7dcd6cb4.txt line 65: «присваивается средний балл полученных оценок всех
    государственных органов по тем индикаторам, по которым государственный орган не оценивается»):
    the body is not assessed on the item by law - the finding says it is exempt, with the notice as
    evidence, and the scorer awards the average. An item no edition exempts stays not_assessed."""
    shown = f"budget information is restricted (budget.egov.kz shows: «{portal.restricted}»)"
    evidence = portal.restricted_evidence[:EVIDENCE_LIMIT]
    notice = str(portal.restricted)
    if RESTRICTED_TAG not in exemption_tags(item):
        no_exemption = Said(
            f"{shown}; no exemption for this item", "reason.budget.restricted.no_exemption", notice=notice
        )
        return not_assessed(item, lang, no_exemption, evidence)
    measured = {"exempt": RESTRICTED_TAG, "notice": portal.restricted}
    exempt = Said(f"{shown}: exempt under point 67", "reason.budget.restricted.exempt", notice=notice)
    return result(item, lang, "not_applicable", measured, evidence=evidence, reason=exempt)


def verdict_result(item: str, lang: str, verdict: Verdict, fail_status: str = "fail") -> Result:
    if verdict.ok is None:
        return not_assessed(item, lang, verdict.reason or CANNOT_TELL, verdict.evidence)
    if verdict.ok:
        return result(item, lang, "pass", verdict.measured, evidence=verdict.evidence)
    return result(
        item,
        lang,
        fail_status,
        verdict.measured,
        verdict.deficiencies,
        verdict.evidence,
    )
