"""Readings of the text both the ministry and the bodies would sign: each test quotes the seed
sentence (file and line) it follows."""

from __future__ import annotations

from typing import Any

import pytest

from ashyq.methodology.edition import Edition, edition_path
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import RunScores, score_run
from ashyq.scoring.findings import FindingsError, FindingsFile


@pytest.fixture(scope="module")
def kz2025() -> Edition:
    return load_edition(edition_path("kz-2025"))


def run(
    edition: Edition,
    bodies: list[dict[str, Any]],
    findings: list[dict[str, Any]],
    options: dict[str, str] | None = None,
) -> RunScores:
    return score_run(FindingsFile.model_validate({"bodies": bodies, "findings": findings}), edition, options)


def leaf(scores: RunScores, body: str, item: str, lang: str | None = "kk") -> Any:
    b = next(x for x in scores.bodies if x.body == body)
    stack = list(b.criteria)
    while stack:
        node = stack.pop()
        for found in node.items:
            if found.item == item and found.lang == lang:
                return found
        stack.extend(node.children)
    raise KeyError(item)


# ---------------------------------------------------------------- item 4: point 67, part three
# 000_12c86a9f7dcd6cb4.txt, line 65: «В случае, если информация по бюджету государственного органа
# является секретной или имеет гриф "ограниченного распространения", присваивается средний балл
# полученных оценок всех государственных органов по тем индикаторам, по которым государственный орган
# не оценивается.»
NOTICE = {"url": "https://budget.egov.kz", "kind": "portal_record", "snippet": "ограниченного распространения"}
CGOS = [{"id": body, "kind": "cgo"} for body in ("a", "b", "c", "mod")]


def exempt(body: str, item: str, lang: str = "kk") -> dict[str, Any]:
    return {
        "body": body,
        "item": item,
        "lang": lang,
        "status": "not_applicable",
        "measured": {"exempt": "budget_restricted"},
        "evidence": [NOTICE],
    }


def test_point_67_the_finding_exempts_and_the_average_is_of_all_bodies(kz2025: Edition) -> None:
    findings = [
        {"body": "a", "item": "T2-4", "lang": "kk", "status": "pass"},
        {"body": "b", "item": "T2-4", "lang": "kk", "status": "fail"},
        # no state audit in the period: nothing to post, the maximum (when_not_applicable) - a received score
        {"body": "c", "item": "T2-4", "lang": "kk", "status": "not_applicable"},
        exempt("mod", "T2-4"),
    ]
    scores = run(kz2025, CGOS, findings)
    got = leaf(scores, "mod", "T2-4")
    assert got.status == "exempt"
    assert got.points == pytest.approx((0.5 + 0 + 0.5) / 3)  # all bodies' received scores, not 0.5 nor 0.25
    assert "budget_restricted" in got.note


def test_point_67_whole_criterion_follows_one_finding(kz2025: Edition) -> None:
    # the default reading (budget-restricted-scope = whole-criterion): every indicator of the criterion
    findings = [
        {"body": "a", "item": "T2-11", "lang": "kk", "status": "pass"},
        {"body": "b", "item": "T2-11", "lang": "kk", "status": "fail"},
        {"body": "a", "item": "T2-1", "lang": "kk", "status": "pass"},
        exempt("mod", "T2-1"),
    ]
    got = leaf(run(kz2025, CGOS, findings), "mod", "T2-11")
    assert got.status == "exempt" and got.points == pytest.approx(1.0)
    per_indicator = run(kz2025, CGOS, findings, {"budget-restricted-scope": "per-indicator"})
    assert leaf(per_indicator, "mod", "T2-1").status == "exempt"
    assert leaf(per_indicator, "mod", "T2-11").status == "not_assessed"  # no finding: not exempted by another's


def test_point_67_does_not_reach_other_criteria(kz2025: Edition) -> None:
    # Table 7 row 2 has its own reading (website-budget-restricted): a budget-portal finding does not decide it
    findings = [exempt("mod", "T2-1"), {"body": "mod", "item": "T7-2", "lang": "kk", "status": "fail"}]
    assert leaf(run(kz2025, CGOS, findings), "mod", "T7-2").status == "fail"


def test_an_exemption_the_item_does_not_have_is_refused(kz2025: Edition) -> None:
    with pytest.raises(FindingsError, match="exempt"):
        run(kz2025, CGOS, [exempt("mod", "T4-1")])
    with pytest.raises(FindingsError, match="exempt"):
        run(kz2025, CGOS, [{**exempt("mod", "T2-1"), "status": "fail"}])
