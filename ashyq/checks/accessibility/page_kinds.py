"""What kind of page a harvested page is, read off what it shows and its markup: an information
material (a news item, a document's page) for row 2.8, the text of a legal act for row 2.7.

Addresses are what a site's builder chose and the next site chooses another
(``index.php?option=com_content&view=article&id=34``, ``/pages/sheshim``): a page's kind is read
first from its markup (schema.org's ``Article`` and its kinds, Open Graph's ``article``), then from
what the reader sees (a label of the date of posting with its date; an act's resolving formula and
its numbered points), and only then from the address patterns of the settings.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ashyq.base.routes import without_anchor
from ashyq.base.text import element_text
from ashyq.checks.accessibility.website import Parsed, is_material
from ashyq.config.check_settings import labels, pattern

# schema.org types of one posted item (https://schema.org/Article and its subtypes, a report, a legal act)
ITEM_TYPES = frozenset(
    (
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "blogposting",
        "report",
        "legislation",
        "digitaldocument",
    )
)


CONTENT_SELECTORS = ("main", "article", "#content", ".content")


def content_element(parsed: Parsed) -> Any | None:
    """The element holding the page's own content (its ``main``, ``article`` or content block), or None."""
    for selector in CONTENT_SELECTORS:
        found = parsed.select(selector)
        if found:
            return found[0]
    return None


def content_text(parsed: Parsed) -> str:
    """The page's own content (its ``main``, ``article`` or content block), else its whole text."""
    element = content_element(parsed)
    return parsed.text() if element is None else element_text(element)


def _declared_types(parsed: Parsed) -> list[str]:
    """The schema.org types the page declares, in microdata (``itemtype``) and in JSON-LD."""
    types = [
        t.rstrip("/").rsplit("/", 1)[-1].lower()
        for e in parsed.root.iter()
        if isinstance(e.tag, str) and e.get("itemtype")
        for t in (e.get("itemtype") or "").split()
    ]
    for script in parsed.root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "null")
        except ValueError:
            continue
        for node in data if isinstance(data, list) else [data]:
            declared = node.get("@type") if isinstance(node, dict) else None
            for t in declared if isinstance(declared, list) else [declared]:
                if isinstance(t, str):
                    types.append(t.lower())
    return types


def item_by_markup(parsed: Parsed) -> bool:
    """The markup says the page is one posted item: exactly one schema.org ``Article`` (or a kind of
    it), or Open Graph's ``og:type`` ``article`` / an ``article:published_time``. Two items or more
    make it a list of items (a blog layout of a category), not an item's page."""
    items = sum(1 for t in _declared_types(parsed) if t in ITEM_TYPES)
    if items:
        return items == 1
    for meta in parsed.root.iter("meta"):
        prop = (meta.get("property") or meta.get("name") or "").lower()
        if prop == "og:type" and (meta.get("content") or "").lower() == "article":
            return True
        if prop == "article:published_time":
            return True
    return single_entry(parsed)


_ENTRY = "self::article or contains(concat(' ', normalize-space(@class), ' '), ' hentry ')"
_PUBLISHED = (
    ".//time | .//*[@itemprop='datePublished']"
    " | .//*[contains(concat(' ', normalize-space(@class), ' '), ' published ')]"
)


def _content(parsed: Parsed) -> Any | None:
    for selector in ("main", "#content", ".content"):
        found = parsed.select(selector)
        if found:
            return found[0]
    return None


def _headings_away(element: Any, parsed: Parsed) -> int:
    """The headings of ``element`` that link to another page (a listing's entries link their titles)."""
    own = parsed.page.final_url or parsed.page.url
    return sum(
        1
        for h in element.xpath(".//*[self::h1 or self::h2 or self::h3 or self::h4][.//a[@href]]")
        if any(without_anchor(parsed.absolute(a.get("href", ""))) != own for a in h.iter("a") if a.get("href"))
    )


def single_entry(parsed: Parsed) -> bool:
    """HTML's own markup of one posted item: the content holds one ``article`` (or hAtom ``hentry``)
    with its date of posting marked (``time``, ``datePublished``, hAtom's ``published``) and a title
    that does not link away — the entry's own page, as a blog engine or a CMS draws a post; or, with no
    entry marked, one title (``h1``) and one ``time`` with its ``datetime``."""
    content = _content(parsed)
    if content is None:
        return False
    entries = content.xpath(f".//*[{_ENTRY}][not(ancestor::*[{_ENTRY}])]")
    if not entries:
        # no entry marked (a website builder's post): one title and one time of posting marked in the content,
        # no heading linking away
        one = len(content.xpath(".//h1")) == 1 and len(content.xpath(".//time[@datetime]")) == 1
        return one and not _headings_away(content, parsed)
    if len(entries) != 1:
        return False
    return bool(entries[0].xpath(_PUBLISHED)) and not _headings_away(entries[0], parsed)


