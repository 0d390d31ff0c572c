"""The four portal spiders against the replica world, normal and flaky: what they harvest per body
equals the world's own inventory, and what they cannot reach is a recorded failure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ashyq_replica.core import World
from ashyq_replica.portals.content.catalogue import portal_inventory
from ashyq_replica.server import start_world
from test_portal_harness import CrawlResult, crawl

BODIES = ("enbek", "adilet", "mod", "astana", "karaganda", "kostanay", "enbek-center", "zqai")
SPIDERS = ("dataegov", "budget", "legalacts", "dialog")
# the assessor is allow-listed for the document cards (a test stands in for ashyq/config/crawl.yaml)
OVERRIDES = [
    {"source": "https://legalacts.egov.kz/npa/view", "reason": "allow-listed assessor, test of the card path"},
    {"source": "https://legalacts.egov.kz/application/viewcardhistory", "reason": "allow-listed assessor, test"},
]
Results = dict[tuple[str, str], CrawlResult]


def _jobs() -> list[dict]:
    return [
        {"spider": spider, "body": body, "args": {"crawl_delay": "0"} if spider == "dialog" else {}}
        for spider in SPIDERS
        for body in BODIES
    ]


@pytest.fixture(scope="module")
def normal(world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Results:
    return crawl(world_urls, _jobs(), tmp_path_factory.mktemp("portals"), robots_overrides=OVERRIDES)


@pytest.fixture(scope="module")
def flaky(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Results]:
    running = start_world(World(faults="flaky"))
    try:
        yield crawl(running.urls, _jobs(), tmp_path_factory.mktemp("flaky"), robots_overrides=OVERRIDES)
    finally:
        running.stop()


def unique(result: CrawlResult, kind: str, lang: str | None = None) -> set[str]:
    return {r["external_id"] for r in result.records(kind, lang)}


def assert_matches_inventory(results: Results, world: World) -> None:
    inventory = portal_inventory(world)
    for body in BODIES:
        expected = inventory[body]
        data, budget = results[("dataegov", body)], results[("budget", body)]
        legal, dialog = results[("legalacts", body)], results[("dialog", body)]
        assert len(unique(data, "dataset")) == expected["datasets"], body
        assert len(unique(data, "passport")) == expected["datasets"], body
        assert len(unique(budget, "programme")) == expected["budget_programmes"], body
        assert len(unique(budget, "material")) == expected["budget_materials"], body
        assert len(unique(legal, "draft")) == expected["documents"], body
        assert len(unique(legal, "regulatory_policy_document")) == expected["regulatory_policy_documents"], body
        comments = len(unique(legal, "comment")) + len(unique(budget, "comment"))
        assert comments == expected["comments"], body
        assert len(unique(dialog, "blog_post")) == expected["blog_posts"], body
        questions = {r["external_id"]: r["payload"]["answered"] for r in dialog.records("question")}
        assert sum(questions.values()) == expected["questions_answered"], body
        assert len(questions) - sum(questions.values()) == expected["questions_unanswered"], body
        assert len(unique(dialog, "conference")) == expected["conferences"], body
        assert len(unique(dialog, "poll")) == expected["polls"], body


def test_counts_equal_the_world_inventory(normal: Results, world: World) -> None:
    assert_matches_inventory(normal, world)


def test_flaky_world_gives_the_same_counts(flaky: Results) -> None:
    assert_matches_inventory(flaky, World(faults="flaky"))


def test_every_record_keeps_its_real_source_url(normal: Results) -> None:
    for result in normal.values():
        for record in result.records():
            assert record["source_url"].startswith("https://") and "127.0.0.1" not in str(record["payload"])
            if record["record_kind"] != "coverage":  # read from an archived answer
                assert record["warc_record_id"], record


def test_one_session_per_language(normal: Results) -> None:
    budget = normal[("budget", "enbek")]
    titles = {lang: {r["payload"]["title"] for r in budget.records("programme", lang)} for lang in ("kk", "ru")}
    assert titles["kk"] and titles["ru"] and not titles["kk"] & titles["ru"]


def test_unknown_identifier_is_skipped_with_a_reason(normal: Results) -> None:
    for spider in SPIDERS:
        (coverage,) = normal[(spider, "zqai")].records("coverage")
        assert coverage["payload"]["measurable"] is False and "unknown" in coverage["payload"]["reason"]


def test_versions_and_answers_on_cards(normal: Results) -> None:
    legal = normal[("legalacts", "enbek")]
    versions = legal.records("version")
    assert versions and all(v["payload"]["draft"] and v["payload"]["number"] for v in versions)
    comments = legal.records("comment")
    assert {c["payload"]["status"] for c in comments} <= {"accepted", "rejected", None}
    assert any(c["payload"]["answered"] for c in comments)
    assert legal.records("attachment")


def test_without_override_cards_are_robots_failures(world_urls: dict[str, str], tmp_path: Path) -> None:
    results = crawl(world_urls, [{"spider": "legalacts", "body": "adilet"}], tmp_path)
    legal = results[("legalacts", "adilet")]
    assert len(unique(legal, "draft")) == portal_inventory(World())["adilet"]["documents"]
    assert not legal.records("comment") and not legal.records("draft_card")
    robots = [f for f in legal.all_failures() if f["reason"] == "robots"]
    assert robots and all("/npa/view" in f["url"] for f in robots)
