"""The served application's accounts (a role each; a body's bound to its body), their sessions, the
publications that open a body's conclusion to it, and the audit log (ashyq.store.access)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ashyq.store.columns import BigId, JSONDocument, UtcDateTime

revision: str = "0011"
down_revision: str | None = "0010"

ROLES = ("analyst", "assessor", "body", "commission", "verifier", "admin")


def one_of(table: str, column: str, *values: str) -> sa.CheckConstraint:
    """The CHECK a non-native SQLAlchemy Enum creates, named as the models name it."""
    listed = ", ".join(f"'{value}'" for value in values)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=op.f(f"ck_{table}_{column}"))


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.Text()),
        sa.Column("password_hash", sa.Text()),
        sa.Column("role", sa.String(length=max(map(len, ROLES))), nullable=False),
        sa.Column("body_id", sa.String(64), sa.ForeignKey("body.id", name="fk_account_body_id_body")),
        sa.Column("include_subordinates", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=2)),
        sa.Column("oidc_subject", sa.String(255)),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("disabled_at", UtcDateTime()),
        one_of("account", "role", *ROLES),
        one_of("account", "language", "kk", "ru"),
        sa.CheckConstraint("role <> 'body' OR body_id IS NOT NULL", name=op.f("ck_account_body_role_has_body")),
        sa.PrimaryKeyConstraint("id", name="pk_account"),
        sa.UniqueConstraint("username", name="uq_account_username"),
        sa.UniqueConstraint("oidc_subject", name="uq_account_oidc_subject"),
    )
    op.create_index("ix_account_body_id", "account", ["body_id"])
    op.create_table(
        "account_session",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column(
            "account_id",
            sa.Integer(),
            sa.ForeignKey("account.id", ondelete="CASCADE", name="fk_account_session_account_id_account"),
            nullable=False,
        ),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("last_seen_at", UtcDateTime(), nullable=False),
        sa.Column("ended_at", UtcDateTime()),
        sa.Column("address", sa.String(64)),
        sa.PrimaryKeyConstraint("id", name="pk_account_session"),
    )
    op.create_index("ix_account_session_account_id", "account_session", ["account_id"])
    op.create_table(
        "publication",
        sa.Column("id", BigId, nullable=False),
        sa.Column(
            "run_id",
            sa.String(64),
            sa.ForeignKey("run.id", ondelete="CASCADE", name="fk_publication_run_id_run"),
            nullable=False,
        ),
        sa.Column(
            "body_id", sa.String(64), sa.ForeignKey("body.id", name="fk_publication_body_id_body"), nullable=False
        ),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column(
            "published_by",
            sa.Integer(),
            sa.ForeignKey("account.id", name="fk_publication_published_by_account"),
            nullable=False,
        ),
        sa.Column("published_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_publication"),
        sa.UniqueConstraint("run_id", "body_id", "revision", name="uq_publication_run_id_body_id_revision"),
    )
    op.create_index("ix_publication_body_run", "publication", ["body_id", "run_id"])
    op.create_table(
        "audit_entry",
        sa.Column("id", BigId, nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("account.id", name="fk_audit_entry_account_id_account")),
        sa.Column("username", sa.String(64)),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.Text()),
        sa.Column("address", sa.String(64)),
        sa.Column("detail", JSONDocument, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_entry"),
    )
    op.create_index("ix_audit_entry_at", "audit_entry", ["at"])
    op.create_index("ix_audit_entry_account_id", "audit_entry", ["account_id"])


def downgrade() -> None:
    for table in ("audit_entry", "publication", "account_session", "account"):
        op.drop_table(table)
