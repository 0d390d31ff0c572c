"""A single-page app's routes: one shell over HTTP, each route a page of its own.

Many small state bodies' sites keep the route in the address's fragment (``/#!/kk/komitet``, a Vue or
React router's ``/#/ru/about``): the server answers the same HTML shell at ``/`` for every route, the
app's script reads ``location.hash`` and draws the route. A fragment never reaches the server, so:

* the crawl tells the routes apart: :func:`~ashyq.crawler.middlewares.traps.canonical_url` keeps a
  route's fragment, and :class:`RouteFingerprinter` (the crawl's request fingerprint) counts two routes
  as two requests where Scrapy's own fingerprint ignores every fragment;
* :class:`RouteShellMiddleware` asks the server for a shell once: the first answer for an address
  without fragment is kept, and a route of it gets that answer back without a new exchange (not
  archived again: the page's WARC fields are the shell's record, and the site spider's browser step
  renders the route with its fragment, its DOM archived as a conversion of that record). It sits after
  the address guard, robots.txt and the trap limits, so a route is judged by them as any page is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.http import Response
from scrapy.utils.request import fingerprint

from ashyq.base.routes import route_fragment, shell_url
from ashyq.crawler.middlewares.archive import SHELL_FLAG, WARC_META
from ashyq.crawler.middlewares.traps import KIND

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# response.flags: the answer is the app's shell, kept from an earlier exchange (no new one was made)
ROUTE_FLAG = SHELL_FLAG
# the first page answers kept as possible shells (the entry page, where a site's app lives, is among them);
# an answer asked for a route is always kept: it is a shell. Only an HTML answer of a shell's size: an app's
# shell is a few kilobytes, and a large page is no shell to keep in memory
MAX_SHELLS = 64
MAX_SHELL_BYTES = 512 * 1024


class RouteFingerprinter:
    """Scrapy's request fingerprint, with a single-page app's route kept (other fragments ignored)."""

    def __init__(self, crawler: Crawler | None = None) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RouteFingerprinter:
        return cls(crawler)

    def fingerprint(self, request: Request) -> bytes:
        return fingerprint(request, keep_fragments=route_fragment(request.url) is not None)


class RouteShellMiddleware:
    """The shell a route's server answer is, asked over HTTP once (see the module's text)."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.shells: dict[str, tuple[Response, Any]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RouteShellMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> Response | None:
        if route_fragment(request.url) is None or not _a_page(request):
            return None
        kept = self.shells.get(shell_url(request.url))
        if kept is None:
            return None  # the first route before its shell: the server is asked for the shell
        shell, ref = kept
        if ref is not None:
            request.meta[WARC_META] = ref
        if self.stats is not None:
            self.stats.inc_value("ashyq/routes/from_shell")
        return shell.replace(url=request.url, request=request, flags=[*shell.flags, ROUTE_FLAG])

    def process_response(self, request: Request, response: Response) -> Response:
        if ROUTE_FLAG in response.flags or not _a_page(request) or response.status != 200:
            return response
        key = shell_url(request.url)
        kind = (response.headers.get(b"Content-Type") or b"").split(b";")[0].strip().lower()
        if key in self.shells or kind not in (b"text/html", b"application/xhtml+xml"):
            return response
        if len(response.body) > MAX_SHELL_BYTES:
            return response
        if len(self.shells) < MAX_SHELLS or route_fragment(request.url):
            self.shells[key] = (response, request.meta.get(WARC_META))
        return response


def _a_page(request: Request) -> bool:
    return request.method == "GET" and request.meta.get(KIND, "page") == "page"
