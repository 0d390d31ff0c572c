"""``ashyq accuracy wording``: the wording corpus (``tests/checks/wording``) through the real content checks —
per row and language, the share of the entries that give an indicator which the check recognises, and of
the near-misses it rejects (``ashyq_replica.accuracy.wording``)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from ashyq.cli.audit import err, usage_error
from ashyq.cli.console import command_console

console = command_console()

CorpusOption = Annotated[
    Path, typer.Option("--corpus", help="The corpus folder (its *.yaml; known_misses.yaml is not read).")
]
WordingDetailOption = Annotated[bool, typer.Option("--detail", help="List every entry the check gets wrong.")]
WordingJsonOption = Annotated[
    bool, typer.Option("--json", help="Print the figures (and with --detail the entries) as JSON.")
]
PartOption = Annotated[
    str,
    typer.Option(
        "--part",
        help="all, train (the entries the checks may be widened on) or held (the held-out quarter: measure only).",
    ),
]
WriteMissesOption = Annotated[
    Path | None,
    typer.Option("--write-misses", help="Write the entries got wrong as a known-misses file (key → reason)."),
]


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _figures_table(title: str, rows: list[tuple[str, dict[str, Any]]]) -> Table:
    table = Table(title=title)
    columns = ("", "positives", "recognised", "of them without the words", "near-misses", "rejected")
    for col in (*columns, "taken without the words", "wrong, doubted", "not run"):
        table.add_column(col)
    for label, f in rows:
        table.add_row(
            label,
            str(f["positives"]),
            f"{f['recognised']} ({_share(f['recognised_share'])})",
            str(f["without_the_words"]),
            str(f["negatives"]),
            f"{f['rejected']} ({_share(f['rejected_share'])})",
            str(f["taken_without_the_words"]),
            str(f["wrong_but_doubted"]),
            str(f["not_run"]),
        )
    return table


def _detail(outcomes: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "key": o.entry.key,
            "place": o.entry.place,
            "shows": o.entry.shows,
            "check_item": o.item,
            "indicator": o.indicator,
            "status": o.status,
            "words": o.entry.heading or o.entry.label,
            "text": o.entry.text,
            "why": o.reason or o.found,
            "without_the_words": o.without_the_words,
            "doubt": o.doubt,
        }
        for o in outcomes
    ]


def wording_command(
    corpus: CorpusOption = Path("tests/checks/wording"),
    detail: WordingDetailOption = False,
    as_json: WordingJsonOption = False,
    write_misses: WriteMissesOption = None,
    part: PartOption = "all",
) -> None:
    """The wording corpus through the real content checks: positives recognised, near-misses rejected.

    "Without the words": the indicator also comes out present on the section's page with none of the
    entry's words on it (the page's title or address gave it); "wrong, doubted": got wrong, but the check
    doubts that indicator and asks the assessor."""
    from ashyq_replica.accuracy.wording import figures, known_misses_text, run, wrong
    from ashyq_replica.accuracy.wording_corpus import load_corpus

    if not corpus.is_dir():
        raise usage_error(f"no corpus folder {corpus} (run from the repository, or give --corpus)")
    if part not in ("all", "train", "held"):
        raise usage_error(f"--part must be all, train or held, not {part!r}")
    entries, problems = load_corpus(corpus)
    if part != "all":
        entries = [e for e in entries if e.held_out == (part == "held")]
    started = time.perf_counter()
    outcomes = run(entries)
    seconds = time.perf_counter() - started
    figs = figures(outcomes)
    missed = wrong(outcomes)
    if write_misses is not None:
        write_misses.write_text(known_misses_text(outcomes), encoding="utf-8")
    if as_json:
        doc: dict[str, Any] = {**figs, "entries": len(entries), "seconds": round(seconds, 2)}
        doc["refused"] = [str(p) for p in problems]
        if detail:
            doc["wrong"] = _detail(missed)
        console.print_json(json.dumps(doc, ensure_ascii=False))
    else:
        rows = [(f"{r['item']} {r['lang']}", r) for r in figs["rows"]]
        console.print(_figures_table("wording corpus: per row and language", rows))
        console.print(_figures_table("per part", [*figs["parts"].items(), ("total", figs["total"])]))
        console.print(f"{len(entries)} entries judged in {seconds:.1f} s")
        if detail:
            for d in _detail(missed):
                side = (
                    "not run"
                    if d["status"] is None and d["why"]
                    else ("not recognised" if d["shows"] else "near-miss taken")
                )
                console.print(
                    f"{d['key']} ({d['place']}): {side}; {d['check_item']} {d['indicator']} {d['status']}: "
                    f"«{d['words'] or d['text']}» — {d['why'] or ''}"
                    + (f" [doubt: {d['doubt']}]" if d["doubt"] else ""),
                    highlight=False,
                    markup=False,
                )
    for problem in problems:
        err.print(f"refused: {problem}", highlight=False, markup=False)
    if problems:
        raise typer.Exit(1)
