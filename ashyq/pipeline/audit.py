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
from ashyq.checks.accessibility.visual import to_confirm
from ashyq.checks.coverage import describe, missing_pages
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from ashyq.gather.stage import measure_run
from ashyq.methodology.edition import Edition, available_editions, edition_path
from ashyq.methodology.validate import load_edition
from ashyq.pipeline.artifacts import load_artifacts
from ashyq.pipeline.incremental import (
    BodyPlan,
    baseline_for,
    carry_findings,
    check_refs,
    harvest_digest,
    keep_unchanged,
    plan_body,
    refers_to_runs,
    take_over_measurements,
)
from ashyq.pipeline.results import findings_document, save_results, save_scores
from ashyq.scoring.engine import RunScores, score_run
from ashyq.scoring.findings import FindingsFile
from ashyq.store.bodies import Registry, load_registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.leases import (
    QUEUED_HOST_PREFIX,
    Heartbeat,
    StaleRun,
    mark_stale_runs,
    release_lease,
    take_lease,
    this_host,
)
from ashyq.store.models import Run
from ashyq.store.repository import locked_run, start_run
from ashyq.store.unified_list import current_unified_list, reference, rows_for
from ashyq.store.vocabulary import RunKind, RunStatus

if TYPE_CHECKING:  # the crawler pulls in Scrapy: imported only when auditing
    pass

Progress = Callable[[str, dict[str, Any]], None]

# the crawl of a part: spiders crawling at once, and of those, spiders rendering pages in a browser
CRAWL_PARALLEL = 64
CRAWL_BROWSERS = 2


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
    crawl_config: Path | None = None  # politeness and robots policy (default ashyq/config/crawl.yaml)
    # fetch, measure and check everything again, ignoring the previous run (ashyq.pipeline.incremental)
    full: bool = False
    # how many assessed bodies are harvested, measured and checked together (their subordinate
    # organisations come along): one crawl process and one browser for them all, each host within its
    # politeness budget. 1: body after body. Each body is still finished (checked, stored, marked done)
    # on its own, so a run killed midway and resumed redoes only the bodies not finished.
    side_by_side: int = 8


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
        """0 complete, 1 partial, 3 failed (2 is a usage error and 4 an internal one: the command's)."""
        return {RunStatus.COMPLETE: 0, RunStatus.PARTIAL: 1}.get(self.status, 3)


class MarkupOf:
    """A body's harvested pages as the browser stage chooses among them: their markup (one page per
    template is measured) and what the markup asks the browser to confirm. Read once per body."""

    def __init__(self, session: Any, run: Run, out_dir: Path) -> None:
        self.session, self.run, self.out_dir = session, run, out_dir
        self._artifacts: dict[str, Any] = {}

    def _of(self, body_id: str) -> Any:
        if body_id not in self._artifacts:
            self._artifacts = {
                body_id: load_artifacts(self.session, self.run, body_id, self.out_dir, with_subordinates=False)
            }
        return self._artifacts[body_id]

    def pages(self, body_id: str) -> list[tuple[str, str]]:
        return [(p.url, p.html) for p in self._of(body_id).pages if p.html]

    def confirm(self, body_id: str) -> dict[str, str]:
        return to_confirm(self._of(body_id))


def no_progress(stage: str, info: dict[str, Any]) -> None:
    return None


def run_audit(request: AuditRequest, progress: Progress = no_progress) -> AuditSummary:
    """The whole audit in this process: start the run, then harvest, measure and check the bodies, up
    to ``request.side_by_side`` of them together (each body is finished - stored and marked done - on
    its own, so a run killed midway and resumed redoes only the bodies not finished), then score and
    report. The coordinator holds the run's lease (:mod:`ashyq.store.leases`) throughout."""
    run_id = start_audit_run(request)
    with Heartbeat(run_id, request.db_url):
        try:
            for part in body_parts(load_registry(request.registry), request.body_ids, request.side_by_side):
                harvest_measure_check(request, run_id, part, progress)
            return finish_audit(request, run_id, progress)
        except BaseException as error:  # interrupted or broken: the run is failed, never left looking done
            _fail_run(request.db_url, run_id, error)
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
                release_lease(session, run_id)
    except Exception:  # the store itself is what failed: the run stays "running" until found stale
        return


