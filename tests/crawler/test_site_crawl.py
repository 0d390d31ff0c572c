"""The classic-site spider over the replica world (normal mode), checked against its ground truth."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from ashyq_replica import classic
from ashyq_replica.core import World
from ashyq_replica.truth import inventory
from crawl_harness import CLASSIC_BODIES, Crawl
from warcio.archiveiterator import ArchiveIterator

from ashyq.store.warc import warc_digest

HTML_PAGES = (
    "SELECT body_id, lang, count(*) FROM page WHERE source = 'site' AND status = 200 "
    "AND content_type LIKE 'text/html%' AND lang IS NOT NULL GROUP BY body_id, lang"
)


def test_run_is_complete_with_one_warc_per_body(normal_crawl: Crawl) -> None:
    assert normal_crawl.summary.status.value == "complete"
    assert [p.name for p in normal_crawl.warc_files()] == sorted(f"{b}.warc.gz" for b in CLASSIC_BODIES)
    status, settings = normal_crawl.rows("SELECT status, settings FROM run")[0]
    assert status == "complete"
    assert "ashyq-openness-auditor/" in settings and "robots_overrides" in settings


def test_page_counts_per_body_and_language_match_the_inventory(normal_crawl: Crawl, world: World) -> None:
    truth = inventory(world)["bodies"]
    counted = {(body, lang): n for body, lang, n in normal_crawl.rows(HTML_PAGES)}
    expected = {(body, lang): truth[body]["langs"][lang]["pages"] for body in CLASSIC_BODIES for lang in ("kk", "ru")}
    assert counted == expected


def test_every_page_the_site_lists_was_harvested(normal_crawl: Crawl, world: World) -> None:
    stored = {url for row in normal_crawl.rows("SELECT url, final_url FROM page") for url in row}
    # The same bytes under a second address are one page: the second address is only a link target.
    aliases = {url for (url,) in normal_crawl.rows("SELECT DISTINCT target_url FROM link WHERE target_status = 200")}
    for body_id in CLASSIC_BODIES:
        listed = {u for u in classic.public_urls(world, world.body(body_id)) if "/projects/archive" not in u}
        assert not listed - stored - aliases, body_id
    assert "https://iac.enbek.kz/?lang=ru" in aliases - stored  # the home page, also served at /


def _depth(crawl: Crawl, url: str) -> int | None:
    rows = crawl.rows("SELECT depth FROM page WHERE url = :u OR final_url = :u", u=url)
    assert rows, f"{url} was not harvested"
    return rows[0][0]


@pytest.mark.parametrize(
    ("url", "clicks"),
    [
        ("https://www.kostanay.gov.kz/ru/", 0),
        ("https://www.kostanay.gov.kz/kk/", 0),
        ("https://www.kostanay.gov.kz/", 0),  # the splash page is the entry
        ("https://www.kostanay.gov.kz/ru/activity", 1),
        ("https://www.kostanay.gov.kz/ru/activity/business/control/plans/2026/schedule", 5),
        ("https://www.kostanay.gov.kz/kk/activity/business/control/plans/2026/schedule", 5),
        ("https://www.kostanay.gov.kz/ru/news/1", 1),  # among the five latest on the home page
        ("https://www.kostanay.gov.kz/ru/news/18", 2),  # only in the news list
        ("https://iac.enbek.kz/?lang=kk", 0),
        ("https://iac.enbek.kz/leadership?lang=ru", 1),
        ("https://zqai.kz/kz/projects", 1),
        ("https://www.kostanay.gov.kz/ru/akim", None),  # in sitemap.xml only: no click path at all
        # the mobile version from where the full site links into it (its ru home); kk one switch on
        ("https://m.kostanay.gov.kz/ru/", 0),
        ("https://m.kostanay.gov.kz/kk/", 1),
        ("https://m.kostanay.gov.kz/ru/news/18", 2),
        ("https://m.kostanay.gov.kz/ru/activity/business/control/plans/2026/schedule", 5),
        ("https://m.kostanay.gov.kz/kk/activity/business/control/plans/2026/schedule", 6),
    ],
)
def test_click_depths_are_shortest_paths_from_the_home_page(normal_crawl: Crawl, url: str, clicks: int | None) -> None:
    assert _depth(normal_crawl, url) == clicks


def test_kk_and_ru_pages_point_at_each_other(normal_crawl: Crawl) -> None:
    rows = normal_crawl.rows(
        "SELECT url, final_url, lang, counterpart_url FROM page WHERE body_id = 'kostanay' AND lang IS NOT NULL"
    )
    by_url = {final: (lang, counterpart) for _, final, lang, counterpart in rows}
    pairs = 0
    for final, (lang, counterpart) in by_url.items():
        assert counterpart, f"{final} has no language switch"
        other = by_url.get(counterpart)
        assert other is not None and other[0] != lang, f"{final} → {counterpart}"
        if other[1] == final:
            pairs += 1
    assert pairs >= 70  # all but the Russian-only page and the akim pages reached via the sitemap
    # The Russian-only passport: its switch leads to the Kazakh home page (the seeded gap).
    assert by_url["https://www.kostanay.gov.kz/ru/region"][1] == "https://www.kostanay.gov.kz/kk/"
    query_langs = normal_crawl.rows(
        "SELECT counterpart_url FROM page WHERE final_url = 'https://iac.enbek.kz/documents?lang=kk'"
    )
    assert query_langs == [("https://iac.enbek.kz/documents?lang=ru",)]


def test_dead_links_and_the_pages_that_carry_them(normal_crawl: Crawl) -> None:
    failures = normal_crawl.rows("SELECT url, reason, status_code, detail FROM fetch_failure WHERE body_id = 'zqai'")
    assert {(url, reason, status) for url, reason, status, _ in failures} == {
        ("https://zqai.kz/ru/projects/archive", "http_status", 404),
        ("https://zqai.kz/kz/projects/archive", "http_status", 404),
    }
    assert all("linked from https://zqai.kz/" in detail for *_, detail in failures)
    carriers = normal_crawl.rows(
        "SELECT p.url, l.target_url FROM link l JOIN page p ON p.id = l.page_id WHERE l.target_status = 404"
    )
    assert set(carriers) == {
        ("https://zqai.kz/ru/sitemap", "https://zqai.kz/ru/projects/archive"),
        ("https://zqai.kz/kz/sitemap", "https://zqai.kz/kz/projects/archive"),
    }
    assert normal_crawl.rows("SELECT count(*) FROM link WHERE is_internal AND target_status IS NULL") == [(0,)]


def test_downloads_have_format_shown_size_and_real_size(normal_crawl: Crawl, world: World) -> None:
    site = classic.build_site(world, world.body("kostanay"))
    real = {f"https://www.kostanay.gov.kz{path}": len(data) for path, (_, data) in site.files.items()}
    rows = normal_crawl.rows(
        "SELECT d.url, d.format, d.declared_size_text, d.size_bytes, d.status FROM download d "
        "JOIN page p ON p.id = d.page_id WHERE p.final_url = 'https://www.kostanay.gov.kz/ru/documents'"
    )
    assert {url: size for url, _, _, size, _ in rows} == real
    for url, fmt, shown, _, status in rows:
        assert fmt == url.rsplit(".", 1)[1] and status == 200
        assert shown and shown.startswith(fmt.upper()) and ("КБ" in shown or "Б" in shown)
    # a PDF is read for its text layer (Appendix 15's machine-readable "*" indicators); other files are not
    layers = dict(
        normal_crawl.rows(
            "SELECT d.url, d.text_layer FROM download d JOIN page p ON p.id = d.page_id "
            "WHERE p.final_url = 'https://www.kostanay.gov.kz/ru/documents'"
        )
    )
    assert {u for u in layers if u.endswith(".pdf")} and all(
        bool(layer) is True if url.endswith(".pdf") else layer is None for url, layer in layers.items()
    )


def test_every_page_has_a_warc_record_whose_digest_is_its_sha256(normal_crawl: Crawl) -> None:
    pages = normal_crawl.rows("SELECT url, final_url, warc_file, warc_record_id, content_sha256 FROM page")
    records: dict[str, tuple[str, str, str]] = {}
    for path in normal_crawl.warc_files():
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    payload = record.raw_stream.read()
                    records[record.rec_headers.get_header("WARC-Record-ID")] = (
                        record.rec_headers.get_header("WARC-Target-URI"),
                        record.rec_headers.get_header("WARC-Payload-Digest"),
                        hashlib.sha256(payload).hexdigest(),
                    )
    assert len(pages) > 100
    for url, final, warc_file, record_id, sha in pages:
        assert record_id in records, url
        target, digest, actual = records[record_id]
        assert (normal_crawl.out_dir / warc_file).exists()
        assert target == final and actual == sha and digest == warc_digest(sha)


def test_warcio_index_reads_every_warc_and_no_replica_address_leaks(normal_crawl: Crawl) -> None:
    warcio = Path(sys.executable).with_name("warcio")
    served = [v.split("//")[1] for v in normal_crawl.base_url_map.values()]
    for path in normal_crawl.warc_files():
        result = subprocess.run([str(warcio), "index", str(path)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert sum('"response"' in line for line in lines) >= 20
        assert not any(address in result.stdout for address in served)
    for table, column in (("page", "url"), ("page", "final_url"), ("link", "target_url"), ("fetch_failure", "detail")):
        leaked = normal_crawl.rows(f"SELECT count(*) FROM {table} WHERE {column} LIKE '%127.0.0.1%'")
        assert leaked == [(0,)], f"{table}.{column}"
