"""Judging one section in one language: which listed indicators are present, how current each is,
and the deficiencies the Appendix 15 note lists.

* presence — an indicator is found the way a reader finds it (:mod:`.keywords`, ``match``): by
  page titles, the labels of links, the headings of the content and the content itself, never by a
  menu's word on every page. Its keywords (kk on kk units, ru on ru) in that scope, one of its URL
  patterns, or its detector (``phone``, ``email`` …) in the same block as its keywords. Every found
  indicator is cited in ``measured.found`` (the heading or link and the page); an indicator resting
  on a reading of the text names it (``measured.readings``). The rows give their points «при наличии
  индикаторов»: a place that holds a placeholder instead («Информация готовится», «Ақпарат
  дайындалуда»; not «Вакансий нет», which is the information) does not show it (``measured.placeholders``,
  and its page is not deducted again as incomplete); a heading or title over nothing (no text, link or
  file) does not either, and the verdict is uncertain (``heading_only``); a link's label to a page of the
  body's own site that was not read shows it on its word, uncertain (``label_only``). Table 7 reads
  only the content and takes such a link at its word (``content_only``, ``measured.announced``). A
  date's label («Дата последнего изменения», «Соңғы өзгеріс күні») names no indicator. ``if_any``
  indicators ("при наличии") that are absent are "nothing to post" (``measured.if_any_absent``). The
  note's indicators (state programmes, the Road Map, the green-economy acts: "if the body does not
  implement them, a short message is posted") are "nothing to post" only where that message is found next to their words
  (``measured.not_implementer``); without it they are missing.
* language — an indicator whose block is written in the other language (a Kazakh heading over a
  Russian text) is not present in this language: ``not_authentic`` (неаутентичность текстов), listed
  in ``measured.other_language``. An item whose counterpart in this language was looked for and is not
  there is not authentic too; an indicator the other language shows and this one's recognition did not
  is said, uncertain (:mod:`.languages`: what is measured and what is not).
* currency — an indicator with ``current`` is stale when its block's freshest date or latest year
  is too old (``untimely_update``, несвоевременное обновление; listed in ``measured.stale``); it
  still counts as shown. A section with ``periodicity_days`` and no indicator-level currency is
  judged as a whole: its freshest dated unit (dates after ``as_of`` are announcements) against it.
* nothing to post counts as present, or is left out of the count (interpretation
  a15-nothing-to-publish: counts-as-present | excluded); share = present (fresh or stale) ÷ listed
  (the scorer's a15-indicator-share decides what a share earns); ``pass`` when all are counted and
  nothing is deficient, ``fail`` when none is, ``partial`` otherwise.
* memos (Appendix 16, public services, indicator 3 «Памятка о получении государственной услуги»,
  3.1-3.6): read per service (:func:`memos_of`), each listed service's own page or its block on the
  list page; a part is shown when a memo names it.
* deficiencies (−0.1 each in the edition): ``incomplete`` (a section page holding a placeholder for
  the section's own information, :mod:`.notices`; a service's memo lacking a part the others give, or a
  listed service with no memo of its own), ``outdated_npa`` (an act marked repealed), ``untimely_update``,
  ``not_authentic`` (an indicator in the other language, a section item whose counterpart was looked
  for and is not there, or counterparts of very different size), ``no_law_link`` (a law cited with no
  link in the same paragraph). One deficiency per kind and section, its count 1, listing the items
  (interpretation: the note deducts per deficiency found, not per page). The page deficiencies are the
  2017 notes' (Appendices 15 and 16): Table 7 has none (``deductions=False``).
* unknown — an indicator is unknown (the section ``not_assessed``) only when the body's own pages
  that would hold it could not be fetched, or its content type was refused; a link check of
  another site failing says nothing about what the body publishes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ashyq.base.artifacts import BodyArtifacts, FetchFailure
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.text import fold_kazakh, normalise
from ashyq.base.vocabulary import LANGS, Lang, Status
from ashyq.base.wording import Said
from ashyq.checks.completeness.corpus import Unit, in_lang, unmeasurable
from ashyq.checks.completeness.corpus import content_only as content_only_unit
from ashyq.checks.completeness.instances import ItemReading, per_item
from ashyq.checks.completeness.keywords import Indicator, Section, Vocabulary
from ashyq.checks.completeness.languages import Elsewhere, authenticity, elsewhere
from ashyq.checks.completeness.machine_readable import unreadable
from ashyq.checks.completeness.memos import (
    Memo,
    MemoReading,
    in_memo,
    incomplete_memos,
    memos_of,
    pages_by_address,
)
from ashyq.checks.completeness.notices import notice_kind, opening, placeholder_pages
from ashyq.checks.completeness.page_blocks import Block
from ashyq.checks.completeness.places import (
    Hit,
    hits_in,
    in_section,
    language_of,
    matches,
    paragraphs,
    placeholder,
    section_blocks,
    staleness,
    together_ok,
    unit_blocks,
)
from ashyq.checks.completeness.readings import (
    Doubt,
    address_doubt,
    date_label,
    missing_parts,
    parts_doubt,
    parts_enough,
    single_doubt,
    tells_unknown,
    weak_doubt,
)
from ashyq.checks.edition_index import reading
from ashyq.checks.result import DoubtReason, Result, not_assessed

MAX_EVIDENCE = 12
PAGES_AND_RECORDS = "pages and records"  # what Appendix 15 and Table 7 read (a source of its own message)
NOTHING_HARVESTED = Said("no pages or gov.kz records were harvested", "reason.a15.nothing_harvested")


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

    def nothing_to_post(self) -> int:
        return len(self.if_any_absent) + len(self.not_implementer)


NOTE_WINDOW = 200  # characters around the indicator's words in which the note's message is looked for


def not_implementer_message(indicator: Indicator, unit: Unit, lang: str, vocabulary: Vocabulary) -> bool:
    """Does ``unit`` say the body does not implement ``indicator`` (the Appendix 15 note's message)?"""
    phrases = vocabulary.not_implementer_phrases.get(lang, ())
    for pattern in indicator.keywords[lang]:
        for found in pattern.finditer(unit.text):
            window = unit.text[max(0, found.start() - NOTE_WINDOW) : found.end() + NOTE_WINDOW]
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


def _scope(
    indicator: Indicator,
    units: list[Unit],
    section_units: list[Unit],
    section: Section,
    lang: str,
    memos: Sequence[Memo] = (),
) -> list[tuple[Unit, list[Block], bool]]:
    """(unit, blocks to read, headings only?) in the order a reader would look."""
    members = {id(u) for u in section_units}
    if indicator.match == "section":
        out = [(u, section_blocks(u, section, lang, True), False) for u in section_units]
        for unit in units:
            if id(unit) not in members and (headed := section_blocks(unit, section, lang, False)):
                out.append((unit, headed, False))
        return out
    if indicator.match == "memo":
        return [(m.unit, list(m.blocks), False) for m in memos]
    if indicator.match == "titles":
        return [(u, [], True) for u in units]
    headings_only = indicator.match == "headings"
    ordered = section_units + [u for u in units if id(u) not in members]
    return [(u, list(unit_blocks(u)), headings_only) for u in ordered]


def _unreadable(indicator: Indicator, hit: Hit, lang: str, kind: str) -> str | None:
    """Why the place of a "*" indicator (Appendix 15: to be published in a machine-readable form)
    offers it only as pictures or scans; None when it does not, or the indicator has no "*"."""
    if kind not in indicator.machine_readable:
        return None
    place = hit.extent or ((hit.block,) if hit.block else ())
    return unreadable(hit.unit, place, hit.label, indicator.keywords[lang])


def _place_key(
    indicator: Indicator, hit: Hit, lang: str, artifacts: BodyArtifacts
) -> tuple[tuple[int, int, int], str | None, str | None]:
    """How good a place of the indicator is - (not shown for being only pictures or scans, rank, out of
    date), the lowest the best - with why it is out of date and why it is not machine-readable."""
    stale = staleness(indicator, hit, artifacts.as_of)
    unread = _unreadable(indicator, hit, lang, artifacts.kind)
    refused = unread is not None and reading(artifacts.config, "a15-machine-readable") == "required"
    return (int(refused), hit.rank, 0 if stale is None else 1), stale, unread


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
    own_hosts = {(urlsplit(u).hostname or "").lower().removeprefix("www.") for u in artifacts.site_urls}
    own_hosts |= {(urlsplit(u.url).hostname or "").lower().removeprefix("www.") for u in units}
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
    )
    for indicator in section.indicators_for(artifacts.kind):
        place = best_place(search, indicator, verdict)
        if not _shown(search, indicator, place, verdict):
            _not_found(search, indicator, place, verdict)
    verdict.placeholders = {key: said for key, said in verdict.placeholders.items() if key not in verdict.present}
    verdict.incomplete_memos = incomplete_memos(search.memos.memos)
    verdict.memoless = search.memos.without
    verdict.memos = search.memos.memos
    return verdict


