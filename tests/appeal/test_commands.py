"""Part E: the commands keep the run's own terms — the averages a single-body audit borrows, what
``ashyq check`` re-runs under and where it writes, what ``--run last`` means, when a body's harvest is
complete — and a wrong edition or an empty store is a usage error, not a traceback."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.crawler.runner import _outcome
from ashyq.crawler.storing import store_body
from ashyq.pipeline.run_scores import last_run_with_averages
from ashyq.store import repository as repo
from ashyq.store.bodies import load_registry
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.models import Finding, Run, Score
from ashyq.store.vocabulary import RunKind, RunStatus

runner = CliRunner()
T0 = datetime(2026, 11, 1, tzinfo=UTC)


def _store(tmp_path: Path, registry: str = "demo") -> str:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    ensure_schema(db)
    with session_scope(db) as session:
        repo.upsert_bodies(session, [store_body(b) for b in load_registry(registry).bodies])
    return db


def _run(
    session: Any,
    kind: RunKind,
    minutes: int,
    settings: dict[str, Any],
    status: RunStatus = RunStatus.COMPLETE,
    body_ids: tuple[str, ...] = ("enbek",),
) -> Run:
    run = repo.start_run(
        session,
        kind,
        body_ids=body_ids,
        edition="kz-2025",
        as_of=date(2026, 11, 20),
        settings=settings,
        started_at=T0 + timedelta(minutes=minutes),
    )
    if status is not RunStatus.RUNNING:
        repo.finish_run(session, run, status, finished_at=T0 + timedelta(minutes=minutes + 1))
    return run


def test_a_single_body_audit_borrows_only_from_a_complete_run_of_its_whole_registry(tmp_path: Path) -> None:
    db = _store(tmp_path)
    averages = {"kz-2025": {"cgo:T6-3|kk": 1.5}}
    with session_scope(db) as session:
        lender = _run(session, RunKind.NIGHTLY, 0, {"registry": "demo", "whole_registry": True, "averages": averages})
        # newer, but each unfit: empty averages (an audit by URL), another registry, one body only,
        # a partial run, and a run that has averages under another edition only
        _run(session, RunKind.URL, 10, {"registry": "demo", "whole_registry": True, "averages": {"kz-2025": {}}})
        _run(session, RunKind.NIGHTLY, 20, {"registry": "kz", "whole_registry": True, "averages": averages})
        _run(session, RunKind.AUDIT, 30, {"registry": "demo", "whole_registry": False, "averages": averages})
        _run(
            session,
            RunKind.NIGHTLY,
            40,
            {"registry": "demo", "whole_registry": True, "averages": averages},
            RunStatus.PARTIAL,
        )
        _run(session, RunKind.DEMO, 50, {"registry": "demo", "whole_registry": True, "averages": {"kz-2017": {"x": 1}}})
        this = _run(session, RunKind.AUDIT, 60, {"registry": "demo"}, RunStatus.RUNNING)
        found = last_run_with_averages(session, this.id, "demo", "kz-2025")
        assert found is not None and found.id == lender.id
        assert last_run_with_averages(session, this.id, "demo-2", "kz-2025") is None


def _stored_run(db: str) -> str:
    """A finished kz run of the Ministry of Defence (tag defence), with its audit's own findings and
    score as revision 1, the option it chose and the CGO averages it borrowed."""
    with session_scope(db) as session:
        run = _run(
            session,
            RunKind.AUDIT,
            0,
            {
                "registry": "kz",
                "edition": "kz-2025",
                "options": {"dialogue-defence-award": "cgo-average", "media-d-gaps": "round-half-up"},
                "averages_borrowed": {"kz-2025": {"cgo:T6-3|kk": 1.25, "cgo:T6-3|ru": 0.75}},
                "averages_from": "20261101T000000Z-nightly-lender",
            },
            body_ids=("mod",),
        )
        session.add(
            Finding(
                run_id=run.id,
                body_id="mod",
                item="T1-1",
                lang="kk",
                status="not_assessed",
                reason="the audit's own",
                check_id="audit",
                check_version="1",
            )
        )
        session.add(
            Score(
                run_id=run.id,
                body_id="mod",
                edition="kz-2025",
                points=1,
                max_points=100,
                max_assessed=1,
                max_not_assessed=99,
                total=1,
                final=1,
                level="ineffective",
            )
        )
        return run.id


def test_check_reruns_as_the_run_was_made_and_writes_a_new_revision(tmp_path: Path) -> None:
    db = _store(tmp_path, "kz")
    run_id = _stored_run(db)
    result = runner.invoke(app, ["check", "--run", run_id, "--db", db, "--out", str(tmp_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "revision 2" in result.output and "registry kz" in result.output
    with session_scope(db) as session:
        # the audit's revision is kept; the new one is what readers see
        first = session.scalars(select(Finding).where(Finding.run_id == run_id, Finding.revision == 1)).all()
        assert [f.reason for f in first] == ["the audit's own"]
        newest = repo.findings_for(session, run_id, "mod")
        assert newest and {f.revision for f in newest} == {2}  # the kz body was checked (not the demo registry)
        scores = repo.scores_for(session, run_id, "kz-2025")
        assert [s.revision for s in scores] == [2]
        assert {"id": "media-d-gaps", "option": "round-half-up"} in scores[0].interpretations_applied
        borrowed = {(b["item"], b["lang"]): b for b in scores[0].averages_borrowed}
        assert borrowed[("T6-3", "kk")]["points"] == 1.25 and borrowed[("T6-3", "ru")]["points"] == 0.75
        assert "20261101T000000Z-nightly-lender" in borrowed[("T6-3", "kk")]["from"]
        kept = session.scalars(select(Score.revision).where(Score.run_id == run_id, Score.edition == "kz-2025"))
        assert sorted(kept) == [1, 2]  # both revisions
        run = session.get(Run, run_id)
        assert run is not None and run.settings["revisions"][-1]["revision"] == 2
    again = runner.invoke(app, ["check", "--run", run_id, "--db", db, "--out", str(tmp_path)], env={"COLUMNS": "200"})
    assert again.exit_code == 0 and "revision 3" in again.output


def test_run_last_is_the_last_complete_run_for_every_command(tmp_path: Path) -> None:
    db = _store(tmp_path, "kz")
    complete = _stored_run(db)
    with session_scope(db) as session:
        started_later = _run(session, RunKind.AUDIT, 90, {"registry": "kz"}, RunStatus.RUNNING, ("mod",))
        assert repo.run_by_reference(session, "last").id == complete  # type: ignore[union-attr]
        assert started_later.id != complete
    result = runner.invoke(app, ["check", "--run", "last", "--db", db, "--out", str(tmp_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"checks of run {complete}" in " ".join(result.output.split())


def test_a_body_with_portal_records_and_no_page_of_its_website_is_not_complete(tmp_path: Path) -> None:
    harvested = {"pages": 0, "records": 40, "failures": 12, "reasons": {"antibot": 12}, "finish": {}}
    outcome = _outcome("enbek", harvested, ["govkz", "govkz_render", "dataegov"], 0, tmp_path, "run")
    assert outcome.status == "failed" and "no page of the website" in (outcome.reason or "")
    portals_only = _outcome("zqai", harvested, ["dataegov", "dialog"], 0, tmp_path, "run")
    assert portals_only.status == "complete"  # nothing of a website was to be read


def test_an_unknown_edition_or_an_empty_store_is_a_usage_error(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    calls = [
        ["check", "--db", db, "--out", str(tmp_path)],
        ["report", "conclusion", "--run", "last", "--body", "enbek", "-o", str(tmp_path / "c"), "--db", db],
        [
            "evidence",
            "export",
            "--run",
            "last",
            "--body",
            "enbek",
            "--unsigned",
            "-o",
            str(tmp_path / "e.wacz"),
            "--db",
            db,
        ],
        ["audit", "--body", "enbek", "--edition", "kz-2099", "--db", db, "--out", str(tmp_path)],
        ["nightly", "--edition", "kz-2099", "--db", db, "--out", str(tmp_path)],
        ["nightly", "--option", "media-d-gaps=sometimes", "--db", db, "--out", str(tmp_path)],
    ]
    for args in calls:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.output
    assert "no complete run" in runner.invoke(app, calls[0]).output
    assert "kz-2099" in runner.invoke(app, calls[3]).output
