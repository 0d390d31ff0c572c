"""How one methodology item turns one finding into points: the rules of the edition (presence,
proportional, banded, choice, penalty, coefficient), the deduction caps, and what ``fail``,
``not_assessed`` and ``not_applicable`` earn. See docs/findings-format.md."""

from __future__ import annotations

import math

from ashyq.methodology.edition import (
    BandedRule,
    BodyKind,
    ByInterpretation,
    ChoiceRule,
    CoefficientRule,
    Edition,
    Item,
    Lang,
    Param,
    PenaltyRule,
    PresenceRule,
    ProportionalRule,
    apply_options,
)
from ashyq.scoring.findings import Finding
from ashyq.scoring.scores import ItemScore


def average_key(item: str, lang: str | None) -> str:
    return f"{item}|{lang or '-'}"


class Scorer:
    """Holds an edition and the chosen interpretation options; scores whole runs."""

    def __init__(self, edition: Edition, options: dict[str, str] | None = None, share: float | None = None):
        # a run monitoring its period to date: the share of the period gone (None: an assessment)
        self.share = share
        self.options = {i.id: i.default for i in edition.interpretations}
        for key, value in (options or {}).items():
            try:
                interp = edition.interpretation(key)
            except KeyError:
                raise ValueError(f"no interpretation {key!r} in edition {edition.edition}") from None
            if value not in interp.options:
                raise ValueError(f"interpretation {key!r} has no option {value!r} ({', '.join(interp.options)})")
            self.options[key] = value
        # the edition as the chosen readings have it (options may change weights, awards, bands)
        self.edition = apply_options(edition, self.options)
        self.items = {i.id: i for i in self.edition.items()}
        self._weights: dict[tuple[str, str, str | None], float] = {}

    # ------------------------------------------------------------------ parameters and leaves
    def param(self, value: Param) -> float:
        if isinstance(value, ByInterpretation):
            return float(value.values[self.options[value.by_interpretation]])
        return float(value)

    def floor(self, item: Item, weight: float) -> float:
        """What a ``fail`` earns: nothing, or the whole weight taken away for a penalty. (A deduction
        cap protects what a ``partial`` finding keeps; it does not reward a total failure.)"""
        if isinstance(item.rule, PenaltyRule):
            return -weight
        if isinstance(item.rule, CoefficientRule):
            return min(item.rule.values)
        return 0.0

    def top(self, item: Item, weight: float) -> float:
        if isinstance(item.rule, PenaltyRule):
            return 0.0
        if isinstance(item.rule, CoefficientRule):
            return max(item.rule.values)
        return weight

    def base_points(self, item: Item, f: Finding, weight: float) -> tuple[float, str]:
        """Points from the measurement, before deductions, for a pass or partial finding."""
        rule, m = item.rule, f.measured
        if isinstance(rule, PresenceRule):
            if f.status == "partial" and "share" in m:
                share = min(1.0, float(m["share"]))
                if rule.all_or_nothing and share < 1:
                    return 0.0, f"share {m['share']}: not every part (all or nothing)"
                return weight * share, f"share {m['share']}"
            return weight, ""
        if isinstance(rule, ProportionalRule):
            if "numerator" not in m or "denominator" not in m:
                return weight, ""
            num, den = float(m["numerator"]), float(m["denominator"])
            floor = self.param(rule.min_denominator)
            if rule.prorated and self.share is not None:
                floor *= self.share
            den_used = max(den, floor)
            if den_used <= 0:
                got = weight if rule.when_zero == "maximum" else 0.0
                return got, "nothing was due"
            if rule.all_or_nothing and num < den_used:
                return 0.0, f"{num:g} of {den_used:g}: not all (all or nothing)"
            return weight * min(1.0, num / den_used), f"{num:g} of {den_used:g}"
        if isinstance(rule, BandedRule):
            if "value" not in m:
                return weight, ""
            value = round_half_up(float(m["value"]), self.param(rule.round_to))
            if rule.prorated and self.share is not None and self.share > 0:
                on_course = band_points(rule, value / self.share)
                return on_course, f"value {m['value']} to date, {value / self.share:.1f} at this pace over the period"
            return band_points(rule, value), f"value {m['value']}"
        if isinstance(rule, ChoiceRule):
            if "level" not in m:
                return weight, ""
            level = str(m["level"])
            return rule.levels.get(level, rule.otherwise), f"level {level}"
        if isinstance(rule, PenaltyRule):
            if f.status == "pass":
                return 0.0, ""
            n = sum(d.count for d in f.deficiencies) or 1
            return -weight * (n if rule.per_occurrence else 1), f"{n} deficiency(ies)"
        if isinstance(rule, CoefficientRule):
            return float(m.get("value", max(rule.values))), f"k = {m.get('value')}"
        raise TypeError(rule)  # pragma: no cover - the schema admits no other rule

    def deduction(self, item: Item, f: Finding, weight: float) -> float:
        d = item.deductions
        if d is None or isinstance(item.rule, PenaltyRule | CoefficientRule):
            return 0.0
        if d.zero_at is not None and sum(x.count for x in f.deficiencies) >= d.zero_at:
            return weight  # every requirement of the row violated: nothing is left
        costs = [(x.kind or "", d.amounts.get(x.kind or "", d.per) * x.count) for x in f.deficiencies]
        if d.cap_kinds is None:
            return min(sum(cost for _, cost in costs), d.cap_share * weight)
        capped = sum(cost for kind, cost in costs if kind in d.cap_kinds)
        free = sum(cost for kind, cost in costs if kind not in d.cap_kinds)
        return min(free + min(capped, d.cap_share * weight), weight)

    def weight(self, item: Item, kind: BodyKind, lang: Lang | None) -> float:
        key = (item.id, kind, lang)
        cached = self._weights.get(key)
        if cached is None:
            cached = self._weights[key] = item.weight(kind, lang)
        return cached

    def score_item(self, item: Item, f: Finding | None, kind: BodyKind, lang: Lang | None) -> ItemScore:
        weight = self.weight(item, kind, lang)
        top, floor = self.top(item, weight), self.floor(item, weight)
        if f is None or f.status == "not_assessed":
            reason = "no finding" if f is None else (f.reason or "not assessed")
            # a penalty not assessed may still be taken: its floor is the worst case (at least one
            # occurrence), the group's cap bounds it
            worst = floor if isinstance(item.rule, PenaltyRule) else None
            return ItemScore(item.id, lang, "not_assessed", 0.0, top, top, note=reason, lower=worst)
        if f.status == "not_applicable":
            award = item.when_not_applicable or self.edition.defaults.when_not_applicable
            got = top if award == "maximum" else 0.0
            got_max = 0.0 if award == "exclude" else top
            return ItemScore(
                item.id,
                lang,
                "not_applicable",
                got,
                got_max,
                got,
                base=got,
                note=f"not applicable: {award}",
                excluded=top - got_max,
            )
        if f.status == "fail":
            if isinstance(item.rule, PenaltyRule):  # the deficiency found costs its weight (per occurrence)
                floor, _ = self.base_points(item, f, weight)
            return ItemScore(item.id, lang, "fail", floor, top, floor, base=floor, note="requirement not met")
        base, note = self.base_points(item, f, weight)
        ded = self.deduction(item, f, weight)
        points = max(min(floor, 0.0), base - ded) if not isinstance(item.rule, CoefficientRule) else base
        applied = base - points  # what the deductions really took (never more than the base)
        if applied:
            note = f"{note}; −{applied:g} for deficiencies".lstrip("; ")
        return ItemScore(item.id, lang, f.status, points, top, points, base=base, deduction=applied, note=note)


def round_half_up(value: float, step: float) -> float:
    """``value`` rounded to a multiple of ``step``, halves up (``step`` 0: unchanged)."""
    if step <= 0:
        return value
    return float(math.floor(value / step + 0.5) * step)


def band_points(rule: BandedRule, value: float) -> float:
    """Points of the first band the value reaches, highest band first. How printed gaps between
    bands are closed is stated by the band minima themselves (and named in the rule's interpretation)."""
    for band in rule.bands:
        if (value > band.min) if band.exclusive else (value >= band.min):
            return band.points
    return rule.otherwise
