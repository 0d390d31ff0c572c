"""Reading a filled report: an XLSX workbook (the template of :mod:`ashyq.declared.template`), a YAML
file or a folder of CSV files. The whole file is validated before anything is used: a bad file is
refused whole, with the sheet, row and column of every problem.

A report is a file the audited body hands in, so it is read within limits (:data:`LIMITS`,
docs/limits.md): its size, its rows (per form and in all), columns, nesting and the length of a
cell; YAML without aliases or tags; a cell holds one value (never a list); a formula is a problem at
its cell, never read as empty; an encoding or CSV error is a line of the refusal.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from pydantic import BaseModel, ValidationError

from ashyq.base.forms import FORMS, ColumnSpec, DeclaredReport, Form, columns_of, forms_for
from ashyq.base.strict_files import (
    FileProblem,
    FileRefused,
    Limits,
    Sheet,
    clipped,
    parse_json,
    parse_yaml,
    read_bounded,
    read_csv,
    read_xlsx,
)
from ashyq.base.text import normalise
from ashyq.net.egress import EgressPolicy, Refusal, target_of

# Where the template puts things (1-based Excel rows): form title ru/kk, column titles ru/kk, data.
TITLE_ROWS = (1, 2)
HEADER_RU, HEADER_KK = 3, 4
FIRST_DATA_ROW = 5
INSTRUCTIONS_SHEETS = ("Инструкция", "Нұсқаулық")
_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y")

# How much a report may hold (docs/limits.md). Every row's links are fetched politely one by one, so
# the row limits bound the verification too: 5,000 rows make at most about 10,000 fetches.
LIMITS = Limits(
    max_bytes=10 * 1024 * 1024,
    max_depth=8,
    max_nodes=200_000,
    max_text=32_767,
    max_rows=2_000,
    max_columns=60,
    max_sheets=20,
    max_unpacked=64 * 1024 * 1024,
    max_cells=320_000,  # 5,000 rows of at most 60 columns, and the forms' titles and the instructions
)
MAX_FORM_ROWS = LIMITS.max_rows
MAX_REPORT_ROWS = 5_000
MAX_LINK_CHARS = 2_048
MAX_CSV_FILES = 20
MAX_PROBLEMS = 200
_PLAIN_NAME = re.compile(r"[\w.\- ]{1,80}")  # a column name that can be printed as it is


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file: where (sheet, row, column) and what."""

    sheet: str
    row: int | None
    column: str | None  # Excel letter for workbooks, field name for YAML/CSV
    title: str | None  # the column's title, for people
    message: str

    def __str__(self) -> str:
        where = [self.sheet]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            # a column named by the file itself is quoted when it is not a plain name, so that a
            # hostile name (with ': ' or line breaks) cannot pass for the message
            column = self.column if _PLAIN_NAME.fullmatch(self.column) else repr(self.column).replace(":", "\\x3a")
            where.append(f"column {column}" + (f" «{self.title}»" if self.title else ""))
        return clipped([f"{', '.join(where)}: {self.message}"])[0]


class DeclarationError(Exception):
    """The report was refused; ``problems`` says everything that is wrong, one per line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass(frozen=True)
class LoadedReport:
    report: DeclaredReport
    source_sha256: str
    source: str


@dataclass(frozen=True)
class LoadContext:
    """What the file is checked against: the body it must be about, and whether replica mode is on."""

    body_id: str
    body_kind: str
    allow_internal_links: bool = False  # replica mode only
    period: str | None = None  # --period overrides an empty cover cell, never a different one


# ---------------------------------------------------------------------------------------------- cells
def _norm(title: str) -> str:
    """A title as compared: spacing, case and the template's "required" star do not matter."""
    return normalise(title.replace("*", " "))


