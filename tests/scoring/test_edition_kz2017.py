"""The 2017 edition (ashyq/config/methodology/kz-2017.yaml) against the numbers of the 2017 text.

Every sum is recomputed from the items, never read back from a group's declared maximum, so a
mistyped weight fails here even when the declared number was mistyped the same way.
"""

from __future__ import annotations

import copy
import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from ashyq.base.vocabulary import LANGS
from ashyq.methodology.edition import CoefficientRule, Edition, Group, Item, PenaltyRule, walk
from ashyq.methodology.validate import EditionError, load_edition

ROOT = Path(__file__).resolve().parents[2]
PATH = ROOT / "ashyq" / "config" / "methodology" / "kz-2017.yaml"
SEED = "001_2eda7a10a42a5ed2.txt"
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


@pytest.fixture(scope="module")
def edition() -> Edition:
    return load_edition(PATH)


def group(edition: Edition, group_id: str) -> Group:
    for node in walk(edition.criteria):
        if isinstance(node, Group) and node.id == group_id:
            return node
    raise AssertionError(f"group {group_id} is missing")


def item(edition: Edition, item_id: str) -> Item:
    for node in edition.items():
        if node.id == item_id:
            return node
    raise AssertionError(f"item {item_id} is missing")


def leaves(node: Group) -> list[Item]:
    return [n for n in walk(node.children) if isinstance(n, Item)]


def scored(items: list[Item]) -> list[Item]:
    """Items that carry points (not the coefficient, not penalties)."""
    return [i for i in items if not isinstance(i.rule, CoefficientRule | PenaltyRule) and not i.stimulus]


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, abs_tol=1e-9)


# --- the file as a whole ------------------------------------------------------------------------


def test_the_file_validates(edition: Edition) -> None:
    assert edition.edition == "kz-2017"
    assert edition.total_max == 100
    assert len(edition.items()) == 80
    assert [c.id for c in edition.criteria] == ["C1", "C2"]
    assert [c.max_for("cgo") for c in edition.criteria] == [80, 20]
    assert [c.max_for("mio") for c in edition.criteria] == [80, 20]


def test_appendix_10_structure(edition: Edition) -> None:
    c1, c2 = edition.criteria
    assert [(g.id, g.max) for g in c1.children] == [("A12-OD", 20), ("A12-B", 20), ("A12-N", 20), ("A12-D", 20)]
    assert [(g.id, g.max) for g in c2.children] == [("A14", 5), ("A15", 10), ("A16", 5)]


def test_levels_and_reporting_penalty_follow_points_15_and_18(edition: Edition) -> None:
    assert sorted(((lv.id, lv.min) for lv in edition.levels), key=lambda x: -x[1]) == [
        ("high", 90),
        ("medium", 70),
        ("low", 50),
        ("ineffective", -1000),
    ]
    assert edition.level_for(89.99).id == "medium"
    assert edition.level_for(90).id == "high"
    assert edition.level_for(49.99).id == "ineffective"
    rp = edition.reporting_penalty
    assert rp is not None and rp.item == "R"
    assert (rp.per_fact, rp.cap) == (0.2, 5)
    assert "15" in rp.source.point


# --- Appendix 12: the portals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("group_id", "cgo", "mio"),
    [("A12-OD", 14.4, 15.4), ("A12-B", 17.8, 14.8), ("A12-N", 8.8, 10.8), ("A12-D", 9, 9)],
)
def test_portal_raw_maxima_from_the_items(edition: Edition, group_id: str, cgo: float, mio: float) -> None:
    g = group(edition, group_id)
    for kind, expected in (("cgo", cgo), ("mio", mio)):
        total = sum(i.weight(kind, lang) for i in leaves(g) for lang in LANGS)
        assert close(total, expected), f"{group_id} {kind}: items add to {total}, the text says {expected}"
    assert g.max == 20


def test_each_portal_table_totals_25_per_language(edition: Edition) -> None:
    """Appendix 12, tables 1 and 2: "Итого 25"."""
    portals = leaves(group(edition, "C1"))
    for kind in ("cgo", "mio"):
        for lang in LANGS:
            assert close(sum(i.weight(kind, lang) for i in portals), 25), (kind, lang)


def test_portal_deductions(edition: Edition) -> None:
    approved_list = item(edition, "A12-OD-1")
    assert approved_list.deductions is None  # all or nothing (point 79)
    for i in leaves(group(edition, "C1")):
        if i.id == "A12-OD-1" or i.id.startswith("A12-D-"):
            continue
        assert i.deductions is not None, i.id
        assert (i.deductions.per, i.deductions.cap_share) == (0.1, 0.75), i.id
    for i in leaves(group(edition, "A12-N")):
        assert i.when_not_applicable == "maximum", i.id


