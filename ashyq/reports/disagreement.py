"""The table of disagreements (the appeal form), pre-filled for one body.

Point 109 of the methodology: a body that disagrees sends, within five working days of receiving
the conclusion, a table of disagreements with supporting documents. The form's own layout is not
among the project's sources (Appendix 14 of the 2021 methodology), so the columns are those the
appeal needs: one row per finding that lost points, what was found and where to see it, and empty
columns for the body's position, its documents and the assessor's decision.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from ashyq.reports.body_report import BodyReport, ItemResult
from ashyq.reports.conclusion import body_name
from ashyq.reports.exports import safe_cell
from ashyq.reports.i18n import catalogue, format_points
from ashyq.reports.rendering import http_url
from ashyq.reports.wording import deficiency_in

COLUMNS = (
    ("disagreement.number", 6),
    ("disagreement.criterion", 24),
    ("disagreement.item", 48),
    ("disagreement.language", 16),
    ("disagreement.finding", 48),
    ("disagreement.points_lost", 10),
    ("disagreement.evidence", 48),
    ("disagreement.objection", 40),
    ("disagreement.documents", 30),
    ("disagreement.assessor", 30),
)


def _evidence_link(leaf: ItemResult) -> str:
    """The first http(s) address of the evidence or deficiency, with the WARC record that archived it."""
    finding = leaf.finding
    if finding is None:
        return ""
    for e in finding.evidence:
        url = http_url(e.url)
        if url:
            return f"{url}\n{e.warc_record_id}" if e.warc_record_id else url
    for d in finding.deficiencies:
        url = http_url(d.get("url"))
        if url:
            return url
    return ""


def disagreement_rows(report: BodyReport, lang: str) -> list[list[str | float]]:
    t = catalogue().translator(lang)
    rows: list[list[str | float]] = []
    lost = [leaf for leaf in report.items() if leaf.lost > 0]
    for number, leaf in enumerate(lost, start=1):
        finding = leaf.finding
        messages = [deficiency_in(d, lang) for d in finding.deficiencies] if finding else []
        text = "\n".join(m for m in messages if m) or t(f"status.{leaf.status}")
        rows.append(
            [
                number,
                f"{leaf.criterion} {report.titles.title(leaf.criterion, lang)}",
                f"{leaf.item} {report.titles.title(leaf.item, lang)} ({report.titles.node(leaf.item).source_point})",
                t(f"lang.{leaf.lang or 'none'}"),
                text,
                format_points(leaf.lost, lang),
                _evidence_link(leaf),
                "",
                "",
                "",
            ]
        )
    return rows


def write_disagreement_table(report: BodyReport, lang: str, path: Path) -> Path:
    t = catalogue().translator(lang)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = t("disagreement.sheet")[:31]
    sheet.append([safe_cell(t("disagreement.title", body=body_name(report, lang)))])
    sheet.append([t("disagreement.instruction")])
    sheet.append([f"{t('common.run')}: {report.run.id}; {t('common.edition')}: {report.score.edition}"])
    sheet.append([t(key) for key, _ in COLUMNS])
    header_row = sheet.max_row
    thin = Side(style="thin")
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet["A1"].font = Font(bold=True, size=12)
    for row in disagreement_rows(report, lang):
        sheet.append([safe_cell(v) for v in row])
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
