"""What a monitoring night reads beside www.gov.kz: draft acts and their discussions on legalacts.egov.kz,
and the heads' blogs on dialog.egov.kz (issue 29, item 2).

Neither portal lists across bodies in a way a night can attribute: a legalacts card names its developer
body as text only (``span.icon2``, portals.md 4.2) and dialog's cross-blog listings are closed by its
robots.txt (``/search``, ``/blogs/all-questions``, portals.md 5). So each is read per body, from the
registry's crosswalk (``legalacts_government_id``, ``dialog_blog_id``), on its own host: none of these
requests is one of www.gov.kz's.

* **Draft acts**: ``/list?governmentId=<id>&page=N``, newest first, read down to the first card the
  previous night saw: every card not seen before is a draft published since.
* **Discussions**: ``/list?governmentId=<id>&status=IN_PUBLIC_DISCUSSION``: each draft under public
  discussion with its count of comments (``span.icon1``); a count higher than the previous night's is
  discussion since (the new comments counted, the card cited).
* **Blog activity**: ``/blogs/<blogId>/posts?page=N``, newest first, read down to the first post seen.

The first night only learns what is there. Each listing page is asked again on a failure of the moment,
as the content API's are (:data:`LISTING_RETRIES`); one that cannot be read is reported, never taken for
"nothing published".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ashyq.crawler.parsers.dialog import parse_posts, posts_url
from ashyq.crawler.parsers.fields import Record
from ashyq.crawler.parsers.legalacts import list_url, parse_list
from ashyq.declared.fetch import Fetched, PoliteFetcher

LISTING_RETRIES = 2
MAX_PAGES = 10  # a body that published more than ten pages since the last night: read that far, say so
KEEP_SEEN = 60  # ids kept per listing: enough to find the previous night's newest again
DISCUSSION = "IN_PUBLIC_DISCUSSION"
FINAL_FAILURES = ("robots", "private_address", "offsite")


@dataclass
class PortalActivity:
    """One body's activity on the two portals since the previous night, each item citing its record."""

    drafts: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)  # per draft: new comments since
    blog_posts: list[dict[str, Any]] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # listings that could not be read

    def __bool__(self) -> bool:
        return bool(self.drafts or self.comments or self.blog_posts or self.unread)


Page = Callable[[str, str], list[Record]]


def _read(fetcher: PoliteFetcher, url: str) -> Fetched:
    got = fetcher.fetch(url)
    for _ in range(LISTING_RETRIES):
        if got.status == 200 or got.failure in FINAL_FAILURES:
            break
        got = fetcher.fetch(url)
    return got


def _cite(got: Fetched) -> dict[str, Any]:
    ref = got.warc
    return {"url": got.url, "warc_file": ref.file if ref else None, "warc_record_id": ref.record_id if ref else None}


def _newest_first(
    fetcher: PoliteFetcher, url_of: Callable[[int], str], parse: Page, seen: list[str], first: bool
) -> tuple[list[tuple[Record, Fetched]], list[str], bool]:
    """A newest-first listing read down to an id seen before: the records not seen, the ids to keep,
    and whether it was read."""
    fresh: list[tuple[Record, Fetched]] = []
    known = set(seen)
    for number in range(1, MAX_PAGES + 1):
        got = _read(fetcher, url_of(number))
        if got.status != 200:
            return [], seen, False
        records = [r for r in parse(got.text, got.url) if r.external_id]
        reached = False
        for record in records:
            if record.external_id in known:
                reached = True
                break
            fresh.append((record, got))
        if reached or first or not records:
            break
    ids = [str(r.external_id) for r, _ in fresh]
    return ([] if first else fresh), (ids + [i for i in seen if i not in ids])[:KEEP_SEEN], True


def read_drafts(fetcher: PoliteFetcher, government_id: int, watched: dict[str, Any], out: PortalActivity) -> None:
    """New draft acts of the body, and new comments on its drafts under public discussion."""
    state = watched.setdefault("legalacts", {})
    first = "seen" not in state
    fresh, state_seen, read = _newest_first(
        fetcher, lambda n: list_url(government_id, n), parse_list, list(state.get("seen") or []), first
    )
    if not read:
        out.unread.append(list_url(government_id, 1))
    else:
        state["seen"] = state_seen
        for record, got in fresh:
            payload = record.payload
            out.drafts.append({"id": record.external_id, "title": payload.get("title"), "status": payload.get("status"),
                               "created": payload.get("created"), **_cite(got)})  # fmt: skip
    counts: dict[str, int] = dict(state.get("comments") or {})
    now: dict[str, int] = {}
    for number in range(1, MAX_PAGES + 1):
        got = _read(fetcher, list_url(government_id, number, DISCUSSION))
        if got.status != 200:
            out.unread.append(got.url)
            return
        records = [r for r in parse_list(got.text, got.url) if r.external_id]
        for record in records:
            total = int(record.payload.get("comments") or 0)
            now[str(record.external_id)] = total
            before = counts.get(str(record.external_id), 0)
            if not first and total > before:
                out.comments.append({"draft": record.external_id, "title": record.payload.get("title"),
                                     "new": total - before, "total": total, **_cite(got)})  # fmt: skip
        if len(records) < 5:  # the list shows five cards a page: a shorter page is the last
            break
    state["comments"] = now


def read_blog(fetcher: PoliteFetcher, blog_id: int, watched: dict[str, Any], out: PortalActivity) -> None:
    """The posts of the head's blog since the previous night."""
    state = watched.setdefault("blog", {})
    first = "seen" not in state
    fresh, seen, read = _newest_first(
        fetcher, lambda n: posts_url(blog_id, n), parse_posts, list(state.get("seen") or []), first
    )
    if not read:
        out.unread.append(posts_url(blog_id, 1))
        return
    state["seen"] = seen
    for record, got in fresh:
        out.blog_posts.append({"id": record.external_id, "title": record.payload.get("title"),
                               "date": record.payload.get("date"), **_cite(got)})  # fmt: skip
