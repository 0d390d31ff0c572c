"""Where a command may write a file it was asked for (``-o``/``--out``): never over the store, never
over a file that is not an earlier output of the same kind.

A mistyped ``-o out/ashyq.sqlite`` once turned the database into a zip. Every file a command writes
is checked first: the suffix must be the kind's; an existing file is replaced only when it is of
that kind already (a zip for a bundle or a workbook, JSON for JSON, text for CSV); an SQLite
database, a folder, a link or one of the ``protected`` paths (the store) is never written over.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["OutputRefused", "check_output"]

_SQLITE_MAGIC = b"SQLite format 3\x00"
_ZIP_MAGIC = b"PK\x03\x04"
_ZIP_EMPTY = b"PK\x05\x06"


class OutputRefused(Exception):
    """The file may not be written; the message says why, with the path."""


def _looks_like(path: Path, suffix: str) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if not head:
        return True  # an empty file holds nothing to lose
    if head.startswith(_SQLITE_MAGIC):
        return False
    if suffix in (".zip", ".xlsx"):
        return head.startswith((_ZIP_MAGIC, _ZIP_EMPTY))
    if b"\x00" in head:
        return False
    if suffix == ".json":
        return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:  # a cut multi-byte letter at the end of the sample is fine
        return error.start >= len(head) - 4
    return True


def check_output(path: Path, suffixes: tuple[str, ...], protected: tuple[Path, ...] = ()) -> Path:
    """``path`` if a command may write it (see the module's rule); raises :class:`OutputRefused`."""
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        raise OutputRefused(f"{path}: the file to write must end with {' or '.join(suffixes)}")
    if path.is_symlink():
        raise OutputRefused(f"{path}: is a symbolic link; give the file itself")
    resolved = path.resolve()
    for other in protected:
        if other.resolve() == resolved:
            raise OutputRefused(f"{path}: is the store's database; give another file")
    if path.exists():
        if not path.is_file():
            raise OutputRefused(f"{path}: exists and is not a file")
        if not _looks_like(path, suffix):
            raise OutputRefused(f"{path}: exists and is not a {suffix} file written earlier; it is left as it is")
    return path
