"""The evidence package of one body in one run (a signed WACZ), and its verification.

The package is a WACZ (the web-archive community's format, version 1.1.1) made with the ``wacz``
library: ``archive/data.warc.gz`` holds the WARC records the findings cite (copied byte for byte
with warcio), ``indexes/index.cdx.gz`` + ``indexes/index.idx`` their CDXJ index, ``pages/pages.jsonl``
the cited pages, and ``datapackage.json`` the sha256 of every member. Beside the archive,
``evidence/`` holds the run's findings, score, screenshots, axe results, declared documents, the
conclusion (ru, kk) and ``evidence/manifest.json`` (tool and methodology versions, the run record,
what could not be packed). ``datapackage-digest.json`` holds the digest of ``datapackage.json`` and
the operator's Ed25519 signature over it (ashyq/reports/signing.py). The format is documented in
docs/reports.md.

A package to verify is hostile input: members are checked for unsafe paths, symlinks, duplicates
and sizes before a byte is inflated, and then hashed as a stream with a bound on what each member
and the whole package may inflate to, so a decompression bomb costs bounded time and memory.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session
from warcio.warcwriter import WARCWriter

from ashyq import __version__
from ashyq.reports.body_report import BodyReport, EvidenceView, evidence_view, load_body_report, reconciliation_for
from ashyq.reports.conclusion import render_conclusion_html
from ashyq.reports.dashboard import file_name
from ashyq.reports.exports import body_json
from ashyq.reports.replay import UnsafePath, inside, visit_records, write_subset
from ashyq.reports.signing import Signed, check, sign
from ashyq.reports.timestamps import check_token
from ashyq.reports.wacz import html_pages, make_wacz
from ashyq.store.models import Evidence
from ashyq.store.vocabulary import EvidenceKind

PACKAGE_FORMAT = "ashyq-evidence-wacz/1"
DATAPACKAGE = "datapackage.json"
DIGEST = "datapackage-digest.json"
ARCHIVE_WARC = "archive/data.warc.gz"
MANIFEST = "evidence/manifest.json"
STORED = ("archive/", "indexes/index.cdx.gz")  # the WACZ spec: WARCs and the compressed index are not deflated
PREFIX_BY_KIND = {"screenshot": "screenshot", "axe_result": "axe", "declared_document": "declared"}

# Limits of verification (a package holds one body's evidence: tens of megabytes, not gigabytes).
MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 1 << 30  # one member, inflated
MAX_TOTAL_BYTES = 4 << 30  # the whole package, inflated
MAX_RATIO = 200  # inflated / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 1 << 20
MAX_JSON_BYTES = 64 << 20  # datapackage.json and its digest are read whole
_CHUNK = 1 << 16
_DRIVE = re.compile(r"^[A-Za-z]:")
_RESOURCE_NAME = re.compile(r"[^-a-z0-9._/]")
# asks a timestamp authority for a token over a SHA-256 digest (hex): (the authority's URL, the token)
Timestamper = Callable[[str], tuple[str, bytes]]


class TimestampRefused(RuntimeError):
    """The authority's answer does not timestamp the package (the export stops: no package is written)."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class BundleContents:
    members: dict[str, bytes] = field(default_factory=dict)  # evidence/… beside the archive
    missing: list[dict[str, str]] = field(default_factory=list)  # cited but not found on disk
    records: list[str] = field(default_factory=list)  # WARC-Record-IDs in the archive
    pages: list[dict[str, str]] = field(default_factory=list)  # pages.jsonl entries
    warc: bytes = b""


def _json_bytes(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True, default=str).encode("utf-8")


