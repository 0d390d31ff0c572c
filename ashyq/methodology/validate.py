"""Validation of a methodology edition: its schema, then its arithmetic.

A broken file is refused with one line per problem, naming the file, the node, what was expected
and what was found, never a traceback. The arithmetic rules:

* a ``sum`` group's children add up to the group's maximum, for every body kind it applies to;
* a ``scale`` or ``coefficient`` group's children add up to its ``raw_max``;
* a ``formula`` group evaluated at its children's maxima gives its maximum;
* a ``penalty`` group's cap does not exceed what its children can take away;
* every deduction cap and band stays within its item's weight;
* the criteria add up to the edition's ``total_max``; interpretations referenced exist.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import Any

from pydantic import ValidationError

from ashyq.base.strict_files import FileRefused, read_bounded
from ashyq.config import tag_problem
from ashyq.config.loader import ConfigError, read
from ashyq.config.loader import kind as config_kind
from ashyq.methodology.edition import (
    KINDS,
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
    PenaltyCombine,
    PenaltyRule,
    ProportionalRule,
    ScaleCombine,
    apply_options,
    resolve_kind,
    walk,
)

TOLERANCE = 1e-6
LIMITS = config_kind("methodology").limits  # an edition file's, as the loader's table says


@dataclass(frozen=True)
class Problem:
    file: str
    node: str
    message: str
    expected: str = ""
    actual: str = ""

    def __str__(self) -> str:
        tail = ""
        if self.expected or self.actual:
            tail = f": expected {self.expected}, actual {self.actual}"
        return f"{self.file}: {self.node}: {self.message}{tail}"


class EditionError(Exception):
    """Raised when an edition file is refused; ``problems`` holds one line each."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


def fmt(x: float) -> str:
    return f"{round(x, 6):g}"


def load_edition(path: Path) -> Edition:
    """Parse and validate; raise :class:`EditionError` listing every problem.

    A file validated before (the same path, the same bytes) is not validated again: its edition is
    kept by the process and each caller gets a copy of its own (an audit asks for an edition a dozen
    times, and checking every option's arithmetic is most of a reading's cost)."""
    try:
        key = (
            str(path.resolve()),
            hashlib.sha256(read_bounded(path, LIMITS, str(path))).hexdigest(),
        )
    except FileRefused:  # the reading says what is wrong with it
        return _read_edition(path)
    kept = _READ.get(key)
    if kept is None:
        kept = _read_edition(path)
        while len(_READ) >= _KEEP:  # the oldest goes (a test writes many editions of its own)
            del _READ[next(iter(_READ))]
        _READ[key] = kept
    return kept.model_copy(deep=True)


_READ: dict[tuple[str, str], Edition] = {}
_KEEP = 8


def _read_edition(path: Path) -> Edition:
    try:
        raw = read("methodology", path)
    except ConfigError as e:  # the reading problem names its place (file, line, column)
        raise EditionError([Problem(str(path), "-", "; ".join(e.problems))]) from None
    try:
        edition = Edition.model_validate(raw)
    except ValidationError as e:
        raise EditionError(list(_schema_problems(str(path), raw, e))) from None
    problems = check_arithmetic(edition, str(path))
    if problems:
        raise EditionError(problems)
    return edition


def _schema_problems(file: str, raw: dict[str, Any], error: ValidationError) -> Iterator[Problem]:
    for err in error.errors():
        loc = err["loc"]
        yield Problem(file, _node_name(raw, loc), f"{'.'.join(map(str, loc))}: {err['msg']}")


def _node_name(raw: Any, loc: tuple[Any, ...]) -> str:
    """The id of the deepest node on the error's path, so the line says which item is broken."""
    name = "-"
    node = raw
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            name = node["id"]
    return name


