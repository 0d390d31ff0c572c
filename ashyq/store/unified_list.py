"""The imported Unified list of open data in the store: save an import, find the one in effect (the
newest), and a body's rows in it.

The official list names bodies by their names, not by any identifier of ours: a body's rows are those
whose body column is one of its names in the registry (Kazakh or Russian; case, spacing and quotes do
not matter). ``ashyq open-data import-list --registry R`` shows which bodies of R the list names and
which it does not, so a spelling that differs is seen at import, not guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq.store.models import UnifiedList


def body_key(name: str) -> str:
    return " ".join(re.sub(r"[«»\"“”]", " ", name).split()).casefold()


def save_unified_list(session: Session, source: str, sha256: str, entries: list[dict[str, Any]]) -> UnifiedList:
    listed = UnifiedList(source=source, source_sha256=sha256, entries=entries)
    session.add(listed)
    session.flush()
    return listed


def current_unified_list(session: Session) -> UnifiedList | None:
    """The list in effect: the newest import."""
    query = select(UnifiedList).order_by(UnifiedList.imported_at.desc(), UnifiedList.id.desc()).limit(1)
    return session.scalars(query).first()


def reference(listed: UnifiedList) -> dict[str, Any]:
    """What a finding and a run record about the list they used."""
    return {
        "id": listed.id,
        "source": listed.source,
        "sha256": listed.source_sha256,
        "imported_at": listed.imported_at.isoformat() if listed.imported_at else None,
        "rows": len(listed.entries or []),
    }


def rows_for(listed: UnifiedList, names: Iterable[str | None]) -> list[dict[str, Any]]:
    """The rows of a body known by ``names``, as the open-data checks read them."""
    keys = {body_key(n) for n in names if n}
    return [
        {
            "code": row["code"],
            "name": {"kk": row["name_kk"], "ru": row["name_ru"]},
            "actualize_type": row["actualize_type"],
            "api_uri": row.get("api_uri"),
            "row": row["row"],
        }
        for row in listed.entries or []
        if body_key(str(row.get("body") or "")) in keys
    ]


def named_bodies(listed: UnifiedList) -> set[str]:
    return {body_key(str(row.get("body") or "")) for row in listed.entries or []}
