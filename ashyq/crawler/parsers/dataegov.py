"""data.egov.kz: a body's datasets from the catalogue AJAX endpoints and their passports (portals.md 2).

``/datasets/getdatasetsre`` caps a page at ten items whatever ``count`` asks, so the number of
pages comes from ``/datasets/getdatasetsrecount``'s ``totalCount``, never from the page size asked.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlencode

from ashyq.crawler.parsers.fields import Record

DATA = "https://data.egov.kz"
PAGE_CAP = 10  # what the portal returns at most per page


class CatalogueError(ValueError):
    """An answer that is not the JSON the catalogue sends (an HTML error page, a reCAPTCHA …)."""


def _filters(agency_id: str) -> dict[str, str]:
    return {"byGovAgencyId": agency_id, "status": "PUBLISHED"}


def count_url(agency_id: str) -> str:
    return f"{DATA}/datasets/getdatasetsrecount?{urlencode(_filters(agency_id))}"


def list_url(agency_id: str, page: int, count: int = PAGE_CAP) -> str:
    return f"{DATA}/datasets/getdatasetsre?{urlencode({**_filters(agency_id), 'page': page, 'count': count})}"


def passport_url(api_uri: str, version: str) -> str:
    return f"{DATA}/meta/{quote(api_uri, safe='')}/{quote(version, safe='')}"


def _json(body: bytes | str) -> Any:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise CatalogueError("not JSON") from None


def parse_count(body: bytes | str) -> int:
    data = _json(body)
    if not isinstance(data, dict) or not isinstance(data.get("totalCount"), int):
        raise CatalogueError("no totalCount")
    return int(data["totalCount"])


def pages_for(total: int, per_page: int = PAGE_CAP) -> int:
    return max(0, -(-total // per_page))


def parse_datasets(body: bytes | str) -> list[Record]:
    data = _json(body)
    if not isinstance(data, dict) or not isinstance(data.get("datasets"), list):
        raise CatalogueError("no datasets list")
    return [
        Record("dataset", str(item.get("apiUri") or item.get("id")), item)
        for item in data["datasets"]
        if isinstance(item, dict)
    ]


def current_version(dataset: dict[str, Any]) -> str | None:
    """The dataset's current version: ``v<datasetsCount>``, the number of versions it has.

    [GUESS from the catalogue fields; portals.md names no ``version`` key] An explicit ``version``
    key wins when a dataset carries one.
    """
    explicit = dataset.get("version") or dataset.get("currentVersion")
    if isinstance(explicit, str) and explicit:
        return explicit
    count = dataset.get("datasetsCount")
    return f"v{count}" if isinstance(count, int) and count > 0 else None


def parse_passport(body: bytes | str, api_uri: str, version: str) -> Record:
    data = _json(body)
    if not isinstance(data, dict) or ("message" in data and "apiUri" not in data):
        raise CatalogueError("no passport")
    payload = {**data, "_version": version}
    return Record("passport", f"{api_uri}/{version}", payload)
