"""Findings: what the checks report and the scorer reads (``docs/findings-format.md``).

One finding per methodology item × language × body. The scorer never trusts a file blindly: every
finding is checked against the edition before anything is computed, and the whole file is refused
with one line per problem if any is wrong. The file is read within :data:`LIMITS` (docs/limits.md):
JSON or YAML (no aliases or tags), bounded in size, nesting and number of values.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ashyq.base.evidence import Deficiency
from ashyq.base.strict_files import FileRefused, Limits, clipped, read_structured
from ashyq.base.vocabulary import BodyKind, Certainty, Lang, Status
from ashyq.config import tag_problem
from ashyq.methodology.edition import (
    BandedRule,
    ChoiceRule,
    CoefficientRule,
    Edition,
    Item,
    PresenceRule,
    ProportionalRule,
)

FORMAT = "ashyq-findings/1"
# A nightly of every body of the country with its evidence expanded is a few tens of megabytes; YAML
# is for hand-written files and parses about ten times slower, so it gets less.
LIMITS = Limits(max_bytes=64 * 1024 * 1024, max_depth=12, max_nodes=8_000_000, max_text=32_767)
YAML_LIMITS = LIMITS.but(max_bytes=8 * 1024 * 1024, max_nodes=1_000_000)
MAX_LINES = 200  # problems listed; the rest are counted


class Loose(BaseModel):
    model_config = ConfigDict(extra="allow")


class Finding(Loose):
    body: str
    item: str
    lang: Lang | None = None
    status: Status
    measured: dict[str, Any] = Field(default_factory=dict)
    deficiencies: list[Deficiency] = Field(default_factory=list)
    evidence: list[Any] = Field(default_factory=list)
    reason: str | None = None
    check: str | None = None
    certainty: Certainty = "certain"  # an uncertain verdict is scored as its status says


class BodyInfo(Loose):
    id: str
    kind: BodyKind
    tags: list[str] = Field(default_factory=list)
    parent: str | None = None


class FindingsFile(Loose):
    format: Literal["ashyq-findings/1"] = "ashyq-findings/1"
    run: dict[str, Any] = Field(default_factory=dict)
    bodies: list[BodyInfo] = Field(default_factory=list)
    findings: list[Finding]
    # averages borrowed from an earlier complete run: "ITEM|lang" → points (lang "-" when none)
    averages: dict[str, float] = Field(default_factory=dict)
    reporting_facts: dict[str, int] = Field(default_factory=dict)


class FindingsError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = clipped(problems)
        super().__init__("\n".join(problems))


def read_structured_file(path: Path) -> Any:
    """A findings or body-list file's content; raises :class:`FindingsError` naming the place."""
    limits = YAML_LIMITS if path.suffix.lower() in (".yaml", ".yml") else LIMITS
    try:
        return read_structured(path, limits, str(path))
    except FileRefused as refused:
        raise FindingsError(refused.lines()) from None


def _lines(path: Path, error: ValidationError) -> list[str]:
    errors = error.errors()
    lines = [f"{path}: {'.'.join(map(str, err['loc'])) or '(top)'}: {err['msg']}" for err in errors[:MAX_LINES]]
    if len(errors) > MAX_LINES:
        lines.append(f"{path}: … and {len(errors) - MAX_LINES} more problems")
    return lines


def load_findings(path: Path) -> FindingsFile:
    raw = read_structured_file(path)
    try:
        return FindingsFile.model_validate(raw)
    except ValidationError as e:
        raise FindingsError(_lines(path, e)) from None


def load_bodies(path: Path) -> list[BodyInfo]:
    """A body list: a findings-style ``bodies:`` list, or a registry file with ``bodies:``."""
    raw = read_structured_file(path)
    items = raw.get("bodies", raw) if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise FindingsError([f"{path}: expected a list of bodies"])
    try:
        return [BodyInfo.model_validate(b) for b in items]
    except ValidationError as e:
        raise FindingsError(_lines(path, e)) from None


def _required_measures(item: Item, status: str) -> list[str]:
    """The ``measured`` keys a rule cannot do without for a ``partial`` finding."""
    rule = item.rule
    if status != "partial":
        if isinstance(rule, CoefficientRule) and status == "pass":
            return ["value"]
        return []
    if isinstance(rule, PresenceRule):
        return [] if item.deductions else ["share"]
    if isinstance(rule, ProportionalRule):
        return [] if item.deductions else ["numerator", "denominator"]
    if isinstance(rule, BandedRule | CoefficientRule):
        return ["value"]
    if isinstance(rule, ChoiceRule):
        return ["level"]
    return []


# Above 2**53 an integer is no longer exact as a float, and from 309 digits it is no float at all:
# no count or measure of a body's site comes near either.
MAX_MEASURE = 2**53
MAX_FACTS = 1_000_000  # untrue facts of one body's reports: the reports hold at most 5,000 rows


