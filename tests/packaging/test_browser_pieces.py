"""Where axe-core and Chromium are found, and what is said when they are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.gather import axe
from ashyq.net import browser

AXE_FILE = axe.checkout_copy()


@pytest.fixture
def no_axe(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.delenv(axe.AXE_VARIABLE, raising=False)
    monkeypatch.setenv(axe.DATA_VARIABLE, str(tmp_path / "data"))
    monkeypatch.setattr(axe, "checkout_copy", lambda: tmp_path / "no-checkout" / "axe.min.js")
    return tmp_path


def test_missing_axe_says_how_to_get_it(no_axe: Path) -> None:
    with pytest.raises(axe.AxeMissing, match="ashyq setup-browser") as missing:
        axe.axe_script()
    assert str(no_axe / "data" / "axe-core") in str(missing.value)


def test_the_variable_then_the_data_folder_then_the_checkout(no_axe: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not AXE_FILE.is_file():
        pytest.skip("make setup installs axe-core beside the checkout")
    installed = no_axe / "data" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"
    installed.parent.mkdir(parents=True)
    installed.write_bytes(AXE_FILE.read_bytes())
    assert axe.axe_script() == installed and axe.version_of(installed) == axe.AXE_VERSION
    monkeypatch.setenv(axe.AXE_VARIABLE, str(AXE_FILE))
    assert axe.axe_script() == AXE_FILE
    monkeypatch.setenv(axe.AXE_VARIABLE, str(no_axe / "gone.js"))
    with pytest.raises(axe.AxeMissing, match="not a file"):
        axe.axe_script()


def test_setup_browser_installs_a_copy_and_refuses_another_version(no_axe: Path) -> None:
    if not AXE_FILE.is_file():
        pytest.skip("make setup installs axe-core beside the checkout")
    runner = CliRunner()
    wrong = no_axe / "old.js"
    wrong.write_text("/*! axe v3.1.1 */", encoding="utf-8")
    refused = runner.invoke(app, ["setup-browser", "--from", str(wrong)])
    assert refused.exit_code == 1 and "is axe-core 3.1.1; ashyq uses 4.14.1" in refused.output
    assert runner.invoke(app, ["setup-browser", "--check"]).exit_code == 1
    done = runner.invoke(app, ["setup-browser", "--from", str(AXE_FILE)])
    assert done.exit_code == 0, done.output
    assert f"axe-core 4.14.1: {no_axe / 'data' / 'axe-core'}" in done.output
    assert runner.invoke(app, ["setup-browser", "--check"]).exit_code == 0


def test_chromium_is_found_or_the_message_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(browser.CHROMIUM_VARIABLE, "/nowhere/chrome")
    assert browser.find_chromium() is None
    with pytest.raises(browser.ChromiumMissing, match="/nowhere/chrome"):
        browser.require_chromium()
    monkeypatch.delenv(browser.CHROMIUM_VARIABLE)
    monkeypatch.setattr(browser, "KNOWN_PLACES", ())
    monkeypatch.setattr(browser, "ON_PATH", ())
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", "/nowhere")
    with pytest.raises(browser.ChromiumMissing, match="apt install chromium"):
        browser.require_chromium()
