"""The one guarded HTTP client for every fetch outside the Scrapy crawl and the browser: the declared
reports' link check, ``check-page``'s plain fetch, anything that needs one page.

Each exchange resolves the host once, checks every address with the egress policy, and connects to
a checked address - the name stays in the ``Host`` header and the TLS server name, so certificates
are verified against it - so a name that answers differently the second time (DNS rebinding) never
decides where the connection goes. Redirects are followed by :meth:`GuardedClient.get` one hop at a
time, each hop checked again. Answers are bounded in time (one deadline per exchange) and size (a
larger body is cut and marked ``truncated``; a compressed one is inflated no further than the same
limit), and every request carries the one user agent.

In replica mode the base-URL map sends a real URL to its served address (which the closed policy
then checks like any other) and a redirect to a served address comes back under the real URL.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import socket
import ssl
import time
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urljoin, urlsplit

from ashyq.net.budget import HostBudget
from ashyq.net.egress import EgressPolicy, Refusal, Target
from ashyq.net.urlmap import BaseUrlMap

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK = 64 * 1024
FailureKind = Literal["timeout", "error", "too_large"]


class FetchError(Exception):
    """An exchange that gave no answer: ``timeout`` or ``error`` (connection, TLS, protocol)."""

    def __init__(self, reason: FailureKind, detail: str) -> None:
        super().__init__(detail)
        self.reason: FailureKind = reason
        self.detail = detail


@dataclass(frozen=True)
class Answer:
    """One HTTP exchange, under the real URL."""

    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes  # inflated when the server compressed it
    request_headers: list[tuple[str, str]]
    address: str  # the checked address the connection went to
    fetched_at: datetime
    truncated: bool = False
    location: str | None = None  # a redirect's target, absolute and real
    redirects: tuple[str, ...] = ()  # with GuardedClient.get: the URLs before this one

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    @property
    def content_type(self) -> str | None:
        return self.header("Content-Type")

    def text(self) -> str:
        charset = "utf-8"
        for part in (self.content_type or "").split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ")
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class _PinnedConnection(http.client.HTTPConnection):
    """Plain HTTP to a checked address; the name stays in the Host header."""

    def __init__(self, target: Target, address: str, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedTLSConnection(http.client.HTTPSConnection):
    """HTTPS to a checked address; the certificate is verified against the name (SNI)."""

    def __init__(self, target: Target, address: str, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(target.host, target.port, timeout=timeout, context=context)
        self.address = address
        self.tls = context

    def connect(self) -> None:
        raw = socket.create_connection((self.address, self.port), self.timeout)
        try:
            self.sock = self.tls.wrap_socket(raw, server_hostname=self.host)
        except BaseException:
            raw.close()
            raise


@dataclass
class GuardedClient:
    policy: EgressPolicy
    user_agent: str
    url_map: BaseUrlMap = field(default_factory=BaseUrlMap)
    timeout: float = 30.0  # seconds for one whole exchange
    max_bytes: int = 8 * 1024 * 1024
    max_redirects: int = 5
    tls: ssl.SSLContext = field(default_factory=ssl.create_default_context)
    cookies: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)  # kept, as a browser does
    budget: HostBudget | None = None  # the fleet's politeness budget per host (ashyq.net.budget)

    def request(
        self, url: str, method: str = "GET", headers: dict[str, str] | None = None, body: bytes | None = None
    ) -> Answer:
        """One exchange, no redirect followed (``body``: what a POST sends). Raises :class:`Refusal`
        or :class:`FetchError`."""
        served = self.url_map.to_served(url)
        fetched = served or url
        target, addresses = self.policy.check_url(fetched)
        sent = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate", **(headers or {})}
        sent["Connection"] = "close"
        jar_request = urllib.request.Request(url)  # the cookie jar's view of the exchange (nothing is opened)
        self.cookies.add_cookie_header(jar_request)
        if jar_request.has_header("Cookie"):
            sent["Cookie"] = str(jar_request.get_header("Cookie"))
        if self.budget is None:
            return self._exchange(url, fetched, target, addresses, method, sent, jar_request, body)
        with self.budget.slot(urlsplit(url).hostname or target.host):
            return self._exchange(url, fetched, target, addresses, method, sent, jar_request, body)

    def _exchange(
        self,
        url: str,
        fetched: str,
        target: Target,
        addresses: list[str],
        method: str,
        sent: dict[str, str],
        jar_request: urllib.request.Request,
        body: bytes | None,
    ) -> Answer:
        deadline = time.monotonic() + self.timeout
        parts = urlsplit(fetched)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        fetched_at = datetime.now(UTC)
        last_error: OSError | None = None
        for address in addresses:
            connection = self._connection(target, address)
            try:
                connection.request(method, path, body=body, headers=sent)
                response = connection.getresponse()
                raw, cut = self._read(response, deadline, connection)
                self.cookies.extract_cookies(response, jar_request)
                return self._answer(url, fetched, response, raw, cut, sent, address, fetched_at)
            except TimeoutError:
                raise FetchError("timeout", f"no answer from {target} within {self.timeout:g} s") from None
            except ConnectionRefusedError as error:
                last_error = error  # the next checked address may answer
            except (OSError, http.client.HTTPException) as error:
                raise FetchError("error", self.url_map.realise_text(f"{type(error).__name__}: {error}")[:300]) from None
            finally:
                connection.close()
        detail = f"{type(last_error).__name__}: {last_error}" if last_error else "no address answered"
        raise FetchError("error", self.url_map.realise_text(f"{target}: {detail}")[:300])

    def get(
        self,
        url: str,
        headers: dict[str, str] | None = None,
        before_hop: Callable[[str], None] | None = None,
    ) -> Answer:
        """GET ``url`` following redirects; every hop is checked by the policy before it is asked
        (and by ``before_hop``, e.g. robots.txt, which may raise :class:`Refusal`)."""
        current = url
        seen: list[str] = []
        for _ in range(self.max_redirects + 1):
            if before_hop is not None:
                before_hop(current)
            answer = self.request(current, headers=headers)
            if answer.status in REDIRECT_STATUSES and answer.location:
                seen.append(current)
                current = answer.location
                continue
            return replace(answer, redirects=tuple(seen))
        raise FetchError("error", f"more than {self.max_redirects} redirects from {url}")

    # ── wire ────────────────────────────────────────────────────────────────────────────────
    def _connection(self, target: Target, address: str) -> http.client.HTTPConnection:
        if target.scheme == "https":
            return _PinnedTLSConnection(target, address, self.timeout, self.tls)
        return _PinnedConnection(target, address, self.timeout)

    def _read(
        self, response: http.client.HTTPResponse, deadline: float, connection: http.client.HTTPConnection
    ) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        size = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            if connection.sock is not None:
                connection.sock.settimeout(remaining)
            if size >= self.max_bytes:
                return b"".join(chunks), bool(response.read1(1))  # one byte more: was it cut?
            chunk = response.read1(min(CHUNK, self.max_bytes - size))
            if not chunk:
                return b"".join(chunks), False
            chunks.append(chunk)
            size += len(chunk)

    def _answer(
        self,
        url: str,
        fetched: str,
        response: http.client.HTTPResponse,
        raw: bytes,
        cut: bool,
        sent: dict[str, str],
        address: str,
        fetched_at: datetime,
    ) -> Answer:
        headers = [(key, value) for key, value in response.getheaders()]
        encoding = (response.getheader("Content-Encoding") or "").strip().lower()
        body, inflated_cut = _inflate(raw, encoding, self.max_bytes)
        location = response.getheader("Location")
        real_location = self.url_map.to_real(urljoin(fetched, location.strip())) if location else None
        if real_location is not None and fetched != url:
            real_location = urljoin(url, real_location)
        return Answer(
            url=url,
            status=response.status,
            reason=response.reason,
            headers=headers,
            body=body,
            request_headers=list(sent.items()),
            address=address,
            fetched_at=fetched_at,
            truncated=cut or inflated_cut,
            location=real_location,
        )


def _inflate(raw: bytes, encoding: str, limit: int) -> tuple[bytes, bool]:
    """The body without its gzip/deflate coding, at most ``limit`` bytes (a bomb stays small)."""
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return raw, False
    wbits = 16 + zlib.MAX_WBITS if encoding != "deflate" else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        body = inflater.decompress(raw, limit)
    except zlib.error:
        try:  # some servers send raw deflate
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            body = inflater.decompress(raw, limit)
        except zlib.error:
            return raw, False
    return body, bool(inflater.unconsumed_tail)


__all__ = ["Answer", "FetchError", "GuardedClient", "Refusal"]
