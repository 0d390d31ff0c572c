"""The review tests' store: a fresh SQLite store per test (a night of one body fills it in a fraction
of a second, ``review_sample.night``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ashyq.store.db import ensure_schema


@pytest.fixture()
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    ensure_schema(url)
    return url
