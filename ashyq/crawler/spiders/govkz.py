"""www.gov.kz through its JSON API: a body's documents, menu pages, leadership, events, news,
contacts and virtual-reception questions, per language (``Accept-Language``).

* ``/api/v1/public/content-manager/{documents,pages,curators,events}?projects=eq:<slug>&sort-by=…``
  page by page until a short page;
* news: the same endpoint behind the anti-bot gate — a ticket step first (:mod:`govkz_tickets`);
  a ``400 notAllowed`` is retried with a fresh ticket ``antibot_retries`` times, then recorded as an
  ``antibot`` failure and, when enabled, GraphQL ``news`` is tried; if nothing works the news are
  "not measurable" (a ``coverage`` record), never "no news";
* ``POST /graphql`` ``contacts_page`` (non-JSON replies are retried);
* ``POST /api/v2/public-data`` ``vr_question`` with a browser ticket captured once in Chromium.

Records: PortalRecordItem(portal="govkz", record_kind=news|document|page|curator|event|contacts|
vr_question, payload = the JSON object as served, source_url = the API URL).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable
from typing import Any

import scrapy
from scrapy.http import JsonRequest, Response

from ashyq.crawler.items import FailureReason
from ashyq.crawler.parsers import govkz
from ashyq.crawler.parsers.fields import Record
from ashyq.crawler.parsers.govkz import BrowserTicket
from ashyq.crawler.spiders.govkz_tickets import TicketMode, k6_request, parse_mode
from ashyq.crawler.spiders.portal import NO_FAILURE, PortalSpider

OPEN_KINDS = ("documents", "pages", "curators", "events")
GRAPHQL_ATTEMPTS = 3


class GovkzApiSpider(PortalSpider):
    name = "govkz"
    portal = "govkz"
    harvests = ("records:govkz",)
    identifier = "govkz_slug"
    # English is asked for every body: a body without an English version answers empty lists.
    languages = ("kk", "ru", "en")
    base_url = govkz.GOVKZ

    def __init__(
        self,
        *args: Any,
        page_size: str | int = 100,
        news_ticket: str | None = None,
        vr_ticket: str | None = None,
        antibot_retries: str | int = 2,
        news_graphql_fallback: str | bool = True,
        browser_ticket: BrowserTicket | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.page_size = int(page_size)
        self.news_ticket: TicketMode = parse_mode(news_ticket, "k6")
        self.vr_ticket: TicketMode = parse_mode(vr_ticket, "browser")
        self.antibot_retries = int(antibot_retries)
        self.news_graphql_fallback = str(news_graphql_fallback).lower() not in ("0", "false", "no")
        self.browser_ticket = browser_ticket
        self.browser_ticket_error: str | None = None

    @property
    def slug(self) -> str:
        return str(self.body_identifier())

    async def start(self) -> AsyncIterator[Any]:
        if not self.body_identifier():
            yield self.identifier_missing()
            return
        if "browser" in (self.news_ticket, self.vr_ticket) and self.browser_ticket is None:
            await self._capture_browser_ticket()
        for lang in self.langs:
            for kind in OPEN_KINDS:
                yield self._content_request(kind, lang, page=1, count=0)
            for request in self._news_start(lang):
                yield request
            yield self._contacts_request(lang, attempt=1)
            for item in self._vr_start(lang):
                yield item

    async def _capture_browser_ticket(self) -> None:
        """One real browser session on the body's news page; its own API requests carry the ticket."""
        from ashyq.crawler.render import budget_from, capture_browser_ticket, policy_from, url_map_from_settings

        page = govkz.news_page_url(self.slug, self.langs[0] if self.langs else "ru")
        try:
            self.browser_ticket = await capture_browser_ticket(
                page,
                url_map_from_settings(self.settings),
                policy=policy_from(self.settings),
                budget=budget_from(self.settings),
            )
        except Exception as error:  # a browser that cannot start must not stop the API harvest
            self.browser_ticket_error = f"{type(error).__name__}: {error}"
            self.logger.warning("browser ticket capture failed: %s", self.browser_ticket_error)

    # ---- the open content types -------------------------------------------------------------------

    def _meta(self, lang: str, **extra: Any) -> dict[str, Any]:
        return {"cookiejar": f"govkz-{lang}", "lang": lang, "handle_httpstatus_all": True, **extra}

    def _ticket_headers(self, mode: TicketMode) -> dict[str, str]:
        return dict(self.browser_ticket.headers) if mode == "browser" and self.browser_ticket else {}

    def _ticket_cookies(self, mode: TicketMode) -> dict[str | bytes, Any]:
        if mode == "browser" and self.browser_ticket:
            return {name: value for name, value in self.browser_ticket.cookies.items()}
        return {}

    def _content_request(self, kind: str, lang: str, page: int, count: int, attempt: int = 0) -> scrapy.Request:
        headers = {"Accept-Language": lang, "Accept": "application/json"}
        cookies: dict[str | bytes, Any] = {}
        if kind == "news":
            headers |= {"Referer": govkz.news_page_url(self.slug, lang), **self._ticket_headers(self.news_ticket)}
            cookies = self._ticket_cookies(self.news_ticket)
        return scrapy.Request(
            govkz.content_list_url(kind, self.slug, page, self.page_size),
            callback=self.parse_content,
            errback=self.errback,
            headers=headers,
            cookies=cookies,
            dont_filter=True,  # the same URL is asked once per language (Accept-Language differs)
            meta=self._meta(
                lang,
                kind=kind,
                page=page,
                count=count,
                attempt=attempt,
                coverage_content=kind,
                # news refusals are retried with a fresh ticket and recorded here, once, as antibot
                **({NO_FAILURE: True} if kind == "news" else {}),
            ),
        )

    def parse_content(self, response: Response) -> Iterable[Any]:
        meta = response.meta
        kind, lang = meta["kind"], meta["lang"]
        refusal = govkz.refusal_of(response.status, response.body)
        if refusal is not None:
            if kind == "news" and refusal.is_antibot:
                yield from self._news_refused(response, refusal)
                return
            yield self.failure(response.url, "http_status", f"{kind}: {refusal.code}", response.status)
            yield self.coverage(kind, lang, measurable=False, reason=refusal.code)
            return
        try:
            items = govkz.parse_content_list(response.body)
        except govkz.ApiRefusal as error:
            yield self.failure(response.url, "error", f"{kind}: {error.code}", response.status)
            yield self.coverage(kind, lang, measurable=False, reason=error.code)
            return
        for item in items:
            yield self.record(Record(govkz.RECORD_KIND[kind], govkz.external_id(item), item), response, lang)
        count = meta["count"] + len(items)
        if govkz.is_last_page(items, self.page_size):
            yield self.coverage(kind, lang, measurable=True, count=count)
        else:
            yield self._content_request(kind, lang, meta["page"] + 1, count)

    # ---- news: the ticket step ----------------------------------------------------------------

    def _news_start(self, lang: str) -> Iterable[scrapy.Request]:
        if self.news_ticket == "k6":
            yield self._k6(lang, page=1, count=0, attempt=0)
        else:
            yield self._content_request("news", lang, page=1, count=0)

    def _k6(self, lang: str, page: int, count: int, attempt: int) -> scrapy.Request:
        return k6_request(
            self.slug,
            lang,
            callback=self.after_ticket,
            errback=self.errback,
            meta=self._meta(lang, page=page, count=count, attempt=attempt),
        )

    def after_ticket(self, response: Response) -> Iterable[Any]:
        meta = response.meta
        if response.status != 200:
            # no ticket: the news request goes on without one and its refusal is what gets recorded
            self.logger.info("k6 ticket refused (HTTP %s) for %s", response.status, self.slug)
        yield self._content_request("news", meta["lang"], meta["page"], meta["count"], meta["attempt"])

    def _news_refused(self, response: Response, refusal: govkz.ApiRefusal) -> Iterable[Any]:
        meta = response.meta
        lang, attempt = meta["lang"], meta["attempt"]
        if attempt < self.antibot_retries:
            if self.crawler is not None and self.crawler.stats is not None:
                self.crawler.stats.inc_value("govkz/antibot_retried")
            if self.news_ticket == "k6":
                yield self._k6(lang, meta["page"], meta["count"], attempt + 1)
            else:
                yield self._content_request("news", lang, meta["page"], meta["count"], attempt + 1)
            return
        detail = f"news: 400 {refusal.code} after {attempt + 1} attempt(s), ticket {self.news_ticket}"
        yield self.failure(response.url, "antibot", detail, response.status)
        if self.news_graphql_fallback:
            yield self._graphql_news_request(lang, page=1, count=0, attempt=1)
        else:
            yield self.coverage("news", lang, measurable=False, reason=f"antibot: {refusal.code}")

    # ---- GraphQL: contacts, and news as the fallback path --------------------------------------

    def _graphql(self, payload: dict[str, Any], callback: Any, lang: str, **meta: Any) -> scrapy.Request:
        return JsonRequest(
            govkz.GRAPHQL_URL,
            data=payload,
            callback=callback,
            errback=self.errback,
            headers={"Accept-Language": lang},
            dont_filter=True,  # one URL for every query
            meta=self._meta(lang, **{NO_FAILURE: True}, **meta),  # non-JSON replies are retried here
        )

    def _contacts_request(self, lang: str, attempt: int) -> scrapy.Request:
        query = govkz.graphql_contacts_query(self.slug, lang)
        return self._graphql(query, self.parse_contacts, lang, attempt=attempt, coverage_content="contacts")

    def parse_contacts(self, response: Response) -> Iterable[Any]:
        lang, attempt = response.meta["lang"], response.meta["attempt"]
        try:
            entries = govkz.parse_graphql(response.body, "contacts_page")
        except govkz.ApiRefusal as error:
            if attempt < GRAPHQL_ATTEMPTS:
                yield self._contacts_request(lang, attempt + 1)
                return
            yield self.failure(response.url, "http_status", f"contacts_page: {error.code}", response.status)
            yield self.coverage("contacts", lang, measurable=False, reason=error.code)
            return
        for entry in entries:
            yield self.record(Record("contacts", govkz.external_id(entry), entry), response, lang)
        yield self.coverage("contacts", lang, measurable=True, count=len(entries))

    def _graphql_news_request(self, lang: str, page: int, count: int, attempt: int) -> scrapy.Request:
        query = govkz.graphql_news_query(self.slug, lang, page, self.page_size)
        return self._graphql(query, self.parse_graphql_news, lang, page=page, count=count, attempt=attempt)

    def parse_graphql_news(self, response: Response) -> Iterable[Any]:
        meta = response.meta
        lang, page, attempt = meta["lang"], meta["page"], meta["attempt"]
        try:
            items = govkz.parse_graphql(response.body, "news")
        except govkz.ApiRefusal as error:
            if attempt < GRAPHQL_ATTEMPTS:
                yield self._graphql_news_request(lang, page, meta["count"], attempt + 1)
                return
            yield self.failure(response.url, "http_status", f"graphql news: {error.code}", response.status)
            yield self.coverage("news", lang, measurable=False, reason=f"antibot, then graphql {error.code}")
            return
        for item in items:
            item = {**item, "_via": "graphql"}
            yield self.record(Record("news", govkz.external_id(item), item), response, lang)
        count = meta["count"] + len(items)
        if govkz.is_last_page(items, self.page_size):
            yield self.coverage("news", lang, measurable=True, count=count, reason="via graphql after antibot")
        else:
            yield self._graphql_news_request(lang, page + 1, count, attempt=1)

    # ---- the virtual reception: /api/v2/public-data with a browser ticket ---------------------

    def _vr_start(self, lang: str) -> Iterable[Any]:
        if self.vr_ticket == "browser" and not self.browser_ticket:
            reason = self.browser_ticket_error or "no browser ticket captured"
            yield self.failure(govkz.PUBLIC_DATA_URL, "antibot", f"vr_question: {reason}")
            yield self.coverage("vr_question", lang, measurable=False, reason=f"antibot: {reason}")
            return
        yield self._vr_request(lang, page=0, count=0)

    def _vr_request(self, lang: str, page: int, count: int) -> scrapy.Request:
        payload = govkz.public_data_request(self.slug, page, self.page_size)
        return scrapy.Request(
            govkz.PUBLIC_DATA_URL,
            method="POST",
            body=json.dumps(payload).encode(),
            headers={
                "Content-Type": "application/json",
                "Accept-Language": lang,
                "Origin": govkz.GOVKZ,
                "Referer": govkz.entity_url(self.slug, "", lang),
                **self._ticket_headers(self.vr_ticket),
            },
            cookies=self._ticket_cookies(self.vr_ticket),
            callback=self.parse_vr,
            errback=self.errback,
            dont_filter=True,
            meta=self._meta(lang, page=page, count=count, coverage_content="vr_question", **{NO_FAILURE: True}),
        )

    def parse_vr(self, response: Response) -> Iterable[Any]:
        meta = response.meta
        lang, page = meta["lang"], meta["page"]
        refusal = govkz.refusal_of(response.status, response.body)
        try:
            if refusal is not None:
                raise refusal
            result = govkz.parse_public_data(response.body)
        except govkz.ApiRefusal as error:
            reason: FailureReason = "antibot" if error.is_antibot else "http_status"
            yield self.failure(response.url, reason, f"vr_question: {error.code}", response.status)
            yield self.coverage("vr_question", lang, measurable=False, reason=f"{reason}: {error.code}")
            return
        for item in result.items:
            yield self.record(Record("vr_question", govkz.external_id(item), item), response, lang)
        count = meta["count"] + len(result.items)
        last = page + 1 >= result.total_pages if result.total_pages is not None else len(result.items) < self.page_size
        if last or not result.items:
            yield self.coverage("vr_question", lang, measurable=True, count=count)
        else:
            yield self._vr_request(lang, page + 1, count)
