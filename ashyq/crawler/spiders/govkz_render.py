"""gov.kz in a real browser: the rendered pages of one body, per language, as PageItems with
screenshots and the serialised DOM (see :mod:`ashyq.crawler.render`). Scrapy only carries the items to
the pipelines; the browser step runs inside ``start()`` on Scrapy's asyncio reactor.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from ashyq.crawler.items import FetchFailureItem, PageItem
from ashyq.crawler.parsers.govkz import GOVKZ
from ashyq.crawler.render_plan import sample_from
from ashyq.crawler.spiders.govkz_links import LinkProber, newest_ids
from ashyq.crawler.spiders.portal import PortalSpider


class GovkzRenderSpider(PortalSpider):
    name = "govkz_render"
    portal = "govkz"
    harvests = ("pages",)
    identifier = "govkz_slug"
    languages = ("kk", "ru", "en")
    base_url = GOVKZ
    drives_browser = True  # the crawl process runs only a few of these at once (ashyq/crawler/process.py)

    def __init__(self, *args: Any, max_pages: str | int = 40, timeout_ms: str | int = 20_000, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_pages = int(max_pages)
        self.timeout_ms = int(timeout_ms)
        self.prober: LinkProber | None = None

    async def start(self) -> AsyncIterator[Any]:
        if not self.body_identifier():
            yield self.identifier_missing()
            return
        from ashyq.crawler.render import (
            RenderSettings,
            budget_from,
            default_concurrency,
            policy_from,
            render_body,
            url_map_from_settings,
            warc_archiver,
        )
        from ashyq.store.warc import archive_for

        out_dir = Path(self.settings.get("ASHYQ_OUT_DIR") or "out")
        run_id = self.run_id or self.settings.get("ASHYQ_RUN_ID") or "adhoc"
        config = RenderSettings(
            out_dir=out_dir,
            run_id=run_id,
            body_id=self.body_id,
            url_map=url_map_from_settings(self.settings),
            internal_hosts={"www.gov.kz"},
            policy=policy_from(self.settings),
            budget=budget_from(self.settings),
            timeout_ms=self.timeout_ms,
            # the run's page budget (--max-pages) caps the render too, per language
            max_pages=min(self.max_pages, self.settings.getint("ASHYQ_MAX_PAGES") or self.max_pages),
            archive=warc_archiver(out_dir, run_id, self.body_id),
            exchanges=archive_for(out_dir, run_id, self.body_id),
            # a render is one page made of several data requests (the entity, its pages, the item …), any
            # of which may answer a transient 502: the crawl retries each of its requests RETRY_TIMES
            # times, a render retries the whole page once more than that
            retry_times=self.settings.getint("RETRY_TIMES", 2) + 1,
            retry_http_codes=frozenset(int(c) for c in self.settings.getlist("RETRY_HTTP_CODES") or ()),
            antibot_markers=tuple(self.settings.getlist("ASHYQ_ANTIBOT_MARKERS")) or RenderSettings.antibot_markers,
            backoff_base_seconds=self.settings.getfloat("ASHYQ_BACKOFF_BASE", 1.0),
            backoff_max_seconds=self.settings.getfloat("ASHYQ_BACKOFF_MAX", 30.0),
            baseline_run=self.settings.get("ASHYQ_BASELINE_RUN") or None,
            user_agent=self.settings.get("USER_AGENT") or "",
            # pages rendered at once (ashyq/config/crawl.yaml's render.concurrency; 0: by the machine)
            concurrency=self.settings.getint("ASHYQ_RENDER_CONCURRENCY") or default_concurrency(),
            phone_views=self.settings.get("ASHYQ_RENDER_PHONE_VIEWS") or RenderSettings.phone_views,
            sample=sample_from(self.settings.getdict("ASHYQ_RENDER_SAMPLE")),
            check_links=self.settings.getint("ASHYQ_RENDER_CHECK_LINKS", 0),
            not_found=tuple(self.settings.getlist("ASHYQ_RENDER_NOT_FOUND")),
        )
        slug = str(self.body_identifier())
        for failure in await self._ask_seeds(config, slug):
            yield failure
        prober = LinkProber(
            self.crawler,
            max_external=self.settings.getint("ASHYQ_MAX_EXTERNAL_CHECKS", 200),
            max_file_size=self.settings.getint("ASHYQ_MAX_FILE_SIZE") or 64 * 1024 * 1024,
        )
        self.prober = prober
        async for item in render_body(slug, self.langs, config):
            yield await prober.page(item) if isinstance(item, PageItem) else item
            while prober.failures:
                yield prober.failures.pop(0)
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("ashyq/render/unchanged", config.reused)
            self.crawler.stats.set_value("ashyq/render/sampled", config.sampled)
        self.logger.info("gov.kz render of %s sampled %s", slug, config.sampled)

    async def _ask_seeds(self, config: Any, slug: str) -> list[FetchFailureItem]:
        """The newest ids of each kind no page links (the article type), asked of the API per language."""
        failures = []
        for sample in config.sample:
            for lang in self.langs:
                urls, failure = await newest_ids(self.crawler, sample, slug, lang)
                config.seeds.setdefault(lang, {})[sample.kind] = urls
                if failure is not None:
                    failures.append(failure)
        return failures

    def link_statuses(self) -> dict[str, int]:
        """The status of every rendered page (404 for the app's "page not found") and of the downloads
        and external links asked, for the links' ``target_status``."""
        return dict(self.prober.statuses) if self.prober is not None else {}
