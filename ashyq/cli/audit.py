"""``ashyq nightly`` and ``ashyq audit``: whole audits with a progress display.

Exit codes (:class:`ExitCode`): 0 the run is complete, 1 partial (some bodies could not be harvested
or checked: recorded, the others went on), 2 usage error (nothing was started, e.g. a nightly of the
same registry is already running), 3 the run failed (no body could be harvested), 4 internal error
(a bug or a broken environment: the traceback is printed).
"""

from __future__ import annotations

import functools
import time
import traceback
from collections.abc import Callable
from datetime import UTC, date, datetime
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from rich.table import Table

from ashyq.base.period import ReportingPeriod, last_complete, parse_period
from ashyq.cli.console import command_console
from ashyq.cli.operator import choose_lang, choose_out, choose_registry, choose_store, ensure_contact
from ashyq.cli.options import AsOfOption, DbOption, EditionOption, OutOption, RegistryOption, ReplicaMapOption
from ashyq.pipeline.addresses import ReplicaMapError, named_host, read_replica_map
from ashyq.pipeline.adhoc import AdhocRefused, adhoc_registry
from ashyq.pipeline.audit import AuditRequest, AuditSummary, RunKind, run_audit
from ashyq.pipeline.bodies import BodyRefused, assessed_ids, body_to_audit
from ashyq.pipeline.nightly import (
    NightlyRefused,
    interrupted_request,
    nightly,
    queued_nightly,
    ranked_scores,
    resume_nightly,
)
from ashyq.pipeline.outputs import write_url_outputs
from ashyq.reports.i18n import catalogue, format_percent, format_points
from ashyq.reports.titles import titles_for

CrawlConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--crawl-config",
        help="Politeness and robots policy (default ashyq/config/crawl.yaml; "
        "ashyq/config/crawl-assessor.yaml adds the allow-listed assessor's robots overrides).",
    ),
]

if TYPE_CHECKING:
    from ashyq.pipeline.monitor_output import MonitorSummary

console = command_console()
err = command_console(stderr=True)


class ExitCode(IntEnum):
    COMPLETE = 0
    PARTIAL = 1
    USAGE = 2
    FAILED = 3
    INTERNAL = 4


EXIT_CODES_HELP = (
    "Exit codes: 0 complete, 1 partial (some bodies not harvested or not checked), 2 usage error "
    "(nothing started), 3 failed (no body harvested), 4 internal error."
)

P = ParamSpec("P")
R = TypeVar("R")


def internal_errors_exit_4(command: Callable[P, R]) -> Callable[P, R]:
    """An unexpected exception ends the command with exit code 4 and its traceback on stderr, so an
    operator (or a timer) tells a crash from a partial or failed run."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Exception as error:
            err.print(traceback.format_exc(), highlight=False, markup=False)
            err.print(f"[red]internal error:[/red] {type(error).__name__}: {error}", highlight=False)
            raise typer.Exit(ExitCode.INTERNAL) from None

    return wrapper


def usage_error(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(ExitCode.USAGE)


OptionOption = Annotated[
    list[str] | None,
    typer.Option(
        "--option",
        help="Interpretation choice ID=OPTION (repeatable): applied by the checks and the scorer, kept by the run.",
    ),
]


def edition_or_exit(name: str) -> str:
    """The edition's name, or exit 2 with the known ones (1 with one line per problem if it is broken)."""
    from ashyq.cli.methodology import open_edition

    return open_edition(name).edition


def options_or_exit(raw: list[str] | None) -> dict[str, str]:
    """``--option ID=OPTION`` values checked against every edition: exit 2, one line per problem."""
    from ashyq.cli.methodology import _parse_options
    from ashyq.methodology.edition import available_editions, edition_path
    from ashyq.methodology.validate import load_edition, option_problems

    options = _parse_options(raw or [])
    problems = option_problems(options, [load_edition(edition_path(n)) for n in available_editions()])
    for problem in problems:
        err.print(f"[red]error:[/red] {problem}", highlight=False)
    if problems:
        raise typer.Exit(ExitCode.USAGE)
    return options


