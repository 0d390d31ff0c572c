"""Run a crawl: one store Run, the spiders of every body in a crawl process, one WARC per body.

:func:`run_crawl` creates the Run (its settings record politeness, limits and every robots
override with its reason), starts :mod:`ashyq.crawler.process` as a child process (forked from the
program's warm one: :mod:`ashyq.crawler.launcher`), relays its progress,
and finishes the Run: ``complete`` when every body was harvested, ``partial`` when some were not,
``failed`` when none was - with each body's reason kept under ``settings["outcome"]``. The summary
is also written to ``<out>/runs/<run_id>/summary.json``.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from ashyq.crawler.launcher import start_crawl
from ashyq.crawler.settings import build_settings, run_settings_record
from ashyq.crawler.spiders import spiders_for
from ashyq.crawler.storing import store_body
from ashyq.net.crawl_config import load_crawl_config
from ashyq.store.bodies import Registry, load_registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.repository import finish_run, locked_run, start_run, upsert_bodies
from ashyq.store.vocabulary import RunKind, RunStatus
from ashyq.store.warc import warc_path

ProgressCallback = Callable[[dict[str, Any]], None]


class UnknownBodies(LookupError):
    def __init__(self, unknown: list[str], registry: Registry) -> None:
        self.unknown = unknown
        self.known = [body.id for body in registry.bodies]
        super().__init__(f"unknown bodies: {', '.join(unknown)} (registry {registry.name})")


@dataclass
class CrawlRequest:
    body_ids: list[str]
    registry: str = "demo"
    base_url_map: dict[str, str] = field(default_factory=dict)  # non-empty = replica mode
    out_dir: Path = Path("out")
    db_url: str | None = None
    max_pages: int | None = None
    config_path: Path | None = None
    spiders: list[str] | None = None  # only these spider names (None: every spider that applies)
    lang: str | None = None
    parallel: int = 4  # (body, spider) pairs crawling at once
    browsers: int | None = None  # of those, at most this many driving a browser (None: no limit of its own)
    settings_overrides: dict[str, Any] = field(default_factory=dict)
    connection_log: Path | None = None
    run_kind: RunKind = RunKind.AUDIT
    # harvest into this existing run and leave it running (an audit, which finishes it itself);
    # None: the crawl starts its own run
    run_id: str | None = None
    # whether the harvest is the run's last stage (``ashyq crawl``); an audit goes on to measure,
    # check and score, and only its last stage may close the run
    finish: bool = True
    # the run whose captures are asked against with conditional requests (None: fetch everything whole)
    baseline_run: str | None = None


@dataclass
class BodyOutcome:
    body_id: str
    status: str  # complete | failed
    reason: str | None
    pages: int = 0
    records: int = 0
    failures: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    spiders: list[str] = field(default_factory=list)
    warc_file: str | None = None


@dataclass
class CrawlSummary:
    run_id: str
    status: RunStatus
    bodies: dict[str, BodyOutcome]
    out_dir: Path
    exit_code: int

    @property
    def run_dir(self) -> Path:
        return self.out_dir / "runs" / self.run_id


def resolve_bodies(registry_name: str, body_ids: list[str], all_bodies: bool) -> tuple[Registry, list[str]]:
    registry = load_registry(registry_name)
    if all_bodies:
        return registry, [body.id for body in registry.bodies]
    known = {body.id for body in registry.bodies}
    unknown = [body_id for body_id in body_ids if body_id not in known]
    if unknown:
        raise UnknownBodies(unknown, registry)
    return registry, list(dict.fromkeys(body_ids))


def run_crawl(request: CrawlRequest, on_progress: ProgressCallback | None = None) -> CrawlSummary:
    registry, body_ids = resolve_bodies(request.registry, request.body_ids, all_bodies=False)
    bodies = [registry.get(body_id) for body_id in body_ids]
    config = load_crawl_config(request.config_path)
    settings = build_settings(config, base_url_map=request.base_url_map, max_pages=request.max_pages)
    out_dir = Path(request.out_dir).resolve()
    db_url = request.db_url
    ensure_schema(db_url)
    crawl_record = run_settings_record(config, settings)
    _store_registry(registry, db_url)
    with session_scope(db_url) as session:
        if request.run_id is None:
            run = start_run(
                session,
                request.run_kind,
                body_ids=body_ids,
                settings={"crawl": crawl_record, "registry": request.registry},
            )
        else:
            found = locked_run(session, request.run_id)
            if found is None:
                raise LookupError(f"no run {request.run_id!r}")
            run = found
            run.settings = {**(run.settings or {}), "crawl": crawl_record}
        run_id = run.id
    run_dir = out_dir / "runs" / run_id
    run_dir.mkdir(parents=True, exist_ok=True)
    job = {
        "run_id": run_id,
        "registry": request.registry,
        "body_ids": body_ids,
        "base_url_map": request.base_url_map,
        "out_dir": str(out_dir),
        "db_url": db_url,
        "max_pages": request.max_pages,
        "config_path": str(request.config_path) if request.config_path else None,
        "spiders": request.spiders,
        "lang": request.lang,
        "parallel": request.parallel,
        "browsers": request.browsers,
        "settings_overrides": request.settings_overrides,
        "connection_log": str(request.connection_log) if request.connection_log else None,
        "baseline_run": request.baseline_run,
    }
    # one file per crawl: several crawls (queue workers, each harvesting a body) may share a run
    job_path = run_dir / f"crawl-job-{uuid.uuid4().hex[:12]}.json"
    job_path.write_text(json.dumps(job, ensure_ascii=False, indent=2), encoding="utf-8")
    planned = {body.id: [str(s.name) for s in spiders_for(body)] for body in bodies}
    results, exit_code = _run_process(job_path, run_dir, on_progress)
    outcomes = {
        body_id: _outcome(body_id, results.get(body_id), planned[body_id], exit_code, out_dir, run_id)
        for body_id in body_ids
    }
    status = _run_status(outcomes)
    with session_scope(db_url) as session:
        stored = locked_run(session, run_id)  # other bodies' crawls of the run merge theirs too
        assert stored is not None
        earlier = dict((stored.settings or {}).get("outcome") or {})  # bodies harvested by another job
        stored.settings = {
            **(stored.settings or {}),
            "outcome": {**earlier, **{b: asdict(o) for b, o in outcomes.items()}},
            "crawl_status": status.value,
        }
        if request.finish and request.run_id is None:
            finish_run(session, stored, status)
    summary = CrawlSummary(run_id, status, outcomes, out_dir, exit_code)
    (run_dir / "summary.json").write_text(
        json.dumps(
            {
                "run_id": run_id,
                "status": status.value,
                "finished_at": datetime.now(UTC).isoformat(),
                "bodies": {b: asdict(o) for b, o in outcomes.items()},
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    return summary


def _store_registry(registry: Registry, db_url: str | None, attempts: int = 3) -> None:
    """The whole registry into the store (a subordinate body's parent before it). Crawls of one run on
    several workers do this at the same time: the loser of a race for a new row retries, and then
    finds the row."""
    for attempt in range(1, attempts + 1):
        try:
            with session_scope(db_url) as session:
                upsert_bodies(session, [store_body(body) for body in registry.bodies])
            return
        except IntegrityError:
            if attempt == attempts:
                raise


def _run_process(
    job_path: Path, run_dir: Path, on_progress: ProgressCallback | None
) -> tuple[dict[str, dict[str, Any]], int]:
    """Run the crawl process; the last word per body (``body_done`` or ``summary``) and the exit code."""
    results: dict[str, dict[str, Any]] = {}
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = start_crawl(job_path, run_dir / "crawl.log", env)
    assert child.stdout is not None
    for line in child.stdout:
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue  # something printed to stdout that is not ours
        if event.get("event") == "body_done":
            results[event["body"]] = event
        elif event.get("event") == "summary":
            for body_id, data in event.get("bodies", {}).items():
                results.setdefault(body_id, {**data, "body": body_id})
        if on_progress is not None:
            on_progress(event)
    exit_code = child.wait()
    return results, exit_code


# the spiders that read a body's website (its own site, or its gov.kz platform pages)
WEBSITE_SPIDERS = frozenset({"site", "govkz", "govkz_render"})


def _outcome(
    body_id: str, result: dict[str, Any] | None, planned: list[str], exit_code: int, out_dir: Path, run_id: str
) -> BodyOutcome:
    path = warc_path(out_dir, run_id, body_id)
    warc_file = str(path.relative_to(out_dir)) if path.exists() else None
    if result is None:
        return BodyOutcome(
            body_id,
            "failed",
            f"the crawl process ended (exit code {exit_code}) before this body was done",
            spiders=planned,
            warc_file=warc_file,
        )
    outcome = BodyOutcome(
        body_id,
        "complete",
        None,
        int(result.get("pages", 0)),
        int(result.get("records", 0)),
        int(result.get("failures", 0)),
        dict(result.get("reasons", {})),
        planned,
        warc_file,
    )
    finish: dict[str, str] = result.get("finish") or {}
    broken = {name: why for name, why in finish.items() if why != "finished"}
    if not planned:
        outcome.status, outcome.reason = (
            "failed",
            "no spider harvests this body (no classic site, no platform or portal spider)",
        )
    elif broken:
        outcome.status = "failed"
        outcome.reason = "; ".join(f"{name}: {why}" for name, why in broken.items())
    elif outcome.pages == 0 and outcome.records == 0:
        top = max(outcome.reasons.items(), key=lambda kv: kv[1])[0] if outcome.reasons else "nothing found"
        outcome.status, outcome.reason = "failed", f"nothing harvested (failures: {top})"
    elif outcome.pages == 0 and set(planned) & WEBSITE_SPIDERS:
        # portal records alone do not make a complete audit of a body whose website was to be read
        top = max(outcome.reasons.items(), key=lambda kv: kv[1])[0] if outcome.reasons else "nothing found"
        outcome.status, outcome.reason = "failed", f"no page of the website harvested (failures: {top})"
    return outcome


def _run_status(outcomes: dict[str, BodyOutcome]) -> RunStatus:
    failed = sum(1 for outcome in outcomes.values() if outcome.status != "complete")
    if failed == 0:
        return RunStatus.COMPLETE
    return RunStatus.FAILED if failed == len(outcomes) else RunStatus.PARTIAL
