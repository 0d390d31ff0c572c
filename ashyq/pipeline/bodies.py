"""The body registries as the commands read them (:mod:`ashyq.store.bodies`): load one, the bodies an
audit takes from it, the body a command names — each refusal in one line a command can print."""

from __future__ import annotations

from ashyq.store.bodies import Body, Registry, RegistryError, available_registries, load_registry, missing_identifiers
from ashyq.store.registry_sync import diff_lines

__all__ = [
    "Body",
    "BodyRefused",
    "Registry",
    "RegistryError",
    "assessed_ids",
    "available_registries",
    "body_in_registry",
    "body_to_audit",
    "diff_lines",
    "load_registry",
    "missing_identifiers",
]


class BodyRefused(ValueError):
    """The registry or the body named cannot be audited (the message says why)."""


def assessed_ids(registry: str) -> list[str]:
    """The ids of the bodies a registry evaluates (a nightly audits these)."""
    try:
        return [b.id for b in load_registry(registry).assessed()]
    except RegistryError as error:
        raise BodyRefused("; ".join(error.problems)) from None


def body_to_audit(registry: str, body: str) -> Body:
    """The body ``body`` of ``registry``: a state body or local executive body (a subordinate
    organisation is assessed within its parent)."""
    try:
        target = load_registry(registry).get(body)
    except RegistryError as error:
        raise BodyRefused("; ".join(error.problems)) from None
    except KeyError:
        raise BodyRefused(f"unknown body {body!r} in registry {registry}") from None
    if target.kind == "subordinate":
        raise BodyRefused(f"{body} is a subordinate organisation: it is assessed within its parent {target.parent}")
    return target


def body_in_registry(registry: str, body: str) -> Body:
    """The body ``body`` of ``registry``, whatever its kind."""
    try:
        return load_registry(registry).get(body)
    except (RegistryError, KeyError):
        raise BodyRefused(f"unknown body {body!r} in registry {registry}") from None