def _cell_value(spec: ColumnSpec, raw: Any) -> tuple[Any, str | None]:
    """The cell as the model wants it, or a problem message."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if not isinstance(raw, str | int | float | bool | dt.date | dt.datetime):
        kind = "a list" if isinstance(raw, list) else "a mapping" if isinstance(raw, dict) else type(raw).__name__
        return None, f"one value is expected, not {kind}"
    if spec.type == "date":
        if isinstance(raw, dt.datetime):
            return raw.date(), None
        if isinstance(raw, dt.date):
            return raw, None
        text = str(raw).strip()
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date(), None
            except ValueError:
                continue
        return None, f"unparsable date {text!r} (write dd.mm.yyyy)"
    if spec.type in ("int", "number"):
        if isinstance(raw, bool):
            return None, f"a number is expected, got {raw!r}"
        if isinstance(raw, int | float):
            if spec.type == "int" and float(raw) != int(raw):
                return None, f"a whole number is expected, got {raw!r}"
            return (int(raw) if spec.type == "int" else float(raw)), None
        text = str(raw).strip().replace(",", ".").rstrip("%").strip()
        try:
            number = float(text)
        except ValueError:
            return None, f"a number is expected, got {raw!r}"
        if spec.type == "int" and number != int(number):
            return None, f"a whole number is expected, got {raw!r}"
        return (int(number) if spec.type == "int" else number), None
    if spec.type == "row":
        if isinstance(raw, float) and raw.is_integer():
            return str(int(raw)), None
        return str(raw).strip(), None
    if isinstance(raw, bool) and spec.type == "bool":
        return raw, None
    if isinstance(raw, int | float | dt.date) and not isinstance(raw, bool):
        if spec.key.endswith("_no") and isinstance(raw, int | float):
            return str(int(raw)) if float(raw).is_integer() else str(raw), None  # register numbers typed as numbers
        return None, f"text is expected, got the {type(raw).__name__} {raw!r}"
    return str(raw).strip(), None


def _link_problem(url: str, allow_internal: bool) -> str | None:
    if len(url) > MAX_LINK_CHARS:
        return f"a link of {len(url)} characters; at most {MAX_LINK_CHARS}"
    try:
        target_of(url)
    except Refusal:
        return f"{url!r} is not an http(s) link"
    if not allow_internal:
        try:
            EgressPolicy().check_literal(url)  # a name is judged when the link is fetched
        except Refusal as refusal:
            return f"the link {url!r} is refused: {refusal.detail}"
    return None


# ---------------------------------------------------------------------------------------------- rows
@dataclass
class _RowSource:
    """One row as read from any format, with the address of each of its cells."""

    sheet: str
    line: int  # sheet row, or position in the list
    cells: dict[str, Any]  # field → raw value
    where: dict[str, str]  # field → column letter (workbook) or field name


def _validate_rows(form: Form, rows: Iterable[_RowSource], ctx: LoadContext, problems: list[Problem]) -> list[Any]:
    specs = {c.key: c for c in columns_of(form.model)}
    out = []
    for source in rows:
        values: dict[str, Any] = {}
        bad = False
        for key, raw in source.cells.items():
            spec = specs[key]
            value, message = _cell_value(spec, raw)
            if message is None and spec.type == "url" and value:
                message = _link_problem(value, ctx.allow_internal_links)
            if message is not None:
                problems.append(Problem(source.sheet, source.line, source.where.get(key), spec.title.ru, message))
                bad = True
            elif value is not None:
                values[key] = value
        if bad:
            continue
        if form.list_form:
            values["line"] = source.line
        try:
            out.append(form.model.model_validate(values))
        except ValidationError as error:
            problems.extend(_validation_problems(error, source, specs))
    return out


def _validation_problems(error: ValidationError, source: _RowSource, specs: dict[str, ColumnSpec]) -> list[Problem]:
    out = []
    for err in error.errors():
        field = str(err["loc"][0]) if err["loc"] else None
        if field is None or field not in specs:  # a whole-row rule: point at the name column
            field = "title_ru" if "title_ru" in specs else next(iter(specs))
        message = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "missing":
            message = "required, but empty"
        out.append(Problem(source.sheet, source.line, source.where.get(field, field), specs[field].title.ru, message))
    return out


def _check_cover(report_general: Any, ctx: LoadContext, sheet: str, problems: list[Problem]) -> None:
    if report_general.body_id != ctx.body_id:
        problems.append(
            Problem(
                sheet, None, None, None, f"the report is about body {report_general.body_id!r}, not {ctx.body_id!r}"
            )
        )


# ---------------------------------------------------------------------------------------------- XLSX
def _header_map(sheet: Sheet, form: Form, problems: list[Problem]) -> dict[str, int]:
    """Column key → column index, found by the ru or the kk title (or the key itself)."""
    by_title: dict[str, int] = {}
    for header_row in (HEADER_RU, HEADER_KK):
        for column, value in sorted(sheet.row(header_row).items()):
            if isinstance(value, str) and value.strip():
                by_title.setdefault(_norm(value), column)
    found: dict[str, int] = {}
    for spec in columns_of(form.model):
        for name in (spec.title.ru, spec.title.kk, spec.key):
            index = by_title.get(_norm(name))
            if index is not None:
                found[spec.key] = index
                break
        else:
            problems.append(Problem(sheet.title, HEADER_RU, None, spec.title.ru, f"missing column «{spec.title.ru}»"))
    return found


def _sheet_rows(sheet: Sheet, columns: dict[str, int]) -> list[_RowSource]:
    rows = []
    letters = {k: get_column_letter(i) for k, i in columns.items()}
    for line, cells in sheet.rows(FIRST_DATA_ROW):
        values = {key: cells.get(index) for key, index in columns.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        rows.append(_RowSource(sheet.title, line, values, letters))
    return rows


def _cover_rows(sheet: Sheet, form: Form, problems: list[Problem]) -> list[_RowSource]:
    """The cover is key/value: titles in columns A (ru) and B (kk), the value in column C."""
    specs = columns_of(form.model)
    by_title = {_norm(n): s.key for s in specs for n in (s.title.ru, s.title.kk, s.key)}
    cells: dict[str, Any] = {}
    where: dict[str, str] = {}
    for line, row in sheet.rows(HEADER_RU):
        label = next((row[c] for c in (1, 2) if isinstance(row.get(c), str) and str(row[c]).strip()), None)
        key = by_title.get(_norm(str(label))) if label else None
        if key is not None:
            cells[key] = row.get(3)
            where[key] = f"C{line}"
    for spec in specs:
        if spec.key not in cells and spec.required:
            problems.append(Problem(sheet.title, None, None, spec.title.ru, f"missing line «{spec.title.ru}»"))
    return [_RowSource(sheet.title, 0, cells, where)]


def load_workbook_report(data: bytes, name: str, ctx: LoadContext) -> DeclaredReport:
    """A report as the template's workbook: every sheet streamed within :data:`LIMITS`."""
    try:
        sheets_read = read_xlsx(data, LIMITS, name)
    except FileRefused as refused:
        raise DeclarationError([_problem(p, name) for p in refused.problems]) from None
    problems: list[Problem] = []
    wanted = forms_for(ctx.body_kind)
    by_name = {name: f for f in FORMS for name in (f.sheet_ru, f.sheet_kk)}
    sheets: dict[str, Sheet] = {}
    for read in sheets_read:
        form = by_name.get(read.title.strip())
        if form is None:
            if read.title.strip() not in INSTRUCTIONS_SHEETS:
                problems.append(Problem(read.title, None, None, None, "unknown sheet (not a form of Appendix 9)"))
        elif form not in wanted:
            problems.append(
                Problem(read.title, None, None, None, f"this form is not filled by a {ctx.body_kind.upper()}")
            )
        else:
            sheets[form.key] = read
    for form in wanted:
        if form.key not in sheets:
            problems.append(Problem(form.sheet_ru, None, None, None, "missing sheet"))
    data_out: dict[str, Any] = {}
    for form in wanted:
        sheet = sheets.get(form.key)
        if sheet is None:
            continue
        if form.list_form:
            columns = _header_map(sheet, form, problems)
            rows = _limited(_sheet_rows(sheet, columns), problems)
            data_out[form.key] = _validate_rows(form, rows, ctx, problems)
        else:
            rows = _cover_rows(sheet, form, problems)
            _fill_period(rows[0], ctx)
            found = _validate_rows(form, rows, ctx, problems)
            if found:
                data_out[form.key] = found[0]
                _check_cover(found[0], ctx, sheet.title, problems)
    return _finish(data_out, problems)


