"""Cookies without traffic nobody decided on: Scrapy's cookie middleware, with the public suffix list
taken from the copy tldextract ships.

Scrapy asks tldextract whether a cookie's domain is a public suffix (``Set-Cookie: …; Domain=kz``
must not reach every .kz site). Its module-level extractor fetches the list from publicsuffix.org
through ``requests`` the first time it is asked: a request outside the egress policy, from every
crawl process, and a traceback in every crawl log where the network is closed. Here the extractor
is built with no list URLs and no cache folder, so it reads tldextract's bundled snapshot and never
fetches. The cookie handling is Scrapy's own, the suffix lookup aside.
"""

from __future__ import annotations

from collections.abc import Iterable
from http.cookiejar import Cookie

from scrapy import Request
from scrapy.downloadermiddlewares.cookies import CookiesMiddleware
from scrapy.http.cookies import CookieJar
from scrapy.utils.httpobj import urlparse_cached
from tldextract import TLDExtract

# no URLs: the bundled snapshot; no cache folder: nothing written to the user's ~/.cache either
SPLIT_DOMAIN = TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


def is_public_suffix(domain: str) -> bool:
    """``kz``, ``gov.kz`` or ``github.io``: a suffix under which anyone registers, not a site."""
    return not SPLIT_DOMAIN(domain).domain


class OfflineCookiesMiddleware(CookiesMiddleware):
    """Scrapy's cookie middleware whose public-suffix check reads the bundled list (no fetch)."""

    def _process_cookies(self, cookies: Iterable[Cookie], *, jar: CookieJar, request: Request) -> None:
        for cookie in cookies:
            cookie_domain = cookie.domain.removeprefix(".")
            hostname = urlparse_cached(request).hostname
            if hostname is None:
                continue
            request_domain = hostname.lower()
            # a cookie for a public suffix is kept only for the very host that set it (as Scrapy does)
            if cookie_domain and is_public_suffix(cookie_domain):
                if cookie_domain != request_domain:
                    continue
                cookie.domain = request_domain
            jar.set_cookie_if_ok(cookie, request)
