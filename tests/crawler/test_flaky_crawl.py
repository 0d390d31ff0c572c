"""The same crawl against the flaky replica: retries, timeouts, traps, charset, the address guard."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from ashyq_replica import faults
from ashyq_replica.core import World
from ashyq_replica.truth import inventory
from crawl_harness import CLASSIC_BODIES, Crawl, crawl
from warcio.archiveiterator import ArchiveIterator

from ashyq.crawler.runner import CrawlRequest

pytestmark = pytest.mark.slow

FAULT_PATHS = tuple(path for path, _ in faults.FAULT_LINKS)


def test_page_counts_match_the_inventory_apart_from_the_fault_pages(flaky_crawl: Crawl, flaky_world: World) -> None:
    truth = inventory(flaky_world)["bodies"]
    rows = flaky_crawl.rows(
        "SELECT body_id, lang, final_url FROM page WHERE status = 200 AND content_type LIKE 'text/html%' "
        "AND lang IS NOT NULL"
    )
    counted: dict[tuple[str, str], int] = {}
    for body, lang, url in rows:
        # the inventory counts the full site; the separate mobile version (m. host) is harvested beside it
        if not urlsplit(url).path.startswith(FAULT_PATHS) and not (urlsplit(url).hostname or "").startswith("m."):
            counted[(body, lang)] = counted.get((body, lang), 0) + 1
    assert counted == {(b, lang): truth[b]["langs"][lang]["pages"] for b in CLASSIC_BODIES for lang in ("kk", "ru")}
    assert flaky_crawl.summary.status.value == "complete"


def test_first_answer_503_is_retried_and_the_page_kept(flaky_crawl: Crawl) -> None:
    pages = flaky_crawl.rows("SELECT final_url, status FROM page WHERE body_id = 'kostanay'")
    failing_first = []
    for url, status in pages:
        parts = urlsplit(url)
        if parts.path.startswith(FAULT_PATHS):
            continue  # the replica's fault routes are not themselves faulted
        if faults.fails_first(parts.hostname or "", parts.path + (f"?{parts.query}" if parts.query else "")):
            failing_first.append((url, status))
    assert failing_first, "the flaky world should fail some first answers"
    assert all(status == 200 for _, status in failing_first)
    answered_503 = set()
    for path in flaky_crawl.warc_files():
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response" and record.http_headers.get_statuscode() == "503":
                    answered_503.add(record.rec_headers.get_header("WARC-Target-URI"))
    # the 503s the crawl archived are first answers of the pages that fail first, each of which was kept (above); on a
    # loaded machine a 503 may reach the client after its download timeout (the retry then the first answer archived)
    failing = {url for url, _ in failing_first}
    kept = {url for url, _ in pages}
    assert answered_503 & failing, "no first answer 503 was archived"
    assert answered_503 & kept <= failing, answered_503 & kept - failing


def test_a_slow_first_answer_is_waited_for_and_a_hanging_page_times_out(flaky_crawl: Crawl) -> None:
    slow = flaky_crawl.rows("SELECT final_url FROM page WHERE body_id = 'kostanay'")
    assert any(faults.slow_first("www.kostanay.gov.kz", urlsplit(u).path) for (u,) in slow)
    assert flaky_crawl.rows("SELECT reason FROM fetch_failure WHERE url LIKE '%/ru/reports/slow'") == [("timeout",)]


def test_the_endless_calendar_is_cut(flaky_crawl: Crawl) -> None:
    calendar = flaky_crawl.rows("SELECT count(*) FROM page WHERE url LIKE '%/ru/calendar%'")[0][0]
    assert 1 < calendar <= 14
    cuts = flaky_crawl.rows("SELECT url, detail FROM fetch_failure WHERE reason = 'trap' AND url LIKE '%calendar%'")
    assert cuts and all("repeated pattern" in detail for _, detail in cuts)


def test_the_redirect_loop_is_cut(flaky_crawl: Crawl) -> None:
    cuts = flaky_crawl.rows("SELECT url, detail FROM fetch_failure WHERE reason = 'trap' AND url LIKE '%redirect%'")
    assert [url for url, _ in cuts] == ["https://www.kostanay.gov.kz/ru/redirect/a"]
    assert "redirect loop" in cuts[0][1]


def test_private_addresses_are_recorded_and_never_contacted(flaky_crawl: Crawl) -> None:
    refused = flaky_crawl.rows("SELECT url, detail FROM fetch_failure WHERE reason = 'private_address'")
    assert sorted(url for url, _ in refused) == ["http://10.0.0.5/", "http://192.168.1.10/"]
    assert all("linked from https://www.kostanay.gov.kz/ru/partners" in detail for _, detail in refused)
    # Every connection and lookup the crawl process made (Python audit hooks): the replica only.
    log = flaky_crawl.connection_log.read_text(encoding="utf-8")
    assert "connect ('127.0.0.1'" in log, "the connection log must see the crawl's own connections"
    assert "10.0.0.5" not in log and "192.168.1.10" not in log


def test_a_page_without_charset_is_read_as_cp1251(flaky_crawl: Crawl) -> None:
    rows = flaky_crawl.rows("SELECT title, lang FROM page WHERE url LIKE '%/ru/archive/2012/news.html'")
    assert rows == [("Архив новостей 2012 года", "ru")]


def test_malformed_html_is_read_not_crashed_on(flaky_crawl: Crawl) -> None:
    rows = flaky_crawl.rows(
        "SELECT p.title, l.target_url FROM page p JOIN link l ON l.page_id = p.id WHERE p.url LIKE '%/ru/broken'"
    )
    assert rows == [("Объявления", "https://www.kostanay.gov.kz/ru/news")]


def test_a_50_mb_file_is_measured_not_downloaded(flaky_crawl: Crawl) -> None:
    sizes = flaky_crawl.rows(
        f"SELECT DISTINCT size_bytes, format FROM download WHERE url LIKE '%{faults.BIG_FILE_PATH}'"
    )
    assert sizes == [(faults.BIG_FILE_SIZE, "zip")]
    total = sum(path.stat().st_size for path in flaky_crawl.warc_files())
    assert total < 5 * 1024 * 1024


# ── a page limit keeps the same pages, however the servers answer ─────────────────────────────────

# bodies whose flaky sites differ from the clean ones only in their answers (kostanay's carries
# the extra fault links)
CAPPED_BODIES = ["enbek-center", "zqai"]
CAP = 8


def _capped(tmp: Path, urls: dict[str, str]) -> Crawl:
    return crawl(tmp, CrawlRequest(body_ids=CAPPED_BODIES, base_url_map=urls, max_pages=CAP))


@pytest.fixture(scope="module")
def capped_crawls(
    world_urls: dict[str, str], flaky_world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Crawl, Crawl]:
    return _capped(tmp_path_factory.mktemp("capped-clean"), world_urls), _capped(
        tmp_path_factory.mktemp("capped-flaky"), flaky_world_urls
    )


def _taken(capped: Crawl, body: str) -> tuple[set[str], set[str]]:
    """The page requests the limit admitted (harvested or failed otherwise) and the ones it cut."""
    pages = {url for (url,) in capped.rows("SELECT url FROM page WHERE body_id = :b", b=body)}
    failed = capped.rows("SELECT url, reason, detail FROM fetch_failure WHERE body_id = :b", b=body)
    cut = {url for url, reason, detail in failed if reason == "trap" and "page limit" in detail}
    return pages | {url for url, reason, _ in failed if reason != "trap"}, cut


@pytest.mark.parametrize("body", CAPPED_BODIES)
def test_a_page_limit_keeps_the_same_pages_in_a_flaky_world(body: str, capped_crawls: tuple[Crawl, Crawl]) -> None:
    clean, flaky = (_taken(capped, body) for capped in capped_crawls)
    (clean_taken, clean_cut), (flaky_taken, flaky_cut) = clean, flaky
    assert clean_cut, f"{body}: the limit of {CAP} pages did not bind; the comparison would prove nothing"
    # the flaky world answered some of the admitted pages late or with a 503 first
    perturbed = [
        url
        for url in flaky_taken
        if faults.fails_first(urlsplit(url).hostname or "", urlsplit(url).path)
        or faults.slow_first(urlsplit(url).hostname or "", urlsplit(url).path)
    ]
    assert perturbed, f"{body}: no page of the capped crawl met a fault"
    assert flaky_taken == clean_taken, (
        f"{body}: only in the clean world {sorted(clean_taken - flaky_taken)}, "
        f"only in the flaky one {sorted(flaky_taken - clean_taken)}"
    )
    assert flaky_cut == clean_cut
