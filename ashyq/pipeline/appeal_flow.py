"""The appeal of a published conclusion: its receipt and the body's deadline, the table of
disagreements, and the commission's decision on each (000 p.109, p.113, p.119; docs/appeal.md).

* **Receipt.** A published conclusion is received on the day the body's user first opens it in the
  served application, or on the day an analyst records (delivered by post or through the document
  system); the first receipt stands, and only an analyst's explicit correction moves it.
* **Deadline.** «в течение пяти рабочих дней со дня получения Заключения» (000 p.109). INTERPRETATION
  (the text does not say where the count starts): as the Civil Code counts a term from an event, from
  the day after receipt; the fifth working day on the Kazakhstan calendar
  (:mod:`ashyq.base.working_days`) is the last day, whole, in Almaty time.
* **Disagreements** are filed by the body's own users (an account bound to the body, or to a parent
  that includes its subordinates), item by item, each an item the conclusion deducted points for;
  after the deadline nothing is filed (2017 p.116: objections sent after the term are not considered).
* **Decisions** are the commission's: upheld (the body is right: the verdict changes, the run gets
  its next revision and the body a new publication of it that cites the decision) or rejected, with
  reasons. The conclusion made by the commission's decisions is final: it is not appealed again.

Every act is done by an account (:class:`ashyq.store.access.Account`), checked here, so the command
line and the served application refuse the same things. A refusal is :class:`AppealRefused`, with a
message key (shown in the reader's language) and its parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.base.working_days import ALMATY, add_working_days
from ashyq.pipeline.appeal_revision import UpheldItem, revise_for_upheld
from ashyq.pipeline.appeal_table import SupportingDocument, TableRow
from ashyq.pipeline.publication import bodies_of, publish
from ashyq.reports.body_report import load_body_report
from ashyq.reports.conclusion import AppealCitation, CitedDecision, appeal_citation
from ashyq.reports.i18n import catalogue
from ashyq.store.access import Account, Publication
from ashyq.store.appeal import CommissionDecision, ConclusionReceipt, Disagreement, DisagreementSource, Outcome
from ashyq.store.models import Run

TERM_WORKING_DAYS = 5  # 000 p.109
MAX_POSITION_CHARS = 10_000


class AppealRefused(Exception):
    """An act the appeal does not allow: ``key`` names the message (``appeal.refused.*``)."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key, self.params = key, params
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        return catalogue().text(lang, f"appeal.refused.{self.key}", **self.params)


def appeal_deadline(received_on: date) -> date:
    """The last day the body may send its table: the fifth working day after the day of receipt."""
    return add_working_days(received_on, TERM_WORKING_DAYS)


def local_day(moment: datetime) -> date:
    """The calendar day in Kazakhstan of a moment (terms are counted in the body's days)."""
    return moment.astimezone(ALMATY).date()


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


# ------------------------------------------------------------------------------------------ who may
def _require(account: Account, *roles: str) -> None:
    if not account.active:
        raise AppealRefused("disabled", user=account.username)
    if account.role not in roles:
        raise AppealRefused("role", user=account.username, role=account.role)


def _require_body_user(session: Session, account: Account, publication: Publication) -> None:
    _require(account, "body")
    if publication.body_id not in (bodies_of(session, account) or frozenset()):
        raise AppealRefused("not_your_body", user=account.username)


# ------------------------------------------------------------------------------------------ receipt
def is_final(session: Session, publication: Publication) -> bool:
    """A publication of a revision the commission's decisions made: not appealed again."""
    made = session.scalar(
        select(CommissionDecision.id)
        .join(Disagreement, CommissionDecision.disagreement_id == Disagreement.id)
        .join(Publication, Disagreement.publication_id == Publication.id)
        .where(
            Publication.run_id == publication.run_id,
            Publication.body_id == publication.body_id,
            CommissionDecision.revision == publication.revision,
        )
        .limit(1)
    )
    return made is not None


def receipt_of(session: Session, publication: Publication) -> ConclusionReceipt | None:
    return session.get(ConclusionReceipt, publication.id)


