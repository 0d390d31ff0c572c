"""Crawler traps: where a site would keep a crawler busy forever, and how we cut it off.

* URL canonicalisation (:func:`canonical_url`): no fragment, sorted query (a key written without a
  value kept so: ``?OpenDocument``), lower-case scheme and host, no default port - one page, one URL;
  the one fragment kept is a single-page app's route (:func:`route_fragment`: ``/#!/kk/komitet``,
  ``/#/ru/about``), which names a page of its own;
* a page limit per body and a depth limit (clicks from the home page), applied in an order that
  does not depend on which server answered first (see :mod:`ashyq.crawler.scheduler`); the limit's
  last tenth is kept for links whose label names a section the content checks read
  (:mod:`ashyq.crawler.sections`), so a large site's news and archives do not use it all;
* repeated patterns: one path with ever-changing query values (an endless calendar, a session id
  in the query). Date-valued queries get a tighter limit than others, because pagination
  (``?page=87``) is legitimate and a calendar that runs to the year 3000 is not;
* redirect loops and over-long redirect chains.

Every cut request is recorded as a ``trap`` failure with what it tripped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit
from weakref import WeakKeyDictionary

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.http import Response
from w3lib.url import canonicalize_url

from ashyq.base.routes import route_fragment, route_parts
from ashyq.crawler.middlewares.failures import RefusedRequest, record_failure
from ashyq.crawler.middlewares.retry import FILTERED
from ashyq.net.egress import Refusal, target_of

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

KIND = "ashyq_kind"  # meta: "page" (default), "probe" (HEAD or size check), "api"
DEPTH = "click_depth"  # meta: clicks from the home page along the path that found the URL
ADMISSION = "ashyq_admission"  # meta: the limits' verdict, given when the scheduler released the request
# meta: the section of Appendix 15/16 or Table 7 the link's label names (ashyq.crawler.sections): such a
# page may use the page limit's reserve
SECTION_LINK = "ashyq_section"
_DEFAULT_PORTS = {"http": 80, "https": 443}
_DATE_VALUE = re.compile(r"^(\d{4}([-./]\d{1,2}){0,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{1,2}[-./]\d{4})$")


def canonical_url(url: str) -> str:
    """The one spelling of a URL the crawl uses for "have we seen it" and for the store: a route of a
    single-page app keeps its fragment (:func:`~ashyq.base.routes.route_fragment`), any other fragment goes."""
    route = route_fragment(url)
    cleaned = canonicalize_url(url, keep_fragments=False)
    parts = urlsplit(cleaned)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host if parts.port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = _bare_keys_kept(urlsplit(url).query, parts.query)
    return urlunsplit((scheme, netloc, parts.path or "/", query, route or ""))


def _bare_keys_kept(original: str, canonical: str) -> str:
    """The canonical query with a key written without a value kept so (``?OpenDocument``,
    ``?OpenView&Start=21``: a server's URL commands), where canonicalisation wrote ``OpenDocument=``:
    some servers read the two spellings differently, and the crawl asks for the page as the site links it."""
    bare = {
        canonicalize_url(f"http://x/?{part}").partition("?")[2].removesuffix("=")
        for part in original.split("&")
        if part and "=" not in part
    }
    if not bare:
        return canonical
    return "&".join(pair[:-1] if pair.endswith("=") and pair[:-1] in bare else pair for pair in canonical.split("&"))


def is_page_request(request: Request) -> bool:
    if request.meta.get(KIND, "page") != "page":
        return False
    # Follow-ups of an admitted request are not new pages: its retries, its redirect hops and the
    # robots.txt the robots middleware fetches for it.
    if request.meta.get("retry_times") or request.meta.get("redirect_times"):
        return False
    return not (request.meta.get("dont_obey_robotstxt") and urlsplit(request.url).path == "/robots.txt")


def query_pattern(url: str) -> tuple[tuple[str, str, tuple[str, ...]], str, bool] | None:
    """(host, path, parameter names), the query, and whether the values look like dates (a route's own
    path and query for a single-page app's route: its calendar is as endless as a server's)."""
    path, query = route_parts(url)
    if not query:
        return None
    pairs = parse_qsl(query, keep_blank_values=True)
    names = tuple(sorted({name for name, _ in pairs}))
    dated = any(_DATE_VALUE.match(value) for _, value in pairs)
    return (urlsplit(url).netloc.lower(), path, names), query, dated


class TrapLimits:
    """Page, depth and repeated-pattern limits, per crawl (one crawl = one body's spider).

    :meth:`judge` counts each page request it admits, so the order of the calls decides which
    requests a limit cuts: the crawl's scheduler (:mod:`ashyq.crawler.scheduler`) calls it in an
    order that does not depend on timing.
    """

    def __init__(self, settings: Any) -> None:
        self.max_pages = settings.getint("ASHYQ_MAX_PAGES", 2000)
        self.max_depth = settings.getint("ASHYQ_MAX_DEPTH", 10)
        self.max_query_variants = settings.getint("ASHYQ_MAX_QUERY_VARIANTS", 200)
        self.max_date_variants = settings.getint("ASHYQ_MAX_DATE_VARIANTS", 12)
        # the last pages of the limit, kept for links whose label names a section the content checks
        # read (a tenth of the limit: 200 of 2,000; none under ten pages)
        self.section_reserve = min(self.max_pages, settings.getint("ASHYQ_SECTION_RESERVE", self.max_pages // 10))
        self.admitted = 0
        self.variants: dict[tuple[str, str, tuple[str, ...]], set[str]] = defaultdict(set)

    def judge(self, request: Request) -> str:
        """Why this request is cut, or "" when it is admitted (a request that is not a new page is)."""
        if not is_page_request(request):
            return ""
        depth = request.meta.get(DEPTH)
        if depth is not None and depth > self.max_depth:
            return f"{depth} clicks from the home page, deeper than the limit of {self.max_depth}"
        pattern = query_pattern(request.url)
        if pattern is not None:
            key, query, dated = pattern
            seen = self.variants[key]
            seen.add(query)
            limit = self.max_date_variants if dated else self.max_query_variants
            if len(seen) > limit:
                kind = "date-valued " if dated else ""
                return f"repeated pattern: more than {limit} distinct {kind}queries ({', '.join(key[2])}) on {key[1]}"
        if self.admitted >= self.max_pages:
            return f"page limit of {self.max_pages} for this body reached"
        if self.admitted >= self.max_pages - self.section_reserve and not request.meta.get(SECTION_LINK):
            return (
                f"page limit of {self.max_pages} for this body reached for ordinary pages "
                f"(the last {self.section_reserve} kept for links to the appendices' sections)"
            )
        self.admitted += 1
        return ""


_LIMITS: WeakKeyDictionary[Any, TrapLimits] = WeakKeyDictionary()


def trap_limits(crawler: Crawler) -> TrapLimits:
    """The one set of limits of a crawl, shared by its scheduler and the middleware."""
    limits = _LIMITS.get(crawler)
    if limits is None:
        limits = _LIMITS[crawler] = TrapLimits(crawler.settings)
    return limits


class TrapLimitsMiddleware:
    """Cuts what the limits refuse, as a ``trap`` failure with what it tripped.

    The verdict is the one the scheduler wrote into the request (:data:`ADMISSION`) when it
    released it; a request that did not come through that scheduler is judged here.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.limits = trap_limits(crawler)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TrapLimitsMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        verdict = request.meta.get(ADMISSION)
        if verdict is None:
            verdict = self.limits.judge(request)
        if verdict:
            self._cut(verdict)
        return None

    def _cut(self, detail: str) -> None:
        if self.stats is not None:
            self.stats.inc_value("ashyq/traps/cut")
        raise RefusedRequest("trap", detail)


class LoopAwareRedirectMiddleware(RedirectMiddleware):
    """Scrapy's redirects, with loops and over-long chains recorded as traps.

    Without this, the second visit of a loop would be dropped by the duplicate filter without a
    word, and the page would silently go missing.
    """

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Request | Response:
        # Scrapy keeps a redirect to another scheme as the answer (a 302, seemingly a page): a
        # Location of file:///etc/hostname is a refusal with its reason, not a quiet dead end.
        location = response.headers.get(b"Location")
        if location is not None and response.status in (301, 302, 303, 307, 308):
            target = urljoin(request.url, location.decode("latin-1").strip())
            try:
                target_of(target)
            except Refusal as refusal:
                detail = f"redirects to {target[:200]}: {refusal.detail}"
                record_failure(self.crawler, request, refusal.reason, detail)
                raise RefusedRequest(refusal.reason, detail) from None
        return super().process_response(request, response)

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        seen = {canonical_url(url) for url in chain}
        if canonical_url(redirected.url) in seen:
            self._trap(request, "redirect loop: " + " → ".join([*chain, redirected.url]))
        if len(chain) > self.max_redirect_times:
            self._trap(request, f"more than {self.max_redirect_times} redirects: " + " → ".join(chain))
        followed = super()._redirect(redirected, request, reason)
        # A retry passes the duplicate filter; where it is redirected to must not: the same hop of a
        # first attempt was filtered, and a 503 before it must not make the target a page twice.
        if FILTERED in request.meta:
            followed.dont_filter = not request.meta[FILTERED]
        return followed

    def _trap(self, request: Request, detail: str) -> None:
        # Raised from process_response, which no downloader middleware's process_exception sees:
        # record here.
        record_failure(self.crawler, request, "trap", detail)
        raise RefusedRequest("trap", detail)
