"""``ashyq crawl``: harvest bodies' websites and portal records into the store and the run's WARCs.

Exit codes: 0 complete, 1 partial or failed (some bodies could not be harvested), 2 usage error.
Only ``--replica-map`` switches replica mode on: requests for the mapped real hosts go to the
replica, and nothing else is contacted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.live import Live
from rich.table import Table

from ashyq.cli.console import command_console
from ashyq.cli.labels import failure_counts, tables_translator
from ashyq.cli.operator import choose_out, choose_registry, choose_store, ensure_contact
from ashyq.cli.options import DbOption, OutOption, RegistryOption
from ashyq.crawler.runner import CrawlRequest, CrawlSummary, UnknownBodies, resolve_bodies, run_crawl
from ashyq.pipeline.addresses import ReplicaMapError, read_replica_map
from ashyq.pipeline.audit import RunStatus
from ashyq.pipeline.bodies import RegistryError

console = command_console(stderr=True)
USAGE_ERROR = 2


def _usage(message: str) -> typer.Exit:
    console.print(f"[red]error:[/red] {message}")
    return typer.Exit(USAGE_ERROR)


def _table(bodies: dict[str, dict[str, Any]], done: set[str]) -> Table:
    _, t = tables_translator()
    table = Table(title=t("cli.crawl_title"), expand=False)
    for key in ("common.body", "cli.pages", "cli.records", "cli.failures", "cli.by_reason", "cli.state"):
        table.add_column(t(key))
    for body_id, counts in bodies.items():
        reasons = failure_counts(t, counts.get("reasons", {}))
        table.add_row(
            body_id,
            str(counts.get("pages", 0)),
            str(counts.get("records", 0)),
            str(counts.get("failures", 0)),
            reasons,
            t("cli.done") if body_id in done else "…",
        )
    return table


def _print_summary(summary: CrawlSummary) -> None:
    """The harvest's outcome per body, in the tables' language (a body's status as a run's is named)."""
    _, t = tables_translator()
    table = Table(title=t("cli.ranking_title", run=summary.run_id, status=t(f"run_status.{summary.status.value}")))
    columns = ("common.body", "common.status", "cli.pages", "cli.records", "cli.failures", "cli.by_reason",
               "cli.reason")  # fmt: skip
    for key in columns:
        table.add_column(t(key))
    for outcome in summary.bodies.values():
        reasons = failure_counts(t, outcome.reasons)
        style = "green" if outcome.status == "complete" else "red"
        table.add_row(
            outcome.body_id,
            f"[{style}]{t(f'run_status.{outcome.status}')}[/{style}]",
            str(outcome.pages),
            str(outcome.records),
            str(outcome.failures),
            reasons,
            outcome.reason or "",
        )
    command_console().print(table)
    command_console().print(t("cli.warc_written", path=str(summary.run_dir)), highlight=False)


def crawl_command(
    body: Annotated[list[str] | None, typer.Option("--body", help="Body id (repeat for several).")] = None,
    all_bodies: Annotated[bool, typer.Option("--all", help="Every body of the registry.")] = False,
    registry: RegistryOption = None,
    replica_map: Annotated[
        str | None, typer.Option("--replica-map", help="Base-URL map (JSON or file): enables replica mode.")
    ] = None,
    out: OutOption = None,
    db: DbOption = None,
    max_pages: Annotated[int | None, typer.Option("--max-pages", min=1, help="Page limit per body.")] = None,
    crawl_config: Annotated[
        Path | None,
        typer.Option("--crawl-config", help="Politeness and robots config (default ashyq/config/crawl.yaml)."),
    ] = None,
    spider: Annotated[list[str] | None, typer.Option("--spider", help="Only these spiders (site, govkz, …).")] = None,
) -> None:
    """Harvest bodies into the store: pages, links, downloads, portal records, failures, WARC."""
    if bool(body) == all_bodies:
        raise _usage("give --body ID (one or more) or --all, not both")
    registry = choose_registry(registry, replica_map is not None)
    ensure_contact(replica_map is not None)
    out, db = choose_out(out), choose_store(db)
    try:
        _, body_ids = resolve_bodies(registry, list(body or []), all_bodies)
    except UnknownBodies as error:
        raise _usage(
            f"unknown bod{'y' if len(error.unknown) == 1 else 'ies'} {', '.join(error.unknown)}; "
            f"known: {', '.join(error.known)}"
        ) from None
    except RegistryError as error:
        raise _usage("; ".join(error.problems)) from None
    except FileNotFoundError as error:
        raise _usage(f"registry {registry!r} not found ({error.filename})") from None
    url_map: dict[str, str] = {}
    if replica_map is not None:
        try:
            url_map = read_replica_map(replica_map)
        except ReplicaMapError as error:
            raise _usage(f"--replica-map: {error}") from None
    request = CrawlRequest(
        body_ids=body_ids,
        registry=registry,
        base_url_map=url_map,
        out_dir=out,
        db_url=db,
        max_pages=max_pages,
        config_path=crawl_config,
        spiders=list(spider) if spider else None,
    )
    live_counts: dict[str, dict[str, Any]] = {body_id: {} for body_id in body_ids}
    done: set[str] = set()
    with Live(_table(live_counts, done), console=console, refresh_per_second=4, transient=True) as live:

        def on_progress(event: dict[str, Any]) -> None:
            if event.get("event") == "progress":
                live_counts.update(event.get("bodies", {}))
            elif event.get("event") == "body_done":
                live_counts[event["body"]] = event
                done.add(event["body"])
            live.update(_table(live_counts, done))

        summary = run_crawl(request, on_progress)
    _print_summary(summary)
    raise typer.Exit(0 if summary.status is RunStatus.COMPLETE else 1)
