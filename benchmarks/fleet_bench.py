"""Fleet benchmark: queue workers on generated bodies, the politeness budget as the hosts saw it, the
cost of each stage per body, and what that makes of a national night.

Everything is measured in this one run, on the replica world with generated bodies
(:mod:`ashyq.replica.generated`), served here; PostgreSQL and Redis are started by
``scripts/services.sh`` in a temporary folder and stopped at the end.

1. The same queued run (``ashyq nightly --queue``, harvest without the browser) over bodies that each
   have their own sites - every generated ministry with two subordinate organisations on hosts of
   their own - with 1 worker and then with 2 (goal: 2 workers >= 1.7x faster).
2. During the 2-worker run the replica records each host's most concurrent requests and most requests
   in any second, printed against the budget the run was given.
3. One body of each kind audited in one process with the browser, timed per stage (harvest, browser
   measurements, checks, scoring and reports), and the harvest's requests per body counted at the
   hosts: the base of the extrapolation to 50 full bodies with 500 subordinate sites and to 3,000
   gov.kz entities at the default budget (``config/crawl.yaml``).

    python -m benchmarks.fleet_bench [--bodies 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
ASHYQ = Path(sys.executable).with_name("ashyq")
BUDGET = {"concurrent": 4, "requests_per_second": 40.0}  # each replica host, for the whole fleet


@contextmanager
def services() -> Iterator[dict[str, str]]:
    folder = Path(tempfile.mkdtemp(prefix="ashyq-bench-services-"))
    folder.chmod(0o755)
    script = ROOT / "scripts" / "services.sh"
    started = subprocess.run(["bash", str(script), "start", str(folder)], capture_output=True, text=True)
    try:
        if started.returncode != 0:
            raise RuntimeError(f"services.sh start failed: {started.stderr}")
        env = dict(line.split("=", 1) for line in (folder / "env").read_text().split() if "=" in line)
        yield env
    finally:
        subprocess.run(["bash", str(script), "stop", str(folder)], capture_output=True, text=True)
        shutil.rmtree(folder, ignore_errors=True)


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def body_phase(logs: list[Path]) -> float:
    """Seconds from the first body job taken to the last one done, from the workers' logs."""
    import re
    from datetime import datetime

    stamps: list[datetime] = []
    for log in logs:
        for line in log.read_text(errors="replace").splitlines():
            found = re.match(r"\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+): .*Task ashyq\.body\[", line)
            if found and ("received" in line or "succeeded" in line):
                stamps.append(datetime.strptime(found.group(1), "%Y-%m-%d %H:%M:%S,%f"))
    return (max(stamps) - min(stamps)).total_seconds() if stamps else float("nan")


