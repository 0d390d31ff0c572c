"""A body's revisions of findings as the dashboard lists them: which command wrote each, when, and
which outcomes changed from the revision before; the earlier revision's rows stay as they were."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ashyq.base.evidence import EvidenceRef
from ashyq.checks.result import Result
from ashyq.crawler.storing import store_body
from ashyq.pipeline.results import save_results
from ashyq.reports.revisions import OutcomeChange, finding_revisions
from ashyq.store import repository as repo
from ashyq.store.bodies import load_registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.models import Finding
from ashyq.store.vocabulary import RunKind

PAGE = EvidenceRef(url="https://www.enbek.kz/ru/", kind="page")


def _result(item: str, lang: str | None, status: str) -> Result:
    return Result(item, lang, status, evidence=[PAGE], check=f"{item}-check@1")  # type: ignore[arg-type]


def test_revisions_name_their_command_time_and_changes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ashyq.sqlite'}"
    ensure_schema(url)
    body = next(b for b in load_registry("demo").bodies if b.id == "enbek")
    started = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
    with session_scope(url) as session:
        repo.upsert_bodies(session, [store_body(body)])
        run = repo.start_run(session, RunKind.AUDIT, body_ids=["enbek"], edition="kz-2025", started_at=started)
        save_results(session, run, "enbek", [_result("A14-2.5", None, "pass"), _result("T1-1", "kk", "fail")])
        assert [(v.number, v.command, v.changes) for v in finding_revisions(session, run, "enbek")] == [
            (1, "audit", [])
        ]
        save_results(
            session,
            run,
            "enbek",
            [_result("A14-2.5", None, "fail"), _result("T1-1", "kk", "fail"), _result("T1-1", "ru", "pass")],
            revision=2,
        )
        run.settings = {"revisions": [{"revision": 2, "at": "2026-11-21T09:30:00+00:00", "command": "check"}]}
        session.flush()
        first, second = finding_revisions(session, run, "enbek")
        assert (first.number, first.command, first.at, first.findings, first.newest) == (1, "audit", started, 2, False)
        assert (second.number, second.command, second.findings, second.newest) == (2, "check", 3, True)
        assert second.at == datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
        assert second.changes == [
            OutcomeChange("A14-2.5", None, "pass", "fail"),
            OutcomeChange("T1-1", "ru", None, "pass"),
        ]
        # the audit's revision is still there as it was written
        kept = session.query(Finding).filter_by(run_id=run.id, revision=1).all()
        assert sorted((f.item, f.status) for f in kept) == [("A14-2.5", "pass"), ("T1-1", "fail")]