def check_arithmetic(edition: Edition, file: str, options_checked: bool = False) -> list[Problem]:
    problems: list[Problem] = []
    nodes = walk(edition.criteria)
    seen: set[str] = set()
    for node in nodes:
        if node.id in seen:
            problems.append(Problem(file, node.id, "id is used more than once"))
        seen.add(node.id)
    known = {i.id: i for i in edition.interpretations}
    rp = edition.reporting_penalty
    if rp is not None and isinstance(rp.per_fact, ByInterpretation):
        problems.extend(_check_param(file, "reporting_penalty", rp.per_fact.by_interpretation, rp.per_fact, known))
    for node in nodes:
        problems.extend(_check_interpretation_refs(file, node, known))
        if isinstance(node, Item):
            problems.extend(_check_item(file, edition, node))
            problems.extend(_check_tags(file, edition, node))
        else:
            problems.extend(_check_group(file, edition, node))
    for kind in KINDS:
        total = sum(c.max_for(kind) for c in edition.criteria)
        if not math.isclose(total, edition.total_max, abs_tol=TOLERANCE):
            problems.append(
                Problem(
                    file, "criteria", f"criteria maxima for {kind} add up wrong", fmt(edition.total_max), fmt(total)
                )
            )
    if not problems and not options_checked:
        problems.extend(_check_options(edition, file))
    mins = [lv.min for lv in edition.levels]
    if len(set(mins)) != len(mins) or len({lv.id for lv in edition.levels}) != len(mins):
        problems.append(Problem(file, "levels", "level ids and minima must be distinct"))
    return list(dict.fromkeys(problems))  # a problem seen for several kinds or languages is said once


def _interpretation_refs(node: Group | Item) -> Iterator[tuple[str, ByInterpretation | None]]:
    for ref in node.interpretations:
        yield ref, None
    if isinstance(node, Item):
        rule = node.rule
        if isinstance(rule, BandedRule) and rule.interpretation:
            yield rule.interpretation, None
        if isinstance(rule, ProportionalRule) and isinstance(rule.min_denominator, ByInterpretation):
            yield rule.min_denominator.by_interpretation, rule.min_denominator
        if isinstance(rule, BandedRule) and isinstance(rule.round_to, ByInterpretation):
            yield rule.round_to.by_interpretation, rule.round_to


def _check_interpretation_refs(file: str, node: Group | Item, known: dict[str, Any]) -> Iterator[Problem]:
    for ref, param in _interpretation_refs(node):
        yield from _check_param(file, node.id, ref, param, known)


def _check_param(
    file: str, where: str, ref: str, param: ByInterpretation | None, known: dict[str, Any]
) -> Iterator[Problem]:
    if ref not in known:
        yield Problem(file, where, f"names interpretation {ref!r}, which the edition does not define")
    elif param is not None and set(param.values) != set(known[ref].options):
        yield Problem(
            file,
            where,
            f"values for interpretation {ref!r} must cover its options",
            ", ".join(sorted(known[ref].options)),
            ", ".join(sorted(param.values)),
        )


def _check_tags(file: str, edition: Edition, item: Item) -> Iterator[Problem]:
    """Exemption tags are the registry's (ashyq/config/body_tags.yaml); a mark names an item of the edition."""
    items = {i.id for i in edition.items()}
    for exemption in item.exemptions:
        for tag in exemption.tags:
            problem = tag_problem(tag)
            if problem is not None:
                yield Problem(file, item.id, f"exemption: {problem}")
            elif ":" in tag and tag.partition(":")[2] not in items:
                yield Problem(file, item.id, f"exemption: tag {tag!r} marks an item the edition does not have")


def item_max(item: Item, kind: BodyKind, languages: Sequence[Lang]) -> float:
    """An item's maximum over languages (0 for coefficients and stimuli: they add no maximum)."""
    if isinstance(item.rule, CoefficientRule | PenaltyRule) or item.stimulus:
        return 0.0
    if not item.per_language:
        return item.weight(kind, None)
    return sum(item.weight(kind, lang) for lang in languages)


def child_max(child: Group | Item, kind: BodyKind, languages: Sequence[Lang]) -> float:
    return child.max_for(kind) if isinstance(child, Group) else item_max(child, kind, languages)


def _kinds_of(node: Group | Item) -> list[BodyKind]:
    return [k for k in KINDS if node.applies_to is None or k in node.applies_to]


