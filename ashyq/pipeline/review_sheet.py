"""The review's questions out as an XLSX and the assessors' answers back (``ashyq review export|import``).

The workbook has one sheet, ``questions``: a row per open question with its id, the run, what the tool
guessed, the question in kk and ru, what to look at (page, selector, quoted text, a screenshot crop
written beside the workbook), and four columns for the assessor: ``verdict`` (pass, fail, partial,
not_applicable), ``reason``, ``assessor``. Every text cell is neutralised (no formula can start in
it). A row left without a verdict is skipped.

The answers come back through the strict reader (``ashyq.base.strict_files.read_xlsx``: size, sheet
and cell bounds measured before the workbook is built, formulas refused at their cell): a workbook
with any problem is refused whole, one line per problem with its sheet, row and column; nothing is
written. The answered rows are then checked against the store, every one before any is recorded (the
run, an open question, a question answered once): each problem is named with its row and nothing is
written. Then all are recorded in one transaction (:func:`ashyq.pipeline.review_batch.answer_all`, the
run's next revision each): a row the rule cannot score refuses the whole workbook, naming the row,
and no answer of it is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ashyq.base.cells import safe_cell
from ashyq.base.strict_files import Cell, FileProblem, FileRefused, Limits, read_bounded, read_xlsx
from ashyq.pipeline.review import Answered, crop_screenshot, open_questions
from ashyq.pipeline.review_batch import Given, RowError, answer_all, check_answers

SHEET = "questions"
HEADERS = (
    "question",
    "run",
    "status",
    "reason_code",
    "question_kk",
    "question_ru",
    "url",
    "selector",
    "quote",
    "screenshot",
    "verdict",
    "reason",
    "assessor",
)
LIMITS = Limits(
    max_bytes=5 * 1024 * 1024, max_rows=5_000, max_columns=len(HEADERS) + 5, max_sheets=3, max_cells=100_000
)


@dataclass
class Imported:
    answered: list[Answered] = field(default_factory=list)
    skipped: int = 0  # rows without a verdict


def export_questions(
    db_url: str | None, run: str, path: Path, out_dir: Path | None = None, body: str | None = None
) -> int:
    """Write the run's open questions to ``path``; crops of the screenshots go to ``<path>.crops/``
    when ``out_dir`` (the run's output folder) has them. Returns how many questions were written."""
    from openpyxl import Workbook

    queue = open_questions(db_url, run, body)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(list(HEADERS))
    for q in queue.questions:
        crop = None
        if out_dir is not None:
            name = q.id.replace(":", "_") + ".png"
            crop = crop_screenshot(out_dir, q, path.parent / f"{path.stem}.crops" / name)
        row: list[str | None] = [
            q.id,
            q.run_id,
            q.status,
            q.reason,
            q.text["kk"],
            q.text["ru"],
            q.url,
            q.selector,
            q.quote,
            str(crop.relative_to(path.parent)) if crop else q.screenshot,
            None,
            None,
            None,
        ]
        sheet.append([safe_cell(v) for v in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return len(queue.questions)


def _text(value: Cell) -> str:
    return "" if value is None else str(value).strip()


def import_answers(db_url: str | None, path: Path, source: str = "spreadsheet") -> Imported:
    """Record the answers of the workbook at ``path``; raises ``FileRefused`` naming each problem's place."""
    sheets = read_xlsx(read_bounded(path, LIMITS), LIMITS, path.name)
    sheet = next((s for s in sheets if s.title == SHEET), None)
    if sheet is None:
        raise FileRefused([FileProblem(f"no sheet named {SHEET!r}", file=path.name)])
    header = {(_text(v)): c for c, v in sheet.row(1).items()}
    missing = [h for h in ("question", "run", "verdict", "reason", "assessor") if h not in header]
    if missing:
        raise FileRefused([FileProblem(f"columns missing: {', '.join(missing)}", file=path.name, sheet=SHEET, row=1)])
    rows = []
    problems: list[FileProblem] = []
    for index, cells in sheet.rows(first=2):
        values = {name: _text(cells.get(column)) for name, column in header.items()}
        if not values.get("verdict"):
            continue
        for name in ("question", "run", "reason", "assessor"):
            if not values.get(name):
                problems.append(FileProblem(f"{name} is empty", file=path.name, sheet=SHEET, row=index))
        rows.append((index, values))
    if problems:
        raise FileRefused(problems)
    done = Imported(skipped=sum(1 for _ in sheet.rows(first=2)) - len(rows))
    given = [Given(v["run"], v["question"], v["verdict"], v["reason"], v["assessor"], source) for _, v in rows]
    checked = check_answers(db_url, given)
    if checked:
        raise FileRefused([FileProblem(str(p), file=path.name, sheet=SHEET, row=rows[p.index][0]) for p in checked])
    try:
        done.answered = answer_all(db_url, given)
    except RowError as error:
        raise FileRefused([FileProblem(str(error), file=path.name, sheet=SHEET, row=rows[error.index][0])]) from None
    return done
