"""Hostile text in exports, outputs that would overwrite the store, and bundles built to attack the
verifier: formulas stay text under either separator, control characters never break a workbook, no
command writes over the database, ``evidence verify`` refuses unsafe members and streams the rest."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reports_sample import ReportStore
from typer.testing import CliRunner

from ashyq.cli.report import evidence_app, report_app
from ashyq.reports.exports import Table, write_csv, write_xlsx

HOSTILE = [
    "=1+2*3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+7 (7172) 74-00-00",
    "-2+3",
    "\t=1",
    "\r=1",
    ' =HYPERLINK("http://evil.example")',
    "＝1+1",
    "a;=1+2",
    "b,=1+2",
    'c";=1+2',
    "bell\x07 escape\x1b[2J vt\x0b nul\x00 del\x7f",
    "<script>alert(1)</script>",
    "Қазақ тілі; ӘҒҚҢӨҰҮҺІ, «кавычки»",
]
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r", "＝")


def _table() -> Table:
    rows: list[list[str | float | int | None]] = [[text, text, 1.5, None, -3] for text in HOSTILE]
    rows.append(["multi\nline\n=cmd|' /C calc'!A0", "x", 0, "=x", "@y"])
    rows.append([2, "x", -2.5, "=x", "@y"])  # a number first, as the ranking's place
    return Table("findings", "Нәтижелер", ["=header", "name", "points", "empty", "change"], rows)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("separator", [";", ","])
def test_csv_cells_never_start_a_formula_with_either_separator(tmp_path: Path, separator: str) -> None:
    path = write_csv(_table(), tmp_path / "t.csv")
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    cells = [cell for row in rows for cell in row]
    assert len(rows) == len(HOSTILE) + 3
    dangerous = [c for c in cells if c.lstrip(" ")[:1] in FORMULA_LEAD and not _is_number(c)]
    assert dangerous == []
    # every text cell is quoted, so a separator inside one never splits it
    lines = text.split("\r\n")
    assert all(line[:1] in ('"', "") or _is_number(line.split(",", 1)[0]) for line in lines), lines
    # read back with its own separator, the text is all there (neutralised, control characters gone)
    own = list(csv.reader(io.StringIO(text, newline="")))
    assert own[1][0] == "'=1+2*3" and own[9][0] == "a;'=1+2" and own[12][1] == "bell escape[2J vt nul del"
    assert own[-2][0] == "multi line =cmd|' /C calc'!A0"  # one line, so no row starts inside it
    assert own[-1][2] == "-2.5"  # a number stays a number


def test_xlsx_export_of_hostile_text_succeeds(tmp_path: Path) -> None:
    path = write_xlsx([_table()], tmp_path / "t.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    strings = [v for v in values if isinstance(v, str)]
    assert not any(s[:1] in FORMULA_LEAD for s in strings), strings
    assert "bell escape[2J vt nul del" in strings and "Қазақ тілі; ӘҒҚҢӨҰҮҺІ, «кавычки»" in strings
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


UNWRITABLE = ["non\ufffecharacter", "non\uffffcharacter", "lone \ud800 high", "lone \udfff low", "\ud83d=1"]


def test_noncharacters_and_lone_surrogates_are_replaced_never_raised(tmp_path: Path) -> None:
    """U+FFFE, U+FFFF (no XML may hold them) and a surrogate without its pair (UTF-8 cannot encode it)
    used to raise in the XLSX and CSV writers: each becomes U+FFFD, the rest of the text kept."""
    table = Table("findings", "Нәтижелер\ufffe", ["head\ud800er", "name"], [[text, 1] for text in UNWRITABLE])
    shown = ["non\ufffdcharacter", "non\ufffdcharacter", "lone \ufffd high", "lone \ufffd low", "\ufffd=1"]
    sheet = load_workbook(write_xlsx([table], tmp_path / "t.xlsx")).active
    assert sheet is not None and sheet.title == "Нәтижелер\ufffd"
    assert [row[0] for row in sheet.iter_rows(values_only=True)] == ["head\ufffder", *shown]
    text = write_csv(table, tmp_path / "t.csv").read_text(encoding="utf-8-sig")
    assert [row[0] for row in csv.reader(io.StringIO(text, newline=""))] == ["head\ufffder", *shown]


# ------------------------------------------------------------------------------------ outputs
def _sqlite_copy(report_store: ReportStore, tmp_path: Path) -> tuple[str, Path]:
    source = Path(report_store.url.removeprefix("sqlite:///"))
    target = tmp_path / "store.sqlite"
    with sqlite3.connect(source) as a, sqlite3.connect(target) as b:
        a.backup(b)
    return f"sqlite:///{target}", target


def test_no_command_writes_over_the_store_or_a_foreign_file(report_store: ReportStore, tmp_path: Path) -> None:
    url, store = _sqlite_copy(report_store, tmp_path)
    before = store.read_bytes()
    runner = CliRunner()
    foreign = tmp_path / "notes.csv"
    foreign.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    other_db = tmp_path / "other.wacz"
    other_db.write_bytes(store.read_bytes()[:4096])
    attempts = [
        (
            evidence_app,
            ["export", "--run", "last", "--body", "enbek", "--unsigned", "-o", str(store)],
        ),  # the store itself
        (evidence_app, ["export", "--run", "last", "--body", "enbek", "--unsigned", "-o", str(other_db)]),  # a database
        (report_app, ["export", "--run", "last", "--format", "csv", "-o", str(foreign)]),  # not a CSV
        (report_app, ["export", "--run", "last", "--format", "xlsx", "-o", str(tmp_path / "x.csv")]),  # suffix
        (report_app, ["export", "--run", "last", "--format", "json", "-o", str(tmp_path)]),  # a folder
        (report_app, ["disagreements", "--run", "last", "--body", "enbek", "-o", str(store)]),
    ]
    for app, args in attempts:
        result = runner.invoke(app, [*args, "--db", url])
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
    assert store.read_bytes() == before
    assert foreign.read_bytes().startswith(b"\x89PNG") and other_db.read_bytes()[:6] == b"SQLite"
    # an earlier export of the same kind is replaced
    target = tmp_path / "ranking.csv"
    for _ in range(2):
        result = runner.invoke(
            report_app, ["export", "--run", "last", "--format", "csv", "-o", str(target), "--db", url]
        )
        assert result.exit_code == 0, result.output


# ------------------------------------------------------------------------------------ verify


# verify's refusals (paths escaping the folder, links, duplicates, bombs) are tested with the
# package itself, in tests/reports/test_report_bundle.py
