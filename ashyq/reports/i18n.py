"""Text shown to people, looked up by key in ru, kk and en (house style 7).

The catalogue is ``ashyq/reports/messages/<lang>.yaml``: nested mappings flattened to dotted keys
(``conclusion.total``). Parameters are ``str.format`` fields; a test checks that every key and
every parameter exists in every language, so a missing translation fails the build, not a report.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from ashyq.base.figures import round_points
from ashyq.config.loader import kind, read

ReportLang = Literal["ru", "kk", "en"]
LANGUAGES: tuple[ReportLang, ...] = ("ru", "kk", "en")
MESSAGES_DIR = kind("messages").folder()  # where the loader's table says (kind ``messages``)

Translate = Callable[..., str]


def _flatten(prefix: str, node: Any, into: dict[str, str]) -> None:
    if isinstance(node, Mapping):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, into)
    elif isinstance(node, str):
        into[prefix] = node
    else:
        raise ValueError(f"message {prefix!r} is a {type(node).__name__}, not text")


def placeholders(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


class Catalogue:
    """Every message in every language; :meth:`text` raises KeyError for an unknown key."""

    def __init__(self, messages: dict[str, dict[str, str]]):
        self.messages = messages

    @classmethod
    def load(cls, directory: Path = MESSAGES_DIR) -> Catalogue:
        messages: dict[str, dict[str, str]] = {}
        for lang in LANGUAGES:
            flat: dict[str, str] = {}
            _flatten("", read("messages", directory / f"{lang}.yaml"), flat)
            messages[lang] = flat
        return cls(messages)

    def text(self, lang: str, key: str, /, **params: Any) -> str:
        template = self.messages[lang][key]
        return template.format(**params) if params else template

    def translator(self, lang: str) -> Translate:
        def translate(key: str, /, **params: Any) -> str:
            return self.text(lang, key, **params)

        return translate

    def problems(self) -> list[str]:
        """Keys missing from a language and parameters that differ between languages."""
        out: list[str] = []
        every_key = set().union(*(set(m) for m in self.messages.values()))
        for key in sorted(every_key):
            present = {lang: self.messages[lang].get(key) for lang in LANGUAGES}
            for lang, value in present.items():
                if value is None:
                    out.append(f"{lang}: no message {key!r}")
            fields = {placeholders(v) for v in present.values() if v is not None}
            if len(fields) > 1:
                out.append(f"{key}: the languages use different parameters {sorted(map(sorted, fields))}")
        return out


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    return Catalogue.load()


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
