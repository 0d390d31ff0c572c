"""Archived pages out of the run's WARC files, for showing and for re-packing.

Showing an archived page must never run it: the payload is written into the site as a static file
that starts with a Content-Security-Policy allowing no script, no network and no form, and the
dashboard shows it in an ``<iframe sandbox="">``. Anything that is not HTML is shown as plain text.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import TYPE_CHECKING, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from ashyq.reports.wacz import make_wacz
from ashyq.store.captures import decoded_body, read_original, revisit_original
from ashyq.store.warc import OriginalCapture

if TYPE_CHECKING:
    from ashyq.reports.body_report import BodyReport

# Nothing may load or run: inline styles only, images only from data: (no request leaves the file).
ARCHIVE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; "
    "script-src 'none'; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'"
)
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{ARCHIVE_CSP}">\n'.encode()
_DOCTYPE = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<!doctype[^>]*>", re.IGNORECASE)


class UnsafePath(ValueError):
    """A stored path that would leave the run's output folder."""


def inside(root: Path, relative: str) -> Path:
    """``root / relative``, refusing anything that resolves outside ``root`` (stored paths are data)."""
    base = root.resolve()
    candidate = (base / relative).resolve()
    if candidate != base and base not in candidate.parents:
        raise UnsafePath(f"{relative!r} is outside {base}")
    return candidate


@dataclass(frozen=True)
class ArchivedRecord:
    record_id: str
    record_type: str
    target_uri: str | None
    content_type: str
    payload: bytes

    @property
    def is_html(self) -> bool:
        return "html" in self.content_type.lower()


def read_records(warc: Path, record_ids: Iterable[str], data_dir: Path | None = None) -> dict[str, ArchivedRecord]:
    """The records of ``warc`` whose WARC-Record-ID is wanted, payloads decoded (chunking, gzip). A
    ``revisit`` record carries the payload of the original capture it names (found under
    ``data_dir``, the output folder the records' file names are relative to)."""
    wanted = set(record_ids)
    found: dict[str, ArchivedRecord] = {}
    if not wanted:
        return found
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream):
            record_id = record.rec_headers.get_header("WARC-Record-ID")
            if record_id not in wanted:
                continue
            http = record.http_headers
            payload = record.content_stream().read()
            original = revisit_original(record) if data_dir is not None else None
            read = read_original(data_dir, original) if data_dir is not None and original is not None else None
            if read is not None:
                http, payload = read[0], decoded_body(read[0], read[1])
            content_type = (http.get_header("Content-Type") if http else None) or record.rec_headers.get_header(
                "Content-Type", "application/octet-stream"
            )
            found[record_id] = ArchivedRecord(
                record_id=record_id,
                record_type=record.rec_type,
                target_uri=record.rec_headers.get_header("WARC-Target-URI"),
                content_type=content_type,
                payload=payload,
            )
            if len(found) == len(wanted):
                break
    return found


def sandboxed_copy(record: ArchivedRecord) -> tuple[bytes, str]:
    """The bytes to put in the site and their suffix: HTML behind a no-script CSP, the rest as text."""
    if not record.is_html:
        return record.payload, ".txt"
    payload = record.payload
    # The policy goes right after a doctype (keeping standards mode) or first of all; either way the
    # parser puts it in <head> before any of the archived markup.
    match = _DOCTYPE.match(payload)
    if match:
        return payload[: match.end()] + b"\n" + CSP_META + payload[match.end() :], ".html"
    return CSP_META + payload, ".html"


def write_subset(sources: dict[Path, set[str]], out: Path, data_dir: Path | None = None) -> list[str]:
    """A gzip WARC holding exactly the wanted records, copied as they are (headers, payload, digests),
    each followed by the request records made with it (``WARC-Concurrent-To``: the request line,
    headers and body, a POST's query included, that asked for the response).

    A wanted ``revisit`` record brings the original capture it names (from under ``data_dir``), so a
    reader of the subset resolves it by ``WARC-Refers-To`` without the run's other files.

    Returns the wanted record ids written, in the order written; ids not found are simply absent."""
    written: list[str] = []
    originals: list[OriginalCapture] = []
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as target:
        writer = WARCWriter(target, gzip=True)
        for source, wanted in sorted(sources.items()):
            with source.open("rb") as stream:
                # no_record_parse: the HTTP block is copied byte for byte, not re-serialised
                for record in ArchiveIterator(stream, no_record_parse=True):
                    headers = record.rec_headers
                    record_id = headers.get_header("WARC-Record-ID")
                    if record_id in wanted and record_id not in written:
                        writer.write_record(record)
                        written.append(record_id)
                        original = revisit_original(record)
                        if original is not None:
                            originals.append(original)
                    elif record.rec_type == "request" and headers.get_header("WARC-Concurrent-To") in written:
                        writer.write_record(record)
        copied: set[str] = set(written)
        for original in originals:
            if data_dir is None or original.record_id in copied:
                continue
            try:
                source = inside(data_dir, original.file)
            except UnsafePath:
                continue
            if not source.is_file():
                continue
            with source.open("rb") as stream:
                stream.seek(original.offset)
                for record in ArchiveIterator(stream, no_record_parse=True):
                    if record.rec_headers.get_header("WARC-Record-ID") == original.record_id:
                        writer.write_record(record)
                        copied.add(original.record_id)
                    break
    return written


def visit_records(records: Any) -> list[str]:
    """The WARC record ids of what the browser got on a measured visit (``metadata.records``: dicts
    on the measurement's own evidence row, ids on a finding's)."""
    if not isinstance(records, list):
        return []
    return [str(r["record_id"]) if isinstance(r, dict) else str(r) for r in records if isinstance(r, dict | str)]


def pack_body_archive(report: BodyReport, data_dir: Path, out: Path, title: str) -> dict[tuple[str, str], str]:
    """A WACZ at ``out`` of the WARC records the body's findings cite (a browser measurement's page with
    what the browser got: scripts, API answers), for ReplayWeb.page. Returns the archived address of each
    cited (WARC file, record id) packed; nothing is written when none is."""
    sources: dict[Path, set[str]] = {}
    keys: set[tuple[str, str]] = set()
    for finding in report.findings:
        for e in finding.evidence:
            if not (e.warc_file and e.warc_record_id) or e.is_image:
                continue
            try:
                path = inside(data_dir, e.warc_file)
            except UnsafePath:
                continue
            if path.is_file():
                sources.setdefault(path, set()).add(e.warc_record_id)
                keys.add((e.warc_file, e.warc_record_id))
                sources[path].update(visit_records(e.metadata.get("records")))
    if not sources:
        return {}
    with TemporaryDirectory() as tmp:
        warc = Path(tmp) / "data.warc.gz"
        written = set(write_subset(sources, warc, data_dir))
        targets = {r.record_id: r.target_uri for r in read_records(warc, written).values() if r.target_uri}
        cited = {key: targets[key[1]] for key in keys if key[1] in targets}
        if not cited:
            return {}
        pages = [{"url": url, "title": url} for url in sorted(set(cited.values()))]
        made = Path(tmp) / "archive.wacz"
        make_wacz(warc, pages, title, made)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(made, out)
    return cited
