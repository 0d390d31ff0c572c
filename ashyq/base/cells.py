"""Text that leaves for a spreadsheet (an export, the Unified list the tool writes): it stays text.

Crawled and submitted text is hostile: a leading ``=`` would be read as a formula, a control
character or U+FFFE makes the XLSX unwritable (or unreadable), a lone surrogate cannot be encoded.
Every writer of cells uses :func:`safe_cell`, so the rule is one.
"""

from __future__ import annotations

import re

__all__ = ["Cell", "safe_cell", "safe_text"]

Cell = str | float | int | None

# Characters a spreadsheet may not hold (XLSX refuses them) and that have no place in a report.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters no XML (so no XLSX) may hold and UTF-8 cannot encode (a surrogate without its pair, from
# a page decoded with surrogateescape or a JSON "\ud800"): shown as U+FFFD, so a reader sees that
# something was there.
_UNWRITABLE = re.compile("[\ufffe\uffff\ud800-\udfff]")
# A cell beginning with one of these is read as a formula by Excel or LibreOffice (the full-width
# forms too, which some spreadsheets fold into the plain ones); tab and CR start a DDE trick.
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_text(value: str) -> str:
    """Crawled or submitted text must stay text in a spreadsheet: control characters are dropped,
    U+FFFE, U+FFFF and lone surrogates become U+FFFD (neither XML nor UTF-8 can hold them) and a
    leading ``=`` ``+`` ``-`` ``@`` (tab, CR) gets an apostrophe, so it is never read as a formula."""
    text = _UNWRITABLE.sub("\ufffd", _CONTROL.sub("", value))
    if text.lstrip(" ")[:1] in FORMULA_LEAD and text.lstrip(" "):
        return "'" + text
    return text


def safe_cell(value: Cell) -> Cell:
    """:func:`safe_text` for a cell's text; numbers stay numbers."""
    return safe_text(value) if isinstance(value, str) else value
