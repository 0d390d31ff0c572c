"""A finding's reason by its catalogue message: ``finding.reason_text`` (``{"key": …, "params": {…}}``,
ashyq.base.wording), so that the reports say the reason in kk and ru; the English stays in
``finding.reason``. A deficiency's message key travels inside ``finding.deficiencies`` (a JSON
document already), so only the reason needs a column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ashyq.store.columns import JSONDocument

revision: str = "0014"
down_revision: str | None = "0013"


def upgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("reason_text", JSONDocument))


def downgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.drop_column("reason_text")
