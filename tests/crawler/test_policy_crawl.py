"""robots.txt and its overrides, bounded downloads, bot walls and run status, on a test site of our own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from crawl_harness import Crawl, crawl

from ashyq.crawler.runner import CrawlRequest
from ashyq.net.crawl_config import CRAWL_CONFIG

REASON = "the annual report is required evidence under T9-1 and the owner agreed in writing"


def _config(folder: Path, overrides: list[dict[str, str]]) -> Path:
    data = yaml.safe_load(CRAWL_CONFIG.read_text(encoding="utf-8"))
    data["robots"] = {"obey": True, "overrides": overrides}
    path = folder / f"crawl-{len(overrides)}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _run(test_site: dict[str, Any], tmp: Path, overrides: list[dict[str, str]], bodies: list[str]) -> Crawl:
    return crawl(
        tmp,
        CrawlRequest(
            body_ids=bodies,
            registry=str(test_site["registry"]),
            base_url_map=dict(test_site["map"]),
            config_path=_config(tmp, overrides),
            settings_overrides={"DOWNLOAD_MAXSIZE": 100_000, "DOWNLOAD_WARNSIZE": 100_000},
        ),
    )


@pytest.fixture(scope="module")
def obeying(test_site: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    return _run(test_site, tmp_path_factory.mktemp("obey"), [], ["testsite", "downsite"])


@pytest.fixture(scope="module")
def overriding(test_site: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    override = {"source": "https://robots.example.kz/private/", "reason": REASON}
    return _run(test_site, tmp_path_factory.mktemp("override"), [override], ["testsite"])


def test_robots_txt_is_obeyed(obeying: Crawl) -> None:
    assert obeying.rows("SELECT url, reason FROM fetch_failure WHERE url LIKE '%/private/%'") == [
        ("https://robots.example.kz/private/report", "robots")
    ]
    assert obeying.rows("SELECT count(*) FROM page WHERE url LIKE '%/private/%'") == [(0,)]


def test_an_override_with_its_reason_fetches_the_page_and_is_kept_with_the_run(overriding: Crawl) -> None:
    assert overriding.rows("SELECT status FROM page WHERE url = 'https://robots.example.kz/private/report'") == [(200,)]
    assert overriding.rows("SELECT count(*) FROM fetch_failure WHERE reason = 'robots'") == [(0,)]
    settings = json.loads(overriding.rows("SELECT settings FROM run")[0][0])
    assert settings["crawl"]["robots_overrides"] == [{"source": "https://robots.example.kz/private/", "reason": REASON}]


def test_an_answer_over_the_size_limit_is_recorded_too_large(obeying: Crawl) -> None:
    assert obeying.rows("SELECT reason FROM fetch_failure WHERE url = 'https://robots.example.kz/big'") == [
        ("too_large",)
    ]


def test_a_bot_wall_is_antibot_not_a_missing_page(obeying: Crawl) -> None:
    assert obeying.rows("SELECT reason, status_code FROM fetch_failure WHERE url LIKE '%/blocked'") == [
        ("antibot", 403)
    ]


def test_a_body_whose_site_is_down_makes_the_run_partial(obeying: Crawl) -> None:
    outcome = obeying.summary.bodies
    assert outcome["testsite"].status == "complete"
    assert outcome["downsite"].status == "failed" and "nothing harvested" in (outcome["downsite"].reason or "")
    assert obeying.summary.status.value == "partial"
    status, settings = obeying.rows("SELECT status, settings FROM run")[0]
    assert status == "partial" and "nothing harvested" in settings
    assert obeying.rows(
        "SELECT reason FROM fetch_failure WHERE body_id = 'downsite' AND url = 'https://down.example.kz/'"
    )
