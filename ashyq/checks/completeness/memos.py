"""Appendix 16's service memos (public services, indicator 3 «Памятка о получении государственной услуги»,
parts 3.1-3.6), read per service: a listed item's own page, or a block of a section page headed with it.
Read by :mod:`ashyq.checks.completeness.judge`.

* A memo states the parts of one service: a place naming at least MEMO_MIN_PARTS of the six is a memo; a
  sentence saying what other documents give («Паспорт каждой услуги: … срок оказания, результат — приведен в
  реестре») names two in passing and is no memo of a service lacking the rest.
* Services headed in a numbered series («1. …», «2. …») are one list: a heading of the series at the memos'
  level that heads no memo is a service without its memo (:func:`numbered_without_memo`).
* 3.2 asks for «размещение ссылки на портал egov»: a memo part whose detector is a link is read from the
  memo's links, not from the portal's name in its text.
* A listed page that only asks the reader to sign in (a link or form to a sign-in, a password field, little
  else: a register behind an eGov sign-in) cannot be read from outside: it is no service «without a memo»
  (no deduction); it is recorded (``MemoReading.signed_in``) for the check to ask an assessor.
* A list of the section's own pages whose services each open their own passport on the eGov portal
  (``egov.kz/…/services/…``), with no memo on the site: the memos are the portal's, one link away; they are
  not read here, so they count as shown on the links' word (``MemoReading.on_portal``) and an assessor is
  asked to open them (:func:`portal_passports`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html

from ashyq.base.routes import address_key, without_anchor
from ashyq.base.text import element_text, fold_kazakh, normalise, squash
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.keywords import Indicator, Section, Vocabulary, load_cached
from ashyq.checks.completeness.page_blocks import Block, bold_lead, content_root
from ashyq.checks.completeness.places import Hit, detected, extent_of, matches, section_blocks, unit_blocks
from ashyq.checks.completeness.service_count import named_memos, stated_services


def pages_by_address(units: list[Unit]) -> dict[str, Unit]:
    """Units by their lower-case address (and final address), for following a link to its page."""
    out: dict[str, Unit] = {}
    for unit in units:
        out.setdefault(unit.url.lower().rstrip("/"), unit)
        final = getattr(unit.origin, "final_url", None)
        if final:
            out.setdefault(str(final).lower().rstrip("/"), unit)
    return out


@dataclass
class Memo:
    """One item's memo (Appendix 16, «Оказание государственных услуг» 3): the item's own page, or the
    block of a section page headed with the item, and the memo parts (3.1-3.6) it names."""

    unit: Unit
    blocks: tuple[Block, ...]
    parts: set[str]
    whole_page: bool

    @property
    def where(self) -> str:
        heading = "" if self.whole_page else next((b.raw_heading for b in self.blocks if b.raw_heading), "")
        return f"{self.unit.url} «{heading[:60]}»" if heading else self.unit.url


@dataclass
class MemoReading:
    """The section's memos, and the listed items whose own page carries none."""

    memos: list[Memo] = field(default_factory=list)
    without: list[Unit] = field(default_factory=list)
    signed_in: list[Unit] = field(default_factory=list)  # listed pages readable only after a sign-in
    # the section's links to the services' own passports on the eGov portal (page, block, address), where the
    # site writes no memo of its own
    on_portal: list[tuple[Unit, Block, str]] = field(default_factory=list)


# a memo names at least half of its six parts: a sentence naming two in passing describes, it is no memo
MEMO_MIN_PARTS = 3
# a sign-in's address: an identity provider's host or a login path (idp.egov.kz/idp/login, /auth/, /signin)
SIGN_IN_ADDRESS = re.compile(r"(?:^|[./])(?:idp|login|log-in|signin|sign-in|auth|oauth2?|sso|cas)(?:[./?#]|$)", re.I)
SIGN_IN_MAX_TEXT = 400  # a page offering a sign-in and this much text at most shows nothing else


def behind_sign_in(page: Unit) -> bool:
    """Whether the page only asks the reader to sign in: its content offers a sign-in (a link or a form to a
    sign-in address, or a password field) and hardly any text; what it holds is not readable from outside."""
    if len(page.main) > SIGN_IN_MAX_TEXT:
        return False
    if re.search(r"<input[^>]+type=[\"']?password", page.html, re.I):
        return True
    targets = [h for b in unit_blocks(page) for h in b.hrefs]
    targets += re.findall(r"<form[^>]+action=[\"']?([^\"' >]+)", page.html, re.I)
    return any(SIGN_IN_ADDRESS.search(f"{urlsplit(t).netloc}{urlsplit(t).path}") for t in targets)


