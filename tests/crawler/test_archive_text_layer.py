"""A ZIP archive's text, as the harvest reads it for Appendix 15's "*" indicators: a body that publishes its
documents packed publishes the files inside, and an archive that does not open holds no document."""

from __future__ import annotations

import io
import zipfile

from ashyq_replica.govkz.files import make_pdf

from ashyq.base.archive_text import MAX_MEMBER_BYTES, archive_text_layer
from tests.crawler.test_pdf_text_layer import scanned_pdf


def _zip(members: dict[str, bytes]) -> bytes:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return packed.getvalue()


def test_an_archive_of_text_documents_has_text_and_one_of_scans_has_none() -> None:
    assert archive_text_layer(_zip({"Шешім_412.pdf": make_pdf(["Аудан әкімдігінің қаулысы", "2026"])})) is True
    assert archive_text_layer(_zip({"Решение.docx": b"PK\x03\x04 a Word file", "скан.jpg": b"\xff\xd8"})) is True
    assert archive_text_layer(_zip({"Исполнение_скан.pdf": scanned_pdf(), "стр2.jpg": b"\xff\xd8\xff"})) is False
    # the picture formats the download check knows (a DjVu scan, a phone's HEIC photo) are pictures in an archive too
    assert archive_text_layer(_zip({"Атқарылуы.djvu": b"AT&TFORM", "бет2.heic": b"\x00\x00\x00\x18ftypheic"})) is False


def test_an_archive_that_does_not_open_or_is_empty_holds_no_document() -> None:
    whole = _zip({"Исполнение_бюджета.xlsx": b"PK\x03\x04 a workbook" * 50})
    assert archive_text_layer(whole[: len(whole) // 2]) is False  # cut short: its directory is gone
    assert archive_text_layer(b"<html>Not found</html>") is False
    assert archive_text_layer(_zip({})) is False
    assert archive_text_layer(whole, complete=False) is None  # read in part: nothing told


def test_what_cannot_be_told_is_none_and_a_bomb_is_not_unpacked() -> None:
    assert archive_text_layer(_zip({"data.bin": b"\x00\x01"})) is None
    # a member that inflates past the bound is read only to the bound: a PDF of zeros has no font, no image
    bomb = _zip({"big.pdf": b"%PDF-1.4\n" + bytes(MAX_MEMBER_BYTES * 2)})
    assert len(bomb) < MAX_MEMBER_BYTES // 100
    assert archive_text_layer(bomb) is None
