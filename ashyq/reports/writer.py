"""Every report of a run, written where a user expects them:

<out>/runs/<run>/dashboard/index.html        the static site (ranking, bodies, findings, evidence)
<out>/runs/<run>/conclusions/<body>-<lang>.*  the conclusion (Appendix 8), HTML and PDF, ru and kk
<out>/runs/<run>/disagreements/<body>.xlsx    the appeal form, pre-filled
<out>/runs/<run>/exports/run.{xlsx,json}, ranking.csv
<out>/latest                                  → the newest run's folder
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ashyq.reports.body_report import ReportError, load_body_report
from ashyq.reports.conclusion import write_conclusion
from ashyq.reports.dashboard import build_dashboard
from ashyq.reports.disagreement import write_disagreement_table
from ashyq.reports.exports import export_run
from ashyq.store.db import session_scope

LANGUAGES = ("ru", "kk")


def write_run_reports(
    run_id: str, body_ids: list[str], out_dir: Path, db_url: str | None, pdf: bool = True
) -> dict[str, str]:
    """Write the run's reports; returns what was written by name (dashboard, exports, folders)."""
    run_dir = out_dir / "runs" / run_id
    written: dict[str, str] = {}
    with session_scope(db_url) as session:
        for body_id in body_ids:
            try:
                report = load_body_report(session, run_id, body_id)
            except ReportError:
                continue  # a body without a score (its harvest failed): the ranking says so
            for lang in LANGUAGES:
                write_conclusion(report, lang, run_dir / "conclusions", pdf=pdf)
            write_disagreement_table(report, "ru", run_dir / "disagreements" / f"{body_id}.xlsx")
        written["conclusions"] = str(run_dir / "conclusions")
        written["disagreement tables"] = str(run_dir / "disagreements")
        exports = run_dir / "exports"
        export_run(session, run_id, "xlsx", exports / "run.xlsx")
        export_run(session, run_id, "json", exports / "run.json")
        export_run(session, run_id, "csv", exports / "ranking.csv", table="ranking")
        written["exports"] = str(exports)
        written["dashboard"] = str(build_dashboard(session, run_id, out_dir, run_dir / "dashboard", "ru"))
    _point_latest(out_dir, run_dir)
    return written


def _point_latest(out_dir: Path, run_dir: Path) -> None:
    link = out_dir / "latest"
    with contextlib.suppress(OSError):
        if link.is_symlink() or link.exists():
            link.unlink()
        os.symlink(os.path.relpath(run_dir, out_dir), link)
