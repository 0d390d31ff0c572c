"""The files the commands write besides the run's own (``findings.json`` and ``score.json`` of an audit
by URL, a scores file asked for), the folders they write into, and which files are the store's (never
overwritten by an output: :func:`ashyq.base.outputs.check_output`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ashyq.pipeline.results import findings_document
from ashyq.store.db import database_url, session_scope
from ashyq.store.models import Run


def ensure_dir(path: Path) -> Path:
    """``path``, made with its parents when missing."""
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_files(db: str | None) -> tuple[Path, ...]:
    """The files of the store named by ``db`` (default ``ASHYQ_DB_URL``): an SQLite database and its
    journal files; nothing for a server database."""
    try:
        url = make_url(db or database_url())
    except ArgumentError:
        return ()
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return ()
    base = Path(url.database)
    return (base, Path(f"{base}-wal"), Path(f"{base}-shm"), Path(f"{base}-journal"))


def write_json(path: Path, payload: Any, end: str = "") -> None:
    """``payload`` as indented JSON (UTF-8, Cyrillic as it is) at ``path``, its folder made first."""
    ensure_dir(path.parent)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + end, encoding="utf-8")


def write_url_outputs(run_id: str, scores: dict[str, Any] | None, out: Path, db: str | None) -> None:
    """``findings.json`` and ``score.json`` beside the reports, for a site audited by URL."""
    with session_scope(db) as session:
        run = session.get(Run, run_id)
        if run is None:
            return
        doc = findings_document(session, run, list(run.body_ids or []), expand_evidence=True)
    (out / "findings.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    if scores is not None:
        (out / "score.json").write_text(json.dumps(scores, ensure_ascii=False, indent=2), encoding="utf-8")
