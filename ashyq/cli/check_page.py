"""``ashyq check-page URL``: the Appendix 14 (and, with ``--mobile``, the mobile coefficient) checks on
one page — any URL or a local file — without a run (:mod:`ashyq.pipeline.page_check`).

A loopback or private page only with ``--allow-private-addresses``, which allows that page's own
address and port and nothing else inside the network."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from ashyq.pipeline.page_check import PageRefused, PageUnavailable, check_page_report, finding_json


def check_page_command(
    url: Annotated[str, typer.Argument(help="an http(s) URL, a file:// URL or a path to an HTML file")],
    mobile: Annotated[
        bool, typer.Option("--mobile", help="also the mobile coefficient (A16-k) and link back (A16-2)")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the findings as a JSON list")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="the page's language: kk or ru")] = None,
    allow_private_addresses: Annotated[
        bool, typer.Option("--allow-private-addresses", help="allow loopback and private network addresses")
    ] = False,
) -> None:
    """Check one page against Appendix 14 (accessibility) and, with --mobile, the mobile coefficient."""
    if lang is not None and lang not in ("kk", "ru"):
        raise typer.BadParameter("--lang is kk or ru")
    try:
        report = check_page_report(url, mobile, lang, allow_private_addresses)
    except PageRefused as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(2) from None
    except PageUnavailable as error:
        typer.echo(f"Error: the page could not be fetched: {error}", err=True)
        raise typer.Exit(1) from None
    results = report.results
    if as_json:
        typer.echo(json.dumps([finding_json(r) for r in results], ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    from ashyq.cli.console import command_console
    from ashyq.cli.labels import failure_reason, tables_translator

    _, t = tables_translator()  # --lang is the page's language here: the tables' is the operator's
    table = Table(title=t("cli.check_page_title", url=url))
    for key in ("common.item", "common.status", "cli.found"):
        table.add_column(t(key))
    for r in sorted(results, key=lambda r: [int(x) if x.isdigit() else x for x in r.item.replace("-", ".").split(".")]):
        said = (
            r.reason
            or "; ".join(d.message for d in r.deficiencies)
            or ", ".join(f"{k}={v}" for k, v in r.measured.items() if not isinstance(v, dict))
        )
        table.add_row(r.item, t(f"status.{r.status}"), said[:160])
    command_console().print(table)
    for failure in report.failures:
        command_console(stderr=True).print(
            t("cli.not_fetched", url=failure.url, reason=failure_reason(t, str(failure.reason)), detail=failure.detail),
            highlight=False,
        )
