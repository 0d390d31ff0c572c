"""Running the gov.kz and portal spiders against a replica world, for the crawl tests.

Scrapy's reactor starts once per process, so each batch of crawls runs in a child Python process
(:func:`crawl`), all spiders of the batch side by side; the child reports every item and every
failure as JSON. The settings are the project's own (``build_settings``) in replica mode, with the
store pipeline left out (these tests read the items, not a database).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHILD = r"""
import asyncio, dataclasses, importlib, json, sys
from scrapy.utils.reactor import install_reactor
install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
from scrapy import signals
from scrapy.crawler import CrawlerRunner
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import defer, reactor
from ashyq.crawler.settings import build_settings
from ashyq.net.crawl_config import load_crawl_config
from ashyq.crawler.middlewares.failures import FETCH_FAILED

spec = json.loads(open(sys.argv[1]).read())
SPIDERS = {
    "govkz": "ashyq.crawler.spiders.govkz.GovkzApiSpider",
    "govkz_render": "ashyq.crawler.spiders.govkz_render.GovkzRenderSpider",
    "dataegov": "ashyq.crawler.spiders.dataegov.DataEgovSpider",
    "budget": "ashyq.crawler.spiders.budget.BudgetSpider",
    "legalacts": "ashyq.crawler.spiders.legalacts.LegalactsSpider",
    "dialog": "ashyq.crawler.spiders.dialog.DialogSpider",
}
settings = build_settings(load_crawl_config(), base_url_map=spec["urls"], out_dir=spec["out"], run_id="test",
                          overrides={"ITEM_PIPELINES": {}, "LOG_LEVEL": "ERROR", **spec["overrides"]})
middlewares = {}
for path, order in settings["DOWNLOADER_MIDDLEWARES"].items():
    module = path.rsplit(".", 1)[0]
    try:
        importlib.import_module(module)
    except ImportError:
        continue  # a component not written yet
    middlewares[path] = order
settings["DOWNLOADER_MIDDLEWARES"] = middlewares
settings["ASHYQ_ROBOTS_OVERRIDES"] = spec.get("robots_overrides", [])
from scrapy.utils.log import configure_logging
configure_logging(settings)
runner = CrawlerRunner(settings)
results = []

def plain(value):
    if dataclasses.is_dataclass(value):
        return {"type": type(value).__name__, **dataclasses.asdict(value)}
    return value

def track(job):
    out = {"job": job, "items": [], "failures": []}
    results.append(out)
    module, name = SPIDERS[job["spider"]].rsplit(".", 1)
    crawler = runner.create_crawler(getattr(importlib.import_module(module), name))
    def on_item(item, response, spider):
        out["items"].append(plain(item))
    def on_failure(failure, request, spider):
        out["failures"].append(plain(failure))
    # weak=False: the dispatcher would otherwise drop these local handlers at once
    crawler.signals.connect(on_item, signal=signals.item_scraped, weak=False)
    crawler.signals.connect(on_failure, signal=FETCH_FAILED, weak=False)
    return runner.crawl(crawler, body_id=job["body"], registry="demo", **job.get("args", {}))

@defer.inlineCallbacks
def main():
    outcomes = yield defer.DeferredList([track(job) for job in spec["jobs"]], consumeErrors=True)
    for ok, value in outcomes:
        if not ok:
            print("CRAWL FAILED:", value.getTraceback(), file=sys.stderr)
    reactor.stop()

reactor.callWhenRunning(main)
reactor.run()
json.dump(results, open(sys.argv[2], "w"), ensure_ascii=False, default=str)
"""


@dataclass
class CrawlResult:
    spider: str
    body: str
    items: list[dict[str, Any]]
    failures: list[dict[str, Any]] = field(default_factory=list)

    def records(self, kind: str | None = None, lang: str | None = None) -> list[dict[str, Any]]:
        return [
            i
            for i in self.items
            if i["type"] == "PortalRecordItem"
            and (kind is None or i["record_kind"] == kind)
            and (lang is None or i["lang"] == lang)
        ]

    def kinds(self) -> Counter[str]:
        return Counter(i["record_kind"] for i in self.records())

    def coverage(self, content: str, lang: str | None) -> dict[str, Any] | None:
        for item in self.records("coverage"):
            if item["payload"]["content"] == content and item["lang"] == lang:
                payload: dict[str, Any] = item["payload"]
                return payload
        return None

    def all_failures(self) -> list[dict[str, Any]]:
        """Failures the spider yielded and those the infrastructure recorded through its signal."""
        return [i for i in self.items if i["type"] == "FetchFailureItem"] + self.failures

    def pages(self) -> list[dict[str, Any]]:
        return [i for i in self.items if i["type"] == "PageItem"]


def crawl(
    urls: dict[str, str],
    jobs: list[dict[str, Any]],
    out: Path,
    overrides: dict[str, Any] | None = None,
    robots_overrides: list[dict[str, str]] | None = None,
    timeout: float = 240,
) -> dict[tuple[str, str], CrawlResult]:
    """Run ``jobs`` ({"spider", "body", "args"}) against the replica at ``urls``; results by (spider, body)."""
    out.mkdir(parents=True, exist_ok=True)
    spec = {
        "urls": urls,
        "jobs": jobs,
        "out": str(out),
        "overrides": {"ASHYQ_BACKOFF_BASE": 0.05, "ASHYQ_BACKOFF_MAX": 0.2, **(overrides or {})},
        "robots_overrides": robots_overrides or [],
    }
    spec_path, result_path = out / "spec.json", out / "result.json"
    spec_path.write_text(json.dumps(spec))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(spec_path), str(result_path)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    (out / "stderr.txt").write_text(done.stderr)
    if done.returncode != 0 or not result_path.exists():
        raise AssertionError(f"crawl process failed ({done.returncode}):\n{done.stderr[-4000:]}")
    results = {}
    for entry in json.loads(result_path.read_text()):
        job = entry["job"]
        results[(job["spider"], job["body"])] = CrawlResult(
            job["spider"], job["body"], entry["items"], entry["failures"]
        )
    return results
