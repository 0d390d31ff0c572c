"""Part D: the conclusion and the exports say which reporting period was judged and which readings of
the methodology (interpretation options) the score applied."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from reports_sample import ReportStore

from ashyq.reports.body_report import load_body_report
from ashyq.reports.conclusion import render_conclusion_html
from ashyq.reports.exports import export_run
from ashyq.store import session_scope


@pytest.mark.parametrize("lang", ["ru", "kk", "en"])
def test_the_conclusion_prints_the_period_and_the_options(report_store: ReportStore, lang: str) -> None:
    with session_scope(report_store.url) as session:
        report = load_body_report(session, report_store.new.id, "enbek")
        html = render_conclusion_html(report, lang)
    period = re.search(r'<p class="filled">(.*?)</p>', html, re.S)
    assert period is not None and "2026 (2026-01-01 – 2026-12-31)" in period.group(1)
    listed = re.search(r'id="interpretations">(.*?)</ul>', html, re.S)
    assert listed is not None
    # every option the score applied is a line, the chosen reading among them
    assert listed.group(1).count("<li>") == len(report.breakdown["interpretations"])


def test_the_exports_carry_the_period_and_the_options(report_store: ReportStore, tmp_path: Path) -> None:
    with session_scope(report_store.url) as session:
        ranking = export_run(session, report_store.new.id, "csv", tmp_path / "ranking.csv", "en", "ranking")
        document = export_run(session, report_store.new.id, "json", tmp_path / "run.json", "en")
    rows = list(csv.DictReader(ranking.open(encoding="utf-8-sig")))
    assert rows and {r["Reporting period"] for r in rows} == {"2026"}
    assert all("media-d-gaps=" in r["Interpretations applied"] for r in rows)
    data = json.loads(document.read_text(encoding="utf-8"))
    assert data["run"]["period"] == {"label": "2026", "start": "2026-01-01", "end": "2026-12-31"}
    assert all("media-d-gaps" in b["interpretations"] for b in data["bodies"])