class NotResumable(ValueError):
    """The run named cannot be resumed (unknown, finished, or still worked on)."""


def mark_stale(db_url: str | None) -> list[StaleRun]:
    """Mark the runs left ``running`` by a coordinator that is gone (:mod:`ashyq.store.leases`)."""
    ensure_schema(db_url)
    with session_scope(db_url) as session:
        return mark_stale_runs(session)


def resumable_run(run_id: str, db_url: str | None) -> AuditRequest:
    """The request of an interrupted run (marked by :func:`mark_stale`), to finish it."""
    with session_scope(db_url) as session:
        run = session.get(Run, run_id)
        if run is None:
            raise NotResumable(f"no run {run_id!r} in the store")
        settings = run.settings or {}
        if run.status == RunStatus.RUNNING:
            raise NotResumable(f"run {run_id} is still running (its coordinator or a worker is alive)")
        if "interrupted" not in settings:
            raise NotResumable(f"run {run_id} finished as {run.status.value}; only an interrupted run is resumed")
        if "request" not in settings:
            raise NotResumable(f"run {run_id} was started by an older version: it cannot be resumed")
        return request_from_record(dict(settings["request"]), db_url)


def reopen_run(run_id: str, db_url: str | None, queued: bool = False) -> list[str]:
    """Make an interrupted run ``running`` again, leased to this process; the bodies still to do."""
    with session_scope(db_url) as session:
        run = session.get(Run, run_id)
        assert run is not None
        settings = dict(run.settings or {})
        interrupted = settings.pop("interrupted")
        settings["resumed"] = [*settings.get("resumed", []), {**interrupted, "at": datetime.now(UTC).isoformat()}]
        run.settings = settings
        run.status = RunStatus.RUNNING
        run.finished_at = None
        take_lease(session, run.id, host=f"{QUEUED_HOST_PREFIX}{this_host()}" if queued else None)
        done = set(settings.get("done") or [])
        return [b for b in settings["request"]["body_ids"] if b not in done]


def resume_audit(run_id: str, db_url: str | None, progress: Progress = no_progress) -> AuditSummary:
    """Finish an interrupted run in this process: the bodies it had finished are kept, the others are
    cleared of what the interrupted attempt stored and redone, then the run is scored and reported."""
    mark_stale(db_url)
    request = resumable_run(run_id, db_url)
    todo = reopen_run(run_id, db_url)
    with Heartbeat(run_id, db_url):
        registry = load_registry(request.registry)
        if todo:
            clear_bodies(run_id, _with_subordinates(registry, todo), db_url)
        for part in body_parts(registry, todo, request.side_by_side):
            harvest_measure_check(request, run_id, part, progress)
        return finish_audit(request, run_id, progress)


def clear_bodies(run_id: str, body_ids: list[str], db_url: str | None) -> None:
    """Remove what an interrupted attempt stored for ``body_ids`` in the run, so a redo starts clean."""
    from sqlalchemy import delete

    from ashyq.store.models import Base

    with session_scope(db_url) as session:
        for table in reversed(Base.metadata.sorted_tables):
            if "run_id" in table.c and "body_id" in table.c:
                session.execute(delete(table).where(table.c.run_id == run_id, table.c.body_id.in_(body_ids)))


