"""What a page's address alone says about it: whether it is a site's home page.

A home page is the site's root or one language's root, optionally with the server's default document,
and a query that names nothing but the language:

* ``/``, ``/kk``, ``/kk/``, ``/kaz/``, ``/rus/``, ``/en/``;
* ``/index.php``, ``/ru/index.html``, ``/Default.aspx`` (IIS's and ASP.NET's default document);
* ``/?lang=kz``, ``/Default.aspx?lang=ru``, ``/?culture=kk-KZ``;
* an entity's own root on the www.gov.kz platform, ``/memleket/entities/<slug>`` (``?lang=ru``);
* the root of a site that is a folder of a larger host (:func:`site_prefix`), given that folder:
  ``/taldykol/``, ``/taldykol/kk/`` for a district akimat under its oblast's portal;
* a single-page app's root route, its route read as a path (:mod:`ashyq.base.routes`): ``/#!/kk/``.

Any other query makes the address a page of its own: ``/?id=82``, ``/index.php?lang=ru&mod=news``,
``/?p=5`` (a script or a CMS that serves every page at its root). The checks of Appendix 14 (the home page
the navigation is counted from, a language switch that leads to the home page instead of the page's
twin) and the authenticity of the two language versions (a switch that names the home page names no
counterpart) read it the same way.

**A site that is a folder of another's host.** A body's registered address may name a path: a district
akimat's site as a folder of its oblast's portal (``https://oblys.gov.kz/audan/``), every body on
www.gov.kz as ``/memleket/entities/<slug>``. Its pages are the addresses under that path
(:func:`under_prefix`); the host's other pages are another body's. The path a registered address names
(:func:`site_prefix`) is the leading part of it before a language segment or the server's default
document: ``/audan/kk/`` → ``/audan``, ``/ru/`` and ``/index.php`` → none (the whole host).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from ashyq.base.routes import address_parts

# the path segments that name a language (``/kz/``, ``/rus/``)
LANGUAGE_PARTS = frozenset({"kk", "kz", "kaz", "qaz", "ru", "rus", "en", "eng"})
# the query parameters that only choose a language
LANGUAGE_PARAMETERS = frozenset({"lang", "language", "culture", "locale"})
DEFAULT_DOCUMENT = re.compile(r"(index|default)\.(php|html?|aspx?|jsp)", re.I)
PLATFORM_ENTITY = re.compile(r"memleket/entities/[^/]+", re.I)


def site_prefix(url: str) -> str:
    """The folder a registered address names as the body's site (``""``: the whole host); see the
    module's description."""
    prefix: list[str] = []
    for segment in (s for s in urlsplit(url).path.split("/") if s):
        if segment.lower() in LANGUAGE_PARTS or DEFAULT_DOCUMENT.fullmatch(segment):
            break
        prefix.append(segment)
    return "/" + "/".join(prefix) if prefix else ""


def under_prefix(url: str, prefix: str) -> bool:
    """Whether the address is the folder ``prefix`` or under it (any address when ``prefix`` is empty):
    ``/audan/kk/page`` is under ``/audan``, ``/audandar`` is not."""
    prefix = prefix.rstrip("/")
    path = urlsplit(url).path.rstrip("/")
    return not prefix or path.casefold() == prefix.casefold() or path.casefold().startswith(prefix.casefold() + "/")


def bare_host(url: str) -> str:
    """The address's host in lower case without its ``www.`` ("" for a relative address)."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def outside_site(url: str, site_urls: Iterable[str]) -> str | None:
    """The registered address whose folder of a shared host ``url`` lies outside: a page of the same
    host that is another body's (the oblast's ``/kk/sitemap`` beside the district's ``/audan/``); None
    when ``url`` is the body's, on another host, or the body's site is a whole host."""
    own = [u for u in site_urls if bare_host(u) == bare_host(url)]
    if not own or any(under_prefix(url, site_prefix(u)) for u in own):
        return None
    return own[0]


def folder_of(url: str, site_urls: Iterable[str]) -> str:
    """The folder (:func:`site_prefix`) of the registered address whose site ``url`` is on: what
    :func:`is_home_url` needs to tell a folder site's home page (``""``: a whole host's site)."""
    folders = [site_prefix(u) for u in site_urls if bare_host(u) == bare_host(url)]
    return max((f for f in folders if under_prefix(url, f)), key=len, default="")


def is_home_url(url: str, prefix: str = "") -> bool:
    """The site's home page or one language's (see the module's description); with ``prefix``, the
    folder a site under a larger host is (:func:`site_prefix`), that folder's root. A single-page app's
    route is read as a path (``/#!/kk/`` is the Kazakh home page, ``/#!/kk/komitet`` a page of its own)."""
    parts = address_parts(url)
    if {name.lower() for name, _ in parse_qsl(parts.query, keep_blank_values=True)} - LANGUAGE_PARAMETERS:
        return False
    path = parts.path.strip("/")
    if PLATFORM_ENTITY.fullmatch(path):
        return True
    if prefix.strip("/"):
        if not under_prefix(url, prefix):
            return False
        path = path[len(prefix.strip("/")) :].strip("/")
    segments = [s for s in path.split("/") if s]
    if segments and DEFAULT_DOCUMENT.fullmatch(segments[-1]):
        segments.pop()
    if segments and segments[0].lower() in LANGUAGE_PARTS:
        segments.pop(0)
    return not segments
