"""The command line imports a command's module when the command is called, not at start: ``ashyq
open-data import-list`` does not load the crawler, the reports or the served application, and
``ashyq version`` not even the store. ``ashyq --help`` still lists every command, the replica's too,
in the order of ``COMMANDS`` (plain commands before groups), and a mistyped name is still refused
with a suggestion."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from ashyq.cli.application import COMMANDS, app

PROBE = """
import json, sys
from ashyq.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(name for name in sys.modules if name.startswith(("ashyq", "scrapy", "playwright")))))
"""


def _modules_after(*arguments: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *arguments], capture_output=True, text=True, timeout=120, check=True
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_a_command_loads_its_own_module_only() -> None:
    version = _modules_after("version")
    assert "ashyq.cli.application" in version
    assert not {"ashyq.store", "ashyq.cli.report", "ashyq.cli.open_data"} & version
    import_list = _modules_after("open-data", "import-list", "--help")
    assert "ashyq.cli.open_data" in import_list
    assert not {"ashyq.cli.report", "ashyq.cli.web", "ashyq.crawler.runner", "scrapy"} & import_list


def test_help_lists_every_command_and_a_typo_is_refused_with_a_suggestion() -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["--help"], terminal_width=200)
    assert listed.exit_code == 0, listed.output
    rows = [line.split()[1] for line in listed.output.splitlines() if line.startswith("│ ") and line[2] != " "]
    places = {name: rows.index(name) if name in rows else -1 for name in [*COMMANDS, "version", "demo", "world"]}
    assert all(place >= 0 for place in places.values()), places
    assert places["score"] < places["version"] < places["methodology"] < places["users"]  # commands, then groups
    typo = runner.invoke(app, ["repot"])
    assert typo.exit_code == 2 and "Did you mean 'report'" in typo.output
    assert runner.invoke(app, ["report", "--help"]).output.count("serve") >= 1