def posting_dates(text: str, config: dict[str, Any]) -> int:
    """How many dates of posting the text shows: a posting word («Дата публикации», «Жарияланды» …)
    with a date right after it."""
    date, lowered, found = pattern(config, "date"), text.lower(), 0
    for word in labels(config, "published"):
        at = lowered.find(word.lower())
        while at >= 0:
            if date.search(text[at + len(word) : at + len(word) + 40]):
                found += 1
            at = lowered.find(word.lower(), at + 1)
    return found


_PAGER = re.compile(r"\b(pagination|pager|page-numbers|posts-navigation|nav-links|paging)\b", re.I)


def _paged(parsed: Parsed) -> bool:
    """The page is one page of a paged listing: a link to the next or previous page (``rel``), or a
    block the template names a pager."""
    if parsed.root.xpath("//a[@rel='next' or @rel='prev'] | //link[@rel='next' or @rel='prev']"):
        return True
    return any(_PAGER.search(e.get("class") or "") for e in parsed.root.iter() if isinstance(e.tag, str))


def lists_items(parsed: Parsed) -> bool:
    """The page's content lists items rather than being one: two headings or more that link away (a
    category's blog layout, a news feed), even where the template marks the whole page an Article;
    or one such heading on a page of a paged listing (the last page of a category may hold one entry)."""
    for selector in ("main", "article", "#content", ".content"):
        found = parsed.select(selector)
        if found:
            linked = len(found[0].xpath(".//*[self::h2 or self::h3 or self::h4][.//a[@href]]"))
            return linked >= 2 or (linked == 1 and _headings_away(found[0], parsed) == 1 and _paged(parsed))
    return False


def information_materials(pages: list[Parsed], config: dict[str, Any]) -> list[Parsed]:
    """Row 2.8's information materials: the pages whose markup says they are one posted item, and
    those the settings' address patterns name (a news item, a document's page); a page that lists items
    is none. When neither finds one, the pages that show the reader one date of posting under its
    label: a site with no markup and an address scheme nobody listed still shows when each piece of
    information was posted."""
    items = [p for p in pages if (item_by_markup(p) or is_material(p.page, config)) and not lists_items(p)]
    if items:
        return items
    return [p for p in pages if posting_dates(content_text(p), config) == 1]


_NOT_TEXT = frozenset(("script", "style", "noscript", "template"))
_SIDE = re.compile(r"\b(aside|sidebar|side-?col\w*|side-?bar)\b", re.I)


def own_text(parsed: Parsed) -> str:
    """The page's text without its side columns (``aside``, ``role=complementary``, a block whose id or
    class says aside or sidebar): what a side module says («Сайттағы соңғы өзгерістер 19.11.2026 …», the
    latest changes of other pages) is not said of this page."""
    out: list[str] = []

    def walk(element: Any) -> None:
        for child in element:
            if isinstance(child.tag, str):
                side = child.tag == "aside" or child.get("role") == "complementary"
                side = side or bool(_SIDE.search(f"{child.get('id') or ''} {child.get('class') or ''}"))
                if child.tag not in _NOT_TEXT and not side:
                    out.append(child.text or "")
                    walk(child)
            out.append(child.tail or "")

    body = parsed.root.find("body")
    root = body if body is not None else parsed.root
    out.append(root.text or "")
    walk(root)
    return " ".join(" ".join(out).split())


ACT_CLAUSE_CHARS = 20  # a resolution written as a clause: at least a few words


def act_text(text: str, config: dict[str, Any]) -> bool:
    """The text of a legal act, by what it says: the act's resolving formula («РЕШИЛ», «ПОСТАНОВЛЯЕТ»,
    «ПРИКАЗЫВАЮ»; «ШЕШІМ ҚАБЫЛДАДЫ», «ҚАУЛЫ ЕТЕДІ», «БҰЙЫРАМЫН») followed by at least three numbered
    points («1. …», «2. …», «3. …»), or by at least three resolutions written as clauses joined by «;»
    without numbers («ПОСТАНОВЛЯЕТ: утвердить …; обеспечить …; возложить …»). A list of acts names acts;
    it does not resolve."""
    formula = pattern(config, "act_formula").search(text)
    if formula is None:
        return False
    clauses = [c for c in text[formula.end() :].split(";") if len(c.strip()) >= ACT_CLAUSE_CHARS]
    if len(clauses) >= 3:
        return True
    numbers = [int(m.group(1)) for m in re.finditer(r"(?:^|[\s;:.])(\d{1,3})[.)]\s+\S", text[formula.end() :])]
    expected, points = 1, 0
    for n in numbers:
        if n == expected:
            points, expected = points + 1, expected + 1
    return points >= 3
