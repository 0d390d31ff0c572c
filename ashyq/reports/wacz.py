"""WACZ packages (the web-archive community's format, 1.1.1) made with the ``wacz`` library.

:func:`make_wacz` turns one WARC into a package: the WARC (stored, not deflated), its CDXJ index
(``indexes/index.cdx.gz`` + ``index.idx``), ``pages/pages.jsonl`` and ``datapackage.json`` with the
sha256 of every member. The evidence package (bundle.py) adds the run's evidence beside it and
signs it; the dashboard ships it for offline replay with ReplayWeb.page (dashboard.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import zipfile
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

PAGES = "pages/pages.jsonl"
PAGES_HEADER = {"format": "json-pages-1.0", "id": "pages"}


def html_pages(warc: Path) -> list[dict[str, str]]:
    """The HTML responses of ``warc`` as pages.jsonl entries (url, title)."""
    pages: list[dict[str, str]] = []
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream):
            http = record.http_headers
            content_type = (http.get_header("Content-Type") or "") if http else ""
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response" and uri and "html" in content_type.lower():
                pages.append({"url": uri, "title": uri})
    return pages


def make_wacz(warc: Path, pages: list[dict[str, str]], title: str, out: Path) -> None:
    """Write the WACZ of ``warc`` to ``out`` (its name inside is ``archive/<warc's name>``)."""
    from wacz.main import main as wacz_main  # imported here: it pulls in frictionless, slow to load

    header = {**PAGES_HEADER, "title": title}
    listing = out.with_name(out.name + ".pages.jsonl")
    listing.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in [header, *pages]), encoding="utf-8"
    )
    args = ["create", "-o", str(out), str(warc), "--hash-type", "sha256", "--title", title]
    if pages:
        args += ["-p", str(listing)]
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the library reports progress on stdout
            wacz_main(args)
    finally:
        listing.unlink()
    with zipfile.ZipFile(out) as made:
        if PAGES in made.namelist():
            return
        package = json.loads(made.read("datapackage.json"))
    # no page matched: the list is still required; add it with its hash, and the datapackage's digest
    data = (json.dumps(header, ensure_ascii=False) + "\n").encode("utf-8")
    package["resources"].append(
        {"name": "pages.jsonl", "path": PAGES, "hash": f"sha256:{hashlib.sha256(data).hexdigest()}", "bytes": len(data)}
    )
    rewritten = out.with_name(out.name + ".tmp")
    with zipfile.ZipFile(out) as made, zipfile.ZipFile(rewritten, "w") as archive:
        for info in made.infolist():
            if info.filename not in ("datapackage.json", "datapackage-digest.json"):
                archive.writestr(info, made.read(info))
        archive.writestr(PAGES, data, compress_type=zipfile.ZIP_DEFLATED)
        package_bytes = json.dumps(package, indent=2).encode("utf-8")
        digest = {"path": "datapackage.json", "hash": f"sha256:{hashlib.sha256(package_bytes).hexdigest()}"}
        archive.writestr("datapackage.json", package_bytes, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("datapackage-digest.json", json.dumps(digest, indent=2), compress_type=zipfile.ZIP_DEFLATED)
    rewritten.replace(out)
