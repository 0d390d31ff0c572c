"""The one loader of ashyq/config/checks/*.yaml: every file matches its schema, overrides merge by one
rule, and a misspelt key — in a file or an override — is refused with its place."""

from __future__ import annotations

import pytest

from ashyq.config.check_settings import check_settings
from ashyq.config.loader import ConfigError, package_files
from ashyq.config.loader import merge as merged
from ashyq.config.schemas import SCHEMAS


def test_every_checks_file_has_a_schema_and_matches_it() -> None:
    files = {path.stem for path in package_files("check_settings")}
    assert files == set(SCHEMAS)
    for name in files:
        assert check_settings(name)  # raises ConfigError with the place of each problem otherwise


def test_overrides_merge_key_by_key_and_replace_anything_else() -> None:
    base = check_settings("deadlines")
    run_config = {"deadlines": {"budget": {"audit_results": {"working_days": 10}, "citizen_budget_max_age_years": 2}}}
    got = check_settings("deadlines", run_config)
    audit = got["budget"]["audit_results"]
    assert audit["working_days"] == 10 and audit["counted_from"] == base["budget"]["audit_results"]["counted_from"]
    assert got["budget"]["citizen_budget_max_age_years"] == 2
    assert got["budget"]["development_plan_report"] == base["budget"]["development_plan_report"]
    assert base["budget"]["audit_results"]["working_days"] == 15  # the file's own settings are untouched
    assert merged({"a": [1, 2], "b": {"c": 1}}, {"a": [3], "b": {"d": 2}}) == {"a": [3], "b": {"c": 1, "d": 2}}


def test_a_misspelt_or_mistyped_override_is_refused_with_its_place() -> None:
    with pytest.raises(ConfigError) as refused:
        check_settings("dialog", {"dialog": {"blog": {"window_dayz": 30}, "events": {"per_half_year": "one"}}})
    problems = refused.value.problems
    assert any("blog.window_dayz: Extra inputs are not permitted" in p for p in problems), problems
    assert any("events.per_half_year: Input should be a valid integer" in p for p in problems), problems
    assert all(p.startswith("ashyq/config/checks/dialog.yaml with config['dialog']") for p in problems)


def test_an_unknown_file_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"no schema for ashyq/config/checks/nowhere\.yaml"):
        check_settings("nowhere", {"nowhere": {"x": 1}})
