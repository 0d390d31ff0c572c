"""The 2025 edition (ashyq/config/methodology/kz-2025.yaml) against the printed tables of Appendix 10.

The literal numbers below are copied from the legal text (seed 000, Appendices 7 and 10), not
computed from the data file, so a wrong weight in the file fails here even when its sums still
add up.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from ashyq.base.vocabulary import LANGS
from ashyq.methodology.edition import Edition, Item, walk
from ashyq.methodology.validate import EditionError, evaluate_formula, load_edition
from ashyq.scoring.engine import score_run
from ashyq.scoring.findings import FindingsFile

EDITION_FILE = Path(__file__).resolve().parents[2] / "ashyq" / "config" / "methodology" / "kz-2025.yaml"

# Every item id of the edition, in document order.
ITEM_IDS = [
    *(f"T1-{n}" for n in range(1, 7)),
    *(f"T2-{n}" for n in range(1, 12)),
    *(f"T3-{n}" for n in range(1, 8)),
    *(f"T4-{n}" for n in range(1, 7)),
    *(f"T5-{n}" for n in range(1, 5)),
    "T6-1",
    "T6-2",
    "T6-3",
    "T6-4.1",
    "T6-4.2",
    "T6-4.3",
    "T6-4.4",
    *(f"T7-{n}" for n in range(1, 7)),
    "T7.1-1",
    "T7.1-2",
    "T7.1-3",
    "T7.1-4",
    "T9-1",
    "T10-1",
    "T10-2",
    "T10-3",
    "T11-1",
    "T11-2",
]

# Row weights per language as printed (kk and ru are equal in every row): item -> (cgo, mio);
# None where the row does not apply to that kind.
PRINTED_WEIGHTS: dict[str, tuple[float | None, float | None]] = {
    # Table 1 (CGO and MIO)
    "T1-1": (2.5, 2.5),
    "T1-2": (1, 1),
    "T1-3": (3, 3),
    "T1-4": (2, 2),
    "T1-5": (0.5, 0.5),
    "T1-6": (1, 1),
    # Table 2 (CGO)
    "T2-1": (1.5, None),
    "T2-2": (0.5, None),
    "T2-3": (0.5, None),
    "T2-4": (0.5, None),
    "T2-5": (0.5, None),
    "T2-6": (0.5, None),
    "T2-7": (0.5, None),
    "T2-8": (0.5, None),
    "T2-9": (0.5, None),
    "T2-10": (1.5, None),
    "T2-11": (2, None),
    # Table 3 (MIO)
    "T3-1": (None, 2),
    "T3-2": (None, 2),
    "T3-3": (None, 0.5),
    "T3-4": (None, 0.5),
    "T3-5": (None, 0.5),
    "T3-6": (None, 1.5),
    "T3-7": (None, 2),
    # Table 4 (CGO)
    "T4-1": (1, None),
    "T4-2": (1, None),
    "T4-3": (1, None),
    "T4-4": (3.5, None),
    "T4-5": (1.5, None),
    "T4-6": (1, None),
    # Table 5 (MIO)
    "T5-1": (None, 2),
    "T5-2": (None, 1.5),
    "T5-3": (None, 4),
    "T5-4": (None, 1.5),
    # Table 6 (CGO and MIO; 4.3: "для ЦИО 0,5 / для МИО 1"; 4.4: MIO not assessed)
    "T6-1": (2.5, 2.5),
    "T6-2": (1.5, 1.5),
    "T6-3": (2, 2),
    "T6-4.1": (1, 1),
    "T6-4.2": (1, 1),
    "T6-4.3": (0.5, 1),
    "T6-4.4": (0.5, None),
    # Table 7
    "T7-1": (1.5, 1.5),
    "T7-2": (1.5, 1.5),
    "T7-3": (1.5, 1.5),
    "T7-4": (1.5, 1.5),
    "T7-5": (1.5, 1.5),
    "T7-6": (1.5, 1.5),
    # Table 7-1: A 2.5, B 1, D 1.5 as printed; C is a share (point 83), at most 1
    "T7.1-1": (2.5, 2.5),
    "T7.1-2": (1, 1),
    "T7.1-3": (1, 1),
    "T7.1-4": (1.5, 1.5),
    # Tables 9-11 (penalties, CGO subordinate organisations only)
    "T9-1": (1.5, None),
    "T10-1": (0.5, None),
    "T10-2": (0.5, None),
    "T10-3": (0.5, None),
    "T11-1": (0.5, None),
    "T11-2": (1, None),
}

# Appendix 7: criterion maxima (C7 is a penalty of at most 9, CGOs only).
CRITERION_MAX = {"C1": 18, "C2": 18, "C3": 18, "C4": 18, "C5": 18, "C6": 10, "C7": 0}
PER_LANGUAGE_MAX = {"C1": 9, "C2": 9, "C3": 9, "C4": 9, "C5": 9, "C6": 5}

# The documented exemption tags (listed, with their meaning, in the edition file's header).
DOCUMENTED_TAGS = {
    "defence",
    "foreign_affairs",
    "emergencies",
    "internal_affairs",
    "justice",
    "national_bank",
    "budget_restricted",
}

KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
RUSSIAN_WORD = re.compile("[А-Яа-яЁё]{3,}")


@pytest.fixture(scope="module")
def edition() -> Edition:
    return load_edition(EDITION_FILE)


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load(EDITION_FILE.read_text(encoding="utf-8"))


def nodes(edition: Edition) -> dict[str, Any]:
    return {n.id: n for n in walk(edition.criteria)}


def items(edition: Edition) -> dict[str, Any]:
    return {i.id: i for i in edition.items()}


# ---------------------------------------------------------------- the file as a whole


def test_file_validates_with_every_item(edition: Edition) -> None:
    assert edition.edition == "kz-2025"
    assert [i.id for i in edition.items()] == ITEM_IDS
    assert len(edition.items()) == 57
    assert edition.total_max == 100
    assert edition.languages == ["kk", "ru"]


def test_criteria_maxima_as_in_appendix_7(edition: Edition) -> None:
    assert [c.id for c in edition.criteria] == list(CRITERION_MAX)
    for c in edition.criteria:
        assert c.max_for("cgo") == CRITERION_MAX[c.id], c.id
        expected_mio = 0 if c.id == "C7" else CRITERION_MAX[c.id]
        assert c.max_for("mio") == expected_mio, c.id
    c7 = nodes(edition)["C7"]
    assert c7.applies_to == ["cgo"]
    assert c7.combine.penalty_cap == 9


def test_levels_and_reporting_penalty(edition: Edition) -> None:
    assert {lv.id: lv.min for lv in edition.levels if lv.id != "ineffective"} == {
        "high": 90,
        "medium": 70,
        "low": 50,
    }
    assert edition.level_for(89.99).id == "medium"
    assert edition.level_for(49.99).id == "ineffective"
    rp = edition.reporting_penalty
    assert rp is not None
    # 0.2 a fact under the default reading of reporting-penalty-basis (nothing when it is not applied)
    assert (rp.item, rp.cap) == ("R", 5)
    assert not isinstance(rp.per_fact, float) and rp.per_fact.values == {"kept-in-practice": 0.2, "not-applied": 0}
    assert rp.source.file.startswith("001_")


# ---------------------------------------------------------------- printed weights


@pytest.mark.parametrize("item_id", list(PRINTED_WEIGHTS))
def test_row_weight_as_printed(edition: Edition, item_id: str) -> None:
    item = items(edition)[item_id]
    cgo, mio = PRINTED_WEIGHTS[item_id]
    for kind, expected in (("cgo", cgo), ("mio", mio)):
        for lang in LANGS:
            assert item.weight(kind, lang) == (expected or 0), f"{item_id} {kind}/{lang}"


def _per_language_sum(edition: Edition, criterion: str, kind: str, lang: str) -> float:
    group = nodes(edition)[criterion]
    total = 0.0
    for node in walk([group]):
        regular = isinstance(node, Item) and not node.stimulus and node.rule.type != "penalty"
        if regular and node.symbol is None:
            total += node.weight(kind, lang)
    return total


@pytest.mark.parametrize("criterion", ["C1", "C2", "C3", "C4", "C5"])
@pytest.mark.parametrize("kind", ["cgo", "mio"])
@pytest.mark.parametrize("lang", LANGS)
def test_sum_criteria_nine_per_language(edition: Edition, criterion: str, kind: str, lang: str) -> None:
    assert _per_language_sum(edition, criterion, kind, lang) == PER_LANGUAGE_MAX[criterion]


def test_table_6_sums_for_both_kinds(edition: Edition) -> None:
    # Table 6: 2.5 + 1.5 + 2 + (1 + 1 + 0.5 + 0.5) = 9 for a CGO, 2.5 + 1.5 + 2 + (1 + 1 + 1) = 9 for an MIO
    for lang in LANGS:
        assert _per_language_sum(edition, "C4", "cgo", lang) == 9
        assert _per_language_sum(edition, "C4", "mio", lang) == 9
    meetings = nodes(edition)["C4-4"]
    assert meetings.max_for("cgo") == 6 and meetings.max_for("mio") == 6


def test_open_data_stimulus(edition: Edition) -> None:
    t16 = items(edition)["T1-6"]
    assert t16.stimulus is True
    # rows 1, 3 and 6 carry the asterisk: no datasets in the list -> maximum
    for item_id in ("T1-1", "T1-3", "T1-6"):
        assert items(edition)[item_id].when_not_applicable == "maximum", item_id
    for item_id in ("T1-1", "T1-3"):
        assert items(edition)[item_id].rule.type == "proportional", item_id


def test_budget_statements_deductions(edition: Edition) -> None:
    t21 = items(edition)["T2-1"]
    assert t21.deductions is not None
    assert t21.deductions.per == 0.3 and t21.deductions.cap_share == 1
    assert 5 * t21.deductions.per == pytest.approx(t21.weight("cgo", "kk"))


def test_npa_publicity_levels(edition: Edition) -> None:
    rule = items(edition)["T4-6"].rule
    assert rule.type == "choice"
    assert sorted(rule.levels.values(), reverse=True) == [1, 0.8, 0.6, 0.4]


def test_blog_bands(edition: Edition) -> None:
    rule = items(edition)["T6-2"].rule
    assert rule.type == "banded"
    assert [(b.min, b.points, b.exclusive) for b in rule.bands] == [
        (50, 1.5, True),
        (25, 1, True),
        (10, 0.5, True),
    ]
    assert rule.otherwise == 0.3


def test_media_formula_and_bands(edition: Edition) -> None:
    c6 = nodes(edition)["C6"]
    assert c6.combine.formula.replace(" ", "") == "(A+B)*C+D"
    symbols = {i.symbol: i for i in c6.children if isinstance(i, Item)}
    assert set(symbols) == {"A", "B", "C", "D"}
    for kind in ("cgo", "mio"):
        total = sum(
            evaluate_formula("(A + B) * C + D", {s: i.weight(kind, lang) for s, i in symbols.items()}) for lang in LANGS
        )
        assert total == 10, kind
    a_rule = symbols["A"].rule
    assert a_rule.min_denominator.values == {"at-least-12": 12, "held": 0}
    assert symbols["B"].rule.when_zero == "maximum"
    assert symbols["C"].rule.min_denominator == 100
    d_rule = symbols["D"].rule
    assert [(b.min, b.points) for b in d_rule.bands] == [
        (80, 1.5),
        (69, 1),
        (58, 0.8),
        (47, 0.6),
        (36, 0.4),
    ]
    assert d_rule.bands[0].exclusive is True
    assert d_rule.otherwise == 0
    assert d_rule.interpretation == "media-d-gaps"
    for symbol in ("A", "B", "C", "D"):
        assert symbols[symbol].obtained == "declared", symbol


def test_subordinate_penalties(edition: Edition) -> None:
    by_id = nodes(edition)
    for group_id, items_ in (
        ("C7-T9", ["T9-1"]),
        ("C7-T10", ["T10-1", "T10-2", "T10-3"]),
        ("C7-T11", ["T11-1", "T11-2"]),
    ):
        group = by_id[group_id]
        assert group.combine.penalty_cap == 3, group_id
        assert [c.id for c in group.children] == items_
        for item_id in items_:
            item = by_id[item_id]
            assert item.rule.type == "penalty" and item.applies_to == ["cgo"], item_id


def test_exemptions(edition: Edition) -> None:
    by_id = items(edition)
    t63 = [(tuple(e.tags), e.award) for e in by_id["T6-3"].exemptions]
    assert t63 == [(("defence",), "cgo_average")]
    for item_id in ("T6-4.1", "T6-4.2", "T6-4.3", "T6-4.4"):
        tags = {t for e in by_id[item_id].exemptions for t in e.tags}
        assert tags == {"defence", "foreign_affairs", "emergencies", "internal_affairs", "justice"}, item_id
        assert {e.award for e in by_id[item_id].exemptions} == {"cgo_average"}
    assert by_id["T6-4.4"].applies_to == ["cgo"]
    nb = {i for i, it in by_id.items() if any("national_bank" in e.tags for e in it.exemptions)}
    assert nb == {"T2-2", "T2-3", "T2-4", "T2-5", "T2-8", "T2-9", "T2-10", "T2-11"}
    budget = [i for i in ITEM_IDS if i.startswith(("T2-", "T3-"))]
    for item_id in budget:
        awards = {e.award for e in by_id[item_id].exemptions if "budget_restricted" in e.tags}
        assert awards == {"all_average"}, item_id


def test_exemption_tags_are_documented(edition: Edition) -> None:
    used = {t for i in edition.items() for e in i.exemptions for t in e.tags}
    assert used <= DOCUMENTED_TAGS, used - DOCUMENTED_TAGS
    header = EDITION_FILE.read_text(encoding="utf-8").split("\nedition:", 1)[0]
    for tag in DOCUMENTED_TAGS:
        assert f"tag `{tag}`" in header, f"tag {tag} is not documented in the file header"


# ---------------------------------------------------------------- texts and interpretations


def test_every_node_has_three_titles_and_kazakh_letters(edition: Edition) -> None:
    for node in walk(edition.criteria):
        for lang in ("ru", "kk", "en"):
            assert getattr(node.title, lang).strip(), f"{node.id}: empty {lang} title"
        if RUSSIAN_WORD.search(node.title.ru):
            assert KAZAKH_LETTERS.search(node.title.kk), f"{node.id}: kk title has no Kazakh letter"
            assert node.title.kk != node.title.ru, f"{node.id}: kk title copies the ru one"
        assert node.source.file in {"000_12c86a9f7dcd6cb4.txt"}, node.id
        assert node.source.point.strip(), node.id


def test_interpretations_have_defaults_and_texts(raw: dict) -> None:
    interps = raw["interpretations"]
    assert len(interps) >= 10
    for interp in interps:
        assert interp["default"] in interp["options"], interp["id"]
        assert len(interp["options"]) >= 2, interp["id"]
        for text in [interp["question"], *interp["options"].values()]:
            wording = {k: v for k, v in text.items() if k != "set"}  # an option may also carry data overrides
            assert set(wording) == {"ru", "kk", "en"} and all(str(v).strip() for v in wording.values()), interp["id"]
            assert KAZAKH_LETTERS.search(text["kk"]) or not RUSSIAN_WORD.search(text["ru"]), interp["id"]


def test_interpretations_are_referenced(edition: Edition) -> None:
    referenced: set[str] = set()
    for node in walk(edition.criteria):
        referenced.update(node.interpretations)
        if isinstance(node, Item):
            rule = node.rule
            if getattr(rule, "interpretation", None):
                referenced.add(rule.interpretation)
            md = getattr(rule, "min_denominator", None)
            if md is not None and not isinstance(md, float | int):
                referenced.add(md.by_interpretation)
    defined = {i.id for i in edition.interpretations}
    # the reporting penalty sits outside the tree; its interpretation is the only unreferenced one
    assert defined - referenced == {"reporting-penalty-basis"}
    for required in (
        "opendata-proportional",
        "opendata-stimulus-cap",
        "media-a-denominator",
        "media-b-formula",
        "media-d-gaps",
        "subordinate-once",
        "dialogue-defence-award",
        "budget-nb-award",
    ):
        assert required in defined, required


# ---------------------------------------------------------------- broken copies are refused


def _refused(tmp_path: Path, data: dict) -> list[str]:
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(EditionError) as err:
        load_edition(path)
    return [str(p) for p in err.value.problems]


def _find(data: dict, node_id: str) -> tuple[list, int]:
    def visit(children: list) -> tuple[list, int] | None:
        for n, child in enumerate(children):
            if child["id"] == node_id:
                return children, n
            found = visit(child.get("children", []))
            if found:
                return found
        return None

    found = visit(data["criteria"])
    assert found is not None, node_id
    return found


def test_wrong_weight_is_refused(tmp_path: Path, raw: dict) -> None:
    data = copy.deepcopy(raw)
    siblings, n = _find(data, "T6-1")
    siblings[n]["weights"] = {"kk": 3, "ru": 2.5}  # the table prints 2,5 | 2,5
    problems = _refused(tmp_path, data)
    assert any(
        p.endswith("C4: children's maxima for cgo do not add up to the group's: expected 18, actual 18.5")
        for p in problems
    ), problems


def test_missing_item_is_refused(tmp_path: Path, raw: dict) -> None:
    data = copy.deepcopy(raw)
    siblings, n = _find(data, "T7-6")
    del siblings[n]
    problems = _refused(tmp_path, data)
    for kind in ("cgo", "mio"):
        assert any(
            p.endswith(f"C5: children's maxima for {kind} do not add up to the group's: expected 18, actual 15")
            for p in problems
        ), problems


def test_deduction_cap_above_weight_is_refused(tmp_path: Path, raw: dict) -> None:
    data = copy.deepcopy(raw)
    siblings, n = _find(data, "T2-1")
    siblings[n]["deductions"] = {"per": 0.3, "cap_share": 1.5}
    problems = _refused(tmp_path, data)
    assert any(
        p.endswith("T2-1: deduction cap must be a share of the weight in (0, 1]: expected <= 1, actual 1.5")
        for p in problems
    ), problems


SUBORDINATE_ROWS = ("T9-", "T10-", "T11-")


def _meets_everything(edition: Edition, kind: str, subordinates: str | None) -> FindingsFile:
    """A body that meets every row it is scored on; its subordinates' rows (T9–T11) have the status
    ``subordinates`` (None: not assessed, no finding)."""
    findings = []
    for item in edition.items():
        if item.applies_to is not None and kind not in item.applies_to:
            continue
        status = subordinates if item.id.startswith(SUBORDINATE_ROWS) else "pass"
        if status is None:
            continue
        for lang in ["kk", "ru"] if item.per_language else [None]:
            findings.append({"body": "b", "item": item.id, "lang": lang, "status": status, "measured": {"value": 100}})
    return FindingsFile.model_validate({"bodies": [{"id": "b", "kind": kind}], "findings": findings})


def test_subordinates_not_assessed_are_up_to_minus_9_not_100_percent(edition: Edition) -> None:
    """000, Appendix 7 row 7 (line 304): «Открытость подведомственных организаций - 9». A CGO whose
    subordinates are unknown keeps its points (a penalty not assessed is never taken), but the score's
    range reaches 9 lower and its coverage is below 100 % (issue 26, item 10)."""
    body = score_run(_meets_everything(edition, "cgo", None), edition).bodies[0]
    assert body.final == pytest.approx(body.max)
    assert body.penalty_not_assessed == pytest.approx(9)
    assert body.penalty_span == pytest.approx(9)
    assert body.coverage == pytest.approx(1 - 9 / (body.max + 9))
    penalised = {e["item"] for e in body.not_assessed if e.get("penalty")}
    assert penalised == {"T9-1", "T10-1", "T10-2", "T10-3", "T11-1", "T11-2"}
    data = body.as_dict()
    assert data["penalty_not_assessed"] == pytest.approx(9) and data["coverage"] < 1
    subordinates = next(c for c in data["criteria"] if c["id"] == "C7")
    assert subordinates["penalty_not_assessed"] == pytest.approx(9)
    # an MIO is not scored on subordinates: nothing of the kind is unknown
    mio = score_run(_meets_everything(edition, "mio", None), edition).bodies[0]
    assert (mio.penalty_not_assessed, mio.penalty_span, mio.coverage) == (0, 0, 1)


@pytest.mark.parametrize(("status", "penalty"), [("pass", 0), ("fail", 9)])
def test_subordinates_assessed_leave_nothing_unknown(edition: Edition, status: str, penalty: float) -> None:
    body = score_run(_meets_everything(edition, "cgo", status), edition).bodies[0]
    assert body.penalty_not_assessed == 0
    assert body.coverage == pytest.approx(1)
    assert body.final == pytest.approx(body.max - penalty)
