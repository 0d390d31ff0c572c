"""Revisions of a run's findings and scores: ``ashyq check`` re-runs the checks over a stored run and
writes the next revision instead of overwriting the audit's own (revision 1).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"


def upgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
    with op.batch_alter_table("score") as batch:
        batch.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
        batch.drop_constraint(op.f("uq_score_run_id_body_id_edition"), type_="unique")
        batch.create_unique_constraint(
            op.f("uq_score_run_id_body_id_edition_revision"), ["run_id", "body_id", "edition", "revision"]
        )


def downgrade() -> None:
    # only the latest revision of each run survives, as it was before revisions were kept
    for table, key in (("finding", "run_id, body_id"), ("score", "run_id, body_id, edition")):
        op.execute(
            f"DELETE FROM {table} WHERE revision < (SELECT MAX(r.revision) FROM {table} r "
            f"WHERE {' AND '.join(f'r.{k.strip()} = {table}.{k.strip()}' for k in key.split(','))})"
        )
    with op.batch_alter_table("score") as batch:
        batch.drop_constraint(op.f("uq_score_run_id_body_id_edition_revision"), type_="unique")
        batch.create_unique_constraint(op.f("uq_score_run_id_body_id_edition"), ["run_id", "body_id", "edition"])
        batch.drop_column("revision")
    with op.batch_alter_table("finding") as batch:
        batch.drop_column("revision")
