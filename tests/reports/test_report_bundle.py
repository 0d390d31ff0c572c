"""Evidence bundles: export then verify; any altered, removed or added member is named."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from reports_sample import ReportStore
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from ashyq.cli.report import evidence_app
from ashyq.reports.bundle import CHECKSUM, MANIFEST, export_bundle, verify_bundle
from ashyq.store import session_scope

EXPECTED_MEMBERS = {
    "axe/new-enbek-axe.json",
    "declared/new-enbek-declared.txt",
    "evidence.json",
    "findings.json",
    "score.json",
    "screenshots/new-enbek-shot.png",
    "warc/cited.warc.gz",
    MANIFEST,
    CHECKSUM,
}


@pytest.fixture(scope="module")
def bundle(report_store: ReportStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bundle") / "enbek.zip"
    with session_scope(report_store.url) as session:
        contents = export_bundle(session, report_store.new.id, "enbek", report_store.out_dir, path)
    assert contents.missing == []
    return path


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rewrite(path: Path, members: dict[str, bytes], target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def test_bundle_holds_the_cited_evidence_and_a_manifest(bundle: Path, report_store: ReportStore) -> None:
    members = _members(bundle)
    assert {m for m in members if not m.startswith("declared/declaration-")} == EXPECTED_MEMBERS
    manifest = json.loads(members[MANIFEST])
    assert manifest["format"] == "ashyq-evidence-bundle/1"
    assert manifest["tool"]["name"] == "ashyq" and manifest["methodology"]["edition"] == "kz-2025"
    assert manifest["run"] == report_store.run_record(report_store.new)  # the one run record of every export
    assert manifest["run"]["id"] == report_store.new.id and manifest["run"]["settings"]["max_pages"] == 50
    assert manifest["methodology"]["interpretations"]["opendata-proportional"] == "proportional"
    assert {f["path"] for f in manifest["files"]} == set(members) - {MANIFEST, CHECKSUM}
    # the WARC holds exactly the cited record, not the other page of the same file
    records = list(ArchiveIterator(io.BytesIO(members["warc/cited.warc.gz"])))
    assert [r.rec_headers.get_header("WARC-Record-ID") for r in records] == [report_store.new.record_ids["enbek"]]
    assert manifest["warc"]["records"] == [report_store.new.record_ids["enbek"]]


def test_an_intact_bundle_verifies(bundle: Path) -> None:
    assert verify_bundle(bundle) == []
    result = CliRunner().invoke(evidence_app, ["verify", str(bundle)])
    assert result.exit_code == 0 and result.output.strip() == "OK"


@pytest.mark.parametrize("member", sorted(EXPECTED_MEMBERS))
def test_one_flipped_byte_names_the_member(bundle: Path, tmp_path: Path, member: str) -> None:
    members = _members(bundle)
    data = bytearray(members[member])
    data[len(data) // 2] ^= 0x01
    members[member] = bytes(data)
    altered = _rewrite(bundle, members, tmp_path / "altered.zip")
    assert verify_bundle(altered) == [f"altered: {member}"]
    result = CliRunner().invoke(evidence_app, ["verify", str(altered)])
    assert result.exit_code == 1 and result.output.strip() == f"altered: {member}"


@pytest.mark.parametrize("member", sorted(EXPECTED_MEMBERS))
def test_a_removed_member_is_named(bundle: Path, tmp_path: Path, member: str) -> None:
    members = _members(bundle)
    del members[member]
    assert verify_bundle(_rewrite(bundle, members, tmp_path / "short.zip")) == [f"missing: {member}"]


def test_an_added_member_is_named(bundle: Path, tmp_path: Path) -> None:
    members = _members(bundle)
    members["screenshots/extra.png"] = b"\x89PNG not really"
    assert verify_bundle(_rewrite(bundle, members, tmp_path / "more.zip")) == ["added: screenshots/extra.png"]


def test_bytes_changed_inside_the_zip_itself_are_named(bundle: Path, tmp_path: Path) -> None:
    raw = bytearray(bundle.read_bytes())
    with zipfile.ZipFile(bundle) as archive:
        info = archive.getinfo("score.json")
    # the member's compressed data starts after its 30-byte local header, name and extra field
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + 5] ^= 0xFF
    corrupted = tmp_path / "corrupted.zip"
    corrupted.write_bytes(bytes(raw))
    problems = verify_bundle(corrupted)
    assert problems and all("score.json" in p for p in problems)


def test_cli_exports_a_bundle(report_store: ReportStore, tmp_path: Path) -> None:
    out = tmp_path / "adilet.zip"
    args = ["export", "--run", report_store.new.id, "--body", "adilet", "-o", str(out)]
    result = CliRunner().invoke(evidence_app, [*args, "--data", str(report_store.out_dir), "--db", report_store.url])
    assert result.exit_code == 0, result.output
    assert verify_bundle(out) == []
    unknown = CliRunner().invoke(
        evidence_app, ["export", "--run", "nope", "--body", "adilet", "-o", str(out), "--db", report_store.url]
    )
    assert unknown.exit_code == 2
