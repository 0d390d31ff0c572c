"""Evidence kind "fetch_failure": a page of the site that could not be obtained, cited by a finding
left not assessed because the website was harvested in part.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from ashyq.store.migrations.vocabulary_change import replace_check

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = (
    "warc_record",
    "screenshot",
    "axe_result",
    "portal_record",
    "declared_document",
    "dom_snapshot",
    "measurement",
)


def upgrade() -> None:
    replace_check("evidence", "kind", (*BEFORE, "fetch_failure"))


def downgrade() -> None:
    op.execute("DELETE FROM evidence WHERE kind = 'fetch_failure'")
    replace_check("evidence", "kind", BEFORE)
