"""``ashyq review`` round-trips (issue 25, done-when): a question answered in the terminal or in the
XLSX changes the finding and the score in a new revision; the next night on the same capture does not
ask it again, a night on a changed capture does. Cheap: a store of one body, no world, no browser; the
uncertain verdict is what a check writes (``Result.uncertain``) through the pipeline's own saver."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ashyq.base.evidence import EvidenceRef
from ashyq.base.strict_files import FileRefused
from ashyq.checks.result import Result
from ashyq.cli.review_questions import review_app
from ashyq.pipeline.results import findings_document, save_results
from ashyq.pipeline.review import ReviewError, answer_question, carry_answers, open_questions, rescore
from ashyq.pipeline.review_sheet import export_questions, import_answers
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.models import Body, Page, Run
from ashyq.store.repository import findings_for, scores_for
from ashyq.store.vocabulary import RunKind, RunStatus

BODY = "akimat"
PAGE = "https://akimat.example.kz/ru/structure"
DAY = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


def _results() -> list[Result]:
    page = EvidenceRef(url=PAGE, selector="nav a.structure", snippet="Структура")
    guess = Result("T1-1", "ru", "fail", evidence=[page]).uncertain("label_only", quote="Структура")
    certain = Result("T1-1", "kk", "pass", evidence=[EvidenceRef(url=PAGE.replace("/ru/", "/kk/"))])
    return [guess, certain]


def _night(db: str, number: int, digest: str) -> str:
    """A night's run of the body: its page captured with ``digest``, the checks' results saved and the
    answers carried as the check stage does, then scored."""
    run_id = f"night-{number}"
    with session_scope(db) as session:
        if session.get(Body, BODY) is None:
            session.add(Body(id=BODY, name_kk="Әкімдік", name_ru="Акимат", kind="mio", site_urls=[], tags=[]))
            session.flush()
        run = Run(
            id=run_id,
            kind=RunKind.NIGHTLY,
            status=RunStatus.COMPLETE,
            started_at=DAY + timedelta(days=number),
            finished_at=DAY + timedelta(days=number, hours=1),
            edition="kz-2025",
            as_of=date(2026, 11, 20) + timedelta(days=number),
            settings={"edition": "kz-2025"},
            body_ids=[BODY],
        )
        session.add(run)
        session.flush()
        session.add(Page(run_id=run_id, body_id=BODY, url=PAGE, status=200, content_sha256=digest))
        session.flush()
        save_results(session, run, BODY, _results())
        carry_answers(session, run, BODY)
        rescore(session, run, 1, {"command": "night"})
    return run_id


def _finding(db: str, run_id: str) -> tuple[str, str, dict | None]:
    with session_scope(db) as session:
        run = session.get(Run, run_id)
        entry = next(
            f for f in findings_document(session, run, [BODY])["findings"] if (f["item"], f["lang"]) == ("T1-1", "ru")
        )
        return entry["status"], entry["certainty"], entry.get("decided")


def _final(db: str, run_id: str) -> float:
    with session_scope(db) as session:
        return next(s.final for s in scores_for(session, run_id, "kz-2025") if s.body_id == BODY)


@pytest.fixture()
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    ensure_schema(url)
    return url


def test_answered_in_the_terminal_and_carried_while_the_capture_is_unchanged(db: str) -> None:
    first = _night(db, 1, "a" * 64)
    queue = open_questions(db, first)
    assert [q.id for q in queue.questions] == [f"{BODY}:T1-1:ru"]
    question = queue.questions[0]
    assert (question.status, question.reason, question.url, question.capture_sha256) == (
        "fail",
        "label_only",
        PAGE,
        "a" * 64,
    )
    assert "T1-1" in question.text["ru"] and "Структура" in question.text["kk"]
    with session_scope(db) as session:
        breakdown = scores_for(session, first, "kz-2025")[0].breakdown
    assert breakdown["open_verdicts"]["count"] == 1
    assert breakdown["open_verdicts"]["final_high"] > breakdown["open_verdicts"]["final_low"]
    before = _final(db, first)

    result = CliRunner().invoke(
        review_app,
        [
            "answer",
            question.id,
            "--run",
            first,
            "--verdict",
            "pass",
            "--reason",
            "Раздел есть",
            "--assessor",
            "Әсел",
            "--db",
            db,
        ],
    )
    assert result.exit_code == 0, result.output
    assert "revision 2" in result.output
    status, certainty, decided = _finding(db, first)
    assert (status, certainty) == ("pass", "certain")
    assert decided is not None and decided["assessor"] == "Әсел"
    assert _final(db, first) > before
    assert open_questions(db, first).questions == []
    with session_scope(db) as session:
        assert [f.revision for f in findings_for(session, first, BODY)] == [2, 2]  # a new revision, not an overwrite
    with pytest.raises(ReviewError, match="no open question"):
        answer_question(db, first, question.id, "fail", "again", "Әсел")

    same = _night(db, 2, "a" * 64)  # the next night, the page unchanged: not asked again
    assert open_questions(db, same).questions == []
    status, _, decided = _finding(db, same)
    assert status == "pass" and decided is not None and decided["carried_from"] == first
    changed = _night(db, 3, "b" * 64)  # the page changed: the question is open again
    assert [q.id for q in open_questions(db, changed).questions] == [f"{BODY}:T1-1:ru"]
    assert _finding(db, changed)[0] == "fail"


def test_answered_in_a_workbook(db: str, tmp_path: Path) -> None:
    run_id = _night(db, 1, "a" * 64)
    sheet_path = tmp_path / "q.xlsx"
    assert export_questions(db, run_id, sheet_path) == 1
    workbook = load_workbook(sheet_path)
    sheet = workbook["questions"]
    headers = [c.value for c in sheet[1]]
    row = {name: index + 1 for index, name in enumerate(headers)}
    sheet.cell(2, row["verdict"], "pass")
    sheet.cell(2, row["reason"], "Құрылым бетте бар")
    sheet.cell(2, row["assessor"], "Ерлан")
    workbook.save(sheet_path)
    before = _final(db, run_id)
    done = import_answers(db, sheet_path)
    assert [(a.question, a.after, a.revision) for a in done.answered] == [(f"{BODY}:T1-1:ru", "pass", 2)]
    assert _finding(db, run_id)[:2] == ("pass", "certain")
    assert _final(db, run_id) > before


def test_a_workbook_with_a_formula_is_refused_with_its_place(db: str, tmp_path: Path) -> None:
    run_id = _night(db, 1, "a" * 64)
    sheet_path = tmp_path / "q.xlsx"
    export_questions(db, run_id, sheet_path)
    workbook = load_workbook(sheet_path)
    sheet = workbook["questions"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, headers.index("verdict") + 1, "pass")
    sheet.cell(2, headers.index("reason") + 1, '=HYPERLINK("http://x","y")')
    sheet.cell(2, headers.index("assessor") + 1, "Ерлан")
    workbook.save(sheet_path)
    with pytest.raises(FileRefused) as refused:
        import_answers(db, sheet_path)
    assert "questions" in str(refused.value) and "row 2" in str(refused.value)
    assert _finding(db, run_id)[0] == "fail"  # nothing written
