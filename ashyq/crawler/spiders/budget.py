"""budget.egov.kz: a body's budget programmes (tabs, files, field comments) and other materials.

Per language session (``egovLang``): the search by ``govAgencyId`` page by page (``totalPages`` in
the paging script), then every programme card and every material card. A body whose budget is
restricted by law shows a notice: it is recorded in the programme payload, not treated as missing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

import scrapy
from scrapy.http import Response

from ashyq.crawler.parsers import budget
from ashyq.crawler.spiders.portal import PortalSpider, answered, egov_request


class BudgetSpider(PortalSpider):
    name = "budget"
    portal = "budget"
    harvests = ("records:budget",)
    identifier = "budget_gov_agency_id"
    base_url = budget.BUDGET

    async def start(self) -> AsyncIterator[Any]:
        agency = self.body_identifier()
        if agency is None:
            yield self.identifier_missing()
            return
        for lang in self.langs:
            yield self._get(budget.search_url(agency, 1), self.parse_search, lang, coverage_content="budget_search")

    def _get(self, url: str, callback: Any, lang: str, **meta: Any) -> scrapy.Request:
        return egov_request(url, callback, self.errback, lang, meta=meta, headers={"Accept-Language": lang})

    @answered
    def parse_search(self, response: Response) -> Iterable[Any]:
        lang = response.meta["lang"]
        page = budget.parse_search(response.text, response.url)
        for url in page.programme_urls:
            yield self._get(url, self.parse_programme, lang)
        for material in page.materials:
            yield self._get(material.payload["url"], self.parse_material, lang, listed=material.payload)
        if response.meta.get("coverage_content"):
            pages = page.total_pages or 1
            yield self.coverage("budget_search", lang, measurable=True, count=pages, reason=page.restricted_notice)
            agency = self.body_identifier()
            for number in range(2, pages + 1):
                yield self._get(budget.search_url(agency, number), self.parse_search, lang)

    @answered
    def parse_programme(self, response: Response) -> Iterable[Any]:
        yield from self.records(budget.parse_programme(response.text, response.url), response, response.meta["lang"])

    @answered
    def parse_material(self, response: Response) -> Iterable[Any]:
        lang = response.meta["lang"]
        records = budget.parse_material(response.text, response.url)
        # what the search result said (type, date) stays with the card's own fields
        records[0].payload["listed"] = response.meta.get("listed")
        yield from self.records(records, response, lang)
