"""``ashyq bodies list|check``: the body registries."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ashyq.cli.operator import choose_registry
from ashyq.store.bodies import Registry, RegistryError, available_registries, load_registry, missing_identifiers

bodies_app = typer.Typer(help="Body registries: list bodies, report missing portal identifiers.", no_args_is_help=True)
console = Console()


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
    lang: Annotated[str, typer.Option(help="Language of the names: kk, ru or en.")] = "ru",
) -> None:
    """The bodies of a registry with their kind, website and portal identifiers."""
    reg = open_registry(choose_registry(registry, replica=False, network=False))
    table = Table(title=f"registry {reg.name}: {len(reg.bodies)} bodies")
    for col in ("id", "kind", "name", "site", "gov.kz", "data", "legalacts", "budget", "dialog", "tags"):
        table.add_column(col)
    for b in reg.bodies:
        name = getattr(b.names, lang, None) or b.names.ru
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
            b.kind.upper(),
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
