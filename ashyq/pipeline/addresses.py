"""Where a command's request may go, decided before anything is fetched: the replica map an operator
gives (``--replica-map``), and one's own site or page on a loopback or private address, allowed by
``--allow-private-addresses`` and by nothing else (its own address and port, nowhere else inside the
network). The commands say these decisions in their own words; the decisions are made here, through
the egress policy of :mod:`ashyq.net.egress`."""

from __future__ import annotations

from urllib.parse import urlsplit

from ashyq.net.egress import EgressPolicy, Refusal, check_site_url, is_loopback_or_private, parse_address, target_of
from ashyq.net.resolve import system_resolver
from ashyq.net.urlmap import BaseUrlMap, ReplicaMapError, read_replica_map

__all__ = [
    "AddressRefused",
    "BaseUrlMap",
    "ReplicaMapError",
    "named_host",
    "own_site_map",
    "page_policy",
    "private_addresses",
    "read_replica_map",
    "url_map_of",
]


class AddressRefused(ValueError):
    """The address of a site or page may not be reached. ``private``: it is a loopback or private one
    that allowing private addresses would let through (the detail then says which)."""

    def __init__(self, detail: str, private: bool = False) -> None:
        super().__init__(detail)
        self.detail, self.private = detail, private


def url_map_of(replica_map: str | None) -> BaseUrlMap:
    """The operator's ``--replica-map`` as a map (empty without one); :class:`ReplicaMapError` when it
    cannot be read."""
    return BaseUrlMap.from_mapping(read_replica_map(replica_map) if replica_map else {})


def is_named(host: str) -> bool:
    """Whether ``host`` is a name to look up (not an address, not localhost)."""
    return parse_address(host) is None and host != "localhost" and not host.endswith(".localhost")


def named_host(url: str) -> bool:
    """Whether the URL is a valid http(s) one whose host is a name to look up (not an address, not
    localhost): the only case where a contact can be asked for before the egress policy resolves it."""
    try:
        host = urlsplit(check_site_url(url)).hostname or ""
    except ValueError:
        return False
    return is_named(host)


def private_addresses(url: str, allow_private: bool) -> list[str]:
    """Nothing for a public site (the egress policy lets it through as it is); for a loopback or
    private one the operator allowed, its addresses. :class:`AddressRefused` otherwise."""
    target = target_of(url)
    try:
        EgressPolicy().addresses(target.host, target.port)
        return []
    except Refusal as refusal:
        if refusal.reason != "private_address":
            raise AddressRefused(refusal.detail) from None
        if not allow_private:
            raise AddressRefused(refusal.detail.removesuffix("; not requested"), private=True) from None
    literal = parse_address(target.host)
    try:
        addresses = [str(literal)] if literal is not None else system_resolver(target.host)
    except OSError as error:
        raise AddressRefused(str(error)) from None
    parsed = [parse_address(a) for a in addresses]
    if not parsed or not all(a is not None and is_loopback_or_private(a) for a in parsed):
        raise AddressRefused(f"only a loopback or private address may be allowed, not {addresses}")
    return addresses


def own_site_map(base: str, allow_private: bool) -> dict[str, str]:
    """Nothing for a public site; for a loopback or private one the operator allowed, replica mode
    with exactly that address and port (the crawler goes nowhere else)."""
    addresses = private_addresses(base, allow_private)
    if not addresses:
        return {}
    target = target_of(base)
    address = addresses[0]
    host = f"[{address}]" if ":" in address else address
    return {base: f"{target.scheme}://{host}:{target.port}"}


def page_policy(url: str, allow_private: bool) -> EgressPolicy:
    """The real web; with ``allow_private`` also the loopback or private address(es) of the page."""
    policy = EgressPolicy()
    addresses = private_addresses(url, allow_private)
    if not addresses:
        return policy
    port = target_of(url).port
    return policy.allowing((address, port) for address in addresses)
