"""Appendix 15's "*" indicators: «сведения, которые должны быть размещены в машиночитаемом виде»
(2017 edition, seed 001, the notes under table 1, line 3548, and table 2, line 4038).

Where a "*" indicator is found, the material at that place (the block under the heading that names
it, or the page a title or a link names) is read for its form:

* hypertext - text, lists and tables of the page itself - is machine-readable;
* a linked file is machine-readable unless it is a picture (jpg, png, tif, djvu …, or served as
  ``image/*``) or a PDF the harvest found without a text layer (a scan: ``DownloadInfo.text_layer``
  False; a PDF whose text layer was not read is taken as it is offered), or a ZIP archive the harvest found
  holding no text document (one that does not open, or holds only pictures and scans);
* a picture shown in the page (``<img>``, icons left out) is not.

The place is not machine-readable only when its material is nothing but pictures and scans: no
machine-readable file beside them, no text of its own beyond the files' labels (``MIN_OWN_TEXT`` holding
figures, or a result stated with its quantity, «выявлено … на 412 тыс. тенге»: words describing the files are no
data; the page's own stamps - «Дата публикации: 12.10.2026, 11:20», «Өзгертілген күні: …» - say when, not what, and
are no text of the material), and no link to another page where the material could be. A place of dated files
whose newest (by the day or the period its label or its address names) is a picture or a scan while older ones are
machine-readable offers the information as it now stands in no machine-readable form: incomplete, uncertain
(:func:`newest_unreadable`). What this costs is the reading
``a15-machine-readable`` of the edition (``required``: the indicator is not shown; ``presence-only``:
shown, the finding still names the file).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import urljoin

from ashyq.base.archive_text import PICTURE_FORMATS
from ashyq.base.artifacts import DownloadInfo
from ashyq.base.routes import viewed_file, wrapped_target
from ashyq.base.text import fold_kazakh
from ashyq.checks.accessibility.materials import download_format
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.page_blocks import STAMP_LINE, Block
from ashyq.checks.completeness.places import figures, quantity

# Addresses that lead to another page (not a file): the material may be there.
PAGE_FORMATS = frozenset({"html", "htm", "php", "asp", "aspx", "jsp", "shtml"})
MIN_OWN_TEXT = 200  # characters of its own (files' labels left out) make a place hypertext
NOT_MATERIAL = ("#", "mailto:", "tel:", "javascript:")
# a page's own stamp: its label, a date and perhaps a time (normalised text; folded for Kazakh)
STAMP = STAMP_LINE
STAMPS = {"ru": re.compile(STAMP), "kk": re.compile(fold_kazakh(STAMP))}


def _file_problem(address: str, fmt: str, info: DownloadInfo | None) -> str | None:
    """Why a linked file is not machine-readable, or None when it is (or may be)."""
    content_type = (info.content_type or "").lower() if info is not None else ""
    if fmt in PICTURE_FORMATS or content_type.startswith("image/"):
        return f"{address} (a picture, {fmt})"
    if fmt == "pdf" and info is not None and info.text_layer is False:
        return f"{address} (a PDF with no text layer: a scan)"
    if fmt == "zip" and info is not None and info.text_layer is False:
        return f"{address} (an archive that does not open, or holds only pictures and scans)"
    return None


# what a linked page of the site offers: why its material is only pictures or scans; None when it is not (or was not
# read: the material may be there); "" when the page is about something else (another card beside it in a register)
Follow = Callable[[str], str | None]


def _downloads(unit: Unit) -> dict[str, DownloadInfo]:
    """What the harvest measured of the files the unit's page links, by lower-case address."""
    return {d.url.lower(): d for d in getattr(unit.origin, "downloads", ())}


def _file_of(unit: Unit, href: str, downloads: dict[str, DownloadInfo]) -> tuple[str, str | None, DownloadInfo | None]:
    """The file a link of the page leads to: its address, its format and what the harvest measured of it."""
    address = urljoin(unit.url, href)
    address = viewed_file(address) or address  # a document viewer's page shows the file it names
    address = wrapped_target(address) or address  # a link wrapper (``/url?q=…``) leads on to the file it names
    info = downloads.get(address.lower())
    return address, download_format(address, info), info


def _problems(unit: Unit, hrefs: Sequence[str], follow: Follow | None = None) -> list[str] | None:
    """Why each linked file is not machine-readable, or None when one of the links leads to a
    machine-readable file or to a page (where the material may be). ``follow``: a linked page of the site that
    was read is looked at (a document viewer's card whose only material is the scan it offers is no page of
    text); unread, or holding text, it may be where the material is."""
    downloads = _downloads(unit)
    problems = []
    for href in dict.fromkeys(hrefs):
        if not href or href.startswith(NOT_MATERIAL):
            continue
        address, fmt, info = _file_of(unit, href, downloads)
        if fmt is None or fmt in PAGE_FORMATS:
            on_page = follow(address) if follow is not None else None
            if on_page is None:
                return None
            if on_page:
                problems.append(on_page)
            continue
        problem = _file_problem(address, fmt, info)
        if problem is None:
            return None
        problems.append(problem)
    return problems


def _under(blocks: Sequence[Block], n: int) -> list[Block]:
    """The ``n``-th block and the blocks after it that are deeper (under its heading)."""
    depth = len(blocks[n].above)
    out = [blocks[n]]
    for later in blocks[n + 1 :]:
        if len(later.above) <= depth:
            break
        out.append(later)
    return out


