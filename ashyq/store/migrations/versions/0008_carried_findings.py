"""Findings carried forward by an incremental run: the run whose finding (and evidence) was taken
over unchanged, because nothing the check reads had changed since.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"


def upgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("carried_from", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.drop_column("carried_from")
