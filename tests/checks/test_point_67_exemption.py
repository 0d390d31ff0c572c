"""Point 67, part three (000_12c86a9f7dcd6cb4.txt, line 65): «В случае, если информация по бюджету
государственного органа является секретной или имеет гриф "ограниченного распространения",
присваивается средний балл полученных оценок всех государственных органов по тем индикаторам, по
которым государственный орган не оценивается.» The budget check that reads the portal's notice says
so in its finding: exempt, with the notice as evidence (the scorer needs no registry tag)."""

from __future__ import annotations

import pytest

from ashyq.checks.registry import run_checks
from tests.checks.fixture_harness import all_cases, artifacts

RESTRICTED = next(c for c in all_cases() if c.item == "T2-1" and "restricted" in c.name)
ITEMS_2025 = ["T2-1", "T2-2", "T2-3", "T2-4", "T2-5", "T2-6", "T2-7", "T2-8", "T2-9", "T2-10"]


@pytest.mark.parametrize("item", ITEMS_2025)
def test_the_restricted_notice_makes_the_finding_exempt(item: str) -> None:
    results = [r for r in run_checks(artifacts(RESTRICTED), only_items=[item]) if r.item == item]
    assert {r.lang for r in results} == {"kk", "ru"}
    for r in results:
        assert r.status == "not_applicable", (r.status, r.reason)
        assert r.measured["exempt"] == "budget_restricted"
        assert any("ограниченного" in (e.snippet or "") or "шектеулі" in (e.snippet or "") for e in r.evidence)


def test_the_2017_edition_has_no_such_exemption() -> None:
    results = [r for r in run_checks(artifacts(RESTRICTED), only_items=["A12-B-1"]) if r.item == "A12-B-1"]
    assert results and all(r.status == "not_assessed" for r in results)
