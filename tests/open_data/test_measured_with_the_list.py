"""On the replica: with the Unified list imported, T1-1, T1-3 and T10 are measured for every demo body
(against what the world seeded); without one, a body's declared datasets are the claims, verified by
``declare`` and against the catalogue, and the finding names that source."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ashyq_replica.commands.demo import declare_replica_reports, import_replica_list
from ashyq_replica.core import World
from ashyq_replica.server import start_world
from ashyq_replica.truth import all_defects

from ashyq.checks.result import Result
from ashyq.crawler.runner import CrawlRequest, run_crawl
from ashyq.pipeline.stages import check_bodies
from ashyq.store.bodies import load_registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.models import Run

ITEMS = ["T1-1", "T1-3", "T10-1", "T10-2", "T10-3"]
MEASURED = ("pass", "partial", "fail", "not_applicable")


def checked(urls: dict[str, str], out: Path, db: str, world: World, bodies: list[str]) -> dict[str, list[Result]]:
    """The data.egov.kz harvest of ``bodies`` (and their subordinates), then the open-data checks."""
    registry = load_registry("demo")
    crawl_ids = bodies + [s.id for b in bodies for s in registry.subordinates(b)]
    request = CrawlRequest(crawl_ids, "demo", urls, out, db, spiders=["dataegov"])
    crawl = run_crawl(request)
    with session_scope(db) as session:
        run = session.get(Run, crawl.run_id)
        assert run is not None
        run.as_of = world.as_of
        results = check_bodies(session, run, bodies, "demo", out, only_items=ITEMS)
    assert all(isinstance(r, list) for r in results.values()), results
    return {body: r for body, r in results.items() if isinstance(r, list)}


def one(results: list[Result], item: str, lang: str) -> Result:
    return next(r for r in results if r.item == item and r.lang == lang)


def seeded(world: World, body: str, item: str) -> dict[str, Any] | None:
    found = next((d for d in all_defects(world) if (d.body, d.item, d.lang) == (body, item, "ru")), None)
    return dict(found.measured) if found is not None else None


@pytest.mark.slow
def test_with_the_imported_list_every_demo_body_is_measured(tmp_path: Path) -> None:
    world = World()
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    ensure_schema(db)
    import_replica_list(world, tmp_path, db)
    assessed = [b.id for b in load_registry("demo").assessed()]
    with start_world(world) as served:
        results = checked(dict(served.urls), tmp_path, db, world, assessed)
    for body in assessed:
        for item in ("T1-1", "T1-3"):
            for lang in ("kk", "ru"):
                result = one(results[body], item, lang)
                assert result.status in MEASURED, (body, item, lang, result.reason)
                assert result.measured["source"]["kind"] == "unified_list", (body, item)
                assert result.measured["source"]["list"]["source"] == "unified-list.xlsx"
            truth = seeded(world, body, item)
            got = one(results[body], item, "ru").measured
            if truth is not None:  # what the world seeded, found as seeded
                assert (got["numerator"], got["denominator"]) == (truth["numerator"], truth["denominator"]), body
            else:
                assert got["numerator"] == got["denominator"], (body, item, got)
    # criterion 7 (CGOs): enbek's organisation is measured on all three items; mod has none
    for item in ("T10-1", "T10-2", "T10-3"):
        for lang in ("kk", "ru"):
            seeded_here = any((d.body, d.item, d.lang) == ("enbek-center", item, lang) for d in all_defects(world))
            assert one(results["enbek"], item, lang).status == ("fail" if seeded_here else "pass"), (item, lang)
            assert one(results["mod"], item, lang).status == "not_applicable", item
    # adilet's organisation (zqai) has no data.egov.kz identity: said, not guessed
    zqai = one(results["adilet"], "T10-1", "ru")
    assert zqai.status == "not_assessed" and "zqai" in (zqai.reason or "")


@pytest.mark.slow
def test_without_a_list_the_declared_datasets_are_verified_claims(tmp_path: Path) -> None:
    world = World()
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    ensure_schema(db)
    registry = load_registry("demo")
    only_mod = registry.model_copy(update={"bodies": [registry.get("mod")]})
    with start_world(world) as served:
        declare_replica_reports(world, only_mod, served.urls, tmp_path, db)
        results = checked(dict(served.urls), tmp_path, db, world, ["mod", "karaganda"])
    for lang in ("kk", "ru"):
        published = one(results["mod"], "T1-1", lang)
        source = published.measured["source"]
        assert source["kind"] == "declared" and source["links_verified"] is True
        assert source["file"].endswith("mod.yaml") and source["links_confirmed"] > 0
        assert any(e.kind == "declared_document" for e in published.evidence)
        # the datasets mod declares are the published ones: each is in the catalogue
        assert published.status == "pass" and published.measured["numerator"] == source["rows"]
        # karaganda filed no report and no list is imported: nothing says what is due
        nothing = one(results["karaganda"], "T1-1", lang)
        assert nothing.status == "not_assessed" and "import-list" in (nothing.reason or "")
