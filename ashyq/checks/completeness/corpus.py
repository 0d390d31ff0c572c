"""What the content checks read, as one list of *units* per language.

A unit is one thing a visitor can read: a harvested page, a mobile rendering, or a gov.kz API
record (menu page, document, news item, leader, contacts, event). gov.kz serves an empty React
shell, so there the API records are the content and decide presence better than any DOM; a
classic site has only pages. Every unit keeps its origin, so a finding can point at the page's
archived capture or the record's JSON path.

A unit is read as a reader reads it: its title, its content in blocks under headings
(:mod:`ashyq.checks.completeness.page_blocks`), the links it offers with their labels, and the labels
under which the other pages link to it (a menu item «Бюджет» names the page it leads to). Kazakh
units are kept in the folded spelling Kazakh keywords are matched in (:func:`ashyq.base.text.fold_kazakh`);
what a finding cites — a page's title, a link's label — is kept as the page writes it, in either language.

The gov.kz record fields used here are the API's own (``title``, ``content``, ``body``,
``created_date``, ``updated_date``, ``directions``, ``internal_link``, ``slug``, ``projects``,
``organisations``); the adapters ``_record_*`` are the only places that know them.
"""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from html import escape
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from ashyq.base.artifacts import BodyArtifacts, Measurement, PageSnapshot, PortalRecord
from ashyq.base.dates import find_dates, parse_timestamp
from ashyq.base.evidence import EvidenceRef
from ashyq.base.routes import address_parts, without_anchor
from ashyq.base.text import (
    HtmlParts,
    detect_lang,
    fold_kazakh,
    html_to_text,
    normalise,
    parse_html,
    parts_of,
    squash,
)
from ashyq.checks.completeness.anchored import PART_TAGS, Part, anchored_parts, part_address
from ashyq.checks.completeness.bilingual import language_versions
from ashyq.checks.completeness.page_blocks import Block, blocks_of, content_blocks, content_of
from ashyq.checks.completeness.signin import sign_in_wall, walled_addresses

GOVKZ_ENTITY = "https://www.gov.kz/memleket/entities"
CONTENT_KINDS = ("page", "document", "news", "curator", "contacts", "event")


@dataclass(frozen=True)
class Unit:
    lang: str
    url: str
    kind: str  # page | mobile | page-record | document | news | curator | contacts | event
    title: str  # normalised
    text: str  # normalised: everything readable (for "anywhere" keywords)
    main: str  # normalised: the content without the site's navigation (for "section" keywords)
    tags: str  # lower-case URL and API categories: what places the unit in a section
    links: str  # lower-case hrefs the unit links to (egov.kz, goszakup.gov.kz, social media)
    key: str  # the same thing in the other language has the same key
    dates: tuple[date, ...]  # publication/update dates known for it (may include future events)
    html: str  # raw HTML of the content, for links next to citations
    origin: PageSnapshot | PortalRecord | Measurement
    blocks: tuple[Block, ...] = ()  # the content under its headings
    anchors: tuple[tuple[str, str], ...] = ()  # (label, lower-case target) of every link it offers
    incoming: tuple[str, ...] = ()  # the labels other units' links to it carry (menu items, link texts)
    shown_title: str = ""  # the title as the page writes it (white space squashed, never folded): for citations
    # a page's paragraphs, list items and cells: (text as written, holds a link); None: read from html
    paragraphs: tuple[tuple[str, bool], ...] | None = None
    # each link's label as the page writes it (white space squashed, never folded or lower-cased),
    # in the order of ``anchors``: what a finding cites (``anchors`` are for matching)
    labels: tuple[str, ...] = ()
    incoming_shown: tuple[str, ...] = ()  # ``incoming`` as the linking pages write them
    # a page's smallest pieces of text (as written, whether a heading), read in its one parse: what
    # :mod:`.running_text` tells the page's own language from; None: read from html
    pieces: tuple[tuple[str, bool], ...] | None = None
    # the days its content's ``<time>`` elements mark (a listing's posts in their own headers): when the section's
    # items were posted (:func:`.deficiencies.currency`), not the date of any one place on the page
    listed: tuple[date, ...] = ()
    # the content a phone's view of the page took out (hidden at phone width; normalised): :mod:`.hidden_parts`
    phone_hidden: tuple[str, ...] = ()
    # a long page's part its menu links by its anchor (:mod:`.anchored`): the anchor, its place among the page's parts
    part: str = ""
    place: int = -1
    # read as its content alone (:func:`content_only`): the text of the page's header, footer and navigation left
    # out, where only the contacts they give are read (:func:`ashyq.checks.completeness.places.template_hits`)
    template: str = ""

    def shown_incoming(self, label: str) -> str:
        """An incoming label as the page linking here writes it."""
        for n, known in enumerate(self.incoming):
            if known == label and n < len(self.incoming_shown):
                return self.incoming_shown[n]
        return label

    def shown_label(self, n: int) -> str:
        """The label of the unit's ``n``-th link as the page writes it."""
        return self.labels[n] if n < len(self.labels) else self.anchors[n][0]

    def evidence(self, snippet: str | None = None, json_path: str | None = None) -> EvidenceRef:
        snippet = snippet or self.shown_title or self.title or self.main[:200]
        if isinstance(self.origin, PortalRecord):
            return self.origin.evidence(json_path or "$", snippet)
        if isinstance(self.origin, Measurement):
            return self.origin.evidence("main", snippet)
        return self.origin.evidence("main", snippet)

    @property
    def size(self) -> int:
        return len(self.main)


