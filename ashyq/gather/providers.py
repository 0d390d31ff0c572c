"""Outside measurements the auditor cannot take with its own browser: a body's rank in search engines
(Appendix 14, 1.1) and its display in other browser engines (2.1).

A provider is configured per capability in ``ashyq/config/checks/accessibility.yaml`` (``providers:
{search_rank: {name: …, options: {…}}}``); the gather step asks it for :class:`Measurement` records,
and the checks read those like any other measurement. With no provider configured, the items are
``not_assessed`` ("no provider configured") — never a failure. Providers may use the network (they
run in the gather step, not in a check).

Measurement shapes:

* ``search_rank``: ``{"engine": "google", "query_form": "full"|"short", "query": "…", "position": 7|None}``
* ``cross_browser``: ``{"browser": "firefox", "displays_correctly": true, "detail": "…"}``
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ashyq.base.artifacts import Measurement

CAPABILITIES = ("search_rank", "cross_browser")


@dataclass(frozen=True)
class ProviderRequest:
    """What a provider needs to know about the body it measures."""

    body_id: str
    site_urls: tuple[str, ...]
    names: Mapping[str, str] = field(default_factory=dict)  # full names per language
    short_names: Mapping[str, str] = field(default_factory=dict)  # the accepted abbreviations


@runtime_checkable
class Provider(Protocol):
    name: str
    capability: str

    def measure(self, request: ProviderRequest) -> Sequence[Measurement]:
        """Measurements of one body; an unreachable service gives a Measurement with ``error``."""
        ...


ProviderFactory = Callable[[Mapping[str, Any]], Provider]
PROVIDERS: dict[str, ProviderFactory] = {}


def register_provider(name: str) -> Callable[[ProviderFactory], ProviderFactory]:
    def wrap(factory: ProviderFactory) -> ProviderFactory:
        if name in PROVIDERS:
            raise ValueError(f"provider {name!r} is registered twice")
        PROVIDERS[name] = factory
        return factory

    return wrap


def configured(config: Mapping[str, Any], capability: str) -> Provider | None:
    """The provider the configuration names for a capability, built with its options, or None."""
    if capability not in CAPABILITIES:
        raise ValueError(f"unknown provider capability {capability!r}")
    entry = (config.get("providers") or {}).get(capability)
    if not entry:
        return None
    name = entry["name"] if isinstance(entry, Mapping) else str(entry)
    if name not in PROVIDERS:
        raise ValueError(f"no provider {name!r} is registered (known: {', '.join(sorted(PROVIDERS)) or 'none'})")
    provider = PROVIDERS[name](entry.get("options", {}) if isinstance(entry, Mapping) else {})
    if provider.capability != capability:
        raise ValueError(f"provider {name!r} measures {provider.capability}, not {capability}")
    return provider


def gather(config: Mapping[str, Any], request: ProviderRequest) -> list[Measurement]:
    """Every configured provider's measurements of a body (the gather step calls this)."""
    out: list[Measurement] = []
    for capability in CAPABILITIES:
        provider = configured(config, capability)
        if provider is None:
            continue
        try:
            out.extend(provider.measure(request))
        except Exception as error:  # a provider outage is a not-assessed item, not a lost run
            url = request.site_urls[0] if request.site_urls else ""
            out.append(Measurement(capability, url, {"error": f"{provider.name}: {type(error).__name__}: {error}"}))
    return out
