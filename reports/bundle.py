"""The evidence bundle of one body in one run, and its verification.

A zip a verifier or an appeal commission can check without ashyq's database: the WARC records the
findings cite (re-written with warcio into one WARC holding exactly those records), screenshots,
axe results, declared documents, the findings and the score, and ``manifest.json`` with the
sha256 of every other member, the tool and methodology versions and the run's settings.
``manifest.sha256`` holds the manifest's own sha256 in ``sha256sum`` format, plus a comment line
with the sha256 of that line, so verification can tell an altered manifest from an altered
checksum file. The format is documented in docs/reports.md.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq import __version__
from ashyq.reports.body_report import BodyReport, EvidenceView, evidence_view, load_body_report, reconciliation_for
from ashyq.reports.dashboard import file_name
from ashyq.reports.exports import body_json
from ashyq.reports.replay import UnsafePath, inside, write_subset
from ashyq.store.models import Evidence
from ashyq.store.vocabulary import EvidenceKind

BUNDLE_FORMAT = "ashyq-evidence-bundle/1"
MANIFEST = "manifest.json"
CHECKSUM = "manifest.sha256"
CITED_WARC = "warc/cited.warc.gz"
FOLDER_BY_KIND = {"screenshot": "screenshots", "axe_result": "axe", "declared_document": "declared"}


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def checksum_text(manifest: bytes) -> str:
    line = f"{sha256_hex(manifest)}  {MANIFEST}\n"
    return line + f"# self {sha256_hex(line.encode())}\n"


@dataclass
class BundleContents:
    members: dict[str, bytes] = field(default_factory=dict)
    missing: list[dict[str, str]] = field(default_factory=list)  # cited but not found on disk


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


def _collect_files(evidence: list[EvidenceView], data_dir: Path, contents: BundleContents) -> dict[str, str]:
    """Copy every evidence file (screenshot, axe result, declared document …); returns id → member."""
    placed: dict[str, str] = {}
    for e in evidence:
        if not e.path:
            continue
        folder = FOLDER_BY_KIND.get(e.kind, "files")
        try:
            source = inside(data_dir, e.path)
        except UnsafePath:
            contents.missing.append({"evidence": e.id, "path": e.path, "why": "outside the output folder"})
            continue
        if not source.is_file():
            contents.missing.append({"evidence": e.id, "path": e.path, "why": "file not found"})
            continue
        member = f"{folder}/{file_name(e.id)}{source.suffix.lower()}"
        contents.members[member] = source.read_bytes()
        placed[e.id] = member
    return placed


def _collect_warc(evidence: list[EvidenceView], data_dir: Path, contents: BundleContents) -> list[str]:
    sources: dict[Path, set[str]] = {}
    for e in evidence:
        if not (e.warc_file and e.warc_record_id):
            continue
        try:
            path = inside(data_dir, e.warc_file)
        except UnsafePath:
            contents.missing.append({"evidence": e.id, "path": e.warc_file, "why": "outside the output folder"})
            continue
        if not path.is_file():
            contents.missing.append({"evidence": e.id, "path": e.warc_file, "why": "WARC file not found"})
            continue
        sources.setdefault(path, set()).add(e.warc_record_id)
    if not sources:
        return []
    with TemporaryDirectory() as tmp:
        out = Path(tmp) / "cited.warc.gz"
        written = write_subset(sources, out)
        contents.members[CITED_WARC] = out.read_bytes()
    wanted = set().union(*sources.values())
    for record_id in sorted(wanted - set(written)):
        contents.missing.append({"record": record_id, "why": "record not in its WARC file"})
    return written


def build_bundle(session: Session, run_id: str, body_id: str, data_dir: Path) -> BundleContents:
    report = load_body_report(session, run_id, body_id)
    contents = BundleContents()
    evidence = _cited_evidence(session, report)
    placed = _collect_files(evidence, data_dir, contents)
    records = _collect_warc(evidence, data_dir, contents)
    contents.members["findings.json"] = _json_bytes(body_json(None, report)["items"])
    contents.members["evidence.json"] = _json_bytes(
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
                "member": placed.get(e.id) or (CITED_WARC if e.warc_record_id in records else None),
            }
            for e in evidence
        ]
    )
    score = report.score
    contents.members["score.json"] = _json_bytes(
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
    declarations: dict[int, Any] = {}
    for declaration, entry in reconciliation_for(session, run_id, body_id):
        record = declarations.setdefault(
            declaration.id,
            {
                "period": declaration.period,
                "payload": declaration.payload,
                "sha256": declaration.source_sha256,
                "reconciliation": [],
            },
        )
        record["reconciliation"].append(
            {"item": entry.item, "claim": entry.claim, "verdict": entry.verdict, "evidence_ids": entry.evidence_ids}
        )
    for declaration_id, record in declarations.items():
        contents.members[f"declared/declaration-{declaration_id}.json"] = _json_bytes(record)
    manifest = {
        "format": BUNDLE_FORMAT,
        "created_at": datetime.now(UTC).isoformat(),
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
            "kind": report.body.kind.value,
        },
        "warc": {"member": CITED_WARC if records else None, "records": records},
        "missing": contents.missing,
        "files": [
            {"path": name, "sha256": sha256_hex(data), "size": len(data)}
            for name, data in sorted(contents.members.items())
        ],
    }
    manifest_bytes = _json_bytes(manifest)
    contents.members[MANIFEST] = manifest_bytes
    contents.members[CHECKSUM] = checksum_text(manifest_bytes).encode("ascii")
    return contents


def export_bundle(session: Session, run_id: str, body_id: str, data_dir: Path, out: Path) -> BundleContents:
    contents = build_bundle(session, run_id, body_id, data_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(contents.members):
            archive.writestr(
                zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0)),
                contents.members[name],
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return contents


# What ``verify`` accepts: a bundle of one body holds a few hundred members and some hundred MB.
MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024
_SYMLINK = 0o120000


def _unsafe_name(info: zipfile.ZipInfo) -> str | None:
    """Why a member may not be in a bundle (a path that escapes the folder it is unpacked into, a link)."""
    name = info.filename
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "an absolute path"
    if ".." in parts:
        return "a path with '..'"
    if (info.external_attr >> 16) & 0o170000 == _SYMLINK:
        return "a symbolic link"
    if "\x00" in name:
        return "a NUL in its name"
    return None


def _read_members(path: Path) -> tuple[dict[str, str], dict[str, bytes], list[str]]:
    """Every member's sha256, streamed (never a whole member in memory, except the manifest and its
    checksum, within :data:`MAX_MANIFEST_BYTES`), and the problems: unsafe or repeated names, too
    many members or bytes, a member changed in place."""
    digests: dict[str, str] = {}
    kept: dict[str, bytes] = {}
    problems: list[str] = []
    total = 0
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            return {}, {}, [f"refused: {len(infos)} members; at most {MAX_MEMBERS}"]
        seen: set[str] = set()
        for info in infos:
            if info.filename in seen:
                problems.append(f"refused: {info.filename!r} is in the bundle twice")
                continue
            seen.add(info.filename)
            unsafe = _unsafe_name(info)
            if unsafe is not None:
                problems.append(f"refused: {info.filename!r} is {unsafe}")
                continue
            if info.is_dir():
                continue
            keep = info.filename in (MANIFEST, CHECKSUM)
            digest = hashlib.sha256()
            body = bytearray()
            try:
                with archive.open(info) as member:
                    while chunk := member.read(_CHUNK):
                        total += len(chunk)
                        if total > MAX_TOTAL_BYTES:
                            return digests, kept, [*problems, f"refused: more than {MAX_TOTAL_BYTES} bytes unpacked"]
                        digest.update(chunk)
                        if keep:
                            body += chunk
                            if len(body) > MAX_MANIFEST_BYTES:
                                problems.append(f"refused: {info.filename} is larger than {MAX_MANIFEST_BYTES} bytes")
                                keep = False
                                body = bytearray()
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error):  # changed in place: CRC or inflate fails
                problems.append(f"altered: {info.filename}")
                digests[info.filename] = ""
                if info.filename in (MANIFEST, CHECKSUM):
                    kept[info.filename] = b""
                continue
            digests[info.filename] = digest.hexdigest()
            if keep:
                kept[info.filename] = bytes(body)
    return digests, kept, problems


def _manifest_problems(members: dict[str, bytes], digests: dict[str, str]) -> tuple[dict[str, Any] | None, list[str]]:
    manifest_bytes = members.get(MANIFEST) if MANIFEST in digests else None
    checksum = members.get(CHECKSUM) if CHECKSUM in digests else None
    problems = []
    if manifest_bytes is None:
        problems.append(f"missing: {MANIFEST}")
    if checksum is None:
        problems.append(f"missing: {CHECKSUM}")
    elif manifest_bytes is not None and checksum.decode("ascii", "replace") != checksum_text(manifest_bytes):
        lines = checksum.decode("ascii", "replace").splitlines()
        first = (lines[0] + "\n") if lines else ""
        self_ok = len(lines) == 2 and lines[1] == f"# self {sha256_hex(first.encode())}"
        # a self-consistent checksum file that disagrees with the manifest: the manifest changed
        problems.append(f"altered: {MANIFEST}" if self_ok else f"altered: {CHECKSUM}")
    try:
        manifest = json.loads(manifest_bytes) if manifest_bytes is not None else None
    except ValueError:
        return None, problems
    return (manifest if isinstance(manifest, dict) else None), problems


def verify_bundle(path: Path) -> list[str]:
    """Every problem, one line each (``altered: X``, ``missing: X``, ``added: X``, ``refused: …`` for
    a member no bundle may hold); empty when intact. Members are streamed; their count and unpacked
    size are capped (:data:`MAX_MEMBERS`, :data:`MAX_TOTAL_BYTES`)."""
    try:
        digests, kept, problems = _read_members(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        return [f"not a readable zip: {error}"]
    if any(p.startswith("refused: ") for p in problems):
        return problems
    manifest, manifest_problems = _manifest_problems(kept, digests)
    problems.extend(p for p in manifest_problems if p not in problems)
    if manifest is None or f"altered: {MANIFEST}" in problems:
        # an altered manifest's file list proves nothing: comparing members with it would only
        # blame files that are intact
        return problems
    listed: dict[str, str] = {}
    for entry in manifest.get("files", []):
        if isinstance(entry, dict) and isinstance(entry.get("path"), str):
            listed[entry["path"]] = str(entry.get("sha256", ""))
    for name, digest in sorted(listed.items()):
        if name not in digests:
            problems.append(f"missing: {name}")
        elif digests[name] != digest and f"altered: {name}" not in problems:
            problems.append(f"altered: {name}")
    for name in sorted(set(digests) - set(listed) - {MANIFEST, CHECKSUM}):
        problems.append(f"added: {name}")
    return problems
