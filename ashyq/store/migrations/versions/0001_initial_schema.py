"""Initial schema: the registry, runs, the harvest, findings, evidence and scores.

Written by autogenerate from ashyq.store.models, then checked by hand: column types are plain
SQLAlchemy types (no import of the application), enums are VARCHAR + named CHECK as the models
create them, and the names follow the models' naming convention.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 10:37:52.642211
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None


def json_document() -> sa.types.TypeEngine:
    return sa.JSON()  # JSON, not JSONB, on PostgreSQL: see ashyq.store.columns.JSONDocument


def big_id() -> sa.types.TypeEngine:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def one_of(table: str, column: str, *values: str) -> sa.CheckConstraint:
    """The CHECK a non-native SQLAlchemy Enum creates, named as the models name it."""
    listed = ", ".join(f"'{value}'" for value in values)
    return sa.CheckConstraint(f"{column} IN ({listed})", name=op.f(f"ck_{table}_{column}"))


# In creation order: a table comes after the tables it refers to.
TABLES = [
    "body",
    "run",
    "declaration",
    "evidence",
    "fetch_failure",
    "finding",
    "page",
    "portal_record",
    "score",
    "download",
    "finding_evidence",
    "link",
    "reconciliation_entry",
]


# Over 80 lines, on purpose: the schema as it stood at the first release, table after table as
# autogenerate wrote it and a reviewer checked it against the models. A migration is a record of
# that moment, read top to bottom; split into helpers it would no longer read as the schema it was.
def upgrade() -> None:
    op.create_table(
        "body",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name_kk", sa.Text(), nullable=False),
        sa.Column("name_ru", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=11), nullable=False),
        sa.Column("site_urls", json_document(), nullable=False),
        sa.Column("govkz_slug", sa.String(length=128), nullable=True),
        sa.Column("data_gov_agency_id", sa.String(length=64), nullable=True),
        sa.Column("legalacts_government_id", sa.String(length=64), nullable=True),
        sa.Column("budget_gov_agency_id", sa.String(length=64), nullable=True),
        sa.Column("dialog_blog_id", sa.String(length=64), nullable=True),
        sa.Column("tags", json_document(), nullable=False),
        sa.Column("exemptions", json_document(), nullable=False),
        sa.Column("parent_id", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["body.id"], name=op.f("fk_body_parent_id_body"), ondelete="SET NULL"),
        one_of("body", "kind", "cgo", "mio", "subordinate"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_body")),
    )
    op.create_index(op.f("ix_body_parent_id"), "body", ["parent_id"], unique=False)

    op.create_table(
        "run",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=7), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("edition", sa.String(length=32), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("settings", json_document(), nullable=False),
        sa.Column("tool_version", sa.String(length=32), nullable=True),
        sa.Column("body_ids", json_document(), nullable=False),
        one_of("run", "kind", "nightly", "audit", "url", "recheck", "demo"),
        one_of("run", "status", "running", "complete", "partial", "failed"),
        sa.CheckConstraint("status = 'running' OR finished_at IS NOT NULL", name=op.f("ck_run_finished_has_time")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run")),
    )
    op.create_index(op.f("ix_run_started_at"), "run", ["started_at"], unique=False)

    op.create_table(
        "declaration",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("run_id", sa.String(length=64), nullable=True),
        sa.Column("body_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=32), nullable=False),
        sa.Column("payload", json_document(), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=True),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name=op.f("fk_declaration_body_id_body")),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], name=op.f("fk_declaration_run_id_run"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_declaration")),
    )
    op.create_index("ix_declaration_body_period", "declaration", ["body_id", "period"], unique=False)
    op.create_index("ix_declaration_run_body", "declaration", ["run_id", "body_id"], unique=False)

    op.create_table(
        "evidence",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("run_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=17), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("warc_file", sa.Text(), nullable=True),
        sa.Column("warc_record_id", sa.String(length=128), nullable=True),
        sa.Column("warc_offset", sa.BigInteger(), nullable=True),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("selector", sa.Text(), nullable=True),
        sa.Column("snippet", sa.Text(), nullable=True),
        sa.Column("metadata", json_document(), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name=op.f("fk_evidence_body_id_body")),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], name=op.f("fk_evidence_run_id_run"), ondelete="CASCADE"),
        one_of(
            "evidence",
            "kind",
            "warc_record",
            "screenshot",
            "axe_result",
            "portal_record",
            "declared_document",
            "dom_snapshot",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
    )
    op.create_index("ix_evidence_run_body", "evidence", ["run_id", "body_id"], unique=False)

    op.create_table(
        "fetch_failure",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("run_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.String(length=64), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=15), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name=op.f("fk_fetch_failure_body_id_body")),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], name=op.f("fk_fetch_failure_run_id_run"), ondelete="CASCADE"),
        one_of(
            "fetch_failure",
            "reason",
            "robots",
            "antibot",
            "timeout",
            "http_status",
            "private_address",
            "trap",
            "too_large",
            "error",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fetch_failure")),
    )
    op.create_index("ix_fetch_failure_run_body", "fetch_failure", ["run_id", "body_id"], unique=False)

    op.create_table(
        "finding",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("run_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.String(length=64), nullable=False),
        sa.Column("item", sa.String(length=32), nullable=False),
        sa.Column("lang", sa.String(length=2), nullable=True),
        sa.Column("status", sa.String(length=14), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("measured", json_document(), nullable=False),
        sa.Column("deficiencies", json_document(), nullable=False),
        sa.Column("check_id", sa.String(length=64), nullable=False),
        sa.Column("check_version", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status <> 'not_assessed' OR reason IS NOT NULL", name=op.f("ck_finding_not_assessed_has_reason")
        ),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name=op.f("fk_finding_body_id_body")),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], name=op.f("fk_finding_run_id_run"), ondelete="CASCADE"),
        one_of("finding", "lang", "kk", "ru"),
        one_of("finding", "status", "pass", "fail", "partial", "not_applicable", "not_assessed"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding")),
    )
    op.create_index("ix_finding_run_body_item_lang", "finding", ["run_id", "body_id", "item", "lang"], unique=False)

    op.create_table(
        "page",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("run_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.String(length=64), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("lang", sa.String(length=8), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("headers", json_document(), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=True),
        sa.Column("counterpart_url", sa.Text(), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("content_type", sa.String(length=255), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("rendered", sa.Boolean(), nullable=False),
        sa.Column("warc_file", sa.Text(), nullable=True),
        sa.Column("warc_record_id", sa.String(length=128), nullable=True),
        sa.Column("screenshot_evidence_ids", json_document(), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name=op.f("fk_page_body_id_body")),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], name=op.f("fk_page_run_id_run"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_page")),
    )
    op.create_index("ix_page_run_body", "page", ["run_id", "body_id"], unique=False)
    op.create_index("ix_page_run_url", "page", ["run_id", "url"], unique=False)

    op.create_table(
        "portal_record",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("run_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.String(length=64), nullable=False),
        sa.Column("portal", sa.String(length=9), nullable=False),
        sa.Column("record_kind", sa.String(length=32), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("lang", sa.String(length=8), nullable=True),
        sa.Column("payload", json_document(), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("warc_record_id", sa.String(length=128), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name=op.f("fk_portal_record_body_id_body")),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], name=op.f("fk_portal_record_run_id_run"), ondelete="CASCADE"),
        one_of("portal_record", "portal", "data", "budget", "legalacts", "dialog", "govkz"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_portal_record")),
    )
    op.create_index(
        "ix_portal_record_run_body_portal_kind",
        "portal_record",
        ["run_id", "body_id", "portal", "record_kind"],
        unique=False,
    )

    op.create_table(
        "score",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("run_id", sa.String(length=64), nullable=False),
        sa.Column("body_id", sa.String(length=64), nullable=False),
        sa.Column("edition", sa.String(length=32), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("max_points", sa.Float(), nullable=False),
        sa.Column("max_assessed", sa.Float(), nullable=False),
        sa.Column("max_not_assessed", sa.Float(), nullable=False),
        sa.Column("penalty", sa.Float(), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.Column("final", sa.Float(), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=True),
        sa.Column("breakdown", json_document(), nullable=False),
        sa.Column("interpretations_applied", json_document(), nullable=False),
        sa.Column("averages_borrowed", json_document(), nullable=False),
        sa.ForeignKeyConstraint(["body_id"], ["body.id"], name=op.f("fk_score_body_id_body")),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"], name=op.f("fk_score_run_id_run"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score")),
        sa.UniqueConstraint("run_id", "body_id", "edition", name=op.f("uq_score_run_id_body_id_edition")),
    )
    op.create_index(op.f("ix_score_body_id"), "score", ["body_id"], unique=False)

    op.create_table(
        "download",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("page_id", big_id(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=True),
        sa.Column("declared_size_text", sa.String(length=64), nullable=True),
        sa.Column("size_bytes", sa.BigInteger(), nullable=True),
        sa.Column("content_type", sa.String(length=255), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["page_id"], ["page.id"], name=op.f("fk_download_page_id_page"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_download")),
    )
    op.create_index(op.f("ix_download_page_id"), "download", ["page_id"], unique=False)

    op.create_table(
        "finding_evidence",
        sa.Column("finding_id", big_id(), nullable=False),
        sa.Column("evidence_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence.id"],
            name=op.f("fk_finding_evidence_evidence_id_evidence"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"],
            ["finding.id"],
            name=op.f("fk_finding_evidence_finding_id_finding"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("finding_id", "evidence_id", name=op.f("pk_finding_evidence")),
    )
    op.create_index("ix_finding_evidence_evidence_id", "finding_evidence", ["evidence_id"], unique=False)

    op.create_table(
        "link",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("page_id", big_id(), nullable=False),
        sa.Column("target_url", sa.Text(), nullable=False),
        sa.Column("anchor_text", sa.Text(), nullable=True),
        sa.Column("is_internal", sa.Boolean(), nullable=False),
        sa.Column("rel", sa.String(length=255), nullable=True),
        sa.Column("target", sa.String(length=64), nullable=True),
        sa.Column("target_status", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["page_id"], ["page.id"], name=op.f("fk_link_page_id_page"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link")),
    )
    op.create_index(op.f("ix_link_page_id"), "link", ["page_id"], unique=False)

    op.create_table(
        "reconciliation_entry",
        sa.Column("id", big_id(), nullable=False),
        sa.Column("declaration_id", big_id(), nullable=False),
        sa.Column("run_id", sa.String(length=64), nullable=True),
        sa.Column("item", sa.String(length=32), nullable=False),
        sa.Column("claim", sa.Text(), nullable=False),
        sa.Column("verdict", sa.String(length=32), nullable=False),
        sa.Column("evidence_ids", json_document(), nullable=False),
        sa.ForeignKeyConstraint(
            ["declaration_id"],
            ["declaration.id"],
            name=op.f("fk_reconciliation_entry_declaration_id_declaration"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["run.id"], name=op.f("fk_reconciliation_entry_run_id_run"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconciliation_entry")),
    )
    op.create_index(
        op.f("ix_reconciliation_entry_declaration_id"),
        "reconciliation_entry",
        ["declaration_id"],
        unique=False,
    )
    op.create_index(op.f("ix_reconciliation_entry_run_id"), "reconciliation_entry", ["run_id"], unique=False)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
