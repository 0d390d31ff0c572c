"""Driving scripts/services.sh from tests."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SERVICES_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "services.sh"
SERVICES_TIMEOUT_SECONDS = 180


@dataclass(frozen=True)
class Services:
    directory: Path
    pg_url: str
    redis_url: str


def run_services_script(command: str, directory: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SERVICES_SCRIPT), command, str(directory)],
        capture_output=True,
        text=True,
        timeout=SERVICES_TIMEOUT_SECONDS,
        env={**os.environ, **env},
        check=False,
    )


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines, a value in single quotes taken as a shell (and systemd) reads it."""
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key: value[1:-1] if len(value) > 1 and value[0] == value[-1] == "'" else value for key, value in pairs}


def pids_in(directory: Path) -> list[int]:
    """PIDs named by the servers' pidfiles in ``directory`` that are still alive."""
    alive = []
    for pidfile in (directory / "pg" / "data" / "postmaster.pid", directory / "redis" / "redis.pid"):
        if pidfile.exists():
            pid = int(pidfile.read_text().split()[0])
            if Path(f"/proc/{pid}").exists():
                alive.append(pid)
    return alive


def redis_database(url: str, number: int) -> str:
    """The same Redis (its credentials and TLS settings kept) at database ``number``: a test's own."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{number}"))
