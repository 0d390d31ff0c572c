"""``ashyq check`` and ``ashyq recheck``: commands that look again at what runs stored — re-run the
checks over a stored run, re-check disputed items for an appeal."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from ashyq.cli.audit import CrawlConfigOption, StageProgress, console, parse_date, replica_map_of, usage_error
from ashyq.cli.operator import choose_out, choose_registry, choose_store, ensure_contact
from ashyq.cli.options import DbOption, OutOption, RegistryOption
from ashyq.pipeline.bodies import BodyRefused, RegistryError, body_in_registry


def recheck_command(
    body: Annotated[str, typer.Option("--body", help="The body whose findings are disputed.")],
    items: Annotated[str, typer.Option("--items", help="Comma-separated items, e.g. A14-2.3,T7-1.")],
    registry: RegistryOption = None,
    replica_map: Annotated[str | None, typer.Option("--replica-map", help="Base-URL map: replica mode.")] = None,
    out: OutOption = None,
    db: DbOption = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Audit date YYYY-MM-DD (default today).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
    crawl_config: CrawlConfigOption = None,
) -> None:
    """Re-harvest and re-check only what the items need; show before and after with both evidences."""
    import json

    from ashyq.pipeline.recheck import recheck_items

    wanted = [i.strip() for i in items.split(",") if i.strip()]
    if not wanted:
        raise usage_error("--items names no item")
    url_map = replica_map_of(replica_map)
    registry = choose_registry(registry, bool(url_map))
    ensure_contact(bool(url_map))
    out, db = choose_out(out), choose_store(db)
    try:
        body_in_registry(registry, body)
    except BodyRefused as error:
        raise usage_error(str(error)) from None
    done = recheck_items(body, wanted, registry, out, db, url_map, parse_date(as_of), crawl_config, StageProgress())
    summary, rows = done.summary, done.rows
    if as_json:
        typer.echo(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2, default=str))
        raise typer.Exit(summary.exit_code)
    table = Table(title=f"recheck of {body}: run {done.before or '—'} → {summary.run_id}")
    for col in ("item", "lang", "before", "after", "evidence before", "evidence after"):
        table.add_column(col)
    for r in rows:
        b, a = r.before or {}, r.after or {}
        table.add_row(
            r.item,
            r.lang or "—",
            b.get("status", "—"),
            a.get("status", "—"),
            "\n".join(e["url"] or "" for e in b.get("evidence", [])[:3]),
            "\n".join(e["url"] or "" for e in a.get("evidence", [])[:3]),
            style="bold" if r.changed else None,
        )
    console.print(table)
    raise typer.Exit(summary.exit_code)


def check_command(
    body: Annotated[
        list[str] | None, typer.Option("--body", help="Body id (repeat); all the run's bodies if omitted.")
    ] = None,
    run: Annotated[str, typer.Option("--run", help="Run id, or 'last' for the last complete run.")] = "last",
    db: DbOption = None,
    out: OutOption = None,
    registry: Annotated[str | None, typer.Option(help="Registry, only for a run that does not record its own.")] = None,
) -> None:
    """Run the checks again over what a run stored (no network) and re-score it as the run was made — its
    registry, options, reporting period and borrowed averages — as the run's next revision; the earlier
    revisions stay."""
    from ashyq.methodology.validate import EditionError
    from ashyq.pipeline.revision import RevisionError, check_stored_run

    try:
        summary = check_stored_run(
            run, choose_store(db), choose_out(out).resolve(), list(body or []) or None, registry, StageProgress()
        )
    except RevisionError as error:
        raise usage_error(str(error)) from None
    except (EditionError, RegistryError) as error:
        raise usage_error("; ".join(map(str, error.problems))) from None
    statuses = ("pass", "partial", "fail", "not_assessed", "not_applicable")
    table = Table(title=f"checks of run {summary.run_id}, revision {summary.revision}")
    for col in ("body", "findings", "pass", "partial", "fail", "not assessed", "not applicable"):
        table.add_column(col)
    for body_id, outcome in summary.outcomes.items():
        if isinstance(outcome, str):
            table.add_row(body_id, outcome, *([""] * len(statuses)))
            continue
        counts = [str(sum(1 for r in outcome if r.status == s)) for s in statuses]
        table.add_row(body_id, str(len(outcome)), *counts)
    console.print(table)
    chosen = ", ".join(f"{k}={v}" for k, v in sorted(summary.options.items())) or "the edition's defaults"
    console.print(
        f"registry {summary.registry}, edition {summary.edition}, options: {chosen}"
        + (f", averages borrowed from run {summary.averages_from}" if summary.averages_from else ""),
        highlight=False,
    )
