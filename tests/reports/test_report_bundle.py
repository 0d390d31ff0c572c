"""Evidence packages (signed WACZ): export, a standard validator, and verify against every forgery."""

from __future__ import annotations

import gzip
import io
import json
import stat
import struct
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from keys_harness import trust_keys
from reports_sample import ReportStore
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from ashyq.cli.report import evidence_app
from ashyq.reports.bundle import DATAPACKAGE, DIGEST, MANIFEST, export_bundle, sha256_hex, verify_bundle
from ashyq.reports.replay import write_subset
from ashyq.reports.signing import generate_key, load_private_key, sign
from ashyq.reports.wacz import html_pages, make_wacz
from ashyq.store import session_scope
from ashyq.store.warc import WarcArchive

EXPECTED_MEMBERS = {
    "archive/data.warc.gz",
    "indexes/index.cdx.gz",
    "indexes/index.idx",
    "pages/pages.jsonl",
    "evidence/axe-new-enbek-axe.json",
    "evidence/conclusion-kk.html",
    "evidence/conclusion-ru.html",
    "evidence/declared-new-enbek-declared.txt",
    "evidence/evidence.json",
    "evidence/findings.json",
    "evidence/manifest.json",
    "evidence/score.json",
    "evidence/screenshot-new-enbek-shot.png",
    DATAPACKAGE,
    DIGEST,
}
HASHED = sorted(EXPECTED_MEMBERS - {DATAPACKAGE, DIGEST})


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "operator.key"
    generate_key(path, "Operator of the audit")
    return path


@pytest.fixture(scope="module")
def bundle(report_store: ReportStore, tmp_path_factory: pytest.TempPathFactory, key_file: Path) -> Path:
    path = tmp_path_factory.mktemp("bundle") / "enbek.wacz"
    key, signer = load_private_key(key_file)
    with session_scope(report_store.url) as session:
        contents = export_bundle(session, report_store.new.id, "enbek", report_store.out_dir, path, key, signer)
    assert contents.missing == []
    return path


