"""ACT test cases run through the tool's accessibility path and plain axe-core, in one run.

The first test builds a two-case "checkout" of its own (no W3C checkout needed); the second runs
two real rules when ``ASHYQ_ACT_CHECKOUT`` names a checkout of w3c/wcag-act-rules, and is skipped
otherwise — neither CI nor the suite needs the checkout.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from ashyq_replica.accuracy.act import run_act
from ashyq_replica.accuracy.act_report import CONSISTENT, CaseOutcome, consistency
from ashyq_replica.outside.serve import image_bytes

REQUIREMENT = {"wcag20:1.1.1": {"failed": "not satisfied", "passed": "further testing needed"}}


def _case(assets: Path, case_id: str, expected: str, body: str) -> dict[str, object]:
    folder = assets / "testcases" / "t-img"
    folder.mkdir(parents=True, exist_ok=True)
    page = f'<!DOCTYPE html><html lang="en"><body>{body}</body></html>'
    (folder / f"{case_id}.html").write_text(page, encoding="utf-8")
    return {
        "ruleId": "t-img", "ruleName": "Image has non-empty accessible name", "testcaseId": case_id,
        "testcaseTitle": f"{expected.title()} Example", "expected": expected,
        "relativePath": f"testcases/t-img/{case_id}.html", "ruleAccessibilityRequirements": REQUIREMENT,
    }  # fmt: skip


@pytest.mark.browser
def test_a_missing_and_a_present_text_alternative(tmp_path: Path) -> None:
    assets = tmp_path / "content-assets" / "wcag-act-rules"
    (assets / "test-assets").mkdir(parents=True)
    (assets / "test-assets" / "photo.png").write_bytes(image_bytes("photo.png"))
    src = "/WAI/content-assets/wcag-act-rules/test-assets/photo.png"
    listing = [
        _case(assets, "no-alt", "failed", f'<img src="{src}" width="320" height="200">'),
        _case(assets, "alt", "passed", f'<img src="{src}" width="320" height="200" alt="Members of the board">'),
        _case(assets, "gone", "failed", '<img src="/WAI/content-assets/wcag-act-rules/test-assets/gone.png">'),
    ]
    (assets / "testcases.json").write_text(json.dumps({"testcases": listing}), encoding="utf-8")
    run = run_act(tmp_path)
    got = {r.case.case_id: (r.tool, r.axe) for r in run.results}
    assert got["no-alt"] == ("failed", "failed")
    assert got["alt"] == ("passed", "passed")
    assert got["gone"] == ("skipped", "skipped")  # a file the checkout lacks: left out, not guessed
    assert run.axe_version == "4.14.1"
    assert next(r for r in run.results if r.case.case_id == "no-alt").axe_rules == ["image-alt"]


CHECKOUT = os.environ.get("ASHYQ_ACT_CHECKOUT")


@pytest.mark.browser
@pytest.mark.skipif(not CHECKOUT, reason="ASHYQ_ACT_CHECKOUT names no checkout of w3c/wcag-act-rules")
def test_real_rules_of_a_checkout() -> None:
    assert CHECKOUT is not None
    run = run_act(Path(CHECKOUT), {"23a2a8", "b4f0c3"})
    assert {r.case.rule for r in run.results} == {"23a2a8", "b4f0c3"}
    image = [r for r in run.results if r.case.rule == "23a2a8"]
    axe_image = [CaseOutcome(r.case.rule, r.case.item, r.case.expected, r.axe) for r in image]
    assert consistency(axe_image)[0] == CONSISTENT  # as the W3C implementation report says for axe-core
