"""A check is told its item: the item ids are written where a check registers and nowhere else in
its code, and a check serving a CGO/MIO pair is told the item of the body's kind."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

from ashyq.base.artifacts import BodyArtifacts
from ashyq.checks.edition_index import item_kinds
from ashyq.checks.registry import Check, check_for, checks
from ashyq.checks.result import Result

CHECKS_DIR = Path(__file__).resolve().parents[2] / "ashyq" / "checks"
# the editions' item ids: A12-B-9, A14-2.4, A15-1.3, A16-k, T2-9, T7.1-2, F-1
ITEM_ID = re.compile(r"\b(?:A1[2-6]|T\d+(?:\.\d+)?|F)-[\w.]+")


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _in_registrations(tree: ast.AST) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name == "register":
                inside.update(id(sub) for sub in ast.walk(node))
    return inside


def item_literals(path: Path) -> list[str]:
    """The item ids a module's strings name outside its ``register(...)`` calls (docstrings aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = _docstrings(tree) | _in_registrations(tree)
    return [
        f"{path.name}:{node.lineno}: {hit.group(0)}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in allowed
        for hit in ITEM_ID.finditer(node.value)
    ]


def test_no_check_names_an_item_outside_its_registration() -> None:
    found = [hit for path in sorted(CHECKS_DIR.rglob("*.py")) for hit in item_literals(path)]
    assert not found, "item ids outside register(...):\n" + "\n".join(found)


def test_the_rule_sees_an_item_named_in_a_check_body(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    source = (
        '@register("x", "1", ["T2-9"])\n'
        "def run(artifacts, item):\n"
        '    """Table 2 row 9 (T2-9)."""\n'
        '    return item == "T3-5"\n'
    )
    module.write_text(source, encoding="utf-8")
    assert [hit.split(": ")[-1] for hit in item_literals(module)] == ["T3-5"]


def _pairs() -> list[Check]:
    return [check for check in checks() if check.by_kind]


def test_the_portal_pairs_are_registered_as_pairs() -> None:
    assert {dict(check.by_kind)["cgo"] for check in _pairs()} >= {"T2-9", "T4-2"}


@pytest.mark.parametrize("check", _pairs(), ids=lambda c: c.id)
def test_a_pair_serves_each_kind_its_own_item(check: Check) -> None:
    told: dict[str, str] = {}

    def spy(data: BodyArtifacts, item: str) -> list[Result]:
        told[data.kind] = item
        return []

    original = check.run
    object.__setattr__(check, "run", spy)
    try:
        for kind in ("cgo", "mio"):
            check.apply(BodyArtifacts("b", kind, date(2026, 11, 20)))
    finally:
        object.__setattr__(check, "run", original)
    assert told == dict(check.by_kind)
    for kind, item in told.items():
        assert kind in item_kinds(item), f"{check.id}: {item} is not an item of a {kind}"
        assert check.items_for(kind) == [item]


def test_a_check_of_one_item_is_told_that_item() -> None:
    check = check_for("A14-2.4")
    assert check is not None
    assert check.told("cgo") == check.told("subordinate") == "A14-2.4"


@pytest.mark.parametrize("check", checks(), ids=lambda c: c.id)
def test_a_check_cites_its_row(check: Check) -> None:
    said = (check.run.__doc__ or "").strip()
    assert re.match(r"(Table|Appendix|Feedback indicator) ", said), f"{check.id}: no docstring citing its row"
