"""Fixtures for the report tests: one synthetic store per session (building it runs the migrations
and the scorer, about a second), copied nowhere: report tests only read it."""

from __future__ import annotations

from pathlib import Path

import pytest
from reports_sample import ReportStore, build_report_store


@pytest.fixture(scope="session")
def report_store(tmp_path_factory: pytest.TempPathFactory) -> ReportStore:
    return build_report_store(tmp_path_factory.mktemp("report-store"))


@pytest.fixture(scope="session")
def report_root(report_store: ReportStore) -> Path:
    return report_store.out_dir
