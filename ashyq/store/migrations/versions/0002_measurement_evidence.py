"""Evidence kind "measurement": browser measurements (focus, zoom, motion, mobile, search, emblem …)
taken by the gather step, stored before the checks read them.
"""

from __future__ import annotations

from alembic import op

from ashyq.store.migrations.vocabulary_change import replace_check

revision: str = "0002"
down_revision: str | None = "0001"

BEFORE = ("warc_record", "screenshot", "axe_result", "portal_record", "declared_document", "dom_snapshot")


def upgrade() -> None:
    replace_check("evidence", "kind", (*BEFORE, "measurement"))


def downgrade() -> None:
    op.execute("DELETE FROM evidence WHERE kind = 'measurement'")
    replace_check("evidence", "kind", BEFORE)
