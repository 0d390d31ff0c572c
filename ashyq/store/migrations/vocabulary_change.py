"""Migrations that widen or narrow a closed vocabulary (a VARCHAR column with a named CHECK)."""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op


def replace_check(table: str, column: str, values: Sequence[str]) -> None:
    """Swap the column's ``ck_<table>_<column>`` CHECK for one that admits exactly ``values``.

    Batch mode, because SQLite cannot alter a CHECK in place (the table is copied); PostgreSQL alters it."""
    listed = ", ".join(f"'{value}'" for value in values)
    name = op.f(f"ck_{table}_{column}")
    with op.batch_alter_table(table) as batch:
        batch.drop_constraint(name, type_="check")
        batch.create_check_constraint(name, f"{column} IN ({listed})")
