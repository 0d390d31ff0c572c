"""The wording corpus (``tests/checks/wording/*.yaml``): how real sites give each indicator of Appendix 15,
Appendix 16 and Table 7, written from the legal text and from how state bodies' sites speak, without
reading the checks. Each entry is one indicator of one row, in one language and one form, and says
whether a reader of the appendix would count the indicator as shown (``shows``).

The loader is strict: an entry that is not as the format says is refused with its file and index
(``CorpusProblem``), never a traceback; the rest of the corpus still loads.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ashyq.base.strict_files import safe_yaml

FORMS = ("heading", "sentence", "file", "table", "card")
KINDS = ("cgo", "mio")
LANGS = ("kk", "ru")
REQUIRED = ("item", "indicator", "appendix", "kind", "lang", "form", "shows")
OPTIONAL = ("heading", "text", "label", "note")
# what each form needs beside the required keys
NEEDS = {
    "heading": ("heading", "text"),
    "sentence": ("text",),
    "file": ("label",),
    "table": ("text",),
    "card": ("heading", "text"),
}


@dataclass(frozen=True)
class Entry:
    """One corpus entry, as written."""

    file: str  # the file's stem (a15a)
    index: int  # 0-based place in the file's list
    item: str
    indicator: int
    appendix: str
    kind: str
    lang: str
    form: str
    shows: bool
    heading: str = ""
    text: str = ""
    label: str = ""
    note: str = ""

    @property
    def digest(self) -> str:
        """The entry's words, hashed: it stays while they stay (another entry added before it does not move it)."""
        words = "\x1f".join((self.item, str(self.indicator), self.kind, self.lang, self.form))
        words += "\x1f".join(("", self.heading, self.text, self.label, str(self.shows)))
        return hashlib.sha1(words.encode("utf-8")).hexdigest()[:8]

    @property
    def key(self) -> str:
        """A key that stays while the entry's words stay (its :attr:`digest`)."""
        return f"{self.file} {self.item}.{self.indicator} {self.kind} {self.lang} {self.form} {self.digest}"

    @property
    def held_out(self) -> bool:
        """Whether the entry is in the held-out quarter: kept from the engineers who widen the checks (they
        work with ``--part train``), so the corpus still measures wording nobody tuned a check to. Decided by
        the entry's own words (its :attr:`digest`), so adding entries does not move others between parts."""
        return self.digest[0] in "0123"

    @property
    def place(self) -> str:
        return f"{self.file}.yaml entry {self.index}"


@dataclass(frozen=True)
class CorpusProblem:
    file: str
    index: int | None  # None: the file as a whole
    message: str

    def __str__(self) -> str:
        where = f"{self.file}" if self.index is None else f"{self.file} entry {self.index}"
        return f"{where}: {self.message}"


def _text(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return value if isinstance(value, str) else None


def _entry_problems(raw: Any) -> list[str]:
    if not isinstance(raw, dict):
        return [f"an entry must be a mapping, not {type(raw).__name__}"]
    problems = [f"missing key {key!r}" for key in REQUIRED if key not in raw]
    problems += [f"unknown key {key!r}" for key in raw if key not in REQUIRED + OPTIONAL]
    if not isinstance(raw.get("item", ""), str):
        problems.append("item must be text")
    number = raw.get("indicator", 1)
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        problems.append(f"indicator must be a whole number from 1, not {number!r}")
    if raw.get("kind", "cgo") not in KINDS:
        problems.append(f"kind must be one of {', '.join(KINDS)}, not {raw.get('kind')!r}")
    if raw.get("lang", "kk") not in LANGS:
        problems.append(f"lang must be one of {', '.join(LANGS)}, not {raw.get('lang')!r}")
    form = raw.get("form", "heading")
    if form not in FORMS:
        problems.append(f"form must be one of {', '.join(FORMS)}, not {form!r}")
    else:
        problems += [f"form {form} needs {key!r} (text)" for key in NEEDS[form] if not (_text(raw, key) or "").strip()]
    if not isinstance(raw.get("shows", True), bool):
        problems.append(f"shows must be true or false, not {raw.get('shows')!r}")
    # an optional key left empty (``label: null``) is as if not written
    problems += [
        f"{key} must be text"
        for key in (*OPTIONAL, "appendix")
        if key in raw and _text(raw, key) is None and not (key in OPTIONAL and raw[key] is None)
    ]
    return problems


def load_file(path: Path) -> tuple[list[Entry], list[CorpusProblem]]:
    """A corpus file's entries, and its refused entries with their place."""
    stem = path.stem
    try:
        data = safe_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as error:  # refused as a whole, with the parser's words
        return [], [CorpusProblem(stem, None, f"not readable YAML: {str(error).splitlines()[0]}")]
    if not isinstance(data, list):
        return [], [CorpusProblem(stem, None, "the file must be a list of entries")]
    entries, problems = [], []
    for index, raw in enumerate(data):
        found = _entry_problems(raw)
        if found:
            problems += [CorpusProblem(stem, index, message) for message in found]
            continue
        entries.append(
            Entry(
                file=stem,
                index=index,
                item=raw["item"].strip(),
                indicator=raw["indicator"],
                appendix=raw["appendix"],
                kind=raw["kind"],
                lang=raw["lang"],
                form=raw["form"],
                shows=raw["shows"],
                **{key: raw[key] for key in OPTIONAL if raw.get(key) is not None},
            )
        )
    return entries, problems


def load_corpus(folder: Path) -> tuple[list[Entry], list[CorpusProblem]]:
    """Every entry of every ``*.yaml`` in the folder (``known_misses.yaml`` is not an entry file)."""
    entries: list[Entry] = []
    problems: list[CorpusProblem] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "known_misses.yaml":
            continue
        got, refused = load_file(path)
        entries += got
        problems += refused
    return entries, problems
