"""Text shown to people, looked up by key in ru, kk and en (house style 7), from gettext catalogues.

Where the messages live: ``ashyq/reports/locale/<lang>/LC_MESSAGES/ashyq.po`` (en, kk, ru) and the
template ``ashyq/reports/locale/ashyq.pot``, kept with Babel. The catalogues are keyed: a msgid is
the message's dotted key (``conclusion.total``), the English catalogue holds the English text, and
each entry carries that English text as an extracted comment (``#.``) for the translator.
Parameters are gettext's ``%(name)s`` (Jinja's i18n extension formats with ``%`` too); a literal
per cent sign is written ``%%``.

To add a message: add the key and its English text to ``en/LC_MESSAGES/ashyq.po``; run
``python scripts/messages.py template`` (it writes ``ashyq.pot`` and adds the key, untranslated,
to kk and ru, as ``pybabel update`` does); write the Kazakh and Russian texts in their ``.po``
files. ``tests/reports/test_report_messages.py`` fails while any key is missing, untranslated or
fuzzy in a language, or uses other parameters there (docs/translation.md).

The ``.po`` files are compiled with Babel when first used (``babel.messages.mofile``) and cached
for the process, so no ``.mo`` file can be stale or missing. A key a catalogue lacks is never
shown as itself: every lookup raises :class:`MissingMessage` (a ``KeyError``).

The API:

* :func:`catalogue` → :class:`Catalogue`: ``.text(lang, key, **params)``, ``.translator(lang)`` (a
  ``t(key, **params)`` callable), ``.messages`` (``{lang: {key: text}}``, read only) and
  ``.problems()`` (what the test checks);
* :func:`translations` (``lang``) → a ``gettext.GNUTranslations`` for that language, for
  ``jinja2.Environment.install_gettext_translations(translations(lang), newstyle=True)`` or any
  code that expects gettext's interface; ``.gettext(key)`` raises for a key it lacks;
* :func:`resolve_lang`: a language asked for, else ``$ASHYQ_LANG``, else the operator's
  ``language:``, else ru;
* ``format_points``, ``format_signed``, ``format_percent``, ``format_date``, ``lang_label``.
"""

from __future__ import annotations

import gettext
import io
import os
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

from ashyq.base.figures import round_points

ReportLang = Literal["ru", "kk", "en"]
LANGUAGES: tuple[ReportLang, ...] = ("ru", "kk", "en")
DEFAULT_LANG: ReportLang = "ru"
LANG_VARIABLE = "ASHYQ_LANG"
DOMAIN = "ashyq"
LOCALE_DIR = Path(__file__).with_name("locale")

Translate = Callable[..., str]

_NAMED = re.compile(r"%\((\w+)\)s")


class MissingMessage(KeyError):
    """A key the catalogue of a language does not hold (or holds untranslated)."""


class _Refuse(gettext.NullTranslations):
    """The last fallback: a key no catalogue translates is an error, never shown as itself."""

    def gettext(self, message: str) -> str:
        raise MissingMessage(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise MissingMessage(msgid1)

    def pgettext(self, context: str, message: str) -> str:
        raise MissingMessage(f"{context}|{message}")

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        raise MissingMessage(f"{context}|{msgid1}")


def placeholders(text: str) -> frozenset[str]:
    """The ``%(name)s`` parameters of a message."""
    return frozenset(_NAMED.findall(text))


def stray_percent(text: str) -> bool:
    """A ``%`` that is neither ``%%`` nor ``%(name)s``: formatting would fail or print it wrong."""
    return "%" in _NAMED.sub("", text).replace("%%", "")


def po_path(lang: str, directory: Path = LOCALE_DIR) -> Path:
    return directory / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path, lang: str) -> Catalog:
    """One ``.po`` file read strictly: a malformed line is refused with the file and its line."""
    try:
        with path.open("rb") as handle:
            return read_po(handle, locale=lang, domain=DOMAIN, abort_invalid=True)
    except PoFileError as error:
        raise ValueError(f"{path}: {error}") from None


