"""The replica's commands, added to the ``ashyq`` command line through the ``ashyq.commands`` entry
point: ``ashyq demo`` (the whole job on the replica world), ``ashyq world`` (serve it, print its
truth) and ``ashyq accuracy`` (the outside sites, the ACT cases, the replica's plumbing)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    from ashyq_replica.commands.accuracy import accuracy_app
    from ashyq_replica.commands.demo import demo_command
    from ashyq_replica.commands.world import world_app

    app.add_typer(world_app, name="world")
    app.add_typer(accuracy_app, name="accuracy")
    app.command("demo")(demo_command)
