"""Open dialogue on dialog.egov.kz: internet conferences and polls, the first head's blog, its
answered questions (2025 Table 6 rows 1-2; 2017 Appendix 12 indicator 4).

Reads ``PortalRecord(portal="dialog")`` of kinds ``blog_post``, ``question``, ``conference``,
``poll`` and the harvest's ``coverage`` records, which tell "none found" (the list page answered
and was empty) apart from "not measured" (an unknown blog id, an error answer). Field access is
kept in the small adapters below so it follows the harvest's parsers (ashyq/crawler/parsers/dialog.py).
Thresholds and windows live in ``ashyq/config/checks/dialog.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PortalRecord
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.period import ReportingPeriod, months_between, weeks_between
from ashyq.base.vocabulary import LANGS, Lang
from ashyq.base.wording import Said
from ashyq.base.working_days import half_year_label, half_year_of, parse_portal_day
from ashyq.checks.edition_index import reading
from ashyq.checks.inputs import PORTAL_HOSTS, failures_on
from ashyq.checks.portals import not_measurable, per_language
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed, percent
from ashyq.config.check_settings import check_settings

DIALOG = "dialog"


# ---------------------------------------------------------------------------------------- adapters
@dataclass(frozen=True)
class Event:
    kind: str  # conference | poll
    title: str
    start: date | None
    record: PortalRecord


@dataclass(frozen=True)
class Post:
    title: str
    posted: date | None
    record: PortalRecord


@dataclass(frozen=True)
class Question:
    number: str
    asked: date | None
    answered: bool
    record: PortalRecord


def _kind_from_url(url: str, patterns: dict[str, list[str]]) -> str | None:
    for kind, regexes in patterns.items():
        if any(re.search(rx, url) for rx in regexes):
            return kind
    return None


def events_of(artifacts: BodyArtifacts, lang: str, cfg: dict[str, Any]) -> list[Event]:
    """Conferences and polls listed in ``lang``; a generic ``event`` record is typed by its URL."""
    out = []
    patterns = cfg.get("declared_link_patterns") or {}
    for r in artifacts.records_of(DIALOG, lang=lang):
        kind = r.kind if r.kind in ("conference", "poll") else None
        if kind is None and r.kind == "event":
            kind = _kind_from_url(str(r.payload.get("url") or ""), patterns)
        if kind is None or kind not in cfg["events"]["kinds"]:
            continue
        start = parse_portal_day(r.payload.get("start") or r.payload.get("date"))
        out.append(Event(kind, str(r.payload.get("title") or ""), start, r))
    return out


def posts_of(artifacts: BodyArtifacts, lang: str, cfg: dict[str, Any]) -> list[Post]:
    return [
        Post(str(r.payload.get("title") or ""), parse_portal_day(r.payload.get("date")), r)
        for r in artifacts.records_of(DIALOG, "blog_post", lang)
    ]


def questions_of(artifacts: BodyArtifacts, lang: str, cfg: dict[str, Any]) -> list[Question]:
    """The blog's questions as listed in ``lang`` (citizens' texts are the same in both languages)."""
    seen: dict[str, Question] = {}
    for r in artifacts.records_of(DIALOG, "question", lang):
        number = str(r.payload.get("number") or r.external_id or r.source_url)
        answered = bool(r.payload.get("answered")) or bool(r.payload.get("answer"))
        asked = parse_portal_day(r.payload.get("date"))
        seen[number] = Question(number, asked, answered, r)
    return list(seen.values())


# ---------------------------------------------------------------------------------------- coverage
def _dialog_failures(artifacts: BodyArtifacts) -> list[FetchFailure]:
    return failures_on(artifacts, PORTAL_HOSTS["dialog"])


def unmeasured(artifacts: BodyArtifacts, lang: str, contents: Iterable[str]) -> Said | None:
    """Why ``contents`` (blog_posts, questions, conferences, polls) of ``lang`` were not measured,
    or None when they were (a list page answered, or records of them exist)."""
    wanted = set(contents)
    coverage = [r for r in artifacts.records_of(DIALOG, "coverage", lang)]
    for r in coverage:
        content = str(r.payload.get("content"))
        if (content == "all" or content in wanted) and r.payload.get("measurable") is False:
            return not_measurable("dialog.egov.kz", r)
    measured = {str(r.payload.get("content")) for r in coverage if r.payload.get("measurable")}
    if wanted <= measured:
        return None
    failures = _dialog_failures(artifacts)
    if failures:
        f = failures[0]
        why = f"{f.reason}{f': {f.detail}' if f.detail else ''}"
        return Said(
            f"dialog.egov.kz could not be fetched ({why}): {f.url}", "reason.dialog.not_fetched", why=why, url=f.url
        )
    kinds = {"blog_posts": "blog_post", "questions": "question", "conferences": "conference", "polls": "poll"}
    if any(artifacts.records_of(DIALOG, kinds.get(c, c), lang) for c in wanted - measured):
        return None
    missing = ", ".join(sorted(wanted - measured))
    return Said(
        f"no dialog.egov.kz records of {missing} were harvested in {lang}",
        "reason.dialog.none_harvested",
        contents=missing,
        lang=lang,
    )


def coverage_evidence(artifacts: BodyArtifacts, lang: str, contents: Iterable[str]) -> list[EvidenceRef]:
    wanted = set(contents)
    return [
        r.evidence("$.count", f"{r.payload.get('content')}: {r.payload.get('count', 'listed')}")
        for r in artifacts.records_of(DIALOG, "coverage", lang)
        if r.payload.get("content") in wanted and r.payload.get("measurable")
    ]


def _list_url(artifacts: BodyArtifacts, lang: str, contents: Iterable[str]) -> str:
    """The list page a deficiency points at: a coverage record's or a listed record's source."""
    wanted = set(contents)
    for r in artifacts.records_of(DIALOG, "coverage", lang):
        if r.payload.get("content") in wanted:
            return r.source_url
    kinds = {"conferences": "conference", "polls": "poll", "blog_posts": "blog_post", "questions": "question"}
    for content in sorted(wanted):
        for r in artifacts.records_of(DIALOG, kinds.get(content, content), lang):
            return r.source_url
    return "https://dialog.egov.kz/"


@dataclass
class DialogView:
    """dialog.egov.kz in one language as a row reads it: why its contents were not measured, or None."""

    lang: Lang
    problem: Said | None


def dialog_reader(*contents: str) -> Callable[[BodyArtifacts, str], DialogView]:
    """How :func:`ashyq.checks.portals.per_language` reads the portal for a row of ``contents``."""

    def read(artifacts: BodyArtifacts, lang: str) -> DialogView:
        return DialogView(cast(Lang, lang), unmeasured(artifacts, lang, contents))

    return read


NO_RECORD = Said("no record to show as evidence", "reason.no_record_evidence")
NO_BLOG_RECORD = Said("no blog record to show as evidence", "reason.dialog.no_blog_evidence")


def _none_listed(
    artifacts: BodyArtifacts,
    item: str,
    lang: Lang,
    contents: tuple[str, ...],
    measured: dict[str, Any],
    message: Said,
    kind: str,
    url: str | None = None,
    unshown: Said = NO_RECORD,
) -> Result:
    """A row failed because the portal lists none of ``contents`` in ``lang``: the list pages' coverage
    records are the evidence that they were looked for, and without one the row is not assessed."""
    evidence = coverage_evidence(artifacts, lang, contents)
    if not evidence:
        return not_assessed(item, lang, unshown)
    return Result(item, lang, "fail", measured, [Deficiency(message, kind=kind, url=url, evidence=evidence)], evidence)


def _event_evidence(events: list[Event]) -> list[EvidenceRef]:
    return [e.record.evidence("$.start", f"{e.title} ({e.start})") for e in events[:10]]


# ---------------------------------------------------------------------------------------- T6-1
@register("dialogue.events_per_half_year", "1", ["T6-1"], needs=["records:dialog"])
def events_per_half_year(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 6 row 1, «Проведение интернет-конференций и опросов», as the reading
    ``dialogue-events-frequency`` has it: by default (``held-in-period``) an internet conference or
    poll held in the reporting period meets the row; ``each-half-year`` asks one in every half-year,
    the frequency of the open-dialogue rules (seed 004, point 18): a half-year that has ended without
    one is a deficiency, the half-year under way counts once it has one. A period (half-year) under
    way with nothing yet is not held against the body."""
    cfg = check_settings("dialog", artifacts.config)
    period, as_of = artifacts.reporting_period(), artifacts.as_of
    need = int(cfg["events"]["per_half_year"])

    def evaluate(view: DialogView) -> Result:
        lang = view.lang
        events = events_of(artifacts, lang, cfg)
        if reading(artifacts.config, "dialogue-events-frequency") == "held-in-period":
            return _held_in_period(artifacts, item, lang, events, period)
        covered, deficiencies, evidence = 0, [], []
        halves: list[tuple[int, int]] = []
        for part in period.half_years():
            half = half_year_of(part.start)
            start, end = part.start, part.end
            inside = [e for e in events if e.start is not None and start <= e.start <= min(end, as_of)]
            if start > as_of or (end >= as_of and len(inside) < need):
                continue  # not begun, or under way without an event yet
            halves.append(half)
            if len(inside) >= need:
                covered += 1
                evidence.extend(_event_evidence(inside[:2]))
            else:
                deficiencies.append(
                    Deficiency(
                        Said(
                            f"No internet conference or poll in {half_year_label(half)} "
                            f"({start:%d.%m.%Y}–{end:%d.%m.%Y})",
                            "deficiency.dialog.half_year_without_event",
                            half=half_year_label(half),
                            start=f"{start:%d.%m.%Y}",
                            end=f"{end:%d.%m.%Y}",
                        ),
                        kind="half_year_without_event",
                        url=_list_url(artifacts, lang, ("conferences", "polls")),
                        evidence=coverage_evidence(artifacts, lang, ("conferences", "polls")),
                    )
                )
        if not halves:
            why = Said(
                f"no half-year of the reporting period {period.label} has ended by {as_of:%d.%m.%Y}, "
                "and none has an event yet",
                "reason.dialog.no_half_year_ended",
                period=period.label,
                as_of=f"{as_of:%d.%m.%Y}",
            )
            return not_assessed(item, lang, why)
        if not evidence:
            evidence = coverage_evidence(artifacts, lang, ("conferences", "polls")) or _event_evidence(events)
        status = "pass" if covered == len(halves) else "fail" if covered == 0 else "partial"
        measured = {
            "numerator": covered,
            "denominator": len(halves),
            "share": round(covered / len(halves), 4) if halves else 1.0,
            "half_years": [half_year_label(h) for h in halves],
            "period": period.label,
            "events_listed": len(events),
        }
        if not evidence and not deficiencies:
            return not_assessed(item, lang, NO_RECORD)
        return Result(item, lang, status, measured, deficiencies, evidence)  # type: ignore[arg-type]

    return per_language(artifacts, item, dialog_reader("conferences", "polls"), evaluate)


