"""Run kind "monitor": a night that watches every entity of the www.gov.kz platform through its
newest-first listings (ashyq.pipeline.monitor) - monitoring, never an assessment.
"""

from __future__ import annotations

from alembic import op

from ashyq.store.migrations.vocabulary_change import replace_check

revision: str = "0009"
down_revision: str | None = "0008"

BEFORE = ("nightly", "audit", "url", "recheck", "demo")


def upgrade() -> None:
    replace_check("run", "kind", (*BEFORE, "monitor"))


def downgrade() -> None:
    op.execute("DELETE FROM run WHERE kind = 'monitor'")
    replace_check("run", "kind", BEFORE)
