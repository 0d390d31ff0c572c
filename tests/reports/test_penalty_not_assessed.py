"""A CGO whose subordinate organisations are unknown (issue 26, item 10): 000, Appendix 7 row 7
(line 304), «Открытость подведомственных организаций - 9». Its T9–T11 are not assessed, so no penalty
is taken, but the conclusion, the dashboard and the exports say the score may still be up to 9 lower,
and its coverage is below 100 %. In the sample run adilet is that body; enbek had its subordinates
assessed."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from reports_sample import ReportStore
from typer.testing import CliRunner

from ashyq.cli.report import report_app
from ashyq.reports.body_report import load_body_report
from ashyq.reports.conclusion import render_conclusion_html
from ashyq.reports.exports import export_run
from ashyq.store import session_scope


def test_the_scores_say_up_to_9_and_below_full_coverage(report_store: ReportStore) -> None:
    adilet = report_store.body_score(report_store.new, "adilet")
    assert adilet["penalty_not_assessed"] == pytest.approx(9) and adilet["coverage"] < 1
    enbek = report_store.body_score(report_store.new, "enbek")
    assert enbek["penalty_not_assessed"] == 0


@pytest.mark.parametrize(
    ("lang", "phrase", "row"),
    [
        ("ru", "до −9 балла", "штраф до −1,5 балла не оценен"),
        ("kk", "−9 балға дейін", "−1,5 балға дейінгі айыппұл бағаланбады"),
        ("en", "up to −9 points", "a penalty of up to −1.5 points not assessed"),
    ],
)
def test_the_conclusion_says_up_to_minus_9(report_store: ReportStore, lang: str, phrase: str, row: str) -> None:
    with session_scope(report_store.url) as session:
        adilet = load_body_report(session, report_store.new.id, "adilet")
        enbek = load_body_report(session, report_store.new.id, "enbek")
    coverage = re.search(r'<p id="coverage">(.*?)</p>', render_conclusion_html(adilet, lang), re.S)
    assert coverage is not None and phrase in coverage.group(1)
    rows = re.findall(r"<li>(T(?:9|10|11)-\d[^<]*)</li>", render_conclusion_html(adilet, lang))
    assert len(rows) == 12, rows  # six rows, each language: each with what it may cost
    assert sum(row in r for r in rows) == 2  # T9-1, 1.5 points in each language
    assert phrase not in render_conclusion_html(enbek, lang)


def test_the_dashboard_says_up_to_minus_9(report_store: ReportStore, tmp_path: Path) -> None:
    out = tmp_path / "site"
    args = ["dashboard", "--run", report_store.new.id, "-o", str(out), "--data", str(report_store.out_dir)]
    result = CliRunner().invoke(report_app, [*args, "--db", report_store.url])
    assert result.exit_code == 0, result.output
    body = (out / "bodies" / "adilet.html").read_text(encoding="utf-8")
    cell = re.search(r'id="penalty-not-assessed">(.*?)</td>', body)
    assert cell is not None and cell.group(1) == "−9"
    index = (out / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr data-body="adilet".*?</tr>', index, re.S)
    assert row is not None and "штраф до −9 не оценен" in row.group(0)
    enbek = (out / "bodies" / "enbek.html").read_text(encoding="utf-8")
    assert 'id="penalty-not-assessed"' not in enbek


def test_the_exports_carry_the_penalty_not_assessed(report_store: ReportStore, tmp_path: Path) -> None:
    with session_scope(report_store.url) as session:
        document = json.loads(export_run(session, report_store.new.id, "json", tmp_path / "r.json").read_text("utf-8"))
        table = export_run(session, report_store.new.id, "csv", tmp_path / "r.csv")
        workbook = export_run(session, report_store.new.id, "xlsx", tmp_path / "r.xlsx", lang="kk")
    bodies = {b["id"]: b for b in document["bodies"]}
    assert bodies["adilet"]["penalty_not_assessed"] == pytest.approx(9)
    assert bodies["enbek"]["penalty_not_assessed"] == 0
    rows = list(csv.reader(table.open(encoding="utf-8-sig")))
    column = rows[0].index("Штраф, не оцененный (до)")
    assert {r[1]: float(r[column]) for r in rows[1:]}["adilet"] == pytest.approx(9)
    ranking = list(load_workbook(workbook)["Рейтинг"].iter_rows(values_only=True))
    column = ranking[0].index("Бағаланбаған айыппұл (дейін)")
    assert {r[1]: r[column] for r in ranking[1:]}["adilet"] == pytest.approx(9)
