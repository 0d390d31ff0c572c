"""Findings: what the checks report and the scorer reads (``docs/findings-format.md``).

One finding per methodology item × language × body. The scorer never trusts a file blindly: every
finding is checked against the edition before anything is computed, and the whole file is refused
with one line per problem if any is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ashyq.base.evidence import Deficiency
from ashyq.base.vocabulary import Lang, Status
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


class BodyInfo(Loose):
    id: str
    kind: Literal["cgo", "mio", "subordinate"]
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
        self.problems = problems
        super().__init__("\n".join(problems))


def read_structured(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix in {".yaml", ".yml"}:
        return yaml.safe_load(text)
    return json.loads(text)


def load_findings(path: Path) -> FindingsFile:
    try:
        raw = read_structured(path)
    except (OSError, ValueError, yaml.YAMLError) as e:
        raise FindingsError([f"{path}: cannot be read: {e}"]) from None
    try:
        return FindingsFile.model_validate(raw)
    except ValidationError as e:
        raise FindingsError([f"{path}: {'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors()]) from None


def load_bodies(path: Path) -> list[BodyInfo]:
    """A body list: a findings-style ``bodies:`` list, or a registry file with ``bodies:``."""
    try:
        raw = read_structured(path)
    except (OSError, ValueError, yaml.YAMLError) as e:
        raise FindingsError([f"{path}: cannot be read: {e}"]) from None
    items = raw.get("bodies", raw) if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise FindingsError([f"{path}: expected a list of bodies"])
    try:
        return [BodyInfo.model_validate(b) for b in items]
    except ValidationError as e:
        raise FindingsError([f"{path}: {err['loc']}: {err['msg']}" for err in e.errors()]) from None


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


def _measure_problems(where: str, measured: dict[str, Any]) -> list[str]:
    problems = []
    for m in ("share", "numerator", "denominator", "value"):
        v = measured.get(m)
        if v is not None and (not isinstance(v, int | float) or v < 0):
            problems.append(f"{where}: measured {m} must be a non-negative number, got {v!r}")
    share = measured.get("share")
    if isinstance(share, int | float) and share > 1:
        problems.append(f"{where}: measured share must be between 0 and 1, got {share}")
    return problems


def check_findings(findings: FindingsFile, edition: Edition) -> list[str]:
    """Every problem that would make a score wrong, one line each; empty when all is well."""
    items = {i.id: i for i in edition.items()}
    bodies = {b.id for b in findings.bodies}
    problems: list[str] = []
    seen: set[tuple[str, str, str | None]] = set()
    needs: dict[tuple[str, str], list[str]] = {}
    for n, f in enumerate(findings.findings):
        where = f"findings[{n}] ({f.body} {f.item} {f.lang or '-'})"  # cheap enough: f-strings are fast
        item = items.get(f.item)
        if item is None:
            problems.append(f"{where}: item {f.item!r} is not in edition {edition.edition}")
            continue
        if bodies and f.body not in bodies:
            problems.append(f"{where}: body {f.body!r} is not in the body list")
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
            problems.extend(_measure_problems(where, f.measured))
        if f.status == "not_assessed" and not f.reason:
            problems.append(f"{where}: a not_assessed finding must say why (reason)")
    return problems