def _memo_parts(
    memo: Sequence[Indicator], unit: Unit, blocks: Sequence[Block], lang: str, vocabulary: Vocabulary
) -> set[str]:
    """The memo parts the blocks name (their headings and text; a detector in the same block). The
    memo's own heading is the service's name, not one of its parts («Әлеуметтік төлемді тағайындау»
    names a payment, not the cost of the service)."""
    out = set()
    name = _memo_name(unit, blocks)
    for indicator in memo:
        keywords = indicator.keywords[lang]
        for block in blocks:
            text = block.text if block is name else block.all_text
            if indicator.detect:
                hrefs = " ".join(block.hrefs)
                named = not keywords or bool(matches(keywords, f"{text} {' '.join(block.above)}"))
                # a link's part (3.2 «размещение ссылки на портал egov») is read from the memo's links only
                read = "" if indicator.detect.endswith("_link") else block.all_text
                if named and detected(indicator.detect, unit, vocabulary, read, hrefs, lang):
                    out.add(indicator.id)
                    break
            elif keywords and matches(keywords, text):
                out.add(indicator.id)
                break
    return out


def _memo_groups(
    memo: Sequence[Indicator], unit: Unit, blocks: tuple[Block, ...], lang: str, vocabulary: Vocabulary
) -> list[Memo]:
    """The smallest heading groups of ``blocks`` (a heading and the blocks under it) that name at
    least MEMO_MIN_PARTS parts: one item's memo each (a list page showing a memo per service)."""
    found: list[tuple[int, int, set[str]]] = []
    for start, block in enumerate(blocks):
        group = extent_of(blocks, block) if block.heading else (block,)
        parts = _memo_parts(memo, unit, group, lang, vocabulary)
        if len(parts) >= MEMO_MIN_PARTS:
            found.append((start, start + len(group), parts))
    smallest = [
        (a, b, parts) for a, b, parts in found if not any((a, b) != (c, d) and a <= c and d <= b for c, d, _ in found)
    ]
    return [Memo(unit, blocks[a:b], parts, False) for a, b, parts in smallest]


def _page_at(unit: Unit, href: str, pages: dict[str, Unit]) -> Unit | None:
    """The harvested page a link of the unit leads to (:func:`pages_by_address`)."""
    return pages.get(address_key(urljoin(unit.url, href)))


def linked_pages(
    unit: Unit, blocks: Iterable[Block], pages: dict[str, Unit], sentences: bool = False
) -> list[list[Unit]]:
    """Per block, the harvested pages its links lead to (relative links resolved against the unit), save a link
    in a sentence of running text («… размещаются в разделе Проекты НПА.»): a pointer, no item of a list. With
    ``sentences``, those too (the caller tells an item by its page: a post's own page, wherever its link stands)."""
    out = []
    labels = sorted({label for label, _ in unit.anchors if label}, key=len, reverse=True)
    for block in blocks:
        targets: list[Unit] = []
        for href in block.hrefs:
            if not sentences and _in_sentence(unit, block, href, labels):
                continue
            target = _page_at(unit, href, pages)
            if target is not None and target is not unit and target not in targets:
                targets.append(target)
        out.append(targets)
    return out


CARDS = 2  # blocks headed by links in a row that make a list of items, not one «see also»


def card_runs(unit: Unit, blocks: Iterable[Block], pages: dict[str, Unit]) -> list[list[Unit]]:
    """The runs of CARDS blocks or more in a row whose heading is a link to a harvested page of its own (an index
    page's cards of its child pages, each the child's title over its intro): the pages each run links to."""
    headed = {squash(label): href for label, href in unit.anchors if label}
    runs: list[list[Unit]] = [[]]
    for block in blocks:
        href = headed.get(squash(block.heading)) if block.heading else None
        target = _page_at(unit, href, pages) if href else None
        if target is None or target is unit:
            runs.append([])
        elif target not in runs[-1]:
            runs[-1].append(target)
    return [run for run in runs if len(run) >= CARDS]


SENTENCE_AROUND = 40  # characters of running text around a link's label in its paragraph: a sentence, no item


