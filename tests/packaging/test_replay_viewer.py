"""Where the dashboard finds its offline replay viewer (ReplayWeb.page) outside the checkout: the
data folder ``ashyq setup-replay`` installs it into, or ``$ASHYQ_REPLAY_VIEWER``; and the version
the command installs is the one ``make setup`` unpacks."""

from __future__ import annotations

import io
import json
import re
import tarfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.reports import dashboard

CHECKOUT = dashboard.REPLAY_VIEWER
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_viewer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.delenv(dashboard.REPLAY_VARIABLE, raising=False)
    monkeypatch.setenv("ASHYQ_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(dashboard, "REPLAY_VIEWER", tmp_path / "no-checkout")
    return tmp_path


def _tarball(path: Path, version: str, files: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as packed:
        for name, data in {**files, "package.json": json.dumps({"version": version}).encode()}.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            packed.addfile(info, io.BytesIO(data))
    return path


def test_the_version_is_the_one_make_setup_unpacks() -> None:
    script = (ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    found = re.search(r"^REPLAYWEB_VERSION=(\S+)", script, re.MULTILINE)
    assert found and found.group(1) == dashboard.REPLAY_VERSION


def test_setup_replay_installs_into_the_data_folder_and_the_dashboard_finds_it(no_viewer: Path) -> None:
    if not all((CHECKOUT / name).is_file() for name in dashboard.REPLAY_FILES):
        pytest.skip("make setup unpacks replaywebpage beside the checkout")
    runner = CliRunner()
    assert dashboard.replay_viewer() is None
    missing = runner.invoke(app, ["setup-replay", "--check"])
    assert missing.exit_code == 1 and "ashyq setup-replay puts replaywebpage" in missing.output
    files = {name: (CHECKOUT / name).read_bytes() for name in dashboard.REPLAY_FILES}
    old = runner.invoke(app, ["setup-replay", "--from", str(_tarball(no_viewer / "old.tgz", "1.0.0", files))])
    assert old.exit_code == 1 and f"is replaywebpage 1.0.0; ashyq uses {dashboard.REPLAY_VERSION}" in old.output
    broken = runner.invoke(app, ["setup-replay", "--from", str(_tarball(no_viewer / "b.tgz", "2.5.3", {}))])
    assert broken.exit_code == 1 and "not a replaywebpage package" in broken.output
    packed = _tarball(no_viewer / "replaywebpage.tgz", dashboard.REPLAY_VERSION, {**files, "../escape.js": b"x"})
    done = runner.invoke(app, ["setup-replay", "--from", str(packed)])
    assert done.exit_code == 0, done.output
    installed = no_viewer / "data" / "replaywebpage"
    assert dashboard.replay_viewer() == installed and not (no_viewer / "data" / "escape.js").exists()
    assert (installed / "sw.js").read_bytes() == files["sw.js"]
    assert runner.invoke(app, ["setup-replay", "--check"]).exit_code == 0


def test_the_variable_names_the_viewer(no_viewer: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = no_viewer / "viewer"
    folder.mkdir()
    for name in dashboard.REPLAY_FILES:
        (folder / name).write_text("//", encoding="utf-8")
    monkeypatch.setenv(dashboard.REPLAY_VARIABLE, str(folder))
    assert dashboard.replay_viewer() == folder
    monkeypatch.setenv(dashboard.REPLAY_VARIABLE, str(no_viewer / "gone"))
    assert dashboard.replay_viewer() is None
