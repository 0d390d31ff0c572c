"""The base-URL map: real base URL → where it is served from (the replica world, in tests and demo).

``{"https://www.gov.kz": "http://127.0.0.1:41234"}``: a request for
``https://www.gov.kz/api/v1/...`` is fetched from ``http://127.0.0.1:41234/api/v1/...`` and its
response is handed back under the real URL. With an empty map the real systems are used.

A map switches replica mode on: its served endpoints become the egress policy's allow-list and
nothing else is contacted (:meth:`BaseUrlMap.policy`). A served base is an ``http`` URL with a
literal loopback or private address and an explicit port; the map an operator gives with
``--replica-map`` may name loopback addresses only (:func:`read_replica_map`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ashyq.base.strict_files import FileRefused, Limits, clipped, parse_json, read_bounded
from ashyq.net.egress import EgressPolicy, is_loopback_or_private, parse_address
from ashyq.net.resolve import Resolver, system_resolver

MAX_MAP_BYTES = 64 * 1024
MAX_MAP_ENTRIES = 200
# a flat object of short strings (``world serve`` prints {"urls": {...}} or the object itself)
MAP_LIMITS = Limits(max_bytes=MAX_MAP_BYTES, max_depth=3, max_nodes=2 * MAX_MAP_ENTRIES + 10, max_text=2_048)


class ReplicaMapError(ValueError):
    """A base-URL map that cannot be used; the message is one line naming the entry."""


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _base(url: str) -> str:
    """``scheme://host[:port]`` in lower case, without the scheme's default port (``:443`` of https)."""
    parts = urlsplit(url)
    scheme, netloc = parts.scheme.lower(), (parts.netloc or "").lower()
    default = _DEFAULT_PORTS.get(scheme)
    if default is not None and netloc.endswith(f":{default}") and "@" not in netloc:
        netloc = netloc.removesuffix(f":{default}")
    return urlunsplit((scheme, netloc, "", "", ""))


def real_base(url: str) -> str:
    """A real base URL of a map: ``http(s)://host[:port]`` and nothing more."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ReplicaMapError(f"{url!r} is not a URL") from None
    if port == 0:
        raise ReplicaMapError(f"{url!r}: port 0 is no port")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ReplicaMapError(f"{url!r}: a real base is an http(s) URL with a host")
    if parts.username or parts.password or parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ReplicaMapError(f"{url!r}: a real base is scheme://host[:port], without path, query or credentials")
    return _base(url)


def served_endpoint(url: str, loopback_only: bool = False) -> tuple[str, int]:
    """The (address, port) of a served base: ``http://127.x.x.x:PORT`` or ``http://[::1]:PORT``
    (with ``loopback_only`` False also a private address, for an operator's own site)."""
    wanted = "http://127.x.x.x:PORT or http://[::1]:PORT" if loopback_only else "http://ADDRESS:PORT"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ReplicaMapError(f"{url!r} is not a URL; a served base is {wanted}") from None
    address = parse_address(parts.hostname or "")
    if (
        parts.scheme not in (("http",) if loopback_only else ("http", "https"))
        or address is None
        or port is None
        or parts.username
        or parts.password
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise ReplicaMapError(f"{url!r}: a served base is {wanted}")
    if port == 0:
        raise ReplicaMapError(f"{url!r}: port 0 is no port (a served base is {wanted})")
    if loopback_only and not address.is_loopback:
        raise ReplicaMapError(f"{url!r}: a replica is served on loopback only ({wanted})")
    if not is_loopback_or_private(address):
        raise ReplicaMapError(f"{url!r}: a served base is a loopback or private address, not {address}")
    return str(address), port


@dataclass(frozen=True)
class BaseUrlMap:
    mapping: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for real, served in self.mapping.items():
            real_base(real)
            served_endpoint(served)

    @classmethod
    def from_json(cls, text: str) -> BaseUrlMap:
        try:
            data = parse_json(text, MAP_LIMITS, "base-URL map") if text.strip() else {}
        except FileRefused as refused:
            raise ReplicaMapError("; ".join(clipped(refused.lines(), 20))) from None
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            raise ReplicaMapError("a base-URL map is a JSON object of real base URL → served base URL")
        return cls.from_mapping(data)

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, str] | None) -> BaseUrlMap:
        """A map from a real base → served base mapping (already parsed, e.g. from settings); two
        entries for the same base are refused, naming both."""
        out: dict[str, str] = {}
        given: dict[str, str] = {}
        for real, served in (mapping or {}).items():
            _refuse_repeated(real, given)
            out[_base(real)] = served.rstrip("/")
        return cls(out)

    def __bool__(self) -> bool:
        return bool(self.mapping)

    def endpoints(self) -> set[tuple[str, int]]:
        return {served_endpoint(served) for served in self.mapping.values()}

    def policy(self, resolver: Resolver = system_resolver) -> EgressPolicy:
        """Replica mode (a closed policy allowing the served endpoints) when mapped, else the real web."""
        if not self.mapping:
            return EgressPolicy(resolver=resolver)
        return EgressPolicy.replica(self.endpoints(), resolver)

    def to_served(self, url: str) -> str | None:
        """Where to fetch a real URL from, or None when it is not mapped (fetch it as it is)."""
        target = self.mapping.get(_base(url))
        if target is None:
            return None
        parts = urlsplit(url)
        served = urlsplit(target)
        return urlunsplit((served.scheme, served.netloc, parts.path or "/", parts.query, parts.fragment))

    def served_for(self, scheme: str, host: str, port: int) -> str | None:
        """The served base of a real host and port (a browser's tunnel names no URL)."""
        default = {"http": 80, "https": 443}.get(scheme)
        name = f"[{host}]" if ":" in host else host
        netloc = name if port == default else f"{name}:{port}"
        return self.mapping.get(f"{scheme}://{netloc.lower()}")

    def to_real(self, url: str) -> str:
        """The real URL of a served one (a replica address never leaves the downloader)."""
        base = _base(url)
        for real, served in self.mapping.items():
            if _base(served) == base:
                parts = urlsplit(url)
                r = urlsplit(real)
                return urlunsplit((r.scheme, r.netloc, parts.path, parts.query, parts.fragment))
        return url

    def is_served_address(self, url: str) -> bool:
        return any(_base(served) == _base(url) for served in self.mapping.values())

    def hosts(self) -> set[str]:
        return {urlsplit(real).hostname or "" for real in self.mapping}

    def realise_text(self, text: str) -> str:
        """``text`` with every served base replaced by its real base (error messages name URLs)."""
        for real, served in self.mapping.items():
            text = text.replace(served, real)
        return text


