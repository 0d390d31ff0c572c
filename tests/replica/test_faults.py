"""Faults of the flaky world: each one observable with an aiohttp client, bounded in time."""

from __future__ import annotations

import asyncio
import struct
import time

import aiohttp
import pytest
from ashyq_replica import faults
from ashyq_replica.govkz.api import fnv1a32
from world_client import Client

KOSTANAY = "www.kostanay.gov.kz"


def first_path(predicate: object, host: str, candidates: list[str]) -> str:
    return next(p for p in candidates if predicate(host, p))  # type: ignore[operator]


NEWS_PATHS = (
    [f"/ru/news/{n}" for n in range(1, 19)]
    + [f"/kk/news/{n}" for n in range(1, 19)]
    + [
        "/ru/about",
        "/ru/contacts",
        "/ru/documents",
        "/kk/about",
        "/kk/contacts",
        "/ru/services",
        "/kk/services",
        "/ru/faq",
        "/kk/faq",
        "/ru/polls",
    ]
)


def test_first_attempt_503_then_success(client: Client, flaky_urls: dict[str, str]) -> None:
    path = first_path(faults.fails_first, KOSTANAY, NEWS_PATHS)
    base = flaky_urls[f"https://{KOSTANAY}"]
    first = client.get(base + path)
    assert first.status == 503 and first.headers["Retry-After"] == "1"
    assert client.get(base + path).status == 200


def test_slow_first_answer(client: Client, flaky_urls: dict[str, str]) -> None:
    path = first_path(faults.slow_first, KOSTANAY, [p for p in NEWS_PATHS if not faults.fails_first(KOSTANAY, p)])
    base = flaky_urls[f"https://{KOSTANAY}"]
    started = time.monotonic()
    assert client.get(base + path).status == 200
    assert time.monotonic() - started >= faults.SLOW_SECONDS
    started = time.monotonic()
    client.get(base + path)
    assert time.monotonic() - started < faults.SLOW_SECONDS


def test_hanging_page_times_out(client: Client, flaky_urls: dict[str, str]) -> None:
    started = time.monotonic()
    with pytest.raises(asyncio.TimeoutError):
        client.get(flaky_urls[f"https://{KOSTANAY}"] + "/ru/reports/slow", timeout=1.0)
    assert time.monotonic() - started < 3


def test_redirect_loop(client: Client, flaky_urls: dict[str, str]) -> None:
    with pytest.raises(aiohttp.TooManyRedirects):
        client.get(flaky_urls[f"https://{KOSTANAY}"] + "/ru/redirect/a", max_redirects=6)


def test_cp1251_page_without_charset(client: Client, flaky_urls: dict[str, str]) -> None:
    answer = client.get(flaky_urls[f"https://{KOSTANAY}"] + "/ru/archive/2012/news.html")
    assert answer.headers["Content-Type"] == "text/html" and b"charset" not in answer.body
    assert "Архив новостей" in answer.body.decode("cp1251")
    with pytest.raises(UnicodeDecodeError):
        answer.body.decode("utf-8")


def test_malformed_html(client: Client, flaky_urls: dict[str, str]) -> None:
    answer = client.get(flaky_urls[f"https://{KOSTANAY}"] + "/ru/broken")
    assert answer.status == 200 and "</html><p>" in answer.text and "</title>" not in answer.text


def test_endless_calendar(client: Client, flaky_urls: dict[str, str]) -> None:
    base, path, seen = flaky_urls[f"https://{KOSTANAY}"], "/ru/calendar?month=2026-11", set()
    for _ in range(30):
        seen.add(path)
        text = client.get(base + path).text
        path = text.split('<a href="')[2].split('"')[0]  # the "next month" link
    assert len(seen) == 30 and path.endswith("2029-05")


def test_big_download_is_a_streamed_valid_zip(flaky_urls: dict[str, str]) -> None:
    async def fetch() -> tuple[int, int, bytes, bytes]:
        url = flaky_urls[f"https://{KOSTANAY}"] + faults.BIG_FILE_PATH
        async with aiohttp.ClientSession() as session, session.get(url) as response:
            size, head, tail = 0, b"", b""
            async for chunk in response.content.iter_chunked(1 << 20):
                head = head or chunk[:4]
                tail = (tail + chunk)[-22:]
                size += len(chunk)
            return int(response.headers["Content-Length"]), size, head, tail

    declared, received, head, tail = asyncio.run(asyncio.wait_for(fetch(), 20))
    assert declared == received == 50 * 1024 * 1024
    assert head == b"PK\x03\x04" and struct.unpack("<I", tail[:4])[0] == 0x06054B50


def test_private_links_are_only_links(client: Client, flaky_urls: dict[str, str]) -> None:
    base = flaky_urls[f"https://{KOSTANAY}"]
    text = client.get(base + "/ru/partners").text
    assert 'href="http://10.0.0.5/"' in text and 'href="http://192.168.1.10/"' in text
    assert "/ru/partners" in client.get(base + "/ru/").text  # discoverable from the home page


def test_govkz_antibot_with_ticket_and_graphql_non_json(client: Client, flaky_urls: dict[str, str]) -> None:
    govkz = flaky_urls["https://www.gov.kz"]
    ticket = client.post(govkz + "/api/v1/public/_/c/k6", json={}, headers={"Origin": "https://www.gov.kz"}).json()[
        "challenge"
    ]
    headers = {"token": ticket, "hash": fnv1a32(ticket + "|gov.kz")}
    candidates = [f"/api/v1/public/content-manager/news?projects=eq:enbek&page={n}&size=10" for n in range(1, 60)]
    path = next(
        p
        for p in candidates
        if faults.antibot_first("www.gov.kz", p)
        and not faults.fails_first("www.gov.kz", p)
        and not faults.slow_first("www.gov.kz", p)
    )
    first = client.get(govkz + path, headers=headers)
    assert first.status == 400 and first.json() == {"error": "notAllowed"}
    assert client.get(govkz + path, headers=headers).status == 200
    # one attempt in seven at the same query from the same page is a non-JSON 502, never two in a row
    query = {"query": '{ pages(projects: "eq:mod") { slug } }'}
    for page in ("https://www.gov.kz/memleket/entities/mod?lang=ru", "https://www.gov.kz/memleket/entities/mod/about"):
        answers = [client.post(govkz + "/graphql", json=query, headers={"Referer": page}) for _ in range(14)]
        failed = [n for n, answer in enumerate(answers) if answer.status == 502]
        assert len(failed) == 2 and failed[1] - failed[0] == 7, (page, [a.status for a in answers])
        assert all(answers[n].headers["Content-Type"].startswith("text/html") for n in failed)
        assert all(a.status == 200 for n, a in enumerate(answers) if n not in failed)


def test_quiet_world_has_no_faults(client: Client, world_urls: dict[str, str]) -> None:
    base = world_urls[f"https://{KOSTANAY}"]
    path = first_path(faults.fails_first, KOSTANAY, NEWS_PATHS)
    assert client.get(base + path).status == 200
    assert client.get(base + "/ru/partners").status == 404 and "/ru/partners" not in client.get(base + "/ru/").text
