"""How ACT outcomes are judged: consistency per rule, recall and precision, the outcome mappings, and
which rules the Appendix 14 items select — on synthetic cases (no checkout needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ashyq_replica.accuracy.act_report import (
    CONSISTENT,
    NOT_IMPLEMENTED,
    PARTIAL,
    CaseOutcome,
    axe_outcome,
    consistency,
    consistency_counts,
    scores,
    tool_outcome,
)
from ashyq_replica.accuracy.act_rules import CheckoutError, criteria_of, load_cases, missing_assets


def cases(*pairs: tuple[str, str], rule: str = "r1") -> list[CaseOutcome]:
    return [CaseOutcome(rule, "A14-3.1", expected, outcome) for expected, outcome in pairs]


@pytest.mark.parametrize(
    ("pairs", "label"),
    [
        ((("failed", "failed"), ("failed", "failed"), ("passed", "passed"), ("inapplicable", "passed")), CONSISTENT),
        # "cannot tell" on some examples is allowed …
        ((("failed", "failed"), ("failed", "cantTell"), ("passed", "passed")), CONSISTENT),
        # … but not on all of them
        ((("failed", "cantTell"), ("passed", "cantTell")), NOT_IMPLEMENTED),
        ((("failed", "failed"), ("failed", "passed"), ("passed", "passed")), PARTIAL),
        # a false positive: neither consistent nor partially consistent
        ((("failed", "failed"), ("passed", "failed")), NOT_IMPLEMENTED),
        ((("failed", "passed"), ("passed", "passed")), NOT_IMPLEMENTED),
        ((("failed", "skipped"),), NOT_IMPLEMENTED),
    ],
)
def test_consistency_follows_the_act_definitions(pairs: tuple[tuple[str, str], ...], label: str) -> None:
    assert consistency(cases(*pairs))[0] == label


def test_recall_and_precision_count_cases() -> None:
    outcomes = cases(
        ("failed", "failed"),
        ("failed", "failed"),
        ("failed", "cantTell"),  # missed
        ("failed", "passed"),  # missed
        ("passed", "failed"),  # false alarm
        ("inapplicable", "passed"),
        ("failed", "skipped"),  # left out
    )
    s = scores(outcomes)
    assert (s.found, s.missed, s.false_alarms, s.skipped) == (2, 2, 1, 1)
    assert s.recall == 0.5 and s.precision == pytest.approx(2 / 3)
    counts = consistency_counts([*outcomes, *cases(("failed", "failed"), rule="r2")])
    assert counts == {CONSISTENT: 1, PARTIAL: 0, NOT_IMPLEMENTED: 1}


def test_outcome_mappings() -> None:
    assert [tool_outcome(s) for s in ("fail", "partial", "pass", "not_applicable", "not_assessed", None)] == [
        "failed", "failed", "passed", "passed", "cantTell", "cantTell",
    ]  # fmt: skip
    contrast = ("wcag143",)
    assert axe_outcome([("cat.color", "wcag2aa", "wcag143")], [], contrast) == "failed"
    assert axe_outcome([("wcag111",)], [("wcag143",)], contrast) == "cantTell"  # another criterion's violation
    assert axe_outcome([("wcag111",)], [], contrast) == "passed"


def test_only_requirements_not_secondary_criteria_select_a_rule() -> None:
    requirement = {"failed": "not satisfied"}
    assert criteria_of({"wcag20:1.4.3": requirement, "wcag20:1.4.6": {"secondary": "stricter"}}) == ("1.4.3",)
    assert criteria_of({"wcag20:1.4.6": requirement, "wcag20:1.4.3": {"secondary": "less strict"}}) == ()
    assert criteria_of({"wcag20:4.1.2": {}, "wcag-technique:G94": {}}) == ()
    assert criteria_of({"wcag20:1.1.1": {}, "wcag20:4.1.2": {}}) == ("1.1.1",)


def _checkout(tmp_path: Path) -> Path:
    assets = tmp_path / "content-assets" / "wcag-act-rules"
    (assets / "testcases" / "r1").mkdir(parents=True)
    (assets / "testcases" / "r1" / "a.html").write_text(
        '<img src="/WAI/content-assets/wcag-act-rules/test-assets/here.png">'
        '<video src="/WAI/content-assets/wcag-act-rules/test-assets/gone.mp4"></video>',
        encoding="utf-8",
    )
    (assets / "test-assets").mkdir()
    (assets / "test-assets" / "here.png").write_bytes(b"png")
    listing = {
        "testcases": [
            {"ruleId": "r1", "ruleName": "Image", "testcaseId": "a", "testcaseTitle": "Failed Example 1",
             "expected": "failed", "relativePath": "testcases/r1/a.html",
             "ruleAccessibilityRequirements": {"wcag20:1.1.1": {"failed": "not satisfied"}}},
            {"ruleId": "r9", "ruleName": "Title", "testcaseId": "b", "testcaseTitle": "Passed Example 1",
             "expected": "passed", "relativePath": "testcases/r9/b.html",
             "ruleAccessibilityRequirements": {"wcag20:2.4.2": {"failed": "not satisfied"}}},
        ]
    }  # fmt: skip
    (assets / "testcases.json").write_text(json.dumps(listing), encoding="utf-8")
    return tmp_path


def test_a_checkout_gives_the_cases_of_the_selected_rules_only(tmp_path: Path) -> None:
    checkout = _checkout(tmp_path)
    found = load_cases(checkout)
    assert [(c.rule, c.item, c.expected, c.axe_tags) for c in found] == [("r1", "A14-3.1", "failed", ("wcag111",))]
    root = checkout / "content-assets" / "wcag-act-rules"
    assert missing_assets(root, found[0]) == ["/WAI/content-assets/wcag-act-rules/test-assets/gone.mp4"]
    assert load_cases(root) == found  # the assets folder itself is accepted too


def test_a_folder_that_is_no_checkout_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CheckoutError, match=r"testcases\.json"):
        load_cases(tmp_path)
