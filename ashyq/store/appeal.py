"""The appeal of a published conclusion (000 p.109): when the body received it and until when it may
disagree, the table of disagreements item by item, and the commission's decision on each.

The tables share the store's :class:`~ashyq.store.models.Base` and hang off a
:class:`~ashyq.store.access.Publication`; ``ashyq.store`` imports this module, so every reader of
``Base.metadata`` (the migrations, the tests) sees them. Who did what is an account (never deleted, only
disabled), so the rows keep naming the person.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, get_args

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ashyq.base.vocabulary import LANGS, Lang
from ashyq.store.access import Publication
from ashyq.store.columns import BigId, JSONDocument, UtcDateTime, text_enum
from ashyq.store.models import Base, utc_now

# opened: the body's user first opened the conclusion in the served application; recorded: an analyst
# recorded the day it was delivered another way (by post, through the document system)
ReceiptKind = Literal["opened", "recorded"]
RECEIPT_KINDS: tuple[ReceiptKind, ...] = get_args(ReceiptKind)
# form: typed on the body's page; table: a row of the uploaded table of disagreements
DisagreementSource = Literal["form", "table"]
DISAGREEMENT_SOURCES: tuple[DisagreementSource, ...] = get_args(DisagreementSource)
# upheld: the body is right and the verdict changes; rejected: the verdict stands
Outcome = Literal["upheld", "rejected"]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)


class ConclusionReceipt(Base):
    """The day the body received a published conclusion, and the last day of its five working days."""

    __tablename__ = "conclusion_receipt"

    publication_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("publication.id", ondelete="CASCADE"), primary_key=True
    )
    received_on: Mapped[date] = mapped_column(Date)
    # kept as computed on the day of receipt: a later change of the holiday calendar does not move it
    deadline: Mapped[date] = mapped_column(Date)
    how: Mapped[ReceiptKind] = mapped_column(text_enum(RECEIPT_KINDS, "how"))
    recorded_by: Mapped[int] = mapped_column(ForeignKey("account.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)

    publication: Mapped[Publication] = relationship()


class Disagreement(Base):
    """One row of the body's table of disagreements: the item and language it disputes, the body's
    position and its supporting documents (``[{"name", "link"}]``)."""

    __tablename__ = "disagreement"
    __table_args__ = (UniqueConstraint("publication_id", "item", "lang"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    publication_id: Mapped[int] = mapped_column(BigId, ForeignKey("publication.id", ondelete="CASCADE"), index=True)
    item: Mapped[str] = mapped_column(String(32))
    lang: Mapped[Lang | None] = mapped_column(text_enum(LANGS, "lang"))
    position: Mapped[str] = mapped_column(Text)
    documents: Mapped[list[dict[str, Any]]] = mapped_column(JSONDocument, default=list)
    filed_by: Mapped[int] = mapped_column(ForeignKey("account.id"))
    filed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    source: Mapped[DisagreementSource] = mapped_column(text_enum(DISAGREEMENT_SOURCES, "source"))
    table_sha256: Mapped[str | None] = mapped_column(String(64))  # the uploaded table's, with the row it was on
    table_row: Mapped[int | None] = mapped_column(Integer)

    publication: Mapped[Publication] = relationship()
    decision: Mapped[CommissionDecision | None] = relationship(back_populates="disagreement", uselist=False)


class CommissionDecision(Base):
    """The commission's decision on one disagreement; an upheld one made the run's next revision."""

    __tablename__ = "commission_decision"
    __table_args__ = (CheckConstraint("outcome <> 'upheld' OR revision IS NOT NULL", name="upheld_has_revision"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    disagreement_id: Mapped[int] = mapped_column(BigId, ForeignKey("disagreement.id", ondelete="CASCADE"), unique=True)
    outcome: Mapped[Outcome] = mapped_column(text_enum(OUTCOMES, "outcome"))
    reasons: Mapped[str] = mapped_column(Text)
    decided_by: Mapped[int] = mapped_column(ForeignKey("account.id"))
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utc_now)
    revision: Mapped[int | None] = mapped_column(Integer)  # of the run's findings and scores, when upheld

    disagreement: Mapped[Disagreement] = relationship(back_populates="decision")