def best_place(search: Search, indicator: Indicator, verdict: Verdict) -> Place:
    """The best place of the indicator in the order a reader looks (the first that cannot be bettered
    ends the search); places holding a placeholder are recorded in ``verdict.placeholders``."""
    place = Place()
    lang = search.lang
    scope = _scope(indicator, search.units, search.section_units, search.section, lang, search.memos.memos)
    for unit, blocks, headings_only in scope:
        for hit in hits_in(indicator, unit, lang, search.vocabulary, blocks, headings_only, search.pages):
            if (0, 0, hit.rank) > place.key[:3]:
                continue
            if indicator.match == "memo" and not in_memo(hit, unit, blocks):
                continue
            if indicator.unless and hit.label and matches(indicator.unless.get(lang, ()), hit.label):
                continue
            if hit.label and date_label(hit.label, hit.block.text if hit.block and hit.rank == 0 else None):
                continue  # a date's label: when the page changed, no section
            language = language_of(hit)
            if language is not None and language not in (lang, indicator.official_language):
                place.foreign = place.foreign or hit
                continue
            said, weak = _what_it_holds(search, indicator, hit)
            if said is not None:
                verdict.placeholders.setdefault(indicator.id, (hit, said))
                continue
            if not together_ok(indicator, hit, lang):
                continue  # after the placeholder: a heading over «Информация будет размещена» is said to be one
            (refused, rank, old), why, unread = _place_key(indicator, hit, lang, search.artifacts)
            key = (refused, int(weak is not None), rank, old)
            if key < place.key:
                place.best, place.key, place.stale, place.unread, place.weak = hit, key, why, unread, weak
        if place.key == (0, 0, 0, 0):
            break
    return place


