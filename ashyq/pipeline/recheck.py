"""Re-check for appeals: re-harvest only what some items need, re-check only them, and set the new
findings beside the old ones with both evidences."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.store.models import Finding, Run
from ashyq.store.repository import findings_for

# Which spiders an item's evidence comes from (item prefix → spider names).
SPIDERS_BY_PREFIX: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("A14-", ("site", "govkz_render")),
    ("A15-", ("site", "govkz", "govkz_render")),
    ("A16-", ("site", "govkz_render")),
    ("T7-6", ("govkz",)),
    ("T7-", ("site", "govkz", "govkz_render")),
    ("T1-", ("dataegov",)),
    ("A12-OD-", ("dataegov",)),
    ("T2-", ("budget",)),
    ("T3-", ("budget",)),
    ("A12-B-", ("budget",)),
    ("T4-", ("legalacts",)),
    ("T5-", ("legalacts",)),
    ("A12-N-", ("legalacts",)),
    ("T6-", ("dialog",)),
    ("A12-D-", ("dialog",)),
    ("T9-", ("site",)),
    ("T10-", ("dataegov",)),
    ("T11-", ("dialog",)),
    ("F", ("legalacts", "budget")),
)


def spiders_for_items(items: list[str]) -> list[str]:
    """The spiders whose harvest the items need; unknown items need everything (an empty list)."""
    chosen: list[str] = []
    for item in items:
        match = next((spiders for prefix, spiders in SPIDERS_BY_PREFIX if item.startswith(prefix)), None)
        if match is None:
            return []
        chosen.extend(s for s in match if s not in chosen)
    return chosen


@dataclass
class Comparison:
    item: str
    lang: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def changed(self) -> bool:
        return (self.before or {}).get("status") != (self.after or {}).get("status")


def _summary(f: Finding) -> dict[str, Any]:
    return {
        "status": f.status.value,
        "reason": f.reason,
        "measured": f.measured,
        "deficiencies": [d.get("message") for d in (f.deficiencies or [])],
        "evidence": [
            {"id": e.id, "url": e.url, "warc_record_id": e.warc_record_id, "selector": e.selector, "snippet": e.snippet}
            for e in f.evidence
        ],
        "run": f.run_id,
    }


def previous_run(session: Session, body_id: str, before: str) -> Run | None:
    """The latest run before ``before`` with findings for the body."""
    query = (
        select(Run)
        .join(Finding, Finding.run_id == Run.id)
        .where(Finding.body_id == body_id, Run.id != before)
        .order_by(Run.started_at.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def compare(session: Session, body_id: str, old_run: str | None, new_run: str, items: list[str]) -> list[Comparison]:
    def load(run_id: str | None) -> dict[tuple[str, str | None], Finding]:
        if run_id is None:
            return {}
        rows = [f for f in findings_for(session, run_id, body_id) if f.item in items]  # the newest revision
        return {(f.item, f.lang.value if f.lang else None): f for f in rows}

    old, new = load(old_run), load(new_run)
    keys = sorted(set(old) | set(new), key=lambda k: (k[0], k[1] or ""))
    return [
        Comparison(
            item,
            lang,
            _summary(old[(item, lang)]) if (item, lang) in old else None,
            _summary(new[(item, lang)]) if (item, lang) in new else None,
        )
        for item, lang in keys
    ]
