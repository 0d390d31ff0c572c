"""Images of text (Appendix 14 row 3.1, WCAG 1.1.1): what the words read in a picture say beside its
name and the text around it (:mod:`ashyq.checks.accessibility.image_text`), and which pictures are
read at all (:func:`ashyq.gather.image_text.graphic`)."""

from __future__ import annotations

import asyncio
import io
import random
import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from ashyq.checks.accessibility.image_text import unsaid, words_of
from ashyq.gather.image_text import graphic, read_words

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def banner(text: str) -> bytes:
    image = Image.new("RGB", (380, 70), (0, 84, 166))
    ImageDraw.Draw(image).text((14, 20), text, font=ImageFont.truetype(FONT, 26), fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def photograph() -> bytes:
    rng = random.Random(3)
    image = Image.new("RGB", (300, 160))
    image.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(300 * 160)])
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        # hidden from assistive technology, its words nowhere around it: not decoration
        ({"hidden": True, "around": "", "words": [["ЭЛЕКТРОНДЫҚ", 96], ["ҮКІМЕТ", 96]]}, ["ЭЛЕКТРОНДЫҚ", "ҮКІМЕТ"]),
        ({"hidden": True, "around": "", "words": [["ОТКРЫТЫЕ", 95], ["ДАННЫЕ", 96]]}, ["ОТКРЫТЫЕ", "ДАННЫЕ"]),
        # hidden beside a link text that says the same words (the recognition dropped the Kazakh letters)
        ({"hidden": True, "around": "Қазақстан Республикасы", "words": [["Казакстан", 92]]}, None),
        ({"hidden": True, "around": "Открытые данные", "words": [["ОТКРЫТЫЕ", 95], ["ДАННЫЕ", 96]]}, None),
        # named with another thing's name
        ({"hidden": False, "name": "ERCIM logo", "words": [["W3C", 50]]}, ["W3C"]),
        ({"hidden": False, "name": "Баннер", "words": [["ОТКРЫТЫЕ", 95], ["ДАННЫЕ", 96]]}, ["ОТКРЫТЫЕ", "ДАННЫЕ"]),
        # named with its words, Latin read as Cyrillic look-alikes, one letter misread
        ({"hidden": False, "name": "W3C logo", "words": [["W3C", 50]]}, None),
        ({"hidden": False, "name": "ACT Rules!", "words": [["АСТ", 93], ["Rules!", 96]]}, None),
        ({"hidden": False, "name": "Ашық деректер порталы", "words": [["Ашык", 90]]}, None),
        # nothing taken as a word: a single letter, punctuation, a photograph not read
        ({"hidden": True, "around": "", "words": [["Ж", 90], ["l=]", 62], ["C)", 88]]}, None),
        ({"hidden": True, "around": "", "words": None}, None),
        # a named image whose words are not read says nothing of its name either
        ({"hidden": False, "name": "", "words": [["W3C", 50]]}, None),
    ],
)
def test_the_words_a_picture_shows_beside_what_the_page_says(image: dict[str, object], expected: object) -> None:
    assert unsaid(image) == expected


def test_a_word_needs_three_characters_two_of_them_letters() -> None:
    read = [["2050", 96], ["Қазақстан-2050", 90], ["ИП", 90], ["W3C", 50]]
    assert words_of({"words": read}) == ["Қазақстан", "W3C"]


def test_a_banner_is_read_and_a_photograph_is_not() -> None:
    assert graphic(banner("Ашық деректер"))
    assert not graphic(photograph())


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is installed by make setup")
def test_tesseract_reads_kazakh_and_russian_banners() -> None:
    program = shutil.which("tesseract")
    assert program is not None
    kazakh = asyncio.run(read_words(banner("ЭЛЕКТРОНДЫҚ ҮКІМЕТ"), program))
    russian = asyncio.run(read_words(banner("ОТКРЫТЫЕ ДАННЫЕ"), program))
    assert unsaid({"hidden": True, "around": "", "words": kazakh}) == ["ЭЛЕКТРОНДЫҚ", "ҮКІМЕТ"]
    assert unsaid({"hidden": False, "name": "Открытые данные", "words": russian}) is None
