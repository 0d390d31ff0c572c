"""A page's counterpart in the other language found by what a translation writes alike, where neither its
address nor its language switch names it (:func:`ashyq.checks.completeness.languages.counterpart`): a site that
gives each language its own addresses (other article ids, other slugs), orders its menus otherwise and has a
switch that leads to the other home page still writes the same sums, phones, dates and e-mails in both versions
of a page. The menus' order was tried first and paired wrong pages on a site whose two menus differ."""

from __future__ import annotations

import re

from ashyq.checks.completeness.corpus import Unit

TWIN_SHARE = 0.5  # the share of their neutral tokens two pages must have in common to be one text in two languages
MIN_TOKENS = 4  # a page with fewer numbers and addresses says too little to be paired by them
NEUTRAL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d{2,}")


def _neutral(unit: Unit) -> frozenset[str]:
    """What a text writes alike in both languages: its numbers (of two digits or more: sums, phones, dates,
    years) and e-mail addresses, in its content (the menus and footers left out)."""
    return frozenset(NEUTRAL.findall(unit.main))


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _closest(unit: Unit, among: list[Unit]) -> Unit | None:
    """The page of ``among`` sharing most of ``unit``'s neutral tokens, if it shares :data:`TWIN_SHARE` of them."""
    own = _neutral(unit)
    if len(own) < MIN_TOKENS:
        return None
    scored = [(_similarity(own, _neutral(u)), n) for n, u in enumerate(among) if u.kind == unit.kind]
    best = max(scored, default=(0.0, -1))
    return among[best[1]] if best[0] >= TWIN_SHARE else None


def text_twin(unit: Unit, mine: list[Unit], theirs: list[Unit]) -> Unit | None:
    """``unit``'s counterpart among ``mine`` by what the two texts write alike (:func:`_neutral`): a site that
    gives each language its own addresses (other article ids, other slugs), orders its menus otherwise and has
    a switch that leads to the other home page still writes the same sums, phones, dates and e-mails in both
    versions of a page. The pair is taken where each is the other's closest (``theirs``: the other language's
    pages) and they share half their tokens."""
    twin = _closest(unit, mine)
    if twin is None or _closest(twin, theirs) is not unit:
        return None
    return twin
