"""Evidence kind "measurement": browser measurements (focus, zoom, motion, mobile, search, emblem …)
taken by the gather step, stored before the checks read them.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("warc_record", "screenshot", "axe_result", "portal_record", "declared_document", "dom_snapshot")
AFTER = (*BEFORE, "measurement")


def _replace_check(values: Sequence[str]) -> None:
    listed = ", ".join(f"'{value}'" for value in values)
    # batch mode: SQLite cannot alter a CHECK in place, so the table is copied; PostgreSQL alters it
    with op.batch_alter_table("evidence") as batch:
        batch.drop_constraint(op.f("ck_evidence_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_evidence_kind"), f"kind IN ({listed})")


def upgrade() -> None:
    _replace_check(AFTER)


def downgrade() -> None:
    op.execute("DELETE FROM evidence WHERE kind = 'measurement'")
    _replace_check(BEFORE)
