"""Precision and recall against the replica's ground truth are counted as documented."""

from __future__ import annotations

from ashyq_replica.accuracy.replica import measure, totals
from ashyq_replica.core import World
from ashyq_replica.truth import all_defects

from ashyq.checks.edition_index import items_to_check


def test_counts_true_false_and_unmeasured() -> None:
    world = World()
    measured = set(items_to_check())
    by_key: dict[tuple[str, str], list[str]] = {}
    for d in all_defects(world):
        if d.item in measured and d.lang is not None:
            by_key.setdefault((d.item, d.lang), []).append(d.body)
    # an item and language seeded at two or more bodies
    (item, lang), seeded_bodies = next((k, v) for k, v in sorted(by_key.items()) if len(set(v)) >= 2)
    first, second = sorted(set(seeded_bodies))[:2]
    bodies = {b.id for b in world.bodies}
    clean = sorted(bodies - set(seeded_bodies))[0]
    findings = [
        {"body": first, "item": item, "lang": lang, "status": "partial"},  # found
        {"body": second, "item": item, "lang": lang, "status": "not_assessed", "reason": "timeout"},  # unmeasured
        {"body": clean, "item": item, "lang": lang, "status": "fail"},  # nothing was seeded there
    ]
    r = next(r for r in measure(findings, world, bodies) if (r.item, r.lang) == (item, lang))
    assert (r.true_positive, r.false_positive, r.not_assessed) == (1, 1, 1)
    assert r.false_negative == len(set(seeded_bodies)) - 2
    assert r.spurious == [clean]
    assert r.precision == 0.5
    assert totals([r])[lang]["precision"] == 0.5


def test_no_findings_means_no_recall() -> None:
    world = World()
    rows = measure([], world, {"karaganda"})
    assert rows and all(r.recall == 0 for r in rows)
    assert all(r.precision is None for r in rows)


def test_a_subordinates_defect_is_counted_at_its_parent() -> None:
    world = World()
    child = next(b for b in world.bodies if b.parent)
    seeded = [d for d in all_defects(world) if d.body == child.id and d.item.startswith(("T9-", "T10-", "T11-"))]
    assert seeded, "the world seeds subordinate defects"
    d = seeded[0]
    findings = [{"body": child.parent, "item": d.item, "lang": d.lang, "status": "fail"}]
    r = next(r for r in measure(findings, world, {child.parent}) if (r.item, r.lang) == (d.item, d.lang or "-"))
    assert r.true_positive == 1 and r.false_positive == 0