def _check_item(file: str, edition: Edition, item: Item) -> Iterator[Problem]:
    rule = item.rule
    if item.weights is None and not isinstance(rule, CoefficientRule):
        yield Problem(file, item.id, "has no weights")
        return
    for kind in _kinds_of(item):
        langs: list[Any] = list(edition.languages) if item.per_language else [None]
        for lang in langs:
            try:
                w = item.weight(kind, lang)
            except ValueError as e:
                yield Problem(file, item.id, str(e))
                return
            if w < 0:
                yield Problem(file, item.id, f"weight for {kind}/{lang} is negative", ">= 0", fmt(w))
            if item.deductions is not None:
                d = item.deductions
                if d.cap_share > 1 + TOLERANCE or d.cap_share <= 0:
                    yield Problem(
                        file, item.id, "deduction cap must be a share of the weight in (0, 1]", "<= 1", fmt(d.cap_share)
                    )
                for amount in [d.per, *d.amounts.values()]:
                    if amount > w + TOLERANCE:
                        yield Problem(
                            file,
                            item.id,
                            f"a deduction exceeds the weight ({kind}/{lang})",
                            f"<= {fmt(w)}",
                            fmt(amount),
                        )
            if isinstance(rule, BandedRule):
                top = max([b.points for b in rule.bands] + [rule.otherwise])
                if not math.isclose(top, w, abs_tol=TOLERANCE) and w > 0:
                    yield Problem(
                        file, item.id, f"highest band must equal the weight ({kind}/{lang})", fmt(w), fmt(top)
                    )
                mins = [b.min for b in rule.bands]
                if mins != sorted(mins, reverse=True):
                    yield Problem(file, item.id, "bands must be listed from the highest minimum down")
            if isinstance(rule, ChoiceRule) and w > 0:
                top = max(rule.levels.values())
                if not math.isclose(top, w, abs_tol=TOLERANCE):
                    yield Problem(
                        file, item.id, f"highest level must equal the weight ({kind}/{lang})", fmt(w), fmt(top)
                    )
    if item.stimulus and isinstance(rule, PenaltyRule):
        yield Problem(file, item.id, "a stimulus cannot be a penalty")
    if item.symbol is not None and not item.symbol.isidentifier():
        yield Problem(file, item.id, f"symbol {item.symbol!r} is not a valid name")


def _check_group(file: str, edition: Edition, group: Group) -> Iterator[Problem]:
    langs: list[Lang] = list(edition.languages)
    combine = group.combine
    for kind in _kinds_of(group):
        own = group.max_for(kind)
        children = [c for c in group.children if c.applies_to is None or kind in c.applies_to]
        total = sum(child_max(c, kind, langs) for c in children)
        if combine == "sum":
            if not math.isclose(total, own, abs_tol=TOLERANCE):
                yield Problem(
                    file, group.id, f"children's maxima for {kind} do not add up to the group's", fmt(own), fmt(total)
                )
        elif isinstance(combine, ScaleCombine | CoefficientCombine):
            raw_spec = combine.scale if isinstance(combine, ScaleCombine) else combine.coefficient
            raw = resolve_kind(raw_spec.get("raw_max", 0.0), kind)
            if not math.isclose(total, raw, abs_tol=TOLERANCE):
                yield Problem(
                    file, group.id, f"children's maxima for {kind} do not add up to raw_max", fmt(raw), fmt(total)
                )
            if isinstance(combine, CoefficientCombine):
                yield from _check_coefficient(file, group, combine, own)
        elif isinstance(combine, FormulaCombine):
            yield from _check_formula(file, group, combine, kind, langs, own)
        elif isinstance(combine, PenaltyCombine):
            reach = sum(_penalty_reach(c, kind, langs) for c in children)
            if own != 0:
                yield Problem(file, group.id, "a penalty group's maximum must be 0", "0", fmt(own))
            if combine.penalty_cap > reach + TOLERANCE:
                yield Problem(
                    file,
                    group.id,
                    f"penalty cap exceeds what its items can take away ({kind})",
                    f"<= {fmt(reach)}",
                    fmt(combine.penalty_cap),
                )
        if group.deduction_cap is not None:
            cap = group.deduction_cap
            if cap.share > 1 + TOLERANCE or cap.share <= 0:
                yield Problem(file, group.id, "deduction cap share must be in (0, 1]", "<= 1", fmt(cap.share))


def _penalty_reach(node: Group | Item, kind: BodyKind, langs: Sequence[Lang]) -> float:
    if isinstance(node, Group):
        if isinstance(node.combine, PenaltyCombine):
            return node.combine.penalty_cap
        return 0.0
    if not isinstance(node.rule, PenaltyRule):
        return 0.0
    if not node.per_language:
        return node.weight(kind, None)
    return sum(node.weight(kind, lang) for lang in langs)


