"""Reading a filled table of disagreements: the XLSX ``ashyq report disagreements`` pre-fills
(:mod:`ashyq.reports.disagreement`), handed back by the body with its position on some rows.

The file comes from outside and is read as hostile (docs/limits.md): within :data:`LIMITS` by the
project's strict reader (the zip and its XML measured before anything is built; a formula or an error
value is a problem at its cell, never read as empty or evaluated), then checked against the conclusion
it answers. Every problem is reported with its place (sheet, row, column) and the file is refused
whole: a row that names an item the conclusion did not deduct for, a language that is not the row's,
a table of another run or body, a document link that is not http(s), a position missing where
documents are given.

A row is a disagreement when its position column (H) is filled; the others are left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ashyq.base.strict_files import Cell, FileProblem, FileRefused, Limits, Sheet, read_xlsx
from ashyq.reports.disagreement import COLUMNS
from ashyq.reports.i18n import LANGUAGES, catalogue
from ashyq.reports.rendering import http_url

# One body's table: a few hundred rows at most (one per item that lost points), ten columns.
LIMITS = Limits(
    max_bytes=2 * 1024 * 1024,
    max_rows=1_000,
    max_columns=20,
    max_sheets=5,
    max_unpacked=16 * 1024 * 1024,
    max_members=100,
    max_cells=25_000,
    max_text=10_000,
    max_problems=100,
)
MAX_DOCUMENTS = 20  # supporting documents named on one row
MAX_LINK_CHARS = 2_048

_NUMBER, _ITEM, _LANG, _POSITION, _DOCUMENTS = 1, 3, 4, 8, 9  # 1-based columns of the pre-filled form
_LETTERS = {_NUMBER: "A", _ITEM: "C", _LANG: "D", _POSITION: "H", _DOCUMENTS: "I"}

DisputedKey = tuple[str, str | None]  # (item, language) of a finding that lost points


@dataclass(frozen=True)
class SupportingDocument:
    """A document the body cites: its name and, where given, its http(s) address."""

    name: str
    link: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "link": self.link}


@dataclass(frozen=True)
class TableRow:
    """One disagreement as the table gives it: the row it stands on, the item and language, the body's
    position and its documents."""

    row: int
    item: str
    lang: str | None
    position: str
    documents: list[SupportingDocument] = field(default_factory=list)


@dataclass(frozen=True)
class AnsweredConclusion:
    """What a filled table must match: the run, the body's names and the items the conclusion deducted for."""

    run_id: str
    body_names: tuple[str, ...]
    disputable: frozenset[DisputedKey]


def _language_labels() -> dict[str, str | None]:
    """Each language column label the form is printed with, in any language, → the finding's language."""
    labels: dict[str, str | None] = {}
    for lang in LANGUAGES:
        t = catalogue().translator(lang)
        for code in ("kk", "ru", "none"):
            labels[t(f"lang.{code}").strip().casefold()] = None if code == "none" else code
    return labels


def _header_labels() -> set[str]:
    first = COLUMNS[0][0]
    return {catalogue().text(lang, first).strip().casefold() for lang in LANGUAGES}


def _text(value: Cell) -> str:
    return "" if value is None else str(value).strip()


def parse_documents(text: str) -> tuple[list[SupportingDocument], list[str]]:
    """Supporting documents, one per line: a name, an address, or a name then its address. Returns the
    documents and what is wrong with them (a link that is not http(s), too many, too long)."""
    documents: list[SupportingDocument] = []
    problems: list[str] = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_DOCUMENTS:
        problems.append(f"{len(lines)} documents on one row; at most {MAX_DOCUMENTS}")
        lines = lines[:MAX_DOCUMENTS]
    for line in lines:
        words = line.split()
        linked = [w for w in words if "://" in w or w.lower().startswith(("javascript:", "data:", "file:"))]
        link = linked[-1] if linked else None
        if link is not None and (len(link) > MAX_LINK_CHARS or http_url(link) is None):
            problems.append(f"the document link {link[:60]!r} is not an http(s) address")
            continue
        name = " ".join(w for w in words if w != link).strip(" -—–:") or (link or "")
        documents.append(SupportingDocument(name[:500], link))
    return documents, problems


class _Reader:
    """Walks one sheet's rows, collecting disagreements and problems with their places."""

    def __init__(self, sheet: Sheet, answered: AnsweredConclusion, name: str) -> None:
        self.sheet, self.answered, self.name = sheet, answered, name
        self.problems: list[FileProblem] = []
        self.rows: list[TableRow] = []
        self.languages = _language_labels()

    def problem(self, message: str, row: int | None = None, column: int | None = None) -> None:
        letter = _LETTERS.get(column) if column else None
        self.problems.append(FileProblem(message, sheet=self.sheet.title, row=row, column=letter, file=self.name))

    def header_row(self) -> int | None:
        headers = _header_labels()
        for index, cells in self.sheet.rows():
            if _text(cells.get(_NUMBER)).casefold() in headers:
                return index
        return None

    def check_heading(self, header: int) -> None:
        heading = " ".join(_text(v) for index, cells in self.sheet.rows() if index < header for v in cells.values())
        if self.answered.run_id not in heading:
            self.problem(f"the table is not of run {self.answered.run_id} (the heading names another run)", 1)
        elif not any(name and name in heading for name in self.answered.body_names):
            self.problem("the table is of another body (the heading does not name this one)", 1)

    def read(self) -> None:
        header = self.header_row()
        if header is None:
            self.problem("no header row (the form's column titles, '№' first): is this the table of disagreements?")
            return
        self.check_heading(header)
        seen: dict[DisputedKey, int] = {}
        for index, cells in self.sheet.rows(header + 1):
            found = self.row(index, cells)
            if found is None:
                continue
            key = (found.item, found.lang)
            if key in seen:
                self.problem(f"{found.item} is disputed twice (rows {seen[key]} and {index})", index, _ITEM)
                continue
            seen[key] = index
            self.rows.append(found)
        if not self.rows and not self.problems:
            self.problem("no row gives the body's position (column H): nothing is disputed")

    def row(self, index: int, cells: dict[int, Cell]) -> TableRow | None:
        position, documents_text = _text(cells.get(_POSITION)), _text(cells.get(_DOCUMENTS))
        if not position:
            if documents_text:
                self.problem("documents are given but not the body's position (column H)", index, _POSITION)
            return None
        words = _text(cells.get(_ITEM)).split()
        item = words[0] if words else ""
        label = _text(cells.get(_LANG)).casefold()
        if label not in self.languages:
            self.problem(f"the language {label[:40]!r} is not one the form names", index, _LANG)
            return None
        lang = self.languages[label]
        if (item, lang) not in self.answered.disputable:
            shown = item[:40] or "no item"
            self.problem(f"{shown!r} ({label}) is not an item the conclusion deducted points for", index, _ITEM)
            return None
        documents, problems = parse_documents(documents_text)
        for message in problems:
            self.problem(message, index, _DOCUMENTS)
        return TableRow(index, item, lang, position, documents) if not problems else None


def read_disagreement_table(data: bytes, answered: AnsweredConclusion, name: str = "") -> list[TableRow]:
    """The disagreements a filled table gives; :class:`FileRefused` (every problem with its place) for a
    file that is not a readable table answering ``answered``."""
    sheets = read_xlsx(data, LIMITS, name)
    if not sheets:
        raise FileRefused([FileProblem("the workbook has no sheet", file=name)])
    reader = _Reader(sheets[0], answered, name)
    reader.read()
    if reader.problems:
        raise FileRefused(reader.problems[: LIMITS.max_problems])
    return reader.rows
