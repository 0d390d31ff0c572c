"""Shared fixtures: the replica world served on loopback for the whole test session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ashyq.replica.core import World
from ashyq.replica.server import start_world


@pytest.fixture(scope="session")
def world() -> World:
    return World()


@pytest.fixture(scope="session")
def world_urls(world: World) -> Iterator[dict[str, str]]:
    """The base-URL map of a running replica world (real base URL -> http://127.0.0.1:<port>)."""
    running = start_world(world)
    try:
        yield dict(running.urls)
    finally:
        running.stop()
