"""Filled reports for the tests, written the way a body's staff would fill the template."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from ashyq.base.forms import FORM_BY_KEY, columns_of
from ashyq.declared.loader import FIRST_DATA_ROW, HEADER_RU

KOSTANAY = "https://www.kostanay.gov.kz"


def fill_workbook(path: Path, rows: dict[str, list[dict[str, Any]]], cover: dict[str, Any] | None = None) -> None:
    """Write ``rows`` (form key → rows of field → value) into the template at ``path``, by column titles."""
    workbook = load_workbook(path)
    for key, items in rows.items():
        form = FORM_BY_KEY[key]
        ws = workbook[form.sheet_ru]
        index = {c.key: n for n, c in enumerate(columns_of(form.model), start=1)}
        for offset, item in enumerate(items):
            for field, value in item.items():
                ws.cell(row=FIRST_DATA_ROW + offset, column=index[field], value=value)
    if cover:
        ws = workbook[FORM_BY_KEY["general"].sheet_ru]
        titles = {c.title.ru: c.key for c in columns_of(FORM_BY_KEY["general"].model)}
        for row in ws.iter_rows(min_row=HEADER_RU):
            label = str(row[0].value or "").rstrip(" *")
            if titles.get(label) in cover:
                row[2].value = cover[titles[label]]
    workbook.save(path)


def kostanay_report() -> tuple[dict[str, list[dict[str, Any]]], dict[str, Any]]:
    """Akimat of Kostanay region (demo MIO): four true claims on its news pages, and two untrue ones —
    a link that does not exist, and a page that does not show the event claimed."""
    rows: dict[str, list[dict[str, Any]]] = {
        "dialogue": [
            {"row": "2", "title_ru": "В области завершена уборка урожая", "title_kk": "Облыста егін жинау аяқталды",
             "date": dt.date(2026, 11, 15), "link_ru": f"{KOSTANAY}/ru/news/1", "link_kk": f"{KOSTANAY}/kk/news/1"},
            {"row": "4.1", "title_ru": "Встреча акима с жителями Аулиекольского района по вопросам водоснабжения",
             "date": dt.date(2026, 11, 3), "link_ru": f"{KOSTANAY}/ru/news/3"},
        ],
        "npa": [
            {"row": "4", "title_ru": "В Костанае открылась новая школа", "title_kk": "Қостанайда жаңа мектеп ашылды",
             "date": dt.date(2026, 11, 6), "link_ru": f"{KOSTANAY}/ru/news/2", "link_kk": f"{KOSTANAY}/kk/news/2"},
        ],
        "media_events": [
            {"title_ru": "Брифинг акима области", "date": dt.date(2026, 10, 1), "announced": "да", "streamed": "да",
             "journalists": "да", "live_questions": "да", "link_ru": f"{KOSTANAY}/ru/news/999"},
        ],
        "media_requests": [
            {"media": "Наш Костанай", "incoming_no": "ЗТ-15", "incoming_date": dt.date(2026, 3, 18),
             "outgoing_no": "ЗТ-15/1", "answer_date": dt.date(2026, 3, 27)},
        ],
    }  # fmt: skip
    cover = {"events_total": 14, "media_survey_percent": 72.5, "population_survey_percent": 64}
    return rows, cover
