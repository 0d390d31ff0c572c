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

from ashyq.config import CONFIG_DIR
from ashyq.gather.axe import AXE_VERSION, AxeMissing, axe_script, install_prefix, version_of
from ashyq.net.browser import CHROMIUM_POLICY, ChromiumMissing, require_chromium, webrtc_locked

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


class ReplayMissing(RuntimeError):
    """No replay viewer: the dashboard is built without its replay links."""


def _replay_from_tarball(tarball: Path, target: Path) -> None:
    """Copy the viewer's files out of an ``npm pack`` tarball (only these names, written by us)."""
    import tarfile

    from ashyq.reports.dashboard import REPLAY_FILES, REPLAY_VERSION

    wanted = {f"package/{name}": name for name in (*REPLAY_FILES, "package.json", "LICENSE")}
    try:
        with tarfile.open(tarball, "r:gz") as packed:
            found = {m.name: m for m in packed.getmembers() if m.name in wanted and m.isfile()}
            if not all(f"package/{name}" in found for name in (*REPLAY_FILES, "package.json")):
                raise ReplayMissing(f"{tarball} is not a replaywebpage package (no ui.js, sw.js, package.json)")
            contents = {wanted[name]: packed.extractfile(member).read() for name, member in found.items()}  # type: ignore[union-attr]
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ReplayMissing(f"{tarball}: not a readable npm package ({type(error).__name__})") from None
    version = json.loads(contents["package.json"]).get("version")
    if version != REPLAY_VERSION:
        raise ReplayMissing(f"{tarball} is replaywebpage {version}; ashyq uses {REPLAY_VERSION}")
    target.mkdir(parents=True, exist_ok=True)
    for name, data in contents.items():
        (target / name).write_bytes(data)


def _replay_from_npm(target: Path) -> None:
    import tempfile

    from ashyq.reports.dashboard import REPLAY_VERSION

    npm = shutil.which("npm")
    if npm is None:
        raise ReplayMissing(
            f"npm is not installed. Without it: `npm pack replaywebpage@{REPLAY_VERSION}` on another machine "
            f"and run `ashyq setup-replay --from replaywebpage-{REPLAY_VERSION}.tgz`"
        )
    with tempfile.TemporaryDirectory(prefix="ashyq-replay-") as folder:
        command = [npm, "pack", "--silent", "--pack-destination", folder, f"replaywebpage@{REPLAY_VERSION}"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=NPM_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ReplayMissing(f"npm did not finish in {NPM_TIMEOUT} s (is the npm registry reachable?)") from None
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise ReplayMissing(f"npm pack replaywebpage@{REPLAY_VERSION} failed: {' / '.join(tail)}")
        _replay_from_tarball(Path(folder) / f"replaywebpage-{REPLAY_VERSION}.tgz", target)


def setup_replay_command(
    source: Annotated[
        Path | None, typer.Option("--from", help="Install from this tarball of `npm pack replaywebpage@VERSION`.")
    ] = None,
    check: Annotated[bool, typer.Option("--check", help="Only report what is there; install nothing.")] = False,
) -> None:
    """Install the dashboard's offline replay viewer (ReplayWeb.page) into the data folder (once per user)."""
    from ashyq.reports.dashboard import REPLAY_VERSION, replay_install_folder, replay_viewer

    try:
        if not check and (source is not None or replay_viewer() is None):
            target = replay_install_folder()
            _replay_from_tarball(source, target) if source is not None else _replay_from_npm(target)
        found = replay_viewer()
        if found is None:
            raise ReplayMissing(
                f"not installed (ashyq setup-replay puts replaywebpage {REPLAY_VERSION} in {replay_install_folder()})"
            )
    except ReplayMissing as error:
        typer.echo(f"replay viewer: missing — {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"replay viewer: {found}")