class StageProgress:
    """One line per stage, the harvest counts per body as they come, and while bodies are harvested
    side by side, the counts so far every ``every`` seconds."""

    def __init__(self, every: float = 15.0) -> None:
        self.bodies: dict[str, dict[str, Any]] = {}
        self.every = every
        self.said_at = time.monotonic()

    def __call__(self, stage: str, info: dict[str, Any]) -> None:
        if stage == "crawl-progress":
            event = info
            if event.get("event") == "progress" and time.monotonic() - self.said_at >= self.every:
                self.said_at = time.monotonic()
                counts = list((event.get("bodies") or {}).values())
                err.print(
                    f"  harvest so far: {sum(int(c.get('pages', 0)) for c in counts)} pages, "
                    f"{sum(int(c.get('records', 0)) for c in counts)} records, "
                    f"{sum(int(c.get('failures', 0)) for c in counts)} not fetched",
                    highlight=False,
                )
            if event.get("event") == "body_done":
                b = event.get("body", "?")
                # why: most are often links off the site (offsite, a portal's 404), not pages of the site
                reasons = event.get("reasons") or {}
                why = ", ".join(f"{n} {r}" for r, n in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))
                err.print(
                    f"  harvested {b}: {event.get('pages', 0)} pages, {event.get('records', 0)} records, "
                    f"{event.get('failures', 0)} not fetched" + (f" ({why})" if why else ""),
                    highlight=False,
                )
            return
        if stage == "stale":
            for found in info["runs"]:
                err.print(f"[yellow]run {found.run_id} marked interrupted:[/yellow] {found.reason}", highlight=False)
            return
        if stage in ("resuming", "enqueued"):
            said = (
                f"resuming run {info['run']}"
                if stage == "resuming"
                else f"run {info['run']}: {info['jobs']} body jobs enqueued"
            )
            err.print(said, highlight=False)
            return
        labels = {
            "crawl": "harvesting",
            "measure": "browser measurements",
            "check": "checking",
            "score": "scoring",
            "report": "writing reports",
            "measure-skipped": "browser measurements skipped",
        }
        detail = info.get("body") or info.get("edition") or info.get("reason") or ", ".join(info.get("bodies", []))
        err.print(f"[bold]{labels.get(stage, stage)}[/bold] {detail}", highlight=False)


def print_ranking(summary: AuditSummary) -> None:
    """The run's bodies with their scores and levels, in the language of the tables (``choose_lang``)."""
    if summary.scores is None:
        return
    lang = choose_lang(None)
    t = catalogue().translator(lang)
    titles = titles_for(summary.scores.edition)
    period = t("cli.period", period=summary.period) if summary.period else ""
    monitoring = summary.purpose == "monitoring"
    if monitoring:  # points so far, in the order of the bodies: not a ranking, no level
        period += t("cli.monitoring_note")
    table = Table(
        title=t("cli.ranking_title", run=summary.run_id, status=t(f"run_status.{summary.status.value}")) + period
    )
    score_column = "cli.points_to_date" if monitoring else "dashboard.final"
    columns = ("dashboard.rank", "common.body", "cli.body_kind", score_column, "dashboard.level",
               "common.not_assessed_points", "common.coverage")  # fmt: skip
    for key in columns:
        table.add_column(
            t(key), justify="left" if key in ("common.body", "cli.body_kind", "dashboard.level") else "right"
        )
    ranked = sorted(summary.scores.bodies, key=lambda b: (b.body,) if monitoring else (-b.final, b.body))
    for n, b in enumerate(ranked, 1):
        level = titles.level(b.level, lang)
        if b.level != b.level_best_case:
            level += f" … {titles.level(b.level_best_case, lang)}"
        table.add_row(
            "" if monitoring else str(n),
            b.body,
            t(f"kind.{b.kind}"),
            format_points(b.final, lang),
            level,
            format_points(b.not_assessed_points, lang),
            t("common.percent", value=format_percent(b.coverage, lang)),
        )
    console.print(table)
    failed = {b: r for b, r in summary.outcomes.items() if r != "complete"}
    for body, reason in failed.items():
        harvested_in_part = reason.startswith("the website was harvested in part")
        said = reason if harvested_in_part else t("cli.not_harvested", reason=reason)
        console.print(f"[red]{body}[/red]: {said}", highlight=False)
    for name, path in summary.reports.items():
        console.print(f"{name}: {path}", highlight=False)
    if summary.averages_from:
        console.print(t("cli.averages_from", run=summary.averages_from), highlight=False)


