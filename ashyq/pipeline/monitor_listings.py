"""The platform's newest-first listings read down to the previous night's mark (a monitoring night's
reading of www.gov.kz, :mod:`ashyq.pipeline.monitor`).

The content API lists news and documents newest first across entities (``sort-by=created_date:DESC``
with no ``projects=`` filter, reference/portals.md 1.3); a listing is read page by page until an item
is no newer than the kind's mark (the newest item the previous night saw; the first night: the
window of :data:`FIRST_WINDOW_DAYS`). Where the cross-entity listing cannot be read, each entity's own
(``projects=eq:<slug>``) is read instead and the kind is named as a fallback. A listing page that failed
for the moment (a timeout, "notAllowed") is asked again :data:`LISTING_RETRIES` times; a robots.txt or
policy refusal is final. An item without a readable date cannot be placed against the mark: it is
skipped, counted and the listing read on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from ashyq.base.working_days import ALMATY
from ashyq.declared.fetch import Fetched, PoliteFetcher
from ashyq.pipeline.monitor_portals import PortalActivity

GOVKZ = "https://www.gov.kz"
API = f"{GOVKZ}/api/v1/public/content-manager"
KINDS = ("news", "documents")
LANGS = ("ru", "kk")
PAGE_SIZE = 1000  # the API's largest page: the entity list, an entity's pages
# a newest-first listing's page: a night reads one or two; 1,000 documents with their texts outgrew the
# fetcher's 8 MiB on a replica of 3,000 bodies, and a cut answer sent the night to each entity's listing
LISTING_PAGE_SIZE = 200
FIRST_WINDOW_DAYS = 56
LISTING_RETRIES = 2  # gov.kz answers "notAllowed" or times out now and then; a second try usually passes
FINAL_FAILURES = ("robots", "private_address", "offsite")


@dataclass
class Published:
    """An item an entity published since the last mark, with the record of the listing that showed it."""

    item_id: int
    kind: str
    slug: str
    title: str
    created: str
    warc_file: str | None = None
    warc_record_id: str | None = None


@dataclass
class EntityNight:
    slug: str
    name: str
    items: list[Published] = field(default_factory=list)
    dead_links: list[dict[str, Any]] = field(default_factory=list)
    pages_changed: list[str] = field(default_factory=list)
    rows_changed: dict[str, list[str]] = field(default_factory=dict)  # Table 7 row → its changed pages
    region: str = ""
    portals: PortalActivity = field(default_factory=PortalActivity)

    def count(self, kind: str) -> int:
        return sum(1 for item in self.items if item.kind == kind)


class Night:
    """One night's reading: the fetcher, the marks of the night before, what was found."""

    def __init__(self, fetcher: PoliteFetcher, previous: dict[str, Any], as_of: date) -> None:
        self.fetcher = fetcher
        self.marks: dict[str, str] = dict(previous.get("marks") or {})
        self.watch: dict[str, dict[str, Any]] = {k: dict(v) for k, v in (previous.get("watch") or {}).items()}
        self.first = not self.marks
        self.window = datetime.combine(as_of - timedelta(days=FIRST_WINDOW_DAYS), time(0), ALMATY)
        self.found: dict[tuple[str, str, int], Published] = {}  # (entity, kind, id): one item, in any language
        self.fallback: list[str] = []
        self.undated: dict[str, list[str]] = {}  # kind → the listings that showed an item with no date
        self.as_of = as_of

    def floor(self, kind: str) -> datetime:
        mark = self.marks.get(kind)
        return moment(mark) if mark else self.window

    def get_json(self, url: str, lang: str = "ru") -> tuple[Any, Fetched]:
        got = self.fetcher.fetch(url, headers={"Accept-Language": lang, "Accept": "application/json"})
        if got.failure is not None or got.status != 200:
            return None, got
        try:
            return json.loads(got.body), got
        except ValueError:
            return None, got

    def note(self, item: dict[str, Any], kind: str, got: Fetched) -> bool:
        """Record an item newer than the kind's floor; False once the listing reaches the floor. An item
        without a readable date cannot be placed: it is skipped and counted, the listing read on."""
        try:
            created = moment(str(item["created_date"])) if item.get("created_date") else None
        except ValueError:
            created = None
        if created is None:
            self.undated.setdefault(kind, []).append(f"{got.url} id {item.get('id')}")
            return True
        if created <= self.floor(kind):
            return False
        item_id, slug = int(item["id"]), str(item.get("projects") or "")
        if (slug, kind, item_id) not in self.found and slug:
            ref = got.warc
            title = str(item.get("title") or "")
            self.found[(slug, kind, item_id)] = Published(
                item_id, kind, slug, title, str(created), ref.file if ref else None, ref.record_id if ref else None
            )
        return True


def moment(text: str) -> datetime:
    """A listed date (ISO 8601, ``Z`` or an offset); one without an offset is Almaty's."""
    at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return at if at.tzinfo else at.replace(tzinfo=ALMATY)


def get_list(night: Night, url: str, lang: str = "ru") -> tuple[Any, Fetched]:
    """A listing page, asked again on a failure of the moment (a timeout, "notAllowed"); a robots.txt
    or policy refusal is final."""
    data, got = night.get_json(url, lang)
    for _ in range(LISTING_RETRIES):
        if isinstance(data, list) or got.failure in FINAL_FAILURES:
            break
        data, got = night.get_json(url, lang)
    return data, got


def read_entities(night: Night) -> dict[str, str]:
    """Every entity of the platform: slug → name (the content API's ``projectdetails``, paged, each
    page with the listings' retries)."""
    out: dict[str, str] = {}
    page = 1
    while True:
        data, _ = get_list(night, f"{API}/projectdetails?page={page}&size={PAGE_SIZE}")
        if not isinstance(data, list):
            break
        for item in data:
            if isinstance(item, dict) and item.get("slug"):
                out[str(item["slug"])] = str(item.get("project_name") or item["slug"])
        if len(data) < PAGE_SIZE:
            break
        page += 1
    return out


def read_listing(night: Night, kind: str, lang: str, query: str = "") -> bool:
    """A newest-first listing read page by page down to the kind's floor; False if it cannot be read."""
    page = 1
    while True:
        url = f"{API}/{kind}?sort-by=created_date:DESC&page={page}&size={LISTING_PAGE_SIZE}{query}"
        data, got = get_list(night, url, lang)
        if not isinstance(data, list):
            return False
        reached = any(not night.note(item, kind, got) for item in data if isinstance(item, dict))
        if reached or len(data) < LISTING_PAGE_SIZE:
            return True
        page += 1


def read_changes(night: Night, entities: dict[str, str], per_entity: bool = False) -> None:
    """Every kind's listing across entities, in each language; each entity's own where that fails."""
    for kind in KINDS:
        for lang in LANGS:
            if not per_entity and read_listing(night, kind, lang):
                continue
            if not per_entity and kind not in night.fallback:
                night.fallback.append(kind)
            for slug in entities:
                read_listing(night, kind, lang, f"&projects=eq:{slug}")
