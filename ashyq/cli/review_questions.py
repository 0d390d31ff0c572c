"""``ashyq review list|answer|export|import``: the questions of a run's uncertain verdicts, and the
assessor's answers, each written as the run's next revision (docs/review.md).

Exit codes: 0 done, 2 usage error (unknown run or question, a verdict the rule cannot score, a
refused workbook: one line per problem with its place).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ashyq.base.strict_files import FileRefused
from ashyq.cli.labels import review_reason, tables_translator
from ashyq.cli.operator import choose_out, choose_store, fail
from ashyq.cli.options import DbOption
from ashyq.pipeline.review import VERDICTS, ReviewError, answer_question, open_questions
from ashyq.pipeline.review_sheet import export_questions, import_answers

review_app = typer.Typer(
    help="The assessor's review: questions of uncertain verdicts and their answers.", no_args_is_help=True
)

RunOption = Annotated[str, typer.Option("--run", help="The run: its id, or 'last'.")]
BodyOption = Annotated[str | None, typer.Option("--body", help="One body's questions only.")]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="The questions' and labels' language: kk, ru (default: the tables' language)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the questions as JSON.")]
VerdictOption = Annotated[str, typer.Option("--verdict", help=f"The assessor's verdict: {', '.join(VERDICTS)}.")]
ReasonOption = Annotated[str, typer.Option("--reason", help="Why: what the assessor saw.")]
AssessorOption = Annotated[str, typer.Option("--assessor", help="The assessor's name.")]
OutputOption = Annotated[Path, typer.Option("-o", "--output", help="The workbook to write.")]


@review_app.command("list")
def list_command(
    run: RunOption = "last",
    body: BodyOption = None,
    lang: LangOption = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """The run's open questions: what the tool guessed, why it is not sure, what to look at."""
    try:
        queue = open_questions(choose_store(db), run, body)
    except ReviewError as error:
        raise fail(str(error)) from None
    if as_json:
        typer.echo(json.dumps([q.__dict__ for q in queue.questions], ensure_ascii=False, indent=2))
        return
    chosen, t = tables_translator(lang)
    typer.echo(t("cli.review_title", run=queue.run_id, count=len(queue.questions)))
    for q in queue.questions:
        reason = review_reason(t, q.reason, q.quote)
        typer.echo(f"\n{q.id}  ({t(f'status.{q.status}')}, {reason})\n  {q.text.get(chosen, q.text['ru'])}")
        for label, value in (
            ("page", q.url),
            ("selector", q.selector),
            ("quote", q.quote),
            ("screenshot", q.screenshot),
        ):
            if value:
                typer.echo(f"  {t(f'cli.review.{label}')}: {value}")


@review_app.command("answer")
def answer_command(
    question: Annotated[str, typer.Argument(help="The question's id (body:item:lang), as 'review list' shows it.")],
    verdict: VerdictOption,
    reason: ReasonOption,
    assessor: AssessorOption,
    run: RunOption = "last",
    db: DbOption = None,
) -> None:
    """Record an answer: the run's next revision of findings and scores, cited in the conclusion."""
    try:
        done = answer_question(choose_store(db), run, question, verdict, reason, assessor, "terminal")
    except ReviewError as error:
        raise fail(str(error)) from None
    typer.echo(
        f"{done.question}: {done.before} → {done.after}; run {done.run_id} revision {done.revision}; "
        f"final {done.final_before} → {done.final_after}"
    )


@review_app.command("export")
def export_command(output: OutputOption, run: RunOption = "last", body: BodyOption = None, db: DbOption = None) -> None:
    """The open questions as an XLSX (screenshot crops beside it) for assessors who work in a spreadsheet."""
    try:
        count = export_questions(choose_store(db), run, output, choose_out(None), body)
    except ReviewError as error:
        raise fail(str(error)) from None
    typer.echo(f"{count} questions written to {output}")


@review_app.command("import")
def import_command(
    workbook: Annotated[Path, typer.Argument(help="The answered workbook.")], db: DbOption = None
) -> None:
    """Record the answers of a workbook 'review export' wrote (strictly read: refused with each problem's place)."""
    try:
        done = import_answers(choose_store(db), workbook)
    except FileRefused as error:
        raise fail("the workbook is refused:\n" + "\n".join(error.lines())) from None
    for a in done.answered:
        typer.echo(
            f"{a.question}: {a.before} → {a.after}; revision {a.revision}; final {a.final_before} → {a.final_after}"
        )
    typer.echo(f"{len(done.answered)} answers recorded, {done.skipped} rows without a verdict")
