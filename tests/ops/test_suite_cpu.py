"""The suite's CPU profiler (scripts/suite_cpu.py): a test's tree counts the CPU a child it started spent, and the
report ranks the files by it."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import suite_cpu  # noqa: E402


def _own() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def test_a_busy_child_counts_to_the_tree_while_it_runs_and_after_it_ends() -> None:
    before, own = suite_cpu.tree_cpu(), _own()
    spin = "import sys, time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass\nsys.stdin.read()"
    child = subprocess.Popen([sys.executable, "-c", spin], stdin=subprocess.PIPE)
    try:
        spent = 0.0
        for _ in range(100):  # the child spins for 0.6 CPU-s, then waits: counted while it is alive
            spent = suite_cpu.tree_cpu() - before - (_own() - own)  # the child's, not this process's reading
            if spent >= 0.5:
                break
            time.sleep(0.05)
        assert spent >= 0.5, spent
    finally:
        child.communicate(b"")
    assert suite_cpu.tree_cpu() - before - (_own() - own) >= 0.5  # reaped, still counted


def test_the_report_ranks_files_by_cpu(tmp_path: Path) -> None:
    rows = [["tests/a.py::t1", 2.0, 5.0], ["tests/b.py::t1", 7.0, 9.0], ["tests/a.py::t2", 1.0, 1.0]]
    (tmp_path / "1.json").write_text(json.dumps({"rows": rows}), encoding="utf-8")
    lines = suite_cpu.report(tmp_path).splitlines()
    assert lines[0] == "3 tests, 10 CPU-s of their process trees"
    assert lines[2].split() == ["7", "70.0%", "9", "1", "tests/b.py"]
    assert lines[3].split() == ["3", "30.0%", "6", "2", "tests/a.py"]
    assert suite_cpu.report(tmp_path / "none") == f"no records in {tmp_path / 'none'}"
