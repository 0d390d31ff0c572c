"""Reading a rendered gov.kz page (the DOM after the app ran): links, downloads, the menu, the
language switch. Pure functions of the serialised DOM, so the browser step only renders and the
choices it makes are testable on saved DOMs.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from ashyq.base.text import squash
from ashyq.crawler.items import DownloadRecord, LinkRecord
from ashyq.crawler.parsers.fields import node_text

FILE_EXTENSIONS = ("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "rtf", "zip", "rar", "7z", "csv")
# [GUESS for the live app; the replica's markup] where the section menu and language switch live
MENU_SELECTOR = "nav a[href]"
_SIZE_TEXT = re.compile(r"\(([^()]*\d[^()]*)\)\s*$")


def _lang_of(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("lang")
    return values[0] if values else None


def _without_fragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


def extract_links(html: str, page_url: str, internal_hosts: set[str]) -> list[LinkRecord]:
    sel = Selector(text=html)
    links = []
    for a in sel.css("a[href]"):
        href = a.attrib["href"].strip()
        if not href or href.startswith(("javascript:", "#")):
            continue
        target = urljoin(page_url, href)
        host = urlsplit(target).hostname or ""
        links.append(
            LinkRecord(
                target_url=target,
                anchor_text=node_text(a) or squash(a.attrib.get("aria-label")) or None,
                is_internal=host in internal_hosts,
                rel=a.attrib.get("rel"),
                target=a.attrib.get("target"),
            )
        )
    return links


def file_format(url: str) -> str | None:
    path = urlsplit(url).path.lower()
    ext = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    return ext if ext in FILE_EXTENSIONS else None


def extract_downloads(links: list[LinkRecord]) -> list[DownloadRecord]:
    """Links to files: a known document extension, or an ``/uploads/`` path with one."""
    out: list[DownloadRecord] = []
    seen: set[str] = set()
    for link in links:
        fmt = file_format(link.target_url)
        if fmt is None or link.target_url in seen:
            continue
        seen.add(link.target_url)
        size = _SIZE_TEXT.search(link.anchor_text or "")
        out.append(DownloadRecord(url=link.target_url, format=fmt, declared_size_text=size.group(1) if size else None))
    return out


def entity_prefix(slug: str) -> str:
    return f"/memleket/entities/{slug}"


def _same_entity(url: str, slug: str) -> bool:
    path = urlsplit(url).path.rstrip("/")
    return path == entity_prefix(slug) or path.startswith(entity_prefix(slug) + "/")


def menu_links(html: str, page_url: str, slug: str, lang: str, selector: str = MENU_SELECTOR) -> list[str]:
    """The body's own sections reachable from the page's menus, in the page's language, in order."""
    sel = Selector(text=html)
    out: list[str] = []
    for a in sel.css(selector):
        url = _without_fragment(urljoin(page_url, a.attrib["href"]))
        if _same_entity(url, slug) and _lang_of(url) in (lang, None) and url not in out:
            out.append(url)
    return out


def first_link(html: str, page_url: str, slug: str, lang: str, path_part: str) -> str | None:
    """The first link of this body whose path contains ``path_part`` (a news item, a document …)."""
    sel = Selector(text=html)
    for href in sel.css("a[href]::attr(href)").getall():
        url = _without_fragment(urljoin(page_url, href))
        if _same_entity(url, slug) and path_part in urlsplit(url).path and _lang_of(url) in (lang, None):
            return url
    return None


COUNTERPART = {"kk": "ru", "ru": "kk", "en": "ru"}


def counterpart_url(html: str, page_url: str, lang: str) -> str | None:
    """Where the language switch leads: the link to the other language (kk ↔ ru; en → ru).

    An ``hreflang`` attribute wins; otherwise a link that differs from this page only by ``lang=``.
    """
    other = COUNTERPART.get(lang)
    sel = Selector(text=html)
    if other is None:
        return None
    for a in sel.css(f"a[hreflang='{other}']"):
        return urljoin(page_url, a.attrib["href"])
    here = urlsplit(page_url)
    for href in sel.css("a[href]::attr(href)").getall():
        url = urljoin(page_url, href)
        parts = urlsplit(url)
        if parts.path == here.path and _lang_of(url) == other:
            return url
    return None


def with_lang(url: str, lang: str) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query["lang"] = lang
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
