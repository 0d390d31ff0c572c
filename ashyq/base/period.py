"""The reporting period a run judges: a calendar year (``2026``) or a half-year (``2026-H2``).

The methodology scores a body for a reporting period (the conclusion and the report forms carry
"(отчетный период)"): the 2025 edition's operational assessment is annual, the 2017 checklists of
the website are kept "на полугодовой основе". A run has one period — by default the one its audit
date falls in, of the kind its edition names — and every dated item (a blog entry, an event, a
draft act and its comments, a declared row) is judged within it, up to the audit date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

PeriodKind = Literal["year", "half-year"]
_LABEL = re.compile(r"^(\d{4})(?:-H([12]))?$")


@dataclass(frozen=True)
class ReportingPeriod:
    start: date
    end: date
    label: str

    @property
    def kind(self) -> PeriodKind:
        return "half-year" if "-H" in self.label else "year"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def judged_until(self, as_of: date) -> date:
        """The last day judged: the period's end, or the audit date if the period has not ended."""
        return min(self.end, as_of)

    def within(self, day: date | None, as_of: date) -> bool:
        """``day`` falls in the period and is not after the audit date (a later date is an
        announcement, not something done)."""
        return day is not None and self.start <= day <= self.judged_until(as_of)

    def ended_by(self, as_of: date) -> bool:
        """Whether the whole period lies before the audit date: only then can it be assessed."""
        return as_of > self.end

    def elapsed_share(self, as_of: date) -> float:
        """The share of the period's days up to the audit date (1.0 once it has ended): what an annual
        threshold is prorated by while the period is monitored to date."""
        days = (self.end - self.start).days + 1
        return max(0.0, min(1.0, ((self.judged_until(as_of) - self.start).days + 1) / days))

    def half_years(self) -> list[ReportingPeriod]:
        """The half-years of the period, in order (a half-year period is its own only one)."""
        if self.kind == "half-year":
            return [self]
        year = self.start.year
        return [parse_period(f"{year}-H1"), parse_period(f"{year}-H2")]

    def as_dict(self) -> dict[str, str]:
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportingPeriod:
        return parse_period(str(data["label"]))


def parse_period(text: str) -> ReportingPeriod:
    """``2026`` (the calendar year) or ``2026-H1`` / ``2026-H2`` (a half-year); ValueError otherwise."""
    found = _LABEL.match(text.strip())
    if found is None:
        raise ValueError(f"a reporting period is YYYY or YYYY-H1 / YYYY-H2, got {text!r}")
    year = int(found.group(1))
    if found.group(2) is None:
        return ReportingPeriod(date(year, 1, 1), date(year, 12, 31), str(year))
    if found.group(2) == "1":
        return ReportingPeriod(date(year, 1, 1), date(year, 6, 30), f"{year}-H1")
    return ReportingPeriod(date(year, 7, 1), date(year, 12, 31), f"{year}-H2")


def period_of(day: date, kind: PeriodKind = "year") -> ReportingPeriod:
    """The period of ``kind`` that ``day`` falls in."""
    if kind == "year":
        return parse_period(str(day.year))
    return parse_period(f"{day.year}-H{1 if day.month <= 6 else 2}")


def last_complete(day: date, kind: PeriodKind = "year") -> ReportingPeriod:
    """The last period of ``kind`` that ended before ``day``: what an official assessment judges."""
    current = period_of(day, kind)
    return period_of(current.start - timedelta(days=1), kind)


# What a run is for. An official **assessment** judges a reporting period that has ended and gives the
# final level; **monitoring** follows a period to date (a nightly of the current year): it says so on
# everything it prints, prorates the period's annual thresholds and never gives a level. The assessment
# is annual («ежегодной оценки эффективности», 001 line 180) and its forms are of a reporting period
# («(отчетный период)», 000 line 350): a year under way is not one.
Purpose = Literal["assessment", "monitoring"]
MONITORING: Purpose = "monitoring"  # also the "level" of every body of a monitoring run: none given


def purpose_of(period: ReportingPeriod, as_of: date) -> Purpose:
    return "assessment" if period.ended_by(as_of) else "monitoring"


def recorded_purpose(settings: dict[str, Any] | None) -> Purpose:
    """What a stored run was for, as its settings record it; a run stored before the distinction was
    an assessment."""
    return MONITORING if (settings or {}).get("purpose") == MONITORING else "assessment"


def monitored_share(run: dict[str, Any]) -> float | None:
    """The share of the period gone when a findings file's ``run`` (its ``purpose``, ``period`` and
    ``as_of``) is monitoring (1.0 when it does not say which period: no level, nothing prorated); None
    for an assessment (and for a file that says neither)."""
    if run.get("purpose") != "monitoring":
        return None
    period, as_of = run.get("period"), run.get("as_of")
    if not period or not as_of:
        return 1.0
    return ReportingPeriod.from_dict(period).elapsed_share(date.fromisoformat(str(as_of)))


def weeks_between(start: date, end: date) -> list[tuple[date, date]]:
    """The whole calendar weeks (Monday to Sunday) inside [start, end]."""
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    out = []
    while monday + timedelta(days=6) <= end:
        out.append((monday, monday + timedelta(days=6)))
        monday += timedelta(days=7)
    return out


def months_between(start: date, end: date) -> list[tuple[date, date]]:
    """The whole calendar months inside [start, end]."""
    out: list[tuple[date, date]] = []
    year, month = start.year, start.month
    if start.day != 1:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while True:
        first = date(year, month, 1)
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        last = following - timedelta(days=1)
        if last > end:
            return out
        out.append((first, last))
        year, month = following.year, following.month
