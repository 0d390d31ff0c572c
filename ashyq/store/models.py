"""The store's tables as typed SQLAlchemy models.

Every artefact belongs to one :class:`Run`; deleting a run deletes what it harvested, found and
scored (``ON DELETE CASCADE``), while bodies, which outlive runs, can be deleted only once nothing
refers to them. Closed vocabularies live in :mod:`ashyq.store.vocabulary`.

Tables that are read "per run and body" carry an index on ``(run_id, body_id)``; the finding and
portal-record indexes start with those two columns and serve the same queries.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ashyq.base.vocabulary import BODY_KINDS, CERTAINTIES, LANGS, STATUSES, BodyKind, Certainty, Lang, Status
from ashyq.store.columns import BigId, JSONDocument, UtcDateTime, text_enum
from ashyq.store.vocabulary import (
    EvidenceKind,
    FetchFailureReason,
    Portal,
    RunKind,
    RunStatus,
)

# Deterministic constraint names, so a migration written on SQLite drops the same constraint on
# PostgreSQL. Multi-column indexes are named by hand below to stay under PostgreSQL's 63 bytes.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

URL = Text  # URLs from the wild have no useful length limit
SHA256_HEX = String(64)
WARC_RECORD_ID = String(128)  # "<urn:uuid:…>", 47 characters in practice


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_evidence_id() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Body(Base):
    """A state body from the registry (``ashyq/config/bodies``)."""

    __tablename__ = "body"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name_kk: Mapped[str] = mapped_column(Text)
    name_ru: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[BodyKind] = mapped_column(text_enum(BODY_KINDS, "kind"))
    site_urls: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    # Each portal names a body its own way; ids are kept as text whatever the portal's type.
    govkz_slug: Mapped[str | None] = mapped_column(String(128))
    data_gov_agency_id: Mapped[str | None] = mapped_column(String(64))
    legalacts_government_id: Mapped[str | None] = mapped_column(String(64))
    budget_gov_agency_id: Mapped[str | None] = mapped_column(String(64))
    dialog_blog_id: Mapped[str | None] = mapped_column(String(64))
    tags: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    exemptions: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    # A subordinate organisation outlives the removal of its parent from the registry.
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("body.id", ondelete="SET NULL"), index=True)

    parent: Mapped[Body | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Body]] = relationship(back_populates="parent", passive_deletes=True)


class Run(Base):
    """One execution of the pipeline; every artefact below belongs to exactly one run."""

    __tablename__ = "run"
    __table_args__ = (
        # A finished run says when: "the last complete run" is ordered by it.
        CheckConstraint("status = 'running' OR finished_at IS NOT NULL", name="finished_has_time"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[RunKind] = mapped_column(text_enum(RunKind, "kind"))
    status: Mapped[RunStatus] = mapped_column(text_enum(RunStatus, "status"), default=RunStatus.RUNNING)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    edition: Mapped[str | None] = mapped_column(String(32))
    as_of: Mapped[date | None] = mapped_column(Date)  # the day deadlines are counted from
    settings: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    tool_version: Mapped[str | None] = mapped_column(String(32))
    body_ids: Mapped[list[str]] = mapped_column(JSONDocument, default=list)

    def record(self) -> dict[str, Any]:
        """The run as every export writes it (the run JSON, an evidence bundle's manifest): what ran,
        when, under which edition and settings, with which version of the tool."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "status": self.status.value,
            "started_at": self.started_at.isoformat() if self.started_at else None,
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "edition": self.edition,
            "tool_version": self.tool_version,
            "period": (self.settings or {}).get("period"),  # the reporting period judged
            "settings": self.settings,
        }


class RunLease(Base):
    """Who is working on a running run: the host and process of its coordinator and when it last
    said it was alive. A run whose process is gone (same host) or that has been silent for longer than
    the stale limit (another host) is interrupted, not running (:mod:`ashyq.store.leases`)."""

    __tablename__ = "run_lease"

    run_id: Mapped[str] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"), primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    heartbeat_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


