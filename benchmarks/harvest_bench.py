"""Harvest benchmark: the site spider against a plain, minimal Scrapy spider on the same pages.

Both crawl the replica world's classic sites (served on loopback, started here) in the same run,
alternating, each in a fresh process: the site spider with everything it does for evidence (the
base-URL map, the guard, traps, WARC, link checks, download sizes, the SQLite store), the plain
spider only following same-host links. Reported: pages per second (crawl time, from the first
spider opening to the last closing, so process start-up is not counted), the ratio of the two
(goal >= 0.8) and the peak resident memory of each process (``resource.getrusage``).

    python -m benchmarks.harvest_bench [--rounds 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

CLASSIC_BODIES = ("kostanay", "enbek-center", "zqai")


# ── the child: one crawl, measured ─────────────────────────────────────────────────────────────


def _child(kind: str, urls: dict[str, str], folder: str) -> dict[str, Any]:
    from scrapy import Request, Spider, signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.http import Response

    from ashyq.crawler.settings import build_settings
    from ashyq.crawler.spiders.site import SiteSpider
    from ashyq.net.crawl_config import load_crawl_config
    from ashyq.store.bodies import load_registry
    from ashyq.store.db import ensure_schema

    window: dict[str, float] = {}
    pages = 0

    def opened() -> None:
        window.setdefault("start", time.perf_counter())

    def closed() -> None:
        window["end"] = time.perf_counter()

    class PlainSpider(Spider):
        """The baseline: fetch, parse links, follow the same host. Nothing else."""

        name = "plain"

        def __init__(self, start: str, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.start_url = start
            self.host = start.split("//", 1)[1]

        async def start(self) -> Any:
            yield Request(self.start_url + "/", callback=self.parse)

        def parse(self, response: Response, **kwargs: Any) -> Any:
            nonlocal pages
            if b"html" not in (response.headers.get(b"Content-Type") or b""):
                return
            pages += 1
            for href in response.css("a::attr(href)").getall():
                url = response.urljoin(href)
                if url.startswith("http") and url.split("//", 1)[1].startswith(self.host):
                    yield Request(url, callback=self.parse)

    registry = load_registry("demo")
    if kind == "site":
        db_url = f"sqlite:///{folder}/store.sqlite"
        ensure_schema(db_url)
        settings = build_settings(load_crawl_config(), base_url_map=urls, out_dir=folder, run_id="bench", db_url=db_url)
        process = CrawlerProcess(settings)
        crawlers = []
        for body_id in CLASSIC_BODIES:
            crawler = process.create_crawler(SiteSpider)
            crawlers.append(crawler)
            process.crawl(crawler, run_id="bench", body_id=body_id, out_dir=folder, body=registry.get(body_id))
    else:
        process = CrawlerProcess(
            {
                "LOG_LEVEL": "WARNING",
                "REMOTE_CONTROL_ENABLED": False,
                "TELNETCONSOLE_ENABLED": False,
                "CONCURRENT_REQUESTS": 16,
                "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
            }
        )
        crawlers = []
        hosts = {
            "kostanay": "https://www.kostanay.gov.kz",
            "enbek-center": "https://iac.enbek.kz",
            "zqai": "https://zqai.kz",
        }
        for body_id in CLASSIC_BODIES:
            crawler = process.create_crawler(PlainSpider)
            crawlers.append(crawler)
            process.crawl(crawler, start=urls[hosts[body_id]])
    for crawler in crawlers:
        crawler.signals.connect(opened, signal=signals.spider_opened)
        crawler.signals.connect(closed, signal=signals.spider_closed)
    process.start()
    if kind == "site":
        pages = sum(int(c.stats.get_value("ashyq/stored/pages", 0) or 0) for c in crawlers if c.stats)
    seconds = window["end"] - window["start"]
    return {
        "kind": kind,
        "pages": pages,
        "seconds": round(seconds, 3),
        "pages_per_second": round(pages / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


# ── the parent: world, rounds, report ──────────────────────────────────────────────────────────


def _measure(kind: str, urls: dict[str, str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix=f"harvest-bench-{kind}-") as folder:
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.harvest_bench", "--child", kind, json.dumps(urls), folder],
            capture_output=True,
            text=True,
            check=True,
        )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, urls, folder = args.child
        print(json.dumps(_child(kind, json.loads(urls), folder)))
        return 0

    from ashyq_replica.core import World
    from ashyq_replica.server import start_world

    runs: dict[str, list[dict[str, Any]]] = {"site": [], "plain": []}
    with start_world(World()) as running:
        for _ in range(args.rounds):
            for kind in ("plain", "site"):
                runs[kind].append(_measure(kind, dict(running.urls)))
    median = {kind: statistics.median(r["pages_per_second"] for r in results) for kind, results in runs.items()}
    result = {
        "rounds": args.rounds,
        "site_pages": runs["site"][0]["pages"],
        "plain_pages": runs["plain"][0]["pages"],
        "site_pages_per_second": median["site"],
        "plain_pages_per_second": median["plain"],
        "ratio": round(median["site"] / median["plain"], 2),
        "goal": 0.8,
        "site_peak_rss_mb": max(r["peak_rss_mb"] for r in runs["site"]),
        "plain_peak_rss_mb": max(r["peak_rss_mb"] for r in runs["plain"]),
        "runs": runs,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"site spider {result['site_pages_per_second']} pages/s ({result['site_pages']} pages), "
            f"plain spider {result['plain_pages_per_second']} pages/s ({result['plain_pages']} pages): "
            f"ratio {result['ratio']} (goal >= 0.8); peak RSS site {result['site_peak_rss_mb']} MB, "
            f"plain {result['plain_peak_rss_mb']} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
