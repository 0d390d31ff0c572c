"""The appeal end to end in a real Chromium, each role signed in and doing its part: an analyst publishes
enbek's conclusion; enbek's person reads it in Kazakh (the opening is the receipt, the deadline is
shown), disputes two items before the deadline - one typed, one in the pre-filled table downloaded,
filled and uploaded - and is refused once the term is over (the clock moved by moving the receipt and the
publication back three weeks, not by waiting); the commission upholds one and rejects the other, and the
upheld one makes the run's next revision with the new score, published as final and citing the decision;
a verifier downloads the signed WACZ of that conclusion and it verifies.

One store and one application for this module (it changes them); the session's Chromium."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from reports_sample import build_report_store
from sqlalchemy import select

from ashyq.pipeline.accounts import add_account
from ashyq.reports.bundle import verify_bundle
from ashyq.reports.signing import load_public_keys
from ashyq.store import repository as repo
from ashyq.store import session_scope
from ashyq.store.access import Publication
from ashyq.store.appeal import ConclusionReceipt
from ashyq.web.app import create_app
from ashyq.web.server import served
from ashyq.web.settings import WebSettings

PASSWORD = "appeal and review: a pass phrase"  # this module's own accounts
SECRET = "s" * 48  # the cookies' key of this module's application
ROLES = {
    "analyst": ("analyst", None),
    "enbek": ("body", "enbek"),
    "commission": ("commission", None),
    "verifier": ("verifier", None),
}


@dataclass
class Served:
    url: str
    db: str
    run_id: str


@pytest.fixture(scope="module")
def appeal_app(tmp_path_factory: pytest.TempPathFactory, signing_key: Path) -> Iterator[Served]:
    store = build_report_store(tmp_path_factory.mktemp("appeal-web"))
    with session_scope(store.url) as session:
        for name, (role, body) in ROLES.items():
            add_account(session, name, role, PASSWORD, body, language="ru")
    settings = WebSettings(db=store.url, data_dir=store.out_dir, secret_key=SECRET, signing_key=signing_key)
    with served(create_app(settings)) as url:
        yield Served(url, store.url, store.new.id)


def _sign_in(chromium: Any, served_app: Served, name: str, lang: str = "ru") -> Any:
    context = chromium.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(served_app.url + "/login")
    page.click(f'button[value="{lang}"]')
    page.fill('input[name="username"]', name)
    page.fill('input[name="password"]', PASSWORD)
    page.click("form.stacked button")
    page.wait_for_load_state("load")
    return page


def _final(db: str, run_id: str) -> tuple[float, int]:
    with session_scope(db) as session:
        score = next(s for s in repo.scores_for(session, run_id, "kz-2025") if s.body_id == "enbek")
        return score.final, score.revision


def _publish(chromium: Any, served_app: Served) -> int:
    page = _sign_in(chromium, served_app, "analyst")
    page.goto(served_app.url + "/publications")
    page.select_option('select[name="run_id"]', served_app.run_id)
    page.select_option('select[name="body_id"]', "enbek")
    page.click('form[action="/publications"] button')
    page.wait_for_url("**/publications")
    row = page.locator("tr[data-publication]")
    assert row.count() == 1
    publication = int(row.first.get_attribute("data-publication") or "0")
    page.context.close()
    with session_scope(served_app.db) as session:  # what the page shows is what the store holds
        assert session.scalars(select(Publication.id).where(Publication.body_id == "enbek")).one() == publication
    return publication


def _fill_table(download_path: Path, item: str, position: str) -> bytes:
    workbook = load_workbook(download_path)
    sheet = workbook.active
    assert sheet is not None
    row = next(r for r in range(5, sheet.max_row + 1) if str(sheet.cell(r, 3).value).startswith(f"{item} "))
    sheet.cell(row, 8).value = position
    sheet.cell(row, 9).value = "Сайт картасы https://www.gov.kz/memleket/entities/enbek/sitemap"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _dispute_two_items_in_kazakh(chromium: Any, served_app: Served, publication: int, tmp_path: Path) -> None:
    page = _sign_in(chromium, served_app, "enbek", lang="kk")
    page.click(f'a[href="/appeal/{publication}"]')
    assert page.locator("h1").inner_text() == "Қорытынды және келіспеушіліктер"
    assert "қоса алғанда қабылданады" in page.locator("#deadline").inner_text()
    page.select_option('select[name="item"]', "T7-1|kk")
    page.fill('textarea[name="position"]', "Баспасөз қызметінің телефоны «Байланыс» бетінде берілген")
    page.fill('textarea[name="documents"]', "Бұйрық №5 https://www.gov.kz/memleket/entities/enbek/press")
    page.click("#disagreement-form button")
    page.wait_for_url(f"**/appeal/{publication}")
    with page.expect_download() as download:
        page.click("#blank-table")
    blank, filled = tmp_path / "blank.xlsx", tmp_path / "filled.xlsx"
    download.value.save_as(blank)
    filled.write_bytes(_fill_table(blank, "T9-1", "Ведомстволық ұйымның сайтында ақпарат бар"))
    page.set_input_files('#table-form input[name="table"]', str(filled))
    page.click("#table-form button")
    page.wait_for_url(f"**/appeal/{publication}")
    assert {page.locator("#filed tr[data-item]").nth(i).get_attribute("data-item") for i in range(2)} == {
        "T7-1",
        "T9-1",
    }
    assert page.locator("#filed").inner_text().count("комиссияның шешімін күтуде") == 2
    page.context.close()


def _refused_after_the_deadline(chromium: Any, served_app: Served, publication: int) -> None:
    with session_scope(served_app.db) as session:  # three weeks earlier: the term is over
        found = session.get(Publication, publication)
        receipt = session.get(ConclusionReceipt, publication)
        assert found is not None and receipt is not None
        found.published_at -= timedelta(days=21)
        receipt.received_on -= timedelta(days=21)
        receipt.deadline -= timedelta(days=21)
    page = _sign_in(chromium, served_app, "enbek", lang="kk")
    page.goto(f"{served_app.url}/appeal/{publication}")
    assert "аяқталды" in page.locator("#deadline").inner_text()
    assert page.locator("#disagreement-form").count() == 0 and page.locator("#table-form").count() == 0
    token = page.locator('input[name="csrf_token"]').first.get_attribute("value")
    answer = page.context.request.post(
        f"{served_app.url}/appeal/{publication}/disagreements",
        form={"csrf_token": token or "", "item": "T1-1|ru", "position": "Кеш"},
        max_redirects=0,
    )
    assert answer.status == 409 and "енді қабылданбайды" in answer.text()
    page.context.close()


def _decide(chromium: Any, served_app: Served) -> None:
    page = _sign_in(chromium, served_app, "commission")
    page.goto(served_app.url + "/commission")
    for item, button in (("T7-1", "upheld"), ("T9-1", "rejected")):
        page.click(f'#waiting tr[data-item="{item}"] a')
        page.fill('textarea[name="reasons"]', f"Комиссия: {item}")
        page.click(f'#decision-form button[value="{button}"]')
        page.wait_for_url("**/commission")
    assert page.locator("#waiting").count() == 0
    decided = page.locator("#decided").inner_text()
    assert "T7-1" in decided and "T9-1" in decided
    page.context.close()


def _verify_the_package(chromium: Any, served_app: Served, signing_key: Path, tmp_path: Path) -> None:
    """A verifier downloads the WACZ of the revised conclusion and it verifies against the operator's key."""
    with session_scope(served_app.db) as session:
        revised = session.scalars(select(Publication.id).where(Publication.revision == 2)).one()
    page = _sign_in(chromium, served_app, "verifier")
    page.goto(served_app.url + "/publications")
    with page.expect_download() as download:
        page.click(f'a[href="/publications/{revised}/evidence.wacz"]')
    package = tmp_path / "enbek.wacz"
    download.value.save_as(package)
    verdict = verify_bundle(package, load_public_keys(signing_key.with_name("operator.key.pub")))
    assert verdict.ok, verdict.problems
    page.context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_the_appeal_end_to_end(chromium: Any, appeal_app: Served, signing_key: Path, tmp_path: Path) -> None:
    publication = _publish(chromium, appeal_app)
    before, revision = _final(appeal_app.db, appeal_app.run_id)
    assert revision == 1
    _dispute_two_items_in_kazakh(chromium, appeal_app, publication, tmp_path)
    _refused_after_the_deadline(chromium, appeal_app, publication)
    _decide(chromium, appeal_app)
    after, revision = _final(appeal_app.db, appeal_app.run_id)
    assert revision == 2 and after > before  # the upheld item earns its weight in the new revision
    page = _sign_in(chromium, appeal_app, "enbek", lang="kk")
    page.goto(appeal_app.url + "/publications")
    revised = page.locator("tr[data-publication]", has_text="2").locator('a[href^="/appeal/"]')
    revised.first.click()
    assert page.locator("#final").is_visible()
    citation = page.locator("#citation").inner_text()
    assert "T7-1" in citation and "қарсылық қабылданды" in citation and "T9-1" in citation
    page.context.close()
    _verify_the_package(chromium, appeal_app, signing_key, tmp_path)
