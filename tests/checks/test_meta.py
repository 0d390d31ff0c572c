"""The registry and the editions agree, and what a check says it needs and uses is what it reads.

* every item the auditor must measure has one check and fixtures with a passing and a failing case;
  no check names an item no edition has;
* ``needs`` is honest: taking a needed input away from any fixture leaves the check (called
  directly, not through the runner) nothing to say but ``not_assessed`` — so the runner, which
  says it for the check, hides no outcome;
* ``needs`` and ``uses`` are complete: taking away everything else a fixture holds changes nothing;
* the runner says why a needed input is missing, with the harvest's own reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pytest

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PortalRecord
from ashyq.checks import inputs
from ashyq.checks.edition_index import items_to_check
from ashyq.checks.registry import Check, check_for, checks, register, run_checks
from ashyq.checks.result import Result
from ashyq.methodology.edition import available_editions, edition_path
from ashyq.methodology.validate import load_edition
from tests.checks.fixture_harness import Case, all_cases, artifacts, every_input, without

CASES = all_cases()


def test_every_measured_item_has_a_check_and_fixtures() -> None:
    outcomes: dict[str, set[str]] = {}
    for case in CASES:
        for expected in case.expected:
            outcomes.setdefault(case.item, set()).add(expected["status"])
    problems = []
    for item in sorted(items_to_check()):
        if check_for(item) is None:
            problems.append(f"{item}: no registered check")
            continue
        got = outcomes.get(item, set())
        if "pass" not in got:
            problems.append(f"{item}: no fixture expecting pass")
        if not got & {"fail", "partial"}:
            problems.append(f"{item}: no fixture expecting fail or partial")
    assert not problems, "\n".join(problems)


def test_checks_name_only_items_the_editions_have() -> None:
    known = {i.id for name in available_editions() for i in load_edition(edition_path(name)).items()}
    for check in checks():
        unknown = set(check.items) - known
        assert not unknown, f"check {check.id} names {sorted(unknown)}"


def test_an_item_has_one_check_and_an_input_is_spelt_right() -> None:
    def run(_: BodyArtifacts, item: str) -> list[Result]:
        return []

    taken = checks()[0].items[0]
    with pytest.raises(ValueError, match=f"item {taken} has two checks"):
        register("test.second", "1", [taken])(run)
    with pytest.raises(ValueError, match="unknown check input 'records:dataegov'"):
        register("test.typo", "1", ["Z-1"], needs=["records:dataegov"])(run)
    assert check_for("Z-1") is None


def _outcome(check: Check, data: BodyArtifacts) -> list[tuple[Any, ...]]:
    results = check.apply(data)
    return sorted(
        (r.item, r.lang or "", r.status, r.reason or "", repr(r.measured), len(r.deficiencies)) for r in results
    )


def _fixtures_of(check: Check) -> list[tuple[Case, BodyArtifacts]]:
    built = [(case, artifacts(case)) for case in CASES if case.item in check.items]
    return [(case, data) for case, data in built if data.kind in check.applies_to]


def _without_all(data: BodyArtifacts, names: Sequence[str]) -> BodyArtifacts:
    for name in names:
        data = without(data, name)
    return data


@pytest.mark.parametrize("check", checks(), ids=lambda c: c.id)
def test_needs_are_honest(check: Check) -> None:
    problems = []
    for requirement in check.needs:
        alternatives = (requirement,) if isinstance(requirement, str) else requirement
        for case, data in _fixtures_of(check):
            if not any(inputs.present(data, name) for name in alternatives):
                continue
            said = {status for _, _, status, *_ in _outcome(check, _without_all(data, alternatives))}
            if said - {"not_assessed"}:
                problems.append(f"{case.id}: without {' and '.join(alternatives)} the check still says {sorted(said)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("check", checks(), ids=lambda c: c.id)
def test_needs_and_uses_name_everything_read(check: Check) -> None:
    unread = [name for name in every_input() if name not in check.reads]
    for case, data in _fixtures_of(check):
        stripped = _without_all(data, unread)
        if stripped == data:
            continue  # nothing to take away: the same artifacts, the same outcome
        assert _outcome(check, stripped) == _outcome(check, data), (
            f"{case.id}: {check.id} reads an input it does not name"
        )


def _budget_body(**fields: Any) -> BodyArtifacts:
    return BodyArtifacts("b", "cgo", date(2026, 11, 20), site_urls=("https://b.gov.kz",), **fields)


def test_the_runner_says_why_a_needed_input_is_missing() -> None:
    called: list[str] = []
    spy: Callable[[BodyArtifacts, str], list[Result]] = lambda data, item: called.append(data.body_id) or []  # noqa: E731
    check = check_for("T2-1")
    assert check is not None and "records:budget" in check.needs
    original = check.run
    object.__setattr__(check, "run", spy)
    try:
        timeout = FetchFailure("https://budget.egov.kz/application/search?x=1", "timeout")
        failed = {r.lang: r for r in run_checks(_budget_body(failures=[timeout]), only_items=["T2-1"])}
        silent = run_checks(_budget_body(), only_items=["T2-1"])
        harvested = run_checks(
            _budget_body(records=[PortalRecord("budget", "coverage", {"content": "all"}, "https://budget.egov.kz")]),
            only_items=["T2-1"],
        )
    finally:
        object.__setattr__(check, "run", original)
    assert set(failed) == {"kk", "ru"} and all(r.status == "not_assessed" for r in failed.values())
    assert failed["kk"].reason == (
        "no budget.egov.kz record was harvested: timeout on 1 request(s), e.g. https://budget.egov.kz/application/search?x=1"
    )
    assert failed["kk"].check == check.ref
    assert [r.reason for r in silent] == ["no budget.egov.kz record was harvested for this body"] * 2
    assert harvested == [] and called == ["b"]  # the check ran only when its input was there


def test_a_check_of_another_body_kind_gives_only_its_kind_s_items() -> None:
    check = check_for("T2-3")
    assert check is not None and set(check.items) == {"T2-3", "T3-1"}
    mio = BodyArtifacts("m", "mio", date(2026, 11, 20))
    assert {r.item for r in run_checks(mio, only_items=["T2-3", "T3-1"])} == {"T3-1"}
