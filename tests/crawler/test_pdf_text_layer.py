"""A PDF's text layer, as the harvest reads it for Appendix 15's "*" indicators («*– сведения, которые
должны быть размещены в машиночитаемом виде», 001 lines 3548 and 4038): a scan shows images and uses
no font."""

from __future__ import annotations

import zlib

from ashyq_replica.govkz.files import make_pdf

from ashyq.base.pdf_text import MAX_INFLATED, pdf_text_layer


def _pdf(objects: list[bytes]) -> bytes:
    body = b"".join(b"%d 0 obj\n" % n + o + b"\nendobj\n" for n, o in enumerate(objects, start=1))
    return b"%PDF-1.5\n" + body + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data)
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), extra) + packed + b"\nendstream"


def scanned_pdf() -> bytes:
    """One page that is a picture of text: an image drawn over the page, no font anywhere."""
    page = b"<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"
    image = _stream(bytes(64 * 40), b"/Type /XObject /Subtype /Image /Width 64 /Height 40 /BitsPerComponent 8 ")
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
                 _stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"), image])  # fmt: skip


def test_a_pdf_with_text_has_a_text_layer_and_a_scan_has_none() -> None:
    assert pdf_text_layer(make_pdf(["Отчёт о реализации бюджетной программы", "2025"])) is True
    assert pdf_text_layer(scanned_pdf()) is False


def test_fonts_hidden_in_a_compressed_object_stream_are_found() -> None:
    """PDF 1.5 packs the page resources in object streams: the font is named only once inflated."""
    packed = _stream(b"3 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", b"/Type /ObjStm /N 1 /First 4 ")
    content = _stream(b"BT /F1 12 Tf 72 770 Td (Hello) Tj ET")
    assert b"/Font" not in packed and pdf_text_layer(_pdf([b"<< /Type /Catalog >>", packed, content])) is True


def test_what_cannot_be_told_is_none() -> None:
    scan = scanned_pdf()
    # a scan read only in part: a font could come later, so it is not called a scan
    assert pdf_text_layer(scan, complete=False) is None
    assert pdf_text_layer(b"<html>not a pdf</html>") is None
    assert pdf_text_layer(_pdf([b"<< /Type /Catalog >>"])) is None  # neither images nor fonts


def test_a_stream_that_inflates_without_end_is_cut() -> None:
    bomb = _stream(bytes(50 * 1024 * 1024), b"/Subtype /Image ")
    assert len(bomb) < 200_000 and MAX_INFLATED < 50 * 1024 * 1024
    assert pdf_text_layer(_pdf([b"<< /Type /Catalog >>", bomb])) is False
