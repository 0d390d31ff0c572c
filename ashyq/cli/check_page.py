"""``ashyq check-page URL``: the Appendix 14 (and, with ``--mobile``, the mobile coefficient) checks on
one page — any URL or a local file — without a run: the guarded client for the page as served, the
browser gather step for the rendered DOM and the measurements, then the registered checks.

Both go through the egress policy: a loopback or private page only with
``--allow-private-addresses``, which allows that page's own address and port and nothing else inside
the network; every redirect hop and every request the page makes is checked again."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import unquote, urlsplit

import typer

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PageSnapshot
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from ashyq.net.egress import EgressPolicy, Refusal, check_site_url, is_loopback_or_private, parse_address, target_of
from ashyq.net.fetch import FetchError, GuardedClient
from ashyq.net.resolve import system_resolver


class PageUnavailable(Exception):
    """The page itself could not be fetched (refused by the egress policy, or no answer)."""


def _target(url: str) -> tuple[str, bool]:
    """The URL to load and whether it is a local file (a path becomes a file:// URL)."""
    from ashyq.net.browser import local_page_problem

    if url.startswith("file://"):
        if (problem := local_page_problem(Path(unquote(urlsplit(url).path)))) is not None:
            raise typer.BadParameter(problem)
        return url, True
    if "://" not in url:
        path = Path(url).expanduser().resolve()
        if not path.exists():
            raise typer.BadParameter(f"{url}: no such file, and not an http(s) URL")
        if (problem := local_page_problem(path)) is not None:
            raise typer.BadParameter(problem)
        return path.as_uri(), True
    try:
        return check_site_url(url), False
    except ValueError as error:
        raise typer.BadParameter(f"{url}: only http(s) URLs and local files can be checked ({error})") from None


def policy_for(target: str, allow_private: bool) -> EgressPolicy:
    """The real web; with ``allow_private`` also the loopback or private address(es) of the page."""
    policy = EgressPolicy()
    where = target_of(target)
    try:
        policy.addresses(where.host, where.port)
        return policy
    except Refusal as refusal:
        if refusal.reason != "private_address":
            raise typer.BadParameter(f"{target}: {refusal.detail}") from None
        if not allow_private:
            raise typer.BadParameter(
                f"{target} points at an internal address ({refusal.detail.removesuffix('; not requested')}); "
                "pass --allow-private-addresses to check it anyway"
            ) from None
    literal = parse_address(where.host)
    try:
        addresses = [str(literal)] if literal is not None else system_resolver(where.host)
    except OSError as error:
        raise typer.BadParameter(f"{target}: {error}") from None
    parsed = [parse_address(a) for a in addresses]
    if not all(a is not None and is_loopback_or_private(a) for a in parsed):
        raise typer.BadParameter(f"{target}: only a loopback or private address may be allowed, not {addresses}")
    return policy.allowing((address, where.port) for address in addresses)


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

    target, local = _target(url)

    def public_page() -> None:  # its owner must be able to reach whoever asks
        try:
            contact_for(replica=False)
        except ContactRefused as refused:
            raise typer.BadParameter(f"refused: {refused}") from None

    host = urlsplit(target).hostname or ""
    named = parse_address(host) is None and host != "localhost" and not host.endswith(".localhost")
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
    import re

    found = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z-]+)", html)
    value = found.group(1).lower()[:2] if found else None
    return {"kz": "kk"}.get(value or "", value) if value in ("kk", "kz", "ru", "en") else None


def finding_json(result: Result) -> dict[str, Any]:
    out = result.as_finding("check-page")
    out.pop("body", None)
    return out


def check_page_command(
    url: Annotated[str, typer.Argument(help="an http(s) URL, a file:// URL or a path to an HTML file")],
    mobile: Annotated[
        bool, typer.Option("--mobile", help="also the mobile coefficient (A16-k) and link back (A16-2)")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the findings as a JSON list")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="the page's language: kk or ru")] = None,
    allow_private_addresses: Annotated[
        bool, typer.Option("--allow-private-addresses", help="allow loopback and private network addresses")
    ] = False,
) -> None:
    """Check one page against Appendix 14 (accessibility) and, with --mobile, the mobile coefficient."""
    if lang is not None and lang not in ("kk", "ru"):
        raise typer.BadParameter("--lang is kk or ru")
    try:
        report = check_page_report(url, mobile, lang, allow_private_addresses)
    except typer.BadParameter as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(2) from None
    except PageUnavailable as error:
        typer.echo(f"Error: the page could not be fetched: {error}", err=True)
        raise typer.Exit(1) from None
    results = report.results
    if as_json:
        typer.echo(json.dumps([finding_json(r) for r in results], ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    from ashyq.cli.console import command_console

    table = Table(title=f"Appendix 14 — {url}")
    for column in ("item", "status", "what was found"):
        table.add_column(column)
    for r in sorted(results, key=lambda r: [int(x) if x.isdigit() else x for x in r.item.replace("-", ".").split(".")]):
        said = (
            r.reason
            or "; ".join(d.message for d in r.deficiencies)
            or ", ".join(f"{k}={v}" for k, v in r.measured.items() if not isinstance(v, dict))
        )
        table.add_row(r.item, r.status, said[:160])
    command_console().print(table)
    for failure in report.failures:
        command_console(stderr=True).print(
            f"not fetched: {failure.url} ({failure.reason}): {failure.detail}", highlight=False
        )
