"""A finding cites a link's label as the page writes it, in Kazakh and in Russian: Kazakh is matched
in its folded spelling (``қ`` as ``к``, a Latin ``i`` as ``и`` …), but the citation is the page's text."""

from __future__ import annotations

from datetime import date

import pytest

from ashyq.base.artifacts import BodyArtifacts, PageSnapshot
from ashyq.base.text import fold_kazakh
from ashyq.checks.registry import run_checks

SITE = "https://site.gov.kz"
# the labels as the pages write them: a Latin «i» for «і» (old fonts), capitals, doubled spaces
LABELS = {"kk": "Бюджеттiң  Атқарылуы", "ru": "Исполнение  Бюджета"}
SHOWN = {"kk": "Бюджеттiң Атқарылуы", "ru": "Исполнение Бюджета"}  # white space squashed, nothing else
TITLES = {"kk": ("Бюджет", "Есептер"), "ru": ("Бюджет", "Отчеты")}
REPORT = {"kk": "<p>2025 жылғы 9 айдағы есеп: 12 000 мың теңге.</p>", "ru": "<p>Отчет за 9 месяцев 2025 года.</p>"}


def _page(path: str, lang: str, title: str, body: str) -> PageSnapshot:
    html = f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>"
    return PageSnapshot(url=SITE + path, lang=lang, html=html, depth=1)


def _snippets(lang: str, harvest_target: bool) -> list[str]:
    section, target = TITLES[lang]
    pages = [_page(f"/{lang}/budget", lang, section, f'<p><a href="/{lang}/budget/execution">{LABELS[lang]}</a></p>')]
    if harvest_target:
        pages.append(_page(f"/{lang}/budget/execution", lang, target, REPORT[lang]))
    artifacts = BodyArtifacts("b", "cgo", date(2026, 1, 20), site_urls=(f"{SITE}/{lang}/",), pages=pages)
    (result,) = [r for r in run_checks(artifacts, only_items=["A15-1.6"]) if r.lang == lang]
    return [e.snippet or "" for e in result.evidence]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_page_a_label_names_is_cited_by_the_label_as_written(lang: str) -> None:
    snippets = _snippets(lang, harvest_target=True)
    assert f"the page linked as «{SHOWN[lang]}»" in snippets
    assert not any(fold_kazakh(SHOWN[lang]) in s for s in snippets)  # never the folded spelling
    assert not any(SHOWN[lang].lower() in s for s in snippets)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_link_whose_target_was_not_harvested_is_cited_as_written(lang: str) -> None:
    snippets = _snippets(lang, harvest_target=False)
    assert any(s.startswith(f"the link «{SHOWN[lang]}» (") for s in snippets), snippets
    assert not any(fold_kazakh(SHOWN[lang]) in s for s in snippets)
