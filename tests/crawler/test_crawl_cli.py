"""``ashyq crawl`` as a person runs it: exit codes, messages, the summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from ashyq.cli.crawl import crawl_command

app = typer.Typer()
app.command()(crawl_command)
runner = CliRunner()


def test_unknown_body_is_a_usage_error_that_names_the_known_ones() -> None:
    result = runner.invoke(app, ["--body", "nosuch", "--replica-map", '{"https://www.gov.kz": "http://127.0.0.1:9"}'])
    assert result.exit_code == 2
    assert "unknown body nosuch" in result.output and "kostanay" in result.output


def test_body_or_all_is_required() -> None:
    assert runner.invoke(app, []).exit_code == 2
    assert runner.invoke(app, ["--all", "--body", "zqai"]).exit_code == 2


def test_a_bad_replica_map_is_a_usage_error() -> None:
    result = runner.invoke(app, ["--body", "zqai", "--replica-map", "[1, 2]"])
    assert result.exit_code == 2 and "--replica-map" in result.output


def test_crawl_of_a_replica_body_completes(world_urls: dict[str, str], tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["--body", "zqai", "--spider", "site", "--replica-map", json.dumps(world_urls), "--out", str(tmp_path),
         "--db", f"sqlite:///{tmp_path / 'store.sqlite'}"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "завершён" in result.output and "zqai" in result.output  # the run's status in the default language (ru)
    summaries = list(tmp_path.glob("runs/*/summary.json"))
    assert len(summaries) == 1 and json.loads(summaries[0].read_text())["bodies"]["zqai"]["pages"] == 26


def test_a_body_harvested_says_why_its_addresses_were_not_fetched(capsys: pytest.CaptureFixture[str]) -> None:
    from ashyq.cli.audit import StageProgress

    StageProgress()(
        "crawl-progress",
        {
            "event": "body_done",
            "body": "audan",
            "pages": 52,
            "records": 0,
            "failures": 20,
            "reasons": {"http_status": 2, "offsite": 16, "robots": 2},
        },
    )
    said = " ".join(capsys.readouterr().err.split())
    assert "harvested audan: 52 pages, 0 records, 20 not fetched (16 offsite, 2 http_status, 2 robots)" in said
