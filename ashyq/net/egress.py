"""Where the crawler may go: never to a private, loopback or link-local address, unless the target
is one of the replica hosts of the explicit demo/replica mode.

A host name is resolved before the request (a public-looking name may point inside the network);
literal IP addresses are judged as they are.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


def _is_internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def internal_address(url: str, resolve: bool = True) -> str | None:
    """The internal address ``url`` points at, or None when it is a public destination.

    With ``resolve`` a host name is looked up; a name that does not resolve is not internal (the
    fetch will fail and be recorded as such).
    """
    host = urlsplit(url).hostname
    if not host:
        return None
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        return str(literal) if _is_internal(literal) else None
    if host == "localhost" or host.endswith(".localhost"):
        return host
    if not resolve:
        return None
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return None
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if _is_internal(address):
            return str(address)
    return None
