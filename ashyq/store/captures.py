"""What an earlier run captured, as the next run's conditional requests need it, and revisit records
followed back to the capture they name.

A run's WARC (:mod:`ashyq.store.warc`) holds, per body, every exchange with its request. Indexed
by what was asked (method, URL, request body), each answer gives the validators the server sent
(``ETag``, ``Last-Modified``), the payload digest and where the full capture lives: for a
``response`` record itself, for a ``revisit`` the original it names. So a chain of unchanged nights
always points at the one full capture, never at a revisit of a revisit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders

from ashyq.store.warc import ORIGINAL_FILE_HEADER, ORIGINAL_OFFSET_HEADER, OriginalCapture, warc_path

# method, URL, sha256 of the request body, and the request headers a server chooses the answer by (the
# portals pick the language by a cookie or Accept-Language on one URL, a site sends phones elsewhere)
CaptureKey = tuple[str, str, str, str]
VARYING_HEADERS = ("Accept-Language", "Cookie", "User-Agent")


def capture_key(method: str, url: str, body: bytes = b"", varying: dict[str, str] | None = None) -> CaptureKey:
    chosen = "\n".join(f"{name}: {(varying or {}).get(name) or ''}" for name in VARYING_HEADERS)
    return (method.upper(), url, hashlib.sha256(body).hexdigest(), chosen)


@dataclass(frozen=True)
class PriorCapture:
    """The last answer an earlier run got to one request, and the full capture behind it."""

    original: OriginalCapture
    status: int
    etag: str | None
    last_modified: str | None


def _digest_hex(value: str | None) -> str | None:
    """``sha256:<base32>`` (how the archive writes payload digests) as hex; None for another algorithm."""
    import base64

    if not value or not value.startswith("sha256:"):
        return None
    try:
        return base64.b32decode(value.removeprefix("sha256:")).hex()
    except ValueError:
        return None


def revisit_original(record: ArcWarcRecord) -> OriginalCapture | None:
    """The full capture a ``revisit`` record names (None for any other record, or one that names none)."""
    headers = record.rec_headers
    if record.rec_type != "revisit":
        return None
    file, offset = headers.get_header(ORIGINAL_FILE_HEADER), headers.get_header(ORIGINAL_OFFSET_HEADER)
    record_id = headers.get_header("WARC-Refers-To")
    digest = _digest_hex(headers.get_header("WARC-Payload-Digest"))
    if not (file and offset and offset.isdigit() and record_id and digest):
        return None
    return OriginalCapture(
        file=file,
        record_id=record_id,
        offset=int(offset),
        url=headers.get_header("WARC-Refers-To-Target-URI") or headers.get_header("WARC-Target-URI") or "",
        date=headers.get_header("WARC-Refers-To-Date") or "",
        payload_sha256=digest,
    )


@contextmanager
def _records_from(out_dir: Path, original: OriginalCapture) -> Iterator[ArchiveIterator | None]:
    """The records of the file a capture names, from its offset on; None when the file is gone or
    lies outside the output folder."""
    base = out_dir.resolve()
    path = (base / original.file).resolve()
    if base not in path.parents or not path.is_file():
        yield None
        return
    with path.open("rb") as stream:
        stream.seek(original.offset)
        yield ArchiveIterator(stream)


def read_original(out_dir: Path, original: OriginalCapture) -> tuple[StatusAndHeaders, bytes] | None:
    """The HTTP head and the body as transferred (before any content decoding) of a full capture; None
    when its file or record is gone or is not the one named."""
    with _records_from(out_dir, original) as records:
        record = next(records, None) if records is not None else None
        if record is None or record.rec_headers.get_header("WARC-Record-ID") != original.record_id:
            return None
        if record.http_headers is None:
            return None
        return record.http_headers, record.raw_stream.read()


def read_request(out_dir: Path, original: OriginalCapture) -> tuple[str, list[tuple[str, str]], bytes] | None:
    """The request that got a full capture (its method, headers and body: the record the archive writes
    right after the answer, ``WARC-Concurrent-To`` it), so it can be asked again as it was; None when
    the file or either record is gone or not the one named."""
    with _records_from(out_dir, original) as records:
        answer = next(records, None) if records is not None else None
        if records is None or answer is None or answer.rec_headers.get_header("WARC-Record-ID") != original.record_id:
            return None
        answer.raw_stream.read()
        request = next(records, None)
        if (
            request is None
            or request.rec_type != "request"
            or request.rec_headers.get_header("WARC-Concurrent-To") != original.record_id
            or request.http_headers is None
        ):
            return None
        method = (request.http_headers.protocol or "GET").split(" ", 1)[0]
        return method, list(request.http_headers.headers), request.content_stream().read()


def index_captures(out_dir: Path, run_id: str, body_id: str) -> dict[CaptureKey, PriorCapture]:
    """Every answer of a run's crawl of one body that was not an error of the server's, by the request that
    got it (the last wins)."""
    path = warc_path(out_dir, run_id, body_id)
    if not path.is_file():
        return {}
    answers: dict[str, PriorCapture] = {}
    index: dict[CaptureKey, PriorCapture] = {}
    relative = str(path.relative_to(out_dir))
    with path.open("rb") as stream:
        iterator = ArchiveIterator(stream)
        for record in iterator:
            headers = record.rec_headers
            record_id = headers.get_header("WARC-Record-ID")
            if record.rec_type in ("response", "revisit") and record.http_headers is not None:
                http = record.http_headers
                status = int(http.get_statuscode() or 0)
                if record.rec_type == "response":
                    digest = _digest_hex(headers.get_header("WARC-Payload-Digest"))
                    # a server error or a rate limit says nothing about the content: asked whole next time
                    if status >= 500 or status == 429 or digest is None:
                        continue
                    original = OriginalCapture(
                        relative,
                        record_id,
                        iterator.get_record_offset(),
                        headers.get_header("WARC-Target-URI") or "",
                        headers.get_header("WARC-Date") or "",
                        digest,
                    )
                else:
                    found = revisit_original(record)
                    if found is None:
                        continue
                    original, status = found, 200
                answers[record_id] = PriorCapture(
                    original, status, http.get_header("ETag"), http.get_header("Last-Modified")
                )
            elif record.rec_type == "request":
                answer = answers.get(headers.get_header("WARC-Concurrent-To") or "")
                if answer is None or record.http_headers is None:
                    continue
                http = record.http_headers
                method = (http.protocol or "GET").split(" ", 1)[0]
                body = record.content_stream().read()
                varying = {name: http.get_header(name) or "" for name in VARYING_HEADERS}
                index[capture_key(method, headers.get_header("WARC-Target-URI") or "", body, varying)] = answer
    return index


def decoded_body(http: StatusAndHeaders, raw: bytes) -> bytes:
    """The body as a browser reads it: the transferred bytes with their ``Content-Encoding`` undone
    (what ``content_stream()`` gives for a record read whole)."""
    import gzip
    import zlib

    encoding = (http.get_header("Content-Encoding") or "").strip().lower()
    try:
        if encoding in ("gzip", "x-gzip"):
            return gzip.decompress(raw)
        if encoding == "deflate":
            try:
                return zlib.decompress(raw)
            except zlib.error:
                return zlib.decompress(raw, -zlib.MAX_WBITS)
        if encoding == "br":
            import brotli  # type: ignore[import-not-found,unused-ignore]

            return bytes(brotli.decompress(raw))
    except (OSError, zlib.error, ImportError, EOFError):
        return raw
    return raw
