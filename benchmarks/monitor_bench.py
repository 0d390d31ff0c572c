"""Monitoring benchmark: a night over www.gov.kz read from the platform's newest-first listings, against
the same night read from each entity's own listing (the peer), in one run.

A replica of N generated bodies (default 300, a run of a few minutes; each an entity of the platform,
beside its fixed list) where 5 % of the gov.kz entities publish a night. The issue's figure is
measured with ``--bodies 3000`` (README, "Watching every entity on www.gov.kz"). Each way runs a first
night (the marks) and the night after; reported for the second night: requests per entity, the
projected hours at www.gov.kz's budget of 2 requests a second (goal: at most 14 requests per entity,
6 hours), the changes the replica made and those found, the ratio of the feed's requests to the
peer's, and the most requests www.gov.kz, as the replica saw it, had at once (judged against the budget
the night ran under) and in any second (printed: arrivals, not departures).

    python -m benchmarks.monitor_bench [--bodies 300] [--json]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

RATE = 2.0  # www.gov.kz's budget, requests a second (ashyq/config/crawl.yaml)
GOVKZ = "www.gov.kz"


def _two_nights(base: Any, tmp: Path, per_entity: bool) -> tuple[Any, float, dict[str, Any]]:
    """The first night and the night after; the second's summary, its seconds and www.gov.kz's load as
    the replica saw it, beside the budget the night ran under."""
    from ashyq_replica.server import RunningWorld

    from ashyq.net.crawl_config import load_crawl_config
    from ashyq.pipeline.monitor import MonitorRequest, monitor_night

    db = f"sqlite:///{tmp / ('peer' if per_entity else 'feed')}.sqlite"
    summary, seconds, load = None, 0.0, {}
    for nights in (0, 1):
        world = replace(base, nights=nights)
        served = RunningWorld(world, 0, False, None).start(timeout=1800)  # thousands of hosts to open
        try:
            started = time.perf_counter()
            as_of = world.as_of + timedelta(days=nights)
            summary = monitor_night(MonitorRequest(tmp / "out", db, dict(served.urls), as_of, per_entity=per_entity))
            seconds = time.perf_counter() - started
            budget = load_crawl_config().budget.for_host(GOVKZ, replica=True)
            meter = served.meter
            load = {
                "budget": f"{budget.concurrent} concurrent, {budget.requests_per_second:g}/s",
                "concurrent": budget.concurrent,
                "most_at_once": meter.most_concurrent(GOVKZ),
                # as the replica saw them arrive: the budget counts requests as they leave the night, and
                # with the replica in the same process on a loaded machine one sent at the edge of a second
                # can arrive in the next (201 in a second at 200/s); the rate at the real 2 a second is
                # tests/pipeline/test_monitor.py::test_the_night_keeps_the_hosts_budget
                "most_in_one_second": meter.most_in_window(GOVKZ, 1.0),
            }
        finally:
            served.stop()
    return summary, seconds, load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=300, help="generated bodies of the replica")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)

    from ashyq_replica.core import World
    from ashyq_replica.generated import world_with_generated
    from ashyq_replica.govkz.feed import PLATFORM_KINDS, changes

    base = world_with_generated(World(), args.bodies)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        feed, feed_seconds, feed_load = _two_nights(base, tmp, per_entity=False)
        peer, peer_seconds, peer_load = _two_nights(base, tmp, per_entity=True)
    record = [c for c in changes(replace(base, nights=1)) if c.night == 1 and c.kind in PLATFORM_KINDS]
    made = {(c.slug, c.item_id) for c in record}
    found = {(i.slug, i.item_id) for e in feed.changed for i in e.items}
    dead_made = {(c.item_id, c.dead_link) for c in record if c.dead_link}
    dead_found = {(d["item"], d["url"].removeprefix("https://www.gov.kz")) for e in feed.changed for d in e.dead_links}
    result = {
        "entities": feed.entities,
        "changed_entities": len(feed.changed),
        "items_made": len(made),
        "items_found": len(found),
        "dead_links_made": len(dead_made),
        "dead_links_found": len(dead_found),
        "requests": feed.requests,
        "requests_per_entity": round(feed.per_entity, 3),
        "projected_hours_at_2_per_second": round(feed.requests / RATE / 3600, 3),
        "every_change_found": found == made,
        "listings_read_entity_by_entity": feed.fallback,  # a cross-entity listing that could not be read
        "peer_requests": peer.requests,
        "peer_requests_per_entity": round(peer.per_entity, 3),
        "peer_projected_hours_at_2_per_second": round(peer.requests / RATE / 3600, 3),
        "ratio_requests_feed_to_peer": round(feed.requests / peer.requests, 4) if peer.requests else None,
        "seconds_feed_night": round(feed_seconds, 1),
        "seconds_peer_night": round(peer_seconds, 1),
        "govkz_budget": feed_load["budget"],
        "govkz_most_at_once_feed_peer": [feed_load["most_at_once"], peer_load["most_at_once"]],
        "govkz_most_in_one_second_feed_peer": [feed_load["most_in_one_second"], peer_load["most_in_one_second"]],
        "govkz_concurrency_held": max(feed_load["most_at_once"], peer_load["most_at_once"]) <= feed_load["concurrent"],
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"   {key:40} {value}")
    kept = result["every_change_found"] and dead_found == dead_made and result["govkz_concurrency_held"]
    kept = kept and not feed.fallback
    return 0 if kept and feed.per_entity <= 14 else 1


if __name__ == "__main__":
    raise SystemExit(main())
