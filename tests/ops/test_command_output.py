"""What a command prints is read by scripts and logs as often as by people: off a terminal, no message
or table is broken at a width nobody had (a long path before "already running" once moved the words
to two lines)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from rich.table import Table

from ashyq.cli.console import command_console
from ashyq.pipeline.runlock import nightly_lock
from tests.ops.test_operator_kit import nightly, one_body_registry

ASHYQ = Path(sys.executable).with_name("ashyq")


def test_a_long_message_is_one_line_off_a_terminal() -> None:
    written = io.StringIO()
    message = "the registry " + "/very/long/path" * 40 + " is already running"
    command_console(file=written).print(message, highlight=False)
    assert written.getvalue() == message + "\n"


def test_a_piped_table_keeps_each_cell_on_one_line() -> None:
    written = io.StringIO()
    table = Table("body", "reason")
    reason = "not harvested (" + "a reason with many words " * 12 + ")"
    table.add_row("kostanay", reason)
    command_console(file=written).print(table)
    assert any(reason in line for line in written.getvalue().splitlines())


def test_a_terminal_still_gets_lines_fitted_to_it() -> None:
    written = io.StringIO()
    command_console(file=written, force_terminal=True, width=40).print("word " * 30, highlight=False)
    assert len(written.getvalue().splitlines()) > 1


def test_a_busy_registry_says_so_on_one_line_through_a_pipe(tmp_path: Path) -> None:
    deep = tmp_path / ("a-folder-with-a-long-name-" * 4) / ("and-another-one-" * 4)
    deep.mkdir(parents=True)
    registry = one_body_registry(deep)
    db = f"sqlite:///{deep / 'a.sqlite'}"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    with nightly_lock(str(registry), deep / "out", db):
        done = subprocess.run(
            [str(ASHYQ), *nightly(deep, registry)], capture_output=True, text=True, env=env, timeout=120
        )
    assert done.returncode == 2, done.stdout + done.stderr
    said = [line for line in done.stderr.splitlines() if "already running" in line]
    assert said and str(registry) in said[0], done.stderr