def _held_in_period(
    artifacts: BodyArtifacts, item: str, lang: Lang, events: list[Event], period: ReportingPeriod
) -> Result:
    """Table 6 row 1 under ``held-in-period``: an internet conference or poll that started in the period."""
    as_of = artifacts.as_of
    inside = [e for e in events if period.within(e.start, as_of)]
    measured: dict[str, Any] = {"events": len(inside), "period": period.label, "events_listed": len(events)}
    if inside:
        return Result(item, lang, "pass", measured, [], _event_evidence(inside))
    if period.end >= as_of:
        return not_assessed(
            item,
            lang,
            Said(
                f"the reporting period {period.label} runs until {period.end:%d.%m.%Y} and has no internet "
                "conference or poll yet",
                "reason.dialog.period_running",
                period=period.label,
                end=f"{period.end:%d.%m.%Y}",
            ),
        )
    return _none_listed(
        artifacts,
        item,
        lang,
        ("conferences", "polls"),
        measured,
        Said(
            f"No internet conference or poll in the reporting period {period.label} "
            f"({period.start:%d.%m.%Y}–{period.end:%d.%m.%Y})",
            "deficiency.dialog.period_without_event",
            period=period.label,
            start=f"{period.start:%d.%m.%Y}",
            end=f"{period.end:%d.%m.%Y}",
        ),
        "period_without_event",
        url=_list_url(artifacts, lang, ("conferences", "polls")),
    )


