"""Which addresses may be contacted: one policy for every fetch path (the crawl, the browser, the
declared-report link check, ``check-page``).

* Only ``http`` and ``https``. A ``file:`` URL reads the local machine and is refused as a private
  address; other schemes (``ftp:``, ``gopher:``, ``s3:`` …) are not web pages and are refused as offsite.
* A destination must be *global*: not private, loopback, link-local (the cloud metadata address
  169.254.169.254), carrier-grade NAT (100.64.0.0/10), multicast, reserved or unspecified, by the
  ``ipaddress`` module's own notion and the ranges it misses (site-local fec0::/10, documentation
  3fff::/20, the 6to4 relay anycast 192.88.99.0/24) - and an IPv6 address that carries an IPv4 one (IPv4-mapped,
  IPv4-compatible, 6to4, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, SIIT) is judged by the IPv4 inside.
* A name is resolved once and every answer must pass; the connection then goes to a checked address
  (see :mod:`ashyq.net.fetch`, :mod:`ashyq.net.twisted_resolver`, :mod:`ashyq.net.proxy`), so a name
  that answers differently the second time (DNS rebinding) gains nothing. A name that does not
  resolve is refused: an address that cannot be checked is not contacted.
* Explicitly allowed endpoints (an address and a port) pass although they are not global: the
  replica world's loopback servers, or the one page an operator asked to check with
  ``--allow-private-addresses``. A *closed* policy (replica mode) allows those endpoints and nothing
  else, and never asks the DNS about any other name.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from ashyq.net.resolve import Resolver, system_resolver

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
RefusalReason = Literal["private_address", "offsite", "error"]
WEB_SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT; some clouds' metadata lives here
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")  # SIIT "IPv4-translated"
_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated "IPv4-compatible" (::127.0.0.1)
# Special ranges the ``ipaddress`` module (3.11) still counts as global.
_SPECIAL: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...] = (
    (ipaddress.ip_network("fec0::/10"), "site-local (deprecated private range)"),  # RFC 3879
    (ipaddress.ip_network("3fff::/20"), "documentation"),  # RFC 9637
    (ipaddress.ip_network("192.88.99.0/24"), "6to4 relay anycast (deprecated)"),  # RFC 7526
)


class Refusal(Exception):
    """A destination the policy does not contact, with the reason a fetch failure records."""

    def __init__(self, reason: RefusalReason, detail: str) -> None:
        super().__init__(detail)
        self.reason: RefusalReason = reason
        self.detail = detail


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (mapped, compatible, 6to4, NAT64, SIIT), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    last32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if any(address in network for network in _NAT64) or address in _TRANSLATED:
        return last32
    if address in _COMPATIBLE and int(address) > 1:  # :: and ::1 are themselves, not IPv4 carriers
        return last32
    return None


def non_global(address: Address) -> str | None:
    """Why ``address`` is not a public destination (a few words), or None when it is one."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = embedded_ipv4(address)
        if inner is not None:
            why = non_global(inner)
            return f"{why} (IPv4 {inner} inside)" if why else None
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local (cloud metadata range)"
    if address.is_unspecified:
        return "unspecified"
    if address.is_multicast:
        return "multicast"
    special = next((why for network, why in _SPECIAL if address in network), None)
    if special is not None:
        return special
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED:
        return "carrier-grade NAT (shared address space)"
    if address.is_private:
        return "private"
    if address.is_reserved:
        return "reserved"
    if not address.is_global:
        return "not globally routable"
    return None


def is_loopback_or_private(address: Address) -> bool:
    """What an operator may allow explicitly: loopback and private networks, never link-local,
    carrier-grade NAT or the other special ranges (where metadata services live)."""
    why = non_global(address)
    return why is None or why in ("loopback", "private") or why.startswith(("loopback (", "private ("))


def parse_address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return None


@dataclass(frozen=True)
class Target:
    """Where a URL points: its scheme, host (lower case, no brackets) and port."""

    scheme: str
    host: str
    port: int

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


