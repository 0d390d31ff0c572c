"""Exports of a run: XLSX (ranking, criteria, findings, reconciliation act), CSV of one table, JSON.

The tables are built once as rows of plain values and written by each format, so the XLSX sheet
and the CSV of the same table always agree. The JSON schema (``ashyq-report/1``) is documented in
docs/reports.md.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from ashyq import __version__
from ashyq.base.cells import Cell, safe_cell
from ashyq.base.period import ReportingPeriod
from ashyq.reports.body_report import BodyReport, EvidenceView, ItemResult, load_body_report, reconciliation_for
from ashyq.reports.conclusion import body_name, is_monitoring, purpose_note, run_period
from ashyq.reports.i18n import catalogue
from ashyq.reports.questions import decided_text, question_text
from ashyq.reports.ranking import RankedBody, ranking, run_or_fail
from ashyq.reports.wording import deficiency_in, reason_in
from ashyq.store.models import Run

TableName = Literal["ranking", "criteria", "findings", "reconciliation"]
TABLES: tuple[TableName, ...] = ("ranking", "criteria", "findings", "reconciliation")
JSON_FORMAT = "ashyq-report/1"


@dataclass
class Table:
    name: str  # a TableName for a run's export
    title: str  # the sheet name, in the report's language
    headers: list[str]
    rows: list[list[Cell]]


@dataclass
class RunData:
    """Everything the exports of a run read, loaded once."""

    run_id: str
    ranked: list[RankedBody]
    reports: list[BodyReport]
    reconciliation: list[tuple[Any, Any]]
    period: ReportingPeriod | None = None
    # what the run is, in each language: an assessment, or monitoring of a period to date (no level)
    purpose: dict[str, str] = field(default_factory=dict)
    monitoring: bool = False


def load_run_data(session: Session, run_id: str) -> RunData:
    run = run_or_fail(session, run_id)
    ranked = ranking(session, run)
    reports = [load_body_report(session, run.id, r.body.id) for r in ranked]
    purpose = {lang: purpose_note(run, lang) for lang in ("ru", "kk", "en")}
    return RunData(
        run.id, ranked, reports, reconciliation_for(session, run.id), run_period(run), purpose, is_monitoring(run)
    )


def options_applied(report: BodyReport) -> str:
    """The interpretation options the body's score applied, as ``id=option; …``."""
    recorded = report.breakdown.get("interpretations") or {}
    return "; ".join(f"{k}={v}" for k, v in sorted(recorded.items()))


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# the columns of each sheet, as message keys of the catalogue (ashyq/reports/locale/<lang>/LC_MESSAGES/ashyq.po)
RANKING_COLUMNS = (
    "dashboard.rank", "exports.body_id", "exports.body_name", "exports.kind", "exports.total", "exports.penalty",
    "common.penalty_not_assessed", "exports.final", "exports.level", "common.coverage", "exports.change",
    "exports.period", "exports.interpretations", "exports.open_verdicts", "exports.final_low", "exports.final_high",
)  # fmt: skip
CRITERIA_COLUMNS = (
    "exports.body_id", "exports.criterion_id", "exports.criterion", "common.points", "common.max",
    "common.not_assessed_points", "exports.open_verdicts",
)  # fmt: skip
FINDINGS_COLUMNS = (
    "exports.body_id", "common.item", "exports.item_title", "common.language", "common.status", "common.points",
    "common.max", "exports.lost", "exports.reason", "exports.deficiencies", "exports.evidence_urls",
    "exports.certainty", "exports.doubt", "exports.decided",
)  # fmt: skip
RECONCILIATION_COLUMNS = (
    "exports.body_id", "exports.period", "common.item", "exports.claim", "exports.verdict", "exports.evidence_ids",
)  # fmt: skip


def _ranking_row(entry: RankedBody, report: BodyReport, data: RunData, lang: str, kind: str) -> list[Cell]:
    score = entry.score
    return [
        entry.rank,
        entry.body.id,
        body_name(report, lang),
        kind,
        _r(score.total),
        _r(score.penalty),
        _r(report.penalty_not_assessed),
        _r(score.final),
        report.titles.level(score.level, lang),
        _r(report.coverage),
        _r(entry.change),
        data.purpose[lang] if data.monitoring else (data.period.label if data.period else ""),
        options_applied(report),
        *_open_cells(report),  # beside the coverage in meaning; last, so the earlier columns keep their places
    ]


def _open_cells(report: BodyReport) -> list[Cell]:
    """The verdicts still open and the final score's range if each went the other way (0 open: the
    final score both ways)."""
    figures = report.open_verdicts
    final = report.score.final
    return [
        int(figures.get("count", 0)),
        _r(float(figures.get("final_low", final))),
        _r(float(figures.get("final_high", final))),
    ]


