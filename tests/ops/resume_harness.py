"""What the resume tests share: a registry of a few demo bodies, the processes below a coordinator, a
run's findings and scores, and what to print when they differ."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections import Counter
from pathlib import Path

import yaml
from sqlalchemy import select
from typer.testing import CliRunner

from ashyq.config import CONFIG_DIR
from ashyq.store.db import session_scope
from ashyq.store.leases import process_stat
from ashyq.store.models import FetchFailure, Finding, Page, Run, Score

runner = CliRunner()
ASHYQ = Path(sys.executable).with_name("ashyq")
BODIES = ("kostanay", "karaganda", "astana")


def three_bodies(folder: Path, bodies: tuple[str, ...] = BODIES, name: str = "three") -> Path:
    demo = yaml.safe_load((CONFIG_DIR / "bodies" / "demo.yaml").read_text(encoding="utf-8"))
    path = folder / f"{name}.yaml"
    chosen = {"name": name, "bodies": [b for b in demo["bodies"] if b["id"] in bodies]}
    path.write_text(yaml.safe_dump(chosen, allow_unicode=True), encoding="utf-8")
    return path


Process = tuple[int, int]  # a process id and its start time (clock ticks after boot): ids are reused


def descendants(pid: int) -> set[Process]:
    """Every live process below ``pid`` (the browser and its driver, for a coordinator), each with its
    start time, so that an id the system gives to another process later is not taken for it."""
    children: dict[int, list[Process]] = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and (fields := process_stat(proc.name)) is not None:
            # fields[1]: the parent; fields[19]: the start time (field 22 of proc(5))
            children.setdefault(int(fields[1]), []).append((int(proc.name), int(fields[19])))
    found: set[Process] = set()
    pending = [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            if child not in found:
                found.add(child)
                pending.append(child[0])
    return found


def alive(processes: set[Process]) -> dict[Process, str]:
    """Those of ``processes`` still running (not zombies), with their command lines."""
    out = {}
    for pid, started in processes:
        fields = process_stat(pid)
        if fields is None or fields[0] == "Z" or int(fields[19]) != started:
            continue
        try:
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        out[(pid, started)] = command[:160]
    return out


def results(db: str) -> tuple[Run, list[tuple[str, str, str, str]], list[tuple[str, str, float]]]:
    with session_scope(db) as session:
        run = session.scalars(select(Run)).one()
        findings = sorted(
            (f.body_id, f.item, str(f.lang), str(f.status))
            for f in session.scalars(select(Finding).where(Finding.run_id == run.id))
        )
        scores = sorted(
            (s.body_id, s.edition, round(s.final, 6))
            for s in session.scalars(select(Score).where(Score.run_id == run.id))
        )
    return run, findings, scores


def done_bodies(db_file: Path) -> list[str]:
    """The bodies the running run has finished (read beside the coordinator, which keeps writing)."""
    if not db_file.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5) as db:
            rows = db.execute("SELECT settings FROM run").fetchall()
    except sqlite3.OperationalError:  # the schema is not there yet
        return []
    return [b for (settings,) in rows for b in (json.loads(settings or "{}").get("done") or [])]


def finding_ids(db: str, body_ids: list[str]) -> set[int]:
    with session_scope(db) as session:
        return set(session.scalars(select(Finding.id).where(Finding.body_id.in_(body_ids))))


def crawl_processes(job_file: Path) -> list[int]:
    """Processes whose command line names the run's crawl job (the crawl child of the killed coordinator)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if str(job_file) in (proc / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


def tail(log: Path, lines: int = 40) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


def harvest(db: str) -> dict[str, object]:
    """What a differing finding may come from: pages by source and whether their click depth is known,
    and what could not be fetched."""
    with session_scope(db) as session:
        pages = Counter(
            (source, depth is not None) for source, depth in session.execute(select(Page.source, Page.depth)).all()
        )
        failures = session.execute(select(FetchFailure.url, FetchFailure.reason)).all()
        return {"pages (source, depth known)": dict(pages), "not fetched": [(u, str(r)) for u, r in failures]}


def reasons(db: str, items: set[str]) -> dict[str, list[str]]:
    """Each of ``items``' findings in the run of ``db``: status and, when not assessed, the reason."""
    with session_scope(db) as session:
        found = session.scalars(select(Finding).where(Finding.item.in_(items))).all()
        return {
            item: sorted(f"{f.lang}: {f.status} {f.reason or ''}".strip() for f in found if f.item == item)
            for item in sorted(items)
        }


def with_store(args: list[str], out: Path, db: str) -> list[str]:
    """The nightly arguments with another output folder and store."""
    changed = list(args)
    changed[changed.index("--out") + 1] = str(out)
    changed[changed.index("--db") + 1] = db
    return changed
