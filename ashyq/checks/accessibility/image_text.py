"""Appendix 14 row 3.1, images of text (WCAG 1.1.1), from the words the browser read in each picture
(:mod:`ashyq.gather.image_text`) beside what the page says of it.

An image that shows words is content, and its text alternative must carry them:

* **hidden from assistive technology** (``alt=""``, ``role="none"``, ``aria-hidden``, an unnamed
  ``svg`` or ``canvas``) while its words are not in the text around it (its link, button, label or
  figure, else its parent): a reader who cannot see it loses those words — not decoration;
* **named with none of its words** (a logo showing "W3C" named "ERCIM logo"): the name describes
  something else.

A word counts when the recognition is confident of it and it has three characters or more, two of
them letters; letters that look alike in Cyrillic and Latin are one letter when compared, since the
recognition reads both alphabets. Both answers rest on recognising letters in a picture, which can
misread: the verdict they decide is uncertain and the assessor is shown the picture and the words.
"""

from __future__ import annotations

import re
from typing import Any

from ashyq.base.artifacts import Measurement
from ashyq.base.evidence import Deficiency
from ashyq.base.text import fold_kazakh
from ashyq.base.wording import Said
from ashyq.checks.accessibility.wcag import pages_listed

# Cyrillic letters drawn as Latin ones (the recognition reads "ACT" as «АСТ» with Kazakh first)
_SAME_LETTER = str.maketrans("авсенкмортхуіј", "abcehkmoptxyij")
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """One spelling for comparing: Kazakh letters onto their Russian look-alikes (the recognition reads
    «Қазақстан» as «Казакстан»), then Cyrillic letters drawn as Latin ones onto those."""
    return fold_kazakh(text).translate(_SAME_LETTER)


def words_of(image: dict[str, Any]) -> list[str]:
    """The picture's words taken as read: three characters or more, two of them letters."""
    out = []
    for word, _confidence in image.get("words") or []:
        for token in _WORD.findall(str(word)):
            if len(token) >= 3 and sum(c.isalpha() for c in token) >= 2:
                out.append(token)
    return out


def _said_in(word: str, text: str) -> bool:
    """``word`` is in ``text``: as a part of it with spaces ignored, or one letter off a word of it."""
    folded, where = fold(word), fold(text)
    if folded in where.replace(" ", ""):
        return True
    return len(folded) >= 4 and any(_one_off(folded, other) for other in _WORD.findall(where))


def _one_off(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def unsaid(image: dict[str, Any]) -> list[str] | None:
    """The picture's words its alternative does not carry (``None``: nothing to say of it): a hidden
    image's words missing from the text around it; a named image's words, when none is in its name."""
    words = words_of(image)
    if not words:
        return None
    if image.get("hidden"):
        missing = [w for w in words if not _said_in(w, str(image.get("around") or ""))]
        return missing or None
    name = str(image.get("name") or "")
    if not name.strip() or any(_said_in(w, name) for w in words):
        return None
    return words


def image_text_defects(taken: list[Measurement]) -> list[Deficiency]:
    """The two defects of images of text, each naming its pages (empty when no picture was read)."""
    found: dict[bool, list[tuple[Measurement, dict[str, Any], list[str]]]] = {True: [], False: []}
    for m in taken:
        for image in (m.data.get("image_text") or {}).get("images") or []:
            missing = unsaid(image)
            if missing:
                found[bool(image.get("hidden"))].append((m, image, missing))
    out = []
    for hidden, hits in found.items():
        if not hits:
            continue
        listed, urls = pages_listed([m.url for m, _, _ in hits])
        first = hits[0]
        words = " ".join(first[2][:8])
        if hidden:
            said = Said(
                f"images hidden from assistive technology that show words the page does not say (first «{words}», "
                f"{first[1].get('selector')}): not decoration (WCAG 1.1.1, Appendix 14 row 3.1), on {listed} "
                f"page(s): {urls}",
                "deficiency.a14.hidden_image_of_text",
                words=words,
                selector=str(first[1].get("selector")),
                pages=listed,
                urls=urls,
            )
        else:
            said = Said(
                f"images whose name carries none of the words they show (first «{words}» named "
                f"«{first[1].get('name')}», {first[1].get('selector')}; WCAG 1.1.1, Appendix 14 row 3.1), on "
                f"{listed} page(s): {urls}",
                "deficiency.a14.image_text_not_named",
                words=words,
                name=str(first[1].get("name")),
                selector=str(first[1].get("selector")),
                pages=listed,
                urls=urls,
            )
        out.append(
            Deficiency(
                said,
                kind="missing_alt",
                url=first[0].url,
                selector=first[1].get("selector"),
                evidence=[m.evidence(i.get("selector"), _snippet(i, w)) for m, i, w in hits[:3]],
                pages=list(dict.fromkeys(m.url for m, _, _ in hits)),
                criteria=("1.1.1",),
            )
        )
    return out


def _snippet(image: dict[str, Any], words: list[str]) -> str:
    return f"{' '.join(words)} · {image.get('src') or image.get('tag')}"[:200]


def read_images(taken: list[Measurement]) -> int:
    """How many pictures were read for words (0 when no page had the measurement)."""
    return sum(
        1 for m in taken for i in (m.data.get("image_text") or {}).get("images") or [] if i.get("words") is not None
    )
