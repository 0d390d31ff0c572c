"""Media-request deadlines in working days on the Kazakhstan calendar, by the law in force on the
day a request was received (ashyq/config/checks/declared.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from ashyq.checks.declared.measured import request_deadline
from ashyq.config.check_settings import check_settings

D = dt.date


@pytest.mark.parametrize(
    ("received", "deadline", "why"),
    [
        (D(2026, 11, 16), D(2026, 11, 23), "Monday + 5 working days: over the weekend to the next Monday"),
        (D(2026, 11, 20), D(2026, 11, 27), "Friday: the weekend does not count"),
        (D(2026, 11, 21), D(2026, 11, 27), "received on a Saturday: counting starts on Monday"),
        (D(2026, 3, 18), D(2026, 3, 30), "Nauryz 21-25 March 2026 (two observed days off) are skipped"),
        (D(2026, 12, 14), D(2026, 12, 22), "Independence Day 16 December is skipped"),
        (D(2026, 4, 28), D(2026, 5, 6), "1 May is skipped"),
        (
            D(2026, 12, 29),
            D(2027, 1, 8),
            "across the year end: 1 January, 2 January (a Saturday) observed on Monday 4th, Christmas 7th",
        ),
        (D(2024, 8, 12), D(2024, 8, 21), "before the 2024 law took effect: 7 working days"),
        (D(2024, 8, 19), D(2024, 8, 26), "the day the 2024 law took effect: 5 working days"),
    ],
)
def test_deadline(received: dt.date, deadline: dt.date, why: str) -> None:
    assert request_deadline(received, check_settings("declared"))[0] == deadline, why


def test_the_law_is_named() -> None:
    assert "93-VIII" in request_deadline(D(2026, 1, 12), check_settings("declared"))[1]
    assert "451-I" in request_deadline(D(2023, 1, 12), check_settings("declared"))[1]


def test_five_days_throughout_option() -> None:
    assert request_deadline(D(2024, 8, 12), check_settings("declared"), "five-days-throughout")[0] == D(2024, 8, 19)
