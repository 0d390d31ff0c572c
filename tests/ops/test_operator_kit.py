"""What an operator (or a timer) sees: distinct exit codes, one nightly per registry, ``ashyq db``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.pipeline.runlock import nightly_lock
from ashyq.store.db import dispose_engine, session_scope
from ashyq.store.leases import take_lease
from ashyq.store.models import Run
from ashyq.store.repository import start_run
from ashyq.store.vocabulary import RunKind, RunStatus

runner = CliRunner()


def one_body_registry(folder: Path) -> Path:
    path = folder / "one.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "name": "one",
                "bodies": [
                    {
                        "id": "nowhere",
                        "kind": "mio",
                        "names": {"kk": "Ешқайда", "ru": "Нигде", "en": "Nowhere"},
                        "sites": ["https://nowhere.example.kz/"],
                    }
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    return path


# replica mode: the body's site is mapped to a closed loopback port (nothing can be fetched, and no
# operator's contact is needed)
CLOSED_MAP = json.dumps({"https://nowhere.example.kz": "http://127.0.0.1:9"})


def nightly(tmp_path: Path, registry: Path, *extra: str) -> list[str]:
    return [
        "nightly",
        "--replica-map",
        CLOSED_MAP,
        "--registry",
        str(registry),
        "--out",
        str(tmp_path / "out"),
        "--db",
        f"sqlite:///{tmp_path / 'a.sqlite'}",
        "--no-browser",
        *extra,
    ]


@pytest.mark.slow
def test_a_run_where_no_body_could_be_harvested_exits_3(tmp_path: Path) -> None:
    # the body's site is mapped to a closed loopback port: nothing can be fetched
    registry = one_body_registry(tmp_path)
    result = runner.invoke(app, nightly(tmp_path, registry, "--max-pages", "2"))
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    with session_scope(f"sqlite:///{tmp_path / 'a.sqlite'}") as session:
        run = session.query(Run).one()
        assert run.status == RunStatus.FAILED
    dispose_engine(f"sqlite:///{tmp_path / 'a.sqlite'}")


def test_an_internal_error_exits_4_with_its_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ashyq.pipeline.nightly as nightly_pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(nightly_pipeline, "run_audit", broken)
    result = runner.invoke(app, nightly(tmp_path, one_body_registry(tmp_path)))
    assert result.exit_code == 4, result.output
    assert "internal error" in result.output and "ZeroDivisionError: a bug" in result.output
    dispose_engine(f"sqlite:///{tmp_path / 'a.sqlite'}")


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, nightly(tmp_path, one_body_registry(tmp_path), "--as-of", "yesterday")).exit_code == 2
    assert runner.invoke(app, ["nightly", "--no-such-option"]).exit_code == 2


def test_the_exit_codes_are_in_the_help() -> None:
    for command in ("nightly", "audit", "demo"):
        text = " ".join(runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).output.split())
        assert "0 complete, 1 partial" in text and "3 failed" in text and "4 internal error" in text, command


def test_a_second_nightly_of_the_same_registry_does_not_start(tmp_path: Path) -> None:
    registry = one_body_registry(tmp_path)
    db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    with nightly_lock(str(registry), tmp_path / "out", db):
        result = runner.invoke(app, nightly(tmp_path, registry))
    assert result.exit_code == 2, result.output
    assert "already running" in result.output
    with session_scope(db) as session:
        assert session.query(Run).count() == 0  # nothing was started
    dispose_engine(db)


def test_the_lock_is_held_by_a_process_and_freed_when_it_dies(tmp_path: Path) -> None:
    registry = one_body_registry(tmp_path)
    db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from ashyq.pipeline.runlock import nightly_lock\n"
            "with nightly_lock(sys.argv[1], Path(sys.argv[2]), sys.argv[3]):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(120)\n",
            str(registry),
            str(tmp_path / "out"),
            db,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        busy = runner.invoke(app, nightly(tmp_path, registry))
        assert busy.exit_code == 2 and f"process {holder.pid}" in busy.output, busy.output
    finally:
        holder.kill()
        holder.wait()
    with nightly_lock(str(registry), tmp_path / "out", db):  # the kernel released it with the process
        pass
    dispose_engine(db)


def test_a_nightly_left_running_by_a_dead_coordinator_is_marked_and_a_live_one_refuses(tmp_path: Path) -> None:
    registry = str(one_body_registry(tmp_path))
    db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    from ashyq.store.db import ensure_schema

    ensure_schema(db)
    with session_scope(db) as session:
        start_run(session, RunKind.NIGHTLY, run_id="killed", settings={"registry": registry})
        take_lease(session, "killed", pid=dead.pid)
    with nightly_lock(registry, tmp_path / "out", db) as lock:
        assert [s.run_id for s in lock.stale] == ["killed"]
    with session_scope(db) as session:
        killed = session.get(Run, "killed")
        assert killed is not None and killed.status == RunStatus.FAILED
        assert f"process {dead.pid}" in killed.settings["interrupted"]["reason"]
        start_run(session, RunKind.NIGHTLY, run_id="alive", settings={"registry": registry})
        take_lease(session, "alive", pid=os.getpid())
    result = runner.invoke(app, nightly(tmp_path, Path(registry)))
    assert result.exit_code == 2 and "run alive" in result.output, result.output
    dispose_engine(db)


def test_db_upgrade_is_the_one_migration_command(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    before = runner.invoke(app, ["db", "status", "--db", db])
    assert before.exit_code == 1 and "ashyq db upgrade" in before.output
    done = runner.invoke(app, ["db", "upgrade", "--db", db])
    assert done.exit_code == 0 and "upgraded from empty" in done.output
    assert runner.invoke(app, ["db", "status", "--db", db]).exit_code == 0
    again = runner.invoke(app, ["db", "upgrade", "--db", db])
    assert again.exit_code == 0 and "already at" in again.output
    dispose_engine(db)
