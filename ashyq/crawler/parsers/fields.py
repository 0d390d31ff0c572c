"""Reading the fields of a portal page, for every portal parser: the record a parser returns, a
node's text, numbers, dates, the paging script (white space is folded by
:func:`ashyq.base.text.squash`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from parsel import Selector

from ashyq.base.text import squash

_TOTAL_PAGES = re.compile(r"totalPages\s*:\s*(\d+)")


@dataclass
class Record:
    """One thing read from a portal page: ``kind`` is the store's record_kind (draft, comment …)."""

    kind: str
    external_id: str | None
    payload: dict[str, Any] = field(default_factory=dict)


def node_text(selector: Selector | Any) -> str:
    """All text under a node, whitespace-collapsed."""
    return squash(" ".join(selector.xpath(".//text()").getall()))


def total_pages(html: str) -> int | None:
    """The page count the twbsPagination script carries (``totalPages: N``), None when absent."""
    found = _TOTAL_PAGES.search(html)
    return int(found.group(1)) if found else None


def first_int(text: str | None) -> int | None:
    found = re.search(r"-?\d+", (text or "").replace("\xa0", "").replace(" ", ""))
    return int(found.group(0)) if found else None


def parse_day(text: str | None, formats: tuple[str, ...]) -> date | None:
    value = squash(text)
    for fmt in formats:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def parse_moment(text: str | None, formats: tuple[str, ...]) -> datetime | None:
    value = squash(text)
    for fmt in formats:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    return None


def iso_or_none(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def query_value(url: str, *keys: str) -> str | None:
    """The first of ``keys`` present in the URL's query string."""
    query = parse_qs(urlsplit(url).query)
    for key in keys:
        if query.get(key):
            return query[key][0]
    return None
