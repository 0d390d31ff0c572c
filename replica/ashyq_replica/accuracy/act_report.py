"""Judging an implementation on the ACT test cases: per rule consistency, recall and precision.

Outcomes per test case are ``failed``, ``passed`` (also for "inapplicable": nothing to report),
``cantTell`` (the implementation declined: ``not_assessed``, or axe-core's "incomplete") and
``skipped`` (the case could not be run here, e.g. a media file the checkout lacks; left out).

Consistency follows the ACT implementation pages ("Understanding ACT consistency"):

* **consistent**: no passed or inapplicable example is failed, no failed example is passed, and the
  implementation does not answer "cannot tell" on every example;
* **partially consistent**: no passed or inapplicable example is failed, and some but not all
  failed examples are reported failed;
* **not implemented**: otherwise — it fails a passed or inapplicable example (a partially consistent
  implementation "can not include false positives"), or it reports no failed example as failed.

Recall and precision count test cases: a failed example reported failed is found; reported passed
or "cannot tell" it is missed; a passed or inapplicable example reported failed is a false alarm.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

OUTCOMES = ("failed", "passed", "cantTell", "skipped")
CONSISTENT, PARTIAL, NOT_IMPLEMENTED = "consistent", "partially consistent", "not implemented"


@dataclass(frozen=True)
class CaseOutcome:
    rule: str
    item: str
    expected: str  # passed | failed | inapplicable
    outcome: str  # one of OUTCOMES


def consistency(outcomes: Iterable[CaseOutcome]) -> tuple[str, str]:
    """The rule's consistency and why, from its cases' expected and reported outcomes."""
    run = [o for o in outcomes if o.outcome != "skipped"]
    if not run:
        return NOT_IMPLEMENTED, "no example could be run"
    false_alarms = [o for o in run if o.expected != "failed" and o.outcome == "failed"]
    failed = [o for o in run if o.expected == "failed"]
    caught = [o for o in failed if o.outcome == "failed"]
    missed = [o for o in failed if o.outcome == "passed"]
    if false_alarms:
        return NOT_IMPLEMENTED, f"fails {len(false_alarms)} passed or inapplicable example(s)"
    if all(o.outcome == "cantTell" for o in run):
        return NOT_IMPLEMENTED, "cannot tell on every example"
    if failed and not caught:
        return NOT_IMPLEMENTED, f"reports none of the {len(failed)} failed examples"
    if missed:
        return PARTIAL, f"{len(caught)} of {len(failed)} failed examples found, {len(missed)} passed"
    told = [o for o in failed if o.outcome == "cantTell"]
    note = f", cannot tell on {len(told)}" if told else ""
    return CONSISTENT, f"{len(caught)} of {len(failed)} failed examples found{note}"


@dataclass
class Scores:
    found: int = 0
    missed: int = 0
    false_alarms: int = 0
    skipped: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / (self.found + self.missed) if self.found + self.missed else None

    @property
    def precision(self) -> float | None:
        return self.found / (self.found + self.false_alarms) if self.found + self.false_alarms else None


def scores(outcomes: Iterable[CaseOutcome]) -> Scores:
    s = Scores()
    for o in outcomes:
        if o.outcome == "skipped":
            s.skipped += 1
        elif o.expected == "failed":
            if o.outcome == "failed":
                s.found += 1
            else:
                s.missed += 1
        elif o.outcome == "failed":
            s.false_alarms += 1
    return s


def by_rule(outcomes: Iterable[CaseOutcome]) -> dict[str, list[CaseOutcome]]:
    out: dict[str, list[CaseOutcome]] = {}
    for o in outcomes:
        out.setdefault(o.rule, []).append(o)
    return out


def consistency_counts(outcomes: Iterable[CaseOutcome]) -> dict[str, int]:
    counts = {CONSISTENT: 0, PARTIAL: 0, NOT_IMPLEMENTED: 0}
    for cases in by_rule(outcomes).values():
        counts[consistency(cases)[0]] += 1
    return counts


def tool_outcome(status: str | None) -> str:
    """The tool's finding for the rule's item → an ACT outcome."""
    if status in ("fail", "partial"):
        return "failed"
    if status in ("pass", "not_applicable"):
        return "passed"
    return "cantTell"


def criteria_outcome(finding: Any, criteria: Iterable[str]) -> str:
    """The tool's finding of the rule's item → an ACT outcome for the rule, read as axe-core's results
    are: a defect of one of the rule's criteria fails the case; an element of those criteria left
    undecided, or an item that could not be measured at all, is "cannot tell"; anything else passes."""
    if finding is None:
        return "cantTell"
    wanted = set(criteria)
    if any(wanted & set(d.criteria) for d in finding.deficiencies):
        return "failed"
    undecided = finding.measured.get("undecided_elements") or []
    if any(wanted & set(u.get("criteria") or ()) for u in undecided):
        return "cantTell"
    if finding.status == "not_assessed" and not undecided:
        return "cantTell"
    return "passed"


def axe_outcome(
    violations: Iterable[tuple[str, ...]], incomplete: Iterable[tuple[str, ...]], tags: Iterable[str]
) -> str:
    """axe-core's results on a case → an ACT outcome: a violation of one of the rule's criteria is a
    failure, an "incomplete" one "cannot tell", anything else a pass."""
    wanted = set(tags)
    if any(wanted & set(t) for t in violations):
        return "failed"
    if any(wanted & set(t) for t in incomplete):
        return "cantTell"
    return "passed"
