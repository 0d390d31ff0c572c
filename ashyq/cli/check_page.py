"""``ashyq check-page URL``: the Appendix 14 (and, with ``--mobile``, the mobile coefficient) checks on
one page — any URL or a local file — without a run: plain HTTP for the page as served, the browser
gather step for the rendered DOM and the measurements, then the registered checks."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import typer

from ashyq.base.artifacts import BodyArtifacts, PageSnapshot
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result


def _target(url: str) -> tuple[str, bool]:
    """The URL to load and whether it is a local file (a path becomes a file:// URL)."""
    if url.startswith("file://"):
        return url, True
    if "://" not in url:
        path = Path(url).expanduser().resolve()
        if not path.exists():
            raise typer.BadParameter(f"{url}: no such file, and not an http(s) URL")
        return path.as_uri(), True
    if urlsplit(url).scheme not in ("http", "https"):
        raise typer.BadParameter(f"{url}: only http(s) URLs and local files can be checked")
    return url, False


def _plain_fetch(url: str, timeout: float = 20.0) -> tuple[int, dict[str, str], str]:
    if url.startswith("file://"):
        return 200, {"Content-Type": "text/html; charset=utf-8"}, Path(urlsplit(url).path).read_text(encoding="utf-8")
    from ashyq.net.browser import browser_user_agent

    request = urllib.request.Request(url, headers={"User-Agent": browser_user_agent()})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            charset = answer.headers.get_content_charset() or "utf-8"
            return answer.status, dict(answer.headers.items()), answer.read().decode(charset, errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read().decode("utf-8", errors="replace")


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


def check_page(url: str, mobile: bool = False, lang: str | None = None, allow_private: bool = False) -> list[Result]:
    """Fetch, gather and check one page; the findings of the Appendix 14 items (and A16-k, A16-2)."""
    from ashyq.config.operator import ContactRefused, contact_for
    from ashyq.gather.pages import gather_pages
    from ashyq.gather.visits import GatherSettings
    from ashyq.net.egress import internal_address

    target, local = _target(url)
    address = None if local else internal_address(target)
    if address is not None and not allow_private:
        raise typer.BadParameter(
            f"{url} points at an internal address ({address}); pass --allow-private-addresses to check it anyway"
        )
    if not local and address is None:  # a public page: its owner must be able to reach whoever asks
        try:
            contact_for(replica=False)
        except ContactRefused as refused:
            raise typer.BadParameter(f"refused: {refused}") from None
    status, headers, served = _plain_fetch(target)
    gathered = gather_pages(
        [target], GatherSettings.from_config(allow_private=allow_private or local, mobile=mobile), sample=False
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
    return run_checks(artifacts, only_items=page_items(mobile))


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
        results = check_page(url, mobile, lang, allow_private_addresses)
    except typer.BadParameter as error:
        typer.echo(f"Error: {error}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps([finding_json(r) for r in results], ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

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
    Console().print(table)
