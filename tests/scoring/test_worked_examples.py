"""The legal text's own worked examples, and one CGO and one MIO per edition worked out by hand.

The hand-worked bodies live in ``cases/<edition>.yaml`` with the arithmetic in comments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ashyq.methodology.edition import Edition, edition_path
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import BodyScore, NodeScore, RunScores, score_run
from ashyq.scoring.findings import FindingsFile

CASES = Path(__file__).parent / "cases"
MEASURES = ("share", "numerator", "denominator", "value", "level", "nothing_to_publish")


def expand_status(spec: Any) -> dict[str, Any]:
    """``pass`` or ``{status: partial, share: 1, deficiencies: 3}`` → a finding's fields."""
    if isinstance(spec, str):
        out: dict[str, Any] = {"status": spec}
        if spec == "not_assessed":
            out["reason"] = "not assessed in this case"
        return out
    out = {"status": spec["status"], "measured": {k: spec[k] for k in MEASURES if k in spec}}
    if "exempt" in spec:  # an exemption the check showed (point 67): the finding says so, with evidence
        out["measured"]["exempt"] = spec["exempt"]
        out["evidence"] = [{"kind": "portal_record", "snippet": "case: the portal's notice"}]
    if "reason" in spec:
        out["reason"] = spec["reason"]
    deficiencies = spec.get("deficiencies", 0)
    if isinstance(deficiencies, int):
        deficiencies = [{"count": deficiencies}] if deficiencies else []
    out["deficiencies"] = [{"message": "case", **d} for d in deficiencies]
    return out


def expand(case: dict[str, Any], edition: Edition) -> list[dict[str, Any]]:
    per_language = {i.id: i.per_language for i in edition.items()}
    findings: list[dict[str, Any]] = []
    for body, items in case["findings"].items():
        for item, spec in items.items():
            if not per_language[item]:
                findings.append({"body": body, "item": item, "lang": None, **expand_status(spec)})
                continue
            split = isinstance(spec, dict) and set(spec) == {"kk", "ru"}
            for lang in ("kk", "ru"):
                findings.append(
                    {"body": body, "item": item, "lang": lang, **expand_status(spec[lang] if split else spec)}
                )
    return findings


def score_case(name: str) -> tuple[dict[str, Any], RunScores]:
    case = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    edition = load_edition(edition_path(case["edition"]))
    data = {
        "bodies": case["bodies"],
        "findings": expand(case, edition),
        "reporting_facts": case.get("reporting_facts", {}),
        "run": case.get("run", {}),
    }
    return case, score_run(FindingsFile.model_validate(data), edition, case.get("options"))


def nodes(body: BodyScore) -> dict[str, NodeScore]:
    out: dict[str, NodeScore] = {}
    stack = list(body.criteria)
    while stack:
        node = stack.pop()
        out[node.id] = node
        stack.extend(node.children)
    return out


@pytest.mark.parametrize("name", sorted(p.stem for p in CASES.glob("*.yaml")))
def test_hand_worked_bodies(name: str) -> None:
    case, scores = score_case(name)
    for body_id, expected in case["expected"].items():
        body = next(b for b in scores.bodies if b.body == body_id)
        by_id = nodes(body)
        for group_id, points in {**expected.get("groups", {}), **expected["criteria"]}.items():
            assert by_id[group_id].points == pytest.approx(points, abs=1e-5), (body_id, group_id)
        for group_id, langs in expected.get("by_lang", {}).items():
            for lang, points in langs.items():
                assert by_id[group_id].by_lang[lang] == pytest.approx(points, abs=1e-5), (body_id, group_id, lang)
        assert body.total == pytest.approx(expected["total"], abs=1e-5), body_id
        assert body.not_assessed_points == pytest.approx(expected["not_assessed"], abs=1e-5), body_id
        assert body.penalty == pytest.approx(expected["penalty"], abs=1e-9), body_id
        assert body.final == pytest.approx(expected["final"], abs=1e-5), body_id
        assert body.level == expected["level"], body_id


# ---------------------------------------------------------------- the text's own examples (2017, points 79–99)


@pytest.fixture(scope="module")
def kz2017() -> Edition:
    return load_edition(edition_path("kz-2017"))


def item_points(edition: Edition, item: str, finding: dict[str, Any], kind: str = "cgo") -> float:
    data = {"bodies": [{"id": "b", "kind": kind}], "findings": [{"body": "b", "item": item, **finding}]}
    body = score_run(FindingsFile.model_validate(data), edition).bodies[0]
    for node in nodes(body).values():
        for leaf in node.items:
            if leaf.item == item and leaf.lang == finding.get("lang"):
                return leaf.points
    raise KeyError(item)


