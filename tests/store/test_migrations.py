"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

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


def test_measurement_evidence_is_accepted_after_0002_and_refused_before(tmp_path: Path) -> None:
    """Migration 0002 widens the evidence kinds; downgrading narrows them again."""
    url = f"sqlite:///{tmp_path / 'm.sqlite'}"
    upgrade(url)
    engine = create_engine(url)
    insert = text(
        "INSERT INTO run (id, kind, status, started_at, settings, body_ids) VALUES ('r', 'demo', 'running', "
        "'2026-11-20 00:00:00+00:00', '{}', '[]')"
    )
    add = text(
        "INSERT INTO evidence (id, run_id, kind, captured_at, metadata) "
        "VALUES (:id, 'r', 'measurement', '2026-11-20 00:00:00+00:00', '{}')"
    )
    with engine.begin() as conn:
        conn.execute(insert)
        conn.execute(add, {"id": "e1"})
    engine.dispose()
    downgrade(url, "0001")
    engine = create_engine(url)
    with engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM evidence WHERE kind = 'measurement'")).scalar() == 0
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(add, {"id": "e2"})
    engine.dispose()
