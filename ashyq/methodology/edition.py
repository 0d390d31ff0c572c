"""A methodology edition as data: the tree of criteria, groups and items with their weights and rules.

An edition file (``ashyq/config/methodology/<edition>.yaml``) is parsed into these models; the arithmetic
is checked by :mod:`ashyq.methodology.validate` and applied by :mod:`ashyq.scoring.engine`. Nothing here knows any
particular edition: a new amendment of the order is a new data file.

The format is documented in ``docs/methodology-format.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ashyq.base.vocabulary import BodyKind, Lang
from ashyq.config.loader import locate, package_files

KINDS: tuple[BodyKind, ...] = ("cgo", "mio")  # the kinds an edition scores


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A title or explanation in the three languages of the reports."""

    ru: str
    kk: str
    en: str


class Source(Strict):
    """Where in the legal text a number comes from: seed file plus point, table, row; for a reading,
    the line of the seed file and the sentence it follows."""

    file: str
    point: str
    line: int | None = None
    quote: str | None = None

    def cited(self) -> str:
        """``file line N: «sentence»`` (or the point, when no line is given)."""
        where = f"{self.file} line {self.line}" if self.line else f"{self.file}, {self.point}"
        return f"{where}: «{self.quote}»" if self.quote else where


class ByInterpretation(Strict):
    """A parameter whose value depends on the option chosen for a named interpretation."""

    by_interpretation: str
    values: dict[str, float]


Param = float | ByInterpretation


class Band(Strict):
    """``points`` when the measured value is above ``min`` (or at it, unless ``exclusive``)."""

    min: float
    points: float
    exclusive: bool = False


class PresenceRule(Strict):
    """Full weight on pass; on partial, the weight times ``measured.share`` (0..1), or nothing short
    of every part with ``all_or_nothing`` (a reading some interpretations choose)."""

    type: Literal["presence"]
    all_or_nothing: bool = False


class ProportionalRule(Strict):
    """Weight × numerator ÷ max(denominator, min_denominator), at most the weight; with
    ``all_or_nothing`` the weight only when the numerator reaches the denominator, else 0."""

    type: Literal["proportional"]
    min_denominator: Param = 0.0
    all_or_nothing: bool = False
    # what an empty denominator earns ("nothing was due" usually means nothing was missed)
    when_zero: Literal["maximum", "zero"] = "maximum"
    # ``min_denominator`` is a count of the whole reporting period: a run monitoring the period to
    # date compares with its share of it (ashyq.base.period.Purpose)
    prorated: bool = False


class BandedRule(Strict):
    """Points from the first band (highest first) that ``measured.value`` reaches; with ``round_to``
    the value is first rounded half up to a multiple of it (0: compared as measured)."""

    type: Literal["banded"]
    bands: list[Band]
    otherwise: float = 0.0
    round_to: Param = 0.0
    # a named interpretation deciding how the gaps between printed bands are closed
    interpretation: str | None = None
    # the band minima are counts of the whole reporting period: a run monitoring the period to date
    # compares the count with their share of it ("on course" for the band)
    prorated: bool = False


class ChoiceRule(Strict):
    """Points looked up by the categorical ``measured.level``."""

    type: Literal["choice"]
    levels: dict[str, float]
    otherwise: float = 0.0


class PenaltyRule(Strict):
    """A deficiency costs the weight (negative points); ``per_occurrence`` multiplies by count."""

    type: Literal["penalty"]
    per_occurrence: bool = False


class CoefficientRule(Strict):
    """Not points but a factor for the parent group (``combine.coefficient``)."""

    type: Literal["coefficient"]
    values: list[float]


Rule = Annotated[
    PresenceRule | ProportionalRule | BandedRule | ChoiceRule | PenaltyRule | CoefficientRule,
    Field(discriminator="type"),
]


class Deductions(Strict):
    """Per-deficiency deductions from an item's weight, capped at a share of the weight.

    ``amounts`` gives a different deduction per deficiency ``kind``; others cost ``per``.
    ``cap_kinds``: the cap limits only the deductions of these kinds (the row's sentence that sets the
    cap ends the clause of these kinds); the others are deducted in full. None: the cap limits all.
    """

    per: float
    amounts: dict[str, float] = Field(default_factory=dict)
    cap_share: float = 1.0
    cap_kinds: list[str] | None = None
    # with this many deficiencies (every requirement the row lists violated) the item earns nothing,
    # even where the printed deductions fall short of the weight
    zero_at: int | None = None


class Exemption(Strict):
    """Bodies carrying one of ``tags`` are not assessed on the item and get ``award`` instead."""

    tags: list[str]
    award: Literal["maximum", "cgo_average", "all_average", "zero"]
    source: Source | None = None