def replica_map_of(replica_map: str | None) -> dict[str, str]:
    if replica_map is None:
        return {}
    try:
        return read_replica_map(replica_map)
    except ReplicaMapError as error:
        raise usage_error(f"--replica-map: {error}") from None


def _finish(summary: AuditSummary) -> None:
    print_ranking(summary)
    raise typer.Exit(summary.exit_code)


SideBySideOption = Annotated[
    int,
    typer.Option(
        "--side-by-side",
        min=1,
        help="How many bodies are harvested, measured and checked together (one crawl process and one browser "
        "for them, each host within its politeness budget); 1: body after body. Each body is finished on its own.",
    ),
]
FullOption = Annotated[
    bool,
    typer.Option(
        "--full",
        help="Fetch, measure and check everything again. By default a run asks the previous complete run's "
        "pages conditionally and carries forward the findings of bodies where nothing changed (docs/incremental.md).",
    ),
]

ResumeOption = Annotated[
    str | None,
    typer.Option(
        "--resume",
        metavar="RUN",
        help="Finish an interrupted run as it was started (its own registry, options and output folder): "
        "the bodies it had finished are kept, the others are redone, then it is scored and reported.",
    ),
]
MonitorOption = Annotated[
    bool,
    typer.Option(
        "--monitor",
        help="Watch every entity of www.gov.kz through the platform's newest-first listings instead of "
        "auditing: a monitoring night (a run of its own, never scored, no level); its page is "
        "runs/RUN/monitor.kk.html and monitor.ru.html.",
    ),
]


NoReportsOption = Annotated[
    bool,
    typer.Option(
        "--no-reports",
        help="Score the run (scores.json) but write no conclusions, dashboard or exports: `ashyq report` writes "
        "them for the run later.",
    ),
]


@internal_errors_exit_4
def nightly_command(
    registry: RegistryOption = None,
    edition: EditionOption = "kz-2025",
    replica_map: ReplicaMapOption = None,
    out: OutOption = None,
    db: DbOption = None,
    as_of: AsOfOption = None,
    max_pages: Annotated[int | None, typer.Option("--max-pages", min=1)] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Skip browser measurements.")] = False,
    crawl_config: CrawlConfigOption = None,
    option: OptionOption = None,
    period: PeriodOption = None,
    spider: Annotated[
        list[str] | None,
        typer.Option("--spider", help="Only these spiders (site, govkz, …): what the others read is not assessed."),
    ] = None,
    queue: Annotated[
        bool, typer.Option("--queue", help="Enqueue per-body jobs for `ashyq worker`s (Redis) and wait for the run.")
    ] = False,
    redis: Annotated[
        str | None, typer.Option("--redis", help="Redis URL for --queue (default ASHYQ_REDIS_URL).")
    ] = None,
    no_wait: Annotated[bool, typer.Option("--no-wait", help="With --queue: print the run's id and return.")] = False,
    full: FullOption = False,
    side_by_side: SideBySideOption = AuditRequest.side_by_side,
    resume: ResumeOption = None,
    monitor: MonitorOption = False,
    no_reports: NoReportsOption = False,
) -> None:
    """Audit every body of a registry under one run: harvest, check, score, report.

    One nightly per registry at a time (a lock under OUT/locks and the store); runs left `running` by a
    coordinator that died are marked failed (interrupted) first. Exit codes: 0 complete, 1 partial
    (some bodies not harvested or not checked), 2 usage error or a nightly of this registry already
    running (nothing started), 3 failed (no body harvested), 4 internal error."""
    progress = StageProgress()
    if monitor:
        _monitor_night(registry, out, db, replica_map, as_of, progress)
    if resume is not None:
        _resume(resume, choose_store(db), queue, redis, no_wait, progress)
    edition = edition_or_exit(edition)
    options = options_or_exit(option)
    judged = period_or_exit(period, parse_date(as_of), edition)
    url_map = replica_map_of(replica_map)
    registry = choose_registry(registry, bool(url_map))
    ensure_contact(bool(url_map))
    try:
        ids = assessed_ids(registry)
    except BodyRefused as error:
        raise usage_error(str(error)) from None
    request = AuditRequest(
        ids,
        registry,
        edition,
        choose_out(out),
        choose_store(db),
        url_map,
        parse_date(as_of),
        RunKind.NIGHTLY,
        max_pages,
        not no_browser,
        options=options,
        period=judged,
        crawl_config=crawl_config,
        spiders=list(spider) if spider else None,
        full=full,
        side_by_side=side_by_side,
        reports=not no_reports,
    )
    if queue:
        _queued_nightly(request, redis, no_wait, progress)
    try:
        _finish(nightly(request, progress))
    except NightlyRefused as error:
        raise usage_error(str(error)) from None


