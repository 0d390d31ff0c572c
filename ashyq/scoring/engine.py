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

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from ashyq.base.figures import round_points
from ashyq.base.period import MONITORING, monitored_share
from ashyq.methodology.edition import (
    BodyKind,
    CoefficientCombine,
    Edition,
    FormulaCombine,
    Group,
    Item,
    Lang,
    PenaltyCombine,
    ScaleCombine,
    resolve_kind,
    walk,
)
from ashyq.methodology.validate import evaluate_formula
from ashyq.scoring.certainty import bracket_open_verdicts
from ashyq.scoring.findings import BodyInfo, Finding, FindingsError, FindingsFile, check_findings
from ashyq.scoring.rules import Scorer, average_key
from ashyq.scoring.scores import DIGITS, BodyScore, ItemScore, NodeScore, RunScores

__all__ = ["BodyScore", "ItemScore", "NodeScore", "RunScores", "Scorer", "score_run"]


def _leaves_of(nodes: list[NodeScore]) -> list[ItemScore]:
    out: list[ItemScore] = []
    for node in nodes:
        out.extend(node.items)
        out.extend(_leaves_of(node.children))
    return out


def _received(leaf: ItemScore) -> bool:
    """A score the body received: measured, or given (not applicable, a fixed exemption award);
    not one that is unknown, averaged itself, or taken out of the maximum ("exclude")."""
    if leaf.status in ("pass", "partial", "fail"):
        return True
    if leaf.status == "not_applicable":
        return leaf.excluded == 0
    return leaf.status == "exempt" and leaf.exempt in ("maximum", "zero")


def shown_exemptions(
    findings: Iterable[Finding], criterion_of: Mapping[str, str]
) -> dict[tuple[str, str], dict[str, str]]:
    """(body, criterion) → exemption tag → the finding that showed it. A finding exempt on ``T`` for
    item ``I`` shows ``T`` for its criterion (readings that exempt the whole criterion) and ``T:I``
    (readings that exempt only the indicators it was shown on); ``criterion_of``: :func:`criteria_of`."""
    out: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for f in findings:
        tag = f.measured.get("exempt") if f.measured else None
        if isinstance(tag, str) and f.item in criterion_of:
            where = f"{f.item} {f.lang or '-'}"
            shown = out[(f.body, criterion_of[f.item])]
            shown.setdefault(tag, where)
            shown.setdefault(f"{tag}:{f.item}", where)
    return out


