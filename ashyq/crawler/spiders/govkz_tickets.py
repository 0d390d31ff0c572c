"""The ticket steps gov.kz's anti-bot gate asks for, as plug-ins (portals.md 1.3, 1.5, 9.2).

The live mechanism is not public and changes; two are known from public code:

* ``k6``: ``POST /api/v1/public/_/c/k6`` with ``Content-Type: application/json``, an ``Origin`` of
  the site and the news page as ``Referer``; the answer sets a cookie the session then carries.
* ``browser``: open one of the body's pages in a real browser and capture the headers (``hash``,
  ``token`` …) and cookies the page's own script sends to the API; replay them.

``none`` sends nothing (to measure what an unticketed client gets). A ticket never becomes "no
news": a refusal is a FetchFailure ``antibot`` and a ``coverage`` record marked not measurable.
"""

from __future__ import annotations

from typing import Literal

import scrapy

from ashyq.crawler.parsers.govkz import GOVKZ, TICKET_URL, news_page_url

TicketMode = Literal["k6", "browser", "none"]
TICKET_MODES: tuple[str, ...] = ("k6", "browser", "none")


def k6_request(slug: str, lang: str, **kwargs: object) -> scrapy.Request:
    """The k6 ticket POST exactly as the site's script sends it."""
    return scrapy.Request(
        TICKET_URL,
        method="POST",
        body=b"{}",
        headers={
            "Content-Type": "application/json",
            "Origin": GOVKZ,
            "Referer": news_page_url(slug, lang),
            "Accept-Language": lang,
        },
        dont_filter=True,  # a fresh ticket each time one is needed
        **kwargs,  # type: ignore[arg-type]
    )


def parse_mode(value: str | None, default: TicketMode) -> TicketMode:
    mode = (value or default).strip().lower()
    if mode not in TICKET_MODES:
        raise ValueError(f"unknown ticket mode {value!r}; known: {', '.join(TICKET_MODES)}")
    return mode  # type: ignore[return-value]
