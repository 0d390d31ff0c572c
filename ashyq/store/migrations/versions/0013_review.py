"""Placeholder: certainty of findings and the assessor's answers (filled in by the review work)."""

from __future__ import annotations

revision: str = "0013"
down_revision: str | None = "0012"


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
