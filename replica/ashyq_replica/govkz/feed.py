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

Beside the platform's listings the feed changes what a night follows elsewhere (issue 29, item 2):
one changed entity in :data:`PAGE_EDIT_EVERY` edits one of its section pages (``pages``: the contacts,
the budget, the statistics, the legal acts or «about»), and the bodies known to legalacts.egov.kz and
dialog.egov.kz (the world's own gov.kz bodies; generated bodies have no portal identifiers) publish
draft acts (``drafts``), receive comments on the drafts the feed published on earlier nights while
they are under public discussion (``draft_comments``, ``parent`` the draft), and post in their head's
blog (``blog_posts``), on a fixed rota so that every night has some of each.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Literal

from ashyq_replica.core import World, WorldBody
from ashyq_replica.govkz import files
from ashyq_replica.govkz.model import ALMATY, Document, News, SiteContent, Upload

FeedKind = Literal["news", "documents", "pages", "drafts", "draft_comments", "blog_posts"]
PLATFORM_KINDS = ("news", "documents")  # what the content API lists newest first
FEED_IDS = 70_000_000  # above every id the content generators give
FEED_DRAFTS = 19_000_000  # legalacts ids above the generated drafts' (15,900,000 + body * 10,000 + …)
FEED_POSTS = 390_000  # dialog post ids above the generated posts' (300,000 + body * 1,000 + …)
DEAD_LINK_EVERY = 10
PAGE_EDIT_EVERY = 4
EDITED_PAGES = ("contacts", "budget", "statistics", "npa", "about")


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
    page: str | None = None  # ``pages``: the slug of the page edited
    parent: int | None = None  # ``draft_comments``: the draft commented on


_RECORDS: dict[tuple[object, ...], tuple[Change, ...]] = {}


def changes(world: World) -> tuple[Change, ...]:
    """Every item the feed added to the world, night by night (the same world: the same record)."""
    key = world.content_key
    if key not in _RECORDS:
        _RECORDS[key] = tuple(_record(world))
    return _RECORDS[key]


_BY_BODY: dict[tuple[object, ...], dict[str, list[Change]]] = {}


def changes_of(world: World, body_id: str) -> list[Change]:
    """The record's changes of one body, in the record's order (indexed once per world content)."""
    key = world.content_key
    if key not in _BY_BODY:
        index: dict[str, list[Change]] = {}
        for change in changes(world):
            index.setdefault(change.body_id, []).append(change)
        _BY_BODY[key] = index
    return _BY_BODY[key].get(body_id, [])


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
        edits = world.rng("govkz-feed-pages", night)  # its own draw: the items above stay as they were
        for n, body in enumerate(chosen):
            if n % PAGE_EDIT_EVERY == 0:
                page = edits.choice(EDITED_PAGES)
                moment = evening + timedelta(minutes=edits.randint(0, 719))
                out.append(Change(night, _slug(body), body.id, "pages", FEED_IDS + night * 100_000 + n, moment,
                                  page=page))  # fmt: skip
        out += _portal_record(world, night, evening)
    return out


def _portal_record(world: World, night: int, evening: datetime) -> list[Change]:
    """The night's draft acts, comments on the feed's earlier drafts, and blog posts."""
    out: list[Change] = []
    # the bodies the portals know (their identifiers there); generated bodies have none
    known = [b for b in world.bodies if b.site == "govkz" and b.ids.govkz_slug]
    for i, body in enumerate(sorted(known, key=lambda b: b.id)):
        at = evening + timedelta(hours=1, minutes=7 * i)
        if body.ids.legalacts_government_id is not None:
            for earlier in range(max(1, night - 9), night):  # a draft is discussed ten days
                if (i + earlier) % 2 == 0:
                    draft = FEED_DRAFTS + earlier * 1_000 + i
                    for k in range(1 + (i + night) % 2):
                        comment = draft * 10 + night * 2 + k
                        out.append(Change(night, _slug(body), body.id, "draft_comments", comment, at, parent=draft))
            if (i + night) % 2 == 0:
                out.append(Change(night, _slug(body), body.id, "drafts", FEED_DRAFTS + night * 1_000 + i, at))
        if body.ids.dialog_blog_id is not None and (i + night) % 3 != 1:
            out.append(Change(night, _slug(body), body.id, "blog_posts", FEED_POSTS + night * 100 + i, at))
    return out


def _slug(body: WorldBody) -> str:
    return body.ids.govkz_slug or body.id


def add_feed(world: World, site: SiteContent) -> None:
    """The items the feed gave this entity, put before its news and documents (newest first, as the
    generators list them)."""
    news: list[News] = []
    documents: list[Document] = []
    for change in sorted(changes_of(world, site.body.id), key=lambda c: c.created, reverse=True):
        if change.kind not in PLATFORM_KINDS:
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


def edit_pages(world: World, site: SiteContent) -> None:
    """The section pages the feed edited, each edit a paragraph dated its night (in every language)."""
    for change in sorted(changes_of(world, site.body.id), key=lambda c: c.created):
        if change.kind != "pages":
            continue
        for n, page in enumerate(site.pages):
            if page.slug == change.page:
                said = {"kk": "Жаңартылды", "ru": "Обновлено", "en": "Updated"}
                content = {lang: f"{text}<p>{said[lang]}: {change.created:%d.%m.%Y}</p>"
                           for lang, text in page.content.items()}  # fmt: skip
                site.pages[n] = replace(page, content=content)