def _problem(problem: FileProblem, name: str) -> Problem:
    """A reading problem as a line of the refusal: the sheet (or the file) and the place in it."""
    if problem.sheet is not None:
        return Problem(problem.sheet, problem.row, problem.column, None, problem.message)
    where = problem.file or name
    if problem.row is not None:
        return Problem(where, problem.row, problem.column, None, problem.message)
    return Problem(where, None, None, None, problem.message)


def _limited(rows: list[_RowSource], problems: list[Problem]) -> list[_RowSource]:
    """At most :data:`MAX_FORM_ROWS` rows per form (each row's links are fetched politely, one by one)."""
    if len(rows) > MAX_FORM_ROWS:
        extra = rows[MAX_FORM_ROWS]
        problems.append(
            Problem(extra.sheet, extra.line, None, None, f"more than {MAX_FORM_ROWS} rows in one form (the limit)")
        )
        return rows[:MAX_FORM_ROWS]
    return rows


def _fill_period(cover: _RowSource, ctx: LoadContext) -> None:
    if ctx.period and not cover.cells.get("period"):
        cover.cells["period"] = ctx.period


def _finish(data: dict[str, Any], problems: list[Problem]) -> DeclaredReport:
    rows = sum(len(v) for v in data.values() if isinstance(v, list))
    if rows > MAX_REPORT_ROWS:
        problems.append(Problem("report", None, None, None, f"{rows} rows in all; at most {MAX_REPORT_ROWS}"))
    if problems or "general" not in data:
        raise DeclarationError(_trimmed(problems) or [Problem("general", None, None, None, "the cover is missing")])
    return DeclaredReport.model_validate(data)