def read_replica_map(value: str) -> dict[str, str]:
    """An operator's ``--replica-map``: a JSON object given inline or as a file name (as ``ashyq world
    serve`` prints it), real base URL → ``http://127.x.x.x:PORT`` or ``http://[::1]:PORT``.

    Raises :class:`ReplicaMapError` with one line naming the problem."""
    try:
        if value.lstrip().startswith(("{", "[")):
            data: Any = parse_json(value, MAP_LIMITS, "--replica-map")
        else:
            data = parse_json(read_bounded(Path(value), MAP_LIMITS, value), MAP_LIMITS, value)
    except FileRefused as refused:  # each problem with its place (file, line, column)
        raise ReplicaMapError("; ".join(clipped(refused.lines(), 20))) from None
    if isinstance(data, dict) and isinstance(data.get("urls"), dict):
        data = data["urls"]
    if not isinstance(data, dict) or not data:
        raise ReplicaMapError("a replica map is a JSON object: real base URL → served base URL")
    if len(data) > MAX_MAP_ENTRIES:
        raise ReplicaMapError(f"{len(data)} entries; at most {MAX_MAP_ENTRIES}")
    out: dict[str, str] = {}
    given: dict[str, str] = {}
    for real, served in data.items():
        if not isinstance(served, str):
            raise ReplicaMapError(f"{real!r}: real and served bases are strings, not {type(served).__name__}")
        served_endpoint(served, loopback_only=True)
        base = real_base(real)
        _refuse_repeated(real, given)
        out[base] = served.rstrip("/")
    return out


def _refuse_repeated(real: str, given: dict[str, str]) -> None:
    """One entry per real base: ``https://www.gov.kz``, ``https://WWW.gov.kz/`` and ``…:443`` are one
    host, and a second entry would silently replace the first."""
    base = _base(real)
    if base in given:
        raise ReplicaMapError(f"{real!r}: the same host as the entry {given[base]!r} ({base}); one entry per host")
    given[base] = real
