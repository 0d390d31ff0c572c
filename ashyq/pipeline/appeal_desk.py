"""The appeal from the command line (``ashyq appeal receive|file|decide|list``): each act opens the store,
names the account that acts (``--by``: the same rules as in the served application) and gives back
what happened as plain records to print. The rules are :mod:`ashyq.pipeline.appeal_flow`'s."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.base.strict_files import read_bounded
from ashyq.pipeline.appeal_flow import (
    AppealRefused,
    conclusion_citation,
    decide,
    disagreements_of,
    file_disagreements,
    open_disagreements,
    receipt_of,
    record_receipt,
)
from ashyq.pipeline.appeal_table import LIMITS, AnsweredConclusion, read_disagreement_table
from ashyq.pipeline.run_outputs import open_store
from ashyq.reports.body_report import load_body_report
from ashyq.reports.conclusion import write_conclusion
from ashyq.store.access import Account, Publication
from ashyq.store.appeal import Disagreement, Outcome


@dataclass(frozen=True)
class DisagreementLine:
    id: int
    publication: int
    run_id: str
    body_id: str
    item: str
    lang: str | None
    filed_at: str
    position: str
    outcome: str | None  # None: not decided
    revision: int | None


@dataclass(frozen=True)
class ReceiptLine:
    publication: int
    received_on: date
    deadline: date
    how: str


def _account(session: Session, username: str) -> Account:
    found = session.scalar(select(Account).where(Account.username == username))
    if found is None:
        raise AppealRefused("no_account", user=username)
    return found


def _publication(session: Session, publication_id: int) -> Publication:
    found = session.get(Publication, publication_id)
    if found is None:
        raise AppealRefused("no_publication")
    return found


def _line(d: Disagreement) -> DisagreementLine:
    decision = d.decision
    return DisagreementLine(
        d.id,
        d.publication_id,
        d.publication.run_id,
        d.publication.body_id,
        d.item,
        d.lang,
        d.filed_at.isoformat(timespec="minutes"),
        d.position,
        decision.outcome if decision else None,
        decision.revision if decision else None,
    )


def receive(db: str | None, publication_id: int, username: str, day: date, correct: bool) -> ReceiptLine:
    with open_store(db) as session:
        receipt = record_receipt(
            session, _publication(session, publication_id), _account(session, username), day, correct
        )
        return ReceiptLine(publication_id, receipt.received_on, receipt.deadline, receipt.how)


def answered_by(session: Session, publication: Publication) -> AnsweredConclusion:
    """What a filled table of the publication's conclusion must match (the revision published)."""
    report = load_body_report(session, publication.run_id, publication.body_id, publication.revision)
    names = tuple(n for n in (report.body.name_kk, report.body.name_ru, report.body.name_en) if n)
    return AnsweredConclusion(publication.run_id, names, frozenset((x.item, x.lang) for x in report.losses()))


def file_table_data(
    session: Session, publication: Publication, account: Account, data: bytes, name: str
) -> list[Disagreement]:
    """The uploaded table's disagreements filed (:class:`FileRefused` for a table refused, with the places)."""
    rows = read_disagreement_table(data, answered_by(session, publication), name)
    digest = hashlib.sha256(data).hexdigest()
    return file_disagreements(session, publication, account, rows, "table", digest)


def file_table(db: str | None, publication_id: int, username: str, path: Path) -> list[DisagreementLine]:
    data = read_bounded(path, LIMITS)
    with open_store(db) as session:
        publication = _publication(session, publication_id)
        filed = file_table_data(session, publication, _account(session, username), data, path.name)
        return [_line(d) for d in filed]


def decide_one(
    db: str | None, disagreement_id: int, username: str, outcome: Outcome, reasons: str, out_dir: Path | None
) -> tuple[DisagreementLine, list[Path]]:
    """The decision; an upheld one's new conclusion (ru, kk HTML) written to ``out_dir`` when given."""
    with open_store(db) as session:
        disagreement = session.get(Disagreement, disagreement_id)
        if disagreement is None:
            raise AppealRefused("no_disagreement")
        decision = decide(session, disagreement, _account(session, username), outcome, reasons)
        written: list[Path] = []
        if decision.revision is not None and out_dir is not None:
            revised = session.scalar(
                select(Publication).where(
                    Publication.run_id == disagreement.publication.run_id,
                    Publication.body_id == disagreement.publication.body_id,
                    Publication.revision == decision.revision,
                )
            )
            assert revised is not None  # decide published it
            report = load_body_report(session, revised.run_id, revised.body_id, revised.revision)
            for lang in ("ru", "kk"):
                citation = conclusion_citation(session, revised, lang)
                written += write_conclusion(report, lang, out_dir, pdf=False, appeal=citation)
        session.refresh(disagreement)
        return _line(disagreement), written


def listing(
    db: str | None, publication_id: int | None, open_only: bool
) -> tuple[list[DisagreementLine], ReceiptLine | None]:
    with open_store(db) as session:
        if publication_id is None:
            found = open_disagreements(session) if open_only else list(session.scalars(select(Disagreement)))
            return [_line(d) for d in found], None
        publication = _publication(session, publication_id)
        lines = [_line(d) for d in disagreements_of(session, publication) if not (open_only and d.decision)]
        receipt = receipt_of(session, publication)
        held = ReceiptLine(publication_id, receipt.received_on, receipt.deadline, receipt.how) if receipt else None
        return lines, held
