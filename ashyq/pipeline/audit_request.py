"""What an audit is asked and what it answers: the request (kept by the run, so a resumed run or a
queue worker redoes exactly it), the summary, the progress callback every stage tells, and which bodies
a request brings (their subordinate organisations) in which parts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ashyq.base.period import ReportingPeriod
from ashyq.config import CONFIG_DIR
from ashyq.scoring.engine import RunScores
from ashyq.store.bodies import Registry, load_registry
from ashyq.store.vocabulary import RunKind, RunStatus

# the crawl settings of the allow-listed assessor: the politeness of crawl.yaml and the robots
# overrides the assessor is allowed (the replica world's audits use them)
ASSESSOR_CRAWL = CONFIG_DIR / "crawl-assessor.yaml"

Progress = Callable[[str, dict[str, Any]], None]


@dataclass
class AuditRequest:
    body_ids: list[str]
    registry: str = "demo"
    edition: str = "kz-2025"
    out_dir: Path = Path("out")
    db_url: str | None = None
    base_url_map: dict[str, str] = field(default_factory=dict)  # non-empty: replica mode
    as_of: date | None = None
    kind: RunKind = RunKind.AUDIT
    max_pages: int | None = None
    browser: bool = True  # take browser measurements (axe, focus, zoom, mobile) on sampled pages
    reports: bool = True
    options: dict[str, str] = field(default_factory=dict)  # interpretation choices
    # the reporting period judged (default: the one as_of falls in, of the edition's kind)
    period: ReportingPeriod | None = None
    # a recheck: only these items are re-checked (and nothing is scored), only these spiders run
    only_items: list[str] | None = None
    spiders: list[str] | None = None  # None: every spider that applies
    crawl_config: Path | None = None  # politeness and robots policy (default ashyq/config/crawl.yaml)
    # fetch, measure and check everything again, ignoring the previous run (ashyq.pipeline.incremental)
    full: bool = False
    # how many assessed bodies are harvested, measured and checked together (their subordinate
    # organisations come along): one crawl process and one browser for them all, each host within its
    # politeness budget. 1: body after body. Each body is still finished (checked, stored, marked done)
    # on its own, so a run killed midway and resumed redoes only the bodies not finished.
    side_by_side: int = 8


@dataclass
class AuditSummary:
    run_id: str
    status: RunStatus
    scores: RunScores | None
    outcomes: dict[str, str]  # body → "complete" or the reason it failed
    out_dir: Path
    averages_from: str | None = None
    reports: dict[str, str] = field(default_factory=dict)
    period: str | None = None  # the reporting period judged
    purpose: str = "assessment"  # or "monitoring": a period to date, no level (ashyq.base.period.Purpose)

    @property
    def exit_code(self) -> int:
        """0 complete, 1 partial, 3 failed (2 is a usage error and 4 an internal one: the command's)."""
        return {RunStatus.COMPLETE: 0, RunStatus.PARTIAL: 1}.get(self.status, 3)


def no_progress(stage: str, info: dict[str, Any]) -> None:
    return None


def request_record(request: AuditRequest) -> dict[str, Any]:
    """The request as JSON (kept by the run: a resumed run or a worker redoes exactly this)."""
    return {
        "body_ids": list(request.body_ids),
        "registry": request.registry,
        "edition": request.edition,
        "out_dir": str(Path(request.out_dir).resolve()),
        "base_url_map": dict(request.base_url_map),
        "as_of": request.as_of.isoformat() if request.as_of else None,
        "kind": request.kind.value,
        "max_pages": request.max_pages,
        "browser": request.browser,
        "reports": request.reports,
        "options": dict(request.options),
        "period": request.period.label if request.period else None,
        "only_items": request.only_items,
        "spiders": request.spiders,
        "crawl_config": str(request.crawl_config) if request.crawl_config else None,
        "full": request.full,
        "side_by_side": request.side_by_side,
    }


def request_from_record(record: dict[str, Any], db_url: str | None) -> AuditRequest:
    """The request a run kept; the store's URL is the reader's own (never kept: it may hold a password)."""
    from ashyq.base.period import parse_period

    return AuditRequest(
        body_ids=list(record["body_ids"]),
        registry=record["registry"],
        edition=record["edition"],
        out_dir=Path(record["out_dir"]),
        db_url=db_url,
        base_url_map=dict(record.get("base_url_map") or {}),
        as_of=date.fromisoformat(record["as_of"]) if record.get("as_of") else None,
        kind=RunKind(record["kind"]),
        max_pages=record.get("max_pages"),
        browser=bool(record.get("browser", True)),
        reports=bool(record.get("reports", True)),
        options=dict(record.get("options") or {}),
        period=parse_period(record["period"]) if record.get("period") else None,
        only_items=record.get("only_items"),
        spiders=record.get("spiders"),
        crawl_config=Path(record["crawl_config"]) if record.get("crawl_config") else None,
        full=bool(record.get("full", False)),
        side_by_side=int(record.get("side_by_side") or 1),
    )


def with_subordinates_of(registry: str, body_ids: list[str]) -> list[str]:
    return with_subordinates(load_registry(registry), body_ids)


def largest_first(registry: str, body_ids: list[str]) -> list[str]:
    """The bodies in the order a fleet should start them: those harvested with the most subordinate
    organisations' sites first (a long job started last would leave the other workers idle at the end),
    otherwise as given."""
    loaded = load_registry(registry)
    return sorted(body_ids, key=lambda b: -len(with_subordinates(loaded, [b])))


def body_parts(registry: Registry, body_ids: list[str], side_by_side: int = 1) -> list[list[str]]:
    """The run's work in the parts one process does one after another: the assessed bodies, up to
    ``side_by_side`` of them a part (their subordinate organisations come along), then the other
    bodies asked for that none of those brings."""
    assessed = [b for b in dict.fromkeys(body_ids) if registry.get(b).kind in ("cgo", "mio")]
    brought = set(with_subordinates(registry, assessed))
    rest = [b for b in dict.fromkeys(body_ids) if b not in brought]
    size = max(1, side_by_side)
    return [assessed[n : n + size] for n in range(0, len(assessed), size)] + ([rest] if rest else [])


def with_subordinates(registry: Registry, body_ids: list[str]) -> list[str]:
    """The bodies to harvest: those asked for, and the subordinate organisations of the CGOs among them
    (those evaluated in their criterion 7: not committees, not monitored organisations)."""
    out = list(dict.fromkeys(body_ids))
    for body_id in body_ids:
        for child in registry.subordinates(body_id):
            if child.id not in out:
                out.append(child.id)
    return out
