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
from ashyq.methodology.edition import KINDS, BodyKind, Edition, Exemption, Group, Item, available_editions, edition_path
from ashyq.methodology.validate import EditionError, fmt, load_edition
from ashyq.pipeline.outputs import write_json
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


def _rule_text(item: Item) -> str:
    parts: list[str] = [item.rule.type]
    if item.deductions:
        d = item.deductions
        parts.append(f"−{fmt(d.per)}/deficiency ≤{fmt(d.cap_share * 100)}%")
    if item.stimulus:
        parts.append("stimulus")
    if item.exemptions:
        parts.append("exempt: " + "; ".join(_exemption_text(e) for e in item.exemptions))
    if not item.per_language:
        parts.append("not per language")
    if item.obtained != "check":
        parts.append(item.obtained)
    return ", ".join(parts)


def _group_rule(group: Group) -> str:
    c = group.combine
    text = "sum" if c == "sum" else json.dumps(c.model_dump(), ensure_ascii=False)
    if group.deduction_cap:
        text += f", deductions ≤ {fmt(group.deduction_cap.share)}×{fmt(group.deduction_cap.of)} per language"
    return text


@methodology_app.command("show")
def show(
    edition: Annotated[str, typer.Argument(help="Edition name (e.g. kz-2025) or file.")],
    lang: Annotated[str, typer.Option(help="Language of the titles: ru, kk or en.")] = "en",
) -> None:
    """A table of criteria, indicators and items with their weights (kk/ru, CGO/MIO) and rules."""
    if lang not in ("ru", "kk", "en"):
        errors.print("--lang must be ru, kk or en")
        raise typer.Exit(2)
    ed = open_edition(edition)
    table = Table(title=f"{ed.edition}: {getattr(ed.title, lang)}", show_lines=False)
    table.add_column("id", no_wrap=True)
    table.add_column("title")
    for kind in KINDS:
        table.add_column(f"{kind.upper()} kk", justify="right")
        table.add_column(f"{kind.upper()} ru", justify="right")
    table.add_column("rule")
    table.add_column("source")

    def add(node: Group | Item, depth: int) -> None:
        title = "  " * depth + getattr(node.title, lang)
        if isinstance(node, Group):
            maxes = []
            for kind in KINDS:
                m = node.max_for(kind)
                maxes += [f"[b]{fmt(m)}[/b]" if (node.applies_to is None or kind in node.applies_to) else "", ""]
            table.add_row(f"[b]{node.id}[/b]", f"[b]{title}[/b]", *maxes, _group_rule(node), node.source.point)
            for child in node.children:
                add(child, depth + 1)
        else:
            weights = [_weight_text(node, k, lg) for k in KINDS for lg in ("kk", "ru")]
            table.add_row(node.id, title, *weights, _rule_text(node), node.source.point)

    for criterion in ed.criteria:
        add(criterion, 0)
    console.print(table)
    console.print(
        f"total maximum {fmt(ed.total_max)}; levels: " + ", ".join(f"{lv.id} ≥ {fmt(lv.min)}" for lv in ed.levels)
    )
    if ed.reporting_penalty:
        rp = ed.reporting_penalty
        per_fact = (
            fmt(rp.per_fact)
            if isinstance(rp.per_fact, int | float)
            else ", ".join(f"{k}: {fmt(v)}" for k, v in rp.per_fact.values.items())
            + f" (interpretation {rp.per_fact.by_interpretation})"
        )
        console.print(f"reporting penalty {rp.item}: {per_fact} per untrue fact, at most {fmt(rp.cap)}")
    for interp in ed.interpretations:
        console.print(
            f"interpretation [b]{interp.id}[/b] (default {interp.default}): {getattr(interp.question, lang)}",
            highlight=False,
        )
        if interp.source.line:
            console.print(f"    source: {interp.source.cited()}", highlight=False, markup=False)


def _parse_options(options: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for opt in options:
        key, sep, value = opt.partition("=")
        if not sep or not key or not value:
            errors.print(f"--option takes ID=OPTION, got {opt!r}")
            raise typer.Exit(2)
        out[key] = value
    return out


def print_scores_table(scores: RunScores, edition: Edition) -> None:
    table = Table(title=f"Scores, edition {scores.edition}")
    table.add_column("#", justify="right")
    table.add_column("body")
    table.add_column("kind")
    for c in edition.criteria:
        table.add_column(c.id, justify="right")
    for name in ("total", "not assessed", "penalty", "final", "level"):
        table.add_column(name, justify="right")
    ranked = sorted(scores.bodies, key=lambda b: (-b.final, b.body))
    for rank, b in enumerate(ranked, 1):
        by_id = {c.id: c for c in b.criteria}
        cells = [fmt(round(by_id[c.id].points, 2)) if c.id in by_id else "—" for c in edition.criteria]
        table.add_row(
            str(rank),
            b.body,
            b.kind.upper(),
            *cells,
            fmt(round(b.total, 2)),
            fmt(round(b.not_assessed_points, 2)),
            fmt(round(b.penalty, 2)),
            fmt(round(b.final, 2)),
            b.level,
        )
    console.print(table)


def score_command(
    edition: Annotated[str, typer.Option(help="Methodology edition (e.g. kz-2025) or file.")],
    findings: Annotated[Path, typer.Option(help="Findings file (JSON or YAML, docs/findings-format.md).")],
    bodies: Annotated[Path | None, typer.Option(help="Body list, if the findings file has none.")] = None,
    format: Annotated[OutputFormat, typer.Option("--format", help="table or json.")] = OutputFormat.table,
    option: Annotated[list[str] | None, typer.Option(help="Interpretation choice ID=OPTION (repeatable).")] = None,
    out: Annotated[Path | None, typer.Option(help="Also write the JSON scores to this file.")] = None,
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
        print_scores_table(scores, ed)
