"""Deleting a run on both engines: every row it owns goes, evidence a kept run cites stays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from store_sample import Sample

from ashyq.store import repository as repo
from ashyq.store.models import (
    Declaration,
    Download,
    Evidence,
    FetchFailure,
    Finding,
    Link,
    Page,
    PortalRecord,
    ReconciliationEntry,
    Run,
    Score,
)
from ashyq.store.retention import PruneResult, delete_runs, plan_prune, remove_run_files
from ashyq.store.vocabulary import EvidenceKind, RunKind, RunStatus


def _later_run_citing(session: Session, sample: Sample) -> Run:
    """A later complete run whose one finding cites the sample run's WARC evidence."""
    later = repo.start_run(
        session, RunKind.NIGHTLY, body_ids=[sample.parent.id], started_at=sample.run.started_at + timedelta(days=1)
    )
    repo.add_evidence(
        session,
        [Evidence(id="ev-later-shot", run_id=later.id, body_id=sample.parent.id, kind=EvidenceKind.SCREENSHOT)],
    )
    finding = Finding(
        run_id=later.id,
        body_id=sample.parent.id,
        item="T7-1",
        lang="kk",
        status="fail",
        deficiencies=[{"message": "жоқ", "evidence": ["ev-warc-0001", "ev-later-shot"]}],
        check_id="content.contacts",
        check_version="1",
    )
    repo.add_findings(session, [finding])
    repo.finish_run(session, later, RunStatus.COMPLETE, finished_at=later.started_at + timedelta(hours=1))
    session.commit()
    return later


def test_deleting_a_run_removes_its_rows_but_keeps_cited_evidence(session: Session, sample: Sample) -> None:
    later = _later_run_citing(session, sample)
    old_id = sample.run.id
    plan = plan_prune(session, keep=1, now=datetime.now(UTC))
    assert [r.id for r in plan.delete] == [old_id]
    result = delete_runs(session, plan.delete)
    session.commit()
    assert result.deleted == [old_id] and result.kept_evidence == ["ev-warc-0001"]
    assert session.get(Run, old_id) is None
    for table in (Finding, Score, Page, PortalRecord, FetchFailure, ReconciliationEntry):
        assert session.scalar(select(func.count()).select_from(table).where(table.run_id == old_id)) == 0
    assert session.scalar(select(func.count()).select_from(Link)) == 0  # through their page
    assert session.scalar(select(func.count()).select_from(Download)) == 0
    kept = session.get(Evidence, "ev-warc-0001")
    assert kept is not None and kept.run_id == later.id and kept.metadata_["captured_in_run"] == old_id
    assert kept.warc_file in result.kept_files
    declaration = session.get(Declaration, sample.declaration.id)
    assert declaration is not None and declaration.run_id is None
    (finding,) = repo.findings_for(session, later.id, sample.parent.id)
    assert sorted(e.id for e in finding.evidence) == ["ev-later-shot", "ev-warc-0001"]


def test_files_of_a_deleted_run_go_except_what_kept_evidence_points_at(tmp_path: Path) -> None:
    run_dir = tmp_path / "runs" / "20261120T020000Z-nightly-a"
    for name in ("warc/minjust.warc.gz", "warc/other.warc.gz", "shots/a.png"):
        (run_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (run_dir / name).write_bytes(b"x" * 10)
    outside = tmp_path / "keep-me.txt"
    outside.write_text("not a run's")
    (run_dir / "link").symlink_to(outside)
    result = PruneResult(
        deleted=["20261120T020000Z-nightly-a", "../../etc"],
        kept_evidence=["e"],
        kept_files={"runs/20261120T020000Z-nightly-a/warc/minjust.warc.gz"},
    )
    remove_run_files(tmp_path, result)
    left = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert left == ["keep-me.txt", "runs/20261120T020000Z-nightly-a/warc/minjust.warc.gz"]
    assert result.files_removed == 3 and result.bytes_freed >= 20  # the symlink itself, not its target
