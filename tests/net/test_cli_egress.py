"""What an operator types that would send the auditor somewhere it must not go is refused at once:
one line naming the problem, exit code 2, no traceback, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ashyq.cli import app

runner = CliRunner()
GOOD_MAP = json.dumps({"https://www.gov.kz": "http://127.0.0.1:4100"})


def _refused(args: list[str], says: str) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "300"})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert says in " ".join(result.output.split()), result.output


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///etc/passwd", "gopher://127.0.0.1:70/_x", "data:text/html,x", "http://u:p@x.kz/"],
)
def test_audit_url_is_http_only(url: str, tmp_path: Path) -> None:
    _refused(["audit", "--url", url, "--kind", "mio", "--out", str(tmp_path)], "--url must be an http(s) URL")
    assert not (tmp_path / "ashyq.sqlite").exists()


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://169.254.169.254/", "link-local"),
        ("http://100.64.0.1/", "carrier-grade NAT"),
        ("http://localhost:8080/", "loopback"),
        ("http://127.0.0.1:9/", "--allow-private-addresses"),
    ],
)
def test_audit_url_internal_needs_the_flag(url: str, says: str, tmp_path: Path) -> None:
    _refused(["audit", "--url", url, "--kind", "mio", "--out", str(tmp_path)], says)


def test_even_with_the_flag_metadata_is_never_allowed(tmp_path: Path) -> None:
    args = ["audit", "--url", "http://169.254.169.254/", "--allow-private-addresses", "--out", str(tmp_path)]
    _refused(args, "only a loopback or private address may be allowed")


@pytest.mark.parametrize(
    "value",
    [
        '{"https://www.gov.kz": "http://169.254.169.254"}',
        '{"https://www.gov.kz": "file:///etc"}',
        '{"https://www.gov.kz": "gopher://127.0.0.1:70"}',
        '{"https://www.gov.kz": "http://10.0.0.5:80"}',
        '{"file:///etc": "http://127.0.0.1:4100"}',
    ],
)
@pytest.mark.parametrize("command", ["crawl", "audit", "nightly", "declare", "recheck"])
def test_replica_map_names_loopback_ports_only(command: str, value: str, tmp_path: Path) -> None:
    args = {
        "crawl": ["crawl", "--body", "kostanay"],
        "audit": ["audit", "--body", "kostanay"],
        "nightly": ["nightly"],
        "declare": ["declare", "--body", "kostanay", str(tmp_path / "report.yaml")],
        "recheck": ["recheck", "--body", "kostanay", "--items", "A14-2.3"],
    }[command]
    (tmp_path / "report.yaml").write_text("{}", encoding="utf-8")
    _refused([*args, "--replica-map", value, "--out", str(tmp_path)], "--replica-map:")


def test_check_page_refuses_what_it_must(tmp_path: Path) -> None:
    _refused(["check-page", "javascript:alert(1)"], "not an http(s) URL")
    _refused(["check-page", "gopher://127.0.0.1:70/"], "only http(s) URLs and local files")
    _refused(["check-page", "http://169.254.169.254/latest/meta-data/"], "--allow-private-addresses")
    _refused(["check-page", "http://169.254.169.254/", "--allow-private-addresses"], "only a loopback or private")
