"""Russian word forms from a kept morphological dictionary (pymorphy3 with its Russian dictionaries):
the content checks' keywords recognise a word in every case and number without a hand-written stem.

A keyword word is a prefix (``результат`` matches ``результатах``); a noun, adjective or participle the
dictionary knows also matches each form of its own paradigm, written out whole (``проверок`` matches
``проверки``, ``проверке``, ``проверкой``: no prefix shared with the keyword as written). Only whole
forms are added, so ``руководство`` does not start matching ``руководствуясь``; a word the dictionary
does not know (a stem such as ``обращени``) is left as it is. Kazakh keeps its folding
(:func:`ashyq.base.text.fold_kazakh`): no Kazakh analyser that installs with the project was found to
help (docs/accuracy.md).
"""

from __future__ import annotations

import functools
import re
from typing import Any

# the parts of speech whose paradigm is the same word in another case or number (a verb's is not:
# «утратившим» is a participle, its verb's forms are other words)
DECLINED = frozenset({"NOUN", "ADJF", "PRTF"})
_WORDS = re.compile(r"[а-яёәғқңөұүһі]+")
MIN_LETTERS = 4  # shorter words are prepositions, conjunctions, abbreviations: left as written


@functools.cache
def _analyser() -> Any:
    import pymorphy3  # loaded on first use: most commands never match a Russian keyword

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.cache
def russian_forms(word: str) -> tuple[str, ...]:
    """The other forms of ``word`` (lower case, ``ё`` as ``е``) in its own paradigm, or () when the
    dictionary does not know it or it is not declined."""
    if len(word) < MIN_LETTERS or not word.isalpha():
        return ()
    analyser = _analyser()
    if not analyser.word_is_known(word):
        return ()
    forms: set[str] = set()
    for parse in analyser.parse(word):
        pos = parse.tag.POS
        if pos in DECLINED:
            forms |= {form.word.replace("ё", "е") for form in parse.lexeme if pos == form.tag.POS}
    forms.discard(word)
    return tuple(sorted(forms))


KAZAKH_ONLY = frozenset("әғқңөұүһі")
WORD = 3  # letters a word needs to tell a language by


def reads_russian(text: str) -> bool:
    """Whether a short text (a table row's title, a list item: too short for its letters to tell) is Russian words:
    at least two words of :data:`WORD` letters or more that are no name, none with a letter only Kazakh has, and at
    most a quarter of them (none of two or three) words the Russian dictionary does not know («Изменения в план»,
    «Услуги охраны здания»; not «Жоспар кестесі», whose words it does not know)."""
    words = [w.replace("ё", "е") for w in _WORDS.findall(text.lower()) if len(w) >= WORD]
    if any(KAZAKH_ONLY.intersection(w) for w in words):
        return False
    kinds = [k for k in map(_word_kind, words) if k != "name"]  # «Иванов Иван Иванович» tells no language
    return len(kinds) >= 2 and kinds.count("unknown") <= len(kinds) // 4


NAMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


@functools.cache
def _word_kind(word: str) -> str:
    """``name`` for a word the dictionary reads first as a person's, a place's or an organisation's name, else
    ``known`` or ``unknown``: read once per word (each page's lists ask of the same words)."""
    analyser = _analyser()
    if not analyser.word_is_known(word):
        return "unknown"
    parses = analyser.parse(word)
    return "name" if parses and NAMES & set(parses[0].tag.grammemes) else "known"
