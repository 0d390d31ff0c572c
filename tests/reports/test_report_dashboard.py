"""The static dashboard: relative links only, crawled text escaped, archived pages sandboxed; and
a browser test that opens it from disk and follows a body to a finding and its evidence."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reports_sample import HOSTILE_SNIPPET, HOSTILE_TITLE, ReportStore
from typer.testing import CliRunner

from ashyq.cli.report import report_app
from ashyq.net.browser import CHROMIUM, CHROMIUM_ARGS
from ashyq.reports.rendering import http_url


@pytest.fixture(scope="module")
def site(report_store: ReportStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    args = ["dashboard", "--run", report_store.new.id, "-o", str(out), "--data", str(report_store.out_dir)]
    result = CliRunner().invoke(report_app, [*args, "--db", report_store.url])
    assert result.exit_code == 0, result.output
    return out


def _hostile_finding(site: Path) -> Path:
    return next(p for p in sorted((site / "findings").glob("*.html")) if "__pwned" in p.read_text(encoding="utf-8"))


def test_every_link_is_relative_and_resolves(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        if page.parent.name == "archive":
            continue
        html = page.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"]+)"', html):
            if target.startswith(("https://", "http://")):
                assert 'rel="noopener noreferrer"' in html
                continue
            assert not target.startswith(("/", "file:")), (page, target)
            path, _, fragment = target.partition("#")
            assert (page.parent / path).resolve().exists(), (page, target)
            if fragment:
                assert f'id="{fragment}"' in (page.parent / path).read_text(encoding="utf-8"), (page, target)


def test_ranking_levels_change_and_chart(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert html.index('data-body="astana"') < html.index('data-body="enbek"') < html.index('data-body="adilet"')
    assert "Высокая степень эффективности" in html
    assert "−3,9" in html and "+1,5" in html
    assert "<svg" in html and "<script" not in html
    body = (site / "bodies" / "enbek.html").read_text(encoding="utf-8")
    assert 'id="history"' in body and body.count("<tr") > 60
    assert "20261020T020000Z-nightly-old" in body and "20261120T020000Z-nightly-new" in body


def test_crawled_text_is_escaped(site: Path) -> None:
    html = _hostile_finding(site).read_text(encoding="utf-8")
    assert HOSTILE_TITLE not in html and HOSTILE_SNIPPET not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in html
    assert re.search(r"<iframe sandbox=\"\"", html)
    assert "script-src 'none'" in html


def test_archived_copy_starts_with_a_no_script_policy(site: Path) -> None:
    for copy in (site / "archive").glob("*.html"):
        head = copy.read_bytes()[:400]
        assert b"Content-Security-Policy" in head and b"script-src 'none'" in head


def test_only_http_urls_become_links() -> None:
    assert http_url("https://www.gov.kz/x") == "https://www.gov.kz/x"
    assert http_url("javascript:alert(1)") is None
    assert http_url(" JaVaScRiPt:alert(1)") is None
    assert http_url("data:text/html,<script>") is None
    assert http_url("file:///etc/passwd") is None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian chromium is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.mark.browser
def test_browser_follows_a_body_to_a_finding_its_screenshot_and_archived_copy(site: Path, browser: object) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    try:
        page.goto((site / "index.html").as_uri())
        page.click('tr[data-body="enbek"] a')
        assert page.url.endswith("/bodies/enbek.html")
        page.click('tr[data-item="T7-1"][data-lang="kk"] a.finding-link')
        assert "/findings/" in page.url
        assert page.evaluate("() => typeof window.__pwned") == "undefined"
        # the hostile title and snippet are on the page as text
        assert page.locator("dd.page-title").first.inner_text() == HOSTILE_TITLE
        assert page.locator("pre.snippet").first.inner_text() == HOSTILE_SNIPPET
        assert page.locator("dd.page-title").first.is_visible()
        # the screenshot loaded, with the element framed
        image = page.locator("figure.screenshot img").first
        assert image.evaluate("img => img.complete && img.naturalWidth") == 640
        assert page.locator("figure.screenshot .region").first.is_visible()
        # the archived copy is shown from the WARC, in a frame whose scripts never ran
        frame_element = page.locator("figure.archive iframe").first
        assert frame_element.get_attribute("sandbox") == ""
        frame = frame_element.element_handle().content_frame()
        assert frame is not None
        frame.wait_for_load_state()
        assert "Министерство труда" in frame.locator("h1").inner_text()
        page.wait_for_timeout(300)
        assert page.evaluate("() => typeof window.__pwned") == "undefined"
    finally:
        context.close()


@pytest.fixture(scope="module")
def served_site(site: Path) -> Iterator[str]:
    """The site over http on a free loopback port: a service worker (the replay viewer's) needs it."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def _replayed_frame(page: Any, heading: str) -> Any:
    """The frame replaying a gov.kz page whose h1 holds ``heading``, or None after three minutes (the
    viewer's service worker indexes the package first: slow on a busy machine, quick on a quiet one)."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "/replay/w/" in frame.url and "mp_/https://www.gov.kz/" in frame.url:
                with contextlib.suppress(Exception):
                    if heading in frame.locator("h1").inner_text(timeout=500):
                        return frame
        page.wait_for_timeout(250)
    return None


@pytest.mark.browser
def test_browser_replays_the_archived_page_from_the_wacz_offline(site: Path, served_site: str, browser: object) -> None:
    assert (site / "replay" / "sw.js").is_file() and (site / "archive" / "enbek.wacz").is_file()
    context = browser.new_context(service_workers="allow")  # type: ignore[attr-defined]
    elsewhere: list[str] = []

    def only_the_site(route: Any) -> None:
        if route.request.url.startswith(served_site + "/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_site)
    page = context.new_page()
    # what the viewer did, for the failure message: its console, its frames' navigations, its service
    # worker and every answer the site gave it (a replay that never shows is otherwise a bare timeout)
    begun, seen = time.monotonic(), list[str]()

    def note(what: str) -> None:
        seen.append(f"{time.monotonic() - begun:6.1f}s {what}"[:300])

    page.on("console", lambda message: note(f"console {message.type}: {message.text}"))
    page.on("pageerror", lambda error: note(f"page error: {error}"))
    page.on("framenavigated", lambda frame: note(f"frame at {frame.url}"))
    context.on("serviceworker", lambda worker: note(f"service worker {worker.url}"))
    context.on("requestfailed", lambda request: note(f"failed {request.url}: {request.failure}"))
    context.on("response", lambda response: note(f"{response.status} {response.url}"))
    try:
        page.goto(f"{served_site}/bodies/enbek.html")
        page.click('tr[data-item="T7-1"][data-lang="kk"] a.finding-link')
        link = page.locator("a.replay-link").first
        link.click()
        assert "/replay/" in page.url
        replayed = _replayed_frame(page, "Министерство труда")
        assert replayed is not None, "\n".join([*(f.url for f in page.frames), "what the viewer did:", *seen[-80:]])
        # the archived page came out of the package: its original address, never fetched
        assert "www.gov.kz/memleket/entities/enbek" in replayed.url
        assert elsewhere == []
        # the archived page's scripts ran inside the replay (it is a replay) but never reached the viewer
        assert replayed.evaluate("() => window.__pwned") == 1
        assert page.evaluate("() => typeof window.__pwned") == "undefined"
    finally:
        context.close()


@pytest.mark.browser
def test_the_viewers_frame_replays_when_it_loads_before_the_service_worker_controls_it(
    site: Path, served_site: str, browser: object
) -> None:
    """The viewer's frame (``replay/?source=…``) opened in a browser that has no service worker of the
    site yet: what a busy machine gives the frame now and then, made certain. The server answers it
    with the dashboard's ``replay/index.html``, from which the viewer starts; a folder listing (as
    before that file) left the replay blank for good."""
    assert "<replay-app-main>" in (site / "replay" / "index.html").read_text(encoding="utf-8")
    context = browser.new_context(service_workers="allow")  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        query = urllib.parse.urlencode({"source": f"{served_site}/archive/enbek.wacz", "embed": "replayonly"})
        address = urllib.parse.quote("https://www.gov.kz/memleket/entities/enbek/contacts", safe="")
        page.goto(f"{served_site}/replay/?{query}#url={address}")
        replayed = _replayed_frame(page, "Министерство труда")
        assert replayed is not None, [frame.url for frame in page.frames]
        assert replayed.url.endswith("mp_/https://www.gov.kz/memleket/entities/enbek/contacts")
    finally:
        context.close()
