"""``ashyq review list`` in the tables' language: the question's status and why it is asked in words
from the catalogues (Kazakh here), never the codes; --json keeps the codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ashyq.cli.review_questions import review_app

from .review_sample import night as _night


def test_review_list_in_kazakh(db: str) -> None:
    run = _night(db, 1, "a" * 64)
    shown = CliRunner().invoke(review_app, ["list", "--run", run, "--db", db], env={"ASHYQ_LANG": "kk"})
    assert shown.exit_code == 0, shown.output
    assert "ашық сұрақтар 1" in shown.output and "Структура" in shown.output
    assert "label_only" not in shown.output and "fail," not in shown.output and "page:" not in shown.output
    coded = CliRunner().invoke(review_app, ["list", "--run", run, "--db", db, "--json"], env={"ASHYQ_LANG": "kk"})
    assert json.loads(coded.output)[0]["reason"] == "label_only"
