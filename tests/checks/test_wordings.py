"""The catalogue message a check names says what its English says: over every check fixture, the
English catalogue's text of each reason's and deficiency's key, formatted with its parameters, is
the English sentence itself, and the Kazakh and Russian catalogues say it with the same parameters
(``ashyq.base.wording``, ``ashyq.reports.wording``); a parameter that is a wording of its own is
said in the same language."""

from __future__ import annotations

from ashyq.base.wording import Wording
from ashyq.checks.registry import run_checks
from ashyq.reports.wording import say
from tests.checks.fixture_harness import all_cases, artifacts


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


def test_every_fixture_finding_says_in_the_catalogue_what_its_english_says() -> None:
    problems: list[str] = []
    worded = 0
    for case in all_cases():
        for result in run_checks(artifacts(case), only_items=[case.item]):
            where = f"{case.id} {result.item} {result.lang}"
            if result.reason and result.reason_text is not None:
                worded += 1
                problems += said_both_ways(result.reason, result.reason_text, f"{where} reason")
            for deficiency in result.deficiencies:
                if deficiency.text is not None:
                    worded += 1
                    problems += said_both_ways(deficiency.message, deficiency.text, f"{where} deficiency")
    assert worded > 100, f"only {worded} reasons and deficiencies with a key: the fixtures no longer run the checks?"
    assert not problems, "\n".join(problems[:40])
