"""One nightly per registry at a time.

Two guards, taken in this order by ``ashyq nightly``:

1. a file lock (``flock``) on ``<out>/locks/nightly-<registry>.lock``, held for as long as the
   coordinator lives and released by the kernel when it dies, however it dies;
2. the store: stale ``running`` runs are marked first (:func:`ashyq.store.leases.mark_stale_runs`), then
   a nightly of the same registry still running - a coordinator on another machine sharing the
   PostgreSQL store - refuses the start too.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.leases import StaleRun, live_runs, mark_stale_runs, this_host
from ashyq.store.vocabulary import RunKind


class RegistryBusy(RuntimeError):
    """A nightly of this registry is already running: nothing was started."""


@dataclass
class NightlyLock:
    path: Path
    stale: list[StaleRun]  # runs found stale (and marked) when the lock was taken


def lock_name(registry: str) -> str:
    """A file name for ``registry``: its name, and for a file a short hash of its full path."""
    path = Path(registry)
    if path.suffix in (".yaml", ".yml") or path.exists():
        digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]
        return f"nightly-{re.sub(r'[^A-Za-z0-9_-]+', '-', path.stem)}-{digest}.lock"
    return f"nightly-{re.sub(r'[^A-Za-z0-9_-]+', '-', registry)}.lock"


@contextmanager
def nightly_lock(registry: str, out_dir: Path, db_url: str | None, migrate: bool = True) -> Iterator[NightlyLock]:
    """Hold the registry's nightly lock for the block, or raise :class:`RegistryBusy`. ``migrate``: bring
    a single machine's store to the newest schema first (a shared store is migrated by the operator)."""
    folder = Path(out_dir) / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / lock_name(registry)
    handle: IO[str] = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the block
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise RegistryBusy(f"a nightly of registry {registry} is already running ({holder}; lock {path})") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} on {this_host()}\n")
        handle.flush()
        if migrate:
            ensure_schema(db_url)
        with session_scope(db_url) as session:
            stale = mark_stale_runs(session)
            running = [
                run
                for run in live_runs(session)
                if run.kind == RunKind.NIGHTLY and (run.settings or {}).get("registry") == registry
            ]
            if running:
                raise RegistryBusy(
                    f"a nightly of registry {registry} is already running: run {running[0].id} "
                    "(its coordinator is alive; see docs/operations.md to end it)"
                )
        yield NightlyLock(path, stale)
    finally:
        handle.close()  # closing releases the lock
