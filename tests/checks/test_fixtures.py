"""Every check fixture: the check registered for the item reports the expected outcome, with evidence; and the
catalogue message each reason and deficiency names says what its English says (read on the same results: the
fixtures' checks are run once for both).

The catalogue: the English catalogue's text of each reason's and deficiency's key, formatted with its parameters,
is the English sentence itself, and the Kazakh and Russian catalogues say it with the same parameters
(``ashyq.base.wording``, ``ashyq.reports.wording``); a parameter that is a wording of its own is said in the same
language."""

from __future__ import annotations

import pytest

from ashyq.base.wording import Wording
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from ashyq.reports.wording import say
from tests.checks.fixture_harness import Case, all_cases, artifacts

CASES = all_cases()
WORDED: list[int] = []  # the reasons and deficiencies with a key the fixtures read (the last test counts them)


def said_both_ways(english: str, wording: Wording, where: str) -> list[str]:
    problems = []
    try:
        from_catalogue = say(wording, "en")
    except KeyError as error:  # MissingMessage, or a parameter the message names and the check does not give
        return [f"{where}: {wording.key}: {error!r}"]
    if from_catalogue != english:
        problems.append(f"{where}: {wording.key}:\n  check:     {english}\n  catalogue: {from_catalogue}")
    for lang in ("kk", "ru"):
        try:
            say(wording, lang)
        except KeyError as error:
            problems.append(f"{where}: {wording.key} in {lang}: {error!r}")
    return problems


def _wording_problems(case: Case, results: list[Result]) -> list[str]:
    problems: list[str] = []
    for result in results:
        where = f"{case.id} {result.item} {result.lang}"
        if result.reason and result.reason_text is not None:
            WORDED.append(1)
            problems += said_both_ways(result.reason, result.reason_text, f"{where} reason")
        for deficiency in result.deficiencies:
            if deficiency.text is not None:
                WORDED.append(1)
                problems += said_both_ways(deficiency.message, deficiency.text, f"{where} deficiency")
    return problems


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture(case: Case) -> None:
    results = run_checks(artifacts(case), only_items=[case.item])
    worded = _wording_problems(case, results)
    assert not worded, "\n".join(worded[:40])
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


def test_the_fixtures_read_keyed_wordings() -> None:
    """Run after the fixtures (the file's order): they read more than a hundred keyed reasons and deficiencies -
    else the catalogue's check above was vacuous."""
    if not WORDED:
        pytest.skip("no fixture ran before this test (run the whole file)")
    assert len(WORDED) > 100, f"only {len(WORDED)} reasons and deficiencies with a key"
