"""The base-URL map: real base URL → where it is served from (the replica world, in tests and demo).

``{"https://www.gov.kz": "http://127.0.0.1:41234"}``: a request for
``https://www.gov.kz/api/v1/...`` is fetched from ``http://127.0.0.1:41234/api/v1/...`` and its
response is handed back under the real URL. With an empty map the real systems are used.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit


def _base(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), (parts.netloc or "").lower(), "", "", ""))


@dataclass(frozen=True)
class BaseUrlMap:
    mapping: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_json(cls, text: str) -> BaseUrlMap:
        data = json.loads(text) if text.strip() else {}
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            raise ValueError("a base-URL map is a JSON object of real base URL → served base URL")
        return cls({_base(k): v.rstrip("/") for k, v in data.items()})

    def __bool__(self) -> bool:
        return bool(self.mapping)

    def to_served(self, url: str) -> str | None:
        """Where to fetch a real URL from, or None when it is not mapped (fetch it as it is)."""
        target = self.mapping.get(_base(url))
        if target is None:
            return None
        parts = urlsplit(url)
        served = urlsplit(target)
        return urlunsplit((served.scheme, served.netloc, parts.path or "/", parts.query, parts.fragment))

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

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, str] | None) -> BaseUrlMap:
        """A map from a real base → served base mapping (already parsed, e.g. from settings)."""
        return cls({_base(k): v.rstrip("/") for k, v in (mapping or {}).items()})

    def realise_text(self, text: str) -> str:
        """``text`` with every served base replaced by its real base (error messages name URLs)."""
        for real, served in self.mapping.items():
            text = text.replace(served, real)
        return text
