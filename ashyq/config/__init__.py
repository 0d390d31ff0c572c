"""Configuration data: methodology editions, body registries, vocabularies, settings."""

import functools
from pathlib import Path

from ashyq.base.strict_files import safe_yaml

CONFIG_DIR = Path(__file__).resolve().parent
METHODOLOGY_DIR = CONFIG_DIR / "methodology"
BODIES_DIR = CONFIG_DIR / "bodies"
BODY_TAGS_FILE = CONFIG_DIR / "body_tags.yaml"


@functools.cache
def body_tags() -> dict[str, bool]:
    """The body tags the editions understand (``ashyq/config/body_tags.yaml``) → whether single
    indicators may be marked with it (``tag:ITEM``)."""
    raw = safe_yaml(BODY_TAGS_FILE.read_text(encoding="utf-8"))
    return {name: bool((spec or {}).get("marks")) for name, spec in raw["tags"].items()}


def tag_problem(tag: str) -> str | None:
    """Why ``tag`` is not a body tag the editions understand, or None."""
    known = body_tags()
    name, sep, mark = tag.partition(":")
    if name not in known:
        return f"unknown tag {tag!r}; known: {', '.join(sorted(known))}"
    if sep and not (known[name] and mark):
        return f"tag {name!r} takes no indicator mark" if not known[name] else f"tag {tag!r} names no indicator"
    return None