def _cited_evidence(session: Session, report: BodyReport) -> list[EvidenceView]:
    """What the findings cite, plus the body's axe results and declared documents of the run (the
    basis of declared items and of the reconciliation act, cited or not)."""
    seen: dict[str, EvidenceView] = {}
    for finding in report.findings:
        for e in finding.evidence:
            seen.setdefault(e.id, e)
    query = select(Evidence).where(
        Evidence.run_id == report.run.id,
        Evidence.body_id == report.body.id,
        Evidence.kind.in_([EvidenceKind.AXE_RESULT, EvidenceKind.DECLARED_DOCUMENT]),
    )
    for row in session.scalars(query.order_by(Evidence.id)):
        seen.setdefault(row.id, evidence_view(row, {}))
    return list(seen.values())


def _evidence_file(data_dir: Path, evidence_id: str, path: str, absent: str, contents: BundleContents) -> Path | None:
    """The evidence's file inside the output folder, or None with the reason listed as missing."""
    try:
        source = inside(data_dir, path)
    except UnsafePath:
        contents.missing.append({"evidence": evidence_id, "path": path, "why": "outside the output folder"})
        return None
    if not source.is_file():
        contents.missing.append({"evidence": evidence_id, "path": path, "why": absent})
        return None
    return source


def _collect_files(evidence: list[EvidenceView], data_dir: Path, contents: BundleContents) -> dict[str, str]:
    """Copy every evidence file (screenshot, axe result, declared document …); returns id → member."""
    placed: dict[str, str] = {}
    for e in evidence:
        if not e.path:
            continue
        prefix = PREFIX_BY_KIND.get(e.kind, "file")
        source = _evidence_file(data_dir, e.id, e.path, "file not found", contents)
        if source is None:
            continue
        # one level below evidence/: WACZ validators match members by their last two path parts
        member = f"evidence/{prefix}-{file_name(e.id)}{source.suffix.lower()}"
        contents.members[member] = source.read_bytes()
        placed[e.id] = member
    return placed


def _collect_warc(evidence: list[EvidenceView], data_dir: Path, contents: BundleContents, tmp: Path) -> None:
    sources: dict[Path, set[str]] = {}
    for e in evidence:
        if not (e.warc_file and e.warc_record_id):
            continue
        path = _evidence_file(data_dir, e.id, e.warc_file, "WARC file not found", contents)
        if path is None:
            continue
        sources.setdefault(path, set()).add(e.warc_record_id)
        # a browser measurement cites everything the page got (its subresources, API answers, POSTs)
        sources[path].update(visit_records(e.metadata.get("records")))
    out = tmp / "data.warc.gz"
    if sources:
        contents.records = write_subset(sources, out, data_dir)
        wanted = set().union(*sources.values())
        for record_id in sorted(wanted - set(contents.records)):
            contents.missing.append({"record": record_id, "why": "record not in its WARC file"})
    if not contents.records:  # a WACZ needs a WARC: one warcinfo record says there is nothing cited
        with out.open("wb") as stream:
            writer = WARCWriter(stream, gzip=True)
            writer.write_record(writer.create_warcinfo_record("data.warc.gz", {"software": f"ashyq {__version__}"}))
    contents.warc = out.read_bytes()
    contents.pages = html_pages(out)


