"""Finding one section's indicators in one language: where each is shown, what stands in its place
when it is not (a placeholder, a heading over nothing, the other language, a scan), and the verdict's
record of it (:class:`Verdict`), which :mod:`.judge` turns into a status, deficiencies and doubts.
The rules are :mod:`.judge`'s docstring."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import unquote, urljoin, urlsplit

from ashyq.base.artifacts import BodyArtifacts, PageSnapshot
from ashyq.base.home_page import bare_host
from ashyq.base.memo import for_the_last
from ashyq.base.routes import address_key, without_anchor
from ashyq.base.text import fold_kazakh, normalise
from ashyq.checks.completeness.closed_pointers import closed_label, closed_pointer
from ashyq.checks.completeness.contacts import holders_contact, named_contact, own_address
from ashyq.checks.completeness.corpus import Unit, unmeasurable
from ashyq.checks.completeness.corpus import content_only as own_content
from ashyq.checks.completeness.instances import (
    Item,
    ItemReading,
    another_list,
    contactless,
    entries_wanting,
    per_item,
)
from ashyq.checks.completeness.keywords import Indicator, Section, Vocabulary, vocabulary_for
from ashyq.checks.completeness.listings import (
    Entry,
    empty_listing,
    entries,
    listing_of,
    listings_by_address,
    pointed_folders,
    pointer_targets,
)
from ashyq.checks.completeness.machine_readable import linked_file, newest_unreadable, unreadable
from ashyq.checks.completeness.memos import (
    Memo,
    MemoReading,
    in_memo,
    incomplete_memos,
    memos_for,
    memos_of,
    pages_by_address,
)
from ashyq.checks.completeness.notices import notice_kind, opening, placeholder_only, rubric_of, withheld_section
from ashyq.checks.completeness.page_blocks import Block
from ashyq.checks.completeness.places import (
    NO_TEMPLATE,
    PAGE_STAMP,
    SENTENCE_SPLIT,
    STAMP_TIME,
    Hit,
    Template,
    dead_targets,
    extent_of,
    hits_in,
    in_section,
    language_of,
    lead_sentence,
    matches,
    missing_addresses,
    own_blocks,
    placeholder,
    said_language,
    section_blocks,
    staleness,
    template_of,
    together_ok,
    undated,
    unit_blocks,
)
from ashyq.checks.completeness.readings import (
    Doubt,
    address_doubt,
    address_only_doubt,
    away_doubt,
    carded_doubt,
    date_label,
    elsewhere_doubt,
    hides_nothing,
    merged_doubt,
    missing_parts,
    newest_scan_doubt,
    parts_doubt,
    parts_enough,
    phones_only_doubt,
    points_elsewhere,
    referred_away,
    rubric_doubt,
    scan_passed_doubt,
    shared_contact_doubt,
    side_cards,
    single_doubt,
    tells_unknown,
    undated_doubt,
    weak_doubt,
)
from ashyq.checks.completeness.signin import walled_addresses
from ashyq.checks.edition_index import reading
from ashyq.checks.result import DoubtReason


@dataclass
class Verdict:
    present: dict[str, Unit] = field(default_factory=dict)
    hits: dict[str, Hit] = field(default_factory=dict)
    stale: dict[str, str] = field(default_factory=dict)  # indicator id → why (it is counted present)
    foreign: dict[str, Hit] = field(default_factory=dict)  # found only in the other language
    absent: list[Indicator] = field(default_factory=list)
    if_any_absent: list[Indicator] = field(default_factory=list)
    # the note's indicators the body says (the short message) it does not implement, with the message
    not_implementer: dict[str, Unit] = field(default_factory=dict)
    # Appendix 15's "*" indicators found only as pictures or scans: the place and why
    unreadable: dict[str, tuple[Hit, str]] = field(default_factory=dict)
    # where an indicator was named over no information: the place and what it says instead («Информация
    # отсутствует»; "" for nothing but its heading). Read only when the content alone counts (Table 7).
    placeholders: dict[str, tuple[Hit, str]] = field(default_factory=dict)
    unknown: list[tuple[Indicator, str]] = field(default_factory=list)
    incomplete_memos: list[tuple[Memo, list[str]]] = field(default_factory=list)
    memoless: list[Unit] = field(default_factory=list)  # listed services whose own page has no memo
    memos: list[Memo] = field(default_factory=list)  # the items' memos (Appendix 16 services)
    doubts: list[Doubt] = field(default_factory=list)  # where the evidence admits another reading
    # indicators stated for every item (each vacancy's requirements) that some items lack
    incomplete_items: dict[str, ItemReading] = field(default_factory=dict)
    # indicators counted on the word of the other language (its place; this language's counterpart page)
    counterparts: dict[str, str] = field(default_factory=dict)
    # indicators shown by the detailed checklist's reading of the same information (``substantiated_by``)
    checklist: dict[str, str] = field(default_factory=dict)
    # what the site's template writes on every page of the language (:func:`~.places.template_of`)
    template: Template = NO_TEMPLATE

    def nothing_to_post(self) -> int:
        return len(self.if_any_absent) + len(self.not_implementer)


NOTE_WINDOW = 200  # characters around the indicator's words in which the note's message is looked for


def not_implementer_message(
    indicator: Indicator,
    unit: Unit,
    lang: str,
    vocabulary: Vocabulary,
    names: Sequence[re.Pattern[str]] = (),
    own: bool = True,
) -> bool:
    """Does ``unit`` say the body does not implement ``indicator`` (the Appendix 15 note's message)? The
    message is looked for near the indicator's own words (unless not ``own``), or near ``names``: the words
    of the programme it belongs to (the note's other indicators of the section: «не реализует меры по
    переходу к „зеленой экономике“» stands for the green-economy acts and activity both)."""
    phrases = vocabulary.not_implementer_phrases.get(lang, ())
    for pattern in (*(indicator.keywords[lang] if own else ()), *names):
        for found in pattern.finditer(unit.text):
            start = max(0, found.start() - NOTE_WINDOW)
            before = unit.text[start : found.start()]
            after = unit.text[found.end() : found.end() + NOTE_WINDOW]
            # the message is one sentence: the window stops at the sentences before and after it
            cut = max(before.rfind(". "), before.rfind("; "))
            ends = [n for n in (after.find(". "), after.find("; ")) if n >= 0]
            head, tail = before[cut + 1 :] if cut >= 0 else before, after[: min(ends)] if ends else after
            window = f"{head}{found.group(0)}{tail}"
            if matches(phrases, window):
                return True
    return False


def _declined(indicator: Indicator, hit: Hit, lang: str, vocabulary: Vocabulary) -> bool:
    """Does the place of the hit carry the note's short message (the body does not implement it)?"""
    blocks = hit.extent or ((hit.block,) if hit.block else ())
    text = " ".join(b.all_text for b in blocks)
    if text and matches(vocabulary.not_implementer_phrases.get(lang, ()), text):
        return True
    return not_implementer_message(indicator, hit.unit, lang, vocabulary)


def note_names(section: Section, lang: str) -> tuple[re.Pattern[str], ...]:
    """The words of the section's note indicators that name their programme (the programmes the Appendix 15
    note names): not those of an indicator read in the section's material only (``match: section``), whose
    words («реализация», «мероприятия») say what is done, not in which programme."""
    return tuple(p for i in section.indicators if i.note and i.match != "section" for p in i.keywords[lang])


def declined_anywhere(search: Search, indicator: Indicator) -> Unit | None:
    """The unit - of the section first, then of the site - whose text carries the note's short message for
    ``indicator`` where no heading or label names it: the message is a sentence («…: Комитет орындаушы
    емес», «В программе … комитет не участвует»), often in another paragraph's running text. Outside the
    section's pages the message names the programme: an indicator read in the section's material only
    (``match: section``, its words «реализация», «мероприятия») is declined there by a sentence naming its
    programme, not by «не участвует в реализации» another one."""
    names = note_names(search.section, search.lang)
    members = {id(u) for u in search.section_units}
    for unit in search.section_units:
        if not_implementer_message(indicator, unit, search.lang, search.vocabulary, names):
            return unit
    own = indicator.match != "section"
    for unit in (u for u in search.units if id(u) not in members):
        if not_implementer_message(indicator, unit, search.lang, search.vocabulary, names, own):
            return unit
    return None


def _scope(
    indicator: Indicator,
    units: list[Unit],
    section_units: list[Unit],
    section: Section,
    lang: str,
    memos: Sequence[Memo] = (),
) -> list[tuple[Unit, list[Block], bool, bool]]:
    """(unit, blocks to read, headings only?, running text by phrases only?) in the order a reader would look."""
    members = {id(u) for u in section_units}
    if indicator.match == "section":
        out = [(u, section_blocks(u, section, lang, True), False, False) for u in section_units]
        for unit in units:
            if id(unit) in members:
                continue
            headed = section_blocks(unit, section, lang, False)
            # the holder's phone right after its words, elsewhere: on a page of another subject, beside the blocks a
            # heading of the section heads there too («Пресс-служба: …» in the «Об акимате» callout above «Структура»)
            anywhere = indicator.named_anywhere
            named = [b for b in unit_blocks(unit) if named_contact(indicator, b, lang)] if anywhere else []
            wanted = {id(b) for b in (*headed, *named)}
            blocks = [b for b in unit_blocks(unit) if id(b) in wanted]
            if blocks:
                out.append((unit, blocks, False, False))
        return out
    if indicator.match == "memo":
        return [(m.unit, list(m.blocks), False, False) for m in memos]
    if indicator.match == "titles":
        return [(u, [], True, False) for u in units]
    # ``headings``: what a reader scans on any page; on the section's own pages its running text too, where a
    # phrase names it (the appendix names content, not a heading: «Кодекс этики госслужащих; уполномоченный по
    # этике — …» in a paragraph of the civil-service page shows the ethics indicator as a heading «Этика» would;
    # a single word - «бюджет», «конкурс» - in a sentence is a mention, not the information)
    headings = indicator.match == "headings"
    own = [(u, list(unit_blocks(u)), False, headings) for u in section_units]
    return own + [(u, list(unit_blocks(u)), headings, False) for u in units if id(u) not in members]


def _unreadable(indicator: Indicator, hit: Hit, lang: str, kind: str, pages: dict[str, Unit]) -> str | None:
    """Why the place of a "*" indicator (Appendix 15: to be published in a machine-readable form)
    offers it only as pictures or scans; None when it does not, or the indicator has no "*". A page of the
    site the place links to (a document's viewer card) is read one step on: one offering only a scan is no
    machine-readable material either."""
    if kind not in indicator.machine_readable:
        return None
    keywords = indicator.keywords[lang]

    def follow(address: str) -> str | None:
        page = pages.get(address.lower().rstrip("/"))
        if page is None or page is hit.unit:
            return None  # not read: the material may be there
        content = own_content(page)  # the page's own material, not its menu and footer
        headings = [page.title or "", *(b.heading or "" for b in content.blocks)]
        if not any(k.search(h) for h in headings for k in keywords):
            return ""  # a page about something else: not this indicator's material
        why = unreadable(content, list(content.blocks), keywords=keywords)
        return f"{page.url}, a page {why}" if why else None

    if hit.rank == 1 and hit.href:  # a link's label names it: the link's file is the material
        return linked_file(hit.unit, hit.href, follow)
    place = hit.extent or ((hit.block,) if hit.block else ())
    return unreadable(hit.unit, place, hit.label, keywords, follow)


UNDATED = 2  # the key's last part for a news feed's place with no dated item (:func:`_place_key`)


def _place_key(
    indicator: Indicator,
    hit: Hit,
    lang: str,
    artifacts: BodyArtifacts,
    missing: frozenset[str],
    folders: list[Entry],
    pages: dict[str, Unit],
) -> tuple[tuple[int, int, int], str | None, str | None]:
    """How good a place of the indicator is - (not shown for being only pictures or scans, rank, out of
    date), the lowest the best - with why it is out of date and why it is not machine-readable. ``folders``: the
    files of the folders the place only points at."""
    stale = staleness(indicator, hit, artifacts.as_of, missing, folders)
    unread = _unreadable(indicator, hit, lang, artifacts.kind, pages)
    refused = unread is not None and reading(artifacts.config, "a15-machine-readable") == "required"
    # a news feed is where its dated items are listed: a page naming it with no dated item (the press centre's folder
    # of rubrics, «Баспасөз орталығы») is a worse place than the feed itself, current or not
    undated = (
        indicator.needs == "news" and stale is None and not any(b.dates for b in hit.extent or unit_blocks(hit.unit))
    )
    return (int(refused), hit.rank, UNDATED if undated else 0 if stale is None else 1), stale, unread


def _not_shown(verdict: Verdict, indicator: Indicator, best: Hit, why: str, artifacts: BodyArtifacts) -> bool:
    """Record a "*" indicator found only as pictures or scans; True when it is therefore not shown
    (reading a15-machine-readable = required), False when it counts all the same (presence-only)."""
    verdict.unreadable[indicator.id] = (best, why)
    if reading(artifacts.config, "a15-machine-readable") != "required":
        return False
    verdict.hits[indicator.id] = best
    verdict.absent.append(indicator)
    return True


@dataclass
class Place:
    """The best place found for one indicator (the lowest key), and what else the search saw."""

    best: Hit | None = None
    key: tuple[int, int, int, int] = (9, 9, 9, 9)  # (not machine-readable, weak, rank, stale)
    stale: str | None = None  # why the best place is out of date
    unread: str | None = None  # why it is not machine-readable
    foreign: Hit | None = None  # a place in the other language
    weak: DoubtReason | None = None  # the best place is only a link's label or a heading
    refused: tuple[Hit, str] | None = None  # a nearer place offering a "*" indicator only as pictures or scans


@dataclass(frozen=True)
class Search:
    """What finding one section's indicators reads, gathered once for all of them."""

    artifacts: BodyArtifacts
    section: Section
    units: list[Unit]
    section_units: list[Unit]
    lang: str
    vocabulary: Vocabulary
    content_only: bool
    own_hosts: frozenset[str]
    pages: dict[str, Unit]
    memos: MemoReading
    official: tuple[re.Pattern[str], ...] = ()  # the words heading a text official in one language only
    template: Template = NO_TEMPLATE  # what the site writes after every page's content (no information)
    missing: frozenset[str] = frozenset()  # the addresses the harvest found missing (404, 410)
    listings: dict[str, PageSnapshot] = field(default_factory=dict)  # the web server's folder listings harvested


def find_indicators(
    artifacts: BodyArtifacts,
    section: Section,
    units: list[Unit],
    lang: str,
    vocabulary: Vocabulary,
    content_only: bool = False,
) -> Verdict:
    """Which of the section's indicators are present, stale, in the other language, absent or unknown.
    ``content_only`` (Table 7): a place that names an indicator over a placeholder or nothing
    (:func:`placeholder`) does not show it (``verdict.placeholders``). Otherwise (Appendices 15 and 16)
    a placeholder does not show it either, a heading over nothing does not and leaves the verdict
    uncertain (``heading_only``), and a link's label to a page of the site that was not read shows it on
    its word, uncertain (``label_only``)."""
    verdict = Verdict()
    section_units = [u for u in units if in_section(u, section, lang)]
    own_hosts = {bare_host(u) for u in artifacts.site_urls}
    own_hosts |= {bare_host(u.url) for u in units}
    search = Search(
        artifacts,
        section,
        units,
        section_units,
        lang,
        vocabulary,
        content_only,
        frozenset(own_hosts),
        pages_by_address(units),
        memos_of(section, units, section_units, lang, vocabulary, artifacts.kind),
        tuple(p for i in section.indicators if i.official_language for p in i.keywords[lang]),
        template=template_of(units),
        missing=missing_addresses(artifacts.failures) | walled_addresses(artifacts.pages),
        listings=listings_by_address(artifacts.pages),
    )
    verdict.template = search.template
    for indicator in section.indicators_for(artifacts.kind):
        place = best_place(search, indicator, verdict)
        if _shown(search, indicator, place, verdict):
            _services_without_memo(search, indicator, verdict)
        elif (
            not _listed_by_memos(search, indicator, verdict)
            and not _memos_on_portal(search, indicator, verdict)
            and not _shown_by_memos(search, indicator, verdict)
            and not _shown_by_checklist(search, indicator, place, verdict)
            and not _shown_by_items(search, indicator, place, verdict)
        ):
            _not_found(search, indicator, place, verdict)
    if not content_only:
        _withheld(search, verdict)
    verdict.placeholders = {key: said for key, said in verdict.placeholders.items() if key not in verdict.present}
    verdict.incomplete_memos = incomplete_memos(search.memos.memos)
    verdict.memoless = search.memos.without
    verdict.memos = search.memos.memos
    return verdict


def _shown_by_checklist(search: Search, indicator: Indicator, place: Place, verdict: Verdict) -> bool:
    """An indicator the row's own words found no place for, shown where the detailed checklist's indicator naming the
    same information (``substantiated_by``: Appendix 15's for a Table 7 row) finds it in the same pages, read the same
    way (content only for Table 7): its place, its currency and its doubts stand for the row's. A place that says the
    row's information is to come (a placeholder) or gives it in the other language is measured, not looked past."""
    refs = indicator.substantiated_by.get(search.artifacts.kind, ())
    if not refs or place.foreign is not None or indicator.id in verdict.placeholders:
        return False
    for ref in refs:
        name, _, rest = ref.partition(":")
        item, _, key = rest.partition("/")
        vocabulary = vocabulary_for(name, search.artifacts.config)
        section = vocabulary.sections[item]
        reading = find_indicators(search.artifacts, section, search.units, search.lang, vocabulary, search.content_only)
        hit = reading.hits.get(key)
        if key not in reading.present or hit is None or hit.announced:
            continue
        verdict.hits[indicator.id] = hit
        verdict.present[indicator.id] = reading.present[key]
        if key in reading.stale:
            verdict.stale[indicator.id] = reading.stale[key]
        verdict.checklist[indicator.id] = f"{item} «{_english_name(section, key)}»"
        verdict.doubts += [replace(d, indicator=indicator.id) for d in reading.doubts if d.indicator == key]
        return True
    return False


def _shown_by_items(search: Search, indicator: Indicator, place: Place, verdict: Verdict) -> bool:
    """An indicator stated for each item (:mod:`.instances`) that no place of the section shows, read on the items
    themselves: a vacancy's own page the section lists («Біліктілік талаптары» on the post's page, not on the list's).
    Shown where an item names it; the items without it are recorded, and a single item leaves it uncertain, as where
    the section shows it. A place that says the information is to come, or gives it in the other language, is
    measured, not looked past."""
    if not indicator.per_item.get(search.lang) or place.foreign is not None or indicator.id in verdict.placeholders:
        return False
    found = _items_read(search, indicator)
    if found is None or len(found.without) == len(found.items):
        return False
    _note_items(indicator, found, verdict)
    first = next(i for i in found.items if i not in found.without)
    block = first.blocks[0] if first.blocks else None
    verdict.hits[indicator.id] = Hit(first.unit, block, f"the item «{first.name[:80]}»", first.blocks, 0)
    verdict.present[indicator.id] = first.unit
    return True


def _english_name(section: Section, key: str) -> str:
    """The section's indicator ``key`` as the findings name it (its English name)."""
    indicator = next(i for i in section.indicators if i.id == key)
    return indicator.name.get("en") or key


def _withheld(search: Search, verdict: Verdict) -> None:
    """The section's own pages say only that its information is to come (:func:`withheld_section`): an indicator
    found on one of them (the template's phone) or on a page not of the section's rubric (a document sharing a
    word of its title) is not shown; the placeholder is said for it (measured, certain)."""
    found = withheld_section(search.section, search.section_units, search.lang, search.vocabulary)
    if found is None:
        return
    pages, said = found
    for key, unit in list(verdict.present.items()):
        if unit not in pages and rubric_of(unit, search.section, search.lang):
            continue  # another page of the section's own rubric, with information of its own
        indicator = next(i for i in search.section.indicators if i.id == key)
        del verdict.present[key]
        verdict.hits.pop(key, None)
        verdict.stale.pop(key, None)
        verdict.absent.append(indicator)
        page = pages[0]
        verdict.placeholders[key] = (Hit(page, None, f"the page titled «{page.title[:80]}»", (), 0), said)


def _listed_by_memos(search: Search, indicator: Indicator, verdict: Verdict) -> bool:
    """A list of items (``listed_by_memos``) not named by its words, shown by the memos of two items or more:
    each memo headed with its item's name (or the item's own page) names the items one by one."""
    memos = search.memos.memos
    if not indicator.listed_by_memos or len(memos) < 2:
        return False
    first = memos[0]
    heading = next((b.raw_heading for b in first.blocks if b.raw_heading), "") if not first.whole_page else ""
    named = f"the memos of {len(memos)} items, the first «{(heading or first.unit.title)[:80]}»"
    hit = Hit(first.unit, first.blocks[0] if first.blocks else None, named, first.blocks, 2)
    verdict.hits[indicator.id] = hit
    verdict.present[indicator.id] = first.unit
    return True


def _shown_by_memos(search: Search, indicator: Indicator, verdict: Verdict) -> bool:
    """An indicator the services' memos give (``memos_from``: Appendix 15's service passport, a service described by
    its form, documents, cost, term and result): shown by them; listed services without one leave it incomplete
    (неполнота), a single memo uncertain."""
    reading = memos_for(indicator, search.units, search.section_units, search.lang, search.artifacts.kind)
    if reading is None or not reading.memos:
        return False
    first = reading.memos[0]
    parts = "form, documents, cost, term, result"
    named = f"the memos of {len(reading.memos)} service(s) ({parts}), the first «{_memo_name(first)[:80]}»"
    verdict.hits[indicator.id] = Hit(first.unit, first.blocks[0] if first.blocks else None, named, first.blocks, 2)
    verdict.present[indicator.id] = first.unit
    if reading.without:
        _memoless(indicator, reading, verdict)
    elif len(reading.memos) == 1:
        verdict.doubts.append(single_doubt(indicator, _memo_items(reading)[0]))
    return True


def _services_without_memo(search: Search, indicator: Indicator, verdict: Verdict) -> None:
    """An indicator the services' memos give (``memos_from``) found by its own words («Мемлекеттік көрсетілетін
    қызметтердің паспорттары (жадынамалар)» over the memo of one service): a passport is a service's, so where the
    section's services are read for their memos and a listed service has none, the heading announces passports the
    section gives for some services only: incomplete (неполнота), as where the memos alone show it."""
    if not indicator.memos_from or indicator.id in verdict.incomplete_items:
        return
    reading = memos_for(indicator, search.units, search.section_units, search.lang, search.artifacts.kind)
    if reading is not None and reading.memos and reading.without:
        _memoless(indicator, reading, verdict)


def _memo_name(memo: Memo) -> str:
    heading = "" if memo.whole_page else next((b.raw_heading for b in memo.blocks if b.raw_heading), "")
    return heading or memo.unit.shown_title or memo.unit.title


def _memo_items(reading: MemoReading) -> list[Item]:
    """The services' memos as the items of a list, each named by its heading or its page."""
    return [Item(m.unit, m.blocks, _memo_name(m)) for m in reading.memos]


def _memoless(indicator: Indicator, reading: MemoReading, verdict: Verdict) -> None:
    """The listed services without a memo of their own, beside those with one: the indicator's information given
    for some services only (неполнота)."""
    without = [Item(u, (), u.shown_title or u.title) for u in reading.without]
    verdict.incomplete_items[indicator.id] = ItemReading((*_memo_items(reading), *without), tuple(without))


def _memos_on_portal(search: Search, indicator: Indicator, verdict: Verdict) -> bool:
    """A memo's part where the site writes no memo and its services each open their own passport on the eGov
    portal (:func:`~ashyq.checks.completeness.memos.portal_passports`): shown on the links' word, one link away on
    a phone; the passports are not read here, so it is said, asking an assessor to open them."""
    on_portal = search.memos.on_portal
    if indicator.match != "memo" or not on_portal:
        return False
    unit, block, address = on_portal[0]
    named = f"the links of {len(on_portal)} services to their passports on the eGov portal, the first {address}"
    verdict.hits[indicator.id] = Hit(unit, block, named, (block,), 1)
    verdict.present[indicator.id] = unit
    if not any(d.detail.startswith("memos on the eGov portal") for d in verdict.doubts):
        detail = (
            f"memos on the eGov portal: the site writes no memo of its own, and each of {len(on_portal)} services "
            f"on {unit.url} opens its passport on the portal ({address} and others): counted as the memos "
            "(3.1-3.6), not read here; an assessor may open each passport and check its form, schedule and link, "
            "documents, cost, term and result"
        )
        verdict.doubts.append(Doubt(indicator.id, "other_reading", unit, block.text[:200], detail))
    return True


def best_place(search: Search, indicator: Indicator, verdict: Verdict) -> Place:
    """The best place of the indicator in the order a reader looks (the first that cannot be bettered
    ends the search); places holding a placeholder are recorded in ``verdict.placeholders``."""
    place = Place()
    undated: Place | None = None  # the best place naming a news feed without a dated item
    own_empty: Hit | None = None  # the section's page titled by the indicator, holding nothing but its headings
    lang = search.lang
    scope = _scope(indicator, search.units, search.section_units, search.section, lang, search.memos.memos)
    for unit, blocks, headings_only, phrases in scope:
        frame = search.template.hrefs if search.template.head else frozenset()
        for hit in hits_in(
            indicator, unit, lang, search.vocabulary, blocks, headings_only, search.pages, phrases, frame
        ):
            if (0, 0, hit.rank) > place.key[:3]:
                continue
            if indicator.match == "memo" and not in_memo(hit, unit, blocks):
                continue
            if indicator.unless and _unless(indicator, hit, lang):
                continue
            if not _whose(search, indicator, hit):
                continue  # another organisation's address, another holder's phone
            if _apart(search, indicator, hit):
                continue  # another section's own rubric (the body's own vacancies for employment)
            if hit.label and date_label(hit.label, hit.block.text if hit.block and hit.rank == 0 else None):
                continue  # a date's label: when the page changed, no section
            if hit.href and urljoin(hit.unit.url, hit.href).lower() in dead_targets(hit.unit, search.missing):
                continue  # a link to a page or file the harvest found missing (404): the reader cannot open it
            # an address is names and numbers («Ақжайық облысы, г. Жайық, проспект Достык, 185»): no language disowns it
            language = (
                None
                if indicator.detect == "address"
                else said_language(hit, indicator.keywords.get(lang, ())) or language_of(hit, search.official)
            )
            if language is not None and language not in (lang, indicator.official_language):
                place.foreign = place.foreign or hit
                continue
            said, weak = _what_it_holds(search, indicator, hit)
            if said is not None:
                verdict.placeholders.setdefault(indicator.id, (hit, said))
                continue
            if not together_ok(indicator, hit, lang) and not (
                indicator.note and _declined(indicator, hit, lang, search.vocabulary)
            ):
                continue  # after the placeholder: a heading over «Информация будет размещена» is said to be one
            folders = _folder_entries(search, hit)
            (refused, rank, old), why, unread = _place_key(
                indicator, hit, lang, search.artifacts, search.missing, folders, search.pages
            )
            key = (refused, int(weak is not None), rank, old)
            if refused and unread and (place.refused is None or rank < place.refused[0].rank):
                place.refused = (hit, unread)
            if weak == "heading_only" and own_empty is None and _own_page(search, hit):
                own_empty = hit
            if old == UNDATED and (undated is None or key < undated.key):
                undated = Place(hit, key, why, unread, weak=weak)
            if key < place.key:
                place.best, place.key, place.stale, place.unread, place.weak = hit, key, why, unread, weak
        if place.key == (0, 0, 0, 0):
            break
    _feed_place(place, undated)
    _own_page_empty(place, own_empty)
    _overruled(search, indicator, place, verdict)
    return place


SENTENCE_LEAD = 7  # words of a run-in lead that is a sentence of its own, not a caption


OPENING = 200  # characters of a heading's text whose first sentence says what the heading announces


def _unless(indicator: Indicator, hit: Hit, lang: str) -> bool:
    """The place names something the indicator's words do not mean (``unless``): in its label, or - for a heading - in
    the opening of the text under it («Объявление о конкурсе» over «… объявляет общий конкурс на занятие вакантной
    должности»: a contest for a post, no procurement tender)."""
    unless = indicator.unless.get(lang, ())
    if hit.label and matches(unless, hit.label):
        return True
    if hit.rank != 0 or hit.block is None or not hit.block.heading:
        return False
    opening = SENTENCE_SPLIT.split(hit.block.text[:OPENING], maxsplit=1)[0]  # the first sentence under it
    return matches(unless, opening) is not None


def _own_page(search: Search, hit: Hit) -> bool:
    """The hit names a page of the section as a whole: its title, or the heading that repeats it."""
    if hit.rank != 0 or not any(u is hit.unit for u in search.section_units):
        return False
    return hit.block is None or bool(hit.block.heading and hit.block.heading == hit.unit.title)


def _own_page_empty(place: Place, own_empty: Hit | None) -> None:
    """The section keeps a page for the indicator («Консультирование предпринимателей») that holds nothing but its
    headings, while the place found is a mention in another page's running text («консультации … дает управление
    государственных доходов»): the site's own page for the information says nothing, and a mention is not the
    information. The place is that page, a heading over nothing (not shown, uncertain: an assessor may count the
    mention)."""
    best = place.best
    if own_empty is None or best is None or place.weak is not None or best.unit is own_empty.unit:
        return
    # a mention: the running text, or a sentence run in before a colon («… кеңесті мемлекеттік кірістер басқармасы
    # береді:»), not a caption naming the information («Кеңес беру:»)
    sentence = best.rank == 1 and best.block is not None and not best.href and len(best.label.split()) >= SENTENCE_LEAD
    if best.rank != 2 and not sentence:
        return
    place.best, place.key, place.stale, place.unread, place.weak = own_empty, (0, 1, 0, 0), None, None, "heading_only"


def _feed_place(place: Place, undated: Place | None) -> None:
    """A news feed's place with no dated item, as good as the dated place found but for the dates, is the feed (one a
    script fills, its items not in the page) unless it sends the reader to that dated page (a press centre's folder
    linking to the feed): then the dated page is the feed."""
    best = place.best
    if undated is None or undated.best is None or best is None or best is undated.best:
        return
    if undated.key[:3] > place.key[:3] or _leads_to(undated.best.unit, best.unit):
        return
    place.best, place.key, place.stale = undated.best, (*undated.key[:3], 0), undated.stale
    place.unread, place.weak = undated.unread, undated.weak


def _leads_to(unit: Unit, target: Unit) -> bool:
    """Whether the page's content (not its menu or its logo's link home) links to the target page."""
    want = address_key(target.url)
    hrefs = {h for b in unit_blocks(unit) for h in b.hrefs}
    return any(address_key(urljoin(unit.url, href)) == want for href in hrefs)


def _apart(search: Search, indicator: Indicator, hit: Hit) -> bool:
    """The hit is on a page of the own rubric of the section ``apart_from`` names, and not of this section's, or is a
    link to a page not read (``announced``) that leads there by its address or its label: not this indicator's (a
    link «Бос орындар» to …/vacancies is the body's own posts, row 1.4, whether or not its page was read)."""
    other = search.vocabulary.sections.get(indicator.apart_from) if indicator.apart_from else None
    if other is None:
        return False

    def page_of(section: Section) -> bool:
        return rubric_of(hit.unit, section, search.lang)

    def link_to(section: Section) -> bool:
        href = hit.href.lower()
        return any(p in href for p in section.urls) or bool(matches(section.titles.get(search.lang, ()), hit.label))

    if page_of(other) and not page_of(search.section):
        return True
    return hit.announced and link_to(other) and not link_to(search.section)


def _overruled(search: Search, indicator: Indicator, place: Place, verdict: Verdict) -> None:
    """The site's own place for the indicator - a heading of a page of the section, or one naming more of the
    indicator's words than the place found (the whole «Мәдениет, дін, спорт және туризм» against a headline's
    «спорт») - holds a placeholder («Ақпарат дайындалуда», «Информация готовится»): the site says the information
    is not there, and a page outside the section naming the subject (a news headline on sport, another
    section's block) is not that information; nor is a title, a link's label or a portal's link against such a place
    (:func:`_pointer_over_placeholder`). The best place is dropped: not shown, the placeholder said."""
    best, held = place.best, verdict.placeholders.get(indicator.id)
    if _pointer_over_placeholder(search, best, held):
        place.best = None
        return
    if search.content_only:
        _own_rubric_empty(search, indicator, place, verdict)
        return
    members = {id(u) for u in search.section_units}
    if best is None or id(best.unit) in members:
        return
    keywords = indicator.keywords.get(search.lang, ())

    def named(hit: Hit) -> int:
        return sum(1 for k in keywords if k.search(hit.label or ""))

    if held is not None and held[1] and held[0].unit is not best.unit:
        if id(held[0].unit) in members or named(held[0]) > named(best):
            place.best = None
        return
    # the section's own heading over the other language's text («Микрокредиттеу және субсидиялар» over a Russian table
    # on the Kazakh page): the information is given there, in the other language only; a page outside the section
    # naming the subject (a question of the FAQ) is not that information
    foreign = place.foreign
    if (
        foreign is not None
        and foreign.rank == 0
        and foreign.block is not None
        and foreign.block.heading
        and id(foreign.unit) in members
    ):
        place.best = None


def _pointer_over_placeholder(search: Search, best: Hit | None, held: tuple[Hit, str] | None) -> bool:
    """The place found only names or points at the information - a page's title or a link's label naming it, a link
    or address of the portal it is kept on - while the site's own place for it says it is to come: a heading or label
    of the same page («Жобалар» over «Ақпарат дайындалуда» on the page a «Жаңа НҚА жобасы» link leads to, or titled
    «Как выполняется Послание?»), or, for a link or address, of a page of the section (a legalacts.egov.kz link on
    the services page). The site says the information is not there; a name or a pointer is not the information."""
    if best is None or held is None or not held[1] or best.block is not None:
        return False
    if held[0].unit is best.unit:
        return held[0].block is not None
    return best.rank > 0 and any(u is held[0].unit for u in search.section_units)


def _own_rubric_empty(search: Search, indicator: Indicator, place: Place, verdict: Verdict) -> None:
    """Table 7: a page's own heading naming the row's information («Тексеру нәтижелері», «Результаты проверок»)
    over nothing, a placeholder or the other language's text, while the place found is an article of its own
    elsewhere (a news item on one inspection, a page titled by it) or a link whose label names it (a statement on
    one inspection's results among the press materials): the rubric the site keeps for the information does not
    show it, and one article or document is not the information it announces. The place is dropped (not shown, or
    shown in the other language only), uncertain: an assessor may count it."""
    best = place.best
    if best is None or indicator.detect or not (_article(best) or best.rank == 1):
        return  # a detector's find (a phone, an address) is the information itself, in no language
    found = _empty_rubric(search, indicator, best)
    if found is None:
        return
    rubric, said = found
    place.best = None
    if said is None:
        place.foreign = rubric
    verdict.doubts.append(rubric_doubt(indicator, rubric, best, said))


def _empty_rubric(search: Search, indicator: Indicator, best: Hit) -> tuple[Hit, str | None] | None:
    """A heading on another page than ``best``'s naming the indicator (not the page's title) over nothing or a
    placeholder (what it says), or over the other language's text (None)."""
    lang = search.lang
    scope = _scope(indicator, search.units, search.section_units, search.section, lang, search.memos.memos)
    for unit, blocks, headings_only, phrases in scope:
        if unit is best.unit:
            continue
        for hit in hits_in(indicator, unit, lang, search.vocabulary, blocks, headings_only, search.pages, phrases):
            block = hit.block
            if hit.rank != 0 or block is None or not block.heading or block.heading == unit.title:
                continue
            if indicator.unless and _unless(indicator, hit, lang):
                continue
            language = language_of(hit, search.official)
            if language is not None and language not in (lang, indicator.official_language):
                return hit, None  # the heading over the other language's text
            said = placeholder(hit, lang, search.vocabulary, search.template)
            if said is not None:
                return hit, said
    return None


def _article(hit: Hit) -> bool:
    """A place that is a page of its own on one subject: found by the page's title, or under the heading that
    repeats it."""
    title = hit.unit.title
    return bool(title) and (hit.label == title or (hit.block is not None and hit.block.heading == title))


def _whose(search: Search, indicator: Indicator, hit: Hit) -> bool:
    """Whether a detector's find is the contact the indicator names (:mod:`.contacts`): the body's own
    address, the named holder's phone or e-mail."""
    if indicator.detect == "address":
        return own_address(hit, search.section, search.lang)
    return holders_contact(indicator, hit, search.lang)


def _what_it_holds(search: Search, indicator: Indicator, hit: Hit) -> tuple[str | None, DoubtReason | None]:
    """(the placeholder the place holds instead of the information, the weakness of a place that is
    only a heading or a link's label). Table 7 (``content_only``): a heading over nothing is a
    placeholder too (""), a link to a page not read is taken at its word and doubted (``label_only``), as
    elsewhere. Elsewhere a detector's find (a phone, an address) and a memo's parts are information themselves. A
    statement that there is nothing of the kind now («Вакансии отсутствуют», «Бос лауазымдар жоқ») is information,
    not a placeholder (:mod:`.notices`)."""
    if not search.content_only and (indicator.detect or indicator.match == "memo"):
        return None, None
    said = placeholder(hit, search.lang, search.vocabulary, search.template)
    if said is None:
        said = opening(hit, search.lang, search.vocabulary)
    if said is None:
        said = _points_at_nothing(search, hit)
    if said is None and hit.block is not None:
        blocks = own_blocks(hit, search.template)
        # the missing addresses and the unit's dead links, a viewer's link to a missing file among them (its query read
        # as written or escaped): read once for both readings of a place over closed links
        closed = {unquote(a) for a in dead_targets(hit.unit, search.missing)}
        keywords = indicator.keywords.get(search.lang, ())  # «… приведены в объявлении:» over a link that is closed
        said = closed_pointer(hit, blocks, keywords, search.lang, closed, search.own_hosts)
        if said is None:
            said = _only_closed_links(search, hit, blocks, closed)
        if said is None:  # «Годовой план … на 2026 год: План закупок 2026» over a link that is closed
            said = closed_label(hit, keywords, closed, _read_hosts(search), search.lang)
    if said and notice_kind(said, search.lang, search.vocabulary) == "none":
        return None, None
    if said or (search.content_only and said == ""):
        return said, None
    if said == "":
        return None, "heading_only"
    if hit.announced and own_link(hit, search.own_hosts):  # only a link's label names it: taken at its word, asked
        return None, "label_only"
    if search.content_only:
        return None, None
    if points_elsewhere(hit, search.artifacts.site_urls) is not None:
        return None, "other_reading"
    return None, None


@for_the_last  # every section of every table, in each language, asks for the same body's pages
def _page_hosts(pages: list[PageSnapshot]) -> frozenset[str]:
    return frozenset(bare_host(p.url) for p in pages)


def _read_hosts(search: Search) -> frozenset[str]:
    """The site's own hosts with every host the harvest read a page of for the body (a share's password form, no
    content, among them): where a closed link is the site's own."""
    return search.own_hosts | _page_hosts(search.artifacts.pages)


CLOSED_LEAD_WORDS = 25  # the words a heading's place says around links it cannot be read without


def _only_closed_links(search: Search, hit: Hit, blocks: Sequence[Block], closed: set[str]) -> str | None:
    """A heading's place (``blocks``) whose material is only links to pages of the site the reader cannot open
    (``closed``, unquoted) - missing, or answering with a sign-in form (:mod:`.signin`) - with no figure, date or file
    beside them, only a lead-in («Ежемесячные отчёты … размещены в личном кабинете»): it holds nothing a reader can
    read ("")."""
    hrefs = [urljoin(hit.unit.url, h) for b in blocks for h in b.hrefs]
    own = [h for h in hrefs if bare_host(h) in search.own_hosts]
    if not own or len(own) < len(hrefs):
        return None
    if any(unquote(h.lower()) not in closed for h in own):
        return None
    # the place's own stamp («Опубликовано: 16.11.2026») says when the link was put there, not what it holds
    stamp = PAGE_STAMP["kk" if search.lang == "kk" else "ru"]
    text = STAMP_TIME.sub(" ", stamp.sub(" ", " ".join(b.text for b in blocks)))
    for label, _ in hit.unit.anchors:
        read = normalise(label).lower() if label else ""
        for said in {read, fold_kazakh(read)} - {""}:
            text = text.replace(said, " ")
    if re.search(r"\d", text) or len(text.split()) > CLOSED_LEAD_WORDS:
        return None
    return ""


# the last place read as a pointer: a candidate place is asked for what it holds, then for the folders it points at
_LAST_POINTER: list[tuple[Search, Hit, tuple[list[str], int] | None]] = []


def _pointer(search: Search, hit: Hit) -> tuple[list[str], int] | None:
    """:func:`_read_pointer`, read once for the place the search is at."""
    if _LAST_POINTER and _LAST_POINTER[0][0] is search and _LAST_POINTER[0][1] is hit:
        return _LAST_POINTER[0][2]
    pointer = _read_pointer(search, hit)
    _LAST_POINTER[:] = [(search, hit, pointer)]
    return pointer


def _read_pointer(search: Search, hit: Hit) -> tuple[list[str], int] | None:
    """The links and the number of words of a place read as a pointer: a run-in label's sentence where it points at
    pages of the site («НҚА жобалары: НҚА жобалары бөлімінде»: the links its words name), else the place's own blocks
    when each of their sentences names a link they offer. None for a link's label (the page it leads to is read as
    the place) or a place with words of its own beside its links."""
    if hit.announced:
        return None
    if hit.block is not None and hit.label and hit.block.hrefs:
        lead = lead_sentence(hit.block, hit.label)
        named = [href for label, href in hit.unit.anchors if label and lead and label in lead]
        if lead is not None and pointer_targets(hit.unit.url, named, len(lead.split())):
            return named, len(lead.split())  # else the label's block is read (its sentence points at no page here)
    # a mention in running text is read in its own block (not the blocks its heading heads beside it)
    blocks = (hit.block,) if hit.rank == 2 and hit.block is not None else own_blocks(hit, search.template)
    hrefs = [h for b in blocks for h in b.hrefs]
    if not hrefs:
        return None  # (most places: no link, no pointer)

    # a pointer's every sentence points somewhere (names a link it offers): a sentence naming no link is material of
    # its own («Әкімнің өкімдері: № 31 …» above «Жобалар: … бөлімінде»), and the place no mere pointer
    def address(href: str) -> str:
        return without_anchor(urljoin(hit.unit.url, href)).rstrip("/")

    offered = {address(h) for h in hrefs}
    labels = [label for label, href in hit.unit.anchors if label and address(href) in offered]
    labels += [host.removeprefix("www.") for h in hrefs if (host := urlsplit(urljoin(hit.unit.url, h)).hostname)]
    sentences = [x for b in blocks for x in SENTENCE_SPLIT.split(b.text) if x.strip()]
    if any(not any(label in sentence for label in labels) for sentence in sentences):
        return None
    return hrefs, sum(len(b.text.split()) for b in blocks)


def _pointed_folders(search: Search, hit: Hit) -> list[PageSnapshot] | None:
    """The folder listings a place's own words only point at (:func:`.listings.pointed_folders`); None for any
    other place."""
    pointer = _pointer(search, hit) if search.listings else None
    return pointed_folders(hit.unit.url, *pointer, search.listings) if pointer else None


def _points_at_nothing(search: Search, hit: Hit) -> str | None:
    """A place whose own words only point at pages of the site («Проекты НПА и пояснительные записки к ним:
    /docs/proekty/», «НҚА жобалары: «НҚА жобалары» бөлімінде»), every one of which holds nothing: a folder listing
    of no file (:mod:`.listings`) or a page holding only a placeholder («Ақпарат дайындалуда»), the site's template
    left out, or nothing. The place holds what they hold; what the first says is said (the listing's title, the
    placeholder)."""
    pointer = _pointer(search, hit)
    targets = pointer_targets(hit.unit.url, *pointer) if pointer else None
    if not targets:
        return None
    said: list[str] = []
    for target in targets:
        listing = listing_of(target, search.listings)
        page = search.pages.get(address_key(target))
        if listing is not None:
            nothing = empty_listing(listing)
        elif page is not None and page is not hit.unit:
            whole = Hit(page, None, f"the page titled «{page.title[:80]}»")
            nothing = placeholder(whole, search.lang, search.vocabulary, search.template)
            if nothing is None:
                nothing = placeholder_only(page, search.lang, search.vocabulary)
        else:
            nothing = None
        if nothing is None:
            return None
        said.append(nothing)
    return said[0]


def _shown(search: Search, indicator: Indicator, place: Place, verdict: Verdict) -> bool:
    """Record the indicator where its best place shows it (present, declined by the note's message,
    offered only as pictures, one form of several, a heading over nothing); False when there is none."""
    best = place.best
    if best is None:
        return False
    lang = search.lang
    verdict.hits[indicator.id] = best
    if (withheld := _withheld_holder(search, indicator)) is not None:
        verdict.placeholders[indicator.id] = withheld
        verdict.absent.append(indicator)
        return True
    if indicator.note and _declined(indicator, best, lang, search.vocabulary):
        verdict.not_implementer[indicator.id] = best.unit
        return True
    if place.unread is not None and _not_shown(verdict, indicator, best, place.unread, search.artifacts):
        return True
    if best.rank == 3 and (other := _page_of_another(verdict, indicator, best)) is not None:
        # only the address names it, on a page that shows another indicator: not shown, and said
        verdict.doubts.append(address_only_doubt(indicator, best, lang, other))
        verdict.absent.append(indicator)
        return True
    portals = [p for p in indicator.urls if "." in p]  # a host: a link there is where the indicator is read
    if (
        best.rank == 3
        and search.content_only
        and (away := referred_away(unit_blocks(best.unit), best.unit.url, lang, portals))
    ):
        # only the address names it, on a page sending the reader to another site for it: not shown, and said
        verdict.doubts.append(away_doubt(indicator, best, lang, *away))
        verdict.absent.append(indicator)
        return True
    if indicator.parts:
        # a closed list's parts (the e-appeals' link to the egov app) are read in the section, not elsewhere on the site
        elsewhere = () if indicator.parts_closed else search.units
        named, missing = missing_parts(indicator, [best.unit, *search.section_units], lang, elsewhere)
        if missing:  # some of the forms the wording lists: said; not shown unless enough of an open list
            verdict.doubts.append(parts_doubt(indicator, best.unit, lang, named, missing))
            if not parts_enough(indicator, named):
                verdict.absent.append(indicator)
                return True
    if place.weak == "heading_only":  # a heading over nothing: not shown, and said
        verdict.doubts.append(weak_doubt(indicator, best, place.weak))
        verdict.placeholders.setdefault(indicator.id, (best, ""))
        verdict.absent.append(indicator)
        return True
    if place.weak == "other_reading":  # a place that only points to another site's page on the same host
        verdict.doubts.append(elsewhere_doubt(indicator, best, search.artifacts.site_urls))
        verdict.absent.append(indicator)
        return True
    held = verdict.placeholders.get(indicator.id)  # recorded by the search: a placeholder under its own heading
    if held is not None and (held[0].unit is not best.unit or held[0].block is None or held[0] is best):
        held = None
    empty = None
    if place.weak is None and held is None:
        empty = _own_heading_over_nothing(search, indicator, best, verdict)
    elif place.weak is None and held is not None and _held_nothing_yet(search, best, held):
        empty = held
    if empty is not None:
        # the page's own heading for it holds nothing or says it is to come (found on the page, or recorded by the
        # search): its words elsewhere on the page are no more than a mention
        verdict.doubts.append(_own_heading_says_none(indicator, best, empty, shown=False))
        verdict.placeholders.setdefault(indicator.id, empty)
        verdict.absent.append(indicator)
        return True
    if held is not None and place.weak is None:  # a notice under its heading there (perhaps «there is none now»)
        verdict.doubts.append(_own_heading_says_none(indicator, best, held, shown=True))
    elif place.weak is not None:
        verdict.doubts.append(weak_doubt(indicator, best, place.weak))
    elif indicator.per_item and not _every_item(search, indicator, verdict):
        return True
    elif (listed := _entries_left(search, indicator, best, verdict)) is not None:
        verdict.incomplete_items[indicator.id] = listed
    if _only_scans_nearer(search, indicator, place, verdict):
        return True
    _newest_scanned(search, indicator, best, verdict)
    verdict.present[indicator.id] = best.unit
    _currency(search, indicator, place, best, verdict)
    return True


def _currency(search: Search, indicator: Indicator, place: Place, best: Hit, verdict: Verdict) -> None:
    """A shown indicator's place out of date (the note's «несвоевременное обновление»), or - where the text asks it to
    be current and nothing there dates it - counted current and said to be doubtful."""
    if place.stale is not None:
        verdict.stale[indicator.id] = f"{best.cite()}: {place.stale}"
    elif place.weak is None and undated(indicator, best, _folder_entries(search, best)):
        verdict.doubts.append(undated_doubt(indicator, best))


def _folder_entries(search: Search, hit: Hit) -> list[Entry]:
    """The files of the folder listings the place only points at (none for any other place)."""
    return [e for f in _pointed_folders(search, hit) or () for e in entries(f)]


def _entries_left(search: Search, indicator: Indicator, best: Hit, verdict: Verdict) -> ItemReading | None:
    """The entries of the indicator's list that leave out what each must give: a contact (a list «с контактами»), or
    what its ``each_entry`` names (a draft's explanatory note)."""
    if indicator.with_contacts:
        return _contactless(search, indicator, best, verdict)
    if indicator.each_entry:
        found, carded = entries_wanting(best, indicator.each_entry, best.unit.lang)
        if carded:
            verdict.doubts.append(carded_doubt(indicator, carded))
        return found
    return None


def _contactless(search: Search, indicator: Indicator, best: Hit, verdict: Verdict) -> ItemReading | None:
    """The entries of a list «с контактами» giving no contact (:func:`.instances.contactless`); for a list read only
    for giving none at all, a second list of it under another heading on the same page too (not one another indicator
    of the section names: the territorial departments below the units). A list read for giving no contact at all that
    gives every entry's phone and no e-mail of any is counted, and the verdict says it may be read as incomplete."""
    found = contactless(best, indicator.contact_at_all)
    if indicator.contact_at_all:
        if found is None or found.missing == "e-mail":
            lang = best.unit.lang
            section = search.section.indicators_for(search.artifacts.kind)
            others = [i.keywords.get(lang, ()) for i in section if i is not indicator]
            second = another_list(best, indicator.keywords.get(lang, ()), others)
            if second is not None and second.missing is None:
                return second  # a second list naming its entries with no contact at all
            found = found or second
        if found is not None and found.missing == "e-mail":
            # every entry's phone and no e-mail of any: counted as the list «с контактами», and said
            verdict.doubts.append(phones_only_doubt(indicator, best, found))
            return None
    if found is not None and found.missing == "own contacts":
        verdict.doubts.append(shared_contact_doubt(indicator, best, found))
    return found


def _only_scans_nearer(search: Search, indicator: Indicator, place: Place, verdict: Verdict) -> bool:
    """A "*" indicator whose nearer place (its heading or title, a link naming it) offers it only as pictures or
    scans while its best place names it less directly: said; where the nearer place is its own heading or title and
    the other only a phrase of another block's text, not shown (True) - that heading's material is the scan."""
    best = place.best
    if best is None or place.refused is None or place.refused[0].rank >= best.rank:
        return False
    scan_only = place.refused[0].rank == 0 and best.rank >= 2
    verdict.doubts.append(scan_passed_doubt(indicator, best, *place.refused, shown=not scan_only))
    return scan_only and _not_shown(verdict, indicator, place.refused[0], place.refused[1], search.artifacts)


def _newest_scanned(search: Search, indicator: Indicator, best: Hit, verdict: Verdict) -> None:
    """A "*" indicator shown by a place of dated files whose newest is offered only as a picture or a scan, the older
    ones machine-readable: incomplete (the information as it now stands is not «в машиночитаемом виде»), uncertain -
    the assessor may read the older files as enough."""
    if (
        indicator.id in verdict.incomplete_items
        or search.artifacts.kind not in indicator.machine_readable
        or reading(search.artifacts.config, "a15-machine-readable") != "required"
        or (best.rank == 1 and best.href)
    ):
        return
    place = best.extent or ((best.block,) if best.block else ())
    newest = newest_unreadable(best.unit, place, indicator.keywords[search.lang])
    if newest is None:
        return
    label, why = newest
    item = Item(best.unit, tuple(place), label)
    verdict.incomplete_items[indicator.id] = ItemReading((item,), (item,), "machine_readable")
    verdict.doubts.append(newest_scan_doubt(indicator, best, label, why))


def _page_of_another(verdict: Verdict, indicator: Indicator, hit: Hit) -> str | None:
    """How another indicator of the section is shown on the page the hit found by its own address alone (its
    heading, title or label there), or None when none is. A page whose content links an address of the kind on
    another site (the procurement portal) is found by that link: it is the material, not the page's name."""
    own = any(p in hit.unit.tags for p in indicator.urls)
    host = urlsplit(hit.unit.url).hostname
    hrefs = [urljoin(hit.unit.url, h) for b in unit_blocks(hit.unit) for h in b.hrefs]
    if not own or any(p in h and urlsplit(h).hostname != host for h in hrefs for p in indicator.urls):
        return None
    for other in verdict.present:
        found = verdict.hits.get(other)
        if found is not None and found.unit is hit.unit and found.rank < 3:
            return found.how
    return None


def _withheld_holder(search: Search, indicator: Indicator) -> tuple[Hit, str] | None:
    """Table 7 row 1 lists whose phones are given («телефоны … структурных подразделений, территориальных
    органов и подведомственных организаций»): a page titled by one of them, or a heading of a contacts page
    naming one, over a placeholder («Аумақтық бөлімшелер: Ақпарат дайындалуда») shows that the body has them
    and gives none of their phones, found as the others' may be: the indicator is not shown. The place and
    its words, or None."""
    lang = search.lang
    keywords = indicator.keywords.get(lang, ())
    if not (search.content_only and indicator.detect == "phone" and keywords):
        return None
    members = {id(u) for u in search.section_units}
    for unit in search.units:
        every = unit_blocks(unit)
        places = []
        if matches(keywords, unit.title):
            how = f"the page titled «{(unit.shown_title or unit.title)[:80]}»"
            top = next((b for b in every if b.heading == unit.title), None)  # its heading repeating the title
            places.append(Hit(unit, top, how, extent_of(every, top) if top else every, 0, unit.title))
        if id(unit) in members:
            places += [
                Hit(unit, b, f"the heading «{b.raw_heading[:80]}»", extent_of(every, b), 0, b.heading)
                for b in every
                if b.heading and b.heading != unit.title and matches(keywords, b.heading)
            ]
        for hit in places:
            said = placeholder(hit, lang, search.vocabulary, search.template)
            said = said if said is not None else opening(hit, lang, search.vocabulary)
            if said and notice_kind(said, lang, search.vocabulary) != "none":
                return hit, said[:200]
    return None


def _own_heading_over_nothing(
    search: Search, indicator: Indicator, best: Hit, verdict: Verdict
) -> tuple[Hit, str] | None:
    """The heading naming the indicator itself on the page of its best place, elsewhere than that place, that
    holds a placeholder or nothing (a drafts' page whose «Талқылаудағы жобалар» says «Ақпарат дайындалуда» under
    a sentence on where drafts are discussed; a caption «Результаты проверок» alone, the words «по результатам
    проверок» in the next paragraph's note on complaints): the page's own place for it says it is not there.
    The heading and what it holds, or None."""
    if search.content_only or indicator.detect or indicator.match == "memo" or best.block is None:
        return None
    keywords = indicator.keywords.get(search.lang, ())
    every = unit_blocks(best.unit)
    given = Counter(b.heading for b in every)
    for at, block in enumerate(every):
        if not matches(keywords, block.heading):
            continue  # not its heading
        if block is best.block or block.heading in (best.unit.title, best.block.heading) or given[block.heading] > 1:
            continue  # the page's own title, or a heading the page gives twice (a tab's label over its panel's)
        if any(
            other.id != indicator.id and matches(other.keywords.get(search.lang, ()), block.heading)
            for other in search.section.indicators
        ):
            continue  # another indicator's heading too («План мероприятий по реализации Послания»)
        if block in best.extent or best.block in extent_of(every, block):
            continue  # the place is under it, or it under the place
        if at + 1 < len(every) and NUMBERED.match(every[at + 1].heading):
            continue  # a list's caption over its numbered items, captions of the same level («1. Выдача справки …»)
        hit = Hit(
            best.unit, block, f"the heading «{block.raw_heading[:80]}»", extent_of(every, block), 0, block.heading
        )
        said = placeholder(hit, search.lang, search.vocabulary, search.template)
        if said is not None and _nothing_yet(search, said):
            return hit, said
    return None


NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s")  # an item's caption in a numbered list


def _held_nothing_yet(search: Search, best: Hit, held: tuple[Hit, str]) -> bool:
    """The indicator's own heading on the best place's page (another block than the place's) says its information is
    to come, or, a part of the page, holds nothing: the rest of the page is no more than a mention (a page's top
    heading over nothing heads what follows it)."""
    hit, said = held
    return hit.block is not best.block and _nothing_yet(search, said) and bool(said or _sub_heading(hit))


def _sub_heading(hit: Hit) -> bool:
    """The hit's heading stands under another heading of its page (a module's title under the page's): a part of the
    page, not its top heading, nor a tab's label its panel's own heading repeats (the panel holds what it names)."""
    block = hit.block
    if block is None or not block.above:
        return False
    every = unit_blocks(hit.unit)
    after = next((every[n + 1] for n, b in enumerate(every[:-1]) if b is block), None)
    return after is None or after.heading != block.heading


def _nothing_yet(search: Search, said: str) -> bool:
    """Whether what a heading holds is nothing or a placeholder for what is to come (not a notice that may say
    there is none now, «Информация отсутствует»)."""
    return said == "" or notice_kind(said, search.lang, search.vocabulary) == "pending"


def _own_heading_says_none(indicator: Indicator, best: Hit, held: tuple[Hit, str], shown: bool) -> Doubt:
    """The doubt of an indicator whose best place is on a page where a heading naming the indicator itself holds
    a placeholder or nothing (:func:`_own_heading_over_nothing`): counted as not shown (``shown``: as shown, the
    notice perhaps saying there is none now), the rest of the page may or may not be it."""
    hit, said = held
    said = said[:120]
    held_text = f"«{said}»" if said else "nothing"
    return Doubt(
        indicator.id,
        "other_reading",
        best.unit,
        said or hit.label,
        f"{indicator.id}: on {best.unit.url} {hit.how}, the page's own heading for it, holds {held_text}: counted "
        f"as {'shown' if shown else 'not shown'}; look whether {best.how} is the information or only mentions it",
    )


def _every_item(search: Search, indicator: Indicator, verdict: Verdict) -> bool:
    """An indicator stated for every item (:mod:`.instances`): False (absent) when none of the items found
    names it; items lacking it are recorded, a single item leaves the verdict uncertain."""
    found = _items_read(search, indicator)
    if found is None:
        return True
    if len(found.without) == len(found.items):
        verdict.absent.append(indicator)
        return False
    _note_items(indicator, found, verdict)
    return True


def _items_read(search: Search, indicator: Indicator) -> ItemReading | None:
    """The indicator read over the section's current items (:func:`~.instances.per_item`), or None."""
    found = per_item(
        indicator, search.units, search.section_units, search.section, search.lang, search.pages, search.vocabulary
    )
    return None if found is None else _current_items(found, search.artifacts.as_of)


def _note_items(indicator: Indicator, found: ItemReading, verdict: Verdict) -> None:
    """The items lacking the indicator recorded (неполнота), or a single item's doubt."""
    if found.without:
        verdict.incomplete_items[indicator.id] = found
    elif len(found.items) == 1:
        verdict.doubts.append(single_doubt(indicator, found.items[0]))


PAST_ITEM_DAYS = 180  # an item all of whose dates are this much older than the audit is a past competition's post


def _current_items(found: ItemReading, as_of: date) -> ItemReading:
    """The items of a reading that are current: a post all of whose dates (named in its blocks, or its page's own)
    lie :data:`PAST_ITEM_DAYS` or more before the audit belongs to a competition long over (a past year's archive), no
    post vacant now; «квалификационные требования к кандидатам на вакантную должность» are asked of the vacant ones.
    Where fewer than two items are current, all are read: one current post cannot tell whether every post states the
    indicator, and an old call still announced beside it is the section's currency (judged elsewhere)."""

    def past(item: Item) -> bool:
        days = [d for b in item.blocks for d in (*b.dates, *b.stamps)] or list(item.unit.dates)
        return bool(days) and all((as_of - d).days >= PAST_ITEM_DAYS for d in days)

    current = tuple(i for i in found.items if not past(i))
    if len(current) < 2 or len(current) == len(found.items):
        return found
    return replace(found, items=current, without=tuple(i for i in found.without if i in current))


def _not_found(search: Search, indicator: Indicator, place: Place, verdict: Verdict) -> None:
    """An indicator with no place: in the other language only, unknown (its pages refused), nothing
    to post (``if_any``), or absent."""
    if place.foreign is not None:
        verdict.foreign[indicator.id] = place.foreign
        return
    if indicator.note and (declined := declined_anywhere(search, indicator)) is not None:
        verdict.not_implementer[indicator.id] = declined
        return
    artifacts, lang = search.artifacts, search.lang
    why = unmeasurable(artifacts, indicator.needs, lang) if indicator.needs else None
    failed = [
        f
        for f in artifacts.failures
        if bare_host(f.url) in search.own_hosts
        and any(p in f.url.lower() for p in (*indicator.urls, *search.section.urls))
        and p_lang(f.url, lang)
        and tells_unknown(f)
        and not hides_nothing(f.url, (page.url for page in artifacts.pages), search.own_hosts)
    ]
    if why is None and failed:
        why = f"{failed[0].reason} on {failed[0].url}"
    if why is None and (card := _side_card(search, indicator)) is not None:
        verdict.hits[indicator.id] = card
        verdict.present[indicator.id] = card.unit
        return
    if why is not None:
        verdict.unknown.append((indicator, why))
    elif indicator.if_any and (
        not any(i in verdict.present for i in indicator.expected_with)
        or any(matches(indicator.none_said.get(lang, ()), u.text) for u in search.section_units)
    ):
        verdict.if_any_absent.append(indicator)
    elif not indicator.if_any and any(matches(indicator.none_said.get(lang, ()), u.main) for u in search.units):
        # asked «в пределах полномочий» (Table 7 row 3): the body's word, on any page, that it has no such power
        verdict.if_any_absent.append(indicator)
    elif indicator.merged_into and (carrier := verdict.hits.get(indicator.merged_into)) is not None:
        # a later law made the shown indicator's document carry this one's: shown there, the assessor asked
        verdict.hits[indicator.id] = carrier
        verdict.present[indicator.id] = carrier.unit
        verdict.doubts.append(merged_doubt(indicator, carrier, lang))
    else:
        verdict.absent.append(indicator)
        if indicator.detect == "address" and (
            doubt := address_doubt(indicator, search.section_units or search.units, lang)
        ):
            verdict.doubts.append(doubt)


def _side_card(search: Search, indicator: Indicator) -> Hit | None:
    """A card of a section page's side column named by the indicator (Appendices 15 and 16: «График приема» beside
    the content, :func:`~.readings.side_cards`) with its information under it - not a placeholder - as the place
    that shows it; None where there is none. Table 7 asks for the information itself: a card counts there only
    where its text holds what the indicator's ``with`` asks («График приема граждан» over its days and hours),
    never by its heading alone (a menu's or a banner's label is no information)."""
    lang = search.lang
    needed = indicator.together.get(lang, ()) if search.content_only else ()
    if indicator.detect or (search.content_only and not needed):
        return None
    if indicator.match not in (("headings", "anywhere") if search.content_only else ("headings",)):
        return None
    keywords = indicator.keywords.get(lang, ())
    unless, empty = indicator.unless.get(lang, ()), search.vocabulary.empty_phrases.get(lang, ())
    for unit in search.section_units:
        for heading, text, written in side_cards(unit):
            if search.content_only and not matches(needed, text):
                continue
            if matches(keywords, heading) and not matches(unless, heading) and not matches(empty, text):
                return Hit(unit, None, f"the side column's «{written[:80]}»", (), 1, heading)
    return None


# a link to a file is the material offered to download, not the label of a page left unread
FILE_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|odt|ods|odp|rtf|pptx?|csv|txt|xml|json|rar|zip|7z|gz)$", re.I)


def own_link(hit: Hit, own_hosts: frozenset[str]) -> bool:
    """Whether the link of a hit leads to a page of the body's own site (relative, or one of its hosts)
    other than the page itself: a link to another site (the Akorda's, the legal database) is itself what
    an indicator «либо ссылка» asks for, a link to a file is the material, and a page linking to itself
    (its menu's current item) was read."""
    parts = urlsplit(hit.href)
    host = bare_host(hit.href)
    if FILE_LINK.search(parts.path) or without_anchor(hit.href).rstrip("/") == hit.unit.url.lower().rstrip("/"):
        return False
    return not host or host in own_hosts


def p_lang(url: str, lang: str) -> bool:
    """A failed URL concerns ``lang`` unless it names the other language."""
    other = "ru" if lang == "kk" else "kk"
    return f"lang={other}" not in url and f"/{other}/" not in url
