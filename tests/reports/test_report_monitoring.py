"""A run of a period that has not ended is monitoring, not an assessment (issue reading: the default
period). The assessment is annual («ежегодной оценки эффективности», 001_2eda7a10a42a5ed2.txt, line
180) and its conclusion is of a «(отчетный период)» (000_12c86a9f7dcd6cb4.txt, line 350): a year under
way is not one. So every output of such a run says "monitoring" in kk and ru, and gives no level."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from reports_sample import ReportStore, build_report_store
from typer.testing import CliRunner

from ashyq.cli.report import report_app
from ashyq.methodology.edition import Edition, edition_path
from ashyq.methodology.validate import load_edition
from ashyq.pipeline.results import findings_document, save_scores
from ashyq.reports.body_report import load_body_report
from ashyq.reports.conclusion import render_conclusion_html
from ashyq.reports.exports import export_run
from ashyq.scoring.engine import score_run
from ashyq.scoring.findings import FindingsFile
from ashyq.store import session_scope
from ashyq.store.models import Run

LEVEL_WORDS = {"ru": "не присваивается (мониторинг)", "kk": "берілмейді (мониторинг)"}
BANNER = {"ru": "МОНИТОРИНГ за период 2026 по состоянию на", "kk": "2026 кезеңінің"}


@pytest.fixture(scope="module")
def monitored(tmp_path_factory: pytest.TempPathFactory) -> ReportStore:
    """The sample store with its newest run recorded as the pipeline now records a run of 2026 on
    20 November 2026 (monitoring), and scored again from its findings."""
    store = build_report_store(tmp_path_factory.mktemp("monitored-store"))
    with session_scope(store.url) as session:
        run = session.get(Run, store.new.id)
        assert run is not None and run.as_of is not None and run.as_of.year == 2026
        run.settings = {**run.settings, "purpose": "monitoring"}
        session.flush()
        document = findings_document(session, run, run.body_ids)
        assert document["run"]["purpose"] == "monitoring" and document["run"]["period"]["label"] == "2026"
        scores = score_run(FindingsFile.model_validate(document), load_edition(edition_path(run.edition or "")))
        save_scores(session, run, scores)
    return store


def test_a_period_to_date_is_scored_without_a_level(monitored: ReportStore) -> None:
    with session_scope(monitored.url) as session:
        run = session.get(Run, monitored.new.id)
        assert run is not None
        scores = score_run(FindingsFile.model_validate(findings_document(session, run, run.body_ids)), _edition(run))
    assert scores.monitored_share is not None and 0.8 < scores.monitored_share < 1
    assert {b.level for b in scores.bodies} == {"monitoring"}
    assert scores.as_dict()["purpose"] == "monitoring"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_conclusion_says_monitoring_and_gives_no_level(monitored: ReportStore, lang: str) -> None:
    with session_scope(monitored.url) as session:
        html = render_conclusion_html(load_body_report(session, monitored.new.id, "enbek"), lang)
    assert '<p id="purpose" class="monitoring">' in html
    assert BANNER[lang] in html
    assert LEVEL_WORDS[lang] in html
    # the earlier run, of a period recorded before the distinction, is still an assessment
    with session_scope(monitored.url) as session:
        earlier = render_conclusion_html(load_body_report(session, monitored.old.id, "enbek"), lang)
    assert '<p id="purpose" class="assessment">' in earlier and LEVEL_WORDS[lang] not in earlier


def test_the_exports_and_the_dashboard_say_monitoring(monitored: ReportStore, tmp_path: Path) -> None:
    with session_scope(monitored.url) as session:
        ranking = export_run(session, monitored.new.id, "csv", tmp_path / "ranking.csv", "kk", "ranking")
        document = export_run(session, monitored.new.id, "json", tmp_path / "run.json", "ru")
    rows = list(csv.reader(ranking.open(encoding="utf-8-sig")))
    assert all(LEVEL_WORDS["kk"] in row for row in rows[1:]) and all(BANNER["kk"] in ",".join(r) for r in rows[1:])
    data = json.loads(document.read_text(encoding="utf-8"))
    assert data["purpose"]["id"] == "monitoring" and BANNER["ru"] in data["purpose"]["ru"]
    assert {b["level"] for b in data["bodies"]} == {"monitoring"}
    # listed by id, not ranked
    assert [b["rank"] for b in data["bodies"]] == [None] * len(data["bodies"])
    assert [b["id"] for b in data["bodies"]] == sorted(b["id"] for b in data["bodies"])
    assert all(row[0] == "" for row in rows[1:])
    site = tmp_path / "site"
    args = ["dashboard", "--run", monitored.new.id, "-o", str(site), "--data", str(monitored.out_dir)]
    result = CliRunner().invoke(report_app, [*args, "--db", monitored.url, "--lang", "kk"])
    assert result.exit_code == 0, result.output
    for page in (site / "index.html", site / "bodies" / "enbek.html"):
        html = page.read_text(encoding="utf-8")
        assert '<p id="purpose" class="monitoring">' in html and BANNER["kk"] in html


def _edition(run: Run) -> Edition:
    return load_edition(edition_path(run.edition or ""))
