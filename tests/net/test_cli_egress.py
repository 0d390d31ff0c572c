"""What an operator types that would send the auditor somewhere it must not go is refused at once:
one line naming the problem, exit code 2, no traceback, nothing stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
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


# The child: `ashyq check-page TARGET` under a 1 GB address-space cap, so a reader without a bound
# fails this test with a MemoryError instead of taking the machine's memory.
CHECK_PAGE_CHILD = """
import resource, runpy, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
sys.argv = ["ashyq", "check-page", sys.argv[1]]
runpy.run_module("ashyq", run_name="__main__")
"""


@pytest.mark.parametrize("kind", ["device", "device as file:// URL", "named pipe", "sparse 11 MB file"])
def test_check_page_reads_a_local_file_only_when_regular_and_bounded(kind: str, tmp_path: Path) -> None:
    """A local page is read like the browser reads one: a regular file of at most 10 MB. /dev/zero has
    no end and a pipe without a writer blocks: both used to be read without a bound."""
    target = {"device": "/dev/zero", "device as file:// URL": "file:///dev/zero"}.get(kind, str(tmp_path / "page"))
    if kind == "named pipe":
        os.mkfifo(target)
    elif kind.startswith("sparse"):
        with open(target, "wb") as handle:
            handle.truncate(11 * 1024 * 1024)  # no disk used: a hole of 11 MB
    result = subprocess.run(
        [sys.executable, "-c", CHECK_PAGE_CHILD, target], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2, result.stdout + result.stderr[-2000:]
    says = "is larger than 10 MB" if kind.startswith("sparse") else "is not a regular file"
    assert says in result.stderr and "Traceback" not in result.stderr, result.stderr[-2000:]
