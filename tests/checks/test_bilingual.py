"""A page carrying both languages is read as two versions; a page quoting the other language is not."""

from __future__ import annotations

from ashyq.base.artifacts import PageSnapshot
from ashyq.checks.completeness.bilingual import language_versions
from ashyq.checks.completeness.corpus import page_units

KK = "Аудан әкімдігінің 2026 жылғы бюджеті туралы шешім мәслихаттың сессиясында қабылданды. " * 3
RU = "Решение о бюджете района на 2026 год принято на сессии районного маслихата. " * 3
ANTHEM = "Алтын күн аспаны, Алтын дән даласы, Ерліктің дастаны, Еліме қарашы! Ежелден ер деген. " * 3


def _page(html: str, lang: str = "kk") -> PageSnapshot:
    return PageSnapshot(url="https://example.gov.kz/budget", status=200, html=html, lang=lang)


def test_two_marked_columns_are_two_versions() -> None:
    html = (
        f'<html lang="kk"><body><nav><a href="/">Басты бет / Главная</a></nav><main>'
        f'<div lang="kk"><h1>Бюджет</h1><p>{KK}</p></div><div lang="ru"><h1>Бюджет</h1><p>{RU}</p>'
        f'<p lang="kk">{ANTHEM}</p></div></main></body></html>'
    )
    versions = language_versions(html)
    assert versions is not None
    assert "Решение" not in versions["kk"] and "Аудан" in versions["kk"] and "Басты бет" in versions["kk"]
    assert "Аудан" not in versions["ru"] and "Решение" in versions["ru"]
    assert "Алтын күн" in versions["ru"]  # marked Kazakh inside the Russian column stays with the column
    units = page_units([_page(html)])
    assert sorted(u.lang for u in units) == ["kk", "ru"]
    assert {u.url for u in units} == {"https://example.gov.kz/budget"}


def test_a_quotation_or_a_language_switch_is_no_second_version() -> None:
    anthem = f'<html lang="ru"><body><main><h1>Гимн</h1><p>{RU}</p><p lang="kk">{ANTHEM}</p></main></body></html>'
    assert language_versions(anthem) is None  # only the Kazakh is marked
    switch = (
        f'<html lang="ru"><body><nav><a lang="kk" href="/kk/">Қазақша</a><a lang="ru" href="/ru/">Русский</a></nav>'
        f"<main><p>{RU}</p></main></body></html>"
    )
    assert language_versions(switch) is None  # both marked, neither holds material
    assert [u.lang for u in page_units([_page(switch, "ru")])] == ["ru"]
