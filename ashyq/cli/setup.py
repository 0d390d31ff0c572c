"""``ashyq setup-browser``: what the browser measurements need besides Python packages.

* axe-core (npm, MPL-2.0) is installed once per user into the data folder
  (:func:`ashyq.gather.axe.install_prefix`), at the version the project is tested with; its code is
  never kept in the repository. ``--from FILE`` installs a copy brought in by hand (no npm needed).
* Chromium is looked for (Debian's first, see :func:`ashyq.net.browser.find_chromium`) and reported;
  this command does not install a browser.

Exit codes: 0 ready, 1 something is missing (the message says what to do), 2 usage error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ashyq.config import CONFIG_DIR
from ashyq.pipeline.browser_setup import (
    AXE_VERSION,
    CHROMIUM_POLICY,
    AxeMissing,
    ChromiumMissing,
    ReplayMissing,
    axe_script,
    install_axe,
    install_replay,
    installed_axe,
    replay_found,
    replay_installed,
    require_chromium,
    version_of,
    webrtc_locked,
)


def setup_browser_command(
    source: Annotated[
        Path | None, typer.Option("--from", help=f"Install this axe.min.js (axe-core {AXE_VERSION}) instead of npm.")
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Only report what is there; install nothing.")] = False,
) -> None:
    """Install axe-core for the browser measurements (once per user) and find Chromium."""
    missing = False
    try:
        typer.echo(f"Chromium: {require_chromium()}")
    except ChromiumMissing as error:
        typer.echo(f"Chromium: missing — {error}", err=True)
        missing = True
    try:
        if not check and (source is not None or installed_axe() is None):
            install_axe(source)
        script = axe_script()
        typer.echo(f"axe-core {version_of(script) or '?'}: {script}")
    except AxeMissing as error:
        typer.echo(f"axe-core: missing — {error}", err=True)
        missing = True
    _policy_note()
    raise typer.Exit(1 if missing else 0)


def _policy_note() -> None:
    """Whether Chromium's managed policy (WebRTC only through the proxy) is in place; installing it
    writes to /etc, which this command does not do: it says how (``make setup`` does it)."""
    if webrtc_locked():
        typer.echo(f"Chromium policy: {CHROMIUM_POLICY} (WebRTC only through the proxy)")
        return
    shipped = CONFIG_DIR / "chromium-policy.json"
    typer.echo(
        f"Chromium policy: missing — a crawled page's WebRTC could send UDP past the proxy; as root: "
        f"install -D -m 644 {shipped} {CHROMIUM_POLICY}",
        err=True,
    )


def setup_replay_command(
    source: Annotated[
        Path | None, typer.Option("--from", help="Install from this tarball of `npm pack replaywebpage@VERSION`.")
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Only report what is there; install nothing.")] = False,
) -> None:
    """Install the dashboard's offline replay viewer (ReplayWeb.page) into the data folder (once per user)."""
    try:
        if not check and (source is not None or not replay_installed()):
            install_replay(source)
        found = replay_found()
    except ReplayMissing as error:
        typer.echo(f"replay viewer: missing — {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"replay viewer: {found}")