def test_blog_answers_are_banded_as_point_83(edition: Edition) -> None:
    rule = item(edition, "A12-D-2").rule
    assert rule.type == "banded"
    assert [(b.min, b.points, b.exclusive) for b in rule.bands] == [(100, 2, False), (70, 1, True)]
    assert rule.otherwise == 0
    assert rule.interpretation == "a12-blog-exactly-70"
    assert edition.interpretation("a12-blog-exactly-70").default == "zero"


# --- Appendix 14: accessibility -------------------------------------------------------------------


def test_appendix_14_groups_add_to_10(edition: Edition) -> None:
    expected = {"A14-1": 1, "A14-2": 6, "A14-3": 1.6, "A14-4": 1.4}
    a14 = group(edition, "A14")
    assert [g.id for g in a14.children] == list(expected)
    grand = 0.0
    for sub in a14.children:
        assert isinstance(sub, Group)
        items = leaves(sub)
        assert all(not i.per_language for i in items), sub.id
        total = sum(i.weight("cgo", None) for i in items)
        assert close(total, expected[sub.id]), f"{sub.id}: {total}"
        assert close(sum(i.weight("mio", None) for i in items), expected[sub.id])
        grand += total
    assert close(grand, 10)
    assert len(leaves(a14)) == 1 + 11 + 7 + 6


def test_a14_2_3_site_elements(edition: Edition) -> None:
    i = item(edition, "A14-2.3")
    assert i.weight("cgo", None) == 0.45
    assert i.deductions is not None
    assert i.deductions.per == 0.15
    assert i.deductions.amounts == {"broken_sitemap_link": 0.1}
    assert i.deductions.cap_share == 0.5


@pytest.mark.parametrize(
    ("item_id", "per"),
    [
        ("A14-2.1", 0.03),
        ("A14-2.5", 0.25),
        ("A14-2.6", 0.25),
        ("A14-2.7", 0.2),
        ("A14-2.8", 0.2),
        ("A14-2.9", 0.2),
        ("A14-2.10", 0.13),
        ("A14-4.3", 0.15),
    ],
)
def test_a14_per_violation_deductions(edition: Edition, item_id: str, per: float) -> None:
    i = item(edition, item_id)
    assert i.deductions is not None and i.deductions.per == per


def test_a14_special_rules(edition: Edition) -> None:
    assert item(edition, "A14-1.1").obtained == "provider"
    assert item(edition, "A14-2.1").obtained == "check"  # measured when no cross_browser provider is configured
    english = item(edition, "A14-4.5").rule
    assert english.type == "choice"
    assert sorted(english.levels.values()) == [0, 0, 0.15, 0.3]  # home page only, and no English version (none)
    assert english.levels["none"] == 0
    nav = item(edition, "A14-2.2")
    assert "a14-nav-depth" in nav.interpretations
    assert nav.rule.type == "banded" and [(b.min, b.points) for b in nav.rule.bands] == [(50, 0.3)]


# --- Appendix 15: completeness and currency -------------------------------------------------------


@pytest.mark.parametrize(("kind", "sections"), [("cgo", 13), ("mio", 15)])
def test_appendix_15_tables_add_to_50_per_language(edition: Edition, kind: str, sections: int) -> None:
    a15 = group(edition, "A15")
    applying = [i for i in leaves(a15) if i.weight(kind, "kk") > 0]  # type: ignore[arg-type]
    assert len(applying) == sections
    for lang in LANGS:
        total = sum(i.weight(kind, lang) for i in leaves(a15))  # type: ignore[arg-type]
        assert close(total, 50), f"Appendix 15 {kind}/{lang}: {total}"


def test_appendix_15_caps_and_scale(edition: Edition) -> None:
    a15 = group(edition, "A15")
    assert a15.max == 10
    assert a15.combine.scale == {"raw_max": 100}
    assert a15.deduction_cap is not None
    assert (a15.deduction_cap.share, a15.deduction_cap.of) == (0.5, 50)
    for i in leaves(a15):
        assert i.rule.type == "presence" and i.deductions is not None and i.deductions.per == 0.1, i.id
    assert item(edition, "A15-1.6").exemptions[0].tags == ["national_bank"]  # the registry's tag


# --- Appendix 16: mobile version ------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "sections"), [("cgo", 5), ("mio", 7)])
def test_appendix_16_tables_add_to_25_per_language(edition: Edition, kind: str, sections: int) -> None:
    items = scored(leaves(group(edition, "A16")))
    applying = [i for i in items if i.weight(kind, "kk") > 0]  # type: ignore[arg-type]
    assert len(applying) == sections
    for lang in LANGS:
        total = sum(i.weight(kind, lang) for i in items)  # type: ignore[arg-type]
        assert close(total, 25), f"Appendix 16 {kind}/{lang}: {total}"