def _what_it_holds(search: Search, indicator: Indicator, hit: Hit) -> tuple[str | None, DoubtReason | None]:
    """(the placeholder the place holds instead of the information, the weakness of a place that is
    only a heading or a link's label). Table 7 (``content_only``): a heading over nothing is a
    placeholder too (""), a link to a page not read is taken at its word. Elsewhere a detector's find (a
    phone, an address) and a memo's parts are information themselves. A statement that there is nothing of
    the kind now («Вакансии отсутствуют», «Бос лауазымдар жоқ») is information, not a placeholder
    (:mod:`.notices`)."""
    if not search.content_only and (indicator.detect or indicator.match == "memo"):
        return None, None
    said = placeholder(hit, search.lang, search.vocabulary)
    if said is None:
        said = opening(hit, search.lang, search.vocabulary)
    if said and notice_kind(said, search.lang, search.vocabulary) == "none":
        return None, None
    if search.content_only or said:
        return said, None
    if said == "":
        return None, "heading_only"
    if hit.announced and own_link(hit, search.own_hosts):
        return None, "label_only"
    return None, None


def _shown(search: Search, indicator: Indicator, place: Place, verdict: Verdict) -> bool:
    """Record the indicator where its best place shows it (present, declined by the note's message,
    offered only as pictures, one form of several, a heading over nothing); False when there is none."""
    best = place.best
    if best is None:
        return False
    lang = search.lang
    verdict.hits[indicator.id] = best
    if indicator.note and _declined(indicator, best, lang, search.vocabulary):
        verdict.not_implementer[indicator.id] = best.unit
        return True
    if place.unread is not None and _not_shown(verdict, indicator, best, place.unread, search.artifacts):
        return True
    if indicator.parts:
        # a closed list's parts (the e-appeals' link to the egov app) are read in the section, not elsewhere on the site
        elsewhere = () if indicator.parts_closed else search.units
        named, missing = missing_parts(indicator, [best.unit, *search.section_units], lang, elsewhere)
        if missing:  # some of the forms the wording lists: said; not shown unless enough of an open list
            if not indicator.parts_closed:  # a closed list (no «и др.») has no other reading
                verdict.doubts.append(parts_doubt(indicator, best.unit, lang, named, missing))
            if not parts_enough(indicator, named):
                verdict.absent.append(indicator)
                return True
    if place.weak == "heading_only":  # a heading over nothing: not shown, and said
        verdict.doubts.append(weak_doubt(indicator, best, place.weak))
        verdict.placeholders.setdefault(indicator.id, (best, ""))
        verdict.absent.append(indicator)
        return True
    if place.weak is not None:
        verdict.doubts.append(weak_doubt(indicator, best, place.weak))
    elif indicator.per_item and not _every_item(search, indicator, verdict):
        return True
    verdict.present[indicator.id] = best.unit
    if place.stale is not None:
        verdict.stale[indicator.id] = f"{best.cite()}: {place.stale}"
    return True


