"""The language a page's own text is written in, the site's template left out.

A page's blocks are told their language by their letters (:mod:`.page_blocks`), but on a site laid out in
tables (no ``main``, no ``nav``/``footer`` elements) the menu, the banner, the copyright line and the
address at the foot of every page fall into the content's blocks: a Russian table on a Kazakh page, with
the Kazakh menu and footer beside it, then reads as Kazakh. What every page of a language repeats is the
template, not the page's text: its smallest pieces of text (a cell, a paragraph, a list item) that recur on
most of the language's pages (:data:`TEMPLATE_SHARE`, at least :data:`MIN_PAGES`) are left out. So are its
headings (the page's title names the section in the page's language whatever the text under it), the page's
own stamps («Жарияланған күні: 27.02.2026») and names in quotes; what is left - the page's running text - is
told cautiously (:func:`~ashyq.checks.completeness.page_blocks.block_lang`: Russian only with no letter only
Kazakh has).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ashyq.base.text import normalise, parse_html
from ashyq.checks.completeness.corpus import Unit, pieces_of
from ashyq.checks.completeness.machine_readable import STAMP
from ashyq.checks.completeness.page_blocks import block_lang

TEMPLATE_SHARE = 0.5  # a piece of text on at least this share of a language's pages is the template's
MIN_PAGES = 3  # a template needs this many pages to show itself
MIN_LETTERS = 40  # a page's own text needs this many letters before its language can be told
# a piece of text this long is a paragraph of running text, not a label or a card's value: where a page has this
# many and all are in one language, they tell the page's language
PARAGRAPH_LETTERS = 80
MIN_PARAGRAPHS = 2
QUOTED = re.compile(r"[«\"“][^«»\"“”]{1,80}[»\"”]")  # a quoted name keeps its language's letters
LETTER = re.compile(r"[а-яёәғқңөұүһі]", re.I)
STAMPED = re.compile(STAMP, re.I)
SPACE = re.compile(r"\s+")


def pieces(unit: Unit) -> tuple[tuple[str, bool], ...]:
    """The smallest pieces of text of a page (those holding no other piece), as written, each with whether
    it is a heading: read in the page's one parse (:func:`~ashyq.checks.completeness.corpus.pieces_of`),
    else parsed here."""
    if unit.kind not in ("page", "mobile"):
        return ()
    if unit.pieces is not None:
        return unit.pieces
    root = parse_html(unit.html)
    return () if root is None else pieces_of(root)


def template_of(units: Sequence[Unit]) -> frozenset[str]:
    """The pieces of text most pages of ``units`` (one language's) repeat."""
    pages = [u for u in units if u.kind in ("page", "mobile")]
    if len(pages) < MIN_PAGES:
        return frozenset()
    seen: Counter[str] = Counter()
    for unit in pages:
        seen.update({text for text, _ in pieces(unit)})
    least = max(MIN_PAGES, int(len(pages) * TEMPLATE_SHARE))
    return frozenset(text for text, count in seen.items() if count >= least)


def running_language(unit: Unit, template: frozenset[str], official: Sequence[str] = ()) -> str | None:
    """The language of the page's running text (its template's pieces, headings, stamps and quoted names left
    out, and the pieces of ``official``: the normalised texts of blocks holding a text that exists in one language
    only, the anthem's words); None when too little is left to tell, or it is mixed."""
    # a piece's lines may run together where the block's are spaced («аспаны,Алтын» against «аспаны, алтын»)
    blocks = [SPACE.sub("", block) for block in official]
    kept = [
        QUOTED.sub(" ", STAMPED.sub(" ", text))
        for text, heading in pieces(unit)
        if not heading and text not in template and not any(SPACE.sub("", normalise(text)) in b for b in blocks)
    ]
    own = " ".join(kept)
    if len(LETTER.findall(own)) < MIN_LETTERS:
        return None
    # a card's short labels and values in the page's language («Түрі: Құқықтық акт», «Тілі: орыс тілі») over
    # paragraphs in the other: the paragraphs, all in one language, are the running text
    paragraphs = [text for text in kept if len(LETTER.findall(text)) >= PARAGRAPH_LETTERS]
    told = {block_lang(text) for text in paragraphs}
    if len(paragraphs) >= MIN_PARAGRAPHS and len(told) == 1 and None not in told:
        return told.pop()
    return block_lang(own)


# the template of the last body's pages, per language: every section reads it (one reading each)
_TEMPLATES: dict[str, tuple[object, frozenset[str]]] = {}


def template_for(artifacts: object, units: Sequence[Unit], lang: str) -> frozenset[str]:
    """:func:`template_of` ``units`` (the pages of ``lang`` of ``artifacts``' body), read once per body."""
    held = _TEMPLATES.get(lang)
    if held is not None and held[0] is artifacts:
        return held[1]
    template = template_of(units)
    _TEMPLATES[lang] = (artifacts, template)
    return template
