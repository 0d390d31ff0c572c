"""Properties of the scorer that must hold for every edition and every run of findings:

* every item, criterion and total stays within its bounds;
* adding a deficiency never raises anybody's score;
* turning a ``fail`` into ``not_assessed`` never lowers anybody's score.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ashyq.base.figures import round_points
from ashyq.config import METHODOLOGY_DIR
from ashyq.methodology.edition import (
    BandedRule,
    ChoiceRule,
    CoefficientRule,
    Edition,
    Item,
    PenaltyCombine,
    PenaltyRule,
    PresenceRule,
    ProportionalRule,
)
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import NodeScore, RunScores, score_run
from ashyq.scoring.findings import FindingsFile

FIXTURES = Path(__file__).parent / "fixtures"
EDITION_FILES = sorted(FIXTURES.glob("*.yaml")) + sorted(METHODOLOGY_DIR.glob("*.yaml"))
EPS = 1e-9

BODIES = [
    {"id": "c1", "kind": "cgo", "tags": []},
    {"id": "c2", "kind": "cgo", "tags": ["defence", "justice", "budget_restricted"]},
    {"id": "m1", "kind": "mio", "tags": []},
]


@pytest.fixture(scope="module", params=EDITION_FILES, ids=lambda p: p.stem)
def edition(request: pytest.FixtureRequest) -> Edition:
    return load_edition(request.param)


def measured_for(item: Item, draw: Any) -> dict[str, Any]:
    rule = item.rule
    if isinstance(rule, PresenceRule):
        return {"share": draw(st.floats(0, 1))}
    if isinstance(rule, ProportionalRule):
        den = draw(st.integers(0, 30))
        return {"numerator": draw(st.integers(0, den)), "denominator": den}
    if isinstance(rule, BandedRule):
        return {"value": draw(st.floats(0, 120))}
    if isinstance(rule, ChoiceRule):
        return {"level": draw(st.sampled_from(list(rule.levels)))}  # another level is refused
    if isinstance(rule, CoefficientRule):
        return {"value": draw(st.sampled_from(rule.values))}
    return {}


@st.composite
def runs(draw: Any, edition: Edition) -> dict[str, Any]:
    findings: list[dict[str, Any]] = []
    for body in BODIES:
        for item in edition.items():
            if item.applies_to is not None and body["kind"] not in item.applies_to:
                continue
            for lang in edition.languages if item.per_language else [None]:
                status = draw(st.sampled_from(["pass", "partial", "fail", "not_assessed", "not_applicable", None]))
                if status is None:
                    continue
                f: dict[str, Any] = {"body": body["id"], "item": item.id, "lang": lang, "status": status}
                if status in ("pass", "partial"):
                    f["measured"] = measured_for(item, draw)
                    n = draw(st.integers(0, 4))
                    f["deficiencies"] = [{"message": "d", "count": draw(st.integers(1, 5))} for _ in range(n)]
                if status == "fail" and isinstance(item.rule, PenaltyRule):
                    f["deficiencies"] = [{"message": "d"}]
                if status == "not_assessed":
                    f["reason"] = "timeout"
                findings.append(f)
    facts = {b["id"]: draw(st.integers(0, 40)) for b in BODIES}
    return {"bodies": BODIES, "findings": findings, "reporting_facts": facts}


def score(edition: Edition, data: dict[str, Any]) -> RunScores:
    return score_run(FindingsFile.model_validate(data), edition)


def finals(scores: RunScores) -> dict[str, float]:
    return {b.body: b.final for b in scores.bodies}


def check_node(node: NodeScore, penalty_cap: float | None) -> None:
    assert node.points <= node.upper + EPS, node.id
    if penalty_cap is not None:
        assert -penalty_cap - EPS <= node.points <= EPS, node.id
        return
    assert -EPS <= node.points <= node.max + EPS, (node.id, node.points, node.max)
    assert node.upper <= node.max + EPS, (node.id, node.upper, node.max)


def walk_groups(edition: Edition) -> dict[str, Any]:
    out: dict[str, Any] = {}

    def visit(group: Any) -> None:
        out[group.id] = group
        for c in group.children:
            if not isinstance(c, Item):
                visit(c)

    for c in edition.criteria:
        visit(c)
    return out


def leaf_bounds(item: Item, kind: Any, lang: Any, run: dict[str, Any]) -> tuple[float, float]:
    """The exact range an item's points may take."""
    w = item.weight(kind, lang)
    if isinstance(item.rule, PenaltyRule):
        most = (
            max(
                (sum(d.get("count", 1) for d in f.get("deficiencies", [])) or 1)
                for f in run["findings"]
                if f["item"] == item.id
            )
            if item.rule.per_occurrence
            else 1
        )
        return -w * most, 0.0
    if isinstance(item.rule, CoefficientRule):
        return min(item.rule.values), max(item.rule.values)
    return 0.0, w


SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.large_base_example,
        HealthCheck.data_too_large,
    ],
)


@SETTINGS
@given(data=st.data())
def test_scores_stay_within_bounds(edition: Edition, data: st.DataObject) -> None:
    run_data = data.draw(runs(edition))
    scores = score(edition, run_data)
    groups = walk_groups(edition)
    items = {i.id: i for i in edition.items()}
    for b in scores.bodies:
        stack = list(b.criteria)
        while stack:
            node = stack.pop()
            g = groups[node.id]
            cap = g.combine.penalty_cap if isinstance(g.combine, PenaltyCombine) else None
            check_node(node, cap)
            stack.extend(node.children)
            for leaf in node.items:
                lo, hi = leaf_bounds(items[leaf.item], b.kind, leaf.lang, run_data)
                assert lo - EPS <= leaf.points <= hi + EPS, (leaf, lo, hi)
        assert b.total <= edition.total_max + EPS
        assert b.upper <= edition.total_max + EPS
        assert 0 <= b.penalty <= (edition.reporting_penalty.cap if edition.reporting_penalty else 0) + EPS
        assert 0 - EPS <= b.coverage <= 1 + EPS
        # rounded once, to the decimals the text prints its levels in
        assert b.final == round_points(b.total - b.penalty, edition.final_places)


@SETTINGS
@given(data=st.data())
def test_a_deficiency_never_raises_a_score(edition: Edition, data: st.DataObject) -> None:
    run = data.draw(runs(edition))
    graded = [i for i, f in enumerate(run["findings"]) if f["status"] in ("pass", "partial")]
    if not graded:
        return
    i = data.draw(st.sampled_from(graded))
    before = finals(score(edition, run))
    worse = [dict(f) for f in run["findings"]]
    worse[i]["deficiencies"] = [*worse[i].get("deficiencies", []), {"message": "one more", "count": 1}]
    after = finals(score(edition, {**run, "findings": worse}))
    for body_id, value in after.items():
        assert value <= before[body_id] + EPS, (body_id, run["findings"][i])


@SETTINGS
@given(data=st.data())
def test_not_assessed_never_scores_below_fail(edition: Edition, data: st.DataObject) -> None:
    run = data.draw(runs(edition))
    failed = [i for i, f in enumerate(run["findings"]) if f["status"] == "fail"]
    if not failed:
        return
    i = data.draw(st.sampled_from(failed))
    before = finals(score(edition, run))
    changed = [dict(f) for f in run["findings"]]
    changed[i] = {**changed[i], "status": "not_assessed", "reason": "timeout", "deficiencies": []}
    after = finals(score(edition, {**run, "findings": changed}))
    for body_id, value in after.items():
        assert value >= before[body_id] - EPS, (body_id, run["findings"][i])
