"""A single-page app's route: the part of an address after ``#!`` or ``#`` that names a page.

Many small state bodies' sites are single-page apps whose router keeps the route in the fragment:
``/#!/kk/komitet`` (a hash-bang router, AngularJS-era) or ``/#/ru/about`` (a Vue or React router in hash
mode). The server answers the same shell for every route; the script draws the route. Such a fragment
names a page of its own, unlike an in-page anchor (``#main``, ``#top``, ``#section-2``), and a reader
takes its path as a path: ``/#!/ru/komitet`` is the Russian page ``/ru/komitet`` of the site
(:func:`address_parts`), whatever the crawler or a check asks of it (its language segment, whether it is
the home page).
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, quote, urlsplit

# a hash-bang (``#!/kk/komitet``) or a hash path (``#/ru/about``) with a path after its slash
_ROUTE = re.compile(r"^!?/[^/\s#]")
_ROUTE_SAFE = "!/?&=:@%+,;-._~$'()*"


def route_fragment(url: str) -> str | None:
    """The route a URL's fragment names (``!/kk/komitet`` of ``https://x.kz/#!/kk/komitet``), spelt as a
    browser's address bar keeps it (white space and non-ASCII percent-encoded), or None for no fragment
    or an in-page anchor."""
    _, sep, fragment = url.partition("#")
    fragment = fragment.strip()
    if not sep or not _ROUTE.match(fragment):
        return None
    return quote(fragment, safe=_ROUTE_SAFE)


def shell_url(url: str) -> str:
    """The address the server answers for a route: the URL without its fragment (the app's shell)."""
    return url.partition("#")[0]


def route_parts(url: str) -> tuple[str, str]:
    """The path and query a visitor reads in an address: a route's own (``/kk/izdeu`` and ``q=…`` of
    ``/#!/kk/izdeu?q=…``), else the URL's."""
    route = route_fragment(url)
    if route is None:
        parts = urlsplit(url)
        return parts.path, parts.query
    path, _, query = route.removeprefix("!").partition("?")
    return path, query


def address_parts(url: str) -> SplitResult:
    """``urlsplit`` of the address as its reader takes it: a route read as a path under its shell's
    (``/app/#/ru/about`` → path ``/app/ru/about``), its query the route's; any other URL as it is, with
    no fragment."""
    parts = urlsplit(url)
    if route_fragment(url) is None:
        return parts._replace(fragment="")
    path, query = route_parts(url)
    return parts._replace(path=parts.path.rstrip("/") + path, query=query, fragment="")


def without_anchor(url: str) -> str:
    """The address without an in-page anchor (``/about#team`` → ``/about``); a single-page app's route is
    no anchor and stays (``/#!/kk/komitet``)."""
    route = route_fragment(url)
    return shell_url(url) + (f"#{route}" if route else "")
