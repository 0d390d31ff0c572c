"""Is a text typed in the right keyboard layout? Kazakh typed on a Russian layout, and Latin
letters that look like Cyrillic ones.

Three signs, each reported as a :class:`LayoutIssue` with the word it was found in:

* ``lookalike_letters`` (any language): a word mixing Cyrillic and Latin letters — «Aлeумeттiк»
  with Latin a, e, i. Pure Latin words (eGov, IT) and pure Cyrillic words are fine.
* ``russian_layout`` (Kazakh): a frequent Kazakh word written with the Russian letters its Kazakh
  letters fall back to — «Казакстан», «бекиту», «жане». The words and the fall-backs are data
  (``ashyq/config/checks/layout.yaml``); a fall-back that is itself a Kazakh word is never flagged.
* ``no_kazakh_letters`` (Kazakh): a Kazakh text long enough to contain Kazakh letters (ә ғ қ ң ө ұ
  ү һ і) that has none at all, once Latin look-alikes are read back as Cyrillic.

Pure Kazakh text with proper letters raises none of them (a property test holds it to that).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ashyq.config.check_settings import check_settings

_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class LayoutIssue:
    kind: str  # lookalike_letters | russian_layout | no_kazakh_letters
    word: str  # the word it was found in (the start of the text for no_kazakh_letters)
    expected: str | None = None  # the correct Kazakh spelling, when known


@dataclass(frozen=True)
class LayoutVocabulary:
    kazakh_letters: frozenset[str]
    min_letters_without_kazakh: int
    latin_lookalikes: dict[str, str]
    wrong_forms: dict[str, str]  # Russian-layout form → correct Kazakh word


@functools.cache
def vocabulary() -> LayoutVocabulary:
    return build_vocabulary(check_settings("layout"))


def build_vocabulary(data: dict[str, Any]) -> LayoutVocabulary:
    letters = frozenset(str(data["kazakh_letters"]))
    fallback = str.maketrans({k: v for k, v in data["russian_layout"].items()})
    words = {str(w).lower() for w in data["kazakh_words"]}
    valid = words | {str(w).lower() for w in data.get("valid_without_kazakh_letters", [])}
    wrong: dict[str, str] = {}
    for word in sorted(words):
        typed = word.translate(fallback)
        if typed != word and typed not in valid:
            wrong[typed] = word
    return LayoutVocabulary(letters, int(data["min_letters_without_kazakh"]), dict(data["latin_lookalikes"]), wrong)


def read_back(word: str, vocab: LayoutVocabulary) -> str:
    """The word with its Latin look-alike letters read as the Cyrillic ones they imitate."""
    return "".join(vocab.latin_lookalikes.get(ch, ch) for ch in word)


def layout_issues(text: str, lang: str, vocab: LayoutVocabulary | None = None) -> list[LayoutIssue]:
    """What in ``text``, expected to be in ``lang`` (kk or ru), shows a wrong keyboard layout."""
    vocab = vocab or vocabulary()
    issues: list[LayoutIssue] = []
    words = _WORD.findall(text or "")
    for word in words:
        if _CYRILLIC.search(word) and _LATIN.search(word):
            issues.append(LayoutIssue("lookalike_letters", word))
    if lang != "kk":
        return issues
    kazakh_seen = False
    letters = 0
    for word in words:
        readable = read_back(word, vocab)
        letters += len(readable)
        if any(ch in vocab.kazakh_letters for ch in readable):
            kazakh_seen = True
            continue
        expected = vocab.wrong_forms.get(readable.lower())
        if expected is not None:
            issues.append(LayoutIssue("russian_layout", word, expected))
    if not kazakh_seen and letters >= vocab.min_letters_without_kazakh and _CYRILLIC.search(text):
        issues.append(LayoutIssue("no_kazakh_letters", " ".join(words[:6])))
    return issues


def describe(issues: list[LayoutIssue]) -> str:
    """A short human-readable summary: «Aлeумeттiк» (Latin letters), «Казакстан» → «қазақстан»."""
    parts = []
    for issue in issues[:4]:
        if issue.kind == "lookalike_letters":
            parts.append(f"«{issue.word}» mixes Latin and Cyrillic letters")
        elif issue.kind == "russian_layout":
            parts.append(f"«{issue.word}» typed without Kazakh letters (→ «{issue.expected}»)")
        else:
            parts.append(f"no Kazakh letter in «{issue.word} …»")
    more = len(issues) - len(parts)
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")
