"""The classic websites: selectors present or absent as the ground truth says."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import deque
from urllib.parse import urljoin, urlparse

import pytest
from ashyq_replica.site_defects import seeded
from bs4 import BeautifulSoup
from world_client import Client

IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"


def soup(client: Client, url: str, **kwargs: object) -> BeautifulSoup:
    answer = client.get(url, **kwargs)  # type: ignore[arg-type]
    assert answer.status == 200, url
    return BeautifulSoup(answer.text, "html.parser")


@pytest.fixture()
def kostanay(world_urls: dict[str, str]) -> str:
    return world_urls["https://www.kostanay.gov.kz"]


def test_kostanay_splash_and_emblem(client: Client, kostanay: str) -> None:
    splash = soup(client, kostanay + "/")
    assert splash.select_one("nav.menu") is None and {a["href"] for a in splash.select("a")} == {"/kk/", "/ru/"}
    home = soup(client, kostanay + "/ru/")
    emblem = home.select_one("img.emblem")
    assert emblem is not None and emblem["width"] == "240" and home.select_one(".official")
    assert home.select_one("a.skip") is None and home.select_one("form.search") and home.select_one(".counter")
    assert "#a0a0a0" in (home.style.string or "")


def test_kostanay_news_photos_lack_alt_and_breadcrumbs_exist(client: Client, kostanay: str) -> None:
    page = soup(client, kostanay + "/ru/news/1")
    assert page.select("main img") and all(not img.get("alt") for img in page.select("main img"))
    assert page.select_one("nav.breadcrumbs") is not None


def test_kostanay_schedule_is_five_clicks_deep(client: Client, kostanay: str) -> None:
    target, start = "/ru/activity/business/control/plans/2026/schedule", "/ru/"
    depth, queue = {start: 0}, deque([start])
    while queue and target not in depth:
        path = queue.popleft()
        for a in soup(client, kostanay + path).select("a[href]"):
            href = urlparse(urljoin(path, a["href"])).path
            if href.startswith("/ru/") and href not in depth and depth[path] < 6:
                depth[href] = depth[path] + 1
                queue.append(href)
    assert depth[target] == 5


def test_kostanay_language_versions_and_mobile(client: Client, kostanay: str, world_urls: dict[str, str]) -> None:
    assert client.get(kostanay + "/ru/region").status == 200 and client.get(kostanay + "/kk/region").status == 404
    kk = soup(client, kostanay + "/kk/news")
    assert kk.html["lang"] == "kk" and "Жаңалықтар" in kk.h1.text
    redirect = client.get(kostanay + "/ru/", headers={"User-Agent": IPHONE}, allow_redirects=False)
    assert redirect.status == 302 and redirect.headers["Location"] == "https://m.kostanay.gov.kz/ru/"
    mobile = soup(client, world_urls["https://m.kostanay.gov.kz"] + "/ru/", headers={"User-Agent": IPHONE})
    assert not any("www.kostanay.gov.kz" in a["href"] for a in mobile.select("a[href]"))


def test_enbek_center_is_careful(client: Client, world_urls: dict[str, str]) -> None:
    base = world_urls["https://iac.enbek.kz"]
    page = soup(client, base + "/news/1?lang=kk")
    assert page.html["lang"] == "kk" and page.select_one("a.skip") and page.select_one("nav.breadcrumbs")
    assert all(img.get("alt") for img in page.select("img"))
    assert "device-width" in page.select_one("meta[name=viewport]")["content"]
    assert page.select_one(".counter") is None and seeded("enbek-center", "no_counter")
    feed = ET.fromstring(client.get(base + "/rss.xml?lang=ru").body)
    assert len(feed.findall("./channel/item")) == 12
    results = soup(client, base + "/search?lang=ru&q=Устав")
    assert results.select_one("input[name=q]")["value"] == "Устав" and results.select(".results li")


def test_zqai_lacks_what_the_truth_says(client: Client, world_urls: dict[str, str]) -> None:
    base = world_urls["https://zqai.kz"]
    page = soup(client, base + "/ru/news")
    assert page.select_one("nav.breadcrumbs") is None and page.select_one("form.search") is None
    assert "user-scalable=no" in page.select_one("meta[name=viewport]")["content"]
    assert page.select_one(".date") is None and page.select_one("a.skip") is None
    for missing in ("/ru/leadership", "/ru/structure", "/ru/documents", "/kz/leadership"):
        assert client.get(base + missing).status == 404
    sitemap = client.get(base + "/sitemap.xml")
    assert b"lastmod" not in sitemap.body
    locs = [
        el.text or "" for el in ET.fromstring(sitemap.body).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    broken = [loc for loc in locs if client.get(base + urlparse(loc).path).status == 404]
    assert broken == ["https://zqai.kz/ru/projects/archive"]


def test_classic_downloads_show_format_and_size(client: Client, kostanay: str) -> None:
    page = soup(client, kostanay + "/ru/documents")
    for item in page.select("ul.documents li"):
        assert "КБ)" in item.text or "Б)" in item.text
        assert client.get(kostanay + item.a["href"]).status == 200
