"""DNS rebinding and names that point inside, on the paths that resolve names themselves: the Scrapy
crawl (its connect-time resolver) and the browser (its filtering proxy). The DNS is the injected
resolver of the egress policy (``ASHYQ_DNS_SCRIPT`` for the crawl process).

"Public" is a loopback server the policy allows explicitly (the machine has no internet); the
forbidden side is a canary on 127.0.0.2 at the same port, which logs every connection: a path that
checked one answer and connected to another would reach it."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
import yaml
from aiohttp import web
from loopback import Loopback, app
from sqlalchemy import create_engine, text

from ashyq.config import operator
from ashyq.crawler.runner import CrawlRequest, run_crawl
from ashyq.net.egress import EgressPolicy, Refusal
from ashyq.net.resolve import ScriptedResolver

SCRIPT = {
    "pinned.example": [["127.0.0.1"]],
    "inside.example": [["127.0.0.2"]],
    "rebind.example": [["127.0.0.1"], ["127.0.0.2"]],
}


@pytest.fixture(scope="module")
def site(loopback: Loopback) -> tuple[int, list[str]]:
    """A small site that notes the Host of every request, and the canary beside it."""
    hosts: list[str] = []

    async def page(request: web.Request) -> web.Response:
        hosts.append(request.host)
        links = '<a href="/a">a</a> <a href="/b">b</a>'
        body = f"<h1>{request.path}</h1>{links}"
        return web.Response(
            text=f'<!doctype html><html lang="ru"><head><title>Стенд</title></head><body>{body}</body></html>',
            content_type="text/html",
        )

    async def robots(request: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nAllow: /\n", content_type="text/plain")

    port = loopback.serve(app({"/robots.txt": robots, "/{tail:.*}": page}))
    loopback.canary("127.0.0.2", port)
    return port, hosts


def test_the_crawl_checks_each_name_where_it_connects(
    site: tuple[int, list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port, hosts = site
    # a crawl outside replica mode names its operator (the child process reads the same file)
    config = tmp_path / "ashyq.yaml"
    config.write_text('contact: "https://audit.gov.kz/ashyq; ashyq@audit.gov.kz"\n', encoding="utf-8")
    monkeypatch.setenv(operator.CONFIG_VARIABLE, str(config))
    operator.forget_loaded()
    registry = tmp_path / "bodies.yaml"
    registry.write_text(
        yaml.safe_dump(
            {
                "name": "rebinding",
                "bodies": [
                    {"id": name.split(".")[0], "kind": "mio", "names": {"kk": name, "ru": name},
                     "sites": [f"http://{name}:{port}/"]}
                    for name in SCRIPT
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    request = CrawlRequest(
        body_ids=["pinned", "inside", "rebind"],
        registry=str(registry),
        out_dir=tmp_path / "out",
        db_url=db,
        spiders=["site"],
        connection_log=tmp_path / "connections.log",
        settings_overrides={
            "ASHYQ_DNS_SCRIPT": SCRIPT,
            "ASHYQ_EGRESS_ALLOW": [f"127.0.0.1:{port}"],
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_TIMEOUT": 3,
            "RETRY_TIMES": 0,
        },
    )
    run_crawl(request)
    engine = create_engine(db)
    with engine.connect() as connection:
        pages = dict(connection.execute(text("SELECT body_id, count(*) FROM page GROUP BY body_id")).all())
        failures = connection.execute(text("SELECT body_id, url, reason, detail FROM fetch_failure")).all()
    engine.dispose()
    assert pages.get("pinned", 0) == 3  # /, /a, /b, asked by name and connected to the checked address
    assert f"pinned.example:{port}" in hosts
    inside = [(url, reason, detail) for body, url, reason, detail in failures if body == "inside"]
    assert (f"http://inside.example:{port}/", "private_address") in [(u, r) for u, r, _ in inside]
    assert all("127.0.0.2" in detail for _, reason, detail in inside if reason == "private_address")
    log = (tmp_path / "connections.log").read_text(encoding="utf-8")
    assert "'127.0.0.2'" not in log  # the crawl process never connected to the canary
    assert f"connect ('127.0.0.1', {port})" in log


def test_the_browser_connects_where_its_proxy_checked(site: tuple[int, list[str]], loopback: Loopback) -> None:
    from ashyq.net.browser import open_browser

    port, _ = site
    canary = loopback.canaries[-1]
    script = ScriptedResolver(SCRIPT)
    policy = EgressPolicy(resolver=script).allowing([("127.0.0.1", port)])

    async def visit() -> tuple[str, list[str]]:
        async with open_browser(policy, contact="operator@example.kz") as session:
            context = await session.new_context()
            page = await context.new_page()
            await session.goto(page, f"http://pinned.example:{port}/")
            title = await page.title()
            for name in ("inside.example", "rebind.example", "rebind.example"):
                with contextlib.suppress(Exception):  # the proxy closed the refused request: it fails
                    await session.goto(page, f"http://{name}:{port}/x")
            await context.close()
            return title, [f"{r.url} {r.reason}" for r in session.refused_requests()]

    title, refused = asyncio.run(visit())
    assert title == "Стенд"
    assert f"http://inside.example:{port}/x private_address" in refused
    assert f"http://rebind.example:{port}/x private_address" in refused  # its second answer, judged
    assert canary.connections == []
    with pytest.raises(Refusal):
        policy.addresses("inside.example", port)