def _trimmed(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem("report", None, None, None, f"… and {more} more problems")]


# ---------------------------------------------------------------------------------------------- YAML, CSV
def _list_sources(form: Form, items: Any, problems: list[Problem]) -> list[_RowSource]:
    if not isinstance(items, list):
        problems.append(Problem(form.key, None, None, None, "must be a list of rows"))
        return []
    if len(items) > MAX_FORM_ROWS:
        problems.append(Problem(form.key, MAX_FORM_ROWS + 1, None, None, f"more than {MAX_FORM_ROWS} rows (the limit)"))
        items = items[:MAX_FORM_ROWS]
    keys = {c.key for c in columns_of(form.model)}
    out = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problems.append(Problem(form.key, n, None, None, "a row must be a mapping of column → value"))
            continue
        unknown = sorted(set(map(str, item)) - keys)
        for key in unknown:
            problems.append(Problem(form.key, n, key, None, "unknown column"))
        cells = {str(k): v for k, v in item.items() if str(k) in keys}
        out.append(_RowSource(form.key, n, cells, {k: k for k in keys}))
    return out


def load_mapping_report(raw: Any, ctx: LoadContext, name: str) -> DeclaredReport:
    """A report given as a mapping (the YAML form): ``general`` plus one list per form key."""
    if not isinstance(raw, dict):
        raise DeclarationError([Problem(name, None, None, None, "must be a mapping with 'general' and the forms")])
    problems: list[Problem] = []
    wanted = {f.key: f for f in forms_for(ctx.body_kind)}
    for key in raw:
        if key == "format":
            continue
        if not isinstance(key, str) or not key.strip():
            problems.append(Problem(name, None, None, None, f"unknown form {str(key)[:40]!r}"))
            continue
        if key not in wanted:
            known = key in {f.key for f in FORMS}
            problems.append(
                Problem(str(key), None, None, None, "form not filled by this body kind" if known else "unknown form")
            )
    data: dict[str, Any] = {}
    for key, form in wanted.items():
        if form.list_form:
            data[key] = _validate_rows(form, _list_sources(form, raw.get(key, []), problems), ctx, problems)
            continue
        cover = raw.get(key)
        if not isinstance(cover, dict):
            problems.append(Problem(key, None, None, None, "missing cover (body_id, period …)"))
            continue
        source = _list_sources(form, [cover], problems)[0]
        source.line = 0
        _fill_period(source, ctx)
        found = _validate_rows(form, [source], ctx, problems)
        if found:
            data[key] = found[0]
            _check_cover(found[0], ctx, key, problems)
    return _finish(data, problems)


