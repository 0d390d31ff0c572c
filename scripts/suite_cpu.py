"""Where the suite's CPU goes: a pytest plugin that records, for each test, the CPU time of the test process's
whole tree while it ran (its own, its children's that ended, and every live descendant's: the replica's
servers, Celery workers, crawls and Chromium), and a report of it per file.

    PYTHONPATH=scripts .venv/bin/pytest -p suite_cpu -n 4 --dist loadfile …   # writes $SUITE_CPU_OUT/<pid>.json
    .venv/bin/python scripts/suite_cpu.py report [$SUITE_CPU_OUT]             # the files by CPU-seconds

CPU time, not the wall clock: a loaded machine stretches the one and hardly the other. A session fixture's set-up
counts to the first test that asks for it, its tear-down to the last; processes started detached (a database
server's daemon) are not in the tree.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

OUT = Path(os.environ.get("SUITE_CPU_OUT", ".suite-cpu"))
TICK = os.sysconf("SC_CLK_TCK")
_rows: list[tuple[str, float, float]] = []


def tree_cpu() -> float:
    """CPU seconds of this process, its reaped children and every live descendant (with what they reaped)."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                line = stat.read()
        except OSError:
            continue  # ended while the list was read
        fields = line[line.rfind(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
        times[int(entry)] = sum(int(f) for f in fields[11:15]) / TICK  # utime, stime, cutime, cstime
    total, stack = 0.0, list(children.get(os.getpid(), []))
    while stack:
        pid = stack.pop()
        total += times.get(pid, 0.0)
        stack.extend(children.get(pid, []))
    own, reaped = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return total + own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    cpu, wall = tree_cpu(), time.monotonic()
    yield
    _rows.append((item.nodeid, tree_cpu() - cpu, time.monotonic() - wall))


def pytest_sessionfinish(session: pytest.Session) -> None:
    if _rows:
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"{os.getpid()}.json").write_text(json.dumps({"rows": _rows}), encoding="utf-8")


def report(folder: Path, top: int = 30) -> str:
    """The test files by the CPU-seconds of their trees, with their wall seconds and test counts."""
    rows: list[Any] = []
    for path in sorted(folder.glob("*.json")):
        rows += json.loads(path.read_text(encoding="utf-8"))["rows"]
    if not rows:
        return f"no records in {folder}"
    files: dict[str, list[float]] = {}
    for node, cpu, wall in rows:
        tally = files.setdefault(node.split("::")[0], [0.0, 0.0, 0])
        tally[0] += cpu
        tally[1] += wall
        tally[2] += 1
    total = sum(t[0] for t in files.values()) or 1e-9
    lines = [f"{len(rows)} tests, {total:.0f} CPU-s of their process trees", "CPU-s   share  wall-s  tests  file"]
    for name, (cpu, wall, count) in sorted(files.items(), key=lambda kv: -kv[1][0])[:top]:
        lines.append(f"{cpu:6.0f}  {100 * cpu / total:5.1f}%  {wall:6.0f}  {count:5.0f}  {name}")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] != "report":
        sys.exit(__doc__)
    print(report(Path(sys.argv[2]) if len(sys.argv) > 2 else OUT))
