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
from urllib.parse import SplitResult, parse_qs, parse_qsl, quote, urljoin, urlsplit

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


def address_key(url: str) -> str:
    """The address a harvested page is looked up by: without an in-page anchor, lower-case, no closing slash
    (``/kk/Vacancies/#list`` and ``/kk/vacancies`` are one page)."""
    return without_anchor(url).lower().rstrip("/")


# the query of a content system's view for its editors, not its readers: a page's source opened for editing, its
# revision history, a comparison of revisions, a link to a page not yet written (a wiki's ``action=edit``,
# ``action=history``, ``diff=``, ``oldid=``, ``redlink=1``; ``task=edit`` of others)
EDIT_ACTIONS = frozenset({"edit", "submit", "history", "info", "raw", "purge", "watch", "unwatch", "delete", "protect"})
EDIT_KEYS = frozenset({"redlink", "diff", "oldid", "veaction"})


def editing_view(url: str) -> bool:
    """Whether the address is a view for the site's editors (robots.txt commonly forbids them): the source, history
    or revisions of a page the site publishes elsewhere, or a page not yet written; none holds material a reader is
    given, so not reading it cannot change a finding."""
    query = {
        k.lower(): [v.lower() for v in vs] for k, vs in parse_qs(urlsplit(url).query, keep_blank_values=True).items()
    }
    actions = {v for key in ("action", "task") for v in query.get(key, [])}
    return bool(actions & EDIT_ACTIONS or set(query) & EDIT_KEYS)


# the last segment of a sign-in or sign-out address (SharePoint's ``_layouts/15/Authenticate.aspx``, ``/login``,
# ``wp-login.php``, ``/user/signin``, a Kazakh or Russian site's ``/kiru``, ``/vhod``), its extension aside
SIGN_IN_WORDS = frozenset(
    {"authenticate", "login", "log-in", "logon", "signin", "sign-in", "logout", "signout", "wp-login", "kiru", "vhod"}
)


def sign_in_view(url: str) -> bool:
    """Whether the address is the site's sign-in (or sign-out) form: it asks a user of the system for a password and
    gives a reader none of the site's material (what it publishes is given without authorisation, Appendix 14,
    2.6, point 4), whatever page its query names to return to after it («?Source=/kk/Pages/Budget.aspx»)."""
    last = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1].lower()
    return last.split(".", 1)[0] in SIGN_IN_WORDS


def not_for_readers(url: str) -> bool:
    """Whether the address is a view a reader is not given (:func:`editing_view`, :func:`sign_in_view`): not
    reading it (robots.txt commonly forbids both) cannot change a finding."""
    return editing_view(url) or sign_in_view(url)


# a document viewer's address names the file it shows in a parameter: a PDF.js viewer page
# (``/pdfjs/web/viewer.html?file=%2Fuploads%2Fdocs%2Fbudget.pdf``), an online or office viewer (``?url=…``, ``?src=…``)
VIEWER_PARAMETERS = frozenset({"file", "url", "src", "doc", "document", "pdf"})
VIEWED_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|odp|rtf|csv)$", re.I)


def viewed_file(url: str) -> str | None:
    """The file a document viewer's address shows, resolved as the viewer resolves it (against its own address);
    None for an address that is no viewer's (a file itself, a page naming no document in such a parameter). A link
    to a viewer offers the reader that file: its format, size and text are the file's."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or VIEWED_DOCUMENT.search(parts.path):
        return None
    for name, value in parse_qsl(parts.query):
        value = value.strip()
        if name.lower() in VIEWER_PARAMETERS and value and VIEWED_DOCUMENT.search(urlsplit(value).path):
            target = urljoin(url, value)
            if urlsplit(target).scheme in ("http", "https"):
                return target
    return None


def wrapped_target(url: str) -> str | None:
    """The address a link wrapper sends the reader on to (a redirector whose query carries it: a published document's
    ``/url?q=https://adilet.zan.kz/…&sa=D``), or None."""
    return next((v for _, v in parse_qsl(urlsplit(url).query) if v.startswith(("http://", "https://"))), None)
