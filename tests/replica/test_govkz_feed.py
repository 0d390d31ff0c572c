"""The replica's change feed: night after night a share of the gov.kz entities publish a few items, the
content API lists them newest first across entities, and nothing else changes (the record a monitoring
night is compared with)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime, time

from ashyq_replica.core import World
from ashyq_replica.generated import world_with_generated
from ashyq_replica.govkz.api import select
from ashyq_replica.govkz.content import govkz_bodies, site_content
from ashyq_replica.govkz.feed import PLATFORM_KINDS, changes
from ashyq_replica.govkz.model import ALMATY

BASE = world_with_generated(World(), 60)


def _listed(world: World, kind: str, after: datetime) -> list[dict[str, object]]:
    """The content API's answer a monitoring night reads: every entity, newest first, after a mark."""
    query = {"sort-by": "created_date:DESC", "created_date": f"gt:{after.isoformat()}", "size": "1000"}
    return select(world, kind, query, "ru")


def test_each_night_a_share_of_the_entities_publish_and_the_api_lists_exactly_that() -> None:
    later = replace(BASE, nights=2)
    record = changes(later)
    entities = govkz_bodies(later)
    # the entities publishing on the platform (the portals' drafts and blog posts are the world's own bodies')
    published = {(c.night, c.body_id): c for c in record if c.kind in PLATFORM_KINDS}
    per_night = Counter(c.night for c in published.values())
    assert per_night == {1: round(0.05 * len(entities)), 2: round(0.05 * len(entities))}
    assert changes(BASE) == () and changes(replace(BASE, nights=1)) == tuple(c for c in record if c.night == 1)
    # the mark of the night before the first: the end of the audit date
    mark = datetime.combine(BASE.as_of, time(23, 59, 59), ALMATY)
    for kind in ("news", "documents"):
        listed = _listed(later, kind, mark)
        assert [item["id"] for item in listed] == [
            c.item_id for c in sorted(record, key=lambda c: c.created, reverse=True) if c.kind == kind
        ]
        assert all(item["projects"] == next(c.slug for c in record if c.item_id == item["id"]) for item in listed)
        assert _listed(BASE, kind, mark) == []


def test_nothing_but_the_feed_changes_and_its_dead_links_are_dead() -> None:
    later = replace(BASE, nights=1)
    record = changes(later)
    added = {c.item_id for c in record}
    for body in govkz_bodies(later)[:12] + [b for b in later.bodies if b.id in {c.body_id for c in record}]:
        before, after = site_content(BASE, body), site_content(later, body)
        assert [n for n in after.news if n.id not in added] == before.news
        assert [d for d in after.documents if d.id not in added] == before.documents
    dead = [c for c in record if c.dead_link]
    assert dead, "one item in ten carries a dead link"
    for change in dead:
        site = site_content(later, later.body(change.body_id))
        assert change.dead_link not in site.uploads
        if change.kind == "news":
            text = next(n.body for n in site.news if n.id == change.item_id)
        else:
            text = next(d.content for d in site.documents if d.id == change.item_id)
        assert f'href="{change.dead_link}"' in text["ru"]
