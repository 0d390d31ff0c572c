"""Bodies harvested, measured and checked side by side (one crawl process, one browser, each host
within its politeness budget) come out as they do body after body: the same pages, the same findings,
the same scores. What changes is the time, not the audit."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from ashyq_replica.core import World
from sqlalchemy import select

from ashyq.pipeline.audit import body_parts
from ashyq.store.bodies import load_registry
from ashyq.store.db import dispose_engine, session_scope
from ashyq.store.models import Finding, Page, Score
from ashyq.store.vocabulary import RunStatus
from tests.pipeline.audit_harness import audit_on_replica

# a classic website with a mobile version, and a www.gov.kz ministry with a subordinate organisation
BODIES = ["kostanay", "mod"]
# the pages, findings and scores of this audit body after body, as the code gave them (first before the
# tree was rearranged, issue 24): a change of layout, loaders or command line must not change a verdict.
# Written anew only on purpose, by a change meant to change verdicts, and only when the side-by-side
# audit agrees: ASHYQ_WRITE_GOLDEN=1 pytest tests/pipeline/test_side_by_side.py
GOLDEN = Path(__file__).parent / "golden" / "kostanay-mod.json"


def test_parts_hold_up_to_the_side_by_side_count_of_assessed_bodies() -> None:
    registry = load_registry("demo")
    assessed = [b.id for b in registry.assessed()]
    assert body_parts(registry, assessed, 1) == [[b] for b in assessed]
    assert body_parts(registry, assessed, 4) == [assessed[:4], assessed[4:]]
    assert body_parts(registry, assessed, 100) == [assessed]
    # a body no assessed one brings along is a part of its own at the end
    assert body_parts(registry, ["kostanay", "zqai"], 8) == [["kostanay"], ["zqai"]]


def _audit(out: Path, side_by_side: int) -> dict[str, Any]:
    summary, db = audit_on_replica(
        out, World(), BODIES, max_pages=6, browser=True, reports=False, side_by_side=side_by_side
    )
    assert summary.status == RunStatus.COMPLETE, summary.outcomes
    with session_scope(db) as session:
        run = summary.run_id
        seen = {
            "pages": sorted(
                (p.body_id or "", p.url, p.depth if p.depth is not None else -1, p.status or 0)
                for p in session.scalars(select(Page).where(Page.run_id == run))
            ),
            "findings": sorted(
                (f.body_id, f.item, f.lang or "", str(f.status), f.reason or "")
                for f in session.scalars(select(Finding).where(Finding.run_id == run))
            ),
            "scores": sorted(
                (s.body_id, s.edition, round(s.final, 6))
                for s in session.scalars(select(Score).where(Score.run_id == run))
            ),
        }
    dispose_engine(db)
    return seen


def _differences(kind: str, now: set[str], before: set[str]) -> str:
    return f"{kind} new: {sorted(now - before)[:20]}; gone: {sorted(before - now)[:20]}"


@pytest.mark.slow
@pytest.mark.browser
def test_side_by_side_and_body_after_body_give_the_same_audit(tmp_path: Path) -> None:
    """The side-by-side audit (the pipeline's default) against the body-after-body one, which the golden
    holds: writing the golden (ASHYQ_WRITE_GOLDEN=1) runs both and keeps it only if they agree, so an
    ordinary run audits once, side by side, and compares with it."""
    together = _audit(tmp_path / "together", side_by_side=len(BODIES))
    assert {b for b, *_ in together["findings"]} == set(BODIES)
    assert len(together["findings"]) > 100
    seen = {kind: [list(row) for row in together[kind]] for kind in ("pages", "findings", "scores")}
    if os.environ.get("ASHYQ_WRITE_GOLDEN") == "1":
        one_by_one = _audit(tmp_path / "one-by-one", side_by_side=1)
        for kind in ("pages", "findings", "scores"):
            only_together = sorted(set(together[kind]) - set(one_by_one[kind]))
            only_alone = sorted(set(one_by_one[kind]) - set(together[kind]))
            assert not only_together and not only_alone, (
                f"{kind} of the side-by-side run only: {only_together[:20]}; "
                f"of the body-by-body run only: {only_alone[:20]}"
            )
        assert together == one_by_one
        alone = {kind: [list(row) for row in one_by_one[kind]] for kind in ("pages", "findings", "scores")}
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(alone, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for kind in ("pages", "findings", "scores"):
        now = {json.dumps(row, ensure_ascii=False) for row in seen[kind]}
        before = {json.dumps(row, ensure_ascii=False) for row in golden[kind]}
        assert now == before, _differences(kind, now, before)
