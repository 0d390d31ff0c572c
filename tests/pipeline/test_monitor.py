"""A monitoring night over www.gov.kz: the platform's newest-first listings read down to the previous
night's mark find every item the replica's entities published, for a few requests per entity, and the
night says it is monitoring."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from ashyq_replica import access_log
from ashyq_replica.core import World
from ashyq_replica.generated import world_with_generated
from ashyq_replica.govkz.feed import PLATFORM_KINDS, changes
from ashyq_replica.server import start_world

from ashyq.pipeline.monitor import MonitorRequest, MonitorSummary, monitor_night
from ashyq.store.db import session_scope
from ashyq.store.models import Run
from ashyq.store.repository import last_complete_run
from ashyq.store.vocabulary import RunKind
from tests.pipeline.monitor_registry import write_registry

pytestmark = pytest.mark.slow
BASE = world_with_generated(World(), 120)
Logged = list[tuple[str, str, str, str]]  # the replica's access log: host, method, target, user agent
Nights = list[tuple[MonitorSummary, Logged]]


ROWS = {"contacts": ["T7-1"], "budget": ["T7-2"], "npa": ["T7-4"], "statistics": ["T7-5"], "about": []}


def _night(world: World, tmp: Path, db: str) -> tuple[MonitorSummary, Logged]:
    log = tmp / f"access-{world.nights}.log"
    served = start_world(replace(world, access_log=log))
    as_of = world.as_of + timedelta(days=world.nights)
    try:
        registry = str(tmp / "registry.yaml")
        summary = monitor_night(MonitorRequest(tmp / "out", db, dict(served.urls), as_of, registry=registry))
    finally:
        served.stop()
    return summary, access_log.read(log)


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> Nights:
    tmp = tmp_path_factory.mktemp("monitor")
    db = f"sqlite:///{tmp / 'store.sqlite'}"
    write_registry(tmp / "registry.yaml")
    return [_night(replace(BASE, nights=n), tmp, db) for n in (0, 1, 2)]


def test_the_first_night_sets_the_marks_and_opens_nothing(nights: Nights) -> None:
    first, log = nights[0]
    assert first.first_night and first.changed == []
    assert first.entities >= 120
    # the platform's requests counted by the night as the server saw them; legalacts and dialog, read
    # per body from the registry's crosswalk, on their own hosts
    assert {host for host, *_ in log} == {"www.gov.kz", "legalacts.egov.kz", "dialog.egov.kz"}
    assert sum(1 for host, *_ in log if host == "www.gov.kz") == first.requests


def test_each_later_night_finds_exactly_what_the_entities_published(nights: Nights) -> None:
    for night_number in (1, 2):
        summary, log = nights[night_number]
        made = [c for c in changes(replace(BASE, nights=night_number)) if c.night == night_number]
        published = [c for c in made if c.kind in PLATFORM_KINDS]
        found = {(item.slug, item.kind, item.item_id) for entity in summary.changed for item in entity.items}
        assert found == {(c.slug, c.kind, c.item_id) for c in published}
        dead = {(d["item"], d["url"].removeprefix("https://www.gov.kz")) for e in summary.changed for d in e.dead_links}
        assert dead == {(c.item_id, c.dead_link) for c in published if c.dead_link}
        # the cost of the changes, not of the entities: at most 14 requests per entity (the goal)
        platform = sum(1 for host, *_ in log if host == "www.gov.kz")
        assert platform == summary.requests and summary.per_entity <= 14, summary.per_entity
        assert not summary.fallback
        # each entity's trend and its period so far count tonight's items too (the first night's window too)
        for entity in json.loads(summary.document.read_text(encoding="utf-8"))["changed"]:
            assert entity["trend"]["last_4_weeks"] >= len(entity["items"])
            assert sum(entity["in_period"].values()) >= len(entity["items"])


def test_each_later_night_finds_the_pages_drafts_discussions_and_blog_posts(nights: Nights) -> None:
    """The feed's page edits (with their Table 7 rows), draft acts, comments on drafts under discussion
    and blog posts, each found on the night it was made, nothing more."""
    kinds_seen = set()
    for night_number in (1, 2):
        summary = nights[night_number][0]
        made = [c for c in changes(replace(BASE, nights=night_number)) if c.night == night_number]
        kinds_seen |= {c.kind for c in made}
        by = {e.slug: e for e in summary.changed}
        edited = {(c.slug, c.page) for c in made if c.kind == "pages"}
        assert {(s, p) for s, e in by.items() for p in e.pages_changed} == edited
        rows = {(s, row, tuple(pages)) for s, e in by.items() for row, pages in e.rows_changed.items()}
        assert rows == {(s, row, (p,)) for s, p in edited for row in ROWS[str(p)]}
        drafts = {(s, int(d["id"])) for s, e in by.items() for d in e.portals.drafts}
        assert drafts == {(c.slug, c.item_id) for c in made if c.kind == "drafts"}
        discussed = {(s, int(c["draft"]), c["new"]) for s, e in by.items() for c in e.portals.comments}
        comments = [c for c in made if c.kind == "draft_comments"]
        expected = {(c.slug, c.parent, sum(1 for d in comments if d.parent == c.parent)) for c in comments}
        assert discussed == expected
        posts = {(s, int(p["id"])) for s, e in by.items() for p in e.portals.blog_posts}
        assert posts == {(c.slug, c.item_id) for c in made if c.kind == "blog_posts"}
        assert all(e.portals.unread == [] for e in summary.changed)
    assert kinds_seen == {"news", "documents", "pages", "drafts", "draft_comments", "blog_posts"}


def test_the_national_view_lists_every_region_and_entity_without_ranking(nights: Nights) -> None:
    summary = nights[2][0]
    document = json.loads(summary.document.read_text(encoding="utf-8"))
    regions = document["national"]["regions"]
    listed = [e["slug"] for r in regions for e in r["entities"]]
    assert len(listed) == len(set(listed)) == summary.entities  # every entity, once
    region_of = {e["slug"]: r["region"] for r in regions for e in r["entities"]}
    # a district akimat sits in its regional akimat's region (the registry's parent); a ministry is
    # central; an entity the registry does not know is said so, never guessed
    assert region_of["karaganda"] == "karaganda" and region_of["enbek"] == "central"
    assert sum(1 for r in region_of.values() if r == "karaganda") > 5
    assert all(region_of[s] == "unregistered" for s in region_of if "-g0" in s)
    changed = {e["slug"] for r in regions for e in r["entities"] if e["changed"]}
    assert changed == {e.slug for e in summary.changed}
    for lang, heading in {"kk": "Әр өңір, әр ұйым", "ru": "Каждый регион, каждая организация"}.items():
        page = (summary.document.parent / f"monitor.{lang}.html").read_text(encoding="utf-8")
        assert heading in page and page.count("data-region=") == len(regions)


def test_a_monitoring_night_is_a_run_of_its_own_and_says_so(nights: Nights, tmp_path: Path) -> None:
    summary = nights[2][0]
    document = summary.document.read_text(encoding="utf-8")
    assert '"purpose": "monitoring"' in document
    db = f"sqlite:///{summary.document.parents[3] / 'store.sqlite'}"
    with session_scope(db) as session:
        run = session.get(Run, summary.run_id)
        assert run is not None and run.kind == "monitor" and run.settings["purpose"] == "monitoring"
        assert run.settings["monitor"]["changed"] == len(summary.changed)
        # a night that scored nothing is never "the last run" the reports and the re-checks take
        assert last_complete_run(session) is None and last_complete_run(session, RunKind.MONITOR) is not None
    # the night's page, in Kazakh and Russian: monitoring at its head, every changed entity, no ranking
    heads = {"kk": "Бұл МОНИТОРИНГ, бағалау емес", "ru": "МОНИТОРИНГ, а не оценка"}
    for lang, head in heads.items():
        page = (summary.document.parent / f"monitor.{lang}.html").read_text(encoding="utf-8")
        assert head in page and "<script" not in page
        assert all(f'data-entity="{entity.slug}"' in page for entity in summary.changed)


def test_an_entitys_own_listings_find_the_same_at_a_higher_cost(
    nights: Nights,
    tmp_path: Path,
) -> None:
    """Where the listing across entities cannot be read the night reads each entity's own: the same
    changes, for more requests (the peer the benchmark measures the feed against)."""
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    found = []
    for world in (BASE, replace(BASE, nights=1)):
        served = start_world(world)
        try:
            as_of = world.as_of + timedelta(days=world.nights)
            request = MonitorRequest(tmp_path / "out", db, dict(served.urls), as_of, per_entity=True)
            found.append(monitor_night(request))
        finally:
            served.stop()
    items = {(i.slug, i.item_id) for e in found[1].changed for i in e.items}
    assert items == {(i.slug, i.item_id) for e in nights[1][0].changed for i in e.items}
    assert nights[1][0].requests < found[1].requests and found[1].per_entity <= 14


def test_the_command_line_runs_a_monitoring_night(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from ashyq.cli import app

    served = start_world(BASE)
    try:
        args = ["nightly", "--monitor", "--replica-map", json.dumps(dict(served.urls)), "--out", str(tmp_path)]
        # the command line prints in the operator's language (Russian unless chosen otherwise)
        env = {"ASHYQ_LANG": "ru"}
        result = CliRunner().invoke(app, [*args, "--db", f"sqlite:///{tmp_path / 's.sqlite'}"], env=env)
    finally:
        served.stop()
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "МОНИТОРИНГ www.gov.kz" in said and "(не оценка)" in said and "monitor.kk.html" in result.output


def test_the_night_keeps_the_hosts_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every request of the night waits for the host's budget: at 2 a second, a first night's requests
    take at least (n - 1) / 2 s, where the same night at the replica's own budget takes far less."""
    from ashyq.net.crawl_config import CRAWL_CONFIG, CRAWL_CONFIG_VARIABLE

    def first_night(name: str) -> tuple[MonitorSummary, float]:
        started = time.monotonic()
        request = MonitorRequest(tmp_path / name, f"sqlite:///{tmp_path / name}.sqlite", urls, first_pages=False)
        night = monitor_night(request)
        return night, time.monotonic() - started

    served = start_world(BASE)
    try:
        urls = dict(served.urls)
        free, free_took = first_night("free")  # also builds the world's content, once
        free, free_took = first_night("free-again")
        slow = tmp_path / "crawl.yaml"
        budget = "budget:\n  replica_hosts:\n    www.gov.kz: {concurrent: 1, requests_per_second: 2.0}\n"
        slow.write_text(f"extends: {CRAWL_CONFIG}\n{budget}", encoding="utf-8")
        monkeypatch.setenv(CRAWL_CONFIG_VARIABLE, str(slow))
        kept, kept_took = first_night("kept")
    finally:
        served.stop()
    assert kept.requests == free.requests >= 8
    assert kept_took >= (kept.requests - 1) / 2 > free_took, (kept_took, free_took)


