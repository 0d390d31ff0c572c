"""A body whose site is a host under another body's (a ministry's committee at ``nadzor.geology.gov.kz``
beside the ministry's ``www.geology.gov.kz``; a territorial department at ``akzhaiyk.ekoreg.gov.kz``):
the registrable domain (``geology.gov.kz``) is the parent's, so sharing it does not make a host the
committee's. A frame or a language host joins the committee's crawl when it is under the committee's
host (``docs.``, ``ru.``), or shares the domain and is neither another registered body's host nor an
ancestor of the committee's (``www.ekoreg.gov.kz``, listed in no registry, is still the parent's). A
plain link adds a host only when it is a sub-host of the body's own site (the register at
``reestr.nadzor.geology.gov.kz`` the menu links), never a sibling under the shared domain."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from aiohttp import web
from crawl_harness import Crawl, ServedApp, crawl

from ashyq.crawler.runner import CrawlRequest
from ashyq.crawler.spiders.site_scope import joins_site, site_root, sub_host_of_site

NADZOR = "https://nadzor.geology.gov.kz"  # a committee of the ministry
NADZOR_RU = "https://ru.nadzor.geology.gov.kz"  # the committee's Russian host: its switch names it
NADZOR_DOCS = "https://docs.nadzor.geology.gov.kz"  # the committee's register, shown in a frame
MINISTRY = "https://www.geology.gov.kz"  # the parent, in the registry
KADASTR = "https://kadastr.geology.gov.kz"  # another committee of the ministry, in the registry
DEPARTMENT = "https://akzhaiyk.ekoreg.gov.kz"  # a territorial department; its parent is in no registry
DEPARTMENT_KK = "https://kk.akzhaiyk.ekoreg.gov.kz"
DEPARTMENT_DOCS = "https://docs.akzhaiyk.ekoreg.gov.kz"
NADZOR_REGISTER = "https://reestr.nadzor.geology.gov.kz"  # the committee's register, linked from its menu
SIBLING = "https://stat.geology.gov.kz"  # another host under the ministry's domain, in no registry, linked
PARENT = "https://www.ekoreg.gov.kz"
PARENT_KK = "https://kk.ekoreg.gov.kz"  # the parent's Kazakh host: a page's hreflang names it


def _html(lang: str, title: str, body: str, head: str = "") -> web.Response:
    return web.Response(
        text=f'<!doctype html><html lang="{lang}"><head><title>{title}</title>{head}</head><body>{body}</body></html>',
        content_type="text/html",
        charset="utf-8",
    )


def _app(lang: str, pages: dict[str, tuple[str, str]], head: dict[str, str] | None = None) -> web.Application:
    """A host whose listed paths answer with their markup, every other path with a plain page."""

    async def page(request: web.Request) -> web.Response:
        title, body = pages.get(request.path, (f"Бет {request.path}", "<p>Мәтін.</p>"))
        return _html(lang, title, body, (head or {}).get(request.path, ""))

    app = web.Application()
    app.add_routes([web.get("/{tail:.*}", page)])
    return app


def _apps() -> dict[str, web.Application]:
    committee = {
        "/": (
            "Геологиялық бақылау комитеті",
            f'<a href="{NADZOR_RU}/" hreflang="ru">Рус</a> <a href="/basshylyq">Басшылық</a> '
            '<a href="/zhanalyqtar">Жаңалықтар</a>'
            f'<a href="{NADZOR_REGISTER}/?lang=kk">Құжаттар тізілімі</a> <a href="{SIBLING}/">Статистика</a>',
        ),
        "/basshylyq": (
            "Басшылық",
            f'<main><h2>Министрлік басшылығы</h2><iframe src="{MINISTRY}/kk/basshylyq"></iframe>'
            f'<h2>Құжаттар тізілімі</h2><iframe src="{NADZOR_DOCS}/reestr"></iframe>'
            f'<h2>Кадастр</h2><iframe src="{KADASTR}/kk/karta"></iframe></main>',
        ),
    }
    news_head = {"/zhanalyqtar": f'<link rel="alternate" hreflang="ru" href="{MINISTRY}/ru/novosti">'}
    contacts_head = {"/kontakty": f'<link rel="alternate" hreflang="kk" href="{PARENT_KK}/bailanys">'}
    department = {
        "/": ("Департамент", f'<a href="{DEPARTMENT_KK}/" hreflang="kk">Қаз</a> <a href="/kontakty">Контакты</a>'),
        "/kontakty": (
            "Контакты",
            f'<main><h2>Карта</h2><iframe src="{PARENT}/karta"></iframe>'
            f'<h2>Реестр</h2><iframe src="{DEPARTMENT_DOCS}/reestr"></iframe></main>',
        ),
    }
    parent = {"/": ("Министрлік", '<a href="/kk/ministrlik">Министрлік</a>')}
    return {
        NADZOR: _app("kk", committee, news_head),
        NADZOR_RU: _app("ru", {"/": ("Комитет", f'<a href="{NADZOR}/" hreflang="kk">Қаз</a> <a href="/ruk">Рук</a>')}),
        NADZOR_DOCS: _app("kk", {"/reestr": ("Тізілім", '<a href="/reestr/1">№ 1</a>')}),
        NADZOR_REGISTER: _app("kk", {"/": ("Тізілім", '<a href="/doc/12?lang=kk">Бұйрық № 12</a>')}),
        SIBLING: _app("kk", parent),
        MINISTRY: _app("kk", parent),
        KADASTR: _app("kk", parent),
        DEPARTMENT: _app("ru", department, contacts_head),
        DEPARTMENT_KK: _app("kk", {"/": ("Департамент", f'<a href="{DEPARTMENT}/" hreflang="ru">Рус</a>')}),
        DEPARTMENT_DOCS: _app("ru", {"/reestr": ("Реестр", '<a href="/reestr/1">№ 1</a>')}),
        PARENT: _app("kk", parent),
        PARENT_KK: _app("kk", parent),
    }


@pytest.fixture(scope="module")
def nested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawl]:
    served = {origin: ServedApp(app) for origin, app in _apps().items()}
    folder = tmp_path_factory.mktemp("nested-bodies")
    registry = folder / "registry.yaml"
    names = {"kk": "Органы", "ru": "Органы"}
    bodies = [
        {"id": "geology", "kind": "cgo", "names": dict(names), "sites": [MINISTRY + "/"]},
        {"id": "nadzor", "kind": "cgo", "names": dict(names), "sites": [NADZOR + "/"]},
        {"id": "kadastr", "kind": "cgo", "names": dict(names), "sites": [KADASTR + "/"]},
        {"id": "akzhaiyk", "kind": "cgo", "names": dict(names), "sites": [DEPARTMENT + "/"]},
    ]
    registry.write_text(yaml.safe_dump({"name": "nested", "bodies": bodies}, allow_unicode=True), "utf-8")
    try:
        yield crawl(
            folder,
            CrawlRequest(
                body_ids=["nadzor", "akzhaiyk"],
                registry=str(registry),
                base_url_map={origin: app.url for origin, app in served.items()},
            ),
        )
    finally:
        for app in served.values():
            app.stop()


def _pages(harvest: Crawl, body: str) -> set[str]:
    return {url for (url,) in harvest.rows("SELECT url FROM page WHERE body_id = :body", body=body)}


def test_the_hosts_under_the_committee_s_own_join_its_crawl(nested: Crawl) -> None:
    pages = _pages(nested, "nadzor")
    assert f"{NADZOR_RU}/ruk" in pages  # the Russian host its switch names
    assert f"{NADZOR_DOCS}/reestr/1" in pages  # the register its frame shows, followed on its own host


def test_a_sub_host_the_committee_s_menu_links_is_its_site_too(nested: Crawl) -> None:
    pages = _pages(nested, "nadzor")
    assert f"{NADZOR_REGISTER}/doc/12?lang=kk" in pages  # the register's act, followed from its list
    assert not [url for url in pages if url.startswith(SIBLING)]  # a sibling under the shared domain


def test_the_parent_s_and_a_sibling_body_s_hosts_do_not(nested: Crawl) -> None:
    pages = _pages(nested, "nadzor")
    assert not [url for url in pages if url.startswith((MINISTRY, KADASTR, "https://geology.gov.kz"))]


def test_an_ancestor_s_www_in_no_registry_is_still_not_the_department_s(nested: Crawl) -> None:
    pages = _pages(nested, "akzhaiyk")
    assert f"{DEPARTMENT_KK}/" in pages and f"{DEPARTMENT_DOCS}/reestr/1" in pages
    assert not [url for url in pages if url.startswith((PARENT, PARENT_KK, "https://ekoreg.gov.kz"))]


def test_the_rule_that_decides_which_host_is_the_body_s() -> None:
    own = {"nadzor.geology.gov.kz", "www.nadzor.geology.gov.kz"}
    others = {"geology.gov.kz", "www.geology.gov.kz", "kadastr.geology.gov.kz"}
    assert joins_site("kk.nadzor.geology.gov.kz", own, others)
    assert joins_site("docs.nadzor.geology.gov.kz", own, others)
    assert not joins_site("www.geology.gov.kz", own, others)  # the parent's
    assert not joins_site("geology.gov.kz", own, set())  # an ancestor, registered or not
    assert not joins_site("www.geology.gov.kz", own, set())
    assert not joins_site("kadastr.geology.gov.kz", own, others)  # another body's
    assert not joins_site("docs.kadastr.geology.gov.kz", own, others)  # under another body's
    assert not joins_site("oblys.gov.kz", own, others)  # another registrable domain
    # a site whose first host names a language (kk.audan.gov.kz): the other language's host and www. are its own
    assert joins_site("ru.audan.gov.kz", {"kk.audan.gov.kz"}, set())
    assert joins_site("www.audan.gov.kz", {"kk.audan.gov.kz"}, set())
    assert joins_site("docs.audan.gov.kz", {"audan.gov.kz", "www.audan.gov.kz"}, {"oblys.gov.kz"})
    # a ministry's own crawl does not take in its committee, a body of its own
    assert not joins_site("nadzor.geology.gov.kz", {"geology.gov.kz", "www.geology.gov.kz"}, {"nadzor.geology.gov.kz"})


def test_a_site_s_root_drops_www_and_a_language_label_but_never_reaches_the_public_suffix() -> None:
    assert site_root("www.geology.gov.kz") == "geology.gov.kz"
    assert site_root("kk.audan.gov.kz") == "audan.gov.kz"
    assert site_root("nadzor.geology.gov.kz") == "nadzor.geology.gov.kz"
    assert site_root("ru.gov.kz") == "ru.gov.kz"


def test_only_a_sub_host_of_the_body_s_own_whole_site_joins_by_a_link() -> None:
    own = {"qanat.gov.kz", "www.qanat.gov.kz"}
    assert sub_host_of_site("docs.qanat.gov.kz", own, set())
    assert sub_host_of_site("docs.qanat.gov.kz", own, {"oblys.gov.kz", "www.oblys.gov.kz"})
    assert not sub_host_of_site("www.qanat.gov.kz", own, set())  # the site itself, not a sub-host
    assert not sub_host_of_site("oblys.gov.kz", own, set())  # another body's, or the oblast's portal
    assert not sub_host_of_site("egov.kz", own, set())  # a national portal
    committee = {"nadzor.geology.gov.kz", "www.nadzor.geology.gov.kz"}
    assert sub_host_of_site("docs.nadzor.geology.gov.kz", committee, {"geology.gov.kz"})
    assert not sub_host_of_site("stat.geology.gov.kz", committee, set())  # a sibling under the parent's domain
    assert not sub_host_of_site("docs.geology.gov.kz", committee, {"geology.gov.kz"})  # the parent's
    # www.gov.kz is the platform's: an entity there (or its crawl) has no sub-hosts of its own
    assert not sub_host_of_site("docs.gov.kz", {"www.gov.kz", "gov.kz"}, set())
    assert not sub_host_of_site("egov.gov.kz", {"www.gov.kz", "gov.kz"}, set())
