"""The replica's access log: one line per request a host answers, with the user agent that asked.

A reviewer — or a test — reads it to see who the auditor said it was on every request, whichever
client sent it (the crawl, the declared-link check, Chromium). Lines are tab-separated:
``host  method  path?query  user-agent``.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_lock = threading.Lock()


def middleware(path: Path, host: str) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    @web.middleware
    async def log(request: web.Request, handler: Handler) -> web.StreamResponse:
        agent = " ".join(request.headers.get("User-Agent", "").split())
        line = f"{host}\t{request.method}\t{request.path_qs}\t{agent}\n"
        with _lock, path.open("a", encoding="utf-8") as handle:
            handle.write(line)
        return await handler(request)

    return log


def read(path: Path) -> list[tuple[str, str, str, str]]:
    """The logged requests: (host, method, path?query, user agent)."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        host, method, target, agent = [*line.split("\t"), "", "", ""][:4]
        out.append((host, method, target, agent))
    return out