def _evidence_members(session: Session, report: BodyReport, data_dir: Path, tmp: Path) -> BundleContents:
    contents = BundleContents()
    evidence = _cited_evidence(session, report)
    placed = _collect_files(evidence, data_dir, contents)
    _collect_warc(evidence, data_dir, contents, tmp)
    contents.members["evidence/findings.json"] = _json_bytes(body_json(None, report)["items"])
    contents.members["evidence/evidence.json"] = _json_bytes(
        [
            {
                "id": e.id,
                "kind": e.kind,
                "url": e.url,
                "captured_at": e.captured_at,
                "sha256": e.sha256,
                "warc_record_id": e.warc_record_id,
                "source_warc_file": e.warc_file,
                "selector": e.selector,
                "snippet": e.snippet,
                "region": e.region,
                "member": placed.get(e.id) or (ARCHIVE_WARC if e.warc_record_id in contents.records else None),
                # what the browser got while it measured: every record of the visit, in the archive
                "records": visit_records(e.metadata.get("records")) or None,
            }
            for e in evidence
        ]
    )
    score = report.score
    contents.members["evidence/score.json"] = _json_bytes(
        {
            "edition": score.edition,
            "points": score.points,
            "max": score.max_points,
            "penalty": score.penalty,
            "total": score.total,
            "final": score.final,
            "level": score.level,
            "breakdown": score.breakdown,
        }
    )
    for lang in ("ru", "kk"):
        contents.members[f"evidence/conclusion-{lang}.html"] = render_conclusion_html(report, lang).encode("utf-8")
    declarations: dict[int, Any] = {}
    for declaration, entry in reconciliation_for(session, report.run.id, report.body.id):
        record = declarations.setdefault(
            declaration.id,
            {"period": declaration.period, "payload": declaration.payload, "sha256": declaration.source_sha256},
        )
        record.setdefault("reconciliation", []).append(
            {"item": entry.item, "claim": entry.claim, "verdict": entry.verdict, "evidence_ids": entry.evidence_ids}
        )
    for declaration_id, record in declarations.items():
        contents.members[f"evidence/declaration-{declaration_id}.json"] = _json_bytes(record)
    contents.members[MANIFEST] = _json_bytes(
        {
            "format": PACKAGE_FORMAT,
            "tool": {"name": "ashyq", "version": __version__},
            "methodology": {
                "edition": score.edition,
                "interpretations": report.breakdown.get("interpretations", {}),
                "averages_borrowed": report.breakdown.get("averages_borrowed", []),
            },
            "run": report.run.record(),
            "body": {
                "id": report.body.id,
                "name_kk": report.body.name_kk,
                "name_ru": report.body.name_ru,
                "kind": report.body.kind,
            },
            "warc": {"member": ARCHIVE_WARC, "records": contents.records},
            "missing": contents.missing,
        }
    )
    return contents


def _base_wacz(contents: BundleContents, tmp: Path, title: str) -> zipfile.ZipFile:
    """The archive part, made by the ``wacz`` library: WARC, CDXJ index, pages list, datapackage."""
    base = tmp / "base.wacz"
    make_wacz(tmp / "data.warc.gz", contents.pages, title, base)
    return zipfile.ZipFile(base)


def _member_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if name.startswith(STORED) else zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def export_bundle(
    session: Session,
    run_id: str,
    body_id: str,
    data_dir: Path,
    out: Path,
    key: Ed25519PrivateKey | None = None,
    signer: str = "",
    timestamper: Timestamper | None = None,
    revision: int | None = None,
) -> BundleContents:
    """Write the package; signed when a key is given (an unsigned one fails ``verify``), and with a
    timestamp authority's token over the datapackage digest when ``timestamper`` is given (it is
    kept in the signature block, so a signed package is needed). Of the run's ``revision`` when given
    (a published one), else its newest."""
    report = load_body_report(session, run_id, body_id, revision)
    with TemporaryDirectory() as name:
        tmp = Path(name)
        contents = _evidence_members(session, report, data_dir, tmp)
        title = f"{report.body.name_ru} — {report.run.id}"
        with _base_wacz(contents, tmp, title) as base:
            members = {n: base.read(n) for n in base.namelist() if n not in (DATAPACKAGE, DIGEST)}
            package = json.loads(base.read(DATAPACKAGE))
    members.update(contents.members)
    for member in sorted(contents.members):
        data = members[member]
        name = _RESOURCE_NAME.sub("-", member.rsplit("/", 1)[-1].lower())  # the data-package name pattern
        package["resources"].append(
            {"name": name, "path": member, "hash": f"sha256:{sha256_hex(data)}", "bytes": len(data)}
        )
    package["software"] = f"ashyq {__version__}; {package.get('software', 'py-wacz')}"
    package_bytes = json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")
    digest: dict[str, Any] = {"path": DATAPACKAGE, "hash": f"sha256:{sha256_hex(package_bytes)}"}
    if key is not None:
        stamp = _timestamp(timestamper, digest["hash"]) if timestamper is not None else None
        digest["signature"] = sign(key, signer, digest["hash"], str(package["created"]), stamp)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(members):
            archive.writestr(_member_info(name), members[name])
        archive.writestr(_member_info(DATAPACKAGE), package_bytes)
        archive.writestr(_member_info(DIGEST), json.dumps(digest, ensure_ascii=False, indent=2).encode("utf-8"))
    return contents


