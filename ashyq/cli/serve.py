"""``ashyq report serve``: the dashboard on one origin, its replayed archives on another."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Annotated

import typer

from ashyq.cli.console import command_console
from ashyq.cli.operator import fail
from ashyq.reports.site_server import serve_site

console = command_console()


def serve_command(
    site: Annotated[Path, typer.Argument(help="The dashboard's folder (ashyq report dashboard -o).")],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The dashboard's port (0: any free one).", min=0, max=65535)] = 8000,
    replay_port: Annotated[
        int, typer.Option("--replay-port", help="The replayed archives' port (0: any free one).", min=0, max=65535)
    ] = 0,
) -> None:
    """Serve a dashboard until Ctrl-C: its pages on one origin and the replayed archives (which run the
    archived sites' scripts) on another, so nothing archived shares the dashboard's storage."""
    try:
        with serve_site(site, host, port, replay_port) as served:
            console.print(f"dashboard: {served.dashboard}", highlight=False)
            console.print(f"replayed archives (an origin of their own): {served.replay}", highlight=False)
            threading.Event().wait()
    except (FileNotFoundError, OSError) as error:
        raise fail(str(error)) from None
    except KeyboardInterrupt:
        return
