"""``ashyq methodology validate|show`` and ``ashyq score``."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ashyq.cli.console import command_console
from ashyq.cli.labels import tables_translator
from ashyq.cli.report import LangOption
from ashyq.methodology.edition import KINDS, BodyKind, Edition, Exemption, Group, Item, available_editions, edition_path
from ashyq.methodology.validate import EditionError, fmt, load_edition
from ashyq.pipeline.outputs import write_json
from ashyq.reports.i18n import Translate
from ashyq.scoring.engine import RunScores, score_run
from ashyq.scoring.findings import FindingsError, load_bodies, load_findings

methodology_app = typer.Typer(help="Methodology editions: validate and show them.", no_args_is_help=True)
console = command_console()
errors = command_console(stderr=True)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


def open_edition(name: str) -> Edition:
    """Load an edition by name or path, or exit with one line per problem."""
    path = edition_path(name)
    if not path.exists():
        known = ", ".join(available_editions()) or "none"
        errors.print(f"[red]no edition {name!r}[/red] (known: {known})")
        raise typer.Exit(2)
    try:
        return load_edition(path)
    except EditionError as e:
        for problem in e.problems:
            typer.echo(str(problem), err=True)
        raise typer.Exit(1) from None


@methodology_app.command("validate")
def validate(
    file: Annotated[
        Path | None, typer.Argument(help="An edition file; all of ashyq/config/methodology/ if omitted.")
    ] = None,
) -> None:
    """Check an edition's schema and arithmetic; print one line per problem."""
    paths = [file] if file else [edition_path(n) for n in available_editions()]
    if not paths:
        errors.print("no edition files found in ashyq/config/methodology/")
        raise typer.Exit(2)
    failed = False
    for path in paths:
        try:
            edition = load_edition(path)
        except EditionError as e:
            failed = True
            for problem in e.problems:
                typer.echo(str(problem), err=True)
            continue
        typer.echo(
            f"OK {path}: edition {edition.edition}, {len(edition.items())} items, "
            f"{len(edition.interpretations)} interpretations"
        )
    if failed:
        raise typer.Exit(1)


def _weight_text(item: Item, kind: BodyKind, lang: str | None) -> str:
    if item.applies_to is not None and kind not in item.applies_to:
        return ""
    if not item.per_language:
        return fmt(item.weight(kind, None)) if lang == "kk" else ""
    return fmt(item.weight(kind, lang))  # type: ignore[arg-type]


def _exemption_text(exemption: Exemption) -> str:
    text = f"{','.join(exemption.tags)}→{exemption.award}"
    source = exemption.source
    return f"{text} ({source.file} line {source.line})" if source and source.line else text


def _rule_text(item: Item, t: Translate) -> str:
    """The item's rule: its type (a code of the methodology files) and, in words, its deductions,
    stimulus, exemptions and whether it is counted per language."""
    parts: list[str] = [item.rule.type]
    if item.deductions:
        d = item.deductions
        parts.append(t("cli.methodology.per_deficiency", per=fmt(d.per), cap=fmt(d.cap_share * 100)))
    if item.stimulus:
        parts.append(t("cli.methodology.stimulus"))
    if item.exemptions:
        parts.append(t("cli.methodology.exempt", list="; ".join(_exemption_text(e) for e in item.exemptions)))
    if not item.per_language:
        parts.append(t("cli.methodology.not_per_language"))
    if item.obtained != "check":
        parts.append(item.obtained)
    return ", ".join(parts)


def _group_rule(group: Group, t: Translate) -> str:
    c = group.combine
    text = t("cli.methodology.sum") if c == "sum" else json.dumps(c.model_dump(), ensure_ascii=False)
    if group.deduction_cap:
        cap = group.deduction_cap
        text += ", " + t("cli.methodology.deduction_cap", share=fmt(cap.share), of=fmt(cap.of))
    return text


@methodology_app.command("show")
def show(
    edition: Annotated[str, typer.Argument(help="Edition name (e.g. kz-2025) or file.")],
    lang: LangOption = None,
) -> None:
    """A table of criteria, indicators and items with their weights (kk/ru, CGO/MIO) and rules, in the
    tables' language (--lang, $ASHYQ_LANG, language: of ashyq.yaml)."""
    shown, t = tables_translator(lang)
    ed = open_edition(edition)
    table = Table(title=f"{ed.edition}: {getattr(ed.title, shown)}", show_lines=False)
    table.add_column(t("cli.id"), no_wrap=True)
    table.add_column(t("cli.methodology.title"))
    for kind in KINDS:
        table.add_column(f"{t(f'kind.{kind}')} kk", justify="right")
        table.add_column(f"{t(f'kind.{kind}')} ru", justify="right")
    table.add_column(t("cli.methodology.rule"))
    table.add_column(t("common.source"))

    def add(node: Group | Item, depth: int) -> None:
        title = "  " * depth + getattr(node.title, shown)
        if isinstance(node, Group):
            maxes = []
            for kind in KINDS:
                m = node.max_for(kind)
                maxes += [f"[b]{fmt(m)}[/b]" if (node.applies_to is None or kind in node.applies_to) else "", ""]
            table.add_row(f"[b]{node.id}[/b]", f"[b]{title}[/b]", *maxes, _group_rule(node, t), node.source.point)
            for child in node.children:
                add(child, depth + 1)
        else:
            weights = [_weight_text(node, k, lg) for k in KINDS for lg in ("kk", "ru")]
            table.add_row(node.id, title, *weights, _rule_text(node, t), node.source.point)

    for criterion in ed.criteria:
        add(criterion, 0)
    console.print(table)
    _print_edition_notes(ed, shown, t)


