"""Fleet benchmark: queue workers on generated bodies, the politeness budget as the hosts saw it, the
cost of each stage per body, and what that makes of a national night.

Everything is measured in this one run, on the replica world with generated bodies
(:mod:`ashyq_replica.generated`), served here; PostgreSQL and Redis are started by
``scripts/services.sh`` in a temporary folder and stopped at the end.

1. The same queued run (``ashyq nightly --queue``, harvest without the browser) over bodies that each
   have their own sites - every generated ministry with two subordinate organisations on hosts of
   their own - with 1 worker and then with 2 (goal: 2 workers >= 1.7x faster).
2. During the 2-worker run the replica records each host's most concurrent requests and most requests
   in any second, printed against the budget the run was given.
3. One body of each kind audited in one process with the browser, timed per stage (harvest, browser
   measurements, checks, scoring and reports), and the harvest's requests per body counted at the
   hosts: the base of the extrapolation to 50 full bodies with 500 subordinate sites and to 3,000
   gov.kz entities at the default budget (``ashyq/config/crawl.yaml``).

    python -m benchmarks.fleet_bench [--bodies 20]
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

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
        pairs = (line.split("=", 1) for line in (folder / "env").read_text().splitlines() if "=" in line)
        env = {key: value.strip("'") for key, value in pairs}  # the Redis URL is quoted (its query has "&")
        yield env
    finally:
        subprocess.run(["bash", str(script), "stop", str(folder)], capture_output=True, text=True)
        shutil.rmtree(folder, ignore_errors=True)


def write_yaml(path: Path, data: Any) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


LOG_LINE = r"\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+): [^]]*\] "


def worker_timeline(log: Path) -> list[tuple[float, str, dict[str, Any]]]:
    """(time, event, details) from one worker's log: body jobs taken and done with each stage's seconds,
    and the join."""
    import json
    import re
    from datetime import datetime

    out: list[tuple[float, str, dict[str, Any]]] = []
    for line in log.read_text(errors="replace").splitlines():
        found = re.match(LOG_LINE + r"(.*)$", line)
        if not found:
            continue
        at = datetime.strptime(found.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp()
        text = found.group(2)
        if re.match(r"Task ashyq\.(body|finish)\[[^]]*\] received", text):
            out.append((at, "taken" if "ashyq.body" in text else "join taken", {}))
        elif text.startswith(("body timing ", "join timing ")):
            out.append((at, text.split()[0], json.loads(text.split(" ", 2)[2])))
    return out


def body_phase(logs: list[Path]) -> float:
    """Seconds from the first body job taken to the last one done, from the workers' logs."""
    stamps = [at for log in logs for at, event, _ in worker_timeline(log) if event in ("taken", "body")]
    return (max(stamps) - min(stamps)) if stamps else float("nan")


def print_timelines(logs: list[Path], label: str) -> None:
    """Per worker: each body job's start (seconds after the first job of the run was taken) and stages."""
    timelines = [worker_timeline(log) for log in logs]
    first = min((at for each in timelines for at, _, _ in each), default=0.0)
    print(f"  {label}: per worker, each job from when it was taken (s after the first) and its stages (s)")
    for n, each in enumerate(timelines):
        jobs = []
        for at, event, info in each:
            if event == "body":
                stages = " ".join(f"{k} {v:.1f}" for k, v in info.items() if k not in ("run", "body", "total"))
                jobs.append(f"{info['body']} done at {at - first:.1f} ({stages})")
            elif event == "join":
                jobs.append(f"join done at {at - first:.1f} ({info['total']:.1f})")
        print(f"    worker {n + 1}: " + ("; ".join(jobs) or "no job"))


@dataclass
class Timed:
    run: float  # seconds of the whole queued nightly, from the command's start to the join's end
    bodies: float  # seconds from the first body job taken to the last one done
    cpu: float  # CPU seconds of the workers and their crawl processes


def queued_run(
    workers: int,
    registry: Path,
    config: Path,
    env: dict[str, str],
    urls: dict[str, str],
    folder: Path,
    tag: str,
    redis_db: int,
) -> Timed:
    """One queued nightly with ``workers`` workers (started before, stopped after); every run does the
    whole work (``--full``: none is carried forward from the run measured before it)."""
    import json
    import resource

    redis = urlunsplit(urlsplit(env["ASHYQ_REDIS_URL"])._replace(path=f"/{redis_db}"))
    child_env = {**os.environ, "ASHYQ_DB_URL": env["ASHYQ_PG_URL"], "ASHYQ_REDIS_URL": redis}
    child_env["ASHYQ_CRAWL_CONFIG"] = str(config)
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
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
        argv += ["--queue", "--redis", redis, "--full"]
        started = time.perf_counter()
        done = subprocess.run(argv, env=child_env, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if done.returncode not in (0, 1):
            raise RuntimeError(f"queued run ({workers} workers) exited {done.returncode}: {done.stderr[-2000:]}")
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
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime)
    return Timed(elapsed, body_phase([folder / f"{tag}-worker{n}.log" for n in range(workers)]), cpu)


def host_rows(meter: Any, budget_for: Callable[[str], Any]) -> list[str]:
    """Each host's load as the replica saw it, beside the budget it was given."""
    rows = []
    for host in meter.hosts():
        allowed = budget_for(host)
        rows.append(
            f"  {host:28} {meter.requests(host):8d} {meter.most_concurrent(host):15d} "
            f"{meter.most_in_window(host, 1.0):11d} {meter.mean_rate(host):8.1f}"
            f"   {allowed.concurrent} concurrent, {allowed.requests_per_second:g}/s"
        )
    return rows


