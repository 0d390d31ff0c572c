"""Kazakh and Russian dates: every written form parses back to the date it was written from."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ashyq.base.dates import find_dates, format_date, freshest, parse_timestamp

DAYS = st.dates(min_value=date(1995, 1, 1), max_value=date(2099, 12, 31))


@given(DAYS, st.sampled_from(["kk", "ru"]), st.sampled_from(["named", "numeric", "kk_year_first"]))
def test_round_trip(day: date, lang: str, style: str) -> None:
    text = f"Жарияланды / Опубликовано: {format_date(day, lang, style)}."
    found = find_dates(text)
    assert [f.day for f in found] == [day], (text, found)


@given(DAYS, st.integers(0, 23), st.integers(0, 59))
def test_iso_and_numeric_with_times(day: date, hour: int, minute: int) -> None:
    moment = datetime(day.year, day.month, day.day, hour, minute)
    assert parse_timestamp(moment.strftime("%Y-%m-%dT%H:%M:%S.000+05:00")) == moment
    found = find_dates(f"{day:%d.%m.%Y} {hour:02d}:{minute:02d}")
    assert found[0].value == moment and found[0].has_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 қараша 2026 ж.", date(2026, 11, 15)),
        ("2026 жылғы 15 қарашада кеңес өтті", date(2026, 11, 15)),
        ("2026 ж. 3 шілдеде", date(2026, 7, 3)),
        ("Қаулы 2025 жылғы 1 қаңтардан бастап қолданысқа енгізіледі", date(2025, 1, 1)),
        ("15 ноября 2026 года, 14:30", date(2026, 11, 15)),
        ("1 мая 2025 г.", date(2025, 5, 1)),
        ("Приказ от 03.02.2026 № 123", date(2026, 2, 3)),
        ("ЖАҢАРТЫЛДЫ: 9 ЖЕЛТОҚСАН 2025 Ж.", date(2025, 12, 9)),
        # a month shortened with a dot, as website builders' blogs print it
        ("18 нояб. 2026 г.", date(2026, 11, 18)),
        ("12 сент. 2026", date(2026, 9, 12)),
        ("3 дек. 2025 г., 10:30", date(2025, 12, 3)),
        ("18 қар. 2026 ж.", date(2026, 11, 18)),
        ("Жарияланды: 5 мам. 2026 ж.", date(2026, 5, 5)),
    ],
)
def test_forms_seen_on_pages(text: str, expected: date) -> None:
    assert [f.day for f in find_dates(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    ["қазан толы ас", "итоги ноября 2026 года", "31.02.2026", "тел. 8 7172 74 10 00", "18 нояб 2026", "мар. 2026"],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_freshest_ignores_announced_future_dates() -> None:
    text = "Опубликовано 02.11.2026. Приём граждан состоится 25 ноября 2026 года. Обновлено 10.11.2026."
    assert freshest(text).day == date(2026, 11, 25)  # type: ignore[union-attr]
    assert freshest(text, not_after=date(2026, 11, 20)).day == date(2026, 11, 10)  # type: ignore[union-attr]
    assert freshest("без даты") is None
