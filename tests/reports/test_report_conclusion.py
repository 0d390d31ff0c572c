"""The conclusion (Appendix 8) in Russian and Kazakh: the numbers of the scorer, the sections of
the form, the evidence, and a PDF whose text and first page hold the Kazakh letters."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from reports_sample import HOSTILE_TITLE, ReportStore

from ashyq.reports.body_report import BodyReport, load_body_report
from ashyq.reports.conclusion import render_conclusion_html, write_conclusion
from ashyq.reports.i18n import catalogue, format_points
from ashyq.store import session_scope


def _report(store: ReportStore, body: str = "enbek") -> BodyReport:
    with session_scope(store.url) as session:
        return load_body_report(session, store.new.id, body)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_conclusion_carries_the_scorers_numbers(report_store: ReportStore, lang: str) -> None:
    expected = report_store.body_score(report_store.new, "enbek")
    html = render_conclusion_html(_report(report_store), lang)
    t = catalogue().translator(lang)
    for key, value in (("total", expected["total"]), ("penalty", expected["penalty"]), ("final", expected["final"])):
        row = re.search(rf'id="row-{key}">(.*?)</tr>', html, re.S)
        assert row is not None
        assert t(f"conclusion.{key}") in row.group(1)
        assert f'<td class="num">{format_points(value, lang)}</td>' in row.group(1)
    for criterion in expected["criteria"]:
        row = re.search(rf'data-criterion="{criterion["id"]}">(.*?)</tr>', html, re.S)
        assert row is not None and format_points(criterion["points"], lang) in row.group(1)
    assert format_points(96.1, lang) in html and expected["final"] == pytest.approx(96.1)


def test_conclusion_in_kazakh_uses_kazakh_labels_and_titles(report_store: ReportStore) -> None:
    text = _text(render_conclusion_html(_report(report_store), "kk"))
    for phrase in (
        "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі",
        "Өлшемшарттар бойынша жалпы баға",
        "Айыппұл балдарын шегеру",
        "Тиімділіктің жоғары дәрежесі",
        "«Ашық деректер» өлшемшарты бойынша",
        "Қорытындылар мен ұсыныстар",
        "Бағалаудың толықтығы",
        "Ведомстволық бағынысты ұйымдардың ашықтығы",
    ):
        assert phrase in text, phrase
    assert "Общая оценка" not in text


def test_analysis_names_the_losses_with_their_evidence(report_store: ReportStore) -> None:
    html = render_conclusion_html(_report(report_store), "ru")
    section = re.search(r'id="analysis-C5">(.*?)</section>', html, re.S)
    assert section is not None
    assert "T7-1" in section.group(1) and "потеряно 1,5 из 1,5" in section.group(1)
    assert "Байланыс бетінде баспасөз қызметінің телефоны жоқ" in section.group(1)
    assert report_store.new.record_ids["enbek"].strip("<>") in section.group(1)
    assert 'href="https://www.gov.kz/memleket/entities/enbek/contacts"' in section.group(1)
    # coverage: the item that timed out is named with its reason, and not counted as a loss
    assert "T2-5" in html and "timeout: budget.egov.kz" in html
    recommendations = re.search(r'id="recommendations">(.*?)</ol>', html, re.S)
    assert recommendations is not None
    first_items = re.findall(r"<li>(.*?)</li>", recommendations.group(1), re.S)
    assert "96,1" in first_items[0]
    assert "T7-1" in first_items[1] or "T9-1" in first_items[1]  # the largest losses come first
    assert any("вычтено 0,4" in line for line in first_items)
    assert HOSTILE_TITLE not in html


def test_interpretations_and_averages_are_stated(report_store: ReportStore) -> None:
    html = render_conclusion_html(_report(report_store, "adilet"), "ru")
    interpretations = re.search(r'id="interpretations">(.*?)</ul>', html, re.S)
    assert interpretations is not None and interpretations.group(1).count("<li>") >= 10
    averages = re.search(r'id="averages">(.*?)</ul>', html, re.S)
    assert averages is not None  # the justice ministry gets the CGO average for meetings (T6-4.*)
    assert "T6-4.1" in averages.group(1) and "по данным этой оценки" in averages.group(1)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdftoppm"), reason="poppler-utils")
def test_pdf_text_has_kazakh_letters_and_the_first_page_is_not_blank(report_store: ReportStore, tmp_path: Path) -> None:
    from PIL import Image

    written = write_conclusion(_report(report_store), "kk", tmp_path)
    pdf = next(p for p in written if p.suffix == ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    flat = re.sub(r"\s+", " ", text)
    assert set("әғқңөұүі") <= set(flat.lower())
    assert "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі" in flat
    assert "96,1" in flat
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    page = next(tmp_path.glob("page*.png"))
    image = Image.open(page).convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 0.005 * image.width * image.height  # text on the page, not a white sheet
