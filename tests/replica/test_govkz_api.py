"""Contract tests: www.gov.kz replica endpoints answer in the shapes portals.md 1.3-1.5 gives."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime

import pytest
from ashyq_replica.core import World
from ashyq_replica.govkz.api import fnv1a32
from ashyq_replica.govkz.entities import platform_entities
from world_client import Client

API = "/api/v1/public/content-manager"
KAZAKH = re.compile("[әғқңөұүһі]")
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S.%f%z"


def ticket(client: Client, govkz: str) -> dict[str, str]:
    answer = client.post(f"{govkz}/api/v1/public/_/c/k6", json={}, headers={"Origin": "https://www.gov.kz"})
    assert answer.status == 200
    challenge = answer.json()["challenge"]
    return {"token": challenge, "hash": fnv1a32(challenge + "|gov.kz")}


@pytest.mark.parametrize(
    "path",
    [
        "",
        "/press/news/1",
        "/press/news/details/900001",
        "/documents/details/1050000",
        "/about/structure",
        "/contacts",
        "/activities/budget",
        "/search?query=x&",
    ],
)
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_entity_pages_are_the_empty_shell(client: Client, govkz: str, path: str, lang: str) -> None:
    sep = "&" if "?" in path else "?"
    answer = client.get(f"{govkz}/memleket/entities/enbek{path.rstrip('&')}{sep}lang={lang}")
    assert answer.status == 200 and answer.headers["Content-Type"].startswith("text/html")
    assert '<div id="root"></div>' in answer.text and len(answer.body) < 1500
    assert "<h1" not in answer.text and not KAZAKH.search(answer.text)  # no content before JavaScript
    script = re.search(r'src="(/static/js/main\.[0-9a-f]{8}\.js)"', answer.text)
    assert script and client.get(govkz + script.group(1)).headers["Content-Type"].startswith("application/javascript")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_documents_are_open_and_shaped(client: Client, govkz: str, lang: str) -> None:
    answer = client.get(
        f"{govkz}{API}/documents?projects=eq:enbek&size=5&sort-by=created_date:DESC", headers={"Accept-Language": lang}
    )
    docs = answer.json()
    assert answer.status == 200 and isinstance(docs, list) and len(docs) == 5
    for doc in docs:
        assert {"id", "title", "content", "created_date", "full_text", "gosorgan", "activities"} <= set(doc)
        assert doc["full_text"][0]["document"].startswith("/uploads/")
        assert doc["gosorgan"]["items"][0]["project_name"] and doc["activities"]["items"][0]["title"]
        datetime.strptime(doc["created_date"], DATE_FORMAT)
    assert bool(KAZAKH.search(" ".join(d["title"] for d in docs))) == (lang == "kk")
    dates = [d["created_date"] for d in docs]
    assert dates == sorted(dates, reverse=True)


def test_filters_sorting_and_paging(client: Client, govkz: str) -> None:
    def ids(query: str) -> list[int]:
        answer = client.get(f"{govkz}{API}/documents?{query}", headers={"Accept-Language": "ru"})
        assert answer.status == 200, query
        return [d["id"] for d in answer.json()]

    everything = ids("projects=eq:adilet&size=1000")
    assert everything == ids("projects=adilet&size=1000") == ids("projects=contains:adil&size=1000")
    assert len(everything) == 28 and set(ids("size=1000")) > set(everything)
    assert ids("projects=eq:adilet&size=5&page=1") + ids("projects=eq:adilet&size=5&page=2") == everything[:10]
    ascending = ids("projects=eq:adilet&size=1000&sort-by=created_date:ASC")
    assert ascending == everything[::-1]
    recent = ids("projects=eq:adilet&size=1000&created_date=gt:2026-09-01T00:00:00")
    assert 0 < len(recent) < len(everything)
    assert client.get(f"{govkz}{API}/documents?projects=eq:adilet&created_date=gte:2026-01-01T00:00:00").status == 500
    assert len(ids("size=5000")) <= 1000


def test_news_needs_the_k6_ticket(client: Client, govkz: str) -> None:
    url = f"{govkz}{API}/news?projects=eq:mod&page=1&size=3&sort-by=created_date:DESC"
    denied = client.get(url)
    assert denied.status == 400 and denied.json() == {"error": "notAllowed"}
    assert client.post(f"{govkz}/api/v1/public/_/c/k6", json={}).status == 403  # no Origin
    ticket(client, govkz)
    news = client.get(url, headers={"Accept-Language": "kk"}).json()
    assert len(news) == 3 and KAZAKH.search(news[0]["title"])
    for item in news:
        assert {
            "id",
            "title",
            "slug",
            "body",
            "created_date",
            "heropic",
            "short_description",
            "projects",
            "directions",
        } <= set(item)
        datetime.strptime(item["created_date"], DATE_FORMAT)


def test_news_accepts_the_browser_headers_without_cookie(govkz: str) -> None:
    first, second = Client(), Client()
    try:
        headers = ticket(first, govkz)
        assert second.get(f"{govkz}{API}/news?projects=eq:enbek&size=1", headers=headers).status == 200
        headers["hash"] = "00000000"
        assert second.get(f"{govkz}{API}/news?projects=eq:enbek&size=1", headers=headers).status == 400
    finally:
        first.close()
        second.close()


def test_pages_curators_events(client: Client, govkz: str) -> None:
    pages = client.get(
        f"{govkz}{API}/pages?projects=contains:karaganda&sort-by=order&size=1000", headers={"Accept-Language": "kk"}
    ).json()
    assert [p["order"] for p in pages] == sorted(p["order"] for p in pages)
    assert all({"slug", "title", "internal_link", "order"} <= set(p) for p in pages)
    assert "statistics" not in {p["slug"] for p in pages}  # the section exists only in Russian
    ru = client.get(
        f"{govkz}{API}/pages?projects=contains:karaganda&size=1000", headers={"Accept-Language": "ru"}
    ).json()
    assert "statistics" in {p["slug"] for p in ru}
    people = client.get(f"{govkz}{API}/curators?projects=mod&lang=kk").json()
    assert people and {"id", "lastname", "name", "middlename", "position", "phone", "email", "biography"} <= set(
        people[0]
    )
    events = client.get(
        f"{govkz}{API}/events?projects=enbek&sort-by=event_date:ASC&event_date_end=gte:2026-11-20T00:00:00"
    ).json()
    assert events and all({"event_date", "event_date_end"} <= set(e) for e in events)
    assert client.get(f"{govkz}{API}/documents/1050000").json()["id"] == 1050000
    assert client.get(f"{govkz}{API}/documents/1").status == 404


def test_graphql_subset(client: Client, govkz: str) -> None:
    query = (
        "query News($projects: String, $size: Int, $sort: String, $lang: String) {"
        " news(projects: $projects, _size: $size, _page: 1, _sort: $sort, _lang: $lang)"
        " { id title slug created_date heropic alt_image body short_description } }"
    )
    answer = client.post(
        f"{govkz}/graphql",
        json={
            "query": query,
            "variables": {"projects": "EQ:adilet", "size": 5, "sort": "created_date:DESC", "lang": "kk"},
        },
    )
    news = answer.json()["data"]["news"]
    assert (
        answer.status == 200
        and len(news) == 5
        and set(news[0]) == {"id", "title", "slug", "created_date", "heropic", "alt_image", "body", "short_description"}
    )
    other = client.post(
        f"{govkz}/graphql",
        json={
            "query": "{ projectdetails(_size: 1000) { project_name projects supervisor { lastname } }"
            ' contacts_page(projects: "contains:mod", _lang: "ru") { id organisations } }'
        },
    ).json()
    # every entity of the platform (docs/registry.md), the world's own bodies among them
    listed = {e["projects"] for e in other["data"]["projectdetails"]}
    assert (
        len(listed) == len(platform_entities(World())) and {"enbek", "adilet", "mod", "astana", "karaganda"} <= listed
    )
    assert other["data"]["contacts_page"][0]["organisations"]
    assert client.post(f"{govkz}/graphql", json={"query": "{ news( }"}).status == 400
    assert "errors" in client.post(f"{govkz}/graphql", json={"query": "{ nothing { id } }"}).json()


@pytest.mark.parametrize(("lang", "asked", "answered"), [("kk", 20, 12), ("ru", 25, 18)])
def test_public_data_vr_questions(client: Client, govkz: str, lang: str, asked: int, answered: int) -> None:
    payload = {"data": {"page": 0, "size": 20}, "project_slug": "mod", "content_type_slug": "vr_question"}
    missing = client.post(f"{govkz}/api/v2/public-data", json=payload)
    assert missing.status == 400 and missing.json() == {"error": "browserTicketMissing"}
    headers = {**ticket(client, govkz), "Accept-Language": lang}
    payload["data"] = {"page": 0, "size": 100}
    page = client.post(f"{govkz}/api/v2/public-data", json=payload, headers=headers).json()
    assert page["totalElements"] == asked and sum(q["status"] == "answered" for q in page["content"]) == answered


def test_sitemap_has_no_lastmod_and_robots_points_to_it(client: Client, govkz: str) -> None:
    sitemap = client.get(f"{govkz}/sitemap.xml")
    root = ET.fromstring(sitemap.body)
    locs = [el.text or "" for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) > 500 and all(loc.startswith("https://www.gov.kz/memleket/entities/") for loc in locs)
    assert b"lastmod" not in sitemap.body
    assert "Sitemap: https://www.gov.kz/sitemap.xml" in client.get(f"{govkz}/robots.txt").text


def test_uploads_are_valid_files(client: Client, govkz: str) -> None:
    docs = client.get(f"{govkz}{API}/documents?projects=eq:enbek&size=1000").json()
    by_ext = {d["full_text"][0]["format"]: d["full_text"][0]["document"] for d in docs}
    assert set(by_ext) == {"pdf", "docx", "xlsx", "zip"}
    files = {ext: client.get(govkz + path) for ext, path in by_ext.items()}
    for answer in files.values():
        assert answer.status == 200 and int(answer.headers["Content-Length"]) == len(answer.body)
    assert files["pdf"].headers["Content-Type"] == "application/pdf"
    assert files["pdf"].body.startswith(b"%PDF-1.4") and files["pdf"].body.rstrip().endswith(b"%%EOF")
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(files["docx"].body)).namelist()
    workbook = zipfile.ZipFile(io.BytesIO(files["xlsx"].body))
    assert "xl/worksheets/sheet1.xml" in workbook.namelist() and workbook.testzip() is None
    assert files["xlsx"].headers["Content-Type"].endswith("spreadsheetml.sheet")
    assert zipfile.ZipFile(io.BytesIO(files["zip"].body)).testzip() is None
    assert client.get(f"{govkz}/uploads/2019/3/1/0f3c9e1d2a7b4c5d6e7f8091a2b3c4d5_original.pdf").status == 404


def test_rss_only_where_seeded(client: Client, govkz: str) -> None:
    feed = client.get(f"{govkz}/memleket/entities/enbek/press/news/rss?lang=kk")
    assert feed.headers["Content-Type"].startswith("application/rss+xml")
    assert len(ET.fromstring(feed.body).findall("./channel/item")) == 20
    assert (
        client.get(f"{govkz}/memleket/entities/mod/press/news/rss?lang=ru")
        .headers["Content-Type"]
        .startswith("text/html")
    )
