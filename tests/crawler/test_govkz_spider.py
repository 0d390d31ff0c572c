"""The gov.kz API spider against the replica: counts equal the world's inventory per body and
language; the ticket step works; its failure is an antibot failure and "not measurable", never
"no news"; the virtual reception is read with a ticket captured in a real browser."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from ashyq_replica.core import World
from ashyq_replica.server import start_world
from ashyq_replica.truth import inventory
from test_portal_harness import CrawlResult, crawl
from warcio.archiveiterator import ArchiveIterator

GOVKZ_BODIES = ("enbek", "adilet", "mod", "astana", "karaganda")
VR_OVERRIDE = [{"source": "https://www.gov.kz/api/v2/public-data", "reason": "allow-listed assessor, test of vr path"}]
Results = dict[tuple[str, str], CrawlResult]
NO_BROWSER = {"vr_ticket": "none"}


def _ids(result: CrawlResult, kind: str, lang: str) -> set[str]:
    return {r["external_id"] for r in result.records(kind, lang)}


def assert_counts(results: Results, world: World) -> None:
    truth = inventory(world)["bodies"]
    for body in GOVKZ_BODIES:
        result = results[("govkz", body)]
        for lang, expected in truth[body]["langs"].items():
            assert len(_ids(result, "news", lang)) == expected["news"], (body, lang)
            assert len(_ids(result, "document", lang)) == expected["documents"], (body, lang)
            menu = {r["external_id"] for r in result.records("page", lang) if r["payload"].get("is_menu_item")}
            assert len(menu) == expected["pages"], (body, lang)
            assert result.coverage("news", lang) == {"content": "news", "measurable": True, "count": expected["news"]}
        assert result.records("curator") and result.records("event") and result.records("contacts")


@pytest.fixture(scope="module")
def normal(world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Results:
    jobs = [{"spider": "govkz", "body": b, "args": NO_BROWSER} for b in (*GOVKZ_BODIES, "kostanay")]
    return crawl(world_urls, jobs, tmp_path_factory.mktemp("govkz"))


def test_counts_per_body_and_language(normal: Results, world: World) -> None:
    assert_counts(normal, world)


def test_records_are_the_api_objects_under_real_urls(normal: Results) -> None:
    result = normal[("govkz", "enbek")]
    document = result.records("document", "ru")[0]
    assert document["source_url"].startswith("https://www.gov.kz/api/v1/public/content-manager/documents?")
    assert {"id", "title", "created_date", "full_text"} <= set(document["payload"])
    assert not result.all_failures() or all(f["reason"] != "antibot" for f in result.all_failures())


def test_body_without_slug_is_skipped_with_a_reason(normal: Results) -> None:
    (coverage,) = normal[("govkz", "kostanay")].records("coverage")
    assert coverage["payload"] == {"content": "all", "measurable": False, "reason": "govkz_slug unknown"}


def test_without_ticket_news_are_not_measurable_never_empty(world_urls: dict[str, str], tmp_path: Path) -> None:
    args = {"news_ticket": "none", "news_graphql_fallback": "false", "lang": "ru", **NO_BROWSER}
    results = crawl(world_urls, [{"spider": "govkz", "body": "enbek", "args": args}], tmp_path)
    result = results[("govkz", "enbek")]
    assert not result.records("news")
    assert result.coverage("news", "ru")["measurable"] is False
    antibot = [f for f in result.all_failures() if f["reason"] == "antibot"]
    assert len(antibot) == 1 and "content-manager/news" in antibot[0]["url"] and antibot[0]["status_code"] == 400
    # the rest of the harvest is untouched
    assert result.coverage("documents", "ru")["measurable"] is True


def test_graphql_fallback_after_a_refusal(world_urls: dict[str, str], tmp_path: Path, world: World) -> None:
    args = {"news_ticket": "none", "lang": "kk", **NO_BROWSER}
    result = crawl(world_urls, [{"spider": "govkz", "body": "karaganda", "args": args}], tmp_path)[
        ("govkz", "karaganda")
    ]
    expected = inventory(world)["bodies"]["karaganda"]["langs"]["kk"]["news"]
    assert len(_ids(result, "news", "kk")) == expected
    assert all(r["payload"]["_via"] == "graphql" for r in result.records("news"))
    news_failures = [f for f in result.all_failures() if "content-manager/news" in f["url"]]
    assert [f["reason"] for f in news_failures] == ["antibot"]
    # gov.kz's robots.txt disallows /api/v2/: without an override the reception is not asked at all
    assert [f["reason"] for f in result.all_failures() if "public-data" in f["url"]] == ["robots"]
    # each GraphQL request is archived with its query: the record can be read and asked again
    posts = []
    with (tmp_path / "runs" / "test" / "warc" / "karaganda.warc.gz").open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "request" and record.http_headers.protocol == "POST":
                posts.append((record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read()))
    graphql = [body for url, body in posts if "graphql" in url]
    assert graphql and all("query" in json.loads(body) for body in graphql)


@pytest.fixture(scope="module")
def flaky_world() -> Iterator[dict[str, str]]:
    running = start_world(World(faults="flaky"))
    try:
        yield dict(running.urls)
    finally:
        running.stop()


def test_flaky_world_same_counts(flaky_world: dict[str, str], tmp_path: Path) -> None:
    jobs = [{"spider": "govkz", "body": b, "args": {**NO_BROWSER, "page_size": "20"}} for b in GOVKZ_BODIES]
    assert_counts(crawl(flaky_world, jobs, tmp_path), World(faults="flaky"))


def test_flaky_antibot_400_recorded_when_not_retried(flaky_world: dict[str, str], tmp_path: Path) -> None:
    # no retry anywhere: the replica's first-attempt "notAllowed" on some news pages stays a refusal
    args = {**NO_BROWSER, "page_size": "10", "antibot_retries": "0", "news_graphql_fallback": "false"}
    jobs = [{"spider": "govkz", "body": b, "args": args} for b in GOVKZ_BODIES]
    results = crawl(flaky_world, jobs, tmp_path, overrides={"ASHYQ_RETRY_ANTIBOT": False})
    refused = 0
    for body in GOVKZ_BODIES:
        result = results[("govkz", body)]
        for failure in result.all_failures():
            if "content-manager/news" in failure["url"]:
                assert failure["reason"] == "antibot"
                refused += 1
        not_measured = [c for c in result.records("coverage") if c["payload"]["content"] == "news"]
        for coverage in not_measured:
            assert coverage["payload"]["measurable"] or "antibot" in coverage["payload"]["reason"]
    assert refused > 0


def test_vr_questions_need_the_browser_ticket(world_urls: dict[str, str], tmp_path: Path) -> None:
    args = {"lang": "ru", **NO_BROWSER}
    result = crawl(
        world_urls, [{"spider": "govkz", "body": "mod", "args": args}], tmp_path, robots_overrides=VR_OVERRIDE
    )
    result_mod = result[("govkz", "mod")]
    assert not result_mod.records("vr_question")
    assert result_mod.coverage("vr_question", "ru")["measurable"] is False
    assert [f["reason"] for f in result_mod.all_failures()] == ["antibot"]


@pytest.mark.browser
def test_vr_questions_with_a_ticket_captured_in_chromium(
    world_urls: dict[str, str], tmp_path: Path, world: World
) -> None:
    jobs = [{"spider": "govkz", "body": "mod", "args": {"lang": "kk,ru"}}]
    result = crawl(world_urls, jobs, tmp_path, robots_overrides=VR_OVERRIDE)[("govkz", "mod")]
    truth = inventory(world)["bodies"]["mod"]["langs"]
    for lang in ("kk", "ru"):
        questions = result.records("vr_question", lang)
        assert len(questions) == truth[lang]["vr_questions"]
        assert sum(q["payload"]["status"] == "answered" for q in questions) == truth[lang]["vr_answered"]
    assert not [f for f in result.all_failures() if f["reason"] == "antibot"]
