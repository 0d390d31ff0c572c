"""The ``ashyq`` application: every command of the product, and those other distributions add.

Commands of other distributions join through the ``ashyq.commands`` entry points: the replica world's
(``ashyq demo``, ``ashyq world``, ``ashyq accuracy``) come with ``ashyq-replica``, which ``make setup``
installs beside the product. Each entry point names a function that is given the application."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any

import typer

from ashyq import __version__
from ashyq.cli.appeal import appeal_app
from ashyq.cli.audit import audit_command, nightly_command
from ashyq.cli.bodies import bodies_app
from ashyq.cli.check_page import check_page_command
from ashyq.cli.crawl import crawl_command
from ashyq.cli.declared import declare_command, report_template_command
from ashyq.cli.language import language_command
from ashyq.cli.methodology import methodology_app, score_command
from ashyq.cli.open_data import open_data_app
from ashyq.cli.operator import fail
from ashyq.cli.rechecking import check_command, recheck_command
from ashyq.cli.report import evidence_app, report_app
from ashyq.cli.review_questions import review_app
from ashyq.cli.runs import runs_app
from ashyq.cli.schema import db_app
from ashyq.cli.serve import serve_command
from ashyq.cli.setup import setup_browser_command, setup_replay_command
from ashyq.cli.web import serve_command as serve_app_command
from ashyq.cli.web import users_app
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


report_app.command("serve")(serve_command)
# the command groups and the commands, by the name they are called by (the order of `ashyq --help`)
GROUPS = {
    "methodology": methodology_app,
    "bodies": bodies_app,
    "report": report_app,
    "evidence": evidence_app,
    "open-data": open_data_app,
    "db": db_app,
    "runs": runs_app,
    "appeal": appeal_app,
    "review": review_app,
    "users": users_app,
}
COMMANDS: dict[str, Callable[..., Any]] = {
    "score": score_command,
    "crawl": crawl_command,
    "nightly": nightly_command,
    "audit": audit_command,
    "worker": worker_command,
    "recheck": recheck_command,
    "check": check_command,
    "check-page": check_page_command,
    "report-template": report_template_command,
    "declare": declare_command,
    "setup-browser": setup_browser_command,
    "setup-replay": setup_replay_command,
    "language": language_command,
    "serve": serve_app_command,
}
for _name, _group in GROUPS.items():
    app.add_typer(_group, name=_name)
for _name, _command in COMMANDS.items():
    app.command(_name)(_command)


@app.command()
def version() -> None:
    """Print the tool version."""
    typer.echo(__version__)


# the commands other installed distributions add (the replica's demo, world and accuracy)
for _plugin in entry_points(group="ashyq.commands"):
    _plugin.load()(app)
