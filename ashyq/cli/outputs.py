"""The check every command makes before it writes a file it was asked for (``-o``/``--out``)."""

from __future__ import annotations

from pathlib import Path

import typer
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ashyq.base.outputs import OutputRefused, check_output
from ashyq.cli.console import command_console
from ashyq.store.db import database_url

USAGE_ERROR = 2


def store_files(db: str | None) -> tuple[Path, ...]:
    """The files of the store named by ``db`` (default ``ASHYQ_DB_URL``): an SQLite database and its
    journal files; nothing for a server database."""
    try:
        url = make_url(db or database_url())
    except ArgumentError:
        return ()
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return ()
    base = Path(url.database)
    return (base, Path(f"{base}-wal"), Path(f"{base}-shm"), Path(f"{base}-journal"))


def output_file(path: Path, suffixes: tuple[str, ...], db: str | None = None) -> Path:
    """``path`` when it may be written (:func:`ashyq.base.outputs.check_output`), else exit 2 with the
    reason."""
    try:
        return check_output(path, suffixes, store_files(db))
    except OutputRefused as refused:
        command_console(stderr=True).print(f"[red]error:[/red] {refused}", markup=True, highlight=False)
        raise typer.Exit(USAGE_ERROR) from None
