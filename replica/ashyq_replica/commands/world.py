"""``ashyq world ...``: the replica world's commands."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import signal
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path

import typer

from ashyq.cli.outputs import output_file
from ashyq_replica.core import DEFAULT_AS_OF, FIXABLE, World

world_app = typer.Typer(help="The replica world: local imitations of gov.kz and the portals.", no_args_is_help=True)


class FaultMode(StrEnum):
    none = "none"
    flaky = "flaky"
    hostile = "hostile"


class TruthFormat(StrEnum):
    yaml = "yaml"
    md = "md"


NIGHTS_HELP = "the world so many nights after --as-of: each night a share of the gov.kz entities publish a few items"
SHARE_HELP = "the share of the gov.kz entities that publish each night (default 0.05)"


FIX_HELP = (
    "a seeded defect the body has fixed in this (later) world, BODY:KNOB (repeat for several): "
    "the pages it is on change, nothing else does; known: " + ", ".join(sorted(FIXABLE))
)


def _fixes(values: list[str]) -> frozenset[str]:
    unknown = sorted(set(values) - FIXABLE)
    if unknown:
        raise typer.BadParameter(f"unknown fix {', '.join(unknown)}; known: {', '.join(sorted(FIXABLE))}")
    return frozenset(values)


def _as_of(value: str | None) -> date:
    if value is None:
        return DEFAULT_AS_OF
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter("expected YYYY-MM-DD") from error


def _generated(world: World, count: int) -> World:
    from ashyq_replica.generated import world_with_generated

    return world_with_generated(world, count)


def _write_registry(world: World, path: Path) -> None:
    import yaml

    from ashyq_replica.generated import registry_of

    output_file(path, (".yaml", ".yml"))
    path.write_text(
        yaml.safe_dump(registry_of(world), allow_unicode=True, sort_keys=False, width=200), encoding="utf-8"
    )


@world_app.command()
def serve(
    port: int = typer.Option(0, "--port", help="first port (hosts take consecutive ports); 0 picks free ports"),
    faults: FaultMode = typer.Option(
        FaultMode.none,
        "--faults",
        help="none; flaky: 5xx, slow answers, traps; hostile: redirects to loopback, metadata and files, and a canary",
    ),
    as_of: str | None = typer.Option(None, "--as-of", help="the world's date, YYYY-MM-DD"),
    outage: list[str] = typer.Option(
        [], "--outage", help="a source that is down: graphql, entities-api, site-pages (repeat for several)"
    ),
    access_log: Path | None = typer.Option(
        None, "--access-log", help="append every request (host, path, user agent) to this file"
    ),
    outside: bool = typer.Option(
        True, "--outside/--no-outside", help="also serve the outside test sites (in no registry; see docs/accuracy.md)"
    ),
    canary_log: Path | None = typer.Option(
        None, "--canary-log", help="with --faults hostile: append every connection the canary receives to this file"
    ),
    bodies: int = typer.Option(
        0, "--bodies", min=0, max=5000, help="add N generated bodies (most on gov.kz, every fifth with two own sites)"
    ),
    registry_out: Path | None = typer.Option(
        None, "--registry-out", help="with --bodies: write the generated bodies' registry (YAML) here"
    ),
    fix: list[str] = typer.Option([], "--fix", help=FIX_HELP),
    nights: int = typer.Option(0, "--nights", min=0, max=366, help=NIGHTS_HELP),
    change_share: float = typer.Option(0.05, "--change-share", min=0.0, max=1.0, help=SHARE_HELP),
) -> None:
    """Serve every replica host on 127.0.0.1; print the base-URL map as one JSON line; run until interrupted.

    With --faults hostile the canary's address goes to stderr: it is not in the map, and nothing may reach it.
    With --bodies N the world has N generated bodies more (deterministic; `ashyq world truth --bodies N`
    states their defects); --registry-out writes their registry for `ashyq nightly --registry FILE`."""
    from ashyq_replica.server import Served, serve_forever

    unknown = sorted(set(outage) - {"graphql", "entities-api", "site-pages"})
    if unknown:
        raise typer.BadParameter(f"unknown outage {', '.join(unknown)}; known: graphql, entities-api, site-pages")
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    world = _generated(
        World(
            as_of=_as_of(as_of),
            faults=faults.value,
            outages=frozenset(outage),
            access_log=access_log,
            fixes=_fixes(fix),
            nights=nights,
            change_share=change_share,
        ),
        bodies,
    )
    if registry_out is not None:
        _write_registry(world, registry_out)

    def ready(served: Served) -> None:
        sys.stdout.write(json.dumps(served.urls) + "\n")
        sys.stdout.flush()
        if served.canary is not None:
            where = f"; connections logged to {canary_log}" if canary_log else ""
            sys.stderr.write(f"canary (must stay silent): {served.canary.url}{where}\n")
            sys.stderr.flush()

    async def main() -> None:
        task = asyncio.ensure_future(serve_forever(world, port, ready, outside, canary_log))
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, task.cancel)
        with contextlib.suppress(asyncio.CancelledError):
            await task

    asyncio.run(main())


@world_app.command()
def truth(
    format: TruthFormat = typer.Option(TruthFormat.yaml, "--format", help="yaml (data) or md (GROUND_TRUTH.md)"),
    as_of: str | None = typer.Option(None, "--as-of", help="the world's date, YYYY-MM-DD"),
    outside: bool = typer.Option(False, "--outside", help="the outside test sites' truth instead (docs/accuracy.md)"),
    bodies: int = typer.Option(0, "--bodies", min=0, max=5000, help="with N generated bodies (as world serve)"),
    fix: list[str] = typer.Option([], "--fix", help=FIX_HELP),
) -> None:
    """Print the ground truth: every seeded defect and the inventory of the sites."""
    if outside:
        from ashyq_replica.outside.truth_listing import outside_markdown, outside_yaml

        typer.echo(outside_markdown() if format is TruthFormat.md else outside_yaml(), nl=False)
        return
    from ashyq_replica.truth import render_markdown, render_yaml

    world = _generated(World(as_of=_as_of(as_of), fixes=_fixes(fix)), bodies)
    typer.echo(render_markdown(world) if format is TruthFormat.md else render_yaml(world), nl=False)


@world_app.command("changes")
def changes_command(
    as_of: str | None = typer.Option(None, "--as-of", help="the world's date, YYYY-MM-DD"),
    bodies: int = typer.Option(0, "--bodies", min=0, max=5000, help="with N generated bodies (as world serve)"),
    nights: int = typer.Option(1, "--nights", min=0, max=366, help=NIGHTS_HELP),
    change_share: float = typer.Option(0.05, "--change-share", min=0.0, max=1.0, help=SHARE_HELP),
) -> None:
    """Print the change feed's record, one JSON line per item published (night, entity, type, id, date,
    dead link): what a monitoring night of the same world must find."""
    from ashyq_replica.govkz.feed import changes

    world = _generated(World(as_of=_as_of(as_of), nights=nights, change_share=change_share), bodies)
    for change in changes(world):
        record = {**change.__dict__, "created": change.created.isoformat()}
        typer.echo(json.dumps(record, ensure_ascii=False))


@world_app.command("declared")
def declared(
    body: str = typer.Option(..., "--body", help="a CGO or MIO of the world"),
    output: Path = typer.Option(..., "-o", "--output", help="the report YAML to write"),
    as_of: str | None = typer.Option(None, "--as-of", help="the world's date, YYYY-MM-DD"),
) -> None:
    """Write one body's Appendix 9 report (YAML) as the world's body would submit it."""
    import yaml

    from ashyq_replica.declared_reports import declared_bodies, declared_report

    output_file(output, (".yaml", ".yml"))
    world = World(as_of=_as_of(as_of))
    if body not in declared_bodies(world):
        raise typer.BadParameter(f"not a CGO or MIO of the world; known: {', '.join(declared_bodies(world))}")
    report = declared_report(world, body)
    output.write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    typer.echo(f"{output}: the {world.as_of.year} report of {body}")


@world_app.command("unified-list")
def unified_list(
    output: Path = typer.Option(..., "-o", "--output", help="the file to write: .xlsx or .csv"),
    as_of: str | None = typer.Option(None, "--as-of", help="the world's date, YYYY-MM-DD"),
) -> None:
    """Write the Unified list of open data of the world's bodies, as the ministry publishes it."""
    from ashyq.declared.unified_list import Entry, write_unified_list
    from ashyq_replica.unified_list import official_rows

    rows = official_rows(World(as_of=_as_of(as_of)))
    entries = [Entry(row=n, bin=None, **row) for n, row in enumerate(rows, start=1)]
    write_unified_list(entries, output, "Единый перечень открытых данных государственных органов (мир-реплика)")
    typer.echo(f"{output}: {len(entries)} datasets")


@world_app.command("entities")
def entities_truth(
    as_of: str | None = typer.Option(None, "--as-of", help="the world's date, YYYY-MM-DD"),
) -> None:
    """Print the registry a correct `ashyq bodies sync` writes from the world's www.gov.kz (YAML)."""
    import yaml

    from ashyq_replica.govkz.entities import truth

    typer.echo(yaml.safe_dump(truth(World(as_of=_as_of(as_of))), allow_unicode=True, sort_keys=False), nl=False)
