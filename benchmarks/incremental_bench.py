"""Incremental benchmark: a second nightly on an unchanged replica world against the first, in one run.

Two nightlies of the same bodies (by default the classic-site MIO and a ministry on www.gov.kz, whose
pages are rendered in Chromium, with their portals, browser measurements and reports included) run
one after the other against the same world, in a fresh output folder and store. The first has no
earlier run to ask against (every request is fetched whole, every page rendered, every body measured
and checked); the second asks conditionally, takes over the renders whose exchanges answer as before
and carries forward what did not change. Reported: the share of full fetches (WARC ``response``
records) of the second run against the first (goal <= 10 %), the time ratio second/first (goal <=
0.2) and whether findings and scores came out identical.

    python -m benchmarks.incremental_bench [--bodies kostanay,mod] [--no-browser] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator


def _records(out: Path, run_id: str) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for path in sorted((out / "runs" / run_id / "warc").glob("*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                kinds[record.rec_type] += 1
    return kinds


def _findings(db: str, run_id: str) -> list[tuple[Any, ...]]:
    from ashyq.store import session_scope
    from ashyq.store.models import Finding, Score

    with session_scope(db) as session:
        findings = sorted(
            (f.body_id, f.item, f.lang or "", f.status, f.reason or "", repr(f.measured), repr(f.deficiencies))
            for f in session.query(Finding).filter(Finding.run_id == run_id)
        )
        scores = sorted((s.body_id, s.edition, s.final) for s in session.query(Score).filter(Score.run_id == run_id))
    return [*findings, *scores]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", default="kostanay,mod", help="comma-separated assessed bodies of the demo registry")
    parser.add_argument("--no-browser", action="store_true", help="leave the browser measurements out")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)

    from ashyq_replica.core import World
    from ashyq_replica.server import start_world

    from ashyq.config import CONFIG_DIR
    from ashyq.pipeline.audit import AuditRequest, run_audit
    from ashyq.store.vocabulary import RunKind

    bodies = [b for b in args.bodies.split(",") if b]
    load_before = os.getloadavg()
    world = World()
    nights: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="incremental-bench-") as folder, start_world(world) as served:
        out = Path(folder)
        db = f"sqlite:///{out / 'store.sqlite'}"
        for _ in range(2):
            request = AuditRequest(
                bodies,
                "demo",
                "kz-2025",
                out,
                db,
                dict(served.urls),
                world.as_of,
                RunKind.NIGHTLY,
                browser=not args.no_browser,
                reports=True,
                crawl_config=CONFIG_DIR / "crawl-assessor.yaml",
            )
            started = time.perf_counter()
            stages: dict[str, float] = {}

            def progress(
                stage: str, info: dict[str, Any], stages: dict[str, float] = stages, started: float = started
            ) -> None:
                if stage in (
                    "crawl",
                    "incremental",
                    "measure-taken-over",
                    "measure",
                    "check",
                    "carry",
                    "score",
                    "report",
                ):
                    stages.setdefault(stage, round(time.perf_counter() - started, 1))

            summary = run_audit(request, progress)
            seconds = time.perf_counter() - started
            kinds = _records(out, summary.run_id)
            nights.append(
                {
                    "run": summary.run_id,
                    "status": summary.status.value,
                    "seconds": round(seconds, 1),
                    "full_fetches": kinds["response"],
                    "revisits": kinds["revisit"],
                    "stages_started_at_s": stages,
                    "findings": _findings(db, summary.run_id),
                }
            )
    first, second = nights
    result = {
        "bodies": bodies,
        "browser": not args.no_browser,
        "first": {k: v for k, v in first.items() if k != "findings"},
        "second": {k: v for k, v in second.items() if k != "findings"},
        "fetch_ratio": round(second["full_fetches"] / max(first["full_fetches"], 1), 3),
        "fetch_goal": 0.1,
        "time_ratio": round(second["seconds"] / first["seconds"], 3),
        "time_goal": 0.2,
        "identical_findings_and_scores": first["findings"] == second["findings"],
        # the machine's load average (1, 5, 15 min) before and after: the first night's browser work is
        # CPU-bound, the second's time is mostly paced requests, so the ratio moves with the load
        "load_average": {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]},
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"nightly 1: {first['seconds']} s, {first['full_fetches']} full fetches; "
            f"nightly 2 (unchanged world): {second['seconds']} s, {second['full_fetches']} full fetches, "
            f"{second['revisits']} revisits; full fetches {result['fetch_ratio']:.1%} of the first (goal <= 10%), "
            f"time ratio {result['time_ratio']} (goal <= 0.2); identical findings and scores: "
            f"{result['identical_findings_and_scores']}; load average {result['load_average']['before'][0]} -> "
            f"{result['load_average']['after'][0]}"
        )
        print(f"  stages (s from start): first {first['stages_started_at_s']}, second {second['stages_started_at_s']}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
