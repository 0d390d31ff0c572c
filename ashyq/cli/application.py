"""The ``ashyq`` application: every command of the product, and those other distributions add.

A command's module is imported when the command is called (or help lists it), not at start: the
areas import the store, the crawler, the reports and the served application, two seconds of CPU that
``ashyq open-data import-list`` or a worker's ``ashyq worker`` has no use for. ``COMMANDS`` names, in
the order ``ashyq --help`` lists them, where each command or command group lives.

Commands of other distributions join through the ``ashyq.commands`` entry points: the replica world's
(``ashyq demo``, ``ashyq world``, ``ashyq accuracy``) come with ``ashyq-replica``, which ``make setup``
installs beside the product. Each entry point names a function that is given an application to add
its commands to; they are loaded when a name the product does not know is called, or help lists all.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, MutableMapping
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from ashyq import __version__

# command name → "module:attribute", a command group (a Typer) or a command (a function)
COMMANDS: dict[str, str] = {
    "methodology": "ashyq.cli.methodology:methodology_app",
    "bodies": "ashyq.cli.bodies:bodies_app",
    "report": "ashyq.cli.report:report_app",
    "evidence": "ashyq.cli.report:evidence_app",
    "open-data": "ashyq.cli.open_data:open_data_app",
    "db": "ashyq.cli.schema:db_app",
    "runs": "ashyq.cli.runs:runs_app",
    "appeal": "ashyq.cli.appeal:appeal_app",
    "review": "ashyq.cli.review_questions:review_app",
    "users": "ashyq.cli.web:users_app",
    "score": "ashyq.cli.methodology:score_command",
    "crawl": "ashyq.cli.crawl:crawl_command",
    "nightly": "ashyq.cli.audit:nightly_command",
    "audit": "ashyq.cli.audit:audit_command",
    "worker": "ashyq.cli.worker:worker_command",
    "recheck": "ashyq.cli.rechecking:recheck_command",
    "check": "ashyq.cli.rechecking:check_command",
    "check-page": "ashyq.cli.check_page:check_page_command",
    "report-template": "ashyq.cli.declared:report_template_command",
    "declare": "ashyq.cli.declared:declare_command",
    "setup-browser": "ashyq.cli.setup:setup_browser_command",
    "setup-replay": "ashyq.cli.setup:setup_replay_command",
    "language": "ashyq.cli.language:language_command",
    "serve": "ashyq.cli.web:serve_command",
}


def _click_command(name: str, target: Any) -> Any:
    """The click command of a Typer group or of a command function, named ``name``."""
    if isinstance(target, typer.Typer):
        group = typer.main.get_command(target)
        group.name = name
        return group
    single = typer.Typer()
    single.command(name)(target)
    return typer.main.get_command(single)  # one command and no callback: the command itself


def _plugin_commands() -> dict[str, Any]:
    """The commands the installed ``ashyq.commands`` entry points add, by name."""
    holder = typer.Typer()

    @holder.callback()
    def _holder() -> None:  # a callback keeps even a single added command in a group
        pass

    for plugin in entry_points(group="ashyq.commands"):
        plugin.load()(holder)
    group = typer.main.get_command(holder)
    return dict(getattr(group, "commands", {}))


class _LazyCommands(MutableMapping[str, Any]):
    """The application's commands by name: each imported from ``COMMANDS`` on first use, the
    entry points' commands when a name is not the product's (or all of them are listed)."""

    def __init__(self, loaded: MutableMapping[str, Any]) -> None:
        self._loaded = dict(loaded)
        self._plugins: dict[str, Any] | None = None

    def _plugin_table(self) -> dict[str, Any]:
        if self._plugins is None:
            self._plugins = {name: command for name, command in _plugin_commands().items() if name not in COMMANDS}
        return self._plugins

    def __getitem__(self, name: str) -> Any:
        if name in self._loaded:
            return self._loaded[name]
        if name in COMMANDS:
            module, _, attribute = COMMANDS[name].partition(":")
            command = _click_command(name, getattr(importlib.import_module(module), attribute))
        else:
            command = self._plugin_table()[name]  # KeyError: no such command
        self._loaded[name] = command
        return command

    def __contains__(self, name: object) -> bool:
        return name in self._loaded or name in COMMANDS or (isinstance(name, str) and name in self._plugin_table())

    def __setitem__(self, name: str, command: Any) -> None:
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        del self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        names = [*COMMANDS, *(name for name in self._loaded if name not in COMMANDS)]
        names += [name for name in self._plugin_table() if name not in names]
        return iter(names)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default


class LazyGroup(TyperGroup):
    """The ``ashyq`` group: its commands a :class:`_LazyCommands` table."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self.commands = _LazyCommands(self.commands)

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command, the plain commands before the groups (as Typer lists them)."""
        names = list(self.commands)
        groups = {name for name in names if isinstance(self.commands[name], TyperGroup)}
        return [name for name in names if name not in groups] + [name for name in names if name in groups]


app = typer.Typer(
    name="ashyq",
    cls=LazyGroup,
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
    from ashyq.cli.operator import fail
    from ashyq.config.operator import ConfigError, load_config, use_config
    from ashyq.pipeline.sockets import watch_sockets

    watch_sockets()
    try:
        if config is not None:
            use_config(config)
        load_config()  # a malformed file is refused before any work starts
    except ConfigError as error:
        raise fail("the config file is refused:\n" + "\n".join(error.problems)) from None


@app.command()
def version() -> None:
    """Print the tool version."""
    typer.echo(__version__)
