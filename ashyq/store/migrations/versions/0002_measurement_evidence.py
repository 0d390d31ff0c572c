"""Evidence kind "measurement": browser measurements (focus, zoom, motion, mobile, search, emblem …)
taken by the gather step, stored before the checks read them.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from ashyq.store.migrations.vocabulary_change import replace_check

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("warc_record", "screenshot", "axe_result", "portal_record", "declared_document", "dom_snapshot")


def upgrade() -> None:
    replace_check("evidence", "kind", (*BEFORE, "measurement"))


def downgrade() -> None:
    op.execute("DELETE FROM evidence WHERE kind = 'measurement'")
    replace_check("evidence", "kind", BEFORE)