def _in_sentence(unit: Unit, block: Block, href: str, every: Sequence[str]) -> bool:
    """Whether each link of the unit to ``href`` stands in running text: a paragraph of the block holds its
    label among SENTENCE_AROUND characters or more of words that are no link's label (``every``, the unit's link
    labels, longest first: a line of cards, each a link, is a list however long)."""
    wanted = {href.lower(), urljoin(unit.url, href).lower()}
    labels = [label for label, target in unit.anchors if target in wanted]
    pieces = block.pieces or ((block.text,) if block.text else ())
    if not labels or not pieces:
        return False
    for label in labels:
        holder = next((p for p in pieces if label and label in p), None)
        if holder is None:
            return False
        for other in every:
            holder = holder.replace(other, " ")
        if len(" ".join(holder.split())) < SENTENCE_AROUND:
            return False
    return True


def memos_of(
    section: Section, units: list[Unit], section_units: list[Unit], lang: str, vocabulary: Vocabulary, kind: str
) -> MemoReading:
    """Appendix 16, section «Оказание государственных услуг» (CGO 1.2, MIO 1.3), indicator 3: «Памятка о
    получении государственной услуги содержащей следующую информацию: 3.1 … 3.6». The memo is read
    per service: a listed item's own page (a page the section's content links to) naming at least
    MEMO_MIN_PARTS parts, or a block of the section's pages headed with the item (the smallest
    heading group naming them). A page linked from the same list as a service's own memo page that carries
    no memo is a listed service without its own memo (outside the section's own pages, a list linking to the
    page of all the services' memos is a list of pages, a site map's or a menu's, not of services)."""
    memo = [i for i in section.indicators_for(kind) if i.match == "memo"]
    reading = MemoReading()
    if not memo:
        return reading
    pages = pages_by_address(units)
    members = {id(u) for u in section_units}
    holders = [(u, unit_blocks(u)) for u in section_units]
    holders += [(u, tuple(b)) for u in units if id(u) not in members and (b := section_blocks(u, section, lang, False))]
    # the items a list links to, block by block (a home page is no item)
    lists = [
        ([t for t in targets if getattr(t.origin, "depth", None) != 0], id(unit) in members)
        for unit, blocks in holders
        for targets in linked_pages(unit, blocks, pages)
    ]
    # an index page's cards (a run of blocks, each headed by a link to an item's own page) are one list, as a
    # bulleted list is
    lists += [(run, id(unit) in members) for unit, blocks in holders for run in card_runs(unit, blocks, pages)]
    linked = {id(t): t for targets, _ in lists for t in targets}
    for unit, blocks in holders:
        if id(unit) not in linked:
            reading.memos += _memo_groups(memo, unit, blocks, lang, vocabulary)
    for target in linked.values():
        reading.memos += _page_memos(memo, target, lang, vocabulary)
    with_memo = {id(m.unit) for m in reading.memos}

    def is_list(page: Unit) -> bool:  # a further list page (the next page of the list), not an item
        return any(id(t) in with_memo for ts in linked_pages(page, unit_blocks(page), pages) for t in ts)

    # a page listing services whose own pages carry their memos is the list, not a memo, whatever its introduction
    # names («По каждой ниже — памятка: форма, график, документы …»)
    listing = {id(m.unit) for m in reading.memos if _lists_memos(m.unit, with_memo, pages)}
    reading.memos = [m for m in reading.memos if id(m.unit) not in listing]
    with_memo = {id(m.unit) for m in reading.memos}

    for unit, blocks in holders:
        if id(unit) not in linked:
            own = [m for m in reading.memos if m.unit is unit]
            headed = {
                *numbered_without_memo(blocks, own),
                *series_without_memo(memo, unit, blocks, own, lang, vocabulary),
            }
            missing = len(unlisted_memos(unit, own, lang)) + len(headed)
            reading.without += [unit] * missing
    # a list's items are services where one it links to has a memo; outside the section's own pages (a site map,
    # a menu under the section's heading), only where it is a service's own memo page: a list there that links to
    # the page of several services' memos (the services page) is a list of pages, not of services
    lone = {id(m.unit) for m in reading.memos if m.whole_page}
    for targets, in_own in lists:
        if any(id(t) in (with_memo if in_own else lone) for t in targets):
            for t in targets:
                if id(t) in with_memo or t in reading.without or t in reading.signed_in or is_list(t):
                    continue
                (reading.signed_in if behind_sign_in(t) else reading.without).append(t)
    # the services the section says the body provides, where it gives fewer memos (and listed services without)
    stated = stated_services(section_units, lang) if reading.memos else None
    if stated is not None:
        known = (
            max(len(reading.memos), named_memos(section_units, lang)) + len(reading.without) + len(reading.signed_in)
        )
        reading.without += [stated[0]] * max(0, stated[1] - known)
    if not reading.memos and not reading.without:
        reading.on_portal = portal_passports(section_units)
    return reading


