"""The dashboard served on two origins: its own pages on one, the replayed archives on another.

A replayed page runs the archived site's scripts (ReplayWeb.page replays them as they ran). Served from
the dashboard's own origin, those scripts would share its storage (``localStorage``, cookies, the
service workers' scope) with the dashboard and anything else served there. So the archives get an
origin of their own, a second port. Each server answers only its part of the site and sends every
other path to the other server with a redirect:

* the **dashboard** (``index.html``, ``bodies/``, ``findings/``, screenshots) — ``replay/…`` and
  ``archive/…`` are redirected to the replay origin;
* the **replay** origin (``replay/…`` and the ``archive/<body>.wacz`` packages they read) — anything
  else, such as a replay page's link back to its body, is redirected to the dashboard.

Both listen on loopback unless told otherwise, serve only files inside the site folder, and list no
folder.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPLAY_PARTS = ("replay", "archive")  # the folders of the site that run or hold archived content


def is_replay_path(path: str) -> bool:
    first = urlsplit(path).path.lstrip("/").split("/", 1)[0]
    return first in REPLAY_PARTS


class _PartHandler(SimpleHTTPRequestHandler):
    """Serves one part of the site from its folder; the other part is the other origin's."""

    replay_part = False  # which part this origin serves
    other_origin = ""  # where the other part is (set per server)

    def send_head(self) -> Any:
        if is_replay_path(self.path) != self.replay_part:
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", self.other_origin + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        folder = Path(self.translate_path(self.path))
        if folder.is_dir() and not (folder / "index.html").is_file():
            self.send_error(HTTPStatus.NOT_FOUND, "no listing")
            return None
        return super().send_head()

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the command prints its own lines
        return


@dataclass
class ServedSite:
    dashboard: str  # http://host:port/ of the dashboard
    replay: str  # http://host:port/ of the replayed archives


def _server(site: Path, host: str, port: int, replay_part: bool) -> tuple[ThreadingHTTPServer, type[_PartHandler]]:
    handler = type("PartHandler", (_PartHandler,), {"replay_part": replay_part})
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(site)))
    server.daemon_threads = True
    return server, handler


def _origin(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    shown = f"[{host}]" if isinstance(host, str) and ":" in host else str(host)
    return f"http://{shown}:{port}"


@contextlib.contextmanager
def serve_site(site: Path, host: str = "127.0.0.1", port: int = 0, replay_port: int = 0) -> Iterator[ServedSite]:
    """Serve the dashboard folder ``site`` on ``port`` and its replays on ``replay_port`` (0: the system
    picks) until the block ends."""
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site} holds no dashboard (index.html): build it with `ashyq report dashboard`")
    dashboard, dashboard_handler = _server(site, host, port, replay_part=False)
    replay, replay_handler = _server(site, host, replay_port, replay_part=True)
    dashboard_handler.other_origin = _origin(replay)
    replay_handler.other_origin = _origin(dashboard)
    threads = [threading.Thread(target=s.serve_forever, daemon=True) for s in (dashboard, replay)]
    for thread in threads:
        thread.start()
    try:
        yield ServedSite(_origin(dashboard) + "/", _origin(replay) + "/")
    finally:
        for server in (dashboard, replay):
            server.shutdown()
            server.server_close()
