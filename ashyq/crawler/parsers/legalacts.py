"""legalacts.egov.kz: list cards, document cards, earlier versions and comments (portals.md 4).

List pages hold five ``div.contentlist`` cards and ``totalPages: N`` in an inline script. A card's
counters sit in ``div.tags`` as icon spans followed by bare numbers; the not-accepted count stands
*after* its ``</span>``, so counters are read by walking the text nodes in order.
Comment timestamps carry no year (``10/09 - 11:05``): they are kept raw, with day and month.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode, urljoin

from parsel import Selector

from ashyq.base.text import squash
from ashyq.crawler.parsers.fields import Record, first_int, iso_or_none, node_text, parse_day, parse_moment, query_value

LEGALACTS = "https://legalacts.egov.kz"
# Consultative documents of regulatory policy (КДРП): the two NPA types of /list?types[…]=7001,7002.
CONSULTATIVE_TYPES = (7001, 7002)
DAY_FORMATS = ("%d/%m/%Y", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d")
MOMENT_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S.%f")
_COMMENT_TIME = re.compile(r"(\d{2})/(\d{2})\s*-\s*(\d{2}):(\d{2})")

# Header labels of list and document cards, Russian and Kazakh, → payload key.
LABELS: dict[str, str] = {
    "статус": "status",
    "мәртебесі": "status",
    "версия проекта": "version",
    "жоба нұсқасы": "version",
    "тип нпа": "type",
    "нқа түрі": "type",
    "дата создания": "created",
    "құрылған күні": "created",
    "публичное обсуждение до": "discussion_until",
    "жария талқылау мерзімі": "discussion_until",
    "дата запуска онлайн-обсуждения": "online_start",
    "онлайн-талқылаудың басталу күні": "online_start",
    "дата окончания онлайн-обсуждения": "online_end",
    "онлайн-талқылаудың аяқталу күні": "online_end",
    "краткое содержание": "summary",
    "қысқаша мазмұны": "summary",
}
DATE_KEYS = ("created", "discussion_until")
MOMENT_KEYS = ("online_start", "online_end")


def list_url(government_id: int | str, page: int, status: str | None = None) -> str:
    query: dict[str, Any] = {"governmentId": government_id}
    if status:
        query["status"] = status
    query["page"] = page
    return f"{LEGALACTS}/list?{urlencode(query)}"


def consultative_list_url(government_id: int | str, page: int) -> str:
    query: list[tuple[str, Any]] = [(f"types[{n}]", t) for n, t in enumerate(CONSULTATIVE_TYPES)]
    query += [("governmentId", government_id), ("page", page)]
    return f"{LEGALACTS}/list?{urlencode(query)}"


def card_url(draft_id: str, channel: int | None = None) -> str:
    query: dict[str, Any] = {"id": draft_id}
    if channel is not None and channel != 6:
        query["typeComment"] = channel
    return f"{LEGALACTS}/npa/view?{urlencode(query)}"


def _label_key(label: str) -> str | None:
    return LABELS.get(squash(label).rstrip(":").strip().lower())


def _normalise_dates(fields: dict[str, Any]) -> dict[str, Any]:
    for key in DATE_KEYS:
        if key in fields:
            fields[f"{key}_raw"] = fields[key]
            fields[key] = iso_or_none(parse_day(fields[key], DAY_FORMATS))
    for key in MOMENT_KEYS:
        if key in fields:
            fields[f"{key}_raw"] = fields[key]
            fields[key] = iso_or_none(parse_moment(fields[key], MOMENT_FORMATS))
    return fields


def _info_fields(info: Selector) -> dict[str, Any]:
    """``<strong>Label:</strong> value<br/>`` pairs of a list card's ``div.info``."""
    fields: dict[str, Any] = {}
    current: str | None = None
    for node in info.xpath("./node()"):
        name = node.xpath("name()").get()
        if name == "strong":
            current = _label_key(node_text(node))
            continue
        if name == "br":
            continue
        text = squash(node.get() if name is None else node_text(node))
        if current and text:
            fields[current] = squash(f"{fields.get(current, '')} {text}")
    return fields


def _tag_counters(tags: Selector) -> dict[str, Any]:
    """Walk ``div.tags`` in document order: each icon names the number or text that follows it."""
    order: list[tuple[str, str]] = []  # (marker, text)
    marker = ""
    for node in tags.xpath(".//node()"):
        name = node.xpath("name()").get()
        if name in ("span", "i"):
            classes = set((node.attrib.get("class") or "").split())
            for icon, key in (
                ("icon1", "comments"),
                ("icon2", "developer"),
                ("icon3", "likes"),
                ("icon4", "dislikes"),
                ("icon5", "views"),
                ("fa-check-square", "accepted"),
                ("fa-times-circle", "rejected"),
            ):
                if icon in classes:
                    marker = key
        elif name is None and marker:
            text = squash(node.get())
            if text:
                order.append((marker, text))
                marker = ""
    out: dict[str, Any] = {}
    for key, text in order:
        out[key] = text if key == "developer" else first_int(text)
    return out


def parse_list(html: str, page_url: str) -> list[Record]:
    sel = Selector(text=html)
    records = []
    for card in sel.css("div.contentlist"):
        href = card.css("h3 a::attr(href)").get() or ""
        url = urljoin(page_url, href)
        draft_id = query_value(url, "id")
        fields = _normalise_dates(_info_fields(card.css("div.info")[0])) if card.css("div.info") else {}
        counters = _tag_counters(card.css("div.tags")[0]) if card.css("div.tags") else {}
        docx = card.css("div.readmore a[href*='downloadnpa']::attr(href)").get()
        payload = {
            "title": node_text(card.css("h3")[0]) if card.css("h3") else None,
            "url": url,
            **fields,
            **counters,
            "docx_url": urljoin(page_url, docx) if docx else None,
        }
        records.append(Record("draft", draft_id, payload))
    return records


