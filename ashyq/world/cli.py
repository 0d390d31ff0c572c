"""``ashyq world ...``: the replica world's commands."""

from __future__ import annotations

import typer

world_app = typer.Typer(help="The replica world: local imitations of gov.kz and the portals.", no_args_is_help=True)