def test_a_listing_page_that_failed_is_asked_again_before_the_night_falls_back() -> None:
    """gov.kz times out or answers "notAllowed" now and then: a listing page is asked up to three times
    before the night reads each entity's own listing instead; a robots.txt refusal is not asked again."""
    from ashyq.declared.fetch import Fetched
    from ashyq.pipeline.monitor_listings import read_listing

    class Flaky:
        def __init__(self, failures: int, failure: str = "timeout") -> None:
            self.left, self.failure, self.asked = failures, failure, 0

        def get_json(self, url: str, lang: str = "ru") -> tuple[object, Fetched]:
            self.asked += 1
            if self.left:
                self.left -= 1
                return None, Fetched(url, failure=self.failure)
            return [], Fetched(url, status=200)

    assert read_listing(once := Flaky(2), "news", "ru") and once.asked == 3  # type: ignore[arg-type]
    assert not read_listing(always := Flaky(9), "news", "ru") and always.asked == 3  # type: ignore[arg-type]
    assert not read_listing(robots := Flaky(9, "robots"), "news", "ru") and robots.asked == 1  # type: ignore[arg-type]


def _bare_night() -> object:
    from datetime import date

    from ashyq.pipeline.monitor_listings import Night

    return Night(None, {"marks": {"news": "2026-03-01T00:00:00+05:00"}}, date(2026, 3, 3))  # type: ignore[arg-type]


