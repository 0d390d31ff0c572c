"""The loopback servers of the network tests (the hostile replica world is the session's: tests/conftest.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # loopback.py, beside the tests

from loopback import Loopback


@pytest.fixture(scope="module")
def loopback() -> Iterator[Loopback]:
    servers = Loopback()
    try:
        yield servers
    finally:
        servers.close()
