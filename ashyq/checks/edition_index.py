"""What the methodology editions say that the checks need to know: whether an item is scored per
language, which items the auditor must measure (``obtained: check``), and which reading of an
ambiguous point a run chose (the options a check, not the scorer, applies)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from ashyq.methodology.edition import available_editions, edition_path
from ashyq.methodology.validate import load_edition


@functools.cache
def _index() -> dict[str, tuple[bool, str, frozenset[str]]]:
    """item → (per_language, how it is obtained, the body kinds it applies to), over all editions."""
    out: dict[str, tuple[bool, str, frozenset[str]]] = {}
    for name in available_editions():
        for item in load_edition(edition_path(name)).items():
            kinds = frozenset(item.applies_to or ("cgo", "mio"))
            out[item.id] = (item.per_language, item.obtained, kinds)
    return out


def languages_of(item: str) -> tuple[str | None, ...]:
    """("kk", "ru") for items scored per language, (None,) otherwise; unknown items: per language."""
    per_language = _index().get(item, (True, "check", frozenset()))[0]
    return ("kk", "ru") if per_language else (None,)


def item_kinds(item: str) -> frozenset[str]:
    """The body kinds the editions apply ``item`` to (CGOs and MIOs unless an edition narrows it)."""
    found = _index().get(item)
    return found[2] if found is not None else frozenset({"cgo", "mio"})


def applies(item: str, kind: str) -> bool:
    """Whether ``item`` concerns a body of ``kind``: the editions' body kinds for CGOs and MIOs; a
    subordinate organisation is judged on whatever its check applies to."""
    return kind not in ("cgo", "mio") or kind in item_kinds(item)


@functools.cache
def exemption_tags(item: str) -> frozenset[str]:
    """The exemption tags any edition gives ``item`` (``budget_restricted`` for point 67), without
    the ``:<item>`` a per-indicator reading adds."""
    return frozenset(
        tag.split(":", 1)[0]
        for name in available_editions()
        for found in load_edition(edition_path(name)).items()
        if found.id == item
        for ex in found.exemptions
        for tag in ex.tags
    )


def items_to_check() -> dict[str, frozenset[str]]:
    """Every item some edition says the auditor measures, with the body kinds it applies to."""
    return {item: kinds for item, (_, obtained, kinds) in _index().items() if obtained == "check"}


@functools.cache
def _readings() -> dict[str, tuple[str, frozenset[str]]]:
    """interpretation id → (its default option, its options), over all editions."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for name in available_editions():
        for interp in load_edition(edition_path(name)).interpretations:
            out[interp.id] = (interp.default, frozenset(interp.options))
    return out


def reading(config: Mapping[str, Any], interpretation: str) -> str:
    """The option of ``interpretation`` the run chose (``BodyArtifacts.config["interpretations"]``,
    filled from the run's options), else the edition's default. An option the edition does not have
    raises ValueError (the check then reports not_assessed with it, never a silent default)."""
    default, options = _readings()[interpretation]
    chosen = str((config.get("interpretations") or {}).get(interpretation, default))
    if chosen not in options:
        raise ValueError(f"interpretation {interpretation!r} has no option {chosen!r} ({', '.join(sorted(options))})")
    return chosen
