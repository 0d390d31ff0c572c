"""``ashyq runs prune``: old runs go, rows and files, but evidence a kept run cites stays, and the
kept run's dashboard and evidence bundle are whole afterwards."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from reports_sample import ReportStore, build_report_store
from sqlalchemy import func, insert, select, text
from typer.testing import CliRunner

from ashyq.cli.report import evidence_app, report_app
from ashyq.cli.runs import runs_app
from ashyq.store import repository as repo
from ashyq.store import session_scope
from ashyq.store.models import (
    Declaration,
    Evidence,
    FetchFailure,
    Finding,
    Page,
    PortalRecord,
    ReconciliationEntry,
    Run,
    Score,
    finding_evidence,
)
from ashyq.store.retention import plan_prune
from ashyq.store.vocabulary import RunKind

CARRIED = "old-enbek-page"  # the old run's archived page, cited by a finding of the new run


@pytest.fixture
def store(tmp_path: Path) -> ReportStore:
    built = build_report_store(tmp_path / "store")
    with session_scope(built.url) as session:
        # A finding of the new run that cites the old run's capture, as a finding carried forward
        # from an unchanged page does.
        finding_id = session.scalar(
            select(Finding.id).where(Finding.run_id == built.new.id, Finding.body_id == "enbek", Finding.item == "T7-1")
        )
        session.execute(insert(finding_evidence), [{"finding_id": finding_id, "evidence_id": CARRIED}])
    return built


def _invoke(app: object, store: ReportStore, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--db", store.url])  # type: ignore[arg-type]
    return result.exit_code, result.output  # stdout and stderr


def test_prune_deletes_the_old_run_but_keeps_what_a_kept_run_cites(store: ReportStore, tmp_path: Path) -> None:
    out = store.out_dir
    old_dir, new_dir = out / "runs" / store.old.id, out / "runs" / store.new.id
    new_files = sorted(p.relative_to(out) for p in new_dir.rglob("*") if p.is_file())
    code, output = _invoke(runs_app, store, "prune", "--keep", "1", "--data", str(out), "--lang", "en")
    assert code == 0, output
    assert f"Deleted run {store.old.id}" in output and "a kept run cites it: 1" in output
    with session_scope(store.url) as session:
        assert session.get(Run, store.old.id) is None and session.get(Run, store.new.id) is not None
        for table in (Page, Finding, Score, Evidence, FetchFailure, PortalRecord, ReconciliationEntry):
            left = session.scalar(select(func.count()).select_from(table).where(table.run_id == store.old.id))
            assert left == 0, table.__name__
        carried = session.get(Evidence, CARRIED)
        assert carried is not None and carried.run_id == store.new.id
        assert carried.metadata_["captured_in_run"] == store.old.id
        assert session.get(Evidence, "old-enbek-shot") is None and session.get(Evidence, "old-astana-page") is None
        # the body's declaration outlives the run that loaded it
        assert session.scalar(select(func.count()).select_from(Declaration).where(Declaration.run_id.is_(None))) == 1
        assert list(session.execute(text("PRAGMA foreign_key_check"))) == []
        assert len(repo.findings_for(session, store.new.id, "enbek")) > 50
    # files: the cited WARC stays where its row says, the rest of the old run's folder is gone
    assert (out / carried.warc_file).is_file()
    assert sorted(p.relative_to(out) for p in old_dir.rglob("*") if p.is_file()) == [Path(carried.warc_file)]
    assert sorted(p.relative_to(out) for p in new_dir.rglob("*") if p.is_file()) == new_files

    # the kept run's dashboard, re-opened: every link resolves, the carried capture is replayed
    site = tmp_path / "site"
    code, output = _invoke(report_app, store, "dashboard", "--run", "last", "-o", str(site), "--data", str(out))
    assert code == 0, output
    for page in site.rglob("*.html"):
        if page.parent.name == "archive":
            continue
        for target in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            if not target.startswith(("http://", "https://")):
                assert (page.parent / target.partition("#")[0]).resolve().exists(), (page, target)
    old_record = store.old.record_ids["enbek"].strip("<>")  # shown escaped
    citing = [p for p in (site / "findings").glob("*.html") if old_record in p.read_text(encoding="utf-8")]
    assert len(citing) == 1
    replayed = re.findall(r'src="(\.\./archive/[^"]+)"', citing[0].read_text(encoding="utf-8"))
    assert replayed and all((citing[0].parent / src).is_file() for src in replayed)

    # and its evidence bundle verifies, with nothing missing
    bundle = tmp_path / "enbek.zip"
    args = ["export", "--run", store.new.id, "--body", "enbek", "-o", str(bundle), "--data", str(out)]
    code, output = _invoke(evidence_app, store, *args)
    assert code == 0 and "not in the bundle" not in output, output
    result = CliRunner().invoke(evidence_app, ["verify", str(bundle)])
    assert result.exit_code == 0 and result.output.strip() == "OK"


def test_what_prune_chooses(store: ReportStore) -> None:
    now = datetime(2026, 11, 22, tzinfo=UTC)
    with session_scope(store.url) as session:
        running = repo.start_run(session, RunKind.NIGHTLY, started_at=datetime(2026, 1, 1, tzinfo=UTC))
        plan = plan_prune(session, keep=1, now=now)
        assert [r.id for r in plan.delete] == [store.old.id]  # never the running one, never the last complete
        assert running.id in {r.id for r in plan.keep}
        assert plan_prune(session, older_than=timedelta(days=40), now=now).delete == []  # the old run is 33 days old
        assert [r.id for r in plan_prune(session, older_than=timedelta(days=30), now=now).delete] == [store.old.id]
        # both: beyond the newest one AND older than a year → nothing
        assert plan_prune(session, keep=1, older_than=timedelta(days=365), now=now).delete == []
        # the last complete run survives even a zero age limit
        assert [r.id for r in plan_prune(session, older_than=timedelta(0), now=now).delete] == [store.old.id]
    code, output = _invoke(runs_app, store, "prune", "--keep", "1", "--dry-run", "--lang", "kk")
    assert code == 0 and f"{store.old.id} іске қосуы жойылады" in output
    with session_scope(store.url) as session:
        assert session.get(Run, store.old.id) is not None  # a dry run deletes nothing
    assert _invoke(runs_app, store, "prune")[0] == 2
    assert _invoke(runs_app, store, "prune", "--keep", "0")[0] == 2