# ---------------------------------------------------------------------------------------- T6-2
def posts_in_period(artifacts: BodyArtifacts, lang: str, cfg: dict[str, Any]) -> tuple[list[Post], int]:
    """Posts dated within the reporting period up to as_of, and how many posts had no readable date."""
    period = artifacts.reporting_period()
    posts = posts_of(artifacts, lang, cfg)
    undated = sum(p.posted is None for p in posts)
    return [p for p in posts if period.within(p.posted, artifacts.as_of)], undated


def _irregular_units(posts: list[Post], start: date, end: date, per: str, at_least: int) -> list[str]:
    """The whole weeks or months in [start, end] with fewer than ``at_least`` posts."""
    units = weeks_between(start, end) if per == "week" else months_between(start, end)
    days = [p.posted for p in posts if p.posted is not None]
    short = [(a, b) for a, b in units if sum(a <= d <= b for d in days) < at_least]
    return [f"{a:%d.%m}–{b:%d.%m.%Y}" for a, b in short]


def credited_entries(
    posts: list[Post], start: date, end: date, bands: list[dict[str, Any]]
) -> tuple[int, list[tuple[dict[str, Any], list[str]]]]:
    """Table 6 row 2 reads "более 50 записей (не менее 1 записи в неделю)" and so on: a band counts only
    when its regularity holds. The entries credited are the count, held down to the threshold of each
    band whose regularity fails (so the edition's bands give the highest band really reached), and the
    bands that failed with the weeks or months short of entries."""
    count = len(posts)
    failed: list[tuple[dict[str, Any], list[str]]] = []
    for band in bands:  # highest first
        above = int(band["above"])
        if count <= above:
            continue
        short = _irregular_units(posts, start, end, str(band["per"]), int(band["at_least"]))
        if not short:
            return count, failed
        failed.append((band, short))
        count = above
    return count, failed


