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
