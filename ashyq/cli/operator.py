"""What the commands take from the operator's ``ashyq.yaml`` when an option is not given: the
registry, the store, the output folder, the language of the tables; and the refusal to reach the real
systems without a contact.

No command falls back to the demo registry: it names the real www.gov.kz sites with identifiers
invented for the replica, so outside replica mode it would send real traffic under fake identifiers.
"""

from __future__ import annotations

from pathlib import Path

import typer

from ashyq.cli.console import command_console
from ashyq.config.operator import ConfigError, ContactRefused, LoadedConfig, contact_for, load_config
from ashyq.reports.i18n import ReportLang, resolve_lang

err = command_console(stderr=True)
USAGE_ERROR = 2
REGISTRY_CHOICES = (
    "--registry kz (the real bodies shipped with ashyq), --registry FILE (e.g. one written by "
    "`ashyq bodies sync`), or --registry demo with --replica-map (the replica world's bodies); "
    "or set `registry:` in ashyq.yaml"
)


def fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(USAGE_ERROR)


def operator_config() -> LoadedConfig:
    try:
        return load_config()
    except ConfigError as error:
        raise fail("the config file is refused:\n" + "\n".join(error.problems)) from None


def choose_registry(registry: str | None, replica: bool, network: bool = True) -> str:
    """The registry a command works on: the option, else the demo registry in replica mode, else the
    operator's ``registry:``; nothing → a usage error naming the choices. The demo registry is
    refused outside replica mode for every command that goes on the network."""
    chosen = registry or ("demo" if replica else operator_config().config.registry)
    if chosen is None:
        raise fail(f"which bodies? give {REGISTRY_CHOICES}")
    if chosen == "demo" and network and not replica:
        raise fail(
            "the demo registry names real sites with identifiers invented for the replica world: "
            f"use it with --replica-map only. Otherwise give {REGISTRY_CHOICES}"
        )
    return chosen


def choose_lang(lang: str | None) -> ReportLang:
    """The language of what a command prints: ``--lang``, else ``$ASHYQ_LANG``, else ``language:`` of
    ashyq.yaml (``ashyq language`` writes it), else Russian."""
    try:
        return resolve_lang(lang, operator_config().config.language)
    except ValueError as error:
        raise fail(str(error)) from None


def choose_out(out: Path | None) -> Path:
    return out or operator_config().config.out or Path("out")


def choose_store(db: str | None) -> str | None:
    """The store URL: the option, else ``store:`` of ashyq.yaml, else ASHYQ_DB_URL or the default."""
    return db or operator_config().config.store


def ensure_contact(replica: bool) -> None:
    """Refuse (exit 2) to reach the real systems without the operator's contact."""
    try:
        contact_for(replica)
    except ContactRefused as refused:
        raise fail(f"refused: {refused}") from None
    except ConfigError as error:
        raise fail("the config file is refused:\n" + "\n".join(error.problems)) from None