def _check_coefficient(file: str, group: Group, combine: CoefficientCombine, own: float) -> Iterator[Problem]:
    ref = combine.coefficient.get("item")
    coeff = next((c for c in group.children if isinstance(c, Item) and c.id == ref), None)
    if coeff is None or not isinstance(coeff.rule, CoefficientRule):
        yield Problem(file, group.id, f"coefficient item {ref!r} is not a coefficient child of the group")
        return
    top = max(coeff.rule.values)
    if not math.isclose(top, own, abs_tol=TOLERANCE):
        yield Problem(file, group.id, "the group's maximum must be the largest coefficient", fmt(top), fmt(own))


def _check_formula(
    file: str, group: Group, combine: FormulaCombine, kind: BodyKind, langs: Sequence[Lang], own: float
) -> Iterator[Problem]:
    symbols: dict[str, Item] = {}
    for c in group.children:
        if not isinstance(c, Item) or not c.symbol or not c.per_language:
            yield Problem(file, group.id, f"formula child {c.id} must be a per-language item with a symbol")
            return
        symbols[c.symbol] = c
    try:
        names = formula_names(combine.formula)
    except ValueError as e:
        yield Problem(file, group.id, str(e))
        return
    if names != set(symbols):
        yield Problem(
            file,
            group.id,
            "formula names and children's symbols differ",
            ", ".join(sorted(symbols)),
            ", ".join(sorted(names)),
        )
        return
    total = 0.0
    for lang in langs:
        values = {s: it.weight(kind, lang) for s, it in symbols.items()}
        total += evaluate_formula(combine.formula, values)
    if not math.isclose(total, own, abs_tol=TOLERANCE):
        yield Problem(
            file, group.id, f"formula at the children's maxima ({kind}) differs from the maximum", fmt(own), fmt(total)
        )


_ALLOWED = (
    ast.Expression,
    ast.BinOp,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.Name,
    ast.Load,
    ast.Constant,
    ast.UnaryOp,
    ast.USub,
)


@functools.lru_cache(maxsize=64)
def formula_names(formula: str) -> frozenset[str]:
    """The variable names of an arithmetic formula; anything but + - * / and names is refused."""
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError as e:
        raise ValueError(f"formula {formula!r} is not arithmetic: {e.msg}") from None
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise ValueError(f"formula {formula!r} may use only + - * / numbers and names")
    return frozenset(n.id for n in ast.walk(tree) if isinstance(n, ast.Name))


@functools.lru_cache(maxsize=64)
def _compiled(formula: str) -> CodeType:
    formula_names(formula)  # refuses anything but arithmetic before it is compiled
    return compile(ast.parse(formula, mode="eval"), "<formula>", "eval")


def evaluate_formula(formula: str, values: dict[str, float]) -> float:
    return float(eval(_compiled(formula), {"__builtins__": {}}, dict(values)))


def _check_options(edition: Edition, file: str) -> list[Problem]:
    """Every option that changes data must leave an edition that is still valid."""
    problems: list[Problem] = []
    for interp in edition.interpretations:
        for name, option in interp.options.items():
            if not option.set:
                continue
            where = f"interpretation {interp.id}={name}"
            try:
                patched = apply_options(edition, {interp.id: name})
            except (ValueError, ValidationError) as e:
                problems.append(Problem(file, interp.id, f"option {name!r} cannot be applied: {e}"))
                continue
            problems += [
                Problem(file, p.node, f"under {where}: {p.message}", p.expected, p.actual)
                for p in check_arithmetic(patched, file, options_checked=True)
            ]
    return problems


def option_problems(options: dict[str, str], editions: Sequence[Edition]) -> list[str]:
    """One line per chosen option that no edition knows: an unknown interpretation, or an option it
    does not have (a run's ``--option ID=OPTION`` is refused before anything is harvested)."""
    known = {i.id: i for edition in editions for i in edition.interpretations}
    problems = []
    for key, value in options.items():
        interp = known.get(key)
        if interp is None:
            problems.append(f"--option {key}={value}: no interpretation {key!r} in the editions")
        elif value not in interp.options:
            problems.append(f"--option {key}={value}: {key!r} has no option {value!r} ({', '.join(interp.options)})")
    return problems
