"""Shared fixtures: the replica world served on loopback for the whole test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ashyq_replica.core import World
from ashyq_replica.server import RunningWorld, start_world

from ashyq.config import operator
from ashyq.net import socket_guard


@pytest.fixture(scope="session", autouse=True)
def operator_config(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Tests never read the developer's ./ashyq.yaml or /etc/ashyq: the session's operator config is
    an empty file of its own (no contact: the real systems are refused, replica mode works)."""
    path = tmp_path_factory.mktemp("operator") / "ashyq.yaml"
    path.write_text("# the test session's operator config: nothing set\n", encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv(operator.CONFIG_VARIABLE, str(path))
    operator.forget_loaded()
    yield path
    mp.undo()
    operator.forget_loaded()


@pytest.fixture(scope="session")
def socket_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The session's socket guard: this process and every one it starts (a command, a crawl, a worker)
    notes each connection the egress module did not decide (ashyq.net.socket_guard)."""
    path = tmp_path_factory.mktemp("sockets") / "undecided.log"
    path.touch()
    mp = pytest.MonkeyPatch()
    mp.setenv(socket_guard.GUARD_ENV, str(path))
    socket_guard.install(str(path))
    yield path
    mp.undo()


@pytest.fixture(autouse=True)
def no_undecided_connection(socket_log: Path) -> Iterator[None]:
    """A test after which a connection outside the egress module was noted fails, with the line."""
    before = socket_log.stat().st_size
    yield
    with socket_log.open(encoding="utf-8") as log:
        log.seek(before)
        noted = log.read()
    assert not noted, f"connections the egress module did not decide:\n{noted}"


@pytest.fixture(scope="session")
def world() -> World:
    return World()


@pytest.fixture(scope="session")
def hostile() -> Iterator[RunningWorld]:
    """The hostile world, once per session: its map in ``.urls``, its canary (which nothing may
    reach) in ``.canary``."""
    running = start_world(World(faults="hostile"))
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def world_urls(world: World) -> Iterator[dict[str, str]]:
    """The base-URL map of a running replica world (real base URL -> http://127.0.0.1:<port>)."""
    running = start_world(world)
    try:
        yield dict(running.urls)
    finally:
        running.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The files that hold slow tests run first, then those with browser tests, then the rest: spread
    over the workers a file at a time, the long ones started last would keep one worker busy while the
    others have nothing left to do (``make test`` keeps this order: ``--no-loadscope-reorder``, since
    pytest-xdist would otherwise hand out the files with the most tests first, the long ones last).
    The order within a file, and within each of the three groups, is kept."""
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    browser = {item.path for item in items if item.get_closest_marker("browser")}
    items.sort(key=lambda item: (item.path not in slow, item.path not in browser))
