"""Scrapy settings of the harvest, built from ``ashyq/config/crawl.yaml`` and the run's options.

One function, :func:`build_settings`, makes the settings of every crawl, real or replica: replica
mode (a base-URL map is given) only relaxes politeness, the components stay the same. Settings of
our own components start with ``ASHYQ_``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ashyq.config.operator import ContactRefused, is_placeholder, load_config, require_contact
from ashyq.net.crawl_config import MEGABYTE, CrawlConfig
from ashyq.net.identity import ROBOTS_NAME

# Our components and where they sit. process_request runs in ascending order, process_response
# and process_exception in descending order, so the failure recorder (10) is the last to see a
# response or an exception: after retries and redirects have had their say.
DOWNLOADER_MIDDLEWARES: dict[str, int | None] = {
    "ashyq.crawler.middlewares.failures.FailureRecorderMiddleware": 10,
    "ashyq.crawler.middlewares.guard.AddressGuardMiddleware": 20,
    "ashyq.crawler.middlewares.robots.RobotsOverrideMiddleware": 30,
    "ashyq.crawler.middlewares.traps.TrapLimitsMiddleware": 40,
    # After robots.txt (Scrapy's, 100): a single-page app's route gets its shell's answer, asked once.
    "ashyq.crawler.middlewares.routes.RouteShellMiddleware": 120,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "ashyq.crawler.middlewares.retry.BackoffRetryMiddleware": 550,
    # Nearer the download than the retries: an anti-DDoS front's «checking your browser» answer is passed in
    # Chromium and the request asked again with the clearance cookie, not retried as an error.
    "ashyq.crawler.middlewares.front.BrowserCheckMiddleware": 560,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    # An HTTP proxy (from http_proxy in the environment) would resolve names where no check sees them.
    "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": None,
    "ashyq.crawler.middlewares.traps.LoopAwareRedirectMiddleware": 600,
    # Scrapy's cookies, the public suffix list from tldextract's bundled copy: its own middleware
    # fetched the list from publicsuffix.org through requests, outside the egress policy.
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
    "ashyq.crawler.middlewares.cookies.OfflineCookiesMiddleware": 700,
    # The fleet's budget per host, after retries and redirects have made their requests: every
    # exchange that reaches a host holds a slot of it.
    "ashyq.crawler.middlewares.budget.HostBudgetMiddleware": 900,
    # Next to the download handler: the bytes as they came, before decompression.
    "ashyq.crawler.middlewares.archive.WarcCaptureMiddleware": 950,
    # Closer still: a 304 or an unchanged body becomes a revisit record and the original response.
    "ashyq.crawler.middlewares.conditional.ConditionalFetchMiddleware": 960,
}
MAPPED_HANDLER = "ashyq.crawler.middlewares.mapping.MappedDownloadHandler"
EGRESS_RESOLVER = "ashyq.net.twisted_resolver.EgressResolver"
# http and https only, both through the handler whose connections the egress resolver checks; Scrapy's
# file, data, ftp and s3 handlers are switched off (a sitemap's file:///etc/hostname reads nothing).
DOWNLOAD_HANDLERS: dict[str, str | None] = {
    "http": MAPPED_HANDLER,
    "https": MAPPED_HANDLER,
    "file": None,
    "data": None,
    "ftp": None,
    "s3": None,
}


def build_settings(
    config: CrawlConfig,
    *,
    base_url_map: dict[str, str] | None = None,
    out_dir: str | Path = "out",
    run_id: str = "adhoc",
    db_url: str | None = None,
    max_pages: int | None = None,
    overrides: dict[str, Any] | None = None,
    baseline_run: str | None = None,
) -> dict[str, Any]:
    """The Scrapy settings of one crawl process; ``overrides`` win (tests shorten timeouts)."""
    replica = bool(base_url_map)
    if not replica and is_placeholder(config.contact):
        raise ContactRefused(_refusal())
    polite = config.replica_politeness if replica else config.politeness
    limits = config.limits
    settings: dict[str, Any] = {
        "BOT_NAME": "ashyq",
        "USER_AGENT": config.user_agent(),
        "ROBOTSTXT_OBEY": config.robots.obey,
        "ROBOTSTXT_USER_AGENT": ROBOTS_NAME,
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        # Every connection of the crawl is checked by the egress policy when it is made.
        "TWISTED_DNS_RESOLVER": EGRESS_RESOLVER,
        "REMOTE_CONTROL_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "CONCURRENT_REQUESTS": polite.concurrent_requests,
        "CONCURRENT_REQUESTS_PER_DOMAIN": polite.per_host,
        "DOWNLOAD_DELAY": polite.download_delay,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": polite.autothrottle_start_delay,
        "AUTOTHROTTLE_MAX_DELAY": polite.autothrottle_max_delay,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": polite.autothrottle_target_concurrency,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": config.retry.times,
        "RETRY_HTTP_CODES": list(config.retry.http_codes),
        "DOWNLOAD_TIMEOUT": config.download.timeout_seconds,
        "DOWNLOAD_MAXSIZE": int(config.download.max_page_mb * MEGABYTE),
        "DOWNLOAD_WARNSIZE": int(config.download.max_page_mb * MEGABYTE / 2),
        "REDIRECT_MAX_TIMES": limits.max_redirects,
        # Breadth first: the page limit keeps the shallow pages, which matter most.
        "DEPTH_PRIORITY": 1,
        # One depth at a time, each in one sort: the limits keep the same pages however fast or
        # flaky the servers are (ashyq.crawler.scheduler).
        "SCHEDULER": "ashyq.crawler.scheduler.LevelScheduler",
        "SPIDER_MIDDLEWARES": {"ashyq.crawler.scheduler.StartReadMiddleware": 10},
        "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
        # a single-page app's routes (/#!/kk/komitet) are requests of their own, other fragments are not
        "REQUEST_FINGERPRINTER_CLASS": "ashyq.crawler.middlewares.routes.RouteFingerprinter",
        "COOKIES_ENABLED": True,
        "LOG_LEVEL": "WARNING",
        "DOWNLOAD_HANDLERS": dict(DOWNLOAD_HANDLERS),
        "DOWNLOADER_MIDDLEWARES": dict(DOWNLOADER_MIDDLEWARES),
        "ITEM_PIPELINES": {"ashyq.crawler.storing.StorePipeline": 800},
        "ASHYQ_BASE_URL_MAP": dict(base_url_map or {}),
        "ASHYQ_REPLICA": replica,
        "ASHYQ_OUT_DIR": str(out_dir),
        "ASHYQ_RUN_ID": run_id,
        "ASHYQ_DB_URL": db_url,
        "ASHYQ_MAX_PAGES": max_pages or limits.max_pages_per_body,
        "ASHYQ_MAX_DEPTH": limits.max_depth,
        "ASHYQ_MAX_QUERY_VARIANTS": limits.max_query_variants,
        "ASHYQ_MAX_DATE_VARIANTS": limits.max_date_variants,
        "ASHYQ_MAX_EXTERNAL_CHECKS": limits.max_external_checks,
        **_render_settings(config),
        "ASHYQ_MAX_FILE_SIZE": int(config.download.max_file_mb * MEGABYTE),
        "ASHYQ_RETRY_ANTIBOT": config.retry.retry_antibot,
        "ASHYQ_BACKOFF_BASE": config.retry.backoff_base_seconds,
        "ASHYQ_BACKOFF_MAX": config.retry.backoff_max_seconds,
        "ASHYQ_ANTIBOT_MARKERS": list(config.antibot_markers),
        "ASHYQ_ROBOTS_OVERRIDES": [o.model_dump() for o in config.robots.overrides],
        "ASHYQ_BUDGET": config.budget.model_dump(),
        # the run whose captures the conditional fetch asks against (None: every request whole)
        "ASHYQ_BASELINE_RUN": baseline_run,
    }
    settings.update(overrides or {})
    return settings


def _render_settings(config: CrawlConfig) -> dict[str, Any]:
    """What the browser renders of a gov.kz body (ashyq.crawler.render, render_plan)."""
    return {
        # pages the browser renders at once (0: as many as the machine's cores allow, at most four)
        "ASHYQ_RENDER_CONCURRENCY": config.render.concurrency,
        # which rendered pages get a phone view too (home: each language's home page; every)
        "ASHYQ_RENDER_PHONE_VIEWS": config.render.phone_views,
        # gov.kz detail pages sampled beyond the menu, link targets rendered to check them, the
        # platform's "page not found" headings (ashyq.crawler.render_plan)
        "ASHYQ_RENDER_SAMPLE": {kind: sample.model_dump() for kind, sample in config.render.sample.items()},
        "ASHYQ_RENDER_CHECK_LINKS": config.render.check_links,
        "ASHYQ_RENDER_NOT_FOUND": list(config.render.not_found),
    }


def _refusal() -> str:
    try:
        require_contact(load_config())
    except ContactRefused as refused:
        return str(refused)
    return "the crawl config names no operator contact (contact:)"


def run_settings_record(config: CrawlConfig, settings: dict[str, Any]) -> dict[str, Any]:
    """What the store keeps about a run's crawl settings: enough to judge how politely and how far
    it looked, including every robots override and its reason."""
    keys = (
        "USER_AGENT",
        "ROBOTSTXT_OBEY",
        "CONCURRENT_REQUESTS_PER_DOMAIN",
        "DOWNLOAD_DELAY",
        "AUTOTHROTTLE_ENABLED",
        "DOWNLOAD_TIMEOUT",
        "DOWNLOAD_MAXSIZE",
        "RETRY_TIMES",
        "ASHYQ_REPLICA",
        "ASHYQ_MAX_PAGES",
        "ASHYQ_MAX_DEPTH",
        "ASHYQ_MAX_QUERY_VARIANTS",
        "ASHYQ_MAX_DATE_VARIANTS",
    )
    record = {key.removeprefix("ASHYQ_").lower(): settings.get(key) for key in keys}
    record["robots_overrides"] = [o.model_dump() for o in config.robots.overrides]
    record["base_url_map"] = settings.get("ASHYQ_BASE_URL_MAP") or {}
    record["budget"] = settings.get("ASHYQ_BUDGET") or {}
    return record
