"""Reading the files people hand in - declared reports, registries, findings, configurations, lists -
strictly and within bounds (docs/limits.md).

A submitted file is hostile input until it is read: it may be large, deep, aliased, mis-encoded, a
zip that unpacks to gigabytes, or a workbook whose one cell sits at XFD1048576. Every reader here
reads at most :attr:`Limits.max_bytes`, refuses what goes beyond a limit as soon as it is seen, and
says *where* (line and column of a YAML or CSV file, sheet and cell of a workbook) in a
:class:`FileProblem`. Nothing here raises anything but :class:`FileRefused` for a bad file.

* YAML: no aliases or anchors (unless a file kind allows them, and then within the node budget, so
  a nested-alias "billion laughs" is refused on the alias that crosses it), no tags, no complex or
  repeated keys; depth, node and scalar-length limits; checked on the parser's events before
  anything is built.
* JSON: no repeated keys; the same depth, node and length limits.
* CSV: UTF-8 only (a Windows-1251 file is refused with the line of its first foreign byte); the
  separator is the header's (``,``, ``;`` or tab); row, column and field-length limits.
* XLSX: the zip's members are checked before anything is unpacked (count and unpacked size); the
  parts' XML is measured before openpyxl builds anything (ashyq.base.workbook_bounds: rows, cells
  per row and in all, shared strings, the claimed dimension); the sheets are streamed row by row;
  a cell beyond the row or column limit, a formula, an error value is a problem at its address -
  never read as empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ashyq.base.workbook_bounds import WorkbookBounds, workbook_overrun

__all__ = [
    "FileProblem",
    "FileRefused",
    "Limits",
    "Sheet",
    "clipped",
    "parse_json",
    "parse_yaml",
    "read_bounded",
    "read_csv",
    "read_structured",
    "read_xlsx",
]


@dataclass(frozen=True)
class Limits:
    """How much one file may hold. Each file kind states its own (docs/limits.md)."""

    max_bytes: int = 10 * 1024 * 1024
    max_depth: int = 16  # nesting of mappings and lists
    max_nodes: int = 500_000  # scalars, mappings and lists together (aliases counted expanded)
    max_text: int = 32_767  # characters of one scalar or cell: a spreadsheet cell's own limit
    max_rows: int = 10_000  # rows of one table (a sheet, a CSV file)
    max_columns: int = 100
    max_sheets: int = 30
    max_unpacked: int = 64 * 1024 * 1024  # an XLSX zip's members, unpacked, together
    max_members: int = 500  # an XLSX zip's members
    max_cells: int = 1_000_000  # an XLSX workbook's cells, all sheets together (and its shared strings)
    aliases: bool = False  # YAML anchors and aliases (only the project's own edition files use them)
    max_problems: int = 200  # problems listed before the rest are counted

    def but(self, **changes: Any) -> Limits:
        return replace(self, **changes)


@dataclass(frozen=True)
class FileProblem:
    """One thing wrong with a file, and where: ``line``/``column`` of a text file or the ``sheet``,
    ``row`` and ``column`` (letter) of a workbook."""

    message: str
    sheet: str | None = None
    row: int | None = None  # a text file's line, a sheet's row
    column: str | None = None  # a text file's column number, a sheet's column letter
    file: str | None = None

    def where(self) -> str:
        parts = [p for p in (self.file, self.sheet) if p]
        if self.row is not None:
            parts.append(f"{'row' if self.sheet else 'line'} {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class FileRefused(Exception):
    """The file was refused; ``problems`` says what is wrong and where, one per line."""

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


def _refuse(message: str, **where: Any) -> FileRefused:
    return FileRefused([FileProblem(message, **where)])


def _shorten(text: str, limit: int = 60) -> str:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(text)


MAX_LINE_CHARS = 1_000


def clipped(lines: list[str], max_lines: int = 200) -> list[str]:
    """Refusal lines fit for a terminal: each at most :data:`MAX_LINE_CHARS` characters (a hostile value
    quoted in a message is cut), at most ``max_lines`` of them and a count of the rest."""
    out = [line if len(line) <= MAX_LINE_CHARS else line[: MAX_LINE_CHARS - 1] + "…" for line in lines[:max_lines]]
    if len(lines) > max_lines:
        out.append(f"… and {len(lines) - max_lines} more problems")
    return out


# --------------------------------------------------------------------------------------------- bytes
def read_bounded(path: Path, limits: Limits, name: str | None = None) -> bytes:
    """The file's bytes, refused when larger than ``limits.max_bytes`` (never read further).
    Problems name the file as ``name`` (default: its file name)."""
    name = path.name if name is None else name
    try:
        with path.open("rb") as handle:
            data = _read_at_most(handle, limits.max_bytes + 1)
    except IsADirectoryError:
        raise _refuse("is a folder, not a file", file=name) from None
    except OSError as error:
        raise _refuse(f"cannot be read: {error.strerror or error}", file=name) from None
    if len(data) > limits.max_bytes:
        raise _refuse(f"larger than {_size(limits.max_bytes)}, the limit for this kind of file", file=name)
    return data


def _read_at_most(handle: Any, count: int) -> bytes:
    """At most ``count`` bytes, read in pieces (one ``read(count)`` would reserve ``count`` bytes at once)."""
    pieces: list[bytes] = []
    left = count
    while left > 0:
        piece = handle.read(min(left, 1024 * 1024))
        if not piece:
            break
        pieces.append(piece)
        left -= len(piece)
    return b"".join(pieces)


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _text(data: bytes, name: str, spreadsheet: bool = False) -> str:
    """UTF-8 (a byte-order mark is allowed); anything else is refused at its line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start : error.start + 1].hex().upper()
        hint = "; save it as UTF-8"
        if _looks_cp1251(data):
            hint += " (it looks like Windows-1251" + (": in Excel choose «CSV UTF-8»)" if spreadsheet else ")")
        raise _refuse(f"not UTF-8 text (byte 0x{byte}){hint}", file=name, row=line) from None


