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
from pathlib import Path
from typing import Any

import pytest
from ashyq_replica.core import World
from ashyq_replica.server import start_world
from ashyq_replica.truth import site_defects
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from ashyq.cli.report import evidence_app
from ashyq.cli.runs import runs_app
from ashyq.pipeline.audit import AuditSummary
from ashyq.reports.bundle import export_bundle
from ashyq.reports.run_diff import diff_runs
from ashyq.reports.signing import generate_key, load_private_key
from ashyq.store import session_scope
from ashyq.store.captures import read_original
from ashyq.store.models import Finding, Run

from .nights_harness import BODY, night, scores, warc_records

SITE_HOSTS = ("https://www.kostanay.gov.kz/", "https://m.kostanay.gov.kz/")  # the site and its mobile version
FIX = "kostanay:missing_alt"


@dataclass
class Nights:
    out: Path
    db: str
    first: AuditSummary
    second: AuditSummary  # the same world
    third: AuditSummary  # the body fixed a seeded defect
    changed_urls: set[str]  # ground truth: the pages whose bytes differ in the third night's world


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
        first = night(world, out, db, dict(served.urls))
        second = night(world, out, db, dict(served.urls))
        site_pages = {
            h.get_header("WARC-Target-URI")
            for kind, h, status, _, _ in warc_records(out, first.run_id)
            if kind == "response" and status == 200 and h.get_header("WARC-Target-URI").startswith(SITE_HOSTS)
        }
        before = {url: _site_bytes(dict(served.urls), url) for url in site_pages}
    with start_world(fixed) as served:
        after = {url: _site_bytes(dict(served.urls), url) for url in site_pages}
        third = night(fixed, out, db, dict(served.urls))
    changed = {url for url in site_pages if before[url] != after[url]}
    return Nights(out, db, first, second, third, changed)


def _findings(db: str, run_id: str) -> list[tuple[Any, ...]]:
    with session_scope(db) as session:
        rows = session.query(Finding).filter(Finding.run_id == run_id).all()
        return sorted(
            (f.item, f.lang or "", f.status, f.reason or "", repr(f.measured), repr(f.deficiencies)) for f in rows
        )


def test_an_unchanged_world_is_asked_conditionally_and_its_findings_carried_forward(nights: Nights) -> None:
    first = Counter(kind for kind, *_ in warc_records(nights.out, nights.first.run_id))
    records = warc_records(nights.out, nights.second.run_id)
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
    assert scores(nights.db, nights.second.run_id) == scores(nights.db, nights.first.run_id)
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
    records = warc_records(nights.out, nights.third.run_id)
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
    for _, _, _, original, _ in warc_records(nights.out, nights.third.run_id):
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
        fourth = night(fixed, nights.out, nights.db, dict(served.urls))
    with session_scope(nights.db) as session:
        run = session.get(Run, fourth.run_id)
        assert run is not None
        assert run.settings["incremental"]["baseline"] == nights.third.run_id
        assert run.settings["incremental"]["bodies"][BODY]["rechecked"] == sorted(check.items)
        findings = session.query(Finding).filter(Finding.run_id == fourth.run_id).all()
    again = [f for f in findings if f.item in check.items]
    assert again and all(f.carried_from is None and f.check_version == bumped.version for f in again)
    assert all(f.carried_from == nights.third.run_id for f in findings if f.item not in check.items)
    assert scores(nights.db, fourth.run_id) == scores(nights.db, nights.third.run_id)
