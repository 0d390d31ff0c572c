"""The runs in the store as ``ashyq runs`` shows them: every run in a row, one run's facts and per body
its score and results, what changed between two runs, and retention (pruning old runs with their files).
Labels, run kinds, statuses, purposes and levels are shown in the language of the translator given (a
level by its title in the edition, as the conclusion names it); a missing run is a
:class:`~ashyq.reports.body_report.ReportError` naming it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from ashyq.base.period import recorded_purpose
from ashyq.pipeline.run_outputs import open_store
from ashyq.reports.body_report import ReportError, score_of
from ashyq.reports.i18n import Translate, format_points
from ashyq.reports.run_diff import RunDiff, diff_runs, export_diff, registry_of, runs_to_compare
from ashyq.reports.titles import titles_for
from ashyq.store import repository as repo
from ashyq.store.models import FetchFailure, Run
from ashyq.store.retention import PruneResult, delete_runs, plan_prune, remove_run_files
from ashyq.store.vocabulary import RunStatus

STATUSES = ("pass", "partial", "fail", "not_applicable", "not_assessed")


def duration(run: Run) -> str:
    """``1:02:05`` from start to finish; empty while the run is running."""
    if run.finished_at is None:
        return ""
    seconds = max(0, int((run.finished_at - run.started_at).total_seconds()))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def status_cell(run: Run, t: Translate) -> str:
    """The run's status; a running run's with how many of its bodies are finished (``running 2/6``),
    so an operator watching a night sees it move."""
    status = t(f"run_status.{run.status.value}")
    request = (run.settings or {}).get("request") or {}
    if run.status is not RunStatus.RUNNING or not request.get("body_ids"):
        return status
    asked = list(request["body_ids"])
    done = set((run.settings or {}).get("done") or [])
    return f"{status} {sum(1 for b in asked if b in done)}/{len(asked)}"


def run_rows(db: str | None, t: Translate) -> list[list[str]]:
    """Every run, newest first: status, kind, registry, bodies, start and duration ([] without runs)."""
    with open_store(db) as session:
        runs = list(session.scalars(select(Run).order_by(Run.started_at.desc(), Run.id.desc())))
        return [
            [
                run.id,
                status_cell(run, t),
                t(f"run_kind.{run.kind.value}"),
                registry_of(run) or "",
                str(len(run.body_ids or [])),
                f"{run.started_at.astimezone(UTC):%Y-%m-%d %H:%M}",
                duration(run),
            ]
            for run in runs
        ]


@dataclass
class RunOverview:
    facts: list[tuple[str, str]]  # label, value
    bodies: list[list[str]]  # body, final, level, results per status (STATUSES), pages not fetched


def run_overview(db: str | None, run: str, t: Translate, lang: str) -> RunOverview:
    """One run: what ran, when, and per body its score and the count of results by status."""
    with open_store(db) as session:
        found = repo.run_by_reference(session, run)
        if found is None:
            raise ReportError("the store has no complete run" if run == "last" else f"no run {run!r} in the store")
        facts = [
            (t("runs.run"), found.id),
            (t("runs.status"), t(f"run_status.{found.status.value}")),
            (t("runs.kind"), t(f"run_kind.{found.kind.value}")),
            (t("runs.purpose"), t(f"purpose.{recorded_purpose(found.settings)}")),
            (t("runs.registry"), registry_of(found) or ""),
            (t("common.edition"), found.edition or ""),
            (t("runs.started"), found.started_at.astimezone(UTC).isoformat()),
            (t("runs.finished"), found.finished_at.astimezone(UTC).isoformat() if found.finished_at else ""),
            (t("runs.duration"), duration(found)),
            (t("runs.tool"), found.tool_version or ""),
            (t("runs.revisions"), str(len((found.settings or {}).get("revisions") or []))),
        ]
        failures = dict(
            session.execute(
                select(FetchFailure.body_id, func.count())
                .where(FetchFailure.run_id == found.id)
                .group_by(FetchFailure.body_id)
            ).all()
        )
        rows = []
        for body_id in found.body_ids or []:
            score = score_of(session, found, body_id)
            counts = Counter(str(f.status) for f in repo.findings_for(session, found.id, body_id))
            rows.append(
                [
                    body_id,
                    format_points(score.final, lang) if score else "",
                    titles_for(score.edition).level(score.level, lang) if score and score.level else "",
                    *(str(counts.get(s, 0)) for s in STATUSES),
                    str(failures.get(body_id, 0)),
                ]
            )
        return RunOverview(facts, rows)


def run_diff(db: str | None, old: str | None, new: str | None, bodies: list[str] | None = None) -> RunDiff:
    """What changed between two runs (default: the last two complete runs of the same registry and
    kind), only of ``bodies`` when given."""
    with open_store(db) as session:
        old_run, new_run = runs_to_compare(session, old, new)
        diff = diff_runs(session, old_run.id, new_run.id)
        if bodies:
            unknown = sorted(set(bodies) - {b.body.id for b in diff.bodies})
            if unknown:
                raise ReportError(f"not scored in either run: {', '.join(unknown)}")
            diff.bodies = [b for b in diff.bodies if b.body.id in bodies]
        return diff


def write_diff(diff: RunDiff, fmt: str, out: Path, lang: str) -> Path:
    """The diff as an XLSX or JSON file."""
    return export_diff(diff, fmt, out, lang)


@dataclass
class Pruned:
    planned: list[str]  # the runs that go (or, in a dry run, would go)
    result: PruneResult | None  # None: nothing was deleted (nothing to, or a dry run)


def prune_runs(db: str | None, data: Path, keep: int | None, older_than: int | None, dry_run: bool) -> Pruned:
    """Delete old runs (rows and files under DATA/runs/<run>), keeping any evidence a kept run cites.
    A running run and the last complete run of each kind and registry are never deleted. ValueError
    for retention options that make no sense."""
    with open_store(db) as session:
        plan = plan_prune(
            session,
            keep=keep,
            older_than=None if older_than is None else timedelta(days=older_than),
            now=datetime.now(UTC),
        )
        planned = [run.id for run in plan.delete]
        if not plan.delete or dry_run:
            return Pruned(planned, None)
        result = delete_runs(session, plan.delete)
    return Pruned(planned, remove_run_files(data, result))
