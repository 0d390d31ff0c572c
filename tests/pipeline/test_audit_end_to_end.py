"""A whole audit as a user runs it, on the replica world: harvest → checks → score → reports →
evidence bundle, for a body with a classic website (no browser rendering, so it stays quick)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from ashyq_replica.core import World
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from ashyq.cli import app
from ashyq.store.db import session_scope
from ashyq.store.models import Finding
from ashyq.store.vocabulary import RunStatus
from tests.pipeline.audit_harness import audit_on_replica

runner = CliRunner()


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str]:
    out = tmp_path_factory.mktemp("audit")
    # kostanay submits its Appendix 9 report first (one untrue claim is seeded in it)
    summary, db = audit_on_replica(out, World(), ["kostanay"], declare=True, browser=False, reports=True)
    assert summary.status == RunStatus.COMPLETE, summary.outcomes
    return summary.run_id, out, db


@pytest.mark.slow
def test_findings_carry_evidence_and_the_score_is_honest(audited: tuple[str, Path, str]) -> None:
    run_id, out, db = audited
    with session_scope(db) as session:
        findings = session.query(Finding).filter(Finding.run_id == run_id).all()
        assert len(findings) > 100
        for f in findings:
            if f.status in ("pass", "fail", "partial"):
                cited = list(f.evidence) or [e for d in f.deficiencies for e in d.get("evidence", [])]
                assert cited, (f.item, f.lang, f.status)
            if f.status == "not_assessed":
                assert f.reason
    scores = json.loads((out / "runs" / run_id / "scores.json").read_text(encoding="utf-8"))
    kostanay = scores["bodies"][0]
    # a partial audit (no browser, no declared report): points earned, the rest reported as not assessed
    assert 10 < kostanay["total"] < 90
    assert 0 < kostanay["not_assessed"] < 100 and 0 < kostanay["coverage"] < 1
    assert kostanay["level_best_case"] != "" and kostanay["interpretations"]
    # the declared report was verified: its one untrue fact costs 0.2 (the reconciliation act)
    assert kostanay["penalty"] == pytest.approx(0.2)
    declared = [f for f in findings_of(db, run_id) if f.check_id.startswith("declared")]
    assert declared and any(f.status in ("pass", "partial") for f in declared)


def findings_of(db: str, run_id: str) -> list[Finding]:
    with session_scope(db) as session:
        rows = session.query(Finding).filter(Finding.run_id == run_id).all()
        session.expunge_all()
        return rows


@pytest.mark.slow
def test_reports_are_written(audited: tuple[str, Path, str]) -> None:
    run_id, out, _ = audited
    run_dir = out / "runs" / run_id
    assert (run_dir / "dashboard" / "index.html").exists()
    for lang in ("ru", "kk"):
        html = (run_dir / "conclusions" / f"conclusion-kostanay-{lang}.html").read_text(encoding="utf-8")
        assert ("Қостанай" in html) if lang == "kk" else ("Костанай" in html)
        assert (run_dir / "conclusions" / f"conclusion-kostanay-{lang}.pdf").stat().st_size > 1000
    assert (run_dir / "exports" / "run.xlsx").exists() and (run_dir / "disagreements" / "kostanay.xlsx").exists()
    assert (out / "latest").resolve() == run_dir.resolve()


@pytest.fixture(scope="module")
def exported(audited: tuple[str, Path, str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """kostanay's package exported right after the audit (before any re-check), and its key."""
    run_id, out, db = audited
    folder = tmp_path_factory.mktemp("package")
    bundle, key = folder / "kostanay.wacz", folder / "operator.key"
    assert runner.invoke(app, ["evidence", "keygen", "-o", str(key), "--signer", "Test operator"]).exit_code == 0
    args = ["evidence", "export", "--run", run_id, "--body", "kostanay", "-o", str(bundle), "--key", str(key)]
    made = runner.invoke(app, [*args, "--db", db, "--data", str(out)])
    assert made.exit_code == 0, made.output
    return bundle, key


@pytest.mark.slow
def test_evidence_bundle_round_trip(exported: tuple[Path, Path]) -> None:
    bundle, key = exported
    with zipfile.ZipFile(bundle) as z:
        names = z.namelist()
        records = list(ArchiveIterator(z.open("archive/data.warc.gz")))
    assert {"datapackage.json", "datapackage-digest.json", "indexes/index.cdx.gz", "pages/pages.jsonl"} <= set(names)
    assert "evidence/findings.json" in names and "evidence/conclusion-kk.html" in names
    assert any(r.rec_type == "response" for r in records)
    ok = runner.invoke(app, ["evidence", "verify", str(bundle), "--key", f"{key}.pub"])
    assert ok.exit_code == 0 and ok.output.startswith("OK signed by Test operator"), ok.output
    # a standard WACZ validator accepts the package of a real audit
    validated = subprocess.run(
        [sys.executable, "-m", "wacz", "validate", "-f", str(bundle)], capture_output=True, text=True, timeout=300
    )
    assert validated.returncode == 0, validated.stdout + validated.stderr


@pytest.mark.slow
def test_checks_rerun_over_the_store(audited: tuple[str, Path, str], exported: tuple[Path, Path]) -> None:
    run_id, out, db = audited
    bundle, key = exported  # exported before the re-check
    result = runner.invoke(app, ["check", "--run", run_id, "--db", db, "--out", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "kostanay" in result.output
    # the re-check wrote a new revision; the package made before it is self-contained and still holds
    ok = runner.invoke(app, ["evidence", "verify", str(bundle), "--key", f"{key}.pub"])
    assert ok.exit_code == 0 and ok.output.startswith("OK signed by Test operator"), ok.output
    # the dashboard lists both revisions of kostanay's findings: the audit's and the re-check's
    site = out / "site-after-check"
    made = runner.invoke(app, ["report", "dashboard", "--run", run_id, "-o", str(site), "--data", str(out), "--db", db])
    assert made.exit_code == 0, made.output
    page = (site / "bodies" / "kostanay.html").read_text(encoding="utf-8")
    table = page.split('id="revisions"', 1)[1].split("</table>", 1)[0]
    assert re.findall(r'data-revision="(\d+)"', table) == ["1", "2"]
    assert 'class="current" data-revision="2"' in table


def test_audit_by_url_refuses_a_loopback_site_without_the_flag(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", "--url", "http://127.0.0.1:9/", "--kind", "mio", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--allow-private-addresses" in result.output


@pytest.mark.slow
def test_a_body_whose_checks_fail_is_recorded_and_the_run_is_partial(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ashyq.pipeline.stages as pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the store went away")

    monkeypatch.setattr(pipeline, "load_artifacts", broken)
    summary, _ = audit_on_replica(
        tmp_path, World(), ["kostanay"], max_pages=10, browser=False, reports=False, spiders=["site"]
    )
    assert summary.status == RunStatus.PARTIAL and summary.exit_code == 1
    assert summary.outcomes["kostanay"].startswith("checks failed: RuntimeError")