def _every_item(search: Search, indicator: Indicator, verdict: Verdict) -> bool:
    """An indicator stated for every item (:mod:`.instances`): False (absent) when none of the items found
    names it; items lacking it are recorded, a single item leaves the verdict uncertain."""
    found = per_item(indicator, search.units, search.section_units, search.section, search.lang, search.pages)
    if found is None:
        return True
    if len(found.without) == len(found.items):
        verdict.absent.append(indicator)
        return False
    if found.without:
        verdict.incomplete_items[indicator.id] = found
    elif len(found.items) == 1:
        verdict.doubts.append(single_doubt(indicator, found.items[0]))
    return True


def _not_found(search: Search, indicator: Indicator, place: Place, verdict: Verdict) -> None:
    """An indicator with no place: in the other language only, unknown (its pages refused), nothing
    to post (``if_any``), or absent."""
    if place.foreign is not None:
        verdict.foreign[indicator.id] = place.foreign
        return
    artifacts, lang = search.artifacts, search.lang
    why = unmeasurable(artifacts, indicator.needs, lang) if indicator.needs else None
    failed = [
        f
        for f in artifacts.failures
        if (urlsplit(f.url).hostname or "").lower().removeprefix("www.") in search.own_hosts
        and any(p in f.url.lower() for p in (*indicator.urls, *search.section.urls))
        and p_lang(f.url, lang)
        and tells_unknown(f)
    ]
    if why is None and failed:
        why = f"{failed[0].reason} on {failed[0].url}"
    if why is not None:
        verdict.unknown.append((indicator, why))
    elif indicator.if_any and not any(i in verdict.present for i in indicator.expected_with):
        verdict.if_any_absent.append(indicator)
    else:
        verdict.absent.append(indicator)
        if indicator.detect == "address" and (
            doubt := address_doubt(indicator, search.section_units or search.units, lang)
        ):
            verdict.doubts.append(doubt)


# a link to a file is the material offered to download, not the label of a page left unread
FILE_LINK = re.compile(r"\.(?:pdf|docx?|xlsx?|odt|ods|odp|rtf|pptx?|csv|txt|xml|json|rar|zip|7z|gz)$", re.I)


def own_link(hit: Hit, own_hosts: frozenset[str]) -> bool:
    """Whether the link of a hit leads to a page of the body's own site (relative, or one of its hosts)
    other than the page itself: a link to another site (the Akorda's, the legal database) is itself what
    an indicator «либо ссылка» asks for, a link to a file is the material, and a page linking to itself
    (its menu's current item) was read."""
    parts = urlsplit(hit.href)
    host = (parts.hostname or "").lower().removeprefix("www.")
    if FILE_LINK.search(parts.path) or hit.href.split("#", 1)[0].rstrip("/") == hit.unit.url.lower().rstrip("/"):
        return False
    return not host or host in own_hosts


def p_lang(url: str, lang: str) -> bool:
    """A failed URL concerns ``lang`` unless it names the other language."""
    other = "ru" if lang == "kk" else "kk"
    return f"lang={other}" not in url and f"/{other}/" not in url


def _deficiency(kind: str, message: Said, units: Sequence[Unit], snippet: str | None = None) -> Deficiency:
    first = units[0]
    return Deficiency(
        message=message,
        kind=kind,
        url=first.url,
        selector="main" if first.kind == "page" else None,
        record=first.key if first.kind not in ("page", "mobile") else None,
        evidence=[u.evidence(snippet) for u in units[:MAX_EVIDENCE]],
    )


def currency(
    artifacts: BodyArtifacts, section: Section, section_units: list[Unit]
) -> tuple[dict[str, Any], Unit | None]:
    """The freshest dated unit of the section and its age against the periodicity, both as of the last
    day judged: the audit date, or the end of a reporting period that has ended (what was current in
    the period is judged at its end; a later date is not of the period)."""
    until = artifacts.reporting_period().judged_until(artifacts.as_of)
    dated = [(d, u) for u in section_units for d in u.dates if d <= until]
    if not dated:
        return {"freshest": None}, None
    day, unit = max(dated, key=lambda pair: pair[0])
    age = (until - day).days
    out: dict[str, Any] = {"freshest": day.isoformat(), "age_days": age}
    if section.periodicity_days is not None:
        out["periodicity_days"] = section.periodicity_days
        out["stale"] = age > section.periodicity_days
    return out, unit