def _timestamp(timestamper: Timestamper, package_hash: str) -> dict[str, Any]:
    """Ask the authority for a token over the digest, and keep it with the time it states."""
    authority, token = timestamper(package_hash.removeprefix("sha256:"))
    stamp, problem = check_token(token, package_hash.removeprefix("sha256:"))
    if stamp is None:
        raise TimestampRefused(f"{authority}: {problem}")
    return {
        "format": "rfc3161",
        "authority": authority,
        "time": stamp.time,
        "token": base64.b64encode(token).decode("ascii"),
    }


def _check_timestamp(
    block: Any, package_hash: str, authority: x509.Certificate | None
) -> tuple[str | None, str | None]:
    """``time by authority`` of a timestamp that holds, or why it does not (None, None: there is none)."""
    stamp = block.get("timestamp") if isinstance(block, dict) else None
    if stamp is None:
        return None, (
            "timestamp: none in the package, but the authority's certificate was given" if authority else None
        )
    if not isinstance(stamp, dict) or stamp.get("format") != "rfc3161":
        return None, "timestamp: not an RFC 3161 token"
    try:
        token = base64.b64decode(str(stamp.get("token", "")), validate=True)
    except ValueError:
        return None, "timestamp: the token is not valid base64"
    checked, problem = check_token(token, package_hash.removeprefix("sha256:"), authority)
    if checked is None:
        return None, problem
    return f"{checked.time} by {checked.authority}", None


# --- verification --------------------------------------------------------------------------------


@dataclass
class Verdict:
    problems: list[str] = field(default_factory=list)
    signed: Signed | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _unsafe_name(name: str) -> str | None:
    if not name:
        return "an empty name"
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in name):
        return "a control character in the name"
    if name.startswith(("/", "\\")) or _DRIVE.match(name):
        return "an absolute path"
    if "\\" in name:
        return "a backslash in the path"
    if ".." in name.split("/"):
        return "'..' leaves the package's folder"
    return None


def _structure_problems(infos: list[zipfile.ZipInfo]) -> list[str]:
    """What is wrong before anything is inflated: paths, links, duplicates, declared sizes."""
    problems: list[str] = []
    if len(infos) > MAX_MEMBERS:
        return [f"too many members: {len(infos)} (at most {MAX_MEMBERS})"]
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        shown = name.encode("unicode_escape").decode("ascii")[:200]
        why = _unsafe_name(name)
        if why:
            problems.append(f"unsafe path: {shown} ({why})")
            continue
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            problems.append(f"symlink: {shown} (links are not evidence)")
            continue
        if name in seen:
            problems.append(f"duplicate: {shown}")
            continue
        seen.add(name)
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES:
            problems.append(f"too large: {shown} inflates to {info.file_size} bytes (at most {MAX_MEMBER_BYTES})")
        elif info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            problems.append(
                f"decompression bomb: {shown} inflates {info.compress_size} bytes to {info.file_size} "
                f"(more than {MAX_RATIO} times)"
            )
    if total > MAX_TOTAL_BYTES:
        problems.append(f"too large: the members inflate to {total} bytes (at most {MAX_TOTAL_BYTES})")
    return problems


