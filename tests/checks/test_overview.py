"""docs/checks.md is what ``python -m ashyq.checks.overview`` writes from the registry and the
editions: a change of a check's needs, an item's title or a new check makes this fail until the file
is written again."""

from __future__ import annotations

from pathlib import Path

from ashyq.checks.overview import STAMP, main, render
from ashyq.checks.registry import checks

DOC = Path(__file__).resolve().parents[2] / "docs" / "checks.md"


def test_docs_checks_md_is_generated_and_up_to_date() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text.startswith(STAMP)
    assert text == render(), "docs/checks.md is stale: run python -m ashyq.checks.overview"


def test_every_check_is_in_it_with_what_it_needs() -> None:
    text = render()
    for check in checks():
        assert f"`{check.ref}`" in text, check.id
    assert "| T2-1 | " in text and "| budget.egov.kz records | — |" in text
    assert "website pages or browser measurement axe" in text  # A14-3.1: either will do


def test_the_command_says_when_the_file_differs(tmp_path: Path) -> None:
    stale = tmp_path / "checks.md"
    stale.write_text(render().replace("T2-1", "T2-one"), encoding="utf-8")
    assert main(["--check", "--output", str(stale)]) == 1
    assert main(["--output", str(stale)]) == 0 and stale.read_text(encoding="utf-8") == render()
    assert main(["--check", "--output", str(stale)]) == 0
