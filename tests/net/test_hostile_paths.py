"""Every fetch path against the hostile web: the Scrapy crawl, the gov.kz render, the browser
measurements, ``check-page``, the declared reports' link check and the appeal re-check.

The hostile replica (``--faults hostile``) points pages, redirects, images, scripts, stylesheets,
WebSockets, meta refreshes and sitemaps at a loopback canary, at the cloud metadata address and at
local files. For each path: the canary logs no connection, no archive holds a local file or the
canary's text, and each refusal is a recorded fetch failure with its reason.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from ashyq_replica.hostile import CANARY_TEXT, HOSTILE_TITLE, METADATA
from ashyq_replica.server import RunningWorld
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KOSTANAY = "https://www.kostanay.gov.kz"
FAST = {"DOWNLOAD_TIMEOUT": 3, "ASHYQ_BACKOFF_BASE": 0.1, "ASHYQ_BACKOFF_MAX": 1.0}
# What must never land in an archive: /etc/passwd, a process environment, the canary's answer.
LOCAL_MARKERS = (b"root:x:0:0:", b"PATH=/", CANARY_TEXT.encode())


@dataclass
class Outcome:
    failures: list[tuple[str, str, str]]  # url, reason, detail
    archives: list[Path] = field(default_factory=list)
    connection_log: str = ""

    def refused(self, where: str, reason: str = "private_address") -> bool:
        return any(where in url and got == reason for url, got, _ in self.failures)


def _store_failures(db_url: str) -> list[tuple[str, str, str]]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT url, reason, coalesce(detail, '') FROM fetch_failure"))
            return [(str(u), str(r), str(d)) for u, r, d in rows]
    finally:
        engine.dispose()


def crawl(world: RunningWorld, tmp: Path) -> Outcome:
    from ashyq.crawler.runner import CrawlRequest, run_crawl

    request = CrawlRequest(
        body_ids=["kostanay"],
        base_url_map=dict(world.urls),
        out_dir=tmp / "out",
        db_url=f"sqlite:///{tmp / 'store.sqlite'}",
        spiders=["site"],
        max_pages=80,
        settings_overrides=FAST,
        connection_log=tmp / "connections.log",
    )
    summary = run_crawl(request)
    outcome = Outcome(_store_failures(request.db_url or ""), sorted((tmp / "out").rglob("*.warc.gz")))
    outcome.connection_log = (tmp / "connections.log").read_text(encoding="utf-8")
    assert summary.bodies["kostanay"].pages > 10
    return outcome


def render(world: RunningWorld, tmp: Path) -> Outcome:
    from ashyq.crawler.items import FetchFailureItem, PageItem
    from ashyq.crawler.render import RenderSettings, render_body, warc_archiver
    from ashyq.net.urlmap import BaseUrlMap

    config = RenderSettings(
        out_dir=tmp,
        run_id="hostile",
        body_id="mod",
        url_map=BaseUrlMap.from_mapping(world.urls),
        internal_hosts={"www.gov.kz"},
        max_pages=4,
        archive=warc_archiver(tmp, "hostile", "mod"),
    )

    async def run() -> list[object]:
        return [item async for item in render_body("mod", ("ru",), config)]

    items = asyncio.run(run())
    assert sum(isinstance(i, PageItem) for i in items) >= 2
    failures = [(i.url, i.reason, i.detail or "") for i in items if isinstance(i, FetchFailureItem)]
    return Outcome(failures, sorted(tmp.rglob("*.warc.gz")))


GATHERED = ["/ru/", "/hostile/page", "/hostile/to-loopback", "/hostile/to-metadata", "/hostile/to-file",
            "/hostile/to-mapped", "/hostile/to-rebind", "/hostile/refresh-loopback",
            "/hostile/refresh-private"]  # fmt: skip


def gather(world: RunningWorld, tmp: Path) -> Outcome:
    from ashyq.gather.pages import gather_pages
    from ashyq.gather.visits import GatherSettings

    urls = [KOSTANAY + path for path in GATHERED] + ["file:///etc/hostname"]
    settings = GatherSettings.from_config(url_map=world.urls, mobile=False, screenshots_dir=tmp, focus_pages=0)
    result = gather_pages(urls, settings, sample=False)
    titles = {page.url: page.title for page in result.pages}
    assert HOSTILE_TITLE.split("\x07")[0] in titles[KOSTANAY + "/hostile/page"]
    assert set(titles) == {KOSTANAY + "/ru/", KOSTANAY + "/hostile/page"}  # every other page was refused
    return Outcome([(f.url, f.reason, f.detail or "") for f in result.failures])


def check_page(world: RunningWorld, tmp: Path) -> Outcome:
    from ashyq.cli.check_page import check_page_command
    from ashyq.pipeline.page_check import check_page_report

    served = world.urls[KOSTANAY]
    report = check_page_report(f"{served}/hostile/page", allow_private=True)
    assert report.results, "the page itself is checked"
    failures = [(f.url, f.reason, f.detail or "") for f in report.failures]
    import typer

    app = typer.Typer()
    app.command()(check_page_command)
    for path in ("/hostile/to-loopback", "/hostile/to-metadata", "/hostile/to-file"):
        answer = CliRunner().invoke(app, [f"{served}{path}", "--allow-private-addresses", "--json"])
        assert answer.exit_code == 1 and "Traceback" not in answer.output, answer.output
        assert "the page could not be fetched" in answer.output
        reason = "private_address" if "private_address" in answer.output else "?"
        failures.append((f"{served}{path}", reason, answer.output.strip()))
    return Outcome(failures)


DECLARED = ["/hostile/page", "/hostile/to-loopback", "/hostile/to-metadata", "/hostile/to-file", "/hostile/to-mapped",
            "/hostile/to-rebind"]  # fmt: skip


def declared(world: RunningWorld, tmp: Path) -> Outcome:
    from ashyq.declared.fetch import PoliteFetcher
    from ashyq.declared.verify import LinkClaim, verify_claims
    from ashyq.net.crawl_config import load_crawl_config
    from ashyq.net.urlmap import BaseUrlMap
    from ashyq.store.warc import WarcArchive

    assert world.canary is not None
    urls = [KOSTANAY + p for p in DECLARED] + ["file:///etc/hostname", f"{world.canary.url}/x", METADATA]
    claims = [LinkClaim("npa", n, str(n), "link_ru", url, "ru", "Объявление") for n, url in enumerate(urls, 1)]
    archive = WarcArchive(tmp, "hostile", "kostanay")
    try:
        fetcher = PoliteFetcher(load_crawl_config(), BaseUrlMap.from_mapping(world.urls), archive)
        verdicts = verify_claims(claims, fetcher, "2026")
    finally:
        archive.close()
    failures = []
    for verdict in verdicts:
        said = " ".join(verdict.reasons)
        for reason in ("private_address", "offsite", "error"):
            if f"could not be fetched: {reason}" in said:
                failures.append((verdict.url, reason, said))
    return Outcome(failures, sorted(tmp.rglob("*.warc.gz")))


def recheck(world: RunningWorld, tmp: Path) -> Outcome:
    from ashyq.cli import app

    db = f"sqlite:///{tmp / 'store.sqlite'}"
    answer = CliRunner().invoke(
        app,
        ["recheck", "--body", "kostanay", "--items", "A14-3.1", "--replica-map", json.dumps(world.urls),
         "--out", str(tmp / "out"), "--db", db, "--json"],
    )  # fmt: skip
    assert answer.exit_code in (0, 1), answer.output
    return Outcome(_store_failures(db), sorted((tmp / "out").rglob("*.warc.gz")))


# path → (driver, refusals that must be recorded: a piece of the URL and the reason)
PATHS: dict[str, tuple[Callable[[RunningWorld, Path], Outcome], list[tuple[str, str]]]] = {
    "crawl": (
        crawl,
        [("file:///etc/hostname", "private_address"), ("{canary}/sitemap.xml", "private_address"),
         ("169.254.169.254/latest/meta-data/sitemap.xml", "private_address"),
         ("/hostile/to-loopback", "private_address"), ("/hostile/to-metadata", "private_address"),
         ("/hostile/to-file", "private_address"), ("/hostile/to-mapped", "private_address"),
         ("/hostile/to-rebind", "offsite"), ("/hostile/refresh-private", "private_address"),
         ("/hostile/refresh-loopback", "private_address"), ("{canary}/direct", "private_address"),
         ("rebind.attacker.kz", "offsite")],
    ),
    "render": (
        render,
        [("{canary}/direct.png", "private_address"), ("{canary}/image.png", "private_address"),
         ("{canary}/script.js", "private_address"), ("{canary}/style.css", "private_address"),
         ("ws://{canary}/ws", "private_address"), ("169.254.169.254", "private_address")],
    ),
    "gather": (
        gather,
        [("/hostile/to-loopback", "private_address"), ("/hostile/to-metadata", "private_address"),
         ("/hostile/to-file", "private_address"), ("/hostile/to-mapped", "private_address"),
         ("/hostile/to-rebind", "offsite"), ("/hostile/refresh-loopback", "private_address"),
         ("/hostile/refresh-private", "private_address"), ("file:///etc/hostname", "private_address"),
         ("{canary}/direct.png", "private_address"), ("{canary}/image.png", "private_address"),
         ("{canary}/script.js", "private_address"), ("169.254.169.254", "private_address")],
    ),
    "check-page": (
        check_page,
        [("{canary}/direct.png", "private_address"), ("{canary}/image.png", "private_address"),
         ("/hostile/to-loopback", "private_address"), ("/hostile/to-metadata", "private_address"),
         ("/hostile/to-file", "private_address")],
    ),
    "declared": (
        declared,
        [("/hostile/to-loopback", "private_address"), ("/hostile/to-metadata", "private_address"),
         ("/hostile/to-file", "private_address"), ("/hostile/to-mapped", "private_address"),
         ("/hostile/to-rebind", "offsite"), ("file:///etc/hostname", "private_address"),
         ("{canary}/x", "private_address"), (METADATA, "private_address")],
    ),
    "recheck": (
        recheck,
        [("file:///etc/hostname", "private_address"), ("/hostile/to-loopback", "private_address"),
         ("/hostile/to-metadata", "private_address"), ("{canary}/direct", "private_address"),
         ("{canary}/direct.png", "private_address")],
    ),
}  # fmt: skip


@pytest.mark.parametrize("path", list(PATHS))
def test_no_fetch_path_reaches_a_forbidden_address(path: str, hostile: RunningWorld, tmp_path: Path) -> None:
    assert hostile.canary is not None
    canary = hostile.canary.url.removeprefix("http://")
    before = len(hostile.canary.connections), len(hostile.canary.datagrams)
    driver, expected = PATHS[path]
    outcome = driver(hostile, tmp_path)

    time.sleep(0.5)  # a page's STUN or TURN datagram on its way
    assert hostile.canary.connections[before[0] :] == [], "the canary was reached"
    assert hostile.canary.watches_udp, "the canary's UDP port could not be taken: nothing would be seen"
    assert hostile.canary.datagrams[before[1] :] == [], "a datagram reached the canary (WebRTC)"
    missing = [(where.format(canary=canary), reason) for where, reason in expected
               if not outcome.refused(where.format(canary=canary), reason)]  # fmt: skip
    assert missing == [], "\n".join(f"{u} {r} {d[:120]}" for u, r, d in outcome.failures)
    assert all(detail for _, _, detail in outcome.failures), "every refusal says why"
    for archive in outcome.archives:
        content = gzip.decompress(archive.read_bytes())
        assert not any(marker in content for marker in LOCAL_MARKERS), archive
    if outcome.connection_log:  # the crawl process's own record of every connect and lookup
        for forbidden in ("169.254.169.254", "10.0.0.5", f"'127.0.0.1', {hostile.canary.port})", "rebind.attacker.kz"):
            assert forbidden not in outcome.connection_log, forbidden
        served_ports = {int(u.rsplit(":", 1)[1]) for u in hostile.urls.values()}
        connects = [line for line in outcome.connection_log.splitlines() if line.startswith("connect ")]
        assert connects and all(any(f", {port})" in line for port in served_ports) for line in connects)
