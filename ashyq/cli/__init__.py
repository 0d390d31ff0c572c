"""The ``ashyq`` command line: ``ashyq.cli.application`` puts the commands together; each area keeps its
commands in a module of its own.

``app`` is built on first use (``from ashyq.cli import app``, the console script), not when a module of
this package is imported: the replica's commands import the helpers of ``ashyq.cli.audit``, and the
application adds those commands, so building it on import would go round in a circle.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "app":
        from ashyq.cli.application import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
