"""The Kazakhstan calendar the checks and the replica count on: working days, half-years, and the
portal date formats. The one place this arithmetic is done.

The statutory deadlines of the open-budget indicators are counted in working days ("within fifteen
working days of receipt") or fall on a fixed date ("not later than 1 April"). A working day is a
day the Kazakhstan calendar of the ``holidays`` library (``holidays.country_holidays("KZ")``) says
people work: a weekday that is not a public holiday, a day off it moves when a holiday falls on a
weekend (Nauryz 21–23 March 2026 is followed by the observed days off of 24 and 25 March) or a day off
transferred by government decision (Friday 3 January 2025), and a weekend day the government made a
working day in exchange (Sunday 5 January 2025, Saturday 4 May 2024).

Counting convention (the Civil Code's: a term counted in days starts on the day after the event):
``working_days_between(received, posted)`` counts the working days after ``received`` up to and
including ``posted``, so a document posted on the 15th working day after receipt is on time.

Half-years are ``(year, 1 | 2)``: the methodology's "not less than once per half-year" counts the
half-years that ended before the audit date (:func:`complete_half_years`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

import holidays

# data.egov.kz gives epoch milliseconds in UTC of a moment the portal shows in Almaty time (UTC+5).
ALMATY = timezone(timedelta(hours=5))

MONTHS: dict[str, int] = {
    # Kazakh month names (nominative; the genitive is not used with day numbers in Kazakh)
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
    # Russian month names in the genitive, as in «1 апреля 2026 года»
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6,
    "июля": 7, "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}  # fmt: skip
_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
_WORDS = re.compile(r"\b(\d{1,2})\s+([^\W\d_]+)\s+(\d{4})\b|\b(\d{4})\s*(?:жылғы|ж\.)?\s*(\d{1,2})\s+([^\W\d_]+)\b")


@lru_cache(maxsize=64)
def _calendar(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("KZ", years=year)


@lru_cache(maxsize=4096)
def is_working_day(day: date) -> bool:
    """Holidays, their observed and transferred days off are not working days; weekend days the
    government transferred work to are."""
    return bool(_calendar(day.year).is_working_day(day))


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``; 0 when ``end`` is not after ``start``."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


def add_working_days(start: date, days: int) -> date:
    """The day on which a term of ``days`` working days counted from ``start`` ends."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        days -= is_working_day(day)
    return day


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, otherwise the first working day after it (a term
    whose last day falls on a day off ends on the next working day)."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def fixed_date_deadline(day: date, shift_off_days: bool) -> date:
    """A deadline set as a date ("not later than 1 April"), moved past days off when configured."""
    return next_working_day(day) if shift_off_days else day


# ------------------------------------------------------------------------------------ half-years
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


# ------------------------------------------------------------------------------------ date parsing
def day_from_epoch_ms(value: int | float) -> date:
    """A data.egov.kz timestamp (epoch milliseconds) as the calendar day in Almaty."""
    return datetime.fromtimestamp(float(value) / 1000, tz=ALMATY).date()


def parse_portal_day(value: object) -> date | None:
    """A day from what the portals and parsers give: ``date``/``datetime``, epoch milliseconds,
    ISO ``2026-04-01[T…]``, ``01.04.2026`` or ``01/04/2026``, or «1 сәуір 2026» / «2026 жылғы
    1 сәуір» / «1 апреля 2026». None when nothing in it is a date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        return day_from_epoch_ms(value)
    text = str(value).strip().lower()
    if not text:
        return None
    for pattern, order in ((_ISO, (0, 1, 2)), (_NUMERIC, (2, 1, 0))):
        found = pattern.search(text)
        if found:
            parts = found.groups()
            return _safe_date(int(parts[order[0]]), int(parts[order[1]]), int(parts[order[2]]))
    found = _WORDS.search(text)
    if found:
        day, month_name, year = found.group(1, 2, 3) if found.group(1) else found.group(5, 6, 4)
        month = month_number(month_name)
        if month:
            return _safe_date(int(year), month, int(day))
    return None


def month_number(word: str) -> int | None:
    """The month a Kazakh or Russian month word names, inflected forms too («наурыздың», «март»):
    the exact name first, else the one name sharing the word's first four letters."""
    word = word.lower()
    if word in MONTHS:
        return MONTHS[word]
    stem = word[:4]
    found = {number for name, number in MONTHS.items() if len(stem) == 4 and name[:4] == stem}
    return found.pop() if len(found) == 1 else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