@register("dialogue.blog_entries", "2", ["T6-2"], needs=["records:dialog"])
def blog_entries(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 6 row 2: entries in the first head's blog."""
    cfg = check_settings("dialog", artifacts.config)
    top = float(cfg["blog"]["top_band_above"])
    period, as_of = artifacts.reporting_period(), artifacts.as_of
    regular = reading(artifacts.config, "blog-regularity") == "condition"

    def evaluate(view: DialogView) -> Result:
        lang = view.lang
        counted, undated = posts_in_period(artifacts, lang, cfg)
        evidence = [p.record.evidence("$.date", f"{p.title} ({p.posted})") for p in counted[:5]]
        evidence = evidence or coverage_evidence(artifacts, lang, ("blog_posts",))
        if not evidence:
            return not_assessed(item, lang, NO_BLOG_RECORD)
        credited: int = len(counted)
        failed: list[tuple[dict[str, Any], list[str]]] = []
        if regular:
            credited, failed = credited_entries(counted, period.start, period.judged_until(as_of), cfg["blog"]["bands"])
        measured = {"value": credited, "entries": len(counted), "period": period.label, "undated": undated}
        deficiencies = []
        for band, short in failed:
            unit = "a week" if band["per"] == "week" else "a month"
            listed = f"{', '.join(short[:4])}{' …' if len(short) > 4 else ''}"
            deficiencies.append(
                Deficiency(
                    Said(
                        f"{len(counted)} blog entries in {lang} in {period.label}, but fewer than {band['at_least']} "
                        f"{unit} in {len(short)} {band['per']}(s) ({listed}): "
                        f'the band "more than {band["above"]}" needs them',
                        f"deficiency.dialog.irregular_blog.{'week' if band['per'] == 'week' else 'month'}",
                        entries=len(counted),
                        lang=lang,
                        period=period.label,
                        at_least=str(band["at_least"]),
                        units=len(short),
                        listed=listed,
                        above=str(band["above"]),
                    ),
                    kind="irregular_blog",
                    evidence=evidence[:1],
                )
            )
        if credited <= top and not failed:
            deficiencies.append(
                Deficiency(
                    Said(
                        f"{len(counted)} blog entries in {lang} in the period {period.label} up to "
                        f"{period.judged_until(as_of):%d.%m.%Y} (the top band needs more than {top:g})",
                        "deficiency.dialog.few_blog_entries",
                        entries=len(counted),
                        lang=lang,
                        period=period.label,
                        until=f"{period.judged_until(as_of):%d.%m.%Y}",
                        top=f"{top:g}",
                    ),
                    kind="few_blog_entries",
                    evidence=evidence[:1],
                )
            )
        status = "pass" if credited > top else "partial"
        return Result(item, lang, status, measured, deficiencies, evidence)  # type: ignore[arg-type]

    return per_language(artifacts, item, dialog_reader("blog_posts"), evaluate)


# ---------------------------------------------------------------------------------------- 2017: A12-D
@dataclass(frozen=True)
class QuestionCount:
    """The blog's questions counted for a reporting period (A12-D-2, T11-2)."""

    scope: list[Question]  # asked within the period, up to as_of
    answered: int  # of ``scope``, with a published answer
    undated: list[Question]  # no readable date: cannot be placed in the period
    outside: int  # dated outside the period (before it, or after as_of)
    period: ReportingPeriod
    until: date

    def measured(self) -> dict[str, Any]:
        out: dict[str, Any] = {"period": self.period.label, "outside_period": self.outside}
        if self.undated:
            out["undated"] = len(self.undated)
            out["undated_note"] = UNDATED_NOTE
        return out


# INTERPRETATION (the text is silent): point 83 of the 2017 order and Table 11 row 2 count the
# answers "на вопросы граждан" of the reporting period, and say nothing of a question whose date
# cannot be read (the portal prints a date on every question card, so this is a reading failure).
# Such a question cannot be placed in the period: it is left out of the share and counted apart
# (``measured.undated``); if no dated question falls in the period while undated ones exist, whether
# any was asked in it is unknown (not assessed), never "nothing asked".
UNDATED_NOTE = "questions whose date could not be read are left out of the share (they cannot be placed in the period)"


def answered_share(questions: list[Question], period: ReportingPeriod, as_of: date) -> QuestionCount:
    """The questions asked within the run's reporting period up to as_of, and how many of them have a
    published answer (2017 point 83; 2025 Table 11 row 2)."""
    scope = [q for q in questions if period.within(q.asked, as_of)]
    undated = [q for q in questions if q.asked is None]
    outside = len(questions) - len(scope) - len(undated)
    return QuestionCount(scope, sum(q.answered for q in scope), undated, outside, period, period.judged_until(as_of))


def no_questions_reason(cfg: dict[str, Any], count: QuestionCount) -> Said:
    closed = cfg["blog"].get("questions_closed")
    return Said(
        f"no question was asked in the reporting period {count.period.label} up to {count.until:%d.%m.%Y} "
        f"({count.outside} asked outside it; appeals to blogs were closed on {closed}); "
        "nothing received is not «0 % answered»",
        "reason.dialog.no_questions",
        period=count.period.label,
        until=f"{count.until:%d.%m.%Y}",
        outside=count.outside,
        closed=str(closed),
    )


def undated_reason(count: QuestionCount) -> Said:
    return Said(
        f"{len(count.undated)} question(s) carry no readable date and none dated falls in the reporting period "
        f"{count.period.label}: whether any was asked in it is unknown",
        "reason.dialog.undated_questions",
        undated=len(count.undated),
        period=count.period.label,
    )


@register(
    "dialogue.blog_2017", "2", {"blog": "A12-D-1", "answers": "A12-D-2", "events": "A12-D-3"}, needs=["records:dialog"]
)
def blog_2017(artifacts: BodyArtifacts, items: Mapping[str, str]) -> list[Result]:
    """Appendix 12, the open-dialogue parameters 1-3 (2017): the first head's blog has entries, its
    questions are answered, and a poll or internet conference was held."""
    cfg = check_settings("dialog", artifacts.config)
    results: list[Result] = []
    for lang in LANGS:
        results.append(_blog_present(artifacts, items["blog"], lang, cfg))
        results.append(_blog_answers(artifacts, items["answers"], lang, cfg))
        results.append(_feedback_events(artifacts, items["events"], lang, cfg))
    return results


def _blog_present(artifacts: BodyArtifacts, item: str, lang: Lang, cfg: dict[str, Any]) -> Result:
    reason = unmeasured(artifacts, lang, ("blog_posts",))
    if reason:
        return not_assessed(item, lang, reason)
    posts = posts_of(artifacts, lang, cfg)
    if posts:
        newest = max(posts, key=lambda p: p.posted or date.min)
        return Result(
            item, lang, "pass", {"posts": len(posts)}, evidence=[newest.record.evidence("$.title", newest.title)]
        )
    return _none_listed(
        artifacts,
        item,
        lang,
        ("blog_posts",),
        {"posts": 0},
        Said(f"The first head's blog has no entry in {lang}", "deficiency.dialog.no_blog", lang=lang),
        "no_blog",
        unshown=NO_BLOG_RECORD,
    )


def _blog_answers(artifacts: BodyArtifacts, item: str, lang: Lang, cfg: dict[str, Any]) -> Result:
    reason = unmeasured(artifacts, lang, ("questions",))
    if reason:
        return not_assessed(item, lang, reason)
    count = answered_share(questions_of(artifacts, lang, cfg), artifacts.reporting_period(), artifacts.as_of)
    scope, answered = count.scope, count.answered
    if not scope and count.undated:
        return not_assessed(item, lang, undated_reason(count))
    if not scope:
        return Result(
            item,
            lang,
            "not_applicable",
            {"numerator": 0, "denominator": 0, **count.measured()},
            reason=no_questions_reason(cfg, count),
            evidence=coverage_evidence(artifacts, lang, ("questions",)),
        )
    share = percent(answered, len(scope))
    unanswered = [q for q in scope if not q.answered]
    deficiencies = [
        Deficiency(
            Said(
                f"Question № {q.number} has no published answer",
                "deficiency.dialog.unanswered_question",
                number=q.number,
            ),
            kind="unanswered_question",
            record=q.number,
            url=q.record.source_url,
            evidence=[q.record.evidence("$.answered", "false")],
        )
        for q in unanswered
    ]
    evidence = [q.record.evidence("$.answered", str(q.answered)) for q in scope[:5]]
    status = "pass" if not unanswered else "partial"
    measured = {"value": share, "numerator": answered, "denominator": len(scope), **count.measured()}
    return Result(item, lang, status, measured, deficiencies, evidence)  # type: ignore[arg-type]


def _feedback_events(artifacts: BodyArtifacts, item: str, lang: Lang, cfg: dict[str, Any]) -> Result:
    reason = unmeasured(artifacts, lang, ("conferences", "polls"))
    if reason:
        return not_assessed(item, lang, reason)
    period = artifacts.reporting_period()
    first = period.start
    events = [e for e in events_of(artifacts, lang, cfg) if period.within(e.start, artifacts.as_of)]
    if events:
        return Result(item, lang, "pass", {"events": len(events)}, evidence=_event_evidence(events))
    return _none_listed(
        artifacts,
        item,
        lang,
        ("conferences", "polls"),
        {"events": 0},
        Said(
            f"No poll or internet conference since {first:%d.%m.%Y}",
            "deficiency.dialog.no_event",
            since=f"{first:%d.%m.%Y}",
        ),
        "no_event",
    )
