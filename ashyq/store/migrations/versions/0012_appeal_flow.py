"""The appeal of a published conclusion (ashyq.store.appeal): the day the body received it and its
deadline, the body's disagreements item by item, and the commission's decision on each."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ashyq.store.columns import BigId, JSONDocument, UtcDateTime

revision: str = "0012"
down_revision: str | None = "0011"


def one_of(table: str, column: str, *values: str) -> sa.CheckConstraint:
    """The CHECK a non-native SQLAlchemy Enum creates, named as the models name it."""
    listed = ", ".join(f"'{value}'" for value in values)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=op.f(f"ck_{table}_{column}"))


def _account(table: str, column: str) -> sa.Column[int]:
    return sa.Column(
        column, sa.Integer(), sa.ForeignKey("account.id", name=f"fk_{table}_{column}_account"), nullable=False
    )


def _publication(table: str) -> sa.Column[int]:
    return sa.Column(
        "publication_id",
        BigId,
        sa.ForeignKey("publication.id", ondelete="CASCADE", name=f"fk_{table}_publication_id_publication"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "conclusion_receipt",
        _publication("conclusion_receipt"),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("how", sa.String(8), nullable=False),
        _account("conclusion_receipt", "recorded_by"),
        sa.Column("recorded_at", UtcDateTime(), nullable=False),
        one_of("conclusion_receipt", "how", "opened", "recorded"),
        sa.PrimaryKeyConstraint("publication_id", name="pk_conclusion_receipt"),
    )
    op.create_table(
        "disagreement",
        sa.Column("id", BigId, nullable=False),
        _publication("disagreement"),
        sa.Column("item", sa.String(32), nullable=False),
        sa.Column("lang", sa.String(2)),
        sa.Column("position", sa.Text(), nullable=False),
        sa.Column("documents", JSONDocument, nullable=False),
        _account("disagreement", "filed_by"),
        sa.Column("filed_at", UtcDateTime(), nullable=False),
        sa.Column("source", sa.String(5), nullable=False),
        sa.Column("table_sha256", sa.String(64)),
        sa.Column("table_row", sa.Integer()),
        one_of("disagreement", "lang", "kk", "ru"),
        one_of("disagreement", "source", "form", "table"),
        sa.PrimaryKeyConstraint("id", name="pk_disagreement"),
        sa.UniqueConstraint("publication_id", "item", "lang", name="uq_disagreement_publication_id_item_lang"),
    )
    op.create_index("ix_disagreement_publication_id", "disagreement", ["publication_id"])
    op.create_table(
        "commission_decision",
        sa.Column("id", BigId, nullable=False),
        sa.Column(
            "disagreement_id",
            BigId,
            sa.ForeignKey(
                "disagreement.id", ondelete="CASCADE", name="fk_commission_decision_disagreement_id_disagreement"
            ),
            nullable=False,
        ),
        sa.Column("outcome", sa.String(8), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        _account("commission_decision", "decided_by"),
        sa.Column("decided_at", UtcDateTime(), nullable=False),
        sa.Column("revision", sa.Integer()),
        one_of("commission_decision", "outcome", "upheld", "rejected"),
        sa.CheckConstraint(
            "outcome <> 'upheld' OR revision IS NOT NULL", name=op.f("ck_commission_decision_upheld_has_revision")
        ),
        sa.PrimaryKeyConstraint("id", name="pk_commission_decision"),
        sa.UniqueConstraint("disagreement_id", name="uq_commission_decision_disagreement_id"),
    )


def downgrade() -> None:
    for table in ("commission_decision", "disagreement", "conclusion_receipt"):
        op.drop_table(table)