def _looks_cp1251(data: bytes) -> bool:
    sample = data[:4096]
    return sum(0xC0 <= b <= 0xFF for b in sample) > len(sample) // 20


# --------------------------------------------------------------------------------------------- YAML
@dataclass
class _Collection:
    kind: str  # "map" or "seq"
    anchor: str | None
    nodes: int = 1  # this collection's own node and everything under it (aliases expanded)
    keys: set[str] = field(default_factory=set)
    expect_key: bool = True  # mappings alternate key, value


class _YamlEvents:
    """The parser's events of one document, checked one at a time: aliases, tags, complex or repeated
    keys, depth, sizes."""

    def __init__(self, limits: Limits, name: str) -> None:
        self.limits = limits
        self.name = name
        self.stack: list[_Collection] = []
        self.anchored: dict[str, int] = {}  # anchor → its node count, for the aliases' expanded size
        self.total = 0
        self.documents = 0

    def where(self, event: Any) -> dict[str, Any]:
        mark = event.start_mark
        return {"file": self.name, "row": mark.line + 1, "column": str(mark.column + 1)}

    def add(self, count: int, event: Any) -> None:
        self.total += count
        for holder in self.stack:
            holder.nodes += count
        if self.total > self.limits.max_nodes:
            raise _refuse(
                f"more than {self.limits.max_nodes} values (the limit for this kind of file)", **self.where(event)
            )

    def take(self, event: Any) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _refuse("more than one YAML document (a second '---')", **self.where(event))
            return
        if not isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent):
            return
        parent = self.stack[-1] if self.stack else None
        is_key = parent is not None and parent.kind == "map" and parent.expect_key
        if isinstance(event, yaml.CollectionEndEvent):
            self._end()
            return
        if isinstance(event, yaml.AliasEvent):
            self._alias(event, is_key)
        else:
            self._plain(event)
            if not isinstance(event, yaml.ScalarEvent):  # a mapping or a list starts
                self._open(event, is_key)
                return
            self._scalar(event, parent if is_key else None)
        if parent is not None and parent.kind == "map":
            parent.expect_key = not parent.expect_key

    def _end(self) -> None:
        done = self.stack.pop()
        if done.anchor is not None:
            self.anchored[done.anchor] = done.nodes
        if self.stack and self.stack[-1].kind == "map":
            self.stack[-1].expect_key = not self.stack[-1].expect_key

    def _alias(self, event: Any, is_key: bool) -> None:
        if not self.limits.aliases:
            raise _refuse(f"an alias (*{event.anchor}) is not accepted: write the value out", **self.where(event))
        if is_key:
            raise _refuse("a mapping key must be plain text, not an alias", **self.where(event))
        self.add(self.anchored.get(event.anchor or "", 1), event)

    def _plain(self, event: Any) -> None:
        """No anchor where aliases are refused, no explicit tag."""
        if event.anchor is not None and not self.limits.aliases:
            raise _refuse(f"an anchor (&{event.anchor}) is not accepted", **self.where(event))
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit = not (any(implicit) if isinstance(implicit, tuple) else implicit)
        if tag is not None and explicit:
            raise _refuse(f"a tag ({tag}) is not accepted: write plain values", **self.where(event))

    def _scalar(self, event: Any, key_of: _Collection | None) -> None:
        """A scalar; ``key_of``: the mapping it is a key of."""
        if len(event.value) > self.limits.max_text:
            raise _refuse(
                f"a value of {len(event.value)} characters; at most {self.limits.max_text}", **self.where(event)
            )
        if key_of is not None:
            if event.value == "<<":
                raise _refuse("a merge key (<<) is not accepted", **self.where(event))
            if event.value in key_of.keys:
                raise _refuse(f"the key {_shorten(event.value)} is given twice", **self.where(event))
            key_of.keys.add(event.value)
        if event.anchor is not None:
            self.anchored[event.anchor] = 1
        self.add(1, event)

    def _open(self, event: Any, is_key: bool) -> None:
        if is_key:
            raise _refuse("a mapping key must be plain text, not a mapping or a list", **self.where(event))
        if len(self.stack) >= self.limits.max_depth:
            raise _refuse(f"nested deeper than {self.limits.max_depth} levels", **self.where(event))
        self.add(1, event)
        kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
        self.stack.append(_Collection(kind, event.anchor))


