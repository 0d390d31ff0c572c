"""The report forms as an XLSX workbook a body fills in: one sheet per form of Appendix 9, column
titles in Russian and Kazakh, closed lists as drop-downs, the body's names filled in, and an
instructions sheet. :mod:`ashyq.declared.loader` reads the same layout back.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ashyq.base.forms import YES_NO, Choices, ColumnSpec, Form, columns_of, forms_for, row_choices
from ashyq.declared.loader import FIRST_DATA_ROW, HEADER_KK, HEADER_RU, INSTRUCTIONS_SHEETS
from ashyq.store.bodies import Body

DATA_ROWS = 500  # how far down the drop-downs and formats reach
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")

INSTRUCTIONS: list[tuple[str, str]] = [
    (
        "Заполните по одной строке на каждое мероприятие, документ, набор данных или запрос. "
        "Столбец «№ строки формы» — номер строки таблицы Приложения 9, к которой относится запись.",
        "Әр іс-шараға, құжатқа, деректер жиынтығына немесе сұрау салуға бір жолдан толтырыңыз. "
        "«Нысан жолының №» бағаны — жазба жататын 9-қосымша кестесі жолының нөмірі.",
    ),
    (
        "Ссылки — общедоступные адреса (https://…) отдельно на казахском и русском языках; если обе "
        "версии на одной странице, укажите её в обоих столбцах.",
        "Сілтемелер — қазақ және орыс тілдеріндегі жалпыға қолжетімді мекенжайлар (https://…); екі нұсқа "
        "бір бетте болса, оны екі бағанда да көрсетіңіз.",
    ),
    (
        "Даты — в формате ДД.ММ.ГГГГ. Значения из выпадающих списков выбирайте из списка.",
        "Күндер — КК.АА.ЖЖЖЖ форматында. Ашылмалы тізімдегі мәндерді тізімнен таңдаңыз.",
    ),
    (
        "Каждая ссылка перепроверяется: доступность, язык, дата в отчетном периоде, соответствие содержанию "
        "записи. Недостоверный факт вычитает 0,2 балла (не более 5 баллов) — пп. 12–15 Методики 2017 года.",
        "Әр сілтеме қайта тексеріледі: қолжетімділігі, тілі, есепті кезеңдегі күні, жазба мазмұнына сәйкестігі. "
        "Анық емес әр факт үшін 0,2 балл шегеріледі (5 балдан аспайды).",
    ),
    (
        "Не переименовывайте листы и столбцы; пустые листы означают, что по форме нечего сообщить.",
        "Парақтар мен бағандардың атауын өзгертпеңіз; бос парақ нысан бойынша хабарлайтын "
        "ештеңе жоқ дегенді білдіреді.",
    ),
    (
        "На листе «Сведения» результаты опросов (пп. 83, 84) заполняет уполномоченный на оценку орган.",
        "«Мәліметтер» парағындағы сауалнама нәтижелерін (83, 84-т.) бағалауға уәкілетті орган толтырады.",
    ),
]


def _list_validation(values: list[str]) -> DataValidation:
    formula = '"' + ",".join(v.replace('"', "'") for v in values) + '"'
    if len(formula) > 255:  # Excel's limit for an inline list
        raise ValueError(f"drop-down list too long: {formula}")
    return DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True)


def _choices_of(spec: ColumnSpec, form: Form) -> list[str] | None:
    if spec.type == "row":
        return row_choices(form.model)
    if spec.type == "bool":
        return YES_NO.labels()
    if isinstance(spec.choices, Choices):
        return spec.choices.labels()
    return None


def _list_sheet(ws: Worksheet, form: Form) -> None:
    specs = columns_of(form.model)
    ws["A1"], ws["A2"] = form.title_ru, form.title_kk
    ws["A1"].font = ws["A2"].font = _BOLD
    for index, spec in enumerate(specs, start=1):
        letter = get_column_letter(index)
        for row, title in ((HEADER_RU, spec.title.ru), (HEADER_KK, spec.title.kk)):
            cell = ws.cell(row=row, column=index, value=title + (" *" if spec.required and row == HEADER_RU else ""))
            cell.font, cell.fill, cell.alignment = _BOLD, _HEADER_FILL, _WRAP
        ws.column_dimensions[letter].width = 14 if spec.type in ("row", "date", "int", "bool") else 34
        cells = f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW + DATA_ROWS}"
        choices = _choices_of(spec, form)
        if choices:
            validation = _list_validation(choices)
            ws.add_data_validation(validation)
            validation.add(cells)
        elif spec.type == "date":
            validation = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
            validation.error = "ДД.ММ.ГГГГ"
            ws.add_data_validation(validation)
            validation.add(cells)
            for row in range(FIRST_DATA_ROW, FIRST_DATA_ROW + DATA_ROWS):
                ws.cell(row=row, column=index).number_format = "DD.MM.YYYY"
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"


def _cover_sheet(ws: Worksheet, form: Form, body: Body, period: str) -> None:
    ws["A1"], ws["A2"] = form.title_ru, form.title_kk
    ws["A1"].font = ws["A2"].font = _BOLD
    for col, (ru, kk) in enumerate((("Показатель", "Көрсеткіш"), ("", ""), ("Значение", "Мәні")), start=1):
        ws.cell(row=HEADER_RU, column=col, value=ru).font = _BOLD
        ws.cell(row=HEADER_KK, column=col, value=kk).font = _BOLD
    filled = {"body_id": body.id, "name_ru": body.names.ru, "name_kk": body.names.kk, "period": period}
    for row, spec in enumerate(columns_of(form.model), start=FIRST_DATA_ROW):
        ws.cell(row=row, column=1, value=spec.title.ru + (" *" if spec.required else "")).alignment = _WRAP
        ws.cell(row=row, column=2, value=spec.title.kk).alignment = _WRAP
        ws.cell(row=row, column=3, value=filled.get(spec.key))
    for letter, width in (("A", 60), ("B", 60), ("C", 40)):
        ws.column_dimensions[letter].width = width


def _instructions(ws: Worksheet, body: Body, period: str) -> None:
    ws["A1"], ws["B1"] = "Инструкция", "Нұсқаулық"
    ws["A1"].font = ws["B1"].font = _BOLD
    ws["A2"], ws["B2"] = f"{body.names.ru} — {period}", f"{body.names.kk} — {period}"
    for row, (ru, kk) in enumerate(INSTRUCTIONS, start=4):
        ws.cell(row=row, column=1, value=ru).alignment = _WRAP
        ws.cell(row=row, column=2, value=kk).alignment = _WRAP
    ws.column_dimensions["A"].width = ws.column_dimensions["B"].width = 90


def build_template(body: Body, period: str) -> Workbook:
    """The workbook for ``body`` (its kind decides Tables 2/3 and 6) and ``period`` ("2026", "2026-H1")."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = INSTRUCTIONS_SHEETS[0]
    _instructions(first, body, period)
    for form in forms_for(body.kind):
        ws = workbook.create_sheet(form.sheet_ru)
        if form.list_form:
            _list_sheet(ws, form)
        else:
            _cover_sheet(ws, form, body, period)
    return workbook


def write_template(body: Body, period: str, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    build_template(body, period).save(path)
    return path
