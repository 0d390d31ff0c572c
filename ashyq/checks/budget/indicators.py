"""Open budget, 2025 edition: CGO Table 2 and MIO Table 3, from budget.egov.kz (per language).

* T2-1 the five consolidated financial statements: one deficiency per missing statement (the
  edition deducts 0.3 each); fail when none is published.
* T2-2 development-plan report within 15 working days of its formation (a card showing no formation
  date: by 1 March of the following year, 003 p. 4, reading plan-report-due-date); T2-3 / T3-1 budget-programme
  reports by 1 April of the following year; T2-4 / T3-2 state-audit results within 15 working days of
  receipt (late → fail, or pass with the delay left to row 7: interpretation budget-deadline-rows);
  T2-3 / T3-1 also before the public council meeting the body declared (the row's "до их
  представления на заседание общественного совета"); T2-5 / T3-3 citizen budget.
* T2-6 materials of rows 1–5 complete in the language (share of rows); T2-7 timeliness of the
  deadline-bearing materials of rows 2–4 (share).
* T2-8 / T3-4 draft programmes with every draft field filled (share); T2-9 / T3-5 drafts posted by
  15 May (share); T2-10 / T3-6 comments answered ÷ received (nothing received → pass), within the run's reporting
  period where a comment is dated; budget.egov.kz shows no date for a comment, so the finding says
  when the period could not be applied (``measured.period_not_applied``).

Each row looks for the material of the period its Appendix 9 line names: rows 1–3 (Table 3 row 1)
the documents for the year before the run's reporting period, placed in the period (000 line 580:
«в 2022 году оценивается наличие … консолидированной финансовой отчетности за 2020 год размещенной в
2021 году»); row 4 (Table 3 row 2) the audit results placed in the period. Material of another year
does not meet the row, and the finding names the year and date of what the portal does show.

A body whose budget information is restricted (the portal's notice) is exempt (point 67, part three):
every item is not_applicable with ``measured.exempt = budget_restricted`` and the notice as evidence,
never a failure; the scorer awards the average of all bodies from that finding (no registry tag needed).
"""

from __future__ import annotations

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.wording import Said
from ashyq.checks.budget.records import STATEMENTS, BudgetPortal
from ashyq.checks.budget.requirements import (
    Verdict,
    announcement_verdict,
    audit_verdict,
    citizen_budget_verdict,
    comment_handling,
    draft_completeness,
    draft_timeliness,
    on_budget,
    plan_report_verdict,
    programme_report_verdict,
    statement_verdict,
    verdict_result,
)
from ashyq.checks.edition_index import reading
from ashyq.checks.portals import answered_result, result, share_result
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed

NEEDS = ["records:budget"]
NOTHING_DATED = Said("no dated material with a deadline among rows 2–4", "reason.budget.nothing_dated")


def deadline_row(item: str, lang: str, verdict: Verdict, artifacts: BodyArtifacts) -> Result:
    """A row whose title carries a deadline (Table 2 rows 2–4, Table 3 rows 1–2). Interpretation
    budget-deadline-rows: ``late-fails`` — a late posting does not meet the row; ``timeliness-row-only``
    — the posting meets it, and the delay counts only in the timeliness row 7 (CGOs)."""
    late = verdict.ok is False and bool(verdict.measured)
    if late and reading(artifacts.config, "budget-deadline-rows") == "timeliness-row-only":
        measured = {**verdict.measured, "late": [d.kind for d in verdict.deficiencies]}
        return result(item, lang, "pass", measured, evidence=verdict.evidence)
    return verdict_result(item, lang, verdict)


