"""``ashyq report conclusion|export|disagreements``: files written, usage errors exit 2."""

from __future__ import annotations

from pathlib import Path

from reports_sample import ReportStore
from typer.testing import CliRunner

from ashyq.cli.report import report_app


def _invoke(store: ReportStore, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(report_app, [*args, "--db", store.url])
    return result.exit_code, result.output


def test_conclusion_html_in_russian_and_kazakh(report_store: ReportStore, tmp_path: Path) -> None:
    code, output = _invoke(
        report_store, "conclusion", "--run", "last", "--body", "astana", "-o", str(tmp_path), "--no-pdf"
    )
    assert code == 0, output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conclusion-astana-kk.html", "conclusion-astana-ru.html"]
    kk = (tmp_path / "conclusion-astana-kk.html").read_text(encoding="utf-8")
    assert "Астана қаласының әкімдігі" in kk and "Жергілікті атқарушы органның" in kk


def test_exports_and_disagreements(report_store: ReportStore, tmp_path: Path) -> None:
    for fmt in ("xlsx", "csv", "json"):
        code, output = _invoke(
            report_store, "export", "--run", report_store.new.id, "--format", fmt, "-o", str(tmp_path / f"run.{fmt}")
        )
        assert code == 0, output
        assert (tmp_path / f"run.{fmt}").stat().st_size > 200
    code, output = _invoke(
        report_store,
        "disagreements",
        "--run",
        report_store.new.id,
        "--body",
        "adilet",
        "--lang",
        "kk",
        "-o",
        str(tmp_path / "appeal.xlsx"),
    )
    assert code == 0, output and (tmp_path / "appeal.xlsx").exists()


def test_unknown_run_or_body_is_a_usage_error(report_store: ReportStore, tmp_path: Path) -> None:
    code, _ = _invoke(report_store, "conclusion", "--run", "no-such-run", "--body", "enbek", "-o", str(tmp_path))
    assert code == 2
    code, _ = _invoke(report_store, "dashboard", "--run", "no-such-run", "-o", str(tmp_path))
    assert code == 2
    code, _ = _invoke(report_store, "conclusion", "--run", report_store.new.id, "--body", "nobody", "-o", str(tmp_path))
    assert code == 2