def _csv_rows(name: str, data: bytes, problems: list[Problem]) -> list[dict[str, str]] | None:
    try:
        table = read_csv(data, LIMITS, name)
    except FileRefused as refused:
        problems.extend(_problem(p, name) for p in refused.problems)
        return None
    header = [h.strip() for h in table.header]
    out = []
    for line, row in table.rows:
        if len(row) > len(header):
            problems.append(Problem(name, line, str(len(header) + 1), None, "more fields than the header names"))
            continue
        out.append({header[i]: cell for i, cell in enumerate(row)})
    return out


def load_csv_folder(folder: Path, ctx: LoadContext) -> tuple[DeclaredReport, str]:
    """``general.csv`` (columns key,value) and one ``<form key>.csv`` per form, headed by field keys;
    UTF-8, separated by commas or semicolons. Returns the report and the sha256 of the files."""
    raw: dict[str, Any] = {}
    problems: list[Problem] = []
    paths = sorted(folder.glob("*.csv"))
    if len(paths) > MAX_CSV_FILES:
        raise DeclarationError(
            [Problem(folder.name, None, None, None, f"{len(paths)} CSV files; at most {MAX_CSV_FILES}")]
        )
    digest = hashlib.sha256()
    budget = LIMITS.max_bytes
    for path in paths:
        try:
            data = read_bounded(path, LIMITS.but(max_bytes=budget))
        except FileRefused as refused:
            raise DeclarationError(
                [_problem(p, path.name) for p in refused.problems]
                + (
                    [Problem(folder.name, None, None, None, "the CSV files together exceed the limit")]
                    if budget < LIMITS.max_bytes
                    else []
                )
            ) from None
        budget -= len(data)
        digest.update(data)
        rows = _csv_rows(path.name, data, problems)
        if rows is None:
            continue
        if path.stem == "general":
            if rows and not {"key", "value"} <= set(rows[0]):
                problems.append(Problem(path.name, 1, None, None, "general.csv has the columns key,value"))
                continue
            raw["general"] = {r.get("key", ""): r.get("value", "") for r in rows}
        else:
            raw[path.stem] = [{k: v for k, v in r.items() if v not in (None, "")} for r in rows]
    if problems:
        raise DeclarationError(_trimmed(problems))
    return load_mapping_report(raw, ctx, folder.name), digest.hexdigest()


# ---------------------------------------------------------------------------------------------- entry
def load_report(path: str | Path, ctx: LoadContext) -> LoadedReport:
    """Read and validate a report from any supported format; raises :class:`DeclarationError` (with
    one line per problem, never anything else) for a file it does not accept."""
    path = Path(path)
    if path.is_dir():
        report, digest = load_csv_folder(path, ctx)
        return LoadedReport(report, digest, str(path))
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".json", ".xlsx"):
        raise DeclarationError(
            [Problem(path.name, None, None, None, "give an .xlsx workbook, a .yaml file or a CSV folder")]
        )
    try:
        content = read_bounded(path, LIMITS)
        if suffix == ".xlsx":
            return LoadedReport(load_workbook_report(content, path.name, ctx), _sha256(content), str(path))
        raw = parse_json(content, LIMITS, path.name) if suffix == ".json" else parse_yaml(content, LIMITS, path.name)
    except FileRefused as refused:
        raise DeclarationError([_problem(p, path.name) for p in refused.problems]) from None
    return LoadedReport(load_mapping_report(raw, ctx, path.name), _sha256(content), str(path))


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def report_links(report: DeclaredReport) -> list[tuple[str, BaseModel, str, str]]:
    """Every link the report cites: (form key, row, field, URL), in the order of the forms."""
    out: list[tuple[str, BaseModel, str, str]] = []
    for form in FORMS:
        value = getattr(report, form.key)
        for row in value if isinstance(value, list) else [value]:
            links = row.links() if hasattr(row, "links") else {}
            out.extend((form.key, row, field, url) for field, url in links.items())
    return out
