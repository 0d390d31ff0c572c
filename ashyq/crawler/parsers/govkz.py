"""www.gov.kz: the URLs of the platform's JSON API and what its answers mean (portals.md 1.3–1.5).

The platform's HTML is an empty React shell, so everything measurable comes from here:
``/api/v1/public/content-manager/<type>`` (bare JSON arrays, ``op:value`` filters, paging from 1),
``/graphql`` (Apollo), and ``/api/v2/public-data`` (the virtual reception, behind a browser ticket).
Refusals are told apart from empty answers: a ``400 notAllowed`` means "not measurable", never
"this body has no news".
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

GOVKZ = "https://www.gov.kz"
CONTENT_API = f"{GOVKZ}/api/v1/public/content-manager"
TICKET_URL = f"{GOVKZ}/api/v1/public/_/c/k6"
GRAPHQL_URL = f"{GOVKZ}/graphql"
PUBLIC_DATA_URL = f"{GOVKZ}/api/v2/public-data"

# The content types harvested per body, with the sort order public code uses for each.
CONTENT_SORT: dict[str, str] = {
    "documents": "created_date:DESC",
    "pages": "order:ASC",
    "curators": "order:ASC",
    "events": "event_date:ASC",
    "news": "created_date:DESC",
}
# content type → the store's record_kind
RECORD_KIND = {"documents": "document", "pages": "page", "curators": "curator", "events": "event", "news": "news"}


@dataclass
class BrowserTicket:
    """A browser ticket (:mod:`ashyq.crawler.spiders.govkz_tickets`): the extra headers and cookies a
    browser session's own requests to the API carried."""

    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    source_url: str | None = None

    def __bool__(self) -> bool:
        return bool(self.headers or self.cookies)


class ApiRefusal(Exception):
    """The API said no (``notAllowed``, ``browserTicketMissing``, a 5xx body): not an empty list."""

    def __init__(self, code: str, status: int | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.status = status

    @property
    def is_antibot(self) -> bool:
        return self.code in ANTIBOT_CODES


ANTIBOT_CODES = frozenset({"notAllowed", "browserTicketMissing"})


def entity_url(slug: str, path: str = "", lang: str = "ru") -> str:
    """A public page of a body: ``/memleket/entities/<slug><path>?lang=<lang>``."""
    return f"{GOVKZ}/memleket/entities/{slug}{path}?{urlencode({'lang': lang})}"


def news_page_url(slug: str, lang: str) -> str:
    """The news list, used as the Referer of the ticket step (as the site's own script sends it)."""
    return entity_url(slug, "/press/news", lang)


def content_list_url(kind: str, slug: str, page: int, size: int) -> str:
    query = {"projects": f"eq:{slug}", "sort-by": CONTENT_SORT[kind], "page": page, "size": size}
    return f"{CONTENT_API}/{kind}?{urlencode(query)}"


def refusal_of(status: int, body: bytes | str) -> ApiRefusal | None:
    """The refusal an answer carries, or None for a usable answer.

    A 4xx/5xx with a JSON ``error`` names its code; other failures get ``http_<status>``.
    """
    if status < 400:
        return None
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return ApiRefusal(f"http_{status}", status)
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        return ApiRefusal(data["error"], status)
    return ApiRefusal(f"http_{status}", status)


def parse_content_list(body: bytes | str) -> list[dict[str, Any]]:
    """The items of a content-manager answer: a bare array, or ``{"content": [...]}`` defensively."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise ApiRefusal("not_json") from None
    if isinstance(data, dict) and isinstance(data.get("content"), list):
        data = data["content"]
    if isinstance(data, dict) and "error" in data:
        raise ApiRefusal(str(data["error"]))
    if not isinstance(data, list):
        raise ApiRefusal("unexpected_shape")
    return [item for item in data if isinstance(item, dict)]


def is_last_page(items: list[dict[str, Any]], size: int) -> bool:
    """Paging stops at a short page (the API has no total)."""
    return len(items) < size


def graphql_contacts_query(slug: str, lang: str) -> dict[str, Any]:
    query = (
        "query Contacts($projects: String, $lang: String) "
        "{ contacts_page(projects: $projects, _lang: $lang) { id organisations } }"
    )
    return {"query": query, "variables": {"projects": f"eq:{slug}", "lang": lang}}


NEWS_FIELDS = "id title slug created_date heropic alt_image body short_description hint comments_on projects"


def graphql_news_query(slug: str, lang: str, page: int, size: int) -> dict[str, Any]:
    query = (
        "query News($projects: String, $size: Int, $page: Int, $sort: String, $lang: String) "
        "{ news(projects: $projects, _size: $size, _page: $page, _sort: $sort, _lang: $lang) "
        f"{{ {NEWS_FIELDS} directions {{ id title }} }} }}"
    )
    variables = {"projects": f"eq:{slug}", "size": size, "page": page, "sort": "created_date:DESC", "lang": lang}
    return {"query": query, "variables": variables}


def parse_graphql(body: bytes | str, root: str) -> list[dict[str, Any]]:
    """The list under ``data.<root>``; a non-JSON reply or ``errors`` is a refusal (retry or record)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise ApiRefusal("not_json") from None
    if not isinstance(data, dict):
        raise ApiRefusal("unexpected_shape")
    if data.get("errors"):
        first = data["errors"][0] if isinstance(data["errors"], list) and data["errors"] else {}
        code = (first.get("extensions") or {}).get("code") if isinstance(first, dict) else None
        raise ApiRefusal(str(code or "graphql_error"))
    value = (data.get("data") or {}).get(root)
    if value is None:
        return []
    if isinstance(value, dict):
        return [value]
    return [item for item in value if isinstance(item, dict)]


def public_data_request(slug: str, page: int, size: int, content_type: str = "vr_question") -> dict[str, Any]:
    """The body the site's bundle POSTs to ``/api/v2/public-data`` (pages count from 0 here)."""
    return {"data": {"page": page, "size": size}, "project_slug": slug, "content_type_slug": content_type}


@dataclass
class PublicDataPage:
    items: list[dict[str, Any]]
    total_pages: int | None


def parse_public_data(body: bytes | str) -> PublicDataPage:
    """A page of public data: ``{"content": [...], "totalPages": N}`` (a bare list is accepted too)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise ApiRefusal("not_json") from None
    if isinstance(data, list):
        return PublicDataPage([i for i in data if isinstance(i, dict)], None)
    if not isinstance(data, dict):
        raise ApiRefusal("unexpected_shape")
    if "error" in data:
        raise ApiRefusal(str(data["error"]))
    items = data.get("content")
    if not isinstance(items, list):
        raise ApiRefusal("unexpected_shape")
    pages = data.get("totalPages")
    return PublicDataPage([i for i in items if isinstance(i, dict)], int(pages) if isinstance(pages, int) else None)


def external_id(item: dict[str, Any]) -> str | None:
    value = item.get("id")
    return None if value is None else str(value)
