"""What the browser saw is archived: the gather step of a run, on a gov.kz page of the replica
(rendered by its script from the content API and GraphQL), writes every exchange Chromium made into
the body's WARC of the run; the measurements, the findings drawn from them and the evidence
package lead to those records, the API JSON and the GraphQL query body included."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from ashyq.checks.registry import run_checks
from ashyq.crawler.storing import store_body
from ashyq.gather.stage import measure_run
from ashyq.pipeline.artifacts import load_artifacts
from ashyq.pipeline.results import save_results
from ashyq.reports.body_report import evidence_view
from ashyq.reports.bundle import BundleContents, _collect_warc
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
