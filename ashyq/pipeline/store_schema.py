"""The store's schema for ``ashyq db``: where it is, where it should be, and the migration to the newest
(one explicit command for a store shared by workers)."""

from __future__ import annotations

from ashyq.store.db import current_revision, head_revision, upgrade


def upgrade_store(db: str | None) -> tuple[str | None, str | None]:
    """Apply the migrations up to the newest schema; the revision before and after."""
    before = current_revision(db)
    upgrade(db)
    return before, current_revision(db)


def schema_status(db: str | None) -> tuple[str | None, str | None]:
    """The store's schema revision (None: empty) and the newest one."""
    return current_revision(db), head_revision()
