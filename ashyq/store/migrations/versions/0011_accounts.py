"""Placeholder: the served application's accounts, sessions and audit log (filled in by the serve work)."""

from __future__ import annotations

revision: str = "0011"
down_revision: str | None = "0010"


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