def _record_blocks(title: str, content: str, dates: tuple[date, ...] = ()) -> tuple[Block, ...]:
    """An API record's content as blocks: its title heads the first (records carry their dates apart)."""
    blocks = content_blocks(f"<html><body><h1>{escape(title)}</h1>{content}</body></html>")
    if dates and blocks:
        first = blocks[0]
        blocks = (replace(first, dates=tuple(sorted({*first.dates, *dates}))), *blocks[1:])
    return blocks


def _text_dates(text: str) -> tuple[date, ...]:
    return tuple(d.day for d in find_dates(text))


# where a ``<time>`` is the site's own (its header's clock, a sidebar's calendar), not an item's
_NOT_ITEMS = frozenset({"nav", "aside"})


def _item_dates(root: Any) -> tuple[date, ...]:
    """The days the page's ``<time>`` elements mark inside its content (``main`` or an ``article``): a listing's
    posts carry their dates in their own headers («<article><header><h2>…</h2><time>12.11.2026</time>»), which
    the content's text leaves out with the page's header (HTML: a ``header`` within an article is the article's,
    not the page's banner). Read before the tree loses its headers."""
    out: list[date] = []
    for element in root.iter("time"):
        ancestors = {a.tag for a in element.iterancestors() if isinstance(a.tag, str)}
        if not ancestors & {"main", "article"} or ancestors & _NOT_ITEMS:
            continue
        stamp = parse_timestamp(element.get("datetime"))
        if stamp is not None:
            out.append(stamp.date())
        else:
            out += [d.day for d in find_dates(" ".join(element.itertext()))]
    return tuple(out)


LANG_SEGMENTS = ("kk", "ru", "kz", "en")


def page_key(url: str, lang: str) -> str:
    """A language-neutral key: the URL without its language part (``/ru/x`` ≡ ``/kk/x``, ``?lang=``; a
    single-page app's route read as a path, ``/#!/ru/x`` ≡ ``/#!/kk/x``; a path the query carries, a document
    library's folder ``?RootFolder=/ru/Documents/NPA`` ≡ ``?RootFolder=/kk/Documents/NPA``)."""
    parts = address_parts(url)
    path = "/".join(p for p in parts.path.split("/") if p not in LANG_SEGMENTS)
    query = "&".join(_neutral(q) for q in parts.query.split("&") if q and not q.startswith("lang="))
    host = parts.netloc.removeprefix("m.")
    return f"{host}{path.rstrip('/')}?{query}"


def _neutral(pair: str) -> str:
    """A query's ``key=value`` with the language segments of a path it carries taken out."""
    key, eq, value = pair.partition("=")
    decoded = unquote(value)
    if not decoded.startswith("/"):
        return pair
    return key + eq + "/".join(p for p in decoded.split("/") if p.lower() not in LANG_SEGMENTS)


PHONE_HIDDEN = "data-ashyq-phone-hidden"  # set by the gather step on what a phone's styles do not show


FRAME_TAGS = frozenset({"nav", "header", "footer", "aside"})  # the site's frame: hiding it hides no content
HIDDEN_KEPT = 300  # characters of each hidden piece of content kept for reading