def _lists_memos(page: Unit, with_memo: set[int], pages: dict[str, Unit]) -> bool:
    """Whether the page links, in one list, to LISTED_MEMOS pages or more that carry a memo of their own."""
    return any(
        sum(1 for t in targets if id(t) in with_memo and t is not page) >= LISTED_MEMOS
        for targets in linked_pages(page, unit_blocks(page), pages)
    )


LISTED_MEMOS = 2  # a list of services, not a «see also» link

# a service's own page on the eGov portal (its passport: egov.kz/cms/ru/services/land/pass_11), not the portal's
# front page or its catalogue of all services
PORTAL_SERVICE = re.compile(r"^https?://(?:www\.)?egov\.kz/(?:cms/[a-z]{2}/)?services/[^?#\s]*[^/?#\s]", re.I)
PORTAL_MIN_SERVICES = 2  # a list of services, not one link in a sentence


def portal_passports(section_units: Sequence[Unit]) -> list[tuple[Unit, Block, str]]:
    """The links of the section's own pages to distinct services' passports on the eGov portal, where at least
    PORTAL_MIN_SERVICES of them stand in the content; none otherwise."""
    out: list[tuple[Unit, Block, str]] = []
    seen: set[str] = set()
    for unit in section_units:
        for block in unit_blocks(unit):
            for href in block.hrefs:
                address = without_anchor(urljoin(unit.url, href)).rstrip("/")
                if PORTAL_SERVICE.match(address) and address.lower() not in seen:
                    seen.add(address.lower())
                    out.append((unit, block, address))
    return out if len(out) >= PORTAL_MIN_SERVICES else []


ITEM_MAX_CHARS = 150  # a service's name in a list, not a paragraph
ITEM_MIN_CHARS = 12  # a shortened name this long at least («Выдача справки»), not one word


def unlisted_memos(unit: Unit, memos: Sequence[Memo], lang: str) -> list[str]:
    """The services a list of the page names without a link (no page of their own) that no memo block of the
    page is headed with, where the same list names one that is, or where one item of the list carries its memo in
    its own line after its name and a dash: the memo «по каждой услуге» is missing for them."""
    read = fold_kazakh if lang == "kk" else normalise
    headed = [b.heading for m in memos if not m.whole_page for b in m.blocks[:1] if b.heading]
    # a memo written in its item's own line, after the name («Выдача справки — через egov.kz; …; срок …»)
    inline = [read(b.text) for m in memos if not m.whole_page for b in m.blocks if b.text]
    root = content_root(unit.html) if headed or inline else None
    if root is None:
        return []
    missing: list[str] = []
    for holder in root.iter("ul", "ol"):
        items = [li for li in holder if isinstance(li.tag, str) and li.tag.lower() == "li"]
        # an item's name: its bold lead where it heads the item's own memo (page_blocks.bold_lead), else its text
        texts = [(read(_item_name(li)), _item_linked(li)) for li in items]
        # an item carrying its memo in its line after its name and a dash (its links, to egov, are the memo's own)
        with_memo = [n for n, _ in texts if _name_then_memo(n) and any(n[:ITEM_MAX_CHARS] in t for t in inline)]
        names = [n for n, linked in texts if n not in with_memo and not linked and 0 < len(n) <= ITEM_MAX_CHARS]
        if with_memo and any(":" in n for n in names):
            continue  # a memo's own lines («Көрсету нысаны: …»), not a list of services
        if len(texts) < 2 or len(names) + len(with_memo) != len(items):
            continue
        with_memo += [n for n in names if any(_names(h, n) for h in headed)]
        if with_memo:
            missing += [n for n in names if n not in with_memo]
    return missing + _table_without_memo(root, headed, read)


