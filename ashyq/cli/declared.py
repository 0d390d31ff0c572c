"""``ashyq report-template`` (the Appendix 9 forms to fill in) and ``ashyq declare`` (load a filled
report, refuse it whole when malformed, re-verify every link and record the reconciliation act).

Exit codes: 0 loaded (and verified), 1 the file was refused, 2 usage error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ashyq.base.vocabulary import CONFIRMED, CONTRADICTED
from ashyq.cli.console import command_console
from ashyq.cli.operator import choose_out, choose_registry, choose_store, ensure_contact
from ashyq.cli.options import DbOption, OutOption, RegistryOption
from ashyq.cli.outputs import output_file
from ashyq.declared.loader import DeclarationError, LoadContext, load_report
from ashyq.declared.reconcile import untrue_facts
from ashyq.declared.template import write_template
from ashyq.declared.verify import Verdict
from ashyq.pipeline.addresses import BaseUrlMap, ReplicaMapError, read_replica_map
from ashyq.pipeline.bodies import Body, RegistryError, load_registry
from ashyq.pipeline.declare import declare_file

console = command_console(stderr=True)
REFUSED, USAGE_ERROR = 1, 2


def _body(registry: str, body_id: str) -> tuple[Body, list[Body]]:
    try:
        loaded = load_registry(registry)
    except RegistryError as error:
        console.print("[red]error:[/red] " + "; ".join(error.problems))
        raise typer.Exit(USAGE_ERROR) from None
    try:
        return loaded.get(body_id), loaded.bodies
    except KeyError:
        known = ", ".join(b.id for b in loaded.assessed())
        console.print(f"[red]error:[/red] unknown body {body_id!r}; known: {known}")
        raise typer.Exit(USAGE_ERROR) from None


def report_template_command(
    body: Annotated[str, typer.Option("--body", help="Body id of the registry.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The workbook to write (.xlsx).")],
    registry: Annotated[
        str | None, typer.Option(help="Registry: demo, kz or a YAML file (default: `registry:` of ashyq.yaml).")
    ] = None,
    period: Annotated[str, typer.Option(help="Reporting period: 2026, 2026-H1 …")] = "2026",
) -> None:
    """Write the Appendix 9 report forms for a body as an XLSX workbook to fill in."""
    output_file(output, (".xlsx",))
    found, _ = _body(choose_registry(registry, replica=False, network=False), body)
    if found.kind not in ("cgo", "mio"):
        console.print(f"[red]error:[/red] {body} is a subordinate organisation; its parent reports for it (Table 6)")
        raise typer.Exit(USAGE_ERROR)
    path = write_template(found, period, output)
    typer.echo(f"{path}: the report forms for {found.id} ({found.kind}), period {period}")


def declare_command(
    body: Annotated[str, typer.Option("--body", help="Body id of the registry.")],
    file: Annotated[Path, typer.Argument(help="The filled workbook (.xlsx), a YAML file or a folder of CSV files.")],
    registry: RegistryOption = None,
    db: DbOption = None,
    replica_map: Annotated[
        str | None, typer.Option("--replica-map", help="Base-URL map (JSON or file): replica mode.")
    ] = None,
    out: OutOption = None,
    period: Annotated[str | None, typer.Option(help="Period, when the cover leaves it empty.")] = None,
    verify: Annotated[bool, typer.Option("--verify/--no-verify", help="Re-verify the declared links.")] = True,
) -> None:
    """Load a body's filled report into the store, then re-verify every declared link."""
    replica = replica_map is not None
    chosen = choose_registry(registry, replica, network=False)
    found, everyone = _body(chosen, body)
    out, db = choose_out(out), choose_store(db)
    url_map = BaseUrlMap()
    if replica_map is not None:
        try:
            url_map = BaseUrlMap.from_mapping(read_replica_map(replica_map))
        except ReplicaMapError as error:
            console.print(f"[red]error:[/red] --replica-map: {error}")
            raise typer.Exit(USAGE_ERROR) from None
    try:
        # a malformed file is refused first, whatever else is wrong; then the links' checks need the
        # real systems' conditions (the operator's contact, identifiers that are not the replica's)
        load_report(file, LoadContext(found.id, found.kind, allow_internal_links=replica, period=period))
        if verify:
            choose_registry(chosen, replica, network=True)
            ensure_contact(replica)
        outcome = declare_file(file, found, everyone, db, url_map, out, period, verify)
    except DeclarationError as error:
        console.print(f"[red]refused:[/red] {file} — {len(error.problems)} problem(s), nothing stored")
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        raise typer.Exit(REFUSED) from None
    typer.echo(f"loaded {file} as declaration {outcome.declaration_id} of {found.id} for {outcome.period}")
    if verify:
        _summary(outcome.verdicts, found.kind, outcome.untrue_facts, outcome.run_id)


def _summary(verdicts: list[Verdict], kind: str, facts: int, run_id: str) -> None:
    counts = {name: sum(v.verdict == name for v in verdicts) for name in (CONFIRMED, CONTRADICTED)}
    unverifiable = len(verdicts) - sum(counts.values())
    typer.echo(
        f"run {run_id}: {len(verdicts)} links — {counts[CONFIRMED]} confirmed, {counts[CONTRADICTED]} contradicted, "
        f"{unverifiable} not verifiable; {facts} untrue fact(s) in the reconciliation act"
    )
    for fact in untrue_facts(verdicts, kind):
        typer.echo(f"  {fact.item}: {fact.claim}")
