"""Incremental nights on the replica: an unchanged world is asked conditionally and its findings are
carried forward; a world in which a body fixed a seeded defect is re-fetched and re-checked exactly
where it changed, and ``runs diff`` names exactly the findings the ground truth says changed."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import urllib.request
import zipfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from ashyq.cli.report import evidence_app
from ashyq.cli.runs import runs_app
from ashyq.config import CONFIG_DIR
from ashyq.pipeline.audit import AuditRequest, AuditSummary, Progress, no_progress, run_audit
from ashyq.replica.core import World
from ashyq.replica.server import start_world
from ashyq.replica.truth import site_defects
from ashyq.reports.bundle import export_bundle
from ashyq.reports.run_diff import diff_runs
from ashyq.reports.signing import generate_key, load_private_key
from ashyq.store import session_scope
from ashyq.store.captures import read_original, revisit_original
from ashyq.store.models import Evidence, Finding, Page, Run, Score
from ashyq.store.vocabulary import EvidenceKind, RunKind, RunStatus

BODY = "kostanay"
SITE_HOSTS = ("https://www.kostanay.gov.kz/", "https://m.kostanay.gov.kz/")  # the site and its mobile version
FIX = "kostanay:missing_alt"
# the classic site, a portal that answers 304 and one that ignores validators (same bytes again)
SPIDERS = ["site", "legalacts", "dataegov"]


@dataclass
class Nights:
    out: Path
    db: str
    first: AuditSummary
    second: AuditSummary  # the same world
    third: AuditSummary  # the body fixed a seeded defect
    changed_urls: set[str]  # ground truth: the pages whose bytes differ in the third night's world


def _night(
    world: World,
    out: Path,
    db: str,
    urls: dict[str, str],
    full: bool = False,
    as_of: date | None = None,
    browser: bool = False,
    spiders: list[str] = SPIDERS,
    progress: Progress = no_progress,
    body: str = BODY,
    max_pages: int | None = None,
) -> AuditSummary:
    request = AuditRequest(
        [body],
        "demo",
        "kz-2017",  # the Appendix 14 items the fix is about
        out,
        db,
        urls,
        as_of or world.as_of,
        RunKind.NIGHTLY,
        browser=browser,
        reports=False,
        spiders=spiders,
        crawl_config=CONFIG_DIR / "crawl-assessor.yaml",
        full=full,
        max_pages=max_pages,
    )
    summary = run_audit(request, progress)
    assert summary.status is RunStatus.COMPLETE, summary.outcomes
    return summary


def _records(out: Path, run_id: str, body: str = BODY) -> list[Any]:
    path = out / "runs" / run_id / "warc" / f"{body}.warc.gz"
    found = []
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):  # warcio reads (and checks) every record
            http = record.http_headers
            found.append(
                (
                    record.rec_type,
                    record.rec_headers,
                    int(http.get_statuscode()) if http is not None and record.rec_type != "request" else None,
                    revisit_original(record),
                    record.content_stream().read(),
                )
            )
    return found


def _site_bytes(urls: dict[str, str], url: str) -> bytes:
    base = next(h.rstrip("/") for h in SITE_HOSTS if url.startswith(h))
    local = urls[base] + url.removeprefix(base)
    with urllib.request.urlopen(local, timeout=30) as answer:
        return bytes(answer.read())


@pytest.fixture(scope="module")
def nights(tmp_path_factory: pytest.TempPathFactory) -> Nights:
    out = tmp_path_factory.mktemp("incremental")
    db = f"sqlite:///{out / 'store.sqlite'}"
    world, fixed = World(), World(fixes=frozenset({FIX}))
    with start_world(world) as served:
        first = _night(world, out, db, dict(served.urls))
        second = _night(world, out, db, dict(served.urls))
        site_pages = {
            h.get_header("WARC-Target-URI")
            for kind, h, status, _, _ in _records(out, first.run_id)
            if kind == "response" and status == 200 and h.get_header("WARC-Target-URI").startswith(SITE_HOSTS)
        }
        before = {url: _site_bytes(dict(served.urls), url) for url in site_pages}
    with start_world(fixed) as served:
        after = {url: _site_bytes(dict(served.urls), url) for url in site_pages}
        third = _night(fixed, out, db, dict(served.urls))
    changed = {url for url in site_pages if before[url] != after[url]}
    return Nights(out, db, first, second, third, changed)


def _findings(db: str, run_id: str) -> list[tuple[Any, ...]]:
    with session_scope(db) as session:
        rows = session.query(Finding).filter(Finding.run_id == run_id).all()
        return sorted(
            (f.item, f.lang or "", f.status, f.reason or "", repr(f.measured), repr(f.deficiencies)) for f in rows
        )


def _scores(db: str, run_id: str) -> dict[str, float]:
    with session_scope(db) as session:
        return {f"{s.body_id}/{s.edition}": s.final for s in session.query(Score).filter(Score.run_id == run_id)}


def test_an_unchanged_world_is_asked_conditionally_and_its_findings_carried_forward(nights: Nights) -> None:
    first = Counter(kind for kind, *_ in _records(nights.out, nights.first.run_id))
    records = _records(nights.out, nights.second.run_id)
    second = Counter(kind for kind, *_ in records)
    assert first["revisit"] == 0 and first["response"] > 150
    assert second["response"] <= 0.1 * first["response"], (first, second)
    assert second["revisit"] + second["response"] == first["response"]
    profiles = Counter(h.get_header("WARC-Profile").rsplit("/", 1)[-1] for k, h, *_ in records if k == "revisit")
    # the site and legalacts answer 304; data.egov.kz ignores the validators and sends the same bytes
    assert profiles["server-not-modified"] > 100 and profiles["identical-payload-digest"] > 0, profiles
    for kind, headers, _, original, _ in records:
        if kind != "revisit":
            continue
        assert original is not None and headers.get_header("WARC-Refers-To-Target-URI") == original.url
        assert headers.get_header("WARC-Refers-To-Date") and original.file.startswith(f"runs/{nights.first.run_id}/")
        found = read_original(nights.out, original)
        assert found is not None and hashlib.sha256(found[1]).hexdigest() == original.payload_sha256

    assert _findings(nights.db, nights.second.run_id) == _findings(nights.db, nights.first.run_id)
    assert _scores(nights.db, nights.second.run_id) == _scores(nights.db, nights.first.run_id)
    with session_scope(nights.db) as session:
        carried = {f.carried_from for f in session.query(Finding).filter(Finding.run_id == nights.second.run_id)}
        run = session.get(Run, nights.second.run_id)
        assert run is not None
        assert carried == {nights.first.run_id}
        assert run.settings["incremental"]["baseline"] == nights.first.run_id
        assert run.settings["incremental"]["bodies"][BODY]["carried"] > 100
        assert "browser_sample" not in run.settings  # nothing was re-measured


def test_after_a_fix_exactly_the_changed_pages_are_refetched_and_the_diff_names_the_fix(nights: Nights) -> None:
    # the ground truth of pages: those whose bytes differ between the two worlds (the news with photos)
    assert 10 < len(nights.changed_urls) < 100
    records = _records(nights.out, nights.third.run_id)
    full = {h.get_header("WARC-Target-URI") for kind, h, status, *_ in records if kind == "response" and status == 200}
    assert full == nights.changed_urls
    with session_scope(nights.db) as session:
        run = session.get(Run, nights.third.run_id)
        assert run is not None
        assert run.settings["incremental"]["bodies"][BODY]["changed"] == ["harvest changed"]
        assert session.query(Finding).filter(Finding.run_id == run.id, Finding.carried_from.is_not(None)).count() == 0
        diff = diff_runs(session, nights.second.run_id, nights.third.run_id)
    named = {(c.item, c.lang, c.change) for b in diff.bodies for c in b.items}
    fixed = {(d.item, d.lang) for d in site_defects(World()) if d.body == BODY} - {
        (d.item, d.lang) for d in site_defects(World(fixes=frozenset({FIX}))) if d.body == BODY
    }
    assert fixed == {("A14-3.1", None)}
    assert named == {(item, lang, "newly_passed") for item, lang in fixed}
    result = CliRunner().invoke(runs_app, ["diff", "--db", nights.db, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "A14-3.1" in result.output and "images without alternative text" in result.output


def _export(nights: Nights, run_id: str, target: Path, key_file: Path) -> Path:
    key, signer = load_private_key(key_file)
    with session_scope(nights.db) as session:
        contents = export_bundle(session, run_id, BODY, nights.out, target, key, signer)
    assert contents.missing == []
    verified = CliRunner().invoke(evidence_app, ["verify", str(target), "--key", f"{key_file}.pub"])
    assert verified.exit_code == 0, verified.output
    return target


def _bundle_records(bundle: Path) -> tuple[Counter[str], set[str], set[str]]:
    with zipfile.ZipFile(bundle) as archive:
        warc = archive.read(next(n for n in archive.namelist() if n.endswith(".warc.gz")))
    kinds: Counter[str] = Counter()
    ids, refers = set(), set()
    for record in ArchiveIterator(io.BytesIO(warc)):
        kinds[record.rec_type] += 1
        ids.add(record.rec_headers.get_header("WARC-Record-ID"))
        if record.rec_type == "revisit":
            refers.add(record.rec_headers.get_header("WARC-Refers-To"))
    return kinds, ids, refers


def test_an_incremental_run_exports_verifiable_evidence_and_survives_prune(nights: Nights, tmp_path: Path) -> None:
    key_file = tmp_path / "operator.key"
    generate_key(key_file, "Operator of the audit")
    # the carried night cites the first night's captures (linked); the re-checked one cites revisits
    _export(nights, nights.second.run_id, tmp_path / "second.wacz", key_file)
    bundle = _export(nights, nights.third.run_id, tmp_path / "third.wacz", key_file)
    kinds, ids, refers = _bundle_records(bundle)
    assert kinds["revisit"] > 0 and refers <= ids  # every revisit's original capture travels with it
    validated = subprocess.run(
        [sys.executable, "-m", "wacz", "validate", "-f", str(bundle)], capture_output=True, text=True, timeout=180
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr

    # prune the first two nights: the third's revisits point into the first night's WARC files
    pruned = CliRunner().invoke(runs_app, ["prune", "--keep", "1", "--db", nights.db, "--data", str(nights.out)])
    assert pruned.exit_code == 0, pruned.output
    with session_scope(nights.db) as session:
        assert {r.id for r in session.query(Run)} == {nights.third.run_id}
    for _, _, _, original, _ in _records(nights.out, nights.third.run_id):
        if original is not None:
            assert read_original(nights.out, original) is not None
    again = _export(nights, nights.third.run_id, tmp_path / "third-after-prune.wacz", key_file)
    assert _bundle_records(again) == (kinds, ids, refers)


def test_a_changed_check_is_run_again_on_a_carried_body(nights: Nights, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from ashyq.checks.registry import REGISTRY, check_for

    check = check_for("A14-3.1")
    assert check is not None
    bumped = replace(check, version=check.version + ".1")
    for item in check.items:
        monkeypatch.setitem(REGISTRY, item, bumped)
    fixed = World(fixes=frozenset({FIX}))
    with start_world(fixed) as served:
        fourth = _night(fixed, nights.out, nights.db, dict(served.urls))
    with session_scope(nights.db) as session:
        run = session.get(Run, fourth.run_id)
        assert run is not None
        assert run.settings["incremental"]["baseline"] == nights.third.run_id
        assert run.settings["incremental"]["bodies"][BODY]["rechecked"] == sorted(check.items)
        findings = session.query(Finding).filter(Finding.run_id == fourth.run_id).all()
    again = [f for f in findings if f.item in check.items]
    assert again and all(f.carried_from is None and f.check_version == bumped.version for f in again)
    assert all(f.carried_from == nights.third.run_id for f in findings if f.item not in check.items)
    assert _scores(nights.db, fourth.run_id) == _scores(nights.db, nights.third.run_id)


def _outcomes(db: str, run_id: str) -> list[tuple[Any, ...]]:
    """The findings as a reader compares two runs: outcome, figures and deficiencies (without the ids
    of the evidence rows, which are each run's own)."""
    with session_scope(db) as session:
        rows = session.query(Finding).filter(Finding.run_id == run_id).all()
        return sorted(
            (
                f.item,
                f.lang or "",
                f.status,
                f.reason or "",
                repr(f.measured),
                repr([{k: v for k, v in d.items() if k != "evidence"} for d in f.deficiencies or []]),
            )
            for f in rows
        )


@pytest.mark.browser
def test_a_nightly_on_a_later_date_takes_over_the_measurements_and_checks_again(tmp_path: Path) -> None:
    """The audit date moved, nothing else did: the browser measures nothing again, the checks run again
    (deadlines are counted from the date), and the findings are those of a full run on that date;
    those that came out as before are the earlier findings carried forward."""
    out, db = tmp_path, f"sqlite:///{tmp_path / 'store.sqlite'}"
    world = World()
    later = world.as_of + timedelta(days=40)
    stages: list[tuple[str, dict[str, Any]]] = []
    with start_world(world) as served:
        urls = dict(served.urls)
        first = _night(world, out, db, urls, browser=True, spiders=["site"])
        second = _night(
            world,
            out,
            db,
            urls,
            as_of=later,
            browser=True,
            spiders=["site"],
            progress=lambda s, i: stages.append((s, i)),
        )
        full = _night(world, out, db, urls, as_of=later, browser=True, spiders=["site"], full=True)

    # no browser measurement was taken in the second night: no stage, no screenshot, no new capture
    assert not [i for s, i in stages if s == "measure"], stages
    assert not list((out / "runs" / second.run_id / "shots").rglob("*.png"))
    with session_scope(db) as session:

        def measured(run_id: str) -> list[Evidence]:  # what the measure stage stored, not the checks' citations
            kinds = [EvidenceKind.MEASUREMENT, EvidenceKind.AXE_RESULT]
            rows = session.query(Evidence).filter(Evidence.run_id == run_id, Evidence.kind.in_(kinds)).all()
            return [e for e in rows if "measurement" in (e.metadata_ or {})]

        taken, original = measured(second.run_id), measured(first.run_id)
        assert len(original) > 5 and len(taken) == len(original)
        assert {(e.url, e.path, e.warc_record_id) for e in taken} == {
            (e.url, e.path, e.warc_record_id) for e in original
        }
        assert all((e.metadata_ or {}).get("captured_in_run") == first.run_id for e in taken)
        assert all(e.path is None or e.path.startswith(f"runs/{first.run_id}/") for e in taken)
        run = session.get(Run, second.run_id)
        assert run is not None
        plan = run.settings["incremental"]["bodies"][BODY]
        assert plan["changed"] == ["as_of changed"] and plan["measurements_taken_over"] is True
        assert run.settings["browser_sample"][BODY] == session.get(Run, first.run_id).settings["browser_sample"][BODY]
        second_rows = session.query(Finding).filter(Finding.run_id == second.run_id).all()
        carried = [f for f in second_rows if f.carried_from == first.run_id]
        checked = [f for f in second_rows if f.carried_from is None]
        # a carried finding cites the first night's evidence rows (linked, not copied)
        assert carried and all(all(e.run_id == first.run_id for e in f.evidence) for f in carried)
        # the findings whose outcome moved with the date are the only ones checked anew
        before = {(f.item, f.lang): f for f in session.query(Finding).filter(Finding.run_id == first.run_id)}
        for f in checked:
            old = before.get((f.item, f.lang))
            assert (
                old is None
                or (old.status, old.reason, old.measured) != (f.status, f.reason, f.measured)
                or [{k: v for k, v in d.items() if k != "evidence"} for d in old.deficiencies]
                != [{k: v for k, v in d.items() if k != "evidence"} for d in f.deficiencies]
                or {(e.url, e.sha256, e.selector) for e in old.evidence}
                != {(e.url, e.sha256, e.selector) for e in f.evidence}
            )

    assert _outcomes(db, second.run_id) == _outcomes(db, full.run_id)
    assert _scores(db, second.run_id) == _scores(db, full.run_id)


GOVKZ_BODY = "mod"


def _rendered(db: str, out: Path, run_id: str) -> dict[str, tuple[str | None, list[bytes]]]:
    """The run's rendered gov.kz pages: per URL and language the DOM's digest and the screenshots' bytes."""
    with session_scope(db) as session:
        pages = session.query(Page).filter(Page.run_id == run_id, Page.source == "govkz-render").all()
        evidence = session.query(Evidence).filter(Evidence.run_id == run_id)
        shots = {e.id: out / e.path for e in evidence if e.path}
        return {
            f"{p.lang} {p.url}": (p.content_sha256, [shots[i].read_bytes() for i in p.screenshot_evidence_ids])
            for p in pages
        }


@pytest.mark.browser
def test_an_unchanged_govkz_page_is_not_rendered_again_and_a_changed_one_is(tmp_path: Path) -> None:
    """www.gov.kz sends no validators and its pages are built by script, so a page is unchanged when
    every exchange its render made answers with the same bytes: the second night on the same world
    asks each once, archives revisits and takes the render over (the same DOM and screenshots), with
    no page rendered again. On a world whose content moved on a day, the incremental night's pages are
    exactly those a full render of that world gives, the unchanged ones taken over."""
    out, db = tmp_path, f"sqlite:///{tmp_path / 'store.sqlite'}"
    world = World()
    moved = World(as_of=world.as_of + timedelta(days=1))

    def night(served: dict[str, str], full: bool = False) -> AuditSummary:
        # the same audit date throughout: only the world's content moves
        return _night(world, out, db, served, full, world.as_of, body=GOVKZ_BODY, spiders=["govkz_render"], max_pages=6)

    with start_world(world) as served:
        first, second = night(dict(served.urls)), night(dict(served.urls))
    with start_world(moved) as served:
        third, full = night(dict(served.urls)), night(dict(served.urls), full=True)

    before, again = _rendered(db, out, first.run_id), _rendered(db, out, second.run_id)
    assert len(before) >= 8 and again == before
    records = _records(out, second.run_id, GOVKZ_BODY)
    kinds = Counter(
        (kind, (headers.get_header("WARC-Target-URI") or "").split("?")[0]) for kind, headers, *_ in records
    )
    documents = {url.split(" ", 1)[1].split("?")[0] for url in before}
    assert all(kinds[("revisit", url)] >= 1 and not kinds[("response", url)] for url in documents), kinds
    # only the browser ticket (a new credential each time it is asked) is answered anew
    fresh = {url for (kind, url) in kinds if kind == "response"}
    assert fresh and all("/api/v1/public/_/c/" in url for url in fresh), fresh
    for kind, _, _, original, _ in records:
        if kind == "revisit":
            assert original is not None and original.file.startswith(f"runs/{first.run_id}/")
            found = read_original(out, original)
            assert found is not None and hashlib.sha256(found[1]).hexdigest() == original.payload_sha256

    moved_pages, whole = _rendered(db, out, third.run_id), _rendered(db, out, full.run_id)
    assert {u: d for u, (d, _) in moved_pages.items()} == {u: d for u, (d, _) in whole.items()}
    taken_over = {u for u, (d, _) in moved_pages.items() if before.get(u, (None,))[0] == d}
    rendered_again = set(moved_pages) - taken_over
    assert taken_over and rendered_again, (taken_over, rendered_again)
