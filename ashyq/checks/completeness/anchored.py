"""A page's anchored parts: the sections of a long page that the site's menu links by their ``#id``.

Small bodies' sites are often one long page per language whose menu leads to its own parts («Бюджет» →
``#budzhet``, «Мемлекеттік сатып алу» → ``#satyp-alu``), each a ``<section>`` (``<article>``, ``<div>``)
under its heading. A reader following the menu item arrives at that part and reads it as the section's page;
read as one unit, the whole long page would be the page of every section its menu names, and a law cited in
«О нас» would show the procurement section's act. Such a part is read as a place of its own
(:func:`anchored_parts`): its heading is its title, the labels of the links to its anchor (the page's menu,
another page's menu item ``/ru/#finansy``, a table of contents on the page) are the labels it is linked by. The
linked parts' siblings of their kind, anchored and headed, that the menu leaves out («Пайдалы сілтемелер» below the
last menu item's part) are parts too, found by their headings.

A page is cut so only where its content is nothing but its parts (no heading of its own above its first part, the
site's header, menu and footer aside): a section page titled by its own heading over tabs or a table of contents is
read whole, as before. What is no part: an anchor on the page's whole content or body (a skip link «Перейти к основному
содержанию» to ``#content``, a back-to-top link «Наверх ↑» to ``#top``), an element holding another part, one
without a heading, a heading's own anchor, and the chapters, articles and numbered points of one legal act listed by
its table of contents («Глава 1», «1-бап», «3. …»): those are the act's text, read on the act's page. A page is cut
so only when at least :data:`MIN_PARTS` of its parts are linked.

Pure functions of the parsed HTML; nothing here is a site's word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from ashyq.base.routes import route_fragment, without_anchor
from ashyq.base.text import squash

PART_TAGS = frozenset({"section", "article", "div"})
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
MIN_PARTS = 2
# the heading of a legal act's chapter, section, article or numbered point: a table of contents of one act
ACT_PART = re.compile(
    r"^\s*(?:(?:\d+|[ivxlc]+)\s*[.)-]|(?:глава|статья|раздел|параграф|пункт|приложение)\s+\d|"
    r"\d+\s*-?\s*(?:тарау|бап|бөлім|параграф|тармақ|қосымша))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Part:
    anchor: str  # the element's id, as written
    heading: str  # its first heading, as written (squashed)
    html: str  # the element's HTML
    labels: tuple[str, ...]  # the page's own links to it, their labels as written
    holds_h1: bool  # the page's first ``h1`` is its heading: the page's title is not its own


def _fragment(href: str, page: str) -> str | None:
    """The anchor an in-page link names (``#budzhet``, or the page's own address with it), or None."""
    href = href.strip()
    if "#" not in href or route_fragment(href if href.startswith("http") else f"http://x/{href}") is not None:
        return None  # no anchor, or a single-page app's route (``#!/kk/x``), which is a page
    target = urljoin(page, href) if page.startswith("http") else href
    if not href.startswith("#") and without_anchor(target).rstrip("/") != without_anchor(page).rstrip("/"):
        return None
    fragment = unquote(urlsplit(target).fragment).strip()
    return fragment or None


def _heading(element: Any) -> Any | None:
    return next(iter(element.iter(*HEADINGS)), None)


def anchored_parts(root: Any, url: str) -> tuple[Part, ...]:
    """The parts of a parsed page that its own links lead to by their anchors (see the module's notes); none
    where fewer than :data:`MIN_PARTS` are, or where their headings are those of one act's chapters and points.
    The tree is not changed."""
    labels: dict[str, list[str]] = {}
    for link in root.iter("a"):
        fragment = _fragment(str(link.get("href") or ""), url)
        label = squash(" ".join(link.itertext()))
        if fragment and label:
            labels.setdefault(fragment, []).append(label)
    if len(labels) < MIN_PARTS:
        return ()
    elements = {}
    for element in root.iter(*PART_TAGS):
        anchor = element.get("id")
        if anchor in labels and anchor not in elements:
            elements[anchor] = element
    # an element holding another linked one is a frame (the page's content), not a part
    kept = {
        anchor: element
        for anchor, element in elements.items()
        if _heading(element) is not None
        and not any(other is not element and other in element.iterdescendants() for other in elements.values())
    }
    if len(kept) < MIN_PARTS:
        return ()
    # the linked parts' siblings of their kind, anchored and headed, are the page's parts the menu leaves out
    for element in list(kept.values()):
        parent = element.getparent()
        for sibling in parent if parent is not None else ():
            anchor = sibling.get("id") if isinstance(sibling.tag, str) and sibling.tag == element.tag else None
            if anchor and anchor not in kept and _heading(sibling) is not None:
                kept[anchor] = sibling
    if _own_heading(root, kept.values()):
        return ()
    first_h1 = root.find(".//h1")
    order = {id(e): n for n, e in enumerate(root.iter())}
    parts = []
    for anchor, element in sorted(kept.items(), key=lambda item: order.get(id(item[1]), 0)):
        heading = _heading(element)
        parts.append(
            Part(
                anchor,
                squash(" ".join(heading.itertext())) if heading is not None else "",
                lxml.html.tostring(element, encoding="unicode"),
                tuple(dict.fromkeys(labels.get(anchor, ()))),
                first_h1 is not None and element in first_h1.iterancestors(),
            )
        )
    if sum(bool(ACT_PART.match(p.heading)) for p in parts) * 2 >= len(parts):
        return ()  # one act's table of contents: its chapters and points are its text
    return tuple(parts)


FRAME = frozenset({"nav", "header", "footer", "aside"})


def _own_heading(root: Any, parts: Iterable[Any]) -> bool:
    """Whether the page's content is titled by a heading of its own above its parts (a section page's title over its
    tabs or its table of contents): then the page is read whole, as it is titled; a page that is nothing but its
    parts under the site's frame is cut into them."""
    inside = set(parts)
    for element in root.iter():
        if element in inside:
            return False  # the first part comes before any heading of the page's own
        if isinstance(element.tag, str) and element.tag in HEADINGS:
            ancestors = [a for a in element.iterancestors() if isinstance(a.tag, str)]
            if not any(a.tag in FRAME for a in ancestors):
                return True
    return False


def part_address(url: str, anchor: str) -> str:
    """The address of a page's part: the page's, with the part's anchor."""
    return f"{without_anchor(url)}#{anchor}"
