"""Against the replica world: a demo body's report with exactly two untrue claims yields two
reconciliation entries, archived evidence, and a −0.4 penalty when scored with kz-2025."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import typer
from sqlalchemy import func, select
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from ashyq.base.artifacts import BodyArtifacts as Artifacts
from ashyq.checks.registry import run_checks
from ashyq.declared.reconcile import reporting_facts
from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import score_run
from ashyq.scoring.findings import FindingsFile
from ashyq.store.db import session_scope
from ashyq.store.models import Declaration, Evidence, ReconciliationEntry
from tests.declared.reports import fill_workbook, kostanay_report

AS_OF = "2026-11-20"


@pytest.fixture
def declared_run(tmp_path: Path, db_url: str, cli: typer.Typer, world_urls: dict[str, str]) -> dict[str, object]:
    workbook = tmp_path / "kostanay.xlsx"
    runner = CliRunner()
    made = runner.invoke(
        cli, ["report-template", "--body", "kostanay", "--registry", "demo", "--period", "2026", "-o", str(workbook)]
    )
    assert made.exit_code == 0, made.output
    rows, cover = kostanay_report()
    fill_workbook(workbook, rows, cover)
    args = ["declare", "--body", "kostanay", str(workbook), "--db", db_url, "--out", str(tmp_path / "out"),
            "--replica-map", json.dumps(world_urls)]  # fmt: skip
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    with session_scope(db_url) as session:
        declaration = session.scalars(select(Declaration)).one()
        entries = list(session.scalars(select(ReconciliationEntry)))
        evidence = list(session.scalars(select(Evidence)))
        facts = reporting_facts(session, ["kostanay"])
    return {
        "declaration": declaration,
        "entries": entries,
        "evidence": evidence,
        "facts": facts,
        "out": tmp_path / "out",
    }


def test_two_untrue_claims_two_entries(declared_run: dict[str, object]) -> None:
    entries = declared_run["entries"]
    assert isinstance(entries, list)
    assert len(entries) == 2
    claims = sorted(e.claim for e in entries)
    assert any("HTTP 404" in c for c in claims), claims
    assert any("does not show" in c for c in claims), claims
    assert sorted(e.item for e in entries) == ["T6-4.1", "T7.1-1"]
    assert all(e.evidence_ids for e in entries)
    assert declared_run["facts"] == {"kostanay": 2}


def test_every_fetch_is_archived(declared_run: dict[str, object]) -> None:
    declaration = declared_run["declaration"]
    assert isinstance(declaration, Declaration)
    verdicts = declaration.payload["verification"]["verdicts"]
    assert len(verdicts) == 6
    assert sorted(v["verdict"] for v in verdicts).count("confirmed") == 4
    warc = next(Path(str(declared_run["out"])).glob("runs/*/warc/kostanay.warc.gz"))
    with warc.open("rb") as handle:
        uris = {
            r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(handle) if r.rec_type == "response"
        }
    assert "https://www.kostanay.gov.kz/ru/news/999" in uris  # the real URL, not the replica's
    assert "https://www.kostanay.gov.kz/robots.txt" in uris
    evidence = declared_run["evidence"]
    assert isinstance(evidence, list) and all(e.warc_record_id for e in evidence)


def test_penalty_minus_0_4_with_kz_2025(declared_run: dict[str, object]) -> None:
    declaration = declared_run["declaration"]
    assert isinstance(declaration, Declaration)
    artifacts = Artifacts("kostanay", "mio", as_of=dt.date.fromisoformat(AS_OF), declared=dict(declaration.payload))
    results = run_checks(artifacts)
    findings = [r.as_finding("kostanay") for r in results]
    by_item = {(f["item"], f["lang"]): f for f in findings}
    assert by_item[("T6-3", "ru")]["status"] == "pass"
    assert by_item[("T6-4.1", "ru")]["status"] == "fail"
    assert by_item[("T7.1-1", "ru")]["measured"] == {"numerator": 0, "denominator": 14, "high_publicity_declared": 1}
    edition = load_edition(edition_path("kz-2025"))
    known = {i.id for i in edition.items()}
    document = FindingsFile.model_validate(
        {
            "bodies": [{"id": "kostanay", "kind": "mio"}],
            "findings": [_without_evidence(f) for f in findings if f["item"] in known],
            "reporting_facts": declared_run["facts"],
        }
    )
    scores = score_run(document, edition)
    body = scores.bodies[0]
    assert body.penalty == pytest.approx(0.4)
    assert body.final == pytest.approx(body.total - 0.4)


def test_store_counts_grow_only_by_the_declaration(declared_run: dict[str, object], db_url: str) -> None:
    with session_scope(db_url) as session:
        assert session.scalar(select(func.count()).select_from(Declaration)) == 1


def _without_evidence(finding: dict[str, object]) -> dict[str, object]:
    """The finding as the scorer reads it once stored: evidence by id (none here)."""
    deficiencies = [{**d, "evidence": []} for d in finding["deficiencies"]]  # type: ignore[attr-defined]
    return {**finding, "evidence": [], "deficiencies": deficiencies}
