"""The run's archive: one gzip WARC (ISO 28500) per run and body, written with warcio.

``<out>/runs/<run_id>/warc/<body_id>.warc.gz`` holds every HTTP exchange of that body's crawl
(request records with the body as sent, a POST's query included, and response records;
WARC-Target-URI always the real URL), every exchange the browser measurements made (the same pair
of records, written by :mod:`ashyq.net.capture` through :meth:`WarcArchive.write_exchange`) and
whatever the render step adds: the rendered DOM as a ``conversion`` of the response it came from, screenshots as
``resource`` records (:func:`write_resource`).

Payload digests are SHA-256 (``sha256:<base32>`` in the record, hex on the item), so the
``content_sha256`` the store keeps for a page can be checked against the archive byte for byte.
Each record is its own gzip member, so its file offset is a stable address for evidence.
"""

from __future__ import annotations

import base64
import hashlib
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ashyq import __version__

# Transfer-Encoding is undone before we see the body; a reader must not try to undo it again.
_TRANSFER_HEADERS = {"transfer-encoding"}


@dataclass(frozen=True)
class WarcRef:
    """Where a record lives: enough to cite it as evidence and to verify it."""

    file: str  # relative to the output folder: runs/<run_id>/warc/<body_id>.warc.gz
    record_id: str
    offset: int
    payload_sha256: str  # hex


REVISIT_PROFILE_BASE = "http://netpreserve.org/warc/1.1/revisit/"
# Where a revisit's original lives (relative to the output folder, and its offset there): named so
# a reader goes straight to it; the standard WARC-Refers-To fields say the same by id, URI and date.
ORIGINAL_FILE_HEADER = "WARC-X-Refers-To-File"
ORIGINAL_OFFSET_HEADER = "WARC-X-Refers-To-Offset"


@dataclass(frozen=True)
class OriginalCapture:
    """A full capture (a ``response`` record) that later revisits point at."""

    file: str  # relative to the output folder
    record_id: str
    offset: int
    url: str
    date: str  # its WARC-Date
    payload_sha256: str  # hex


def warc_path(out_dir: str | Path, run_id: str, body_id: str) -> Path:
    return Path(out_dir) / "runs" / run_id / "warc" / f"{body_id}.warc.gz"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def warc_digest(hex_digest: str) -> str:
    """``sha256:<BASE32>``, the form WARC readers (warcio check) verify."""
    return "sha256:" + base64.b32encode(bytes.fromhex(hex_digest)).decode("ascii")


def _answer_headers(
    status: int, reason: str | None, protocol: str | None, headers: list[tuple[str, str]]
) -> StatusAndHeaders:
    """An answer's HTTP headers as archived: the transfer headers renamed (the body is kept decoded)."""
    kept = [(n if n.lower() not in _TRANSFER_HEADERS else f"X-Archive-Orig-{n}", v) for n, v in headers]
    return StatusAndHeaders(_status_line(status, reason), kept, protocol=protocol or "HTTP/1.1")


def _status_line(status: int, reason: str | None) -> str:
    return f"{status} {reason or 'Unknown'}"