finding_evidence = Table(
    "finding_evidence",
    Base.metadata,
    Column("finding_id", BigId, ForeignKey("finding.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence_id", String(64), ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True),
    # The primary key serves finding → evidence; this serves evidence → findings and its cascade.
    Index("ix_finding_evidence_evidence_id", "evidence_id"),
)


class Evidence(Base):
    """Something a verifier can open: an archived response, a screenshot, an axe result …"""

    __tablename__ = "evidence"
    __table_args__ = (Index("ix_evidence_run_body", "run_id", "body_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_evidence_id)
    run_id: Mapped[str] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"))
    body_id: Mapped[str | None] = mapped_column(ForeignKey("body.id"))
    kind: Mapped[EvidenceKind] = mapped_column(text_enum(EvidenceKind, "kind"))
    url: Mapped[str | None] = mapped_column(URL)
    captured_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    sha256: Mapped[str | None] = mapped_column(SHA256_HEX)
    warc_file: Mapped[str | None] = mapped_column(Text)
    warc_record_id: Mapped[str | None] = mapped_column(WARC_RECORD_ID)
    warc_offset: Mapped[int | None] = mapped_column(BigInteger)
    path: Mapped[str | None] = mapped_column(Text)  # a file under the run's output folder
    selector: Mapped[str | None] = mapped_column(Text)
    snippet: Mapped[str | None] = mapped_column(Text)
    # "metadata" is taken by SQLAlchemy on the class; the column keeps the plain name.
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", JSONDocument, default=dict)


class Finding(Base):
    """The outcome of one methodology item, in one language, for one body, in one run."""

    __tablename__ = "finding"
    __table_args__ = (
        Index("ix_finding_run_body_item_lang", "run_id", "body_id", "item", "lang"),
        # Outcomes are honest: "could not measure" always says why.
        CheckConstraint("status <> 'not_assessed' OR reason IS NOT NULL", name="not_assessed_has_reason"),
        # a verdict that is not sure says why and what to ask (house style 14)
        CheckConstraint("certainty = 'certain' OR doubt IS NOT NULL", name="uncertain_has_doubt"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"))
    body_id: Mapped[str] = mapped_column(ForeignKey("body.id"))
    item: Mapped[str] = mapped_column(String(32))  # "A14-2.3", "T7-1", "F"
    lang: Mapped[Lang | None] = mapped_column(text_enum(LANGS, "lang"))
    status: Mapped[Status] = mapped_column(text_enum(STATUSES, "status"))
    reason: Mapped[str | None] = mapped_column(Text)
    # the reason's catalogue message, ashyq.base.wording.Wording.as_dict() (key, params): the reports
    # say it in kk and ru; None for a finding whose check gave English only (its English is shown)
    reason_text: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)
    measured: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    # each is Deficiency.as_dict(evidence_ids) (ashyq.base.evidence): message, its catalogue "text"
    # (key, params), kind, count, url, selector, record, and "evidence", the ids of the stored
    # evidence it cites
    deficiencies: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument, default=list)
    check_id: Mapped[str] = mapped_column(String(64))
    check_version: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    # 1 for the audit's own checks; ``ashyq check`` adds the next one instead of overwriting. Readers
    # take a body's highest revision of the run (repository.findings_for).
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # an incremental run's finding taken over unchanged from this earlier run (its evidence linked, not
    # copied): nothing the check reads had changed (ashyq.pipeline.incremental); None: checked in this run
    carried_from: Mapped[str | None] = mapped_column(String(64))
    # how sure the status is: uncertain when the evidence admits another reading; ``doubt`` is then
    # ashyq.checks.result.Doubt.as_dict() (reason, look_at, quote, detail, question). A finding an
    # assessor decided is certain, keeps the doubt it was asked on and names the answer.
    certainty: Mapped[Certainty] = mapped_column(
        text_enum(CERTAINTIES, "certainty"), default="certain", server_default="certain"
    )
    doubt: Mapped[dict[str, Any] | None] = mapped_column(JSONDocument)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("review_answer.id", ondelete="SET NULL"))

    evidence: Mapped[list[Evidence]] = relationship(
        secondary=finding_evidence, order_by=Evidence.id, passive_deletes=True
    )
    answer: Mapped[ReviewAnswer | None] = relationship()


class ReviewAnswer(Base):
    """An assessor's answer to the question of an uncertain finding (``ashyq review``): the verdict, why,
    who and when. It was written into the run as a new revision; later runs carry it while the capture
    it was given on (``capture_sha256`` of ``url``) is unchanged (ashyq.pipeline.review)."""

    __tablename__ = "review_answer"
    __table_args__ = (
        Index("ix_review_answer_body_item_lang", "body_id", "item", "lang"),
        CheckConstraint("verdict <> 'not_assessed'", name="answer_is_a_verdict"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"))
    body_id: Mapped[str] = mapped_column(ForeignKey("body.id"))
    item: Mapped[str] = mapped_column(String(32))
    lang: Mapped[Lang | None] = mapped_column(text_enum(LANGS, "lang"))
    verdict: Mapped[Status] = mapped_column(text_enum(STATUSES, "verdict"))
    reason: Mapped[str] = mapped_column(Text)
    assessor: Mapped[str] = mapped_column(String(200))
    answered_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    revision: Mapped[int] = mapped_column(Integer)  # the run's revision the answer wrote
    url: Mapped[str | None] = mapped_column(URL)  # the page or record the question named
    capture_sha256: Mapped[str | None] = mapped_column(SHA256_HEX)  # its capture when answered
    source: Mapped[str] = mapped_column(String(16))  # terminal | spreadsheet | web


class Score(Base):
    """A body's score in one run under one methodology edition."""

    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("run_id", "body_id", "edition", "revision"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"))
    body_id: Mapped[str] = mapped_column(ForeignKey("body.id"), index=True)
    edition: Mapped[str] = mapped_column(String(32))
    points: Mapped[float] = mapped_column(Float)
    max_points: Mapped[float] = mapped_column(Float)
    max_assessed: Mapped[float] = mapped_column(Float)  # maximum over what could be measured
    max_not_assessed: Mapped[float] = mapped_column(Float)
    penalty: Mapped[float] = mapped_column(Float, default=0.0)
    total: Mapped[float] = mapped_column(Float)
    final: Mapped[float] = mapped_column(Float)
    level: Mapped[str | None] = mapped_column(String(32))
    breakdown: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    interpretations_applied: Mapped[list[Any]] = mapped_column(JSONDocument, default=list)
    averages_borrowed: Mapped[list[Any]] = mapped_column(JSONDocument, default=list)
    # the revision of the run's findings this score was computed from (see Finding.revision)
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    run: Mapped[Run] = relationship()


class Page(Base):
    """One fetched page (or API document) of a body's site or a portal."""

    __tablename__ = "page"
    __table_args__ = (
        Index("ix_page_run_body", "run_id", "body_id"),
        Index("ix_page_run_url", "run_id", "url"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"))
    # No body for a one-URL run or a resource shared by several bodies.
    body_id: Mapped[str | None] = mapped_column(ForeignKey("body.id"))
    url: Mapped[str] = mapped_column(URL)
    final_url: Mapped[str | None] = mapped_column(URL)
    lang: Mapped[str | None] = mapped_column(String(8))  # as detected; "en" happens
    status: Mapped[int | None] = mapped_column(Integer)  # HTTP status
    headers: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    depth: Mapped[int | None] = mapped_column(Integer)  # clicks from the home page
    counterpart_url: Mapped[str | None] = mapped_column(URL)  # the same page in the other language
    content_sha256: Mapped[str | None] = mapped_column(SHA256_HEX)
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    content_type: Mapped[str | None] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(Text)
    rendered: Mapped[bool] = mapped_column(Boolean, default=False)  # through the browser
    warc_file: Mapped[str | None] = mapped_column(Text)
    warc_record_id: Mapped[str | None] = mapped_column(WARC_RECORD_ID)
    screenshot_evidence_ids: Mapped[list[str]] = mapped_column(JSONDocument, default=list)
    source: Mapped[str] = mapped_column(String(32), default="site")  # "site", "govkz-api", …

    links: Mapped[list[Link]] = relationship(
        back_populates="page", order_by="Link.id", cascade="all, delete-orphan", passive_deletes=True
    )
    downloads: Mapped[list[Download]] = relationship(
        back_populates="page", order_by="Download.id", cascade="all, delete-orphan", passive_deletes=True
    )


class Link(Base):
    """A hyperlink found on a page."""

    __tablename__ = "link"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    page_id: Mapped[int] = mapped_column(BigId, ForeignKey("page.id", ondelete="CASCADE"), index=True)
    target_url: Mapped[str] = mapped_column(URL)
    anchor_text: Mapped[str | None] = mapped_column(Text)
    is_internal: Mapped[bool] = mapped_column(Boolean)
    rel: Mapped[str | None] = mapped_column(String(255))
    target: Mapped[str | None] = mapped_column(String(64))  # the HTML target attribute
    target_status: Mapped[int | None] = mapped_column(Integer)  # HTTP status, if checked

    page: Mapped[Page] = relationship(back_populates="links")


class Download(Base):
    """A downloadable file linked from a page (PDF, DOCX, XLSX …)."""

    __tablename__ = "download"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    page_id: Mapped[int] = mapped_column(BigId, ForeignKey("page.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(URL)
    format: Mapped[str | None] = mapped_column(String(16))
    declared_size_text: Mapped[str | None] = mapped_column(String(64))  # "1,2 МБ" as the page says
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    content_type: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[int | None] = mapped_column(Integer)
    text_layer: Mapped[bool | None] = mapped_column(Boolean)  # a PDF's: False for a scan; None: not read

    page: Mapped[Page] = relationship(back_populates="downloads")


class PortalRecord(Base):
    """One record read from an Open Government portal (a dataset, a draft act, a blog question …)."""

    __tablename__ = "portal_record"
    __table_args__ = (Index("ix_portal_record_run_body_portal_kind", "run_id", "body_id", "portal", "record_kind"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"))
    body_id: Mapped[str] = mapped_column(ForeignKey("body.id"))
    portal: Mapped[Portal] = mapped_column(text_enum(Portal, "portal"))
    # An open vocabulary: dataset, passport, programme, file, draft, comment, version, blog_post,
    # question, conference, poll, news, document, vr_question …
    record_kind: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str | None] = mapped_column(String(255))
    lang: Mapped[str | None] = mapped_column(String(8))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    source_url: Mapped[str | None] = mapped_column(URL)
    warc_record_id: Mapped[str | None] = mapped_column(WARC_RECORD_ID)
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class FetchFailure(Base):
    """A URL that could not be harvested; checks turn these into ``not_assessed``, not deductions."""

    __tablename__ = "fetch_failure"
    __table_args__ = (Index("ix_fetch_failure_run_body", "run_id", "body_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"))
    body_id: Mapped[str | None] = mapped_column(ForeignKey("body.id"))
    url: Mapped[str] = mapped_column(URL)
    reason: Mapped[FetchFailureReason] = mapped_column(text_enum(FetchFailureReason, "reason"))
    detail: Mapped[str | None] = mapped_column(Text)
    status_code: Mapped[int | None] = mapped_column(Integer)
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class Declaration(Base):
    """What a body declares about itself for a period (items that cannot be crawled)."""

    __tablename__ = "declaration"
    __table_args__ = (
        Index("ix_declaration_run_body", "run_id", "body_id"),
        Index("ix_declaration_body_period", "body_id", "period"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # Loaded for a run or on its own; it stays when the run is deleted.
    run_id: Mapped[str | None] = mapped_column(ForeignKey("run.id", ondelete="SET NULL"))
    body_id: Mapped[str] = mapped_column(ForeignKey("body.id"))
    period: Mapped[str] = mapped_column(String(32))  # "2025", "2025-H1" …
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    source_sha256: Mapped[str | None] = mapped_column(SHA256_HEX)
    loaded_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    entries: Mapped[list[ReconciliationEntry]] = relationship(
        back_populates="declaration",
        order_by="ReconciliationEntry.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class ReconciliationEntry(Base):
    """One declared claim set against what the harvest shows."""

    __tablename__ = "reconciliation_entry"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    declaration_id: Mapped[int] = mapped_column(BigId, ForeignKey("declaration.id", ondelete="CASCADE"), index=True)
    # The run whose harvest the claim was compared with; the comparison dies with it.
    run_id: Mapped[str | None] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(32))
    claim: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(32))  # "confirmed", "contradicted", "not_verifiable" …
    evidence_ids: Mapped[list[str]] = mapped_column(JSONDocument, default=list)

    declaration: Mapped[Declaration] = relationship(back_populates="entries")


class UnifiedList(Base):
    """The Unified list of open data as imported (``ashyq open-data import-list``): the official file's
    rows, whole, with where they came from. The newest import is the one in effect; a run records
    which one its checks read."""

    __tablename__ = "unified_list"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    source: Mapped[str] = mapped_column(Text)  # the file's name
    source_sha256: Mapped[str] = mapped_column(SHA256_HEX)
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    # one mapping per row: row, code, name_kk, name_ru, body, actualize_type, bin, api_uri
    entries: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument, default=list)