def _hash_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, keep: bool) -> tuple[str, bytes | None, str | None]:
    """The member's sha256 read as a stream, never past its declared size (a lying header is caught)."""
    digest = hashlib.sha256()
    kept = bytearray() if keep else None
    read = 0
    limit = min(info.file_size, MAX_JSON_BYTES if keep else MAX_MEMBER_BYTES)
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > limit:
                    return "", None, f"decompression bomb: {info.filename} inflates past its declared size"
                digest.update(chunk)
                if kept is not None:
                    kept.extend(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError):
        return "", None, f"altered: {info.filename} (the zip entry no longer inflates to its checksum)"
    return digest.hexdigest(), (bytes(kept) if kept is not None else None), None


def _load_json(data: bytes | None, name: str) -> tuple[dict[str, Any] | None, str | None]:
    if data is None:
        return None, f"missing: {name}"
    try:
        document = json.loads(data)
    except ValueError:
        return None, f"altered: {name} (not JSON)"
    return (document, None) if isinstance(document, dict) else (None, f"altered: {name} (not a JSON object)")


def verify_bundle(
    path: Path, trusted: Sequence[Ed25519PublicKey] = (), authority: x509.Certificate | None = None
) -> Verdict:
    """Every problem, one line each; the signer when the signature holds (``pinned`` when its key is
    one of ``trusted``: with trusted keys, any other key's signature is a problem), and the time a
    timestamp authority witnessed (its certificate ``authority``, when given, must be the token's
    signer or its issuer)."""
    verdict = Verdict()
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        verdict.problems.append(f"not a readable zip: {error}")
        return verdict
    with archive:
        verdict.problems = _structure_problems(archive.infolist())  # folders' names too: '../' is unsafe
        if verdict.problems:  # nothing is inflated from a package that is unsafe to open
            return verdict
        infos = [i for i in archive.infolist() if not i.is_dir()]
        hashes: dict[str, str] = {}
        kept: dict[str, bytes] = {}
        for info in infos:
            keep = info.filename in (DATAPACKAGE, DIGEST)
            digest, data, problem = _hash_member(archive, info, keep)
            if problem:
                verdict.problems.append(problem)
                continue
            hashes[info.filename] = digest
            if data is not None:
                kept[info.filename] = data
    if any(p.startswith("decompression bomb") for p in verdict.problems):
        return verdict
    package, problem = _load_json(kept.get(DATAPACKAGE), DATAPACKAGE)
    digest_doc, digest_problem = _load_json(kept.get(DIGEST), DIGEST)
    verdict.problems += [p for p in (problem, digest_problem) if p]
    if package is None or digest_doc is None:
        return verdict
    package_hash = f"sha256:{hashes[DATAPACKAGE]}"
    if digest_doc.get("hash") != package_hash:
        verdict.problems.append(f"altered: {DATAPACKAGE} (its digest in {DIGEST} differs)")
        return verdict  # an altered list of hashes proves nothing about the members
    verdict.signed, problem = check(digest_doc.get("signature"), package_hash, trusted)
    if problem:
        verdict.problems.append(problem)
    elif verdict.signed is not None:
        stamped, problem = _check_timestamp(digest_doc.get("signature"), package_hash, authority)
        if problem:
            verdict.problems.append(problem)
        verdict.signed = replace(verdict.signed, timestamp=stamped)
    listed: dict[str, str] = {}
    for resource in package.get("resources", []):
        if isinstance(resource, dict) and isinstance(resource.get("path"), str):
            listed[resource["path"]] = str(resource.get("hash", ""))
    for name, expected in sorted(listed.items()):
        if name not in hashes:
            if not any(p.startswith(f"altered: {name} ") for p in verdict.problems):
                verdict.problems.append(f"missing: {name}")
        elif expected != f"sha256:{hashes[name]}":
            verdict.problems.append(f"altered: {name}")
    for name in sorted(set(hashes) - set(listed) - {DATAPACKAGE, DIGEST}):
        verdict.problems.append(f"added: {name}")
    return verdict
