"""Browser gather step: CPU seconds per page of the Appendix 14 measurements on replica pages, against
a plain Playwright goto + screenshot loop over the same pages in the same run (the ratio is what to
compare across machines), and the browser's resident memory over a long loop of page visits, which
must stay flat because contexts are recycled.

CPU is this process's plus its children's (the Playwright driver and Chromium, counted once they
exit); the replica world serves from a thread of this process in both loops alike.

Goal: < 1 CPU second per page per core for the browser checks.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PAGES = int(os.environ.get("ASHYQ_BENCH_PAGES", "16"))
LONG_VISITS = int(os.environ.get("ASHYQ_BENCH_VISITS", "120"))  # ASHYQ_BENCH_VISITS=500 for the long run
GOAL_CPU_PER_PAGE = 1.0


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _descendants_rss_mb(root: int) -> float:
    """Resident memory of every process below ``root`` (the driver and Chromium), in MB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    below, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - below
        below |= frontier
    return sum(rss.get(pid, 0) for pid in below) / 2**20


def _measure(run: Callable[[], Any]) -> tuple[float, float]:
    cpu, wall = _cpu(), time.perf_counter()
    run()
    return _cpu() - cpu, time.perf_counter() - wall


async def _plain_loop(urls: list[str], url_map: dict[str, str], shots: Path) -> None:
    from ashyq.gather.pages import new_context
    from ashyq.gather.visits import GatherSettings
    from ashyq.net.browser import open_browser
    from ashyq.net.urlmap import BaseUrlMap

    settings = GatherSettings.from_config(url_map=url_map)
    async with open_browser(url_map=BaseUrlMap.from_mapping(url_map)) as session:
        context = await new_context(session, settings)
        for n, url in enumerate(urls):
            page = await context.new_page()
            await session.goto(page, url, wait_until="load")
            await page.screenshot(path=str(shots / f"plain-{n}.png"))
            await page.close()
        await context.close()


def _replica_pages(world: Any) -> list[str]:
    from ashyq_replica import classic

    urls: list[str] = []
    for body in world.bodies:
        if body.site == "classic" and body.classic_host:
            urls += [u for u in classic.public_urls(world, body) if "/ru" in u or "lang=ru" in u][:6]
    gov = "https://www.gov.kz/memleket/entities"
    urls += [f"{gov}/enbek?lang=ru", f"{gov}/enbek/about?lang=ru", f"{gov}/astana/press/news/1?lang=ru"]
    return urls


def main() -> None:
    import tempfile

    from ashyq_replica.core import World
    from ashyq_replica.server import start_world

    from ashyq.gather.pages import gather_pages
    from ashyq.gather.visits import GatherSettings

    world = World()
    urls = _replica_pages(world)[:PAGES]
    with start_world(world) as running, tempfile.TemporaryDirectory() as tmp:
        shots = Path(tmp)
        settings = GatherSettings.from_config(url_map=running.urls, mobile=False, screenshots_dir=shots / "checks")
        plain_cpu, plain_wall = _measure(lambda: asyncio.run(_plain_loop(urls, running.urls, shots)))
        checks_cpu, checks_wall = _measure(lambda: gather_pages(urls, settings, sample=False))
        per_page, plain_per_page = checks_cpu / len(urls), plain_cpu / len(urls)
        print(f"pages: {len(urls)} replica pages (classic sites and gov.kz)")
        print(f"browser checks: {per_page:.2f} CPU s/page ({checks_wall / len(urls):.2f} s wall/page)")
        print(f"plain goto+screenshot: {plain_per_page:.2f} CPU s/page ({plain_wall / len(urls):.2f} s wall/page)")
        verdict = "met" if per_page < GOAL_CPU_PER_PAGE else "NOT met"
        ratio = per_page / plain_per_page
        print(f"ratio ashyq/checks/plain: {ratio:.1f}x; goal < {GOAL_CPU_PER_PAGE:.1f} CPU s/page: {verdict}")

        samples: list[tuple[int, float]] = []
        done = threading.Event()

        def sample_memory() -> None:
            while not done.wait(1.0):
                samples.append((len(samples), _descendants_rss_mb(os.getpid())))

        sampler = threading.Thread(target=sample_memory, daemon=True)
        sampler.start()
        # distinct URLs (a query the pages ignore): the gather step visits a URL once, and the loop must
        # really make LONG_VISITS visits for the memory figure to mean anything
        long_urls = [
            f"{u}{'&' if '?' in u else '?'}bench_visit={n}"
            for n, u in enumerate(urls[n % len(urls)] for n in range(LONG_VISITS))
        ]
        light = GatherSettings.from_config(url_map=running.urls, mobile=False, focus_pages=0)
        _, long_wall = _measure(lambda: gather_pages(long_urls, light, sample=False))
        done.set()
        sampler.join()
        if samples:
            quarter = max(1, len(samples) // 4)
            first = max(rss for _, rss in samples[:quarter])
            last = max(rss for _, rss in samples[-quarter:])
            print(
                f"memory over {LONG_VISITS} visits ({long_wall:.0f} s): browser RSS peak {first:.0f} MB in the first "
                f"quarter, {last:.0f} MB in the last ({'flat' if last < first * 1.25 else 'GROWING'})"
            )


if __name__ == "__main__":
    main()