def queued_run(
    workers: int, registry: Path, config: Path, env: dict[str, str], urls: dict[str, str], folder: Path, tag: str
) -> tuple[float, float]:
    """Wall seconds of one queued nightly with ``workers`` workers (started before, stopped after), and
    of its body jobs alone (the join that scores and reports the run is one job, after them)."""
    import json

    redis = env["ASHYQ_REDIS_URL"].rpartition("/")[0] + f"/{1 + workers}"
    child_env = {**os.environ, "ASHYQ_DB_URL": env["ASHYQ_PG_URL"], "ASHYQ_REDIS_URL": redis}
    child_env["ASHYQ_CRAWL_CONFIG"] = str(config)
    logs = [open(folder / f"{tag}-worker{n}.log", "wb") for n in range(workers)]  # noqa: SIM115
    procs = [
        subprocess.Popen([str(ASHYQ), "worker", "--name", f"{tag}{n}@bench"], env=child_env, stdout=log, stderr=log)
        for n, log in enumerate(logs)
    ]
    try:
        time.sleep(3)  # the workers connect before the jobs arrive, so neither run pays for start-up in the window
        argv = [str(ASHYQ), "nightly", "--registry", str(registry), "--out", str(folder / f"out-{tag}")]
        argv += ["--db", env["ASHYQ_PG_URL"], "--replica-map", json.dumps(urls), "--as-of", "2026-11-20"]
        argv += ["--crawl-config", str(config), "--no-browser", "--spider", "site", "--spider", "govkz"]
        argv += ["--queue", "--redis", redis]
        started = time.perf_counter()
        done = subprocess.run(argv, env=child_env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if done.returncode not in (0, 1):
            raise RuntimeError(f"queued run ({workers} workers) exited {done.returncode}: {done.stderr[-2000:]}")
        return elapsed, body_phase([folder / f"{tag}-worker{n}.log" for n in range(workers)])
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for log in logs:
            log.close()


def stage_costs(
    registry: Path, config: Path, urls: dict[str, str], folder: Path, body_ids: list[str]
) -> dict[str, float]:
    """Seconds per stage of one in-process audit (with the browser) of ``body_ids``."""
    from ashyq.pipeline.audit import AuditRequest, run_audit

    marks: list[tuple[str, float]] = []

    def progress(stage: str, info: dict[str, Any]) -> None:
        if stage in ("crawl", "measure", "check", "score", "report"):
            marks.append((stage, time.perf_counter()))

    request = AuditRequest(
        body_ids=body_ids,
        registry=str(registry),
        out_dir=folder / "out-stages",
        db_url=f"sqlite:///{folder / 'stages.db'}",
        base_url_map=urls,
        spiders=["site", "govkz"],
        crawl_config=config,
    )
    started = time.perf_counter()
    run_audit(request, progress)
    ended = time.perf_counter()
    marks.append(("end", ended))
    first = {name: next(t for n, t in marks if n == name) for name in ("crawl", "measure", "check", "score")}
    return {
        "harvest": first["measure"] - first["crawl"],
        "browser": first["check"] - first["measure"],
        "checks": first["score"] - first["check"],
        "scoring and reports": ended - first["score"],
        "total": ended - started,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bodies", type=int, default=20, help="generated bodies in the world")
    args = parser.parse_args()

    from ashyq.config import CONFIG_DIR
    from ashyq.net.crawl_config import load_crawl_config
    from ashyq.replica.core import World
    from ashyq.replica.generated import registry_of, world_with_generated
    from ashyq.replica.server import start_world
    from ashyq.store.db import dispose_engine, upgrade

    world = world_with_generated(World(), args.bodies)
    registry = registry_of(world, "bench")
    entries = registry["bodies"]
    own_sites = [b["id"] for b in entries if any(s.get("parent") == b["id"] for s in entries)]
    govkz_only = next(b["id"] for b in entries if b["kind"] in ("cgo", "mio") and b["id"] not in own_sites)
    folder = Path(tempfile.mkdtemp(prefix="ashyq-fleet-bench-"))
    try:
        reg_path = write_yaml(folder / "bench.yaml", registry)
        config = write_yaml(
            folder / "crawl.yaml",
            {"extends": str(CONFIG_DIR / "crawl-assessor.yaml"), "budget": {"replica": BUDGET}},
        )
        queued_registry = write_yaml(
            folder / "queued.yaml",
            {**registry, "bodies": [b for b in entries if b["id"] in own_sites or b.get("parent") in own_sites]},
        )
        with services() as env, start_world(world) as running:
            upgrade(env["ASHYQ_PG_URL"])
            dispose_engine(env["ASHYQ_PG_URL"])
            urls = dict(running.urls)
            one = queued_run(1, queued_registry, config, env, urls, folder, "one")
            running.meter.reset()
            two = queued_run(2, queued_registry, config, env, urls, folder, "two")
            meter = running.meter
            print(
                f"queued run over {len(own_sites)} bodies with their own sites ({len(own_sites) * 2} subordinate sites)"
            )
            print(f"  1 worker  {one[0]:7.1f} s   body jobs {one[1]:7.1f} s")
            print(f"  2 workers {two[0]:7.1f} s   body jobs {two[1]:7.1f} s")
            print(f"  speed-up  {one[0] / two[0]:.2f}x the run, {one[1] / two[1]:.2f}x the body jobs (goal >= 1.7x)")
            print(f"  (load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
            limit = f"{BUDGET['concurrent']} concurrent, {BUDGET['requests_per_second']:g}/s per host"
            print(f"per-host load seen by the replica during the 2-worker run (budget {limit}):")
            print(f"  {'host':28} {'requests':>8} {'max concurrent':>15} {'max in 1 s':>11} {'mean /s':>8}")
            for host in meter.hosts():
                print(
                    f"  {host:28} {meter.requests(host):8d} {meter.most_concurrent(host):15d} "
                    f"{meter.most_in_window(host, 1.0):11d} {meter.mean_rate(host):8.1f}"
                )
            running.meter.reset()
            subordinate_ids = [b["id"] for b in entries if b.get("parent") == own_sites[0]]
            costs = stage_costs(reg_path, config, urls, folder, [govkz_only, own_sites[0]])
            per_host: dict[str, int] = defaultdict(int)
            for host in running.meter.hosts():
                per_host[host] = running.meter.requests(host)
        audited = 2 + len(subordinate_ids)
        print(f"one process, with the browser: {govkz_only} (gov.kz), {own_sites[0]} (+{len(subordinate_ids)} sites)")
        for stage, seconds in costs.items():
            print(f"  {stage:22} {seconds:7.1f} s   {seconds / audited:6.1f} s per body")
        govkz_requests = per_host.get("www.gov.kz", 0) / 2  # two bodies on gov.kz
        own_hosts = [h for h in per_host if h.endswith(".example.kz")]
        site_requests = sum(per_host[h] for h in own_hosts) / max(1, len(own_hosts))
        budget = load_crawl_config(CONFIG_DIR / "crawl.yaml").budget
        govkz_rate = budget.for_host("www.gov.kz", replica=False).requests_per_second
        site_rate = budget.default.requests_per_second
        cpu_per_body = costs["browser"] / audited + costs["checks"] / 2
        print(f"requests per body at the hosts: {govkz_requests:.0f} on www.gov.kz, {site_requests:.0f} per own site")
        print(f"extrapolation at the default budget (www.gov.kz {govkz_rate:g}/s, other hosts {site_rate:g}/s each):")
        national = 50 * govkz_requests / govkz_rate
        sites = 500 * site_requests / site_rate
        print(
            f"  50 bodies on www.gov.kz: {national / 3600:6.1f} h of requests at {govkz_rate:g}/s (one host, any fleet)"
        )
        print(f"  500 subordinate sites:   {sites / 3600:6.1f} h of requests at {site_rate:g}/s each; "
              f"{sites / 3600 / 8:.1f} h with 8 workers on distinct hosts")  # fmt: skip
        print(f"  browser and checks:      {550 * cpu_per_body / 3600:6.1f} h of one worker's time for 550 bodies")
        entities = 3000 * govkz_requests / govkz_rate
        print(f"  3,000 gov.kz entities:   {entities / 3600:6.1f} h of requests to www.gov.kz at {govkz_rate:g}/s "
              f"({entities / 86400:.1f} nights of 24 h)")  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
