"""Configuration data: methodology editions, body registries, vocabularies, settings.

Every kind of file is read by the one loader (:mod:`ashyq.config.loader`), which says where each is
looked for, its limits and its schema (``docs/configuration.md``).
"""

import functools
from pathlib import Path

from ashyq.config.loader import KINDS, read

CONFIG_DIR = Path(__file__).resolve().parent
METHODOLOGY_DIR = KINDS["methodology"].folder()
BODIES_DIR = KINDS["registry"].folder()


@functools.cache
def body_tags() -> dict[str, bool]:
    """The body tags the editions understand (``ashyq/config/body_tags.yaml``) → whether single
    indicators may be marked with it (``tag:ITEM``)."""
    return {name: bool((spec or {}).get("marks")) for name, spec in read("body_tags")["tags"].items()}


def tag_problem(tag: str) -> str | None:
    """Why ``tag`` is not a body tag the editions understand, or None."""
    known = body_tags()
    name, sep, mark = tag.partition(":")
    if name not in known:
        return f"unknown tag {tag!r}; known: {', '.join(sorted(known))}"
    if sep and not (known[name] and mark):
        return f"tag {name!r} takes no indicator mark" if not known[name] else f"tag {tag!r} names no indicator"
    return None