def _print_edition_notes(ed: Edition, lang: str, t: Translate) -> None:
    """Under the table: the total and the levels, the reporting penalty, the interpretations."""
    levels = ", ".join(f"{getattr(lv.title, lang)} ≥ {fmt(lv.min)}" for lv in ed.levels)
    console.print(t("cli.methodology.total", max=fmt(ed.total_max), levels=levels), highlight=False)
    if ed.reporting_penalty:
        rp = ed.reporting_penalty
        per_fact = (
            fmt(rp.per_fact)
            if isinstance(rp.per_fact, int | float)
            else ", ".join(f"{k}: {fmt(v)}" for k, v in rp.per_fact.values.items())
            + " "
            + t("cli.methodology.by_interpretation", id=rp.per_fact.by_interpretation)
        )
        said = t("cli.methodology.penalty", item=rp.item, per_fact=per_fact, cap=fmt(rp.cap))
        console.print(said, highlight=False, markup=False)
    for interp in ed.interpretations:
        question = getattr(interp.question, lang)
        said = t("cli.methodology.interpretation", id=interp.id, default=interp.default, question=question)
        console.print(said, highlight=False, markup=False)
        if interp.source.line:
            console.print(f"    {t('common.source')}: {interp.source.cited()}", highlight=False, markup=False)


def _parse_options(options: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for opt in options:
        key, sep, value = opt.partition("=")
        if not sep or not key or not value:
            errors.print(f"--option takes ID=OPTION, got {opt!r}")
            raise typer.Exit(2)
        out[key] = value
    return out


def print_scores_table(scores: RunScores, edition: Edition, lang: str | None = None) -> None:
    """The bodies' scores ranked, in the tables' language (levels by their titles in the edition)."""
    shown, t = tables_translator(lang)
    levels = {lv.id: getattr(lv.title, shown) for lv in edition.levels}
    table = Table(title=t("cli.scores_title", edition=scores.edition))
    table.add_column("#", justify="right")
    table.add_column(t("common.body"))
    table.add_column(t("cli.body_kind"))
    for c in edition.criteria:
        table.add_column(c.id, justify="right")
    for key in ("cli.total", "common.not_assessed_points", "cli.penalty", "dashboard.final", "dashboard.level"):
        table.add_column(t(key), justify="right")
    ranked = sorted(scores.bodies, key=lambda b: (-b.final, b.body))
    for rank, b in enumerate(ranked, 1):
        by_id = {c.id: c for c in b.criteria}
        cells = [fmt(round(by_id[c.id].points, 2)) if c.id in by_id else "—" for c in edition.criteria]
        table.add_row(
            str(rank),
            b.body,
            t(f"kind.{b.kind}"),
            *cells,
            fmt(round(b.total, 2)),
            fmt(round(b.not_assessed_points, 2)),
            fmt(round(b.penalty, 2)),
            fmt(round(b.final, 2)),
            levels.get(b.level, b.level),
        )
    console.print(table)


def score_command(
    edition: Annotated[str, typer.Option(help="Methodology edition (e.g. kz-2025) or file.")],
    findings: Annotated[Path, typer.Option(help="Findings file (JSON or YAML, docs/findings-format.md).")],
    bodies: Annotated[Path | None, typer.Option(help="Body list, if the findings file has none.")] = None,
    format: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = OutputFormat.table,
    option: Annotated[list[str] | None, typer.Option(help="Interpretation choice ID=OPTION (repeatable).")] = None,
    out: Annotated[Path | None, typer.Option(help="Also write the JSON scores to this file.")] = None,
    lang: LangOption = None,
) -> None:
    """Score a findings file under a methodology edition (pure: no network, no store)."""
    ed = open_edition(edition)
    try:
        data = load_findings(findings)
        body_list = load_bodies(bodies) if bodies else None
        scores = score_run(data, ed, _parse_options(option or []), body_list)
    except FindingsError as e:
        for problem in e.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(1) from None
    except ValueError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(2) from None
    if out:
        write_json(out, scores.as_dict(), end="\n")
    if format is OutputFormat.json:
        sys.stdout.write(json.dumps(scores.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print_scores_table(scores, ed, lang)
