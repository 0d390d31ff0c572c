"""Only the network room opens connections or starts Chromium.

The import-linter contracts ``egress-through-net``, ``aiohttp-serves``, ``scrapy-in-crawler`` and
``replica-serves-only`` name the connecting libraries (refused here by running ``lint-imports`` on a changed copy of the
tree); the standard library's connecting submodules and calls, which import-linter cannot name, are
refused by reading the source.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.architecture.test_layers import ROOT, _lint, tree  # noqa: F401  (the copied tree fixture)

# What connects, by module or by call, anywhere but ashyq/net.
CONNECTING_MODULES = {"urllib.request", "http.client", "socket", "ssl", "asyncio.streams", "playwright"}
CONNECTING_CALLS = {
    "urlopen", "open_connection", "create_connection", "getaddrinfo", "connectTCP", "launch", "ClientSession",
}  # fmt: skip


def _python_files() -> list[Path]:
    """The product's modules and the replica's (which serves, and never fetches)."""
    packages = (ROOT / "ashyq", ROOT / "replica" / "ashyq_replica")
    return sorted(p for package in packages for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def _type_checking_only(tree_: ast.Module) -> set[int]:
    """Line numbers of imports under ``if TYPE_CHECKING:`` (types, not connections)."""
    lines: set[int] = set()
    for node in ast.walk(tree_):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    lines.add(inner.lineno)
    return lines


def connecting_code(path: Path) -> list[str]:
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    source = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = _type_checking_only(source)
    found: list[str] = []
    for node in ast.walk(source):
        if isinstance(node, ast.Import | ast.ImportFrom) and node.lineno not in typing_only:
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if isinstance(node, ast.ImportFrom) and node.module in ("urllib", "http"):
                names += [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                if any(name == m or name.startswith(m + ".") for m in CONNECTING_MODULES):
                    found.append(f"{where}:{node.lineno} imports {name}")
        if isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called in CONNECTING_CALLS:
                found.append(f"{where}:{node.lineno} calls {called}")
    return found


def test_nothing_outside_the_network_room_connects() -> None:
    offenders = [
        line
        for path in _python_files()
        if not path.is_relative_to(ROOT / "ashyq" / "net")
        for line in connecting_code(path)
    ]
    assert offenders == []


def test_the_source_reading_sees_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "import urllib.request\n"
        "from http import client\n"
        "if TYPE_CHECKING:\n"
        "    from playwright.async_api import Page\n"
        "async def f(loop):\n"
        "    await loop.getaddrinfo('x', 80)\n",
        encoding="utf-8",
    )
    found = [line.split(" ", 1)[1] for line in connecting_code(sample)]
    assert found == ["imports urllib.request", "imports http.client", "calls getaddrinfo"]


@pytest.mark.parametrize(
    ("module", "line", "refused"),
    [
        ("ashyq/gather/pages.py", "import playwright.async_api", "ashyq.gather.pages -> playwright"),
        ("ashyq/declared/verify.py", "import socket", "ashyq.declared.verify -> socket"),
        ("ashyq/cli/check_page.py", "import requests", "ashyq.cli.check_page -> requests"),
        ("ashyq/pipeline/audit.py", "import scrapy", "ashyq.pipeline.audit -> scrapy"),
        ("ashyq_replica/hostile.py", "import socket", "ashyq_replica.hostile -> socket"),
    ],
)
def test_a_connecting_import_outside_the_network_room_is_refused(
    tree: Path,  # noqa: F811
    module: str,
    line: str,
    refused: str,
) -> None:
    result = _lint(tree, module, line)
    assert result.returncode == 1, result.stdout
    assert refused in result.stdout
