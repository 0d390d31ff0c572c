"""``ashyq runs list|show|diff|prune``: the runs in the store, what changed between two, retention.

Labels are looked up by key in ru, kk or en (``--lang``). Exit codes: 0 done, 2 usage error
(unknown run, nothing to compare, bad retention options).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ashyq.cli.console import command_console
from ashyq.cli.operator import choose_lang, choose_out, choose_store
from ashyq.cli.options import DbOption
from ashyq.cli.report import DataOption, LangOption
from ashyq.pipeline.run_history import STATUSES, prune_runs, run_diff, run_overview, run_rows, write_diff
from ashyq.reports.body_report import ReportError
from ashyq.reports.i18n import Translate, catalogue, format_points, format_signed
from ashyq.reports.run_diff import CHANGE_KINDS, RunDiff

runs_app = typer.Typer(help="The runs in the store: list, show, compare two, prune old ones.", no_args_is_help=True)
errors = command_console(stderr=True)
USAGE_ERROR = 2


class DiffFormat(StrEnum):
    text = "text"
    xlsx = "xlsx"
    json = "json"


def _fail(message: str) -> typer.Exit:
    errors.print(f"[red]error:[/red] {message}")
    return typer.Exit(USAGE_ERROR)


def _columns(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]


@runs_app.command("list")
def list_command(lang: LangOption = None, db: DbOption = None) -> None:
    """Every run, newest first: status, kind, registry, bodies, start and duration."""
    chosen = choose_lang(lang)
    t = catalogue().translator(chosen)
    runs = run_rows(choose_store(db), t)
    if not runs:
        typer.echo(t("runs.none"))
        return
    rows = [[t(f"runs.{k}") for k in ("run", "status", "kind", "registry", "bodies", "started", "duration")], *runs]
    for line in _columns(rows):
        typer.echo(line)


@runs_app.command("show")
def show_command(
    run: Annotated[str, typer.Argument(help="Run id, or 'last' for the last complete run.")],
    lang: LangOption = None,
    db: DbOption = None,
) -> None:
    """One run: what ran, when, and per body its score and the count of results by status."""
    chosen = choose_lang(lang)
    t = catalogue().translator(chosen)
    try:
        overview = run_overview(choose_store(db), run, t, chosen)
    except ReportError as error:
        raise _fail(str(error)) from None
    for label, value in overview.facts:
        typer.echo(f"{label}: {value}")
    header = [t("common.body"), t("dashboard.final"), t("dashboard.level"), *(t(f"status.{s}") for s in STATUSES)]
    rows = [[*header, t("runs.failures")], *overview.bodies]
    typer.echo("")
    for line in _columns(rows):
        typer.echo(line)


def render_diff(diff: RunDiff, t: Translate, lang: str) -> list[str]:
    """The diff as terminal lines: per body with a change, each kind of change with its items."""
    lines = [t("runs.compared", new=diff.new.id, old=diff.old.id)]
    changed = [b for b in diff.bodies if b.changed]
    if not changed:
        return [*lines, t("runs.no_changes")]
    for b in changed:
        final = b.final
        if final.old is None or final.new is None:
            note = t("runs.only_new") if final.old is None else t("runs.only_old")
            lines += ["", f"{b.body.id}: {note}"]
            continue
        head = f"{format_points(final.old, lang)} → {format_points(final.new, lang)}"
        lines += ["", f"{b.body.id}  {t('runs.final')}: {head} ({format_signed(final.delta or 0.0, lang)})"]
        if b.penalty.changed:
            penalty = f"{format_points(b.penalty.old, lang)} → {format_points(b.penalty.new, lang)}"
            lines.append(f"  {t('exports.penalty')}: {penalty}")
        for kind in CHANGE_KINDS:
            items = b.of_kind(kind)
            if not items:
                continue
            lines.append(f"  {t(f'runs.{kind}')}:")
            for c in items:
                old = t(f"status.{c.old_status}") if c.old_status else "—"
                new = t(f"status.{c.new_status}") if c.new_status else "—"
                points = f"{format_points(c.old_points or 0.0, lang)} → {format_points(c.new_points or 0.0, lang)}"
                reason = f" — {c.reason_in(lang)}" if c.reason else ""
                lines.append(f"    {c.item} [{c.lang or '—'}] {old} → {new}; {points}{reason}")
                lines += [f"      · {message}" for message in c.messages_in(lang)]
        for label, scopes in (("runs.criteria", b.criteria), ("runs.languages", b.languages)):
            moved = [c for c in scopes if c.changed]
            if moved:
                keys = {c.key: t(f"lang.{c.key}") if label == "runs.languages" else c.key for c in moved}
                parts = [f"{keys[c.key]} {format_signed(c.delta or 0.0, lang)}" for c in moved]
                lines.append(f"  {t(label)}: " + ", ".join(parts))
    return lines


@runs_app.command("diff")
def diff_command(
    runs: Annotated[
        list[str] | None,
        typer.Argument(help="[OLD] NEW; default: the last two complete runs of the same registry and kind."),
    ] = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", help="text (the terminal), xlsx or json.")] = DiffFormat.text,
    out: Annotated[Path | None, typer.Option("-o", "--out", help="File to write (xlsx, json).")] = None,
    body: Annotated[list[str] | None, typer.Option("--body", help="Only this body (repeat for more).")] = None,
    lang: LangOption = None,
    db: DbOption = None,
) -> None:
    """Per body: items newly not met, newly met, partial points changed, newly not assessed (with the
    reason), other changes, and the score's change per criterion and language version."""
    chosen = choose_lang(lang)
    named = list(runs or [])
    if len(named) > 2:
        raise _fail("name at most two runs: [OLD] NEW")
    if fmt is not DiffFormat.text and out is None:
        raise _fail(f"--format {fmt.value} writes a file: give -o/--out")
    old_ref, new_ref = (named[0], named[1]) if len(named) == 2 else (None, named[0] if named else None)
    try:
        diff = run_diff(choose_store(db), old_ref, new_ref, list(body or []) or None)
        if fmt is DiffFormat.text:
            for line in render_diff(diff, catalogue().translator(chosen), chosen):
                typer.echo(line)
            return
        assert out is not None
        typer.echo(str(write_diff(diff, fmt.value, out, chosen)))
    except ReportError as error:
        raise _fail(str(error)) from None


