"""Contract tests for the dialog.egov.kz replica (portals.md section 5)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from ashyq_replica.core import World
from ashyq_replica.portals.content.catalogue import portal_content, portal_defects
from ashyq_replica.portals.content.defects import blog_post_points
from ashyq_replica.portals.dialog import create_app
from portal_harness import Served

from ashyq.base.working_days import half_year_bounds

WORLD = World()


def blog_id(body_id: str) -> int:
    value = WORLD.body(body_id).ids.dialog_blog_id
    assert value is not None
    return value


@pytest.fixture(scope="module")
def site() -> Iterator[Served]:
    served = Served(create_app(WORLD))
    yield served
    served.close()


def pages_of(site: Served, path: str, lang: str | None = None) -> list[str]:
    first = site.get(f"{path}?page=1", lang=lang).text
    total = int(re.search(r"totalPages: (\d+)", first).group(1))  # type: ignore[union-attr]
    return [first] + [site.get(f"{path}?page={n}", lang=lang).text for n in range(2, total + 1)]


def dates_after_calendar(html: str) -> list[date]:
    return [datetime.strptime(d, "%d.%m.%Y").date() for d in re.findall(r'fa-calendar"></i> (\d\d\.\d\d\.\d{4})', html)]


def test_robots_txt(site: Served) -> None:
    lines = site.get("/robots.txt").text.splitlines()
    assert {"Disallow: /search", "Disallow: /blogs/search/", "Disallow: /blogs/all-questions", "Crawl-delay: 1"} <= set(
        lines
    )


def test_welcome_is_kazakh_by_default_and_follows_egovlang(site: Served) -> None:
    blog = portal_content(WORLD)["enbek"].blog
    assert blog is not None
    assert site.get(f"/blogs/{blog.blog_id}/welcome").soup().h1.get_text() == blog.head.kk
    assert site.get(f"/blogs/{blog.blog_id}/welcome", lang="ru").soup().h1.get_text() == blog.head.ru
    switched = site.get("/application/changelang?lang=ru&location=/blogs/32777/welcome")
    assert switched.set_cookies["egovLang"] == "ru" and switched.headers["Location"] == "/blogs/32777/welcome"
    assert site.get("/blogs/999/welcome").status == 404


def posts_in_year(site: Served, body_id: str, lang: str) -> int:
    """Entries in the reporting period the checks judge: the calendar year of as_of, up to as_of."""
    days = [d for html in pages_of(site, f"/blogs/{blog_id(body_id)}/posts", lang) for d in dates_after_calendar(html)]
    return sum(date(WORLD.as_of.year, 1, 1) <= d <= WORLD.as_of for d in days)


def test_blog_post_counts_exercise_every_table6_band(site: Served) -> None:
    points = {posts_in_year(site, body_id, "ru") for body_id in ("enbek", "adilet", "mod", "karaganda")}
    assert {blog_post_points(n) for n in points} == {1.5, 1.0, 0.5, 0.3}


def test_questions_page_structure_and_answers(site: Served) -> None:
    blog = portal_content(WORLD)["enbek-center"].blog
    assert blog is not None
    soup = site.get(f"/blogs/{blog.blog_id}/questions?page=1", lang="ru").soup()
    cards = [row for row in soup.select("div.col-xs-12 > div.row") if "answers" not in row.get("class", [])]
    assert len(cards) == 10
    by_id = {q.id: q for q in blog.questions}
    for card in cards:
        number = card.select_one("ul.blog-info i.fa-pencil").parent.get_text()
        qid = int(re.search(r"№ (\d+)", number).group(1))  # type: ignore[union-attr]
        assert card.select_one("ul.blog-info i.fa-tags") and card.select_one("ul.blog-info i.fa-calendar")
        assert card.select_one("a.readmore")["href"] == f"/blogs/all-questions/{qid}"
        answers = soup.select_one(f'div.answers[id="{qid}"]')
        assert (answers is not None) == (by_id[qid].answer is not None)
    detail = site.get(cards[0].select_one("a.readmore")["href"]).soup()
    assert detail.select_one("div#firstFocus div.b-question > p").get_text()


def test_questions_stop_in_january_2023_but_posts_and_events_continue(site: Served) -> None:
    for body_id in ("enbek", "karaganda"):
        asked = [
            d for html in pages_of(site, f"/blogs/{blog_id(body_id)}/questions") for d in dates_after_calendar(html)
        ]
        assert asked and max(asked) < date(2023, 1, 15)
    posted = dates_after_calendar(site.get(f"/blogs/{blog_id('enbek')}/posts?page=1").text)
    assert max(posted) > date(2023, 1, 15)
    polls = site.get(f"/blogs/{blog_id('enbek')}/polls").soup().select("div.event h3 a")
    conferences = site.get(f"/blogs/{blog_id('enbek')}/conferences").soup().select("div.event h3 a")
    assert polls and conferences
    poll = site.get(polls[0]["href"], lang="ru").soup()
    assert len(poll.select("li.poll-option span.votes")) == 3


def test_declared_dialog_defects_are_served(site: Served) -> None:
    defects = [d for d in portal_defects(WORLD) if d.item in ("T6-1", "T6-2", "T11-2", "T1-5")]
    # T11-2 counts the questions of the reporting period: the archive closed in January 2023
    assert {d.item for d in defects} == {"T6-1", "T6-2", "T1-5"}
    for defect in defects:
        measured = dict(defect.measured)
        lang = defect.lang or "ru"
        if defect.item == "T6-2":
            assert posts_in_year(site, defect.body, lang) == measured["posts"]
        elif defect.item in ("T6-1", "T1-5"):
            starts = []
            for route in ("conferences", "polls"):
                for event in site.get(f"/blogs/{blog_id(defect.body)}/{route}", lang="ru").soup().select("div.event"):
                    title = event.h3.get_text()
                    if defect.item == "T6-1" or "открытые данные" in title.lower() or "открытых данных" in title:
                        starts += dates_after_calendar(str(event))
            for label in str(measured["half_years_without"]).split(","):
                year, part = label.split("-H")
                start, end = half_year_bounds((int(year), int(part)))
                assert not any(start <= d <= end for d in starts)
