"""budget.egov.kz: a body's search results and its budget-programme cards (portals.md 3).

The search lists programme cards (``/budgetprogram/budgetprogram``) and other materials; a card has
the tabs ``div#tab-PROJECT|APPROVED|REPORT`` of label/value ``td`` pairs, per-field comments, and a
file table after the ``<!-- filelist -->`` comment (title, date, link).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from parsel import Selector

from ashyq.base.text import squash
from ashyq.crawler.parsers.fields import (
    Record,
    iso_or_none,
    node_text,
    parse_day,
    parse_moment,
    query_value,
    total_pages,
)

BUDGET = "https://budget.egov.kz"
TABS = ("PROJECT", "APPROVED", "REPORT")
DAY_FORMATS = ("%d.%m.%Y",)
MOMENT_FORMATS = ("%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y")


def search_url(agency_id: int | str, page: int) -> str:
    query = {"budgetStatus": "ALL", "govAgencyId": agency_id, "page": page, "searchType": "ALL"}
    return f"{BUDGET}/application/search?{urlencode(query)}"


@dataclass
class SearchPage:
    programme_urls: list[str]
    materials: list[Record]
    total_pages: int | None
    restricted_notice: str | None


def is_programme_url(url: str) -> bool:
    return urlsplit(url).path.rstrip("/").endswith("/budgetprogram/budgetprogram")


def parse_search(html: str, page_url: str) -> SearchPage:
    """Links in ``h2 > a``: programme cards are followed; other results are kept as materials."""
    sel = Selector(text=html)
    programmes: list[str] = []
    materials: list[Record] = []
    for link in sel.css("h2 > a[href]"):
        url = urljoin(page_url, link.attrib["href"])
        if is_programme_url(url):
            programmes.append(url)
            continue
        container = link.xpath("ancestor::*[contains(concat(' ', @class, ' '), ' search-result ')][1]")
        kind = squash(container.css(".type::text").get()) if container else ""
        day = parse_day(container.css(".date::text").get(), DAY_FORMATS) if container else None
        external = query_value(url, "documentId", "id") or url
        materials.append(
            Record("material", external, {"title": node_text(link), "url": url, "type": kind, "date": iso_or_none(day)})
        )
    notice = sel.css(".restricted")
    return SearchPage(programmes, materials, total_pages(html), node_text(notice[0]) if notice else None)


def _comments(cell: Selector, tab: str, field_label: str, card_url: str) -> list[Record]:
    out: list[Record] = []
    for block in cell.css("div.comment"):
        raw_id = block.attrib.get("id", "")
        answer = block.css("div.comment-answer")
        payload: dict[str, Any] = {
            "tab": tab,
            "field": field_label,
            "field_key": cell.css("div.field-comments::attr(data-field)").get(),
            "author": squash(block.css(".comment-author::text").get()),
            "date": iso_or_none(parse_moment(block.css(".comment-date::text").get(), MOMENT_FORMATS)),
            "status": squash(block.css(".comment-status::text").get()) or None,
            "text": node_text(block.css("p.comment-text")),
            "answered": bool(answer),
            "answer_author": squash(answer.css(".answer-author::text").get()) or None if answer else None,
            "answer_date": iso_or_none(parse_moment(answer.css(".answer-date::text").get(), MOMENT_FORMATS))
            if answer
            else None,
            "answer": node_text(answer.css("p.answer-text")) or None if answer else None,
            "card_url": card_url,
        }
        out.append(Record("comment", re.sub(r"^comment-", "", raw_id) or None, payload))
    return out


def _tab_fields(sel: Selector, tab: str) -> list[dict[str, str]]:
    fields = []
    for row in sel.css(f"div#tab-{tab} table > tbody > tr"):
        cells = row.xpath("./td")
        if len(cells) < 2:
            continue
        value_cell = cells[1]
        # the value is the cell's own text, without the «Комментировать» link and the comments
        value = squash(" ".join(value_cell.xpath("./text()").getall()))
        fields.append({"label": node_text(cells[0]), "value": value})
    return fields


def file_rows(html: str, page_url: str) -> list[dict[str, Any]]:
    """The rows of the table after ``<!-- filelist -->``: title, date, download link."""
    marker = html.find("<!-- filelist -->")
    if marker < 0:
        return []
    sel = Selector(text=html[marker:])
    table = sel.css("table")
    rows = []
    for row in table[0].css("tbody tr") if table else []:
        cells = row.xpath("./td")
        if len(cells) < 3:
            continue
        href = cells[2].css("a::attr(href)").get()
        rows.append(
            {
                "title": node_text(cells[0]),
                "date": iso_or_none(parse_day(node_text(cells[1]), DAY_FORMATS)),
                "url": urljoin(page_url, href) if href else None,
            }
        )
    return rows


def parse_programme(html: str, card_url: str) -> list[Record]:
    """A programme card → one ``programme`` record, its ``file`` records and its ``comment`` records."""
    sel = Selector(text=html)
    budget_id = query_value(card_url, "budgetId") or card_url
    tabs = {tab: _tab_fields(sel, tab) for tab in TABS if sel.css(f"div#tab-{tab}")}
    restricted = sel.css(".restricted")
    files = file_rows(html, card_url)
    programme = Record(
        "programme",
        budget_id,
        {
            "title": node_text(sel.css("h1")[0]) if sel.css("h1") else None,
            "gov_agency_id": query_value(card_url, "govAgencyId"),
            "tabs": tabs,
            "restricted_notice": node_text(restricted[0]) if restricted else None,
            "file_count": len(files),
            "url": card_url,
        },
    )
    records = [programme]
    for n, file_row in enumerate(files, start=1):
        external = query_value(file_row["url"] or "", "id") or f"{budget_id}-{n}"
        records.append(Record("file", external, {**file_row, "programme": budget_id, "card_url": card_url}))
    for tab in TABS:
        for row in sel.css(f"div#tab-{tab} table > tbody > tr"):
            cells = row.xpath("./td")
            if len(cells) >= 2:
                records.extend(_comments(cells[1], tab, node_text(cells[0]), card_url))
    return records


def parse_material(html: str, card_url: str) -> list[Record]:
    """[GUESS: the replica's material card] ``table.document-info`` label/value rows and its file list."""
    sel = Selector(text=html)
    document_id = query_value(card_url, "documentId", "id") or card_url
    info = sel.css("table.document-info")
    info_rows = {
        node_text(row.xpath("./td[1]")): node_text(row.xpath("./td[2]"))
        for row in (info[0].css("tbody tr") if info else [])
    }
    files = file_rows(html, card_url)
    material = Record(
        "material",
        document_id,
        {
            "title": node_text(sel.css("h1")[0]) if sel.css("h1") else None,
            "kind": info[0].attrib.get("data-kind") if info else None,
            "info": info_rows,
            "files": files,
            "url": card_url,
        },
    )
    records = [material]
    for n, file_row in enumerate(files, start=1):
        external = query_value(file_row["url"] or "", "id") or f"{document_id}-{n}"
        records.append(Record("file", external, {**file_row, "material": document_id, "card_url": card_url}))
    return records
