"""``ashyq open-data import-list FILE`` (the official Unified list of open data into the store) and
``ashyq open-data template`` (the layout to fill in).

Exit codes: 0 imported, 1 the file was refused (every problem with its row and column), 2 usage error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ashyq.cli.operator import choose_store, fail
from ashyq.cli.options import DbOption
from ashyq.declared.unified_list import ListRefused, load_unified_list, write_unified_list
from ashyq.pipeline.bodies import RegistryError, load_registry
from ashyq.pipeline.unified_list import bodies_named, store_unified_list

open_data_app = typer.Typer(help="The Unified list of open data: import the official file, write its layout.")


@open_data_app.command("import-list")
def import_list(
    file: Annotated[Path, typer.Argument(help="The official list: .xlsx or .csv (docs/unified-list.md).")],
    registry: Annotated[
        str | None, typer.Option(help="Show which bodies of this registry (kz, a file …) the list names.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Load the official Unified list (refused whole when malformed); the newest import is the one the
    open-data checks (T1-1, T1-3, T10) measure against."""
    reg = None
    if registry is not None:
        try:
            reg = load_registry(registry)
        except RegistryError as error:
            raise fail("; ".join(error.problems)) from None
    try:
        loaded = load_unified_list(file)
    except ListRefused as refused:
        typer.echo(f"refused: {file} — {len(refused.problems)} problem(s), nothing stored", err=True)
        for line in refused.lines():
            typer.echo(line, err=True)
        raise typer.Exit(1) from None
    ref = store_unified_list(loaded, choose_store(db))
    typer.echo(
        f"imported {file} (sha256 {loaded.sha256[:12]}…): {len(loaded.entries)} datasets of "
        f"{len(loaded.bodies)} bodies; list {ref['id']} is in effect for the open-data checks from now on"
    )
    if reg is not None:
        missing, strangers = bodies_named(reg, loaded)
        typer.echo(f"{reg.name}: {len(reg.assessed()) - len(missing)} of {len(reg.assessed())} evaluated bodies named")
        if missing:
            typer.echo(
                "  not named (the list gives them no dataset: T1-1 and T1-3 not applicable): " + ", ".join(missing)
            )
        if strangers:
            typer.echo(f"  named in the list but not in {reg.name}: " + "; ".join(strangers[:20]))


@open_data_app.command("template")
def template(
    output: Annotated[Path, typer.Option("-o", "--output", help="The file to write (.xlsx or .csv).")],
) -> None:
    """Write the list's layout (the header in Russian and Kazakh) to fill in."""
    typer.echo(f"{write_unified_list([], output)}: the Unified list's columns")
