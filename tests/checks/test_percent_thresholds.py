"""A threshold of the text is met by the share itself, never by its rounding (issue 26, item 13).

Seed 001, point 83 (the 2017 methodology, Appendix 12, indicator 4, row 2): «100 % - 2 балла; более
70 % и менее 100 % - 1 балл; менее 70 % - 0». 2,499 answers to 2,500 questions are 99.96 %: one
point, not the two of "100 %", which one decimal (100.0) used to give.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from ashyq.checks.registry import run_checks
from ashyq.checks.result import percent, percent_text
from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition
from ashyq.scoring.rules import band_points
from tests.checks.fixture_harness import ROOT, Case, artifacts

QUESTIONS = 2_500


def _case_with_questions(answered: int) -> Case:
    """The 17-of-20 case, its questions replaced by ``QUESTIONS`` in each language, ``answered`` of them answered."""
    path = ROOT / "A12-D-2" / "partial_17_of_20.yaml"
    case = Case("A12-D-2", path.stem, path, yaml.safe_load(path.read_text(encoding="utf-8")))
    data = copy.deepcopy(case.data)
    records: list[dict[str, Any]] = [r for r in data["records"] if r["kind"] != "question"]
    for lang in ("kk", "ru"):
        template = next(r for r in case.data["records"] if r["kind"] == "question" and r["lang"] == lang)
        for n in range(QUESTIONS):
            record = copy.deepcopy(template)
            number = 900_000 + n
            record["external_id"] = str(number)
            record["payload"].update(number=number, answered=n < answered, answer=template["payload"]["answer"])
            if n >= answered:
                record["payload"]["answer"] = None
            records.append(record)
    data["records"] = records
    return Case(case.item, "many_questions", case.path, data)


def _rule() -> Any:
    edition = load_edition(edition_path("kz-2017"))
    return next(i for i in edition.items() if i.id == "A12-D-2").rule


@pytest.mark.parametrize(("answered", "points"), [(QUESTIONS - 1, 1), (QUESTIONS, 2)])
def test_a12_d_2_scores_the_share_not_its_rounding(answered: int, points: float) -> None:
    results = [r for r in run_checks(artifacts(_case_with_questions(answered)), only_items=["A12-D-2"])]
    assert {r.lang for r in results} == {"kk", "ru"}
    for result in results:
        value = result.measured["value"]
        assert result.measured["numerator"] == answered
        assert value == pytest.approx(100 * answered / QUESTIONS)
        assert band_points(_rule(), value) == points, (result.lang, value)


def test_a_share_in_a_message_is_cut_not_rounded() -> None:
    assert percent(2_499, 2_500) == pytest.approx(99.96)
    assert percent_text(percent(69_996, 100_000)) == "69.99"
    assert percent_text(percent(17, 20)) == "85"
    assert percent_text(percent(2, 3)) == "66.66"
