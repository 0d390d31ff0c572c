"""Who may see what in the served application (``ashyq serve``): its accounts and their roles, their
signed-in sessions, the publications that open a body's conclusion to the body, and the audit log of
every action.

The tables share the store's :class:`~ashyq.store.models.Base`; ``ashyq.store`` imports this module, so
whoever reads ``Base.metadata`` (the migrations, the tests) sees them. Accounts are disabled, never
deleted: the audit log and the publications keep naming who acted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, get_args

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ashyq.base.vocabulary import LANGS, Lang
from ashyq.store.columns import BigId, JSONDocument, UtcDateTime, text_enum
from ashyq.store.models import Base, utc_now

# analyst: reads every run, publishes conclusions; assessor: answers the review questions; body: reads
# its own published conclusions (and its subordinates' when so bound) and disagrees; commission: decides
# the disagreements; verifier: downloads the signed evidence of published conclusions; admin: manages the
# accounts and reads the audit log.
Role = Literal["analyst", "assessor", "body", "commission", "verifier", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
ADDRESS = String(64)  # an IPv6 address with its zone fits


class Account(Base):
    """A person who signs in; a body's account is bound to that body (and, if said, its subordinates)."""

    __tablename__ = "account"
    __table_args__ = (CheckConstraint("role <> 'body' OR body_id IS NOT NULL", name="body_role_has_body"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str | None] = mapped_column(Text)
    # Argon2id (argon2-cffi's encoded form); None for an account that signs in through the identity
    # provider only
    password_hash: Mapped[str | None] = mapped_column(Text)
    role: Mapped[Role] = mapped_column(text_enum(ROLES, "role"))
    body_id: Mapped[str | None] = mapped_column(ForeignKey("body.id"), index=True)
    include_subordinates: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[Lang | None] = mapped_column(text_enum(LANGS, "language"))  # the reading pages'
    oidc_subject: Mapped[str | None] = mapped_column(String(255), unique=True)  # the provider's "sub"
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    disabled_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    @property
    def active(self) -> bool:
        return self.disabled_at is None


class AccountSession(Base):
    """One sign-in. The cookie carries a signed random token; the row (keyed by the token's sha256, so a
    copy of the table signs nobody in) says when it began, when it was last used and when it ended."""

    __tablename__ = "account_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the cookie's token
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    address: Mapped[str | None] = mapped_column(ADDRESS)


class Publication(Base):
    """A body's conclusion of a run made known to the body: the revision published, by whom, when. The
    body's users see a run's results only once published; the appeal's five working days start from it."""

    __tablename__ = "publication"
    __table_args__ = (
        UniqueConstraint("run_id", "body_id", "revision"),
        Index("ix_publication_body_run", "body_id", "run_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    run_id: Mapped[str] = mapped_column(ForeignKey("run.id", ondelete="CASCADE"))
    body_id: Mapped[str] = mapped_column(ForeignKey("body.id"))
    revision: Mapped[int] = mapped_column(Integer)  # of the run's findings and score (Finding.revision)
    published_by: Mapped[int] = mapped_column(ForeignKey("account.id"))
    published_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)


class AuditEntry(Base):
    """One action in the served application: who (the account, or the name typed at a failed sign-in),
    what, on what, when and from where."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now, index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"), index=True)
    username: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))  # sign_in, sign_in_failed, publish, download …
    target: Mapped[str | None] = mapped_column(Text)  # what it was done to: a run/body, a finding, a file
    address: Mapped[str | None] = mapped_column(ADDRESS)
    detail: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
