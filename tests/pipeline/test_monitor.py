"""A monitoring night over www.gov.kz: the platform's newest-first listings read down to the previous
night's mark find every item the replica's entities published, for a few requests per entity, and the
night says it is monitoring."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from ashyq_replica import access_log
from ashyq_replica.core import World
from ashyq_replica.generated import world_with_generated
from ashyq_replica.govkz.feed import changes
from ashyq_replica.server import start_world

from ashyq.pipeline.monitor import MonitorRequest, MonitorSummary, monitor_night
from ashyq.store.db import session_scope
from ashyq.store.models import Run
from ashyq.store.repository import last_complete_run
from ashyq.store.vocabulary import RunKind

pytestmark = pytest.mark.slow
BASE = world_with_generated(World(), 120)
Logged = list[tuple[str, str, str, str]]  # the replica's access log: host, method, target, user agent
Nights = list[tuple[MonitorSummary, Logged]]


def _night(world: World, tmp: Path, db: str) -> tuple[MonitorSummary, Logged]:
    log = tmp / f"access-{world.nights}.log"
    served = start_world(replace(world, access_log=log))
    try:
        summary = monitor_night(
            MonitorRequest(tmp / "out", db, dict(served.urls), world.as_of + timedelta(days=world.nights))
        )
    finally:
        served.stop()
    return summary, access_log.read(log)


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> Nights:
    tmp = tmp_path_factory.mktemp("monitor")
    db = f"sqlite:///{tmp / 'store.sqlite'}"
    return [_night(replace(BASE, nights=n), tmp, db) for n in (0, 1, 2)]


def test_the_first_night_sets_the_marks_and_opens_nothing(nights: Nights) -> None:
    first, log = nights[0]
    assert first.first_night and first.changed == []
    assert first.entities >= 120
    # every request went to the platform's one host, counted by the night as the server saw it
    assert {host for host, *_ in log} == {"www.gov.kz"} and len(log) == first.requests


def test_each_later_night_finds_exactly_what_the_entities_published(nights: Nights) -> None:
    for night_number in (1, 2):
        summary, log = nights[night_number]
        published = [c for c in changes(replace(BASE, nights=night_number)) if c.night == night_number]
        found = {(item.slug, item.kind, item.item_id) for entity in summary.changed for item in entity.items}
        assert found == {(c.slug, c.kind, c.item_id) for c in published}
        dead = {(d["item"], d["url"].removeprefix("https://www.gov.kz")) for e in summary.changed for d in e.dead_links}
        assert dead == {(c.item_id, c.dead_link) for c in published if c.dead_link}
        # the cost of the changes, not of the entities: at most 14 requests per entity (the goal)
        assert len(log) == summary.requests and summary.per_entity <= 14, summary.per_entity
        assert not summary.fallback
        # each entity's trend and its period so far count tonight's items too (the first night's window too)
        for entity in json.loads(summary.document.read_text(encoding="utf-8"))["changed"]:
            assert entity["trend"]["last_4_weeks"] >= len(entity["items"])
            assert sum(entity["in_period"].values()) >= len(entity["items"])


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
        result = CliRunner().invoke(app, [*args, "--db", f"sqlite:///{tmp_path / 's.sqlite'}"])
    finally:
        served.stop()
    assert result.exit_code == 0, result.output
    assert "MONITORING of www.gov.kz" in " ".join(result.output.split()) and "monitor.kk.html" in result.output


def test_the_night_keeps_the_hosts_budget(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every request of the night waits for the host's budget: at 2 a second, a first night's requests
    take at least (n - 1) / 2 s, where the same night at the replica's own budget takes far less."""
    from ashyq.net.crawl_config import CRAWL_CONFIG, CRAWL_CONFIG_VARIABLE

    def first_night(name: str) -> tuple[MonitorSummary, float]:
        started = time.monotonic()
        night = monitor_night(MonitorRequest(tmp_path / name, f"sqlite:///{tmp_path / name}.sqlite", urls))
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
    from ashyq.pipeline.monitor import _read_listing

    class Flaky:
        def __init__(self, failures: int, failure: str = "timeout") -> None:
            self.left, self.failure, self.asked = failures, failure, 0

        def get_json(self, url: str, lang: str = "ru") -> tuple[object, Fetched]:
            self.asked += 1
            if self.left:
                self.left -= 1
                return None, Fetched(url, failure=self.failure)
            return [], Fetched(url, status=200)

    assert _read_listing(once := Flaky(2), "news", "ru") and once.asked == 3  # type: ignore[arg-type]
    assert not _read_listing(always := Flaky(9), "news", "ru") and always.asked == 3  # type: ignore[arg-type]
    assert not _read_listing(robots := Flaky(9, "robots"), "news", "ru") and robots.asked == 1  # type: ignore[arg-type]
