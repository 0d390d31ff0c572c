"""What the gov.kz render asks outside the browser: the newest ids of a kind no page links (the
``article`` type, from the GraphQL API), and the status of the rendered pages' downloads and external
links (a HEAD, a bounded GET where HEAD tells nothing), as the classic-site spider checks its own
(:mod:`ashyq.crawler.spiders.site`). The statuses, with each rendered page's (200, or 404 for the
app's "page not found"), are what :meth:`GovkzRenderSpider.link_statuses` hands the store for the
links' ``target_status`` (Appendix 14 row 2.9 reads them).

Every request goes through the crawl's downloader: the address guard, robots.txt, the budget and the
WARC of every answer apply as to any other.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from typing import Any

from scrapy.http import JsonRequest, Request, Response

from ashyq.crawler.items import DownloadRecord, FetchFailureItem, PageItem
from ashyq.crawler.middlewares.failures import NO_FAILURE, SOURCE, classify_exception
from ashyq.crawler.middlewares.traps import KIND, canonical_url
from ashyq.crawler.parsers import govkz
from ashyq.crawler.render_plan import SampleKind
from ashyq.crawler.spiders.site_page import download_format


def graphql_ids_query(root: str, slug: str, lang: str, size: int) -> dict[str, Any]:
    """The newest ``size`` items of a content type of the body in ``lang`` (ids only)."""
    query = (
        f"query Newest($projects: String, $size: Int, $sort: String, $lang: String) "
        f"{{ {root}(projects: $projects, _size: $size, _page: 1, _sort: $sort, _lang: $lang) {{ id }} }}"
    )
    sort = "publication_date:DESC" if root == "article" else "created_date:DESC"
    return {"query": query, "variables": {"projects": f"eq:{slug}", "size": size, "sort": sort, "lang": lang}}


@dataclass
class LinkProber:
    """The answers of one body's rendered pages' downloads and external links, each address once."""

    crawler: Any
    max_external: int = 200
    max_file_size: int = 64 * 1024 * 1024
    statuses: dict[str, int] = field(default_factory=dict)
    failures: list[FetchFailureItem] = field(default_factory=list)
    _asked: dict[str, asyncio.Future[Response | None]] = field(default_factory=dict)
    _external: int = 0

    async def _download(self, request: Request) -> Response | None:
        try:
            return await self.crawler.engine.download_async(request)
        except Exception as error:  # recorded; the link keeps no status
            reason, detail, status = classify_exception(error)
            self.failures.append(FetchFailureItem(request.url, reason, detail[:500], status))
            return None

    def _probe(self, url: str, method: str, page_url: str) -> Request:
        meta: dict[str, Any] = {KIND: "probe", NO_FAILURE: True, "handle_httpstatus_all": True, SOURCE: page_url}
        if method == "GET":
            meta["download_maxsize"] = self.max_file_size
        return Request(canonical_url(url), method=method, meta=meta, dont_filter=True)

    async def _answer(self, url: str, page_url: str) -> Response | None:
        """HEAD, then a bounded GET where HEAD is not allowed or gives no size (asked once per address)."""
        if url not in self._asked:

            async def ask() -> Response | None:
                response = await self._download(self._probe(url, "HEAD", page_url))
                sizeless = response is not None and not response.headers.get("Content-Length")
                if response is not None and (response.status in (405, 501) or (response.status < 400 and sizeless)):
                    response = await self._download(self._probe(url, "GET", page_url))
                if response is not None:
                    self.statuses[url] = response.status
                    if response.status >= 400:
                        what = "download" if download_format(url) else "link"
                        self.failures.append(
                            FetchFailureItem(url, "http_status", f"HTTP {response.status} ({what})", response.status)
                        )
                return response

            self._asked[url] = asyncio.ensure_future(ask())
        return await asyncio.shield(self._asked[url])

    async def _download_record(self, found: DownloadRecord, page_url: str) -> DownloadRecord:
        response = await self._answer(found.url, page_url)
        if response is None:
            return found
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1") or None
        length = response.headers.get("Content-Length")
        size = int(length) if length and length.isdigit() else (len(response.body) if response.body else None)
        return replace(
            found,
            format=download_format(found.url, content_type) or found.format,
            size_bytes=size if response.status < 400 else None,
            content_type=content_type,
            status=response.status,
        )

    async def page(self, item: PageItem) -> PageItem:
        """The page with its downloads measured; its external links asked (bounded per body)."""
        self.statuses[item.url] = item.status
        downloads = await asyncio.gather(*(self._download_record(d, item.url) for d in item.downloads))
        external = []
        for link in item.links:
            url = link.target_url
            if link.is_internal or not url.startswith(("http://", "https://")) or download_format(url):
                continue
            if url not in self._asked and self._external >= self.max_external:
                continue
            self._external += url not in self._asked
            external.append(self._answer(url, item.url))
        await asyncio.gather(*external)
        return replace(item, downloads=list(downloads))


async def newest_ids(
    crawler: Any, sample: SampleKind, slug: str, lang: str
) -> tuple[list[str], FetchFailureItem | None]:
    """The addresses of the newest ``sample.newest`` items of a kind no page links, in ``lang``."""
    if not sample.graphql or sample.newest <= 0:
        return [], None
    request = JsonRequest(
        govkz.GRAPHQL_URL,
        data=graphql_ids_query(sample.graphql, slug, lang, sample.newest),
        headers={"Accept-Language": lang},
        dont_filter=True,
        meta={KIND: "api", NO_FAILURE: True, "handle_httpstatus_all": True},
    )
    try:
        response = await crawler.engine.download_async(request)
        items = govkz.parse_graphql(response.body, sample.graphql)
    except govkz.ApiRefusal as error:
        detail = f"render sample: graphql {sample.graphql} ({lang}): {error.code}"
        return [], FetchFailureItem(url=govkz.GRAPHQL_URL, reason="http_status", detail=detail)
    except Exception as error:
        reason = classify_exception(error)[0]
        detail = f"render sample: graphql {sample.graphql} ({lang}): {type(error).__name__}"
        return [], FetchFailureItem(url=govkz.GRAPHQL_URL, reason=reason, detail=detail)
    path = sample.path.rstrip("/")
    return [govkz.entity_url(slug, f"{path}/{item['id']}", lang) for item in items if item.get("id") is not None], None
