"""One audit of demo bodies on a served replica world, as the pipeline tests run it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ashyq_replica.commands.demo import declare_replica_reports
from ashyq_replica.core import World
from ashyq_replica.server import start_world

from ashyq.pipeline.audit import AuditRequest, AuditSummary, run_audit
from ashyq.store.bodies import load_registry
from ashyq.store.vocabulary import RunKind


def audit_on_replica(
    out: Path, world: World, bodies: list[str], *, declare: bool = False, **options: Any
) -> tuple[AuditSummary, str]:
    """Audit ``bodies`` of the demo registry into a store under ``out``; ``declare``: they first submit
    their Appendix 9 reports. ``options`` are the request's own (browser, reports, spiders, …)."""
    out.mkdir(parents=True, exist_ok=True)
    db = f"sqlite:///{out / 'ashyq.sqlite'}"
    with start_world(world) as served:
        if declare:
            registry = load_registry("demo")
            chosen = registry.model_copy(update={"bodies": [b for b in registry.bodies if b.id in bodies]})
            declare_replica_reports(world, chosen, served.urls, out, db)
        summary = run_audit(
            AuditRequest(
                list(bodies), "demo", "kz-2025", out, db, dict(served.urls), world.as_of, RunKind.AUDIT, **options
            )
        )
    return summary, db
