"""Whole site, not a sample: the browser measures one page of every template (and the pages the markup
flagged), the checks read the markup of every harvested page in both languages — so a defect on a page
the browser never opened is still found, and the finding names that page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from ashyq_replica.accuracy.act import checkout_policy

from ashyq.base.artifacts import BodyArtifacts, PageSnapshot
from ashyq.checks.accessibility.visual import to_confirm
from ashyq.checks.registry import run_checks
from ashyq.config.check_settings import check_settings
from ashyq.gather.pages import gather_pages
from ashyq.gather.templates import choose, templates
from ashyq.gather.visits import GatherSettings

NEWS = 12
LONG = ("kk", 9)  # the one long news item without a "back to top" link
SKIP = {"ru": "Перейти к содержанию", "kk": "Мазмұнға өту"}


def _page(lang: str, title: str, main: str) -> str:
    other = "kk" if lang == "ru" else "ru"
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
        f'<body id="top"><a class="skip" href="#content">{SKIP[lang]}</a><header class="site">'
        f'<a class="brand" href="/{lang}/">Аким</a><a class="lang" href="/{other}/">{other}</a></header>'
        f'<nav class="menu"><ul><li><a href="/{lang}/">1</a></li><li><a href="/{lang}/news/1.html">2</a></li>'
        f'<li><a href="/{lang}/contacts.html">3</a></li></ul></nav>'
        f'<main id="content" tabindex="-1"><h1>{title}</h1>{main}</main>'
        f'<footer class="site"><a href="/{lang}/">©</a></footer></body></html>'
    )


def _news(lang: str, n: int) -> str:
    words = "Аким облысы азаматтарды қабылдады. " if lang == "kk" else "Аким области провёл приём граждан. "
    body = words * (160 if (lang, n) == LONG else 3)
    article = f'<article class="news"><p class="date">01.11.2026</p><p>{body}</p></article>'
    return _page(lang, f"{lang} news {n}", article)


def _contacts(lang: str) -> str:
    rows = "".join(f"<tr><td>Отдел {i}</td><td>+7 7172 00 00 0{i}</td></tr>" for i in range(5))
    return _page(lang, f"{lang} contacts", f'<table class="contacts"><tbody>{rows}</tbody></table>')


def _site(root: Path) -> dict[str, str]:
    """path → HTML: a home page, news items and a contact page in each language."""
    pages: dict[str, str] = {}
    for lang in ("ru", "kk"):
        latest = '<ul class="latest"><li><a href="news/1.html">1</a></li></ul>'
        pages[f"/{lang}/index.html"] = _page(lang, f"{lang} home", latest)
        pages[f"/{lang}/contacts.html"] = _contacts(lang)
        for n in range(1, NEWS + 1):
            pages[f"/{lang}/news/{n}.html"] = _news(lang, n)
    for path, html in pages.items():
        (root / path.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        (root / path.lstrip("/")).write_text(html, encoding="utf-8")
    return pages


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    root = tmp_path_factory.mktemp("site")
    pages = _site(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", pages
    finally:
        server.shutdown()
        thread.join(10)


def test_pages_group_by_structure_not_by_text(served: tuple[str, dict[str, str]]) -> None:
    base, pages = served
    groups = templates([(base + p, h) for p, h in pages.items()], home=base + "/ru/index.html")
    assert groups[0].representative == base + "/ru/index.html"
    news = next(g for g in groups if base + "/ru/news/1.html" in g.pages)
    # every news item, long or short, in either language, is one template
    assert {base + f"/{lang}/news/{n}.html" for lang in ("ru", "kk") for n in range(1, NEWS + 1)} <= set(news.pages)
    assert base + "/ru/contacts.html" not in news.pages


@pytest.mark.browser
def test_a_defect_on_a_page_the_browser_never_opened_is_found(served: tuple[str, dict[str, str]]) -> None:
    base, pages = served
    home = base + "/ru/index.html"
    snapshots = [
        PageSnapshot(url=base + p, lang=p.split("/")[1], html=h, depth=0 if p.endswith("index.html") else 1)
        for p, h in pages.items()
    ]
    artifacts = BodyArtifacts("site", "mio", date(2026, 11, 20), site_urls=(home,), pages=snapshots)
    sampling = check_settings("accessibility")["sampling"]
    choice = choose(
        [(s.url, s.html) for s in snapshots],
        home,
        to_confirm(artifacts),
        int(sampling["max_templates"]),
        int(sampling["max_confirm"]),
        float(sampling["template_similarity"]),
    )
    long_page = base + f"/{LONG[0]}/news/{LONG[1]}.html"
    assert long_page not in choice.urls
    assert len(choice.urls) == choice.templates < len(snapshots)

    settings = GatherSettings.from_config(policy=checkout_policy([home]), mobile=False, timeout_ms=20_000)
    gathered = gather_pages([s.url for s in snapshots], settings, home, chosen=choice.urls)
    assert {m.url for m in gathered.measurements} <= set(choice.urls)
    artifacts = BodyArtifacts(
        "site", "mio", date(2026, 11, 20), site_urls=(home,), pages=snapshots, measurements=gathered.measurements
    )
    found = {r.item: r for r in run_checks(artifacts, only_items=["A14-3.4"])}["A14-3.4"]
    assert found.status == "fail"
    (defect,) = [d for d in found.deficiencies if d.kind == "no_back_to_top"]
    assert defect.pages == [long_page]
