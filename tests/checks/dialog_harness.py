"""A small aiohttp harvest of the replica world for the open-dialogue, subordinate and feedback
checks: dialog.egov.kz blogs, legalacts.egov.kz drafts with their cards, budget.egov.kz programmes
and materials, data.egov.kz catalogues and passports of subordinates, and the subordinates' own
classic websites. Pages are parsed with the harvest's own parsers (ashyq/crawler/parsers), so the record
fields are the ones a real run stores. Nothing here reads the world's ground truth.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from parsel import Selector

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PageSnapshot, PortalRecord
from ashyq.base.vocabulary import LANGS
from ashyq.crawler.parsers import budget, dataegov, dialog, legalacts
from ashyq.crawler.parsers.fields import Record, total_pages
from ashyq.store.bodies import Body, load_registry
from tests.checks.unified_list_harness import world_rows


class Replica:
    """Fetches real URLs from the replica: the host part is swapped for the replica's address."""

    def __init__(self, urls: dict[str, str], session: aiohttp.ClientSession) -> None:
        self.urls = urls
        self.session = session

    def local(self, url: str) -> str:
        parts = urlsplit(url)
        base = self.urls[f"https://{parts.netloc}"]
        return base + parts.path + (f"?{parts.query}" if parts.query else "")

    async def get(self, url: str, lang: str | None = None) -> tuple[int, str]:
        cookies = {"egovLang": lang} if lang else None
        async with self.session.get(self.local(url), cookies=cookies, allow_redirects=True) as response:
            return response.status, await response.text()


def _portal(portal: str, record: Record, url: str, lang: str | None) -> PortalRecord:
    return PortalRecord(portal, record.kind, record.payload, url, lang, record.external_id)


def _coverage(
    portal: str, content: str, lang: str | None, url: str, ok: bool, reason: str | None = None
) -> PortalRecord:
    payload: dict[str, Any] = {"content": content, "measurable": ok}
    if reason:
        payload["reason"] = reason
    return PortalRecord(portal, "coverage", payload, url, lang, f"{content}:{lang or '-'}")


async def _pages(replica: Replica, first_url: str, url_of: Any, lang: str) -> list[tuple[str, str]] | None:
    status, html = await replica.get(first_url, lang)
    if status != 200:
        return None
    out = [(first_url, html)]
    for number in range(2, (total_pages(html) or 1) + 1):
        url = url_of(number)
        status, more = await replica.get(url, lang)
        if status == 200:
            out.append((url, more))
    return out


async def dialog_records(replica: Replica, blog_id: int | None) -> list[PortalRecord]:
    if blog_id is None:
        return [_coverage("dialog", "all", lang, dialog.DIALOG, False, "dialog_blog_id unknown") for lang in LANGS]
    records: list[PortalRecord] = []
    for lang in LANGS:
        for content, first, url_of, parse in (
            ("blog_posts", dialog.posts_url(blog_id, 1), lambda n: dialog.posts_url(blog_id, n), dialog.parse_posts),
            (
                "questions",
                dialog.questions_url(blog_id, 1),
                lambda n: dialog.questions_url(blog_id, n),
                dialog.parse_questions,
            ),
        ):
            pages = await _pages(replica, first, url_of, lang)
            records.append(_coverage("dialog", content, lang, first, pages is not None, None if pages else "http"))
            for url, html in pages or []:
                records += [_portal("dialog", r, url, lang) for r in parse(html, url)]
        for kind in ("conference", "poll"):
            url = dialog.events_url(blog_id, kind)
            status, html = await replica.get(url, lang)
            records.append(_coverage("dialog", f"{kind}s", lang, url, status == 200))
            if status == 200:
                records += [_portal("dialog", r, url, lang) for r in dialog.parse_events(html, url, kind)]
    return records


async def legalacts_records(replica: Replica, government_id: int | None) -> list[PortalRecord]:
    if government_id is None:
        return [_coverage("legalacts", "all", None, "https://legalacts.egov.kz", False, "government id unknown")]
    records: list[PortalRecord] = []
    for lang in LANGS:
        first = legalacts.list_url(government_id, 1)
        pages = await _pages(replica, first, lambda n: legalacts.list_url(government_id, n), lang)
        records.append(_coverage("legalacts", "drafts", lang, first, pages is not None))
        for url, html in pages or []:
            for draft in legalacts.parse_list(html, url):
                records.append(_portal("legalacts", draft, url, lang))
                card = legalacts.card_url(str(draft.external_id))
                status, card_html = await replica.get(card, lang)
                if status == 200:
                    records += [_portal("legalacts", r, card, lang) for r in legalacts.parse_card(card_html, card)]
    return records


