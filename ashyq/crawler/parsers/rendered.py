"""Reading a rendered gov.kz page (the DOM after the app ran): links, downloads, the menu, the
language switch. Pure functions of the serialised DOM, so the browser step only renders and the
choices it makes are testable on saved DOMs.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from ashyq.base.home_page import under_prefix
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
    """An address of the entity's own: under its folder of the platform's host (the rule that scopes any
    body's site under a larger host, :func:`ashyq.base.home_page.under_prefix`)."""
    return under_prefix(url, entity_prefix(slug))


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
    found = links_to(html, page_url, slug, lang, path_part)
    return found[0] if found else None


def links_to(html: str, page_url: str, slug: str, lang: str, path_part: str) -> list[str]:
    """Every link of this body in the page's language whose path contains ``path_part``, in the
    page's order (a list the platform draws newest first keeps that order)."""
    sel = Selector(text=html)
    out: list[str] = []
    for href in sel.css("a[href]::attr(href)").getall():
        url = _without_fragment(urljoin(page_url, href))
        own = _same_entity(url, slug) and path_part in urlsplit(url).path and _lang_of(url) in (lang, None)
        if own and url not in out:
            out.append(url)
    return out


def own_link_targets(html: str, page_url: str, slug: str) -> tuple[list[str], list[str]]:
    """The pages of this body the page links to, in any language: those of its language switch
    (``hreflang``), and the others in the page's order."""
    sel = Selector(text=html)
    here = _without_fragment(page_url)
    switch: list[str] = []
    others: list[str] = []
    for a in sel.css("a[href]"):
        url = _without_fragment(urljoin(page_url, a.attrib["href"]))
        if not _same_entity(url, slug) or url == here or url in switch or url in others:
            continue
        (switch if "hreflang" in a.attrib else others).append(url)
    return switch, others


def not_found_heading(html: str, markers: list[str] | tuple[str, ...]) -> str | None:
    """The platform's own "page not found" drawn on a 200 answer: the page's main heading, or its title
    before the site's name, is one of ``markers`` (compared without case and spacing). None: a page."""
    wanted = {squash(m).casefold() for m in markers if squash(m)}
    if not wanted:
        return None
    sel = Selector(text=html)
    headings = [node_text(h) for h in sel.css("main h1, h1")[:1]]
    title = squash(sel.css("title::text").get() or "").split(" | ", 1)[0]
    for text in [*headings, title]:
        if text and squash(text).casefold() in wanted:
            return squash(text)
    return None


def lang_of(url: str) -> str | None:
    """The language a gov.kz address asks for (``?lang=``)."""
    return _lang_of(url)


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
