"""An edition read again in the same process is the file as it is now, and each caller's own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import EditionError, load_edition


def test_each_caller_gets_an_edition_of_its_own() -> None:
    first = load_edition(edition_path("kz-feedback-2024"))
    assert first.interpretations and first.criteria
    first.interpretations.clear()  # the edition is frozen, its lists are not
    first.criteria.clear()
    again = load_edition(edition_path("kz-feedback-2024"))
    assert again.interpretations and again.criteria, "a caller's change reached the next caller"


def test_a_file_changed_in_place_is_read_as_it_is_now(tmp_path: Path) -> None:
    path = tmp_path / "edition.yaml"
    shutil.copyfile(edition_path("kz-feedback-2024"), path)
    assert load_edition(path).total_max == 100
    text = path.read_text(encoding="utf-8")
    # the same length and, on a coarse clock, the same modification time: only the bytes differ
    path.write_text(text.replace("total_max: 100", "total_max: 999"), encoding="utf-8")
    with pytest.raises(EditionError, match=r"total_max|add up"):
        load_edition(path)
    path.write_text(text, encoding="utf-8")
    assert load_edition(path).total_max == 100
