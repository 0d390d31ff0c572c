"""The browser's only way out: a small local HTTP proxy that applies the egress policy to everything
Chromium asks for - navigations, every redirect hop, subresources, WebSockets, meta refreshes.

Chromium is launched with ``--proxy-server`` pointing here and ``--proxy-bypass-list=<-loopback>``
(loopback is proxied too, so a page cannot reach ``127.0.0.1`` around the check). Plain ``http``
requests arrive with their absolute URL; ``https`` and WebSockets arrive as ``CONNECT host:port``
tunnels. For each, the proxy resolves the host once, checks every address
(:class:`~ashyq.net.egress.EgressPolicy`) and connects to a checked one, or refuses: a tunnel gets
``403`` (Chromium reports ``ERR_TUNNEL_CONNECTION_FAILED``), a plain request a closed connection
(``ERR_EMPTY_RESPONSE``) - never a page of the proxy's own that could be taken for the site's.
Every refusal is kept (:attr:`EgressProxy.refusals`) for the caller to record as a fetch failure,
and every upstream connection (:attr:`EgressProxy.upstream`) for a reviewer.

Replica mode: a request for a mapped real host goes to its served loopback address. An ``https``
host is served over plain HTTP by the replica, so its tunnel is terminated here with a certificate
made for the mapped names at start (Chromium is told to accept that one key only, see
:mod:`ashyq.net.browser`); the request inside is forwarded and a ``Location`` naming a served address
is rewritten to the real one. Each exchange gets ``Connection: close``: one request per connection
keeps the relay a byte pipe after the headers.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import hashlib
import os
import shutil
import ssl
import tempfile
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import urljoin, urlsplit

from ashyq.net.budget import HostBudget
from ashyq.net.egress import EgressPolicy, Refusal, target_of
from ashyq.net.urlmap import BaseUrlMap, served_endpoint

MAX_HEAD = 64 * 1024
HOP_HEADERS = frozenset({"connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer"})


@dataclass(frozen=True)
class ProxyRefusal:
    url: str  # the URL the browser asked for; for a tunnel, its host and port as a URL
    reason: str
    detail: str
    tunnel: bool = False  # a CONNECT (https or a WebSocket): only the host and port are known


class _Head:
    """A request or response head: its first line and its headers, in order."""

    def __init__(self, first: str, headers: list[tuple[str, str]]) -> None:
        self.first = first
        self.headers = headers

    def get(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)

    def encode(self) -> bytes:
        lines = [self.first, *(f"{k}: {v}" for k, v in self.headers)]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def _read_head(reader: asyncio.StreamReader, timeout: float) -> _Head | None:
    try:
        raw = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ConnectionError):
        return None
    lines = raw.decode("latin-1").split("\r\n")
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        if ":" in line:
            key, _, value = line.partition(":")
            headers.append((key.strip(), value.strip()))
    return _Head(lines[0], headers)


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, timeout: float) -> None:
    try:
        while chunk := await asyncio.wait_for(reader.read(65536), timeout):
            writer.write(chunk)
            await writer.drain()
    except (ConnectionError, TimeoutError, asyncio.IncompleteReadError, ssl.SSLError):
        pass
    finally:
        with contextlib.suppress(Exception):
            if writer.can_write_eof():
                writer.write_eof()


# Chromium's own services (updates, sign-in, sync, autofill, safe browsing, optimisation hints,
# component downloads): the managed policy turns them off, and the proxy refuses them in every mode, so a
# browser whose policy is missing still sends nothing of the audited pages (autofill would send
# signatures of their forms) to them.
BROWSER_SERVICES = frozenset(
    {
        "update.googleapis.com", "accounts.google.com", "content-autofill.googleapis.com",
        "clients1.google.com", "clients2.google.com", "clients4.google.com", "clientservices.googleapis.com",
        "optimizationguide-pa.googleapis.com", "safebrowsing.googleapis.com",
        "safebrowsingohttpgateway.googleapis.com", "chromesyncpasswords-pa.googleapis.com",
        "android.clients.google.com", "redirector.gvt1.com", "edgedl.me.gvt1.com",
    }
)  # fmt: skip


def browser_service(host: str) -> bool:
    """Whether ``host`` is one of the browser's own background services (never an audited page's)."""
    name = host.strip("[]").rstrip(".").lower()
    return name in BROWSER_SERVICES or name.endswith((".gvt1.com", ".gvt2.com"))


class EgressProxy:
    """The proxy, served from a thread of its own on 127.0.0.1 (port chosen by the system), and on a
    Unix socket in a private folder (:attr:`socket_path`): the door a browser in a network namespace
    of its own reaches it by (:mod:`ashyq.net.jail`)."""

    def __init__(
        self,
        policy: EgressPolicy,
        url_map: BaseUrlMap | None = None,
        idle_timeout: float = 60.0,
        budget: HostBudget | None = None,
    ) -> None:
        self.policy = policy
        # the politeness budget per host: each exchange the proxy sees holds a slot of its host; an
        # https tunnel to a real host (its requests are encrypted) counts once, when it is opened
        self.budget = budget
        self.url_map = url_map or BaseUrlMap()
        self.idle_timeout = idle_timeout
        self.refusals: list[ProxyRefusal] = []
        self.upstream: list[tuple[str, int]] = []
        self.port = 0
        self.socket_path = ""
        self.tls_spki: str | None = None  # base64 SHA-256 of the interception key (replica https)
        self._tls: ssl.SSLContext | None = None
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, name="ashyq-egress-proxy", daemon=True)
        self._ready = threading.Event()
        self._server: asyncio.base_events.Server | None = None
        self._unix: asyncio.base_events.Server | None = None
        self._error: BaseException | None = None

    # ── life ────────────────────────────────────────────────────────────────────────────────
    @property
    def server(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> EgressProxy:
        https_hosts = sorted(
            urlsplit(real).hostname or ""
            for real, served in self.url_map.mapping.items()
            if real.startswith("https://") and served.startswith("http://")
        )
        if https_hosts:
            self._tls, self.tls_spki = _interception_context(https_hosts)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the egress proxy did not start")
        if self._error is not None:
            raise RuntimeError("the egress proxy failed to start") from self._error
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
        if self.socket_path:
            shutil.rmtree(os.path.dirname(self.socket_path), ignore_errors=True)

    def __enter__(self) -> EgressProxy:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    def refusals_since(self, mark: int) -> list[ProxyRefusal]:
        return list(self.refusals[mark:])

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._server = self._loop.run_until_complete(
                asyncio.start_server(self._client, "127.0.0.1", 0, limit=MAX_HEAD)
            )
            self.port = int(self._server.sockets[0].getsockname()[1])
            path = os.path.join(tempfile.mkdtemp(prefix="ashyq-proxy-"), "proxy.sock")  # the folder is 0700
            self._unix = self._loop.run_until_complete(asyncio.start_unix_server(self._client, path, limit=MAX_HEAD))
            self.socket_path = path
        except BaseException as error:  # reported to the starting thread
            self._error = error
            self._ready.set()
            return
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._server.close()
            if self._unix is not None:
                self._unix.close()
            for task in asyncio.all_tasks(self._loop):
                task.cancel()
            with contextlib.suppress(BaseException):
                self._loop.run_until_complete(asyncio.sleep(0))
            self._loop.close()

    # ── one client connection ───────────────────────────────────────────────────────────────
    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await _read_head(reader, self.idle_timeout)
            if head is None:
                return
            method, _, rest = head.first.partition(" ")
            target = rest.rsplit(" ", 1)[0]
            if method.upper() == "CONNECT":
                await self._tunnel(target, reader, writer)
            else:
                await self._forward(method, target, head, reader, writer)
        except Exception:  # a broken client connection ends here, never the proxy
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    def _refuse(self, url: str, refusal: Refusal, tunnel: bool = False) -> None:
        self.refusals.append(ProxyRefusal(url, refusal.reason, self.url_map.realise_text(refusal.detail), tunnel))

    async def _checked(self, host: str, port: int) -> list[str]:
        if browser_service(host):  # not even its name is looked up
            raise Refusal(
                "offsite", f"{host} is a service of the browser itself, not of the audited page; not requested"
            )
        return await asyncio.get_running_loop().run_in_executor(None, self.policy.addresses, host, port)

    async def _open(self, addresses: list[str], port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        error: OSError | None = None
        for address in addresses:
            try:
                streams = await asyncio.wait_for(asyncio.open_connection(address, port), self.idle_timeout)
            except (OSError, TimeoutError) as failed:
                error = failed if isinstance(failed, OSError) else OSError(str(failed))
                continue
            self.upstream.append((address, port))
            return streams
        raise error or OSError("no address")

    async def _forward(
        self, method: str, url: str, head: _Head, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        """A plain-HTTP request with its absolute URL."""
        served = self.url_map.to_served(url)
        try:
            target = target_of(served or url, schemes=("http",))
            addresses = await self._checked(target.host, target.port)
        except Refusal as refusal:
            self._refuse(url, refusal)
            return  # the connection closes without an answer
        parts = urlsplit(served or url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        host_header = parts.netloc if served else (head.get("Host") or parts.netloc)
        await self._exchange(
            f"{method} {path} HTTP/1.1", head, host_header, addresses, target.port, reader, writer, url
        )

    async def _tunnel(self, authority: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host, _, port_text = authority.rpartition(":")
        host = host.strip("[]").lower()
        port = int(port_text) if port_text.isdigit() else 443
        scheme = "https" if port == 443 else "http"
        asked = f"{scheme}://{'[' + host + ']' if ':' in host else host}" + ("" if port in (80, 443) else f":{port}")
        mapped_scheme, served_base = self._served(host, port)
        served = served_endpoint(served_base) if served_base is not None else None
        try:
            if served is not None:
                addresses = [str(self.policy.check_address(served[0], served[1]))]
                upstream_port = served[1]
            else:
                addresses = await self._checked(host, port)
                upstream_port = port
        except Refusal as refusal:
            self._refuse(asked + "/", refusal, tunnel=True)
            writer.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            await writer.drain()
            return
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await writer.drain()
        plain_behind_tls = mapped_scheme == "https" and (served_base or "").startswith("http://")
        if served is not None and plain_behind_tls and self._tls is not None:
            await writer.start_tls(self._tls)  # the replica speaks plain HTTP behind the real https name
            inner = await _read_head(reader, self.idle_timeout)
            if inner is None:
                return
            method, _, rest = inner.first.partition(" ")
            path = rest.rsplit(" ", 1)[0]
            host_header = f"{served[0]}:{served[1]}" if ":" not in served[0] else f"[{served[0]}]:{served[1]}"
            await self._exchange(
                f"{method} {path} HTTP/1.1", inner, host_header, addresses, upstream_port, reader, writer, asked + path
            )
            return
        if self.budget is not None:
            self.budget.release(await self.budget.acquire_async(host))
        try:
            up_reader, up_writer = await self._open(addresses, upstream_port)
        except OSError:
            return
        await self._relay(reader, writer, up_reader, up_writer, None)

    def _served(self, host: str, port: int) -> tuple[str, str | None]:
        if not self.url_map:
            return "", None
        for scheme in ("https", "http") if port != 80 else ("http", "https"):
            found = self.url_map.served_for(scheme, host, port)
            if found is not None:
                return scheme, found
        return "", None

    async def _exchange(
        self,
        first: str,
        head: _Head,
        host_header: str,
        addresses: list[str],
        port: int,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        asked: str,
    ) -> None:
        upgrade = (head.get("Upgrade") or "").lower() == "websocket"
        headers = [(k, v) for k, v in head.headers if k.lower() not in HOP_HEADERS and k.lower() != "host"]
        headers.insert(0, ("Host", host_header))
        headers.append(("Connection", "Upgrade" if upgrade else "close"))
        permit = await self.budget.acquire_async(urlsplit(asked).hostname or "") if self.budget is not None else None
        try:
            try:
                up_reader, up_writer = await self._open(addresses, port)
            except OSError:
                return
            up_writer.write(_Head(first, headers).encode())
            await up_writer.drain()
            await self._relay(reader, writer, up_reader, up_writer, functools.partial(self._response_head, asked))
        finally:
            if permit is not None and self.budget is not None:
                self.budget.release(permit)

    async def _response_head(self, asked: str, up_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        head = await _read_head(up_reader, self.idle_timeout)
        if head is None:
            return False
        status = head.first.split(" ", 2)[1:2]
        switching = status == ["101"]
        headers = []
        for key, value in head.headers:
            if key.lower() == "location":
                value = self.url_map.to_real(value)
                if status and status[0].startswith("3"):
                    self._check_redirect(asked, value)
            if key.lower() in ("connection", "keep-alive", "proxy-connection") and not switching:
                continue
            headers.append((key, value))
        if not switching:
            headers.append(("Connection", "close"))
        writer.write(_Head(head.first, headers).encode())
        await writer.drain()
        return True

    def _check_redirect(self, asked: str, location: str) -> None:
        """A redirect to a local file or another scheme never becomes a request the proxy sees
        (Chromium stops it as unsafe); the refusal is noted against the page that asked for it."""
        target = urljoin(asked, location)
        try:
            target_of(target, schemes=("http", "https", "ws", "wss"))
        except Refusal as refusal:
            self._refuse(asked, Refusal(refusal.reason, f"redirects to {target[:200]}: {refusal.detail}"))

    async def _relay(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        up_reader: asyncio.StreamReader,
        up_writer: asyncio.StreamWriter,
        rewrite: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[bool]] | None,
    ) -> None:
        async def downstream() -> None:
            if rewrite is not None and not await rewrite(up_reader, writer):
                return
            await _pipe(up_reader, writer, self.idle_timeout)

        upward = asyncio.ensure_future(_pipe(reader, up_writer, self.idle_timeout))
        try:
            await downstream()
        finally:
            upward.cancel()
            with contextlib.suppress(BaseException):
                await upward
            with contextlib.suppress(Exception):
                up_writer.close()


def _interception_context(hosts: list[str]) -> tuple[ssl.SSLContext, str]:
    """A server TLS context with a fresh self-signed certificate for ``hosts``, and its key's pin."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ashyq replica")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(h) for h in hosts]), critical=False)
        .sign(key, hashes.SHA256())
    )
    spki = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory(prefix="ashyq-proxy-") as folder:
        cert_path, key_path = Path(folder) / "cert.pem", Path(folder) / "key.pem"
        cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        context.load_cert_chain(cert_path, key_path)
    return context, base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")