KindValue = float | dict[str, float]
Weights = float | dict[str, KindValue]


class Item(Strict):
    """A leaf of the tree: one methodology item, scored per language unless ``per_language`` is off."""

    id: str
    title: Text
    source: Source
    weights: Weights | None = None
    rule: Rule
    per_language: bool = True
    applies_to: list[BodyKind] | None = None
    deductions: Deductions | None = None
    exemptions: list[Exemption] = Field(default_factory=list)
    when_not_applicable: Literal["maximum", "zero", "exclude"] | None = None
    stimulus: bool = False
    symbol: str | None = None
    interpretations: list[str] = Field(default_factory=list)
    # how the auditor obtains it: measured by a check, declared by the body and re-verified,
    # needs a provider that is not configured by default, or judged by a person
    obtained: Literal["check", "declared", "provider", "manual"] = "check"

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not v or " " in v:
            raise ValueError("item id must be a non-empty reference without spaces")
        return v

    def weight(self, kind: BodyKind, lang: Lang | None) -> float:
        """The item's maximum for one body kind and language (0 where it does not apply)."""
        if self.applies_to is not None and kind not in self.applies_to:
            return 0.0
        return resolve_weight(self.weights, kind, lang)


class ScaleCombine(Strict):
    """Group points = sum of children ÷ raw_max × the group's max (2017 ``÷ 14.4 × 20``)."""

    scale: dict[str, KindValue]


class CoefficientCombine(Strict):
    """Group points = sum of children ÷ raw_max × k, where k comes from the coefficient item.

    ``coefficient``: ``item`` (the coefficient child), ``raw_max``, and ``penalties``: ``scaled``
    (default: penalty children are taken from the points after ÷ raw_max × k) or ``raw`` (from the
    sum before it)."""

    coefficient: dict[str, Any]


class FormulaCombine(Strict):
    """Group points per language from an arithmetic formula over the children's symbols."""

    formula: str


class PenaltyCombine(Strict):
    """Children are penalties; their sum is floored at ``-cap``."""

    penalty_cap: float


Combine = Literal["sum"] | ScaleCombine | CoefficientCombine | FormulaCombine | PenaltyCombine


class DeductionCap(Strict):
    """A cap on all deductions of the group's items, per language: ``share`` × ``of``."""

    share: float
    of: float


class Group(Strict):
    """An inner node: a criterion, indicator or section whose children are groups or items."""

    id: str
    title: Text
    source: Source
    max: KindValue
    children: list[Group | Item]
    combine: Combine = "sum"
    applies_to: list[BodyKind] | None = None
    deduction_cap: DeductionCap | None = None
    interpretations: list[str] = Field(default_factory=list)
    # stimulus children: added on top of the others but never above ``max`` (True), or counted only
    # when the others are below ``max`` and then added in full (False)
    stimulus_within_max: bool = True

    def max_for(self, kind: BodyKind) -> float:
        if self.applies_to is not None and kind not in self.applies_to:
            return 0.0
        return resolve_kind(self.max, kind)


class Override(Strict):
    """What choosing an option changes in the edition: on node ``node`` (an item or group id),
    each dotted path of ``set`` (e.g. ``exemptions.0.award``, ``rule.otherwise``) takes its value."""

    node: str
    set: dict[str, Any]


class InterpretationOption(Text):
    """An option's wording, and the data it changes when chosen (nothing for the default reading the
    edition is written in, or for readings the checks apply when they measure)."""

    set: list[Override] = Field(default_factory=list)


class Interpretation(Strict):
    """A named reading of an ambiguous point of the text; every score records the option used."""

    id: str
    source: Source
    question: Text
    options: dict[str, InterpretationOption]
    default: str

    @model_validator(mode="after")
    def _default_is_an_option(self) -> Interpretation:
        if self.default not in self.options:
            raise ValueError(f"default {self.default!r} is not one of the options {sorted(self.options)}")
        return self


class Level(Strict):
    id: str
    min: float
    title: Text


class ReportingPenalty(Strict):
    """Unreliable reporting: a fixed cost per untrue fact, capped (2017 points 12-18)."""

    item: str
    title: Text
    source: Source
    per_fact: Param
    cap: float


def _both_languages() -> list[Lang]:
    return ["kk", "ru"]


class PeriodSpec(Strict):
    """The kind of reporting period the edition scores a body for, and where the text says so."""

    kind: Literal["year", "half-year"]
    source: Source


class Defaults(Strict):
    when_not_applicable: Literal["maximum", "zero", "exclude"] = "maximum"


