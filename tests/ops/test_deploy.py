"""The scheduling files under deploy/ call commands and options that exist, under flock."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ashyq.cli import app

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
runner = CliRunner()


def ashyq_commands(text: str) -> list[list[str]]:
    """Every ``…/ashyq ARGS`` invocation in a unit or crontab (continuation lines joined)."""
    joined = text.replace("\\\n", " ")
    found = []
    for line in joined.splitlines():
        if line.lstrip().startswith("#"):
            continue
        for match in re.finditer(r"\S*/ashyq ([^>&|]*)", line):
            words = shlex.split(match.group(1).replace("%i@%H", "w@h"))
            found.append(words)
    return found


@pytest.mark.parametrize(
    "name", ["systemd/ashyq-nightly.service", "systemd/ashyq-worker@.service", "crontab"], ids=lambda n: n
)
def test_the_commands_and_options_exist(name: str) -> None:
    commands = ashyq_commands((DEPLOY / name).read_text(encoding="utf-8"))
    assert commands, name
    for words in commands:
        result = runner.invoke(app, [*words, "--help"])
        assert result.exit_code == 0, (name, words, result.output)


def test_the_nightly_is_started_under_flock() -> None:
    for name in ("systemd/ashyq-nightly.service", "crontab"):
        text = (DEPLOY / name).read_text(encoding="utf-8")
        assert re.search(r"flock (--nonblock|-n)", text), name
    timer = (DEPLOY / "systemd" / "ashyq-nightly.timer").read_text(encoding="utf-8")
    assert "OnCalendar=" in timer and "Persistent=true" in timer
