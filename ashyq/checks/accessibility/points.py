"""Appendix 14's own arithmetic, applied by the checks: the one place an Appendix 14 row's status is
derived from its distribution of points («Порядок распределения баллов», seed 001, lines 2720-3105).

A check measures and lists what it found wrong; :func:`judge` applies the row's distribution (its
weight, its deduction per requirement or per fact, its caps, its bands or levels, as the edition's
item states them under the run's readings) and reads the status off the points: the whole weight is
``pass``, nothing is ``fail``, anything between is ``partial``. So a row whose three requirements are
all violated (2.9: 3 × 0.2 of 0.6) is a ``fail``, and materials within the band's limit (2.2) are a
``pass`` whatever else is listed beside them. The finding's note cites the row and shows the sum.

The scorer turns the same finding into the same points (a ``fail`` earns nothing, a ``partial`` or
``pass`` its base less the deductions), so the status a check reports and the points it earns never
disagree.

The edition is read here, not the scorer (the checks and the scorer are rooms of one layer): the
arithmetic of the four rule types Appendix 14 uses is small and mirrors ``ashyq.scoring.rules``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ashyq.base.evidence import Deficiency
from ashyq.base.vocabulary import Status
from ashyq.base.wording import Said
from ashyq.checks.accessibility.website import Parsed
from ashyq.checks.edition_index import reading
from ashyq.checks.result import Result
from ashyq.methodology.edition import (
    BandedRule,
    ChoiceRule,
    Item,
    PresenceRule,
    ProportionalRule,
    apply_options,
    available_editions,
    edition_path,
)
from ashyq.methodology.validate import load_edition

EPSILON = 1e-9


@dataclass(frozen=True)
class Points:
    """What the row's distribution gives the measurement: points of the weight, and the status."""

    got: float
    weight: float
    note: Said

    @property
    def status(self) -> Status:
        if self.got >= self.weight - EPSILON:
            return "pass"
        return "fail" if self.got <= EPSILON else "partial"


@functools.cache
def _item(item_id: str, options: tuple[tuple[str, str], ...]) -> Item:
    """The Appendix 14 row as the first edition that has it states it, under the run's readings."""
    for name in available_editions():
        edition = load_edition(edition_path(name))
        if any(i.id == item_id for i in edition.items()):
            read = apply_options(edition, dict(options))
            return next(i for i in read.items() if i.id == item_id)
    raise KeyError(f"no edition has the item {item_id}")


def row_of(item_id: str, config: Mapping[str, Any]) -> Item:
    """The row with the options the run chose for its interpretations."""
    first = _item(item_id, ())
    options = tuple((i, reading(config, i)) for i in first.interpretations)
    return _item(item_id, options) if options else first


def _base(item: Item, weight: float, measured: Mapping[str, Any], deficiencies: Sequence[Deficiency]) -> float:
    rule = item.rule
    if isinstance(rule, BandedRule):
        value = float(measured["value"])
        return next(
            (b.points for b in rule.bands if (value > b.min if b.exclusive else value >= b.min)), rule.otherwise
        )
    if isinstance(rule, ChoiceRule):
        return float(rule.levels.get(str(measured.get("level")), rule.otherwise))
    if isinstance(rule, ProportionalRule):
        den = float(measured.get("denominator") or 0)
        return weight * min(1.0, float(measured.get("numerator") or 0) / den) if den else weight
    if isinstance(rule, PresenceRule) and item.deductions is None and deficiencies:
        # a row without a distribution of its own: what it asks for is there or it is not
        return weight * min(1.0, float(measured["share"])) if "share" in measured else 0.0
    return weight


def _deduction(item: Item, weight: float, deficiencies: Sequence[Deficiency]) -> float:
    d = item.deductions
    if d is None:
        return 0.0
    if d.zero_at is not None and sum(x.count for x in deficiencies) >= d.zero_at:
        return weight
    costs = [(x.kind or "", d.amounts.get(x.kind or "", d.per) * x.count) for x in deficiencies]
    if d.cap_kinds is None:
        return min(sum(c for _, c in costs), d.cap_share * weight)
    capped = sum(c for kind, c in costs if kind in d.cap_kinds)
    free = sum(c for kind, c in costs if kind not in d.cap_kinds)
    return min(free + min(capped, d.cap_share * weight), weight)


def judge(
    item_id: str,
    deficiencies: Sequence[Deficiency],
    measured: Mapping[str, Any],
    config: Mapping[str, Any],
    *,
    nothing: bool = False,
) -> Points:
    """The row's points for what was measured (``nothing``: what the row asks for is absent altogether,
    which earns nothing whatever the caps keep), with a note citing the row and showing the sum."""
    item = row_of(item_id, config)
    weight = item.weight("cgo", None)
    base = 0.0 if nothing else _base(item, weight, measured, deficiencies)
    taken = 0.0 if nothing else _deduction(item, weight, deficiencies)
    got = round(max(0.0, base - taken), 6)
    row = item_id.removeprefix("A14-")
    source = f"{item.source.file}, {item.source.point}" if item.source.point else item.source.file
    figures = {"row": row, "source": source, "got": f"{got:g}", "weight": f"{weight:g}"}
    head, tail = f"Appendix 14 row {row} ({source}): ", f" = {got:g} of {weight:g}"
    if nothing:
        note = Said(f"{head}nothing the row asks for was found{tail}", "reason.a14.points.nothing", **figures)
    elif taken:
        note = Said(
            f"{head}{base:g} − {taken:g} deducted{tail}",
            "reason.a14.points.deducted",
            base=f"{base:g}",
            taken=f"{taken:g}",
            **figures,
        )
    else:
        note = Said(f"{head}{base:g}{tail}", "reason.a14.points", base=f"{base:g}", **figures)
    return Points(got, weight, note)


def by_language(pages: Sequence[Parsed], judge_pages: Callable[[list[Parsed]], Result]) -> dict[str, str]:
    """Each state language judged on its own pages alone: ``{"kk": status, "ru": status}`` (a language
    none of whose pages was harvested is left out). Appendix 14 is one table for the website, so the
    row's points come from the whole site; these say which language version the deficiencies are of."""
    out: dict[str, str] = {}
    for lang in ("kk", "ru"):
        own = [p for p in pages if p.page.lang == lang]
        if own:
            out[lang] = judge_pages(own).status
    return out
