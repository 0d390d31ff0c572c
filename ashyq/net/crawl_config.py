"""The crawl policy: who the crawler says it is (``contact``, from the operator's ``ashyq.yaml``), how
politely it asks (per-host concurrency, delays, AutoThrottle; ``ashyq/config/crawl.yaml``, with the
operator's budget over it), how it retries, how large an answer may be and which robots.txt overrides
an allow-listed assessor uses.

It belongs to the network room because every fetch path reads it - the Scrapy crawl, the declared
reports' link check and ``check-page`` - not only the crawler. A file may start from another with
``extends: <file beside it>``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ashyq.config.loader import KINDS, merge, read
from ashyq.config.operator import PLACEHOLDER_CONTACT, load_config
from ashyq.net.identity import user_agent

# where a crawl config is looked for, as the loader's table says (kind "crawl"): the file given, else
# an operator's (or a test's) crawl config for every process of a fleet, else ashyq/config/crawl.yaml
CRAWL_CONFIG = KINDS["crawl"].named("crawl")
CRAWL_CONFIG_VARIABLE = str(KINDS["crawl"].variable)
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


class HostLimit(_Strict):
    """What one host is asked, by the whole fleet together."""

    concurrent: int = Field(default=2, ge=1, le=64)
    requests_per_second: float = Field(default=1.0, gt=0, le=1000)


class BudgetPolicy(_Strict):
    """The fleet's politeness budget per host (:mod:`ashyq.net.budget`): ``hosts`` name their own,
    every other host gets ``default``; in replica mode ``replica`` (and ``replica_hosts``) apply."""

    default: HostLimit = HostLimit()
    hosts: dict[str, HostLimit] = {}
    replica: HostLimit = HostLimit(concurrent=8, requests_per_second=200.0)
    replica_hosts: dict[str, HostLimit] = {}
    # a slot held by a killed process frees itself after this long (longer than any one exchange)
    lease_seconds: float = Field(default=120.0, gt=0)
    # a robots.txt Crawl-delay is honoured up to this many seconds
    max_crawl_delay: float = Field(default=60.0, ge=0)
    # replica mode: the replica imitates the portals' Crawl-delay, but its hosts are our own
    replica_max_crawl_delay: float = Field(default=0.0, ge=0)

    def for_host(self, host: str, replica: bool) -> HostLimit:
        host = host.lower().rstrip(".")
        if replica:
            return self.replica_hosts.get(host, self.replica)
        return self.hosts.get(host, self.default)


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


class RenderSample(_Strict):
    """A kind of gov.kz detail page the render samples: a part of its route and how many, newest first."""

    path: str
    newest: int = Field(default=1, ge=0, le=50)
    # [GUESS] asked of the GraphQL API by this root field (its ids make the routes) when no page links it
    graphql: str | None = None


class RenderPolicy(_Strict):
    """The browser step (gov.kz's rendered pages): how many pages render at once, 0 for the
    machine's cores and one more, at most four (:func:`ashyq.crawler.render.default_concurrency`)."""

    concurrency: int = Field(default=0, ge=0, le=16)
    # which pages get a phone view beside the desktop one (a second whole render each): the home page
    # of each language, or every page
    phone_views: Literal["home", "every"] = "home"
    # gov.kz pages beyond the menu: per kind of detail route, the newest few (the platform's lists
    # are newest first); the kinds share about a third of the page budget (ashyq.crawler.render_plan)
    sample: dict[str, RenderSample] = Field(default_factory=dict)
    # the body's own link targets no page of the sample rendered (the language switch's first), each
    # rendered once afterwards to tell a page that exists from the app's "page not found"
    check_links: int = Field(default=0, ge=0, le=200)
    # [GUESS for the live app] the heading the platform draws on a route it has nothing for, per
    # language; a rendered page whose heading or title is one of these is a missing page (HTTP 404)
    not_found: list[str] = Field(default_factory=list)


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
    # Who crawls: the operator's contact from ashyq.yaml (ashyq.config.operator); the placeholder is
    # accepted in replica mode only.
    contact: str = PLACEHOLDER_CONTACT
    politeness: Politeness = Politeness()
    replica_politeness: Politeness = Politeness(
        per_host=8,
        download_delay=0.0,
        autothrottle_start_delay=0.0,
        autothrottle_max_delay=2.0,
        autothrottle_target_concurrency=8.0,
    )
    budget: BudgetPolicy = BudgetPolicy()
    retry: RetryPolicy = RetryPolicy()
    download: DownloadPolicy = DownloadPolicy()
    limits: Limits = Limits()
    render: RenderPolicy = RenderPolicy()
    antibot_markers: list[str] = []
    robots: RobotsPolicy = RobotsPolicy()

    @field_validator("contact")
    @classmethod
    def _contact(cls, value: str) -> str:
        if "@" not in value and "://" not in value:
            raise ValueError("contact is a URL or an e-mail address where site owners reach the operator")
        return value

    def user_agent(self) -> str:
        """The one user agent of every fetch path, naming this config's contact."""
        return user_agent(self.contact)


def load_crawl_config(path: str | Path | None = None) -> CrawlConfig:
    """Read and validate a crawl config (default ``ASHYQ_CRAWL_CONFIG``, else ``ashyq/config/crawl.yaml``);
    errors name the field.

    A file may start from another with ``extends: <file beside it>``: its own keys replace the
    other's, mapping by mapping. The operator's ``ashyq.yaml`` then has the last word on the contact
    and the politeness budget against the real systems."""
    raw = read("crawl", path or None)  # a ConfigError (a ValueError) names each problem's place
    return CrawlConfig.model_validate(merge(raw, _operator_overrides()))


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
