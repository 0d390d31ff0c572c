"""The scoring engine on small editions whose every number is worked out by hand below."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ashyq.methodology.edition import Edition
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import BodyScore, RunScores, score_run
from ashyq.scoring.findings import FindingsError, FindingsFile

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def rich() -> Edition:
    return load_edition(FIXTURES / "rich.yaml")


@pytest.fixture(scope="module")
def mini() -> Edition:
    return load_edition(FIXTURES / "mini.yaml")


def run(
    edition: Edition, findings: list[dict[str, Any]], bodies: list[dict[str, Any]] | None = None, **extra: Any
) -> RunScores:
    bodies = bodies or [{"id": "a", "kind": "cgo"}]
    return score_run(FindingsFile.model_validate({"bodies": bodies, "findings": findings, **extra}), edition)


def body(scores: RunScores, body_id: str = "a") -> BodyScore:
    return next(b for b in scores.bodies if b.body == body_id)


def criterion(scores: RunScores, cid: str, body_id: str = "a") -> Any:
    return next(c for c in body(scores, body_id).criteria if c.id == cid)


def both(item: str, status: str, body: str = "a", **kw: Any) -> list[dict[str, Any]]:
    return [{"body": body, "item": item, "lang": lang, "status": status, **kw} for lang in ("kk", "ru")]


def test_proportional_with_deductions_and_interpretation(mini: Edition) -> None:
    f = [
        {
            "body": "a",
            "item": "X-1",
            "lang": "kk",
            "status": "partial",
            "measured": {"numerator": 7, "denominator": 10},
            "deficiencies": [{"message": "m", "count": 3}],
        }
    ]
    # default "twelve": 2.5 × 7 / max(10, 12) = 1.458333 − 3 × 0.1 = 1.158333
    s = run(mini, f)
    leaf = criterion(s, "C1").items[0]
    assert leaf.points == pytest.approx(2.5 * 7 / 12 - 0.3)
    assert s.interpretations["a-den"] == "twelve"
    # option "held": 2.5 × 7 / 10 = 1.75 − 0.3 = 1.45
    s2 = score_run(
        FindingsFile.model_validate({"bodies": [{"id": "a", "kind": "cgo"}], "findings": f}), mini, {"a-den": "held"}
    )
    assert criterion(s2, "C1").items[0].points == pytest.approx(1.45)
    assert body(s2).interpretations["a-den"] == "held"


def test_deduction_cap_guarantees_a_floor(mini: Edition) -> None:
    f = [
        {
            "body": "a",
            "item": "X-1",
            "lang": "kk",
            "status": "partial",
            "measured": {"numerator": 12, "denominator": 12},
            "deficiencies": [{"message": "m", "count": 40}],
        }
    ]
    # 40 × 0.1 = 4 > 75 % × 2.5 = 1.875, so 2.5 − 1.875 = 0.625 remains
    assert criterion(run(mini, f), "C1").items[0].points == pytest.approx(0.625)


def test_banded_exclusive_bands(mini: Edition) -> None:
    def pts(v: float) -> float:
        f = [{"body": "a", "item": "X-2", "lang": "kk", "status": "partial", "measured": {"value": v}}]
        items = criterion(run(mini, f), "C1").items
        return float(next(i for i in items if i.item == "X-2" and i.lang == "kk").points)

    assert (pts(51), pts(50), pts(25), pts(24.9), pts(0)) == (2.5, 1.0, 1.0, 0.3, 0.3)


def test_formula_per_language(mini: Edition) -> None:
    f = [
        {"body": "a", "item": "M-A", "lang": "kk", "status": "partial", "measured": {"numerator": 6, "denominator": 8}},
        {"body": "a", "item": "M-B", "lang": "kk", "status": "pass"},
        {
            "body": "a",
            "item": "M-C",
            "lang": "kk",
            "status": "partial",
            "measured": {"numerator": 60, "denominator": 100},
        },
        {"body": "a", "item": "M-D", "lang": "kk", "status": "partial", "measured": {"value": 85}},
    ]
    c2 = criterion(run(mini, f), "C2")
    # A = 2.5 × 6 / max(8, 0) = 1.875 (M-A has no minimum denominator); (1.875 + 1) × 0.6 + 1.5 = 3.225
    assert c2.by_lang["kk"] == pytest.approx(3.225)
    # ru not assessed: nothing earned, the whole (2.5 + 1) × 1 + 1.5 = 5 is at stake
    assert c2.by_lang["ru"] == 0
    assert c2.upper - c2.points == pytest.approx(5.0)


def test_stimulus_adds_but_never_above_the_maximum(rich: Edition) -> None:
    full = both("D-1", "pass") + both("D-2", "pass")
    assert criterion(run(rich, full), "C1").points == pytest.approx(6)
    assert criterion(run(rich, full + both("D-3", "pass")), "C1").points == pytest.approx(6)
    partial = both("D-1", "partial", measured={"numerator": 1, "denominator": 2}) + both("D-2", "pass")
    # 2 × (2 × 1/2) + 2 × 1 = 4, stimulus + 2 → 6
    assert criterion(run(rich, partial), "C1").points == pytest.approx(4)
    assert criterion(run(rich, partial + both("D-3", "pass")), "C1").points == pytest.approx(6)


def test_not_applicable_awards_the_maximum(rich: Edition) -> None:
    c1 = criterion(run(rich, both("D-1", "not_applicable") + both("D-2", "pass")), "C1")
    assert c1.points == pytest.approx(6)


def test_exemption_takes_the_cgo_average_of_the_run(rich: Edition) -> None:
    bodies = [
        {"id": "a", "kind": "cgo"},
        {"id": "b", "kind": "cgo"},
        {"id": "m", "kind": "mio"},
        {"id": "def", "kind": "cgo", "tags": ["defence"]},
    ]
    f = both("D-2", "pass", body="a") + both("D-2", "fail", body="b") + both("D-2", "fail", body="m")
    s = run(rich, f, bodies)
    d2 = [i for i in criterion(s, "C1", "def").items if i.item == "D-2"]
    # CGO average of a (1) and b (0) = 0.5 per language; the MIO does not count
    assert [i.points for i in d2] == [pytest.approx(0.5)] * 2
    assert all(i.status == "exempt" for i in d2)
    assert body(s, "def").averages_borrowed == []


def test_single_body_borrows_the_average_and_says_so(rich: Edition) -> None:
    bodies = [{"id": "def", "kind": "cgo", "tags": ["defence"]}]
    s = run(rich, [], bodies, averages={"cgo:D-2|kk": 0.75, "cgo:D-2|ru": 0.25})
    d2 = {i.lang: i.points for i in criterion(s, "C1", "def").items if i.item == "D-2"}
    assert d2 == {"kk": pytest.approx(0.75), "ru": pytest.approx(0.25)}
    assert {b["item"] for b in body(s, "def").averages_borrowed} == {"D-2"}
    # with no average anywhere, the exempt item is not assessed rather than zero
    s2 = run(rich, [], bodies)
    d2b = [i for i in criterion(s2, "C1", "def").items if i.item == "D-2"]
    assert {i.status for i in d2b} == {"not_assessed"}


def test_scale_group_and_per_kind_deduction_amounts(rich: Edition) -> None:
    f = [
        {
            "body": "a",
            "item": "S-1",
            "status": "partial",
            "measured": {"share": 1},
            "deficiencies": [
                {"message": "no search form", "count": 1},
                {"message": "dead link in site map", "kind": "broken_sitemap_link", "count": 2},
            ],
        },
        {"body": "a", "item": "S-2", "status": "partial", "measured": {"level": "interface"}},
    ]
    # S-1: 4 − (0.15 + 2 × 0.1) = 3.65; S-2: 3; (3.65 + 3) ÷ 10 × 5 = 3.325
    assert criterion(run(rich, f), "C2").points == pytest.approx(3.325)
    many = [{**f[0], "deficiencies": [{"message": "x", "count": 30}]}]
    # deductions capped at 50 % of 4 → 2 remains; ÷ 10 × 5 = 1
    assert criterion(run(rich, many), "C2").points == pytest.approx(1.0)


def test_group_deduction_cap_per_language(rich: Edition) -> None:
    f = both("P-1", "partial", measured={"share": 1}, deficiencies=[{"message": "x", "count": 10}])
    f += both("P-2", "partial", measured={"share": 1}, deficiencies=[{"message": "x", "count": 10}])
    c3 = criterion(run(rich, f), "C3")
    # items: P-1 −min(1.0, 1.0) , P-2 −min(1.0, 1.5) → 2 per language; group cap 0.5 × 3 = 1.5 per language
    assert c3.by_lang["kk"] == pytest.approx(5 - 1.5)
    assert c3.points == pytest.approx(7.0)


def test_mio_gets_its_own_items(rich: Edition) -> None:
    s = run(rich, both("P-1", "pass", body="m") + both("P-3", "pass", body="m"), [{"id": "m", "kind": "mio"}])
    assert criterion(s, "C3", "m").points == pytest.approx(10)
    assert all(c.id != "C5" for c in body(s, "m").criteria)


def test_coefficient_group(rich: Edition) -> None:
    base = [*both("M-1", "pass"), {"body": "a", "item": "M-2", "status": "pass"}]
    for k, expected in ((5, 5.0), (3, 3.0), (0, 0.0)):
        f = [*base, {"body": "a", "item": "M-k", "status": "pass", "measured": {"value": k}}]
        assert criterion(run(rich, f), "C4").points == pytest.approx(expected)
    # no link back to the full version: −1 after scaling; half the sections: 5 ÷ 10 × 3 − 1 = 0.5
    f = [
        *both("M-1", "partial", measured={"share": 0.5}),
        {"body": "a", "item": "M-2", "status": "fail"},
        {"body": "a", "item": "M-k", "status": "pass", "measured": {"value": 3}},
    ]
    assert criterion(run(rich, f), "C4").points == pytest.approx(0.5)


def test_penalty_caps_per_group_and_overall(rich: Edition) -> None:
    f = both("U-1", "fail") + both("U-2", "fail")
    # U-A: −1.5 × 2 = −3 capped at −2; U-B: −1 × 2 = −2; total −4 capped at −3
    c5 = criterion(run(rich, f), "C5")
    assert [c.points for c in c5.children] == [pytest.approx(-2), pytest.approx(-2)]
    assert c5.points == pytest.approx(-3)
    assert criterion(run(rich, both("U-1", "pass")), "C5").points == 0


def test_reporting_penalty_is_capped(rich: Edition) -> None:
    s = run(rich, both("D-1", "pass"), reporting_facts={"a": 2})
    assert body(s).penalty == pytest.approx(0.4)
    assert body(s).final == pytest.approx(body(s).total - 0.4)
    assert body(run(rich, [], reporting_facts={"a": 40})).penalty == pytest.approx(5)


def test_levels_follow_the_final_score(rich: Edition) -> None:
    everything = (
        both("D-1", "pass")
        + both("D-2", "pass")
        + both("P-1", "pass")
        + both("P-2", "pass")
        + both("M-1", "pass")
        + both("F-A", "pass")
        + both("F-B", "pass")
        + both("F-C", "pass")
        + [
            {"body": "a", "item": "S-1", "status": "pass"},
            {"body": "a", "item": "S-2", "status": "partial", "measured": {"level": "full"}},
            {"body": "a", "item": "M-2", "status": "pass"},
            {"body": "a", "item": "M-k", "status": "pass", "measured": {"value": 5}},
        ]
        + both("U-1", "pass")
        + both("U-2", "pass")
    )
    s = body(run(rich, everything))
    assert (s.total, s.coverage, s.level) == (pytest.approx(30), pytest.approx(1.0), "high")
    # 30 facts cost at most 5: 30 − 5 = 25 is exactly the "high" threshold, which is inclusive
    capped = body(run(rich, everything, reporting_facts={"a": 30}))
    assert (capped.final, capped.level) == (pytest.approx(25), "high")
    # without D-1 (−4): 26 − 6 × 0.2 = 24.8, just under it
    fewer = [f for f in everything if f["item"] != "D-1"]
    below = body(run(rich, fewer, reporting_facts={"a": 6}))
    assert (below.final, below.level) == (pytest.approx(24.8), "medium")


def test_nothing_assessed_is_not_a_bad_score(rich: Edition) -> None:
    s = body(run(rich, []))
    assert s.total == pytest.approx(0)
    assert s.coverage == pytest.approx(0)
    assert s.not_assessed_points == pytest.approx(30)
    assert {i["reason"] for i in s.not_assessed} == {"no finding"}


@pytest.mark.parametrize(
    ("finding", "message"),
    [
        ({"body": "a", "item": "NOPE", "lang": "kk", "status": "pass"}, "is not in edition"),
        ({"body": "a", "item": "D-1", "status": "pass"}, "has no lang"),
        ({"body": "a", "item": "S-1", "lang": "kk", "status": "pass"}, "not scored per language"),
        ({"body": "a", "item": "D-1", "lang": "kk", "status": "partial"}, "needs measured numerator"),
        ({"body": "a", "item": "D-1", "lang": "kk", "status": "not_assessed"}, "must say why"),
        ({"body": "zz", "item": "D-1", "lang": "kk", "status": "pass"}, "not in the body list"),
        ({"body": "a", "item": "D-2", "lang": "kk", "status": "partial", "measured": {"share": 2}}, "between 0 and 1"),
    ],
)
def test_bad_findings_are_refused_whole(rich: Edition, finding: dict[str, Any], message: str) -> None:
    good = {"body": "a", "item": "D-2", "lang": "ru", "status": "pass"}
    with pytest.raises(FindingsError) as e:
        run(rich, [good, finding])
    assert len(e.value.problems) == 1
    assert message in e.value.problems[0]


def test_duplicate_findings_are_refused(rich: Edition) -> None:
    with pytest.raises(FindingsError, match="second finding"):
        run(rich, both("D-1", "pass") + both("D-1", "fail"))


def test_unknown_interpretation_option_is_refused(mini: Edition) -> None:
    with pytest.raises(ValueError, match="no option"):
        score_run(
            FindingsFile.model_validate({"bodies": [{"id": "a", "kind": "cgo"}], "findings": []}),
            mini,
            {"a-den": "nonsense"},
        )


def test_a_partial_audit_brackets_the_level(rich: Edition) -> None:
    nothing = body(run(rich, []))
    assert (nothing.level, nothing.level_best_case) == ("low", "high")
    assert nothing.as_dict()["level_best_case"] == "high"
