"""The import-linter contract of ``pyproject.toml`` really guards the layers.

Each case copies the installed tree (symlinked rooms resolved) into a temporary folder, makes one
change, and runs ``lint-imports`` on the copy: the unchanged copy passes, and an import that goes
up the flow or across sibling stages is refused by name.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("layers")
    shutil.copytree(ROOT / "ashyq", base / "ashyq", ignore=shutil.ignore_patterns("__pycache__"))
    # the replica's distribution beside it, as its package (the copy's import path is its folder)
    shutil.copytree(
        ROOT / "replica" / "ashyq_replica", base / "ashyq_replica", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", base / "pyproject.toml")
    return base


def _lint(tree: Path, module: str | None = None, line: str = "") -> subprocess.CompletedProcess[str]:
    target = tree / (module or "")
    original = target.read_text(encoding="utf-8") if module else ""
    try:
        if module:
            target.write_text(f"{original}\n{line}  # noqa\n", encoding="utf-8")
        return subprocess.run(
            [str(LINT_IMPORTS), "--config", "pyproject.toml", "--no-cache"],
            cwd=tree,
            env={**os.environ, "PYTHONPATH": str(tree)},
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        if module:
            target.write_text(original, encoding="utf-8")


def test_the_tree_as_it_is_keeps_every_contract(tree: Path) -> None:
    result = _lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "refused"),
    [
        ("ashyq/checks/feedback.py", "import ashyq.crawler.items", "ashyq.checks.feedback -> ashyq.crawler.items"),
        ("ashyq/store/models.py", "import ashyq.checks.feedback", "ashyq.store.models -> ashyq.checks.feedback"),
        ("ashyq/scoring/engine.py", "import ashyq.pipeline.audit", "ashyq.scoring.engine -> ashyq.pipeline.audit"),
        ("ashyq/reports/ranking.py", "import ashyq_replica.core", "ashyq.reports.ranking -> ashyq_replica.core"),
    ],
)
def test_an_import_against_the_flow_is_refused(tree: Path, module: str, line: str, refused: str) -> None:
    result = _lint(tree, module, line)
    assert result.returncode == 1, result.stdout
    assert refused in result.stdout
