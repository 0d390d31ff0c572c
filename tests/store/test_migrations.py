"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, inspect, text

from ashyq.store.db import current_revision, downgrade, engine_for, ensure_schema, head_revision, upgrade
from ashyq.store.models import Base


def differences(url: str) -> list[Any]:
    with engine_for(url).connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


def table_names(url: str) -> set[str]:
    return set(inspect(engine_for(url)).get_table_names()) - {"alembic_version"}


def test_upgrade_head_on_an_empty_database_gives_the_models_schema(empty_url: str) -> None:
    upgrade(empty_url)
    assert differences(empty_url) == []
    assert table_names(empty_url) == set(Base.metadata.tables)


def test_the_comparison_notices_a_schema_that_drifted(empty_url: str) -> None:
    upgrade(empty_url)
    with engine_for(empty_url).begin() as connection:
        connection.execute(text("DROP INDEX ix_page_run_url"))
    assert [difference[0] for difference in differences(empty_url)] == ["add_index"]


def test_check_constraints_carry_the_models_names(empty_url: str) -> None:
    # compare_metadata does not look at CHECK constraints; the vocabularies and the honesty rules
    # live in them, so their names (which later migrations drop by) are compared here.
    upgrade(empty_url)
    inspector = inspect(engine_for(empty_url))
    for table in Base.metadata.sorted_tables:
        expected = {c.name for c in table.constraints if isinstance(c, CheckConstraint)}
        found = {c["name"] for c in inspector.get_check_constraints(table.name)}
        assert found == expected, table.name


def test_downgrade_to_base_removes_every_table_and_upgrade_restores_them(empty_url: str) -> None:
    upgrade(empty_url)
    downgrade(empty_url, "base")
    assert table_names(empty_url) == set()
    assert current_revision(empty_url) is None
    upgrade(empty_url)
    assert differences(empty_url) == []


def test_ensure_schema_migrates_once(empty_url: str) -> None:
    assert ensure_schema(empty_url) is True
    assert current_revision(empty_url) == head_revision()
    assert ensure_schema(empty_url) is False
