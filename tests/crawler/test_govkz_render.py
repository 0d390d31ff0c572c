"""The rendered gov.kz: Chromium sees what the plain HTML shell lacks; a desktop screenshot per page
and a phone one of the home page (``render.phone_views: home``), the serialised DOM on disk and in
the body's WARC; depth counted in clicks from the home page."""

from __future__ import annotations

import struct
import urllib.request
from pathlib import Path

import pytest
from test_portal_harness import CrawlResult, crawl
from warcio.archiveiterator import ArchiveIterator

from ashyq.net.urlmap import BaseUrlMap

pytestmark = pytest.mark.browser
PNG = b"\x89PNG\r\n\x1a\n"


RENDERED_TO_CHECK = 2  # the body's own link targets rendered afterwards (render.check_links, per language)
SETTINGS = {"ASHYQ_RENDER_CHECK_LINKS": RENDERED_TO_CHECK}


@pytest.fixture(scope="module")
def rendered(world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> tuple[CrawlResult, Path]:
    out = tmp_path_factory.mktemp("render")
    jobs = [{"spider": "govkz_render", "body": "enbek", "args": {"lang": "ru", "max_pages": "9"}}]
    return crawl(world_urls, jobs, out, overrides=SETTINGS)[("govkz_render", "enbek")], out


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == PNG
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_rendered_page_has_what_the_shell_lacks(rendered: tuple[CrawlResult, Path], world_urls: dict[str, str]) -> None:
    result, out = rendered
    home = next(p for p in result.pages() if p["depth"] == 0)
    served = BaseUrlMap.from_mapping(world_urls).to_served(home["url"])
    assert served is not None
    with urllib.request.urlopen(served, timeout=10) as answer:
        shell = answer.read().decode()
    dom = (out / home["dom_path"]).read_text(encoding="utf-8")
    assert home["title"] and home["title"] not in shell
    assert "main-menu" in dom and "main-menu" not in shell and len(dom) > 5 * len(shell)
    assert home["rendered"] and home["source"] == "govkz-render" and home["status"] == 200


def test_pages_depth_counterpart_links(rendered: tuple[CrawlResult, Path]) -> None:
    result, _ = rendered
    pages = result.pages()
    assert len(pages) == 9 + RENDERED_TO_CHECK
    # the external links asked: outside the replica they are refused, each recorded, nothing else failed
    assert {f["reason"] for f in result.all_failures()} <= {"offsite"}
    depth = {p["url"].split("/enbek", 1)[1]: p["depth"] for p in pages}
    assert depth["?lang=ru"] == 0 and depth["/about/structure?lang=ru"] == 1 and depth["/contacts?lang=ru"] == 1
    # beyond the menu, a third of the budget: one news item (linked from the home page's latest news),
    # one document (from a documents section) and one article, which no page links (asked of the API)
    assert [d for path, d in depth.items() if "/press/news/details/" in path] == [1]
    assert [d for path, d in depth.items() if "/documents/details/" in path] == [2]
    assert [d for path, d in depth.items() if "/press/article/details/" in path] == [None]
    documents_section = next(p for p in pages if "/activities/npa" in p["url"])
    assert documents_section["downloads"] and documents_section["downloads"][0]["format"]
    for page in pages:
        assert page["url"].startswith("https://www.gov.kz/memleket/entities/enbek")
        assert page["counterpart_url"] and "lang=kk" in page["counterpart_url"]
        assert page["links"] and all("127.0.0.1" not in link["target_url"] for link in page["links"])


def test_the_screenshots_and_the_dom_are_stored(rendered: tuple[CrawlResult, Path]) -> None:
    result, out = rendered
    pages = result.pages()
    assert len(pages) > 1
    for page in pages:
        # the home page in both views, every other page on the desktop only (the default phone_views)
        desktop, *mobile = (out / p for p in page["screenshot_paths"])
        assert len(mobile) == (1 if page["depth"] == 0 else 0), page["screenshot_paths"]
        assert str(desktop).startswith(str(out / "runs" / "test" / "shots")) and desktop.stem.endswith("-desktop")
        assert png_size(desktop) == (1366, 768)
        for phone in mobile:
            assert phone.stem.endswith("-mobile")
            width, _ = png_size(phone)
            assert width < 1366  # a phone viewport (at the device's pixel ratio)
        assert (out / page["dom_path"]).read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_dom_and_screenshots_are_resource_records_of_the_body_warc(rendered: tuple[CrawlResult, Path]) -> None:
    """The DOM and the screenshots are resource records; the page's response as the browser got it
    is archived beside them with everything else the render asked for (its API JSON)."""
    result, out = rendered
    warc = out / "runs" / "test" / "warc" / "enbek.warc.gz"
    kinds: dict[str, list[str]] = {}
    ids = set()
    responses: dict[str, str] = {}
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream):
            headers = record.rec_headers
            if record.rec_type == "resource":
                kinds.setdefault(headers.get_header("Content-Type"), []).append(headers.get_header("WARC-Target-URI"))
                ids.add(headers.get_header("WARC-Record-ID"))
            elif record.rec_type == "response":
                responses[headers.get_header("WARC-Record-ID")] = headers.get_header("WARC-Target-URI")
    pages = result.pages()
    assert len(kinds["text/html; charset=utf-8"]) == len(pages)
    assert len(kinds["image/png"]) == len(pages) + len([p for p in pages if p["depth"] == 0])
    assert all(p["warc_record_id"] in ids for p in pages)
    assert {p["url"] for p in pages} <= set(responses.values())
    assert any("/api/v1/public/content-manager/" in uri for uri in responses.values())


@pytest.fixture(scope="module")
def partly_english(world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> CrawlResult:
    """adilet translates its home page, news and a few sections only: its other sections' English
    routes answer HTTP 200 with the shell, and the app draws its "Page not found" there."""
    out = tmp_path_factory.mktemp("render-en")
    jobs = [{"spider": "govkz_render", "body": "adilet", "args": {"lang": "ru,en", "max_pages": "9"}}]
    return crawl(world_urls, jobs, out, overrides={"ASHYQ_RENDER_CHECK_LINKS": 3})[("govkz_render", "adilet")]


def test_a_route_the_app_draws_not_found_on_is_a_missing_page(partly_english: CrawlResult) -> None:
    pages = partly_english.pages()
    missing = [p for p in pages if p["status"] == 404]
    # the Russian sections' language switch leads to English routes the body never published
    assert missing and all(p["lang"] == "en" and "lang=en" in p["url"] for p in missing)
    assert all(p["title"].startswith("Page not found") for p in missing)
    # no page drawn as "not found" is stored as content (HTTP 200)
    drawn_missing = [p for p in pages if (p["title"] or "").startswith(("Page not found", "Страница не"))]
    assert all(p["status"] == 404 for p in drawn_missing)
    # and the switch's targets that exist are pages like any other
    assert any(p["status"] == 200 and p["lang"] == "en" and p["depth"] != 0 for p in pages)
