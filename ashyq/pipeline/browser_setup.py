"""What the browser measurements and the dashboard need besides Python packages, put in place for
``ashyq setup-browser`` and ``ashyq setup-replay``: axe-core (npm, MPL-2.0) and the offline replay viewer
(ReplayWeb.page), each installed once per user into the data folder at the version the project is tested
with (their code is never kept in the repository), from npm or from a copy brought in by hand; and
Chromium as :mod:`ashyq.net.browser` finds it (this does not install a browser)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from ashyq.gather.axe import AXE_VERSION, AxeMissing, axe_script, install_prefix, version_of
from ashyq.net.browser import CHROMIUM_POLICY, ChromiumMissing, require_chromium, webrtc_locked

__all__ = [
    "AXE_VERSION",
    "CHROMIUM_POLICY",
    "AxeMissing",
    "ChromiumMissing",
    "ReplayMissing",
    "axe_script",
    "install_axe",
    "install_prefix",
    "install_replay",
    "installed_axe",
    "replay_found",
    "replay_installed",
    "require_chromium",
    "version_of",
    "webrtc_locked",
]

NPM_TIMEOUT = 300


def _npm(command: list[str], what: str, missing: type[Exception]) -> None:
    """Run npm; a timeout or a failure is ``missing`` with npm's last lines."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=NPM_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise missing(f"npm did not finish in {NPM_TIMEOUT} s (is the npm registry reachable?)") from None
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise missing(f"{what} failed: {' / '.join(tail)}")


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
    _npm(command, f"npm install axe-core@{AXE_VERSION}", AxeMissing)


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


def installed_axe() -> Path | None:
    """axe-core's script where it was installed, at the version ashyq uses (None: not there)."""
    return _installed()


def install_axe(source: Path | None) -> None:
    """Install axe-core from ``source`` (an ``axe.min.js``) or npm; :class:`AxeMissing` says why not."""
    prefix = install_prefix()
    _from_file(source, prefix) if source is not None else _from_npm(prefix)
    if _installed() is None:
        raise AxeMissing(f"axe-core {AXE_VERSION} is not where it was installed ({prefix})")


class ReplayMissing(RuntimeError):
    """No replay viewer: the dashboard is built without its replay links."""


def _replay_from_tarball(tarball: Path, target: Path) -> None:
    """Copy the viewer's files out of an ``npm pack`` tarball (only these names, written by us)."""
    from ashyq.reports.dashboard import REPLAY_FILES, REPLAY_VERSION  # the dashboard's: only when installing

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
    from ashyq.reports.dashboard import REPLAY_VERSION

    npm = shutil.which("npm")
    if npm is None:
        raise ReplayMissing(
            f"npm is not installed. Without it: `npm pack replaywebpage@{REPLAY_VERSION}` on another machine "
            f"and run `ashyq setup-replay --from replaywebpage-{REPLAY_VERSION}.tgz`"
        )
    with tempfile.TemporaryDirectory(prefix="ashyq-replay-") as folder:
        command = [npm, "pack", "--silent", "--pack-destination", folder, f"replaywebpage@{REPLAY_VERSION}"]
        _npm(command, f"npm pack replaywebpage@{REPLAY_VERSION}", ReplayMissing)
        _replay_from_tarball(Path(folder) / f"replaywebpage-{REPLAY_VERSION}.tgz", target)


def install_replay(source: Path | None) -> None:
    """Install the replay viewer from ``source`` (an ``npm pack`` tarball) or npm; :class:`ReplayMissing`
    says why not."""
    from ashyq.reports.dashboard import replay_install_folder

    target = replay_install_folder()
    _replay_from_tarball(source, target) if source is not None else _replay_from_npm(target)


def replay_found() -> Path:
    """Where the replay viewer is installed; :class:`ReplayMissing` (saying where it would go) when it
    is not."""
    from ashyq.reports.dashboard import REPLAY_VERSION, replay_install_folder, replay_viewer

    found = replay_viewer()
    if found is None:
        raise ReplayMissing(
            f"not installed (ashyq setup-replay puts replaywebpage {REPLAY_VERSION} in {replay_install_folder()})"
        )
    return found


def replay_installed() -> bool:
    """Whether the replay viewer is installed."""
    from ashyq.reports.dashboard import replay_viewer

    return replay_viewer() is not None
