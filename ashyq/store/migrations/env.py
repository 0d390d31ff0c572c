"""Alembic environment for the store: online migrations only, against one connection."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from ashyq.store.db import database_url, engine_for
from ashyq.store.models import Base

target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    attributes = context.config.attributes
    connection = attributes.get("connection")
    if connection is not None:  # ashyq.store.db.upgrade() hands over its own connection
        run_migrations(connection)
        return
    with engine_for(attributes.get("url") or database_url()).begin() as connection:
        run_migrations(connection)


if context.is_offline_mode():
    raise SystemExit("ashyq's store migrations run online only: give a database URL")
run_migrations_online()