def start_audit_run(request: AuditRequest, run_id: str | None = None, queued: bool = False) -> str:
    """The run of an audit, ``running`` and leased to this process, with what every stage needs to
    redo it as it was (the registry, edition, options and the request itself). A ``queued`` run is
    worked on by queue workers: its lease is judged by its heartbeat alone (the coordinator may go)."""
    registry = load_registry(request.registry)
    edition = load_edition(edition_path(request.edition))
    ensure_schema(request.db_url)
    as_of = request.as_of or datetime.now(UTC).date()
    kind = edition.reporting_period.kind if edition.reporting_period else "year"
    period = request.period or period_of(as_of, kind)
    with session_scope(request.db_url) as session:
        run = start_run(
            session,
            request.kind,
            body_ids=_with_subordinates(registry, request.body_ids),
            edition=edition.edition,
            as_of=as_of,
            run_id=run_id,
            settings={
                "period": period.as_dict(),
                "registry": request.registry,
                "whole_registry": {b.id for b in registry.assessed()} <= set(request.body_ids),
                "edition": edition.edition,
                "options": dict(request.options),
                "request": request_record(request),
                "checks": check_refs(),
            },
        )
        baseline = (
            None if request.full or request.only_items is not None else baseline_for(session, run, request.registry)
        )
        run.settings = {
            **run.settings,
            "incremental": {"baseline": baseline.id if baseline else None, "refers_to_runs": refers_to_runs(baseline)},
        }
        take_lease(session, run.id, host=f"{QUEUED_HOST_PREFIX}{this_host()}" if queued else None)
        return run.id


def request_record(request: AuditRequest) -> dict[str, Any]:
    """The request as JSON (kept by the run: a resumed run or a worker redoes exactly this)."""
    return {
        "body_ids": list(request.body_ids),
        "registry": request.registry,
        "edition": request.edition,
        "out_dir": str(Path(request.out_dir).resolve()),
        "base_url_map": dict(request.base_url_map),
        "as_of": request.as_of.isoformat() if request.as_of else None,
        "kind": request.kind.value,
        "max_pages": request.max_pages,
        "browser": request.browser,
        "reports": request.reports,
        "options": dict(request.options),
        "period": request.period.label if request.period else None,
        "only_items": request.only_items,
        "spiders": request.spiders,
        "crawl_config": str(request.crawl_config) if request.crawl_config else None,
        "full": request.full,
        "side_by_side": request.side_by_side,
    }


def request_from_record(record: dict[str, Any], db_url: str | None) -> AuditRequest:
    """The request a run kept; the store's URL is the reader's own (never kept: it may hold a password)."""
    from ashyq.base.period import parse_period

    return AuditRequest(
        body_ids=list(record["body_ids"]),
        registry=record["registry"],
        edition=record["edition"],
        out_dir=Path(record["out_dir"]),
        db_url=db_url,
        base_url_map=dict(record.get("base_url_map") or {}),
        as_of=date.fromisoformat(record["as_of"]) if record.get("as_of") else None,
        kind=RunKind(record["kind"]),
        max_pages=record.get("max_pages"),
        browser=bool(record.get("browser", True)),
        reports=bool(record.get("reports", True)),
        options=dict(record.get("options") or {}),
        period=parse_period(record["period"]) if record.get("period") else None,
        only_items=record.get("only_items"),
        spiders=record.get("spiders"),
        crawl_config=Path(record["crawl_config"]) if record.get("crawl_config") else None,
        full=bool(record.get("full", False)),
        side_by_side=int(record.get("side_by_side") or 1),
    )