@runs_app.command("prune")
def prune_command(
    keep: Annotated[
        int | None, typer.Option("--keep", help="Keep the N newest finished runs of each kind and registry.")
    ] = None,
    older_than: Annotated[
        int | None, typer.Option("--older-than", help="Delete only runs started more than DAYS days ago.")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only say which runs would go.")] = False,
    data: DataOption = None,
    lang: LangOption = None,
    db: DbOption = None,
) -> None:
    """Delete old runs (rows and files under DATA/runs/<run>), keeping any evidence a kept run cites.
    A running run and the last complete run of each kind and registry are never deleted."""
    chosen = choose_lang(lang)
    t = catalogue().translator(chosen)
    if older_than is not None and older_than < 0:
        raise _fail("--older-than is a number of days, 0 or more")
    try:
        pruned = prune_runs(choose_store(db), choose_out(data), keep, older_than, dry_run)
    except ValueError as error:
        raise _fail(str(error)) from None
    if not pruned.planned:
        typer.echo(t("runs.prune_nothing"))
        return
    if pruned.result is None:
        for run_id in pruned.planned:
            typer.echo(t("runs.prune_planned", run=run_id))
        return
    result = pruned.result
    for run_id in result.deleted:
        typer.echo(t("runs.prune_deleted", run=run_id))
    typer.echo(t("runs.prune_kept", count=len(result.kept_evidence)))
    size = format_points(result.bytes_freed / 1_000_000, chosen)
    typer.echo(t("runs.prune_freed", files=result.files_removed, size=size))
