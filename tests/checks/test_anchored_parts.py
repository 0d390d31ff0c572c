"""A long page's parts that its menu links by their anchors are read as places of their own (:mod:`.anchored`):
titled by their headings, linked by the menu's labels, matched with the other language's parts by anchor or
place; a skip link, a back-to-top link, one act's table of contents and a page titled by its own heading over the
parts it links cut nothing."""

from __future__ import annotations

import lxml.html

from ashyq.base.artifacts import PageSnapshot
from ashyq.checks.completeness.anchored import anchored_parts
from ashyq.checks.completeness.corpus import Unit, page_units
from ashyq.checks.completeness.languages import counterpart

ONE_PAGE = {
    "kk": """<html><head><title>Басты бет — Ақжар ауылдық округі</title></head><body>
<a class="skip" href="#content">Негізгі мазмұнға өту</a>
<nav><a href="#about">Біз туралы</a> <a href="#budzhet">Бюджет</a> <a href="/kk/news">Жаңалықтар</a></nav>
<main id="content"><section id="about"><h1>Біз туралы</h1><p>Аппарат Заңға сәйкес жұмыс істейді.</p></section>
<section id="budzhet"><h2>Бюджет</h2><p>2026 жылғы бюджет 318,4 млн теңге.</p></section></main>
<p><a href="#top">Жоғары ↑</a></p></body></html>""",
    "ru": """<html><head><title>Главная — Акжарский сельский округ</title></head><body>
<nav><a href="#o-nas">О нас</a> <a href="#finansy">Финансы</a> <a href="/ru/news">Новости</a></nav>
<main><section id="o-nas"><h1>О нас</h1><p>Аппарат действует по Закону.</p></section>
<section id="finansy"><h2>Финансы</h2><p>Бюджет на 2026 год — 318,4 млн тенге.</p></section></main>
<p><a href="#top">Наверх ↑</a></p></body></html>""",
}
NEWS = """<html><head><title>Жаңалықтар</title></head><body><nav><a href="/kk/#about">Біз туралы</a>
<a href="/kk/#budzhet">Бюджет</a></nav><main><h1>Жаңалықтар</h1><p>Жиналыс өтті.</p></main></body></html>"""


def _units() -> list[Unit]:
    pages = [
        PageSnapshot(url=f"https://akzhar.gov.kz/{lang}/", lang=lang, html=html) for lang, html in ONE_PAGE.items()
    ]
    pages.append(PageSnapshot(url="https://akzhar.gov.kz/kk/news", lang="kk", html=NEWS))
    return page_units(pages)


def test_each_part_the_menu_links_is_a_unit_titled_by_its_heading_and_linked_by_the_menu() -> None:
    units = {u.url: u for u in _units()}
    budget = units["https://akzhar.gov.kz/kk/#budzhet"]
    assert budget.part == "budzhet" and budget.title == "бюджет" and budget.incoming == ("бюджет",)
    assert "318,4" in budget.main and "заң" not in budget.main.lower()
    home = units["https://akzhar.gov.kz/kk/"]
    # the page keeps its <title> (its h1 heads a part) and what it holds besides its parts; the menu's labels,
    # its own and the news page's («/kk/#budzhet»), name the parts, not the page
    assert home.title.startswith("басты бет") and "318,4" not in home.main
    assert "бюджет" not in home.incoming and "биз туралы" not in home.incoming
    assert [u.part for u in units.values() if u.lang == "ru" and u.part] == ["o-nas", "finansy"]


def test_a_part_s_counterpart_is_the_part_at_the_same_place_when_the_anchors_differ() -> None:
    units = _units()
    ru = [u for u in units if u.lang == "ru"]
    kk = [u for u in units if u.lang == "kk"]
    budget = next(u for u in kk if u.part == "budzhet")
    twin = counterpart(budget, "ru", ru, None, kk)  # type: ignore[arg-type]
    assert twin.unit is not None and twin.unit.part == "finansy"


def _parts(html: str) -> list[str]:
    return [p.anchor for p in anchored_parts(lxml.html.fromstring(html), "https://x.gov.kz/kk/")]


def test_a_skip_link_a_back_to_top_link_an_act_s_contents_and_a_titled_page_s_contents_cut_nothing() -> None:
    skip = """<html><body id="top"><a href="#content">Skip</a><main id="content"><div id="a"><h2>A</h2></div></main>
    <a href="#top">Top</a></body></html>"""
    assert _parts(skip) == []
    act = """<html><body><main><h1>Қағидалар</h1><ul><li><a href="#ch1">1-тарау. Жалпы ережелер</a></li>
    <li><a href="#ch2">2-тарау. Сатып алу тәртібі</a></li></ul>
    <div id="ch1"><h2>1-тарау. Жалпы ережелер</h2><p>…</p></div>
    <div id="ch2"><h2>2-тарау. Сатып алу тәртібі</h2><p>…</p></div></main></body></html>"""
    assert _parts(act) == []
    menu = act.replace("1-тарау. Жалпы ережелер", "Біз туралы").replace("2-тарау. Сатып алу тәртібі", "Сатып алу")
    # a section page titled by its own heading over the parts its contents (or tabs) link is read whole
    assert _parts(menu) == []
    assert _parts(menu.replace("<h1>Қағидалар</h1>", "")) == ["ch1", "ch2"]
    # an element holding the linked parts is the page's content, not a part
    frame = """<html><body><a href="#all">Барлығы</a><a href="#a">A</a><a href="#b">B</a><div id="all">
    <section id="a"><h2>A</h2></section><section id="b"><h2>B</h2></section></div></body></html>"""
    assert _parts(frame) == ["a", "b"]
