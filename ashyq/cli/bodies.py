"""``ashyq bodies list|check``: the body registries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ashyq.cli.console import command_console
from ashyq.cli.labels import tables_translator
from ashyq.cli.operator import choose_out, choose_registry, ensure_contact, fail, operator_config
from ashyq.cli.options import OutOption, ReplicaMapOption
from ashyq.cli.report import LangOption
from ashyq.pipeline.bodies import Registry, RegistryError, available_registries, load_registry, missing_identifiers

bodies_app = typer.Typer(
    help="Body registries: list bodies, report missing portal identifiers, sync from www.gov.kz.", no_args_is_help=True
)
console = command_console()


def open_registry(name: str) -> Registry:
    try:
        return load_registry(name)
    except RegistryError as e:
        for problem in e.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(1) from None


@bodies_app.command("list")
def list_bodies(
    registry: Annotated[
        str | None, typer.Argument(help="Registry name (demo, kz) or file (default: `registry:` of ashyq.yaml).")
    ] = None,
    lang: LangOption = None,
) -> None:
    """The bodies of a registry with their kind, website and portal identifiers, in the tables' language
    (the portals' columns keep the portals' names)."""
    reg = open_registry(choose_registry(registry, replica=False, network=False))
    chosen, t = tables_translator(lang)
    table = Table(title=t("cli.bodies_title", name=reg.name, count=len(reg.bodies)))
    for key in ("cli.id", "cli.body_kind", "cli.category", "cli.state", "cli.name", "cli.site"):
        table.add_column(t(key))
    for portal in ("gov.kz", "data", "legalacts", "budget", "dialog"):
        table.add_column(portal)
    table.add_column(t("cli.tags"))
    for b in reg.bodies:
        name = getattr(b.names, chosen, None) or b.names.ru
        ids = b.ids
        cells = [
            ids.govkz_slug,
            ids.data_gov_agency_id,
            ids.legalacts_government_id,
            ids.budget_gov_agency_id,
            ids.dialog_blog_id,
        ]
        table.add_row(
            b.id,
            t(f"kind.{b.kind}"),
            b.category or "—",
            t("cli.evaluated") if b.evaluated else t("cli.monitored"),
            name,
            b.sites[0] if b.sites else "—",
            *["—" if c is None else str(c) for c in cells],
            ", ".join(b.tags),
        )
    console.print(table)


@bodies_app.command("check")
def check(
    registry: Annotated[str | None, typer.Argument(help="Registry name or file; all registries if omitted.")] = None,
) -> None:
    """Validate registries and report, per body, the identifiers not known yet (never guessed)."""
    names = [registry] if registry else available_registries()
    for name in names:
        reg = open_registry(name)
        missing = missing_identifiers(reg)
        typer.echo(f"OK {name}: {len(reg.bodies)} bodies, {len(missing)} with identifiers still unknown")
        for body_id, fields in missing.items():
            typer.echo(f"  {body_id}: unknown {', '.join(fields)} — those sources are not assessed for it")


@bodies_app.command("sync")
def sync(
    registry: Annotated[
        str | None,
        typer.Option(
            help="The current registry to compare with: kz, demo or a file (default: --to, or `registry:` of "
            "ashyq.yaml, when it exists)."
        ),
    ] = None,
    to: Annotated[
        Path | None,
        typer.Option("--to", help="The registry file the sync proposes for (default: --registry when it is a file)."),
    ] = None,
    apply: Annotated[
        bool, typer.Option("--apply", help="Write the proposal over the registry file (the old one is kept).")
    ] = False,
    replica_map: ReplicaMapOption = None,
    out: OutOption = None,
    crawl_config: Annotated[Path | None, typer.Option("--crawl-config", help="Politeness and robots policy.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the differences as JSON.")] = False,
) -> None:
    """Read www.gov.kz's list of entities, classify them, link subordinate organisations to their parents,
    and propose the registry (a file beside it, with the differences); --apply accepts it."""
    from ashyq.cli.audit import replica_map_of
    from ashyq.pipeline.bodies import diff_lines
    from ashyq.pipeline.bodies_sync import SyncFailed, SyncRequest, sync_bodies

    url_map = replica_map_of(replica_map)
    ensure_contact(bool(url_map))
    shipped = set(available_registries())
    configured = operator_config().config.registry
    target = to or _file_of(registry, shipped) or _file_of(configured, shipped)
    if target is None:
        raise fail(
            "where should the registry go? give --to FILE (the shipped registries are not overwritten; "
            "start from one with --registry kz --to FILE)"
        )
    current = registry or (str(target) if target.exists() else None)
    if current is not None:
        open_registry(current)  # a broken current registry is reported before anything is fetched
    try:
        outcome = sync_bodies(SyncRequest(target, current, choose_out(out), url_map, apply, crawl_config))
    except SyncFailed as failed:
        typer.echo(f"sync failed: {failed}", err=True)
        for problem in failed.problems:
            typer.echo(f"  {problem}", err=True)
        raise typer.Exit(1) from None
    harvest, diff = outcome.harvest, outcome.proposal.diff
    if as_json:
        typer.echo(json.dumps({"source": harvest.source, **diff.as_dict()}, ensure_ascii=False, indent=2))
    else:
        reg = outcome.proposal.registry
        typer.echo(
            f"www.gov.kz: {len(harvest.entities)} entities from {harvest.source}, {harvest.pages_read} subordinates "
            f"pages read; proposed registry: {len(reg.bodies)} bodies ({len(reg.assessed())} evaluated, "
            f"{len(reg.monitored())} monitored)"
        )
        for problem in harvest.problems:
            typer.echo(f"  note: {problem}")
        lines = diff_lines(diff)
        typer.echo("\n".join(lines) if lines else "no differences")
        typer.echo(
            f"{len(diff.added)} added, {len(diff.removed)} removed, {len(diff.renamed)} renamed, "
            f"{len(diff.changed)} changed"
        )
    typer.echo(f"proposal: {outcome.proposal_path}; differences: {outcome.diff_path}")
    if outcome.applied is not None:
        kept = f" (the previous one: {outcome.previous})" if outcome.previous else ""
        typer.echo(f"applied: {outcome.applied}{kept}")
    elif diff:
        typer.echo(f"nothing changed in {target}: review the proposal, then run again with --apply")


def _file_of(name: str | None, shipped: set[str]) -> Path | None:
    """A registry the sync may write: a file path, never a registry shipped with ashyq."""
    if name is None or name in shipped:
        return None
    path = Path(name)
    return path if path.suffix in (".yaml", ".yml") else None
