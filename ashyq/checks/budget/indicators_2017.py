"""Open budget, 2017 edition (Appendix 12, indicator 2): the same budget.egov.kz verdicts as the 2025
checks, reported as deficiencies (the edition deducts 0.1 each, at most 75 % of a parameter).

* A12-B-1 … A12-B-5 (CGO): one consolidated statement each; missing → one deficiency.
* A12-B-6 (CGO): strategic/development-plan report within 15 working days of its formation.
* A12-B-7: budget-programme report by 1 April of the following year.
* A12-B-9: draft programmes by 15 May, correct and complete (and, for MIOs, the programme reports
  by 1 April): one deficiency per incomplete or late draft, and the late report.
* A12-B-10: one deficiency per comment left without an answer.
* A12-B-11: an announcement of the public discussion of draft programmes is published.

Readings the run chooses (kz-2017 interpretations):

* a12-parameter-floor — ``keep-floor`` (default): an absent material is a deficiency of its parameter
  (partial), never a fail, and the edition caps what the deficiencies cost (75 %);
  ``zero-when-absent``: a parameter with nothing published fails (0);
* a12-consolidated-statements — ``deduct-per-missing`` (default): a missing statement is −0.1 of its
  parameter, as in point 80's example; ``unmet-parameter``: its parameter fails.
"""

from __future__ import annotations

from collections.abc import Callable

from ashyq.base.artifacts import BodyArtifacts
from ashyq.checks.budget.records import STATEMENTS, BudgetPortal
from ashyq.checks.budget.requirements import (
    Verdict,
    announcement_verdict,
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
from ashyq.checks.portals import deficiency_result
from ashyq.checks.registry import register
from ashyq.checks.result import Result

NEEDS = ["records:budget"]


def _as_deficiencies(
    item: str, lang: str, verdict: Verdict, artifacts: BodyArtifacts, statement: bool = False
) -> Result:
    absent = verdict.ok is False and not verdict.measured  # nothing published, not merely late
    zero = reading(artifacts.config, "a12-parameter-floor") == "zero-when-absent"
    if statement:
        zero = zero or reading(artifacts.config, "a12-consolidated-statements") == "unmet-parameter"
    return verdict_result(item, lang, verdict, fail_status="fail" if absent and zero else "partial")


def _verdicts(
    artifacts: BodyArtifacts, item: str, verdict_of: Callable[[BudgetPortal], Verdict], statement: bool = False
) -> list[Result]:
    """A parameter judged by one verdict of the 2025 checks per language, as deficiencies."""
    return on_budget(artifacts, item, lambda p: _as_deficiencies(item, p.lang, verdict_of(p), artifacts, statement))


def _statement_check(number: int, kind: str) -> None:
    @register(
        f"budget.a12_statement_{number}",
        "1",
        [f"A12-B-{number}"],
        needs=NEEDS,
    )
    def check(artifacts: BodyArtifacts, item: str) -> list[Result]:
        """Appendix 12, open budget parameters 1-5 (2017, CGO): the consolidated statement of its
        number is published in each language; a missing one is a deficiency."""
        return _verdicts(artifacts, item, lambda p: statement_verdict(p, kind, artifacts), statement=True)


for _number, _kind in enumerate(STATEMENTS, start=1):
    _statement_check(_number, _kind)


@register("budget.a12_plan_report", "1", ["A12-B-6"], needs=NEEDS)
def a12_plan_report(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open budget parameter 6: budget reporting within fifteen working days after it is due: report on
    the strategic plan."""
    return _verdicts(artifacts, item, lambda p: plan_report_verdict(p, artifacts))


@register("budget.a12_programme_report", "1", ["A12-B-7"], needs=NEEDS)
def a12_programme_report(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open budget parameter 7: budget reporting within fifteen working days after it is due: report on
    the budget programmes."""
    return _verdicts(artifacts, item, lambda p: programme_report_verdict(p, artifacts))


@register("budget.a12_drafts", "1", ["A12-B-9"], needs=NEEDS)
def a12_drafts(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open budget parameter 9: draft budget programmes by 15 May."""

    def evaluate(portal: BudgetPortal) -> Result:
        complete, incomplete, evidence = draft_completeness(portal)
        on_time, late, timely_evidence, _ = draft_timeliness(portal, artifacts)
        deficiencies = incomplete + late
        if artifacts.kind == "mio":  # the MIO row also names the programme reports by 1 April
            report = programme_report_verdict(portal, artifacts)
            deficiencies += report.deficiencies
            evidence += report.evidence
        return deficiency_result(
            item,
            portal.lang,
            deficiencies,
            evidence + timely_evidence,
            programmes=len(portal.programmes),
            complete=complete,
            on_time=on_time,
        )

    return on_budget(artifacts, item, evaluate)


@register("budget.a12_comments", "2", ["A12-B-10"], needs=NEEDS)
def a12_comments(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open budget parameter 10: draft budget programmes: monitoring and consideration of users'
    proposals and comments."""

    def evaluate(portal: BudgetPortal) -> Result:
        count = comment_handling(portal, artifacts)
        return deficiency_result(
            item,
            portal.lang,
            count.deficiencies,
            count.evidence,
            numerator=count.answered,
            denominator=count.received,
            **count.measured,
        )

    return on_budget(artifacts, item, evaluate)


@register("budget.a12_announcements", "1", ["A12-B-11"], needs=NEEDS)
def a12_announcements(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open budget parameter 11: announcements of the start of public discussion of draft budget
    programmes."""
    return _verdicts(artifacts, item, announcement_verdict)
