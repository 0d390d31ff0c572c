"""A workbook's size, measured on its XML before openpyxl builds anything (docs/limits.md).

openpyxl builds a whole ``<row>`` before the strict reader sees its first cell, and reads every
shared string when the workbook is opened: a 156 KB file with 2.9 million cells in one row, or 3.5
million shared strings, costs gigabytes there. Here every XML part of the zip is streamed through a
parser that builds no tree (lxml with a target: memory stays flat whatever the part holds), counting
rows, cells per row, cells in all, shared strings and elements, and the first count past its bound
stops the scan with its place: the sheet (by its title) and the row.

No DTD is accepted (an XLSX part never has one: entity tricks stop here), entities are not resolved
and nothing is fetched. The zip's member count and unpacked size are checked before this (the
caller's zip check), so every part read here is bounded in bytes too.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

__all__ = ["Overrun", "WorkbookBounds", "workbook_overrun"]

_CHUNK = 64 * 1024
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# A cell is two or three elements (c, v; is/t for an inline string); the rest of a sheet - columns,
# merged ranges, validations, formatting - is a few thousand at most in any real report.
ELEMENTS_PER_CELL = 3
ELEMENTS_BESIDE_CELLS = 50_000
ELEMENTS_PER_COLUMN = 16  # within one row: a cell with a rich inline string has a few runs
MAX_STRING_ELEMENTS = 4_096  # within one shared string: its rich-text runs and their formatting
_MARKED = frozenset({"row", "si", "dimension"})  # the elements whose start is more than a count
_ROW_END, _STRING_END = "}row", "}si"


@dataclass(frozen=True)
class WorkbookBounds:
    """What a workbook may hold, from the file kind's :class:`~ashyq.base.strict_files.Limits`."""

    max_columns: int  # cells of one row
    max_cells: int  # cells of all sheets together; also the shared strings

    @property
    def max_elements(self) -> int:
        return ELEMENTS_PER_CELL * self.max_cells + ELEMENTS_BESIDE_CELLS


@dataclass(frozen=True)
class Overrun:
    """The first bound a workbook goes past, and where: ``sheet`` (its title, else the part's name),
    ``row`` and ``column`` (letters) when the bound is a row's."""

    message: str
    sheet: str
    row: int | None = None
    column: str | None = None


class _Stop(Exception):
    def __init__(self, overrun: Overrun) -> None:
        self.overrun = overrun


@dataclass
class _Tally:
    """Counts shared by every part of one workbook."""

    cells: int = 0
    elements: int = 0


class _PartCounter:
    """An lxml parser target: counts as the parser goes and raises :class:`_Stop` at the first overrun."""

    def __init__(self, place: str, bounds: WorkbookBounds, tally: _Tally) -> None:
        self.place, self.bounds, self.tally = place, bounds, tally
        self.max_elements = bounds.max_elements  # read for every element: kept, not recomputed
        self.rows = 0
        self.row: int | None = None  # the row being read (its number)
        self.row_cells = 0
        self.row_elements = 0
        self.strings = 0
        self.string_elements: int | None = None  # inside a shared string: its elements so far

    def _stop(self, message: str, row: int | None = None, column: str | None = None) -> _Stop:
        return _Stop(Overrun(message, self.place, row, column))

    def doctype(self, *_: Any) -> None:
        raise self._stop("a DTD in a workbook part (an XLSX part never has one)")

    # start and end are called for every element of every part (millions in a hostile one): kept lean
    def start(self, tag: str, attrib: Any) -> None:
        tally = self.tally
        tally.elements += 1
        if tally.elements > self.max_elements:
            raise self._stop(f"more than {self.max_elements:,} XML elements in the workbook", self.row)
        name = tag[tag.rfind("}") + 1 :]
        if self.row is not None:
            self._inside_row(name)
        elif self.string_elements is not None:
            self.string_elements += 1
            if self.string_elements > MAX_STRING_ELEMENTS:
                raise self._stop(f"shared string {self.strings:,} has more than {MAX_STRING_ELEMENTS:,} parts")
        if name in _MARKED:
            if name == "row":
                self._open_row(attrib.get("r"))
            elif name == "si":
                self._open_string()
            else:
                self._check_dimension(str(attrib.get("ref", "")))

    def end(self, tag: str) -> None:
        if tag.endswith(_ROW_END) or tag == "row":
            self.row = None
        elif tag.endswith(_STRING_END) or tag == "si":
            self.string_elements = None

    def close(self) -> None:
        pass  # (no ``data`` method: lxml then skips the text, which is not counted)

    def _open_row(self, number: str | None) -> None:
        self.rows += 1
        previous = self.rows - 1 if self.row is None else self.row
        self.row = int(number) if number and number.isdigit() and len(number) <= 9 else previous + 1
        self.row_cells = self.row_elements = 0
        if self.rows > self.bounds.max_cells:  # empty rows cost openpyxl time: as many as cells
            raise self._stop(f"more than {self.bounds.max_cells:,} rows in the sheet", self.row)

    def _inside_row(self, name: str) -> None:
        self.row_elements += 1
        if name == "c":
            self.row_cells += 1
            self.tally.cells += 1
            if self.row_cells > self.bounds.max_columns:
                raise self._stop(
                    f"more than {self.bounds.max_columns} cells in one row (at most {self.bounds.max_columns} columns)",
                    self.row,
                )
            if self.tally.cells > self.bounds.max_cells:
                raise self._stop(f"more than {self.bounds.max_cells:,} cells in the workbook", self.row)
        if self.row_elements > ELEMENTS_PER_COLUMN * self.bounds.max_columns:
            raise self._stop(
                f"more than {ELEMENTS_PER_COLUMN * self.bounds.max_columns:,} XML elements in one row", self.row
            )

    def _open_string(self) -> None:
        self.strings += 1
        self.string_elements = 0
        if self.strings > self.bounds.max_cells:
            raise self._stop(
                f"more than {self.bounds.max_cells:,} shared strings (the workbook may hold that many cells)"
            )

    def _check_dimension(self, ref: str) -> None:
        corners = [_CELL_REF.fullmatch(part) for part in ref.split(":")]
        if not ref or not all(corners):
            return  # openpyxl does not use it for reading; a malformed one costs nothing
        last_column, last_row = corners[-1].groups()  # type: ignore[union-attr]
        first_column, first_row = corners[0].groups()  # type: ignore[union-attr]
        width = abs(_column_index(last_column) - _column_index(first_column)) + 1
        height = abs(int(last_row) - int(first_row)) + 1
        if width * height > self.bounds.max_cells:
            raise self._stop(
                f"the sheet claims the range {ref[:40]} ({width * height:,} cells; a workbook may hold "
                f"{self.bounds.max_cells:,})",
                int(last_row),
                last_column.upper(),
            )


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            yield chunk


