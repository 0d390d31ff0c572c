"""The project's own ACT test cases (``act_fixtures.yaml``, written from each rule's definition) through
the tool and plain axe-core in one run, as ``ashyq accuracy act`` runs the W3C suite: CI keeps what
that suite showed — the tool answers every case as the rule expects, and on every rule axe-core
implements it is at least as consistent as axe-core alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from ashyq_replica.accuracy.act import ActRun, run_act
from ashyq_replica.accuracy.act_report import CONSISTENT, NOT_IMPLEMENTED, PARTIAL, CaseOutcome, consistency
from ashyq_replica.outside.serve import image_bytes

FIXTURES = yaml.safe_load((Path(__file__).with_name("act_fixtures.yaml")).read_text(encoding="utf-8"))["rules"]
RANK = {NOT_IMPLEMENTED: 0, PARTIAL: 1, CONSISTENT: 2}

pytestmark = [pytest.mark.browser, pytest.mark.slow]  # every case rendered and measured: about two minutes


def _checkout(root: Path) -> Path:
    assets = root / "content-assets" / "wcag-act-rules"
    (assets / "test-assets").mkdir(parents=True)
    (assets / "test-assets" / "photo.png").write_bytes(image_bytes("photo.png"))
    listing = []
    for rule in FIXTURES:
        folder = assets / "testcases" / rule["rule"]
        folder.mkdir(parents=True)
        for case in rule["cases"]:
            page = (
                f'<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>{case["id"]}</title>'
                f"{case.get('head', '')}</head><body>{case['html']}</body></html>"
            )
            (folder / f"{case['id']}.html").write_text(page, encoding="utf-8")
            requirements = {f"wcag20:{sc}": {"forConformance": True} for sc in rule["criteria"]}
            listing.append(
                {
                    "ruleId": rule["rule"],
                    "ruleName": rule["name"],
                    "testcaseId": case["id"],
                    "testcaseTitle": case["id"],
                    "expected": case["expected"],
                    "relativePath": f"testcases/{rule['rule']}/{case['id']}.html",
                    "ruleAccessibilityRequirements": requirements,
                }
            )
    (assets / "testcases.json").write_text(json.dumps({"testcases": listing}), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> ActRun:
    return run_act(_checkout(tmp_path_factory.mktemp("act")), watch_ms=1200)


def _expected_tool(case: dict[str, str]) -> str:
    return case.get("tool") or ("failed" if case["expected"] == "failed" else "passed")


@pytest.mark.parametrize("rule", FIXTURES, ids=[r["rule"] for r in FIXTURES])
def test_the_tool_answers_each_case_as_the_rule_expects(run: ActRun, rule: dict) -> None:
    got = {r.case.case_id: r.tool for r in run.results if r.case.rule == rule["rule"]}
    wanted = {c["id"]: _expected_tool(c) for c in rule["cases"]}
    assert got == wanted


def test_at_least_as_consistent_as_axe_core_on_every_rule(run: ActRun) -> None:
    for rule in FIXTURES:
        cases = [r for r in run.results if r.case.rule == rule["rule"]]
        tool, _ = consistency(CaseOutcome(r.case.rule, r.case.item, r.case.expected, r.tool) for r in cases)
        axe, _ = consistency(CaseOutcome(r.case.rule, r.case.item, r.case.expected, r.axe) for r in cases)
        assert RANK[tool] >= RANK[axe], (rule["rule"], tool, axe)
