"""Dates the portals' deadlines are counted in, all derived from the world's ``as_of``.

The fiscal year whose reports are due is the last one whose 1 April deadline has passed; the
draft budget programmes are those of the last 15 May already passed. Working days follow the
Kazakhstan calendar of public holidays (transferred working days are not modelled).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

# Real history: appeals to the blogs were closed in January 2023 (egov.kz, open-dialog page).
QUESTIONS_CLOSED = date(2023, 1, 15)


def report_year(as_of: date) -> int:
    """The fiscal year whose budget-programme reports were due by 1 April (not yet in the future)."""
    return as_of.year - 1 if as_of >= date(as_of.year, 4, 1) else as_of.year - 2


def report_deadline(as_of: date) -> date:
    return date(report_year(as_of) + 1, 4, 1)


def draft_year(as_of: date) -> int:
    """The year in which the draft budget programmes were due by 15 May."""
    return as_of.year if as_of >= date(as_of.year, 5, 15) else as_of.year - 1


def draft_deadline(as_of: date) -> date:
    return date(draft_year(as_of), 5, 15)


def not_after(day: date, as_of: date) -> date:
    """Content cannot be posted in the world's future."""
    return min(day, as_of)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute))


@lru_cache(maxsize=32)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("KZ", years=year)


def is_working_day(day: date) -> bool:
    """Holidays and transferred days off are not working days; weekend days worked by transfer are."""
    return bool(_holidays(day.year).is_working_day(day))


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def add_working_days(start: date, days: int) -> date:
    day = start
    while days > 0:
        day += timedelta(days=1)
        days -= is_working_day(day)
    return day


HalfYear = tuple[int, int]  # (year, 1 | 2)


def half_year_of(day: date) -> HalfYear:
    return (day.year, 1 if day.month <= 6 else 2)


def half_year_bounds(half: HalfYear) -> tuple[date, date]:
    year, part = half
    return (date(year, 1, 1), date(year, 6, 30)) if part == 1 else (date(year, 7, 1), date(year, 12, 31))


def previous_half_year(half: HalfYear) -> HalfYear:
    year, part = half
    return (year, 1) if part == 2 else (year - 1, 2)


def complete_half_years(as_of: date, count: int) -> list[HalfYear]:
    """The ``count`` most recent half-years that ended before ``as_of``, newest first."""
    halves, half = [], previous_half_year(half_year_of(as_of))
    for _ in range(count):
        halves.append(half)
        half = previous_half_year(half)
    return halves


def half_year_label(half: HalfYear) -> str:
    return f"{half[0]}-H{half[1]}"