def _certainty_cells(report: BodyReport, leaf: ItemResult, lang: str) -> list[Cell]:
    """How sure the verdict is, the doubt worded as the assessor's question (with the check's note),
    and the assessor's decision."""
    f = leaf.finding
    if f is None:
        return ["", "", ""]
    doubt = ""
    if f.doubt:
        doubt = question_text(f.doubt, leaf.item, leaf.lang, report.titles, lang)
        if f.doubt.get("detail"):
            doubt += f" ({f.doubt['detail']})"
    return [f.certainty, doubt, decided_text(f.decided, lang) if f.decided else ""]


def _finding_rows(body_id: str, report: BodyReport, lang: str) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for leaf in report.items():
        f = leaf.finding
        rows.append(
            [
                body_id,
                leaf.item,
                report.titles.title(leaf.item, lang),
                leaf.lang or "",
                leaf.status,
                _r(leaf.points),
                _r(leaf.max),
                _r(leaf.lost),
                (reason_in(f, lang) if f and f.reason else "") or (leaf.note if leaf.status == "not_assessed" else ""),
                "\n".join(deficiency_in(d, lang) for d in f.deficiencies) if f else "",
                "\n".join(dict.fromkeys(e.url for e in f.evidence if e.url)) if f else "",
                *_certainty_cells(report, leaf, lang),
            ]
        )
    return rows


def build_tables(data: RunData, lang: str) -> list[Table]:
    t = catalogue().translator(lang)
    ranking_rows: list[list[Cell]] = []
    criteria_rows: list[list[Cell]] = []
    finding_rows: list[list[Cell]] = []
    for entry, report in zip(data.ranked, data.reports, strict=True):
        ranking_rows.append(_ranking_row(entry, report, data, lang, t(f"kind.{entry.body.kind}")))
        criteria_rows += [
            [
                entry.body.id,
                c.id,
                report.titles.title(c.id, lang),
                _r(c.points),
                _r(c.max),
                _r(c.not_assessed),
                sum(1 for leaf in c.items if leaf.finding is not None and leaf.finding.is_open),
            ]
            for c in report.criteria
        ]
        finding_rows += _finding_rows(entry.body.id, report, lang)
    reconciliation_rows: list[list[Cell]] = [
        [d.body_id, d.period, e.item, e.claim, e.verdict, ", ".join(e.evidence_ids or [])]
        for d, e in data.reconciliation
    ]

    def table(id: str, columns: tuple[str, ...], rows: list[list[Cell]]) -> Table:
        return Table(id, t(f"exports.sheet_{id}"), [t(key) for key in columns], rows)

    return [
        table("ranking", RANKING_COLUMNS, ranking_rows),
        table("criteria", CRITERIA_COLUMNS, criteria_rows),
        table("findings", FINDINGS_COLUMNS, finding_rows),
        table("reconciliation", RECONCILIATION_COLUMNS, reconciliation_rows),
    ]


