"""The scoring and reports of a finished run: every edition scored on the findings that concern it
(a single-body audit borrowing the averages of the last complete run of its whole registry), the
reports written, and the run's ``scores.json`` summary under the output folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ashyq.base.period import ReportingPeriod, recorded_purpose
from ashyq.methodology.edition import Edition, available_editions, edition_path
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import RunScores, score_run
from ashyq.scoring.findings import FindingsFile
from ashyq.store.models import Run
from ashyq.store.vocabulary import RunStatus


def last_run_with_averages(
    session: Any, exclude: str, registry: str, edition: str, purpose: str | None = None
) -> Run | None:
    """The last complete run of the whole ``registry`` that has averages under ``edition``: a run of one
    body (or one URL) has no averages of all bodies to lend, and another registry's bodies are others.
    Averages of a period monitored to date (prorated thresholds) are lent only to monitoring, and an
    assessment's only to an assessment (a run before the distinction counts as an assessment)."""
    runs = session.scalars(
        select(Run).where(Run.status == RunStatus.COMPLETE, Run.id != exclude).order_by(Run.finished_at.desc())
    )
    for run in runs:
        settings = run.settings or {}
        if settings.get("registry") != registry or not settings.get("whole_registry"):
            continue
        if purpose is not None and recorded_purpose(settings) != purpose:
            continue
        if (settings.get("averages") or {}).get(edition):
            return run
    return None


def other_editions(primary: str) -> list[Edition]:
    """Every other edition in ashyq/config/methodology: each is scored on the findings that concern it."""
    return [load_edition(edition_path(name)) for name in available_editions() if name != primary]


def score_editions(
    document: dict[str, Any], editions: list[Edition], options: dict[str, str], borrowed: dict[str, Any]
) -> dict[str, RunScores]:
    """Score the run under each edition, on the findings of that edition's items only. Interpretation
    choices apply where the edition has them; averages are borrowed per edition."""
    out: dict[str, RunScores] = {}
    for edition in editions:
        items = {i.id for i in edition.items()}
        findings = [f for f in document["findings"] if f["item"] in items]
        if not findings and edition is not editions[0]:
            continue  # an edition nothing was measured for (the primary one is always scored)
        own = {k: v for k, v in options.items() if any(i.id == k for i in edition.interpretations)}
        data = {**document, "findings": findings, "averages": dict(borrowed.get(edition.edition, {}))}
        out[edition.edition] = score_run(FindingsFile.model_validate(data), edition, own)
    return out


def write_reports(run_id: str, body_ids: list[str], out_dir: Path, db_url: str | None) -> dict[str, str]:
    """The run's reports of ``body_ids`` under ``out_dir``: name → file."""
    from ashyq.reports.writer import write_run_reports  # WeasyPrint and the templates: only when reporting

    return write_run_reports(run_id, body_ids, out_dir, db_url)


def write_summary(
    out_dir: Path,
    run_id: str,
    scores: RunScores,
    outcomes: dict[str, str],
    averages_from: str | None,
    period: ReportingPeriod,
) -> None:
    """The run's ``scores.json``: the scores with the period judged, each body's outcome and where the
    averages came from."""
    path = out_dir / "runs" / run_id / "scores.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        **scores.as_dict(),
        "run": run_id,
        "period": period.as_dict(),
        "outcomes": outcomes,
        "averages_from": averages_from,
    }
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
