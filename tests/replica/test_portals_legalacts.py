"""Contract tests for the legalacts.egov.kz replica (portals.md section 4)."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).parent))
from ashyq_replica.core import World
from ashyq_replica.portals.content.catalogue import portal_content, portal_defects
from ashyq_replica.portals.content.model import NpaDraft
from ashyq_replica.portals.legalacts import create_app
from portal_harness import Served

WORLD = World()
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def government(body_id: str) -> int:
    value = WORLD.body(body_id).ids.legalacts_government_id
    assert value is not None
    return value


@pytest.fixture(scope="module")
def site() -> Iterator[Served]:
    served = Served(create_app(WORLD))
    yield served
    served.close()


def list_all(site: Served, query: str, lang: str | None = None) -> list[BeautifulSoup]:
    first = site.get(f"/list?{query}&page=1", lang=lang)
    pages = int(re.search(r"totalPages: (\d+)", first.text).group(1))  # type: ignore[union-attr]
    cards = []
    for number in range(1, pages + 1):
        cards += site.get(f"/list?{query}&page={number}", lang=lang).soup().select("div.contentlist")
    return cards


def test_robots_txt_is_the_real_one(site: Served) -> None:
    lines = site.get("/robots.txt").text.splitlines()
    disallowed = {line.split(": ")[1] for line in lines if line.startswith("Disallow")}
    assert disallowed == {
        "/npa/view",
        "/application",
        "/report",
        "/legalact/",
        "/filtercomments/",
        "/public",
        "/subscriptioncontroller/",
        "/admin/",
        "/security/",
        "/captcha/",
    }


def test_list_cards_five_a_page_with_the_real_structure(site: Served) -> None:
    drafts = portal_content(WORLD)["enbek"].drafts
    reply = site.get(f"/list?governmentId={government('enbek')}&status=&page=1", lang="ru")
    cards = reply.soup().select("div.contentlist")
    assert len(cards) == 5
    assert f"totalPages: {-(-len(drafts) // 5)}" in reply.text
    by_id = {d.id: d for d in drafts}
    for card in cards:
        href = card.select_one("h3 a")["href"]
        draft = by_id[int(href.split("=")[1])]
        info = card.select_one("div.info").get_text(" ", strip=True)
        assert "Статус:" in info and "Тип НПА:" in info
        assert re.search(r"Дата создания: (\d\d/\d\d/\d{4})", info).group(1) == f"{draft.created:%d/%m/%Y}"  # type: ignore[union-attr]
        tags = card.select_one("div.tags")
        for icon in ("icon1", "icon2", "icon3", "icon4", "icon5"):
            assert tags.select_one(f"span.{icon}") is not None
        assert tags.select_one("span.icon1").next_sibling.strip() == str(len(draft.comments))
        rejected = re.search(r"fa-times-circle[^>]*></i></span>(\d+)", str(tags)).group(1)  # type: ignore[union-attr]
        assert int(rejected) == draft.rejected
        assert card.select_one("div.readmore a[href^='/application/downloadnpa?id=']")


def test_regulatory_policy_documents_list(site: Served) -> None:
    cards = list_all(site, f"governmentId={government('enbek')}&types[0]=7001&types[1]=7002")
    expected = [d for d in portal_content(WORLD)["enbek"].drafts if d.is_regulatory_policy]
    assert len(cards) == len(expected) > 0


def versioned(body_id: str) -> NpaDraft:
    return next(d for d in portal_content(WORLD)[body_id].drafts if d.versions)


def test_document_card_matches_the_fixture_structure(site: Served) -> None:
    draft = versioned("enbek")
    soup = site.get(f"/npa/view?id={draft.id}", lang="ru").soup()
    assert soup.select_one(".view-npa h2").get_text() == draft.title.ru
    labels = [b.get_text() for b in soup.select(".view-npa small > b")]
    assert {"Статус:", "Версия проекта:", "Тип НПА:", "Дата создания:", "Публичное обсуждение до:"} <= set(labels)
    history = soup.select_one('.view-npa a[href^="/application/viewcardhistory?id="]')
    assert history is not None
    assert soup.select("ul.conceptFiles li a") and soup.select_one("div.commentable-div")
    assert soup.select_one('ul.blog-info i[title="Всего комментариев"]')
    assert soup.select_one(f'ul.breadcrumb a[href="/list?governmentId={government("enbek")}"]')
    comments = soup.select(".main-comments > .media > .media-body")
    assert len(comments) == len(draft.comments)
    for node, comment in zip(comments, draft.comments, strict=True):
        assert node.select("h4.media-heading")[0].get_text(strip=True) == comment.author
        assert re.search(r"\d\d/\d\d - \d\d:\d\d", node.select("h4.media-heading")[1].get_text())
        assert node.select_one(f'p[id="{comment.id}"]').get_text() == comment.text
        answer = node.select_one('.media[style*="margin-left"]')
        assert (answer is not None) == (comment.answer is not None)
        if answer is not None:
            assert answer.select_one("i.fa-tags")
    page = site.get(history["href"], lang="ru")
    assert re.search(r"\d{4}-\d\d-\d\d 00:00:00\.0", page.text)
    assert not page.soup().select(".main-comments")


def test_kazakh_without_cookie_and_changelang_sets_it(site: Served) -> None:
    draft = portal_content(WORLD)["enbek"].drafts[0]
    kk = site.get(f"/npa/view?id={draft.id}").soup()
    assert kk.select_one(".view-npa h2").get_text() == draft.title.kk
    assert "Мәртебесі:" in [b.get_text() for b in kk.select(".view-npa small > b")]
    switched = site.get("/application/changelang?lang=ru&location=/list?status=IN_ARCHIVE")
    assert switched.status == 302 and switched.set_cookies["egovLang"] == "ru"
    assert switched.headers["Location"] == "/list?status=IN_ARCHIVE"


def test_draft_download_is_a_valid_docx(site: Served) -> None:
    draft = portal_content(WORLD)["enbek"].drafts[0]
    reply = site.get(f"/application/downloadnpa?id={draft.docx_id}")
    document = zipfile.ZipFile(io.BytesIO(reply.body)).read("word/document.xml").decode()
    assert draft.title.kk in document


def test_declared_npa_defects_are_served(site: Served) -> None:
    defects = [d for d in portal_defects(WORLD) if d.item.startswith(("T4-", "T5-"))]
    assert {d.item for d in defects} >= {"T4-1", "T4-2", "T4-3", "T4-4", "T5-1", "T5-2", "T5-3"}
    for defect in defects:
        measured = dict(defect.measured)
        lang = defect.lang or "ru"
        query = f"governmentId={government(defect.body)}&status="
        if defect.item == "T4-1":
            assert not list_all(site, f"governmentId={government(defect.body)}&types[0]=7001&types[1]=7002")
            continue
        cards = list_all(site, query, lang)
        ids = [int(c.select_one("h3 a")["href"].split("=")[1]) for c in cards]
        pages = {i: site.get(f"/npa/view?id={i}", lang=lang).soup() for i in ids}
        if defect.item in ("T4-2", "T5-1"):
            for draft_id in str(measured["drafts"]).split(","):
                names = [li.get_text() for li in pages[int(draft_id)].select("ul.conceptFiles li")]
                amendment = "изменений" in pages[int(draft_id)].select_one(".view-npa h2").get_text() or lang == "kk"
                assert not any("Пояснительная" in n or "Түсіндірме" in n for n in names) or (
                    amendment and not any("Сравнительная" in n or "Салыстырма" in n for n in names)
                )
        elif defect.item in ("T4-3", "T5-2"):
            for entry in str(measured["drafts"]).split(","):
                draft_id, reason = entry.split(":")
                soup = pages[int(draft_id)]
                if reason == "no-discussion-date":
                    label = "Публичное обсуждение до:" if lang == "ru" else "Жария талқылау мерзімі:"
                    small = next(s for s in soup.select(".view-npa small") if s.b.get_text() == label)
                    assert small.get_text().replace(label, "").strip() == ""
                else:
                    title = soup.select_one(".view-npa h2").get_text()
                    assert not KAZAKH_LETTERS & set(title) and re.search(r"[a-z]", title)
                    ru = site.get(f"/npa/view?id={draft_id}", lang="ru").soup().select_one(".view-npa h2").get_text()
                    assert not re.search(r"[a-z]", ru)
        elif defect.item in ("T4-4", "T5-3"):
            total = sum(len(s.select(".main-comments > .media")) for s in pages.values())
            answered = sum(len(s.select('.main-comments .media[style*="margin-left"]')) for s in pages.values())
            assert (answered, total) == (measured["numerator"], measured["denominator"])


def test_home_address_opens_the_list_of_drafts(site: Served) -> None:
    # bodies' sites link the portal's home («Открытые НПА», https://legalacts.egov.kz/): it is no dead link
    reply = site.get("/")
    assert reply.status == 302
    assert reply.headers["Location"] == "/list"
    assert site.get(reply.headers["Location"]).soup().select("div.contentlist")
