"""The commands' tables in the tables' language (here Kazakh, from $ASHYQ_LANG): headers, kinds,
statuses, roles and reasons from the catalogues, never the English codes. One test per family: the
registry's bodies, the accounts, a harvest and a monitoring night (their tables printed from the
summaries the commands get)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ashyq.cli.application import app
from ashyq.cli.audit import print_monitor_night
from ashyq.cli.crawl import _print_summary, _table
from ashyq.crawler.runner import BodyOutcome, CrawlSummary
from ashyq.pipeline.accounts import add_account
from ashyq.pipeline.monitor_output import MonitorSummary
from ashyq.store import session_scope
from ashyq.store.db import ensure_schema
from ashyq.store.vocabulary import RunStatus

KAZAKH = {"ASHYQ_LANG": "kk"}


@pytest.fixture
def kazakh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASHYQ_LANG", "kk")


def _codes(text: str, *codes: str) -> list[str]:
    return [code for code in codes if re.search(rf"\b{re.escape(code)}\b", text)]


def test_bodies_list_in_kazakh() -> None:
    shown = CliRunner().invoke(app, ["bodies", "list", "demo"], env=KAZAKH, terminal_width=400)
    assert shown.exit_code == 0, shown.output
    assert "demo тізілімі" in shown.output and "Түрі" in shown.output and "Санаты" in shown.output
    assert "ОМО" in shown.output and "бағаланады" in shown.output
    assert not _codes(shown.output, "CGO", "MIO", "evaluated", "monitored", "kind", "category")


def test_users_list_in_kazakh(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ashyq.sqlite'}"
    ensure_schema(url)
    with session_scope(url) as session:
        add_account(session, "aigerim", "verifier", "x" * 12, None, False, language="kk")
    shown = CliRunner().invoke(app, ["users", "list", "--db", url], env=KAZAKH, terminal_width=200)
    assert shown.exit_code == 0, shown.output
    assert "Есептік жазба" in shown.output and "белсенді" in shown.output
    assert not _codes(shown.output, "verifier", "active", "disabled", "Role")


def test_a_harvest_in_kazakh(kazakh: None, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    outcome = BodyOutcome("enbek", "failed", None, pages=0, records=1, failures=3, reasons={"timeout": 2, "robots": 1})
    _print_summary(CrawlSummary("r1", RunStatus.PARTIAL, {"enbek": outcome}, tmp_path, 1))
    printed = capsys.readouterr().out
    assert "Беттер" in printed and "күту уақыты өтті 2" in printed and "robots.txt тыйым салған 1" in printed
    assert not _codes(printed, "failed", "partial", "timeout", "pages", "failures")
    from rich.console import Console

    console = Console(width=200, record=True)
    console.print(_table({"enbek": {"pages": 1, "reasons": {"antibot": 1}}}, {"enbek"}))
    live = console.export_text()
    assert "боттардан қорғаныс жауабы 1" in live and "дайын" in live and not _codes(live, "antibot", "done")


def test_a_monitoring_night_in_kazakh(kazakh: None, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    night = MonitorSummary("m1", date(2026, 11, 24), 40, [], ["enbek"], 12, True, [], tmp_path / "monitor.json")
    (tmp_path / "monitor.kk.html").write_text("<!doctype html>", encoding="utf-8")
    print_monitor_night(night)
    printed = capsys.readouterr().out
    assert "МОНИТОРИНГІ" in printed and "бірінші түн" in printed and "0,3" in printed
    assert "мониторинг беті:" in printed and "monitor.kk.html" in printed
    assert not _codes(printed, "MONITORING", "entities", "silent", "requests", "monitoring page")


@pytest.mark.slow
def test_check_page_in_kazakh(tmp_path: Path) -> None:
    """A local page checked: the title, headers and statuses in the tables' language (the checks' own
    reasons are the checks' text)."""
    page = tmp_path / "page.html"
    page.write_text('<!doctype html><html lang="kk"><head><title>Бет</title></head><body><h1>Сәлем</h1></body></html>')
    shown = CliRunner().invoke(app, ["check-page", str(page)], env=KAZAKH, terminal_width=300)
    assert shown.exit_code == 0, shown.output
    assert "14-қосымша" in shown.output and "Әдістеме тармағы" in shown.output and "Нәтиже" in shown.output
    assert "орындалмады" in shown.output and "бағаланбады" in shown.output
    assert not _codes(shown.output, "not_assessed", "not_applicable", "Status", "Item")
