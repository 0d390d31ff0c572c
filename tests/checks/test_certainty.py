"""A verdict says how sure it is (house style 14): certain by default, uncertain with a reason code
and what to look at, never a doubt on ``not_assessed``; the scorer reads the field and refuses a value
it does not know."""

from __future__ import annotations

import pytest

from ashyq.base.evidence import EvidenceRef
from ashyq.checks.result import Doubt, Result, not_assessed

PAGE = EvidenceRef(url="https://example.kz/ru/vacancies", selector="nav a:nth-of-type(3)", snippet="Вакансии")


def test_a_verdict_is_certain_unless_the_check_says_otherwise() -> None:
    result = Result("A15-1.4", "ru", "pass", evidence=[PAGE])
    assert result.certainty == "certain"
    assert result.as_finding("mod")["certainty"] == "certain"
    assert "doubt" not in result.as_finding("mod")


def test_an_uncertain_verdict_keeps_its_guess_and_names_what_to_look_at() -> None:
    result = Result("A15-1.4", "ru", "pass", evidence=[PAGE]).uncertain("label_only", quote="Вакансии")
    finding = result.as_finding("mod")
    assert (finding["status"], finding["certainty"]) == ("pass", "uncertain")
    assert finding["doubt"]["reason"] == "label_only"
    assert finding["doubt"]["look_at"]["url"] == PAGE.url  # the first evidence when none is named
    assert finding["doubt"]["quote"] == "Вакансии"


def test_doubts_are_refused_where_they_would_mislead() -> None:
    with pytest.raises(ValueError, match="not a verdict"):
        not_assessed("A15-1.4", "ru", "timeout").uncertain("label_only")
    with pytest.raises(ValueError, match="unknown doubt reason"):
        Doubt("a_hunch")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="both kk and ru"):
        Doubt("single_instance", question={"ru": "Все ли вакансии описаны?"})
    with pytest.raises(ValueError, match="names its doubt"):
        Result("A15-1.4", "ru", "pass", evidence=[PAGE], certainty="uncertain")
    long = Doubt("heading_only", quote="х" * 1000).quote
    assert long is not None and len(long) == 300