def _is_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Parts that start like XML; images and binary parts are left to their readers."""
    with archive.open(info) as member:
        head = member.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<")


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, counter: _PartCounter) -> None:
    parser = etree.XMLParser(target=counter, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        for chunk in _stream(archive, info):
            parser.feed(chunk)
        parser.close()
    except etree.XMLSyntaxError:
        pass  # openpyxl refuses a malformed part itself, at least as early as here


class _Attributes:
    """A parser target that keeps the attributes of the elements named ``name`` (a few hundred at most)."""

    def __init__(self, name: str, limit: int = 1_000) -> None:
        self.name, self.limit = name, limit
        self.found: list[dict[str, str]] = []

    def start(self, tag: str, attrib: Any) -> None:
        if tag.rpartition("}")[2] == self.name and len(self.found) < self.limit:
            self.found.append({key.rpartition("}")[2]: str(value) for key, value in attrib.items()})

    def doctype(self, *_: Any) -> None:
        raise ValueError("a DTD")  # the scan of every part refuses it, with its place

    def close(self) -> list[dict[str, str]]:
        return self.found


def _attributes(archive: zipfile.ZipFile, part: str, name: str) -> list[dict[str, str]]:
    try:
        info = archive.getinfo(part)
    except KeyError:
        return []
    target = _Attributes(name)
    parser = etree.XMLParser(target=target, resolve_entities=False, no_network=True, load_dtd=False)
    try:
        for chunk in _stream(archive, info):
            parser.feed(chunk)
        parser.close()
    except (etree.XMLSyntaxError, ValueError):
        return []
    return target.found


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    """``Id`` → the target part's name, for the part's ``_rels`` file."""
    folder, file_name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{file_name}.rels")
    targets: dict[str, str] = {}
    for relation in _attributes(archive, rels, "Relationship"):
        target = relation.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        targets[relation.get("Id", "")] = resolved
    return targets


def _sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet part's title, found the way openpyxl finds them (package rels → workbook → its rels).
    The workbook part is small and counted with the rest; a file that names it oddly gets part names."""
    root = _attributes(archive, "_rels/.rels", "Relationship")
    workbook = next(
        (r["Target"].lstrip("/") for r in root if r.get("Type", "").endswith("/officeDocument") and r.get("Target")),
        "xl/workbook.xml",
    )
    targets = _relationships(archive, workbook)
    titles: dict[str, str] = {}
    for sheet in _attributes(archive, workbook, "sheet"):
        part = targets.get(sheet.get("id", ""))
        if part and sheet.get("name"):
            titles.setdefault(part, sheet["name"])
    return titles


def workbook_overrun(data: bytes, bounds: WorkbookBounds) -> Overrun | None:
    """The first bound the workbook in ``data`` goes past, or None. ``data`` is a zip whose member count
    and unpacked size were checked; a malformed part is left for openpyxl to refuse."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            titles = _sheet_titles(archive)
            tally = _Tally()
            for info in archive.infolist():
                if info.is_dir() or not _is_xml(archive, info):
                    continue
                place = titles.get(info.filename, f"part {info.filename}")
                _scan_part(archive, info, _PartCounter(place, bounds, tally))
    except _Stop as stop:
        return stop.overrun
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError):
        return None  # a part that does not inflate: openpyxl refuses the file on it
    return None