def _table_without_memo(root: lxml.html.HtmlElement, headed: Sequence[str], read: Callable[[str], str]) -> list[str]:
    """The services a table of the page names, a row each, that no memo block is headed with, where a memo is
    headed with another row's: a table's rows are a list as a bulleted list's items are («№ | Қызмет | Көрсетуші |
    Қағидалар» over one row per service). The service's cell is the column whose cell a memo heading names; a
    cell linking to a page of its own is the service's page, read as a listed item's."""
    missing: list[str] = []
    for table in root.iter("table"):
        rows = [
            [(read(element_text(c)), any(a.get("href") for a in c.iter("a"))) for c in cells]
            for tr in table.xpath("./tr|./thead/tr|./tbody/tr")
            if (cells := tr.xpath("./td")) and len(cells) >= 2
        ]
        if len(rows) < 2:
            continue
        for column in range(max(len(r) for r in rows)):
            names = [r[column] for r in rows if column < len(r)]
            if len(names) != len(rows) or any(linked for _, linked in names):
                continue
            named = [n for n, _ in names if ITEM_MIN_CHARS <= len(n) <= ITEM_MAX_CHARS]
            if len(named) != len(rows):
                continue
            shown = [n for n in named if any(_names(h, n) for h in headed)]
            if shown:
                missing += [n for n in named if n not in shown]
                break
    return missing


def _name_then_memo(text: str) -> bool:
    """A list item longer than a name that opens with the service's name and a dash before its memo («Выдача
    справки — через egov.kz; документ: …; срок …»)."""
    head = re.split(r"[;:]", text, maxsplit=1)[0]
    return len(text) > ITEM_MAX_CHARS and " - " in head and len(head.split(" - ", 1)[0]) >= ITEM_MIN_CHARS


def _item_name(item: lxml.html.HtmlElement) -> str:
    lead = bold_lead(item)
    return element_text(lead if lead is not None else item)


def _item_linked(item: lxml.html.HtmlElement) -> bool:
    """Whether a list item links to a page of its own: by its name where a bold name heads its memo (the memo's
    own links, to egov, are no page of the item)."""
    lead = bold_lead(item)
    return any(a.get("href") for a in (lead if lead is not None else item).iter("a"))


# a service's heading numbered in a series («1. Назначение жилищной помощи», «2) …»)
NUMBER_LEAD = re.compile(r"^\d{1,3}\s*[.)]\s*")  # the number itself, no part of the name it heads
NUMBERED = re.compile(NUMBER_LEAD.pattern + r"\S")


def numbered_without_memo(blocks: Sequence[Block], memos: Sequence[Memo]) -> list[str]:
    """The headings of a numbered series whose other members head a memo («1. …», «2. …» with their memos, «3. …»
    with a line on where the service is delivered), at the same level and outside every memo: services of the
    same list with no memo of their own («памятка … по каждой услуге»)."""
    firsts = [m.blocks[0] for m in memos if not m.whole_page and m.blocks and m.blocks[0].heading]
    numbered = [b for b in firsts if NUMBERED.match(b.heading)]
    if not numbered:
        return []
    levels = {len(b.above) for b in numbered}
    inside = {id(b) for m in memos for b in m.blocks}
    return [
        b.heading
        for b in blocks
        if b.heading and NUMBERED.match(b.heading) and len(b.above) in levels and id(b) not in inside
    ]


# a block that says where the service is delivered («Услугу можно получить через портал egov.kz», «… egov.kz арқылы»)
SERVICE_LINE = re.compile(r"egov|услуг|кызмет|қызмет")
# a heading of the services' page on its other matter, the services as a whole (Appendix 15's own indicators of the
# section: the drafts of their standards and rules, the report on rendering them, the public monitoring, the appeal
# procedure): no service of the list, even where it stands among the memos' headings and names the services
ABOUT_SERVICES = re.compile(
    r"стандарт|регламент|отч[её]т|мониторинг|обжалова|жалоб|шағым|шагым|(?<!\w)(?:есеп|есебі|есептер)(?!\w)"
)  # «есепке қою», «есептен шығару» (registration) are services