def phone_hidden_out(root: Any, classes: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Take out of a parsed page what a phone does not show: the elements its rendering marked hidden
    (``data-ashyq-phone-hidden``) and, on a responsive site's other pages, those of the template's classes
    that only hidden elements carried there, or of a pair ``hider+shower`` (hidden at every width, shown from
    a wider screen up: ``hidden md:table``, ``d-none d-lg-block``; :mod:`ashyq.gather.phone_styles`). Returns
    the text of the content taken out (not of the site's frame: a menu folded away at phone width, or a side column
    holding only a nav of the page's contents), each piece squashed and cut to :data:`HIDDEN_KEPT`: what the full
    page gives that a phone does not. A class hidden only inside another (``tbl-struct c-contact``: a table's contact
    columns) is taken out there."""
    single = {c for c in classes if "+" not in c and " " not in c}
    pairs = [frozenset(c.split("+")) for c in classes if "+" in c]
    nested = [tuple(c.split(" ", 1)) for c in classes if " " in c]
    hidden: list[str] = []
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        own = set((element.get("class") or "").split())
        if element.get(PHONE_HIDDEN) is not None or (
            own and (single & own or any(p <= own for p in pairs) or _inside_hidden(element, own, nested))
        ):
            ancestors = list(element.iterancestors())
            if ancestors[-1] is not root:
                continue  # inside a hidden element already taken out: its text is counted there
            frame = element.tag.lower() in FRAME_TAGS or any(
                isinstance(a.tag, str) and a.tag.lower() in FRAME_TAGS for a in ancestors
            )
            # a wrapper of the frame (a side column holding the page's contents as a nav) hides no content either
            text = squash(_outside_frame(element)) if not frame else ""
            if text:
                hidden.append(text[:HIDDEN_KEPT])
            element.drop_tree()
    return tuple(hidden)


def _outside_frame(element: Any) -> str:
    """The element's text outside the site's frame it holds (a side column's ``nav`` of the page's contents)."""
    out = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag.lower() not in FRAME_TAGS:
            out.append(_outside_frame(child))
        out.append(child.tail or "")
    return " ".join(out)


def _inside_hidden(element: Any, own: set[str], nested: list[tuple[str, ...]]) -> bool:
    """Whether the element carries a class the phone hides inside another and sits inside an element of that one."""
    outers = {outer for outer, inner in nested if inner in own}
    return bool(outers) and any(
        outers & set((a.get("class") or "").split()) for a in element.iterancestors() if isinstance(a.tag, str)
    )


def _html_unit(
    url: str,
    lang: str | None,
    html: str,
    kind: str,
    origin: Any,
    hidden_classes: frozenset[str] = frozenset(),
    own_links: bool = False,
) -> Unit | None:
    """A page read once: one parse gives its links, its paragraphs, its title and texts, and its
    blocks (each reader takes what it needs from the same tree, in that order, since the later ones
    take navigation and scripts out of it). What a phone does not show is left out first
    (:func:`phone_hidden_out`; the marks exist only in a phone's DOM, ``hidden_classes`` only when a
    phone's view of desktop pages is asked for). ``own_links``: the links are read from ``html`` (a part of
    the harvested page), not from the harvest's records of the page's."""
    root = parse_html(html)
    phone_view = root is not None and (bool(hidden_classes) or PHONE_HIDDEN in html)
    hidden = phone_hidden_out(root, hidden_classes) if phone_view else ()
    harvested = not own_links and bool(getattr(origin, "links", None))
    blocks: tuple[Block, ...] = ()
    paragraphs: tuple[tuple[str, bool], ...] = ()
    pieces: tuple[tuple[str, bool], ...] | None = None
    stamps: tuple[date, ...] = ()
    if root is None:
        parts = HtmlParts("", "", "", ())
        written = _harvested_anchors(origin)
    else:
        written = _harvested_anchors(origin) if harvested else _anchors_of(root, url)
        if harvested and phone_view:
            # a phone's view keeps the harvest's links that the page still holds once what a phone does not show
            # is out (an archive link the template hides at phone width is no way to the archive there)
            kept = {without_anchor(href).rstrip("/") for _, href in _anchors_of(root, url)}
            written = tuple(a for a in written if without_anchor(a[1]).rstrip("/") in kept)
        pieces = pieces_of(root)
        paragraphs = _paragraphs_of(root)
        stamps = _item_dates(root)
        parts = parts_of(root)
        blocks = blocks_of(content_of(root))
    language = lang or detect_lang(parts.main_text)
    if language not in ("kk", "ru"):
        return None
    return _folded(
        Unit(
            language,
            url,
            kind,
            normalise(parts.title),
            normalise(parts.title + " " + parts.full_text),
            normalise(parts.main_text),
            url.lower(),
            " ".join(parts.hrefs).lower(),
            page_key(url, language),
            _text_dates(parts.main_text),
            html,
            origin,
            blocks=blocks,
            anchors=tuple((normalise(label), href) for label, href in written),
            paragraphs=paragraphs,
            labels=tuple(label for label, _ in written),
            shown_title=squash(parts.title),
            pieces=pieces,
            listed=stamps,
            phone_hidden=tuple(normalise(h) for h in hidden),
        )
    )


PIECES = ("p", "li", "td", "th", "dt", "dd", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "marquee")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "caption", "dt")
_NO_TEXT = frozenset({"script", "style", "noscript", "template", "head"})


def pieces_of(root: Any) -> tuple[tuple[str, bool], ...]:
    """The smallest pieces of text of a parsed page (those holding no other piece), as written, each with
    whether it is a heading; scripts, styles and the head are no text. The tree is not changed."""
    out = []
    for element in root.iter(*PIECES):
        if any(a.tag in _NO_TEXT for a in element.iterancestors()):
            continue
        if any(True for _ in element.iterdescendants(*PIECES)):
            continue
        text = squash("".join(_shown_text(element)))
        if text:
            out.append((text, element.tag in HEADINGS))
    return tuple(out)


def _shown_text(element: Any) -> Iterator[str]:
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _NO_TEXT:
            yield from _shown_text(child)
        yield child.tail or ""


def _harvested_anchors(origin: Any) -> tuple[tuple[str, str], ...]:
    """The links a page offers, with their labels as written, from the harvest's link records
    (absolute targets)."""
    links = getattr(origin, "links", None) or ()
    return tuple((squash(lk.anchor_text or ""), lk.target_url.lower()) for lk in links if lk.anchor_text)


def _anchors_of(root: Any, url: str) -> tuple[tuple[str, str], ...]:
    """The links a parsed page offers, with their labels as written, the targets made absolute against the
    page's address (or its ``<base href>``) when it has one."""
    base = url if url.startswith("http") else None
    if base is not None:
        declared = root.find(".//base[@href]")
        if declared is not None:
            base = urljoin(base, str(declared.get("href")).strip())
    out = []
    for a in root.iter("a"):
        href, label = a.get("href"), " ".join(a.itertext())
        if not href or not label.strip():
            continue
        if base is not None:
            with contextlib.suppress(ValueError):  # a malformed address stays as written
                href = urljoin(base, href.strip())
        out.append((squash(label), str(href).lower()))
    return tuple(out)


def _paragraphs_of(root: Any) -> tuple[tuple[str, bool], ...]:
    """Each paragraph, list item and cell with text: its text, and whether it holds a link."""
    out = []
    for element in root.iter("p", "li", "td"):
        text = element.text_content()
        if text.strip():
            out.append((text, any(a.get("href") for a in element.iter("a"))))
    return tuple(out)


def _fold_text(text: str) -> str:
    return fold_kazakh(text)


def _folded(unit: Unit) -> Unit:
    """A Kazakh unit in the folded spelling its keywords are matched in (see the module's notes)."""
    if unit.lang != "kk":
        return unit
    return replace(
        unit,
        shown_title=unit.shown_title or unit.title,
        title=_fold_text(unit.title),
        text=_fold_text(unit.text),
        main=_fold_text(unit.main),
        phone_hidden=tuple(map(_fold_text, unit.phone_hidden)),
        blocks=tuple(
            replace(
                b,
                heading=_fold_text(b.heading),
                text=_fold_text(b.text),
                above=tuple(map(_fold_text, b.above)),
                pieces=tuple(map(_fold_text, b.pieces)),
                leads=tuple((_fold_text(label), _fold_text(rest)) for label, rest in b.leads),
            )
            for b in unit.blocks
        ),
        anchors=tuple((_fold_text(label), href) for label, href in unit.anchors),
    )


def _group_label(unit: Unit, n: int, titles: dict[tuple[str, str], str]) -> bool:
    """Whether the unit's link ``n`` is a menu group's own link to its first page (a site map's «Деятельность»
    leading to «Нормативные правовые акты», the first page of its list): the next link goes to the same page under
    the words its title opens with, which this label does not. The group label names the group, not that page."""
    if n + 1 >= len(unit.anchors):
        return False
    (label, href), (following, target) = unit.anchors[n], unit.anchors[n + 1]
    if target != href or not following or following == label:
        return False
    title = titles.get((unit.lang, without_anchor(href).rstrip("/")), "")
    return len(following) >= GROUP_NAME_CHARS and title.startswith(following) and not title.startswith(label)


GROUP_NAME_CHARS = 4  # a page's name its title opens with, not a stray letter


def with_incoming(units: list[Unit]) -> list[Unit]:
    """Each unit with the labels of the links other units of its language give it."""
    labels: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    # a link to a page's anchored part labels the part, not the page (:mod:`.anchored`)
    parts = {_part_of(u.url, u.part) for u in units if u.part}
    titles = {(u.lang, u.url.lower().rstrip("/")): u.title for u in units if not u.part}
    # a menu group's label for its first page, wherever the site links the page under it (a footer's row of the groups)
    groups = {
        (unit.lang, without_anchor(href).rstrip("/"), label)
        for unit in units
        for n, (label, href) in enumerate(unit.anchors)
        if _group_label(unit, n, titles)
    }
    for unit in units:
        for n, (label, href) in enumerate(unit.anchors):
            page = without_anchor(href).rstrip("/")
            if (unit.lang, page, label) in groups:
                continue
            if label and len(label) <= 120:
                anchored = _part_of(href, href.partition("#")[2]) if "#" in href else ""
                target = anchored if anchored in parts else page
                labels[(unit.lang, target)].append((label, unit.shown_label(n)))
    # a harvest records a link without its anchor («/ru/#finansy» from another page's menu): a label the page's
    # own link to one of its parts carries names that part, not the page
    named_parts: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        if unit.part:
            named_parts[without_anchor(unit.url).lower().rstrip("/")].update(unit.incoming)
    out = []
    for unit in units:
        origin = unit.origin
        addresses = [_part_of(unit.url, unit.part) if unit.part else unit.url.lower().rstrip("/")]
        final = getattr(origin, "final_url", None)
        if final and unit.part:
            final = _part_of(str(final), unit.part)
        if final and str(final).lower().rstrip("/") not in addresses:
            addresses.append(str(final).lower().rstrip("/"))
        found: dict[str, str] = dict(zip(unit.incoming, unit.incoming_shown, strict=False))
        for address in addresses:
            for label, shown in labels.get((unit.lang, address), []):
                if unit.part or label not in named_parts.get(address, ()):
                    found.setdefault(label, shown)
        if found:
            out.append(replace(unit, incoming=tuple(found), incoming_shown=tuple(found.values())))
        else:
            out.append(unit)
    return out


def _part_of(url: str, anchor: str) -> str:
    """A part's address as links are matched: the page's without its final slash, lower-case, with the anchor."""
    return f"{without_anchor(url).lower().rstrip('/')}#{anchor.lower()}"


def _entity_url(payload: dict[str, Any], path: str, lang: str) -> str:
    return f"{GOVKZ_ENTITY}/{payload.get('projects') or '-'}{path}?lang={lang}"


def _dates_of(payload: dict[str, Any], *fields: str) -> tuple[date, ...]:
    out = []
    for name in fields:
        moment = parse_timestamp(str(payload.get(name) or ""))
        if moment is not None:
            out.append(moment.date())
    return tuple(out)


def _record_page(record: PortalRecord, lang: str) -> Unit:
    p = record.payload
    content = str(p.get("content") or "")
    text = html_to_text(content)
    tags = " ".join(str(p.get(k) or "") for k in ("slug", "internal_link", "category", "kind"))
    url = _entity_url(p, str(p.get("internal_link") or ""), lang)
    title = str(p.get("title") or "")
    return _folded(
        Unit(
            lang,
            url,
            "page-record",
            normalise(title),
            normalise(f"{title} {text} {content}"),
            normalise(text),
            f"{url} {tags}".lower(),
            content.lower(),
            f"govkz:page:{p.get('id')}",
            _text_dates(text),
            content,
            record,
            blocks=_record_blocks(title, content),
        )
    )


def _article(
    record: PortalRecord, lang: str, kind: str, url: str, content: str, tags: str, links: str, dates: tuple[date, ...]
) -> Unit:
    """A record that reads as an article: a title over HTML ``content`` (a document, a news item)."""
    title = str(record.payload.get("title") or "")
    text = html_to_text(content)
    return _folded(
        Unit(
            lang,
            url,
            kind,
            normalise(title),
            normalise(f"{title} {text}"),
            normalise(f"{title} {text}"),
            tags,
            links,
            f"govkz:{kind}:{record.payload.get('id')}",
            dates,
            content,
            record,
            blocks=_record_blocks(title, content, dates),
        )
    )


def _record_document(record: PortalRecord, lang: str) -> Unit:
    p = record.payload
    directions = " ".join(str(d.get("title") or "") for d in p.get("directions") or [] if isinstance(d, dict))
    files = " ".join(str(f.get("document") or "") for f in p.get("full_text") or [] if isinstance(f, dict))
    url = _entity_url(p, f"/documents/details/{p.get('id')}", lang)
    tags = f"{url} document {directions}".lower()
    dates = _dates_of(p, "created_date", "updated_date")
    return _article(record, lang, "document", url, str(p.get("content") or ""), tags, files.lower(), dates)


def _record_news(record: PortalRecord, lang: str) -> Unit:
    p = record.payload
    body = str(p.get("body") or "")
    url = _entity_url(p, f"/press/news/details/{p.get('id')}", lang)
    return _article(record, lang, "news", url, body, f"{url} news", body.lower(), _dates_of(p, "created_date"))


def _record_curator(record: PortalRecord, lang: str) -> Unit:
    p = record.payload
    name = " ".join(str(p.get(k) or "") for k in ("lastname", "name", "middlename"))
    facts = " ".join(str(p.get(k) or "") for k in ("position", "phone", "email", "public_reception_phone"))
    text = f"{name} {facts} {html_to_text(str(p.get('biography') or ''))}"
    url = _entity_url(p, "/about/structure", lang)
    return _folded(
        Unit(
            lang,
            url,
            "curator",
            normalise(str(p.get("position") or name)),
            normalise(text),
            normalise(text),
            f"{url} curator leadership structure",
            "",
            f"govkz:curator:{p.get('id')}",
            (),
            "",
            record,
        )
    )


def _record_contacts(record: PortalRecord, lang: str) -> Unit:
    p = record.payload
    lines = []
    for unit in p.get("organisations") or []:
        if not isinstance(unit, dict):
            continue
        values = [str(unit.get(k) or "") for k in ("name", "address", "email")]
        values += [str(v) for k in ("phones", "links") for v in unit.get(k) or []]
        lines.append(" ".join(v for v in values if v))
    text = " · ".join(lines)
    links = " ".join(str(v) for u in p.get("organisations") or [] if isinstance(u, dict) for v in u.get("links") or [])
    url = _entity_url(p, "/contacts", lang)
    return _folded(
        Unit(
            lang,
            url,
            "contacts",
            normalise("contacts"),
            normalise(text),
            normalise(text),
            f"{url} contacts",
            links.lower(),
            f"govkz:contacts:{p.get('projects')}",
            (),
            "",
            record,
        )
    )


def _record_event(record: PortalRecord, lang: str) -> Unit:
    p = record.payload
    title = str(p.get("title") or "")
    url = _entity_url(p, f"/events/{p.get('id')}", lang)
    return _folded(
        Unit(
            lang,
            url,
            "event",
            normalise(title),
            normalise(title),
            normalise(title),
            f"{url} event announcement",
            "",
            f"govkz:event:{p.get('id')}",
            _dates_of(p, "event_date"),
            "",
            record,
        )
    )


_ADAPTERS = {
    "page": _record_page,
    "document": _record_document,
    "news": _record_news,
    "curator": _record_curator,
    "contacts": _record_contacts,
    "event": _record_event,
}


def _record_unit(record: PortalRecord) -> Unit | None:
    adapter = _ADAPTERS.get(record.kind)
    lang = record.lang
    if adapter is None or lang not in ("kk", "ru"):
        return None
    return adapter(record, lang)


def is_mobile_page(page: PageSnapshot) -> bool:
    """A page of a separate mobile version (``m.example.kz``, or stored as the mobile version's)."""
    return page.of_mobile_version or urlsplit(page.url).netloc.startswith("m.") or "mobile" in page.source


def _versions_units(
    url: str, lang: str | None, html: str, kind: str, origin: Any, hidden_classes: frozenset[str] = frozenset()
) -> list[Unit]:
    """The page's units: one, or one per language for a page that carries both (:mod:`.bilingual`), each
    followed by its anchored parts (:func:`_with_parts`)."""
    versions = language_versions(html)
    if versions is None:
        return _with_parts(url, lang, html, kind, origin, hidden_classes)
    return [u for code, text in versions.items() for u in _with_parts(url, code, text, kind, origin, hidden_classes)]


_IN_PAGE_LINK = re.compile(r"""href\s*=\s*["']?[^"'\s>]*#""", re.IGNORECASE)


def _with_parts(
    url: str, lang: str | None, html: str, kind: str, origin: Any, hidden_classes: frozenset[str]
) -> list[Unit]:
    """The page's unit, then a unit for each part its links lead to by its anchor (:mod:`.anchored`): the part's
    heading is its title, the page's links to it the labels it is linked by, and its key the page's with its anchor.
    The page whose first heading heads one of its parts takes the title its ``<title>`` gives."""
    unit = _html_unit(url, lang, html, kind, origin, hidden_classes)
    if unit is None or not _IN_PAGE_LINK.search(html):
        return [unit] if unit is not None else []
    root = parse_html(html)
    parts = anchored_parts(root, url) if root is not None else ()
    if not parts:
        return [unit]
    rest = _html_unit(url, lang, _without_parts(root, parts), kind, origin, hidden_classes, own_links=True)
    out = [_titled(rest or unit, root) if any(p.holds_h1 for p in parts) else (rest or unit)]
    for n, part in enumerate(parts):
        sub = _html_unit(part_address(url, part.anchor), unit.lang, _part_page(part, unit.lang), kind, origin,
                         hidden_classes, own_links=True)  # fmt: skip
        if sub is None:
            continue
        read = [normalise(label) for label in part.labels]
        out.append(
            replace(
                sub,
                key=f"{unit.key}#{part.anchor}",
                part=part.anchor,
                place=n,
                incoming=tuple(_fold_text(x) for x in read) if unit.lang == "kk" else tuple(read),
                incoming_shown=part.labels,
            )
        )
    return out


def _without_parts(root: Any, parts: tuple[Part, ...]) -> str:
    """The page's HTML without its anchored parts: what it holds besides them (its frame, a back-to-top link)."""
    anchors = {p.anchor for p in parts}
    for element in [e for e in root.iter(*PART_TAGS) if e.get("id") in anchors]:
        if element.getparent() is not None:
            element.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def _part_page(part: Part, lang: str) -> str:
    """A part as a page of its own: its heading its title, its element the content."""
    return (
        f'<html lang="{escape(lang)}"><head><title>{escape(part.heading)}</title></head>'
        f"<body><main>{part.html}</main></body></html>"
    )


def _titled(unit: Unit, root: Any) -> Unit:
    """The page's unit titled by its ``<title>`` (its first heading is a part's)."""
    title = squash(root.findtext(".//title") or "")
    if not title:
        return unit
    read = normalise(title)
    return replace(unit, title=_fold_text(read) if unit.lang == "kk" else read, shown_title=title)


def _page_unit(page: PageSnapshot, hidden_classes: frozenset[str] = frozenset()) -> list[Unit]:
    return _versions_units(page.url, page.lang, page.html, "page", page, hidden_classes)


def page_units(pages: Iterable[PageSnapshot], kind: str = "page") -> list[Unit]:
    """Units of pages that answered (an error status is not content, nor a sign-in wall, :mod:`.signin`), with their
    incoming labels."""
    units: list[Unit] = []
    for page in pages:
        if page.status < 400 and not sign_in_wall(page.html):
            units += _versions_units(page.url, page.lang, page.html, kind, page)
    return with_incoming(units)


def measurement_units(m: Measurement) -> list[Unit]:
    """The phone's DOM of a ``mobile`` measurement, as units (one per language of a bilingual page; none
    without a DOM or a language)."""
    html = m.data.get("html")
    return _versions_units(m.url, m.lang, html, "mobile", m) if isinstance(html, str) else []


# The last body's units: Appendix 15, Table 7 and Appendix 16 read the same corpus one after another.
_LAST: list[tuple[BodyArtifacts, int, int, list[Unit]]] = []


def desktop_units(artifacts: BodyArtifacts) -> list[Unit]:
    """Pages (desktop) and gov.kz records, every language; pages with an error status, and pages answering with a
    sign-in form instead of their material (:mod:`.signin`), are not content."""
    if _LAST and _LAST[0][0] is artifacts and _LAST[0][1:3] == (len(artifacts.pages), len(artifacts.records)):
        return list(_LAST[0][3])
    units = _desktop_units(artifacts)
    _LAST[:] = [(artifacts, len(artifacts.pages), len(artifacts.records), units)]
    return list(units)


def phone_units(artifacts: BodyArtifacts, hidden_classes: Iterable[str]) -> list[Unit]:
    """:func:`desktop_units` as a phone shows them (a responsive site): the elements of the classes its
    template hides at phone width (the phone's rendering of the home page found them) left out."""
    classes = frozenset(hidden_classes)
    return _desktop_units(artifacts, classes) if classes else desktop_units(artifacts)


def _desktop_units(artifacts: BodyArtifacts, hidden_classes: frozenset[str] = frozenset()) -> list[Unit]:
    walled = walled_addresses(artifacts.pages)
    units = [
        u
        for p in artifacts.pages
        if not is_mobile_page(p) and p.status < 400 and p.is_html and p.url.lower() not in walled
        for u in _page_unit(p, hidden_classes)
    ]
    for record in artifacts.records:
        if record.portal == "govkz" and record.kind in CONTENT_KINDS:
            unit = _record_unit(record)
            if unit is not None:
                units.append(unit)
    return with_incoming(units)


def without(text: str, parts: Iterable[str]) -> str:
    """The text with each of its parts (a block's text, a heading) taken out, the longest first (a shorter one may
    stand inside it): what a page says outside its content blocks is its header, navigation and footer."""
    for part in sorted({p for p in parts if p}, key=len, reverse=True):
        text = text.replace(part, " ")
    return text


def content_only(unit: Unit) -> Unit:
    """The unit as its content alone: the links and the text of its navigation, header, footer and
    asides left out, so that nothing is matched against them (a menu item «Бюджет» on every page is
    no information on the budget). What other pages' links call it (``incoming``) stays: a reader
    following the menu item arrives at the section, whose own content is then what is read. A
    record's unit is its content already. Where the markup marks none of the template (a page built of
    plain ``div``s or a layout table), what stands above the heading that repeats the page's title (the
    site's name, its search field, its menu, the breadcrumbs) is the template's, not the page's."""
    if unit.kind not in ("page", "mobile"):
        return unit
    blocks = unit.blocks
    if blocks and not blocks[0].heading and unit.title:
        start = next((n for n, b in enumerate(blocks) if b.heading == unit.title), 0)
        blocks = blocks[start:]
    inside = {h for b in blocks for h in b.hrefs}
    if unit.url.startswith("http"):
        with contextlib.suppress(ValueError):  # a malformed address stays as written
            inside |= {urljoin(unit.url, h).lower() for h in inside}
    kept = [n for n, (_, href) in enumerate(unit.anchors) if href in inside]
    return replace(
        unit,
        template=" ".join(without(unit.text, (x for b in blocks for x in (b.text, b.heading))).split()),
        text=unit.main,
        blocks=blocks,
        links=" ".join(sorted({h for b in blocks for h in b.hrefs})),
        anchors=tuple(unit.anchors[n] for n in kept),
        labels=tuple(unit.shown_label(n) for n in kept),
    )


def in_lang(units: Iterable[Unit], lang: str) -> list[Unit]:
    return [u for u in units if u.lang == lang]


def coverage(artifacts: BodyArtifacts, content: str, lang: str) -> PortalRecord | None:
    """The harvest's ``coverage`` record for a gov.kz content type in a language, if any."""
    for record in artifacts.records:
        if (
            record.portal == "govkz"
            and record.kind == "coverage"
            and record.lang == lang
            and record.payload.get("content") == content
        ):
            return record
    return None


def unmeasurable(artifacts: BodyArtifacts, content: str, lang: str) -> str | None:
    """Why a content type could not be harvested in ``lang`` (an anti-bot refusal …), or None."""
    record = coverage(artifacts, content, lang)
    if record is not None and record.payload.get("measurable") is False:
        return f"{content} ({lang}) not measurable: {record.payload.get('reason') or 'no reason given'}"
    return None
