"""The site spider's part that harvests a separate mobile version (:mod:`ashyq.crawler.spiders.site_mobile`).

The version is found from a link on the full site (an ``m.`` host, a ``/m/`` path, or a link labelled
as the mobile, PDA or phone version in either language, wherever it leads: ``/pda.php?id=5`` too)
or from the answer a phone gets at the entry address (a redirect, or other markup),
and harvested with a phone's user agent in every language it offers, as pages of ``source``
``site-mobile`` with click depths over its own link graph.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response

from ashyq.crawler.middlewares.failures import original_url
from ashyq.crawler.middlewares.traps import DEPTH, canonical_url
from ashyq.crawler.spiders.site_mobile import (
    MOBILE_SOURCE,
    PHONE_COOKIES,
    MobileVersion,
    differs,
    is_mobile_label,
    labelled_version,
    mobile_version_at,
    phone_user_agent,
    redirected_version,
)
from ashyq.crawler.spiders.site_page import download_format
from ashyq.crawler.spiders.site_reading import SiteReading


class SitePhone(SiteReading):
    """The mobile version: found, then read with a phone's user agent in a cookie jar of its own."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mobile: MobileVersion | None = None
        self.mobile_requested: set[str] = set()
        self.entry_links: dict[str, set[str]] = {}  # an entry page → its internal links (the adaptive test)
        self.probed: set[str] = set()

    def _in_mobile_version(self, url: str) -> bool:
        return self.mobile is not None and self.mobile.contains(url)

    def _phone_probe(self, url: str) -> Any:
        """What a phone gets at the same address: a redirect to a mobile version, or other markup."""
        self.probed.add(url)
        return self.page_request(
            url,
            self.parse_phone_probe,
            depth=0,
            headers={"User-Agent": self._phone_agent()},
            meta={"cookiejar": PHONE_COOKIES, "ashyq_asked": url},
            dont_filter=True,
        )

    async def parse_phone_probe(self, response: Response) -> AsyncIterator[Any]:
        """The entry address as a phone gets it: redirected to a separate version, other markup at the
        same address (an adaptive site), or the same page (nothing more to harvest here)."""
        asked = str(response.meta["ashyq_asked"])
        final = canonical_url(response.url)
        if response.status >= 400 or self._read_page(response) is None:
            return
        version = redirected_version(asked, final, self.hosts)
        if version is None and self.mobile is None:
            parsed = self._read_page(response)
            # the pages a phone's answer links, as the desktop's are counted (entry_links): its downloads are no
            # pages, and counted on one side only they made a page linking many files look like other markup
            phone_links = {
                lk.url
                for lk in (parsed.links if parsed else [])
                if self._is_internal(lk.url) and lk.url.startswith("http") and not download_format(lk.url)
            }
            desktop_links = self.entry_links.get(asked, set())
            if differs(desktop_links, phone_links):
                host = (urlsplit(asked).hostname or "").lower()
                shared = len(desktop_links & phone_links) / max(1, len(desktop_links | phone_links))
                version = MobileVersion(
                    "adaptive",
                    host,
                    "",
                    asked,
                    f"a phone asking for {asked} gets other markup than a desktop "
                    f"({shared:.0%} of the internal links shared)",
                )
        if version is None:
            return
        self._adopt_mobile(version)
        if self.mobile is None or not self.mobile.contains(final):
            return
        self.mobile_requested.add(final)
        self.mobile_entries.add(final)
        async for result in self._harvest_mobile(response, final, 0):
            yield result

    async def parse_mobile(self, response: Response) -> AsyncIterator[Any]:
        request = response.request
        assert request is not None
        url = canonical_url(original_url(request))
        async for result in self._harvest_mobile(response, url, response.meta.get(DEPTH)):
            yield result

    def _phone_agent(self) -> str:
        return phone_user_agent(self.settings.get("USER_AGENT") or "")

    def _adopt_mobile(self, version: MobileVersion) -> None:
        """The first mobile version found is the one harvested (a site has one)."""
        if self.mobile is not None:
            return
        self.mobile = version
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("ashyq/mobile_version", f"{version.kind} {version.entry}: {version.found_by}")

    def _discover_mobile(self, links: list[Any], page_url: str) -> list[str]:
        """The links of a full-site page that lead into the mobile version (finding it if need be)."""
        out = []
        for link in links:
            if not link.url.startswith(("http://", "https://")):
                continue
            if self.mobile is None:
                label = f"«{link.anchor_text}»" if link.anchor_text else link.url
                version = mobile_version_at(link.url, self.hosts, f"the link {label} on {page_url}")
                if version is None and is_mobile_label(link.anchor_text):
                    if self._is_internal(link.url):
                        version = labelled_version(link.url, page_url, self.hosts, f"the link {label} on {page_url}")
                    else:
                        version = redirected_version(page_url, link.url, self.hosts)
                    if version is not None:
                        version = MobileVersion(
                            version.kind, version.host, version.prefix, link.url, f"the link {label} on {page_url}"
                        )
                if version is not None:
                    self._adopt_mobile(version)
            if self.mobile is not None and self.mobile.contains(link.url):
                out.append(canonical_url(link.url))
        if self.mobile is not None and self.mobile.kind == "host" and out:
            out.append(canonical_url(self.mobile.entry))
        return list(dict.fromkeys(out))

    def _mobile_requests(self, urls: list[str], depth: int | None, source_url: str) -> list[Any]:
        out = []
        for url in urls:
            if depth == 0:
                self.mobile_entries.add(url)
            if url in self.mobile_requested:
                continue
            self.mobile_requested.add(url)
            out.append(
                self.page_request(
                    url,
                    self.parse_mobile,
                    depth=depth,
                    source_url=source_url,
                    headers={"User-Agent": self._phone_agent()},
                    meta={"cookiejar": PHONE_COOKIES},
                    dont_filter=True,
                )
            )
        return out

    async def _harvest_mobile(self, response: Response, url: str, depth: int | None) -> AsyncIterator[Any]:
        """A page of the mobile version: stored as ``site-mobile``; its links inside the version followed."""
        request = response.request
        assert request is not None
        self._note_status(request, response.status)
        parsed, rendered = await self._read(response, phone=True)
        lang = self._lang(parsed, response)
        digest = rendered.sha256 if rendered is not None else self.archive_fields(response)["content_sha256"]
        first = self.digests.setdefault((f"{MOBILE_SOURCE}:{lang}", digest), url)
        if first != url:
            self.mobile_alias[url] = first
            return
        links = [] if parsed is None else parsed.links
        downloads = [] if parsed is None else await self._downloads(parsed, url)
        yield self._page_item(response, parsed, rendered, url, lang, depth, downloads, MOBILE_SOURCE)
        inside = [
            canonical_url(lk.url)
            for lk in links
            if self.mobile is not None and self.mobile.contains(lk.url) and not download_format(lk.url)
        ]
        routes = [
            canonical_url(r) for r in (rendered.routes if rendered else []) if self.mobile and self.mobile.contains(r)
        ]
        self.mobile_graph[url] = list(dict.fromkeys([*inside, *routes]))
        next_depth = None if depth is None else depth + 1
        for request_out in self._mobile_requests([*inside, *routes], next_depth, url):
            yield request_out
