"""``ashyq review`` round-trips (issue 25, done-when): a question answered in the terminal or in the
XLSX changes the finding and the score in a new revision; the next night on the same capture does not
ask it again, a night on a changed capture does. Cheap: a store of one body, no world, no browser; the
uncertain verdict is what a check writes (``Result.uncertain``) through the pipeline's own saver."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ashyq.base.strict_files import FileRefused
from ashyq.cli.review_questions import review_app
from ashyq.pipeline.review import ReviewError, answer_question, open_questions
from ashyq.pipeline.review_batch import Given, RowError, answer_all, check_answers
from ashyq.pipeline.review_sheet import export_questions, import_answers
from ashyq.store.db import session_scope
from ashyq.store.repository import findings_for, scores_for

from .review_sample import BODY, PAGE
from .review_sample import final as _final
from .review_sample import finding as _finding
from .review_sample import night as _night


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


def _answered_workbook(db: str, run_id: str, path: Path, answers: dict[str, tuple[str, str, str]]) -> dict[str, int]:
    """Export the run's questions to ``path`` and fill the rows of ``answers`` (question → verdict,
    reason, assessor); returns each question's row."""
    export_questions(db, run_id, path)
    workbook = load_workbook(path)
    sheet = workbook["questions"]
    headers = [c.value for c in sheet[1]]
    rows = {str(sheet.cell(r, 1).value): r for r in range(2, sheet.max_row + 1)}
    for question, values in answers.items():
        for name, value in zip(("verdict", "reason", "assessor"), values, strict=True):
            sheet.cell(rows[question], headers.index(name) + 1, value)
    workbook.save(path)
    return rows


def test_a_workbook_is_recorded_whole_or_not_at_all(db: str, tmp_path: Path) -> None:
    run_id = _night(db, 1, "a" * 64, both_open=True)
    kk, ru = f"{BODY}:T1-1:kk", f"{BODY}:T1-1:ru"
    before = _final(db, run_id)
    # a later row the rule cannot score (a partial without figures): the earlier row is not kept either
    path = tmp_path / "scored.xlsx"
    rows = _answered_workbook(
        db, run_id, path, {kk: ("fail", "Тақырып қана бар", "Ерлан"), ru: ("partial", "Частично", "Ерлан")}
    )
    assert rows[kk] < rows[ru]
    with pytest.raises(FileRefused) as refused:
        import_answers(db, path)
    assert f"row {rows[ru]}" in str(refused.value) and "partial" in str(refused.value)
    assert _finding(db, run_id, "kk")[:2] == ("pass", "uncertain") and _final(db, run_id) == before
    with session_scope(db) as session:
        assert {f.revision for f in findings_for(session, run_id, BODY)} == {1}
    # every row checked before any is written: each problem named with its row, nothing recorded
    path = tmp_path / "checked.xlsx"
    rows = _answered_workbook(
        db, run_id, path, {kk: ("fail", "Тақырып қана бар", "Ерлан"), ru: ("maybe", "Не знаю", "Ерлан")}
    )
    with pytest.raises(FileRefused) as refused:
        import_answers(db, path)
    assert f"row {rows[ru]}" in str(refused.value) and "maybe" in str(refused.value)
    assert _finding(db, run_id, "kk")[:2] == ("pass", "uncertain")
    # both answerable: both recorded, one revision each, in one go
    path = tmp_path / "good.xlsx"
    _answered_workbook(db, run_id, path, {kk: ("fail", "Тақырып қана бар", "Ерлан"), ru: ("pass", "Есть", "Ерлан")})
    done = import_answers(db, path)
    assert [(a.question, a.revision) for a in done.answered] == [(kk, 2), (ru, 3)]
    assert _finding(db, run_id, "kk")[:2] == ("fail", "certain") and _finding(db, run_id)[:2] == ("pass", "certain")


def test_a_question_answered_twice_in_one_batch_is_refused(db: str) -> None:
    run_id = _night(db, 1, "a" * 64)
    twice = [Given(run_id, f"{BODY}:T1-1:ru", verdict, "seen", "Ерлан") for verdict in ("pass", "fail")]
    assert [(p.index, str(p)) for p in check_answers(db, twice)] == [
        (1, f"question {BODY}:T1-1:ru is answered more than once")
    ]
    with pytest.raises(RowError):
        answer_all(db, twice)
    assert _finding(db, run_id)[:2] == ("fail", "uncertain")
