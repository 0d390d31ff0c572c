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


# ---------------------------------------------------------------- item 13: Appendix 14, row 2.3
# 001_2eda7a10a42a5ed2.txt, lines 2824-2842: «За отсутствие какого-либо из перечисленных индикаторов
# производится вычет 0,15 балла. За каждый выявленный факт не функционирующих ссылок, размещенных в
# карте сайта, производится вычет балла в размере 0,1 балла, но суммарно вычет баллов не должен
# превышать 50% весового значения параметра» - the cap ends the sentence of the site map's links.
def _row_2_3(missing: tuple[str, ...], broken: int) -> dict[str, Any]:
    deficiencies = [{"message": f"no {e}", "kind": f"missing_{e}"} for e in missing]
    deficiencies += [{"message": f"broken link {n}", "kind": "broken_sitemap_link"} for n in range(broken)]
    return {"body": "a", "item": "A14-2.3", "lang": None, "status": "partial", "deficiencies": deficiencies}


@pytest.mark.parametrize(
    ("missing", "broken", "default", "whole_parameter"),
    [
        (("menu", "home_link", "sitemap_link"), 0, 0.0, 0.225),  # 3 × 0.15: nothing is left of 0.45
        (("menu",), 0, 0.30, 0.30),  # within the cap either way
        ((), 5, 0.225, 0.225),  # 5 × 0.1 of broken site-map links, capped at half of 0.45
        (("search_form",), 5, 0.075, 0.225),  # 0.15 in full, the links' 0.5 capped at 0.225
    ],
)
def test_the_row_2_3_cap_limits_the_site_maps_broken_links(
    missing: tuple[str, ...], broken: int, default: float, whole_parameter: float
) -> None:
    edition = load_edition(edition_path("kz-2017"))
    findings = [_row_2_3(missing, broken)]
    bodies = [{"id": "a", "kind": "cgo"}]
    plain = leaf(run(edition, bodies, findings), "a", "A14-2.3", None)
    other = leaf(run(edition, bodies, findings, {"a14-sitemap-cap": "whole-parameter"}), "a", "A14-2.3", None)
    assert plain.points == pytest.approx(default) and other.points == pytest.approx(whole_parameter)
