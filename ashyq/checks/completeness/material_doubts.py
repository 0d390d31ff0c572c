"""Doubts on the material an indicator's place gives: what the reading of the pages cannot settle.

* A file named as the other language's (:func:`other_language_files`).
* A link of the place to a missing file (:func:`dead_material`).

The appendices ask each language version to carry the information in that language (the 2017 notes list
«неаутентичность текстов» among the deficiencies). A document listed under a Kazakh title whose link opens
``postanovlenie-318-ru.pdf`` (or a Russian page's link to ``sheshim-12-kk.docx``) is, by its name, the other
language's text; the harvest does not read a file's language, so the name is a sign, not a measurement. The
verdict keeps what the pages show and is uncertain: the assessor opens the file and says which language it is in.

A link in the block that shows an indicator to a file the harvest found missing (404, or a document viewer
naming a missing file) is part of the material the reader cannot open: the indicator is shown by the rest, and
whether what is missing is part of it («неполнота», incomplete information) is the assessor's to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from urllib.parse import unquote, urljoin, urlsplit

from ashyq.base.archive_text import PICTURE_FORMATS
from ashyq.base.routes import viewed_file
from ashyq.base.text import fold_kazakh, normalise
from ashyq.checks.accessibility.materials import download_format
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.keywords import Indicator
from ashyq.checks.completeness.machine_readable import NOT_MATERIAL
from ashyq.checks.completeness.places import Hit, dead_targets
from ashyq.checks.completeness.readings import Doubt
from ashyq.checks.completeness.search import Verdict

# the formats of a document, a table, an archive or a picture (a host's suffix, «qorgan.gov.kz», is none)
FILE_FORMATS = PICTURE_FORMATS | frozenset(
    ("pdf", "doc", "docx", "rtf", "odt", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp", "txt", "zip", "rar", "7z")
)
# a file name's mark of its language: a part of the name standing alone («-ru», «_rus», «.kz.»), or a folder
_MARKS = {"ru": r"ru|rus|russian", "kk": r"kk|kz|kaz|kazakh|qaz"}
MARKED = {lang: re.compile(rf"(?:^|[-_./ ])(?:{marks})(?:$|[-_./ ])") for lang, marks in _MARKS.items()}


def marked_other(address: str, lang: str) -> bool:
    """Whether the file's name (or its folder) marks it as the other language's."""
    other = "ru" if lang == "kk" else "kk"
    path = unquote(urlsplit(address).path).lower()
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    folders = path.rsplit("/", 1)[0].split("/")
    return bool(MARKED[other].search(name)) or other in folders or (other == "kk" and "kz" in folders)


def _files(unit: Unit, hrefs: Sequence[str], *, keep: bool = False) -> list[str]:
    """The addresses of the files among ``hrefs`` (a page's links left out): the file a document viewer's page
    shows, or with ``keep`` the viewer's address itself (the link as the reader follows it)."""
    out = []
    for href in hrefs:
        if not href or href.startswith(NOT_MATERIAL):
            continue
        address = urljoin(unit.url, href)
        shown = viewed_file(address) or address  # a document viewer's page shows the file it names
        if download_format(shown) in FILE_FORMATS:
            out.append(address if keep else shown)
    return out


def _place_hrefs(verdict: Verdict, indicator: Indicator) -> list[str] | None:
    """The links of the place that shows the indicator (None when it is not shown there)."""
    hit = verdict.hits.get(indicator.id)
    if hit is None or indicator.id not in verdict.present or verdict.present[indicator.id] is not hit.unit:
        return None
    if hit.rank == 1 and hit.href:
        return [hit.href]
    return [h for b in (hit.extent or ((hit.block,) if hit.block else ())) for h in b.hrefs]


def _shown_places(verdict: Verdict, indicators: Sequence[Indicator]) -> Iterator[tuple[Indicator, Hit, list[str]]]:
    """Each indicator shown at its place, with the place's hit and links."""
    for indicator in indicators:
        hrefs = _place_hrefs(verdict, indicator)
        if hrefs:
            yield indicator, verdict.hits[indicator.id], hrefs


def dead_material(verdict: Verdict, indicators: Sequence[Indicator]) -> list[Doubt]:
    """A doubt per shown indicator whose place links a file (or a viewer of one) the harvest found missing."""
    doubts = []
    # the lines read as another indicator's label over closed links («Годовой план …: План закупок 2026»): their dead
    # links are that indicator's missing material, counted there
    counted = [said.lower() for _, said in verdict.placeholders.values() if said]
    for indicator, hit, hrefs in _shown_places(verdict, indicators):
        dead = dead_targets(hit.unit)
        gone = [
            f for f in _files(hit.unit, hrefs, keep=True) if f.lower() in dead and not _in_lines(hit.unit, f, counted)
        ]
        if not gone:
            continue
        detail = (
            f"{indicator.id}: {hit.cite()} shows it, but its link to {gone[0]} leads nowhere (the file is missing): "
            "look whether what that link should give is part of the information (неполнота)"
        )
        doubts.append(Doubt(indicator.id, "other_reading", hit.unit, hit.label or hit.how, detail))
    return doubts


def _in_lines(unit: Unit, address: str, lines: Sequence[str]) -> bool:
    """Whether a link of the unit to ``address`` has its words in one of the lines (compared folded, letters and
    digits alone: a Kazakh page's labels are kept folded)."""

    def letters(text: str) -> str:
        return re.sub(r"\W+", " ", fold_kazakh(normalise(text).lower())).strip()

    labels = [
        letters(label) for label, href in unit.anchors if label and urljoin(unit.url, href).lower() == address.lower()
    ]
    read = [f" {letters(line)} " for line in lines]
    return any(label and f" {label} " in line for label in labels for line in read)


def other_language_files(verdict: Verdict, indicators: Sequence[Indicator], lang: str) -> list[Doubt]:
    """A doubt per indicator shown in ``lang`` whose place links a file named as the other language's."""
    doubts = []
    for indicator, hit, hrefs in _shown_places(verdict, indicators):
        marked = [f for f in _files(hit.unit, hrefs) if marked_other(f, lang)]
        if not marked:
            continue
        detail = (
            f"{indicator.id}: {hit.cite()} links {marked[0]}"
            + (f" and {len(marked) - 1} more file(s)" if len(marked) > 1 else "")
            + f", named as the other language's: look whether the file is in the {lang} language "
            "(неаутентичность текстов if it is not)"
        )
        doubts.append(Doubt(indicator.id, "other_reading", hit.unit, hit.label or hit.how, detail))
    return doubts
