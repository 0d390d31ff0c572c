"""Scoring a nightly run: 250 bodies' findings under the 2025 edition.

The peer is reading the same findings file with the standard JSON parser: the printed ratio says
how many times the cost of merely reading the file the whole scoring takes.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from ashyq.methodology.edition import (
    BandedRule,
    ChoiceRule,
    CoefficientRule,
    Edition,
    PresenceRule,
    ProportionalRule,
    edition_path,
)
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import score_run
from ashyq.scoring.findings import load_findings

BODIES = 250


def synthetic_run(edition: Edition, bodies: int, seed: int = 7) -> dict[str, Any]:
    """A deterministic run: a mix of CGOs and MIOs, every item with a plausible finding."""
    rng = random.Random(seed)
    body_list = [
        {"id": f"b{n:03d}", "kind": "cgo" if n % 3 == 0 else "mio", "tags": ["defence"] if n == 0 else []}
        for n in range(bodies)
    ]
    findings: list[dict[str, Any]] = []
    for b in body_list:
        for item in edition.items():
            if item.applies_to is not None and b["kind"] not in item.applies_to:
                continue
            for lang in edition.languages if item.per_language else [None]:
                status = rng.choices(["pass", "partial", "fail", "not_assessed"], [5, 3, 1, 1])[0]
                f: dict[str, Any] = {"body": b["id"], "item": item.id, "lang": lang, "status": status}
                rule = item.rule
                if status == "partial":
                    if isinstance(rule, PresenceRule):
                        f["measured"] = {"share": rng.random()}
                    elif isinstance(rule, ProportionalRule):
                        den = rng.randint(1, 20)
                        f["measured"] = {"numerator": rng.randint(0, den), "denominator": den}
                    elif isinstance(rule, BandedRule):
                        f["measured"] = {"value": rng.uniform(0, 100)}
                    elif isinstance(rule, ChoiceRule):
                        f["measured"] = {"level": rng.choice(list(rule.levels))}
                    elif isinstance(rule, CoefficientRule):
                        f["measured"] = {"value": rng.choice(rule.values)}
                    f["deficiencies"] = [
                        {"message": "missing", "url": "https://www.gov.kz/x"} for _ in range(rng.randint(0, 3))
                    ]
                if status == "pass" and isinstance(rule, CoefficientRule):
                    f["measured"] = {"value": max(rule.values)}
                if status == "not_assessed":
                    f["reason"] = "timeout"
                findings.append(f)
    return {"format": "ashyq-findings/1", "bodies": body_list, "findings": findings}


def best_of(n: int, fn: Any) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    name = "kz-2025" if edition_path("kz-2025").exists() else "kz-2017"
    edition = load_edition(edition_path(name))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "findings.json"
        path.write_text(json.dumps(synthetic_run(edition, BODIES), ensure_ascii=False), encoding="utf-8")
        n_findings = len(json.loads(path.read_text(encoding="utf-8"))["findings"])

        def whole() -> None:
            score_run(load_findings(path), edition)

        def peer() -> None:
            json.loads(path.read_text(encoding="utf-8"))

        whole()  # warm-up
        ours = best_of(5, whole)
        theirs = best_of(5, peer)
    print(f"score: {BODIES} bodies, {n_findings} findings, edition {name}")
    print(f"  load + validate + score: {ours * 1000:.0f} ms (best of 5)")
    print(f"  peer, json.loads of the same file: {theirs * 1000:.1f} ms")
    print(
        f"  ratio scoring / plain read: {ours / theirs:.1f}×   goal: well under 1 s → {'met' if ours < 1 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