def opened_by_body(
    session: Session, publication: Publication, account: Account, now: datetime | None = None
) -> ConclusionReceipt:
    """The body's user opens the conclusion: the first opening is its receipt (a later one changes nothing)."""
    _require_body_user(session, account, publication)
    found = receipt_of(session, publication)
    if found is not None:
        return found
    day = local_day(_now(now))
    receipt = ConclusionReceipt(
        publication_id=publication.id,
        received_on=day,
        deadline=appeal_deadline(day),
        how="opened",
        recorded_by=account.id,
        recorded_at=_now(now),
    )
    session.add(receipt)
    session.flush()
    return receipt


def record_receipt(
    session: Session,
    publication: Publication,
    account: Account,
    received_on: date,
    correct: bool = False,
    now: datetime | None = None,
) -> ConclusionReceipt:
    """An analyst records the day the conclusion was delivered. A receipt already recorded stands unless
    ``correct`` (a wrong day entered, a delivery proved earlier): then the day and the deadline move."""
    _require(account, "analyst", "admin")
    moment = _now(now)
    if received_on > local_day(moment):
        raise AppealRefused("receipt_in_future", day=received_on.isoformat())
    if received_on < local_day(publication.published_at):
        raise AppealRefused("receipt_before_publication", day=received_on.isoformat())
    found = receipt_of(session, publication)
    if found is not None and not correct:
        raise AppealRefused("already_received", day=found.received_on.isoformat())
    receipt = found or ConclusionReceipt(publication_id=publication.id)
    receipt.received_on, receipt.deadline = received_on, appeal_deadline(received_on)
    receipt.how, receipt.recorded_by, receipt.recorded_at = "recorded", account.id, moment
    session.add(receipt)
    session.flush()
    return receipt


# ------------------------------------------------------------------------------------ disagreements
@dataclass(frozen=True)
class DisputableItem:
    """An item the published conclusion deducted points for: what a disagreement may name."""

    item: str
    lang: str | None
    lost: float


def disputable_items(session: Session, publication: Publication) -> list[DisputableItem]:
    report = load_body_report(session, publication.run_id, publication.body_id, publication.revision)
    return [DisputableItem(leaf.item, leaf.lang, leaf.lost) for leaf in report.losses()]


def _check_term(session: Session, publication: Publication, moment: datetime) -> ConclusionReceipt:
    if is_final(session, publication):
        raise AppealRefused("final")
    receipt = receipt_of(session, publication)
    if receipt is None:
        raise AppealRefused("not_received")
    if local_day(moment) > receipt.deadline:
        raise AppealRefused(
            "deadline_passed", deadline=receipt.deadline.isoformat(), received=receipt.received_on.isoformat()
        )
    return receipt


def file_disagreements(
    session: Session,
    publication: Publication,
    account: Account,
    rows: list[TableRow],
    source: DisagreementSource,
    table_sha256: str | None = None,
    now: datetime | None = None,
) -> list[Disagreement]:
    """File the body's disagreements, all or none: each must name an item the conclusion deducted
    for and not one already disputed, before the deadline, by the body's own user."""
    moment = _now(now)
    _require_body_user(session, account, publication)
    _check_term(session, publication, moment)
    allowed = {(d.item, d.lang) for d in disputable_items(session, publication)}
    filed: set[tuple[str, str | None]] = {(d.item, d.lang) for d in disagreements_of(session, publication)}
    if not rows:
        raise AppealRefused("nothing_disputed")
    added: list[Disagreement] = []
    for row in rows:
        key = (row.item, row.lang)
        if key not in allowed:
            raise AppealRefused("not_in_conclusion", item=row.item, lang=row.lang or "—")
        if key in filed:
            raise AppealRefused("already_disputed", item=row.item, lang=row.lang or "—")
        position = row.position.strip()
        if not position:
            raise AppealRefused("no_position", item=row.item)
        if len(position) > MAX_POSITION_CHARS:
            raise AppealRefused("position_too_long", item=row.item, limit=MAX_POSITION_CHARS)
        filed.add(key)
        added.append(
            Disagreement(
                publication_id=publication.id,
                item=row.item,
                lang=row.lang,
                position=position,
                documents=[d.as_dict() for d in row.documents],
                filed_by=account.id,
                filed_at=moment,
                source=source,
                table_sha256=table_sha256,
                table_row=row.row if source == "table" else None,
            )
        )
    session.add_all(added)
    session.flush()
    return added


