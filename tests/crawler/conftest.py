"""Crawls shared by the crawler tests: the replica world (normal and flaky) and a small test site.

Each crawl runs once per session through the real runner (a crawl process of its own), against
servers on loopback ports chosen by the system, and is then read back from its store and WARCs.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
import yaml
from aiohttp import web
from ashyq_replica.core import World
from ashyq_replica.server import start_world
from crawl_harness import CLASSIC_BODIES, Crawl, ServedApp, crawl

from ashyq.crawler.runner import CrawlRequest


@pytest.fixture(scope="session")
def normal_crawl(world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    return crawl(tmp_path_factory.mktemp("normal"), CrawlRequest(body_ids=CLASSIC_BODIES, base_url_map=world_urls))


@pytest.fixture(scope="session")
def flaky_world() -> World:
    return World(faults="flaky")


@pytest.fixture(scope="session")
def flaky_world_urls(flaky_world: World) -> Iterator[dict[str, str]]:
    """The flaky world served once for every crawl of the session that wants it."""
    running = start_world(flaky_world)
    try:
        yield dict(running.urls)
    finally:
        running.stop()


@pytest.fixture(scope="session")
def flaky_crawl(flaky_world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    return crawl(tmp_path_factory.mktemp("flaky"), CrawlRequest(body_ids=CLASSIC_BODIES, base_url_map=flaky_world_urls))


# ── a small site of our own, for what the replica does not show ─────────────────────────────────

TEST_HOST = "https://robots.example.kz"
DOWN_HOST = "https://down.example.kz"
BIG_PAGE_BYTES = 300_000


def _html(title: str, body: str) -> web.Response:
    return web.Response(
        text=f'<!doctype html><html lang="ru"><head><title>{title}</title></head><body>{body}</body></html>',
        content_type="text/html",
        charset="utf-8",
    )


def build_test_site_app() -> web.Application:
    async def robots(request: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nDisallow: /private/\n", content_type="text/plain")

    async def home(request: web.Request) -> web.Response:
        links = "".join(
            f'<a href="{href}">{label}</a> '
            for href, label in (
                ("/private/report", "Отчёт"),
                ("/big", "Большая страница"),
                ("/blocked", "Закрыто"),
                ("/ok", "Обычная"),
            )
        )
        return _html("Главная", links)

    async def page(request: web.Request) -> web.Response:
        return _html("Страница " + request.path, "<p>Текст.</p>")

    async def big(request: web.Request) -> web.Response:
        return _html("Большая", "<p>" + "я" * BIG_PAGE_BYTES + "</p>")

    async def blocked(request: web.Request) -> web.Response:
        return web.Response(
            status=403,
            text='<html><body><div class="g-recaptcha">captcha</div></body></html>',
            content_type="text/html",
        )

    app = web.Application()
    app.add_routes(
        [
            web.get("/robots.txt", robots),
            web.get("/", home),
            web.get("/big", big),
            web.get("/blocked", blocked),
            web.get("/{tail:.*}", page),
        ]
    )
    return app


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def test_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    served = ServedApp(build_test_site_app())
    folder = tmp_path_factory.mktemp("test-site")
    registry = folder / "registry.yaml"
    registry.write_text(
        yaml.safe_dump(
            {
                "name": "crawler-tests",
                "bodies": [
                    {
                        "id": "testsite",
                        "kind": "mio",
                        "names": {"kk": "Сынақ", "ru": "Тест"},
                        "sites": [TEST_HOST + "/"],
                    },
                    {
                        "id": "downsite",
                        "kind": "mio",
                        "names": {"kk": "Өшкен", "ru": "Упавший"},
                        "sites": [DOWN_HOST + "/"],
                    },
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    try:
        yield {
            "registry": str(registry),
            "map": {TEST_HOST: served.url, DOWN_HOST: f"http://127.0.0.1:{closed_port()}"},
            "folder": folder,
        }
    finally:
        served.stop()
