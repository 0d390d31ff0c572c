"""The Jinja2 environment every HTML report is rendered with.

Autoescaping is on for every template whatever its name: titles, snippets, URLs and messages come
from crawled pages, so anything interpolated is text unless the code that passes it wraps its own
trusted markup (our CSS, our SVG) in ``Markup``. Templates never use ``|safe``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ashyq.reports.i18n import format_date, format_percent, format_points, format_signed

TEMPLATES_DIR = Path(__file__).with_name("templates")
STATIC_DIR = Path(__file__).with_name("static")


def http_url(value: str | None) -> str | None:
    """The URL if it may be put in an href: only http and https (no javascript:, data:, file:)."""
    if not value:
        return None
    text = value.strip()
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError:
        return None
    return text if scheme in ("http", "https") else None


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["points"] = format_points
    env.filters["signed"] = format_signed
    env.filters["percent"] = format_percent
    env.filters["date"] = format_date
    env.filters["http_url"] = http_url
    return env


def static_text(name: str) -> Markup:
    """One of our own static files (CSS), trusted markup to inline into a self-contained page."""
    return Markup((STATIC_DIR / name).read_text(encoding="utf-8"))


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
