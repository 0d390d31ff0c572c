"""``ashyq setup-browser``: what the browser measurements need besides Python packages.

* axe-core (npm, MPL-2.0) is installed once per user into the data folder
  (:func:`ashyq.gather.axe.install_prefix`), at the version the project is tested with; its code is
  never kept in the repository. ``--from FILE`` installs a copy brought in by hand (no npm needed).
* Chromium is looked for (Debian's first, see :func:`ashyq.net.browser.find_chromium`) and reported;
  this command does not install a browser.

Exit codes: 0 ready, 1 something is missing (the message says what to do), 2 usage error.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Annotated

import typer

from ashyq.gather.axe import AXE_VERSION, AxeMissing, axe_script, install_prefix, version_of
from ashyq.net.browser import ChromiumMissing, require_chromium

NPM_TIMEOUT = 300


def _installed() -> Path | None:
    target = install_prefix() / "node_modules" / "axe-core" / "axe.min.js"
    return target if target.is_file() and version_of(target) == AXE_VERSION else None


def _from_npm(prefix: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise AxeMissing(
            "npm is not installed (Debian: `apt install npm`). Without it: fetch axe-core "
            f"{AXE_VERSION}'s axe.min.js on another machine (`npm pack axe-core@{AXE_VERSION}`) and run "
            "`ashyq setup-browser --from axe.min.js`"
        )
    prefix.mkdir(parents=True, exist_ok=True)
    command = [npm, "install", "--prefix", str(prefix), "--no-audit", "--no-fund", "--no-save",
               f"axe-core@{AXE_VERSION}"]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=NPM_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise AxeMissing(f"npm did not finish in {NPM_TIMEOUT} s (is the npm registry reachable?)") from None
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise AxeMissing(f"npm install axe-core@{AXE_VERSION} failed: {' / '.join(tail)}")


def _from_file(source: Path, prefix: Path) -> None:
    if not source.is_file():
        raise AxeMissing(f"{source}: no such file")
    found = version_of(source)
    if found != AXE_VERSION:
        raise AxeMissing(f"{source} is axe-core {found or 'of an unknown version'}; ashyq uses {AXE_VERSION}")
    target = prefix / "node_modules" / "axe-core"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target / "axe.min.js")
    (target / "package.json").write_text(json.dumps({"name": "axe-core", "version": AXE_VERSION}), encoding="utf-8")


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
    prefix = install_prefix()
    try:
        if check or (source is None and _installed() is not None):
            script = axe_script()
        else:
            _from_file(source, prefix) if source is not None else _from_npm(prefix)
            if _installed() is None:
                raise AxeMissing(f"axe-core {AXE_VERSION} is not where it was installed ({prefix})")
            script = axe_script()
        typer.echo(f"axe-core {version_of(script) or '?'}: {script}")
    except AxeMissing as error:
        typer.echo(f"axe-core: missing — {error}", err=True)
        missing = True
    raise typer.Exit(1 if missing else 0)