async def budget_records(replica: Replica, agency_id: int | None) -> list[PortalRecord]:
    if agency_id is None:
        return [_coverage("budget", "all", None, "https://budget.egov.kz", False, "budget id unknown")]
    records: list[PortalRecord] = []
    for lang in LANGS:
        first = budget.search_url(agency_id, 1)
        pages = await _pages(replica, first, lambda n: budget.search_url(agency_id, n), lang)
        records.append(_coverage("budget", "budget_search", lang, first, pages is not None))
        for url, html in pages or []:
            found = budget.parse_search(html, url)
            if found.restricted_notice:  # as the spider does: measured, with the notice as the reason
                records.append(_coverage("budget", "budget_search", lang, url, True, found.restricted_notice))
            records += [_portal("budget", r, url, lang) for r in found.materials]
            for card in found.programme_urls:
                status, card_html = await replica.get(card, lang)
                if status == 200:
                    records += [_portal("budget", r, card, lang) for r in budget.parse_programme(card_html, card)]
    return records


async def data_records(replica: Replica, agency_id: str | None) -> list[PortalRecord]:
    if agency_id is None:
        return [_coverage("data", "all", None, dataegov.DATA, False, "data_gov_agency_id unknown")]
    status, body = await replica.get(dataegov.count_url(agency_id))
    if status != 200:
        return [_coverage("data", "datasets", None, dataegov.count_url(agency_id), False, f"http_{status}")]
    total = dataegov.parse_count(body)
    records = [_coverage("data", "datasets", None, dataegov.count_url(agency_id), True)]
    records[0].payload["count"] = total
    for page in range(1, dataegov.pages_for(total) + 1):
        url = dataegov.list_url(agency_id, page)
        _, listing = await replica.get(url)
        for d in dataegov.parse_datasets(listing):
            records.append(_portal("data", d, url, None))
            version = dataegov.current_version(d.payload)
            if version:
                meta = dataegov.passport_url(str(d.external_id), version)
                status, passport = await replica.get(meta)
                if status == 200:
                    records.append(
                        _portal("data", dataegov.parse_passport(passport, str(d.external_id), version), meta, None)
                    )
    return records


async def site_pages(replica: Replica, site: str) -> tuple[list[PageSnapshot], list[FetchFailure]]:
    """The home page of each language version and the pages its links reach (one click)."""
    pages: list[PageSnapshot] = []
    failures: list[FetchFailure] = []
    root = site.rstrip("/")
    for lang in LANGS:
        home = None
        for candidate in (f"{root}/{lang}/", f"{root}/?lang={lang}"):
            status, html = await replica.get(candidate)
            if status == 200:
                home = (candidate, html)
                break
        if home is None:
            failures.append(FetchFailure(f"{root}/{lang}/", "http_status", status_code=404))
            continue
        pages.append(PageSnapshot(home[0], lang, home[1], depth=0))
        seen = {home[0]}
        for href in Selector(text=home[1]).css("a::attr(href)").getall():
            url = urljoin(home[0], href)
            if not url.startswith(root) or url in seen or url.rsplit(".", 1)[-1] in ("pdf", "docx", "xlsx", "xml"):
                continue
            seen.add(url)
            status, html = await replica.get(url)
            if status == 200:
                pages.append(PageSnapshot(url, lang, html, depth=1))
    return pages, failures


def _artifacts(body: Body, as_of: Any) -> BodyArtifacts:
    names = {"kk": body.names.kk, "ru": body.names.ru}
    return BodyArtifacts(
        body.id, body.kind, as_of, tuple(body.sites), names, config={"unified_list": world_rows(body.id)}
    )


async def harvest(urls: dict[str, str], as_of: Any) -> dict[str, BodyArtifacts]:
    registry = load_registry("demo")
    out: dict[str, BodyArtifacts] = {}
    async with aiohttp.ClientSession() as session:
        replica = Replica(urls, session)
        for body in registry.bodies:
            artifacts = _artifacts(body, as_of)
            artifacts.records += await dialog_records(replica, body.ids.dialog_blog_id)
            if body.kind == "subordinate":
                artifacts.records += await data_records(replica, body.ids.data_gov_agency_id)
                for site in body.sites:
                    pages, failures = await site_pages(replica, site)
                    artifacts.pages += pages
                    artifacts.failures += failures
            else:
                artifacts.records += await legalacts_records(replica, body.ids.legalacts_government_id)
                artifacts.records += await budget_records(replica, body.ids.budget_gov_agency_id)
            out[body.id] = artifacts
        for body in registry.bodies:
            if body.kind == "subordinate" and body.parent in out:
                out[body.parent].subordinates.append(out[body.id])
    return out


def harvest_world(urls: dict[str, str], as_of: Any) -> dict[str, BodyArtifacts]:
    return asyncio.run(harvest(urls, as_of))