def test_an_undated_item_is_skipped_counted_and_the_listing_read_on() -> None:
    """An item with no date (or one that cannot be read) cannot be placed against the mark: it is
    skipped and counted, and the items after it are still read (it used to stop the listing)."""
    from ashyq.declared.fetch import Fetched
    from ashyq.pipeline.monitor_listings import read_listing

    night: Any = _bare_night()
    items = [{"id": 1, "projects": "a", "created_date": "2026-03-02T10:00:00+05:00"}, {"id": 2, "projects": "a"},
             {"id": 3, "projects": "b", "created_date": "yesterday"},
             {"id": 4, "projects": "b", "created_date": "2026-03-02T09:00:00+05:00"},
             {"id": 5, "projects": "c", "created_date": "2026-02-27T09:00:00+05:00"}]  # fmt: skip
    night.get_json = lambda url, lang="ru": (items, Fetched(url, status=200))
    assert read_listing(night, "news", "ru")
    assert sorted(key[2] for key in night.found) == [1, 4]
    assert len(night.undated["news"]) == 2


def test_the_weeks_the_trend_no_longer_reads_are_dropped_where_they_are_counted() -> None:
    from datetime import date

    from ashyq.pipeline.monitor_listings import Published
    from ashyq.pipeline.monitor_trend import count_item, trend

    watched: dict[str, Any] = {"weeks": {"2025-12-01": 4, "2026-02-02": 1}}
    count_item(watched, Published(1, "news", "a", "", "2026-03-02T10:00:00+05:00"), date(2026, 3, 3))
    assert watched["weeks"] == {"2026-02-02": 1, "2026-03-02": 1}
    before = dict(watched["weeks"])
    assert trend(watched, date(2026, 3, 3)) == {"last_4_weeks": 1, "4_weeks_before": 1}
    assert watched["weeks"] == before  # reading the trend changes nothing


