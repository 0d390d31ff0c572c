"""dialog.egov.kz: a first head's blog — posts, the question archive, conferences and polls (portals.md 5).

Question cards are read by icon (``i.fa-pencil`` number, ``i.fa-tags`` category, ``i.fa-calendar``
date, ``i.fa-eye`` views); a question is answered when ``div.answers#<id>`` exists with text. The
applicant's name (``h3``) is personal data and is not kept.

Conference and poll pages are [GUESS] on the real portal: their URL patterns come from configuration
(see :data:`DEFAULT_EVENT_PATHS`) and their markup is read leniently (``div.event``, ``h3 a``, a date
after ``i.fa-calendar``; a poll's «start – end»).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from ashyq.base.text import squash
from ashyq.crawler.parsers.fields import Record, first_int, iso_or_none, node_text, parse_day

DIALOG = "https://dialog.egov.kz"
DAY_FORMATS = ("%d.%m.%Y",)
_DAY = re.compile(r"\d{2}\.\d{2}\.\d{4}")
# [GUESS] list pages of a blog's conferences and polls; overridable in ashyq/config/crawl.yaml
DEFAULT_EVENT_PATHS: dict[str, str] = {"conference": "/blogs/{blog_id}/conferences", "poll": "/blogs/{blog_id}/polls"}


def posts_url(blog_id: int | str, page: int) -> str:
    return f"{DIALOG}/blogs/{blog_id}/posts?page={page}"


def questions_url(blog_id: int | str, page: int) -> str:
    return f"{DIALOG}/blogs/{blog_id}/questions?page={page}"


def events_url(blog_id: int | str, kind: str, paths: dict[str, str] | None = None) -> str:
    return DIALOG + (paths or DEFAULT_EVENT_PATHS)[kind].format(blog_id=blog_id)


def _icon_text(info: Selector, icon: str) -> str | None:
    item = info.xpath(f".//li[.//i[contains(concat(' ', @class, ' '), ' {icon} ')]]")
    return node_text(item[0]) if item else None


def _last_path_id(url: str) -> str | None:
    tail = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    return tail if tail.isdigit() else None


def _day(text: str | None) -> date | None:
    """The first dd.mm.yyyy date in ``text``."""
    found = _DAY.search(text or "")
    return parse_day(found.group(0) if found else None, DAY_FORMATS)


def _listed(
    html: str, page_url: str, selector: str, kind: str, fields: Callable[[Selector], dict[str, Any]]
) -> list[Record]:
    """The entries of a list page: each titled by an ``h3`` linking to the entry's own page (its id is
    the link's last path segment), with the ``fields`` read off the entry."""
    records = []
    for entry in Selector(text=html).css(selector):
        href = entry.css("h3 a::attr(href)").get()
        url = urljoin(page_url, href) if href else None
        title = node_text(entry.css("h3")[0]) if entry.css("h3") else None
        records.append(Record(kind, _last_path_id(url or ""), {"title": title, "url": url, **fields(entry)}))
    return records


def parse_posts(html: str, page_url: str) -> list[Record]:
    """Blog posts: title link, date (``i.fa-calendar``), the text shown in the list."""

    def fields(post: Selector) -> dict[str, Any]:
        day = _day(_icon_text(post, "fa-calendar"))
        return {"date": iso_or_none(day), "text": node_text(post.xpath("./p")) or None}

    return _listed(html, page_url, "div.blog-post", "blog_post", fields)


def parse_questions(html: str, page_url: str) -> list[Record]:
    """Question cards of ``/blogs/<id>/questions``; answers from the ``div.answers#<id>`` blocks."""
    sel = Selector(text=html)
    answers: dict[str, Selector] = {}
    for block in sel.css("div.answers[id]"):
        answers[block.attrib["id"]] = block
    records = []
    for info in sel.css("ul.blog-info"):
        number_text = _icon_text(info, "fa-pencil")
        if number_text is None:
            continue  # not a question card (a post's date line, say)
        card = info.xpath("..")
        number = first_int(number_text)
        question_id = str(number) if number is not None else None
        readmore = card.css("a.readmore::attr(href)").get()
        # the question text sits between the applicant's h3 and the ul.blog-info
        text = " ".join(node_text(p) for p in card.xpath("./p"))
        answer = answers.get(question_id or "")
        answer_text = " ".join(node_text(p) for p in answer.xpath("./p")) if answer else ""
        answer_info = squash(answer.css(".answer-info::text").get()) if answer else ""
        payload: dict[str, Any] = {
            "number": number,
            "category": squash(_icon_text(info, "fa-tags") or "") or None,
            "date": iso_or_none(_day(_icon_text(info, "fa-calendar"))),
            "views": first_int(_icon_text(info, "fa-eye")),
            "text": squash(text) or None,
            "url": urljoin(page_url, readmore) if readmore else None,
            "answered": bool(answer_text.strip()),
            "answer": squash(answer_text) or None,
            "answer_date": iso_or_none(_day(answer_info)),
        }
        records.append(Record("question", question_id, payload))
    return records


def parse_events(html: str, page_url: str, kind: str) -> list[Record]:
    """Conference or poll list entries: title, link, date or «start – end»."""

    def fields(event: Selector) -> dict[str, Any]:
        days = _DAY.findall(_icon_text(event, "fa-calendar") or "")
        start = parse_day(days[0], DAY_FORMATS) if days else None
        end = parse_day(days[-1], DAY_FORMATS) if len(days) > 1 else None
        return {"start": iso_or_none(start), "end": iso_or_none(end)}

    return _listed(html, page_url, "div.event", kind, fields)


def parse_poll_options(html: str) -> list[dict[str, Any]]:
    """A poll card's options and votes (``li.poll-option`` with ``span.votes``)."""
    sel = Selector(text=html)
    options = []
    for option in sel.css("li.poll-option"):
        votes = option.css("span.votes")
        label = squash(" ".join(option.xpath("./text()").getall()))
        options.append({"option": label, "votes": first_int(node_text(votes[0])) if votes else None})
    return options
