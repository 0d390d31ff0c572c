"""XLSX, CSV and JSON exports, the table of disagreements, and LibreOffice reading the XLSX."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reports_sample import ReportStore

from ashyq.reports.body_report import load_body_report
from ashyq.reports.disagreement import write_disagreement_table
from ashyq.reports.exports import export_run, safe_cell
from ashyq.store import session_scope


def _export(store: ReportStore, fmt: str, path: Path, **kwargs: str) -> Path:
    with session_scope(store.url) as session:
        return export_run(session, store.new.id, fmt, path, **kwargs)  # type: ignore[arg-type]


def test_xlsx_has_the_four_tables_in_the_reports_language(report_store: ReportStore, tmp_path: Path) -> None:
    path = _export(report_store, "xlsx", tmp_path / "run.xlsx", lang="kk")
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Рейтинг", "Өлшемшарттар", "Нәтижелер", "Салыстыру актісі"]
    ranking = list(workbook["Рейтинг"].iter_rows(values_only=True))
    assert [row[1] for row in ranking[1:]] == ["astana", "enbek", "adilet"]
    assert ranking[0][6] == "Бағаланбаған айыппұл (дейін)"
    assert ranking[2][7] == pytest.approx(96.1) and ranking[2][10] == pytest.approx(-3.9)
    findings = list(workbook["Нәтижелер"].iter_rows(values_only=True))
    lost = [row for row in findings[1:] if row[0] == "enbek" and row[1] == "T7-1" and row[3] == "kk"]
    assert lost and lost[0][4] == "fail" and lost[0][7] == pytest.approx(1.5)
    act = list(workbook["Салыстыру актісі"].iter_rows(values_only=True))
    assert act[1][:5] == ("enbek", "2026", "T6-3", "4 открытых заседания с онлайн-трансляцией", "contradicted")


def test_csv_and_json_agree_with_the_scores(report_store: ReportStore, tmp_path: Path) -> None:
    rows = list(csv.reader(_export(report_store, "csv", tmp_path / "r.csv").open(encoding="utf-8-sig")))
    assert rows[0][0] == "Место" and [r[1] for r in rows[1:]] == ["astana", "enbek", "adilet"]
    findings = list(
        csv.reader(_export(report_store, "csv", tmp_path / "f.csv", table="findings").open(encoding="utf-8-sig"))
    )
    assert any(r[0] == "enbek" and r[1] == "T2-5" and r[4] == "not_assessed" for r in findings)
    document = json.loads(_export(report_store, "json", tmp_path / "r.json").read_text(encoding="utf-8"))
    assert document["format"] == "ashyq-report/1"
    assert document["run"] == report_store.run_record(report_store.new)  # the one run record of every export
    enbek = next(b for b in document["bodies"] if b["id"] == "enbek")
    expected = report_store.body_score(report_store.new, "enbek")
    assert (enbek["total"], enbek["penalty"], enbek["final"]) == (
        expected["total"],
        expected["penalty"],
        expected["final"],
    )
    assert enbek["names"]["kk"].startswith("Қазақстан") and enbek["change"] == pytest.approx(-3.9)
    item = next(i for i in enbek["items"] if i["item"] == "T7-1" and i["lang"] == "kk")
    assert item["finding"]["evidence"][0]["warc_record_id"] == report_store.new.record_ids["enbek"]


def test_formulas_from_crawled_text_stay_text() -> None:
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell(-3.5) == -3.5


def test_disagreement_table_has_a_row_per_lost_finding(report_store: ReportStore, tmp_path: Path) -> None:
    with session_scope(report_store.url) as session:
        report = load_body_report(session, report_store.new.id, "enbek")
        path = write_disagreement_table(report, "kk", tmp_path / "appeal.xlsx")
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("Операциялық бағалау нәтижелері бойынша келіспеушіліктер кестесі")
    header = rows[3]
    assert header[7] == "Мемлекеттік органның ұстанымы (келіспеу негіздемесі)"
    body_rows = rows[4:]
    items = sorted((row[2].split()[0], row[3]) for row in body_rows)
    assert items == sorted(
        [("T1-1", "орыс тіліндегі нұсқа"), ("T7-1", "қазақ тіліндегі нұсқа"), ("T9-1", "қазақ тіліндегі нұсқа")]
    )
    t71 = next(row for row in body_rows if row[2].startswith("T7-1"))
    assert t71[4] == "Байланыс бетінде баспасөз қызметінің телефоны жоқ" and t71[5] == "1,5"
    assert t71[6].startswith("https://www.gov.kz/memleket/entities/enbek/contacts")
    assert t71[7] is None and t71[8] is None  # left for the body to fill in


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_reads_the_xlsx_ranking(report_store: ReportStore, tmp_path: Path) -> None:
    path = _export(report_store, "xlsx", tmp_path / "run.xlsx", lang="ru")
    profile = tmp_path / "lo-profile"
    out = tmp_path / "converted"
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",  # UTF-8, first sheet: the ranking
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader((out / "run.csv").open(encoding="utf-8")))
    assert rows[0][:3] == ["Место", "Код органа", "Наименование органа"]
    assert [r[1] for r in rows[1:]] == ["astana", "enbek", "adilet"]
    assert rows[2][2] == "Министерство труда и социальной защиты населения Республики Казахстан"
    assert rows[2][7] in ("96.1", "96,1")
