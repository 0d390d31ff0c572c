"""Certainty of findings and the assessor's answers: ``finding.certainty`` (certain | uncertain),
``finding.doubt`` (why, and what to ask), ``finding.answer_id``, and the ``review_answer`` table
(``ashyq review``, docs/review.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ashyq.store.columns import BigId, JSONDocument, UtcDateTime

revision: str = "0013"
down_revision: str | None = "0012"


def one_of(table: str, column: str, *values: str) -> sa.CheckConstraint:
    """The CHECK a non-native SQLAlchemy Enum creates, named as the models name it."""
    listed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=op.f(f"ck_{table}_{column}"))


def upgrade() -> None:
    op.create_table(
        "review_answer",
        sa.Column("id", BigId, nullable=False),
        sa.Column(
            "run_id",
            sa.String(64),
            sa.ForeignKey("run.id", ondelete="CASCADE", name="fk_review_answer_run_id_run"),
            nullable=False,
        ),
        sa.Column(
            "body_id", sa.String(64), sa.ForeignKey("body.id", name="fk_review_answer_body_id_body"), nullable=False
        ),
        sa.Column("item", sa.String(32), nullable=False),
        sa.Column("lang", sa.String(2)),
        sa.Column("verdict", sa.String(14), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("assessor", sa.String(200), nullable=False),
        sa.Column("answered_at", UtcDateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("capture_sha256", sa.String(64)),
        sa.Column("source", sa.String(16), nullable=False),
        one_of("review_answer", "lang", "kk", "ru"),
        one_of("review_answer", "verdict", "pass", "fail", "partial", "not_applicable", "not_assessed"),
        sa.CheckConstraint("verdict <> 'not_assessed'", name=op.f("ck_review_answer_answer_is_a_verdict")),
        sa.PrimaryKeyConstraint("id", name="pk_review_answer"),
    )
    op.create_index("ix_review_answer_body_item_lang", "review_answer", ["body_id", "item", "lang"])
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("certainty", sa.String(9), server_default="certain", nullable=False))
        batch.add_column(sa.Column("doubt", JSONDocument))
        batch.add_column(sa.Column("answer_id", BigId))
        batch.create_foreign_key(
            "fk_finding_answer_id_review_answer", "review_answer", ["answer_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_check_constraint(op.f("ck_finding_certainty"), "certainty IN ('certain', 'uncertain')")
        batch.create_check_constraint(
            op.f("ck_finding_uncertain_has_doubt"), "certainty = 'certain' OR doubt IS NOT NULL"
        )


def downgrade() -> None:
    with op.batch_alter_table("finding") as batch:
        batch.drop_constraint(op.f("ck_finding_uncertain_has_doubt"), type_="check")
        batch.drop_constraint(op.f("ck_finding_certainty"), type_="check")
        batch.drop_constraint("fk_finding_answer_id_review_answer", type_="foreignkey")
        batch.drop_column("answer_id")
        batch.drop_column("doubt")
        batch.drop_column("certainty")
    op.drop_index("ix_review_answer_body_item_lang", table_name="review_answer")
    op.drop_table("review_answer")
