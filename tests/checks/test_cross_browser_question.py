"""Appendix 14 row 2.1 measured without a provider: the question put to the assessor names the
browsers the auditor did not run, in kk and ru (the general «another reading» question would not)."""

from __future__ import annotations

from ashyq.checks.registry import run_checks
from ashyq.reports.questions import question_text
from tests.checks.fixture_harness import all_cases, artifacts


def test_the_doubt_of_row_2_1_asks_about_the_browsers_not_run() -> None:
    case = next(c for c in all_cases() if c.id == "A14-2.1/no-provider")
    result = next(r for r in run_checks(artifacts(case), only_items=["A14-2.1"]) if r.item == "A14-2.1")
    assert result.certainty == "uncertain" and result.doubt is not None
    doubt = result.doubt.as_dict()
    for lang in ("kk", "ru"):
        asked = question_text(doubt, "A14-2.1", None, None, lang)  # type: ignore[arg-type]  # own question: no titles read
        assert "Safari" in asked and "Internet Explorer" in asked and "Chromium" in asked
    assert "Safari" in (result.doubt.detail or "")
