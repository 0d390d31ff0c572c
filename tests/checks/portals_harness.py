"""The replica world's portals harvested by the project's own spiders, as BodyArtifacts.

The data.egov.kz, budget.egov.kz and legalacts.egov.kz spiders run against a running replica world
(in a child process, as the crawler tests do), and each body's records and failures become its
``BodyArtifacts`` with the run-time configuration a real run gives the checks (the Unified list of
open data of the demo registry). Nothing here reads the world's ground truth.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PortalRecord
from ashyq.store.bodies import load_registry
from tests.checks.unified_list_harness import world_rows

CRAWLER_TESTS = Path(__file__).resolve().parents[1] / "crawler"
SPIDERS = ("dataegov", "budget", "legalacts")
ASSESSED = ("enbek", "adilet", "mod", "astana", "karaganda", "kostanay")
CARD_OVERRIDES = [
    {"source": "https://legalacts.egov.kz/npa/view", "reason": "allow-listed assessor (test of the card path)"},
    {"source": "https://legalacts.egov.kz/application/viewcardhistory", "reason": "allow-listed assessor (test)"},
]


def harvest(urls: dict[str, str], out: Path, bodies: tuple[str, ...] = ASSESSED, cards: bool = True) -> dict[str, Any]:
    """(spider, body) → the crawl result of the project's spiders against the replica at ``urls``."""
    if str(CRAWLER_TESTS) not in sys.path:
        sys.path.insert(0, str(CRAWLER_TESTS))
    from test_portal_harness import crawl  # the crawler tests' child-process runner

    jobs = [{"spider": s, "body": b, "args": {}} for s in SPIDERS for b in bodies]
    return crawl(urls, jobs, out, robots_overrides=CARD_OVERRIDES if cards else [])


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def body_artifacts(results: dict[str, Any], body_id: str, as_of: Any, registry: str = "demo") -> BodyArtifacts:
    body = load_registry(registry).get(body_id)
    artifacts = BodyArtifacts(
        body_id=body.id,
        kind=body.kind,
        as_of=as_of,
        names={"kk": body.names.kk, "ru": body.names.ru},
        config={"unified_list": world_rows(body.id)},
    )
    for spider in SPIDERS:
        result = results.get((spider, body_id))
        if result is None:
            continue
        for item in result.items:
            if item["type"] == "PortalRecordItem":
                artifacts.records.append(
                    PortalRecord(
                        portal=item["portal"],
                        kind=item["record_kind"],
                        payload=item["payload"],
                        source_url=item["source_url"],
                        lang=item["lang"],
                        external_id=item["external_id"],
                        warc_record_id=item["warc_record_id"],
                        fetched_at=_moment(item.get("fetched_at")),
                    )
                )
        for failure in result.all_failures():
            artifacts.failures.append(
                FetchFailure(
                    url=failure["url"],
                    reason=failure["reason"],
                    detail=failure.get("detail"),
                    status_code=failure.get("status_code"),
                )
            )
    return artifacts
