"""Working days on the Kazakhstan calendar: the deadline edge cases of the open-budget checks."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ashyq.base.working_days import (
    add_working_days,
    day_from_epoch_ms,
    fixed_date_deadline,
    is_working_day,
    next_working_day,
    parse_portal_day,
    working_days_between,
)


def test_receipt_on_the_friday_before_nauryz() -> None:
    # 20.03.2026 is a Friday; Nauryz 21–23 March and the moved days off 24–25 March follow.
    received = date(2026, 3, 20)
    assert [is_working_day(received + timedelta(days=n)) for n in range(1, 7)] == [
        False, False, False, False, False, True]  # fmt: skip
    assert add_working_days(received, 15) == date(2026, 4, 15)
    assert working_days_between(received, date(2026, 4, 15)) == 15  # on time
    assert working_days_between(received, date(2026, 4, 16)) == 16  # late


def test_first_of_april_on_a_weekend_moves_to_monday() -> None:
    assert date(2023, 4, 1).weekday() == 5
    assert fixed_date_deadline(date(2023, 4, 1), shift_off_days=True) == date(2023, 4, 3)
    assert fixed_date_deadline(date(2023, 4, 1), shift_off_days=False) == date(2023, 4, 1)
    assert fixed_date_deadline(date(2026, 4, 1), shift_off_days=True) == date(2026, 4, 1)  # a Wednesday


def test_independence_day_is_not_a_working_day() -> None:
    assert not is_working_day(date(2026, 12, 16))
    assert working_days_between(date(2026, 12, 15), date(2026, 12, 17)) == 1
    # 16.12.2023 fell on a Saturday: the day off moved to Monday 18.12.2023
    assert not is_working_day(date(2023, 12, 18))
    assert next_working_day(date(2023, 12, 16)) == date(2023, 12, 19)


def test_a_term_never_ends_before_it_starts() -> None:
    assert working_days_between(date(2026, 5, 5), date(2026, 5, 5)) == 0
    assert working_days_between(date(2026, 5, 5), date(2026, 5, 1)) == 0


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.integers(min_value=0, max_value=60))
def test_adding_and_counting_working_days_agree(start: date, days: int) -> None:
    end = add_working_days(start, days)
    assert working_days_between(start, end) == days
    assert days == 0 or is_working_day(end)


def test_portal_dates_in_every_form() -> None:
    expected = date(2026, 4, 1)
    for text in (
        "1 сәуір 2026",
        "2026 жылғы 1 сәуір",
        "1 апреля 2026 года",
        "01.04.2026",
        "01/04/2026",
        "2026-04-01T10:30:00",
        "2026-04-01",
    ):
        assert parse_portal_day(text) == expected, text
    assert parse_portal_day("12 желтоқсан 2025") == date(2025, 12, 12)
    # inflected and nominative month words (a blog post «2026 жылғы 5 наурыздағы», «5 март 2026»)
    assert parse_portal_day("2026 жылғы 5 наурыздағы кездесу") == date(2026, 3, 5)
    assert parse_portal_day("5 март 2026") == date(2026, 3, 5)
    assert parse_portal_day("5 маусымда 2026") == date(2026, 6, 5)
    assert parse_portal_day("5 мамыр 2026") == date(2026, 5, 5)
    assert parse_portal_day("5 ма 2026") is None  # too short to name one month
    assert parse_portal_day("нет даты") is None
    assert parse_portal_day("31.02.2026") is None
    # data.egov.kz: epoch milliseconds of an Almaty moment (31 March 23:33 UTC is 1 April there)
    assert day_from_epoch_ms(1775000000000) == date(2026, 4, 1)
    assert parse_portal_day(1775000000000) == date(2026, 4, 1)


def test_days_moved_by_government_decision() -> None:
    """C.15: 2025-01-05 (a Sunday) was a working day in exchange for Friday 2025-01-03; 2024-05-04
    (a Saturday) for Wednesday 2024-05-08. A term counted across them follows the decision."""
    assert date(2025, 1, 5).weekday() == 6 and is_working_day(date(2025, 1, 5))
    assert date(2025, 1, 3).weekday() == 4 and not is_working_day(date(2025, 1, 3))
    assert is_working_day(date(2024, 5, 4)) and not is_working_day(date(2024, 5, 8))
    # received Thursday 2 January 2025: 3 January off, the 4th a Saturday, the 5th worked
    assert add_working_days(date(2025, 1, 2), 1) == date(2025, 1, 5)
    assert working_days_between(date(2025, 1, 2), date(2025, 1, 6)) == 2
    assert next_working_day(date(2025, 1, 3)) == date(2025, 1, 5)
