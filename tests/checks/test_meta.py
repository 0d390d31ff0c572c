"""The registry and the editions agree: every item the auditor must measure has a check and fixtures
with at least one passing and one failing case; no check names an item no edition has."""

from __future__ import annotations

import ashyq.checks.registry  # noqa: F401
from ashyq.checks.base import REGISTRY
from ashyq.checks.edition_index import items_to_check
from ashyq.methodology.edition import available_editions, edition_path
from ashyq.methodology.validate import load_edition
from tests.checks.harness import all_cases


def test_every_measured_item_has_a_check_and_fixtures() -> None:
    registered = {item for check in REGISTRY.values() for item in check.items}
    outcomes: dict[str, set[str]] = {}
    for case in all_cases():
        for expected in case.expected:
            outcomes.setdefault(case.item, set()).add(expected["status"])
    problems = []
    for item in sorted(items_to_check()):
        if item not in registered:
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
    for check in REGISTRY.values():
        unknown = set(check.items) - known
        assert not unknown, f"check {check.id} names {sorted(unknown)}"


def test_check_titles_in_three_languages() -> None:
    for check in REGISTRY.values():
        assert all(check.title.get(lang, "").strip() for lang in ("ru", "kk", "en")), check.id
