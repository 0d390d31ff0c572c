"""``ashyq appeal receive|file|decide|list``: the appeal of a published conclusion from the command line,
for what arrives on paper or by the document system: the day the body received its conclusion, the
table of disagreements it sent back, the commission's decision on each. Every act names the account
that acts (``--by``) and is refused as in the served application (docs/appeal.md).

Exit codes: 0 done, 2 refused (a rule of the appeal, a table refused with the place of each problem).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ashyq.base.strict_files import FileRefused, clipped
from ashyq.cli.console import command_console
from ashyq.cli.operator import choose_lang, choose_store, fail
from ashyq.cli.options import DbOption
from ashyq.cli.report import LangOption
from ashyq.pipeline.appeal_flow import AppealRefused
from ashyq.reports.i18n import catalogue

appeal_app = typer.Typer(
    help="The appeal of a published conclusion: receipt, the table of disagreements, the commission's decisions.",
    no_args_is_help=True,
)
console = command_console()


class Decision(StrEnum):
    upheld = "upheld"
    rejected = "rejected"


PublicationOption = Annotated[int, typer.Option("--publication", help="The published conclusion (its number).")]
ByOption = Annotated[str, typer.Option("--by", help="The account that acts (its username).")]


def _refused(error: AppealRefused | FileRefused, lang: str | None) -> typer.Exit:
    if isinstance(error, AppealRefused):
        return fail(error.text(choose_lang(lang)))
    return fail("the table is refused:\n" + "\n".join(clipped(error.lines())))


@appeal_app.command("receive")
def receive_command(
    publication: PublicationOption,
    by: ByOption,
    on: Annotated[str, typer.Option("--on", help="The day the body received it, YYYY-MM-DD.")],
    correct: Annotated[bool, typer.Option("--correct", help="Move a receipt already recorded.")] = False,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """Record the day the body received its conclusion (an analyst): the five working days count from it."""
    from ashyq.pipeline.appeal_desk import receive

    try:
        day = date.fromisoformat(on)
    except ValueError:
        raise fail(f"--on {on!r} is not a day (YYYY-MM-DD)") from None
    try:
        receipt = receive(choose_store(db), publication, by, day, correct)
    except AppealRefused as error:
        raise _refused(error, lang) from None
    typer.echo(f"publication {publication}: received {receipt.received_on}, disagreements until {receipt.deadline}")


@appeal_app.command("file")
def file_command(
    publication: PublicationOption,
    by: ByOption,
    table: Annotated[Path, typer.Argument(help="The filled table of disagreements (XLSX).")],
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """File the body's disagreements from its filled table (a body's account, before the deadline)."""
    from ashyq.pipeline.appeal_desk import file_table

    try:
        filed = file_table(choose_store(db), publication, by, table)
    except (AppealRefused, FileRefused) as error:
        raise _refused(error, lang) from None
    for line in filed:
        typer.echo(f"disagreement {line.id}: {line.item} ({line.lang or '—'})")


@appeal_app.command("decide")
def decide_command(
    disagreement: Annotated[int, typer.Option("--disagreement", help="The disagreement (its number).")],
    by: ByOption,
    outcome: Annotated[Decision, typer.Option("--outcome", help="upheld (the verdict changes) or rejected.")],
    reasons: Annotated[str, typer.Option("--reasons", help="The commission's reasons.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for the new conclusion (ru, kk) when upheld.")
    ] = None,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """The commission's decision (a commission account); upheld makes the run's next revision."""
    from ashyq.pipeline.appeal_desk import decide_one

    try:
        line, written = decide_one(choose_store(db), disagreement, by, outcome.value, reasons, out)
    except AppealRefused as error:
        raise _refused(error, lang) from None
    revision = f", revision {line.revision}" if line.revision is not None else ""
    typer.echo(f"disagreement {line.id}: {line.outcome}{revision}")
    for path in written:
        typer.echo(str(path))


@appeal_app.command("list")
def list_command(
    publication: Annotated[int | None, typer.Option("--publication", help="Only this publication's.")] = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only those not decided.")] = False,
    db: DbOption = None,
    lang: LangOption = None,
) -> None:
    """The disagreements (and, for one publication, its receipt and deadline)."""
    from ashyq.pipeline.appeal_desk import listing

    try:
        lines, receipt = listing(choose_store(db), publication, open_only)
    except AppealRefused as error:
        raise _refused(error, lang) from None
    t = catalogue().translator(choose_lang(lang))
    if receipt is not None:
        how = t(f"cli.receipt.{receipt.how}")
        console.print(
            t("cli.receipt_line", received=str(receipt.received_on), how=how, deadline=str(receipt.deadline)),
            highlight=False,
        )
    table = Table()
    table.add_column("#")
    columns = ("cli.publication", "common.run", "common.body", "common.item", "common.language",
               "web.appeal.filed_at", "web.appeal.decision", "cli.revision")  # fmt: skip
    for key in columns:
        table.add_column(t(key))
    for x in lines:
        outcome = t(f"appeal.outcome.{x.outcome}") if x.outcome else t("cli.not_decided")
        table.add_row(
            str(x.id), str(x.publication), x.run_id, x.body_id, x.item, x.lang or "—", x.filed_at,
            outcome, str(x.revision or "—"),
        )  # fmt: skip
    console.print(table)
