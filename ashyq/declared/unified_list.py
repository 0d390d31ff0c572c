"""The Unified list of open data of state bodies (Единый перечень открытых данных государственных
органов / Мемлекеттік органдардың ашық деректерінің бірыңғай тізбесі) as the ministry publishes it:
one table, XLSX or CSV, one row per dataset a body must publish on data.egov.kz and how often.

The layout (docs/unified-list.md; ``ashyq open-data template`` writes it): a header row whose titles
are in Russian or Kazakh — found among the first rows, so a title block above it is fine — then one
row per dataset. Columns may come in any order; unknown columns are ignored.

A file is validated whole before anything is used. A malformed one is refused with the row and the
column of every problem; limits keep a hostile or mistaken file from exhausting the machine.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ashyq.base.cells import safe_text
from ashyq.base.strict_files import FileRefused, Limits, read_bounded, read_xlsx

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 60
MAX_CELL = 2_000
HEADER_SEARCH_ROWS = 10
MAX_PROBLEMS_LISTED = 200
SHEET_RU, SHEET_KK = "Единый перечень", "Бірыңғай тізбе"


@dataclass(frozen=True)
class Column:
    key: str
    ru: str
    kk: str
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("number", "№ п/п", "Р/с №"),
    Column("code", "Код набора данных", "Деректер жиынтығының коды", True),
    Column("name_kk", "Наименование набора данных на казахском языке", "Деректер жиынтығының қазақ тіліндегі атауы",
           True),
    Column("name_ru", "Наименование набора данных на русском языке", "Деректер жиынтығының орыс тіліндегі атауы", True),
    Column("body", "Наименование государственного органа", "Мемлекеттік органның атауы", True),
    Column("bin", "БИН государственного органа", "Мемлекеттік органның БСН"),
    Column("periodicity", "Периодичность актуализации", "Өзектендіру кезеңділігі", True),
    Column("api_uri", "Идентификатор набора на портале открытых данных",
           "Ашық деректер порталындағы жиынтық идентификаторы"),
    Column("deadline", "Срок размещения", "Орналастыру мерзімі"),
)  # fmt: skip
# data.egov.kz's actualizeType → (ru, kk) as the list writes it
PERIODICITY: dict[str, tuple[str, str]] = {
    "DAILY": ("Ежедневно", "Күн сайын"),
    "WEEKLY": ("Еженедельно", "Апта сайын"),
    "MONTHLY": ("Ежемесячно", "Ай сайын"),
    "QUARTERLY": ("Ежеквартально", "Тоқсан сайын"),
    "HALF_YEAR": ("Раз в полгода", "Жарты жылда бір рет"),
    "YEARLY": ("Ежегодно", "Жыл сайын"),
    "AS_NEEDED": ("По мере необходимости", "Қажеттілігіне қарай"),
}
_API_URI = re.compile(r"^[a-z0-9][a-z0-9_]{0,119}$")
_BIN = re.compile(r"^\d{12}$")


@dataclass(frozen=True)
class Entry:
    """One dataset of the list, where it came from (``row``), for which body, how often."""

    row: int
    code: str
    name_kk: str
    name_ru: str
    body: str
    actualize_type: str
    bin: str | None = None
    api_uri: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None  # the column's letter (XLSX) or number (CSV)
    title: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None or self.title:
            where.append(
                "column" + (f" {self.column}" if self.column else "") + (f" «{self.title}»" if self.title else "")
            )
        return f"{', '.join(where) or 'file'}: {self.message}"


class ListRefused(Exception):
    """The file was refused whole; ``problems`` says everything wrong, one per line."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))

    def lines(self) -> list[str]:
        shown = [f"{self.source}: {p}" for p in self.problems[:MAX_PROBLEMS_LISTED]]
        if len(self.problems) > MAX_PROBLEMS_LISTED:
            shown.append(f"{self.source}: … and {len(self.problems) - MAX_PROBLEMS_LISTED} more problems")
        return shown


@dataclass(frozen=True)
class LoadedList:
    entries: list[Entry]
    source: str  # the file's name
    sha256: str
    bodies: list[str]  # the bodies named, in order


def normal(text: str) -> str:
    text = re.sub(r"[«»\"“”*]", " ", text)
    return " ".join(text.split()).casefold()


_BY_TITLE = {normal(title): c for c in COLUMNS for title in (c.ru, c.kk)}
_PERIOD_BY_TEXT = {normal(t): key for key, titles in PERIODICITY.items() for t in (key, *titles)}


