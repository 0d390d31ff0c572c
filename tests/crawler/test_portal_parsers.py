"""Portal parsers on real saved pages (reference samples, read at test time) and on the replica's answers."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ashyq.crawler.parsers import budget, dataegov, dialog, legalacts
from ashyq.crawler.parsers.fields import total_pages
from ashyq.net.urlmap import BaseUrlMap

# Real pages saved by third parties (reference only, not part of the repository): point
# ASHYQ_PORTAL_SAMPLES at a folder holding them to run these parsers against them too.
SAMPLES = Path(os.environ.get("ASHYQ_PORTAL_SAMPLES", "/nonexistent"))


def fetch(urls: dict[str, str], url: str, lang: str = "ru") -> str:
    served = BaseUrlMap.from_mapping(urls).to_served(url)
    assert served is not None
    request = urllib.request.Request(served, headers={"Cookie": f"egovLang={lang}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.read().decode()


@pytest.fixture(scope="module")
def sample() -> Path:
    if not SAMPLES.exists():
        pytest.skip("ASHYQ_PORTAL_SAMPLES does not name a folder of reference samples")
    return SAMPLES


def test_legalacts_real_list_cards(sample: Path) -> None:
    html = (sample / "legalacts_list_cards_excerpt.html").read_text(encoding="utf-8")
    cards = legalacts.parse_list(html, "https://legalacts.egov.kz/list?status=IN_ARCHIVE")
    assert [c.external_id for c in cards] == ["15907944", "15906353", "15902831"]
    second = cards[1].payload
    assert (second["status"], second["type"], second["created"], second["discussion_until"]) == (
        "Архив",
        "Приказ",
        "2026-09-09",
        "2026-09-14",
    )
    # the not-accepted count stands after its </span>
    assert (second["comments"], second["likes"], second["dislikes"], second["views"]) == (24, 0, 1, 821)
    assert (second["accepted"], second["rejected"]) == (0, 12)
    assert second["developer"] == "Министерство труда и социальной защиты населения РК"
    assert second["docx_url"] == "https://legalacts.egov.kz/application/downloadnpa?id=15906354"


def test_legalacts_real_document_card(sample: Path) -> None:
    html = (sample / "legalacts_document_view_excerpt.html").read_text(encoding="utf-8")
    records = legalacts.parse_card(html, "https://legalacts.egov.kz/npa/view?id=15906353")
    card = records[0].payload
    assert card["government_id"] == "1733738" and card["comments"] == 24 and card["rejected"] == 12
    assert card["online_start"] == "2026-09-15T15:55:00" and card["previous_version_url"] is None
    attachments = [r for r in records if r.kind == "attachment"]
    assert [a.external_id for a in attachments] == ["15906352"]
    (comment,) = [r for r in records if r.kind == "comment"]
    assert comment.external_id == "15907499" and comment.payload["author"] == "СУХАНОВ АНДРЕЙ"
    assert comment.payload["status"] == "rejected" and comment.payload["time_raw"] == "10/09 - 11:05"
    assert comment.payload["answered"] and comment.payload["answer"]["id"] == "15907783"


def test_dataegov_catalogue_pages_come_from_the_count(world_urls: dict[str, str]) -> None:
    total = dataegov.parse_count(fetch(world_urls, dataegov.count_url("AGY-ENBEK-0001")))
    assert total == 9 and dataegov.pages_for(total) == 1
    # asking for more than ten still gives at most ten: paging must not trust ``count``
    records = dataegov.parse_datasets(fetch(world_urls, dataegov.list_url("AGY-ASTANA-0101", 1, count=50)))
    assert len(records) == 10
    version = dataegov.current_version(records[0].payload)
    assert version is not None
    api_uri = records[0].payload["apiUri"]
    passport = dataegov.parse_passport(fetch(world_urls, dataegov.passport_url(api_uri, version)), api_uri, version)
    assert passport.payload["apiUri"] == api_uri and passport.payload["fields"]
    with pytest.raises(dataegov.CatalogueError):
        dataegov.parse_passport(fetch(world_urls, dataegov.passport_url(api_uri, "v999")), api_uri, "v999")


def test_budget_search_and_programme_card(world_urls: dict[str, str]) -> None:
    url = budget.search_url(3525, 1)
    page = budget.parse_search(fetch(world_urls, url), url)
    assert len(page.programme_urls) == 4 and page.total_pages == 2 and page.restricted_notice is None
    card = page.programme_urls[0]
    records = budget.parse_programme(fetch(world_urls, card), card)
    programme = records[0]
    assert programme.kind == "programme" and set(programme.payload["tabs"]) == {"PROJECT", "APPROVED", "REPORT"}
    assert all(row["label"] and row["value"] for row in programme.payload["tabs"]["REPORT"])
    files = [r for r in records if r.kind == "file"]
    assert files and all(f.payload["date"] and f.payload["url"] for f in files)
    comments = [r for r in records if r.kind == "comment"]
    assert comments and all(c.payload["text"] and c.payload["tab"] in budget.TABS for c in comments)


def test_budget_restricted_body_shows_a_notice(world_urls: dict[str, str]) -> None:
    url = budget.search_url(3501, 1)
    page = budget.parse_search(fetch(world_urls, url), url)
    assert page.restricted_notice and "ограниченного" in page.restricted_notice


def test_legalacts_replica_list_card_and_versions(world_urls: dict[str, str]) -> None:
    url = legalacts.list_url(1733738, 1)
    html = fetch(world_urls, url)
    cards = legalacts.parse_list(html, url)
    assert len(cards) == 5 and total_pages(html) == 3
    with_version = None
    for card in cards:
        records = legalacts.parse_card(fetch(world_urls, card.payload["url"]), card.payload["url"])
        comments = [r for r in records if r.kind == "comment"]
        assert len(comments) == card.payload["comments"]
        if records[0].payload["previous_version_url"]:
            with_version = records[0].payload["previous_version_url"]
    assert with_version is not None
    version = legalacts.parse_version(fetch(world_urls, with_version), with_version, "x")
    assert version.kind == "version" and version.payload["number"] and version.payload["created"]


def test_dialog_questions_answered_by_answer_block(world_urls: dict[str, str]) -> None:
    url = dialog.questions_url(294100, 1)  # Karaganda: answered and unanswered questions
    records = dialog.parse_questions(fetch(world_urls, url), url)
    assert len(records) == 10
    assert all(r.payload["number"] and r.payload["date"] for r in records)
    answered = [r for r in records if r.payload["answered"]]
    assert answered and all(r.payload["answer"] for r in answered)
    assert any(not r.payload["answered"] for r in records) or len(answered) == 10


def test_dialog_posts_and_events(world_urls: dict[str, str]) -> None:
    url = dialog.posts_url(32777, 1)
    html = fetch(world_urls, url)
    posts = dialog.parse_posts(html, url)
    assert len(posts) == 10 and total_pages(html) and all(p.payload["date"] for p in posts)
    polls_url = dialog.events_url(32777, "poll")
    polls = dialog.parse_events(fetch(world_urls, polls_url), polls_url, "poll")
    assert len(polls) == 5 and all(p.payload["start"] and p.payload["end"] for p in polls)
    options = dialog.parse_poll_options(fetch(world_urls, polls[0].payload["url"]))
    assert options and all(o["votes"] is not None for o in options)
    assert json.dumps(options, ensure_ascii=False)
