"""The command line is thin: it parses options, calls the pipeline and prints.

Import-linter keeps ``ashyq.cli`` from importing the store and the network room (the ``thin-cli``
contract of ``pyproject.toml``, proved here to refuse such an import). Writing a file is not an
import, so this test reads every module of ``ashyq/cli/`` and refuses the calls that write one:
``.write_text(``, ``.write_bytes(``, ``open(`` with a mode that writes, ``.mkdir(``, shutil's
copies and moves, ``json.dump(`` and ``yaml.dump(``/``yaml.safe_dump(`` to a file. The files a
command writes are written by ``ashyq.pipeline`` (or the stage it calls)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.architecture.test_layers import _lint, tree  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "ashyq" / "cli"
WRITING_METHODS = {"write_text", "write_bytes", "mkdir"}
SHUTIL_WRITES = {"copy", "copy2", "copyfile", "copyfileobj", "copytree", "move"}


def _mode(call: ast.Call, position: int) -> str | None:
    """The mode given to an ``open`` call (``position``: where it stands among the arguments)."""
    for keyword in call.keywords:
        if keyword.arg == "mode" and isinstance(keyword.value, ast.Constant):
            return str(keyword.value.value)
    if len(call.args) > position and isinstance(call.args[position], ast.Constant):
        return str(call.args[position].value)
    return None


def file_writes(source: str, name: str = "<source>") -> list[str]:
    """Each call of ``source`` that writes a file, as ``name:line what``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func, said = node.func, None
        if isinstance(func, ast.Attribute):
            owner = func.value.id if isinstance(func.value, ast.Name) else None
            if func.attr in WRITING_METHODS:
                said = f".{func.attr}("
            elif owner == "shutil" and func.attr in SHUTIL_WRITES:
                said = f"shutil.{func.attr}("
            elif owner == "json" and func.attr == "dump":
                said = "json.dump("
            elif (
                owner == "yaml"
                and func.attr in ("dump", "safe_dump")
                and (len(node.args) > 1 or any(k.arg == "stream" for k in node.keywords))
            ):
                said = f"yaml.{func.attr}( to a file"
            elif func.attr == "open" and set(_mode(node, 0) or "r") & set("wax+"):
                said = f".open({_mode(node, 0)!r})"
        elif isinstance(func, ast.Name) and func.id == "open" and set(_mode(node, 1) or "r") & set("wax+"):
            said = f"open(…, {_mode(node, 1)!r})"
        if said:
            found.append(f"{name}:{node.lineno} {said}")
    return found


def test_no_command_writes_a_file_itself() -> None:
    found = [hit for path in sorted(CLI.glob("*.py")) for hit in file_writes(path.read_text("utf-8"), path.name)]
    assert not found, f"the command line writes files itself (move the writing into ashyq.pipeline): {found}"


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("out.write_text(payload)", ".write_text("),
        ("(folder / 'a.bin').write_bytes(data)", ".write_bytes("),
        ("out.parent.mkdir(parents=True, exist_ok=True)", ".mkdir("),
        ("handle = open(path, 'w')", "open(…, 'w')"),
        ("handle = open(path, mode='ab')", "open(…, 'ab')"),
        ("handle = path.open('x')", ".open('x')"),
        ("shutil.copyfile(source, target)", "shutil.copyfile("),
        ("shutil.move(source, target)", "shutil.move("),
        ("json.dump(document, handle)", "json.dump("),
        ("yaml.safe_dump(document, handle)", "yaml.safe_dump( to a file"),
        ("yaml.safe_dump(document, stream=handle)", "yaml.safe_dump( to a file"),
    ],
)
def test_each_way_of_writing_a_file_is_refused(line: str, said: str) -> None:
    assert file_writes(f"def command():\n    {line}\n", "example.py") == [f"example.py:2 {said}"]


@pytest.mark.parametrize(
    "line",
    [
        "text = path.read_text('utf-8')",
        "handle = open(path)",
        "handle = open(path, 'rb')",
        "payload = json.dumps(document)",
        "text = yaml.safe_dump(document)",
        "typer.echo(str(path))",
    ],
)
def test_reading_and_printing_are_not_writing(line: str) -> None:
    assert file_writes(f"def command():\n    {line}\n") == []


@pytest.mark.parametrize(
    ("module", "line", "refused"),
    [
        ("ashyq/cli/runs.py", "import ashyq.store.db", "ashyq.cli.runs -> ashyq.store.db"),
        ("ashyq/cli/check_page.py", "import ashyq.net.egress", "ashyq.cli.check_page -> ashyq.net.egress"),
    ],
)
def test_a_command_importing_the_store_or_the_network_is_refused(
    tree: Path,  # noqa: F811
    module: str,
    line: str,
    refused: str,
) -> None:
    result = _lint(tree, module, line)
    assert result.returncode == 1, result.stdout
    assert "The command line reaches the store and the network only through the pipeline BROKEN" in result.stdout
    assert refused in result.stdout
