"""www.gov.kz's list of its entities, and each entity's «Подведомственные организации» page, for
``ashyq bodies sync``. Not a per-body spider (it has no ``applies_to``): it runs in a job of its own.

Sources, in order; the next is tried only when the one before fails (the result names the one used):

1. GraphQL ``projectdetails`` in ru, kk and en (one request, three aliases; a non-JSON answer is
   asked once more);
2. the content API ``/api/v1/public/content-manager/projectdetails`` [GUESS], paged, per language;
3. the directory page ``/memleket/entities`` [GUESS] rendered in Chromium (the platform's HTML is an
   empty shell: only its script draws the list).

Then per entity its ``pages`` (GraphQL, or the content API when GraphQL failed), in ru and kk: the
page whose title names subordinate organisations gives the links to them. Every answer goes into the
job's WARC through the usual middlewares; refusals and failures are kept as the result's problems.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin

import scrapy
from parsel import Selector
from scrapy.http import Response
from twisted.python.failure import Failure

from ashyq.crawler.middlewares.traps import KIND
from ashyq.crawler.parsers.govkz import CONTENT_API, GOVKZ, GRAPHQL_URL

LANGS = ("ru", "kk", "en")
PAGE_LANGS = ("ru", "kk")
PAGE_SIZE = 1000
SUBORDINATE_TITLES = ("подведомствен", "бағынысты")
ENTITY_FIELDS = "id project_name projects"
# error answers are this spider's to judge (it falls back); API calls are not pages for the trap limits
API_META = {"handle_httpstatus_all": True, "ashyq_no_failure": True, KIND: "api"}


def _entities_query() -> str:
    parts = [f'{lang}: projectdetails(_size: 10000, _lang: "{lang}") {{ {ENTITY_FIELDS} }}' for lang in LANGS]
    return "query Entities { " + " ".join(parts) + " }"


def _pages_query(slug: str) -> str:
    parts = [
        f'{lang}: pages(projects: "eq:{slug}", _lang: "{lang}", _size: 1000) {{ slug title content }}'
        for lang in PAGE_LANGS
    ]
    return "query SubordinatePages { " + " ".join(parts) + " }"


class NotAList(ValueError):
    """An answer that is not the list it should be (an error object, HTML, a refusal)."""


def entity_items(payload: Any) -> list[dict[str, Any]]:
    if not isinstance(payload, list):
        raise NotAList(f"expected a list, got {type(payload).__name__}")
    out = []
    for item in payload:
        if isinstance(item, dict) and item.get("projects") and item.get("project_name"):
            out.append({"slug": str(item["projects"]), "name": str(item["project_name"]), "id": item.get("id")})
    return out


def subordinate_links(pages: Any, base: str = GOVKZ) -> list[tuple[str, str]]:
    """(absolute URL, link text) of every organisation on a subordinates page among ``pages``."""
    links: list[tuple[str, str]] = []
    for page in pages if isinstance(pages, list) else []:
        title = str((page or {}).get("title") or "").casefold()
        if not any(word in title for word in SUBORDINATE_TITLES):
            continue
        for anchor in Selector(text=str(page.get("content") or "<p></p>")).css("a[href]"):
            href = urljoin(base + "/", str(anchor.attrib["href"]).strip())
            text = " ".join(anchor.css("::text").getall()).strip()
            if href.startswith(("http://", "https://")) and text:
                links.append((href.split("?")[0].split("#")[0], " ".join(text.split())))
    return links


class GovkzEntitiesSpider(scrapy.Spider):
    name = "govkz_entities"
    body_id = "govkz-entities"  # the WARC the job's answers go into

    def __init__(self, *args: Any, result_path: str, run_id: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.result_path = Path(result_path)
        self.run_id = run_id
        self.source: str | None = None
        self.names: dict[str, dict[str, str]] = {}  # slug → lang → name
        self.numbers: dict[str, int | None] = {}
        self.order: list[str] = []
        self.listings: list[dict[str, Any]] = []
        self.problems: list[str] = []
        self.pages_read = 0
        self._rest: dict[str, list[dict[str, Any]]] = {}

    # ---- 1. GraphQL ---------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Any]:
        yield self._graphql(_entities_query(), self.parse_graphql, attempt=1)

    def _graphql(self, query: str, callback: Any, **meta: Any) -> scrapy.Request:
        return scrapy.Request(
            GRAPHQL_URL,
            method="POST",
            body=json.dumps({"query": query}),
            headers={"Content-Type": "application/json", "Accept": "application/json", "Accept-Language": "ru"},
            callback=callback,
            errback=self.failed,
            dont_filter=True,
            meta={**API_META, **meta},
        )

    def parse_graphql(self, response: Response) -> Iterable[Any]:
        try:
            data = self._graphql_data(response)
            lists = {lang: entity_items(data.get(lang)) for lang in LANGS}
            if not lists["ru"]:
                raise NotAList("projectdetails is empty")
        except (ValueError, KeyError, TypeError) as error:
            if response.meta.get("attempt") == 1 and response.status < 500 and not _is_json(response):
                yield self._graphql(_entities_query(), self.parse_graphql, attempt=2)  # non-JSON: ask again
                return
            self.problems.append(f"graphql projectdetails: HTTP {response.status}, {error}")
            yield from self._rest_start()
            return
        self._take("graphql", lists)
        yield from self._page_requests()

    @staticmethod
    def _graphql_data(response: Response) -> dict[str, Any]:
        if response.status != 200:
            raise ValueError(f"answer {response.text[:80]!r}")
        payload = json.loads(response.text)
        if payload.get("errors"):
            raise ValueError(str(payload["errors"][0].get("message", "error"))[:200])
        data = payload.get("data")
        if not isinstance(data, dict):
            raise ValueError("no data")
        return data

    # ---- 2. the content API -------------------------------------------------------------------------

    def _rest_start(self) -> Iterable[scrapy.Request]:
        self._rest = {lang: [] for lang in LANGS}
        for lang in LANGS:
            yield self._rest_request(lang, 1)

    def _rest_request(self, lang: str, page: int) -> scrapy.Request:
        query = {"page": page, "size": PAGE_SIZE, "sort-by": "id:ASC"}
        return self._content_api("projectdetails", query, lang, self.parse_rest, page=page)

    def _content_api(
        self, endpoint: str, query: dict[str, Any], lang: str, callback: Any, **meta: Any
    ) -> scrapy.Request:
        """A request to the content API in ``lang`` (its ``Accept-Language``)."""
        return scrapy.Request(
            f"{CONTENT_API}/{endpoint}?{urlencode(query)}",
            headers={"Accept-Language": lang, "Accept": "application/json"},
            callback=callback,
            errback=self.failed,
            dont_filter=True,
            meta={**API_META, "lang": lang, **meta},
        )

    async def parse_rest(self, response: Response) -> AsyncIterator[Any]:
        if self.source is not None:
            return  # another language already failed over to the directory page
        lang, page = response.meta["lang"], response.meta["page"]
        try:
            if response.status != 200:
                raise NotAList(f"HTTP {response.status} {response.text[:80]!r}")
            items = entity_items(json.loads(response.text))
        except ValueError as error:
            self.problems.append(f"content API projectdetails ({lang}): {error}")
            self.source = "failing"
            async for item in self._directory():
                yield item
            return
        self._rest[lang] += items
        if len(items) >= PAGE_SIZE:
            yield self._rest_request(lang, page + 1)
            return
        self._rest[lang + ":done"] = []
        if all(f"{x}:done" in self._rest for x in LANGS):
            if not self._rest["ru"]:
                self.problems.append("content API projectdetails: empty")
                async for item in self._directory():
                    yield item
                return
            self._take("content-api", {x: self._rest[x] for x in LANGS})
            for request in self._page_requests():
                yield request

    # ---- 3. the directory page in a browser ---------------------------------------------------------

    async def _directory(self) -> AsyncIterator[Any]:
        from ashyq.crawler.render import budget_from, policy_from, url_map_from_settings
        from ashyq.net.browser import open_browser

        lists: dict[str, list[dict[str, Any]]] = {}
        try:
            async with open_browser(
                policy_from(self.settings), url_map_from_settings(self.settings), budget=budget_from(self.settings)
            ) as session:
                context = await session.new_context()
                for lang in LANGS:
                    page = await context.new_page()
                    await session.goto(page, f"{GOVKZ}/memleket/entities?lang={lang}", wait_until="networkidle")
                    await page.wait_for_selector("#root[data-rendered], #root .error", timeout=20_000)
                    lists[lang] = directory_items(await page.content())
                    await page.close()
                await context.close()
        except Exception as error:  # no browser, or the page never drew the list
            self.problems.append(f"directory page: {type(error).__name__}: {str(error).splitlines()[0][:200]}")
            return
        if not lists.get("ru"):
            self.problems.append("directory page: no entity in the rendered list")
            return
        self._take("directory-page", lists)
        for request in self._page_requests():
            yield request

    # ---- the subordinates pages ---------------------------------------------------------------------

    def _take(self, source: str, lists: dict[str, list[dict[str, Any]]]) -> None:
        self.source = source
        for lang, items in lists.items():
            for item in items:
                slug = item["slug"]
                if slug not in self.names:
                    self.names[slug], self.numbers[slug] = {}, None
                    self.order.append(slug)
                self.names[slug].setdefault(lang, item["name"])
                if isinstance(item.get("id"), int):
                    self.numbers[slug] = item["id"]

    def _page_requests(self) -> Iterable[scrapy.Request]:
        for slug in self.order:
            if self.source == "graphql":
                yield self._graphql(_pages_query(slug), self.parse_pages_graphql, slug=slug)
            else:
                query = {"projects": f"eq:{slug}", "size": PAGE_SIZE, "sort-by": "order:ASC"}
                for lang in PAGE_LANGS:
                    yield self._content_api("pages", query, lang, self.parse_pages_rest, slug=slug)

    def parse_pages_graphql(self, response: Response) -> None:
        slug = response.meta["slug"]
        try:
            data = self._graphql_data(response)
        except (ValueError, KeyError, TypeError) as error:
            self.problems.append(f"pages of {slug}: {error}")
            return
        self.pages_read += 1
        self._listed(slug, {lang: subordinate_links(data.get(lang)) for lang in PAGE_LANGS})

    def parse_pages_rest(self, response: Response) -> None:
        slug, lang = response.meta["slug"], response.meta["lang"]
        try:
            if response.status != 200:
                raise NotAList(f"HTTP {response.status}")
            pages = json.loads(response.text)
        except ValueError as error:
            self.problems.append(f"pages of {slug} ({lang}): {error}")
            return
        self.pages_read += lang == PAGE_LANGS[0]
        self._listed(slug, {lang: subordinate_links(pages)})

    def _listed(self, slug: str, links: dict[str, list[tuple[str, str]]]) -> None:
        for lang, found in links.items():
            for url, text in found:
                entry = next((x for x in self.listings if x["parent_slug"] == slug and x["url"] == url), None)
                if entry is None:
                    entry = {"parent_slug": slug, "url": url, "names": {}}
                    self.listings.append(entry)
                entry["names"].setdefault(lang, text)

    def failed(self, failure: Failure) -> Iterable[Any]:
        request = failure.request  # type: ignore[attr-defined]
        where = request.meta.get("slug") or request.url
        self.problems.append(f"{where}: {type(failure.value).__name__}: {str(failure.value)[:200]}")
        if request.url == GRAPHQL_URL and "slug" not in request.meta:
            yield from self._rest_start()

    def closed(self, reason: str) -> None:
        result = {
            "source": self.source if self.source != "failing" else None,
            "entities": [{"slug": s, "names": self.names[s], "number": self.numbers[s]} for s in self.order],
            "listings": self.listings,
            "problems": self.problems,
            "pages_read": self.pages_read,
            "finish": reason,
        }
        self.result_path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


def directory_items(html: str) -> list[dict[str, Any]]:
    """Entities of the rendered directory page: its links to ``/memleket/entities/<slug>``."""
    out = []
    for anchor in Selector(text=html).css("#root a[href*='/memleket/entities/']"):
        href = str(anchor.attrib["href"]).split("?")[0].rstrip("/")
        slug = href.rsplit("/memleket/entities/", 1)[-1]
        text = " ".join(" ".join(anchor.css("::text").getall()).split())
        if slug and "/" not in slug and text:
            out.append({"slug": slug, "name": text, "id": None})
    return out


def _is_json(response: Response) -> bool:
    try:
        json.loads(response.text)
    except ValueError:
        return False
    return True
