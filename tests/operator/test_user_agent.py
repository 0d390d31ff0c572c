"""The operator's contact from ashyq.yaml is in the user agent of every request the replica receives,
whichever client sent it: the Scrapy crawl, Chromium (desktop and phones), the declared-link check and
the entity-list sync."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from ashyq_replica import access_log
from ashyq_replica.core import World
from ashyq_replica.declared_reports import declared_report
from ashyq_replica.server import start_world
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.config import operator

CONTACT = "https://audit.mci.gov.kz/ashyq; ashyq-ops@mci.gov.kz"
runner = CliRunner()


@pytest.fixture
def configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "ashyq.yaml"
    path.write_text(f'contact: "{CONTACT}"\n', encoding="utf-8")
    monkeypatch.setenv(operator.CONFIG_VARIABLE, str(path))  # the crawl's child process inherits it
    operator.forget_loaded()
    yield path
    operator.forget_loaded()


@pytest.mark.slow
@pytest.mark.browser
def test_every_request_names_the_operator(configured: Path, tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    world = World(access_log=log)
    out = tmp_path / "out"
    with start_world(world) as served:
        urls = json.dumps(served.urls)
        store = f"sqlite:///{out / 'ashyq.sqlite'}"
        audited = runner.invoke(
            app,
            ["audit", "--url", "https://iac.enbek.kz/", "--kind", "cgo", "--replica-map", urls, "--out", str(out),
             "--db", store],
        )  # fmt: skip
        assert audited.exit_code == 0, audited.output
        report = tmp_path / "mod.yaml"
        report.write_text(yaml.safe_dump(declared_report(world, "mod"), allow_unicode=True), encoding="utf-8")
        declared = runner.invoke(
            app, ["declare", "--body", "mod", str(report), "--registry", "demo", "--replica-map", urls, "--out",
                  str(out), "--db", store],
        )  # fmt: skip
        assert declared.exit_code == 0, declared.output
        synced = runner.invoke(
            app, ["bodies", "sync", "--to", str(tmp_path / "kz.yaml"), "--replica-map", urls, "--out", str(out)]
        )
        assert synced.exit_code == 0, synced.output
    requests = access_log.read(log)
    assert len(requests) > 300
    without = [r for r in requests if CONTACT not in r[3]]
    assert not without, without[:5]
    chromium = [r for r in requests if "Chrome/" in r[3]]
    phones = [r for r in chromium if "Mobile" in r[3]]
    crawler = [r for r in requests if r[3].startswith("ashyq-openness-auditor/")]
    assert chromium and phones and crawler
    assert {r[0] for r in chromium} >= {"iac.enbek.kz"}
    assert any(r[0] == "data.egov.kz" and r[2].startswith("/meta/") for r in crawler)  # the declared-link check
    assert any(r[0] == "www.gov.kz" and r[2] == "/graphql" for r in crawler)  # the sync
