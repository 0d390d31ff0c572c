"""Retention: which old runs ``ashyq runs prune`` deletes, and deleting them without breaking a kept one.

A run is deleted with everything it harvested, found and scored (the ``ON DELETE CASCADE`` of every
per-run table), and its folder ``runs/<run>/`` under the output folder. The WARC files of a deleted
run that a kept incremental run's revisit records point into (its ``refers_to_runs``) stay on disk.
Evidence is the exception:
a piece of evidence of a deleted run that a kept run's finding cites is kept, row and file. Its row
moves to the earliest kept run that cites it (``metadata.captured_in_run`` keeps where it was
captured), and its WARC file or screenshot stays on disk where the row says it is, so the kept
run's dashboard and evidence bundle are exactly what they were. Likewise every file a kept run's own
evidence names in a deleted run's folder (browser measurements an incremental run took over).

The database is changed first and the files only after the caller committed: a failure between the
two leaves unused files, never rows that point at deleted ones.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from ashyq.store.models import Evidence, Finding, Run, finding_evidence
from ashyq.store.vocabulary import RunKind, RunStatus

_PLAIN_RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass
class PrunePlan:
    delete: list[Run]
    keep: list[Run]


@dataclass
class PruneResult:
    deleted: list[str]
    kept_evidence: list[str]  # evidence ids of deleted runs that kept runs cite (rows kept)
    kept_files: set[str] = field(default_factory=set)  # their files, relative to the output folder
    # deleted runs whose WARC files a kept incremental run's revisit records point into (kept whole)
    kept_warc_runs: set[str] = field(default_factory=set)
    files_removed: int = 0
    bytes_freed: int = 0


def _group(run: Run) -> tuple[str, str | None, str | None]:
    """Runs compete for ``--keep`` within their kind and registry, and an on-demand audit of one body
    only with the audits of that body (one body's audits never push another's out)."""
    settings = run.settings or {}
    registry = settings.get("registry")
    body = None
    if run.kind in (RunKind.AUDIT, RunKind.URL):
        requested = list((settings.get("request") or {}).get("body_ids") or run.body_ids[:1] or [])
        body = str(requested[0]) if len(requested) == 1 else None
    return (run.kind.value, None if registry is None else str(registry), body)


def plan_prune(
    session: Session,
    *,
    keep: int | None = None,
    older_than: timedelta | None = None,
    now: datetime,
) -> PrunePlan:
    """The runs to delete: of each kind and registry (and, for an audit of one body, that body), those
    beyond the ``keep`` newest finished runs and (if given) started more than ``older_than`` before
    ``now``. A running run and the last complete run of each such group are always kept."""
    if keep is None and older_than is None:
        raise ValueError("say what to keep: --keep N, --older-than DAYS, or both")
    if keep is not None and keep < 1:
        raise ValueError("--keep must be at least 1")
    runs = list(session.scalars(select(Run).order_by(Run.started_at.desc(), Run.id.desc())))
    groups: dict[tuple[str, str | None, str | None], list[Run]] = {}
    for run in runs:
        groups.setdefault(_group(run), []).append(run)
    doomed: set[str] = set()
    for members in groups.values():
        finished = [r for r in members if r.status is not RunStatus.RUNNING]
        complete = [r for r in finished if r.status is RunStatus.COMPLETE]
        last_complete = max(complete, key=lambda r: (r.finished_at or r.started_at, r.started_at, r.id), default=None)
        for position, run in enumerate(finished):
            if last_complete is not None and run.id == last_complete.id:
                continue
            if keep is not None and position < keep:
                continue
            if older_than is not None and run.started_at > now - older_than:
                continue
            doomed.add(run.id)
    return PrunePlan([r for r in runs if r.id in doomed], [r for r in runs if r.id not in doomed])


def delete_runs(session: Session, runs: list[Run]) -> PruneResult:
    """Delete ``runs`` from the store, keeping the evidence that the remaining runs' findings cite.

    The caller commits, then calls :func:`remove_run_files` with the result."""
    ids = [r.id for r in runs]
    result = PruneResult(deleted=ids, kept_evidence=[])
    if not ids:
        return result
    started = {r.id: r.started_at for r in session.scalars(select(Run))}
    cited = session.execute(
        select(Evidence, Finding.run_id)
        .join(finding_evidence, finding_evidence.c.evidence_id == Evidence.id)
        .join(Finding, Finding.id == finding_evidence.c.finding_id)
        .where(Evidence.run_id.in_(ids), Finding.run_id.not_in(ids))
    )
    citing: dict[str, tuple[Evidence, list[str]]] = {}
    for evidence, run_id in cited:
        citing.setdefault(evidence.id, (evidence, []))[1].append(run_id)
    for evidence, run_ids in citing.values():
        home = min(run_ids, key=lambda r: (started[r], r))
        evidence.metadata_ = {**(evidence.metadata_ or {}), "captured_in_run": evidence.run_id}
        evidence.run_id = home
        result.kept_evidence.append(evidence.id)
        result.kept_files.update(p for p in (evidence.warc_file, evidence.path) if p)
    # an incremental run's measurements taken over from an earlier run name that run's screenshots
    # and captures: the files a kept run's evidence names stay, whichever run's folder holds them
    for path, warc_file in session.execute(
        select(Evidence.path, Evidence.warc_file).where(
            Evidence.run_id.not_in(ids),
            or_(
                *(Evidence.path.startswith(f"runs/{i}/", autoescape=True) for i in ids),
                *(Evidence.warc_file.startswith(f"runs/{i}/", autoescape=True) for i in ids),
            ),
        )
    ):
        result.kept_files.update(p for p in (path, warc_file) if p and any(p.startswith(f"runs/{i}/") for i in ids))
    # an incremental run's revisit records point at the full captures in earlier runs' WARC files
    doomed = set(ids)
    for kept in session.scalars(select(Run).where(Run.id.not_in(ids))):
        for earlier in ((kept.settings or {}).get("incremental") or {}).get("refers_to_runs") or []:
            if earlier in doomed:
                result.kept_warc_runs.add(str(earlier))
    session.flush()
    session.execute(delete(Run).where(Run.id.in_(ids)))
    session.expire_all()
    result.kept_evidence.sort()
    return result


def run_folder(data_dir: Path, run_id: str) -> Path | None:
    """``runs/<run>`` under the output folder, or None for an id that is not a plain file name."""
    if not _PLAIN_RUN_ID.match(run_id):
        return None
    return data_dir / "runs" / run_id


def remove_run_files(data_dir: Path, result: PruneResult) -> PruneResult:
    """Delete the folders of the deleted runs, except the files kept evidence points at."""
    base = data_dir.resolve()
    kept = {(base / p).resolve() for p in result.kept_files}
    for run_id in result.kept_warc_runs:
        folder = run_folder(data_dir, run_id)
        if folder is not None and (folder / "warc").is_dir():
            kept.update(p.resolve() for p in (folder / "warc").iterdir() if p.is_file() and not p.is_symlink())
    for run_id in result.deleted:
        folder = run_folder(data_dir, run_id)
        if folder is None or not folder.is_dir() or folder.is_symlink():
            continue
        for root, dirs, files in os.walk(folder, topdown=False):
            here = Path(root)
            for name in files:
                path = here / name
                if path.resolve() in kept:
                    continue
                result.bytes_freed += path.lstat().st_size
                path.unlink()
                result.files_removed += 1
            for name in dirs:
                sub = here / name
                if sub.is_symlink():
                    sub.unlink()
                elif not any(sub.iterdir()):
                    sub.rmdir()
        if not any(folder.iterdir()):
            folder.rmdir()
    return result
