"""The check of one page — any URL or a local file — without a run (``ashyq check-page``): the guarded
client for the page as served, the browser gather step for the rendered DOM and the measurements, then
the registered checks of the Appendix 14 items (and, with ``mobile``, the mobile coefficient).

Both go through the egress policy: a loopback or private page only when the caller allows private
addresses, which allows that page's own address and port and nothing else inside the network; every
redirect hop and every request the page makes is checked again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PageSnapshot
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from ashyq.net.egress import EgressPolicy, Refusal, check_site_url
from ashyq.net.fetch import FetchError, GuardedClient
from ashyq.pipeline.addresses import AddressRefused, is_named, page_policy


class PageRefused(ValueError):
    """The page is not one that may be checked (no such file, not http(s), an internal address not
    allowed, no operator's contact for a public page): a usage error, nothing was fetched."""


class PageUnavailable(Exception):
    """The page itself could not be fetched (refused by the egress policy, or no answer)."""


def page_target(url: str) -> tuple[str, bool]:
    """The URL to load and whether it is a local file (a path becomes a file:// URL)."""
    from ashyq.net.browser import local_page_problem

    if url.startswith("file://"):
        if (problem := local_page_problem(Path(unquote(urlsplit(url).path)))) is not None:
            raise PageRefused(problem)
        return url, True
    if "://" not in url:
        path = Path(url).expanduser().resolve()
        if not path.exists():
            raise PageRefused(f"{url}: no such file, and not an http(s) URL")
        if (problem := local_page_problem(path)) is not None:
            raise PageRefused(problem)
        return path.as_uri(), True
    try:
        return check_site_url(url), False
    except ValueError as error:
        raise PageRefused(f"{url}: only http(s) URLs and local files can be checked ({error})") from None


def policy_for(target: str, allow_private: bool) -> EgressPolicy:
    """The real web; with ``allow_private`` also the loopback or private address(es) of the page."""
    try:
        return page_policy(target, allow_private)
    except AddressRefused as refused:
        if refused.private:
            raise PageRefused(
                f"{target} points at an internal address ({refused.detail}); "
                "pass --allow-private-addresses to check it anyway"
            ) from None
        raise PageRefused(f"{target}: {refused.detail}") from None


def _plain_fetch(url: str, policy: EgressPolicy, timeout: float = 20.0) -> tuple[int, dict[str, str], str]:
    if url.startswith("file://"):
        from ashyq.net.browser import read_local_page

        try:
            text = read_local_page(Path(unquote(urlsplit(url).path)))  # bounded like the browser's read
        except Refusal as refusal:
            raise PageUnavailable(refusal.detail) from None
        return 200, {"Content-Type": "text/html; charset=utf-8"}, text
    from ashyq.net.budget import host_budget
    from ashyq.net.crawl_config import load_crawl_config

    config = load_crawl_config()
    client = GuardedClient(policy, config.user_agent(), timeout=timeout, budget=host_budget(config.budget, False))
    try:
        answer = client.get(url)
    except (Refusal, FetchError) as error:
        raise PageUnavailable(f"{url}: {error.reason}: {error.detail}") from None
    return answer.status, {k: v for k, v in answer.headers}, answer.text()


def page_items(mobile: bool) -> list[str]:
    """The Appendix 14 items and, with ``mobile``, the items whose checks read nothing but the phone
    profiles' measurement of the page (the mobile coefficient and the link back)."""
    from ashyq.checks.registry import checks
    from ashyq.methodology.edition import edition_path
    from ashyq.methodology.validate import load_edition

    items = [i.id for i in load_edition(edition_path("kz-2017")).items() if i.id.startswith("A14-")]
    if mobile:
        items += [item for check in checks() if check.reads == ["measurements:mobile"] for item in check.items]
    return items


@dataclass
class PageCheck:
    results: list[Result]
    failures: list[FetchFailure] = field(default_factory=list)  # what the browser could not fetch, and why
    tool_versions: dict[str, str] = field(default_factory=dict)


def check_page(url: str, mobile: bool = False, lang: str | None = None, allow_private: bool = False) -> list[Result]:
    """Fetch, gather and check one page; the findings of the Appendix 14 items (and A16-k, A16-2)."""
    return check_page_report(url, mobile, lang, allow_private).results


def check_page_report(
    url: str, mobile: bool = False, lang: str | None = None, allow_private: bool = False
) -> PageCheck:
    """:func:`check_page` with what could not be fetched and the browser's versions."""
    from ashyq.config.operator import ContactRefused, contact_for
    from ashyq.gather.pages import gather_pages
    from ashyq.gather.visits import GatherSettings

    target, local = page_target(url)

    def public_page() -> None:  # its owner must be able to reach whoever asks
        try:
            contact_for(replica=False)
        except ContactRefused as refused:
            raise PageRefused(f"refused: {refused}") from None

    named = is_named(urlsplit(target).hostname or "")
    if not local and not allow_private and named:  # only a public page can be meant: ask before any lookup
        public_page()
    policy = EgressPolicy() if local else policy_for(target, allow_private)
    if not local and not policy.allowed and (allow_private or not named):
        public_page()
    status, headers, served = _plain_fetch(target, policy)
    gathered = gather_pages(
        [target], GatherSettings.from_config(policy=policy, local_files=local, mobile=mobile), sample=False
    )
    rendered = next((p for p in gathered.pages if p.url == target), None)
    html = rendered.html if rendered is not None else served
    page_lang = lang or _html_lang(html)
    page = PageSnapshot(
        url=target,
        lang=page_lang,
        html=html,
        status=status,
        final_url=rendered.final_url if rendered else target,
        depth=0,
        title=rendered.title if rendered else None,
        headers=headers,
        rendered=rendered is not None,
        source="check-page",
        screenshots=rendered.screenshots if rendered else {},
    )
    artifacts = BodyArtifacts(
        body_id="check-page",
        kind="cgo",
        as_of=date.today(),
        site_urls=(target,),
        pages=[page],
        measurements=gathered.measurements,
        failures=gathered.failures,
    )
    results = run_checks(artifacts, only_items=page_items(mobile))
    return PageCheck(results, list(gathered.failures), dict(gathered.tool_versions))


def _html_lang(html: str) -> str | None:
    found = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z-]+)", html)
    value = found.group(1).lower()[:2] if found else None
    return {"kz": "kk"}.get(value or "", value) if value in ("kk", "kz", "ru", "en") else None


def finding_json(result: Result) -> dict[str, Any]:
    out = result.as_finding("check-page")
    out.pop("body", None)
    return out
