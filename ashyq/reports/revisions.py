"""A body's revisions of findings in one run, as the dashboard lists them: which command wrote each
(the audit wrote revision 1, each ``ashyq check`` the next), when, and what changed from the body's
revision before (an item's outcome that differs, one that appeared or went). Nothing is rewritten:
every revision's rows stay in the store, so a package exported before a re-check still holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.store.models import Finding, Run


@dataclass(frozen=True)
class OutcomeChange:
    item: str
    lang: str | None
    before: str | None  # None: the item had no finding in the revision before
    after: str | None  # None: the item has no finding in this revision


@dataclass
class RevisionView:
    number: int
    command: str  # audit | check
    at: datetime | None
    findings: int
    changes: list[OutcomeChange] = field(default_factory=list)
    newest: bool = False


def _moment(text: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        return None


def finding_revisions(session: Session, run: Run, body_id: str) -> list[RevisionView]:
    """The body's revisions in the run, oldest first (a run never re-checked has one)."""
    rows = session.execute(
        select(Finding.revision, Finding.item, Finding.lang, Finding.status).where(
            Finding.run_id == run.id, Finding.body_id == body_id
        )
    ).all()
    by_revision: dict[int, dict[tuple[str, str | None], str]] = {}
    for revision, item, lang, status in rows:
        by_revision.setdefault(int(revision), {})[(item, lang)] = str(status)
    recorded = {
        int(entry.get("revision", 0)): entry
        for entry in (run.settings or {}).get("revisions", [])
        if isinstance(entry, dict)
    }
    views: list[RevisionView] = []
    before: dict[tuple[str, str | None], str] = {}
    for number in sorted(by_revision):
        outcomes = by_revision[number]
        entry = recorded.get(number, {})
        changes = [
            OutcomeChange(item, lang, before.get((item, lang)), outcomes.get((item, lang)))
            for item, lang in sorted(set(before) | set(outcomes), key=lambda key: (key[0], key[1] or ""))
            if views and before.get((item, lang)) != outcomes.get((item, lang))
        ]
        views.append(
            RevisionView(
                number=number,
                command=str(entry.get("command", "audit" if number == 1 else "check")),
                at=_moment(entry["at"]) if "at" in entry else (run.started_at if number == 1 else None),
                findings=len(outcomes),
                changes=changes,
            )
        )
        before = outcomes
    if views:
        views[-1].newest = True
    return views
