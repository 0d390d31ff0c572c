"""RFC 3161 timestamps of evidence packages, against the replica's timestamp authority on loopback:
export asks it (through the guarded client) for a token over the datapackage digest, verify reports
the time it witnessed and refuses a token that is not for the package, altered, or by another
authority."""

from __future__ import annotations

import base64
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from ashyq_replica.timestamp_authority import TimestampAuthority
from asn1crypto import cms, tsp
from keys_harness import trust_keys
from reports_sample import ReportStore
from typer.testing import CliRunner

from ashyq.cli.report import evidence_app
from ashyq.net.timestamp import TimestampError, TimeStampResp, request_timestamp, timestamp_request
from ashyq.net.urlmap import BaseUrlMap
from ashyq.reports.bundle import DIGEST
from ashyq.reports.signing import generate_key, load_private_key, sign
from ashyq.reports.timestamps import check_token

AUTHORITY = "https://tsa.replica.test"


@pytest.fixture(scope="module")
def authority() -> Iterator[TimestampAuthority]:
    with TimestampAuthority() as served:
        yield served


@pytest.fixture(scope="module")
def replica_map(authority: TimestampAuthority) -> str:
    return json.dumps({AUTHORITY: f"http://127.0.0.1:{authority.port}"})


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("keys") / "operator.key"
    generate_key(path, "Operator of the audit")
    return path


