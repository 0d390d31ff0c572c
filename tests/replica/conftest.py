"""Fixtures of the world tests: HTTP clients with fresh cookies, and a flaky world."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ashyq_replica.core import World
from ashyq_replica.server import start_world
from world_client import Client


@pytest.fixture()
def client() -> Iterator[Client]:
    c = Client()
    yield c
    c.close()


@pytest.fixture()
def govkz(world_urls: dict[str, str]) -> str:
    return world_urls["https://www.gov.kz"]


@pytest.fixture(scope="module")
def flaky_urls() -> Iterator[dict[str, str]]:
    running = start_world(World(faults="flaky"))
    try:
        yield dict(running.urls)
    finally:
        running.stop()