def test_the_entity_list_is_asked_again_like_a_listing() -> None:
    from ashyq.declared.fetch import Fetched
    from ashyq.pipeline.monitor_listings import read_entities

    night: Any = _bare_night()
    answers = [None, None, [{"slug": "a", "project_name": "A"}]]
    night.get_json = lambda url, lang="ru": (answers.pop(0), Fetched(url, failure="timeout"))
    assert read_entities(night) == {"a": "A"} and answers == []


def test_the_dashboard_shows_the_last_nights_national_view(nights: Nights, tmp_path: Path) -> None:
    from ashyq.reports.monitor_national import write_national_page

    summary = nights[2][0]
    data_dir = summary.document.parents[2]
    with session_scope(f"sqlite:///{summary.document.parents[3] / 'store.sqlite'}") as session:
        for lang, head in {"kk": "Бұл МОНИТОРИНГ, бағалау емес", "ru": "МОНИТОРИНГ, а не оценка"}.items():
            page = write_national_page(session, data_dir, tmp_path, lang)
            assert page is not None
            html = page.read_text(encoding="utf-8")
            assert head in html and 'data-region="karaganda"' in html and "<script" not in html
            assert all(f'data-entity="{e.slug}"' in html for e in summary.changed)


def test_a_listing_page_stays_well_within_what_the_fetcher_reads() -> None:
    """A listing page the night asks for is at most a quarter of the fetcher's limit: 1,000 documents
    with their texts came to 8.9 MB on a replica of 3,000 bodies, were cut at 8 MiB, and the night read
    every entity's own listing instead (3,302 requests more)."""
    from ashyq_replica.govkz.api import json_dumps, select

    from ashyq.declared.fetch import MAX_BYTES
    from ashyq.pipeline.monitor_listings import KINDS, LANGS, LISTING_PAGE_SIZE

    for kind in KINDS:
        for lang in LANGS:
            page = select(BASE, kind, {"sort-by": "created_date:DESC", "size": str(LISTING_PAGE_SIZE)}, lang)
            assert len(page) == LISTING_PAGE_SIZE and len(json_dumps(page).encode()) <= MAX_BYTES / 4, (kind, lang)