def _citations_without_links(unit: Unit, vocabulary: Vocabulary, lang: str) -> str | None:
    """The first law citation in a paragraph of the unit's HTML that has no link, if any."""
    read = fold_kazakh if lang == "kk" else normalise
    for written, linked in paragraphs(unit):
        text = read(written)
        hit = matches(vocabulary.law_citations[lang], text)
        if hit and not linked:
            return text[max(0, hit.start() - 40) : hit.end() + 80]
    return None


def content_deficiencies(
    section: Section,
    section_units: list[Unit],
    lang: str,
    vocabulary: Vocabulary,
    counted: Iterable[Unit] = (),
    doubts: list[Doubt] | None = None,
) -> list[Deficiency]:
    """The section's incomplete pages (a placeholder for the section's own information: :mod:`.notices`),
    repealed acts and law citations without links. ``counted``: pages whose placeholder already left an
    indicator not shown (one finding, one consequence). A placeholder whose words do not tell it from «there
    is none» adds its doubt to ``doubts``."""
    out = []
    skip = {id(u) for u in counted}
    empty, unclear = placeholder_pages(section, [u for u in section_units if id(u) not in skip], lang, vocabulary)
    if doubts is not None:
        doubts += unclear
    if empty:
        said = Said(
            f"{len(empty)} section page(s) say there is nothing to show", "deficiency.a15.empty_pages", count=len(empty)
        )
        out.append(_deficiency("incomplete", said, empty))
    repealed = [u for u in section_units if matches(vocabulary.repealed_phrases[lang], u.main)]
    if repealed:
        said = Said(
            f"{len(repealed)} item(s) are acts marked as repealed", "deficiency.a15.repealed", count=len(repealed)
        )
        out.append(_deficiency("outdated_npa", said, repealed))
    unlinked = [(u, s) for u in section_units if (s := _citations_without_links(u, vocabulary, lang))]
    if unlinked:
        out.append(
            _deficiency(
                "no_law_link",
                Said(
                    f"{len(unlinked)} text(s) cite a law without a link to it",
                    "deficiency.a15.no_law_link",
                    count=len(unlinked),
                ),
                [u for u, _ in unlinked],
                unlinked[0][1],
            )
        )
    return out


def per_section(
    artifacts: BodyArtifacts,
    sections: Iterable[Section],
    judge: Callable[[Section, Lang], Result],
    units: list[Unit] | None = None,
) -> list[Result]:
    """One result per section and language, as ``judge`` finds. Given the desktop ``units``, a body
    with none harvested and no failure recorded is not_assessed in every section."""
    results = []
    for section in sections:
        for lang in LANGS:
            if units is not None and not units and not artifacts.failures:
                results.append(not_assessed(section.item, lang, NOTHING_HARVESTED))
            else:
                results.append(judge(section, lang))
    return results


def nothing_readable(lang: str, source: str, failure: FetchFailure | None) -> Said:
    """Nothing of ``lang`` to read: a message per language (and per source where it is the pages and
    records), with the first fetch failure of that language (its code and address) when there is one."""
    english = f"nothing readable in {lang} was harvested from {source}"
    key = (
        f"reason.a15.nothing_readable.{lang}"
        if source == PAGES_AND_RECORDS
        else f"reason.a15.nothing_readable_from.{lang}"
    )
    named = {} if source == PAGES_AND_RECORDS else {"source": source}
    if failure is None:
        return Said(english, key, **named)
    return Said(
        f"{english}; {failure.reason} on {failure.url}",
        f"{key}.failed",
        failure=failure.reason,
        url=failure.url,
        **named,
    )


