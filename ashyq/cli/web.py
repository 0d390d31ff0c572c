"""``ashyq serve`` (the served application over the store) and ``ashyq users`` (its accounts).

Exit codes: 0 done, 2 usage error (a refused account change, settings that cannot start the server).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ashyq.cli.console import command_console
from ashyq.cli.labels import tables_translator
from ashyq.cli.operator import choose_out, choose_store, fail, operator_config
from ashyq.cli.options import DbOption, OutOption
from ashyq.cli.report import LangOption
from ashyq.pipeline.accounts import (
    AccountError,
    account_lines,
    add_account,
    set_disabled,
    set_password,
    set_role,
)
from ashyq.pipeline.run_outputs import open_store

if TYPE_CHECKING:
    from ashyq.web.settings import WebSettings

console = command_console()
users_app = typer.Typer(
    help="The served application's accounts: add, list, give a role, disable.", no_args_is_help=True
)

HostOption = Annotated[str, typer.Option(help="Address to listen on (behind a proxy: 127.0.0.1).")]
PortOption = Annotated[int, typer.Option(help="Port (0: any free one).", min=0, max=65535)]
RoleArgument = Annotated[str, typer.Argument(help="analyst, assessor, body, commission, verifier or admin.")]
BodyOption = Annotated[str | None, typer.Option("--body", help="A body's account: the body it reads (its id).")]
SubordinatesOption = Annotated[
    bool, typer.Option("--with-subordinates", help="A body's account reads its subordinate organisations too.")
]
PasswordOption = Annotated[
    str | None,
    typer.Option(
        "--password",
        help="The password (default: asked on the terminal; none with --no-password).",
        envvar="ASHYQ_NEW_PASSWORD",
    ),
]
NoPasswordOption = Annotated[
    bool, typer.Option("--no-password", help="Signs in through the identity provider only (serve.oidc).")
]
LanguageOption = Annotated[str | None, typer.Option("--language", help="Reading language: kk or ru.")]


ReplayPortOption = Annotated[
    int | None,
    typer.Option(
        "--replay-port",
        help="Replay the archived pages (ReplayWeb.page, their scripts run) on this port, an origin of their "
        "own (0: any free one; behind a proxy give it a host name: serve.replay_url). Default: no replay, "
        "the sandboxed static copy only.",
        min=0,
        max=65535,
    ),
]


def serve_command(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8080,
    replay_port: ReplayPortOption = None,
    db: DbOption = None,
    out: OutOption = None,
) -> None:
    """Serve the application over the store until Ctrl-C: the runs, the published conclusions and their
    evidence, each account seeing only what its role allows (`ashyq users` makes the accounts); with
    --replay-port, the archived pages replayed on a second listener."""
    from ashyq.web.settings import SettingsError, settings_from

    loaded = operator_config()
    try:
        settings = settings_from(loaded, choose_store(db), choose_out(out))
    except SettingsError as error:
        raise fail(str(error)) from None
    with open_store(settings.db):
        pass  # the schema brought up to date before the first request
    if settings.ephemeral_key:
        console.print(
            "[yellow]no secret key (serve.secret_key_file in ashyq.yaml, or $ASHYQ_SECRET_KEY): one made for "
            "this process, so every session ends when it stops[/yellow]",
            highlight=False,
        )
    if replay_port is None:
        _run_app(settings, host, port, loaded.config.serve.trusted_proxies)
        return
    from dataclasses import replace

    from ashyq.reports.dashboard import replay_viewer
    from ashyq.web.replay_origin import create_replay_app
    from ashyq.web.server import served

    viewer = replay_viewer()
    if viewer is None:
        raise fail("no replay viewer to serve --replay-port with: `ashyq setup-replay` installs ReplayWeb.page")
    with served(create_replay_app(settings, viewer), host, replay_port) as replay_base:
        settings = replace(settings, replay_origin=settings.replay_origin or replay_base)
        console.print(f"replay origin: {replay_base}/ (links to it: {settings.replay_origin})", highlight=False)
        _run_app(settings, host, port, loaded.config.serve.trusted_proxies)


def _run_app(settings: WebSettings, host: str, port: int, trusted_proxies: str) -> None:
    import uvicorn

    from ashyq.web.app import create_app
    from ashyq.web.settings import SettingsError

    try:
        app = create_app(settings)  # a sign-in counts' storage that cannot be reached: refused here
    except SettingsError as error:
        raise fail(str(error)) from None
    console.print(f"ashyq serve: http://{host}:{port}/ (store: {settings.db or 'default'})", highlight=False)
    uvicorn.run(
        app,
        host=host,
        port=port,
        proxy_headers=True,
        forwarded_allow_ips=trusted_proxies,
        server_header=False,
        log_level="info",
    )


def _password(given: str | None, none: bool) -> str | None:
    if none:
        return None
    if given is not None:
        return given
    return str(typer.prompt("password", hide_input=True, confirmation_prompt=True))


@users_app.command("add")
def add_command(
    username: Annotated[str, typer.Argument(help="The name the person signs in with.")],
    role: RoleArgument,
    body: BodyOption = None,
    subordinates: SubordinatesOption = False,
    password: PasswordOption = None,
    no_password: NoPasswordOption = False,
    language: LanguageOption = None,
    name: Annotated[str | None, typer.Option("--name", help="The person's name, as shown.")] = None,
    db: DbOption = None,
) -> None:
    """Add an account with its role (a body's account: --body, and --with-subordinates to read them)."""
    secret = _password(password, no_password)
    try:
        with open_store(choose_store(db)) as session:
            add_account(session, username, role, secret, body, subordinates, name, language)
    except AccountError as refused:
        raise fail(str(refused)) from None
    typer.echo(f"added {username} ({role}{f', {body}' if body else ''})")


@users_app.command("role")
def role_command(
    username: Annotated[str, typer.Argument(help="The account.")],
    role: RoleArgument,
    body: BodyOption = None,
    subordinates: SubordinatesOption = False,
    db: DbOption = None,
) -> None:
    """Give an account another role (its sessions end)."""
    try:
        with open_store(choose_store(db)) as session:
            set_role(session, username, role, body, subordinates)
    except AccountError as refused:
        raise fail(str(refused)) from None
    typer.echo(f"{username}: {role}{f' ({body})' if body else ''}")


@users_app.command("disable")
def disable_command(
    username: Annotated[str, typer.Argument(help="The account.")],
    enable: Annotated[bool, typer.Option("--enable", help="Enable it again instead.")] = False,
    db: DbOption = None,
) -> None:
    """Disable an account: it signs in no more and its sessions end at once (accounts are never deleted:
    the audit log keeps naming who acted)."""
    try:
        with open_store(choose_store(db)) as session:
            set_disabled(session, username, not enable)
    except AccountError as refused:
        raise fail(str(refused)) from None
    typer.echo(f"{username}: {'enabled' if enable else 'disabled'}")


@users_app.command("password")
def password_command(
    username: Annotated[str, typer.Argument(help="The account.")], password: PasswordOption = None, db: DbOption = None
) -> None:
    """Set an account's password (its sessions end)."""
    try:
        with open_store(choose_store(db)) as session:
            set_password(session, username, _password(password, False) or "")
    except AccountError as refused:
        raise fail(str(refused)) from None
    typer.echo(f"{username}: password set")


@users_app.command("list")
def list_command(db: DbOption = None, lang: LangOption = None) -> None:
    """Every account: name, role, bound body ('+': with its subordinates), language, state; in the
    tables' language."""
    from rich.table import Table

    with open_store(choose_store(db)) as session:
        lines = account_lines(session)
    _, t = tables_translator(lang)
    table = Table()
    for key in ("cli.account", "web.role", "common.body", "common.language", "cli.state"):
        table.add_column(t(key))
    for line in lines:
        state = t("cli.active") if line.active else t("cli.disabled")
        table.add_row(line.username, t(f"web.role_{line.role}"), line.body or "—", line.language or "—", state)
    command_console().print(table)
