"""Scores as the engine reports them: per item, per group, per body and per run, each with its
points, its maximum, ``upper`` (what the points would be if everything not assessed turned out
perfect) and ``lower`` (if it turned out worst: only a penalty not assessed can take more away), so
coverage is never lost on the way to a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ashyq.methodology.edition import BodyKind, Lang

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
    lower: float | None = None  # the points at worst (None: the points; a penalty not assessed: its floor)

    def __post_init__(self) -> None:
        if self.lower is None:
            self.lower = self.points

    @property
    def downside(self) -> float:
        """What an outcome not yet known could still take away (a penalty not assessed)."""
        return self.points - (self.points if self.lower is None else self.lower)

    def as_dict(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "lang": self.lang,
            "status": self.status,
            "points": round(self.points, DIGITS),
            "max": round(self.max, DIGITS),
            "not_assessed": round(self.upper - self.points, DIGITS),
            "deduction": round(self.deduction, DIGITS),
            **({"penalty_not_assessed": round(self.downside, DIGITS)} if self.downside > 0 else {}),
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
    lower: float | None = None  # the points at worst (None: the points)

    @property
    def downside(self) -> float:
        return self.points - (self.points if self.lower is None else self.lower)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "points": round(self.points, DIGITS),
            "max": round(self.max, DIGITS),
            "not_assessed": round(self.upper - self.points, DIGITS),
            **({"penalty_not_assessed": round(self.downside, DIGITS)} if self.downside > 0 else {}),
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
    # what the penalties not assessed could still take away (a CGO's subordinates unknown: up to 9)
    penalty_not_assessed: float = 0.0
    # the most the body's penalty criteria can take away (the caps: 9 for a CGO's subordinates)
    penalty_span: float = 0.0
    # uncertain verdicts no assessor has decided, and the final score if each went the other way
    # (ashyq.scoring.certainty): down with every open verdict failed, up with every one passed
    open_verdicts: int = 0
    final_low: float | None = None
    final_high: float | None = None

    @property
    def not_assessed_points(self) -> float:
        return self.upper - self.total

    @property
    def coverage(self) -> float:
        """Share of the range a score can take (the maximum, and what the penalties can take away)
        whose outcome is known: 1.0 when everything was assessed. A penalty not assessed is an
        unknown too, though it could only lower the score."""
        span = self.max + self.penalty_span
        unknown = self.not_assessed_points + self.penalty_not_assessed
        return 1.0 if span <= 0 else max(0.0, 1 - unknown / span)

    def as_dict(self) -> dict[str, Any]:
        return {
            "body": self.body,
            "kind": self.kind,
            "edition": self.edition,
            "total": round(self.total, DIGITS),
            "max": round(self.max, DIGITS),
            "not_assessed": round(self.not_assessed_points, DIGITS),
            "penalty_not_assessed": round(self.penalty_not_assessed, DIGITS),
            "coverage": round(self.coverage, DIGITS),
            "penalty": round(self.penalty, DIGITS),
            "final": round(self.final, DIGITS),
            "level": self.level,
            "level_best_case": self.level_best_case or self.level,
            "criteria": [c.as_dict() for c in self.criteria],
            "interpretations": self.interpretations,
            "averages_borrowed": self.averages_borrowed,
            "not_assessed_items": self.not_assessed,
            **self._open_verdicts(),
        }

    def _open_verdicts(self) -> dict[str, Any]:
        if not self.open_verdicts:
            return {}  # a score without open verdicts reads as it did before certainty was kept
        low = self.final if self.final_low is None else self.final_low
        high = self.final if self.final_high is None else self.final_high
        return {
            "open_verdicts": {
                "count": self.open_verdicts,
                "final_low": round(low, DIGITS),
                "final_high": round(high, DIGITS),
            }
        }


@dataclass
class RunScores:
    edition: str
    bodies: list[BodyScore]
    interpretations: dict[str, str]
    averages: dict[str, float]
    # a period monitored to date: the share of it gone (annual thresholds prorated, no level); None: an
    # assessment of a period that has ended
    monitored_share: float | None = None

    def as_dict(self) -> dict[str, Any]:
        monitoring = self.monitored_share is not None
        return {
            "format": "ashyq-scores/1",
            "edition": self.edition,
            "purpose": "monitoring" if monitoring else "assessment",
            **({"period_share": round(self.monitored_share or 0.0, DIGITS)} if monitoring else {}),
            "interpretations": self.interpretations,
            "averages": {k: round(v, DIGITS) for k, v in sorted(self.averages.items())},
            "bodies": [b.as_dict() for b in self.bodies],
        }
