"""Certainty shown where a reader looks (issue 25 item 2): the conclusion (ru and kk) says how many
verdicts are open and the final score's range if each went the other way, and cites the verdict an
assessor decided ("decided by the assessor … on …"), in the revision the answer wrote and in the next
night that carried it; the dashboard's finding page shows the doubt and then the decision; the exports
carry the certainty, the doubt's question and the decision per finding, the open count and the range
per body."""

from __future__ import annotations

import csv
import json
import re
from html import unescape
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ashyq.pipeline.review import answer_question
from ashyq.reports.body_report import load_body_report
from ashyq.reports.conclusion import render_conclusion_html
from ashyq.reports.dashboard import build_dashboard
from ashyq.reports.exports import export_run
from ashyq.reports.i18n import catalogue, format_points
from ashyq.store.db import session_scope
from ashyq.store.repository import scores_for

from .review_sample import BODY, QUESTION, final, finding, night

ASSESSOR = "Әсел Нұрланқызы"
REASON = "Раздел «Структура» есть, с текстом"


def _conclusion(db: str, run_id: str, lang: str) -> str:
    with session_scope(db) as session:
        html = render_conclusion_html(load_body_report(session, run_id, BODY), lang)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def _range(db: str, run_id: str) -> tuple[float, float, int]:
    with session_scope(db) as session:
        figures = scores_for(session, run_id, "kz-2025")[0].breakdown["open_verdicts"]
    return figures["final_low"], figures["final_high"], figures["count"]


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_conclusion_counts_the_open_verdicts_then_cites_the_assessor(db: str, lang: str) -> None:
    t = catalogue().translator(lang)
    first = night(db, 1, "a" * 64)
    low, high, count = _range(db, first)
    assert count == 1 and low < high
    text = _conclusion(db, first, lang)
    said = t("conclusion.open_verdicts", count=1, low=format_points(low, lang), high=format_points(high, lang))
    assert said in text
    assert t("status.fail") in text and "«Структура»" in text  # the open verdict's row: its guess and quote
    assert t("conclusion.decided_heading") not in text

    answer_question(db, first, QUESTION, "pass", REASON, ASSESSOR)
    text = _conclusion(db, first, lang)
    assert said not in text
    assert t("conclusion.decided_heading") in text
    recorded = finding(db, first)[2]
    assert recorded is not None
    decided = t("review.decided", assessor=ASSESSOR, on=recorded["on"], verdict=t("status.pass"), reason=REASON)
    assert decided in text
    assert format_points(final(db, first), lang) in text

    carried = night(db, 2, "a" * 64)  # the next night, the page unchanged: the answer carried and cited
    text = _conclusion(db, carried, lang)
    assert decided in text and t("conclusion.decided_carried", run=first) in text


def test_the_finding_page_shows_the_doubt_then_the_decision(db: str, tmp_path: Path) -> None:
    first = night(db, 1, "a" * 64)

    def page(site: Path) -> str:
        with session_scope(db) as session:
            build_dashboard(session, first, tmp_path / "data", site, "ru")
            report = load_body_report(session, first, BODY)
        leaf = next(leaf for leaf in report.items() if (leaf.item, leaf.lang) == ("T1-1", "ru"))
        assert leaf.finding is not None
        return (site / "findings" / f"{leaf.finding.id}.html").read_text(encoding="utf-8")

    before = page(tmp_path / "before")
    assert 'id="certainty" class="uncertain"' in before and 'id="doubt"' in before and "«Структура»" in before
    assert 'id="decided"' not in before
    answer_question(db, first, QUESTION, "pass", REASON, ASSESSOR)
    after = page(tmp_path / "after")
    assert 'id="certainty" class="certain"' in after and 'id="decided"' in after
    assert ASSESSOR in after and REASON in unescape(after)


def test_the_exports_carry_certainty_doubt_decision_and_the_range(db: str, tmp_path: Path) -> None:
    first = night(db, 1, "a" * 64)
    low, high, _ = _range(db, first)
    with session_scope(db) as session:
        export_run(session, first, "json", tmp_path / "before.json")
        export_run(session, first, "xlsx", tmp_path / "before.xlsx", lang="kk")
    body = json.loads((tmp_path / "before.json").read_text(encoding="utf-8"))["bodies"][0]
    assert body["open_verdicts"] == {"count": 1, "final_low": pytest.approx(low), "final_high": pytest.approx(high)}
    item = next(i for i in body["items"] if (i["item"], i["lang"]) == ("T1-1", "ru"))
    assert item["finding"]["certainty"] == "uncertain" and item["finding"]["doubt"]["reason"] == "label_only"
    assert item["finding"]["decided"] is None
    sheets = load_workbook(tmp_path / "before.xlsx")
    t = catalogue().translator("kk")
    ranking = list(sheets[t("exports.sheet_ranking")].values)
    columns = {name: index for index, name in enumerate(ranking[0])}
    row = ranking[1]
    assert row[columns[t("exports.open_verdicts")]] == 1
    assert (row[columns[t("exports.final_low")]], row[columns[t("exports.final_high")]]) == pytest.approx((low, high))
    criteria = list(sheets[t("exports.sheet_criteria")].values)
    assert sum(r[criteria[0].index(t("exports.open_verdicts"))] for r in criteria[1:]) == 1
    findings = list(sheets[t("exports.sheet_findings")].values)
    head = findings[0]
    row = next(r for r in findings[1:] if (r[1], r[3]) == ("T1-1", "ru"))
    assert row[head.index(t("exports.certainty"))] == "uncertain"
    assert "«Структура»" in row[head.index(t("exports.doubt"))]  # the question, worded in Kazakh
    assert not row[head.index(t("exports.decided"))]

    answer_question(db, first, QUESTION, "pass", REASON, ASSESSOR)
    with session_scope(db) as session:
        export_run(session, first, "json", tmp_path / "after.json")
        export_run(session, first, "csv", tmp_path / "after.csv", table="findings")
    body = json.loads((tmp_path / "after.json").read_text(encoding="utf-8"))["bodies"][0]
    assert body["open_verdicts"]["count"] == 0
    item = next(i for i in body["items"] if (i["item"], i["lang"]) == ("T1-1", "ru"))
    assert item["finding"]["certainty"] == "certain"
    assert item["finding"]["decided"]["assessor"] == ASSESSOR and item["finding"]["decided"]["verdict"] == "pass"
    with (tmp_path / "after.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    t = catalogue().translator("ru")
    row = next(r for r in rows[1:] if (r[1], r[3]) == ("T1-1", "ru"))
    assert row[rows[0].index(t("exports.certainty"))] == "certain"
    assert ASSESSOR in row[rows[0].index(t("exports.decided"))]
