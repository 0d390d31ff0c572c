"""The served pages' templates: Jinja2 with autoescaping on everything (crawled titles, snippets and
URLs are text), undefined names refused, the formatting helpers of the reports."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ashyq.reports.i18n import catalogue, format_date, format_points, format_signed
from ashyq.reports.rendering import http_url
from ashyq.reports.wording import deficiency_in, reason_in

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["points"] = format_points
    env.filters["signed"] = format_signed
    env.filters["day"] = format_date
    env.globals["http_url"] = http_url
    env.globals["reason_in"] = reason_in
    env.globals["deficiency_in"] = deficiency_in
    return env


def render_page(template: str, lang: str, **values: Any) -> str:
    """The page in ``lang``; ``t(key, **params)`` looks messages up in that language's catalogue."""
    return environment().get_template(template).render(lang=lang, t=catalogue().translator(lang), **values)
