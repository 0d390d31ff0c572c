"""Reading a filled report: an XLSX workbook (the template of :mod:`ashyq.declared.template`), a YAML
file or a folder of CSV files. The whole file is validated before anything is used: a bad file is
refused whole, with the sheet, row and column of every problem.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from pydantic import BaseModel, ValidationError

from ashyq.base.forms import FORMS, ColumnSpec, DeclaredReport, Form, columns_of, forms_for
from ashyq.base.text import normalise
from ashyq.net.egress import EgressPolicy, Refusal, target_of

# Where the template puts things (1-based Excel rows): form title ru/kk, column titles ru/kk, data.
TITLE_ROWS = (1, 2)
HEADER_RU, HEADER_KK = 3, 4
FIRST_DATA_ROW = 5
INSTRUCTIONS_SHEETS = ("Инструкция", "Нұсқаулық")
_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y")


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
            where.append(f"column {self.column}" + (f" «{self.title}»" if self.title else ""))
        return f"{', '.join(where)}: {self.message}"


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
def _header_map(ws: Any, form: Form, problems: list[Problem]) -> dict[str, int]:
    """Column key → column index, found by the ru or the kk title (or the key itself)."""
    by_title: dict[str, int] = {}
    for header_row in (HEADER_RU, HEADER_KK):
        for cell in ws[header_row]:
            if isinstance(cell.value, str) and cell.value.strip():
                by_title.setdefault(_norm(cell.value), cell.column)
    found: dict[str, int] = {}
    for spec in columns_of(form.model):
        for name in (spec.title.ru, spec.title.kk, spec.key):
            index = by_title.get(_norm(name))
            if index is not None:
                found[spec.key] = index
                break
        else:
            problems.append(Problem(ws.title, HEADER_RU, None, spec.title.ru, f"missing column «{spec.title.ru}»"))
    return found


def _sheet_rows(ws: Any, form: Form, columns: dict[str, int]) -> list[_RowSource]:
    rows = []
    for cells in ws.iter_rows(min_row=FIRST_DATA_ROW):
        values = {key: cells[index - 1].value if index - 1 < len(cells) else None for key, index in columns.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        line = cells[0].row
        rows.append(_RowSource(ws.title, line, values, {k: get_column_letter(i) for k, i in columns.items()}))
    return rows


def _cover_rows(ws: Any, form: Form, problems: list[Problem]) -> list[_RowSource]:
    """The cover is key/value: titles in columns A (ru) and B (kk), the value in column C."""
    specs = columns_of(form.model)
    by_title = {_norm(n): s.key for s in specs for n in (s.title.ru, s.title.kk, s.key)}
    cells: dict[str, Any] = {}
    where: dict[str, str] = {}
    for row in ws.iter_rows(min_row=HEADER_RU):
        label = next((c.value for c in row[:2] if isinstance(c.value, str) and c.value.strip()), None)
        key = by_title.get(_norm(label)) if label else None
        if key is not None and len(row) >= 3:
            cells[key] = row[2].value
            where[key] = f"C{row[2].row}"
    for spec in specs:
        if spec.key not in cells and spec.required:
            problems.append(Problem(ws.title, None, None, spec.title.ru, f"missing line «{spec.title.ru}»"))
    return [_RowSource(ws.title, 0, cells, where)]


def load_workbook_report(path: Path, ctx: LoadContext) -> DeclaredReport:
    try:
        workbook = load_workbook(path, data_only=True, read_only=False)
    except (InvalidFileException, OSError, KeyError, ValueError) as error:
        raise DeclarationError(
            [Problem(path.name, None, None, None, f"not a readable XLSX workbook: {error}")]
        ) from None
    problems: list[Problem] = []
    wanted = forms_for(ctx.body_kind)
    by_name = {name: f for f in FORMS for name in (f.sheet_ru, f.sheet_kk)}
    sheets: dict[str, Any] = {}
    for ws in workbook.worksheets:
        form = by_name.get(ws.title.strip())
        if form is None:
            if ws.title.strip() not in INSTRUCTIONS_SHEETS:
                problems.append(Problem(ws.title, None, None, None, "unknown sheet (not a form of Appendix 9)"))
        elif form not in wanted:
            problems.append(
                Problem(ws.title, None, None, None, f"this form is not filled by a {ctx.body_kind.upper()}")
            )
        else:
            sheets[form.key] = ws
    for form in wanted:
        if form.key not in sheets:
            problems.append(Problem(form.sheet_ru, None, None, None, "missing sheet"))
    data: dict[str, Any] = {}
    for form in wanted:
        ws = sheets.get(form.key)
        if ws is None:
            continue
        if form.list_form:
            columns = _header_map(ws, form, problems)
            data[form.key] = _validate_rows(form, _sheet_rows(ws, form, columns), ctx, problems)
        else:
            rows = _cover_rows(ws, form, problems)
            _fill_period(rows[0], ctx)
            found = _validate_rows(form, rows, ctx, problems)
            if found:
                data[form.key] = found[0]
                _check_cover(found[0], ctx, ws.title, problems)
    return _finish(data, problems)


def _fill_period(cover: _RowSource, ctx: LoadContext) -> None:
    if ctx.period and not cover.cells.get("period"):
        cover.cells["period"] = ctx.period


def _finish(data: dict[str, Any], problems: list[Problem]) -> DeclaredReport:
    if problems or "general" not in data:
        raise DeclarationError(problems or [Problem("general", None, None, None, "the cover is missing")])
    return DeclaredReport.model_validate(data)


# ---------------------------------------------------------------------------------------------- YAML, CSV
def _list_sources(form: Form, items: Any, problems: list[Problem]) -> list[_RowSource]:
    if not isinstance(items, list):
        problems.append(Problem(form.key, None, None, None, "must be a list of rows"))
        return []
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


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


def load_csv_folder(folder: Path, ctx: LoadContext) -> DeclaredReport:
    """``general.csv`` (columns key,value) and one ``<form key>.csv`` per form, headed by field keys."""
    raw: dict[str, Any] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.csv")):
        rows = _read_csv(path)
        if path.stem == "general":
            if rows and not {"key", "value"} <= set(rows[0]):
                problems.append(Problem(path.name, 1, None, None, "general.csv has the columns key,value"))
                continue
            raw["general"] = {r["key"]: r["value"] for r in rows}
        else:
            raw[path.stem] = [{k: v for k, v in r.items() if v not in (None, "")} for r in rows]
    if problems:
        raise DeclarationError(problems)
    return load_mapping_report(raw, ctx, folder.name)


# ---------------------------------------------------------------------------------------------- entry
def load_report(path: str | Path, ctx: LoadContext) -> LoadedReport:
    """Read and validate a report from any supported format; raises :class:`DeclarationError`."""
    path = Path(path)
    if path.is_dir():
        digest = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(path.glob("*.csv")))).hexdigest()
        return LoadedReport(load_csv_folder(path, ctx), digest, str(path))
    try:
        content = path.read_bytes()
    except OSError as error:
        raise DeclarationError([Problem(path.name, None, None, None, f"cannot be read: {error.strerror}")]) from None
    digest = hashlib.sha256(content).hexdigest()
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):
        try:
            raw = yaml.safe_load(content.decode("utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as error:
            raise DeclarationError([Problem(path.name, None, None, None, f"not valid YAML: {error}")]) from None
        return LoadedReport(load_mapping_report(raw, ctx, path.name), digest, str(path))
    if suffix == ".xlsx":
        return LoadedReport(load_workbook_report(path, ctx), digest, str(path))
    raise DeclarationError(
        [Problem(path.name, None, None, None, "give an .xlsx workbook, a .yaml file or a CSV folder")]
    )


def report_links(report: DeclaredReport) -> list[tuple[str, BaseModel, str, str]]:
    """Every link the report cites: (form key, row, field, URL), in the order of the forms."""
    out: list[tuple[str, BaseModel, str, str]] = []
    for form in FORMS:
        value = getattr(report, form.key)
        for row in value if isinstance(value, list) else [value]:
            links = row.links() if hasattr(row, "links") else {}
            out.extend((form.key, row, field, url) for field, url in links.items())
    return out
