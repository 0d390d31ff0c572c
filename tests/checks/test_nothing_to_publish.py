"""Nothing to publish: one rule for every row of a table (interpretation npa-nothing-posted).

The 2025 text (000_12c86a9f7dcd6cb4.txt) scores postings, their correctness, the handling of comments
and the announcements of public discussions of drafts (Table 4, lines 1235-1293; Table 2 row 11, line
1136) and is silent on a period with no draft at all. The one sentence that speaks of it is point 81 of
the 2017 methodology (001_2eda7a10a42a5ed2.txt, lines 1086-1089): «В случае отсутствия по плану
разработки законопроектов и/или нормативных правовых актов, а также отсутствия предложений и
комментариев пользователей, госоргану присваивается максимальный балл весового значения
соответствующего параметра.» The checks say what they saw - nothing to publish, with the portal as
evidence - for every row alike: the drafts, their forms, their comments and the announcement of their
discussion. The reading is the scorer's (tests/scoring/cases/kz-2025-nothing-to-publish*.yaml): by
default the maximum on every such row, under ``not-met`` nothing on every one of them. Never some
rows one way and the others the other."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ashyq.base.artifacts import BodyArtifacts, PortalRecord
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from tests.checks.fixture_harness import all_cases, artifacts

NO_DRAFTS = next(c for c in all_cases() if c.item == "T4-2" and c.name == "not_applicable_nothing_to_publish")
TABLES = {"cgo": ["T4-1", "T4-2", "T4-3", "T4-4", "T4-5"], "mio": ["T5-1", "T5-2", "T5-3", "T5-4"]}


def _run(body: BodyArtifacts, items: list[str]) -> list[Result]:
    return [r for r in run_checks(body, only_items=items) if r.item in items]


def _nothing_to_publish(results: list[Result]) -> list[tuple[str, str | None, str, str | None]]:
    """The results that do not say "nothing to publish" with their evidence."""
    return [
        (r.item, r.lang, r.status, r.reason)
        for r in results
        if not (r.status == "not_applicable" and r.measured.get("nothing_to_publish") is True and r.evidence)
    ]


@pytest.mark.parametrize("kind", ["cgo", "mio"])
def test_one_finding_for_every_row_of_the_npa_table(kind: str) -> None:
    results = _run(replace(artifacts(NO_DRAFTS), kind=kind), TABLES[kind])
    assert {(r.item, r.lang) for r in results} == {(i, lang) for i in TABLES[kind] for lang in ("kk", "ru")}
    assert _nothing_to_publish(results) == []


def _no_programmes(kind: str) -> BodyArtifacts:
    records = [
        PortalRecord(
            portal="budget",
            kind="coverage",
            lang=lang,
            source_url="https://budget.egov.kz",
            payload={"content": "budget_search", "measurable": True, "count": 0},
        )
        for lang in ("kk", "ru")
    ]
    base = artifacts(NO_DRAFTS)
    return replace(base, kind=kind, records=records, pages=[], declared={})


@pytest.mark.parametrize(("kind", "item"), [("cgo", "T2-11"), ("mio", "T3-7")])
def test_no_programme_to_announce(kind: str, item: str) -> None:
    results = _run(_no_programmes(kind), [item])
    assert len(results) == 2 and _nothing_to_publish(results) == []