def harvest_measure_check(
    request: AuditRequest, run_id: str, body_ids: list[str], progress: Progress = no_progress
) -> None:
    """One part of a run's work, for ``body_ids`` (assessed bodies; their subordinate organisations
    come along): harvest into the run, take the browser measurements, run the checks. What failed is
    kept under the run's ``settings`` (``outcome`` by the crawl, ``check_failures`` here), so any
    process can finish the run afterwards. Parts of one run may run in different processes."""
    from ashyq.crawler.runner import CrawlRequest, run_crawl  # the crawler pulls in Scrapy: only when auditing

    registry = load_registry(request.registry)
    out_dir = Path(request.out_dir).resolve()
    crawl_ids = _with_subordinates(registry, body_ids)
    with session_scope(request.db_url) as session:
        started = session.get(Run, run_id)
        assert started is not None
        baseline_id = ((started.settings or {}).get("incremental") or {}).get("baseline")
    progress("crawl", {"bodies": crawl_ids, "baseline": baseline_id})
    run_crawl(
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
            run_id=run_id,
            baseline_run=baseline_id,
            # every spider of the part at once: each host's politeness budget, not the order of the
            # bodies, paces the harvest; the browser renders share the cores, so only a few at a time
            parallel=CRAWL_PARALLEL,
            browsers=CRAWL_BROWSERS,
        ),
        on_progress=lambda event: progress("crawl-progress", event),
    )
    assessed = [b for b in body_ids if registry.get(b).kind in ("cgo", "mio")]
    plans = _plans(request, run_id, registry, assessed, baseline_id, progress)
    carried = {b for b, plan in plans.items() if plan.carried}
    # the browser measurements of a body whose harvest is as it was are the baseline's (not taken again)
    reused = {b for b, plan in plans.items() if not plan.remeasure}
    taken_over = [b for b in crawl_ids if b in reused or registry.get(b).parent in reused]
    to_measure = [b for b in crawl_ids if b not in taken_over]
    if request.browser and taken_over and baseline_id is not None:
        with session_scope(request.db_url) as session:
            run, baseline = session.get(Run, run_id), session.get(Run, baseline_id)
            assert run is not None and baseline is not None
            count = take_over_measurements(session, run, baseline, taken_over)
            progress("measure-taken-over", {"bodies": taken_over, "measurements": count, "from": baseline_id})
    if request.browser and to_measure:
        with session_scope(request.db_url) as session:
            run = session.get(Run, run_id)
            assert run is not None
            progress("measure", {"bodies": to_measure})
            markup = MarkupOf(session, run, out_dir)
            measure_run(session, run, to_measure, out_dir, request.base_url_map, progress, markup.pages, markup.confirm)
    # each body's checks are stored (and the body marked done) as soon as they are: a run interrupted
    # during the checks keeps the bodies already checked
    for part in [[b] for b in assessed] + [[b for b in body_ids if b not in assessed]]:
        with session_scope(request.db_url) as session:
            # other parts of the run may write its settings at the same time: the check stage reads and
            # writes them under the run row's lock (a fresh copy)
            locked = locked_run(session, run_id)
            assert locked is not None
            checked = check_bodies(
                session,
                locked,
                [b for b in part if b in assessed and b not in carried and b not in reused],
                request.registry,
                out_dir,
                request.options,
                request.only_items,
                progress,
            )
            # measured as before, checked again (the audit date moved …): what comes out as it was is
            # the baseline's finding carried forward
            checked.update(
                check_bodies(
                    session,
                    locked,
                    [b for b in part if b in reused and b not in carried],
                    request.registry,
                    out_dir,
                    request.options,
                    request.only_items,
                    progress,
                    baseline=session.get(Run, baseline_id) if baseline_id else None,
                )
            )
            checked.update(_carry_bodies(session, locked, [plans[b] for b in part if b in carried], request, progress))
            failed = {b: why for b, why in checked.items() if isinstance(why, str)}
            settings = dict(locked.settings or {})
            settings["check_failures"] = {
                **{b: why for b, why in (settings.get("check_failures") or {}).items() if b not in checked},
                **failed,
            }
            settings["done"] = sorted({*(settings.get("done") or []), *part})
            incremental = dict(settings.get("incremental") or {})
            incremental["bodies"] = {
                **(incremental.get("bodies") or {}),
                **{b: p.record() for b, p in plans.items() if b in part},
            }
            settings["incremental"] = incremental
            locked.settings = settings