def _small_fields(view: Selector) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for small in view.css("small"):
        label = node_text(small.css("b")[0]) if small.css("b") else ""
        key = _label_key(label)
        if key:
            fields[key] = squash(node_text(small)[len(label) :])
    return fields


def previous_version_url(html: str, page_url: str) -> str | None:
    """The «Версия проекта:» link to the previous version (``/application/viewcardhistory?id=``)."""
    sel = Selector(text=html)
    href = sel.css(".view-npa small a[href*='viewcardhistory']::attr(href)").get()
    return urljoin(page_url, href) if href else None


def _comment(media: Selector, page_url: str, channel: int) -> Record:
    body = media.xpath("./div[contains(@class, 'media-body')]")
    headings = body.xpath("./h4[contains(@class, 'media-heading')]")
    when = _COMMENT_TIME.search(node_text(headings[1])) if len(headings) > 1 else None
    status = None
    if body.xpath("./h4//i[contains(@class, 'fa-check-square')]"):
        status = "accepted"
    elif body.xpath("./h4//i[contains(@class, 'fa-times-circle')]"):
        status = "rejected"
    text = body.xpath("./p[@id]")
    comment_id = text[0].attrib["id"] if text else None
    answer_node = body.xpath("./div[contains(@class, 'media') and contains(@style, 'margin-left')]/div")
    answer: dict[str, Any] | None = None
    if answer_node:
        heading = answer_node.xpath("./h4")
        answer_when = _COMMENT_TIME.search(node_text(heading[0])) if heading else None
        answer_p = answer_node.xpath("./p")
        answer = {
            "id": answer_p[0].attrib.get("id") if answer_p else None,
            "author": squash(" ".join(heading[0].xpath("./text()").getall())) if heading else None,
            "time_raw": answer_when.group(0) if answer_when else None,
            "text": node_text(answer_p[0]) if answer_p else None,
        }
    row_link = body.xpath("./h4//a[@npa-id]/@npa-id").get()
    payload = {
        "author": node_text(headings[0]) if headings else None,
        "time_raw": when.group(0) if when else None,
        "day_month": f"{when.group(1)}-{when.group(2)}" if when else None,
        "status": status,
        "text": node_text(text[0]) if text else None,
        "row": row_link,
        "channel": channel,
        "answered": answer is not None and bool(answer.get("text")),
        "answer": answer,
        "card_url": page_url,
    }
    return Record("comment", comment_id, payload)


def parse_card(html: str, page_url: str, channel: int = 6) -> list[Record]:
    """A document card → ``draft_card`` (header, counters, governmentId), ``attachment``s, ``comment``s."""
    sel = Selector(text=html)
    draft_id = query_value(page_url, "id")
    view = sel.css(".view-npa")
    fields = _normalise_dates(_small_fields(view[0])) if view else {}
    government = sel.css("ul.breadcrumb a[href*='governmentId=']::attr(href)").get()
    government_id = query_value(government or "", "governmentId")
    info = sel.css("ul.blog-info")
    counters: dict[str, Any] = {}
    if info:
        ul = info[0]
        counters = {
            "comments": first_int(node_text(ul.xpath(".//li[.//i[contains(@class, 'fa-comments')]]"))),
            "developer": squash(ul.css(".gov-parent::text").get()) or None,
            "likes": first_int(ul.css("[class^='likeCount-']::text").get()),
            "dislikes": first_int(ul.css("[class^='dislikeCount-']::text").get()),
            "views": first_int(node_text(ul.xpath(".//li[.//i[contains(@class, 'fa-eye')]]"))),
            "accepted": first_int(node_text(ul.xpath(".//li[.//i[contains(@class, 'fa-check-square')]]"))),
            "rejected": first_int(node_text(ul.xpath(".//li[.//i[contains(@class, 'fa-times-circle')]]"))),
        }
    attachments = []
    for n, item in enumerate(sel.css("ul.conceptFiles li"), start=1):
        href = item.css("a::attr(href)").get()
        url = urljoin(page_url, href) if href else None
        external = query_value(url or "", "id") or f"{draft_id}-{n}"
        name = squash(" ".join(item.css("label ::text").getall())) or node_text(item)
        attachments.append(Record("attachment", external, {"draft": draft_id, "name": name, "url": url}))
    previous = previous_version_url(html, page_url)
    card = Record(
        "draft_card",
        draft_id,
        {
            "title": node_text(view[0].css("h2")[0]) if view and view[0].css("h2") else None,
            **fields,
            **counters,
            "government_id": government_id,
            "attachment_count": len(attachments),
            "previous_version_url": previous,
            "url": page_url,
        },
    )
    comments = [_comment(media, page_url, channel) for media in sel.css(".main-comments > .media")]
    for comment in comments:
        comment.payload["draft"] = draft_id
    return [card, *attachments, *comments]


def parse_version(html: str, page_url: str, draft_id: str | None) -> Record:
    """An earlier version (``/application/viewcardhistory?id=``): header fields, files, older link."""
    sel = Selector(text=html)
    history_id = query_value(page_url, "id")
    view = sel.css(".view-npa")
    fields = _normalise_dates(_small_fields(view[0])) if view else {}
    number = first_int(fields.get("version"))
    return Record(
        "version",
        history_id,
        {
            "draft": draft_id,
            "number": number,
            **fields,
            "attachments": [urljoin(page_url, h) for h in sel.css("ul.conceptFiles a::attr(href)").getall()],
            "previous_version_url": previous_version_url(html, page_url),
            "url": page_url,
        },
    )
