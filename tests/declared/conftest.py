"""Fixtures of the declared-report tests: a store in a temporary SQLite file and a CLI app that
wires the two commands the way ``ashyq`` does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from ashyq.cli.declared import declare_command, report_template_command
from ashyq.store.db import dispose_engine, ensure_schema


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    ensure_schema(url)
    yield url
    dispose_engine(url)


@pytest.fixture(scope="session")
def cli() -> typer.Typer:
    app = typer.Typer()
    app.command("report-template")(report_template_command)
    app.command("declare")(declare_command)
    return app
