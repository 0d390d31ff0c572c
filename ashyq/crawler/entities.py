"""The entity-list harvest of ``ashyq bodies sync``: the :mod:`govkz_entities` spider in a process of
its own (a Twisted reactor cannot be restarted), with the crawl's usual settings — the address
guard, robots.txt, politeness, retries and the WARC of every answer — and its result as JSON.

``python -m ashyq.crawler.entities JOB.json`` writes the job's ``result_path``; :func:`harvest_entities`
runs it (forked from the program's warm crawl process: :mod:`ashyq.crawler.launcher`) and reads the
result back as an :class:`ashyq.store.entity_rules.EntityHarvest`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ashyq.crawler.launcher import read_job, start_crawl
from ashyq.crawler.settings import build_settings
from ashyq.net.crawl_config import load_crawl_config
from ashyq.store.entity_rules import EntityHarvest, HarvestedEntity, ListedOrganisation

TIMEOUT_SECONDS = 6 * 3600  # a few hundred entities at a polite pace, with room to spare


@dataclass
class EntityJob:
    run_id: str
    out_dir: Path
    base_url_map: dict[str, str]
    config_path: Path | None = None
    settings_overrides: dict[str, Any] | None = None

    @property
    def folder(self) -> Path:
        return self.out_dir / "runs" / self.run_id


class HarvestFailed(RuntimeError):
    """The harvest process ended without a result."""


def harvest_entities(job: EntityJob) -> EntityHarvest:
    """Run the harvest process and read what it found (refusals are in ``problems``)."""
    # the settings are built here first: a refused contact stops the job before any process starts
    build_settings(load_crawl_config(job.config_path), base_url_map=job.base_url_map)
    job.folder.mkdir(parents=True, exist_ok=True)
    result_path = job.folder / "entities.json"
    result_path.unlink(missing_ok=True)
    spec = {
        "run_id": job.run_id,
        "out_dir": str(job.out_dir.resolve()),
        "base_url_map": job.base_url_map,
        "config_path": str(job.config_path) if job.config_path else None,
        "result_path": str(result_path),
        "settings_overrides": job.settings_overrides or {},
    }
    spec_path = job.folder / "entities-job.json"
    spec_path.write_text(json.dumps(spec, ensure_ascii=False, indent=2), encoding="utf-8")
    harvest = start_crawl(
        spec_path,
        job.folder / "entities.log",
        {**os.environ, "PYTHONUNBUFFERED": "1"},
        module="ashyq.crawler.entities",
        stdout_to_log=True,
    )
    try:
        code = harvest.wait(TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        harvest.kill()
        harvest.wait()
        raise
    if not result_path.exists():
        raise HarvestFailed(f"the harvest process ended (exit code {code}); see {job.folder / 'entities.log'}")
    return read_result(json.loads(result_path.read_text(encoding="utf-8")))


def read_result(data: dict[str, Any]) -> EntityHarvest:
    return EntityHarvest(
        source=str(data.get("source") or "none"),
        entities=[
            HarvestedEntity(str(e["slug"]), dict(e.get("names") or {}), e.get("number")) for e in data["entities"]
        ],
        listings=[
            ListedOrganisation(str(x["parent_slug"]), str(x["url"]), dict(x.get("names") or {}))
            for x in data.get("listings", [])
        ],
        problems=list(data.get("problems", [])),
        pages_read=int(data.get("pages_read", 0)),
    )


def main(argv: list[str] | None = None) -> int:
    from scrapy.crawler import CrawlerProcess

    from ashyq.crawler.spiders.govkz_entities import GovkzEntitiesSpider

    spec = read_job(argv, "ashyq.crawler.entities")
    if spec is None:
        return 2
    settings = build_settings(
        load_crawl_config(spec.get("config_path")),
        base_url_map=spec.get("base_url_map") or None,
        out_dir=spec["out_dir"],
        run_id=spec["run_id"],
        overrides={"ITEM_PIPELINES": {}, **(spec.get("settings_overrides") or {})},
    )
    process = CrawlerProcess(settings)
    process.crawl(GovkzEntitiesSpider, result_path=spec["result_path"], run_id=spec["run_id"])
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