def assess_section(
    artifacts: BodyArtifacts,
    section: Section,
    units: list[Unit],
    lang: Lang,
    vocabulary: Vocabulary,
    *,
    source: str,
    check_authenticity: bool = True,
    stale_share: float | None = None,
    content_only: bool = False,
    deductions: bool = True,
) -> Result:
    """One section in one language. ``stale_share``: what a present but not current section keeps of
    its share (Table 7 rows; the reading website-current decides); None: currency is only a deficiency
    (Appendix 15, deducted by the edition). ``content_only`` (Table 7): the pages are read without
    their navigation, header, footer and asides (:func:`~ashyq.checks.completeness.corpus.content_only`),
    and a place holding only a placeholder shows nothing (:func:`placeholder`). ``deductions``: the
    Appendix 15 and 16 notes' deficiencies of the section's pages (incomplete information, outdated acts,
    laws cited without a link); Table 7 has no such note. An indicator the other language shows and this
    one's recognition did not is said (:mod:`.languages`)."""
    item = section.item
    given = units
    if content_only:
        units = [content_only_unit(u) for u in units]
    by_lang = {lg: in_lang(units, lg) for lg in ("kk", "ru")}
    mine = by_lang[lang]
    if not mine:
        failures = [f for f in artifacts.failures if p_lang(f.url, lang)]
        return not_assessed(item, lang, nothing_readable(lang, source, failures[0] if failures else None))
    section_units = [u for u in mine if in_section(u, section, lang)]
    verdict = _verdict_of(artifacts, section, given, mine, lang, vocabulary, content_only)
    if verdict.unknown:
        names = "; ".join(f"{i.id}: {why}" for i, why in verdict.unknown)
        unknown = Said(f"could not tell whether these are published: {names}", "reason.a15.unknown", indicators=names)
        return not_assessed(item, lang, unknown)
    other = "ru" if lang == "kk" else "kk"
    _other_language(artifacts, section, given, by_lang, lang, vocabulary, content_only, verdict)
    indicators = section.indicators_for(artifacts.kind)
    listed = len(indicators)
    # interpretation a15-nothing-to-publish: nothing to post counts as present, or leaves the count
    if reading(artifacts.config, "a15-nothing-to-publish") == "excluded":
        listed -= verdict.nothing_to_post()
        present = len(verdict.present)
    else:
        present = len(verdict.present) + verdict.nothing_to_post()
    share = round(present / listed, 4) if listed else 1.0
    measured = _measured(verdict, indicators, share, source)
    announced = {key: hit.cite() for key, hit in verdict.hits.items() if hit.announced}
    if content_only and announced:
        # present on the word of a link whose page was not read: said, not hidden
        measured["announced"] = announced
    deficiencies: list[Deficiency] = []
    stale = _staleness(artifacts, section, section_units, verdict, indicators, measured)
    if stale is not None:
        deficiencies.append(stale)
        if stale_share is not None and share > 0:
            share = measured["share"] = round(share * stale_share, 4)
    if any(i.match == "memo" for i in indicators):
        measured["memos"] = len(verdict.memos)
    deficiencies += _section_deficiencies(section, section_units, lang, vocabulary, verdict, measured, deductions)
    if check_authenticity and by_lang[other]:
        deficiencies += authenticity(section, by_lang, lang, artifacts)
    evidence = _found_evidence(verdict) or [
        (section_units or mine)[0].evidence(f"none of {listed} indicators found among {len(mine)} {lang} items")
    ]
    status = _status(listed, present, share, deficiencies)
    result = Result(item, lang, status, measured=measured, deficiencies=deficiencies, evidence=evidence)
    return _with_doubts(result, verdict.doubts)


def _section_deficiencies(
    section: Section,
    section_units: list[Unit],
    lang: str,
    vocabulary: Vocabulary,
    verdict: Verdict,
    measured: dict[str, Any],
    deductions: bool,
) -> list[Deficiency]:
    """The deficiencies the verdict's indicators and the section's pages show: an indicator written in the
    other language, items lacking what every item states, memos, and (``deductions``) the note's page
    deficiencies."""
    out: list[Deficiency] = []
    if verdict.foreign:
        out.append(
            _deficiency(
                "not_authentic",
                Said(
                    f"shown in {lang} pages only in the other language: {(found := _foreign(verdict))}",
                    f"deficiency.a15.foreign.{lang}",
                    indicators=found,
                ),
                [hit.unit for hit in verdict.foreign.values()],
            )
        )
    out += _item_deficiencies(verdict, measured)
    memos = _memo_deficiency(verdict)
    if memos is not None:
        out.append(memos)
    if deductions:
        # a page whose placeholder left an indicator not shown is not deducted again
        placeheld = [hit.unit for hit, said in verdict.placeholders.values() if said]
        out += content_deficiencies(section, section_units, lang, vocabulary, placeheld, verdict.doubts)
    return out


# The verdicts of the last body: a section's other language is read to say what it shows that this one's
# recognition did not, and is judged itself after (one reading each).
_VERDICTS: dict[tuple[int, int, int, str, str, bool], tuple[object, object, object, Verdict]] = {}


def _verdict_of(
    artifacts: BodyArtifacts,
    section: Section,
    given: list[Unit],
    units: list[Unit],
    lang: str,
    vocabulary: Vocabulary,
    content_only: bool,
) -> Verdict:
    """:func:`find_indicators` over ``units`` (the units of ``lang`` among ``given``), read once."""
    key = (id(artifacts), id(given), id(vocabulary), section.item, lang, content_only)
    held = _VERDICTS.get(key)
    if held is not None and held[0] is artifacts and held[1] is given and held[2] is vocabulary:
        return held[3]
    if any(h[0] is not artifacts for h in _VERDICTS.values()):
        _VERDICTS.clear()
    verdict = find_indicators(artifacts, section, units, lang, vocabulary, content_only)
    _VERDICTS[key] = (artifacts, given, vocabulary, verdict)
    return verdict