def print_speed_up(label: str, one: Timed, two: Timed, folder: Path, tags: tuple[str, str]) -> None:
    print(f"  {label}")
    for name, timed in (("1 worker ", one), ("2 workers", two)):
        print(
            f"    {name} whole run {timed.run:7.1f} s   body jobs only {timed.bodies:7.1f} s   "
            f"workers' CPU {timed.cpu:6.1f} s"
        )
    print(
        f"    speed-up  whole run {one.run / two.run:.2f}x   body jobs only {one.bodies / two.bodies:.2f}x"
        "   (goal >= 1.7x)"
    )
    print_timelines([folder / f"{tags[0]}-worker0.log"], "1 worker")
    print_timelines([folder / f"{tags[1]}-worker{n}.log" for n in range(2)], "2 workers")


def stage_costs(
    registry: Path, config: Path, urls: dict[str, str], folder: Path, body_ids: list[str]
) -> dict[str, float]:
    """Seconds per stage of one in-process audit (with the browser) of ``body_ids``."""
    from ashyq.pipeline.audit import AuditRequest, run_audit

    marks: list[tuple[str, float]] = []

    def progress(stage: str, info: dict[str, Any]) -> None:
        if stage in ("crawl", "measure", "check", "carry", "score", "report"):
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
    # the run goes body by body (harvest, browser, checks each), then scores and reports: each stage's
    # time is the sum of its stretches
    names = {
        "crawl": "harvest",
        "measure": "browser",
        "check": "checks",
        "carry": "checks",
        "score": "scoring and reports",
    }
    costs = dict.fromkeys(names.values(), 0.0)
    for (stage, at), (_, until) in itertools.pairwise(marks):
        costs[names.get(stage, "scoring and reports")] += until - at
    return {**costs, "total": ended - started}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bodies", type=int, default=20, help="generated bodies in the world")
    parser.add_argument("--queue-only", action="store_true", help="the queued runs only (no browser stage costs)")
    args = parser.parse_args()

    from ashyq_replica.core import World
    from ashyq_replica.generated import registry_of, world_with_generated
    from ashyq_replica.server import start_world

    from ashyq.config import CONFIG_DIR
    from ashyq.net.crawl_config import HostLimit, load_crawl_config
    from ashyq.store.db import dispose_engine, upgrade

    world = world_with_generated(World(), args.bodies)
    registry = registry_of(world, "bench")
    entries = registry["bodies"]
    own_sites = [b["id"] for b in entries if any(s.get("parent") == b["id"] for s in entries)]
    govkz_only = next(b["id"] for b in entries if b["kind"] in ("cgo", "mio") and b["id"] not in own_sites)
    folder = Path(tempfile.mkdtemp(prefix="ashyq-fleet-bench-"))
    try:
        reg_path = write_yaml(folder / "bench.yaml", registry)
        production = load_crawl_config(CONFIG_DIR / "crawl.yaml")
        # the replica's hosts under the budget and the per-process politeness the real hosts get
        # (ashyq/config/crawl.yaml: www.gov.kz 2/s, every other host 1/s; Scrapy's 1 s delay), and under the
        # relaxed budget of a replica run
        default_config = write_yaml(
            folder / "crawl-default.yaml",
            {
                "extends": str(CONFIG_DIR / "crawl-assessor.yaml"),
                "replica_politeness": production.politeness.model_dump(),
                "budget": {
                    "replica": production.budget.default.model_dump(),
                    "replica_hosts": {h: limit.model_dump() for h, limit in production.budget.hosts.items()},
                    "replica_max_crawl_delay": production.budget.max_crawl_delay,
                },
            },
        )
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
            loads = [os.getloadavg()[0]]
            one_default = queued_run(1, queued_registry, default_config, env, urls, folder, "one-default", 2)
            running.meter.reset()
            two_default = queued_run(2, queued_registry, default_config, env, urls, folder, "two-default", 3)
            default_rows = host_rows(running.meter, lambda h: production.budget.for_host(h, replica=False))
            loads.append(os.getloadavg()[0])
            one = queued_run(1, queued_registry, config, env, urls, folder, "one", 4)
            running.meter.reset()
            two = queued_run(2, queued_registry, config, env, urls, folder, "two", 5)
            rows = host_rows(running.meter, lambda h: HostLimit.model_validate(BUDGET))
            loads.append(os.getloadavg()[0])
            print(
                f"queued run over {len(own_sites)} bodies with their own sites ({len(own_sites) * 2} subordinate "
                "sites; harvest of the site and gov.kz API spiders, no browser), 1 worker against 2"
            )
            print_speed_up(
                "at the default budget (ashyq/config/crawl.yaml: www.gov.kz 2/s, each other host 1/s), "
                "as a night runs:",
                one_default,
                two_default,
                folder,
                ("one-default", "two-default"),
            )
            limit = f"{BUDGET['concurrent']} concurrent, {BUDGET['requests_per_second']:g}/s per host"
            print_speed_up(
                f"at the replica budget ({limit}): the CPU decides, not the hosts:", one, two, folder, ("one", "two")
            )
            print(f"  (load average while measuring: {', '.join(f'{x:.1f}' for x in loads)} on {os.cpu_count()} cores)")
            header = f"  {'host':28} {'requests':>8} {'max concurrent':>15} {'max in 1 s':>11} {'mean /s':>8}   budget"
            print("per-host load seen by the replica during the 2-worker run at the default budget:")
            print(header, *default_rows, sep="\n")
            print("the same at the replica budget:")
            print(header, *rows, sep="\n")
            if args.queue_only:
                return
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
