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
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from sqlalchemy import select

from ashyq.base.period import period_of
from ashyq.base.working_days import ALMATY
from ashyq.declared.fetch import Fetched, PoliteFetcher
from ashyq.net.crawl_config import load_crawl_config
from ashyq.net.urlmap import BaseUrlMap
from ashyq.pipeline.monitor_places import Places, by_region, load_places, table7_rows
from ashyq.pipeline.monitor_portals import PortalActivity, read_blog, read_drafts
from ashyq.reports.monitor_report import write_monitor_pages
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.models import Run
from ashyq.store.repository import finish_run, start_run
from ashyq.store.vocabulary import RunKind, RunStatus
from ashyq.store.warc import WarcArchive

GOVKZ = "https://www.gov.kz"
API = f"{GOVKZ}/api/v1/public/content-manager"
TICKET = f"{GOVKZ}/api/v1/public/_/c/k6"  # the session ticket the news listing asks for (portals.md 1.3)
KINDS = ("news", "documents")
LANGS = ("ru", "kk")
PAGE_SIZE = 1000
ENTITY_PAGE_SIZE = 50
FIRST_WINDOW_DAYS = 56
SILENT_DAYS = 56
MAX_LINKS_PER_ITEM = 5
LISTING_RETRIES = 2  # gov.kz answers "notAllowed" or times out now and then; a second try usually passes
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


@dataclass
class MonitorSummary:
    run_id: str
    as_of: date
    entities: int
    changed: list[EntityNight]
    silent: list[str]
    requests: int
    first_night: bool
    fallback: list[str]  # the kinds whose cross-entity listing could not be read
    document: Path
    undated: dict[str, int] = field(default_factory=dict)  # listed items without a date, skipped, by kind

    @property
    def per_entity(self) -> float:
        return self.requests / self.entities if self.entities else 0.0


class _Night:
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
        return _moment(mark) if mark else self.window

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
            created = _moment(str(item["created_date"])) if item.get("created_date") else None
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


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=ALMATY)


def _get_list(night: _Night, url: str, lang: str = "ru") -> tuple[Any, Fetched]:
    """A listing page, asked again on a failure of the moment (a timeout, "notAllowed"); a robots.txt
    or policy refusal is final."""
    data, got = night.get_json(url, lang)
    for _ in range(LISTING_RETRIES):
        if isinstance(data, list) or got.failure in ("robots", "private_address", "offsite"):
            break
        data, got = night.get_json(url, lang)
    return data, got


def _entities(night: _Night) -> dict[str, str]:
    """Every entity of the platform: slug → name (the content API's ``projectdetails``, paged, each
    page with the listings' retries)."""
    out: dict[str, str] = {}
    page = 1
    while True:
        data, _ = _get_list(night, f"{API}/projectdetails?page={page}&size={PAGE_SIZE}")
        if not isinstance(data, list):
            break
        for item in data:
            if isinstance(item, dict) and item.get("slug"):
                out[str(item["slug"])] = str(item.get("project_name") or item["slug"])
        if len(data) < PAGE_SIZE:
            break
        page += 1
    return out


def _read_listing(night: _Night, kind: str, lang: str, query: str = "") -> bool:
    """A newest-first listing read page by page down to the kind's floor; False if it cannot be read."""
    page = 1
    while True:
        url = f"{API}/{kind}?sort-by=created_date:DESC&page={page}&size={PAGE_SIZE}{query}"
        data, got = _get_list(night, url, lang)
        if not isinstance(data, list):
            return False
        reached = any(not night.note(item, kind, got) for item in data if isinstance(item, dict))
        if reached or len(data) < PAGE_SIZE:
            return True
        page += 1


def _read_changes(night: _Night, entities: dict[str, str], per_entity: bool = False) -> None:
    """Every kind's listing across entities, in each language; each entity's own where that fails."""
    for kind in KINDS:
        for lang in LANGS:
            if not per_entity and _read_listing(night, kind, lang):
                continue
            if not per_entity and kind not in night.fallback:
                night.fallback.append(kind)
            for slug in entities:
                _read_listing(night, kind, lang, f"&projects=eq:{slug}")


def _open_items(night: _Night, changed: dict[str, EntityNight]) -> None:
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


def _pages_changed(night: _Night, entity: EntityNight) -> None:
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
        night = _Night(fetcher, previous, as_of)
        places, unplaced = load_places(request.registry)
        say("entities", {"run": run_id})
        entities = _entities(night)
        news_page = f"{GOVKZ}/memleket/entities/{next(iter(entities), 'mdai')}/press/news?lang=ru"
        fetcher.post_json(TICKET, {"Origin": GOVKZ, "Referer": news_page})
        say("listings", {"entities": len(entities), "first_night": night.first})
        _read_changes(night, entities, request.per_entity)
        changed = _changes(night, entities, say)
        if night.first and request.first_pages:
            for slug, name in entities.items():
                _pages_changed(night, EntityNight(slug, name))
        _portals(night, entities, places, changed)
        for entity in changed.values():
            entity.region = places.region(entity.slug)
        national = {"regions": by_region(entities, places, changed), "registry": request.registry,
                    "registry_problem": unplaced}  # fmt: skip
        return _finish(request, run_id, night, entities, changed, out_dir, national)
    except BaseException:
        with session_scope(request.db_url) as session:  # an interrupted night is no mark for the next
            finish_run(session, run_id, RunStatus.FAILED)
        raise
    finally:
        archive.close()