def _check_events(text: str, limits: Limits, name: str) -> None:
    """Refuse aliases, tags, complex or repeated keys and anything beyond a limit, on the parser's
    events - before a single object is built (a nested-alias file stops at its first alias)."""
    events = _YamlEvents(limits, name)
    try:
        for event in yaml.parse(text, Loader=_YamlLoader):
            events.take(event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(str(p) for p in (error.context, error.problem) if p) or "not valid YAML"
        if mark is None:
            raise _refuse(f"not valid YAML: {problem}", file=name) from None
        raise _refuse(f"not valid YAML: {problem}", file=name, row=mark.line + 1, column=str(mark.column + 1)) from None
    except yaml.YAMLError as error:
        raise _refuse(f"not valid YAML: {str(error)[:200]}", file=name) from None


class _YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (libyaml where installed); the checks above run first."""


def safe_yaml(text: str) -> Any:
    """``yaml.safe_load`` through libyaml where installed (a fifth of the pure-Python reader's time),
    for the project's own files; what comes from outside goes through :func:`parse_yaml`."""
    return yaml.load(text, Loader=_YamlLoader)


def _bounded_text(data: bytes | str, limits: Limits, name: str) -> str:
    """Text as given, or bytes within the size limit decoded."""
    if isinstance(data, str):
        return data
    if len(data) > limits.max_bytes:
        raise _refuse(f"larger than {_size(limits.max_bytes)}", file=name)
    return _text(data, name)


def parse_yaml(data: bytes | str, limits: Limits, name: str = "") -> Any:
    """A YAML document within ``limits``: mappings, lists and plain scalars (text, numbers, booleans,
    dates, null) only."""
    text = _bounded_text(data, limits, name)
    if "\x00" in text:
        raise _refuse("holds a NUL character: not a text file", file=name)
    _check_events(text, limits, name)
    try:
        return yaml.load(text, Loader=_YamlLoader)  # a safe loader; the events were checked above
    except yaml.YAMLError as error:  # e.g. an impossible date
        mark = getattr(error, "problem_mark", None)
        where: dict[str, Any] = {"file": name}
        if mark is not None:
            where.update(row=mark.line + 1, column=str(mark.column + 1))
        problem = getattr(error, "problem", None) or str(error)[:200]
        raise _refuse(f"not valid YAML: {problem}", **where) from None
    except (ValueError, OverflowError) as error:  # a date such as 2025-02-30 fails in the constructor
        raise _refuse(f"not valid YAML: {error}", file=name) from None


# --------------------------------------------------------------------------------------------- JSON
def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key {_shorten(key)} is given twice")
        out[key] = value
    return out


def parse_json(data: bytes | str, limits: Limits, name: str = "") -> Any:
    """A JSON document within ``limits`` (depth, values, text length; no repeated keys)."""
    text = _bounded_text(data, limits, name)
    try:
        value = json.loads(text, object_pairs_hook=_no_repeats)
    except json.JSONDecodeError as error:
        raise _refuse(f"not valid JSON: {error.msg}", file=name, row=error.lineno, column=str(error.colno)) from None
    except RecursionError:
        raise _refuse(f"nested deeper than {limits.max_depth} levels", file=name) from None
    except ValueError as error:
        raise _refuse(f"not valid JSON: {error}", file=name) from None
    _check_tree(value, limits, name)
    return value


def _check_tree(value: Any, limits: Limits, name: str) -> None:
    """Depth, node and text limits over a parsed tree, without recursion."""
    count = 0
    pending: list[tuple[Any, int, str]] = [(value, 0, "")]
    while pending:
        node, depth, path = pending.pop()
        count += 1
        if count > limits.max_nodes:
            raise _refuse(f"more than {limits.max_nodes} values (the limit for this kind of file)", file=name)
        if isinstance(node, dict | list):
            if depth >= limits.max_depth:
                raise _refuse(f"{path or 'the top'}: nested deeper than {limits.max_depth} levels", file=name)
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for key, child in items:
                if isinstance(key, str) and len(key) > limits.max_text:
                    raise _refuse(f"{path or 'the top'}: a key of {len(key)} characters", file=name)
                pending.append((child, depth + 1, f"{path}.{key}" if path else str(key)))
        elif isinstance(node, str) and len(node) > limits.max_text:
            raise _refuse(f"{path}: a value of {len(node)} characters; at most {limits.max_text}", file=name)


def read_structured(path: Path, limits: Limits, name: str | None = None) -> Any:
    """A ``.json``, ``.yaml`` or ``.yml`` file within ``limits`` (JSON for any other suffix)."""
    name = path.name if name is None else name
    data = read_bounded(path, limits, name)
    if path.suffix.lower() in (".yaml", ".yml"):
        return parse_yaml(data, limits, name)
    return parse_json(data, limits, name)


# --------------------------------------------------------------------------------------------- CSV
@dataclass(frozen=True)
class CsvTable:
    """A CSV file as read: its header and rows, each with the line it starts on."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    delimiter: str


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(data: bytes, limits: Limits, name: str = "") -> CsvTable:
    """A CSV file within ``limits``: UTF-8, separated by ``,``, ``;`` or tab (the header's), every
    problem at its line."""
    if len(data) > limits.max_bytes:
        raise _refuse(f"larger than {_size(limits.max_bytes)}", file=name)
    text = _text(data, name, spreadsheet=True)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise _refuse("holds a NUL character: not a text file", file=name, row=line)
    delimiter = _delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    old_limit = csv.field_size_limit()
    csv.field_size_limit(limits.max_text + 1)
    try:
        line = 1
        for row in reader:
            if len(row) > limits.max_columns:
                raise _refuse(f"{len(row)} columns; at most {limits.max_columns}", file=name, row=line)
            for index, cell in enumerate(row, start=1):
                if len(cell) > limits.max_text:
                    raise _refuse(
                        f"a field of {len(cell)} characters; at most {limits.max_text}",
                        file=name,
                        row=line,
                        column=str(index),
                    )
            if header is None:
                header = row
            elif any(cell.strip() for cell in row):
                if len(rows) >= limits.max_rows:
                    raise _refuse(f"more than {limits.max_rows} rows", file=name, row=line)
                rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as error:
        message = str(error)
        if "field larger than field limit" in message:
            message = f"a field longer than {limits.max_text} characters"
        raise _refuse(f"not a readable CSV file: {message}", file=name, row=reader.line_num or 1) from None
    finally:
        csv.field_size_limit(old_limit)
    return CsvTable(header or [], rows, delimiter)


# --------------------------------------------------------------------------------------------- XLSX
Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None


@dataclass
class Sheet:
    """One worksheet as read: ``cells[row][column]`` (1-based) of the cells that hold a value."""

    title: str
    cells: dict[int, dict[int, Cell]] = field(default_factory=dict)

    def row(self, index: int) -> dict[int, Cell]:
        return self.cells.get(index, {})

    def rows(self, first: int = 1) -> Iterator[tuple[int, dict[int, Cell]]]:
        for index in sorted(self.cells):
            if index >= first:
                yield index, self.cells[index]


def _column_letter(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "?"


def _check_zip(data: bytes, limits: Limits, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        looks = "; it looks like a CSV or text file" if data[:1] not in (b"P", b"") and b"," in data[:2048] else ""
        raise _refuse(f"not an XLSX workbook (not a zip archive{looks})", file=name) from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_members:
            raise _refuse(f"{len(members)} parts in the workbook; at most {limits.max_members}", file=name)
        unpacked = sum(m.file_size for m in members)
        if unpacked > limits.max_unpacked:
            raise _refuse(
                f"unpacks to {_size(unpacked)}; at most {_size(limits.max_unpacked)} (a workbook this large is "
                "not a report)",
                file=name,
            )
        names = {m.filename for m in members}
        if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
            raise _refuse("not an XLSX workbook (a zip without a workbook part)", file=name)


def read_xlsx(data: bytes, limits: Limits, name: str = "") -> list[Sheet]:
    """Every worksheet of a workbook within ``limits``, streamed; formula and error cells, cells
    beyond the limits and over-long text are problems at their address."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if len(data) > limits.max_bytes:
        raise _refuse(f"larger than {_size(limits.max_bytes)}", file=name)
    _check_zip(data, limits, name)
    _check_bounds(data, limits, name)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        raise _refuse(f"not a readable XLSX workbook ({type(error).__name__}: {error})"[:300], file=name) from None
    except Exception as error:  # a malformed part: openpyxl's parsers raise many kinds
        raise _refuse(f"not a readable XLSX workbook ({type(error).__name__})", file=name) from None
    try:
        if len(workbook.worksheets) > limits.max_sheets:
            raise _refuse(f"{len(workbook.worksheets)} sheets; at most {limits.max_sheets}", file=name)
        problems: list[FileProblem] = []
        sheets = [_read_sheet(workbook, ws, limits, name, problems) for ws in workbook.worksheets]
    finally:
        workbook.close()
    if problems:
        raise FileRefused(problems[: limits.max_problems] + _more(problems, limits))
    return sheets


def _check_bounds(data: bytes, limits: Limits, name: str) -> None:
    """Refuse, with its place, a workbook that would be too large once built (before openpyxl builds it)."""
    bounds = WorkbookBounds(max_columns=limits.max_columns, max_cells=limits.max_cells)
    overrun = workbook_overrun(data, bounds)
    if overrun is not None:
        raise _refuse(overrun.message, file=name, sheet=overrun.sheet, row=overrun.row, column=overrun.column)


def _more(problems: list[FileProblem], limits: Limits) -> list[FileProblem]:
    extra = len(problems) - limits.max_problems
    return [FileProblem(f"… and {extra} more problems")] if extra > 0 else []


def _read_sheet(workbook: Any, ws: Any, limits: Limits, name: str, problems: list[FileProblem]) -> Sheet:
    from openpyxl.worksheet._reader import WorkSheetParser

    sheet = Sheet(str(ws.title))
    rows_with_values = 0
    try:
        with ws._get_source() as source:
            parser = WorkSheetParser(
                source,
                ws._shared_strings,
                data_only=False,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            for row_index, cells in parser.parse():
                values: dict[int, Cell] = {}
                for cell in cells:
                    value, column = cell["value"], int(cell["column"])
                    if value is None or (isinstance(value, str) and not value.strip()):
                        continue
                    address = f"{_column_letter(column)}{row_index}"
                    at = {"file": name, "sheet": sheet.title, "row": row_index, "column": _column_letter(column)}
                    if row_index > limits.max_rows + 10 or column > limits.max_columns:
                        problems.append(
                            FileProblem(
                                f"a value at {address}, beyond the {limits.max_rows} rows and {limits.max_columns} "
                                "columns a sheet may use",
                                **at,
                            )
                        )
                        raise _StopSheet
                    if cell["data_type"] == "f":
                        formula = str(getattr(value, "text", value))
                        problems.append(
                            FileProblem(f"a formula ({_shorten(formula, 40)}) is not read: type its value", **at)
                        )
                        continue
                    if cell["data_type"] == "e":
                        problems.append(FileProblem(f"an error value ({value}) instead of data", **at))
                        continue
                    if isinstance(value, str) and len(value) > limits.max_text:
                        problems.append(
                            FileProblem(f"a value of {len(value)} characters; at most {limits.max_text}", **at)
                        )
                        continue
                    values[column] = value
                if values:
                    rows_with_values += 1
                    if rows_with_values > limits.max_rows + 10:  # the template's title and header rows
                        problems.append(
                            FileProblem(
                                f"more than {limits.max_rows} rows", file=name, sheet=sheet.title, row=row_index
                            )
                        )
                        raise _StopSheet
                    sheet.cells[row_index] = values
                if len(problems) > limits.max_problems:
                    raise _StopSheet
    except _StopSheet:
        pass
    except Exception as error:  # malformed sheet XML
        problems.append(
            FileProblem(
                f"the sheet cannot be read ({type(error).__name__}: {error})"[:300], file=name, sheet=sheet.title
            )
        )
    return sheet


class _StopSheet(Exception):
    """The sheet went beyond a limit: reading it further would only cost time."""
