"""The socket guard: a connection the project's code makes outside the egress module, to an address the
policy never passed, is noted; the egress module's, the store's and the tests' own are not."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from ashyq.net.egress import EgressPolicy
from ashyq.net.socket_guard import GUARD_ENV, judge

CALLER = "import sys\ndef call(judge, event, args):\n    return judge(event, args, sys._getframe())\n"


def _as(module: str, event: str, args: tuple[Any, ...]) -> str | None:
    """``judge`` called from code that is ``module`` (its file under the project's folders)."""
    space: dict[str, Any] = {"__name__": module}
    exec(compile(CALLER, f"/srv/project/{module.replace('.', '/')}.py", "exec"), space)
    return space["call"](judge, event, args)  # type: ignore[no-any-return]


def test_the_projects_code_outside_the_egress_module_is_noted() -> None:
    said = _as("ashyq.checks.sneaky", "socket.connect", (None, ("127.0.0.1", 9)))
    assert said is not None and said.startswith("socket.connect 127.0.0.1:9 by /srv/project/ashyq/checks/sneaky.py:")
    assert _as("ashyq.reports.fonts", "socket.getaddrinfo", ("fonts.example.org", 443, 0, 0, 0, 0)) is not None
    assert _as("ashyq.crawler.x", "socket.sendto", (None, ("10.1.2.3", 3478))) is not None  # a STUN datagram


def test_what_the_egress_module_decided_is_not_noted() -> None:
    assert _as("ashyq.net.fetch", "socket.connect", (None, ("93.184.216.34", 443))) is None
    assert _as("ashyq.checks.x", "socket.connect", (None, ("127.0.0.1", 7))) is not None
    EgressPolicy().allowing([("127.0.0.1", 7)]).check_address("127.0.0.1", 7)  # the policy passed it
    assert _as("ashyq.checks.x", "socket.connect", (None, ("127.0.0.1", 7))) is None
    assert _as("ashyq.store.db", "socket.connect", (None, "/run/postgresql/.s.PGSQL.5432")) is None  # a Unix socket
    assert _as("ashyq.checks.x", "socket.getaddrinfo", ("127.0.0.1", 80, 0, 0, 0, 0)) is None  # no name goes out
    assert _as("tests.net.anything", "socket.connect", (None, ("127.0.0.1", 9))) is None
    assert _as("ashyq_replica.server", "socket.connect", (None, ("127.0.0.1", 9))) is None
    assert _as("ashyq.checks.x", "socket.bind", (None, ("127.0.0.1", 9))) is None  # only what goes out


def test_a_command_started_with_the_guard_notes_it(tmp_path: Path) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    log = tmp_path / "undecided.log"
    code = (
        "import socket\n"
        "from typer.testing import CliRunner\n"
        "from ashyq.cli import app\n"
        "assert CliRunner().invoke(app, ['methodology', 'validate']).exit_code == 0\n"  # a command sets it up
        f"space = {{'__name__': 'ashyq.checks.sneaky', 'socket': socket}}\n"
        f"exec(compile('socket.create_connection((\"127.0.0.1\", {port})).close()', "
        "'/srv/project/ashyq/checks/sneaky.py', 'exec'), space)\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, GUARD_ENV: str(log)}, capture_output=True, timeout=60
        )
    finally:
        listener.close()
    assert done.returncode == 0, done.stderr
    noted = log.read_text(encoding="utf-8")
    assert f"socket.connect 127.0.0.1:{port} by /srv/project/ashyq/checks/sneaky.py:1" in noted