def _other_language(
    artifacts: BodyArtifacts,
    section: Section,
    given: list[Unit],
    by_lang: dict[str, list[Unit]],
    lang: str,
    vocabulary: Vocabulary,
    content_only: bool,
    verdict: Verdict,
) -> None:
    """The indicators no place of ``lang`` showed (none found: not a placeholder, a heading over nothing or
    the other language's text, which are measured; not found by a pattern, which reads both languages) that
    the other language's pages show: each said as a doubt, and counted as shown where this language's
    counterpart of that page was read and is its twin (:func:`~ashyq.checks.completeness.languages.elsewhere`)."""
    other = "ru" if lang == "kk" else "kk"
    unseen = [
        i
        for i in verdict.absent
        if not i.detect
        and i.id not in verdict.hits
        and i.id not in verdict.placeholders
        and i.id not in verdict.foreign
    ]
    if not unseen or not by_lang[other]:
        return
    theirs = _verdict_of(artifacts, section, given, by_lang[other], other, vocabulary, content_only)
    for indicator in unseen:
        hit = theirs.hits.get(indicator.id)
        if hit is None or theirs.present.get(indicator.id) is not hit.unit:
            continue
        seen: Elsewhere | None = elsewhere(indicator, hit, lang, by_lang[lang], artifacts)
        if seen is None:
            continue
        verdict.doubts.append(seen.doubt(lang))
        if seen.shown and seen.counterpart.unit is not None:
            verdict.absent.remove(indicator)
            verdict.present[indicator.id] = seen.counterpart.unit
            verdict.counterparts[indicator.id] = f"{hit.cite()}; its {lang} counterpart {seen.counterpart.url}"


def _with_doubts(result: Result, doubts: list[Doubt]) -> Result:
    """The verdict marked uncertain where an indicator's evidence admits another reading: the first
    doubt is the question, every one is listed in ``measured.doubts``."""
    if not doubts:
        return result
    result.measured["doubts"] = {d.indicator: d.detail for d in doubts}
    first = doubts[0]
    detail = "; ".join(d.detail for d in doubts)
    look_at = first.unit.evidence(first.quote[:200])
    return result.uncertain(first.reason, look_at=look_at, quote=first.quote, detail=detail)


def _found_evidence(verdict: Verdict) -> list[EvidenceRef]:
    """Where the indicators were found, then where one was named over a placeholder or nothing, then where
    a "*" indicator was offered only as pictures or scans."""
    evidence = [hit.unit.evidence(hit.how[:200]) for hit in list(verdict.hits.values())[:MAX_EVIDENCE]]
    evidence += [
        hit.unit.evidence(f"{hit.how[:120]}: «{said}»" if said else f"{hit.how[:120]}: nothing under its heading")
        for hit, said in list(verdict.placeholders.values())[: MAX_EVIDENCE - len(evidence)]
    ]
    evidence += [hit.unit.evidence(f"{key}: {why}"[:300]) for key, (hit, why) in verdict.unreadable.items()]
    return evidence


def _status(listed: int, present: int, share: float, deficiencies: list[Deficiency]) -> Status:
    if listed == 0 and not deficiencies:  # every indicator is something the body has nothing of
        return "pass"
    if present == 0 or share == 0:
        return "fail"
    if present == listed and not deficiencies:
        return "pass"
    return "partial"


def _measured(verdict: Verdict, indicators: tuple[Indicator, ...], share: float, source: str) -> dict[str, Any]:
    """What a section's result measures: the share, what is present and absent, where it was found."""
    measured: dict[str, Any] = {
        "share": share,
        "present": sorted(verdict.present),
        "absent": [i.id for i in verdict.absent],
        "source": source,
        "found": {i.id: verdict.hits[i.id].cite() for i in indicators if i.id in verdict.hits},
    }
    if verdict.if_any_absent:
        measured["if_any_absent"] = [i.id for i in verdict.if_any_absent]
    if verdict.not_implementer:
        measured["not_implementer"] = sorted(verdict.not_implementer)
    if verdict.counterparts:  # shown in the other language, counted here on its counterpart page (uncertain)
        measured["counterparts"] = dict(verdict.counterparts)
    if verdict.foreign:
        measured["other_language"] = {key: hit.cite() for key, hit in verdict.foreign.items()}
        measured["absent"] = [*measured["absent"], *verdict.foreign]
    if verdict.placeholders:
        # what the page says instead of the information, as it writes it ("" for nothing at all)
        measured["placeholder"] = next(iter(verdict.placeholders.values()))[1]
        measured["placeholders"] = {key: f"{hit.cite()}: «{said}»" for key, (hit, said) in verdict.placeholders.items()}
    if verdict.unreadable:  # "*" indicators offered only as pictures or scans (a15-machine-readable)
        measured["not_machine_readable"] = {
            key: f"{hit.cite()}: {why}" for key, (hit, why) in verdict.unreadable.items()
        }
    notes = {i.id: i.reading for i in indicators if i.reading}
    if notes:
        measured["readings"] = notes
    return measured


