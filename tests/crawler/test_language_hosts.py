"""A body whose second language lives on a host of its own (``kk.`` / ``ru.``), as many district and
regional akimats' sites do: the site's own language switch names the other host, and that host's
pages are the body's site too; another host of the same domain the switch does not name, and a
switch to another domain, are not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from aiohttp import web
from crawl_harness import Crawl, ServedApp, crawl

from ashyq.crawler.runner import CrawlRequest
from ashyq.crawler.spiders.site import same_registrable_domain
from ashyq.crawler.spiders.site_page import parse_page

KK_HOST = "https://kk.audan.gov.kz"
RU_HOST = "https://ru.audan.gov.kz"
BLOG_HOST = "https://blog.audan.gov.kz"  # the same domain, linked as an ordinary link
OTHER_HOST = "https://qazaqsha.example.kz"  # another domain, linked as a language


def _page(lang: str, title: str, body: str, head: str = "") -> web.Response:
    return web.Response(
        text=f'<!doctype html><html lang="{lang}"><head><title>{title}</title>{head}</head><body>{body}</body></html>',
        content_type="text/html",
        charset="utf-8",
    )


def _kk_app() -> web.Application:
    async def home(request: web.Request) -> web.Response:
        return _page(
            "kk",
            "Аудан әкімдігі",
            f'<a href="{RU_HOST}/" hreflang="ru">Рус</a> <a href="/bailanys">Байланыс</a> '
            f'<a href="/zhanalyqtar">Жаңалықтар</a> <a href="{BLOG_HOST}/">Блог</a> <a href="/foto">Фотогалерея</a>',
        )

    async def page(request: web.Request) -> web.Response:
        return _page("kk", "Бет " + request.path, "<p>Аудан әкімдігінің мәтіні.</p>")

    app = web.Application()
    app.add_routes([web.get("/", home), web.get("/{tail:.+}", page)])
    return app


def _ru_app() -> web.Application:
    async def home(request: web.Request) -> web.Response:
        return _page(
            "ru",
            "Акимат района",
            f'<a href="{KK_HOST}/" hreflang="kk">Қаз</a> <a href="/kontakty">Контакты</a> '
            '<a href="/novosti">Новости</a> <a href="/novosti/opros">Опрос</a>',
        )

    async def page(request: web.Request) -> web.Response:
        return _page("ru", "Страница " + request.path, "<p>Текст акимата района.</p>")

    app = web.Application()
    app.add_routes([web.get("/", home), web.get("/{tail:.+}", page)])
    return app


@pytest.fixture(scope="module")
def language_hosts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    kk, ru = ServedApp(_kk_app()), ServedApp(_ru_app())
    folder = tmp_path_factory.mktemp("language-hosts")
    registry = folder / "registry.yaml"
    body = {"id": "audan", "kind": "mio", "names": {"kk": "Аудан", "ru": "Район"}, "sites": [KK_HOST + "/"]}
    registry.write_text(yaml.safe_dump({"name": "lang-hosts", "bodies": [body]}, allow_unicode=True), "utf-8")
    try:
        yield crawl(
            folder,
            CrawlRequest(body_ids=["audan"], registry=str(registry), base_url_map={KK_HOST: kk.url, RU_HOST: ru.url}),
        )
    finally:
        kk.stop()
        ru.stop()


@pytest.fixture(scope="module")
def small_budget(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    """Five pages, the last three kept for the other language's home page and links to the appendices'
    sections: the entry page and what a phone gets there, then the Russian home page, then the links one
    click further in their fixed order (bailanys, foto, zhanalyqtar, ru's …)."""
    kk, ru = ServedApp(_kk_app()), ServedApp(_ru_app())
    folder = tmp_path_factory.mktemp("section-reserve")
    registry = folder / "registry.yaml"
    body = {"id": "audan", "kind": "mio", "names": {"kk": "Аудан", "ru": "Район"}, "sites": [KK_HOST + "/"]}
    registry.write_text(yaml.safe_dump({"name": "lang-hosts", "bodies": [body]}, allow_unicode=True), "utf-8")
    try:
        yield crawl(
            folder,
            CrawlRequest(
                body_ids=["audan"],
                registry=str(registry),
                base_url_map={KK_HOST: kk.url, RU_HOST: ru.url},
                max_pages=5,
                settings_overrides={"ASHYQ_SECTION_RESERVE": 3},
            ),
        )
    finally:
        kk.stop()
        ru.stop()


def test_the_budget_reaches_a_section_page_before_an_ordinary_one(small_budget: Crawl) -> None:
    pages = _pages(small_budget)
    assert f"{KK_HOST}/zhanalyqtar" in pages  # «Жаңалықтар»: Appendix 15's news section
    assert f"{KK_HOST}/foto" not in pages  # «Фотогалерея»: an ordinary page, after the ordinary budget
    assert f"{RU_HOST}/" in pages  # the other language's home page: from the reserve too
    cut = small_budget.rows("SELECT detail FROM fetch_failure WHERE url = :url", url=f"{KK_HOST}/foto")
    assert cut and "for ordinary pages" in cut[0][0]


def _pages(harvest: Crawl) -> dict[str, str | None]:
    return {url: lang for url, lang in harvest.rows("SELECT url, lang FROM page WHERE body_id = 'audan'")}


def test_the_other_language_host_the_switch_names_is_harvested_whole(language_hosts: Crawl) -> None:
    pages = _pages(language_hosts)
    assert pages[f"{RU_HOST}/kontakty"] == "ru"
    assert pages[f"{RU_HOST}/novosti/opros"] == "ru"
    assert pages[f"{KK_HOST}/bailanys"] == "kk"


def test_its_links_count_as_internal_and_are_not_checked_as_external(language_hosts: Crawl) -> None:
    rows = language_hosts.rows(
        "SELECT l.target_url, l.is_internal FROM link l JOIN page p ON p.id = l.page_id "
        "WHERE p.url = :url AND l.target_url = :target",
        url=f"{KK_HOST}/",
        target=f"{RU_HOST}/",
    )
    assert rows and all(internal for _, internal in rows)


def test_a_host_of_the_same_domain_no_switch_names_is_not_crawled(language_hosts: Crawl) -> None:
    assert not [url for url in _pages(language_hosts) if url.startswith(BLOG_HOST)]


def test_one_registrable_domain_under_the_public_suffix() -> None:
    assert same_registrable_domain("kk.audan.gov.kz", "ru.audan.gov.kz")
    assert same_registrable_domain("ru.audan.gov.kz", "www.audan.gov.kz")
    assert not same_registrable_domain("audan.gov.kz", "oblys.gov.kz")  # two sites under gov.kz
    assert not same_registrable_domain("gov.kz", "gov.kz")


def test_a_head_alternate_names_the_other_language_without_making_a_switch() -> None:
    page = parse_page(
        f"{KK_HOST}/bailanys",
        (
            b'<html lang="kk"><head><link rel="alternate" hreflang="ru" href="https://ru.audan.gov.kz/kontakty">'
            b'<link rel="alternate" hreflang="x-default" href="https://www.audan.gov.kz/"></head><body></body></html>'
        ),
        "text/html; charset=utf-8",
    )
    assert page.alternates == {"ru": f"{RU_HOST}/kontakty"}
    assert page.language_links == {}
