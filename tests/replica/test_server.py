"""Starting and stopping the world: the Python API and the command line."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time

from ashyq_replica.core import World
from ashyq_replica.server import start_world
from typer.testing import CliRunner

from ashyq.cli import app


def test_start_world_is_fast_and_stops_cleanly() -> None:
    started = time.monotonic()
    with start_world(World(seed="startup-check")) as running:
        elapsed = time.monotonic() - started
        assert elapsed < 5
        assert {"https://www.gov.kz", "https://www.kostanay.gov.kz", "https://iac.enbek.kz", "https://zqai.kz"} <= set(
            running.urls
        )
        ports = {int(url.rsplit(":", 1)[1]) for url in running.urls.values()}
        assert all(url.startswith("http://127.0.0.1:") for url in running.urls.values())
    for port in ports:
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_cli_serve_prints_the_map_and_stops_on_interrupt() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "ashyq", "world", "serve", "--port", "0", "--faults", "flaky"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        urls = json.loads(process.stdout.readline())
        assert urls["https://www.gov.kz"].startswith("http://127.0.0.1:")
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0


def test_cli_truth_formats() -> None:
    runner = CliRunner()
    markdown = runner.invoke(app, ["world", "truth", "--format", "md"])
    assert markdown.exit_code == 0 and markdown.output.startswith("# Ground truth")
    data = runner.invoke(app, ["world", "truth", "--as-of", "2026-01-15"])
    assert data.exit_code == 0 and "as_of: '2026-01-15'" in data.output
    assert runner.invoke(app, ["world", "truth", "--as-of", "soon"]).exit_code != 0
