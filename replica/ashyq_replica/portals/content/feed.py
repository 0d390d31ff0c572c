"""The portal side of the replica's nightly change feed: the draft acts, the comments on them and the
blog posts that :func:`ashyq_replica.govkz.feed.changes` records, put into a body's legalacts and dialog
content (newest first, as the lists show them)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from ashyq_replica.core import World
from ashyq_replica.govkz.feed import changes
from ashyq_replica.portals.content.legalacts import DISCUSSION_DAYS
from ashyq_replica.portals.content.model import Bilingual, BlogPost, BodyPortalContent, NpaComment, NpaDraft
from ashyq_replica.portals.content.wording import COMMENTS, NPA_CATEGORIES, PEOPLE, THEME_OF_BODY

B = Bilingual


def _draft(body_id: str, draft_id: int, created: datetime, comments: tuple[NpaComment, ...]) -> NpaDraft:
    title = B(f"Нормативтік құқықтық акт жобасы №{draft_id}", f"Проект нормативного правового акта № {draft_id}")
    day = created.date()
    return NpaDraft(
        id=draft_id,
        docx_id=draft_id + 500_000_000,
        body_id=body_id,
        title=title,
        type_id=1003,
        status="IN_PUBLIC_DISCUSSION",
        category_id=NPA_CATEGORIES[THEME_OF_BODY[body_id]][0] if body_id in THEME_OF_BODY else 346,
        created=day,
        discussion_until=day + timedelta(days=DISCUSSION_DAYS),
        online_start=None,
        online_end=None,
        summary=B("Жоба жария талқылауға шығарылды.", "Проект вынесен на публичное обсуждение."),
        rows=(),
        is_amendment=False,
        files=(),
        versions=(),
        comments=comments,
        likes=0,
        dislikes=0,
        views=draft_id % 97,
    )


def add_portal_feed(world: World, content: BodyPortalContent) -> BodyPortalContent:
    """The body's content with what the feed published on legalacts and dialog up to the world's night."""
    mine = [c for c in changes(world) if c.body_id == content.body_id]
    if not mine:
        return content
    drafts = list(content.drafts)
    published = sorted((c for c in mine if c.kind == "drafts"), key=lambda c: c.created, reverse=True)
    for change in published:
        said = [c for c in mine if c.kind == "draft_comments" and c.parent == change.item_id]
        comments = tuple(
            NpaComment(
                c.item_id,
                PEOPLE[c.item_id % len(PEOPLE)],
                COMMENTS[c.item_id % len(COMMENTS)],
                c.created,
                "pending",
                None,
                None,
                row=1,
            )
            for c in said
        )
        drafts.insert(0, _draft(content.body_id, change.item_id, change.created, comments))
    blog = content.blog
    posts = sorted((c for c in mine if c.kind == "blog_posts"), key=lambda c: c.created, reverse=True)
    if blog is not None and posts:
        title = {c.item_id: B(f"Блогтағы жазба №{c.item_id}", f"Запись в блоге № {c.item_id}") for c in posts}
        added = tuple(BlogPost(c.item_id, title[c.item_id], title[c.item_id], c.created.date()) for c in posts)
        blog = replace(blog, posts=added + blog.posts)
    return replace(content, drafts=tuple(drafts), blog=blog)
