"""A store the appeal is played on: the report tests' synthetic runs, an account of each role and a
publication of enbek's conclusion of the new run (revision 1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from reports_sample import ReportStore

from ashyq.store.access import Account, Publication
from ashyq.store.db import session_scope

PUBLISHED_AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a Friday in Astana
ACCOUNTS = {
    "analyst": ("analyst", None),
    "enbek": ("body", "enbek"),
    "astana": ("body", "astana"),
    "commission": ("commission", None),
    "assessor": ("assessor", None),
    "verifier": ("verifier", None),
    "admin": ("admin", None),
}


@dataclass
class AppealStore:
    url: str
    run_id: str
    publication_id: int
    accounts: dict[str, int]


def appeal_store_from(url: str, report_store: ReportStore) -> AppealStore:
    with session_scope(url) as session:
        made = {name: Account(username=name, role=role, body_id=body) for name, (role, body) in ACCOUNTS.items()}
        session.add_all(made.values())
        session.flush()
        publication = Publication(
            run_id=report_store.new.id,
            body_id="enbek",
            revision=1,
            published_by=made["analyst"].id,
            published_at=PUBLISHED_AT,
        )
        session.add(publication)
        session.flush()
        return AppealStore(url, report_store.new.id, publication.id, {n: a.id for n, a in made.items()})
