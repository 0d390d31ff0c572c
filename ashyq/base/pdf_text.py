"""Whether a PDF has a text layer: what Appendix 15's "*" indicators ask of a document published «в
машиночитаемом виде» (001 lines 3548 and 4038). A scanned page is a picture: a program reads no word of
it. Text in a PDF is shown with fonts, so a PDF that uses no font anywhere and shows images is a scan.

Fonts are named in the page resources (``/Font``); since PDF 1.5 those dictionaries may sit inside
compressed object streams, so each Flate stream is inflated (within bounds) and read too. The answer
is ``True`` (a font is used), ``False`` (images and no font, the whole file read) or ``None`` (not a
PDF, a file cut short before anything decided it, or neither fonts nor images found).
Crawled files are hostile: streams are inflated with a cap on their output and their number.
"""

from __future__ import annotations

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
# a font resource (``/Font``, ``/FontDescriptor``): never the ``Tf`` operator, which the bytes of a
# compressed or raw image would spell by chance every few hundred kilobytes
_FONT = re.compile(rb"/Font(?:Descriptor)?\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
MAX_STREAMS = 2000
MAX_INFLATED = 4 * 1024 * 1024  # per stream: a bomb inflates no further


def _inflate(data: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(data, MAX_INFLATED)
    except zlib.error:
        return b""


def pdf_text_layer(data: bytes, complete: bool = True) -> bool | None:
    """``True`` when the PDF uses a font, ``False`` for images without any font in a file read whole
    (``complete``), else ``None``."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        return None
    if _FONT.search(data):
        return True
    images = bool(_IMAGE.search(data))
    for n, found in enumerate(_STREAM.finditer(data)):
        if n >= MAX_STREAMS:
            return None
        inflated = _inflate(found.group(1))
        if _FONT.search(inflated):
            return True
        images = images or bool(_IMAGE.search(inflated))
    return False if images and complete else None