# ---------------------------------------------------------------------------------------------- reading
# The workbook is read by the strict reader (docs/limits.md): the zip checked before it is unpacked,
# the sheets streamed, a cell beyond the limits or a formula a problem at its address.
# Cells in all: the list's nine columns and a few of notes, 20 per row (openpyxl holds every shared
# string and the reader every value: 400,000 of them stay well under 300 MB).
MAX_CELLS = 400_000
XLSX_LIMITS = Limits(
    max_bytes=MAX_BYTES,
    max_rows=MAX_ROWS,
    max_columns=MAX_COLUMNS,
    max_text=32_767,
    max_sheets=20,
    max_cells=MAX_CELLS,
)


def _rows_xlsx(path: Path) -> Iterator[tuple[int, list[Any]]]:
    try:
        sheets = read_xlsx(read_bounded(path, XLSX_LIMITS), XLSX_LIMITS, path.name)
    except FileRefused as refused:
        raise ListRefused(
            path.name,
            [
                Problem(p.row, p.column, None, f"{p.sheet}: {p.message}" if p.sheet else p.message)
                for p in refused.problems
            ],
        ) from None
    if not sheets:
        raise ListRefused(path.name, [Problem(None, None, None, "a workbook without a sheet")])
    sheet = next((s for s in sheets if s.title in (SHEET_RU, SHEET_KK)), sheets[0])
    for number, cells in sheet.rows():
        width = max(cells) if cells else 0
        yield number, [cells.get(column) for column in range(1, width + 1)]


