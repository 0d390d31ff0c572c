"""Scrapy settings of the harvest, built from ``config/crawl.yaml`` and the run's options.

One function, :func:`build_settings`, makes the settings of every crawl, real or replica: replica
mode (a base-URL map is given) only relaxes politeness, the components stay the same. Settings of
our own components start with ``ASHYQ_``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ashyq import __version__
from ashyq.config import CONFIG_DIR
from ashyq.config.operator import PLACEHOLDER_CONTACT, ContactRefused, is_placeholder, load_config, require_contact

CRAWL_CONFIG = CONFIG_DIR / "crawl.yaml"
USER_AGENT_TEMPLATE = "ashyq-openness-auditor/{version} (+{contact})"
MEGABYTE = 1024 * 1024


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Politeness(_Strict):
    concurrent_requests: int = Field(default=16, ge=1)
    per_host: int = Field(default=2, ge=1)
    download_delay: float = Field(default=1.0, ge=0)
    autothrottle_start_delay: float = Field(default=1.0, ge=0)
    autothrottle_max_delay: float = Field(default=30.0, ge=0)
    autothrottle_target_concurrency: float = Field(default=1.0, gt=0)


class RetryPolicy(_Strict):
    times: int = Field(default=2, ge=0)
    http_codes: list[int] = [500, 502, 503, 504, 522, 524, 408, 429]
    retry_antibot: bool = True
    backoff_base_seconds: float = Field(default=1.0, ge=0)
    backoff_max_seconds: float = Field(default=30.0, ge=0)


class DownloadPolicy(_Strict):
    timeout_seconds: float = Field(default=30, gt=0)
    max_page_mb: float = Field(default=32, gt=0)
    max_file_mb: float = Field(default=64, gt=0)


class Limits(_Strict):
    max_pages_per_body: int = Field(default=2000, ge=1)
    max_depth: int = Field(default=10, ge=0)
    max_query_variants: int = Field(default=200, ge=1)
    max_date_variants: int = Field(default=12, ge=1)
    max_redirects: int = Field(default=5, ge=0)
    max_external_checks: int = Field(default=200, ge=0)


class RobotsOverride(_Strict):
    """Fetch what robots.txt disallows under ``source`` (a URL prefix), for a recorded reason."""

    source: str
    reason: str

    @field_validator("source")
    @classmethod
    def _is_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("source is an http(s) URL prefix")
        return value

    @field_validator("reason")
    @classmethod
    def _has_reason(cls, value: str) -> str:
        if len(value.strip()) < 10:
            raise ValueError("an override needs a reason a reviewer can weigh (at least a sentence)")
        return value.strip()


class RobotsPolicy(_Strict):
    obey: bool = True
    overrides: list[RobotsOverride] = []


class CrawlConfig(_Strict):
    # Who crawls: the operator's contact from ashyq.yaml (ashyq.config.operator); the placeholder
    # is accepted in replica mode only.
    contact: str = PLACEHOLDER_CONTACT
    politeness: Politeness = Politeness()
    replica_politeness: Politeness = Politeness(
        per_host=8,
        download_delay=0.0,
        autothrottle_start_delay=0.0,
        autothrottle_max_delay=2.0,
        autothrottle_target_concurrency=8.0,
    )
    retry: RetryPolicy = RetryPolicy()
    download: DownloadPolicy = DownloadPolicy()
    limits: Limits = Limits()
    antibot_markers: list[str] = []
    robots: RobotsPolicy = RobotsPolicy()

    @field_validator("contact")
    @classmethod
    def _contact(cls, value: str) -> str:
        if "@" not in value and "://" not in value:
            raise ValueError("contact is a URL or an e-mail address where site owners reach the operator")
        return value

    def user_agent(self) -> str:
        return USER_AGENT_TEMPLATE.format(version=__version__, contact=self.contact)


def load_crawl_config(path: str | Path | None = None) -> CrawlConfig:
    """Read and validate a crawl config (default ``config/crawl.yaml``); errors name the field.

    A file may start from another with ``extends: <file beside it>``: its own keys replace the
    other's, mapping by mapping. The operator's ``ashyq.yaml`` then has the last word on the contact
    and the politeness budget against the real systems."""
    raw = _read_config(Path(path or CRAWL_CONFIG), set())
    return CrawlConfig.model_validate(_merge(raw, _operator_overrides()))


def _operator_overrides() -> dict[str, Any]:
    operator = load_config().config
    out: dict[str, Any] = {}
    if operator.contact:
        out["contact"] = operator.contact
    budget = operator.politeness.model_dump(exclude_none=True)
    max_pages = budget.pop("max_pages_per_body", None)
    if budget:
        out["politeness"] = budget
    if max_pages is not None:
        out["limits"] = {"max_pages_per_body": max_pages}
    return out


def _read_config(path: Path, seen: set[Path]) -> dict[str, Any]:
    if path.resolve() in seen:
        raise ValueError(f"{path}: 'extends' goes round in a circle")
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    base_name = raw.pop("extends", None)
    if base_name is None:
        return dict(raw)
    return _merge(_read_config(path.parent / str(base_name), seen | {path.resolve()}), raw)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


# Our components and where they sit. process_request runs in ascending order, process_response
# and process_exception in descending order, so the failure recorder (10) is the last to see a
# response or an exception: after retries and redirects have had their say.
DOWNLOADER_MIDDLEWARES: dict[str, int | None] = {
    "ashyq.crawler.middlewares.failures.FailureRecorderMiddleware": 10,
    "ashyq.crawler.middlewares.guard.AddressGuardMiddleware": 20,
    "ashyq.crawler.middlewares.robots.RobotsOverrideMiddleware": 30,
    "ashyq.crawler.middlewares.traps.TrapLimitsMiddleware": 40,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "ashyq.crawler.middlewares.retry.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "ashyq.crawler.middlewares.traps.LoopAwareRedirectMiddleware": 600,
    # Next to the download handler: the bytes as they came, before decompression.
    "ashyq.crawler.middlewares.archive.WarcCaptureMiddleware": 950,
}
MAPPED_HANDLER = "ashyq.crawler.middlewares.mapping.MappedDownloadHandler"


def build_settings(
    config: CrawlConfig,
    *,
    base_url_map: dict[str, str] | None = None,
    out_dir: str | Path = "out",
    run_id: str = "adhoc",
    db_url: str | None = None,
    max_pages: int | None = None,
    overrides: dict[str, Any] | None = None,
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
        "ROBOTSTXT_USER_AGENT": "ashyq-openness-auditor",
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
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
        "SCHEDULER_DISK_QUEUE": "scrapy.squeues.PickleFifoDiskQueue",
        "SCHEDULER_MEMORY_QUEUE": "scrapy.squeues.FifoMemoryQueue",
        "COOKIES_ENABLED": True,
        "LOG_LEVEL": "WARNING",
        "DOWNLOAD_HANDLERS": {"http": MAPPED_HANDLER, "https": MAPPED_HANDLER},
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
        "ASHYQ_MAX_FILE_SIZE": int(config.download.max_file_mb * MEGABYTE),
        "ASHYQ_RETRY_ANTIBOT": config.retry.retry_antibot,
        "ASHYQ_BACKOFF_BASE": config.retry.backoff_base_seconds,
        "ASHYQ_BACKOFF_MAX": config.retry.backoff_max_seconds,
        "ASHYQ_ANTIBOT_MARKERS": list(config.antibot_markers),
        "ASHYQ_ROBOTS_OVERRIDES": [o.model_dump() for o in config.robots.overrides],
    }
    settings.update(overrides or {})
    return settings


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
    return record
