"""The stages of an audit in their order, for one part of a run (some bodies; :func:`harvest_measure_check`):
harvest → browser measurements → checks. Each stage reads only what the one before stored, so a stage can
be re-run alone (the checks over a stored run, :mod:`ashyq.pipeline.revision`); a body whose harvest
is as it was is carried forward from the run's baseline (:mod:`ashyq.pipeline.incremental`). Scoring
and reports follow once every part is done (:func:`ashyq.pipeline.audit.finish_audit`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ashyq.checks.accessibility.visual import to_confirm
from ashyq.checks.coverage import describe, missing_pages
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from ashyq.gather.stage import measure_run
from ashyq.pipeline.artifacts import load_artifacts
from ashyq.pipeline.audit_request import AuditRequest, Progress, no_progress, with_subordinates
from ashyq.pipeline.incremental import (
    BodyPlan,
    carry_findings,
    harvest_digest,
    keep_unchanged,
    plan_body,
    take_over_measurements,
)
from ashyq.pipeline.results import save_results
from ashyq.pipeline.review import carry_answers
from ashyq.store.bodies import Registry, load_registry
from ashyq.store.db import session_scope
from ashyq.store.models import Run
from ashyq.store.repository import locked_run
from ashyq.store.unified_list import current_unified_list, reference, rows_for

# the crawl of a part: spiders crawling at once, and of those, spiders rendering pages in a browser
CRAWL_PARALLEL = 64

CRAWL_BROWSERS = 2


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


def harvest_measure_check(
    request: AuditRequest, run_id: str, body_ids: list[str], progress: Progress = no_progress
) -> None:
    """One part of a run's work, for ``body_ids`` (assessed bodies; their subordinate organisations
    come along): harvest into the run, take the browser measurements, run the checks. What failed is
    kept under the run's ``settings`` (``outcome`` by the crawl, ``check_failures`` here), so any
    process can finish the run afterwards. Parts of one run may run in different processes."""
    registry = load_registry(request.registry)
    out_dir = Path(request.out_dir).resolve()
    crawl_ids = with_subordinates(registry, body_ids)
    baseline_id = _harvest(request, run_id, crawl_ids, out_dir, progress)
    assessed = [b for b in body_ids if registry.get(b).kind in ("cgo", "mio")]
    plans = _plans(request, run_id, registry, assessed, baseline_id, progress)
    # the browser measurements of a body whose harvest is as it was are the baseline's (not taken again)
    reused = {b for b, plan in plans.items() if not plan.remeasure}
    taken_over = [b for b in crawl_ids if b in reused or registry.get(b).parent in reused]
    _measure(request, run_id, [b for b in crawl_ids if b not in taken_over], taken_over, baseline_id, progress)
    # each body's checks are stored (and the body marked done) as soon as they are: a run interrupted
    # during the checks keeps the bodies already checked
    for part in [[b] for b in assessed] + [[b for b in body_ids if b not in assessed]]:
        _check_part(request, run_id, part, assessed, plans, baseline_id, progress)


def _harvest(request: AuditRequest, run_id: str, crawl_ids: list[str], out_dir: Path, progress: Progress) -> str | None:
    """The harvest of a part into the run (conditional on the run's baseline, when it has one); the
    baseline's id."""
    from ashyq.crawler.runner import CrawlRequest, run_crawl  # the crawler pulls in Scrapy: only when auditing

    with session_scope(request.db_url) as session:
        started = session.get(Run, run_id)
        assert started is not None
        baseline_id: str | None = ((started.settings or {}).get("incremental") or {}).get("baseline")
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
    return baseline_id


def _measure(
    request: AuditRequest,
    run_id: str,
    to_measure: list[str],
    taken_over: list[str],
    baseline_id: str | None,
    progress: Progress,
) -> None:
    """The browser measurements of a part: taken over from the baseline for ``taken_over``, taken for
    ``to_measure`` (nothing without the browser)."""
    if request.browser and taken_over and baseline_id is not None:
        with session_scope(request.db_url) as session:
            run, baseline = session.get(Run, run_id), session.get(Run, baseline_id)
            assert run is not None and baseline is not None
            count = take_over_measurements(session, run, baseline, taken_over)
            progress("measure-taken-over", {"bodies": taken_over, "measurements": count, "from": baseline_id})
    if request.browser and to_measure:
        out_dir = Path(request.out_dir).resolve()
        with session_scope(request.db_url) as session:
            run = session.get(Run, run_id)
            assert run is not None
            progress("measure", {"bodies": to_measure})
            markup = MarkupOf(session, run, out_dir)
            measure_run(session, run, to_measure, out_dir, request.base_url_map, progress, markup.pages, markup.confirm)


def _check_part(
    request: AuditRequest,
    run_id: str,
    part: list[str],
    assessed: list[str],
    plans: dict[str, BodyPlan],
    baseline_id: str | None,
    progress: Progress,
) -> None:
    """The checks of one body (or of the bodies no assessed body brings): checked, checked against the
    baseline, or carried forward; stored with the body marked done, in one transaction."""
    out_dir = Path(request.out_dir).resolve()
    carried = {b for b, plan in plans.items() if plan.carried}
    reused = {b for b, plan in plans.items() if not plan.remeasure}
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
                b: BodyPlan(b, ["full run"], harvest=harvest_digest(session, run_id, with_subordinates(registry, [b])))
                for b in assessed
            }
        baseline = session.get(Run, baseline_id)
        listed = current_unified_list(session)
        unified = reference(listed) if listed is not None else None
        plans = {b: plan_body(session, run, baseline, b, with_subordinates(registry, [b]), unified) for b in assessed}
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
                carry_answers(session, run, body_id, revision)  # answers given on the same captures
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
