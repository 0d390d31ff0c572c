"""What the platform's entities publish night after night: the replica's change feed, and its record.

A world with ``nights = N`` is the world of ``as_of`` N nights later. Each night a share of the gov.kz
entities (``change_share``, 5 % by default: tens to a few hundred of 3,000 entities, the daily volume the
national platform sees) publish one to three news items or documents, dated that night; nothing else
changes. The content API lists them with everything else, newest first (``sort-by=created_date:DESC``,
across entities when no ``projects=`` filter is given), so a monitoring night that reads the listings
down to the last night's mark finds them, and only them.

:func:`changes` is the record a test compares a monitoring night with: every item the feed added, with
its night, entity and type, and the dead link one item in ten carries in its text (a file the body
never uploaded): what monitoring reports as a broken link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal

from ashyq_replica.core import World, WorldBody
from ashyq_replica.govkz import files
from ashyq_replica.govkz.model import ALMATY, Document, News, SiteContent, Upload

FeedKind = Literal["news", "documents"]
FEED_IDS = 70_000_000  # above every id the content generators give
DEAD_LINK_EVERY = 10


@dataclass(frozen=True)
class Change:
    """One item the feed added: published on ``night`` (1 = the first night after ``as_of``)."""

    night: int
    slug: str
    body_id: str
    kind: FeedKind
    item_id: int
    created: datetime
    dead_link: str | None = None  # a path in the item's text that answers 404


_RECORDS: dict[tuple[object, ...], tuple[Change, ...]] = {}


def changes(world: World) -> tuple[Change, ...]:
    """Every item the feed added to the world, night by night (the same world: the same record)."""
    key = world.content_key
    if key not in _RECORDS:
        _RECORDS[key] = tuple(_record(world))
    return _RECORDS[key]


def _record(world: World) -> list[Change]:
    entities = sorted((b for b in world.bodies if b.site == "govkz" and b.ids.govkz_slug), key=lambda b: b.id)
    out: list[Change] = []
    for night in range(1, world.nights + 1):
        rng = world.rng("govkz-feed", night)
        count = min(len(entities), max(1, round(world.change_share * len(entities)))) if entities else 0
        chosen = sorted(rng.sample(entities, count), key=lambda b: b.id)
        evening = datetime.combine(world.as_of + timedelta(days=night), time(8, 0), ALMATY)
        for n, body in enumerate(chosen):
            for k in range(rng.randint(1, 3)):
                item_id = FEED_IDS + night * 100_000 + n * 10 + k
                kind: FeedKind = "news" if rng.random() < 0.6 else "documents"
                dead = f"/uploads/feed/{item_id}/missing.pdf" if (3 * n + k) % DEAD_LINK_EVERY == 0 else None
                created = evening + timedelta(minutes=rng.randint(0, 719))
                out.append(Change(night, _slug(body), body.id, kind, item_id, created, dead))
    return out


def _slug(body: WorldBody) -> str:
    return body.ids.govkz_slug or body.id


def add_feed(world: World, site: SiteContent) -> None:
    """The items the feed gave this entity, put before its news and documents (newest first, as the
    generators list them)."""
    news: list[News] = []
    documents: list[Document] = []
    for change in sorted(changes(world), key=lambda c: c.created, reverse=True):
        if change.body_id != site.body.id:
            continue
        title = {
            "kk": f"Жаңа жарияланым №{change.item_id}",
            "ru": f"Новая публикация № {change.item_id}",
            "en": f"New publication No. {change.item_id}",
        }
        link = f' <a href="{change.dead_link}">{change.dead_link.rsplit("/", 1)[-1]}</a>' if change.dead_link else ""
        text = {lang: f"<p>{title[lang]}.{link}</p>" for lang in site.langs}
        title = {lang: title[lang] for lang in site.langs}
        if change.kind == "news":
            slug = f"feed-{change.item_id}"
            news.append(News(change.item_id, slug, change.created, title, title, text, "", title, 0))
            continue
        path = f"/uploads/feed/{change.item_id}/document.pdf"
        upload = Upload(path, "pdf", files.make_pdf([title["ru"], f"{change.created:%d.%m.%Y}"]))
        site.uploads[path] = upload
        activity = {lang: {"kk": "Орталық аппарат", "ru": "Центральный аппарат", "en": "Central office"}[lang]
                    for lang in site.langs}  # fmt: skip
        documents.append(Document(change.item_id, "npa", change.created, change.created, title, text, upload, activity))
    site.news[:0] = news
    site.documents[:0] = documents
