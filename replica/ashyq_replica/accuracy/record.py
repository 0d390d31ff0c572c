"""The first-seen figures: what the checks answered the first time they met the outside material,
kept in a committed data file (``first_seen.json`` next to this module) with the commit measured at.

First-seen entries are written once and never replaced: a site or an ACT rule is recorded when it
is first measured, and later runs only add what is not there yet. They are measured on a clean tree
(no uncommitted change to the code that produces findings), so the commit names exactly what was
measured.
"""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("first_seen.json")
ROOT = Path(__file__).resolve().parents[3]  # the repository
FORMAT = "ashyq-accuracy-first-seen/1"
# the code whose answers are measured: a change here must be committed before first-seen figures are taken
MEASURED_CODE = (
    "ashyq/checks",
    "ashyq/crawler",
    "ashyq/config",
    "ashyq/gather",
    "ashyq/pipeline",
    "ashyq/net",
    "ashyq/store",
)


class RecordError(Exception):
    pass


def load(path: Path = DATA) -> dict[str, Any]:
    if not path.exists():
        return {"format": FORMAT, "outside": {}, "act": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise RecordError(f"{path}: format {data.get('format')!r}, expected {FORMAT!r}")
    data.setdefault("outside", {})
    data.setdefault("act", {})
    return data


def save(data: dict[str, Any], path: Path = DATA) -> None:
    """Indented down to each entry, one line per verdict or case: readable, and a diff shows what moved."""

    def line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    out = [f'{{"format": {line(data["format"])},']
    for n, section in enumerate(("outside", "act")):
        out.append(f' "{section}": {{')
        entries = list(data[section].items())
        for m, (name, entry) in enumerate(entries):
            rows_key = "verdicts" if section == "outside" else "cases"
            rows = ",\n".join(f"   {line(row)}" for row in entry[rows_key])
            tail = "," if m < len(entries) - 1 else ""
            out.append(
                f'  {line(name)}: {{"measured_at": {line(entry["measured_at"])}, "{rows_key}": [\n{rows}\n  ]}}{tail}'
            )
        out.append(" }" + ("," if n == 0 else ""))
    out.append("}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def measured_at(**extra: Any) -> dict[str, Any]:
    """The commit and date a measurement is taken at, refusing a tree with uncommitted changes to
    the code that produces findings."""
    commit = _git("rev-parse", "HEAD")
    if commit is None:
        raise RecordError("not a git checkout: first-seen figures must name the commit they were measured at")
    changed = _git("status", "--porcelain", "--", *MEASURED_CODE)
    if changed:
        raise RecordError("uncommitted changes to the measured code; commit them first:\n" + changed)
    return {"commit": commit, "date": datetime.now(UTC).date().isoformat(), **extra}


def add_outside(data: dict[str, Any], site: str, when: dict[str, Any], verdicts: list[dict[str, Any]]) -> bool:
    """Record a site's first-seen verdicts unless it already has them; True when recorded."""
    if site in data["outside"]:
        return False
    data["outside"][site] = {"measured_at": when, "verdicts": verdicts}
    return True


def add_act(data: dict[str, Any], rule: str, when: dict[str, Any], cases: list[dict[str, Any]]) -> bool:
    if rule in data["act"]:
        return False
    data["act"][rule] = {"measured_at": when, "cases": cases}
    return True
