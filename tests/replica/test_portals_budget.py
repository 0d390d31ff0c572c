"""Contract tests for the budget.egov.kz replica (portals.md section 3)."""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from ashyq_replica.core import World
from ashyq_replica.portals.budget import create_app
from ashyq_replica.portals.content.catalogue import portal_content, portal_defects
from portal_harness import Served

WORLD = World()


def agency(body_id: str) -> int:
    value = WORLD.body(body_id).ids.budget_gov_agency_id
    assert value is not None
    return value


def search_path(body_id: str, number: int = 1) -> str:
    return f"/application/search?budgetStatus=ALL&govAgencyId={agency(body_id)}&page={number}&searchType=ALL"


@pytest.fixture(scope="module")
def site() -> Iterator[Served]:
    served = Served(create_app(WORLD))
    yield served
    served.close()


def all_results(site: Served, body_id: str, lang: str | None = None) -> list[tuple[str, str]]:
    first = site.get(search_path(body_id), lang=lang)
    pages = int(first.text.split("totalPages: ")[1].split(",")[0])
    links = []
    for number in range(1, pages + 1):
        soup = site.get(search_path(body_id, number), lang=lang).soup()
        links += [(a["href"], a.get_text()) for a in soup.select("h2 > a")]
    return links


def test_search_pages_ten_results_with_h2_links(site: Served) -> None:
    budget = portal_content(WORLD)["enbek"].budget
    assert budget is not None
    results = all_results(site, "enbek")
    assert len(results) == len(budget.programmes) + len(budget.materials) > 10
    assert len(site.get(search_path("enbek")).soup().select("h2 > a")) == 10
    assert any(href.startswith("/budgetprogram/budgetprogram?govAgencyId=") for href, _ in results)


def test_programme_card_has_tabs_comment_links_and_file_list(site: Served) -> None:
    budget = portal_content(WORLD)["enbek"].budget
    assert budget is not None
    programme = budget.programmes[0]
    card = site.get(
        f"/budgetprogram/budgetprogram?govAgencyId={agency('enbek')}&budgetId={programme.budget_id}&lang=ru"
    )
    soup = card.soup()
    assert programme.name.ru in soup.h1.get_text()
    for tab in ("PROJECT", "APPROVED", "REPORT"):
        cells = soup.select(f"div#tab-{tab} tbody > tr > td")
        assert len(cells) % 2 == 0 and cells
    labels = [tr.find("td").get_text() for tr in soup.select("div#tab-PROJECT tbody > tr")]
    assert "Администратор бюджетных программ" in labels
    assert soup.find("a", string="Комментировать")
    assert "<!-- filelist -->" in card.text
    rows = card.text.split("<!-- filelist -->")[1]
    files = [tr.find_all("td") for tr in type(soup)(rows, "lxml").select("tbody tr")]
    assert files and all(len(tds) == 3 and tds[2].a["href"] for tds in files)
    datetime.strptime(files[0][1].get_text(), "%d.%m.%Y")
    comments = soup.select("div.comment")
    assert len(comments) == len(programme.comments)
    answered = [c for c in comments if c.select_one("div.comment-answer p.answer-text")]
    assert len(answered) == sum(c.answer is not None for c in programme.comments)


def test_language_defaults_to_kazakh_and_follows_cookie_query_and_changelang(site: Served) -> None:
    budget = portal_content(WORLD)["enbek"].budget
    assert budget is not None
    path = f"/budgetprogram/budgetprogram?govAgencyId={agency('enbek')}&budgetId={budget.programmes[0].budget_id}"
    assert budget.programmes[0].name.kk in site.get(path).soup().h1.get_text()
    assert budget.programmes[0].name.ru in site.get(path, lang="ru").soup().h1.get_text()
    assert budget.programmes[0].name.ru in site.get(path + "&lang=ru").soup().h1.get_text()
    switched = site.get("/application/changelang?lang=ru&location=/application/search")
    assert switched.status == 302 and switched.set_cookies["egovLang"] == "ru"
    assert switched.headers["Location"] == "/application/search"


def test_restricted_body_shows_a_notice_instead_of_materials(site: Served) -> None:
    soup = site.get(search_path("mod")).soup()
    assert soup.select_one("div.restricted")
    budget = portal_content(WORLD)["mod"].budget
    assert budget is not None and budget.restricted
    card = site.get(
        f"/budgetprogram/budgetprogram?govAgencyId={agency('mod')}&budgetId={budget.programmes[0].budget_id}"
    )
    assert card.soup().select_one("div.restricted") and not card.soup().select_one("div#tab-PROJECT")


def test_downloads_are_word_documents(site: Served) -> None:
    budget = portal_content(WORLD)["enbek"].budget
    assert budget is not None
    reply = site.get(f"/application/downloadfile?id={budget.materials[0].file.id}")
    assert reply.status == 200
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(reply.body)).namelist()


def _material_info(site: Served, body_id: str, href: str, lang: str = "ru") -> dict[str, str]:
    soup = site.get(href, lang=lang).soup()
    return {
        tr.find_all("td")[0].get_text(): tr.find_all("td")[1].get_text() for tr in soup.select("table.document-info tr")
    }


def test_declared_budget_defects_are_served(site: Served) -> None:
    defects = [d for d in portal_defects(WORLD) if d.item.startswith(("T2-", "T3-"))]
    assert {d.body for d in defects} >= {"adilet", "astana", "karaganda"}
    for defect in defects:
        measured = dict(defect.measured)
        lang = defect.lang or "ru"
        results = all_results(site, defect.body, lang)
        titles = [title for _, title in results]
        if defect.item == "T2-1":
            assert sum("Пояснительная записка" in t or "Түсіндірме жазба" in t for t in titles) == 0
            assert len(all_results(site, defect.body, "ru")) > len(results)
        if defect.item in ("T2-3", "T3-1"):
            ru_results = all_results(site, defect.body, "ru")
            href = next(h for h, t in ru_results if "Отчёт о реализации бюджетных программ" in t)
            info = _material_info(site, defect.body, href)
            assert datetime.strptime(info["Дата публикации"], "%d.%m.%Y").date().isoformat() == measured["posted"]
        if defect.item in ("T2-4", "T3-2"):
            href = next(h for h, t in results if "государственного аудита" in t or "мемлекеттік аудит" in t.lower())
            info = _material_info(site, defect.body, href, lang)
            key = "Дата получения" if lang == "ru" else "Алынған күні"
            received = datetime.strptime(info[key], "%d.%m.%Y").date().isoformat()
            assert received == measured["received"]
        if defect.item in ("T2-5", "T3-3"):
            assert not any("Гражданский бюджет" in t or "Азаматтық бюджет" in t for t in titles)
        if defect.item in ("T2-11", "T3-7"):
            assert not any("публичном обсуждении" in t or "жария талқылау" in t for t in titles)
        if defect.item in ("T2-8", "T3-4", "T2-10", "T3-6"):
            empty = unanswered = total = 0
            for href, _ in results:
                if "budgetprogram" not in href:
                    continue
                soup = site.get(href, lang=lang).soup()
                empty += any(not tr.find_all("td")[1].contents[0].strip() for tr in soup.select("div#tab-PROJECT tr"))
                comments = soup.select("div.comment")
                total += len(comments)
                unanswered += sum(not c.select_one("div.comment-answer") for c in comments)
            if defect.item in ("T2-8", "T3-4"):
                assert empty == measured["denominator"] - measured["numerator"] > 0
            else:
                assert (total, total - unanswered) == (measured["denominator"], measured["numerator"])
