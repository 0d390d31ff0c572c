"""The "as of" day of a periodic report and the period due (ashyq.checks.completeness.timeliness), in
Kazakh and Russian, as pages write them and as the content checks fold Kazakh text."""

from __future__ import annotations

from datetime import date

import pytest

from ashyq.base.text import fold_kazakh, normalise
from ashyq.checks.completeness.page_blocks import content_blocks
from ashyq.checks.completeness.timeliness import (
    Age,
    lagging,
    last_period_end,
    report_days,
    report_staleness,
    schedule_ends,
)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Исполнение бюджетных программ по состоянию на 14 октября 2026 года: план", date(2026, 10, 14)),
        ("Исполнение областного бюджета на 1 ноября 2026 года: расходы", date(2026, 11, 1)),
        ("Исполнение бюджета на 01.04.2026 г.", date(2026, 4, 1)),
        ("Бюджеттің атқарылуы 2025 жылғы 1 қазандағы жағдай бойынша: жоспар", date(2025, 10, 1)),
        ("2026 жылғы 1 сәуірдегі облыстық бюджеттің атқарылуы", date(2026, 4, 1)),
        ("Атқарылуы 14.10.2026 жағдай бойынша", date(2026, 10, 14)),
    ],
)
def test_a_reports_day(text: str, day: date) -> None:
    assert report_days(normalise(text)) == (day,)
    assert report_days(fold_kazakh(text)) == (day,)  # as the content checks read Kazakh text


@pytest.mark.parametrize(
    "text",
    [
        "облыстық мәслихаттың 2025 жылғы 14 желтоқсандағы № 31/210 шешімі",  # a decision's date, not a report's
        "решение маслихата от 14 декабря 2025 года № 31/210",
        "заключение ревизионной комиссии от 22 октября 2026 года",
        "Тексеру комиссиясының 2026 жылғы 22 қазандағы қорытындысы",
    ],
)
def test_not_a_reports_day(text: str) -> None:
    assert report_days(fold_kazakh(text)) == ()


def test_the_period_due() -> None:
    assert last_period_end(date(2026, 11, 20), 3) == date(2026, 9, 30)  # the third quarter's report is due
    assert last_period_end(date(2026, 10, 20), 3) == date(2026, 6, 30)  # a month to publish it
    assert last_period_end(date(2026, 1, 5), 3) == date(2025, 9, 30)
    assert last_period_end(date(2026, 11, 20), 12) == date(2025, 12, 31)


def test_a_report_of_an_old_quarter_is_untimely() -> None:
    old = content_blocks("<main><h2>Исполнение бюджета</h2><p>Исполнение на 1 июля 2026 года: 44,6 %</p></main>")
    new = content_blocks(
        "<main><h2>Бюджеттің атқарылуы</h2><p>2026 жылғы 1 қазандағы жағдай бойынша: 79,2 %</p></main>"
    )
    assert report_staleness(3, old, date(2026, 11, 20)) is not None
    assert report_staleness(3, new, date(2026, 11, 20)) is None
    assert report_staleness(None, old, date(2026, 11, 20)) is None  # not a periodic report


def test_one_language_lagging() -> None:
    assert lagging(Age(date(2026, 7, 1), None), Age(date(2026, 11, 1), None))
    assert not lagging(Age(date(2026, 11, 18), 2019), Age(date(2026, 11, 19), 2026))  # a day apart
    assert lagging(Age(date(2026, 6, 8), 2023), Age(date(2026, 6, 8), 2025))  # one stamp, older data
    assert not lagging(Age(date(2026, 6, 8), 2024), Age(date(2026, 6, 8), 2025))  # a year: translation's lag


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        (
            "График личного приема граждан руководством на октябрь 2026 года. Аким: 9 октября 2026 года",
            (date(2026, 10, 31),),
        ),
        ("Облыс басшылығының 2026 жылғы қарашадағы азаматтарды жеке қабылдау кестесі", (date(2026, 11, 30),)),
        ("Басшылықтың азаматтарды жеке қабылдау кестесі (2026 жылғы І жартыжылдық)", (date(2026, 6, 30),)),
        ("2026 жылдың екінші жартыжылдығына арналған қабылдау кестесі", (date(2026, 12, 31),)),
        ("График приема граждан на IV квартал 2026 года", (date(2026, 12, 31),)),
        ("2026 жылға арналған қабылдау кестесі", (date(2026, 12, 31),)),
        ("Исполнение бюджета за октябрь 2026 года", ()),  # no schedule: its period is not read
        # when something happened, not what a schedule is for: the locative, the prepositional, a day
        ("Қабылдау кестесі 2026 жылғы қыркүйекте бекітілді", ()),
        ("График приема утвержден в октябре 2026 года, 9 октября 2026 года", ()),
        # a reception named without a schedule's noun: no schedule's period
        ("Интернет-қабылдау: 2026 жылғы қыркүйекте «Ашық диалог» порталында сауалнама өтті", ()),
    ],
)
def test_the_period_a_schedule_is_drawn_up_for(text: str, ends: tuple[date, ...]) -> None:
    assert schedule_ends(fold_kazakh(text)) == ends
    assert schedule_ends(normalise(text)) == ends


def test_a_standing_schedule_does_not_run_out() -> None:
    assert (
        schedule_ends(fold_kazakh("Әкім азаматтарды сәрсенбі сайын қабылдайды. Мұрағат: 2026 жылғы қазандағы кесте"))
        is None
    )
    assert schedule_ends(normalise("Аким принимает граждан каждую среду с 15:00")) is None
