"""A translation keeps its figures: whether a counterpart page holds the other language's sentence.

Where an indicator is recognised in one language's running text and not in the other's, the other language's
counterpart of that page is taken to hold the same text when it is of comparable length and built alike
(:func:`ashyq.checks.completeness.languages.elsewhere`). A sentence quoting figures - hours, counts, sums, phone
numbers; years left out, every page names the current one - is written with the same figures in both languages.
Where the counterpart holds none of them, it does not hold that sentence: the indicator is not shown there, and
that is measured, not a guess.
"""

from __future__ import annotations

import re

from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.keywords import Indicator
from ashyq.checks.completeness.places import Hit, matches

FIGURE = re.compile(r"(?<![\d.,:-])\d+(?:[.,:-]\d+)*")
YEAR = re.compile(r"(?:19|20)\d\d")
SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
LABEL_RANK = 1  # a hit in a label of the text or in running text (:class:`~ashyq.checks.completeness.places.Hit`)


def figures(text: str) -> set[str]:
    """The figures a text quotes (a date or a time as one figure), years alone left out."""
    return {f for f in FIGURE.findall(text) if not YEAR.fullmatch(f)}


def sentence_figures(indicator: Indicator, hit: Hit, lang: str) -> set[str]:
    """The figures of the sentence in which ``lang``'s running text names the indicator (``hit`` is that
    language's place: running text, or a paragraph's lead-in label); none where the place is a heading, a title or
    a linked page, or the sentence is not found."""
    if hit.block is None or hit.rank < LABEL_RANK:
        return set()
    text = hit.block.text
    found = matches(indicator.keywords.get(lang, ()), text)
    if found is None:
        return set()
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, found.start())), default=0)
    end = SENTENCE_END.search(text, found.end())
    return figures(text[start : end.start() if end else len(text)])


def not_carried(indicator: Indicator, hit: Hit, lang: str, counterpart: Unit) -> bool:
    """Whether ``counterpart`` (a page of the other language than ``hit``'s) holds none of the figures of the
    sentence that names the indicator at ``hit`` (in ``lang``, the hit's language): not that sentence's text."""
    quoted = sentence_figures(indicator, hit, lang)
    return bool(quoted) and not quoted & figures(counterpart.main)
