"""The score's range over the verdicts still open: what the final score would be if every uncertain
verdict went the other way, down and up (as coverage brackets what was not assessed).

An uncertain finding is scored as its status says (the tool's best guess). Down, each open ``pass``,
``partial`` or ``not_applicable`` becomes a ``fail``; up, each open ``fail``, ``partial`` or
``not_applicable`` becomes a ``pass`` without a measurement or deficiency (which earns the item's
weight). The other findings stay as they are, so the range is the most the open questions can move
the score, each answered the other way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ashyq.scoring.findings import Finding, FindingsFile
from ashyq.scoring.scores import RunScores

_DOWN = {"pass", "partial", "not_applicable"}
_UP = {"fail", "partial", "not_applicable"}


def is_open(finding: Finding) -> bool:
    """An uncertain verdict no assessor has decided (a decided finding is ``certain``)."""
    return finding.certainty == "uncertain" and finding.status != "not_assessed"


def _turned(findings: FindingsFile, up: bool) -> FindingsFile:
    turned = []
    for f in findings.findings:
        if is_open(f) and f.status in (_UP if up else _DOWN):
            status = "pass" if up else "fail"
            f = f.model_copy(update={"status": status, "measured": {}, "deficiencies": [], "certainty": "certain"})
        turned.append(f)
    return findings.model_copy(update={"findings": turned})


def bracket_open_verdicts(
    findings: FindingsFile, scored: RunScores, score: Callable[[FindingsFile], RunScores]
) -> None:
    """Set each body's ``open_verdicts`` and its final score's range (``final_low``, ``final_high``) on
    ``scored``; ``score`` scores a findings file as ``scored`` was."""
    counts = Counter(f.body for f in findings.findings if is_open(f))
    if not counts:
        return
    low = {b.body: b.final for b in score(_turned(findings, up=False)).bodies}
    high = {b.body: b.final for b in score(_turned(findings, up=True)).bodies}
    for body in scored.bodies:
        if counts.get(body.body):
            body.open_verdicts = counts[body.body]
            body.final_low = min(low.get(body.body, body.final), body.final)
            body.final_high = max(high.get(body.body, body.final), body.final)