def _plans(
    request: AuditRequest,
    run_id: str,
    registry: Registry,
    assessed: list[str],
    baseline_id: str | None,
    progress: Progress,
) -> dict[str, BodyPlan]:
    """Per assessed body: carried forward from the baseline, or re-measured and re-checked (and why)."""
    with session_scope(request.db_url) as session:
        run = session.get(Run, run_id)
        assert run is not None
        if baseline_id is None or request.only_items is not None:
            # the harvest's digest is recorded all the same: the next run compares its own with it
            return {
                b: BodyPlan(b, ["full run"], harvest=harvest_digest(session, run_id, _with_subordinates(registry, [b])))
                for b in assessed
            }
        baseline = session.get(Run, baseline_id)
        listed = current_unified_list(session)
        unified = reference(listed) if listed is not None else None
        plans = {b: plan_body(session, run, baseline, b, _with_subordinates(registry, [b]), unified) for b in assessed}
        progress("incremental", {"carried": sorted(b for b, p in plans.items() if p.carried)})
        return plans


def _carry_bodies(
    session: Any, run: Run, plans: list[BodyPlan], request: AuditRequest, progress: Progress
) -> dict[str, list[Result] | str]:
    """The carried bodies' findings: the baseline's, linked; an item whose check changed is checked again."""
    out: dict[str, list[Result] | str] = {}
    if not plans:
        return out
    baseline_id = ((run.settings or {}).get("incremental") or {}).get("baseline")
    baseline = session.get(Run, baseline_id)
    for plan in plans:
        progress("carry", {"body": plan.body_id, "findings": len(plan.carry), "rechecked": plan.recheck_items})
        results: list[Result] = []
        if plan.recheck_items:
            checked = check_bodies(
                session,
                run,
                [plan.body_id],
                request.registry,
                Path(request.out_dir).resolve(),
                request.options,
                plan.recheck_items,
                progress,
            )
            outcome = checked[plan.body_id]
            if isinstance(outcome, str):
                out[plan.body_id] = outcome
                continue
            results = list(outcome)
        carry_findings(session, run, plan.carry, baseline)
        out[plan.body_id] = results
    session.flush()
    return out


def run_outcomes(run: Run) -> dict[str, str]:
    """Each harvested body → "complete" or why it is not (harvest failed, website harvested in part,
    checks failed)."""
    settings = run.settings or {}
    outcomes = {
        b: o["status"] if o.get("status") == "complete" else (o.get("reason") or o.get("status", "failed"))
        for b, o in (settings.get("outcome") or {}).items()
    }
    for body_id, in_part in (settings.get("harvested_in_part") or {}).items():
        if outcomes.get(body_id, "complete") == "complete":
            outcomes[body_id] = in_part["reason"]
    outcomes.update(settings.get("check_failures") or {})
    return outcomes


def crawl_status(run: Run) -> RunStatus:
    outcome = (run.settings or {}).get("outcome") or {}
    failed = sum(1 for o in outcome.values() if o.get("status") != "complete")
    if failed == 0:
        return RunStatus.COMPLETE
    return RunStatus.FAILED if failed == len(outcome) else RunStatus.PARTIAL