def series_without_memo(
    memo: Sequence[Indicator],
    unit: Unit,
    blocks: Sequence[Block],
    memos: Sequence[Memo],
    lang: str,
    vocabulary: Vocabulary,
) -> list[str]:
    """The headings of the memos' own series (the same level under the same headings: the disclosures of one list)
    outside every memo, over a line that only says where the service is delivered and names none of the memo's
    parts («Присвоение адреса» over «Услугу можно получить через портал egov.kz»): services of the list without
    their memo («памятка … по каждой услуге»). A heading of the series over something else (an appeal's
    procedure naming the result) is no service."""
    series = {b.above for m in memos if not m.whole_page and m.blocks and m.blocks[0].heading for b in m.blocks[:1]}
    if not series:
        return []
    # memos headed in a numbered series («1. …», «2. …»): the numbers say which headings are the list's services
    # (:func:`numbered_without_memo`); an unnumbered heading beside them («Стандарты и правила» over the rules
    # and the annual report on all the services) is other material of the page, no service
    firsts = [m.blocks[0].heading for m in memos if not m.whole_page and m.blocks and m.blocks[0].heading]
    numbered = all(NUMBERED.match(h) for h in firsts)
    inside = {id(b) for m in memos for b in m.blocks}
    out = []
    for block in blocks:
        if not block.heading or block.above not in series or id(block) in inside:
            continue
        if numbered and not NUMBERED.match(block.heading):
            continue
        group = extent_of(tuple(blocks), block)
        text = " ".join(b.text for b in group)
        if ABOUT_SERVICES.search(block.heading):
            continue  # the page's matter on the services as a whole, no service
        if text and SERVICE_LINE.search(text) and not _memo_parts(memo, unit, group, lang, vocabulary):
            out.append(block.heading)
    return out


def _names(heading: str, item: str) -> bool:
    """Whether a memo's heading names the listed service: the item begins it («Назначение жилищной помощи:
    памятка»), or the heading is the item's name shortened («Қоғамдық бірлестіктерді аккредиттеу»)."""
    heading = NUMBER_LEAD.sub("", heading)  # «1. Назначение жилищной помощи»: the series' number is no part of the name
    core = heading.split(":", 1)[0].strip()
    return heading.startswith(item) or (len(core) >= ITEM_MIN_CHARS and core in item)


def _page_memos(memo: Sequence[Indicator], page: Unit, lang: str, vocabulary: Vocabulary) -> list[Memo]:
    """An item's own page: its memo is the whole page, unless it shows several memos (one per heading)."""
    blocks = unit_blocks(page)
    groups = _memo_groups(memo, page, blocks, lang, vocabulary)
    if len(groups) > 1:
        return groups
    parts = _memo_parts(memo, page, blocks, lang, vocabulary)
    return [Memo(page, blocks, parts, True)] if len(parts) >= MEMO_MIN_PARTS else []


def _memo_name(unit: Unit, blocks: Sequence[Block]) -> Block | None:
    """The block whose heading names the memo's service: a block of the page's list headed with it,
    or on the service's own page the heading that repeats the page's title."""
    if len(blocks) == len(unit_blocks(unit)):
        return next((b for b in blocks if b.heading and b.heading == unit.title), None)
    return next((b for b in blocks if b.heading), None)


def in_memo(hit: Hit, unit: Unit, blocks: Sequence[Block]) -> bool:
    """A memo part is read inside the memo (its blocks), never from the service's name: the title
    of its page or the memo's own heading."""
    if hit.unit is not unit or hit.block is None:
        return False
    name = _memo_name(unit, blocks)
    if name is not None and hit.block is name and hit.label and hit.label == name.heading:
        return False
    return any(hit.block is b for b in blocks)


def incomplete_memos(memos: Sequence[Memo]) -> list[tuple[Memo, list[str]]]:
    """Memos that lack a part the other memos give («неполнота представленной информации»)."""
    if len(memos) < 2:
        return []
    given = set().union(*(m.parts for m in memos))
    return [(m, sorted(given - m.parts)) for m in memos if given - m.parts]


def memos_for(
    indicator: Indicator, units: list[Unit], section_units: list[Unit], lang: str, kind: str
) -> MemoReading | None:
    """The services' memos the indicator is read from (``memos_from``: the item of another vocabulary whose memo
    parts read them), or None where it names none for the body's kind."""
    vocabulary_name, _, item = indicator.memos_from.get(kind, "").partition(":")
    if not item:
        return None
    vocabulary = load_cached(vocabulary_name)
    section = vocabulary.sections.get(item)
    if section is None:
        return None
    return memos_of(section, units, section_units, lang, vocabulary, kind)
