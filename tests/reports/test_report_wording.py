"""A stored run's reasons and deficiencies in the reader's language: the checks give them with their
catalogue message, the store keeps it, and the Kazakh and Russian conclusions, the spreadsheet and the
served finding page say them in Kazakh and Russian, not in the checks' English.

The run is written as the pipeline writes one (``save_results``, ``findings_document``,
``save_scores``) from what dialog.egov.kz's checks (Table 6) find on two of their fixtures: a
blog with too few entries (a deficiency, row 2 in Russian) and a reporting period under way with no
internet conference yet (a reason, row 1 in Kazakh).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition
from ashyq.pipeline.results import findings_document, save_results, save_scores
from ashyq.reports.body_report import BodyReport, load_body_report
from ashyq.reports.conclusion import render_conclusion_html
from ashyq.reports.exports import build_tables, load_run_data
from ashyq.scoring.engine import score_run
from ashyq.scoring.findings import FindingsFile
from ashyq.store import ensure_schema, session_scope
from ashyq.store import repository as repo
from ashyq.store.models import Body, Run
from ashyq.store.vocabulary import RunKind, RunStatus
from tests.checks.fixture_harness import all_cases, artifacts

RUN = "20261120T010000Z-nightly-wording"
BODY = "enbek"


def _results(case: str, lang: str) -> Result:
    item = case.split("/")[0]
    found = next(c for c in all_cases() if c.id == case)
    return next(r for r in run_checks(artifacts(found), only_items=[item]) if r.lang == lang)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('wording') / 'ashyq.sqlite'}"
    ensure_schema(url)
    results = [
        _results("T6-2/partial_no_entries", "ru"),
        _results("T6-1/not_assessed_period_under_way_without_event", "kk"),
    ]
    assert results[0].deficiencies[0].text is not None and results[1].reason_text is not None
    started = datetime(2026, 11, 20, 1, tzinfo=UTC)
    with session_scope(url) as session:
        session.add(Body(id=BODY, name_kk="Еңбек министрлігі", name_ru="Министерство труда", kind="cgo"))
        session.flush()
        run = repo.start_run(
            session, RunKind.NIGHTLY, body_ids=[BODY], edition="kz-2025", as_of=started.date(), run_id=RUN,
            settings={"period": {"label": "2026", "start": "2026-01-01", "end": "2026-12-31"}}, started_at=started,
        )  # fmt: skip
        save_results(session, run, BODY, results)
        document = findings_document(session, run, [BODY])
        save_scores(
            session, run, score_run(FindingsFile.model_validate(document), load_edition(edition_path("kz-2025")))
        )
        repo.finish_run(session, RUN, RunStatus.COMPLETE, finished_at=started.replace(hour=5))
    return url


def _report(url: str) -> BodyReport:
    with session_scope(url) as session:
        return load_body_report(session, RUN, BODY)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _english(url: str) -> tuple[str, str]:
    """The stored English deficiency (ru) and reason (kk), as the checks wrote them."""
    report = _report(url)
    leaves = {(leaf.item, leaf.lang): leaf for leaf in report.items()}
    few, unfetched = leaves[("T6-2", "ru")].finding, leaves[("T6-1", "kk")].finding
    assert few is not None and unfetched is not None and unfetched.reason
    return str(few.deficiencies[0]["message"]), unfetched.reason


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_conclusion_says_the_reason_and_the_deficiency_in_its_language(store: str, lang: str) -> None:
    deficiency, reason = _english(store)
    text = _text(render_conclusion_html(_report(store), lang))
    assert deficiency not in text and reason not in text  # the checks' English is not shown
    words = {
        "kk": ("ru тілінде блогта 0 жазба (жоғары деңгей 50", "2026 есепті кезеңі 31.12.2026 дейін жалғасады"),
        "ru": ("0 записей блога на языке ru за период 2026", "отчётный период 2026 длится до 31.12.2026"),
    }[lang]
    for phrase in words:
        assert phrase in text, (phrase, text[:3000])


def test_the_english_is_kept_in_english_and_in_the_findings_file(store: str) -> None:
    deficiency, reason = _english(store)
    text = _text(render_conclusion_html(_report(store), "en"))
    assert deficiency in text and reason in text
    with session_scope(store) as session:
        run = session.get(Run, RUN)
        assert run is not None
        document = findings_document(session, run, [BODY])
    found = {(f["item"], f["lang"]): f for f in document["findings"]}
    assert found[("T6-1", "kk")]["reason"] == reason
    assert found[("T6-1", "kk")]["reason_text"]["key"] == "reason.dialog.period_running"
    assert found[("T6-2", "ru")]["deficiencies"][0]["text"]["key"] == "deficiency.dialog.few_blog_entries"


def test_the_spreadsheet_speaks_kazakh(store: str) -> None:
    deficiency, reason = _english(store)
    with session_scope(store) as session:
        tables = build_tables(load_run_data(session, RUN), "kk")
    cells = "\n".join(str(cell) for table in tables for row in table.rows for cell in row)
    assert "2026 есепті кезеңі 31.12.2026 дейін жалғасады" in cells and reason not in cells
    assert "блогта 0 жазба" in cells and deficiency not in cells


def test_a_change_between_runs_says_its_reason_and_deficiencies_in_the_readers_language(store: str) -> None:
    """``runs diff`` (the terminal, the dashboard's and the served changes page, the spreadsheet) says
    what changed in the reader's language from the stored findings' catalogue messages."""
    from ashyq.reports.run_diff import ItemChange

    report = _report(store)
    leaves = {(leaf.item, leaf.lang): leaf for leaf in report.items()}
    few, unfetched = leaves[("T6-2", "ru")].finding, leaves[("T6-1", "kk")].finding
    assert few is not None and unfetched is not None
    change = ItemChange(
        "T6-1", "kk", "C4", "newly_not_assessed", "pass", "not_assessed", 1.0, 0.0, unfetched.reason or "", None,
        messages=[str(d["message"]) for d in few.deficiencies], deficiencies=[dict(d) for d in few.deficiencies],
        reason_text=unfetched.reason_text,
    )  # fmt: skip
    assert "2026 есепті кезеңі 31.12.2026 дейін жалғасады" in change.reason_in("kk")
    assert "ru тілінде блогта 0 жазба (жоғары деңгей 50" in change.messages_in("kk")[0]
    assert "0 записей блога на языке ru за период 2026" in change.messages_in("ru")[0]
    assert change.reason_in("en") == unfetched.reason and change.messages_in("en") == change.messages