def partial(lang: str | None, deficiencies: int, **measured: Any) -> dict[str, Any]:
    return {
        "lang": lang,
        "status": "partial",
        "measured": {"share": 1, **measured},
        "deficiencies": [{"message": "missing", "count": deficiencies}] if deficiencies else [],
    }


def test_point_79_ten_approved_seven_published(kz2017: Edition) -> None:
    # "10 datasets approved, 7 published → −0.3 from the parameter's weight" (weight 2)
    assert item_points(kz2017, "A12-OD-2", partial("kk", 3)) == pytest.approx(2 - 0.3)


def test_point_80_five_of_seven_statements(kz2017: Edition) -> None:
    # "5 of 7 consolidated statements posted → −0.2"
    assert item_points(kz2017, "A12-B-1", partial("ru", 2)) == pytest.approx(0.5 - 0.2)


def test_point_81_seven_of_eleven_drafts(kz2017: Edition) -> None:
    # "7 of 11 draft laws posted → −0.4" (weight 1)
    assert item_points(kz2017, "A12-N-2", partial("kk", 4)) == pytest.approx(1 - 0.4)


def test_points_79_81_deductions_stop_at_75_percent(kz2017: Edition) -> None:
    assert item_points(kz2017, "A12-OD-2", partial("kk", 40)) == pytest.approx(2 * 0.25)


@pytest.mark.parametrize(("share", "points"), [(100, 2), (85, 1), (60, 0), (70.5, 1)])
def test_point_83_blog_answers(kz2017: Edition, share: float, points: float) -> None:
    finding = {"lang": "kk", "status": "partial", "measured": {"value": share}}
    assert item_points(kz2017, "A12-D-2", finding) == pytest.approx(points)


def test_appendix_14_item_2_3_cap(kz2017: Edition) -> None:
    # −0.15 per missing element, −0.1 per broken site-map link, those at most 50 % of 0.45 (the cap ends
    # the links' sentence: the reading a14-sitemap-cap, test_readings.py)
    one = {
        "lang": None,
        "status": "partial",
        "measured": {"share": 1},
        "deficiencies": [{"message": "no site map link", "count": 1}],
    }
    assert item_points(kz2017, "A14-2.3", one) == pytest.approx(0.45 - 0.15)
    links = {**one, "deficiencies": [{"message": "dead", "kind": "broken_sitemap_link", "count": 2}]}
    assert item_points(kz2017, "A14-2.3", links) == pytest.approx(0.45 - 0.2)
    many = {
        **one,
        "deficiencies": [
            {"message": "missing", "count": 3},
            {"message": "dead", "kind": "broken_sitemap_link", "count": 5},
        ],
    }
    assert item_points(kz2017, "A14-2.3", many) == pytest.approx(0.0)  # 3 × 0.15 takes all of 0.45
    capped = {**one, "deficiencies": [{"message": "dead", "kind": "broken_sitemap_link", "count": 5}]}
    assert item_points(kz2017, "A14-2.3", capped) == pytest.approx(0.45 * 0.5)


@pytest.mark.parametrize(
    ("k", "link_back", "expected"),
    [(5, "pass", 5.0), (3, "pass", 3.0), (0, "pass", 0.0), (3, "fail", 2.0), (0, "fail", 0.0)],
)
def test_points_96_99_mobile_coefficient(kz2017: Edition, k: int, link_back: str, expected: float) -> None:
    # (kk + ru) ÷ 50 × k, k = 5 / 3 / 0; −1 with no link back to the full version; k = 0 → no deductions
    sections = [
        i for i in kz2017.items() if i.id.startswith("A16-1") and (i.applies_to is None or "cgo" in i.applies_to)
    ]
    findings = [{"body": "b", "item": i.id, "lang": lang, "status": "pass"} for i in sections for lang in ("kk", "ru")]
    findings += [
        {"body": "b", "item": "A16-k", "status": "pass", "measured": {"value": k}},
        {"body": "b", "item": "A16-2", "status": link_back},
    ]
    body = score_run(
        FindingsFile.model_validate({"bodies": [{"id": "b", "kind": "cgo"}], "findings": findings}), kz2017
    ).bodies[0]
    assert nodes(body)["A16"].points == pytest.approx(expected)
