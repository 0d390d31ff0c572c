"""The consoles every command prints through.

On a terminal, Rich fits lines and tables to the terminal's width. Anywhere else (a pipe, a log file,
a script or a test reading the output) there is no width to fit, and Rich's default of 80 columns
would break a message in the middle ("already\\nrunning"): there, nothing is wrapped.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, ConsoleDimensions

# wide enough for any line a command prints; Rich tables size themselves to their content within it
UNWRAPPED_WIDTH = 10_000


class CommandConsole(Console):
    """A Rich console that wraps only on a terminal (whatever ``COLUMNS`` says elsewhere)."""

    @property
    def size(self) -> ConsoleDimensions:
        measured = super().size
        if self.is_terminal:
            return measured
        return ConsoleDimensions(UNWRAPPED_WIDTH, measured.height)

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)  # type: ignore[attr-defined]


def command_console(stderr: bool = False, **options: Any) -> CommandConsole:
    """Standard output's console (``stderr``: standard error's)."""
    return CommandConsole(stderr=stderr, **options)
