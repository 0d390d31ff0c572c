"""The checks that need no browser, per harvested page: content checks and the other static checks.

Material, every page of each site in both languages:

* the replica world's classic sites (kostanay, enbek-center, zqai), rendered here;
* the outside test sites that serve their pages as HTML (geology, altynkol with its ``m.`` version,
  nadzor), fetched here from their applications on loopback by following their links (the
  JavaScript-built archives site serves an empty shell without a browser and is left out).

Figures are CPU milliseconds per page in this process (one core):

* **content checks** — Appendix 15 sections, Table 7 rows and Appendix 16 mobile sections
  (``a15.completeness``, ``t7.website_content``, ``a16.mobile_sections``), which read every page as
  blocks under headings, titles, link labels and paragraphs;
* **other static checks** — every other registered check that reads no browser measurement;
* **peer** — parsing every page once with lxml (``lxml.html.fromstring``): the least any check that
  reads the markup must spend. The ratio says how many such parses the checks cost.

A warm-up pass first runs every check over a copy of the first classic site whose pages each carry
one more comment (so no parse a check keeps is reused), and is not counted: imports, configuration
and compiled vocabularies are not the checks' cost per page. Each measured site is a fresh artifacts
object, so nothing a check keeps between calls carries over.
Goal: at most 20 ms per page for the content checks and for the other static checks.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

GOAL_MS = 20.0
CLASSIC_BODIES = ("kostanay", "enbek-center", "zqai")
OUTSIDE_SITES = {"geology": "cgo", "altynkol": "mio", "nadzor": "cgo"}
CONTENT_CHECKS = ("a15.completeness", "t7.website_content", "a16.mobile_sections")
MAX_PAGES = 400
NOT_PAGES = re.compile(r"\.(pdf|docx?|xlsx?|rtf|zip|rar|jpe?g|png|gif|svg|mp4|css|js)$", re.I)


def _classic(body_id: str) -> Any:
    from ashyq_replica.core import World

    from ashyq.base.artifacts import BodyArtifacts
    from benchmarks.material import classic_site

    world = World()
    body, pages, home = classic_site(world, body_id)
    return lambda: BodyArtifacts(body_id, body.kind, world.as_of, site_urls=(home,), pages=pages)


def _lang_of(path: str) -> str | None:
    if re.search(r"(^/kk\b|^/kz\b|lang=kk|lang=kz)", path):
        return "kk"
    if re.search(r"(^/ru\b|lang=ru)", path):
        return "ru"
    return None


async def _fetch_site(host: str, app: Any, limit: int) -> list[Any]:
    """Every HTML page of one outside application reachable by links from its root."""
    import lxml.html
    from aiohttp.test_utils import TestClient, TestServer

    from ashyq.base.artifacts import MOBILE_VERSION_SOURCE, PageSnapshot

    out: list[PageSnapshot] = []
    async with TestClient(TestServer(app)) as client:
        seen: set[str] = set()
        queue = ["/"]
        while queue and len(seen) < limit:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            response = await client.get(path, headers={"Host": host})
            if "html" not in response.headers.get("content-type", ""):
                continue
            html = await response.text()
            final = urlsplit(str(response.url))
            here = final.path + (f"?{final.query}" if final.query else "")
            url = f"https://{host}{here}"
            out.append(
                PageSnapshot(
                    url=url,
                    lang=_lang_of(here),
                    html=html,
                    status=response.status,
                    depth=0 if path == "/" else 1,
                    source=MOBILE_VERSION_SOURCE if host.startswith("m.") else "site",
                )
            )
            try:
                root = lxml.html.fromstring(html)
            except Exception:  # not HTML after all: no links to follow
                continue
            for anchor in root.iter("a"):
                target = urlsplit(urljoin(url, anchor.get("href") or ""))
                if target.netloc != host or NOT_PAGES.search(target.path):
                    continue
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return out


def _outside(site_id: str, kind: str) -> Callable[[], Any]:
    from ashyq_replica.core import World
    from ashyq_replica.outside import SITES

    from ashyq.base.artifacts import BodyArtifacts

    as_of = World().as_of
    site = next(s for s in SITES if s.id == site_id)
    pages = [p for host, factory in site.servers for p in asyncio.run(_fetch_site(host, factory(as_of), MAX_PAGES))]
    home = f"https://{site.host}/"
    return lambda: BodyArtifacts(site_id, kind, as_of, site_urls=(home,), pages=pages)


def _measure(artifacts: Any) -> tuple[float, float]:
    """CPU seconds of the content checks and of the other static checks over one site."""
    from ashyq.checks.registry import checks, run_checks

    content = other = 0.0
    for check in checks():
        if check.browser or artifacts.kind not in check.applies_to:
            continue
        started = time.process_time()
        run_checks(artifacts, only_items=check.items)
        spent = time.process_time() - started
        if check.id in CONTENT_CHECKS:
            content += spent
        else:
            other += spent
    return content, other


def _peer(artifacts: Any) -> float:
    import lxml.html

    started = time.process_time()
    for page in artifacts.pages:
        if page.html.strip():
            lxml.html.fromstring(page.html)
    return time.process_time() - started


def main() -> None:
    from dataclasses import replace

    first = _classic(CLASSIC_BODIES[0])()
    warm = replace(first, pages=[replace(p, html=p.html + "<!-- warm-up -->") for p in first.pages])
    started = time.perf_counter()
    _measure(warm)
    print(
        f"warm-up: every check once over a copy of {CLASSIC_BODIES[0]} ({len(warm.pages)} pages, "
        f"{time.perf_counter() - started:.1f} s), not counted: imports, configuration, compiled vocabularies",
        flush=True,
    )
    material = [(f"replica {b}", _classic(b)) for b in CLASSIC_BODIES]
    material += [(f"outside {s}", _outside(s, kind)) for s, kind in OUTSIDE_SITES.items()]
    pages = 0
    content = other = peer = 0.0
    for name, make in material:
        artifacts = make()
        n = max(1, len(artifacts.pages))
        site_peer = _peer(artifacts)
        site_content, site_other = _measure(make())  # a fresh object: no cache from the peer's pass
        print(
            f"{name}: {len(artifacts.pages)} pages; content checks {1000 * site_content / n:.1f} ms/page, "
            f"other static checks {1000 * site_other / n:.1f} ms/page; peer (one lxml parse) "
            f"{1000 * site_peer / n:.2f} ms/page",
            flush=True,
        )
        pages += len(artifacts.pages)
        content, other, peer = content + site_content, other + site_other, peer + site_peer
    per = {name: 1000 * value / max(1, pages) for name, value in (("content", content), ("other", other))}
    per_peer = 1000 * peer / max(1, pages)
    for name, label in (("content", "content checks"), ("other", "other static checks")):
        verdict = "met" if per[name] <= GOAL_MS else "NOT met"
        print(
            f"{label}, every page: {pages} pages, {per[name]:.1f} CPU ms/page on one core "
            f"(goal <= {GOAL_MS:.0f}: {verdict}); {per[name] / max(per_peer, 1e-9):.1f}x the peer"
        )
    print(f"peer, one lxml parse of every page: {per_peer:.2f} CPU ms/page")


if __name__ == "__main__":
    main()
