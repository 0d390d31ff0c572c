"""Placeholder: published conclusions, disagreements and the commission's decisions (filled in by the appeal work)."""

from __future__ import annotations

revision: str = "0012"
down_revision: str | None = "0011"


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
