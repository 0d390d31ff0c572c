"""Fetch-failure reason "offsite": a link outside the body's allowed hosts (in replica mode, a host
the replica does not serve), refused without a request.
"""

from __future__ import annotations

from alembic import op

from ashyq.store.migrations.vocabulary_change import replace_check

revision: str = "0003"
down_revision: str | None = "0002"

BEFORE = ("robots", "antibot", "timeout", "http_status", "private_address", "trap", "too_large", "error")


def upgrade() -> None:
    replace_check("fetch_failure", "reason", (*BEFORE, "offsite"))


def downgrade() -> None:
    op.execute("UPDATE fetch_failure SET reason = 'error' WHERE reason = 'offsite'")
    replace_check("fetch_failure", "reason", BEFORE)
