"""A result kept for the last collection asked: the checks read one body at a time, and every section of every
table, in each language, asks the same question of the same body's pages."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sized
from typing import TypeVar

S = TypeVar("S", bound=Sized)
R = TypeVar("R")


def for_the_last(reading: Callable[[S], R]) -> Callable[[S], R]:
    """``reading``'s result for the collection last given, kept while that same collection (the same object, of the
    same length) is asked again; a new one replaces it. The result is shared: callers only read it."""
    held: list[tuple[S, int, R]] = []

    @functools.wraps(reading)
    def kept(items: S) -> R:
        if held and held[0][0] is items and held[0][1] == len(items):
            return held[0][2]
        result = reading(items)
        held[:] = [(items, len(items), result)]
        return result

    return kept
