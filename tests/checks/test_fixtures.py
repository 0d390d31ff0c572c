"""Every check fixture: the check registered for the item reports the expected outcome, with evidence."""

from __future__ import annotations

import pytest

from ashyq.checks.registry import run_checks
from tests.checks.fixture_harness import Case, all_cases, artifacts

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture(case: Case) -> None:
    results = run_checks(artifacts(case), only_items=[case.item])
    by_lang = {r.lang: r for r in results if r.item == case.item}
    for expected in case.expected:
        lang = expected.get("lang")
        assert lang in by_lang, f"no result for {case.item} {lang}; got {sorted(map(str, by_lang))}"
        got = by_lang[lang]
        assert got.status == expected["status"], (got.status, got.reason, [d.message for d in got.deficiencies])
        for key, value in expected.get("measured", {}).items():
            assert (
                got.measured.get(key) == pytest.approx(value)
                if isinstance(value, float)
                else got.measured.get(key) == value
            ), (key, got.measured)
        if "deficiencies" in expected:
            assert sum(d.count for d in got.deficiencies) == expected["deficiencies"], [
                d.message for d in got.deficiencies
            ]
        if "certainty" in expected:
            assert got.certainty == expected["certainty"], (got.certainty, got.doubt)
        if "doubt" in expected:
            assert got.doubt is not None and got.doubt.reason == expected["doubt"], got.doubt
        if got.status in ("pass", "fail", "partial"):
            assert got.evidence or any(d.evidence for d in got.deficiencies), "a finding without evidence"
        if got.status == "not_assessed":
            assert got.reason
