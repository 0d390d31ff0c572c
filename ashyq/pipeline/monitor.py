"""A monitoring night over the www.gov.kz platform: every entity watched, for the cost of its changes.

www.gov.kz hosts about 3,000 state-body entities on one host; a crawl of each would cost hours at the
host's budget whatever the fleet. The platform's content API lists news and documents newest first
across entities (``sort-by=created_date:DESC`` with no ``projects=`` filter, reference/portals.md 1.3),
so a night reads those listings down to the previous night's mark and learns which entities published,
and what, for a handful of requests. Only what is new is then opened: each new item's own record (its
text and file), the links in it on the platform (a dead one is reported), and the changed entity's
list of pages (a page whose text changed is reported).

The first night sets the marks: it reads the listings back :data:`FIRST_WINDOW_DAYS` to learn who
publishes, and opens nothing. An entity with nothing published for :data:`SILENT_DAYS` is *silent*.
A monitoring night is a run of its own (kind ``monitor``): it never scores, gives no level and ranks
nobody; its outputs say "monitoring" in kk and ru. Where the cross-entity listing cannot be read (an
error answer), the night reads each entity's own listing instead, and says so.

Every exchange is archived in the run's WARC (``runs/<run>/warc/govkz.warc.gz``) and every item
reported cites its record. The politeness budget per host holds for every request
(:class:`ashyq.declared.fetch.PoliteFetcher`: robots.txt, the budget, the egress policy).

The night's parts, each in a module of its own: the listings read down to the marks
(:mod:`.monitor_listings`), the weekly counts, trend and silence (:mod:`.monitor_trend`), draft acts,
discussions and blog posts on their own portals (:mod:`.monitor_portals`), regions and Table 7 rows
(:mod:`.monitor_places`), and what the night writes (:mod:`.monitor_output`). docs/monitoring.md
describes the night for its operator.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from sqlalchemy import select

from ashyq.base.period import period_of
from ashyq.declared.fetch import PoliteFetcher
from ashyq.net.crawl_config import load_crawl_config
from ashyq.net.urlmap import BaseUrlMap
from ashyq.pipeline.monitor_listings import (
    API,
    GOVKZ,
    KINDS,
    PAGE_SIZE,
    EntityNight,
    Night,
    moment,
    read_changes,
    read_entities,
)
from ashyq.pipeline.monitor_output import MonitorSummary, finish_night
from ashyq.pipeline.monitor_places import Places, by_region, load_places, table7_rows
from ashyq.pipeline.monitor_portals import PortalActivity, read_blog, read_drafts
from ashyq.pipeline.monitor_trend import count_item
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.models import Run
from ashyq.store.repository import finish_run, start_run
from ashyq.store.vocabulary import RunKind, RunStatus
from ashyq.store.warc import WarcArchive

TICKET = f"{GOVKZ}/api/v1/public/_/c/k6"  # the session ticket the news listing asks for (portals.md 1.3)
MAX_LINKS_PER_ITEM = 5
_HREF = re.compile(r"""(?:href|src)\s*=\s*["']([^"'#]+)["']""", re.IGNORECASE)

Progress = Callable[[str, dict[str, Any]], None]


@dataclass
class MonitorRequest:
    out_dir: Path
    db_url: str | None
    url_map: dict[str, str] = field(default_factory=dict)
    as_of: date | None = None
    registry: str = "kz"
    # read each entity's own listing, not the one across entities: what a night does when the latter
    # cannot be read, and the peer the benchmark measures the feed against
    per_entity: bool = False
    # the first night takes every entity's list of pages: the baseline a later night's page change is
    # found against (one request per entity, once); without it an entity's pages are first taken the
    # night it first publishes, and a change that night is not seen
    first_pages: bool = True


def _open_items(night: Night, changed: dict[str, EntityNight]) -> None:
    """Each new item's own record, and the links in it that stay on the platform (a dead one noted)."""
    for item in night.found.values():
        data, _ = night.get_json(f"{API}/{item.kind}/{item.item_id}")
        if not isinstance(data, dict):
            continue
        text = str(data.get("body") or data.get("content") or "")
        links = [m.group(1) for m in _HREF.finditer(text)]
        links += [
            str(f.get("document")) for f in data.get("full_text") or [] if isinstance(f, dict) and f.get("document")
        ]
        seen: list[str] = []
        for link in links:
            url = urljoin(GOVKZ + "/", link)
            if urlsplit(url).hostname != "www.gov.kz" or url in seen:
                continue  # a link off the platform is another host's, outside this night's budget
            seen.append(url)
            if len(seen) > MAX_LINKS_PER_ITEM:
                break
            answer = night.fetcher.fetch(url)
            if answer.failure == "http_status" or (answer.status is not None and answer.status >= 400):
                ref = answer.warc
                changed[item.slug].dead_links.append(
                    {"item": item.item_id, "url": url, "status": answer.status,
                     "warc_file": ref.file if ref else None, "warc_record_id": ref.record_id if ref else None}
                )  # fmt: skip