def _changes(night: _Night, entities: dict[str, str], say: Progress) -> dict[str, EntityNight]:
    """The entities that published since the mark, with their items; their records opened (not the
    first night, which only learns the marks)."""
    changed: dict[str, EntityNight] = {}
    for item in sorted(night.found.values(), key=lambda i: (i.slug, i.created)):
        changed.setdefault(item.slug, EntityNight(item.slug, entities.get(item.slug, item.slug))).items.append(item)
        watched = night.watch.setdefault(item.slug, {})
        watched[item.kind] = max(str(watched.get(item.kind) or ""), item.created)
        _count(watched, item, night.as_of)
    for kind in KINDS:
        newest = [i.created for i in night.found.values() if i.kind == kind]
        if newest:
            night.marks[kind] = max(newest, key=_moment)
        night.marks.setdefault(kind, night.window.isoformat())
    if night.first:
        return {}
    say("changes", {"entities": len(changed), "items": len(night.found)})
    _open_items(night, changed)
    for entity in changed.values():
        _pages_changed(night, entity)
    return changed


def _portals(night: _Night, entities: dict[str, str], places: Places, changed: dict[str, EntityNight]) -> None:
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


def _count(watched: dict[str, Any], item: Published, as_of: date) -> None:
    """The entity's items by week (Monday) and by reporting period: its trend and its year so far. The
    weeks the trend no longer reads (older than eight) are dropped here, where the weeks are kept."""
    day = _moment(item.created).date()
    weeks = watched.setdefault("weeks", {})
    monday = (day - timedelta(days=day.weekday())).isoformat()
    weeks[monday] = int(weeks.get(monday, 0)) + 1
    oldest = (as_of - timedelta(days=as_of.weekday()) - timedelta(weeks=7)).isoformat()
    for old in [w for w in weeks if w < oldest]:
        del weeks[old]
    label = period_of(day).label
    periods = watched.setdefault("periods", {}).setdefault(label, {})
    periods[item.kind] = int(periods.get(item.kind, 0)) + 1


def trend(watched: dict[str, Any], as_of: date) -> dict[str, int]:
    """Items in the last four weeks and in the four before (a reading: the state is left as it is)."""
    weeks = watched.get("weeks") or {}
    start = as_of - timedelta(days=as_of.weekday())
    recent = {(start - timedelta(weeks=k)).isoformat() for k in range(4)}
    earlier = {(start - timedelta(weeks=k)).isoformat() for k in range(4, 8)}
    return {
        "last_4_weeks": sum(weeks.get(w, 0) for w in recent),
        "4_weeks_before": sum(weeks.get(w, 0) for w in earlier),
    }


def _silent(night: _Night, entities: dict[str, str], as_of: date) -> list[str]:
    since = datetime.combine(as_of - timedelta(days=SILENT_DAYS), time(0), ALMATY)
    out = []
    for slug in entities:
        last = [str(v) for k, v in night.watch.get(slug, {}).items() if k in KINDS and v]
        if not last or max(_moment(v) for v in last) < since:
            out.append(slug)
    return sorted(out)


def _finish(
    request: MonitorRequest,
    run_id: str,
    night: _Night,
    entities: dict[str, str],
    changed: dict[str, EntityNight],
    out_dir: Path,
    national: dict[str, Any],
) -> MonitorSummary:
    as_of = night.as_of
    silent = _silent(night, entities, as_of)
    requests = night.fetcher.sent.get("www.gov.kz", 0)  # the platform's host: the budget that counts
    document = out_dir / "runs" / run_id / "monitor.json"
    document.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": "ashyq-monitor/1",
        "purpose": "monitoring",
        "run": run_id,
        "as_of": as_of.isoformat(),
        "first_night": night.first,
        "window_days": FIRST_WINDOW_DAYS,
        "silent_days": SILENT_DAYS,
        "entities": len(entities),
        "requests": dict(night.fetcher.sent),
        "fallback": night.fallback,
        "undated": {kind: len(where) for kind, where in night.undated.items()},
        "undated_where": {kind: where[:20] for kind, where in night.undated.items()},
        "changed": [
            {
                **asdict(e),
                "trend": trend(night.watch.get(e.slug, {}), as_of),
                "in_period": (night.watch.get(e.slug, {}).get("periods") or {}).get(period_of(as_of).label, {}),
            }
            for e in changed.values()
        ],
        "period": period_of(as_of).label,
        "silent": [{"slug": s, "name": entities[s]} for s in silent],
        "marks": night.marks,
        "national": national,
    }
    document.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    pages = write_monitor_pages(document)
    status = RunStatus.PARTIAL if not entities or night.fallback else RunStatus.COMPLETE
    with session_scope(request.db_url) as session:
        run = session.get(Run, run_id)
        assert run is not None
        run.settings = {
            **(run.settings or {}),
            "reports": [str(page.relative_to(out_dir)) for page in pages],
            "marks": night.marks,
            "watch": night.watch,
            "monitor": {"entities": len(entities), "changed": len(changed), "silent": len(silent),
                        "requests": requests, "document": str(document.relative_to(out_dir))},
        }  # fmt: skip
        finish_run(session, run_id, status)
    undated = {kind: len(where) for kind, where in night.undated.items()}
    return MonitorSummary(
        run_id, as_of, len(entities), list(changed.values()), silent, requests, night.first, night.fallback, document,
        undated,
    )  # fmt: skip
