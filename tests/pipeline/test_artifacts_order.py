"""The checks read a harvest the same whatever order a concurrent crawl stored it in: the same records
and fetch failures, stored in two orders, come to the checks in one order, and a check that cites a
record (a missing budget statement cites the portal's first material) cites the same one."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import ashyq.checks.registry  # noqa: F401  (registers every check)
from ashyq.checks.registry import run_checks
from ashyq.crawler.storing import store_body
from ashyq.pipeline.artifacts import load_artifacts
from ashyq.store import repository as repo
from ashyq.store.bodies import load_registry
from ashyq.store.db import dispose_engine, ensure_schema, session_scope
from ashyq.store.models import FetchFailure, PortalRecord
from ashyq.store.vocabulary import FetchFailureReason, Portal, RunKind

AS_OF = date(2026, 11, 20)
SEARCH = "https://budget.egov.kz/application/search?govAgencyId=3510&lang={lang}"


def _budget(
    run_id: str, kind: str, lang: str, external_id: str | None, payload: dict[str, Any], url: str
) -> PortalRecord:
    return PortalRecord(
        run_id=run_id, body_id="adilet", portal=Portal.BUDGET, record_kind=kind, external_id=external_id,
        lang=lang, payload=payload, source_url=url,
    )  # fmt: skip


def _harvest(run_id: str) -> list[PortalRecord | FetchFailure]:
    """What a harvest of budget.egov.kz stored: the search, materials in both languages (no
    consolidated explanatory note among them), and two pages of another portal that failed."""
    rows: list[PortalRecord | FetchFailure] = []
    for lang in ("kk", "ru"):
        search = {"content": "budget_search", "measurable": True}
        rows.append(_budget(run_id, "coverage", lang, None, search, SEARCH.format(lang=lang)))
        for n in range(6):
            document = f"91100{n:02d}"
            payload = {"title": f"Отчёт {n}", "kind": "programme_report", "posted": "2026-03-01"}
            url = f"https://budget.egov.kz/application/document?govAgencyId=3510&documentId={document}"
            rows.append(_budget(run_id, "material", lang, document, payload, url))
    for n in range(2):
        url = f"https://data.egov.kz/datasets/view?index=adilet_{n}"
        rows.append(
            FetchFailure(run_id=run_id, body_id="adilet", reason=FetchFailureReason.TIMEOUT, detail="30 s", url=url)
        )
    return rows


def test_records_stored_in_another_order_reach_the_checks_in_the_same_order(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.sqlite'}"
    ensure_schema(db)
    seen = []
    for seed in (1, 2):
        with session_scope(db) as session:
            repo.upsert_bodies(session, [store_body(b) for b in load_registry("demo").bodies])
            run = repo.start_run(session, RunKind.AUDIT, body_ids=["adilet"], as_of=AS_OF)
            rows = _harvest(run.id)
            random.Random(seed).shuffle(rows)
            session.add_all(rows)
            session.flush()
            stored = [r.external_id or r.source_url for r in rows if isinstance(r, PortalRecord)]
            artifacts = load_artifacts(session, run, "adilet", tmp_path)
            results = run_checks(artifacts, only_items=["A12-B-5"])
            seen.append(
                {
                    "stored": stored,
                    "records": [(r.portal, r.kind, r.lang, r.external_id, r.source_url) for r in artifacts.records],
                    "failures": [(f.url, f.reason) for f in artifacts.failures],
                    "cited": sorted(
                        (r.lang or "", d.url or "")
                        for r in results
                        for d in r.deficiencies
                        if d.kind == "missing_statement"
                    ),
                }
            )
    dispose_engine(db)
    first, second = seen
    assert first["stored"] != second["stored"]  # the two harvests really stored them in other orders
    assert len(first["records"]) == 14 and len(first["failures"]) == 2
    assert first["records"] == second["records"]
    assert first["failures"] == second["failures"]
    assert first["cited"] and first["cited"] == second["cited"], (first["cited"], second["cited"])
