"""The template round-trips, and a malformed file is refused whole with the sheet, row and column of
each problem — the store left exactly as it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import typer
import yaml
from openpyxl import load_workbook
from sqlalchemy import func, select
from typer.testing import CliRunner

from ashyq.base.forms import FORM_BY_KEY
from ashyq.declared.loader import DeclarationError, LoadContext, load_report
from ashyq.declared.template import write_template
from ashyq.store.bodies import load_registry
from ashyq.store.db import session_scope
from ashyq.store.models import Declaration, Evidence, ReconciliationEntry, Run
from tests.declared.reports import fill_workbook, kostanay_report

ENBEK = LoadContext("enbek", "cgo")
KOSTANAY = LoadContext("kostanay", "mio")


@pytest.fixture
def template(tmp_path: Path) -> Path:
    return write_template(load_registry("demo").get("kostanay"), "2026", tmp_path / "kostanay.xlsx")


def _problems(path: Path, ctx: LoadContext = KOSTANAY) -> list[str]:
    with pytest.raises(DeclarationError) as refused:
        load_report(path, ctx)
    return [str(p) for p in refused.value.problems]


def test_template_round_trips(template: Path) -> None:
    rows, cover = kostanay_report()
    fill_workbook(template, rows, cover)
    report = load_report(template, KOSTANAY).report
    assert report.general.body_id == "kostanay" and report.general.name_ru == "Акимат Костанайской области"
    assert report.general.events_total == 14 and report.general.media_survey_percent == 72.5
    assert [(r.row, r.title_ru, r.date, r.link_ru) for r in report.dialogue] == [
        (x["row"], x["title_ru"], x["date"], x["link_ru"]) for x in rows["dialogue"]
    ]
    event = report.media_events[0]
    assert event.high_publicity and event.link_ru == rows["media_events"][0]["link_ru"]
    request = report.media_requests[0]
    assert (request.incoming_date, request.answer_date) == (dt.date(2026, 3, 18), dt.date(2026, 3, 27))
    assert report.dialogue[0].line == 5  # the sheet row the claim came from


def test_template_sheets_titles_and_lists(tmp_path: Path) -> None:
    path = write_template(load_registry("demo").get("enbek"), "2026", tmp_path / "enbek.xlsx")
    workbook = load_workbook(path)
    assert "Т2 Открытый бюджет ЦГО" in workbook.sheetnames and "Т3 Открытый бюджет МИО" not in workbook.sheetnames
    assert workbook.sheetnames[0] == "Инструкция"
    ws = workbook["Т4 Открытые НПА"]
    assert ws["A3"].value.startswith("№ строки формы") and ws["A4"].value == "Нысан жолының №"
    lists = [v.formula1 for v in ws.data_validations.dataValidation if v.type == "list"]
    assert any("анонс, трансляция, журналисты, вопросы в эфире" in f for f in lists)
    assert workbook["Сведения"]["C5"].value == "enbek"


def test_yaml_equivalent_loads_the_same(tmp_path: Path, template: Path) -> None:
    rows, cover = kostanay_report()
    fill_workbook(template, rows, cover)
    from_xlsx = load_report(template, KOSTANAY).report
    document = {
        "format": "ashyq-declared/1",
        "general": {"body_id": "kostanay", "period": "2026", **cover},
        **{key: items for key, items in rows.items()},
    }
    path = tmp_path / "kostanay.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    from_yaml = load_report(path, KOSTANAY).report
    assert [r.title_ru for r in from_yaml.dialogue] == [r.title_ru for r in from_xlsx.dialogue]
    assert from_yaml.media_events[0].high_publicity


def _set(path: Path, sheet: str, cell: str, value: object) -> None:
    workbook = load_workbook(path)
    workbook[sheet][cell] = value
    workbook.save(path)


def test_wrong_and_missing_sheet(template: Path) -> None:
    workbook = load_workbook(template)
    workbook["Т5 Открытый диалог"].title = "Диалог"
    workbook.save(template)
    assert _problems(template) == [
        "Диалог: unknown sheet (not a form of Appendix 9)",
        "Т5 Открытый диалог: missing sheet",
    ]


def test_sheet_of_the_other_kind(template: Path) -> None:
    workbook = load_workbook(template)
    workbook.create_sheet("Т2 Открытый бюджет ЦГО")
    workbook.save(template)
    assert _problems(template) == ["Т2 Открытый бюджет ЦГО: this form is not filled by a MIO"]


def test_missing_column(template: Path) -> None:
    _set(template, "Т4 Открытые НПА", "E3", None)
    _set(template, "Т4 Открытые НПА", "E4", None)
    assert _problems(template) == ["Т4 Открытые НПА, row 3: missing column «Ссылка (каз.)»"]


def test_unparsable_date_and_number_for_text(template: Path) -> None:
    fill_workbook(template, {"dialogue": [{"row": "2", "title_ru": "Коллегия", "date": "31.02.2026"},
                                          {"row": "2", "title_ru": 2026, "date": dt.date(2026, 3, 1)}]})  # fmt: skip
    assert _problems(template) == [
        "Т5 Открытый диалог, row 5, column D «Дата»: unparsable date '31.02.2026' (write dd.mm.yyyy)",
        "Т5 Открытый диалог, row 6, column B «Наименование (рус.)»: text is expected, got the int 2026",
    ]


@pytest.mark.parametrize("url", ["http://10.0.0.5/news/1", "http://127.0.0.1:8080/news"])
def test_private_link_refused_outside_replica_mode(template: Path, url: str) -> None:
    fill_workbook(template, {"npa": [{"row": "4", "title_ru": "Объявление", "link_ru": url}]})
    address = url.split("//")[1].split(":")[0].split("/")[0]
    kind = "loopback" if address.startswith("127.") else "private"
    assert _problems(template) == [
        f"Т4 Открытые НПА, row 5, column F «Ссылка (рус.)»: the link {url!r} is refused: "
        f"{address} is a {kind} address; not requested"
    ]
    replica = LoadContext("kostanay", "mio", allow_internal_links=True)
    assert load_report(template, replica).report.npa[0].link_ru == url


def test_closed_list_and_required_cells(template: Path) -> None:
    fill_workbook(template, {"npa": [{"row": "9", "title_ru": "x"}], "media_requests": [{"media": "Tengri"}]})
    problems = _problems(template)
    assert problems[0].startswith("Т4 Открытые НПА, row 5, column A «№ строки формы»: Input should be '1'")
    assert "Т5-1 Запросы масс-медиа, row 5, column B «Входящий №»: required, but empty" in problems
    assert "Т5-1 Запросы масс-медиа, row 5, column C «Дата запроса»: required, but empty" in problems


def test_unknown_body(template: Path) -> None:
    problems = _problems(template, LoadContext("astana", "mio"))
    assert problems == ["Сведения: the report is about body 'kostanay', not 'astana'"]


def _counts(db_url: str) -> tuple[int, ...]:
    with session_scope(db_url) as session:
        return tuple(
            int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in (Declaration, ReconciliationEntry, Evidence, Run)
        )


def test_refused_file_leaves_the_store_unchanged(template: Path, db_url: str, cli: typer.Typer) -> None:
    good = template.with_name("good.xlsx")
    good.write_bytes(template.read_bytes())
    runner = CliRunner()
    loaded = runner.invoke(
        cli, ["declare", "--body", "kostanay", str(good), "--registry", "demo", "--db", db_url, "--no-verify"]
    )
    assert loaded.exit_code == 0, loaded.output
    before = _counts(db_url)
    fill_workbook(template, {"npa": [{"row": "4", "title_ru": "Объявление", "link_ru": "http://10.0.0.5/a",
                                      "date": "вчера"}]})  # fmt: skip
    result = runner.invoke(cli, ["declare", "--body", "kostanay", str(template), "--registry", "demo", "--db", db_url])
    assert result.exit_code == 1
    assert "column D «Дата»: unparsable date 'вчера'" in result.output
    assert "10.0.0.5" in result.output
    assert _counts(db_url) == before == (1, 0, 0, 1)


def test_forms_know_their_sheets() -> None:
    assert FORM_BY_KEY["media_requests"].sheet_ru == "Т5-1 Запросы масс-медиа"
