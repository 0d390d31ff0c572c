"""``ashyq bodies sync``: read www.gov.kz's list of entities, classify and link them, and propose the
registry it gives — beside the current one, with the differences — for a person to accept.

The harvest (:mod:`ashyq.crawler.entities`) keeps every answer in ``<out>/runs/sync-<time>/warc``;
the rule is :mod:`ashyq.store.entity_rules`, the merge :mod:`ashyq.store.registry_sync`. Nothing is
overwritten unless asked (``apply``); then the previous registry is kept beside it.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ashyq.crawler.entities import EntityJob, harvest_entities
from ashyq.store.bodies import Registry, load_registry
from ashyq.store.entity_rules import EntityHarvest, bodies_from
from ashyq.store.registry_sync import Proposal, problems_of, propose, write_registry


class SyncFailed(RuntimeError):
    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass
class SyncRequest:
    target: Path  # the registry file the sync proposes for (and writes with ``apply``)
    current: str | Path | None  # the registry compared against (None: none yet)
    out_dir: Path
    base_url_map: dict[str, str]
    apply: bool = False
    crawl_config: Path | None = None
    settings_overrides: dict[str, object] | None = None


@dataclass
class SyncOutcome:
    harvest: EntityHarvest
    proposal: Proposal
    proposal_path: Path
    diff_path: Path
    applied: Path | None
    previous: Path | None
    run_folder: Path


def proposal_path(target: Path) -> Path:
    return target.with_name(f"{target.stem}.proposed.yaml")


def sync_bodies(request: SyncRequest) -> SyncOutcome:
    started = datetime.now(UTC)
    job = EntityJob(
        run_id=f"sync-{started:%Y%m%dT%H%M%SZ}",
        out_dir=request.out_dir.resolve(),
        base_url_map=request.base_url_map,
        config_path=request.crawl_config,
        settings_overrides=dict(request.settings_overrides or {}),
    )
    harvest = harvest_entities(job)
    if not harvest.entities:
        raise SyncFailed("www.gov.kz's list of entities could not be read from any source", harvest.problems)
    current: Registry | None = load_registry(request.current) if request.current is not None else None
    proposal = propose(current, bodies_from(harvest), current.name if current else request.target.stem)
    problems = problems_of(proposal)
    if problems:
        raise SyncFailed("the proposed registry is not consistent", problems)
    counts = (
        f"{len(proposal.registry.bodies)} bodies, {len(proposal.registry.assessed())} evaluated, "
        f"{len(proposal.registry.monitored())} monitored"
    )
    origin = (
        f"from www.gov.kz on {started:%Y-%m-%d} (source: {harvest.source}; {len(harvest.entities)} entities, "
        f"{harvest.pages_read} subordinates pages read; answers archived in {job.folder / 'warc'})"
    )
    proposed = write_registry(
        proposal.registry,
        proposal_path(request.target),
        f"Proposed by `ashyq bodies sync` {origin}.\n{counts}.\n"
        f"Review the differences ({request.target.stem}.diff.json), then accept with "
        f"`ashyq bodies sync --apply` or copy this file over {request.target.name}.",
    )
    diff_path = request.target.with_name(f"{request.target.stem}.diff.json")
    diff_path.write_text(
        json.dumps({"source": harvest.source, "problems": harvest.problems, **proposal.diff.as_dict()},
                   ensure_ascii=False, indent=2),
        encoding="utf-8",
    )  # fmt: skip
    applied = previous = None
    if request.apply:
        if request.target.exists():
            previous = request.target.with_name(f"{request.target.stem}.previous.yaml")
            shutil.copyfile(request.target, previous)
        applied = write_registry(
            proposal.registry, request.target, f"Written by `ashyq bodies sync --apply` {origin}.\n{counts}."
        )
    return SyncOutcome(harvest, proposal, proposed, diff_path, applied, previous, job.folder)
