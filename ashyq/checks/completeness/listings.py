"""A web server's own listing of a folder («Index of /docs/proekty»: Apache's, nginx's, lighttpd's automatic
index), published as a section's material. It is written by the server, not the body: its words («Parent
Directory», «Last modified») are no language of the site's, so the harvest files it under none of the site's
languages, and a section whose heading only points at folders («Проекты НПА: /docs/proekty/») holds what the
folders hold:

* a folder of no file - the parent folder and the sorting links alone - is an empty section: the site names the
  material and offers none (Appendix 15's «отсутствие показателя», Table 7's information not placed);
* the files' names and the days the listing says they were changed date the material («plan-2025.xlsx»,
  «2025-11-14 10:05»): a section pointing at a folder whose newest file is a year old is not kept up to date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from ashyq.base.artifacts import PageSnapshot
from ashyq.base.dates import find_dates
from ashyq.base.memo import for_the_last
from ashyq.base.routes import address_key
from ashyq.base.text import squash

__all__ = [
    "FOLDER_POINTER_WORDS",
    "Entry",
    "empty_listing",
    "entries",
    "listing_of",
    "listings_by_address",
    "pointed_folders",
    "pointer_targets",
]

_TITLE = re.compile(r"^\s*Index of\s+/", re.IGNORECASE)
_PARENT = re.compile(r"^\s*(?:parent directory|\.\.\s*/?)\s*$", re.IGNORECASE)
# nginx writes the day as «14-Nov-2025 10:05»
_NGINX_DAY = re.compile(r"\b(\d{2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{4})\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a pointer at a folder: a sentence or two saying what the folder holds (and where the drafts are discussed)
FOLDER_POINTER_WORDS = 40
MAX_LISTING = 2_000_000  # characters of a page read as a listing (a server's index of a few thousand files)


@dataclass(frozen=True)
class Entry:
    """A file or sub-folder a listing shows: its name as written, and the day it was last changed."""

    name: str
    modified: date | None


def _title(html: str) -> str:
    found = re.search(r"<title[^>]*>([^<]{0,300})", html[:4000], re.IGNORECASE)
    return squash(found.group(1)) if found else ""


@for_the_last  # every section of every table, in each language, asks for the same body's
def listings_by_address(pages: Sequence[PageSnapshot]) -> dict[str, PageSnapshot]:
    """The harvested folder listings by their lower-case address (and the address each ended at); read only."""
    found: dict[str, PageSnapshot] = {}
    for page in pages:
        if len(page.html) <= MAX_LISTING and _TITLE.search(_title(page.html)):
            for url in (page.url, page.final_url):
                if url:
                    found.setdefault(address_key(url), page)
    return found


def _day(text: str) -> date | None:
    if nginx := _NGINX_DAY.search(text):
        try:
            return date(int(nginx.group(3)), _MONTHS.index(nginx.group(2).lower()) + 1, int(nginx.group(1)))
        except ValueError:
            return None
    days = find_dates(text)
    return days[0].day if days else None


def entries(page: PageSnapshot) -> list[Entry]:
    """The files and sub-folders a listing shows, in its order; the sorting links and the way up are none."""
    return list(_entries(page.html, page.final_url or page.url))


@lru_cache(maxsize=64)  # a listing is asked for by every place pointing at it, of every indicator
def _entries(html: str, base: str) -> tuple[Entry, ...]:
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ()
    here = urlsplit(base).path.rstrip("/") + "/"
    found: list[Entry] = []
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("?", "#")) or _PARENT.match(link.text_content()):
            continue
        if here.startswith(urlsplit(urljoin(base, href)).path.rstrip("/") + "/"):
            continue  # up to a folder above this one
        row = link.getparent()
        while row is not None and row.tag not in ("tr", "li", "pre"):
            row = row.getparent()
        # a table's row or a list's item holds the day; in nginx's <pre> it follows the link on its line
        name = squash(link.text_content())
        if row is None or row.tag == "pre":
            beside = (link.tail or "").split("\n")[0]
        else:  # the row's other cells (a file named by its day is no day it was changed)
            beside = " ".join(c.text_content() for c in row.iter("td", "span", "div") if link not in c.iter("a"))
        found.append(Entry(name, _day(beside)))
    return tuple(found)


def empty_listing(page: PageSnapshot) -> str | None:
    """The listing's title («Index of /docs/proekty») when the folder holds no file and no sub-folder; None for
    a listing of anything."""
    return None if entries(page) else _title(page.html)


def pointer_targets(unit_url: str, hrefs: Sequence[str], words: int) -> list[str] | None:
    """The addresses of the site a place's own words only point at, when they are a pointer's (at most
    FOLDER_POINTER_WORDS words); a portal's front page linked beside them («обсуждение - на legalacts.egov.kz») is
    no material either. None for a place of more words, one linking none of the site's pages, or one linking a page
    or file of another site (which may be the material)."""
    links = [h for h in dict.fromkeys(hrefs) if not h.startswith("#")]
    if not links or words > FOLDER_POINTER_WORDS:
        return None
    host = urlsplit(unit_url).hostname
    targets = [urljoin(unit_url, href) for href in links]
    own = [t for t in targets if urlsplit(t).hostname == host]
    if not own or any(urlsplit(t).path not in ("", "/") for t in targets if t not in own):
        return None
    return own


def listing_of(url: str, listings: Mapping[str, PageSnapshot]) -> PageSnapshot | None:
    """The folder listing harvested at ``url`` (:func:`listings_by_address`)."""
    return listings.get(address_key(url))


def pointed_folders(
    unit_url: str, hrefs: Sequence[str], words: int, listings: Mapping[str, PageSnapshot]
) -> list[PageSnapshot] | None:
    """The folder listings a place points at (:func:`pointer_targets`) when every page of the site it points at is
    a listing harvested; None for any other place."""
    own = pointer_targets(unit_url, hrefs, words) if listings else None
    if not own:
        return None
    folders = [listing_of(t, listings) for t in own]
    return [f for f in folders if f is not None] if all(f is not None for f in folders) else None
