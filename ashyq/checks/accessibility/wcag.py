"""What the Appendix 14 section 3 checks share: the WCAG criteria behind each row, axe-core's answers
per criterion (violations found, elements it could not decide), defects named on every page they
occur on, and the row's outcome from them.

A row is failed by any defect; where nothing failed but some element could not be decided (axe-core's
"incomplete" that no probe settled), the row is ``not_assessed`` for that reason, with the elements
listed — "could not decide" is never a pass. The criteria a defect breaks travel with it
(``Deficiency.criteria``), so a reader (and the ACT report) can tell which requirement of the row it
concerns.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ashyq.base.artifacts import BodyArtifacts, Measurement
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.vocabulary import Status
from ashyq.base.wording import Said
from ashyq.checks.result import Result
from ashyq.methodology.edition import edition_path


def item_criteria(config: dict[str, Any], item: str) -> tuple[str, ...]:
    return tuple(config["wcag_criteria"].get(item, ()))


def rules_for(config: dict[str, Any], item: str) -> dict[str, tuple[str, ...]]:
    """axe-core rules whose criteria belong to the row: rule → the row's criteria it tests."""
    wanted = set(item_criteria(config, item))
    out = {}
    for rule, criteria in config["axe_rules"].items():
        mine = tuple(c for c in criteria if c in wanted)
        if mine:
            out[rule] = mine
    return out


def pages_text(pages: Sequence[str], limit: int = 5) -> str:
    """«3 pages: a, b, c» — every page counted, the first few named (the finding lists them all)."""
    count, urls = pages_listed(pages, limit)
    return f"{count} page(s): {urls}"


def pages_listed(pages: Sequence[str], limit: int = 5) -> tuple[int, str]:
    """(how many pages, the first few named) of :func:`pages_text`: the parameters ``pages`` and
    ``urls`` of a catalogue message that says «on %(pages)s page(s): %(urls)s» in its language."""
    unique = list(dict.fromkeys(pages))
    head = ", ".join(unique[:limit])
    more = f" … (+{len(unique) - limit})" if len(unique) > limit else ""
    return len(unique), f"{head}{more}"


@dataclass
class Undecided:
    """An element no one could decide: axe-core's incomplete answer that no probe settled."""

    criteria: tuple[str, ...]
    url: str
    selector: str | None
    why: str

    def as_dict(self) -> dict[str, Any]:
        return {"criteria": list(self.criteria), "url": self.url, "selector": self.selector, "why": self.why}


@dataclass
class Outcome:
    """The row's defects and undecided elements, gathered over every source."""

    deficiencies: list[Deficiency] = field(default_factory=list)
    undecided: list[Undecided] = field(default_factory=list)

    def result(self, item: str, measured: dict[str, Any], evidence: list[EvidenceRef]) -> Result:
        if self.undecided:
            measured = {
                **measured,
                "undecided": len(self.undecided),
                "undecided_elements": [u.as_dict() for u in self.undecided[:10]],
            }
        if self.deficiencies:
            status: Status = "fail"
            return Result(
                item, None, status, measured, self.deficiencies, evidence or self.deficiencies[0].references()
            )
        if self.undecided:
            first = self.undecided[0]
            count, urls = pages_listed([u.url for u in self.undecided])
            why, selector = first.why, first.selector or "?"
            reason = Said(
                f"{len(self.undecided)} element(s) could not be decided ({why}; {selector}) on {count} page(s): {urls}",
                "reason.a14.undecided",
                elements=len(self.undecided),
                why=why,
                selector=selector,
                pages=count,
                urls=urls,
            )
            return Result(item, None, "not_assessed", measured, [], evidence, reason=reason)
        return Result(item, None, "pass", measured, [], evidence)


def axe_outcome(taken: Iterable[Measurement], config: dict[str, Any], item: str, kind: str) -> Outcome:
    """axe-core's violations of the row's rules (one defect per rule, naming every page) and its
    undecided elements."""
    rules = rules_for(config, item)
    found: dict[str, list[tuple[Measurement, dict[str, Any]]]] = {}
    out = Outcome()
    for m in taken:
        for violation in m.data.get("violations", []):
            if violation.get("id") in rules:
                found.setdefault(violation["id"], []).append((m, violation))
        for incomplete in m.data.get("incomplete", []):
            rule = incomplete.get("id")
            if rule not in rules:
                continue
            for node in incomplete.get("nodes", [])[:5]:
                why = (
                    (node.get("decided") or {}).get("why")
                    or node.get("reason")
                    or node.get("why")
                    or "axe-core: needs review"
                )
                out.undecided.append(
                    Undecided(rules[rule], m.url, ", ".join(node.get("target", [])) or None, f"{rule}: {why}")
                )
    for rule, hits in found.items():
        pages = [m.url for m, _ in hits]
        first_m, first_v = hits[0]
        nodes = first_v.get("nodes", [])
        node = nodes[0] if nodes else {}
        selector = ", ".join(node.get("target", [])) or None
        count = sum(int(v.get("count", len(v.get("nodes", [])))) for _, v in hits)
        listed, urls = pages_listed(pages)
        out.deficiencies.append(
            Deficiency(
                Said(
                    f"axe-core {rule}: {count} element(s) on {listed} page(s): {urls}",
                    "deficiency.a14.axe",
                    rule=rule,
                    count=count,
                    pages=listed,
                    urls=urls,
                ),
                kind=kind,
                url=first_m.url,
                selector=selector,
                evidence=[
                    m.evidence(
                        ", ".join((v.get("nodes") or [{}])[0].get("target", [])) or None,
                        (v.get("nodes") or [{}])[0].get("html"),
                    )
                    for m, v in hits[:3]
                ],
                pages=list(dict.fromkeys(pages)),
                criteria=rules[rule],
            )
        )
    return out


def interpretation(artifacts: BodyArtifacts, key: str) -> str:
    """The run's option of an interpretation of the 2017 edition, else the edition's default."""
    chosen = artifacts.config.get("interpretations", {}).get(key)
    return str(chosen) if chosen else default_option(key)


@functools.cache
def default_option(key: str) -> str:
    from ashyq.methodology.validate import load_edition

    return str(load_edition(edition_path("kz-2017")).interpretation(key).default)
