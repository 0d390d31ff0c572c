"""Every deficiency and every reason a check gives names its catalogue message (``Said``), so the
conclusion, the dashboard, the served application and the exports can say it in Kazakh and Russian.

Read from the source of ``ashyq/checks``: the message of each ``Deficiency(…)``, the ``reason=`` of
each ``Result(…)`` and the reason of each ``not_assessed(…)`` must be a ``Said(…)``, or come from
something typed ``Said`` (a parameter, a variable, a dataclass field or a function's return
annotated so: mypy then holds the value to it), or be ``None``; a conditional of such is one too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "ashyq" / "checks"
# path relative to the project → why its messages carry no key yet (keep this short, or empty)
NOT_YET = "not converted yet (issue 28 item 4 goes family by family): its findings are shown in English"
EXEMPT: dict[str, str] = {}


def _annotated_said(node: ast.expr | None) -> bool:
    return node is not None and "Said" in ast.unparse(node)


def said_names(paths: list[Path]) -> tuple[set[str], set[str]]:
    """Functions returning ``Said`` and class fields typed ``Said``, by name, across ``paths``."""
    functions: set[str] = set()
    fields: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and _annotated_said(node.returns):
                functions.add(node.name)
            if isinstance(node, ast.Module):  # a module's constants given as Said, imported elsewhere by name
                for statement in node.body:
                    value = statement.value if isinstance(statement, ast.Assign | ast.AnnAssign) else None
                    target = (
                        statement.targets[0]
                        if isinstance(statement, ast.Assign)
                        else getattr(statement, "target", None)
                    )
                    if (
                        isinstance(value, ast.Call)
                        and isinstance(target, ast.Name)
                        and ast.unparse(value.func) == "Said"
                    ):
                        fields.add(target.id)
            if isinstance(node, ast.ClassDef):
                for statement in node.body:
                    typed = isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name)
                    if typed and _annotated_said(statement.annotation):  # type: ignore[union-attr]
                        fields.add(statement.target.id)  # type: ignore[union-attr]
    return functions, fields


Scope = ast.Module | ast.FunctionDef


# helpers that hand on the reason their callers give (each call of them is judged in its place)
FORWARDERS = {"not_assessed": 2, "result": 6}


class _Judge:
    def __init__(self, functions: set[str], fields: set[str]):
        self.functions, self.fields = functions, fields

    def worded(self, node: ast.expr, scopes: list[Scope]) -> bool:
        if isinstance(node, ast.Constant) and node.value is None:
            return True
        if isinstance(node, ast.Call):
            callee = node.func
            name = (
                callee.id if isinstance(callee, ast.Name) else callee.attr if isinstance(callee, ast.Attribute) else ""
            )
            return name == "Said" or name in self.functions
        if isinstance(node, ast.IfExp):
            return self.worded(node.body, scopes) and self.worded(node.orelse, scopes)
        if isinstance(node, ast.BoolOp):
            return all(self.worded(value, scopes) for value in node.values)
        if isinstance(node, ast.NamedExpr):
            return self.worded(node.value, scopes)
        if isinstance(node, ast.Attribute):
            return node.attr in self.fields
        if isinstance(node, ast.Name):
            return node.id in self.fields or any(self._name_worded(node.id, scope) for scope in reversed(scopes))
        return False

    def _name_worded(self, name: str, scope: Scope) -> bool:
        if isinstance(scope, ast.FunctionDef):
            arguments = scope.args
            for argument in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
                if argument.arg == name:
                    return scope.name in FORWARDERS or _annotated_said(argument.annotation)
        values: list[ast.expr] = []
        # a module's own names are its top-level statements; a function's, anywhere in it
        nodes = scope.body if isinstance(scope, ast.Module) else list(ast.walk(scope))
        for node in nodes:
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
                if _annotated_said(node.annotation):
                    return True
                if node.value is not None:
                    values.append(node.value)
            elif (
                isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
            ) or (isinstance(node, ast.NamedExpr) and node.target.id == name):
                values.append(node.value)
        return bool(values) and all(self.worded(value, [scope]) for value in values)


def _calls(tree: ast.AST, scopes: list[Scope]) -> Iterator[tuple[ast.Call, list[Scope]]]:
    for child in ast.iter_child_nodes(tree):
        inner = [*scopes, child] if isinstance(child, ast.FunctionDef) else scopes
        if isinstance(child, ast.Call):
            yield child, scopes
        yield from _calls(child, inner)


def _given(call: ast.Call) -> tuple[str, ast.expr] | None:
    """What the call says in words: (what, the expression), or None for a call that says nothing."""
    callee = call.func
    name = callee.id if isinstance(callee, ast.Name) else ""
    keywords = {k.arg: k.value for k in call.keywords if k.arg}
    if name == "Deficiency":
        given = call.args[0] if call.args else keywords.get("message")
        return ("Deficiency message", given) if given is not None else None
    if name == "Result":
        given = call.args[6] if len(call.args) > 6 else keywords.get("reason")
        return ("Result reason", given) if given is not None else None
    if name in FORWARDERS:
        place = FORWARDERS[name]
        given = call.args[place] if len(call.args) > place else keywords.get("reason")
        return (f"{name} reason", given) if given is not None else None
    return None


def unworded(paths: list[Path], root: Path = ROOT) -> list[str]:
    """``path:line what: the expression`` for each message or reason given without its key."""
    judge = _Judge(*said_names(paths))
    out = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call, scopes in _calls(tree, [tree]):
            given = _given(call)
            if given is not None and not judge.worded(given[1], scopes):
                out.append(f"{path.relative_to(root)}:{call.lineno} {given[0]}: {ast.unparse(given[1])[:80]}")
    return out


def check_sources() -> list[Path]:
    return sorted(p for p in CHECKS.rglob("*.py") if str(p.relative_to(ROOT)) not in EXEMPT)


def test_every_deficiency_and_reason_of_the_checks_names_its_message() -> None:
    missing = unworded(check_sources())
    assert not missing, f"{len(missing)} messages or reasons without a key (give them as Said):\n" + "\n".join(missing)


def test_the_rule_tells_a_keyed_message_from_a_bare_one(tmp_path: Path) -> None:
    source = tmp_path / "check.py"
    source.write_text(
        "NONE = Said('none', 'reason.none')\n"
        "BARE = 'bare'\n"
        "def why(x) -> Said | None:\n"
        "    return Said('no', 'reason.x')\n"
        "def run(message: Said, plain: str):\n"
        "    problem = why(1)\n"
        "    Deficiency(Said(f'a {1}', 'deficiency.a', n=1), kind='a')\n"
        "    Deficiency(message)\n"
        "    not_assessed('A', 'kk', problem or Said('x', 'reason.y'))\n"
        "    Result('A', 'kk', 'not_applicable', reason=None)\n"
        "    Deficiency(f'bare {plain}')\n"
        "    Deficiency(plain)\n"
        "    not_assessed('A', 'kk', 'bare reason')\n"
        "    Result('A', 'kk', 'not_applicable', reason=problem or plain)\n"
        "    not_assessed('A', 'kk', NONE)\n"
        "    not_assessed('A', 'kk', BARE)\n"
        "    Result('A', 'kk', 'fail', {}, [], [], plain)\n",
        encoding="utf-8",
    )
    found = [line.split(" ", 1)[0].rsplit(":", 1)[1] for line in unworded([source], tmp_path)]
    assert found == ["11", "12", "13", "14", "16", "17"]
