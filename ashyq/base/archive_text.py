"""Whether a ZIP archive a site publishes holds text a program can read: the question :mod:`.pdf_text` answers
for a PDF, asked of the files packed inside. A body that publishes its acts, its budget or its statistics as
«Шешімдер_2026.zip» publishes the files inside; a reader who cannot open the archive (it is cut short, or is no
archive at all) has no document, and one holding only scans has no machine-readable one (Appendix 15's "*"
indicators, «в машиночитаемом виде»).

The answer is ``True`` (a member is a text document: a PDF with fonts, a Word, Excel, OpenDocument, RTF, CSV,
text or HTML file), ``False`` (the archive does not open, is empty, or holds only pictures and scanned PDFs),
or ``None`` (the file was not read whole, or a member could not be told: too big to read, or of another kind).
Crawled files are hostile: members are counted and read within bounds, never unpacked to disk, and a member
whose stated size is past the bound is not read at all.
"""

from __future__ import annotations

import io
import zipfile

from ashyq.base.pdf_text import pdf_text_layer

MAX_MEMBERS = 200  # an archive listing more is read no further (the answer then rests on those read)
MAX_MEMBER_BYTES = 8 * 1024 * 1024  # a PDF member read past this is not read: its text layer is not told
TEXT_FORMATS = frozenset(
    ("doc", "docx", "xls", "xlsx", "odt", "ods", "rtf", "txt", "csv", "htm", "html", "xml", "json")
)
# Formats that hold a picture of the text, not the text: a program reading them reads no words (an archive's member,
# and a download of its own: ashyq.checks.completeness.machine_readable)
PICTURE_FORMATS = frozenset(("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "djvu", "djv"))


def archive_text_layer(data: bytes, complete: bool = True) -> bool | None:
    """``True`` when a member of the ZIP archive ``data`` is a text document, ``False`` when the archive (read
    whole: ``complete``) does not open or holds only pictures and scans, else ``None``."""
    if not complete:
        return None  # the central directory is at the end: a file cut short says nothing
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()][:MAX_MEMBERS]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False  # no archive a reader can open: no document in it
    if not members:
        return False
    untold = False
    for member in members:
        suffix = member.filename.rsplit(".", 1)[-1].lower() if "." in member.filename else ""
        if suffix in TEXT_FORMATS:
            return True
        if suffix in PICTURE_FORMATS:
            continue
        if suffix != "pdf" or member.file_size > MAX_MEMBER_BYTES:
            untold = True
            continue
        try:
            with archive.open(member) as packed:
                layer = pdf_text_layer(packed.read(MAX_MEMBER_BYTES + 1), complete=True)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
            continue  # a member that does not unpack (a bad checksum, a password): no text from it
        if layer:
            return True
        untold = untold or layer is None
    return None if untold else False
