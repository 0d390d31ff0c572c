"""Coroutines run together: the results in the order given, and on the first failure the others
stopped before the error goes on (so the pages and contexts they hold are closed)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


async def together(jobs: Iterable[Awaitable[T]]) -> list[T]:
    """Run ``jobs`` at once; their results in the order given. The first failure cancels the others
    (waited for until they have stopped) and is raised."""
    tasks = [asyncio.ensure_future(job) for job in jobs]
    try:
        return list(await asyncio.gather(*tasks))
    finally:
        await cancel_all(tasks)


async def cancel_all(tasks: Sequence[asyncio.Future[Any]]) -> None:
    """Cancel what is still running of ``tasks`` and wait until it has stopped."""
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
