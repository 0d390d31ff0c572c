"""Demo benchmark: the whole job of ``ashyq demo`` on the replica world, timed as its user waits for it.

Printed, for the demo (every demo body: declared reports, harvest, browser, checks, scores, every
report): its wall time; the machine's busy CPU time over that span (every process, Chromium's
included: read from ``/proc/stat``, since the resource usage of waited-for children misses the
Chromium processes nobody waits for, which are most of the work) and the share of the cores nothing
used (idle): run it on an otherwise quiet machine; the wall time of each stage and
their sum; each body's harvest time and their sum beside the harvest's wall time (what side by side
saves). As the peer measured in the same run: two bodies (by default the classic-site MIO and a
ministry on www.gov.kz) audited side by side and body after body, with the ratio of their wall times.

    python -m benchmarks.demo_bench [--peer-bodies kostanay,mod] [--no-peer] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# the stages as the pipeline names them in its progress events
STAGES = {
    "crawl": "harvest",
    "measure": "browser",
    "measure-taken-over": "browser",
    "check": "checks",
    "carry": "checks",
    "score": "scores",
    "report": "reports",
}


@dataclass
class StageClock:
    """The wall time of each stage, from the progress events: a stage lasts until the next one starts."""

    started: float = field(default_factory=time.perf_counter)
    current: str = "declared reports"
    since: float = field(default_factory=time.perf_counter)
    stages: dict[str, float] = field(default_factory=dict)
    harvest_started: float | None = None
    harvests: dict[str, float] = field(default_factory=dict)  # body -> its harvest's time

    def __call__(self, stage: str, info: dict[str, Any]) -> None:
        now = time.perf_counter()
        if stage == "crawl":
            self.harvest_started = now
        if stage == "crawl-progress" and info.get("event") == "body_done" and self.harvest_started is not None:
            self.harvests[str(info.get("body"))] = now - self.harvest_started
        label = STAGES.get(stage)
        if label is not None and label != self.current:
            self._close(now)
            self.current = label

    def _close(self, now: float) -> None:
        self.stages[self.current] = self.stages.get(self.current, 0.0) + now - self.since
        self.since = now

    def finish(self) -> None:
        self._close(time.perf_counter())


def _cpu() -> float:
    """CPU seconds the machine's cores have been busy since boot (all but idle and waiting for I/O)."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _demo(folder: Path) -> dict[str, Any]:
    from ashyq_replica.commands.demo import replica_audit
    from ashyq_replica.core import World

    clock = StageClock()
    cpu = _cpu()
    started = time.perf_counter()
    summary = replica_audit(World(), folder, f"sqlite:///{folder / 'ashyq.sqlite'}", progress=clock)
    wall = time.perf_counter() - started
    clock.finish()
    used = _cpu() - cpu
    cores = os.cpu_count() or 1
    return {
        "status": summary.status.value,
        "bodies": len(summary.outcomes),
        "wall_s": round(wall, 1),
        "cpu_s": round(used, 1),
        "cores": cores,
        "idle_share": round(max(0.0, 1 - used / (wall * cores)), 3),
        "stages_s": {k: round(v, 1) for k, v in clock.stages.items()},
        "stages_sum_s": round(sum(clock.stages.values()), 1),
        "harvest_per_body_s": {k: round(v, 1) for k, v in sorted(clock.harvests.items())},
        "harvest_sum_s": round(sum(clock.harvests.values()), 1),
    }


def _peer(folder: Path, bodies: list[str]) -> dict[str, Any]:
    """The same bodies audited side by side and body after body (browser and reports included)."""
    from ashyq_replica.core import World
    from ashyq_replica.server import start_world

    from ashyq.config import CONFIG_DIR
    from ashyq.pipeline.audit import AuditRequest, run_audit
    from ashyq.store.vocabulary import RunKind

    world = World()
    timed: dict[str, float] = {}
    with start_world(world) as served:
        for name, side_by_side in (("side_by_side", len(bodies)), ("body_after_body", 1)):
            out = folder / name
            request = AuditRequest(
                list(bodies),
                "demo",
                "kz-2025",
                out,
                f"sqlite:///{out / 'ashyq.sqlite'}",
                dict(served.urls),
                world.as_of,
                RunKind.AUDIT,
                crawl_config=CONFIG_DIR / "crawl-assessor.yaml",
                side_by_side=side_by_side,
            )
            started = time.perf_counter()
            run_audit(request)
            timed[name] = time.perf_counter() - started
    return {
        "bodies": bodies,
        **{f"{k}_s": round(v, 1) for k, v in timed.items()},
        "ratio": round(timed["side_by_side"] / timed["body_after_body"], 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peer-bodies", default="kostanay,mod", help="the peer's bodies (demo registry)")
    parser.add_argument("--no-peer", action="store_true", help="time the demo only")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ashyq-demo-bench-") as folder:
        result: dict[str, Any] = {"demo": _demo(Path(folder) / "demo")}
        if not args.no_peer:
            result["peer"] = _peer(Path(folder) / "peer", args.peer_bodies.split(","))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    demo = result["demo"]
    print(f"demo: {demo['status']}, {demo['bodies']} bodies, wall {demo['wall_s']} s")
    print(
        f"  busy CPU {demo['cpu_s']} s on {demo['cores']} cores: idle share {demo['idle_share']:.0%} "
        f"(CPU / wall = {demo['cpu_s'] / demo['wall_s']:.2f})"
    )
    stages = ", ".join(f"{k} {v} s" for k, v in demo["stages_s"].items())
    print(f"  stages: {stages}; sum {demo['stages_sum_s']} s (wall {demo['wall_s']} s)")
    print(
        f"  harvest per body: sum {demo['harvest_sum_s']} s against the harvest's wall "
        f"{demo['stages_s'].get('harvest', 0)} s: {demo['harvest_per_body_s']}"
    )
    if "peer" in result:
        peer = result["peer"]
        print(
            f"peer ({', '.join(peer['bodies'])}): side by side {peer['side_by_side_s']} s, body after body "
            f"{peer['body_after_body_s']} s: ratio {peer['ratio']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
