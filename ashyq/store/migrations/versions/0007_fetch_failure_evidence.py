"""Evidence kind "fetch_failure": a page of the site that could not be obtained, cited by a finding
left not assessed because the website was harvested in part.
"""

from __future__ import annotations

from alembic import op

from ashyq.store.migrations.vocabulary_change import replace_check

revision: str = "0007"
down_revision: str | None = "0006"

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
