"""An audit from end to end under one run: harvest → browser measurements → checks → score → reports.

Each stage reads only what the one before stored, so a stage can be re-run alone (re-score a run
under another edition without re-crawling). A body whose harvest failed is recorded and the others
go on; the run's status says whether it is complete.

Used by ``ashyq nightly`` (every body of a registry), ``ashyq audit --body`` (one body, borrowing the
CGO averages from the last complete run), ``ashyq audit --url`` (a site in no registry) and
``ashyq demo``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ashyq.base.period import ReportingPeriod, period_of
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from ashyq.gather.stage import measure_run
from ashyq.methodology.edition import Edition, available_editions, edition_path
from ashyq.methodology.validate import load_edition
from ashyq.pipeline.artifacts import load_artifacts
from ashyq.pipeline.results import findings_document, save_results, save_scores
from ashyq.scoring.engine import RunScores, score_run
from ashyq.scoring.findings import FindingsFile
from ashyq.store.bodies import Registry, load_registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.models import Run
from ashyq.store.repository import finish_run
from ashyq.store.unified_list import current_unified_list, reference, rows_for
from ashyq.store.vocabulary import RunKind, RunStatus

if TYPE_CHECKING:  # the crawler pulls in Scrapy: imported only when auditing
    from ashyq.crawler.runner import CrawlSummary

Progress = Callable[[str, dict[str, Any]], None]


@dataclass
class AuditRequest:
    body_ids: list[str]
    registry: str = "demo"
    edition: str = "kz-2025"
    out_dir: Path = Path("out")
    db_url: str | None = None
    base_url_map: dict[str, str] = field(default_factory=dict)  # non-empty: replica mode
    as_of: date | None = None
    kind: RunKind = RunKind.AUDIT
    max_pages: int | None = None
    browser: bool = True  # take browser measurements (axe, focus, zoom, mobile) on sampled pages
    reports: bool = True
    options: dict[str, str] = field(default_factory=dict)  # interpretation choices
    # the reporting period judged (default: the one as_of falls in, of the edition's kind)
    period: ReportingPeriod | None = None
    # a recheck: only these items are re-checked (and nothing is scored), only these spiders run
    only_items: list[str] | None = None
    spiders: list[str] | None = None  # None: every spider that applies
    crawl_config: Path | None = None  # politeness and robots policy (default config/crawl.yaml)


@dataclass
class AuditSummary:
    run_id: str
    status: RunStatus
    scores: RunScores | None
    outcomes: dict[str, str]  # body → "complete" or the reason it failed
    out_dir: Path
    averages_from: str | None = None
    reports: dict[str, str] = field(default_factory=dict)
    period: str | None = None  # the reporting period judged

    @property
    def exit_code(self) -> int:
        return {RunStatus.COMPLETE: 0, RunStatus.PARTIAL: 1}.get(self.status, 2)


def no_progress(stage: str, info: dict[str, Any]) -> None:
    return None


def run_audit(request: AuditRequest, progress: Progress = no_progress) -> AuditSummary:
    from ashyq.crawler.runner import CrawlRequest, run_crawl  # the crawler pulls in Scrapy: only when auditing

    registry = load_registry(request.registry)
    edition = load_edition(edition_path(request.edition))
    out_dir = Path(request.out_dir).resolve()
    ensure_schema(request.db_url)
    crawl_ids = _with_subordinates(registry, request.body_ids)
    progress("crawl", {"bodies": crawl_ids})
    crawl = run_crawl(
        CrawlRequest(
            body_ids=crawl_ids,
            registry=request.registry,
            base_url_map=request.base_url_map,
            out_dir=out_dir,
            db_url=request.db_url,
            max_pages=request.max_pages,
            run_kind=request.kind,
            spiders=request.spiders,
            config_path=request.crawl_config,
            finish=False,
        ),
        on_progress=lambda event: progress("crawl-progress", event),
    )
    try:
        return _after_harvest(request, registry, edition, crawl, crawl_ids, out_dir, progress)
    except BaseException as error:  # interrupted or broken: the run is failed, never left looking done
        _fail_run(request.db_url, crawl.run_id, error)
        raise


def _fail_run(db_url: str | None, run_id: str, error: BaseException) -> None:
    """Mark the run failed with the reason (when the store is still reachable)."""
    try:
        with session_scope(db_url) as session:
            run = session.get(Run, run_id)
            if run is not None and run.status is RunStatus.RUNNING:
                run.settings = {**(run.settings or {}), "failure": f"{type(error).__name__}: {error}"[:300]}
                run.status = RunStatus.FAILED
                run.finished_at = datetime.now(UTC)
    except Exception:  # the store itself is what failed: the run stays "running", never "complete"
        return


def _after_harvest(
    request: AuditRequest,
    registry: Registry,
    edition: Edition,
    crawl: CrawlSummary,
    crawl_ids: list[str],
    out_dir: Path,
    progress: Progress,
) -> AuditSummary:
    """The stages after the harvest, each committed as it finishes (a killed audit keeps what was
    done); the run becomes complete or partial only in the last one, with its scores."""
    outcomes = {b: o.status if o.status == "complete" else (o.reason or o.status) for b, o in crawl.bodies.items()}
    as_of = request.as_of or datetime.now(UTC).date()
    kind = edition.reporting_period.kind if edition.reporting_period else "year"
    period = request.period or period_of(as_of, kind)
    with session_scope(request.db_url) as session:
        run = session.get(Run, crawl.run_id)
        assert run is not None
        run.as_of = as_of
        run.edition = edition.edition
        # what ``ashyq check`` needs to redo the run as it was: its registry and the readings chosen
        run.settings = {
            **(run.settings or {}),
            "period": period.as_dict(),
            "registry": request.registry,
            "whole_registry": {b.id for b in registry.assessed()} <= set(request.body_ids),
            "edition": edition.edition,
            "options": dict(request.options),
        }
    if request.browser:
        progress("measure", {"bodies": crawl_ids})
        with session_scope(request.db_url) as session:
            run = session.get(Run, crawl.run_id)
            assert run is not None
            measure_run(session, run, crawl_ids, out_dir, request.base_url_map, progress)
    assessed = [b for b in request.body_ids if registry.get(b).kind in ("cgo", "mio")]
    with session_scope(request.db_url) as session:
        run = session.get(Run, crawl.run_id)
        assert run is not None
        checked = check_bodies(
            session, run, assessed, request.registry, out_dir, request.options, request.only_items, progress
        )
    failed = {b: why for b, why in checked.items() if isinstance(why, str)}
    outcomes.update(failed)
    broken = list(failed)
    if request.only_items is not None:  # a recheck: findings only, a score of a few items means nothing
        with session_scope(request.db_url) as session:
            finish_run(session, crawl.run_id, crawl.status)
        return AuditSummary(crawl.run_id, crawl.status, None, outcomes, out_dir)
    progress("score", {"edition": edition.edition})
    with session_scope(request.db_url) as session:
        run = session.get(Run, crawl.run_id)
        assert run is not None
        document = findings_document(session, run, assessed)
        # a single-body audit borrows the averages of the last complete run of the whole registry that
        # has them; a run of a whole registry (nightly, demo) computes its own
        previous = None
        if request.kind in (RunKind.AUDIT, RunKind.URL):
            previous = last_run_with_averages(session, run.id, request.registry, edition.edition)
        borrowed = dict((previous.settings or {}).get("averages", {})) if previous is not None else {}
        averages_from = previous.id if previous is not None else None
        document["run"]["averages_from"] = averages_from
        all_scores = score_editions(document, [edition, *other_editions(edition.edition)], request.options, borrowed)
        for edition_scores in all_scores.values():
            save_scores(session, run, edition_scores)
        scores = all_scores[edition.edition]
        status = RunStatus.PARTIAL if broken and crawl.status == RunStatus.COMPLETE else crawl.status
        run.settings = {
            **(run.settings or {}),
            "averages": {name: s.averages for name, s in all_scores.items()},
            "interpretations": scores.interpretations,
            "averages_borrowed": borrowed,
            "averages_from": averages_from,
        }
        # the last stage closes the run, in the transaction that saves its scores
        finish_run(session, run, status)
        run_id = run.id
    reports: dict[str, str] = {}
    if request.reports:
        progress("report", {"run": run_id})
        reports = _reports(run_id, assessed, out_dir, request.db_url)
    _write_summary(out_dir, run_id, scores, outcomes, averages_from, period)
    return AuditSummary(run_id, status, scores, outcomes, out_dir, averages_from, reports, period.label)


def check_bodies(
    session: Any,
    run: Run,
    body_ids: list[str],
    registry: str,
    out_dir: Path,
    options: dict[str, str] | None = None,
    only_items: list[str] | None = None,
    progress: Progress = no_progress,
    revision: int = 1,
) -> dict[str, list[Result] | str]:
    """The check stage over what a run stored: per body its results (saved as findings of
    ``revision``), or, when its checks could not run, why — one body's failure never undoes the
    others' findings. The run's interpretation options reach the checks that apply a reading."""

    reg = load_registry(registry)
    bodies = {b.id: b for b in reg.bodies}
    listed = current_unified_list(session)
    source = reference(listed) if listed is not None else None
    run.settings = {**(run.settings or {}), "unified_list": source}

    def config_for(body_id: str) -> dict[str, Any]:
        # the imported Unified list's rows of the body (None: no list imported; the open-data checks
        # then take the body's declared datasets as claims to verify)
        body = bodies.get(body_id)
        names = [body.names.kk, body.names.ru] if body is not None else []
        rows = rows_for(listed, names) if listed is not None else None
        return {
            "unified_list": rows,
            "unified_list_source": source,
            "interpretations": dict(options or {}),
            # whether the registry knows the body's subordinate organisations (none is not unknown)
            "subordinate_list": reg.subordinate_list(body_id) if body is not None else "unknown",
        }

    out: dict[str, list[Result] | str] = {}
    for body_id in body_ids:
        progress("check", {"body": body_id})
        try:
            with session.begin_nested():
                results = run_checks(load_artifacts(session, run, body_id, out_dir, config_for=config_for), only_items)
                save_results(session, run, body_id, results, revision)
            out[body_id] = results
        except Exception as error:  # recorded; the run goes on and ends partial
            out[body_id] = f"checks failed: {type(error).__name__}: {error}"[:300]
    session.flush()
    return out


def last_run_with_averages(session: Any, exclude: str, registry: str, edition: str) -> Run | None:
    """The last complete run of the whole ``registry`` that has averages under ``edition``: a run of one
    body (or one URL) has no averages of all bodies to lend, and another registry's bodies are others."""
    runs = session.scalars(
        select(Run).where(Run.status == RunStatus.COMPLETE, Run.id != exclude).order_by(Run.finished_at.desc())
    )
    for run in runs:
        settings = run.settings or {}
        if settings.get("registry") != registry or not settings.get("whole_registry"):
            continue
        if (settings.get("averages") or {}).get(edition):
            return run
    return None


def other_editions(primary: str) -> list[Edition]:
    """Every other edition in config/methodology: each is scored on the findings that concern it."""
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


def _with_subordinates(registry: Registry, body_ids: list[str]) -> list[str]:
    """The bodies to harvest: those asked for, and the subordinate organisations of the CGOs among them
    (those evaluated in their criterion 7: not committees, not monitored organisations)."""
    out = list(dict.fromkeys(body_ids))
    for body_id in body_ids:
        for child in registry.subordinates(body_id):
            if child.id not in out:
                out.append(child.id)
    return out


def _reports(run_id: str, body_ids: list[str], out_dir: Path, db_url: str | None) -> dict[str, str]:
    from ashyq.reports.writer import write_run_reports  # WeasyPrint and the templates: only when reporting

    return write_run_reports(run_id, body_ids, out_dir, db_url)


def _write_summary(
    out_dir: Path,
    run_id: str,
    scores: RunScores,
    outcomes: dict[str, str],
    averages_from: str | None,
    period: ReportingPeriod,
) -> None:
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


def latest_run_id(db_url: str | None) -> str | None:
    with session_scope(db_url) as session:
        return session.scalar(select(Run.id).order_by(Run.started_at.desc()).limit(1))
