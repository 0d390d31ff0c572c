"""The filled table of disagreements, read strictly: the pre-filled form handed back with the body's
position on some rows is taken in; a formula, a row naming an item the conclusion did not deduct for,
a table of another run, a link that is not http(s), a file that is not a workbook are refused with their
place, never a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from appeal_harness import AppealStore
from openpyxl import load_workbook

from ashyq.base.strict_files import FileRefused
from ashyq.pipeline.appeal_table import AnsweredConclusion, read_disagreement_table
from ashyq.reports.body_report import load_body_report
from ashyq.reports.disagreement import write_disagreement_table
from ashyq.store.db import session_scope


def _form(store: AppealStore, tmp_path: Path, lang: str) -> tuple[bytes, AnsweredConclusion, dict[str, int]]:
    """The pre-filled form of enbek's conclusion, what it answers, and the row of each item."""
    with session_scope(store.url) as session:
        report = load_body_report(session, store.run_id, "enbek")
        path = write_disagreement_table(report, lang, tmp_path / f"table-{lang}.xlsx")
        names = (report.body.name_kk, report.body.name_ru)
        answered = AnsweredConclusion(
            store.run_id, tuple(n for n in names if n), frozenset((leaf.item, leaf.lang) for leaf in report.losses())
        )
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = {str(sheet.cell(r, 3).value).split()[0]: r for r in range(5, sheet.max_row + 1)}
    return path.read_bytes(), answered, rows


def _filled(data: bytes, cells: dict[str, object]) -> bytes:
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    assert sheet is not None
    for address, value in cells.items():
        sheet[address] = value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_filled_form_gives_the_disputed_rows(appeal_store: AppealStore, tmp_path: Path, lang: str) -> None:
    data, answered, rows = _form(appeal_store, tmp_path, lang)
    t7, t1 = rows["T7-1"], rows["T1-1"]
    filled = _filled(
        data,
        {
            f"H{t7}": "Телефон баспасөз қызметінің беті «Байланыс» бөлімінде берілген",
            f"I{t7}": "Бұйрық №5 https://www.gov.kz/memleket/entities/enbek/press\nСкриншот",
            f"H{t1}": "+7 набор опубликован 1 ноября",  # text a spreadsheet could take for a formula: kept as text
        },
    )
    found = read_disagreement_table(filled, answered, "table.xlsx")
    assert sorted((r.row, r.item, r.lang) for r in found) == sorted([(t1, "T1-1", "ru"), (t7, "T7-1", "kk")])
    by_item = {r.item: r for r in found}
    assert [d.as_dict() for d in by_item["T7-1"].documents] == [
        {"name": "Бұйрық №5", "link": "https://www.gov.kz/memleket/entities/enbek/press"},
        {"name": "Скриншот", "link": None},
    ]
    assert by_item["T1-1"].position.startswith("+7 набор")


def _problems(refused: pytest.ExceptionInfo[FileRefused]) -> list[str]:
    return refused.value.lines()


def test_a_formula_is_refused_at_its_cell(appeal_store: AppealStore, tmp_path: Path) -> None:
    data, answered, rows = _form(appeal_store, tmp_path, "ru")
    t7 = rows["T7-1"]
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    assert sheet is not None
    sheet[f"H{t7}"] = '=HYPERLINK("http://evil.example","Согласны")'
    sheet[f"H{t7}"].data_type = "f"
    out = io.BytesIO()
    workbook.save(out)
    with pytest.raises(FileRefused) as refused:
        read_disagreement_table(out.getvalue(), answered, "table.xlsx")
    assert any(f"row {t7}, column H" in line and "formula" in line for line in _problems(refused))


def test_a_row_naming_an_item_not_in_the_conclusion_is_refused(appeal_store: AppealStore, tmp_path: Path) -> None:
    data, answered, rows = _form(appeal_store, tmp_path, "ru")
    t7 = rows["T7-1"]
    last = max(rows.values()) + 1
    filled = _filled(
        data,
        {
            f"C{last}": "T3-3 Гражданский бюджет",  # a row the body added: T3-3 lost no points
            f"D{last}": "казахская версия",
            f"H{last}": "Опубликован",
            f"D{t7}": "русская версия",  # T7-1 lost points in Kazakh, not in Russian
            f"H{t7}": "Не согласны",
        },
    )
    with pytest.raises(FileRefused) as refused:
        read_disagreement_table(filled, answered, "table.xlsx")
    lines = _problems(refused)
    assert any(f"row {last}, column C" in line and "'T3-3'" in line for line in lines), lines
    assert any(f"row {t7}, column C" in line and "'T7-1'" in line for line in lines), lines


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"A3": "Прогон: 20250101T000000Z-nightly-other; редакция: kz-2025"}, "row 1"),
        ({"I{t7}": "javascript:alert(1)", "H{t7}": "Не согласны"}, "column I"),
        ({"I{t7}": "Приказ №5"}, "column H"),  # documents without a position
        ({"D{t7}": "испанская версия", "H{t7}": "Не согласны"}, "column D"),
    ],
)
def test_each_problem_is_refused_with_its_place(
    appeal_store: AppealStore, tmp_path: Path, cells: dict[str, str], expected: str
) -> None:
    data, answered, rows = _form(appeal_store, tmp_path, "ru")
    filled = _filled(data, {k.format(t7=rows["T7-1"]): v for k, v in cells.items()})
    with pytest.raises(FileRefused) as refused:
        read_disagreement_table(filled, answered, "table.xlsx")
    assert any(expected in line for line in _problems(refused)), _problems(refused)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"item,position\nT7-1,no\n", "not an XLSX workbook"),
        (b"PK\x03\x04" + b"\x00" * 64, "not an XLSX workbook"),
        (b"x" * (3 * 1024 * 1024), "larger than"),
    ],
)
def test_what_is_not_a_table_is_refused_in_words(
    appeal_store: AppealStore, tmp_path: Path, data: bytes, expected: str
) -> None:
    _, answered, _ = _form(appeal_store, tmp_path, "ru")
    with pytest.raises(FileRefused) as refused:
        read_disagreement_table(data, answered, "table.xlsx")
    assert expected in str(refused.value)


def test_an_untouched_form_disputes_nothing(appeal_store: AppealStore, tmp_path: Path) -> None:
    data, answered, _ = _form(appeal_store, tmp_path, "kk")
    with pytest.raises(FileRefused) as refused:
        read_disagreement_table(data, answered, "table.xlsx")
    assert "nothing is disputed" in str(refused.value)