def finish_audit(request: AuditRequest, run_id: str, progress: Progress = no_progress) -> AuditSummary:
    """The join of a run: score it (averages span bodies), write the reports, close the run."""
    registry = load_registry(request.registry)
    edition = load_edition(edition_path(request.edition))
    out_dir = Path(request.out_dir).resolve()
    with session_scope(request.db_url) as session:
        run = session.get(Run, run_id)
        assert run is not None
        outcomes = run_outcomes(run)
        harvest = crawl_status(run)
        period = ReportingPeriod.from_dict(run.settings["period"])
        assessed = [b for b in request.body_ids if registry.get(b).kind in ("cgo", "mio")]
        broken = list((run.settings or {}).get("check_failures") or {})
        # a body whose website was harvested in part has findings left open: the run is not complete
        broken += list((run.settings or {}).get("harvested_in_part") or {})
        status = RunStatus.PARTIAL if broken and harvest == RunStatus.COMPLETE else harvest
        if request.only_items is not None:  # a recheck: findings only, a score of a few items means nothing
            run.status = status
            run.finished_at = datetime.now(UTC)
            release_lease(session, run.id)
            return AuditSummary(run.id, status, None, outcomes, out_dir)
        progress("score", {"edition": edition.edition})
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
        run.settings = {
            **(run.settings or {}),
            "averages": {name: s.averages for name, s in all_scores.items()},
            "interpretations": scores.interpretations,
            "averages_borrowed": borrowed,
            "averages_from": averages_from,
        }
        run.status = status
        run.finished_at = datetime.now(UTC)
        release_lease(session, run.id)
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
    baseline: Run | None = None,
) -> dict[str, list[Result] | str]:
    """The check stage over what a run stored: per body its results (saved as findings of
    ``revision``), or, when its checks could not run, why — one body's failure never undoes the
    others' findings. The run's interpretation options reach the checks that apply a reading. With a
    ``baseline``, a result that repeats the baseline's finding exactly is stored as that finding
    carried forward (:func:`ashyq.pipeline.incremental.keep_unchanged`)."""

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
            # a subordinate organisation's state participation (per cent; None: not stated)
            "state_participation": body.state_participation if body is not None else None,
            # the registry's tags of the body (ashyq/config/body_tags.yaml): a setting of the body, as its
            # kind is, not an input that can go missing (the National Bank's statement names)
            "tags": list(body.tags) if body is not None else [],
        }

    out: dict[str, list[Result] | str] = {}
    in_part = dict((run.settings or {}).get("harvested_in_part") or {})
    for body_id in body_ids:
        progress("check", {"body": body_id})
        in_part.pop(body_id, None)
        try:
            with session.begin_nested():
                artifacts = load_artifacts(session, run, body_id, out_dir, config_for=config_for)
                results = run_checks(artifacts, only_items)
                save_results(session, run, body_id, results, revision)
                if baseline is not None:
                    keep_unchanged(session, run, baseline, body_id, revision)
            out[body_id] = results
            in_part.update(_harvested_in_part(artifacts))
        except Exception as error:  # recorded; the run goes on and ends partial
            out[body_id] = f"checks failed: {type(error).__name__}: {error}"[:300]
    run.settings = {**(run.settings or {}), "harvested_in_part": in_part}
    session.flush()
    return out


def _harvested_in_part(artifacts: Any) -> dict[str, dict[str, Any]]:
    """The body, when pages of its website were not obtained: how many are missing, why, which (the
    first few); {} when none is missing."""
    missing = missing_pages(artifacts)
    if not missing:
        return {}
    return {
        artifacts.body_id: {
            "missing_pages": len(missing),
            "reason": describe(missing),
            "urls": [f.url for f in missing[:20]],
        }
    }


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


def with_subordinates_of(registry: str, body_ids: list[str]) -> list[str]:
    return _with_subordinates(load_registry(registry), body_ids)


def largest_first(registry: str, body_ids: list[str]) -> list[str]:
    """The bodies in the order a fleet should start them: those harvested with the most subordinate
    organisations' sites first (a long job started last would leave the other workers idle at the end),
    otherwise as given."""
    loaded = load_registry(registry)
    return sorted(body_ids, key=lambda b: -len(_with_subordinates(loaded, [b])))


def body_parts(registry: Registry, body_ids: list[str], side_by_side: int = 1) -> list[list[str]]:
    """The run's work in the parts one process does one after another: the assessed bodies, up to
    ``side_by_side`` of them a part (their subordinate organisations come along), then the other
    bodies asked for that none of those brings."""
    assessed = [b for b in dict.fromkeys(body_ids) if registry.get(b).kind in ("cgo", "mio")]
    brought = set(_with_subordinates(registry, assessed))
    rest = [b for b in dict.fromkeys(body_ids) if b not in brought]
    size = max(1, side_by_side)
    return [assessed[n : n + size] for n in range(0, len(assessed), size)] + ([rest] if rest else [])


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