def form_row(item: str, lang: str | None, position: str, documents: list[SupportingDocument]) -> TableRow:
    """A disagreement typed on the body's page, as a table row would give it."""
    return TableRow(0, item, lang, position, documents)


def disagreements_of(session: Session, publication: Publication) -> list[Disagreement]:
    query = select(Disagreement).where(Disagreement.publication_id == publication.id).order_by(Disagreement.id)
    return list(session.scalars(query))


def open_disagreements(session: Session) -> list[Disagreement]:
    """Every disagreement the commission has not decided, oldest first."""
    query = select(Disagreement).where(~Disagreement.decision.has()).order_by(Disagreement.filed_at, Disagreement.id)
    return list(session.scalars(query))


# ------------------------------------------------------------------------------------------ decisions
def decide(
    session: Session,
    disagreement: Disagreement,
    account: Account,
    outcome: Outcome,
    reasons: str,
    now: datetime | None = None,
) -> CommissionDecision:
    """The commission's decision on one disagreement. Upheld: the run's next revision (the item judged
    as the body argued) and a publication of it, which the body reads and which is final."""
    _require(account, "commission")
    if disagreement.decision is not None:
        raise AppealRefused("already_decided", number=disagreement.id)
    if outcome not in ("upheld", "rejected"):
        raise AppealRefused("unknown_outcome", outcome=outcome)
    reasons = reasons.strip()
    if not reasons:
        raise AppealRefused("no_reasons")
    moment = _now(now)
    revision = None
    if outcome == "upheld":
        publication = disagreement.publication
        run = session.get(Run, publication.run_id)
        assert run is not None  # the publication's foreign key
        upheld = UpheldItem(disagreement.item, disagreement.lang, disagreement.id, account.username, moment)
        revision = revise_for_upheld(session, run, publication.body_id, [upheld])
        published = publish(session, run.id, publication.body_id, account)
        published.published_at = moment
    decision = CommissionDecision(
        disagreement_id=disagreement.id,
        outcome=outcome,
        reasons=reasons,
        decided_by=account.id,
        decided_at=moment,
        revision=revision,
    )
    session.add(decision)
    session.flush()
    session.refresh(disagreement)
    return decision


def decisions_for(session: Session, run_id: str, body_id: str) -> list[CommissionDecision]:
    """The commission's decisions on a body's disagreements with its conclusions of a run, in order."""
    query = (
        select(CommissionDecision)
        .join(Disagreement, CommissionDecision.disagreement_id == Disagreement.id)
        .join(Publication, Disagreement.publication_id == Publication.id)
        .where(Publication.run_id == run_id, Publication.body_id == body_id)
        .order_by(CommissionDecision.decided_at, CommissionDecision.id)
    )
    return list(session.scalars(query))


def cited_decisions(session: Session, run_id: str, body_id: str) -> list[CitedDecision]:
    """The decisions as a conclusion cites them: item, outcome, day (Astana), member and reasons."""
    out: list[CitedDecision] = []
    for decision in decisions_for(session, run_id, body_id):
        member = session.get(Account, decision.decided_by)
        name = (member.display_name or member.username) if member is not None else str(decision.decided_by)
        d = decision.disagreement
        day = local_day(decision.decided_at).isoformat()
        out.append(CitedDecision(d.item, d.lang, decision.outcome, day, name, decision.reasons))
    return out


def conclusion_citation(session: Session, publication: Publication, lang: str) -> AppealCitation | None:
    """What the conclusion of ``publication`` says of the commission's decisions (a final one only)."""
    if not is_final(session, publication):
        return None
    return appeal_citation(
        publication.revision, cited_decisions(session, publication.run_id, publication.body_id), lang
    )
