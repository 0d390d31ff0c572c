"""Crawl launch benchmark: crawls forked from the program's warm process against crawls started as new
interpreters (``ASHYQ_CRAWL_FORK=0``), in the same run, alternating.

Each side is a program of its own that runs the same small crawls one after another (one replica body,
its site spider, a few pages) through the real runner; its CPU is read from ``getrusage`` once it has
ended (its crawls, and its warm process with them, included). Reported: CPU seconds per crawl, the
wall time per crawl, and the ratio forked / new (lower is better; the warm process's own start is
counted, spread over the crawls).

    python -m benchmarks.launch_bench [--crawls 6] [--rounds 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

_PROGRAM = """
import sys
from pathlib import Path
from ashyq.crawler.runner import CrawlRequest, run_crawl
urls, folder, crawls = __import__("json").loads(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
for n in range(crawls):
    request = CrawlRequest(["kostanay"], base_url_map=urls, max_pages=4, spiders=["site"])
    request.out_dir, request.db_url = folder / "out", f"sqlite:///{folder / f'store-{n}.sqlite'}"
    summary = run_crawl(request)
    assert summary.bodies["kostanay"].status == "complete", summary.bodies
"""


def _side(fork: bool, urls: dict[str, str], crawls: int) -> tuple[float, float]:
    """CPU seconds and wall seconds of one program running ``crawls`` crawls."""
    with tempfile.TemporaryDirectory(prefix="ashyq-launch-bench-") as folder:
        env = {**os.environ, "ASHYQ_CRAWL_FORK": "1" if fork else "0"}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", _PROGRAM, json.dumps(urls), folder, str(crawls)], env=env, check=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def run(crawls: int, rounds: int) -> dict[str, Any]:
    from ashyq_replica.core import World
    from ashyq_replica.server import start_world

    measured: dict[str, list[tuple[float, float]]] = {"forked": [], "new": []}
    with start_world(World()) as served:
        urls = dict(served.urls)
        for _ in range(rounds):
            for name, fork in (("forked", True), ("new", False)):
                measured[name].append(_side(fork, urls, crawls))
    out: dict[str, Any] = {"crawls_per_program": crawls, "rounds": rounds}
    for name, runs in measured.items():
        out[name] = {
            "cpu_per_crawl_s": round(statistics.median(c for c, _ in runs) / crawls, 3),
            "wall_per_crawl_s": round(statistics.median(w for _, w in runs) / crawls, 3),
        }
    out["cpu_ratio_forked_to_new"] = round(out["forked"]["cpu_per_crawl_s"] / out["new"]["cpu_per_crawl_s"], 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crawls", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.crawls, args.rounds)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for name in ("forked", "new"):
        side = result[name]
        print(f"   {name:7s} {side['cpu_per_crawl_s']:6.2f} CPU-s per crawl, {side['wall_per_crawl_s']:6.2f} s wall")
    print(f"   CPU forked / new: {result['cpu_ratio_forked_to_new']:.2f} (lower is better)")


if __name__ == "__main__":
    main()
