"""The content of one gov.kz body as the replica's generators build it (:mod:`.content`,
:mod:`.menu`) and its API serves it (:mod:`.api`): news, documents, leadership, events, reception
questions, menu pages and uploads. A text missing in a language (a dict without that key) means the
body did not publish that language version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from ashyq_replica.core import WorldBody
from ashyq_replica.govkz import files

ALMATY = timezone(timedelta(hours=5))  # Kazakhstan has one time zone, UTC+5, since March 2024
Text = dict[str, str]


@dataclass(frozen=True)
class Upload:
    path: str
    ext: str
    data: bytes

    @property
    def content_type(self) -> str:
        return files.CONTENT_TYPES[self.ext]


@dataclass(frozen=True)
class News:
    id: int
    slug: str
    created: datetime
    title: Text
    short: Text
    body: Text
    heropic: str
    direction: Text
    views: int


@dataclass(frozen=True)
class Document:
    id: int
    category: str
    created: datetime
    updated: datetime
    title: Text
    content: Text
    upload: Upload
    activity: Text
    long_text: bool = False


@dataclass(frozen=True)
class Curator:
    id: int
    lastname: str
    name: str
    middlename: str
    position: Text
    phone: str
    email: str
    biography: Text
    order: int


@dataclass(frozen=True)
class Event:
    id: int
    title: Text
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Question:
    id: int
    lang: str
    text: str
    category: str
    created: datetime
    answered: bool
    answer: str | None
    answered_at: datetime | None


@dataclass
class SiteContent:
    body: WorldBody
    slug: str
    langs: tuple[str, ...]
    news: list[News] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    curators: list[Curator] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    pages: list[Any] = field(default_factory=list)  # ashyq_replica.govkz.menu.Page
    uploads: dict[str, Upload] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)


def iso(moment: datetime) -> str:
    """created_date as the API writes it: parseable with ``%Y-%m-%dT%H:%M:%S.%f%z``."""
    if moment.utcoffset() is not None:  # the same text, written without three strftime calls an item
        return moment.isoformat(timespec="milliseconds")
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + moment.strftime("%z")[:3] + ":" + moment.strftime("%z")[3:]
