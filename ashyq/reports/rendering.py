"""The Jinja2 environment every HTML report is rendered with.

Autoescaping is on for every template whatever its name: titles, snippets, URLs and messages come
from crawled pages, so anything interpolated is text unless the code that passes it wraps its own
trusted markup (our CSS, our SVG) in ``Markup``. Templates never use ``|safe``.

There is one environment per language, with Jinja2's i18n extension given that language's gettext
catalogue (:func:`ashyq.reports.i18n.translations`): a template may write ``{{ _("status.pass") }}``
or ``{% trans %}`` as well as the ``t("status.pass")`` the callers pass in; both read the same
catalogue. ``_()`` is new-style (``_("key", name=value)``): the parameters are escaped, the
message's own text is ours.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ashyq.reports.i18n import (
    DEFAULT_LANG,
    LANGUAGES,
    format_date,
    format_percent,
    format_points,
    format_signed,
    translations,
)
from ashyq.reports.wording import deficiency_in, reason_in

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


@lru_cache(maxsize=len(LANGUAGES))
def environment(lang: str = DEFAULT_LANG) -> Environment:
    return template_environment(TEMPLATES_DIR, lang)


def template_environment(folder: Path, lang: str) -> Environment:
    """An environment over the templates of ``folder`` in ``lang``, as every HTML page of the project
    is rendered (the reports here, the served application's pages)."""
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        extensions=["jinja2.ext.i18n"],
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # the i18n extension adds this method to the environment, which the type stubs cannot know
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["points"] = format_points
    env.filters["signed"] = format_signed
    env.filters["percent"] = format_percent
    env.filters["date"] = format_date
    env.filters["http_url"] = http_url
    # a finding's reason and a deficiency's message in the page's language (its catalogue message)
    env.globals["reason_in"] = reason_in
    env.globals["deficiency_in"] = deficiency_in
    return env


def static_text(name: str) -> Markup:
    """One of our own static files (CSS), trusted markup to inline into a self-contained page."""
    return Markup((STATIC_DIR / name).read_text(encoding="utf-8"))


def render(template: str, /, **context: object) -> str:
    """A template rendered in the language its context names (``lang``)."""
    lang = context.get("lang")
    if not isinstance(lang, str):
        raise TypeError(f"{template}: the context names no language (lang=...)")
    return environment(lang).get_template(template).render(**context)
