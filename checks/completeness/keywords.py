"""The keyword vocabularies of the content checks (``config/vocabulary/*.yaml``), loaded and validated.

A vocabulary file lists, per methodology item, the section's titles and URL patterns in kk and ru,
its indicators (each with keywords in both languages, URL patterns, or a detector such as
``phone``) and, for currency, the expected update periodicity in days. Checks never carry words in
code: a new synonym is a line of YAML. ``artifacts.config["vocabulary"][<item>]`` may override any
section key for one run, merged by the checks' one rule (:func:`ashyq.config.check_settings.merged`).

Keyword syntax (matched against normalised text, see :func:`ashyq.base.text.normalise`): words are
stems — ``результат проверок`` matches ``результаты проверок``; a word ending in ``$`` must end
there (``ту$`` does not match ``туралы``); a keyword starting with ``re:`` is a regular expression.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ashyq.base.text import compile_keyword
from ashyq.config import CONFIG_DIR
from ashyq.config.check_settings import merged

VOCABULARY_DIR = CONFIG_DIR / "vocabulary"
MATCH_SCOPES = ("anywhere", "section", "titles")
DETECTORS = ("phone", "email", "address", "social", "egov_link", "law_link")


@dataclass(frozen=True)
class Indicator:
    id: str
    name: dict[str, str]
    keywords: dict[str, tuple[re.Pattern[str], ...]]
    urls: tuple[str, ...] = ()
    match: str = "anywhere"
    detect: str | None = None
    if_any: bool = False  # "(при наличии)": absent, there is nothing to post (a15-nothing-to-publish)
    # Appendix 15 note: a body that does not implement it posts a short message saying so; only
    # with that message does its absence count as nothing to post
    note: bool = False
    applies_to: tuple[str, ...] = ("cgo", "mio")
    needs: str | None = None  # a harvested content ("news", "contacts") without which absence is unknown


@dataclass(frozen=True)
class Section:
    item: str
    titles: dict[str, tuple[re.Pattern[str], ...]]
    urls: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    periodicity_days: int | None = None
    applies_to: tuple[str, ...] = ("cgo", "mio")

    def indicators_for(self, kind: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if kind in i.applies_to)


@dataclass(frozen=True)
class Vocabulary:
    sections: dict[str, Section]
    empty_phrases: dict[str, tuple[re.Pattern[str], ...]]
    repealed_phrases: dict[str, tuple[re.Pattern[str], ...]]
    law_citations: dict[str, tuple[re.Pattern[str], ...]]
    social_hosts: tuple[str, ...]
    not_implementer_phrases: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)


def _by_lang(spec: dict[str, Any], where: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    out = {}
    for lang in ("kk", "ru"):
        words = spec.get(lang) or []
        if not isinstance(words, list):
            raise ValueError(f"{where}: {lang} must be a list")
        out[lang] = tuple(compile_keyword(str(w)) for w in words)
    return out


def _indicator(item: str, spec: dict[str, Any]) -> Indicator:
    where = f"{item}/{spec.get('id')}"
    name = spec.get("name") or {}
    if set(name) != {"ru", "kk", "en"} or not all(name.get(lang) for lang in ("ru", "kk", "en")):
        raise ValueError(f"{where}: an indicator needs a name in ru, kk and en")
    keywords = _by_lang(spec, where)
    if not (keywords["kk"] and keywords["ru"]) and not spec.get("url") and not spec.get("detect"):
        raise ValueError(f"{where}: keywords in kk and ru, URL patterns or a detector are required")
    if spec.get("match", "anywhere") not in MATCH_SCOPES:
        raise ValueError(f"{where}: match must be one of {MATCH_SCOPES}")
    if spec.get("if_any") and spec.get("note"):
        raise ValueError(f'{where}: an indicator is either "(if any)" or the note\'s, not both')
    if spec.get("detect") not in (None, *DETECTORS):
        raise ValueError(f"{where}: detect must be one of {DETECTORS}")
    return Indicator(
        id=str(spec["id"]),
        name={k: str(v) for k, v in name.items()},
        keywords=keywords,
        urls=tuple(str(u).lower() for u in spec.get("url", [])),
        match=str(spec.get("match", "anywhere")),
        detect=spec.get("detect"),
        if_any=bool(spec.get("if_any", False)),
        note=bool(spec.get("note", False)),
        applies_to=tuple(spec.get("applies_to", ("cgo", "mio"))),
        needs=spec.get("needs"),
    )


def section_from(item: str, spec: dict[str, Any]) -> Section:
    titles = _by_lang(spec.get("title") or {}, f"{item}/title")
    if not (titles["kk"] and titles["ru"]):
        raise ValueError(f"{item}: section titles in kk and ru are required")
    indicators = tuple(_indicator(item, i) for i in spec.get("indicators", []))
    if not indicators:
        raise ValueError(f"{item}: no indicators")
    return Section(
        item=item,
        titles=titles,
        urls=tuple(str(u).lower() for u in spec.get("url", [])),
        indicators=indicators,
        periodicity_days=spec.get("periodicity_days"),
        applies_to=tuple(spec.get("applies_to", ("cgo", "mio"))),
    )


@functools.cache
def _raw(name: str) -> dict[str, Any]:
    data = yaml.safe_load((VOCABULARY_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"vocabulary {name}: not a mapping")
    return data


@functools.cache
def _common() -> dict[str, Any]:
    return _raw("common")


def load(name: str, overrides: dict[str, Any] | None = None) -> Vocabulary:
    """The vocabulary ``config/vocabulary/<name>.yaml`` with the shared phrases of ``common.yaml``."""
    raw, common = _raw(name), _common()
    sections = {}
    for item, spec in (raw.get("sections") or {}).items():
        sections[item] = section_from(item, merged(spec, (overrides or {}).get(item) or {}))
    return Vocabulary(
        sections=sections,
        empty_phrases=_by_lang(common["empty_phrases"], "empty_phrases"),
        repealed_phrases=_by_lang(common["repealed_phrases"], "repealed_phrases"),
        law_citations=_by_lang(common["law_citations"], "law_citations"),
        social_hosts=tuple(common["social_hosts"]),
        not_implementer_phrases=_by_lang(common["not_implementer_phrases"], "not_implementer_phrases"),
    )


@functools.cache
def load_cached(name: str) -> Vocabulary:
    return load(name)


def vocabulary_for(name: str, config: dict[str, Any]) -> Vocabulary:
    overrides = (config.get("vocabulary") or {}) if isinstance(config, dict) else {}
    return load(name, overrides) if overrides else load_cached(name)