def target_of(url: str, schemes: Iterable[str] = WEB_SCHEMES) -> Target:
    """The scheme, host and port of ``url``, or a :class:`Refusal` for anything but a web address."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise Refusal("error", f"not a valid URL ({error}): {url[:200]}") from None
    scheme = parts.scheme.lower()
    if scheme == "file" or (not scheme and url.startswith("/")):
        raise Refusal("private_address", f"{url[:200]} is a local file; only http(s) addresses are fetched")
    if scheme not in schemes:
        raise Refusal("offsite", f"{url[:200]} is not a web address; only http(s) addresses are fetched")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise Refusal("error", f"{url[:200]} names no host")
    if port == 0:  # no server listens there; a socket bound to it gets whatever port the system picks
        raise Refusal("error", f"{url[:200]} names port 0, which is no port")
    return Target(scheme, host, port if port is not None else DEFAULT_PORTS[scheme])


# every (address, port) a policy of this process passed: what ashyq.net.socket_guard accepts as decided
_PASSED: set[tuple[str, int]] = set()


def passed_endpoint(address: str, port: int) -> bool:
    """Whether a policy of this process passed ``address:port`` for a connection."""
    return (address, port) in _PASSED


@dataclass(frozen=True)
class EgressPolicy:
    """The one egress rule. ``EgressPolicy()`` is the real web: global addresses only."""

    allowed: frozenset[tuple[str, int]] = frozenset()  # (address, port) pairs allowed although not global
    closed: bool = False  # replica mode: the allowed endpoints and nothing else
    resolver: Resolver = field(default=system_resolver, compare=False, repr=False)

    @classmethod
    def replica(cls, endpoints: Iterable[tuple[str, int]], resolver: Resolver = system_resolver) -> EgressPolicy:
        """Replica mode: exactly these loopback endpoints (the ones the world printed)."""
        checked = frozenset(_allowed_endpoint(host, port) for host, port in endpoints)
        return cls(allowed=checked, closed=True, resolver=resolver)

    def allowing(self, endpoints: Iterable[tuple[str, int]]) -> EgressPolicy:
        """The same policy with more endpoints allowed (loopback or private only)."""
        more = frozenset(_allowed_endpoint(host, port) for host, port in endpoints)
        return EgressPolicy(self.allowed | more, self.closed, self.resolver)

    # ── judging ─────────────────────────────────────────────────────────────────────────────
    def check_address(self, address: str, port: int, host: str | None = None) -> Address:
        """Pass an address the connection is about to use, or raise the :class:`Refusal`."""
        parsed = parse_address(address)
        named = f"{host} ({address})" if host and host != address else address
        if parsed is None:
            raise Refusal("error", f"{named} is not an IP address")
        if (str(parsed), port) not in self.allowed:
            why = non_global(parsed)
            if why is not None:
                raise Refusal("private_address", f"{named} is a {why} address; not requested")
            if self.closed:
                raise Refusal("offsite", f"{named} is not part of the replica (replica mode); not requested")
        _PASSED.add((str(parsed), port))
        return parsed

    def addresses(self, host: str, port: int) -> list[str]:
        """Resolve ``host`` once and check every answer; the addresses a connection may use.

        Raises :class:`Refusal`: ``private_address`` when any answer is not global, ``offsite`` for
        any other name in replica mode, ``error`` when the name does not resolve (fail closed)."""
        host = host.strip("[]").rstrip(".").lower()
        literal = parse_address(host)
        if literal is not None:
            return [str(self.check_address(str(literal), port))]
        if host == "localhost" or host.endswith(".localhost"):
            raise Refusal("private_address", f"{host} is the loopback host; not requested")
        if self.closed:
            raise Refusal("offsite", f"{host} is not part of the replica (replica mode); not requested")
        try:
            answers = self.resolver(host)
        except (OSError, UnicodeError) as error:
            detail = f"DNS: {host} does not resolve ({error}); an unchecked name is not contacted"
            raise Refusal("error", detail) from None
        if not answers:
            raise Refusal("error", f"DNS: {host} has no address; an unchecked name is not contacted")
        return [str(self.check_address(answer, port, host)) for answer in answers]

    def check_url(self, url: str) -> tuple[Target, list[str]]:
        """The target of ``url`` and the checked addresses to connect to (resolving a name once)."""
        target = target_of(url)
        return target, self.addresses(target.host, target.port)

    def check_literal(self, url: str) -> Target:
        """What can be judged without the DNS: the scheme, a literal address, replica mode's closure.

        For a cheap early refusal (the crawl's guard); the connection itself is checked again."""
        target = target_of(url)
        host = target.host
        if parse_address(host) is not None:
            self.check_address(host, target.port)
        elif host == "localhost" or host.endswith(".localhost"):
            raise Refusal("private_address", f"{host} is the loopback host; not requested")
        elif self.closed:
            raise Refusal("offsite", f"{host} is not part of the replica (replica mode); not requested")
        return target


def _allowed_endpoint(host: str, port: int) -> tuple[str, int]:
    address = parse_address(host)
    if address is None:
        raise ValueError(f"{host}: an allowed endpoint is an IP address, not a name")
    if not 0 < int(port) < 65536:
        raise ValueError(f"{host}:{port}: not a port")
    if not is_loopback_or_private(address):
        raise ValueError(f"{address}: only loopback or private addresses may be allowed, not {non_global(address)}")
    return str(address), int(port)


def check_site_url(url: str) -> str:
    """An operator's ``--url``: an http(s) URL with a host, else ValueError with one line to show."""
    text = url.strip()
    if "://" not in text:
        text = f"https://{text}"  # a bare host name (or host:port)
    try:
        target_of(text)
    except Refusal:
        raise ValueError(f"must be an http(s) URL with a host name, got {url!r}") from None
    if any(c.isspace() or ord(c) < 32 for c in text) or "@" in urlsplit(text).netloc:
        raise ValueError(f"must be an http(s) URL without spaces, control characters or credentials, got {url!r}")
    return text
