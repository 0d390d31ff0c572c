"""legalacts.egov.kz: a body's draft acts and consultative documents, with cards, versions, comments.

Per language session (``egovLang``):

* ``/list?governmentId=<id>&page=N`` (active) and ``&status=IN_ARCHIVE`` → ``draft`` records from the
  list cards (counts of comments, accepted / not accepted, likes, views: enough for most checks);
* ``/list?types[0]=7001&types[1]=7002&governmentId=<id>`` → ``regulatory_policy_document`` records;
* only when ashyq/config/crawl.yaml carries a ``robots.overrides`` entry (with its reason) for the URL —
  robots.txt disallows ``/npa/view`` and ``/application``:
  ``/npa/view?id=`` → ``draft_card``, ``attachment``, ``comment``; ``/application/viewcardhistory?id=``
  → ``version`` (following «Версия проекта:» back). Without the override each card is recorded as a
  ``robots`` failure instead.

A draft can be listed twice (the replica's unfiltered list and the archive overlap; the real lists
may too): records are de-duplicated by id per language.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

import scrapy
from scrapy.http import Response

from ashyq.crawler.parsers import legalacts
from ashyq.crawler.parsers.fields import total_pages
from ashyq.crawler.spiders.portal import PortalSpider, answered, egov_request, robots_override

HOST = "legalacts.egov.kz"
LISTS = (
    ("drafts", "draft", None),
    ("drafts_archive", "draft", "IN_ARCHIVE"),
    ("regulatory_policy_documents", "regulatory_policy_document", None),
)


class LegalactsSpider(PortalSpider):
    name = "legalacts"
    portal = "legalacts"
    harvests = ("records:legalacts",)
    identifier = "legalacts_government_id"
    base_url = legalacts.LEGALACTS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._seen: set[tuple[str, str, str]] = set()  # (record kind, lang, id)

    def _override(self, url: str) -> str | None:
        return robots_override(self.settings.getlist("ASHYQ_ROBOTS_OVERRIDES"), url)

    async def start(self) -> AsyncIterator[Any]:
        government = self.body_identifier()
        if government is None:
            yield self.identifier_missing()
            return
        for lang in self.langs:
            for content, kind, status in LISTS:
                yield self._list_request(content, kind, status, 1, lang)

    def _list_url(self, content: str, status: str | None, page: int) -> str:
        government = self.body_identifier()
        if content == "regulatory_policy_documents":
            return legalacts.consultative_list_url(government, page)
        return legalacts.list_url(government, page, status)

    def _list_request(self, content: str, kind: str, status: str | None, page: int, lang: str) -> scrapy.Request:
        meta = {"content": content, "kind": kind, "status": status, "page": page}
        if page == 1:
            meta["coverage_content"] = content
        return self._get(self._list_url(content, status, page), self.parse_list, lang, **meta)

    def _get(self, url: str, callback: Any, lang: str, **meta: Any) -> scrapy.Request:
        return egov_request(url, callback, self.errback, lang, meta=meta)

    def _first_time(self, kind: str, lang: str, external_id: str | None) -> bool:
        key = (kind, lang, external_id or "")
        if external_id is None or key not in self._seen:
            self._seen.add(key)
            return True
        return False

    @answered
    def parse_list(self, response: Response) -> Iterable[Any]:
        meta = response.meta
        lang, content, kind = meta["lang"], meta["content"], meta["kind"]
        for record in legalacts.parse_list(response.text, response.url):
            record.kind = kind
            if not self._first_time(kind, lang, record.external_id):
                continue
            yield self.record(record, response, lang)
            if kind == "draft" and record.external_id:
                yield from self._card(record.external_id, lang)
        if meta["page"] == 1:
            pages = total_pages(response.text) or 1
            yield self.coverage(content, lang, measurable=True, reason=None, count=None)
            for number in range(2, pages + 1):
                yield self._list_request(content, kind, meta["status"], number, lang)

    def _card(self, draft_id: str, lang: str) -> Iterable[Any]:
        yield from self._past_robots(legalacts.card_url(draft_id), "/npa/view", self.parse_card, lang, draft_id)

    def _past_robots(self, url: str, path: str, callback: Any, lang: str, draft_id: str) -> Iterable[Any]:
        """A page robots.txt disallows (``path``): asked only under the assessor's recorded override."""
        if self._override(url) is None:
            yield self.failure(url, "robots", f"robots.txt disallows {path}; no override in ashyq/config/crawl.yaml")
            return
        yield self._get(url, callback, lang, draft_id=draft_id)

    @answered
    def parse_card(self, response: Response) -> Iterable[Any]:
        lang = response.meta["lang"]
        records = legalacts.parse_card(response.text, response.url)
        records[0].payload["robots_override"] = self._override(response.url)
        yield from self.records(records, response, lang)
        previous = records[0].payload.get("previous_version_url")
        if previous:
            yield from self._version(previous, response.meta["draft_id"], lang)

    def _version(self, url: str, draft_id: str, lang: str) -> Iterable[Any]:
        yield from self._past_robots(url, "/application", self.parse_version, lang, draft_id)

    @answered
    def parse_version(self, response: Response) -> Iterable[Any]:
        lang = response.meta["lang"]
        record = legalacts.parse_version(response.text, response.url, response.meta["draft_id"])
        yield self.record(record, response, lang)
        older = record.payload.get("previous_version_url")
        if older:
            yield from self._version(older, response.meta["draft_id"], lang)
