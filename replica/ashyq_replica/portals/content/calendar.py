"""Dates the portals' deadlines are counted in, all derived from the world's ``as_of``.

The fiscal year whose reports are due is the last one whose 1 April deadline has passed; the
draft budget programmes are those of the last 15 May already passed. Working days are counted
by :mod:`ashyq.base.working_days`, the same calendar the checks count deadlines on.
"""

from __future__ import annotations

from datetime import date, datetime, time

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
