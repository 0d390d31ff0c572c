"""The served pages' templates: Jinja2 with autoescaping on everything (crawled titles, snippets and
URLs are text), undefined names refused, the formatting helpers of the reports."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment

from ashyq.reports.i18n import LANGUAGES, catalogue, format_date
from ashyq.reports.rendering import http_url, template_environment

TEMPLATES = Path(__file__).with_name("templates")
STATIC = Path(__file__).with_name("static")


@lru_cache(maxsize=len(LANGUAGES))
def environment(lang: str) -> Environment:
    """The reports' environment (autoescaping, the i18n extension in ``lang``, the formatting helpers)
    over the served pages' templates, with the names those use."""
    env = template_environment(TEMPLATES, lang)
    env.filters["day"] = format_date
    env.globals["http_url"] = http_url
    return env


def render_page(template: str, lang: str, **values: Any) -> str:
    """The page in ``lang``; ``t(key, **params)`` looks messages up in that language's catalogue."""
    return environment(lang).get_template(template).render(lang=lang, t=catalogue().translator(lang), **values)
