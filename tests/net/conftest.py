"""The hostile replica world, once per session, and the loopback servers of the network tests."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ashyq.replica.core import World
from ashyq.replica.server import RunningWorld, start_world

sys.path.insert(0, str(Path(__file__).parent))  # loopback.py, beside the tests

from loopback import Loopback


@pytest.fixture(scope="session")
def hostile() -> Iterator[RunningWorld]:
    """The hostile world: its map in ``.urls``, its canary (which nothing may reach) in ``.canary``."""
    running = start_world(World(faults="hostile"))
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def loopback() -> Iterator[Loopback]:
    servers = Loopback()
    try:
        yield servers
    finally:
        servers.close()
