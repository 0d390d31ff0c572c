"""gov.kz API answers and rendered DOMs read by the pure parsers: refusals are not empty lists."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ashyq.crawler.parsers import govkz, rendered
from ashyq.net.urlmap import BaseUrlMap

# Real pages saved by third parties (reference only, not part of the repository): point
# ASHYQ_PORTAL_SAMPLES at a folder holding them to run these parsers against them too.
SAMPLES = Path(os.environ.get("ASHYQ_PORTAL_SAMPLES", "/nonexistent"))


def call(urls: dict[str, str], url: str, lang: str, data: bytes | None = None, headers: dict[str, str] | None = None):
    served = BaseUrlMap.from_mapping(urls).to_served(url)
    assert served is not None
    request = urllib.request.Request(served, data=data, headers={"Accept-Language": lang, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read(), answer.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def test_documents_page_by_page_until_a_short_page(world_urls: dict[str, str]) -> None:
    seen: list[dict] = []
    page = 1
    while True:
        status, body, _ = call(world_urls, govkz.content_list_url("documents", "enbek", page, 10), "ru")
        assert govkz.refusal_of(status, body) is None
        items = govkz.parse_content_list(body)
        seen += items
        if govkz.is_last_page(items, 10):
            break
        page += 1
    assert page == 3 and len(seen) == 28 and len({d["id"] for d in seen}) == 28
    assert all(d["full_text"][0]["document"].startswith("/uploads/") for d in seen)


def test_news_without_ticket_is_a_refusal_not_an_empty_list(world_urls: dict[str, str]) -> None:
    status, body, _ = call(world_urls, govkz.content_list_url("news", "enbek", 1, 10), "ru")
    refusal = govkz.refusal_of(status, body)
    assert refusal is not None and refusal.is_antibot and refusal.code == "notAllowed" and status == 400


def test_k6_ticket_cookie_opens_the_news(world_urls: dict[str, str]) -> None:
    headers = {"Content-Type": "application/json", "Origin": govkz.GOVKZ, "Referer": govkz.news_page_url("enbek", "ru")}
    status, _, answer_headers = call(world_urls, govkz.TICKET_URL, "ru", data=b"{}", headers=headers)
    assert status == 200
    cookie = answer_headers["Set-Cookie"].split(";")[0]
    status, body, _ = call(world_urls, govkz.content_list_url("news", "enbek", 1, 10), "ru", headers={"Cookie": cookie})
    assert govkz.refusal_of(status, body) is None and len(govkz.parse_content_list(body)) == 10


def test_public_data_without_browser_ticket(world_urls: dict[str, str]) -> None:
    body = json.dumps(govkz.public_data_request("enbek", 0, 20)).encode()
    headers = {"Content-Type": "application/json"}
    status, answer, _ = call(world_urls, govkz.PUBLIC_DATA_URL, "ru", data=body, headers=headers)
    refusal = govkz.refusal_of(status, answer)
    assert refusal is not None and refusal.code == "browserTicketMissing" and refusal.is_antibot


def test_graphql_contacts_and_errors(world_urls: dict[str, str]) -> None:
    query = json.dumps(govkz.graphql_contacts_query("adilet", "kk")).encode()
    _status, body, _ = call(
        world_urls, govkz.GRAPHQL_URL, "kk", data=query, headers={"Content-Type": "application/json"}
    )
    (entry,) = govkz.parse_graphql(body, "contacts_page")
    assert entry["organisations"] and all("name" in o for o in entry["organisations"])
    with pytest.raises(govkz.ApiRefusal) as refused:
        govkz.parse_graphql(b"<html><h1>502 Bad Gateway</h1></html>", "contacts_page")
    assert refused.value.code == "not_json"
    with pytest.raises(govkz.ApiRefusal):
        govkz.parse_graphql(b'{"errors":[{"message":"x","extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}', "news")


def test_graphql_news_query_and_the_mock_response_shape() -> None:
    sample = SAMPLES / "govkz_graphql_news_response_mock.json"
    if not sample.exists():
        pytest.skip("ASHYQ_PORTAL_SAMPLES does not name a folder of reference samples")
    items = govkz.parse_graphql(sample.read_bytes(), "news")
    assert items and all(govkz.external_id(i) for i in items)
    query = govkz.graphql_news_query("mfa", "en", 2, 50)
    assert query["variables"]["projects"] == "eq:mfa" and "created_date" in query["query"]


def test_content_list_shapes() -> None:
    assert govkz.parse_content_list(b'[{"id": 1}]') == [{"id": 1}]
    assert govkz.parse_content_list(b'{"content": [{"id": 2}]}') == [{"id": 2}]
    with pytest.raises(govkz.ApiRefusal):
        govkz.parse_content_list(b'{"error": "notAllowed"}')
    assert govkz.refusal_of(500, b'{"status": 500, "error": "Internal Server Error"}').code == "Internal Server Error"


DOM = """<html><body><header><nav class="lang-switch">
<a hreflang="kk" href="/memleket/entities/enbek/about?lang=kk">KK</a>
<a hreflang="ru" href="/memleket/entities/enbek/about?lang=ru">RU</a></nav></header>
<nav class="main-menu"><a href="/memleket/entities/enbek?lang=ru">Главная</a>
<a href="/memleket/entities/enbek/contacts?lang=ru">Контакты</a>
<a href="https://egov.kz/">egov</a></nav>
<main><a href="/memleket/entities/enbek/press/news/details/900001?lang=ru">Новость</a>
<a class="download" href="/uploads/2026/1/1/a.pdf">Скачать (PDF, 1,2 МБ)</a></main></body></html>"""


def test_rendered_dom_menu_counterpart_downloads() -> None:
    page = "https://www.gov.kz/memleket/entities/enbek/about?lang=ru"
    menu = rendered.menu_links(DOM, page, "enbek", "ru")
    assert menu == [
        "https://www.gov.kz/memleket/entities/enbek/about?lang=ru",
        "https://www.gov.kz/memleket/entities/enbek?lang=ru",
        "https://www.gov.kz/memleket/entities/enbek/contacts?lang=ru",
    ]
    assert rendered.counterpart_url(DOM, page, "ru") == "https://www.gov.kz/memleket/entities/enbek/about?lang=kk"
    links = rendered.extract_links(DOM, page, {"www.gov.kz"})
    assert [link.is_internal for link in links if "egov.kz/" in link.target_url] == [False]
    (download,) = rendered.extract_downloads(links)
    assert download.format == "pdf" and download.declared_size_text == "PDF, 1,2 МБ"
    found = rendered.first_link(DOM, page, "enbek", "ru", "/press/news/details/")
    assert found and found.endswith("/900001?lang=ru")


# ── beyond the menu: the sample, the app's "page not found", the link targets to check ──────────


def test_the_sample_shares_a_third_of_the_budget_one_of_each_kind_in_turn() -> None:
    from ashyq.crawler.render_plan import RenderPlan, SampleKind, quotas

    sample = (
        SampleKind("news", "/press/news/details/", 3),
        SampleKind("documents", "/documents/details/", 3),
        SampleKind("article", "/press/article/details/", 2, "article"),
    )
    assert quotas(sample, 2) == {"news": 1, "documents": 1, "article": 0}
    assert quotas(sample, 7) == {"news": 3, "documents": 2, "article": 2}
    plan = RenderPlan("enbek", "ru", 9, sample)
    assert plan.reserved == 3 and plan.quota == {"news": 1, "documents": 1, "article": 1}
    plan.seed("article", ["https://www.gov.kz/memleket/entities/enbek/press/article/details/7?lang=ru"] * 2)
    home, article = plan.next(), plan.next()
    assert home is not None and home.depth == 0 and article is not None
    assert article.kind == "article" and article.depth is None and plan.next() is None


NOT_FOUND = (
    "<html><head><title>Страница не найдена | Министерство</title></head><body><nav><a href='/x'>x</a></nav>"
    "<main id='main'><h1>Страница не найдена</h1><p class='not-found'>404</p></main></body></html>"
)


def test_the_apps_page_not_found_is_told_from_a_page() -> None:
    markers = ["Бет табылмады", "Страница не найдена", "Page not found"]
    assert rendered.not_found_heading(NOT_FOUND, markers) == "Страница не найдена"
    assert rendered.not_found_heading(DOM, markers) is None
    assert rendered.not_found_heading(NOT_FOUND, []) is None


def test_link_targets_to_check_switch_first_per_language() -> None:
    from ashyq.crawler.render_plan import link_check_targets

    base = "https://www.gov.kz/memleket/entities/enbek"
    html = (
        f"<a href='{base}/a?lang=ru'>a</a><a href='{base}/b?lang=ru'>b</a>"
        f"<a hreflang='en' href='{base}/x?lang=en'>EN</a><a hreflang='kk' href='{base}/x?lang=kk'>KK</a>"
    )
    found = link_check_targets([(html, f"{base}/x?lang=ru", 1)], "enbek", {f"{base}/a?lang=ru"}, ("ru", "en"), 1)
    assert [(t.url, t.depth) for t in found] == [(f"{base}/x?lang=en", 2), (f"{base}/b?lang=ru", 2)]
