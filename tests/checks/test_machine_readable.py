"""Appendix 15's "*" indicators (001, lines 3548 and 4038: «сведения, которые должны быть размещены в
машиночитаемом виде»): the material at an indicator's place is not machine-readable only when it is
nothing but pictures and scans."""

from __future__ import annotations

import pytest

from ashyq.base.artifacts import DownloadInfo, PageSnapshot
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.machine_readable import material_date, unreadable
from ashyq.checks.completeness.page_blocks import content_blocks

URL = "https://example.gov.kz/ru/statistics"


def _unit(body: str, downloads: tuple[DownloadInfo, ...] = ()) -> Unit:
    html = f"<html><body><main><h1>Статистика</h1>{body}</main></body></html>"
    page = PageSnapshot(URL, "ru", html, downloads=downloads)
    return Unit("ru", URL, "page", "статистика", "", "", URL, "", URL, (), html, page, blocks=content_blocks(html))


def test_a_picture_of_the_figures_is_not_machine_readable() -> None:
    unit = _unit('<p><img src="/upload/stat.png" width="900" alt="Статистика"></p>')
    assert (
        unreadable(unit, unit.blocks)
        == "offered only as https://example.gov.kz/upload/stat.png (a picture in the page)"
    )


def test_icons_and_a_page_written_out_are_not_pictures_of_the_material() -> None:
    icon = _unit('<p><img src="/img/pdf-icon.png"> <img src="/img/chart.svg"> <img src="/x.png" width="16"></p>')
    assert unreadable(icon, icon.blocks) is None
    table = "".join(f"<tr><td>Показатель {n}</td><td>{n * 1000} тенге</td></tr>" for n in range(20))
    written = _unit(f'<table>{table}</table><p><img src="/upload/stat.png" width="900"></p>')
    assert unreadable(written, written.blocks) is None


def test_a_scan_beside_a_spreadsheet_or_a_page_is_taken_as_offered() -> None:
    scan = DownloadInfo("https://example.gov.kz/upload/stat.pdf", "pdf", text_layer=False)
    only_scan = _unit('<p><a href="/upload/stat.pdf">Статистика за 2025 год</a></p>', (scan,))
    assert "a PDF with no text layer" in (unreadable(only_scan, only_scan.blocks) or "")
    with_xlsx = _unit('<p><a href="/upload/stat.pdf">PDF</a> <a href="/upload/stat.xlsx">XLSX</a></p>', (scan,))
    assert unreadable(with_xlsx, with_xlsx.blocks) is None
    with_page = _unit(
        '<p><a href="/upload/stat.pdf">PDF</a> <a href="https://stat.gov.kz/ru/">stat.gov.kz</a></p>', (scan,)
    )
    assert unreadable(with_page, with_page.blocks) is None
    unread_layer = DownloadInfo("https://example.gov.kz/upload/stat.pdf", "pdf")  # the harvest did not read it
    taken = _unit('<p><a href="/upload/stat.pdf">Статистика за 2025 год</a></p>', (unread_layer,))
    assert unreadable(taken, taken.blocks) is None


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Отчет об исполнении бюджета на 01.11.2026 ispolnenie.pdf", (2026, 11, 1)),
        ("2026 жылғы 9 айдағы қорытындылар itogi.xlsx", (2026, 9, 0)),
        ("Итоги ser-9m-2026-ru-scan.pdf", (2026, 9, 0)),
        ("Отчет за 2025 год otchet.xlsx", (2025, 0, 0)),
        ("Бюджет на 2026-2028 годы budget.xlsx", (2028, 0, 0)),
        ("Отчет об исполнении бюджета report.xlsx", None),
    ],
)
def test_a_files_material_is_dated_by_its_label_or_its_address(text: str, when: tuple[int, int, int] | None) -> None:
    assert material_date(text) == when
