"""The ``ashyq`` application: every command of the product, and those other distributions add.

Commands of other distributions join through the ``ashyq.commands`` entry points: the replica world's
(``ashyq demo``, ``ashyq world``, ``ashyq accuracy``) come with ``ashyq-replica``, which ``make setup``
installs beside the product. Each entry point names a function that is given the application."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated

import typer

from ashyq import __version__
from ashyq.cli.audit import audit_command, nightly_command
from ashyq.cli.bodies import bodies_app
from ashyq.cli.check_page import check_page_command
from ashyq.cli.crawl import crawl_command
from ashyq.cli.declared import declare_command, report_template_command
from ashyq.cli.methodology import methodology_app, score_command
from ashyq.cli.open_data import open_data_app
from ashyq.cli.operator import fail
from ashyq.cli.report import evidence_app, report_app
from ashyq.cli.review import check_command, recheck_command
from ashyq.cli.runs import runs_app
from ashyq.cli.schema import db_app
from ashyq.cli.serve import serve_command
from ashyq.cli.setup import setup_browser_command, setup_replay_command
from ashyq.cli.worker import worker_command

app = typer.Typer(
    name="ashyq",
    help="Openness auditor for Kazakhstan's state bodies: harvest, check, score, report.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def main(
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            help="The operator's settings (contact, store, output folder, registry, politeness). "
            "Default: $ASHYQ_CONFIG, ./ashyq.yaml, /etc/ashyq/ashyq.yaml.",
        ),
    ] = None,
) -> None:
    """Openness auditor for Kazakhstan's state bodies: harvest, check, score, report."""
    from ashyq.config.operator import ConfigError, load_config, use_config
    from ashyq.pipeline.sockets import watch_sockets

    watch_sockets()
    try:
        if config is not None:
            use_config(config)
        load_config()  # a malformed file is refused before any work starts
    except ConfigError as error:
        raise fail("the config file is refused:\n" + "\n".join(error.problems)) from None


app.add_typer(methodology_app, name="methodology")
app.add_typer(bodies_app, name="bodies")
report_app.command("serve")(serve_command)
app.add_typer(report_app, name="report")
app.add_typer(evidence_app, name="evidence")
app.add_typer(open_data_app, name="open-data")
app.add_typer(db_app, name="db")
app.add_typer(runs_app, name="runs")
app.command("score")(score_command)
app.command("crawl")(crawl_command)
app.command("nightly")(nightly_command)
app.command("audit")(audit_command)
app.command("worker")(worker_command)
app.command("recheck")(recheck_command)
app.command("check")(check_command)
app.command("check-page")(check_page_command)
app.command("report-template")(report_template_command)
app.command("declare")(declare_command)
app.command("setup-browser")(setup_browser_command)
app.command("setup-replay")(setup_replay_command)


@app.command()
def version() -> None:
    """Print the tool version."""
    typer.echo(__version__)


# the commands other installed distributions add (the replica's demo, world and accuracy)
for _plugin in entry_points(group="ashyq.commands"):
    _plugin.load()(app)
