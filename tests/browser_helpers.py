"""What the gather's browser tests share: a local server of fixed pages (bound to port 0) and an archive
that keeps the addresses it was given."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@contextlib.contextmanager
def served_pages(site: dict[str, str]) -> Iterator[str]:
    """Serve ``site`` (path → HTML; another path answers 404) on a free local port; yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            html = site.get(self.path.split("?", 1)[0])
            body = (html or "not found").encode()
            self.send_response(200 if html else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@dataclass(frozen=True)
class Written:
    file: str
    record_id: str
    offset: int
    payload_sha256: str


@dataclass
class Sink:
    """An archive that keeps the addresses of what it was given."""

    name: str = "test.warc"
    urls: list[str] = field(default_factory=list)

    def write_exchange(self, *, url: str, body: bytes, **_: Any) -> Written:
        self.urls.append(url)
        record = f"<urn:uuid:{self.name}-{len(self.urls)}>"
        return Written(self.name, record, len(self.urls), hashlib.sha256(body).hexdigest())