@pytest.fixture(autouse=True)
def operator_trusts_the_key(key_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every verify below is pinned by the operator's config, as an operator's would be."""
    return trust_keys(tmp_path, monkeypatch, f"{key_file}.pub")


def _export(store: ReportStore, body: str, out: Path, key: Path, *extra: str) -> tuple[int, str]:
    args = ["export", "--run", store.new.id, "--body", body, "-o", str(out), "--key", str(key)]
    result = CliRunner().invoke(evidence_app, [*args, "--data", str(store.out_dir), "--db", store.url, *extra])
    return result.exit_code, result.output


def _verify(path: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(evidence_app, ["verify", str(path), *extra])
    return result.exit_code, result.output.strip()


@pytest.fixture(scope="module")
def stamped(
    report_store: ReportStore,
    authority: TimestampAuthority,
    replica_map: str,
    key_file: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    out = tmp_path_factory.mktemp("stamped") / "enbek.wacz"
    issued = authority.issued
    code, output = _export(
        report_store, "enbek", out, key_file, "--tsa", f"{AUTHORITY}/tsa", "--replica-map", replica_map
    )
    assert code == 0, output
    assert authority.issued == issued + 1  # the authority was asked, once
    return out


def _digest_doc(path: Path) -> dict[str, object]:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(DIGEST))  # type: ignore[no-any-return]


def _with_digest(path: Path, document: dict[str, object], target: Path) -> Path:
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            data = json.dumps(document).encode() if info.filename == DIGEST else source.read(info)
            out.writestr(info, data)
    return target


def test_verify_reports_the_time_the_authority_witnessed(
    stamped: Path, authority: TimestampAuthority, tmp_path: Path
) -> None:
    block = _digest_doc(stamped)["signature"]
    assert isinstance(block, dict)
    stamp = block["timestamp"]
    assert stamp["format"] == "rfc3161" and stamp["authority"] == f"{AUTHORITY}/tsa"
    code, line = _verify(stamped)
    assert code == 0, line
    assert line.endswith(f"; timestamped {stamp['time']} by CN=ashyq replica timestamp authority")
    pem = tmp_path / "tsa.pem"
    pem.write_bytes(authority.certificate_pem)
    assert _verify(stamped, "--tsa-cert", str(pem))[0] == 0
    # the token itself is a standard one: its TSTInfo names the package's digest
    token = cms.ContentInfo.load(base64.b64decode(stamp["token"]))
    info = tsp.TSTInfo.load(bytes(token["content"]["encap_content_info"]["content"].contents))
    assert "sha256:" + info["message_imprint"]["hashed_message"].native.hex() == _digest_doc(stamped)["hash"]


def test_another_authoritys_certificate_is_refused(stamped: Path, tmp_path: Path) -> None:
    other = TimestampAuthority("another authority")  # never started: only its certificate is used
    pem = tmp_path / "other.pem"
    pem.write_bytes(other.certificate_pem)
    assert _verify(stamped, "--tsa-cert", str(pem)) == (
        1,
        "timestamp: the token is not signed by the given authority's certificate",
    )


def test_a_token_moved_from_another_package_is_refused(
    stamped: Path, report_store: ReportStore, key_file: Path, tmp_path: Path
) -> None:
    """A forger with the operator's key re-signs a package with a token the authority gave another."""
    plain = tmp_path / "adilet.wacz"
    assert _export(report_store, "adilet", plain, key_file)[0] == 0
    assert _verify(plain)[1].endswith("; no timestamp")
    document = _digest_doc(plain)
    moved = _digest_doc(stamped)["signature"]["timestamp"]  # type: ignore[index]
    key, signer = load_private_key(key_file)
    block = document["signature"]
    assert isinstance(block, dict)
    document["signature"] = sign(key, signer, str(document["hash"]), str(block["created"]), moved)
    forged = _with_digest(plain, document, tmp_path / "forged.wacz")
    assert _verify(forged) == (1, "timestamp: the token is for another datapackage.json (the digest differs)")


def test_an_altered_token_is_refused(stamped: Path, key_file: Path, tmp_path: Path) -> None:
    document = _digest_doc(stamped)
    block = document["signature"]
    assert isinstance(block, dict)
    stamp = dict(block["timestamp"])
    token = base64.b64decode(stamp["token"])
    year = str(block["created"])[:4].encode()
    assert year in token
    stamp["token"] = base64.b64encode(token.replace(year, b"2019", 1)).decode()  # an earlier genTime
    key, signer = load_private_key(key_file)
    document["signature"] = sign(key, signer, str(document["hash"]), str(block["created"]), stamp)
    forged = _with_digest(stamped, document, tmp_path / "backdated.wacz")
    assert _verify(forged) == (1, "timestamp: the token's TSTInfo was changed after the authority signed it")
    stamp["token"] = base64.b64encode(b"\x30\x03\x02\x01\x00").decode()
    document["signature"] = sign(key, signer, str(document["hash"]), str(block["created"]), stamp)
    garbage = _with_digest(stamped, document, tmp_path / "garbage.wacz")
    code, line = _verify(garbage)
    assert code == 1 and line.startswith("timestamp: the token cannot be read (")


def test_asking_checks_the_answer_and_refusals_are_one_line(authority: TimestampAuthority, replica_map: str) -> None:
    digest = "ab" * 32
    url_map = BaseUrlMap.from_mapping(json.loads(replica_map))
    token = request_timestamp(f"{AUTHORITY}/tsa", digest, "test-agent", url_map=url_map)
    stamp, problem = check_token(token, digest)
    assert problem is None and stamp is not None and stamp.authority == "CN=ashyq replica timestamp authority"
    # outside replica mode the loopback authority is an address the egress policy refuses
    with pytest.raises(TimestampError, match=r"^timestamp authority http://127\.0\.0\.1:"):
        request_timestamp(authority.url, digest, "test-agent")
    # the authority refuses what it cannot read, as RFC 3161 says
    rejected = TimeStampResp.load(authority.answer(b"not a request"))
    assert rejected["status"]["status"].native == "rejection"
    assert rejected["status"]["fail_info"].native == {"bad_data_format"}
    answer = TimeStampResp.load(authority.answer(timestamp_request(digest, 7)))
    assert answer["status"]["status"].native == "granted"


def test_export_without_an_answer_writes_no_package(report_store: ReportStore, key_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "enbek.wacz"
    code, output = _export(report_store, "enbek", out, key_file, "--tsa", "https://tsa.replica.test/tsa")
    assert code == 2 and "timestamp authority https://tsa.replica.test/tsa" in output and not out.exists()


def test_the_operators_file_names_the_authority_when_the_option_does_not(
    report_store: ReportStore,
    authority: TimestampAuthority,
    replica_map: str,
    key_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``tsa:`` of ashyq.yaml stamps the package as ``--tsa`` would; the option still wins."""
    from ashyq.config import operator

    config = tmp_path / "ashyq.yaml"
    config.write_text(f"tsa: {AUTHORITY}/tsa\n", encoding="utf-8")
    monkeypatch.delenv("ASHYQ_TSA_URL", raising=False)
    monkeypatch.setenv(operator.CONFIG_VARIABLE, str(config))
    operator.forget_loaded()
    try:
        issued = authority.issued
        out = tmp_path / "enbek.wacz"
        code, output = _export(report_store, "enbek", out, key_file, "--replica-map", replica_map)
        assert code == 0, output
        assert authority.issued == issued + 1
        block = _digest_doc(out)["signature"]
        assert isinstance(block, dict) and block["timestamp"]["authority"] == f"{AUTHORITY}/tsa"
        # the option names another (unanswering) authority: it is the one asked, and the export refused
        refused = tmp_path / "refused.wacz"
        code, output = _export(
            report_store,
            "enbek",
            refused,
            key_file,
            "--tsa",
            "https://elsewhere.replica.test/tsa",
            "--replica-map",
            replica_map,
        )
        assert code == 2 and "elsewhere.replica.test" in output and not refused.exists()
    finally:
        operator.forget_loaded()