def _innermost(blocks: Sequence[Block], keywords: Sequence[re.Pattern[str]]) -> Sequence[Block]:
    """Of a place of several blocks (a page a title or a link names), the blocks under the innermost
    headings that name the indicator: on a page titled «Исполнение бюджета» the execution report is
    under its own heading, not in the annual figures beside it. The place itself when none does."""
    headed = [n for n, b in enumerate(blocks) if b.heading and any(k.search(b.heading) for k in keywords)]
    extents = {n: _under(blocks, n) for n in headed}
    inner = [n for n in headed if not any(m != n and any(blocks[m] is b for b in extents[n]) for m in headed)]
    if not inner:
        return blocks
    return [b for n in inner for b in extents[n]]


def linked_file(unit: Unit, href: str, follow: Follow | None = None) -> str | None:
    """Why the file a link naming the indicator leads to is not machine-readable, or None when it is (or is a
    page, or was not read). The link is the indicator's place: the other files of its list («Образец заявления»
    (DOCX) beside «Результаты проверок» (a scan)) and the page's sentences around it are other material."""
    problems = _problems(unit, [href], follow)
    return "offered only as " + "; ".join(problems) if problems else None


def unreadable(
    unit: Unit,
    blocks: Sequence[Block],
    label: str = "",
    keywords: Sequence[re.Pattern[str]] = (),
    follow: Follow | None = None,
) -> str | None:
    """Why the material at this place of ``unit`` is not in a machine-readable form (naming each
    file and picture), or None when it is, or may be. No ``blocks``: the place is a link (its
    ``label``) whose block is not known, and the files it leads to are the material. ``keywords``:
    the indicator's, to find its own heading in a place of several blocks."""
    if not blocks:
        targets = [target for written, target in unit.anchors if label and written == label]
        problems = _problems(unit, targets, follow) if targets else None
        return "offered only as " + "; ".join(dict.fromkeys(problems)) if problems else None
    if len(blocks) > 1:
        blocks = _innermost(blocks, keywords)
    files = [h for b in blocks for h in b.hrefs]
    # a link whose own words name the indicator is its material; the place's other files are other material
    # («Отчет об исполнении бюджета» (a scan) beside «Отчеты о реализации бюджетных программ» (a text PDF))
    by_address = {urljoin(unit.url, f).lower(): f for f in files}
    named = [
        by_address[urljoin(unit.url, target).lower()]
        for written, target in unit.anchors
        if written and urljoin(unit.url, target).lower() in by_address and any(k.search(written) for k in keywords)
    ]
    problems = _problems(unit, named or files, follow)
    if problems is None:
        return None
    problems += [f"{urljoin(unit.url, src)} (a picture in the page)" for b in blocks for src in b.images]
    if not problems:
        return None  # the page's own hypertext
    own = STAMPS["kk" if unit.lang == "kk" else "ru"].sub(" ", " ".join(b.text for b in blocks))
    linked = {urljoin(unit.url, f).lower() for f in files}
    for written, target in unit.anchors:
        if written and urljoin(unit.url, target).lower() in linked:
            own = own.replace(written, " ")
    if len(own.strip()) >= MIN_OWN_TEXT and (figures(own, unit.lang) or quantity(own, unit.lang)):
        return None  # the page writes the material out as well (its figures, or a result stated with its quantity)
    return "offered only as " + "; ".join(dict.fromkeys(problems))


# When a file's material is dated by its label or its address: a day (на 01.11.2026), else the latest year it names
# with the months it covers («за 9 месяцев 2026 года», «9 айы», «ser-9m-2026»)
_DAY = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](20\d\d)(?!\d)")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_MONTHS = re.compile(r"(?<!\d)(1[0-2]|[1-9])[ _-]?(?:месяц|мес|ай|m(?![a-z]))", re.IGNORECASE)


def material_date(text: str) -> tuple[int, int, int] | None:
    """The period a file's label and address date its material to, as (year, month, day); None when undated."""
    if (day := _DAY.search(text)) is not None and 1 <= int(day[2]) <= 12:
        return int(day[3]), int(day[2]), int(day[1])
    years = [int(year) for year in _YEAR.findall(text)]
    if not years:
        return None
    months = _MONTHS.search(text)
    return max(years), int(months[1]) if months is not None else 0, 0


def newest_unreadable(
    unit: Unit, blocks: Sequence[Block], keywords: Sequence[re.Pattern[str]] = ()
) -> tuple[str, str] | None:
    """The newest file of a "*" indicator's place - (its label as the page writes it, why it is not machine-readable) -
    where it is offered only as a picture or a scan while the older files beside it are machine-readable: the
    information as it now stands is not «в машиночитаемом виде». None where every file is dated and the newest is
    machine-readable, where a file's date is not told (a machine-readable one may be the newest), or where no file
    of the place is machine-readable (:func:`unreadable` says so)."""
    if len(blocks) > 1:
        blocks = _innermost(blocks, keywords)
    files = {urljoin(unit.url, h).lower() for b in blocks for h in b.hrefs}
    downloads = _downloads(unit)
    shown = dict(zip((target for _, target in unit.anchors), unit.labels, strict=False))
    dated: dict[str, tuple[tuple[int, int, int], str, str | None]] = {}
    for _, target in unit.anchors:
        if urljoin(unit.url, target).lower() not in files or target.startswith(NOT_MATERIAL):
            continue
        address, fmt, info = _file_of(unit, target, downloads)
        if address.lower() in dated:
            continue
        if fmt is None or fmt in PAGE_FORMATS:
            return None  # a page: the material may be there
        label = shown.get(target, "")
        when = material_date(f"{label} {address.rsplit('/', 1)[-1]}")
        if when is None:
            return None
        dated[address.lower()] = (when, label or address, _file_problem(address, fmt, info))
    readable = [when for when, _, problem in dated.values() if problem is None]
    if not readable:
        return None
    when, label, problem = max(dated.values(), key=lambda entry: entry[0])
    if problem is None or when <= max(readable):
        return None
    return label, problem