def test_mobile_coefficient_and_link_back_penalty(edition: Edition) -> None:
    a16 = group(edition, "A16")
    assert a16.combine.coefficient == {"item": "A16-k", "raw_max": 50}
    k = item(edition, "A16-k")
    assert isinstance(k.rule, CoefficientRule) and k.rule.values == [5, 3, 0]
    penalty = item(edition, "A16-2")
    assert penalty in leaves(a16)
    assert isinstance(penalty.rule, PenaltyRule)
    assert penalty.per_language is False and penalty.weight("cgo", None) == 1
    assert a16.deduction_cap is not None and (a16.deduction_cap.share, a16.deduction_cap.of) == (0.5, 25)


# --- titles, sources, interpretations -------------------------------------------------------------


def test_every_node_has_three_titles(edition: Edition) -> None:
    for node in walk(edition.criteria):
        t = node.title
        assert t.ru.strip() and t.kk.strip() and t.en.strip(), node.id
        assert t.kk != t.ru, f"{node.id}: the Kazakh title is the Russian one"
        assert KAZAKH_LETTERS & set(t.kk), f"{node.id}: the Kazakh title has no Kazakh letter: {t.kk}"
        assert node.source.file == SEED, node.id
        assert node.source.point.strip(), node.id


def test_every_interpretation_is_used_and_translated(edition: Edition) -> None:
    used: set[str] = set()
    for node in walk(edition.criteria):
        used.update(node.interpretations)
    for interp in edition.interpretations:
        assert interp.id in used, f"{interp.id} is not referenced by any item or group"
        for text in [interp.question, *interp.options.values()]:
            assert text.ru and text.kk and text.en, interp.id
    ids = {i.id for i in edition.interpretations}
    assert {"a14-nav-depth", "a15-indicator-share", "a15-deduction-cap", "p97-cross-reference"} <= ids
    assert edition.interpretation("p97-cross-reference").default == "point-96"


# --- refusals ---------------------------------------------------------------------------------------


def raw() -> dict[str, Any]:
    with PATH.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def find(node: Any, node_id: str) -> tuple[list[Any], int]:
    """The list holding the node with ``node_id`` and its index there."""
    if isinstance(node, dict):
        for key in ("criteria", "children"):
            if key in node:
                found = find(node[key], node_id)
                if found[0]:
                    return found
    if isinstance(node, list):
        for i, child in enumerate(node):
            if isinstance(child, dict) and child.get("id") == node_id:
                return node, i
            found = find(child, node_id)
            if found[0]:
                return found
    return [], -1


def refused(tmp_path: Path, data: dict[str, Any]) -> list[str]:
    path = tmp_path / "kz-2017-broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(EditionError) as excinfo:
        load_edition(path)
    lines = [str(p) for p in excinfo.value.problems]
    assert all(line.startswith(str(path)) for line in lines)
    assert all("Traceback" not in line for line in lines)
    return lines


def test_the_pristine_copy_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "kz-2017-copy.yaml"
    path.write_text(yaml.safe_dump(raw(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert len(load_edition(path).items()) == 80


def test_a_wrong_weight_is_refused(tmp_path: Path) -> None:
    data = copy.deepcopy(raw())
    holder, i = find(data, "A14-2.3")
    holder[i]["weights"] = 0.5
    lines = refused(tmp_path, data)
    assert any(": A14-2: " in line and "expected 6, actual 6.05" in line for line in lines), lines


def test_a_missing_item_is_refused(tmp_path: Path) -> None:
    data = copy.deepcopy(raw())
    holder, i = find(data, "A15-1.1")
    del holder[i]
    lines = refused(tmp_path, data)
    assert any(": A15: " in line and "raw_max" in line and "expected 100, actual 98" in line for line in lines), lines


def test_a_deduction_cap_above_the_weight_is_refused(tmp_path: Path) -> None:
    data = copy.deepcopy(raw())
    holder, i = find(data, "A14-2.3")
    holder[i]["deductions"]["cap_share"] = 1.5
    lines = refused(tmp_path, data)
    assert any(": A14-2.3: " in line and "deduction cap" in line and "actual 1.5" in line for line in lines), lines


def test_a_deduction_larger_than_the_weight_is_refused(tmp_path: Path) -> None:
    data = copy.deepcopy(raw())
    holder, i = find(data, "A14-2.11")
    holder[i]["deductions"] = {"per": 0.25}
    lines = refused(tmp_path, data)
    assert any(": A14-2.11: " in line and "exceeds the weight" in line for line in lines), lines
