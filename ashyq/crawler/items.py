"""What spiders yield. Each item maps onto one store table (ashyq/store/models.py); the store
pipeline writes them under the crawl's run and body. Spiders produce only these records:
no checking, no scoring.

Every item carries the real URL (never a replica address) and, where a response was archived, the
WARC file and record id that hold its bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

FailureReason = Literal[
    "robots", "antibot", "timeout", "http_status", "private_address", "trap", "too_large", "error", "offsite"
]


@dataclass
class LinkRecord:
    target_url: str
    anchor_text: str | None
    is_internal: bool
    rel: str | None = None
    target: str | None = None  # the HTML target attribute (_blank …)


@dataclass
class DownloadRecord:
    url: str
    format: str | None
    declared_size_text: str | None  # what the page says next to the link ("PDF, 1,2 МБ")
    size_bytes: int | None = None  # from Content-Length of a HEAD or a bounded GET
    content_type: str | None = None
    status: int | None = None
    text_layer: bool | None = None  # a PDF's: False for a scan (ashyq.base.pdf_text), None when not read


@dataclass
class PageItem:
    url: str
    final_url: str
    lang: str | None
    status: int
    headers: dict[str, str]
    depth: int | None
    content_sha256: str
    content_type: str | None
    title: str | None
    source: str = "site"  # "site", "govkz-render", "govkz-api", …
    rendered: bool = False
    counterpart_url: str | None = None
    warc_file: str | None = None
    warc_record_id: str | None = None
    screenshot_paths: list[str] = field(default_factory=list)
    dom_path: str | None = None
    links: list[LinkRecord] = field(default_factory=list)
    downloads: list[DownloadRecord] = field(default_factory=list)
    fetched_at: datetime | None = None


@dataclass
class PortalRecordItem:
    portal: Literal["govkz", "data", "budget", "legalacts", "dialog"]
    record_kind: str  # dataset, passport, programme, file, draft, comment, version, blog_post, question, …
    external_id: str | None
    lang: str | None
    payload: dict[str, Any]
    source_url: str
    warc_record_id: str | None = None
    fetched_at: datetime | None = None


@dataclass
class FetchFailureItem:
    url: str
    reason: FailureReason
    detail: str | None = None
    status_code: int | None = None
