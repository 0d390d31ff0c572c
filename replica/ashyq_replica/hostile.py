"""The hostile web (``--faults hostile``): what a site the crawler does not control can do to reach
inside the auditor's network or its files, served by the Kostanay akimat's classic site and by the
gov.kz platform, and a *canary* that shows whether anything got through.

The canary is a loopback server the replica map does not name: nothing may ever connect to it.
It logs every connection it receives (:attr:`Canary.connections`, and a file when asked) and answers
``CANARY-`` text, so a fetch that reached it would also show in an archive.

On the hostile hosts (:data:`HOSTILE_HOSTS`) every HTML page carries a block (:func:`hostile_block`)
with links, images, scripts, a stylesheet and WebSockets that point at the canary, at the cloud
metadata address 169.254.169.254 and at local files, directly and through redirects; robots.txt
lists a ``file:`` sitemap and a sitemap index whose nested ``<loc>`` entries are ``file:``, loopback
and the canary. The routes under ``/hostile/``:

* ``to-loopback``, ``to-metadata``, ``to-file``, ``to-mapped`` (``[::ffff:127.0.0.1]``),
  ``to-rebind`` (a name a test's resolver answers with a public address first and loopback second):
  a page that redirects there; ``img-*.png`` and ``script-*.js`` the same for an image and a script;
  ``ws`` a WebSocket handshake answered with a redirect to the canary;
* ``refresh-private`` and ``refresh-loopback``: a meta refresh to 10.0.0.5 and to the canary;
* ``page``: a page with a hostile title (markup, a spreadsheet formula, control characters) and
  formula text (``=1+2*3``, ``@SUM(…)``, ``+…``, ``-…``) in its text and link labels;
* ``sitemap.xml`` and ``sitemap-pages.xml``: the nested sitemaps.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from aiohttp import web

from ashyq_replica.core import GOVKZ_HOST

HOSTILE_HOSTS = ("www.kostanay.gov.kz", GOVKZ_HOST)
METADATA = "http://169.254.169.254/latest/meta-data/"
PRIVATE = "http://10.0.0.5/"
LOCAL_FILE = "file:///etc/hostname"
REBINDING_HOST = "rebind.attacker.kz"
CANARY_TEXT = "CANARY-SECRET-do-not-archive"
HOSTILE_TITLE = '=HYPERLINK("http://evil.example/","x") <script>alert("title")</script>\x07\x1b[2J\x0b'
FORMULAS = ("=1+2*3", "@SUM(1+1)*cmd|' /C calc'!A0", "+7 (7172) 74-00-00", "-2+3", "=cmd|' /C notepad'!A1")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class CanaryHit:
    at: datetime
    peer: str
    first_line: str


class Canary:
    """A loopback server no fetch path may reach; it logs every connection (127.0.0.1 and ::1)."""

    def __init__(self, log_path: Path | None = None) -> None:
        self.log_path = log_path
        self.connections: list[CanaryHit] = []
        self.datagrams: list[CanaryHit] = []  # UDP on the same port (a page's STUN/TURN, say)
        self.port = 0
        self._servers: list[asyncio.base_events.Server] = []
        self._udp: list[asyncio.DatagramTransport] = []

    @property
    def watches_udp(self) -> bool:
        """Whether UDP on its port is watched too (the port number may be taken for UDP elsewhere)."""
        return bool(self._udp)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        first = await asyncio.start_server(self._hit, host, port)
        self._servers.append(first)
        self.port = int(first.sockets[0].getsockname()[1])
        with contextlib.suppress(OSError):  # the UDP port taken by something else: TCP still stands
            udp, _ = await asyncio.get_running_loop().create_datagram_endpoint(
                lambda: _Datagrams(self), local_addr=(host, self.port)
            )
            self._udp.append(udp)
        if host == "127.0.0.1":
            with contextlib.suppress(OSError):  # no IPv6 loopback here: the IPv4 canary still stands
                self._servers.append(await asyncio.start_server(self._hit, "::1", self.port))

    async def stop(self) -> None:
        for server in self._servers:
            server.close()
        self._servers = []
        for udp in self._udp:
            udp.close()
        self._udp = []

    async def _hit(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        try:
            line = await asyncio.wait_for(reader.readline(), 2.0)
        except (TimeoutError, ConnectionError):
            line = b""
        hit = CanaryHit(datetime.now(UTC), str(peer), line.decode("latin-1").strip()[:200])
        self.connections.append(hit)
        if self.log_path is not None:
            with self.log_path.open("a", encoding="utf-8") as log:
                log.write(f"{hit.at.isoformat()} {hit.peer} {hit.first_line}\n")
        body = CANARY_TEXT.encode()
        with contextlib.suppress(ConnectionError):
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n")
            writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
            await writer.drain()
        writer.close()


class _Datagrams(asyncio.DatagramProtocol):
    def __init__(self, canary: Canary) -> None:
        self.canary = canary

    def datagram_received(self, data: bytes, addr: tuple[str, int]) -> None:
        self.canary.datagrams.append(CanaryHit(datetime.now(UTC), str(addr), f"udp {len(data)} bytes"))


def hostile_block(host: str, canary: int) -> str:
    """What every HTML page of a hostile host carries (before ``</body>``)."""
    c = f"127.0.0.1:{canary}"
    links = [
        ("/hostile/page", FORMULAS[0]),
        ("/hostile/to-loopback", "Архив"),
        ("/hostile/to-metadata", "Метаданные"),
        ("/hostile/to-file", "Файл"),
        ("/hostile/to-mapped", "Зеркало"),
        ("/hostile/to-rebind", "Партнёр"),
        ("/hostile/refresh-private", "Обновление"),
        ("/hostile/refresh-loopback", "Обновление 2"),
        (f"http://{c}/direct", FORMULAS[1]),
        (METADATA, "meta"),
        (LOCAL_FILE, "hostname"),
        (f"http://{REBINDING_HOST}:{canary}/direct", "rebind"),
        (f"http://[::ffff:127.0.0.1]:{canary}/mapped-direct", "mapped"),
        (f"http://2130706433:{canary}/decimal", "decimal"),
        (f"ftp://{c}/file", "ftp"),
        (f"gopher://{c}/_x", "gopher"),
    ]
    anchors = "".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>' for href, text in links)
    sockets = [f"ws://{c}/ws", "ws://169.254.169.254/ws", f"wss://{host}/hostile/ws"]
    return (
        '<div id="hostile-web" hidden><ul>'
        + anchors
        + "</ul>"
        + f'<img src="http://{c}/direct.png" alt="" width="1" height="1">'
        + '<img src="/hostile/img-loopback.png" alt="" width="1" height="1">'
        + '<img src="/hostile/img-metadata.png" alt="" width="1" height="1">'
        + f'<img src="{METADATA}image.png" alt="" width="1" height="1">'
        + f'<link rel="stylesheet" href="http://{c}/style.css">'
        + '<script src="/hostile/script-loopback.js"></script>'
        + '<script src="/hostile/script-metadata.js"></script>'
        + "<script>(function(){"
        + "".join(f"try{{new WebSocket({_js(u)})}}catch(e){{}}" for u in sockets)
        + _webrtc(c)
        + "})();</script></div>"
    )


def _webrtc(canary: str) -> str:
    """A peer connection asking the canary (UDP and TCP, the same port) as its STUN and TURN server."""
    servers = (
        f"[{{urls:{_js('stun:' + canary)}}},{{urls:[{_js('turn:' + canary + '?transport=udp')},"
        f'{_js("turn:" + canary + "?transport=tcp")}],username:"u",credential:"c"}}]'
    )
    return (
        f"try{{var pc=new RTCPeerConnection({{iceServers:{servers}}});pc.createDataChannel('x');"
        "pc.createOffer().then(function(o){return pc.setLocalDescription(o)});}catch(e){}"
    )


def _js(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _page(title: str, body: str, head: str = "") -> web.Response:
    return web.Response(
        text=f'<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body><h1>{title}</h1>{body}</body></html>",
        content_type="text/html",
        charset="utf-8",
    )


def _redirect(location: str) -> web.Response:
    return web.Response(status=302, headers={"Location": location})


def _routes(host: str, canary: int) -> dict[str, Callable[[], web.Response]]:
    c = f"127.0.0.1:{canary}"
    formulas = "".join(f"<p>{escape(f)}</p>" for f in FORMULAS)
    pages_sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>file:///etc/passwd</loc></url><url><loc>http://{c}/from-sitemap</loc></url>"
        f"<url><loc>https://{host}/hostile/page</loc></url><url><loc>https://{host}/hostile/to-loopback</loc></url>"
        "</urlset>"
    )
    index = (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{LOCAL_FILE}</loc></sitemap><sitemap><loc>file:///proc/self/environ</loc></sitemap>"
        f"<sitemap><loc>http://{c}/sitemap.xml</loc></sitemap><sitemap><loc>{METADATA}sitemap.xml</loc></sitemap>"
        f"<sitemap><loc>https://{host}/hostile/sitemap-pages.xml</loc></sitemap></sitemapindex>"
    )
    return {
        "/hostile/page": lambda: _page(
            escape(HOSTILE_TITLE),
            formulas
            + "<p>Управляющие символы: \x00\x07\x1b[31m\x0b\x0c конец.</p>"
            + "".join(f'<a href="/ru/">{escape(f)}</a> ' for f in FORMULAS),
        ),
        "/hostile/to-loopback": lambda: _redirect(f"http://{c}/redirected"),
        "/hostile/to-metadata": lambda: _redirect(METADATA),
        "/hostile/to-file": lambda: _redirect(LOCAL_FILE),
        "/hostile/to-mapped": lambda: _redirect(f"http://[::ffff:127.0.0.1]:{canary}/mapped"),
        "/hostile/to-rebind": lambda: _redirect(f"http://{REBINDING_HOST}:{canary}/rebound"),
        "/hostile/img-loopback.png": lambda: _redirect(f"http://{c}/image.png"),
        "/hostile/img-metadata.png": lambda: _redirect(f"{METADATA}image.png"),
        "/hostile/script-loopback.js": lambda: _redirect(f"http://{c}/script.js"),
        "/hostile/script-metadata.js": lambda: _redirect(f"{METADATA}script.js"),
        "/hostile/ws": lambda: _redirect(f"ws://{c}/ws"),
        "/hostile/refresh-private": lambda: _page(
            "Переадресация", "<p>Подождите…</p>", f'<meta http-equiv="refresh" content="0;url={PRIVATE}">'
        ),
        "/hostile/refresh-loopback": lambda: _page(
            "Переадресация", "<p>Подождите…</p>", f'<meta http-equiv="refresh" content="0;url=http://{c}/refresh">'
        ),
        "/hostile/sitemap.xml": lambda: web.Response(text=index, content_type="application/xml"),
        "/hostile/sitemap-pages.xml": lambda: web.Response(text=pages_sitemap, content_type="application/xml"),
    }


def middleware(host: str, canary: int) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    """The hostile behaviour of one host: its ``/hostile/`` routes, its robots.txt, the block on its pages."""
    routes = _routes(host, canary)
    block = hostile_block(host, canary).encode("utf-8")

    @web.middleware
    async def hostile(request: web.Request, handler: Handler) -> web.StreamResponse:
        route = routes.get(request.path)
        response = route() if route is not None else await handler(request)
        if request.path == "/robots.txt" and isinstance(response, web.Response) and response.status == 200:
            listed = f"Sitemap: {LOCAL_FILE}\nSitemap: https://{host}/hostile/sitemap.xml\n"
            return web.Response(text=listed + (response.text or ""), content_type="text/plain")
        if isinstance(response, web.Response) and response.content_type == "text/html" and response.body:
            body = bytes(response.body)  # type: ignore[arg-type]
            if b"</body>" in body:
                response.body = body.replace(b"</body>", block + b"</body>", 1)
            # a cookie for the whole public suffix: the crawl must tell it is one without asking anyone
            response.headers.add("Set-Cookie", "hostile=1; Domain=kz; Path=/")
            response.headers.add("Set-Cookie", f"hostile-site=1; Domain={host}; Path=/")
        return response

    return hostile
