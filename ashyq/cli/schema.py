"""``ashyq db``: the store's schema, migrated by one explicit command.

A single machine's SQLite store is brought up to date by the commands that use it. A store shared by
workers (PostgreSQL) is migrated once, by the operator, with ``ashyq db upgrade`` before workers start:
a worker refuses to work on a store whose schema is not the newest instead of racing the others to
migrate it.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ashyq.pipeline.store_schema import schema_status, upgrade_store

db_app = typer.Typer(help="The store's schema: upgrade it, show its revision.", no_args_is_help=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Store URL (default ASHYQ_DB_URL or out/ashyq.sqlite).")]


@db_app.command("upgrade")
def upgrade_command(db: DbOption = None) -> None:
    """Apply the migrations up to the newest schema (run once, before starting workers)."""
    before, after = upgrade_store(db)
    if before == after:
        typer.echo(f"schema already at {after}")
    else:
        typer.echo(f"schema upgraded from {before or 'empty'} to {after}")


@db_app.command("status")
def status_command(db: DbOption = None) -> None:
    """Print the store's schema revision and the newest one; exit 1 if it needs `ashyq db upgrade`."""
    current, head = schema_status(db)
    typer.echo(f"schema {current or 'empty'} (newest {head})")
    if current != head:
        typer.echo("run `ashyq db upgrade`")
        raise typer.Exit(1)