def write_xlsx(tables: list[Table], path: Path) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        sheet = workbook.create_sheet(str(safe_cell(table.title))[:31])  # Excel's limit on sheet names
        sheet.append([safe_cell(h) for h in table.headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append([safe_cell(v) for v in row])
        sheet.freeze_panes = "A2"
        for index, header in enumerate(table.headers, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(10, min(60, len(header) + 4))
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")


# after a separator (and any quotes or spaces), a formula-leading character
_INNER_FORMULA = re.compile(r"([,;\t][\s\"]*)([=+\-@\uff1d\uff0b\uff0d\uff20])")


def _csv_cell(value: Cell) -> Cell:
    """:func:`safe_cell` for a CSV file that may be opened with either separator. Opened with the other
    one, the quotes no longer hold: a cell ends at every ``,`` or ``;`` inside the text and a row at
    every line break. So the text is kept on one line and a formula-leading character right after a
    separator inside it gets an apostrophe too (``a;=1`` is written ``a;'=1``)."""
    if isinstance(value, str):
        value = _INNER_FORMULA.sub(r"\1'\2", _LINE_BREAK.sub(" ", value))
    return safe_cell(value)


def write_csv(table: Table, path: Path) -> Path:
    """UTF-8 with a byte-order mark, so a spreadsheet opened by double-click shows Kazakh letters.
    Every text cell is quoted and neutralised (:func:`safe_cell`), so the file is safe read with a
    comma or a semicolon (the Russian and Kazakh spreadsheets' default) as the separator."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC)  # every text cell quoted, numbers bare
        writer.writerow([_csv_cell(h) for h in table.headers])
        writer.writerows([_csv_cell(v) for v in row] for row in table.rows)
    return path


def _evidence_json(e: EvidenceView) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind,
        "url": e.url,
        "captured_at": e.captured_at.astimezone(UTC).isoformat() if e.captured_at else None,
        "sha256": e.sha256,
        "warc_file": e.warc_file,
        "warc_record_id": e.warc_record_id,
        "path": e.path,
        "selector": e.selector,
        "snippet": e.snippet,
        "json_path": e.json_path,
        "region": list(e.region) if e.region else None,
    }


def body_json(entry: RankedBody | None, report: BodyReport) -> dict[str, Any]:
    score, body = report.score, report.body
    return {
        "id": body.id,
        "names": {"kk": body.name_kk, "ru": body.name_ru, "en": body.name_en},
        "kind": body.kind,
        "rank": entry.rank if entry else None,
        "edition": score.edition,
        "total": _r(score.total),
        "max": _r(score.max_points),
        "penalty": _r(score.penalty),
        "final": _r(score.final),
        "level": score.level,
        "level_title": {lang: report.titles.level(score.level, lang) for lang in ("ru", "kk", "en")},
        "coverage": _r(report.coverage),
        "not_assessed": _r(score.max_not_assessed),
        "penalty_not_assessed": _r(report.penalty_not_assessed),
        "open_verdicts": dict(zip(("count", "final_low", "final_high"), _open_cells(report), strict=True)),
        "change": _r(report.change),
        "criteria": [
            {
                "id": c.id,
                "title": report.titles.node(c.id).title,
                "points": _r(c.points),
                "max": _r(c.max),
                "not_assessed": _r(c.not_assessed),
            }
            for c in report.criteria
        ],
        "items": [
            {
                "item": leaf.item,
                "lang": leaf.lang,
                "criterion": leaf.criterion,
                "status": leaf.status,
                "points": _r(leaf.points),
                "max": _r(leaf.max),
                "lost": _r(leaf.lost),
                "not_assessed": _r(leaf.not_assessed),
                "note": leaf.note,
                "source": report.titles.node(leaf.item).source,
                "finding": None
                if leaf.finding is None
                else {
                    "id": leaf.finding.id,
                    "status": leaf.finding.status,
                    "reason": leaf.finding.reason,
                    "reason_text": leaf.finding.reason_text,
                    "measured": leaf.finding.measured,
                    "check": leaf.finding.check,
                    "carried_from": leaf.finding.carried_from,
                    "certainty": leaf.finding.certainty,
                    "doubt": leaf.finding.doubt,
                    "decided": leaf.finding.decided,
                    "deficiencies": leaf.finding.deficiencies,
                    "evidence": [_evidence_json(e) for e in leaf.finding.evidence],
                },
            }
            for leaf in report.items()
        ],
        "interpretations": report.breakdown.get("interpretations", {}),
        "averages_borrowed": report.breakdown.get("averages_borrowed", []),
        "not_assessed_items": report.not_assessed_items,
    }


def run_json(data: RunData, run: Run) -> dict[str, Any]:
    return {
        "format": JSON_FORMAT,
        "generated_at": datetime.now(UTC).isoformat(),
        "tool": {"name": "ashyq", "version": __version__},
        "run": run.record(),
        "purpose": {"id": "monitoring" if data.monitoring else "assessment", **data.purpose},
        "bodies": [body_json(entry, report) for entry, report in zip(data.ranked, data.reports, strict=True)],
        "reconciliation": [
            {
                "body": d.body_id,
                "period": d.period,
                "item": e.item,
                "claim": e.claim,
                "verdict": e.verdict,
                "evidence_ids": list(e.evidence_ids or []),
            }
            for d, e in data.reconciliation
        ],
    }


def export_run(
    session: Session, run_id: str, fmt: str, path: Path, lang: str = "ru", table: TableName = "ranking"
) -> Path:
    """Write the run's export in ``fmt`` (xlsx, csv, json) to ``path``."""
    data = load_run_data(session, run_id)
    if fmt == "json":
        path.parent.mkdir(parents=True, exist_ok=True)
        document = run_json(data, run_or_fail(session, run_id))
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        return path
    tables = build_tables(data, lang)
    if fmt == "xlsx":
        return write_xlsx(tables, path)
    if fmt == "csv":
        return write_csv(next(t for t in tables if t.name == table), path)
    raise ValueError(f"unknown export format {fmt!r} (xlsx, csv, json)")