@pytest.fixture(autouse=True)
def operator_trusts_the_key(key_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every verify below is pinned by the operator's config, as an operator's would be."""
    return trust_keys(tmp_path, monkeypatch, f"{key_file}.pub")


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rewrite(members: dict[str, bytes], target: Path) -> Path:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def _rehash(members: dict[str, bytes], changed: str) -> tuple[dict[str, object], str]:
    """What a forger does: put the changed member's hash into datapackage.json and its digest."""
    package = json.loads(members[DATAPACKAGE])
    for resource in package["resources"]:
        if resource["path"] == changed:
            resource["hash"] = f"sha256:{sha256_hex(members[changed])}"
            resource["bytes"] = len(members[changed])
    members[DATAPACKAGE] = json.dumps(package, indent=2).encode()
    digest = json.loads(members[DIGEST])
    digest["hash"] = f"sha256:{sha256_hex(members[DATAPACKAGE])}"
    return digest, digest["hash"]


def _verify_line(path: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(evidence_app, ["verify", str(path), *extra])
    return result.exit_code, result.output.strip()


def test_package_is_a_wacz_holding_the_cited_evidence(bundle: Path, report_store: ReportStore) -> None:
    members = _members(bundle)
    assert {m for m in members if not m.startswith("evidence/declaration-")} == EXPECTED_MEMBERS
    package = json.loads(members[DATAPACKAGE])
    assert package["wacz_version"] == "1.1.1" and package["profile"] == "data-package"
    assert {r["path"] for r in package["resources"]} == set(members) - {DATAPACKAGE, DIGEST}
    for resource in package["resources"]:
        assert resource["hash"] == f"sha256:{sha256_hex(members[resource['path']])}"
    manifest = json.loads(members[MANIFEST])
    assert manifest["format"] == "ashyq-evidence-wacz/1" and manifest["methodology"]["edition"] == "kz-2025"
    assert manifest["run"] == report_store.run_record(report_store.new)
    # the WARC holds exactly the cited record, not the other page of the same file, and is indexed
    records = list(ArchiveIterator(io.BytesIO(members["archive/data.warc.gz"])))
    cited = report_store.new.record_ids["enbek"]
    assert [r.rec_headers.get_header("WARC-Record-ID") for r in records] == [cited]
    url = records[0].rec_headers.get_header("WARC-Target-URI")
    index = zipfile.ZipFile(bundle).read("indexes/index.cdx.gz")

    assert url.split("//", 1)[1].split("/", 1)[1] in gzip.decompress(index).decode()
    pages = [json.loads(line) for line in members["pages/pages.jsonl"].decode().splitlines()]
    assert pages[0]["format"] == "json-pages-1.0" and [p["url"] for p in pages[1:]] == [url]
    # the WACZ spec: the WARC and the compressed index are stored, not deflated
    with zipfile.ZipFile(bundle) as archive:
        assert archive.getinfo("archive/data.warc.gz").compress_type == zipfile.ZIP_STORED
        assert archive.getinfo("indexes/index.cdx.gz").compress_type == zipfile.ZIP_STORED


def test_a_standard_wacz_validator_accepts_the_package(bundle: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "wacz", "validate", "-f", str(bundle)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation succeeded" in result.stdout


def test_an_intact_package_verifies_and_names_its_signer(bundle: Path, key_file: Path) -> None:
    verdict = verify_bundle(bundle)
    assert verdict.problems == [] and verdict.signed is not None
    assert verdict.signed.signer == "Operator of the audit"
    code, line = _verify_line(bundle)
    assert code == 0 and line.startswith("OK signed by Operator of the audit (ed25519:")
    assert line.endswith("; no timestamp") and verdict.signed.created in line
    code, line = _verify_line(bundle, "--key", str(key_file) + ".pub")
    assert code == 0, line


@pytest.mark.parametrize("member", HASHED)
def test_an_altered_member_is_named(bundle: Path, tmp_path: Path, member: str) -> None:
    members = _members(bundle)
    data = bytearray(members[member])
    data[len(data) // 2] ^= 0x01
    members[member] = bytes(data)
    altered = _rewrite(members, tmp_path / "altered.wacz")
    assert verify_bundle(altered).problems == [f"altered: {member}"]
    assert _verify_line(altered) == (1, f"altered: {member}")


def test_an_altered_datapackage_is_named(bundle: Path, tmp_path: Path) -> None:
    members = _members(bundle)
    members[DATAPACKAGE] = members[DATAPACKAGE].replace(b'"bytes": ', b'"bytes":  ', 1)
    assert _verify_line(_rewrite(members, tmp_path / "p.wacz")) == (
        1,
        f"altered: {DATAPACKAGE} (its digest in {DIGEST} differs)",
    )


@pytest.mark.parametrize("member", HASHED)
def test_a_removed_member_is_named(bundle: Path, tmp_path: Path, member: str) -> None:
    members = _members(bundle)
    del members[member]
    assert _verify_line(_rewrite(members, tmp_path / "short.wacz")) == (1, f"missing: {member}")


def test_an_added_member_is_named(bundle: Path, tmp_path: Path) -> None:
    members = _members(bundle)
    members["evidence/extra.png"] = b"\x89PNG not really"
    assert _verify_line(_rewrite(members, tmp_path / "more.wacz")) == (1, "added: evidence/extra.png")


def test_a_consistently_rehashed_forgery_fails_the_signature(bundle: Path, tmp_path: Path) -> None:
    members = _members(bundle)
    members["evidence/score.json"] = members["evidence/score.json"].replace(b'"final": ', b'"final": 9', 1)
    digest, new_hash = _rehash(members, "evidence/score.json")
    members[DIGEST] = json.dumps(digest).encode()
    # every hash agrees now; only the signature, over the old digest, tells
    assert _verify_line(_rewrite(members, tmp_path / "forged.wacz")) == (
        1,
        "signature: signed for another datapackage.json (the digest differs)",
    )
    digest["signature"]["hash"] = new_hash  # the forger edits the signed digest too
    members[DIGEST] = json.dumps(digest).encode()
    assert _verify_line(_rewrite(members, tmp_path / "forged2.wacz")) == (
        1,
        "signature does not verify: the package was changed after signing",
    )


def _resigned_by_a_forger(bundle: Path, tmp_path: Path) -> Path:
    """The package with its findings emptied, re-hashed consistently and re-signed with a key of the
    forger's own under the operator's name."""
    members = _members(bundle)
    members["evidence/findings.json"] = b"[]"
    digest, new_hash = _rehash(members, "evidence/findings.json")
    generate_key(tmp_path / "forger.key", "Operator of the audit")
    forger, name = load_private_key(tmp_path / "forger.key")
    digest["signature"] = sign(forger, name, new_hash, json.loads(members[DATAPACKAGE])["created"])
    members[DIGEST] = json.dumps(digest).encode()
    return _rewrite(members, tmp_path / "resigned.wacz")


def test_a_forgery_signed_with_another_key_fails_against_the_operators_key(
    bundle: Path, tmp_path: Path, key_file: Path
) -> None:
    forged = _resigned_by_a_forger(bundle, tmp_path)
    code, line = _verify_line(forged)  # pinned by trusted_keys of ashyq.yaml
    assert code == 1 and line.startswith("signature: signed by ed25519:") and "not by the expected key" in line
    code, line = _verify_line(forged, "--key", str(key_file) + ".pub")
    assert code == 1 and line.startswith("signature: signed by ed25519:") and "not by the expected key" in line


def test_without_a_trusted_key_a_valid_signature_is_not_enough(
    bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "empty").mkdir()
    trust_keys(tmp_path / "empty", monkeypatch, "null")  # an ashyq.yaml that names no key
    forged = _resigned_by_a_forger(bundle, tmp_path)
    forger_print = verify_bundle(forged).signed.fingerprint  # type: ignore[union-attr]
    for package in (forged, bundle):  # the forger's and the operator's alike: whose key is it?
        code, line = _verify_line(package)
        assert code == 1 and not line.startswith("OK"), line
        assert line.startswith("not pinned: signed by the key ed25519:") and "'Operator of the audit'" in line
        assert "--key" in line and "trusted_keys" in line
    assert forger_print in _verify_line(forged)[1]


def test_trusted_keys_holds_the_current_and_earlier_keys_relative_to_the_config(
    bundle: Path, tmp_path: Path, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate_key(tmp_path / "keys" / "operator-2025.key", "Operator of the audit")
    both = (tmp_path / "keys" / "operator-2025.key.pub").read_bytes() + Path(f"{key_file}.pub").read_bytes()
    (tmp_path / "keys" / "trusted.pem").write_bytes(both)
    trust_keys(tmp_path, monkeypatch, "keys/trusted.pem")
    code, line = _verify_line(bundle)
    assert code == 0 and line.startswith("OK signed by Operator of the audit (ed25519:"), line
    (tmp_path / "keys" / "trusted.pem").write_bytes(b"not a key")
    code, line = _verify_line(bundle)
    assert code == 2 and "trusted_keys of ashyq.yaml" in line and "holds no PEM public key" in line


def test_an_unsigned_package_fails(bundle: Path, tmp_path: Path) -> None:
    members = _members(bundle)
    digest = json.loads(members[DIGEST])
    del digest["signature"]
    members[DIGEST] = json.dumps(digest).encode()
    assert _verify_line(_rewrite(members, tmp_path / "u.wacz")) == (
        1,
        "unsigned: datapackage-digest.json carries no signature",
    )


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../outside.txt", "'..' leaves the package's folder"),
        ("evidence/../../outside.txt", "'..' leaves the package's folder"),
        ("/etc/cron.d/x", "an absolute path"),
        ("C:/Windows/x", "an absolute path"),
        ("evidence\\..\\x", "a backslash in the path"),
        ("evidence/a\nOK signed.json", "a control character in the name"),
        ("evidence/\x1b[2Jclear.json", "a control character in the name"),
    ],
)
def test_a_path_escaping_the_folder_is_refused(bundle: Path, tmp_path: Path, name: str, reason: str) -> None:
    members = _members(bundle)
    members[name] = b"payload"
    shown = name.encode("unicode_escape").decode("ascii")
    assert _verify_line(_rewrite(members, tmp_path / "escape.wacz")) == (1, f"unsafe path: {shown} ({reason})")


@pytest.mark.parametrize(
    ("name", "reason"), [("../", "'..' leaves the package's folder"), ("/tmp/", "an absolute path")]
)
def test_a_folder_entry_escaping_the_folder_is_refused(bundle: Path, tmp_path: Path, name: str, reason: str) -> None:
    target = _rewrite(_members(bundle), tmp_path / "folder.wacz")
    with zipfile.ZipFile(target, "a") as archive:
        archive.writestr(zipfile.ZipInfo(name), b"")  # a folder entry: its name ends with '/'
    assert _verify_line(target) == (1, f"unsafe path: {name} ({reason})")


def test_a_symlink_member_is_refused(bundle: Path, tmp_path: Path) -> None:
    target = _rewrite(_members(bundle), tmp_path / "link.wacz")
    with zipfile.ZipFile(target, "a") as archive:
        info = zipfile.ZipInfo("evidence/link.json")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    assert _verify_line(target) == (1, "symlink: evidence/link.json (links are not evidence)")


def test_a_duplicate_member_is_refused(bundle: Path, tmp_path: Path) -> None:
    target = _rewrite(_members(bundle), tmp_path / "dup.wacz")
    with pytest.warns(UserWarning), zipfile.ZipFile(target, "a") as archive:
        archive.writestr("evidence/score.json", b"{}")
    assert _verify_line(target) == (1, "duplicate: evidence/score.json")


def _bomb(bundle: Path, target: Path, size: int) -> Path:
    _rewrite(_members(bundle), target)
    with (
        zipfile.ZipFile(target, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("evidence/zeros.json", "w", force_zip64=size >= 1 << 31) as stream,
    ):
        chunk = bytes(1 << 20)
        for _ in range(size >> 20):
            stream.write(chunk)
    return target


def test_a_decompression_bomb_is_refused_in_bounded_time_and_memory(bundle: Path, tmp_path: Path) -> None:
    bomb = _bomb(bundle, tmp_path / "bomb.wacz", 256 << 20)  # 256 MiB of zeros in about 1 MB
    assert bomb.stat().st_size < 4 << 20
    tracemalloc.start()
    started = time.perf_counter()
    verdict = verify_bundle(bomb)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(verdict.problems) == 1 and verdict.problems[0].startswith(
        "decompression bomb: evidence/zeros.json inflates "
    )
    assert elapsed < 2 and peak < 16 << 20


def test_a_bomb_lying_about_its_size_is_stopped_at_the_declared_size(bundle: Path, tmp_path: Path) -> None:
    bomb = _bomb(bundle, tmp_path / "liar.wacz", 64 << 20)  # 64 MiB that says it is 1000 bytes
    raw = bytearray(bomb.read_bytes())
    with zipfile.ZipFile(bomb) as archive:
        info = archive.getinfo("evidence/zeros.json")
    # the central directory entry (what readers trust) declares the uncompressed size at offset 24
    name = info.filename.encode()
    central = raw.rfind(b"PK\x01\x02")
    while raw[central + 46 : central + 46 + len(name)] != name:
        central = raw.rfind(b"PK\x01\x02", 0, central)
    assert struct.unpack("<I", raw[central + 24 : central + 28])[0] == 64 << 20
    raw[central + 24 : central + 28] = struct.pack("<I", 1000)
    bomb.write_bytes(bytes(raw))
    started = time.perf_counter()
    problems = verify_bundle(bomb).problems
    assert time.perf_counter() - started < 5
    assert problems == ["altered: evidence/zeros.json (the zip entry no longer inflates to its checksum)"]


def test_bytes_changed_inside_the_zip_itself_are_named(bundle: Path, tmp_path: Path) -> None:
    raw = bytearray(bundle.read_bytes())
    with zipfile.ZipFile(bundle) as archive:
        info = archive.getinfo("evidence/score.json")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + 5] ^= 0xFF
    corrupted = tmp_path / "corrupted.wacz"
    corrupted.write_bytes(bytes(raw))
    problems = verify_bundle(corrupted).problems
    assert problems and all("evidence/score.json" in p for p in problems)


def test_keygen_writes_a_private_key_only_its_owner_reads_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "keys" / "operator.key"
    made = CliRunner().invoke(evidence_app, ["keygen", "-o", str(out), "--signer", "Ministry auditor"])
    assert made.exit_code == 0, made.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    public = (tmp_path / "keys" / "operator.key.pub").read_text()
    assert "BEGIN PUBLIC KEY" in public and "# signer: Ministry auditor" in public
    assert made.output.split()[-1].startswith("ed25519:") and made.output.split()[-1] in public
    again = CliRunner().invoke(evidence_app, ["keygen", "-o", str(out), "--signer", "x"])
    assert again.exit_code == 2 and "already exists" in again.output


def test_cli_exports_a_signed_package_and_refuses_without_a_key(
    report_store: ReportStore, tmp_path: Path, key_file: Path
) -> None:
    out = tmp_path / "adilet.wacz"
    args = ["export", "--run", report_store.new.id, "--body", "adilet", "-o", str(out)]
    where = ["--data", str(report_store.out_dir), "--db", report_store.url]
    result = CliRunner().invoke(evidence_app, [*args, *where, "--key", str(key_file)])
    assert result.exit_code == 0, result.output
    assert verify_bundle(out).problems == []
    no_key = CliRunner().invoke(evidence_app, [*args, *where], env={"ASHYQ_SIGNING_KEY": ""})
    assert no_key.exit_code == 2 and "no signing key" in no_key.output
    unknown = CliRunner().invoke(
        evidence_app,
        ["export", "--run", "nope", "--body", "adilet", "-o", str(out), "--db", report_store.url, "--unsigned"],
    )
    assert unknown.exit_code == 2


def test_the_package_keeps_the_request_of_a_cited_response_with_its_post_body(tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path, "r1", "enbek")
    exchange = {
        "method": "POST",
        "request_headers": [("Content-Type", "application/json")],
        "status": 200,
        "reason": "OK",
        "protocol": "HTTP/1.1",
        "response_headers": [("Content-Type", "application/json")],
    }
    query = b'{"query": "{ news(lang: \\"kk\\") { id } }"}'
    cited = archive.write_exchange(
        url="https://www.gov.kz/graphql", body=b'{"data": {}}', request_body=query, **exchange
    )
    archive.write_exchange(url="https://www.gov.kz/other", body=b"{}", request_body=b'{"query": "x"}', **exchange)
    archive.close()
    out = tmp_path / "subset.warc.gz"
    assert write_subset({archive.path: {cited.record_id}}, out) == [cited.record_id]
    with out.open("rb") as stream:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
            for r in ArchiveIterator(stream)
        ]
    assert records == [
        ("response", "https://www.gov.kz/graphql", b'{"data": {}}'),
        ("request", "https://www.gov.kz/graphql", query),
    ]


def test_a_package_without_archived_pages_is_still_a_valid_wacz(tmp_path: Path) -> None:
    warc = tmp_path / "data.warc.gz"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record("data.warc.gz", {"software": "ashyq-tests"}))
    out = tmp_path / "empty.wacz"
    make_wacz(warc, html_pages(warc), "nothing cited", out)
    members = _members(out)
    assert json.loads(members["pages/pages.jsonl"]) == {
        "format": "json-pages-1.0",
        "id": "pages",
        "title": "nothing cited",
    }
    digest = json.loads(members[DIGEST])
    assert digest["hash"] == f"sha256:{sha256_hex(members[DATAPACKAGE])}"
    result = subprocess.run(
        [sys.executable, "-m", "wacz", "validate", "-f", str(out)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
