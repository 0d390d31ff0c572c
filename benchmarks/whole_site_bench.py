"""Whole site, not a sample: what judging every harvested page costs.

On the replica world's classic sites (every page of each, both languages, served on loopback here):

* **static checks** — every registered check over the markup of all the site's pages, no browser: CPU
  milliseconds per page (this process, one core). Goal: at most 20 ms per page per core;
* **browser stage** — the gather step on one page of every template the site uses plus the pages the
  markup flagged (as a run measures now), against the older sample of at most 12 pages (home page and
  a few per section type) on the same site in the same run: pages visited, CPU seconds (this process
  and its children: the Playwright driver and Chromium) in all, per template and per page.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

GOAL_STATIC_MS = 20.0
CLASSIC_BODIES = ("kostanay", "enbek-center", "zqai")


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> None:
    from ashyq_replica.core import World
    from ashyq_replica.server import start_world

    from ashyq.base.artifacts import BodyArtifacts
    from ashyq.checks.accessibility.visual import to_confirm
    from ashyq.checks.registry import run_checks
    from ashyq.config.check_settings import check_settings
    from ashyq.gather.pages import gather_pages, sample_pages
    from ashyq.gather.templates import choose
    from ashyq.gather.visits import GatherSettings
    from benchmarks.material import classic_site

    world = World()
    sampling = check_settings("accessibility")["sampling"]
    static_pages, static_cpu = 0, 0.0
    totals = {"templates": 0, "new_pages": 0, "new_cpu": 0.0, "old_pages": 0, "old_cpu": 0.0}
    with start_world(world) as running, tempfile.TemporaryDirectory() as tmp:
        for body_id in CLASSIC_BODIES:
            body, pages, home = classic_site(world, body_id)
            artifacts = BodyArtifacts(body_id, body.kind, world.as_of, site_urls=(home,), pages=pages)
            # once on the home page alone first: imports and configuration are not the checks' cost
            run_checks(BodyArtifacts(body_id, body.kind, world.as_of, site_urls=(home,), pages=pages[:1]))
            started = time.process_time()
            run_checks(artifacts)
            spent = time.process_time() - started
            static_pages, static_cpu = static_pages + len(pages), static_cpu + spent

            choice = choose(
                [(p.url, p.html) for p in pages],
                home,
                to_confirm(artifacts),
                int(sampling["max_templates"]),
                int(sampling["max_confirm"]),
                float(sampling["template_similarity"]),
            )
            old = sample_pages([p.url for p in pages], home)
            settings = GatherSettings.from_config(url_map=running.urls, screenshots_dir=Path(tmp) / body_id)
            urls = [p.url for p in pages]
            before = _cpu()
            gather_pages(urls, settings, home, chosen=choice.urls)
            new_cpu = _cpu() - before
            before = _cpu()
            gather_pages(urls, settings, home)
            old_cpu = _cpu() - before
            confirm = len(choice.urls) - min(choice.templates, len(choice.urls))
            print(
                f"{body_id}: {len(pages)} pages; static checks {1000 * spent / len(pages):.1f} ms/page; browser: "
                f"{choice.templates} template(s) + {confirm} to confirm = {len(choice.urls)} pages, "
                f"{new_cpu:.1f} CPU s ({new_cpu / max(1, choice.templates):.2f} s/template); "
                f"old sample {len(old)} pages, {old_cpu:.1f} CPU s",
                flush=True,
            )
            totals["templates"] += choice.templates
            totals["new_pages"] += len(choice.urls)
            totals["new_cpu"] += new_cpu
            totals["old_pages"] += len(old)
            totals["old_cpu"] += old_cpu
    per_page = 1000 * static_cpu / max(1, static_pages)
    verdict = "met" if per_page <= GOAL_STATIC_MS else "NOT met"
    print(
        f"static checks, every page: {static_pages} pages, {per_page:.1f} CPU ms/page on one core "
        f"(goal <= {GOAL_STATIC_MS:.0f}: {verdict})"
    )
    t, n = totals, max(1, int(totals["templates"]))
    print(
        f"browser, one page per template + pages to confirm: {t['new_pages']:.0f} pages for {n} templates, "
        f"{t['new_cpu']:.1f} CPU s ({t['new_cpu'] / n:.2f} s/template, "
        f"{t['new_cpu'] / max(1, t['new_pages']):.2f} s/page)"
    )
    print(
        f"browser, old sample (<= 12 pages a site): {t['old_pages']:.0f} pages, {t['old_cpu']:.1f} CPU s "
        f"({t['old_cpu'] / max(1, t['old_pages']):.2f} s/page); "
        f"ratio new/old {t['new_cpu'] / max(t['old_cpu'], 1e-9):.2f}x"
    )


if __name__ == "__main__":
    main()