def _number_problem(name: str, v: Any) -> str | None:
    """Why ``v`` cannot be a measurement: not a number, not finite (NaN, infinity), too large to
    compute with, or negative."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return f"measured {name} must be a non-negative number, got {v!r}"
    if isinstance(v, int) and abs(v) > MAX_MEASURE:
        return f"measured {name} is too large to be a measure: a {len(str(abs(v)))}-digit number"
    if not math.isfinite(v):
        return f"measured {name} must be a finite number, got {v!r}"
    if v < 0:
        return f"measured {name} must be a non-negative number, got {v!r}"
    return None


def _measure_problems(where: str, item: Item, measured: dict[str, Any]) -> list[str]:
    problems = []
    for m in ("share", "numerator", "denominator", "value"):
        v = measured.get(m)
        if v is not None and (why := _number_problem(m, v)) is not None:
            problems.append(f"{where}: {why}")
    share = measured.get("share")
    if share is not None and _number_problem("share", share) is None and share > 1:
        problems.append(f"{where}: measured share must be between 0 and 1, got {share}")
    rule = item.rule
    value = measured.get("value")
    if isinstance(rule, CoefficientRule) and value is not None and value not in rule.values:
        allowed = ", ".join(f"{v:g}" for v in rule.values)
        problems.append(f"{where}: measured value {value!r} is not a coefficient of the rule ({allowed})")
    level = measured.get("level")
    if isinstance(rule, ChoiceRule) and level is not None and str(level) not in rule.levels:
        problems.append(f"{where}: measured level {level!r} is not a level of the rule ({', '.join(rule.levels)})")
    return problems


def _exempt_problems(where: str, item: Item, f: Finding) -> list[str]:
    """An exemption a finding shows (``measured.exempt``, e.g. the budget portal's restricted notice,
    point 67) must be one the item has, on a ``not_applicable`` finding, with its evidence."""
    tag = f.measured["exempt"]
    tags = {t.split(":", 1)[0] for ex in item.exemptions for t in ex.tags}
    problems = []
    if tag not in tags:
        problems.append(
            f"{where}: measured exempt {tag!r} is not an exemption of the item ({', '.join(sorted(tags)) or 'none'})"
        )
    if f.status != "not_applicable":
        problems.append(f"{where}: an exempt finding is not_applicable, got {f.status}")
    if not f.evidence:
        problems.append(f"{where}: an exempt finding must carry the evidence of its exemption")
    return problems


def _body_problems(findings: FindingsFile) -> list[str]:
    """Bodies the scorer cannot score as given: the same id twice, nothing to score, findings or
    facts of a body that is not a CGO or MIO of the list."""
    problems: list[str] = []
    counts = Counter(b.id for b in findings.bodies)
    problems.extend(f"bodies: body {b!r} is listed {n} times" for b, n in counts.items() if n > 1)
    for b in findings.bodies:
        problems.extend(f"bodies: {b.id}: {problem}" for problem in map(tag_problem, b.tags) if problem)
    kinds = {b.id: b.kind for b in findings.bodies}
    if findings.bodies and not any(k in ("cgo", "mio") for k in kinds.values()):
        problems.append(
            "bodies: no CGO or MIO to score (a subordinate organisation is scored only through its parent's "
            "Tables 9–11)"
        )
    for body_id, facts in findings.reporting_facts.items():
        if facts < 0:
            problems.append(f"reporting_facts.{body_id}: the number of untrue facts cannot be negative, got {facts}")
        elif facts > MAX_FACTS:
            problems.append(
                f"reporting_facts.{body_id}: {len(str(facts))} digits is not a number of untrue facts "
                f"(at most {MAX_FACTS:,})"
            )
        if kinds and body_id not in kinds:
            problems.append(f"reporting_facts.{body_id}: body {body_id!r} is not in the body list")
    for key, value in findings.averages.items():
        if (why := _number_problem("average", value)) is not None:
            problems.append(f"averages.{key}: {why.removeprefix('measured ')}")
    return problems


def check_findings(findings: FindingsFile, edition: Edition) -> list[str]:
    """Every problem that would make a score wrong, one line each; empty when all is well."""
    items = {i.id: i for i in edition.items()}
    kinds = {b.id: b.kind for b in findings.bodies}
    penalty_item = edition.reporting_penalty.item if edition.reporting_penalty else None
    problems: list[str] = _body_problems(findings)
    seen: set[tuple[str, str, str | None]] = set()
    needs: dict[tuple[str, str], list[str]] = {}
    for n, f in enumerate(findings.findings):
        where = f"findings[{n}] ({f.body} {f.item} {f.lang or '-'})"  # cheap enough: f-strings are fast
        item = items.get(f.item)
        if item is None:
            if f.item == penalty_item:
                problems.append(
                    f"{where}: {f.item} is the reporting penalty, not a finding: give each body's number of "
                    "untrue facts in reporting_facts (docs/findings-format.md)"
                )
            else:
                problems.append(f"{where}: item {f.item!r} is not in edition {edition.edition}")
            continue
        if kinds and f.body not in kinds:
            problems.append(f"{where}: body {f.body!r} is not in the body list")
        elif kinds.get(f.body) == "subordinate":
            problems.append(
                f"{where}: body {f.body!r} is a subordinate organisation: its deficiencies are findings of its "
                "parent (Tables 9–11)"
            )
        if item.per_language and f.lang is None:
            problems.append(f"{where}: item is scored per language, but the finding has no lang")
        if not item.per_language and f.lang is not None:
            problems.append(f"{where}: item is not scored per language, but the finding has lang {f.lang}")
        key = (f.body, f.item, f.lang)
        if key in seen:
            problems.append(f"{where}: a second finding for the same body, item and language")
        seen.add(key)
        required = needs.get((f.item, f.status))
        if required is None:
            required = needs[(f.item, f.status)] = _required_measures(item, f.status)
        missing = [m for m in required if m not in f.measured]
        if missing:
            problems.append(f"{where}: a {f.status} finding needs measured {', '.join(missing)}")
        if f.measured:
            problems.extend(_measure_problems(where, item, f.measured))
        if f.measured and "exempt" in f.measured:
            problems.extend(_exempt_problems(where, item, f))
        if f.status == "not_assessed" and not f.reason:
            problems.append(f"{where}: a not_assessed finding must say why (reason)")
    return problems