class Edition(Strict):
    edition: str
    title: Text
    source: Source
    effective_from: str
    languages: list[Lang] = Field(default_factory=_both_languages)
    total_max: float
    criteria: list[Group]
    levels: list[Level]
    # decimals of the final figure: the precision the text prints its levels in (70–89,99 %: two;
    # the feedback scale's 70–89,9 %: one); the final is rounded to it once and its level read from it
    final_places: int = Field(default=2, ge=0, le=4)
    interpretations: list[Interpretation] = Field(default_factory=list)
    reporting_penalty: ReportingPenalty | None = None
    defaults: Defaults = Defaults()
    # a run judges one period of this kind; by default the one its audit date falls in
    reporting_period: PeriodSpec | None = None

    def interpretation(self, interpretation_id: str) -> Interpretation:
        for i in self.interpretations:
            if i.id == interpretation_id:
                return i
        raise KeyError(interpretation_id)

    def items(self) -> list[Item]:
        """Every leaf item, in document order."""
        return [node for node in walk(self.criteria) if isinstance(node, Item)]

    def level_for(self, score: float) -> Level:
        for level in sorted(self.levels, key=lambda lv: lv.min, reverse=True):
            if score >= level.min:
                return level
        return min(self.levels, key=lambda lv: lv.min)


Group.model_rebuild()


def resolve_kind(value: KindValue, kind: BodyKind) -> float:
    if isinstance(value, dict):
        return float(value.get(kind, 0.0))
    return float(value)


def resolve_weight(weights: Weights | None, kind: BodyKind, lang: Lang | None) -> float:
    """Weights are a number (every language), ``{kk, ru}``, or keyed by body kind first."""
    if weights is None:
        return 0.0
    if isinstance(weights, int | float):
        return float(weights)
    if kind in weights:
        return resolve_weight(weights[kind], kind, lang)  # type: ignore[arg-type]
    if any(k in weights for k in KINDS):  # keyed by kind, but not this one: does not apply
        return 0.0
    if lang is None:
        raise ValueError("per-language weights asked for without a language")
    value = weights.get(lang, 0.0)
    return float(value) if not isinstance(value, dict) else 0.0


def walk(nodes: list[Group | Item] | list[Group]) -> list[Group | Item]:
    """Depth-first list of every node under ``nodes``, parents before children."""
    out: list[Group | Item] = []
    for node in nodes:
        out.append(node)
        if isinstance(node, Group):
            out.extend(walk(node.children))
    return out


def edition_path(name_or_path: str | Path) -> Path:
    """``kz-2025`` names ``ashyq/config/methodology/kz-2025.yaml``; anything with a suffix is a path
    (where an edition is looked for is the loader's table, kind ``methodology``)."""
    return locate("methodology", name_or_path) or Path(name_or_path)


def available_editions() -> list[str]:
    return [p.stem for p in package_files("methodology")]


def apply_options(edition: Edition, options: dict[str, str]) -> Edition:
    """The edition as it reads under the chosen interpretation options (their ``set`` overrides).

    Raises ValueError naming the option when an override points at nothing."""
    patches = [
        (interp.id, choice, override)
        for interp in edition.interpretations
        if (choice := options.get(interp.id, interp.default)) in interp.options
        for override in interp.options[choice].set
    ]
    if not patches:
        return edition
    raw = edition.model_dump(mode="python", exclude_unset=True)
    nodes = {n["id"]: n for n in _walk_raw(raw["criteria"])}
    for interp_id, choice, override in patches:
        node = nodes.get(override.node)
        if node is None:
            raise ValueError(f"interpretation {interp_id}={choice}: no node {override.node!r}")
        for path, value in override.set.items():
            _set_path(node, path.split("."), value, f"interpretation {interp_id}={choice}: {override.node}.{path}")
    return Edition.model_validate(raw)


def _walk_raw(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        out.append(node)
        out.extend(_walk_raw(node.get("children", [])))
    return out


def _set_path(container: Any, path: list[str], value: Any, where: str) -> None:
    key = path[0]
    try:
        if isinstance(container, list):
            index = int(key)
            if len(path) == 1:
                container[index] = value
                return
            _set_path(container[index], path[1:], value, where)
            return
        if not isinstance(container, dict):
            raise ValueError(f"{where}: {key!r} is inside a value, not a mapping")
        if len(path) == 1:
            container[key] = value
            return
        if key not in container:
            raise ValueError(f"{where}: {key!r} does not exist")
        _set_path(container[key], path[1:], value, where)
    except (IndexError, ValueError, TypeError) as e:
        raise ValueError(str(e) if str(e).startswith(where) else f"{where}: {e}") from None