@register("budget.statements", "2", ["T2-1"], needs=NEEDS)
def consolidated_statements(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 2 row 1: consolidated financial statements."""

    def evaluate(portal: BudgetPortal) -> Result:
        verdicts = [statement_verdict(portal, kind, artifacts) for kind in STATEMENTS]
        if any(v.ok is None for v in verdicts):
            return verdict_result(item, portal.lang, next(v for v in verdicts if v.ok is None))
        deficiencies = [d for v in verdicts for d in v.deficiencies]
        evidence = [e for v in verdicts for e in v.evidence]
        present = sum(bool(v.ok) for v in verdicts)
        missing = [k for k, v in zip(STATEMENTS, verdicts, strict=True) if not v.ok]
        measured = {"numerator": present, "denominator": len(STATEMENTS), "missing": missing}
        status = "pass" if not missing else "fail" if present == 0 else "partial"
        return result(item, portal.lang, status, measured, deficiencies, evidence)

    return on_budget(artifacts, item, evaluate)


@register("budget.plan_report", "2", ["T2-2"], needs=NEEDS)
def plan_report(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 2 row 2: report on implementation of the body's development plan, within 15 working days of its
    formation."""
    return on_budget(
        artifacts, item, lambda p: deadline_row(item, p.lang, plan_report_verdict(p, artifacts), artifacts)
    )


@register(
    "budget.programme_reports",
    "3",
    {"cgo": "T2-3", "mio": "T3-1"},
    needs=NEEDS,
    uses=["declared"],  # the public council meeting the reports went to
)
def programme_reports(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 2 row 3 (CGO) / Table 3 row 1 (MIO): reports on implementation of budget programmes, before the public
    council meeting, not later than 1 April of the following year."""
    return on_budget(
        artifacts, item, lambda p: deadline_row(item, p.lang, programme_report_verdict(p, artifacts), artifacts)
    )


@register("budget.audit_results", "2", {"cgo": "T2-4", "mio": "T3-2"}, needs=NEEDS)
def audit_results(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 2 row 4 (CGO) / Table 3 row 2 (MIO): results of state audit and financial control, within 15 working
    days of receipt."""
    return on_budget(artifacts, item, lambda p: deadline_row(item, p.lang, audit_verdict(p, artifacts), artifacts))


@register("budget.citizen_budget", "1", {"cgo": "T2-5", "mio": "T3-3"}, needs=NEEDS)
def citizen_budget(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 2 row 5 (CGO) / Table 3 row 3 (MIO): citizen budget."""
    return on_budget(artifacts, item, lambda p: verdict_result(item, p.lang, citizen_budget_verdict(p, artifacts)))


@register("budget.materials_complete", "1", ["T2-6"], needs=NEEDS)
def materials_complete(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 2 row 6: correctness and completeness of the budget materials of rows 1–5."""

    def evaluate(portal: BudgetPortal) -> Result:
        rows = {
            "statements": [statement_verdict(portal, kind, artifacts) for kind in STATEMENTS],
            "plan_report": [plan_report_verdict(portal, artifacts)],
            "programme_report": [programme_report_verdict(portal, artifacts)],
            "audit_results": [audit_verdict(portal, artifacts)],
            "citizen_budget": [citizen_budget_verdict(portal, artifacts)],
        }
        good, total, deficiencies, evidence = 0, 0, [], []
        for row, verdicts in rows.items():
            # completeness is about presence in this language; lateness is row 7's business
            present = [v for v in verdicts if v.ok or (v.ok is False and v.measured)]
            absent = [d for v in verdicts if not v.ok and not v.measured for d in v.deficiencies]
            if row == "audit_results" and verdicts[0].ok is None and not verdicts[0].evidence:
                continue  # no audit results at all: nothing to judge (see T2-4)
            total += 1
            evidence += [e for v in present for e in v.evidence]
            if len(present) == len(verdicts) and not any(v.ok is None and not v.evidence for v in verdicts):
                good += 1
            else:
                unconfirmed = Said(
                    f"Row {row} cannot be confirmed in {portal.lang}",
                    f"deficiency.budget.unconfirmed.{row}.{portal.lang}",
                )
                deficiencies += absent or [Deficiency(unconfirmed, row)]
        return share_result(item, portal.lang, good, total, deficiencies, evidence)

    return on_budget(artifacts, item, evaluate)


@register("budget.materials_on_time", "1", ["T2-7"], needs=NEEDS)
def materials_on_time(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 2 row 7: timeliness of the budget materials of rows 1–5."""

    def evaluate(portal: BudgetPortal) -> Result:
        verdicts = {
            "plan_report": plan_report_verdict(portal, artifacts),
            "programme_report": programme_report_verdict(portal, artifacts),
            "audit_results": audit_verdict(portal, artifacts),
        }
        # only materials that are there and show their dates can be on time or late
        judged = {k: v for k, v in verdicts.items() if v.measured}
        if not judged:
            return not_assessed(item, portal.lang, NOTHING_DATED)
        good = sum(bool(v.ok) for v in judged.values())
        deficiencies = [d for v in judged.values() for d in v.deficiencies]
        evidence = [e for v in judged.values() for e in v.evidence]
        late = [k for k, v in judged.items() if not v.ok]
        return share_result(item, portal.lang, good, len(judged), deficiencies, evidence, late=late)

    return on_budget(artifacts, item, evaluate)


@register("budget.drafts_complete", "1", {"cgo": "T2-8", "mio": "T3-4"}, needs=NEEDS)
def drafts_complete(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 2 row 8 (CGO) / Table 3 row 4 (MIO): correctness and completeness of draft budget programmes."""

    def evaluate(portal: BudgetPortal) -> Result:
        good, deficiencies, evidence = draft_completeness(portal)
        return share_result(item, portal.lang, good, len(portal.programmes), deficiencies, evidence)

    return on_budget(artifacts, item, evaluate, _no_programmes)


@register("budget.drafts_on_time", "1", {"cgo": "T2-9", "mio": "T3-5"}, needs=NEEDS)
def drafts_on_time(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 2 row 9 (CGO) / Table 3 row 5 (MIO): timeliness of draft budget programmes."""

    def evaluate(portal: BudgetPortal) -> Result:
        good, deficiencies, evidence, latest = draft_timeliness(portal, artifacts)
        return share_result(item, portal.lang, good, len(portal.programmes), deficiencies, evidence, **latest)

    return on_budget(artifacts, item, evaluate, _no_programmes)


@register("budget.comments", "2", {"cgo": "T2-10", "mio": "T3-6"}, needs=NEEDS)
def comments(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 2 row 10 (CGO) / Table 3 row 6 (MIO): monitoring and handling of users' proposals and comments."""

    def evaluate(portal: BudgetPortal) -> Result:
        count = comment_handling(portal, artifacts)
        return answered_result(
            item, portal.lang, count.answered, count.received, count.deficiencies, count.evidence, **count.measured
        )

    return on_budget(artifacts, item, evaluate, _no_programmes)


def _no_programmes(item: str, portal: BudgetPortal) -> Result | None:
    """The rows about draft programmes when the body has none on the portal: a fail, unless the
    programme cards could not be fetched; None when there are programmes to judge."""
    if portal.programmes:
        return None
    verdict = announcement_verdict(portal)  # any card at all tells the search was read
    if portal.card_failures:
        failure = portal.card_failures[0].reason
        return not_assessed(
            item, portal.lang, Said(f"no programme card fetched ({failure})", "reason.budget.no_card", failure=failure)
        )
    evidence = verdict.evidence or [m.record.evidence("$.title", m.title) for m in portal.materials[:3]]
    message = Said(
        f"No budget programme of the body is on budget.egov.kz in {portal.lang}",
        f"deficiency.budget.no_programmes.{portal.lang}",
    )
    deficiency = Deficiency(message, "no_programmes", url=portal.search_url)
    if not evidence:
        evidence = [
            EvidenceRef(
                url=portal.search_url or "https://budget.egov.kz/",
                kind="portal_record",
                snippet="search results without budget programmes",
            )
        ]
    return result(item, portal.lang, "fail", {"share": 0.0}, [deficiency], evidence)
