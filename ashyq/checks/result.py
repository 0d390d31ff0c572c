"""What a check reports: one :class:`Result` per methodology item and language.

Weights are never here: a check only says what it found (status, measured figures, deficiencies,
evidence); ``ashyq/config/methodology/<edition>.yaml`` turns that into points. Honest outcomes: when what
a check needs was not fetched (timeout, anti-bot, robots, an unknown portal identifier), the result
is ``not_assessed`` with the reason — never a failure.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.vocabulary import Lang, Status


@dataclass
class Result:
    """One finding: an item, a language (or None), an honest status, figures, deficiencies, evidence."""

    item: str
    lang: Lang | None
    status: Status
    measured: dict[str, Any] = field(default_factory=dict)
    deficiencies: list[Deficiency] = field(default_factory=list)
    evidence: list[EvidenceRef] = field(default_factory=list)
    reason: str | None = None
    check: str = ""  # "<check id>@<version>", filled in by the runner

    def __post_init__(self) -> None:
        if self.status == "not_assessed" and not self.reason:
            raise ValueError(f"{self.item}: a not_assessed result must say why")
        if self.status in ("pass", "fail", "partial") and not (self.evidence or self.deficiencies):
            raise ValueError(f"{self.item}: a {self.status} result must carry evidence")

    def as_finding(self, body_id: str) -> dict[str, Any]:
        """The finding as ``docs/findings-format.md`` describes it."""
        out: dict[str, Any] = {
            "body": body_id,
            "item": self.item,
            "lang": self.lang,
            "status": self.status,
            "measured": self.measured,
            "deficiencies": [d.as_dict() for d in self.deficiencies],
            "evidence": [e.as_dict() for e in self.evidence],
            "check": self.check,
        }
        if self.reason:
            out["reason"] = self.reason
        return out


def percent(part: int, whole: int) -> float:
    """``part`` of ``whole`` in per cent, not rounded: a threshold of the text (100 %, more than 70 %)
    is met by the share itself, never by its rounding (2,499 answers to 2,500 questions are 99.96 %,
    which one decimal would print as 100.0 and score as all answered). Reports round for display."""
    return 100.0 * part / whole


def percent_text(value: float) -> str:
    """A share for a message, cut (not rounded) to two decimals: 69.996 % reads 69.99, never 70."""
    return f"{math.floor(value * 100 + 1e-9) / 100:g}"


def not_assessed(item: str, lang: str | None, reason: str, evidence: Iterable[EvidenceRef] = ()) -> Result:
    return Result(item, lang, "not_assessed", reason=reason, evidence=list(evidence))  # type: ignore[arg-type]