def _pages_changed(night: Night, entity: EntityNight) -> None:
    """The entity's pages whose text changed since the night the entity last changed (first time: noted)."""
    data, _ = night.get_json(f"{API}/pages?projects=eq:{entity.slug}&sort-by=order&size={PAGE_SIZE}")
    if not isinstance(data, list):
        return
    pages = {str(page.get("slug") or page.get("id")): page for page in data if isinstance(page, dict)}
    digests = {
        slug: hashlib.sha256(
            json.dumps([page.get("title"), page.get("content") or page.get("body")], ensure_ascii=False).encode()
        ).hexdigest()[:12]
        for slug, page in pages.items()
    }
    before = night.watch.setdefault(entity.slug, {}).get("pages")
    if isinstance(before, dict):
        entity.pages_changed = sorted(slug for slug, digest in digests.items() if before.get(slug) != digest)
        for slug in entity.pages_changed:
            for row in table7_rows(pages[slug]):
                entity.rows_changed.setdefault(row, []).append(slug)
    night.watch[entity.slug]["pages"] = digests


def previous_monitor(session: Any, registry: str) -> Run | None:
    """The last finished monitoring night of the registry (its marks and watch state go on)."""
    runs = session.scalars(
        select(Run)
        .where(Run.kind == RunKind.MONITOR, Run.status.in_([RunStatus.COMPLETE, RunStatus.PARTIAL]))
        .order_by(Run.finished_at.desc())
    )
    return next((r for r in runs if (r.settings or {}).get("registry") == registry), None)


def monitor_night(request: MonitorRequest, progress: Progress | None = None) -> MonitorSummary:
    """One monitoring night: the entities, their changes since the last mark, and what the changes hold."""
    say = progress or (lambda stage, data: None)
    as_of = request.as_of or datetime.now(UTC).date()
    out_dir = Path(request.out_dir).resolve()
    ensure_schema(request.db_url)
    with session_scope(request.db_url) as session:
        before = previous_monitor(session, request.registry)
        previous = dict(before.settings or {}) if before is not None else {}
        settings = {"purpose": "monitoring", "registry": request.registry, "period": period_of(as_of).as_dict()}
        run_id = start_run(session, RunKind.MONITOR, as_of=as_of, settings=settings).id
    archive = WarcArchive(out_dir, run_id, "govkz")
    try:
        fetcher = PoliteFetcher(load_crawl_config(), BaseUrlMap.from_mapping(request.url_map), archive)
        night = Night(fetcher, previous, as_of)
        places, unplaced = load_places(request.registry)
        say("entities", {"run": run_id})
        entities = read_entities(night)
        news_page = f"{GOVKZ}/memleket/entities/{next(iter(entities), 'mdai')}/press/news?lang=ru"
        fetcher.post_json(TICKET, {"Origin": GOVKZ, "Referer": news_page})
        say("listings", {"entities": len(entities), "first_night": night.first})
        read_changes(night, entities, request.per_entity)
        changed = _changes(night, entities, say)
        if night.first and request.first_pages:
            for slug, name in entities.items():
                _pages_changed(night, EntityNight(slug, name))
        _portals(night, entities, places, changed)
        for entity in changed.values():
            entity.region = places.region(entity.slug)
        national = {"regions": by_region(entities, places, changed), "registry": request.registry,
                    "registry_problem": unplaced}  # fmt: skip
        return finish_night(request.db_url, run_id, night, entities, changed, out_dir, national)
    except BaseException:
        with session_scope(request.db_url) as session:  # an interrupted night is no mark for the next
            finish_run(session, run_id, RunStatus.FAILED)
        raise
    finally:
        archive.close()


def _changes(night: Night, entities: dict[str, str], say: Progress) -> dict[str, EntityNight]:
    """The entities that published since the mark, with their items; their records opened (not the
    first night, which only learns the marks)."""
    changed: dict[str, EntityNight] = {}
    for item in sorted(night.found.values(), key=lambda i: (i.slug, i.created)):
        changed.setdefault(item.slug, EntityNight(item.slug, entities.get(item.slug, item.slug))).items.append(item)
        watched = night.watch.setdefault(item.slug, {})
        watched[item.kind] = max(str(watched.get(item.kind) or ""), item.created)
        count_item(watched, item, night.as_of)
    for kind in KINDS:
        newest = [i.created for i in night.found.values() if i.kind == kind]
        if newest:
            night.marks[kind] = max(newest, key=moment)
        night.marks.setdefault(kind, night.window.isoformat())
    if night.first:
        return {}
    say("changes", {"entities": len(changed), "items": len(night.found)})
    _open_items(night, changed)
    for entity in changed.values():
        _pages_changed(night, entity)
    return changed


def _portals(night: Night, entities: dict[str, str], places: Places, changed: dict[str, EntityNight]) -> None:
    """Draft acts, their discussions and blog posts of every entity the registry links to legalacts or
    dialog (each on its own host: none of these requests is www.gov.kz's)."""
    for slug in entities:
        if slug not in places.legalacts and slug not in places.blogs:
            continue
        watched, activity = night.watch.setdefault(slug, {}), PortalActivity()
        if slug in places.legalacts:
            read_drafts(night.fetcher, places.legalacts[slug], watched, activity)
        if slug in places.blogs:
            read_blog(night.fetcher, places.blogs[slug], watched, activity)
        if activity:
            changed.setdefault(slug, EntityNight(slug, entities[slug])).portals = activity
