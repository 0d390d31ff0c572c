"""No function of the product is over 80 lines unless the comment above it says why.

A long function is usually two ideas; where it is one on purpose (a migration that records a schema
as it was), the reason is written above it, starting ``Over 80 lines, on purpose:``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 80
REASON = "Over 80 lines, on purpose:"


def long_functions(path: Path, root: Path = ROOT) -> list[str]:
    """``path:line name (N lines)`` for each function over the limit with no reason above it."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length <= LIMIT:
            continue
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)]) - 1  # 0-based line of the def
        above = []
        for line in reversed(lines[:first]):
            if not line.strip().startswith("#"):
                break
            above.append(line.strip())
        if not any(REASON in line for line in above):
            found.append(f"{path.relative_to(root)}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_no_function_of_the_product_is_over_80_lines_without_a_reason() -> None:
    offenders = [line for path in sorted((ROOT / "ashyq").rglob("*.py")) for line in long_functions(path)]
    assert offenders == []


def test_a_long_function_is_found_and_a_reason_above_it_is_read(tmp_path: Path) -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(LIMIT))
    plain = tmp_path / "plain.py"
    plain.write_text(f"def long() -> None:\n{body}\n", encoding="utf-8")
    reasoned = tmp_path / "reasoned.py"
    reasoned.write_text(
        f"# {REASON} a table written out\n@staticmethod\ndef long() -> None:\n{body}\n", encoding="utf-8"
    )
    assert long_functions(plain, tmp_path) == [f"plain.py:1 long ({LIMIT + 1} lines)"]
    assert long_functions(reasoned, tmp_path) == []
