"""``ashyq check``: the checks again over what a run stored (no network), as the run was made — its
registry, its interpretation options, its reporting period, the averages it borrowed — written as
the run's next *revision* of findings and scores. The audit's own findings and scores (revision 1)
stay; readers take each body's newest revision (docs/store.md, "Revisions").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ashyq.checks.result import Result
from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition
from ashyq.pipeline.audit_request import Progress, no_progress
from ashyq.pipeline.results import findings_document, save_scores
from ashyq.pipeline.run_scores import other_editions, score_editions
from ashyq.pipeline.stages import check_bodies
from ashyq.store.bodies import load_registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.repository import latest_revision, run_by_reference


class RevisionError(Exception):
    """The run cannot be checked again as it was made (unknown run, registry not recorded …)."""


@dataclass
class RevisionSummary:
    run_id: str
    revision: int
    registry: str
    edition: str
    options: dict[str, str]
    averages_from: str | None
    outcomes: dict[str, list[Result] | str] = field(default_factory=dict)


def check_stored_run(
    run: str,
    db_url: str | None,
    out_dir: Path,
    body_ids: list[str] | None = None,
    registry: str | None = None,
    progress: Progress = no_progress,
) -> RevisionSummary:
    """Re-run the checks over run ``run`` (an id, or ``last``: the last complete run) and re-score it,
    as revision n + 1. ``registry`` is used only for a run that does not record its own."""
    ensure_schema(db_url)
    with session_scope(db_url) as session:
        found = run_by_reference(session, run)
        if found is None:
            raise RevisionError("the store has no complete run" if run == "last" else f"no run {run!r} in the store")
        settings: dict[str, Any] = dict(found.settings or {})
        recorded = settings.get("registry")
        if recorded and registry and registry != recorded:
            raise RevisionError(f"run {found.id} audited registry {recorded!r}, not {registry!r}")
        registry_name = recorded or registry
        if not registry_name:
            raise RevisionError(f"run {found.id} does not record its registry: give --registry")
        edition = load_edition(edition_path(str(settings.get("edition") or found.edition or "kz-2025")))
        options = {str(k): str(v) for k, v in (settings.get("options") or {}).items()}
        borrowed = dict(settings.get("averages_borrowed") or {})
        reg = load_registry(registry_name)
        kinds = {b.id: b.kind for b in reg.bodies}
        assessed = [b for b in (found.body_ids or []) if kinds.get(b) in ("cgo", "mio")]
        unknown = [b for b in body_ids or [] if b not in assessed]
        if unknown:
            raise RevisionError(f"not assessed in run {found.id}: {', '.join(unknown)}")
        revision = latest_revision(session, found.id) + 1
        outcomes = check_bodies(
            session, found, list(body_ids or assessed), registry_name, out_dir, options, None, progress, revision
        )
        # every body is scored again (averages are the run's); a body not re-checked keeps its findings
        document = findings_document(session, found, assessed)
        document["run"]["averages_from"] = settings.get("averages_from")
        for scores in score_editions(document, [edition, *other_editions(edition.edition)], options, borrowed).values():
            save_scores(session, found, scores, revision)
        entry = {
            "revision": revision,
            "at": datetime.now(UTC).isoformat(),
            "command": "check",
            "bodies": sorted(body_ids or assessed),
        }
        found.settings = {**settings, "revisions": [*settings.get("revisions", []), entry]}
        return RevisionSummary(
            found.id, revision, registry_name, edition.edition, options, settings.get("averages_from"), outcomes
        )
