"""What a monitoring night leaves: ``runs/<run>/monitor.json``, its pages in Kazakh and Russian, and
the run's settings in the store (the marks and the watch state the next night starts from).

``monitor.json`` (format ``ashyq-monitor/1``, purpose ``monitoring``): the requests per host, the kinds
read entity by entity (``fallback``), the undated items skipped (counted, and up to twenty places), every
changed entity with its items, dead links, changed pages and their Table 7 rows, its portal activity,
its trend and its reporting period so far, the silent entities, the marks and the national view. A night
whose cross-entity listing could not be read, or that found no entity, is ``partial``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ashyq.base.period import period_of
from ashyq.pipeline.monitor_listings import FIRST_WINDOW_DAYS, EntityNight, Night
from ashyq.pipeline.monitor_trend import SILENT_DAYS, in_period, silent_entities, trend
from ashyq.reports.monitor_report import write_monitor_pages
from ashyq.store.db import session_scope
from ashyq.store.models import Run
from ashyq.store.repository import finish_run
from ashyq.store.vocabulary import RunStatus

UNDATED_PLACES = 20  # the places of undated items written out per kind (all are counted)


@dataclass
class MonitorSummary:
    run_id: str
    as_of: date
    entities: int
    changed: list[EntityNight]
    silent: list[str]
    requests: int
    first_night: bool
    fallback: list[str]  # the kinds whose cross-entity listing could not be read
    document: Path
    undated: dict[str, int] = field(default_factory=dict)  # listed items without a date, skipped, by kind

    @property
    def per_entity(self) -> float:
        return self.requests / self.entities if self.entities else 0.0


def _document(
    run_id: str, night: Night, entities: dict[str, str], changed: dict[str, EntityNight], silent: list[str],
    national: dict[str, Any],
) -> dict[str, Any]:  # fmt: skip
    as_of = night.as_of
    return {
        "format": "ashyq-monitor/1",
        "purpose": "monitoring",
        "run": run_id,
        "as_of": as_of.isoformat(),
        "first_night": night.first,
        "window_days": FIRST_WINDOW_DAYS,
        "silent_days": SILENT_DAYS,
        "entities": len(entities),
        "requests": dict(night.fetcher.sent),
        "fallback": night.fallback,
        "undated": {kind: len(where) for kind, where in night.undated.items()},
        "undated_where": {kind: where[:UNDATED_PLACES] for kind, where in night.undated.items()},
        "changed": [
            {
                **asdict(e),
                "trend": trend(night.watch.get(e.slug, {}), as_of),
                "in_period": in_period(night.watch.get(e.slug, {}), as_of),
            }
            for e in changed.values()
        ],
        "period": period_of(as_of).label,
        "silent": [{"slug": s, "name": entities[s]} for s in silent],
        "marks": night.marks,
        "national": national,
    }


def finish_night(
    db_url: str | None,
    run_id: str,
    night: Night,
    entities: dict[str, str],
    changed: dict[str, EntityNight],
    out_dir: Path,
    national: dict[str, Any],
) -> MonitorSummary:
    """The night's document and pages written, its state kept in the store, the run finished."""
    silent = silent_entities(night.watch, entities, night.as_of)
    requests = night.fetcher.sent.get("www.gov.kz", 0)  # the platform's host: the budget that counts
    document = out_dir / "runs" / run_id / "monitor.json"
    document.parent.mkdir(parents=True, exist_ok=True)
    payload = _document(run_id, night, entities, changed, silent, national)
    document.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    pages = write_monitor_pages(document)
    status = RunStatus.PARTIAL if not entities or night.fallback else RunStatus.COMPLETE
    with session_scope(db_url) as session:
        run = session.get(Run, run_id)
        assert run is not None
        run.settings = {
            **(run.settings or {}),
            "reports": [str(page.relative_to(out_dir)) for page in pages],
            "marks": night.marks,
            "watch": night.watch,
            "monitor": {"entities": len(entities), "changed": len(changed), "silent": len(silent),
                        "requests": requests, "document": str(document.relative_to(out_dir))},
        }  # fmt: skip
        finish_run(session, run_id, status)
    undated = {kind: len(where) for kind, where in night.undated.items()}
    return MonitorSummary(
        run_id, night.as_of, len(entities), list(changed.values()), silent, requests, night.first, night.fallback,
        document, undated,
    )  # fmt: skip
