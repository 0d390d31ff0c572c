"""The scorer: a pure function of a run's findings and a methodology edition.

``score_run(findings, edition)`` scores every CGO and MIO of the run. It works on the whole run,
not one body, because exempt bodies are given the average of the others.

Outcomes and points (see docs/methodology-format.md):

* ``pass`` / ``partial`` earn what the rule computes from ``measured``, less the capped deductions;
* ``fail`` earns nothing (a penalty item: its whole weight is taken away);
* ``not_assessed`` is neither awarded nor deducted: it earns 0 and its weight is reported as not
  assessed, so turning a ``fail`` into ``not_assessed`` can never lower a score;
* ``not_applicable`` earns what the item's ``when_not_applicable`` says.

Each score reports ``points`` (what was earned), ``max`` and ``upper`` (what the points would be
if everything not assessed turned out perfect). ``upper - points`` is the coverage gap, so a
partial audit is never mistaken for a bad one.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from scoring.edition import (
    BandedRule,
    BodyKind,
    ByInterpretation,
    ChoiceRule,
    CoefficientCombine,
    CoefficientRule,
    Edition,
    FormulaCombine,
    Group,
    Item,
    Lang,
    Param,
    PenaltyCombine,
    PenaltyRule,
    PresenceRule,
    ProportionalRule,
    ScaleCombine,
    apply_options,
    resolve_kind,
)
from scoring.findings import BodyInfo, Finding, FindingsError, FindingsFile, check_findings
from scoring.validate import evaluate_formula

DIGITS = 4


@dataclass
class ItemScore:
    item: str
    lang: Lang | None
    status: str
    points: float
    max: float
    upper: float
    base: float = 0.0
    deduction: float = 0.0
    note: str = ""
    exempt: str | None = None
    excluded: float = 0.0  # weight dropped from the maximum (not applicable, "exclude")

    def as_dict(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "lang": self.lang,
            "status": self.status,
            "points": round(self.points, DIGITS),
            "max": round(self.max, DIGITS),
            "not_assessed": round(self.upper - self.points, DIGITS),
            "deduction": round(self.deduction, DIGITS),
            "note": self.note,
            **({"exempt": self.exempt} if self.exempt else {}),
        }


@dataclass
class NodeScore:
    id: str
    points: float
    max: float
    upper: float
    items: list[ItemScore] = field(default_factory=list)
    children: list[NodeScore] = field(default_factory=list)
    by_lang: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "points": round(self.points, DIGITS),
            "max": round(self.max, DIGITS),
            "not_assessed": round(self.upper - self.points, DIGITS),
            "by_lang": {k: round(v, DIGITS) for k, v in self.by_lang.items()},
            "children": [c.as_dict() for c in self.children],
            "items": [i.as_dict() for i in self.items],
        }


@dataclass
class BodyScore:
    body: str
    kind: BodyKind
    edition: str
    criteria: list[NodeScore]
    total: float
    max: float
    upper: float
    penalty: float
    final: float
    level: str
    interpretations: dict[str, str]
    averages_borrowed: list[dict[str, Any]]
    not_assessed: list[dict[str, Any]]
    # the level if everything not assessed had turned out perfect: with ``level`` it brackets the truth
    level_best_case: str = ""

    @property
    def not_assessed_points(self) -> float:
        return self.upper - self.total

    @property
    def coverage(self) -> float:
        """Share of the maximum whose outcome is known (1.0 when everything was assessed)."""
        return 1.0 if self.max <= 0 else max(0.0, 1 - self.not_assessed_points / self.max)

    def as_dict(self) -> dict[str, Any]:
        return {
            "body": self.body,
            "kind": self.kind,
            "edition": self.edition,
            "total": round(self.total, DIGITS),
            "max": round(self.max, DIGITS),
            "not_assessed": round(self.not_assessed_points, DIGITS),
            "coverage": round(self.coverage, DIGITS),
            "penalty": round(self.penalty, DIGITS),
            "final": round(self.final, DIGITS),
            "level": self.level,
            "level_best_case": self.level_best_case or self.level,
            "criteria": [c.as_dict() for c in self.criteria],
            "interpretations": self.interpretations,
            "averages_borrowed": self.averages_borrowed,
            "not_assessed_items": self.not_assessed,
        }


@dataclass
class RunScores:
    edition: str
    bodies: list[BodyScore]
    interpretations: dict[str, str]
    averages: dict[str, float]

    def as_dict(self) -> dict[str, Any]:
        return {
            "format": "ashyq-scores/1",
            "edition": self.edition,
            "interpretations": self.interpretations,
            "averages": {k: round(v, DIGITS) for k, v in sorted(self.averages.items())},
            "bodies": [b.as_dict() for b in self.bodies],
        }


def average_key(item: str, lang: str | None) -> str:
    return f"{item}|{lang or '-'}"


class Scorer:
    """Holds an edition and the chosen interpretation options; scores whole runs."""

    def __init__(self, edition: Edition, options: dict[str, str] | None = None):
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
                return weight * min(1.0, float(m["share"])), f"share {m['share']}"
            return weight, ""
        if isinstance(rule, ProportionalRule):
            if "numerator" not in m or "denominator" not in m:
                return weight, ""
            num, den = float(m["numerator"]), float(m["denominator"])
            den_used = max(den, self.param(rule.min_denominator))
            if den_used <= 0:
                got = weight if rule.when_zero == "maximum" else 0.0
                return got, "nothing was due"
            return weight * min(1.0, num / den_used), f"{num:g} of {den_used:g}"
        if isinstance(rule, BandedRule):
            if "value" not in m:
                return weight, ""
            value = round_half_up(float(m["value"]), self.param(rule.round_to))
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
        raw = sum(d.amounts.get(x.kind or "", d.per) * x.count for x in f.deficiencies)
        return min(raw, d.cap_share * weight)

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
            return ItemScore(item.id, lang, "not_assessed", 0.0, top, top, note=reason)
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


def _leaves_of(nodes: list[NodeScore]) -> list[ItemScore]:
    out: list[ItemScore] = []
    for node in nodes:
        out.extend(node.items)
        out.extend(_leaves_of(node.children))
    return out


def score_run(
    findings: FindingsFile,
    edition: Edition,
    options: dict[str, str] | None = None,
    bodies: Iterable[BodyInfo] | None = None,
) -> RunScores:
    """Score every CGO and MIO in the run. Raises FindingsError (one line per problem) on bad input."""
    body_list = list(bodies) if bodies is not None else list(findings.bodies)
    if not body_list:
        raise FindingsError(["no bodies: give them in the findings file (bodies:) or with --bodies"])
    if bodies is not None:
        findings = findings.model_copy(update={"bodies": body_list})
    problems = check_findings(findings, edition)
    if problems:
        raise FindingsError(problems)
    return _RunScoring(Scorer(edition, options), findings, body_list).run()


class _RunScoring:
    """One scoring pass over a run: leaves first, then averages for exempt bodies, then the trees."""

    def __init__(self, scorer: Scorer, findings: FindingsFile, bodies: list[BodyInfo]):
        self.s = scorer
        self.edition = scorer.edition
        self.bodies = [b for b in bodies if b.kind in ("cgo", "mio")]
        self.by_key: dict[tuple[str, str, str | None], Finding] = {
            (f.body, f.item, f.lang): f for f in findings.findings
        }
        self.borrowed_in = findings.averages
        self.leaves: dict[tuple[str, str, str | None], ItemScore] = {}
        self.averages: dict[str, float] = {}
        self.borrowed: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.facts = findings.reporting_facts
        self.findings = findings

    def languages(self, item: Item) -> list[Lang | None]:
        return list(self.edition.languages) if item.per_language else [None]

    def exemption(self, item: Item, body: BodyInfo) -> str | None:
        for ex in item.exemptions:
            if set(ex.tags) & set(body.tags):
                return ex.award
        return None

    def run(self) -> RunScores:
        deferred: list[tuple[BodyInfo, Item, Lang | None, str]] = []
        for body in self.bodies:
            kind: BodyKind = body.kind  # type: ignore[assignment]
            for item in self.edition.items():
                if item.applies_to is not None and kind not in item.applies_to:
                    continue
                for lang in self.languages(item):
                    award = self.exemption(item, body)
                    if award in ("cgo_average", "all_average"):
                        deferred.append((body, item, lang, award))
                        continue
                    score = self.s.score_item(item, self.by_key.get((body.id, item.id, lang)), kind, lang)
                    if award is not None:
                        got = score.max if award == "maximum" else 0.0
                        score = ItemScore(
                            item.id,
                            lang,
                            "exempt",
                            got,
                            score.max,
                            got,
                            base=got,
                            note=f"exempt: {award}",
                            exempt=award,
                        )
                    self.leaves[(body.id, item.id, lang)] = score
        self._averages()
        for body, item, lang, award in deferred:
            self.leaves[(body.id, item.id, lang)] = self._averaged(body, item, lang, award)
        scores = [self._body(b) for b in self.bodies]
        return RunScores(self.edition.edition, scores, dict(self.s.options), self.averages)

    def _averages(self) -> None:
        sums: dict[tuple[str, str], list[float]] = defaultdict(list)
        kinds = {b.id: b.kind for b in self.bodies}
        for (body_id, item_id, lang), leaf in self.leaves.items():
            if leaf.status in ("pass", "partial", "fail") and leaf.exempt is None:
                key = average_key(item_id, lang)
                sums[(key, "all")].append(leaf.points)
                if kinds[body_id] == "cgo":
                    sums[(key, "cgo")].append(leaf.points)
        for (key, scope), values in sums.items():
            self.averages[f"{scope}:{key}"] = sum(values) / len(values)

    def _averaged(self, body: BodyInfo, item: Item, lang: Lang | None, award: str) -> ItemScore:
        scope = "cgo" if award == "cgo_average" else "all"
        kind: BodyKind = body.kind  # type: ignore[assignment]
        top = item.weight(kind, lang)
        key = average_key(item.id, lang)
        value = self.averages.get(f"{scope}:{key}")
        source = "this run"
        if value is None and f"{scope}:{key}" in self.borrowed_in:
            value, source = self.borrowed_in[f"{scope}:{key}"], "an earlier complete run"
        if value is None and key in self.borrowed_in:
            value, source = self.borrowed_in[key], "an earlier complete run"
        if value is None:
            return ItemScore(
                item.id,
                lang,
                "not_assessed",
                0.0,
                top,
                top,
                note=f"exempt ({award}) but no average is available",
                exempt=award,
            )
        value = min(top, max(0.0, value))
        if source != "this run":
            self.borrowed[body.id].append(
                {"item": item.id, "lang": lang, "scope": scope, "points": round(value, DIGITS), "from": source}
            )
        return ItemScore(
            item.id,
            lang,
            "exempt",
            value,
            top,
            value,
            base=value,
            note=f"exempt: {scope.upper()} average from {source}",
            exempt=award,
        )

    # ------------------------------------------------------------------ aggregation
    def _body(self, body: BodyInfo) -> BodyScore:
        kind: BodyKind = body.kind  # type: ignore[assignment]
        criteria = [
            self._group(g, body, kind) for g in self.edition.criteria if g.applies_to is None or kind in g.applies_to
        ]
        total = sum(c.points for c in criteria)
        upper = sum(c.upper for c in criteria)
        top = sum(c.max for c in criteria)
        penalty = self._reporting_penalty(body)
        final = total - penalty
        not_assessed = [
            {"item": leaf.item, "lang": leaf.lang, "reason": leaf.note, "max": round(leaf.max, DIGITS)}
            for leaf in _leaves_of(criteria)
            if leaf.status == "not_assessed"
        ]
        best = self.edition.level_for(upper - penalty).id
        return BodyScore(
            body.id,
            kind,
            self.edition.edition,
            criteria,
            total,
            top,
            upper,
            penalty,
            final,
            self.edition.level_for(final).id,
            dict(self.s.options),
            self.borrowed.get(body.id, []),
            not_assessed,
            best,
        )

    def _reporting_penalty(self, body: BodyInfo) -> float:
        rp = self.edition.reporting_penalty
        if rp is None:
            return 0.0
        facts = self.facts.get(body.id, 0)
        f = self.by_key.get((body.id, rp.item, None))
        if f is not None and f.status in ("fail", "partial"):
            facts += sum(d.count for d in f.deficiencies) or int(f.measured.get("facts", 0))
        return min(rp.cap, rp.per_fact * facts)

    def _group(self, group: Group, body: BodyInfo, kind: BodyKind) -> NodeScore:
        children: list[NodeScore] = []
        leaves: list[ItemScore] = []
        for child in group.children:
            if child.applies_to is not None and kind not in child.applies_to:
                continue
            if isinstance(child, Group):
                children.append(self._group(child, body, kind))
            else:
                for lang in self.languages(child):
                    leaf = self.leaves.get((body.id, child.id, lang))
                    if leaf is not None:
                        leaves.append(leaf)
        node = NodeScore(group.id, 0.0, 0.0, 0.0, items=leaves, children=children)
        combine = group.combine
        if isinstance(combine, FormulaCombine):
            self._formula(node, group, combine)
        elif isinstance(combine, CoefficientCombine):
            self._coefficient(node, group, combine, kind)
        else:
            self._sum(node, group, kind)
            if isinstance(combine, ScaleCombine):
                raw = resolve_kind(combine.scale["raw_max"], kind)
                raw_eff = raw - sum(i.excluded for i in node.items)
                factor = group.max_for(kind) / raw_eff if raw_eff > 0 else 0.0
                node.points, node.upper = node.points * factor, node.upper * factor
                node.by_lang = {k: v * factor for k, v in node.by_lang.items()}
                node.max = group.max_for(kind) if raw_eff > 0 else 0.0
            elif isinstance(combine, PenaltyCombine):
                node.points = max(-combine.penalty_cap, node.points)
                node.upper = max(-combine.penalty_cap, node.upper)
                node.max = 0.0
        return node

    def _sum(self, node: NodeScore, group: Group, kind: BodyKind) -> None:
        """Children added per language; deductions capped per language if the group says so;
        stimulus items added last; never above the group's maximum."""
        stimulus_ids = {c.id for c in group.children if isinstance(c, Item) and c.stimulus}
        regular = [x for x in node.items if x.item not in stimulus_ids]
        stimulus = [x for x in node.items if x.item in stimulus_ids]
        own: dict[str, float] = defaultdict(float)
        deductions: dict[str, float] = defaultdict(float)
        for leaf in regular:
            own[leaf.lang or "-"] += leaf.base
            deductions[leaf.lang or "-"] += leaf.deduction
        cap = group.deduction_cap
        for lang, ded in deductions.items():
            own[lang] -= min(ded, cap.share * cap.of) if cap else ded
        # children count with their points (a scaled or coefficient child's split is only for display)
        points = sum(own.values()) + sum(c.points for c in node.children)
        by_lang = defaultdict(float, own)
        for child in node.children:
            for lang, value in child.by_lang.items():
                by_lang[lang] += value
        gap = sum(x.upper - x.points for x in regular) + sum(c.upper - c.points for c in node.children)
        node.max = sum(x.max for x in regular) + sum(c.max for c in node.children)
        node.points = min(node.max, points + sum(x.points for x in stimulus))
        node.upper = min(node.max, points + gap + sum(x.upper for x in stimulus))
        node.by_lang = dict(by_lang)

    def _formula(self, node: NodeScore, group: Group, combine: FormulaCombine) -> None:
        symbols = {c.id: c.symbol for c in group.children if isinstance(c, Item)}
        per_lang: dict[str, dict[str, ItemScore]] = defaultdict(dict)
        for leaf in node.items:
            per_lang[leaf.lang or "-"][symbols[leaf.item] or leaf.item] = leaf
        node.points = node.upper = node.max = 0.0
        for lang, leaves in per_lang.items():
            low = evaluate_formula(combine.formula, {s: x.points for s, x in leaves.items()})
            high = evaluate_formula(combine.formula, {s: x.upper for s, x in leaves.items()})
            top = evaluate_formula(combine.formula, {s: x.max for s, x in leaves.items()})
            node.by_lang[lang] = low
            node.points += low
            node.upper += high
            node.max += top

    def _coefficient(self, node: NodeScore, group: Group, combine: CoefficientCombine, kind: BodyKind) -> None:
        ref = combine.coefficient["item"]
        raw = resolve_kind(combine.coefficient["raw_max"], kind)
        coeff = [x for x in node.items if x.item == ref]
        rest = NodeScore(
            group.id, 0.0, 0.0, 0.0, items=[x for x in node.items if x.item != ref], children=node.children
        )
        self._sum(rest, group.model_copy(update={"combine": "sum", "max": raw}), kind)
        penalties = sum(x.points for x in rest.items if x.points < 0 and x.max == 0)
        k_low = coeff[0].points if coeff else 0.0
        k_high = coeff[0].upper if coeff else group.max_for(kind)
        positive = rest.points - penalties
        positive_upper = rest.upper - penalties
        node.points = max(0.0, positive / raw * k_low + penalties) if k_low > 0 else 0.0
        node.upper = max(0.0, positive_upper / raw * k_high + penalties) if k_high > 0 else 0.0
        node.max = group.max_for(kind)
        node.by_lang = {k: v / raw * k_low for k, v in rest.by_lang.items() if k != "-"}
        if penalties:
            node.by_lang["-"] = penalties
