"""The plumbing check: how well the checks find what the replica world seeded — precision and recall
per methodology item, Kazakh and Russian apart.

The replica was written together with the checks, so these figures prove that harvest, checks and
store are wired together, not that a check is right elsewhere; that is measured on the outside sites
and the ACT test cases (:mod:`ashyq_replica.accuracy.outside`, :mod:`ashyq_replica.accuracy.act`).

A seeded defect (body, item, language) is found when the run's finding for it is ``fail`` or
``partial``; a ``fail``/``partial`` finding with no seeded defect behind it is a false positive.
``not_assessed`` findings are counted apart: they are neither found nor false, only unmeasured.
Only items some check measures count, and only bodies the run assessed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ashyq.checks.edition_index import items_to_check
from ashyq_replica.core import World
from ashyq_replica.truth import all_defects

# The world states its feedback defect as "F" (comments left unanswered); the feedback edition
# scores that as F-2, answered ÷ received comments.
TRUTH_ALIASES = {"F": "F-2"}


@dataclass
class ItemAccuracy:
    item: str
    lang: str  # "kk", "ru" or "-"
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    not_assessed: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else None

    @property
    def recall(self) -> float | None:
        seeded = self.true_positive + self.false_negative
        return self.true_positive / seeded if seeded else None


def measure(findings: list[dict[str, Any]], world: World, body_ids: set[str]) -> list[ItemAccuracy]:
    """Compare a run's findings (docs/findings-format.md dicts) with the world's seeded defects."""
    measured_items = set(items_to_check())
    seeded: set[tuple[str, str, str]] = set()
    parents = {b.id: b.parent for b in world.bodies if b.parent}
    for d in all_defects(world):
        item = TRUTH_ALIASES.get(d.item, d.item)
        # a subordinate organisation's deficiency is found (and penalised) at its parent CGO
        body = parents.get(d.body, d.body) if item.startswith(("T9-", "T10-", "T11-")) else d.body
        if body in body_ids and item in measured_items:
            seeded.add((body, item, d.lang or "-"))
    flagged: set[tuple[str, str, str]] = set()
    unmeasured: set[tuple[str, str, str]] = set()
    for f in findings:
        key = (f["body"], f["item"], f.get("lang") or "-")
        if f["item"] not in measured_items or f["body"] not in body_ids:
            continue
        if f["status"] in ("fail", "partial"):
            flagged.add(key)
        elif f["status"] == "not_assessed":
            unmeasured.add(key)
    table: dict[tuple[str, str], ItemAccuracy] = {}

    def row(item: str, lang: str) -> ItemAccuracy:
        return table.setdefault((item, lang), ItemAccuracy(item, lang))

    for body, item, lang in seeded | flagged | unmeasured:
        r = row(item, lang)
        key = (body, item, lang)
        if key in unmeasured:
            r.not_assessed += 1
        elif key in seeded and key in flagged:
            r.true_positive += 1
        elif key in seeded:
            r.false_negative += 1
            r.missed.append(body)
        elif key in flagged:
            r.false_positive += 1
            r.spurious.append(body)
    return [table[k] for k in sorted(table)]


def totals(rows: list[ItemAccuracy]) -> dict[str, dict[str, float | None]]:
    """Micro-averaged precision and recall for kk, ru and the language-neutral items."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        for lang in (r.lang, "all"):
            sums[lang][0] += r.true_positive
            sums[lang][1] += r.false_positive
            sums[lang][2] += r.false_negative
    out: dict[str, dict[str, float | None]] = {}
    for lang, (tp, fp, fn) in sums.items():
        out[lang] = {"precision": tp / (tp + fp) if tp + fp else None, "recall": tp / (tp + fn) if tp + fn else None}
    return out
