"""Into the store: pages (with links and downloads), portal records and fetch failures, in batches.

Everything lands under the crawl's run and the spider's body. Failures arrive both as items (a
spider that finds one in a 200 answer) and through the downloader's FETCH_FAILED signal. When the
spider closes, the last batch is written and two things only known at the end are filled in: the
final click depths (shortest paths, from the spider) and each link's target status.

Counts go to the crawl stats under ``ashyq/stored/…``; the runner reads them for its summary.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import TYPE_CHECKING, Any

from scrapy import Request
from sqlalchemy import and_, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from ashyq.crawler.items import FetchFailureItem, PageItem, PortalRecordItem
from ashyq.crawler.middlewares.failures import FETCH_FAILED
from ashyq.store import bodies as body_registry
from ashyq.store.db import session_scope
from ashyq.store.models import Body, Download, Evidence, FetchFailure, Link, Page, PortalRecord, Run, new_evidence_id
from ashyq.store.repository import (
    add_evidence,
    add_fetch_failures,
    add_pages,
    add_portal_records,
    get_body,
    start_run,
    upsert_bodies,
)
from ashyq.store.vocabulary import EvidenceKind, FetchFailureReason, Portal, RunKind

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

BATCH_SIZE = 200
BATCH_SECONDS = 2.0
_STORE_REASONS = {reason.value for reason in FetchFailureReason}


def store_body(body: body_registry.Body) -> Body:
    """The store's row for a registry body."""
    ids = body.ids
    return Body(
        id=body.id,
        name_kk=body.names.kk,
        name_ru=body.names.ru,
        name_en=body.names.en,
        kind=body.kind,
        site_urls=list(body.sites),
        govkz_slug=ids.govkz_slug,
        data_gov_agency_id=ids.data_gov_agency_id,
        legalacts_government_id=_text(ids.legalacts_government_id),
        budget_gov_agency_id=_text(ids.budget_gov_agency_id),
        dialog_blog_id=_text(ids.dialog_blog_id),
        tags=list(body.tags),
        exemptions=[],
        parent_id=body.parent,
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


class StorePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.db_url: str | None = crawler.settings.get("ASHYQ_DB_URL")
        self.batch_size = crawler.settings.getint("ASHYQ_STORE_BATCH", BATCH_SIZE)
        self.run_id = crawler.settings.get("ASHYQ_RUN_ID", "adhoc")
        self.body_id: str | None = None
        self.pages: list[Page] = []
        self.records: list[PortalRecord] = []
        self.failures: list[FetchFailure] = []
        self.evidence: list[Evidence] = []
        self.counts: Counter[str] = Counter()
        self.failure_keys: set[tuple[str, str]] = set()
        self.page_children: list[tuple[Page, list[dict[str, Any]], list[dict[str, Any]]]] = []
        self.last_flush = time.monotonic()
        crawler.signals.connect(self.on_fetch_failed, signal=FETCH_FAILED)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler)

    # ── the spider's life ───────────────────────────────────────────────────────────────────

    def open_spider(self) -> None:
        spider = self.crawler.spider
        self.run_id = getattr(spider, "run_id", None) or self.run_id
        self.body_id = getattr(spider, "body_id", None)
        # A spider run on its own (not through the runner) still has a run and a body to file under.
        try:
            with session_scope(self.db_url) as session:
                if session.get(Run, self.run_id) is None:
                    body_ids = [self.body_id] if self.body_id else []
                    start_run(session, RunKind.AUDIT, run_id=self.run_id, body_ids=body_ids)
        except IntegrityError:
            pass  # another crawl of the same run created it first
        with session_scope(self.db_url) as session:
            registry_body = getattr(spider, "body", None)
            if self.body_id and get_body(session, self.body_id) is None and registry_body is not None:
                row = store_body(registry_body)
                if row.parent_id and get_body(session, row.parent_id) is None:
                    row.parent_id = None  # the runner stores the whole registry; alone we know only this body
                upsert_bodies(session, [row])

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageItem):
            self.pages.append(self._page(item))
            self._count("pages")
        elif isinstance(item, PortalRecordItem):
            self.records.append(self._record(item))
            self._count("records")
        elif isinstance(item, FetchFailureItem):
            self._add_failure(item)
        else:
            return item
        self._maybe_flush()
        return item

    def on_fetch_failed(self, failure: FetchFailureItem, request: Request, spider: Any = None) -> None:
        self._add_failure(failure)
        self._maybe_flush()

    def close_spider(self) -> None:
        self.flush()
        spider = self.crawler.spider
        final_depths = getattr(spider, "final_depths", None)
        link_statuses = getattr(spider, "link_statuses", None)
        depths: dict[str, dict[str, int]] = final_depths() if final_depths is not None else {}
        statuses = link_statuses() if link_statuses is not None else {}
        with session_scope(self.db_url) as session:
            for source, by_url in depths.items():
                if by_url:
                    self._update_depths(session, by_url, source)
            if statuses:
                self._update_link_statuses(session, statuses)

    # ── conversion ──────────────────────────────────────────────────────────────────────────

    def _page(self, item: PageItem) -> Page:
        evidence_ids = []
        for path in item.screenshot_paths:
            evidence_ids.append(self._evidence(EvidenceKind.SCREENSHOT, item, path))
        if item.dom_path:
            self._evidence(EvidenceKind.DOM_SNAPSHOT, item, item.dom_path)
        page = Page(
            run_id=self.run_id,
            body_id=self.body_id,
            url=item.url,
            final_url=item.final_url,
            lang=item.lang,
            status=item.status,
            headers=dict(item.headers),
            depth=item.depth,
            counterpart_url=item.counterpart_url,
            content_sha256=item.content_sha256,
            content_type=(item.content_type or "")[:255] or None,
            title=item.title,
            rendered=item.rendered,
            warc_file=item.warc_file,
            warc_record_id=item.warc_record_id,
            screenshot_evidence_ids=evidence_ids,
            source=item.source,
        )
        if item.fetched_at is not None:
            page.fetched_at = item.fetched_at
        # Links and downloads go in with one bulk INSERT each once the page has its id (see flush):
        # the ORM's unit of work costs more per link than the crawl does per page.
        self.page_children.append(
            (
                page,
                [
                    {
                        "target_url": lk.target_url,
                        "anchor_text": lk.anchor_text,
                        "is_internal": lk.is_internal,
                        "rel": (lk.rel or "")[:255] or None,
                        "target": (lk.target or "")[:64] or None,
                    }
                    for lk in item.links
                ],
                [
                    {
                        "url": d.url,
                        "format": (d.format or "")[:16] or None,
                        "declared_size_text": (d.declared_size_text or "")[:64] or None,
                        "size_bytes": d.size_bytes,
                        "content_type": (d.content_type or "")[:255] or None,
                        "status": d.status,
                        "text_layer": d.text_layer,
                    }
                    for d in item.downloads
                ],
            )
        )
        return page

    def _evidence(self, kind: EvidenceKind, item: PageItem, path: str) -> str:
        evidence_id = new_evidence_id()
        self.evidence.append(
            Evidence(
                id=evidence_id,
                run_id=self.run_id,
                body_id=self.body_id,
                kind=kind,
                url=item.url,
                path=path,
                warc_file=item.warc_file,
                warc_record_id=item.warc_record_id,
            )
        )
        return evidence_id

    def _record(self, item: PortalRecordItem) -> PortalRecord:
        record = PortalRecord(
            run_id=self.run_id,
            body_id=self.body_id,
            portal=Portal(item.portal),
            record_kind=item.record_kind[:32],
            external_id=item.external_id,
            lang=item.lang,
            payload=item.payload,
            source_url=item.source_url,
            warc_record_id=item.warc_record_id,
        )
        if item.fetched_at is not None:
            record.fetched_at = item.fetched_at
        return record

    def _add_failure(self, item: FetchFailureItem) -> None:
        # One row per URL and reason: robots.txt, say, is asked for by Scrapy and by the spider.
        key = (item.url, item.reason)
        if key in self.failure_keys:
            return
        self.failure_keys.add(key)
        reason, detail = item.reason, item.detail
        if reason not in _STORE_REASONS:
            # The store's vocabulary has no such reason yet: kept as an error that names it.
            reason, detail = "error", f"{item.reason}: {detail or ''}".strip()
        self.failures.append(
            FetchFailure(
                run_id=self.run_id,
                body_id=self.body_id,
                url=item.url,
                reason=FetchFailureReason(reason),
                detail=detail,
                status_code=item.status_code,
            )
        )
        self._count(f"failures/{item.reason}")
        self._count("failures")

    def _count(self, key: str) -> None:
        self.counts[key] += 1
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"ashyq/stored/{key}")

    # ── writing ─────────────────────────────────────────────────────────────────────────────

    def _maybe_flush(self) -> None:
        pending = len(self.pages) + len(self.records) + len(self.failures)
        if pending >= self.batch_size or (pending and time.monotonic() - self.last_flush > BATCH_SECONDS):
            self.flush()

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        if not (self.pages or self.records or self.failures or self.evidence):
            return
        pages, records, failures, evidence = self.pages, self.records, self.failures, self.evidence
        children, self.page_children = self.page_children, []
        self.pages, self.records, self.failures, self.evidence = [], [], [], []
        with session_scope(self.db_url) as session:
            add_evidence(session, evidence)
            add_pages(session, pages)
            links = [{**row, "page_id": page.id} for page, rows, _ in children for row in rows]
            downloads = [{**row, "page_id": page.id} for page, _, rows in children for row in rows]
            if links:
                session.execute(insert(Link), links)
            if downloads:
                session.execute(insert(Download), downloads)
            add_portal_records(session, records)
            add_fetch_failures(session, failures)

    def _update_depths(self, session: Any, depths: dict[str, int], source: str) -> None:
        rows = session.execute(
            select(Page.id, Page.url, Page.depth).where(
                Page.run_id == self.run_id, Page.body_id == self.body_id, Page.source == source
            )
        ).all()
        changes = [
            {"page_id": pid, "new_depth": depths[url]}
            for pid, url, depth in rows
            if url in depths and depths[url] != depth
        ]
        if changes:
            statement = update(Page).where(Page.id == bindparam("page_id")).values(depth=bindparam("new_depth"))
            session.connection().execute(statement, changes)

    def _update_link_statuses(self, session: Any, statuses: dict[str, int]) -> None:
        rows = session.execute(
            select(Link.id, Link.target_url)
            .join(Page, Page.id == Link.page_id)
            .where(and_(Page.run_id == self.run_id, Page.body_id == self.body_id))
        ).all()
        changes = [{"link_id": lid, "status": statuses[url]} for lid, url in rows if url in statuses]
        if changes:
            statement = update(Link).where(Link.id == bindparam("link_id")).values(target_status=bindparam("status"))
            session.connection().execute(statement, changes)
