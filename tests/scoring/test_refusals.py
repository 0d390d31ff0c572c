"""Inputs the scorer refuses whole: each used to give a wrong score and exit 0. ``ashyq score``
exits 1 with one line per problem, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ashyq.cli import app

runner = CliRunner()

CGO = {"id": "enbek", "kind": "cgo"}


def _score(tmp_path: Path, document: dict[str, Any]) -> Any:
    path = tmp_path / "findings.json"
    path.write_text(json.dumps({"format": "ashyq-findings/1", **document}), encoding="utf-8")
    return runner.invoke(app, ["score", "--edition", "kz-2025", "--findings", str(path), "--format", "json"])


def _refused(result: Any, *expected: str) -> list[str]:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    for text in expected:
        assert sum(text in line for line in lines) == 1, (text, lines)
    return lines


CASES: dict[str, tuple[dict[str, Any], str]] = {
    "negative reporting facts": (
        {"bodies": [CGO], "findings": [], "reporting_facts": {"enbek": -10}},
        "reporting_facts.enbek: the number of untrue facts cannot be negative",
    ),
    "NaN numerator": (
        {
            "bodies": [CGO],
            "findings": [
                {
                    "body": "enbek",
                    "item": "T1-1",
                    "lang": "kk",
                    "status": "partial",
                    "measured": {"numerator": float("nan"), "denominator": 10},
                }
            ],
        },
        "measured numerator must be a finite number",
    ),
    "coefficient outside the edition's values": (
        {
            "bodies": [CGO],
            "findings": [{"body": "enbek", "item": "A16-k", "status": "pass", "measured": {"value": 50}}],
        },
        "measured value 50 is not a coefficient of the rule (5, 3, 0)",
    ),
    "choice level not in the rule": (
        {
            "bodies": [CGO],
            "findings": [
                {"body": "enbek", "item": "T4-6", "lang": "ru", "status": "partial", "measured": {"level": "loud"}}
            ],
        },
        "measured level 'loud' is not a level of the rule",
    ),
    "a 309-digit numerator": (
        {
            "bodies": [CGO],
            "findings": [
                {
                    "body": "enbek",
                    "item": "T1-1",
                    "lang": "kk",
                    "status": "partial",
                    "measured": {"numerator": 10**308, "denominator": 10},
                }
            ],
        },
        "findings[0] (enbek T1-1 kk): measured numerator is too large to be a measure: a 309-digit number",
    ),
    "a 309-digit share": (
        {
            "bodies": [CGO],
            "findings": [
                {"body": "enbek", "item": "T1-1", "lang": "kk", "status": "partial", "measured": {"share": 10**308}}
            ],
        },
        "findings[0] (enbek T1-1 kk): measured share is too large to be a measure: a 309-digit number",
    ),
    "a 309-digit number of untrue facts": (
        {"bodies": [CGO], "findings": [], "reporting_facts": {"enbek": 10**308}},
        "reporting_facts.enbek: 309 digits is not a number of untrue facts (at most 1,000,000)",
    ),
    "two bodies with the same id": (
        {"bodies": [CGO, {"id": "enbek", "kind": "mio"}], "findings": []},
        "bodies: body 'enbek' is listed 2 times",
    ),
    "only a subordinate organisation": (
        {"bodies": [{"id": "sub", "kind": "subordinate", "parent": "enbek"}], "findings": []},
        "bodies: no CGO or MIO to score",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_refusal_exits_1_with_its_line(tmp_path: Path, name: str) -> None:
    document, line = CASES[name]
    edition = "kz-2017" if name.startswith("coefficient") else "kz-2025"
    path = tmp_path / "findings.json"
    # json.dumps writes NaN as the bare token NaN, which Python's reader accepts, as a careless tool would
    path.write_text(json.dumps({"format": "ashyq-findings/1", **document}), encoding="utf-8")
    result = runner.invoke(app, ["score", "--edition", edition, "--findings", str(path), "--format", "json"])
    _refused(result, line)


def test_every_problem_of_a_file_is_listed_on_its_own_line(tmp_path: Path) -> None:
    document = {
        "bodies": [CGO, CGO],
        "findings": [
            {
                "body": "enbek",
                "item": "T1-1",
                "lang": "kk",
                "status": "partial",
                "measured": {"numerator": float("inf"), "denominator": 10},
            },
            {"body": "enbek", "item": "T4-6", "lang": "kk", "status": "partial", "measured": {"level": "loud"}},
        ],
        "reporting_facts": {"enbek": -1, "ghost": 2},
    }
    lines = _refused(
        _score(tmp_path, document),
        "listed 2 times",
        "finite number",
        "not a level of the rule",
        "cannot be negative",
        "reporting_facts.ghost: body 'ghost' is not in the body list",
    )
    assert len(lines) == 5, lines


def test_findings_of_a_subordinate_organisation_are_refused(tmp_path: Path) -> None:
    document = {
        "bodies": [CGO, {"id": "sub", "kind": "subordinate", "parent": "enbek"}],
        "findings": [
            {"body": "sub", "item": "T9-1", "lang": "kk", "status": "fail", "deficiencies": [{"message": "x"}]}
        ],
    }
    _refused(_score(tmp_path, document), "body 'sub' is a subordinate organisation")


def test_an_unknown_option_is_a_usage_error_of_one_line(tmp_path: Path) -> None:
    path = tmp_path / "findings.json"
    path.write_text(json.dumps({"bodies": [CGO], "findings": []}), encoding="utf-8")
    result = runner.invoke(
        app, ["score", "--edition", "kz-2025", "--findings", str(path), "--option", "media-d-gaps=whatever"]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "media-d-gaps" in result.output and "whatever" in result.output