class WarcArchive:
    """One open WARC file. Shared by every component of the process that archives for the body."""

    def __init__(self, out_dir: str | Path, run_id: str, body_id: str) -> None:
        self.out_dir = Path(out_dir)
        self.path = warc_path(out_dir, run_id, body_id)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not self.path.exists() or self.path.stat().st_size == 0
        # Append: a second process (a re-render, a resumed run) adds to the same file.
        self._file = open(self.path, "ab")  # noqa: SIM115 - lives as long as the crawl
        self._writer = WARCWriter(self._file, gzip=True)
        self._lock = threading.Lock()
        self.relative = str(self.path.relative_to(self.out_dir))
        if fresh:
            info = {
                "software": f"ashyq/{__version__} (warcio)",
                "format": "WARC File Format 1.1",
                "ashyq-run-id": run_id,
                "ashyq-body-id": body_id,
            }
            self._writer.write_record(self._writer.create_warcinfo_record(self.path.name, info))
            self._file.flush()

    def write_exchange(
        self,
        *,
        url: str,
        method: str,
        request_headers: list[tuple[str, str]],
        status: int,
        reason: str | None,
        protocol: str | None,
        response_headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: datetime | None = None,
        request_body: bytes = b"",
        truncated: str | None = None,
    ) -> WarcRef:
        """A response record and the request record that asked for it (with its body: a POST's query
        or form is what makes the record re-askable). ``truncated``: why the body is not all there
        (``WARC-Truncated``), e.g. the browser no longer held it."""
        digest = sha256_hex(body)
        date = _warc_date(fetched_at)
        http = _answer_headers(status, reason, protocol, response_headers)
        response = self._writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict={
                "WARC-Payload-Digest": warc_digest(digest),
                "WARC-Date": date,
                **({"WARC-Truncated": truncated} if truncated else {}),
            },
        )
        record_id, offset = self._write_with_request(response, url, method, request_headers, request_body, date)
        return WarcRef(self.relative, record_id, offset, digest)

    def write_resource(
        self,
        uri: str,
        content: bytes,
        content_type: str,
        *,
        kind: Literal["resource", "conversion"] = "resource",
        refers_to: str | None = None,
        captured_at: datetime | None = None,
    ) -> WarcRef:
        """A rendered DOM (``conversion`` of the response ``refers_to``) or a screenshot (``resource``)."""
        digest = sha256_hex(content)
        headers = {"WARC-Payload-Digest": warc_digest(digest), "WARC-Date": _warc_date(captured_at)}
        if refers_to:
            headers["WARC-Refers-To"] = refers_to
        record = self._writer.create_warc_record(
            uri,
            kind,
            payload=BytesIO(content),
            length=len(content),
            warc_content_type=content_type,
            warc_headers_dict=headers,
        )
        with self._lock:
            offset = self._file.tell()
            self._writer.write_record(record)
            self._file.flush()
        return WarcRef(self.relative, record.rec_headers.get_header("WARC-Record-ID"), offset, digest)

    def write_revisit(
        self,
        *,
        url: str,
        method: str,
        request_headers: list[tuple[str, str]],
        original: OriginalCapture,
        profile: Literal["server-not-modified", "identical-payload-digest"],
        status: int,
        reason: str | None,
        protocol: str | None,
        response_headers: list[tuple[str, str]],
        fetched_at: datetime | None = None,
        request_body: bytes = b"",
    ) -> WarcRef:
        """A ``revisit`` record (and its request): the URL was asked again and answered ``304`` or the
        same bytes; the payload is the original capture's, which the record names (WARC 1.1 §6.7).

        The HTTP headers of this answer are kept; the body is not. Besides the standard
        ``WARC-Refers-To*`` fields, the original's file (relative to the output folder) and offset are
        named, so a reader finds it without scanning (:func:`read_original`)."""
        date = _warc_date(fetched_at)
        http = _answer_headers(status, reason, protocol, response_headers)
        revisit = self._writer.create_warc_record(
            url,
            "revisit",
            payload=BytesIO(b""),
            length=0,
            http_headers=http,
            warc_headers_dict={
                "WARC-Profile": f"{REVISIT_PROFILE_BASE}{profile}",
                "WARC-Refers-To": original.record_id,
                "WARC-Refers-To-Target-URI": original.url,
                "WARC-Refers-To-Date": original.date,
                "WARC-Payload-Digest": warc_digest(original.payload_sha256),
                "WARC-Date": date,
                ORIGINAL_FILE_HEADER: original.file,
                ORIGINAL_OFFSET_HEADER: str(original.offset),
            },
        )
        record_id, offset = self._write_with_request(revisit, url, method, request_headers, request_body, date)
        return WarcRef(self.relative, record_id, offset, original.payload_sha256)

    def _write_with_request(
        self,
        answer: Any,
        url: str,
        method: str,
        request_headers: list[tuple[str, str]],
        request_body: bytes,
        date: str,
    ) -> tuple[str, int]:
        """Write ``answer`` (a response or revisit record) and the request record that asked for it,
        together; the answer's record id and offset."""
        record_id = answer.rec_headers.get_header("WARC-Record-ID")
        request_http = StatusAndHeaders(_request_line(method, url), request_headers, is_http_request=True)
        request = self._writer.create_warc_record(
            url,
            "request",
            payload=BytesIO(request_body),
            length=len(request_body),
            http_headers=request_http,
            warc_headers_dict={"WARC-Concurrent-To": record_id, "WARC-Date": date},
        )
        with self._lock:
            offset = self._file.tell()
            self._writer.write_record(answer)
            self._writer.write_record(request)
            self._file.flush()
        return record_id, offset

    def close(self) -> None:
        with self._lock:
            if not self._file.closed:
                self._file.close()


def _warc_date(moment: datetime | None) -> str:
    return (moment or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _request_line(method: str, url: str) -> str:
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return f"{method} {target} HTTP/1.1"


_open: dict[Path, WarcArchive] = {}
_users: dict[Path, int] = {}
_open_lock = threading.Lock()


def archive_for(out_dir: str | Path, run_id: str, body_id: str) -> WarcArchive:
    """The process's open archive for a run and body (opened, or reopened to append, on first use)."""
    path = warc_path(out_dir, run_id, body_id).resolve()
    with _open_lock:
        archive = _open.get(path)
        if archive is None or archive._file.closed:
            archive = WarcArchive(out_dir, run_id, body_id)
            _open[path] = archive
        return archive


def acquire_archive(out_dir: str | Path, run_id: str, body_id: str) -> WarcArchive:
    """Open the archive for a crawl; several crawls of one body share it until the last releases it."""
    archive = archive_for(out_dir, run_id, body_id)
    with _open_lock:
        _users[archive.path.resolve()] = _users.get(archive.path.resolve(), 0) + 1
    return archive


def release_archive(out_dir: str | Path, run_id: str, body_id: str) -> None:
    path = warc_path(out_dir, run_id, body_id).resolve()
    with _open_lock:
        left = _users.get(path, 1) - 1
        _users[path] = max(left, 0)
        archive = _open.pop(path, None) if left <= 0 else None
    if archive is not None:
        archive.close()


def write_resource(
    out_dir: str | Path, run_id: str, body_id: str, uri: str, content: bytes, content_type: str, **record: Any
) -> WarcRef:
    """Add a rendered DOM or a screenshot to the body's archive of the run.

    For a DOM use ``kind="conversion"``, ``content_type="text/html; charset=utf-8"`` and
    ``refers_to`` the response record id of the page (``PageItem.warc_record_id``); for a
    screenshot ``kind="resource"`` and ``content_type="image/png"``.
    """
    return archive_for(out_dir, run_id, body_id).write_resource(uri, content, content_type, **record)
