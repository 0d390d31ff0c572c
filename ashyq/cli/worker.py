"""``ashyq worker``: a queue worker taking per-body jobs of runs enqueued by ``ashyq nightly --queue``."""

from __future__ import annotations

from typing import Annotated

import typer

from ashyq.cli.audit import internal_errors_exit_4, usage_error


@internal_errors_exit_4
def worker_command(
    name: Annotated[str, typer.Option("--name", help="The worker's name (%h is the host).")] = "ashyq@%h",
    queue: Annotated[str, typer.Option("--queue", help="The queue to take jobs from.")] = "ashyq",
    redis: Annotated[str | None, typer.Option("--redis", help="Redis URL (default ASHYQ_REDIS_URL).")] = None,
    db: Annotated[str | None, typer.Option("--db", help="The shared store's URL (default ASHYQ_DB_URL).")] = None,
) -> None:
    """Take per-body jobs (harvest → browser measurements → checks) and the scoring joins of queued runs,
    one at a time, until stopped (SIGTERM finishes the current job first). The store must be shared
    (PostgreSQL) and migrated by `ashyq db upgrade`: the worker refuses an older schema.

    Exit codes: 0 stopped, 2 usage error (no Redis, an old schema), 4 internal error."""
    from ashyq.pipeline.queue import QueueError, make_app, require_newest_schema, run_worker, share_store

    if db:
        share_store(db)
    try:
        app = make_app(redis)
        require_newest_schema()
    except QueueError as error:
        raise usage_error(str(error)) from None
    run_worker(app, name, queue)
