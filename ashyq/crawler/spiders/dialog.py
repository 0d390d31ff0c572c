"""dialog.egov.kz: a first head's blog — posts, the question archive, internet conferences, polls.

Per language session (``egovLang``): ``/blogs/<blogId>/posts?page=N`` → ``blog_post``;
``/blogs/<blogId>/questions?page=N`` → ``question`` (answered when ``div.answers#<id>`` has text);
the conference and poll lists → ``conference`` / ``poll`` (poll cards add their options). Their URL
patterns are [GUESS] on the real portal and come from ashyq/config/portal_urls.yaml (``dialog.event_paths``).

robots.txt asks for ``Crawl-delay: 1``: the spider's ``download_delay`` is 1 s. Only a replica run
may lower it (``crawl_delay`` argument), never a run against the real portal.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

import scrapy
from scrapy.http import Response

from ashyq.config.loader import read
from ashyq.crawler.parsers import dialog
from ashyq.crawler.parsers.fields import total_pages
from ashyq.crawler.spiders.portal import PortalSpider, answered, egov_request

ROBOTS_CRAWL_DELAY = 1.0


class DialogSpider(PortalSpider):
    name = "dialog"
    portal = "dialog"
    harvests = ("records:dialog",)
    identifier = "dialog_blog_id"
    base_url = dialog.DIALOG
    download_delay = ROBOTS_CRAWL_DELAY

    def __init__(self, *args: Any, crawl_delay: str | float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if crawl_delay is not None:
            self.download_delay = float(crawl_delay)
        configured = (read("portal_urls").get("dialog") or {}).get("event_paths") or {}
        self.event_paths = {**dialog.DEFAULT_EVENT_PATHS, **{str(k): str(v) for k, v in configured.items()}}

    async def start(self) -> AsyncIterator[Any]:
        blog = self.body_identifier()
        if blog is None:
            yield self.identifier_missing()
            return
        for lang in self.langs:
            yield self._get(dialog.posts_url(blog, 1), self.parse_posts, lang, page=1, coverage_content="blog_posts")
            yield self._get(
                dialog.questions_url(blog, 1), self.parse_questions, lang, page=1, coverage_content="questions"
            )
            for kind in ("conference", "poll"):
                yield self._get(
                    dialog.events_url(blog, kind, self.event_paths),
                    self.parse_events,
                    lang,
                    kind=kind,
                    coverage_content=f"{kind}s",
                )

    def _get(self, url: str, callback: Any, lang: str, **meta: Any) -> scrapy.Request:
        return egov_request(url, callback, self.errback, lang, meta=meta)

    def _next_pages(self, response: Response, url_of: Any, callback: Any) -> Iterable[Any]:
        if response.meta.get("page") != 1:
            return
        lang = response.meta["lang"]
        pages = total_pages(response.text) or 1
        yield self.coverage(response.meta["coverage_content"], lang, measurable=True, reason=None)
        for number in range(2, pages + 1):
            yield self._get(url_of(self.body_identifier(), number), callback, lang, page=number)

    @answered
    def parse_posts(self, response: Response) -> Iterable[Any]:
        yield from self._listing(response, dialog.parse_posts, dialog.posts_url, self.parse_posts)

    @answered
    def parse_questions(self, response: Response) -> Iterable[Any]:
        yield from self._listing(response, dialog.parse_questions, dialog.questions_url, self.parse_questions)

    def _listing(self, response: Response, parse: Any, url_of: Any, callback: Any) -> Iterable[Any]:
        """One page of the blog's posts or questions that answered: its records, then the pages after it."""
        yield from self.records(parse(response.text, response.url), response, response.meta["lang"])
        yield from self._next_pages(response, url_of, callback)

    @answered
    def parse_events(self, response: Response) -> Iterable[Any]:
        lang, kind = response.meta["lang"], response.meta["kind"]
        records = dialog.parse_events(response.text, response.url, kind)
        yield self.coverage(response.meta["coverage_content"], lang, measurable=True, count=len(records))
        for record in records:
            url = record.payload.get("url")
            if kind == "poll" and url:
                yield self._get(url, self.parse_poll, lang, listed=record)
            else:
                yield self.record(record, response, lang)

    def parse_poll(self, response: Response) -> Iterable[Any]:
        record = response.meta["listed"]
        if response.status == 200:
            record.payload["options"] = dialog.parse_poll_options(response.text)
        else:
            yield from self.http_failure(response)
        # the poll is listed either way; its options only when its card answered
        yield self.record(record, response, response.meta["lang"])
