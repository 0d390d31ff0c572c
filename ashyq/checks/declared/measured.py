"""The declared items that measure more than presence: needs-finding events per half-year (T1-5),
the publicity level of draft-law programmes (T4-6), the mass-media formula's A, B, C, D (T7.1-1…4)
and the 2017 parameters counted against a list or a deadline (A12-OD-1, A12-OD-2, A12-B-8).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.form_items import rows_for
from ashyq.base.forms import General
from ashyq.base.vocabulary import LANGS, Lang, Status
from ashyq.base.wording import Said
from ashyq.base.working_days import add_working_days, half_year_label, half_year_of
from ashyq.checks.declared.facts import (
    NOT_DECLARED,
    NOT_VERIFIED,
    Declared,
    Support,
    declared_of,
    declared_results,
    row_evidence,
    row_support,
    rows_of,
    tally,
)
from ashyq.checks.edition_index import reading
from ashyq.checks.result import Result, not_assessed


def needs_events(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 1 row 5: each kind of event (polls/conferences; IT meetings/data labs) in every half-year of the
    run's reporting period — those ended by the audit date, and the one under way once it has one."""
    form, numbers = rows_for(item, artifacts.kind)

    def judge(declared: Declared, lang: Lang) -> Result:
        groups: dict[str, list[str]] = declared.settings["needs_event_groups"]
        period = artifacts.reporting_period()
        covered: set[tuple[str, str]] = set()
        deficiencies, evidence = [], []
        for row in rows_of(declared.report, form, numbers):
            support = row_support(declared, form, row, lang)
            group = next((g for g, kinds in groups.items() if row.kind in kinds), None)
            if not support.ok:
                deficiencies.append(support.deficiency)
            elif group is None or row.date is None:
                title = row.title_ru or row.title_kk
                message = Said(
                    f"«{title}»: the kind of event or its date is not given",
                    "deficiency.declared.event_incomplete",
                    title=title,
                )
                deficiencies.append(Deficiency(message, kind="incomplete_row", evidence=support.evidence))
            elif not period.within(row.date, artifacts.as_of):
                message = _outside(row.title_ru or row.title_kk, row.date, period.label)
                deficiencies.append(Deficiency(message, kind="outside_period", evidence=support.evidence))
            else:
                covered.add((group, half_year_label(half_year_of(row.date))))
                evidence.extend(support.evidence)
        slots = []
        for part in period.half_years():
            if part.start > artifacts.as_of:
                continue
            label = f"{part.start.year}-H{1 if part.start.month <= 6 else 2}"
            for g in groups:  # the half-year under way counts once it has its event
                if part.end < artifacts.as_of or (g, label) in covered:
                    slots.append((g, label))
        done = [s for s in slots if s in covered]
        for group, half in sorted(set(slots) - covered):
            deficiencies.append(
                Deficiency(
                    Said(f"no {group} event in {half}", f"deficiency.declared.no_event.{group}", half=half),
                    kind="missing_half_year",
                    evidence=[row_evidence(declared, form, None)],
                )
            )
        measured = {
            "numerator": len(done),
            "denominator": len(slots),
            "share": round(len(done) / len(slots), 4) if slots else 1.0,
        }
        status: Status = "pass" if len(done) == len(slots) else "fail" if not done else "partial"
        return Result(
            item,
            lang,
            status,
            measured,
            [d for d in deficiencies if d],
            evidence or [row_evidence(declared, form, None)],
        )

    return declared_results(artifacts, item, form, numbers, judge)


