"""What the browser saw is archived: the gather step of a run, on a gov.kz page of the replica
(rendered by its script from the content API and GraphQL), writes every exchange Chromium made into
the body's WARC of the run; the measurements, the findings drawn from them and the evidence
package lead to those records, the API JSON and the GraphQL query body included."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator

from ashyq.checks.registry import run_checks
from ashyq.crawler.storing import store_body
from ashyq.gather.stage import measure_run
from ashyq.net.browser import CHROMIUM, CHROMIUM_ARGS
from ashyq.pipeline.artifacts import load_artifacts
from ashyq.pipeline.results import save_results
from ashyq.reports.body_report import evidence_view
from ashyq.reports.bundle import BundleContents, _collect_warc
from ashyq.reports.dashboard import REPLAY_FILES, replay_viewer
from ashyq.reports.i18n import catalogue
from ashyq.reports.rendering import render
from ashyq.reports.wacz import make_wacz
from ashyq.store import repository as repo
from ashyq.store.bodies import load_registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.models import Evidence, Finding, Page, Run
from ashyq.store.vocabulary import EvidenceKind, RunKind
from ashyq.store.warc import warc_path

pytestmark = pytest.mark.browser

MOD = "https://www.gov.kz/memleket/entities/mod?lang=ru"


def _records(path: Path) -> dict[str, dict[str, object]]:
    """Every record of a WARC by id: type, URI, date, HTTP status or method, and its body."""
    found: dict[str, dict[str, object]] = {}
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            headers = record.rec_headers
            http = record.http_headers
            found[headers.get_header("WARC-Record-ID")] = {
                "type": record.rec_type,
                "uri": headers.get_header("WARC-Target-URI"),
                "date": headers.get_header("WARC-Date"),
                "concurrent": headers.get_header("WARC-Concurrent-To"),
                "status": http.get_statuscode() if http is not None and record.rec_type == "response" else None,
                "content_type": (http.get_header("Content-Type") or "") if http is not None else "",
                "body": record.content_stream().read(),
            }
    return found


@pytest.fixture(scope="module")
def measured(world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str]]:
    """A run of mod with its home page harvested (only the row: the browser loads it itself), measured."""
    root = tmp_path_factory.mktemp("browser-archive")
    url = f"sqlite:///{root / 'ashyq.sqlite'}"
    ensure_schema(url)
    body = next(b for b in load_registry("demo").bodies if b.id == "mod")
    with session_scope(url) as session:
        repo.upsert_bodies(session, [store_body(body)])
        run = repo.start_run(session, RunKind.AUDIT, body_ids=["mod"], edition="kz-2025")
        repo.add_pages(
            session, [Page(run_id=run.id, body_id="mod", url=MOD, lang="ru", status=200, content_type="text/html")]
        )
        measure_run(session, run, ["mod"], root, dict(world_urls), lambda *_: None)
        run_id = run.id
    yield run_id, root, url


def test_measurements_cite_the_records_of_what_the_browser_got(measured: tuple[str, Path, str]) -> None:
    run_id, root, url = measured
    warc = warc_path(root, run_id, "mod")
    records = _records(warc)
    with session_scope(url) as session:
        (axe,) = session.query(Evidence).filter_by(run_id=run_id, kind=EvidenceKind.AXE_RESULT, url=MOD).all()
        phones = [
            e
            for e in session.query(Evidence).filter_by(run_id=run_id, kind=EvidenceKind.MEASUREMENT).all()
            if e.metadata_.get("measurement") == "mobile"
        ]
        # the page measured by axe: its own response record, as Chromium got it
        assert axe.warc_file == str(warc.relative_to(root)) and axe.warc_record_id in records
        page = records[axe.warc_record_id]
        assert (page["type"], page["uri"], page["status"]) == ("response", MOD, "200")
        assert "html" in str(page["content_type"])
        cited = {r["record_id"]: r for r in axe.metadata_["records"]}
        assert set(cited) <= set(records)
        uris = {str(records[i]["uri"]) for i in cited}
        # the rendered page's requests: its script, the content API's JSON, the GraphQL query
        assert any("/static/js/" in u for u in uris)
        api = [i for i in cited if "/api/v1/public/content-manager/" in str(records[i]["uri"])]
        assert api and all(json.loads(records[i]["body"]) is not None for i in api)  # type: ignore[arg-type]
        graphql = [i for i in cited if str(records[i]["uri"]).endswith("/graphql")]
        assert graphql and all(cited[i]["method"] == "POST" for i in graphql)
        asked = [r for r in records.values() if r["type"] == "request" and r["concurrent"] in graphql]
        assert asked and all(b"query" in r["body"] for r in asked)  # type: ignore[operator]
        # every record's date is the one the evidence names
        assert all(cited[i]["date"] == records[i]["date"] for i in cited)
        # the phones' visits are archived too
        assert {e.metadata_["viewport"] for e in phones} == {"mobile:android", "mobile:iphone"}
        assert all(e.warc_record_id in records and e.metadata_["records"] for e in phones)


def test_findings_and_the_package_lead_to_those_records(measured: tuple[str, Path, str]) -> None:
    run_id, root, url = measured
    with session_scope(url) as session:
        run = session.get(Run, run_id)
        assert run is not None
        artifacts = load_artifacts(session, run, "mod", root)
        results = run_checks(artifacts, only_items=["A14-2.5", "A16-k"])
        save_results(session, run, "mod", results)
        findings = session.query(Finding).filter_by(run_id=run_id, body_id="mod").all()
        evidence = [e for f in findings for e in f.evidence if e.kind == EvidenceKind.MEASUREMENT]
        assert evidence and all(e.warc_record_id and e.warc_file and e.metadata_.get("records") for e in evidence)
        views = [evidence_view(e, {}) for e in evidence]
    contents = BundleContents()
    _collect_warc(views, root, contents, root)
    packed = _records(root / "data.warc.gz")
    wanted = {i for v in views for i in v.metadata["records"]} | {v.warc_record_id for v in views}
    assert wanted <= set(packed) and not contents.missing
    assert any(r["type"] == "request" and str(r["uri"]).endswith("/graphql") and r["body"] for r in packed.values())
    assert any(p["url"] == MOD for p in contents.pages)  # replayable: the measured page is in the pages list


@pytest.fixture(scope="module")
def replay_site(measured: tuple[str, Path, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The measured page's records as a WACZ with the replay viewer beside it, served over http."""
    viewer = replay_viewer()
    if viewer is None:
        pytest.skip("no replay viewer (make setup or ashyq setup-replay)")
    run_id, root, url = measured
    with session_scope(url) as session:
        (axe,) = session.query(Evidence).filter_by(run_id=run_id, kind=EvidenceKind.AXE_RESULT, url=MOD).all()
        view = evidence_view(axe, {})
    site = tmp_path_factory.mktemp("replay-site")
    (site / "replay").mkdir()
    (site / "archive").mkdir()
    for name in REPLAY_FILES:
        shutil.copyfile(viewer / name, site / "replay" / name)
    contents = BundleContents()
    _collect_warc([view], root, contents, site)
    make_wacz(site / "data.warc.gz", [{"url": MOD, "title": MOD}], "mod", site / "archive" / "mod.wacz")
    t = catalogue().translator("ru")
    page = render("dashboard_replay.html.j2", url=MOD, wacz="mod.wacz", back="../index.html", lang="ru", t=t)
    (site / "replay" / "mod.html").write_text(page, encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_page_replays_offline_as_the_browser_got_it(replay_site: str) -> None:
    """The gov.kz page is built by its script from the API: it replays only if what the browser got
    (the script, the API JSON) is in the package, and no request may leave the served folder."""
    from playwright.sync_api import sync_playwright

    elsewhere: list[str] = []

    def only_the_site(route: Any) -> None:
        if route.request.url.startswith(replay_site + "/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(service_workers="allow")
            context.route("**/*", only_the_site)
            page = context.new_page()
            page.goto(f"{replay_site}/replay/mod.html")
            deadline = time.monotonic() + 90
            reload_at = time.monotonic() + 40  # a viewer whose service worker came up late is asked again
            replayed = None
            while replayed is None and time.monotonic() < deadline:
                if reload_at and time.monotonic() > reload_at:
                    page.reload()
                    reload_at = 0
                for frame in page.frames:
                    if "mp_/https://www.gov.kz/memleket/entities/mod" in frame.url:
                        with contextlib.suppress(Exception):
                            if frame.locator(".main-menu, #main-menu").count() > 0:
                                replayed = frame
                page.wait_for_timeout(250)
            debug = [(f.url, f.locator("body").inner_text()[:300]) for f in page.frames]
            assert replayed is not None, (debug, elsewhere)
            assert elsewhere == []
        finally:
            browser.close()