def _rows_csv(path: Path) -> Iterator[tuple[int, list[Any]]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes any byte
        raise ListRefused(path.name, [Problem(None, None, None, "not UTF-8 or Windows-1251 text")])
    if "\0" in text:
        raise ListRefused(path.name, [Problem(None, None, None, "a binary file, not CSV text")])
    head = text[:4096]
    delimiter = ";" if head.count(";") > head.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, values in enumerate(reader, start=1):
            yield number, list(values)
    except csv.Error as error:
        raise ListRefused(path.name, [Problem(reader.line_num, None, None, f"broken CSV: {error}")]) from None


def _letter(index: int, xlsx: bool) -> str:
    return get_column_letter(index + 1) if xlsx else str(index + 1)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _header(rows: list[tuple[int, list[Any]]]) -> tuple[int, dict[int, Column]] | None:
    for number, values in rows[:HEADER_SEARCH_ROWS]:
        found = {i: _BY_TITLE[normal(_text(v))] for i, v in enumerate(values) if normal(_text(v)) in _BY_TITLE}
        if len({c.key for c in found.values()}) >= 3:
            return number, found
    return None


def load_unified_list(path: Path) -> LoadedList:
    """Read and validate the whole file; :class:`ListRefused` with every problem otherwise."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ListRefused(name, [Problem(None, None, None, f"cannot be read: {error.strerror}")]) from None
    if size > MAX_BYTES:
        raise ListRefused(name, [Problem(None, None, None, f"{size} bytes, more than the {MAX_BYTES} allowed")])
    xlsx = path.suffix.lower() in (".xlsx", ".xlsm")
    if not xlsx and path.suffix.lower() not in (".csv", ".txt"):
        raise ListRefused(name, [Problem(None, None, None, "the list is an .xlsx workbook or a .csv file")])
    rows: list[tuple[int, list[Any]]] = []
    for number, values in _rows_xlsx(path) if xlsx else _rows_csv(path):
        if number > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise ListRefused(name, [Problem(number, None, None, f"more than {MAX_ROWS} rows")])
        if len(values) > MAX_COLUMNS and any(_text(v) for v in values[MAX_COLUMNS:]):
            raise ListRefused(name, [Problem(number, None, None, f"more than {MAX_COLUMNS} columns")])
        rows.append((number, values[:MAX_COLUMNS]))
    header = _header(rows)
    if header is None:
        titles = "; ".join(f"«{c.ru}» / «{c.kk}»" for c in COLUMNS if c.required)
        raise ListRefused(name, [Problem(None, None, None, f"no header row with the list's columns ({titles})")])
    header_row, columns = header
    problems = [
        Problem(header_row, None, c.ru, "this column is missing")
        for c in COLUMNS
        if c.required and c not in columns.values()
    ]
    seen_keys: dict[str, int] = {}
    for index, column in columns.items():
        if column.key in seen_keys:
            problems.append(Problem(header_row, _letter(index, xlsx), column.ru, "this column is given twice"))
        seen_keys[column.key] = index
    if problems:
        raise ListRefused(name, problems)
    data = [
        (number, values)
        for number, values in rows
        if number > header_row
        and any(_text(v) for v in values)
        and sum(normal(_text(v)) in _BY_TITLE for v in values) < 3  # not the header again in the other language
    ]
    if len(data) > MAX_ROWS:
        raise ListRefused(name, [Problem(data[MAX_ROWS][0], None, None, f"more than {MAX_ROWS} dataset rows")])
    entries: list[Entry] = []
    codes: dict[str, int] = {}
    code_column = seen_keys["code"]
    for number, values in data:
        entry, found = _entry(number, values, columns, xlsx)
        problems += found
        code = _text(values[code_column] if code_column < len(values) else None)
        if code and code in codes:
            message = f"{code!r} is already on row {codes[code]}"
            problems.append(Problem(number, _letter(code_column, xlsx), columns[code_column].ru, message))
        codes.setdefault(code, number)
        if entry is not None:
            entries.append(entry)
    if not entries and not problems:
        problems.append(Problem(header_row + 1, None, None, "the list has no dataset rows"))
    if problems:
        raise ListRefused(name, problems)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return LoadedList(entries, name, digest, list(dict.fromkeys(e.body for e in entries)))


def _entry(
    number: int, values: list[Any], columns: dict[int, Column], xlsx: bool
) -> tuple[Entry | None, list[Problem]]:
    cells: dict[str, str] = {}
    problems: list[Problem] = []
    for index, column in columns.items():
        text = _text(values[index] if index < len(values) else None)
        where = (number, _letter(index, xlsx), column.ru)
        if len(text) > MAX_CELL:
            problems.append(Problem(*where, f"longer than {MAX_CELL} characters"))
            continue
        if not text:
            if column.required:
                problems.append(Problem(*where, "empty"))
            continue
        if column.key == "periodicity":
            key = _PERIOD_BY_TEXT.get(normal(text))
            if key is None:
                choices = "; ".join(ru for ru, _ in PERIODICITY.values())
                problems.append(Problem(*where, f"«{text[:80]}» is not one of: {choices}"))
                continue
            text = key
        elif column.key == "bin" and not _BIN.match(text):
            problems.append(Problem(*where, f"«{text[:40]}» is not a 12-digit BIN"))
            continue
        elif column.key == "api_uri" and not _API_URI.match(text):
            problems.append(Problem(*where, f"«{text[:80]}» is not a portal index (lower-case letters, digits, _)"))
            continue
        cells[column.key] = text
    if problems or not all(k in cells for k in ("code", "name_kk", "name_ru", "body", "periodicity")):
        return None, problems
    entry = Entry(number, cells["code"], cells["name_kk"], cells["name_ru"], cells["body"], cells["periodicity"],
                  cells.get("bin"), cells.get("api_uri"))  # fmt: skip
    return entry, problems


# ---------------------------------------------------------------------------------------------- writing
def write_unified_list(entries: Iterable[Entry], path: Path, title: str | None = None) -> Path:
    """The list as the ministry publishes it (a title line, the header in Russian and Kazakh); empty
    entries give a template to fill in. ``.csv`` writes a plain table (``;``, UTF-8 with BOM)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [
        [n, *map(safe_text, (e.code, e.name_kk, e.name_ru, e.body)), safe_text(e.bin or ""),
         PERIODICITY[e.actualize_type][0], safe_text(e.api_uri or ""), ""]
        for n, e in enumerate(entries, start=1)
    ]  # fmt: skip
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow([c.ru for c in COLUMNS])
            writer.writerows(rows)
        return path
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET_RU
    sheet.append([safe_text(title or "Единый перечень открытых данных государственных органов")])
    sheet.append([c.ru for c in COLUMNS])
    sheet.append([c.kk for c in COLUMNS])
    for row in rows:
        sheet.append(row)
    sheet["A1"].font = Font(bold=True, size=12)
    for index, width in enumerate((6, 18, 48, 48, 48, 14, 20, 32, 14), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        for cell in (sheet.cell(2, index), sheet.cell(3, index)):
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A4"
    workbook.save(path)
    return path
