"""The nightly command line the queue and resume tests run: the harvest that needs no browser (the
rendered gov.kz pages and the portals are left out), on the replica world, scored but not reported
(`--no-reports`: these tests compare findings and scores; a conclusion's PDFs cost 2-3 CPU-s each)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from ashyq_replica.core import World

from ashyq.config import CONFIG_DIR


def nightly_args(registry: Path, out: Path, db: str, urls: dict[str, str], world: World) -> list[str]:
    return [
        "nightly",
        "--registry",
        str(registry),
        "--out",
        str(out),
        "--db",
        db,
        "--replica-map",
        json.dumps(urls),
        "--as-of",
        world.as_of.isoformat(),
        "--crawl-config",
        str(CONFIG_DIR / "crawl-assessor.yaml"),
        "--no-browser",
        # the harvest that needs no browser (the rendered gov.kz pages and the portals are left out)
        "--spider",
        "site",
        "--spider",
        "govkz",
        "--no-reports",
    ]


def shared_nightly(name: str, registry: Path, world: World, urls: dict[str, str], folder: Path) -> tuple[str, int]:
    """The uninterrupted nightly of ``registry`` (``nightly_args``, in one process, a SQLite store), run
    once for the whole test session however many workers ask for it: the first one runs it under a
    lock in ``folder`` (shared by the workers), the others wait and read it. Its store's URL and the
    command's exit code. Only for runs a test reads and never writes to."""
    import fcntl

    from typer.testing import CliRunner

    from ashyq.cli import app

    place = folder / f"shared-nightly-{name}"
    db, done = f"sqlite:///{place / 'store.sqlite'}", place / "exit-code"
    with (folder / f"shared-nightly-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            place.mkdir(parents=True, exist_ok=True)
            ran = CliRunner().invoke(app, nightly_args(registry, place / "out", db, urls, world))
            assert ran.exit_code in (0, 1), ran.output
            done.write_text(str(ran.exit_code), encoding="utf-8")
    return db, int(done.read_text(encoding="utf-8"))


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder every worker of the session sees (pytest-xdist gives each its own below it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
