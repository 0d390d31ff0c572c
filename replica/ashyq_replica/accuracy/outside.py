"""Audit the outside sites as an assessor would and set the findings beside their documented truth.

The sites (:mod:`ashyq_replica.outside`) are served on loopback with the replica world; each is
registered the way a real registry names a body (kind, names in kk/ru/en, the site's address) and
audited in one run with the default crawl policy (robots.txt obeyed) and the browser step, exactly
the path ``ashyq audit`` takes. Only the items the truth states are compared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from ashyq_replica.accuracy.compare import Pair, pair_up
from ashyq_replica.outside.folder import SiteFolder, load_sites
from ashyq_replica.outside.folder import excluded as excluded_items


@dataclass(frozen=True)
class OutsideRun:
    run_id: str
    status: str
    outcomes: dict[str, str]  # site → "complete" or why it was not harvested
    findings: list[dict[str, Any]]  # {"site", "item", "lang", "status", "reason", "certainty"}


def truth_rows(as_of: date, only: list[str] | None = None) -> list[tuple[str, str, str, str]]:
    """(site, item, lang, status) of every verdict the outside sites' truth states.

    The sites are written at one date, the world's default (``outside/sites/README.md``); ``as_of``
    is the date the audit runs at, which is that one.
    """
    rows: list[tuple[str, str, str, str]] = []
    for site in load_sites():
        if only is not None and site.id not in only:
            continue
        rows += [(site.id, v["item"], v["lang"], v["status"]) for v in site.truth()]
    return rows


def registry(site_specs: list[SiteFolder]) -> dict[str, Any]:
    return {
        "name": "outside",
        "description": "The outside test sites (ashyq_replica.outside), audited only to measure accuracy.",
        "bodies": [{"id": s.id, "kind": s.kind, "names": dict(s.names), "sites": [s.home]} for s in site_specs],
    }


def audit(
    as_of: date,
    out_dir: Path,
    db_url: str,
    browser: bool = True,
    progress: Callable[[str, dict[str, Any]], None] | None = None,
    only: list[str] | None = None,
) -> OutsideRun:
    """Serve the outside sites, audit them (or the ``only`` ones) in one run, and return the findings."""
    from ashyq.pipeline.audit import AuditRequest, run_audit
    from ashyq.pipeline.results import findings_document
    from ashyq.store.db import session_scope
    from ashyq.store.models import Run
    from ashyq.store.vocabulary import RunKind
    from ashyq_replica.core import World
    from ashyq_replica.server import start_world

    site_specs = [s for s in load_sites() if only is None or s.id in only]
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "outside-registry.yaml"
    path.write_text(yaml.safe_dump(registry(site_specs), allow_unicode=True, sort_keys=False), encoding="utf-8")
    ids = [s.id for s in site_specs]
    with start_world(World(as_of=as_of), outside=True) as served:
        request = AuditRequest(
            ids,
            str(path),
            "kz-2025",
            out_dir,
            db_url,
            dict(served.urls),
            as_of,
            RunKind.URL,
            None,
            browser,
            reports=False,
        )
        summary = run_audit(request, progress or (lambda stage, info: None))
    with session_scope(db_url) as session:
        run = session.get(Run, summary.run_id)
        assert run is not None
        document = findings_document(session, run, ids)
    findings = [
        {
            "site": f["body"],
            "item": f["item"],
            "lang": f.get("lang") or "-",
            "status": f["status"],
            "reason": f.get("reason"),
            "certainty": f.get("certainty", "certain"),
            "languages": (f.get("measured") or {}).get("languages"),
        }
        for f in document["findings"]
    ]
    return OutsideRun(summary.run_id, summary.status.value, dict(summary.outcomes), findings)


def compare(as_of: date, findings: list[dict[str, Any]], only: list[str] | None = None) -> list[Pair]:
    return pair_up(truth_rows(as_of, only), findings)


def excluded() -> dict[str, str]:
    return excluded_items()
