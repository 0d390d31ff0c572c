"""The appeal's tests: a copy of the report tests' synthetic store per test module (it is written to:
receipts, disagreements, revisions), with an account of each role."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # appeal_harness.py, beside the tests
sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))  # the report tests' synthetic store

from appeal_harness import AppealStore, appeal_store_from
from reports_sample import ReportStore, build_report_store

from ashyq.store.db import dispose_engine


@pytest.fixture(scope="session")
def report_store(tmp_path_factory: pytest.TempPathFactory) -> ReportStore:
    return build_report_store(tmp_path_factory.mktemp("report-store"))


@pytest.fixture
def appeal_store(report_store: ReportStore, tmp_path: Path) -> Iterator[AppealStore]:
    """A fresh copy of the synthetic store with the accounts and a publication of enbek's new run."""
    copy = tmp_path / "ashyq.sqlite"
    # the backup API, not a file copy: the store is in WAL mode, its last pages may be in the -wal file
    with sqlite3.connect(report_store.url.removeprefix("sqlite:///")) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    url = f"sqlite:///{copy}"
    yield appeal_store_from(url, report_store)
    dispose_engine(url)
