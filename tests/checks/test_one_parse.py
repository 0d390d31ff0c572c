"""The content checks read each page from one parse, and the shared tree's text is read without
copying it: the same units and texts as reading the page several times, at the cost of one parse."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from ashyq.base.artifacts import BodyArtifacts, PageSnapshot
from ashyq.base.text import html_parts
from ashyq.checks.accessibility.website import main_text
from ashyq.checks.completeness import corpus
from ashyq.checks.completeness.deficiencies import citations_without_links
from ashyq.checks.completeness.keywords import load_cached
from ashyq.checks.completeness.page_blocks import content_blocks
from ashyq.checks.registry import run_checks

PAGES = {
    "ru": """<html><head><title>Бюджет</title><base href="https://site.gov.kz/ru/"></head><body>
<nav><a href="budget">Бюджет</a> <a href="/ru/contacts">Контакты</a></nav>
<main><h1>Исполнение бюджета</h1>
<p>Отчет по итогам 9 месяцев 2025 года. <a href="files/report.pdf">Скачать отчет</a></p>
<p>Согласно Закону Республики Казахстан «О доступе к информации» от 16 ноября 2015 года</p>
<ul><li>Пункт <a href="https://adilet.zan.kz/rus/docs/Z1500000401">закона</a></li></ul>
<script>var x = "<p>не текст</p>";</script></main>
<footer>© 2009–2026</footer></body></html>""",
    "kk": """<html><head><title>Бюджет</title></head><body>
<nav><a href="/kk/budget">Бюджет</a></nav>
<main><h1>Бюджеттің атқарылуы</h1><p>2025 жылғы 9 айдағы есеп. <a href="/kk/r.pdf">Жүктеу</a></p>
<p>Қазақстан Республикасының «Ақпаратқа қол жеткізу туралы» Заңы</p></main></body></html>""",
}


def _pages() -> list[PageSnapshot]:
    return [
        PageSnapshot(url=f"https://site.gov.kz/{lang}/budget", lang=lang, html=html, depth=1)
        for lang, html in PAGES.items()
    ]


def test_a_unit_is_what_reading_the_page_several_times_gave() -> None:
    for page in _pages():
        (unit,) = corpus.page_units([page])
        parts = html_parts(page.html)
        assert unit.shown_title or unit.title
        assert unit.main.replace(" ", "") != ""
        blocks = content_blocks(page.html)
        assert [b.raw_heading for b in unit.blocks] == [b.raw_heading for b in blocks]
        assert len(unit.blocks) == len(blocks)
        assert unit.links == " ".join(parts.hrefs).lower()
        assert unit.paragraphs is not None and not any("не текст" in t for t, _ in unit.paragraphs)
    ru = corpus.page_units([_pages()[0]])[0]
    # link targets made absolute against the page's <base href>, as a browser resolves them
    assert ("бюджет", "https://site.gov.kz/ru/budget") in ru.anchors
    assert ("скачать отчет", "https://site.gov.kz/ru/files/report.pdf") in ru.anchors
    assert ("контакты", "https://site.gov.kz/ru/contacts") in ru.anchors


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_a_citation_without_a_link_is_found_from_the_parsed_paragraphs(lang: str) -> None:
    page = next(p for p in _pages() if p.lang == lang)
    (unit,) = corpus.page_units([page])
    vocabulary = load_cached("appendix15")
    found = citations_without_links(unit, vocabulary, lang)
    assert found is not None  # the paragraph citing the law has no link
    linked_only = page.html.replace("<p>Согласно", "<p><a href='/law'>Согласно").replace(
        "<p>Қазақстан", "<p><a href='/law'>Қазақстан"
    )
    (linked,) = corpus.page_units([PageSnapshot(url=page.url, lang=lang, html=linked_only, depth=1)])
    assert citations_without_links(linked, vocabulary, lang) is None


def test_the_content_checks_parse_each_page_once(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [
        PageSnapshot(url=f"https://site.gov.kz/{lang}/p{n}", lang=lang, html=html.replace("budget", f"b{n}"), depth=1)
        for n in range(6)
        for lang, html in PAGES.items()
    ]
    artifacts = BodyArtifacts("b", "cgo", date(2026, 11, 20), site_urls=("https://site.gov.kz/ru/",), pages=pages)
    parsed: list[int] = []
    real = lxml.html.document_fromstring

    def counting(html: str, *args: object, **kwargs: object) -> lxml.html.HtmlElement:
        parsed.append(1)
        return real(html, *args, **kwargs)

    monkeypatch.setattr(lxml.html, "document_fromstring", counting)
    results = run_checks(artifacts, only_items=["A15-1.1", "T7-1", "A16-1.1"])
    assert results and all(r.check for r in results)
    assert len(parsed) == len(pages)


def test_the_text_of_a_shared_tree_is_read_without_changing_it() -> None:
    html = "<html><body><p>a<!-- c -->b<script>x</script>c<b>d</b></p><template><p>t</p></template>e</body></html>"
    root = lxml.html.fromstring(html)
    before = lxml.html.tostring(root)
    assert main_text(root) == "a bc d e"  # a dropped element's tail joins the text before it
    assert lxml.html.tostring(root) == before
