"""The search probe's reading of a results page (row 2.5, requirements 3 and 4) in a real Chromium:
the query kept in the results page's own plain text box, and the choices that form offers beyond the
query, are seen whatever the box's type and the form's role."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from ashyq.gather import probes
from ashyq.net.browser import open_browser
from ashyq.net.urlmap import BaseUrlMap

pytestmark = pytest.mark.browser


def results_page(lang: str, query: str, title: str, phrases: list[str]) -> str:
    order = '<select name="o"><option>1</option><option>2</option></select>' if phrases else ""
    choices = "".join(f'<label><input type="radio" name="p" value="{i}"> {t}</label>' for i, t in enumerate(phrases))
    return (
        f'<html lang="{lang}"><body><header><form action="/find" role="search"><input type="search" name="q">'
        f'</form></header><main><h1>{title}</h1><form id="find" action="/find" method="get">'
        f'<input type="text" name="word" value="{query}"><fieldset>{choices}{order}</fieldset></form>'
        '<div class="search-results"><a href="/a/1">1</a><a href="/a/2">2</a></div></main></body></html>'
    )


async def _read(pages: list[tuple[str, str]]) -> list[dict[str, Any]]:
    async with open_browser(url_map=BaseUrlMap({})) as session:
        context = await session.new_context()
        page = await context.new_page()
        out = []
        for html, query in pages:
            await page.set_content(html)
            out.append(await page.evaluate(probes.SEARCH_RESULTS, [query, ["Расширенный поиск"]]))
        return out


def test_query_kept_in_a_plain_box_and_the_choices_beside_it() -> None:
    kk = results_page("kk", "жылыту", "Іздеу нәтижелері", ["Барлық сөздер", "Кез келген сөз", "Дәл тіркес"])
    ru = results_page("ru", "отопление", "Результаты поиска", ["Все слова", "Любое слово", "Точная фраза"])
    plain = results_page("ru", "отопление", "Результаты поиска", []).replace('value="отопление"', 'value=""')
    one_filter = results_page("ru", "отопление", "Результаты поиска", []).replace(
        "<fieldset>", '<fieldset><select name="section"><option>Все</option><option>Новости</option></select>'
    )
    got = asyncio.run(_read([(kk, "жылыту"), (ru, "отопление"), (plain, "отопление"), (one_filter, "отопление")]))
    assert [(g["query_kept"], g["advanced"], g["results_count"]) for g in got] == [
        (True, True, 2),
        (True, True, 2),
        (False, False, 2),  # the query lost and no choice offered: neither is read into the page
        (True, False, 2),  # one filter beside the query is a filter, not an advanced search
    ]


async def _forms(pages: list[str], words: list[str]) -> list[dict[str, Any] | None]:
    async with open_browser(url_map=BaseUrlMap({})) as session:
        context = await session.new_context()
        page = await context.new_page()
        out = []
        for html in pages:
            await page.set_content(html)
            out.append(await page.evaluate(probes.SEARCH_FORM, [["form[role=search]", "input[type=search]"], words]))
        return out


def test_a_search_form_is_known_by_its_own_words_as_in_the_served_page() -> None:
    """Row 2.3's and 2.5's search form in the browser: a news engine's quick search (one box named «story», its
    mode a hidden «do=search», «Найти»; or «Іздеу» and a placeholder only) is found as the served page's reading
    finds it (the fixtures A14-2.3/search-form-told-by-its-own-words-*); a form of one e-mail box, a login and a
    message form are not search forms."""
    ru = (
        '<form action="/index.php" method="get"><input type="hidden" name="do" value="search">'
        '<input type="text" name="story" maxlength="50" placeholder="Поиск по сайту...">'
        '<input type="submit" value="Найти"></form>'
    )
    kk = (
        '<form method="post" action=""><input name="story" maxlength="40" placeholder="Сайт бойынша іздеу...">'
        "<button>Іздеу</button></form>"
    )
    others = [
        '<form action="/subscribe"><input type="email" name="email"><button>Подписаться</button></form>',
        '<form action="/login"><input name="login" placeholder="Логин"><input type="password" name="p">'
        "<button>Найти аккаунт</button></form>",
        '<form action="/ask"><input name="name"><textarea name="text"></textarea><button>Іздеу</button></form>',
        '<form action="/vote"><input type="text" name="other"><button>Дауыс беру</button></form>',
    ]
    got = asyncio.run(
        _forms([f"<html><body>{html}</body></html>" for html in (ru, kk, *others)], ["Іздеу", "Поиск", "Найти"])
    )
    assert [(g or {}).get("maxlength") for g in got[:2]] == [50, 40]
    assert all(g is not None and g["input"] for g in got[:2])
    assert got[2:] == [None] * len(others)
