"""The Unified list of open data: the official file loads (XLSX and CSV, Russian or Kazakh titles), a
malformed one is refused whole with the row and column of each problem, and the import drives the
open-data checks; without one, the body's declared datasets are the claims and the finding says so."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from ashyq_replica.core import World
from ashyq_replica.unified_list import official_rows
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.declared import unified_list as ul
from ashyq.declared.unified_list import Entry, ListRefused, load_unified_list, write_unified_list
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.unified_list import current_unified_list, rows_for

runner = CliRunner()


def world_entries() -> list[Entry]:
    return [Entry(row=n, bin=None, **row) for n, row in enumerate(official_rows(World()), start=1)]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_file_the_ministry_publishes_round_trips(tmp_path: Path, suffix: str) -> None:
    entries = world_entries()
    loaded = load_unified_list(write_unified_list(entries, tmp_path / f"list{suffix}"))
    assert [(e.code, e.name_kk, e.name_ru, e.body, e.actualize_type, e.api_uri) for e in loaded.entries] == [
        (e.code, e.name_kk, e.name_ru, e.body, e.actualize_type, e.api_uri) for e in entries
    ]
    assert len(loaded.bodies) == 8 and len(loaded.sha256) == 64


def test_kazakh_titles_a_title_block_other_columns_and_windows_1251_csv(tmp_path: Path) -> None:
    path = tmp_path / "перечень.csv"
    kk = {c.key: c.kk for c in ul.COLUMNS}
    path.write_bytes(
        (
            "Перечень 2026\r\n"
            "Примечание;Код набора данных;Наименование набора данных на казахском языке;"
            "Наименование набора данных на русском языке;Наименование государственного органа;"
            "Периодичность актуализации\r\n"
            ";A-1;Tizim;Список;Министерство юстиции Республики Казахстан;По мере необходимости\r\n"
        ).encode("cp1251")
    )
    loaded = load_unified_list(path)
    assert [(e.code, e.actualize_type, e.row) for e in loaded.entries] == [("A-1", "AS_NEEDED", 3)]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([kk["code"], kk["name_kk"], kk["name_ru"], kk["body"], kk["periodicity"], kk["api_uri"]])
    sheet.append(["Ә-7", "Некелер саны", "Количество браков", "Әділет министрлігі", "Тоқсан сайын", "adilet_nekeler"])
    workbook.save(tmp_path / "kk.xlsx")
    entry = load_unified_list(tmp_path / "kk.xlsx").entries[0]
    assert (entry.code, entry.actualize_type, entry.api_uri) == ("Ә-7", "QUARTERLY", "adilet_nekeler")


def test_a_malformed_file_is_refused_whole_with_row_and_column(tmp_path: Path) -> None:
    path = write_unified_list(world_entries()[:4], tmp_path / "list.xlsx")
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["C5"] = None  # an empty Kazakh name (row 5: the second dataset)
    sheet["G6"] = "раз в год"  # not a periodicity of the list
    sheet["B7"] = sheet["B4"].value  # a code given twice
    sheet["F4"] = "12345"  # not a BIN
    sheet["H4"] = "Not An Index!"
    workbook.save(path)
    with pytest.raises(ListRefused) as refused:
        load_unified_list(path)
    lines = [str(p) for p in refused.value.problems]
    assert "row 5, column C «Наименование набора данных на казахском языке»: empty" in lines
    assert any(
        line.startswith("row 6, column G «Периодичность актуализации»: «раз в год» is not one of") for line in lines
    )
    assert any(line.startswith("row 7, column B «Код набора данных»:") and "already on row 4" in line for line in lines)
    assert any(line.startswith("row 4, column F") and "12-digit BIN" in line for line in lines)
    assert any(line.startswith("row 4, column H") and "portal index" in line for line in lines)
    assert len(lines) == 5


def test_a_missing_column_and_the_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Код набора данных;Наименование государственного органа;Периодичность актуализации\n", "utf-8")
    with pytest.raises(ListRefused) as refused:
        load_unified_list(path)
    assert [str(p) for p in refused.value.problems] == [
        "row 1, column «Наименование набора данных на казахском языке»: this column is missing",
        "row 1, column «Наименование набора данных на русском языке»: this column is missing",
    ]
    monkeypatch.setattr(ul, "MAX_ROWS", 3)
    big = write_unified_list(world_entries()[:10], tmp_path / "big.xlsx")
    with pytest.raises(ListRefused, match="more than 3 dataset rows"):
        load_unified_list(big)
    monkeypatch.setattr(ul, "MAX_BYTES", 100)
    with pytest.raises(ListRefused, match="more than the 100 allowed"):
        load_unified_list(big)
    (tmp_path / "list.pdf").write_bytes(b"%PDF")
    with pytest.raises(ListRefused, match=r"an \.xlsx workbook or a \.csv file"):
        load_unified_list(tmp_path / "list.pdf")
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ListRefused, match="not an XLSX workbook"):
        load_unified_list(tmp_path / "fake.xlsx")


def test_a_formula_or_a_far_cell_is_refused_at_its_address(tmp_path: Path) -> None:
    path = write_unified_list(world_entries()[:3], tmp_path / "list.xlsx")
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["C5"] = '=B5&" (copy)"'
    workbook.save(tmp_path / "formula.xlsx")
    with pytest.raises(ListRefused) as refused:
        load_unified_list(tmp_path / "formula.xlsx")
    assert any("row 5, column C" in str(p) and "a formula" in str(p) for p in refused.value.problems)
    sheet["C5"] = "text"
    sheet["XFD1048576"] = "far away"  # read cell by cell, the whole sheet's width for every row
    workbook.save(tmp_path / "far.xlsx")
    with pytest.raises(ListRefused) as refused:
        load_unified_list(tmp_path / "far.xlsx")
    assert any("row 1048576, column XFD" in str(p) for p in refused.value.problems)


def test_text_stays_text_in_the_written_file(tmp_path: Path) -> None:
    entry = Entry(1, "=HYPERLINK(1)", "+kk", "@ru", "-body", "YEARLY")
    path = write_unified_list([entry], tmp_path / "list.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None and sheet["B4"].value == "'=HYPERLINK(1)" and sheet["B4"].data_type == "s"


def test_import_list_stores_the_list_in_effect_and_says_which_bodies_it_names(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    path = write_unified_list(world_entries(), tmp_path / "unified-list.xlsx")
    result = runner.invoke(app, ["open-data", "import-list", str(path), "--db", db, "--registry", "kz"])
    assert result.exit_code == 0, result.output
    assert "52 datasets of 8 bodies" in result.output
    # the world's bodies carry the real bodies' names: six of the real registry are named, the rest not
    assert "6 of" in result.output and "not named" in result.output and "mfa" in result.output
    with session_scope(db) as session:
        listed = current_unified_list(session)
        assert listed is not None and listed.source == "unified-list.xlsx"
        enbek = rows_for(listed, ["Министерство труда и социальной защиты населения Республики Казахстан"])
    assert [r["code"] for r in enbek][:2] == ["ENBEK-OD-01", "ENBEK-OD-02"]
    broken = tmp_path / "broken.csv"
    broken.write_text(
        "Код набора данных;Наименование государственного органа;Периодичность актуализации\nX;Y;Ежегодно\n", "utf-8"
    )
    refused = runner.invoke(app, ["open-data", "import-list", str(broken), "--db", db])
    assert refused.exit_code == 1 and "nothing stored" in refused.output and "this column is missing" in refused.output
    ensure_schema(db)
    with session_scope(db) as session:
        assert current_unified_list(session).source == "unified-list.xlsx"  # type: ignore[union-attr]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_text_no_spreadsheet_can_hold_is_written_as_text_it_can(tmp_path: Path, suffix: str) -> None:
    """A name taken from a crawled portal may hold U+FFFE, U+FFFF, a lone surrogate, a control character
    or a leading "=": the list is still written, each such character shown as U+FFFD or dropped, and
    no cell is a formula."""
    hostile = Entry(
        row=1, code="=HYPERLINK(\"http://x\")", name_kk="Тізім\ufffe", name_ru="Спи\ud800сок\x07",
        body="\uff1dSUM(A1)", actualize_type="AS_NEEDED", api_uri="-api\uffff",
    )  # fmt: skip
    path = write_unified_list([hostile], tmp_path / f"list{suffix}", title="Перечень\x00")
    if suffix == ".xlsx":
        sheet = load_workbook(path).active
        assert sheet is not None
        row = [c.value for c in sheet[4]]
        assert sheet["A1"].value == "Перечень"
    else:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            row = list(csv.reader(handle, delimiter=";"))[1]
    assert row[1:5] == ['\'=HYPERLINK("http://x")', "Тізім\ufffd", "Спи\ufffdсок", "'\uff1dSUM(A1)"]
    assert row[7] == "'-api\ufffd"
