"""Crawls forked from the program's warm process are the crawls a new interpreter runs: the same
harvest, the job named on the command line, the environment and folder of the moment they start, the
same exit code and error on a bad job; and the warm process goes when its program goes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from ashyq.crawler import launcher
from ashyq.crawler.runner import CrawlRequest, run_crawl
from ashyq.net.crawl_config import CRAWL_CONFIG_VARIABLE
from ashyq.store.db import dispose_engine, session_scope
from ashyq.store.leases import process_stat
from ashyq.store.models import Page


def _ppid(pid: int) -> int:
    fields = process_stat(pid)
    assert fields is not None, f"process {pid} is gone"
    return int(fields[1])


def _commands() -> dict[int, str]:
    found = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                found[int(proc.name)] = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
    return found


def _harvest(tmp: Path, urls: dict[str, str], fork: bool, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setenv(launcher.FORK_VARIABLE, "1" if fork else "0")
    running: list[tuple[int, str, int]] = []  # the crawl processes seen at its progress: pid, command, parent

    def watch(event: dict[str, Any]) -> None:
        if not running:
            running.extend(
                (pid, command, _ppid(pid))
                for pid, command in _commands().items()
                if "ashyq.crawler.process" in command and str(tmp) in command
            )

    request = CrawlRequest(["kostanay"], base_url_map=urls, max_pages=6)
    request.out_dir, request.db_url = tmp / "out", f"sqlite:///{tmp / 'store.sqlite'}"
    # a page every 0.3 s: the crawl is still running at its first progress event (half a second in), when
    # the watch looks for it (six pages at full speed could be done, and the process gone, by then)
    request.settings_overrides = {"DOWNLOAD_TIMEOUT": 2, "DOWNLOAD_DELAY": 0.3}
    request.spiders = ["site"]
    summary = run_crawl(request, watch)
    outcome = summary.bodies["kostanay"]
    with session_scope(request.db_url) as session:
        pages = sorted((p.url, p.status or 0, p.depth or 0) for p in session.scalars(select(Page)))
    dispose_engine(request.db_url)
    return {"status": outcome.status, "pages": pages, "exit": summary.exit_code, "running": running}


def test_a_forked_crawl_harvests_what_a_new_interpreter_harvests(
    tmp_path: Path, world_urls: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    forked = _harvest(tmp_path / "forked", world_urls, True, monkeypatch)
    again = _harvest(tmp_path / "again", world_urls, True, monkeypatch)
    new = _harvest(tmp_path / "new", world_urls, False, monkeypatch)
    assert forked["status"] == "complete" and len(forked["pages"]) >= 6 and forked["exit"] == 0, forked
    for one in (forked, again):
        assert {k: v for k, v in one.items() if k != "running"} == {k: v for k, v in new.items() if k != "running"}
    warm = launcher._launcher
    assert warm is not None and warm.owner == os.getpid()
    # each forked crawl names its job on its command line, and is the warm process's child
    for one, folder in ((forked, "forked"), (again, "again")):
        assert len(one["running"]) == 1, one["running"]
        _, command, parent = one["running"][0]
        assert f"-m ashyq.crawler.process {tmp_path / folder}/out/runs/" in command, command
        assert parent == warm.process.pid
    assert forked["running"][0][0] != again["running"][0][0]
    # the new interpreter is this program's own child
    assert new["running"][0][2] == os.getpid()


def _bad_job(tmp: Path) -> Path:
    """A job that stops where the crawl reads its configuration: after it opened its connection log
    (a path relative to its working folder)."""
    job = {"connection_log": "connections.log", "config_path": None, "registry": "demo", "body_ids": []}
    path = tmp / "job.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    return path


@pytest.fixture(params=["1", "0"], ids=["forked", "new-interpreter"])
def either_way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The crawl started both ways: forked from the warm process, and as a new interpreter."""
    monkeypatch.setenv(launcher.FORK_VARIABLE, request.param)
    return str(request.param)


def test_a_crawl_takes_the_environment_and_folder_of_its_start(
    either_way: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first"
    first.mkdir()
    monkeypatch.chdir(first)
    job = _bad_job(tmp_path)
    # the warm process is up (or was, for this program) before the folder and the environment change
    launcher.start_crawl(_bad_job(first), tmp_path / "warm.log", dict(os.environ)).wait()
    later = tmp_path / "later"
    later.mkdir()
    monkeypatch.chdir(later)
    missing = tmp_path / "not-there" / "crawl.yaml"
    monkeypatch.setenv(CRAWL_CONFIG_VARIABLE, str(missing))
    crawl_process = launcher.start_crawl(job, tmp_path / "crawl.log", dict(os.environ))
    assert crawl_process.stdout is not None
    out = crawl_process.stdout.read()
    code = crawl_process.wait()
    told = (tmp_path / "crawl.log").read_text(encoding="utf-8")
    assert code == 1, (code, out, told)
    assert told.startswith("Traceback") and str(missing) in told.splitlines()[-1], told
    assert (later / "connections.log").exists() and not (tmp_path / "connections.log").exists()


_PROGRAM = """
import os, sys, time
from pathlib import Path
from ashyq.crawler import launcher
job = Path(sys.argv[1])
log = Path("crawl.log")
launcher.start_crawl(job, log, dict(os.environ)).wait()
first = launcher._launcher.process.pid
child = os.fork()
if child == 0:
    launcher.start_crawl(job, log, dict(os.environ)).wait()
    print("forked", launcher._launcher.process.pid, flush=True)
    os._exit(0)
os.waitpid(child, 0)
print("warm", first, flush=True)
time.sleep(600)
"""


def test_the_warm_process_goes_with_its_program(tmp_path: Path) -> None:
    env = {**os.environ, launcher.FORK_VARIABLE: "1", CRAWL_CONFIG_VARIABLE: str(tmp_path / "none.yaml")}
    program = subprocess.Popen(
        [sys.executable, "-c", _PROGRAM, str(_bad_job(tmp_path))],
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert program.stdout is not None
    try:
        said = dict(program.stdout.readline().split() for _ in range(2))
        warm, forked = int(said["warm"]), int(said["forked"])
        assert warm != forked, "a forked program asked its parent's warm process"
        assert _ppid(warm) == program.pid
        assert "ashyq.crawler.launcher" in _commands()[warm]
    finally:
        os.kill(program.pid, signal.SIGKILL)
        program.wait()
    deadline = time.monotonic() + 30
    while launcher._alive(warm) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not launcher._alive(warm), "the warm process outlived its program"


def test_a_crawl_that_overruns_is_killed_and_says_so(either_way: str, tmp_path: Path) -> None:
    job = tmp_path / "job.json"
    os.mkfifo(job)  # the crawl waits, reading its job, until someone writes it: nobody does
    running = launcher.start_crawl(job, tmp_path / "entities.log", dict(os.environ), "ashyq.crawler.entities", True)
    assert running.stdout is None
    with pytest.raises(subprocess.TimeoutExpired):
        running.wait(1)
    assert launcher._alive(running.pid)
    running.kill()
    assert running.wait(30) == -signal.SIGKILL
    with pytest.raises(ValueError, match="not a crawl program"):
        launcher.start_crawl(job, tmp_path / "x.log", dict(os.environ), "ashyq.cli")