def criteria_of(edition: Edition) -> dict[str, str]:
    """item id → the id of the criterion (top-level group) it belongs to."""
    return {node.id: c.id for c in edition.criteria for node in walk([c]) if isinstance(node, Item)}


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
    share = monitored_share(findings.run)

    def score(document: FindingsFile) -> RunScores:
        return _RunScoring(Scorer(edition, options, share), document, body_list).run()

    scored = score(findings)
    bracket_open_verdicts(findings, scored, score)
    return scored


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
        self.criterion_of = criteria_of(self.edition)
        self.shown = shown_exemptions(findings.findings, self.criterion_of)

    def languages(self, item: Item) -> list[Lang | None]:
        return list(self.edition.languages) if item.per_language else [None]

    def exemption(self, item: Item, body: BodyInfo) -> tuple[str, str] | None:
        """The award and why: a registry tag of the body, or an exemption its findings showed."""
        shown = self.shown.get((body.id, self.criterion_of[item.id]), {})
        for ex in item.exemptions:
            for tag in ex.tags:
                if tag in body.tags:
                    return ex.award, f"registry tag {tag}"
                if tag in shown:
                    return ex.award, f"{tag}, shown by the finding {shown[tag]}"
        return None

    def run(self) -> RunScores:
        deferred: list[tuple[BodyInfo, Item, Lang | None, str, str]] = []
        for body in self.bodies:
            kind: BodyKind = body.kind
            for item in self.edition.items():
                if item.applies_to is not None and kind not in item.applies_to:
                    continue
                for lang in self.languages(item):
                    exempt = self.exemption(item, body)
                    award, why = exempt if exempt else (None, "")
                    if award in ("cgo_average", "all_average"):
                        deferred.append((body, item, lang, award, why))
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
                            note=f"exempt ({why}): {award}",
                            exempt=award,
                        )
                    self.leaves[(body.id, item.id, lang)] = score
        self._averages()
        for body, item, lang, award, why in deferred:
            self.leaves[(body.id, item.id, lang)] = self._averaged(body, item, lang, award, why)
        scores = [self._body(b) for b in self.bodies]
        return RunScores(self.edition.edition, scores, dict(self.s.options), self.averages, self.s.share)

    def _averages(self) -> None:
        """Point 67 part three: «средний балл полученных оценок всех государственных органов» - the
        scores the bodies received, a maximum given as not applicable or by an exemption included;
        only what is unknown (not assessed) or itself an average is left out."""
        sums: dict[tuple[str, str], list[float]] = defaultdict(list)
        kinds = {b.id: b.kind for b in self.bodies}
        for (body_id, item_id, lang), leaf in self.leaves.items():
            if _received(leaf):
                key = average_key(item_id, lang)
                sums[(key, "all")].append(leaf.points)
                if kinds[body_id] == "cgo":
                    sums[(key, "cgo")].append(leaf.points)
        for (key, scope), values in sums.items():
            self.averages[f"{scope}:{key}"] = sum(values) / len(values)

    def _averaged(self, body: BodyInfo, item: Item, lang: Lang | None, award: str, why: str) -> ItemScore:
        scope = "cgo" if award == "cgo_average" else "all"
        kind: BodyKind = body.kind
        top = item.weight(kind, lang)
        key = average_key(item.id, lang)
        value = self.averages.get(f"{scope}:{key}")
        source = "this run"
        lender = self.findings.run.get("averages_from")
        earlier = f"run {lender}" if lender else "an earlier complete run"
        if value is None and f"{scope}:{key}" in self.borrowed_in:
            value, source = self.borrowed_in[f"{scope}:{key}"], earlier
        if value is None and key in self.borrowed_in:
            value, source = self.borrowed_in[key], earlier
        if value is None:
            return ItemScore(
                item.id,
                lang,
                "not_assessed",
                0.0,
                top,
                top,
                note=f"exempt ({why}: {award}) but no average is available",
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
            note=f"exempt ({why}): {scope.upper()} average from {source}",
            exempt=award,
        )

    # ------------------------------------------------------------------ aggregation
    def _body(self, body: BodyInfo) -> BodyScore:
        kind: BodyKind = body.kind
        criteria = [
            self._group(g, body, kind) for g in self.edition.criteria if g.applies_to is None or kind in g.applies_to
        ]
        total = sum(c.points for c in criteria)
        upper = sum(c.upper for c in criteria)
        top = sum(c.max for c in criteria)
        penalty = self._reporting_penalty(body)
        # the text gives its levels on so many decimals (70–89,99; the feedback scale 70–89,9): the final
        # is rounded once to them, and the level is read from that printed figure, never from digits
        # nobody sees
        places = self.edition.final_places
        final = round_points(total - penalty, places)
        not_assessed = [
            {
                "item": leaf.item,
                "lang": leaf.lang,
                "reason": leaf.note,
                "max": round(leaf.max, DIGITS),
                **({"penalty": round(leaf.downside, DIGITS)} if leaf.downside > 0 else {}),
            }
            for leaf in _leaves_of(criteria)
            if leaf.status == "not_assessed"
        ]
        # a penalty not assessed is an unknown too: it could only lower the score, by up to its caps
        penalty_span = sum(
            g.combine.penalty_cap
            for g in self.edition.criteria
            if isinstance(g.combine, PenaltyCombine) and (g.applies_to is None or kind in g.applies_to)
        )
        best = self.edition.level_for(round_points(upper - penalty, places)).id
        level = self.edition.level_for(final).id
        if self.s.share is not None:  # a period monitored to date: points so far, never a level
            level = best = MONITORING
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
            level,
            dict(self.s.options),
            self.borrowed.get(body.id, []),
            not_assessed,
            best,
            sum(c.downside for c in criteria),
            penalty_span,
        )

    def _reporting_penalty(self, body: BodyInfo) -> float:
        """Untrue facts of the reconciliation act (``reporting_facts``, the one route for them) × the
        cost per fact the chosen reading gives, capped."""
        rp = self.edition.reporting_penalty
        if rp is None:
            return 0.0
        return min(rp.cap, self.s.param(rp.per_fact) * self.facts.get(body.id, 0))

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
                node.lower = None if node.lower is None else node.lower * factor
                node.by_lang = {k: v * factor for k, v in node.by_lang.items()}
                node.max = group.max_for(kind) if raw_eff > 0 else 0.0
            elif isinstance(combine, PenaltyCombine):
                node.points = max(-combine.penalty_cap, node.points)
                node.upper = max(-combine.penalty_cap, node.upper)
                node.lower = max(-combine.penalty_cap, node.points if node.lower is None else node.lower)
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
        downside = sum(x.downside for x in regular) + sum(c.downside for c in node.children)
        node.max = sum(x.max for x in regular) + sum(c.max for c in node.children)
        bonus = sum(x.points for x in stimulus)
        node.points = points + self._stimulus(group, points, bonus, node.max)
        node.lower = node.points - downside
        node.upper = points + gap + self._stimulus(group, points + gap, sum(x.upper for x in stimulus), node.max)
        # the stimulus counts in the language that earned it, in the share of it that counted
        counted = (node.points - points) / bonus if bonus > 0 else 0.0
        for leaf in stimulus:
            by_lang[leaf.lang or "-"] += leaf.points * counted
        node.by_lang = dict(by_lang)

    @staticmethod
    def _stimulus(group: Group, points: float, bonus: float, top: float) -> float:
        """What the stimulus items add to ``points``: up to the group's maximum, or — when the edition
        reads it so — in full, but only for a group below its maximum without them."""
        if not group.stimulus_within_max:
            return bonus if points < top else 0.0
        return max(0.0, min(bonus, top - points))

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
        node.max = group.max_for(kind)
        if combine.coefficient.get("penalties", "scaled") == "raw":
            # penalties taken from the appendix's points before ÷ raw_max × k, like its deductions
            node.points = max(0.0, (positive + penalties) / raw * k_low) if k_low > 0 else 0.0
            node.upper = max(0.0, (positive_upper + penalties) / raw * k_high) if k_high > 0 else 0.0
        else:
            node.points = max(0.0, positive / raw * k_low + penalties) if k_low > 0 else 0.0
            node.upper = max(0.0, positive_upper / raw * k_high + penalties) if k_high > 0 else 0.0
        node.by_lang = {k: v / raw * k_low for k, v in rest.by_lang.items() if k != "-"}
        if penalties:  # what the penalties really took (the group never goes below 0)
            node.by_lang["-"] = node.points - sum(node.by_lang.values())