def _monitor_night(
    registry: str | None, out: Path | None, db: str | None, replica_map: str | None, as_of: str | None,
    progress: StageProgress,
) -> None:  # fmt: skip
    """One monitoring night over www.gov.kz; exits 0 (complete) or 1 (partial: a listing unreadable)."""
    from ashyq.pipeline.monitor import MonitorRequest, monitor_night

    url_map = replica_map_of(replica_map)
    chosen = choose_registry(registry, bool(url_map))
    ensure_contact(bool(url_map))
    request = MonitorRequest(choose_out(out), choose_store(db), url_map, parse_date(as_of), chosen)
    summary = monitor_night(request, progress)
    print_monitor_night(summary)
    raise typer.Exit(1 if summary.fallback else 0)


def print_monitor_night(summary: MonitorSummary) -> None:
    """The night's table (the entities that published) and its counts, in the tables' language."""
    t = catalogue().translator(choose_lang(None))
    table = Table(title=t("cli.monitor_title", run=summary.run_id, day=str(summary.as_of)))
    for key in ("monitor.entity", "monitor.news", "monitor.documents", "monitor.dead_links", "monitor.pages_changed"):
        table.add_column(t(key), justify="left" if key == "monitor.entity" else "right")
    for entity in summary.changed:
        table.add_row(entity.slug, str(entity.count("news")), str(entity.count("documents")),
                      str(len(entity.dead_links)), str(len(entity.pages_changed)))  # fmt: skip
    console.print(table)
    said = t(
        "cli.monitor_summary",
        entities=summary.entities,
        changed=len(summary.changed),
        first=t("cli.monitor_first") if summary.first_night else "",
        silent=len(summary.silent),
        requests=summary.requests,
        per_entity=format_points(summary.per_entity, choose_lang(None)),
    )
    console.print(said, highlight=False)
    for page in sorted(summary.document.parent.glob("monitor.*.html")):
        console.print(t("cli.monitoring_page", path=str(page)), highlight=False, markup=False)


def _resume(
    run_id: str, db: str | None, queue: bool, redis: str | None, no_wait: bool, progress: StageProgress
) -> None:
    try:
        request = interrupted_request(run_id, db, progress)
        if queue:
            _queued_nightly(request, redis, no_wait, progress, resume=run_id)
        summary = resume_nightly(run_id, request, db, progress)
    except NightlyRefused as error:
        raise usage_error(str(error)) from None
    _finish(summary)


def _queued_nightly(
    request: AuditRequest, redis: str | None, no_wait: bool, progress: StageProgress, resume: str | None = None
) -> None:
    """The run as per-body jobs for the workers (:func:`ashyq.pipeline.nightly.queued_nightly`): its id
    when not waited for, else its ranking and exit code."""
    try:
        queued = queued_nightly(request, redis, not no_wait, resume, progress)
    except NightlyRefused as error:
        raise usage_error(str(error)) from None
    if queued.record is None:
        console.print(queued.run_id, highlight=False)
        raise typer.Exit(ExitCode.COMPLETE)
    _print_queued(queued.record, request.out_dir, request.edition)
    raise typer.Exit(int(queued.record["exit_code"]))


