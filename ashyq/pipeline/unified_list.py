"""The official Unified list of open data into the store (``ashyq open-data import-list``): the newest
import is the one the open-data checks measure against; and which bodies of a registry it names."""

from __future__ import annotations

from typing import Any

from ashyq.declared.unified_list import LoadedList
from ashyq.store.bodies import Registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.unified_list import body_key, reference, save_unified_list


def store_unified_list(loaded: LoadedList, db: str | None) -> dict[str, Any]:
    """Save a loaded list as the one in effect; its reference (id, source, digest)."""
    ensure_schema(db)
    with session_scope(db) as session:
        listed = save_unified_list(session, loaded.source, loaded.sha256, [e.as_dict() for e in loaded.entries])
        return reference(listed)


def bodies_named(registry: Registry, loaded: LoadedList) -> tuple[list[str], list[str]]:
    """The evaluated bodies of ``registry`` the list does not name (by id), and the bodies the list
    names that are not in the registry (as the list names them)."""
    named = {body_key(b) for b in loaded.bodies}
    known = {body_key(n) for b in registry.bodies for n in (b.names.kk, b.names.ru)}
    missing = [b.id for b in registry.assessed() if not {body_key(b.names.kk), body_key(b.names.ru)} & named]
    strangers = [b for b in loaded.bodies if body_key(b) not in known]
    return missing, strangers
