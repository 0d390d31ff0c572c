"""data.egov.kz: a body's published datasets and their passports.

Per language session (``egovLang``): ``getdatasetsrecount`` gives the total, then every page of
``getdatasetsre`` (ten items, whatever ``count`` asks), then each dataset's passport
``/meta/<apiUri>/<version>``. The catalogue is language-neutral JSON (``nameKk``/``nameRu`` side by
side), so pages are walked once and passports once; the language only names the session.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

import scrapy
from scrapy.http import Response

from ashyq.crawler.parsers import dataegov
from ashyq.crawler.spiders.portal import PortalSpider, answered, egov_request

XHR_HEADERS = {"X-Requested-With": "XMLHttpRequest", "Referer": f"{dataegov.DATA}/datasets/listbygovagency"}


class DataEgovSpider(PortalSpider):
    name = "dataegov"
    portal = "data"
    harvests = ("records:data",)
    identifier = "data_gov_agency_id"
    # The catalogue answers the same JSON in every interface language: one session is enough.
    languages = ("ru",)
    base_url = dataegov.DATA
    # the portal "periodically hangs": a shorter timeout and more retries than elsewhere
    custom_settings = {"DOWNLOAD_TIMEOUT": 20, "RETRY_TIMES": 4}  # noqa: RUF012 - Scrapy reads it as is

    async def start(self) -> AsyncIterator[Any]:
        agency = self.body_identifier()
        if not agency:
            yield self.identifier_missing()
            return
        for lang in self.langs:
            yield self._get(dataegov.count_url(agency), self.parse_count, lang, coverage_content="datasets")

    def _get(self, url: str, callback: Any, lang: str, **meta: Any) -> scrapy.Request:
        return egov_request(url, callback, self.errback, lang, meta=meta, headers=XHR_HEADERS)

    @answered
    def parse_count(self, response: Response) -> Iterable[Any]:
        lang = response.meta["lang"]
        try:
            total = dataegov.parse_count(response.body)
        except dataegov.CatalogueError as error:
            yield self.failure(response.url, "error", f"catalogue count: {error}", response.status)
            yield self.coverage("datasets", lang, measurable=False, reason="count unreadable")
            return
        yield self.coverage("datasets", lang, measurable=True, count=total)
        agency = self.body_identifier()
        for page in range(1, dataegov.pages_for(total) + 1):
            yield self._get(dataegov.list_url(agency, page), self.parse_page, lang)

    @answered
    def parse_page(self, response: Response) -> Iterable[Any]:
        lang = response.meta["lang"]
        try:
            datasets = dataegov.parse_datasets(response.body)
        except dataegov.CatalogueError as error:
            yield self.failure(response.url, "error", f"catalogue page: {error}", response.status)
            return
        for record in datasets:
            yield self.record(record, response, lang)
            version = dataegov.current_version(record.payload)
            api_uri = record.payload.get("apiUri")
            if version and api_uri:
                yield self._get(
                    dataegov.passport_url(str(api_uri), version),
                    self.parse_passport,
                    lang,
                    api_uri=str(api_uri),
                    version=version,
                )

    @answered
    def parse_passport(self, response: Response) -> Iterable[Any]:
        lang = response.meta["lang"]
        try:
            record = dataegov.parse_passport(response.body, response.meta["api_uri"], response.meta["version"])
        except dataegov.CatalogueError as error:
            yield self.failure(response.url, "error", f"passport: {error}", response.status)
            return
        yield self.record(record, response, lang)