def _print_queued(record: dict[str, Any], out: Path, edition: str) -> None:
    lang = choose_lang(None)
    t = catalogue().translator(lang)
    status = t(f"run_status.{record['status']}")
    table = Table(title=t("cli.ranking_title", run=record["run_id"], status=status))
    for key in ("dashboard.rank", "common.body", "dashboard.final", "dashboard.level"):
        table.add_column(t(key))
    titles = titles_for(edition)
    for n, b in enumerate(ranked_scores(out, record["run_id"]), 1):
        level = titles.level(str(b["level"]), lang) if b.get("level") else "—"
        table.add_row(str(n), str(b.get("body")), format_points(float(b.get("final", 0)), lang), level)
    console.print(table)
    for name, path in (record.get("reports") or {}).items():
        console.print(f"{name}: {path}", highlight=False)


@internal_errors_exit_4
def audit_command(
    body: Annotated[str | None, typer.Option("--body", help="A body of the registry.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="A website in no registry (website criteria only).")] = None,
    kind: Annotated[str, typer.Option("--kind", help="cgo or mio (with --url).")] = "cgo",
    registry: RegistryOption = None,
    edition: EditionOption = "kz-2025",
    replica_map: ReplicaMapOption = None,
    out: OutOption = None,
    db: DbOption = None,
    as_of: AsOfOption = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private-addresses", help="Allow a loopback or private --url (your own test site).")
    ] = False,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Skip browser measurements.")] = False,
    crawl_config: CrawlConfigOption = None,
    option: OptionOption = None,
    period: PeriodOption = None,
    full: FullOption = False,
) -> None:
    """Audit one body on demand (borrowing the averages of the last complete run of the whole
    registry), or any website by URL.

    Exit codes: 0 complete, 1 partial, 2 usage error, 3 failed (nothing harvested), 4 internal error."""
    if bool(body) == bool(url):
        raise usage_error("give --body ID or --url URL")
    edition = edition_or_exit(edition)
    options = options_or_exit(option)
    judged = period_or_exit(period, parse_date(as_of), edition)
    url_map = replica_map_of(replica_map)
    out, db = choose_out(out), choose_store(db)
    if url is not None:
        if not url_map and not allow_private and named_host(url):  # only a public site can be meant: ask
            ensure_contact(False)  # before the name is looked up (an address is judged as it is, below)
        try:
            registry, body, url_map = adhoc_registry(url, kind, out, allow_private, url_map)
        except AdhocRefused as refused:
            raise usage_error(str(refused)) from None
    else:
        registry = choose_registry(registry, bool(url_map))
    # an audit of one's own site on a private address is replica-like: the map points at it alone
    ensure_contact(bool(url_map))
    assert body is not None
    try:
        body_to_audit(registry, body)
    except BodyRefused as error:
        raise usage_error(str(error)) from None
    request = AuditRequest(
        [body],
        registry,
        edition,
        out,
        db,
        url_map,
        parse_date(as_of),
        RunKind.URL if url else RunKind.AUDIT,
        None,
        not no_browser,
        options=options,
        period=judged,
        crawl_config=crawl_config,
        full=full,
    )
    summary = run_audit(request, StageProgress())
    if url is not None:
        write_url_outputs(summary.run_id, summary.scores.as_dict() if summary.scores else None, out, db)
    _finish(summary)


PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        help="Reporting period judged: YYYY or YYYY-H1/H2, or `last`: the last one that has ended (an official "
        "assessment, with levels). Default: the one the audit date falls in, of the edition's kind, monitored to "
        "date (everything says 'monitoring'; annual thresholds prorated; no level).",
    ),
]


def period_or_exit(value: str | None, as_of: date | None, edition: str) -> ReportingPeriod | None:
    if value is None:
        return None
    if value.strip().lower() == "last":
        from ashyq.cli.methodology import open_edition

        spec = open_edition(edition).reporting_period
        return last_complete(as_of or datetime.now(UTC).date(), spec.kind if spec else "year")
    try:
        return parse_period(value)
    except ValueError as error:
        raise usage_error(f"--period: {error}") from None


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise usage_error(f"--as-of must be YYYY-MM-DD, got {value!r}") from None
