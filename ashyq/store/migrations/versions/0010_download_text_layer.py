"""A downloaded PDF's text layer: False for a scan (no font anywhere), the measurement Appendix 15's
"*" indicators need (a document «в машиночитаемом виде»); NULL when the harvest did not read the file.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"


def upgrade() -> None:
    with op.batch_alter_table("download") as batch:
        batch.add_column(sa.Column("text_layer", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("download") as batch:
        batch.drop_column("text_layer")