def publicity_level(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 4 row 6: the publicity level the draft-law programme reached (interpretation npa-publicity-aggregate);
    a verified report that names no programme approved in the period is nothing to publish
    (interpretation npa-no-programme), which the table's rule for that case scores (npa-nothing-posted)."""
    declared = declared_of(artifacts)
    form, numbers = rows_for(item, artifacts.kind)
    if (
        declared is not None
        and declared.verified
        and not rows_of(declared.report, form, numbers)
        and reading(artifacts.config, "npa-no-programme") == "nothing-to-publish"
    ):
        reason = Said(
            "the verified report names no information-support programme for a draft law approved in the "
            "period: nothing to implement, nothing to publish (reading npa-no-programme)",
            "reason.declared.no_npa_programme",
        )
        cited = row_evidence(declared, form, None, "no programme approved in the period")
        return [
            Result(item, lang, "not_applicable", {"nothing_to_publish": True}, [], [cited], reason) for lang in LANGS
        ]

    def judge(declared: Declared, lang: Lang) -> Result:
        order: list[str] = declared.settings["publicity_levels"]
        levels: list[str] = []
        deficiencies: list[Deficiency | None] = []
        evidence: list[EvidenceRef] = []
        for row in rows_of(declared.report, form, numbers):
            support = row_support(declared, form, row, lang)
            if not support.ok:
                deficiencies.append(support.deficiency)
            elif row.publicity is None:
                deficiencies.append(Deficiency(_no_publicity(row.title_ru or row.title_kk), kind="incomplete_row"))
            else:
                levels.append(row.publicity)
                evidence.extend(support.evidence)
        if not levels:
            return Result(
                item,
                lang,
                "fail",
                {"events": 0},
                [d for d in deficiencies if d],
                evidence or [row_evidence(declared, form, None)],
            )
        if reading(artifacts.config, "npa-publicity-aggregate") == "majority":
            level = Counter(levels).most_common(1)[0][0]
        else:
            level = min(levels, key=order.index)
        status: Status = "pass" if level == order[-1] else "partial"
        measured = {"level": level, "events": len(levels), "levels": dict(Counter(levels))}
        return Result(item, lang, status, measured, [d for d in deficiencies if d], evidence)

    return declared_results(artifacts, item, form, numbers, judge)


# ------------------------------------------------------------------------------------------- media
def media_publicity(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 7.1 row 1 (A): high-publicity events confirmed in the language ÷ events held (point 81).

    The denominator is the events held as declared (at least the events listed); the edition's rule
    applies "at least 12" (interpretation media-a-denominator), so it is not applied twice here.
    """
    declared = declared_of(artifacts)
    out = []
    for lang in LANGS:
        report = declared.report if declared else None
        if report is None or (not report.media_events and report.general.events_total is None):
            out.append(not_assessed(item, lang, NOT_DECLARED))
            continue
        assert declared is not None
        if not declared.verified:
            out.append(not_assessed(item, lang, NOT_VERIFIED))
            continue
        held = max(report.general.events_total or 0, len(report.media_events))
        split = reading(artifacts.config, "media-language-split")
        high = 0
        deficiencies: list[Deficiency] = []
        evidence: list[EvidenceRef] = []
        period = artifacts.reporting_period()
        for row in report.media_events:
            if not row.high_publicity:
                continue
            if row.date is not None and not period.within(row.date, artifacts.as_of):
                message = _outside(row.title_ru or row.title_kk, row.date, period.label)
                deficiencies.append(
                    Deficiency(message, kind="outside_period", evidence=[row_evidence(declared, "media_events", row)])
                )
                continue
            langs = ["kk", "ru"] if split == "all-same" else [lang]
            supports = [row_support(declared, "media_events", row, x) for x in langs]
            good = next((s for s in supports if s.ok), None)
            if good is not None:
                high += 1
                evidence.extend(good.evidence)
            else:
                deficiencies.extend(s.deficiency for s in supports if s.deficiency)
        measured = {
            "numerator": high,
            "denominator": held,
            "high_publicity_declared": sum(r.high_publicity for r in report.media_events),
        }
        status: Status = "fail" if high == 0 else "pass" if high >= max(held, 12) else "partial"
        evidence = evidence or [row_evidence(declared, "general", None, f"events held: {held}")]
        out.append(Result(item, lang, status, measured, deficiencies, evidence))
    return out


def request_deadline(
    received: dt.date, settings: dict[str, Any], option: str = "by-request-date"
) -> tuple[dt.date, str]:
    """The last day to answer a media request received on ``received``, and the law that sets it
    (interpretation media-request-deadline: the law in force that day, or five days throughout)."""
    laws = sorted(settings["media_request_deadlines"], key=lambda law: str(law["effective_from"]))
    if option == "five-days-throughout":
        law = laws[-1]
    else:
        in_force = [x for x in laws if dt.date.fromisoformat(str(x["effective_from"])) <= received]
        law = in_force[-1] if in_force else laws[0]
    return add_working_days(received, int(law["working_days"])), str(law["law"])


def media_requests(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 7.1 row 2 (B): answers given within the statutory deadline ÷ requests received (point 82)."""
    declared = declared_of(artifacts)
    report = declared.report if declared else None
    if (
        declared is None
        or report is None
        or not (report.media_requests or report.media_events or report.general.events_total is not None)
    ):
        return [not_assessed(item, lang, NOT_DECLARED) for lang in LANGS]
    on_time, deficiencies = 0, []
    deadline_option = reading(artifacts.config, "media-request-deadline")
    period = artifacts.reporting_period()
    # the requests received in the reporting period (point 82's a); one of another period is not counted
    requests = [r for r in report.media_requests if period.within(r.incoming_date, artifacts.as_of)]
    for row in requests:
        deadline, law = request_deadline(row.incoming_date, declared.settings, deadline_option)
        support = row_support(declared, "media_requests", row, None, linkless_ok=True)
        ev = [
            row_evidence(
                declared, "media_requests", row, f"{row.media}: № {row.incoming_no} от {row.incoming_date:%d.%m.%Y}"
            )
        ]
        if row.answer_date is None:
            deficiencies.append(
                Deficiency(
                    Said(
                        f"request № {row.incoming_no} ({row.media}) has no answer",
                        "deficiency.declared.request_unanswered",
                        number=row.incoming_no,
                        media=row.media,
                    ),
                    kind="unanswered",
                    evidence=ev,
                )
            )
        elif not row.incoming_date <= row.answer_date <= deadline:
            message = Said(
                f"request № {row.incoming_no} ({row.media}) of {row.incoming_date:%d.%m.%Y} answered "
                f"{row.answer_date:%d.%m.%Y}, after the deadline {deadline:%d.%m.%Y} ({law})",
                "deficiency.declared.request_late",
                number=row.incoming_no,
                media=row.media,
                received=f"{row.incoming_date:%d.%m.%Y}",
                answered=f"{row.answer_date:%d.%m.%Y}",
                deadline=f"{deadline:%d.%m.%Y}",
                law=law,
            )
            deficiencies.append(Deficiency(message, kind="late_answer", evidence=ev))
        elif not support.ok and support.deficiency is not None:
            deficiencies.append(support.deficiency)
        else:
            on_time += 1
    total = len(requests)
    answered = sum(r.answer_date is not None for r in requests)
    # interpretation media-b-formula: B = (b − c) ÷ a (of the requests received) or ÷ b (of the answers)
    of_answered = reading(artifacts.config, "media-b-formula") == "of-answered"
    denominator = answered if of_answered and total else total
    measured = {"numerator": on_time, "denominator": denominator, "received": total, "answered": answered}
    status: Status = "pass" if on_time == denominator else "fail" if on_time == 0 else "partial"
    if of_answered and total and not answered:  # the option's own text: "B = 0 when b = 0 and a > 0"
        status = "fail"
    evidence = [
        row_evidence(declared, "general", None, f"media requests received: {total}, answered on time: {on_time}")
    ]
    return [Result(item, lang, status, dict(measured), list(deficiencies), evidence) for lang in LANGS]


def media_survey(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 7.1 row 3 (C = a / 100, point 83): the share of media satisfied, as numerator over 100."""

    def judge(percent: float) -> tuple[Status, dict[str, Any]]:
        status: Status = "pass" if percent >= 100 else "fail" if percent <= 0 else "partial"
        return status, {"numerator": percent, "denominator": 100}

    return _survey(artifacts, item, "media", 83, lambda general: general.media_survey_percent, judge)


def population_survey(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 7.1 row 4 (D, point 84): the population's satisfaction in %, banded by the edition."""

    def judge(percent: float) -> tuple[Status, dict[str, Any]]:
        return ("pass" if percent > 80 else "partial"), {"value": percent}

    return _survey(artifacts, item, "population", 84, lambda general: general.population_survey_percent, judge)


def _survey(
    artifacts: BodyArtifacts,
    item: str,
    who: str,
    point: int,
    percent_of: Callable[[General], float | None],
    judge: Callable[[float], tuple[Status, dict[str, Any]]],
) -> list[Result]:
    """A survey's share of ``who`` satisfied, entered on the report's cover by the assessing body
    (points 83, 84), as ``judge`` rates it; not assessed while it is not entered."""
    declared = declared_of(artifacts)
    percent = percent_of(declared.report.general) if declared else None
    if declared is None or percent is None:
        reason = Said(
            f"the {who} survey result (point {point}) is not entered", f"reason.declared.no_survey.{who}", point=point
        )
        return [not_assessed(item, lang, reason) for lang in LANGS]
    ev = [row_evidence(declared, "general", None, f"{who} satisfied: {percent} %")]
    status, measured = judge(percent)
    return [Result(item, lang, status, dict(measured), [], ev) for lang in LANGS]


# ------------------------------------------------------------------------------------------- 2017
def approved_list(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open data parameter 1: the approved list of open data, by its declared link (all or nothing)."""
    declared = declared_of(artifacts)
    general = declared.report.general if declared else None
    if declared is None or general is None or not general.open_data_list_link:
        return [not_assessed(item, lang, NOT_DECLARED) for lang in LANGS]
    if not declared.verified:
        return [not_assessed(item, lang, NOT_VERIFIED) for lang in LANGS]
    support = row_support(declared, "general", general, None)
    return [tally(item, lang, [support]) for lang in LANGS]


def datasets_against_list(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open data parameter 2: datasets published (confirmed links of Table 1 row 1) against the approved
    count;
    each missing dataset is a deficiency (−0.1 in the edition)."""
    form, numbers = rows_for(item, artifacts.kind)

    def judge(declared: Declared, lang: Lang) -> Result:
        rows = rows_of(declared.report, form, numbers)
        supports = [row_support(declared, form, r, lang) for r in rows]
        approved = declared.report.general.open_data_approved_count or len(rows)
        result = tally(item, lang, supports, {"approved": approved})
        missing = approved - result.measured["confirmed"]
        if missing > 0:
            result.status = "partial" if result.measured["confirmed"] else "fail"
            result.deficiencies.append(
                Deficiency(
                    Said(
                        f"{missing} of {approved} approved datasets not confirmed",
                        "deficiency.declared.datasets_unconfirmed",
                        missing=missing,
                        approved=approved,
                    ),
                    kind="missing_dataset",
                    count=missing,
                    evidence=[row_evidence(declared, "general", None)],
                )
            )
        result.measured.pop("share", None)
        return result

    return declared_results(artifacts, item, form, numbers, judge)


def audit_in_time(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open budget parameter 8: audit results posted within 15 working days of receipt (Table 2 row 4 /
    Table 3 row 2)."""
    form, numbers = rows_for(item, artifacts.kind)

    def judge(declared: Declared, lang: Lang) -> Result:
        supports = []
        for row in rows_of(declared.report, form, numbers):
            support = row_support(declared, form, row, lang)
            if support.ok and row.received_date and row.date and row.date > add_working_days(row.received_date, 15):
                title = row.title_ru or row.title_kk
                late = Deficiency(
                    Said(
                        f"«{title}» posted {row.date:%d.%m.%Y}, received {row.received_date:%d.%m.%Y}: "
                        "after 15 working days",
                        "deficiency.declared.audit_late",
                        title=title,
                        posted=f"{row.date:%d.%m.%Y}",
                        received=f"{row.received_date:%d.%m.%Y}",
                    ),
                    kind="late",
                    evidence=support.evidence,
                )
                support = Support(False, deficiency=late)
            supports.append(support)
        result = tally(item, lang, supports)
        result.measured.pop("share", None)
        return result

    return declared_results(artifacts, item, form, numbers, judge)


def _outside(title: str | None, when: dt.date, period: str) -> Said:
    return Said(
        f"«{title}» of {when:%d.%m.%Y} is outside the period {period}",
        "deficiency.declared.outside_period",
        title=f"{title}",
        date=f"{when:%d.%m.%Y}",
        period=period,
    )


def _no_publicity(title: str) -> Said:
    return Said(f"«{title}»: no publicity level given", "deficiency.declared.no_publicity_level", title=title)
