"""The check every command makes before it writes a file it was asked for (``-o``/``--out``)."""

from __future__ import annotations

from pathlib import Path

import typer

from ashyq.base.outputs import OutputRefused, check_output
from ashyq.cli.console import command_console
from ashyq.pipeline.outputs import store_files

USAGE_ERROR = 2


def output_file(path: Path, suffixes: tuple[str, ...], db: str | None = None) -> Path:
    """``path`` when it may be written (:func:`ashyq.base.outputs.check_output`), else exit 2 with the
    reason."""
    try:
        return check_output(path, suffixes, store_files(db))
    except OutputRefused as refused:
        command_console(stderr=True).print(f"[red]error:[/red] {refused}", markup=True, highlight=False)
        raise typer.Exit(USAGE_ERROR) from None
