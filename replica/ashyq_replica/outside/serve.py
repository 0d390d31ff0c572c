"""The outside sites' images and downloads: small real files made on request, not kept in the site folders
(a site's ``site.yaml`` names the paths they answer under, ``generated``)."""

from __future__ import annotations

import zlib
from functools import lru_cache

from ashyq_replica.govkz.files import make_docx, make_pdf, make_png, make_xlsx, pdf_of

_IMAGES: dict[str, tuple[int, int, tuple[int, int, int], tuple[int, int, int] | None]] = {
    "gerb": (150, 150, (0, 150, 199), (255, 200, 40)),
    "emblem": (80, 80, (0, 150, 199), (255, 200, 40)),
    "emblem-small": (64, 64, (0, 150, 199), (255, 200, 40)),
    "emblem-large": (90, 90, (0, 150, 199), (255, 200, 40)),
    "flag": (120, 60, (0, 175, 202), (254, 197, 0)),
    "structure": (640, 360, (240, 240, 240), (30, 90, 160)),
    "banner": (300, 90, (0, 120, 180), None),
    "photo": (320, 200, (120, 140, 150), (200, 190, 170)),
}


def scanned_pdf(width: int = 170, height: int = 240) -> bytes:
    """A one-page PDF holding only a grey picture of a page, as a scanner makes it: no text, no font,
    nothing a reader can select or search (a stem ending in ``-scan`` asks for one)."""
    rows = bytearray()
    for y in range(height):
        for x in range(width):
            line = 20 < x < width - 20 and y % 12 in (4, 5) and 24 < y < height - 24
            rows.append(60 if line else 235)
    picture = zlib.compress(bytes(rows), 9)
    draw = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % (width, height, len(picture))
        + picture
        + b"\nendstream",
    ]
    return pdf_of(objects)


@lru_cache(maxsize=64)
def image_bytes(name: str) -> bytes:
    stem = name.rsplit(".", 1)[0].split("/")[-1]
    width, height, rgb, ring = _IMAGES.get(stem, (88, 31, (200, 200, 200), None))
    return make_png(width, height, rgb, ring)


@lru_cache(maxsize=256)
def file_bytes(name: str) -> tuple[bytes, str]:
    """A small real file for a download link: its bytes and content type."""
    stem, _, ext = name.rpartition(".")
    title = stem.replace("-", " ")
    if ext == "pdf" and stem.endswith("-scan"):
        return scanned_pdf(), "application/pdf"
    if ext == "pdf":
        return make_pdf([title, "Document of the state body", "Page 1"]), "application/pdf"
    if ext == "docx":
        return make_docx(
            title, [title, "Text of the document."]
        ), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if ext == "xlsx":
        return make_xlsx(
            "Data", [["Indicator", "Value"], [title, 1]]
        ), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    if ext == "mp3":
        return b"ID3\x03\x00\x00\x00\x00\x00\x00" + bytes(2048), "audio/mpeg"
    return title.encode(), "application/octet-stream"