def _staleness(
    artifacts: BodyArtifacts,
    section: Section,
    section_units: list[Unit],
    verdict: Verdict,
    indicators: tuple[Indicator, ...],
    measured: dict[str, Any],
) -> Deficiency | None:
    """The section's untimely update, if any: the indicators' own currency when they set one, else
    the freshest item of the section against its periodicity (recorded in ``measured``)."""
    if verdict.stale:
        measured["stale"] = dict(verdict.stale)
        stale_units = [verdict.present[key] for key in verdict.stale]
        return _deficiency(
            "untimely_update",
            Said(f"not updated in time: {(stale := _listed(verdict.stale))}", "deficiency.a15.stale", indicators=stale),
            stale_units,
        )
    if any(i.current_days is not None or i.current_years is not None for i in indicators):
        return None
    fresh, fresh_unit = currency(artifacts, section, section_units)
    measured.update(fresh)
    if fresh.get("stale") and fresh_unit is not None:
        return _deficiency(
            "untimely_update",
            Said(
                f"the freshest item is {fresh['age_days']} days old "
                f"(expected at least every {section.periodicity_days} days)",
                "deficiency.a15.freshest_too_old",
                age=fresh["age_days"],
                periodicity=section.periodicity_days or 0,
            ),
            [fresh_unit],
        )
    return None


def _memo_deficiency(verdict: Verdict) -> Deficiency | None:
    """Appendix 16 note: «неполнота представленной информации»; one deficiency for the section's memos
    (a message for memos lacking parts, for services without one, and for both)."""
    lacking = "; ".join(f"{m.where} lacks {', '.join(missing)}" for m, missing in verdict.incomplete_memos)
    count = len(verdict.memoless)
    services = "; ".join(u.url for u in verdict.memoless[:MAX_EVIDENCE])
    incomplete = f"memos lacking what the others give: {lacking}"
    memoless = f"{count} listed service(s) without a memo of their own: {services}"
    if verdict.incomplete_memos and verdict.memoless:
        said = Said(
            f"{incomplete}; {memoless}", "deficiency.a16.memos.both", lacking=lacking, count=count, services=services
        )
    elif verdict.incomplete_memos:
        said = Said(incomplete, "deficiency.a16.memos.incomplete", lacking=lacking)
    elif verdict.memoless:
        said = Said(memoless, "deficiency.a16.memos.memoless", count=count, services=services)
    else:
        return None
    return _deficiency("incomplete", said, [*(m.unit for m, _ in verdict.incomplete_memos), *verdict.memoless])


def _foreign(verdict: Verdict) -> str:
    return "; ".join(f"{key} ({hit.cite()})" for key, hit in verdict.foreign.items())


def _listed(reasons: dict[str, str]) -> str:
    return "; ".join(f"{key} ({why})" for key, why in reasons.items())


def _wheres(found: ItemReading) -> str:
    return "; ".join(item.where for item in found.without[:MAX_EVIDENCE])


def _item_deficiencies(verdict: Verdict, measured: dict[str, Any]) -> list[Deficiency]:
    """Appendix note: «неполнота представленной информации» where an indicator stated for every item (each
    vacancy's requirements) is shown for some items only; the items counted in ``measured.per_item``."""
    out = []
    for key, found in verdict.incomplete_items.items():
        measured.setdefault("per_item", {})[key] = {
            "items": len(found.items),
            "without": [item.where for item in found.without[:MAX_EVIDENCE]],
        }
        out.append(
            _deficiency(
                "incomplete",
                Said(
                    f"{key}: {len(found.without)} of {len(found.items)} items do not state it: "
                    f"{(where := _wheres(found))}",
                    "deficiency.a15.items_without",
                    indicator=key,
                    without=len(found.without),
                    items=len(found.items),
                    where=where,
                ),
                [item.unit for item in found.without],
                found.without[0].name[:200],
            )
        )
    return out