def compile_catalog(catalog: Catalog) -> gettext.GNUTranslations:
    """The catalogue compiled with Babel (untranslated and fuzzy entries left out), as gettext reads it."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    compiled = gettext.GNUTranslations(buffer)
    compiled.add_fallback(_Refuse())
    return compiled


def _translated(catalog: Catalog) -> dict[str, str]:
    return {
        str(m.id): str(m.string)
        for m in catalog
        if m.id and isinstance(m.id, str) and isinstance(m.string, str) and m.string and not m.fuzzy
    }


class Catalogue:
    """Every message in every language; :meth:`text` raises :class:`MissingMessage` for an unknown key."""

    def __init__(self, catalogs: Mapping[str, Catalog]):
        self.catalogs = dict(catalogs)
        self.translations = {lang: compile_catalog(catalog) for lang, catalog in self.catalogs.items()}
        self.messages = {lang: _translated(catalog) for lang, catalog in self.catalogs.items()}

    @classmethod
    def load(cls, directory: Path = LOCALE_DIR) -> Catalogue:
        return cls({lang: read_catalog(po_path(lang, directory), lang) for lang in LANGUAGES})

    def text(self, lang: str, key: str, /, **params: Any) -> str:
        translations = self.translations.get(lang)
        if translations is None:
            raise MissingMessage(f"{lang}: no catalogue")
        return translations.gettext(key) % params

    def translator(self, lang: str) -> Translate:
        def translate(key: str, /, **params: Any) -> str:
            return self.text(lang, key, **params)

        return translate

    def problems(self) -> list[str]:
        """Keys missing, untranslated or fuzzy in a language, parameters that differ between
        languages, and a ``%`` that is neither ``%%`` nor a parameter."""
        out: list[str] = []
        entries = {lang: {m.id: m for m in catalog if m.id} for lang, catalog in self.catalogs.items()}
        every_key = set().union(*(set(e) for e in entries.values()))
        for key in sorted(every_key, key=str):
            present: dict[str, str] = {}
            for lang in self.catalogs:
                message = entries[lang].get(key)
                if message is None:
                    out.append(f"{lang}: no message {key!r}")
                elif not message.string:
                    out.append(f"{lang}: {key!r} is not translated")
                elif message.fuzzy:
                    out.append(f"{lang}: {key!r} is fuzzy (a guess to be checked)")
                else:
                    present[lang] = str(message.string)
            fields = {placeholders(text) for text in present.values()}
            if len(fields) > 1:
                out.append(f"{key}: the languages use different parameters {sorted(map(sorted, fields))}")
            out.extend(f"{lang}: {key!r} has a stray %" for lang, text in present.items() if stray_percent(text))
        return out


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return Catalogue.load()


def translations(lang: str) -> gettext.GNUTranslations:
    """gettext's object for one language (kk, ru, en): for Jinja2's i18n extension and for any
    code that expects ``gettext.NullTranslations``. A key it lacks raises :class:`MissingMessage`."""
    try:
        return catalogue().translations[lang]
    except KeyError:
        raise MissingMessage(f"{lang}: no catalogue (the languages are {', '.join(LANGUAGES)})") from None


def resolve_lang(asked: str | None = None, configured: str | None = None) -> ReportLang:
    """The language to speak: the one asked for, else ``$ASHYQ_LANG``, else the one configured (the
    operator's ``language:``), else Russian. ValueError for a language there is no catalogue of."""
    for candidate in (asked, os.environ.get(LANG_VARIABLE), configured):
        if candidate:
            if candidate not in LANGUAGES:
                raise ValueError(f"language {str(candidate)!r}: one of {', '.join(LANGUAGES)} is expected")
            return LANGUAGES[LANGUAGES.index(candidate)]  # the plain text, whatever enum it came as
    return DEFAULT_LANG


def format_points(value: float | None, lang: str) -> str:
    """Points as the legal forms print them: at most two decimals, a decimal comma in ru and kk."""
    if value is None:
        return "—"
    rounded = round_points(float(value)) + 0.0  # half up, as the scorer's final; "+ 0.0" turns -0.0 into 0.0
    text = f"{rounded:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang in ("ru", "kk") else text


def format_signed(value: float | None, lang: str) -> str:
    """A change between runs: always signed, so "+1,5" and "−0,5" read at a glance."""
    if value is None:
        return ""
    text = format_points(abs(value), lang)
    if round(value, 2) == 0:
        return "0"
    return f"+{text}" if value > 0 else f"−{text}"


def format_percent(share: float, lang: str) -> str:
    return format_points(share * 100, lang)


def format_date(value: date | datetime | None) -> str:
    """ISO dates in every language: unambiguous in a table read in Astana and abroad."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


def lang_label(lang: str, version: str | None) -> str:
    """The language version of an item (kk / ru / both) in the report's language."""
    return catalogue().text(lang, f"lang.{version or 'none'}")
