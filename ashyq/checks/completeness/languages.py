"""«Неаутентичность текстов на государственном и русском языках» (the Appendix 15 and 16 notes): what the
two language versions of a section are measured to say about each other, and what they are not.

Not authentic, and deducted (``not_authentic``), is what is measured:

* a page of one language carrying the other language's text: an indicator whose block, on a Kazakh page,
  is written in Russian (:func:`ashyq.checks.completeness.places.language_of`, by the block's letters);
  the judge records it as ``verdict.foreign``;
* an item of the section whose counterpart in this language was looked for and is not there: the page
  the other language's switch or ``hreflang`` names (``PageSnapshot.counterpart_url``), or the same
  address with its language part changed, answered «not found» (404, 410); a gov.kz record the platform
  lists in one language and not in the other (each language's whole list is read);
* counterparts of very different size: the shorter lost most of the text (``SIZE_RATIO``).

Not measured, and so not deducted: an item of one language for which no counterpart was read. The two
languages of a site are often built differently (a switch that leads to the other home page, other
addresses and headings, several pages merged into one, a host per language the harvest did not reach).
An indicator recognised on the other language's pages and not on this one's is then judged on this
language's own pages, and the verdict says the other language shows it (uncertain, the question naming
the other language's page and what to look for): the recognition may have missed this language's
wording. Where this language's counterpart of that page was read, is of comparable length and is built
alike (as many headed blocks that hold text of their own: the other's block has its twin, with as many
paragraphs), or is the same text built another way (more headed blocks, or at most half as many and at least two
fewer: what one heads the other says in running text, :func:`rebuilt`), the text is taken
to be the same in both languages (the note's expectation of authentic texts) and the indicator counted as
shown, uncertain; where the counterpart is much shorter, or holds none of the figures of the sentence that
names it there (hours, counts, phones: :mod:`.figures`), it is not shown (measured); where it is built
otherwise or none was read it is not shown, uncertain. An indicator found by a pattern (a phone, an address,
an e-mail) is not looked for in the other language: its pattern reads both.

What the counterpart holds in the other's place is measured, not assumed: where the other language's place is a
block under a heading and the counterpart is built alike, its twin is the block at the same place among the
counterpart's headed blocks (the n-th heading's block), and the language of that block's running text
(:func:`~ashyq.checks.completeness.places.language_of`) decides. Written in the other language (a Russian
heading or text on the Kazakh page), the indicator is shown in the other language only: not shown here and not
authentic (``verdict.foreign``), certain; written in this language, it is counted as shown, uncertain (the
recognition did not read its words); too short to tell, as before.

A section's own block for an indicator - a heading of a page of the section naming it - written in the other
language is not authentic even where a lesser place of this language mentions the indicator (a sentence under
another heading, a link's label): the indicator counts as shown there, and the Russian block under the Kazakh
page's heading is deducted (:func:`foreign_headings`). A page of this language that shows an indicator as a
whole (named by its title or a link's label) and whose running text - the site's template, headings and
stamps left out (:mod:`.running_text`) - is written in the other language shows it in the other language only
(:func:`foreign_pages`): on a site laid out in tables the menu and footer of every page fall into its blocks
and would make a Russian page of the Kazakh version read as Kazakh. A block headed with an indicator whose
official text exists in the other language only (the anthem's Kazakh words under «Государственный Гимн») is that
indicator's text, left out of the page's: a Russian page of the symbols showing the flag and the emblem as pictures
and the anthem's words is not a page written in Kazakh.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol
from urllib.parse import urljoin

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency
from ashyq.base.home_page import is_home_url
from ashyq.base.memo import for_the_last
from ashyq.base.routes import address_key
from ashyq.base.text import KAZAKH_LETTERS, drop_not_content, fold_kazakh, normalise, parse_html, squash
from ashyq.base.wording import Said
from ashyq.checks.completeness.corpus import Unit, page_key, unmeasurable
from ashyq.checks.completeness.figures import not_carried
from ashyq.checks.completeness.keywords import Indicator, Section
from ashyq.checks.completeness.page_blocks import Block, block_lang
from ashyq.checks.completeness.places import (
    SENTENCE_SPLIT,
    Hit,
    Template,
    extent_of,
    in_section,
    language_of,
    matches,
    own_blocks,
    paragraphs,
    title_block,
    unit_blocks,
    without_referrals,
)
from ashyq.checks.completeness.readings import DEAD, Doubt
from ashyq.checks.completeness.running_text import running_language
from ashyq.checks.completeness.twins import text_twin

SIZE_RATIO = 3.0  # counterparts whose texts differ more than this are not one text in two languages
MIN_SIZE = 200
# the gov.kz content a record kind is listed in, per language: the platform's whole list is read
RECORD_LISTS = {"page-record": "pages", "document": "documents", "news": "news", "event": "events"}


class Shown(Protocol):
    """What :func:`foreign_headings` reads of a section's verdict (:class:`~.search.Verdict`)."""

    hits: dict[str, Hit]
    present: dict[str, Unit]
    foreign: dict[str, Hit]
    template: Template


@dataclass(frozen=True)
class Counterpart:
    """The same item in the other language: ``read`` (its unit), ``dead`` (fetched, not there) or
    ``unknown`` (none was named, or the one named was not harvested)."""

    state: str
    url: str | None = None
    unit: Unit | None = None


def _same(a: str, b: str) -> bool:
    """One address, an in-page anchor aside (a single-page app's route is part of it)."""
    return address_key(a) == address_key(b)


def _dead(artifacts: BodyArtifacts, lang: str, url: str | None, key: str) -> str | None:
    """The address in ``lang`` the harvest fetched and found not there: ``url``, or one with ``key``."""
    for page in artifacts.pages:
        if page.status in DEAD and ((url and _same(page.url, url)) or page_key(page.url, lang) == key):
            return page.url
    for failure in artifacts.failures:
        named = (url and _same(failure.url, url)) or page_key(failure.url, lang) == key
        if failure.reason == "http_status" and failure.status_code in DEAD and named:
            return failure.url
    return None


SWITCH_SHARED = 3  # pages whose language switch all lead to the same page: a switch that leads home


def _switch_to_one_page(named: str, unit: Unit, artifacts: BodyArtifacts) -> bool:
    """Whether the switch target ``named`` is the one page the switches of at least half of the pages of ``unit``'s
    language and version lead to (a version whose switch always opens the other language's home,
    «pda.php?id=5&lang=kz»): it is no page's counterpart. A page summing up a few pages of the other language (three
    «Деятельность» pages whose switch leads to one «Қызметіміз») stays their counterpart."""
    source = getattr(unit.origin, "source", None)
    pages = [p for p in artifacts.pages if p.counterpart_url and p.source == source and p.lang in (None, unit.lang)]
    shared = {p.url for p in pages if _same(str(p.counterpart_url), named)}
    return len(shared) >= SWITCH_SHARED and 2 * len(shared) >= len({p.url for p in pages})


def counterpart(
    unit: Unit, lang: str, mine: list[Unit], artifacts: BodyArtifacts, theirs: list[Unit] | None = None
) -> Counterpart:
    """``unit``'s counterpart among ``mine`` (the units of ``lang``): by its language-neutral address, or
    the page its language switch names, or (given ``theirs``, the other language's units) the page writing
    the same numbers and addresses (:func:`text_twin`). A switch that leads to the home page, or to the one
    page every page's switch leads to, names no counterpart of another page. A page's anchored part has its
    counterpart among the parts of the counterpart page (:func:`part_counterpart`)."""
    if unit.part:
        return part_counterpart(unit, mine, theirs or [])
    for own in mine:
        if own.key == unit.key:
            return Counterpart("read", own.url, own)
    listed = RECORD_LISTS.get(unit.kind)
    if listed is not None:  # the platform's list in this language was read and does not hold the record
        other = "ru" if lang == "kk" else "kk"
        same = unit.url.replace(f"lang={other}", f"lang={lang}")
        return Counterpart("unknown" if unmeasurable(artifacts, listed, lang) else "dead", same)
    named = getattr(unit.origin, "counterpart_url", None)
    if named and is_home_url(named) and not is_home_url(unit.url):
        named = None
    if named and _switch_to_one_page(named, unit, artifacts):
        named = None  # every page's switch leads there: the other language's home under any address, no twin
    if named:
        for own in mine:
            final = getattr(own.origin, "final_url", None) or own.url
            if _same(own.url, named) or _same(final, named):
                return Counterpart("read", own.url, own)
    dead = _dead(artifacts, lang, named, unit.key)
    if dead is not None:
        return Counterpart("dead", dead)
    if theirs and (twin := text_twin(unit, mine, theirs)) is not None:
        return Counterpart("read", twin.url, twin)
    return Counterpart("unknown", named)


def _parts_of(page: str, units: list[Unit], first: Unit | None = None) -> list[Unit]:
    """The anchored parts of the page keyed ``page`` among ``units``, one per anchor (a page read at two addresses
    gives its parts twice), in their order on the page."""
    held: dict[str, Unit] = {first.key: first} if first is not None else {}
    for unit in units:
        if unit.part and unit.key.rpartition("#")[0] == page:
            held.setdefault(unit.key, unit)
    return sorted(held.values(), key=lambda u: u.place)


def part_counterpart(unit: Unit, mine: list[Unit], theirs: list[Unit]) -> Counterpart:
    """A page's anchored part's counterpart in the other language (:mod:`.anchored`): the part under the same
    anchor, else the part at the same place where both versions of the page have as many parts, else the part
    writing the same numbers and addresses (:func:`text_twin`); unknown otherwise (another menu, other parts)."""
    for own in mine:
        if own.key == unit.key:
            return Counterpart("read", own.url, own)
    page = unit.key.rpartition("#")[0]
    mine_parts, their_parts = _parts_of(page, mine), _parts_of(page, theirs, unit)
    if mine_parts and len(mine_parts) == len(their_parts):
        placed = mine_parts[their_parts.index(unit)]
        return Counterpart("read", placed.url, placed)
    if mine_parts and (twin := text_twin(unit, mine_parts, their_parts)) is not None:
        return Counterpart("read", twin.url, twin)
    return Counterpart("unknown", None)


def _deficiency(message: Said, units: list[Unit]) -> Deficiency:
    first = units[0]
    return Deficiency(
        message=message,
        kind="not_authentic",
        url=first.url,
        selector="main" if first.kind == "page" else None,
        record=first.key if first.kind not in ("page", "mobile") else None,
        evidence=[u.evidence() for u in units[:12]],
    )


def authenticity(
    section: Section, units_by_lang: dict[str, list[Unit]], lang: str, artifacts: BodyArtifacts
) -> list[Deficiency]:
    """The section's items whose counterpart in ``lang`` was read and is not there, and the items of
    ``lang`` much shorter than their counterpart (see the module's notes)."""
    other = "ru" if lang == "kk" else "kk"
    if not units_by_lang[lang] or not units_by_lang[other]:
        return []
    theirs = [u for u in units_by_lang[other] if in_section(u, section, other) and u.kind != "contacts"]
    out = []
    twins = [(u, counterpart(u, lang, units_by_lang[lang], artifacts)) for u in theirs]
    gone = [(u, found) for u, found in twins if found.state == "dead"]
    if gone:
        addresses = ", ".join(str(found.url) for _, found in gone[:12])
        out.append(
            _deficiency(
                Said(
                    f"{len(gone)} item(s) of the section exist in {other} only: their {lang} counterparts were "
                    f"looked for and are not there: {addresses}",
                    f"deficiency.a15.counterpart_not_found.{lang}",
                    count=len(gone),
                    pages=addresses,
                ),
                [u for u, _ in gone],
            )
        )
    by_key = {u.key: u for u in theirs}
    mine = [u for u in units_by_lang[lang] if in_section(u, section, lang)]
    # of this language's pages at one key (a language splash at «/» beside «/kk»), the fullest is the counterpart
    fullest: dict[str, int] = {}
    for u in mine:
        fullest[u.key] = max(fullest.get(u.key, 0), u.size)
    # the shorter version is the one that lost content: only it gets the deficiency
    uneven = [
        u
        for u in mine
        if u.key in by_key
        and u.size == fullest[u.key]
        and u.size >= MIN_SIZE // 4
        and by_key[u.key].size >= MIN_SIZE
        and by_key[u.key].size / max(1, u.size) > SIZE_RATIO
    ]
    if uneven:
        out.append(
            _deficiency(
                Said(
                    f"{len(uneven)} item(s) are over {SIZE_RATIO:g} times shorter than their {other} version",
                    f"deficiency.a15.shorter.{lang}",
                    count=len(uneven),
                    ratio=f"{SIZE_RATIO:g}",
                ),
                uneven,
            )
        )
    return out


@dataclass(frozen=True)
class Elsewhere:
    """An indicator this language's recognition did not find and the other language's did: where, the
    counterpart of that page in this language, and whether it is counted as shown (the best guess)."""

    indicator: Indicator
    found: str  # the other language's place, cited
    unit: Unit  # the other language's page
    counterpart: Counterpart
    shown: bool
    headings: tuple[int, int] = (0, 0)  # the headed blocks of the other language's page and of the counterpart
    # the twin place on the counterpart, measured to be written in the other language: shown there only
    foreign: Hit | None = None
    pieces: tuple[int, int] = (0, 0)  # the paragraphs of the other's block and of its twin, where the twin has fewer
    referred: bool = False  # the counterpart sends the reader to the other language's page instead
    other_part: Hit | None = None  # the twin place, headed by another indicator here: another part in its place

    def doubt(self, lang: str) -> Doubt | None:
        """What is open about the reading (None: the twin place was measured to be in the other language, or the
        counterpart says the information is on the other language's page)."""
        if self.foreign is not None or self.referred:
            return None
        name = self.indicator.name.get(lang) or self.indicator.id
        if self.shown and self.counterpart.unit is not None:
            detail = (
                f"{self.indicator.id}: not recognised on the {lang} pages, but the other language shows it "
                f"({self.found}); the {lang} counterpart {self.counterpart.url} was read and is of comparable "
                f"length: counted as shown on it; look there for «{name}»"
            )
            return Doubt(self.indicator.id, "other_reading", self.counterpart.unit, name, detail)
        if self.other_part is not None:
            why = (
                f"its {lang} counterpart {self.counterpart.url} was read but holds another part in that place "
                f"({self.other_part.how}, another indicator's)"
            )
        elif self.counterpart.unit is not None and self.pieces[0] > self.pieces[1]:
            theirs, mine = self.pieces
            why = (
                f"its {lang} counterpart {self.counterpart.url} was read but its block at that place is shorter "
                f"({mine} paragraphs against {theirs})"
            )
        elif self.counterpart.unit is not None:
            theirs, mine = self.headings
            why = (
                f"its {lang} counterpart {self.counterpart.url} was read but is built otherwise ({mine} headed "
                f"blocks against {theirs})"
            )
        else:
            why = f"no {lang} counterpart of that page was read"
        detail = (
            f"{self.indicator.id}: not recognised on the {lang} pages, but the other language shows it "
            f"({self.found}); {why}: counted as not shown; look in the {lang} version for «{name}»"
        )
        return Doubt(self.indicator.id, "other_reading", self.unit, name, detail)


def _headed_blocks(unit: Unit) -> list[Block]:
    """The unit's blocks under a heading that hold something of their own: a bare heading grouping the headings
    under it («Вакансии» over each post's heading) is no block of text, and a version without it is built alike."""
    return [b for b in unit_blocks(unit) if b.heading and (b.text or b.pieces or b.hrefs or b.images)]


def _headed(unit: Unit) -> int:
    return len(_headed_blocks(unit))


def twin_place(hit: Hit, twin: Unit) -> Hit | None:
    """The place on ``twin`` (the counterpart, built alike) where the other language's block of ``hit`` stands:
    the block under the same n-th heading, with the blocks under it. None for a place that is no block under a
    heading (a page's title, a link's label)."""
    if hit.block is None or not hit.block.heading:
        return None
    theirs, mine = _headed_blocks(hit.unit), _headed_blocks(twin)
    place = next((n for n, b in enumerate(theirs) if b is hit.block), None)
    if place is None or len(theirs) != len(mine):
        return None
    block = mine[place]
    shown = block.raw_heading or block.heading
    return Hit(twin, block, f"the heading «{shown[:80]}»", extent_of(unit_blocks(twin), block), 0, block.heading)


def twin_paragraph(indicator: Indicator, hit: Hit, twin: Unit, lang: str) -> Hit | None:
    """The paragraph of ``twin`` (the counterpart) at the place of the other language's paragraph naming the
    indicator - the n-th of as many paragraphs, list items and cells - when it is measured to be written in the
    other language (the Russian paragraph left on the Kazakh page): the indicator is there in the other language
    only. None when the place is no paragraph, the pages are built otherwise, or the twin is this language's."""
    if hit.block is None:
        return None
    theirs, mine = paragraphs(hit.unit), paragraphs(twin)
    if not theirs or len(theirs) != len(mine):
        return None
    other = "ru" if lang == "kk" else "kk"
    read = fold_kazakh if other == "kk" else normalise
    keywords = indicator.keywords.get(other, ())
    n = next((n for n, (text, _) in enumerate(theirs) if matches(keywords, read(text))), None)
    if n is None:
        return None
    text = mine[n][0]
    written = block_lang(text)
    if written is None or written in (lang, indicator.official_language):
        return None
    return Hit(twin, None, f"the paragraph «{' '.join(text.split())[:80]}»", (), 2)


def elsewhere(
    indicator: Indicator,
    hit: Hit,
    lang: str,
    mine: list[Unit],
    artifacts: BodyArtifacts,
    theirs: list[Unit] | None = None,
    taken: frozenset[tuple[str, str]] = frozenset(),
) -> Elsewhere | None:
    """What the other language's place (``hit``) of an indicator not found in ``lang`` says of it here; None
    when the absence is measured: that page's counterpart was read and is much shorter, or answered «not
    found» (:func:`authenticity`). The counterpart shows it (the best guess) when it is of comparable length
    and, the place being a block under a heading, has as many headed blocks: the same text in the other
    language, its block where the other's is. ``taken``: the headed blocks (address, heading) this language's
    recognition found another indicator's own heading over: where the other's place is the indicator's own
    heading and its twin is among them, the versions hold different parts in that place, and the indicator is
    not counted as shown there."""
    unit = hit.unit
    twin = counterpart(unit, lang, mine, artifacts, theirs)
    if twin.state == "dead":
        return None
    if twin.unit is None:
        return Elsewhere(indicator, hit.cite(), unit, twin, False)
    other = "ru" if lang == "kk" else "kk"
    if twin.unit.size * SIZE_RATIO < unit.size or not_carried(indicator, hit, other, twin.unit):
        return None  # much shorter, or none of the figures of the other's sentence: not that text (measured)
    headings = (_headed(unit), _headed(twin.unit))
    if without_referrals(twin.unit.main, lang) != twin.unit.main:
        return Elsewhere(indicator, hit.cite(), unit, twin, False, headings, referred=True)
    if (paragraph := twin_paragraph(indicator, hit, twin.unit, lang)) is not None:
        return Elsewhere(indicator, hit.cite(), unit, twin, False, headings, paragraph)
    aligned = hit.block is None or headings[0] == headings[1]
    place = twin_place(hit, twin.unit) if aligned else None
    written = language_of(place) if place is not None else None
    if place is not None and written is not None and written not in (lang, indicator.official_language):
        return Elsewhere(indicator, hit.cite(), unit, twin, False, headings, place)
    if (
        hit.rank == 0
        and place is not None
        and place.block is not None
        and (twin.unit.url, place.block.heading) in taken
    ):
        return Elsewhere(indicator, hit.cite(), unit, twin, False, headings, other_part=place)
    pieces = (_pieces(hit.block), _pieces(place.block)) if place is not None and hit.block is not None else (0, 0)
    if pieces[1] < pieces[0]:  # the twin block lacks a paragraph the other's has: what that one says
        return Elsewhere(indicator, hit.cite(), unit, twin, False, headings, pieces=pieces)
    return Elsewhere(indicator, hit.cite(), unit, twin, aligned or rebuilt(*headings), headings)


def rebuilt(theirs: int, mine: int) -> bool:
    """The counterpart (of comparable length) is the same text built another way, not a block short: it has more
    headed blocks than the other language's page, or at most half as many and at least two fewer (what one heads,
    the other says in running text). A block fewer (one of two) may be a block left out or lagging: not shown."""
    return mine > theirs or (theirs - mine >= 2 and mine * 2 <= theirs)


def _pieces(block: Block | None) -> int:
    """A block's paragraphs, list items and lines (page_blocks.Block.pieces)."""
    if block is None:
        return 0
    # a table counts once, however many rows it has
    return len(block.pieces) - block.rows + min(block.rows, 1) or (1 if block.text else 0)


def foreign_headings(
    indicators: tuple[Indicator, ...],
    verdict: Shown,
    units: list[Unit],
    lang: str,
    template: frozenset[str] = frozenset(),
) -> dict[str, Hit]:
    """The indicators shown at a lesser place than a heading (``hits``: rank above 0) whose own heading on a page
    of ``units`` (the section's pages of ``lang``, and the page of that place) stands over a block written in the
    other language: that block, per indicator. A heading the site's template repeats on most pages (a side column's
    «Блог мұрағаты / Архив блога») is the template's widget, not the indicator's place."""
    read = fold_kazakh if lang == "kk" else normalise
    repeated = {read(t) for t in template}
    out: dict[str, Hit] = {}
    for indicator in indicators:
        hit = verdict.hits.get(indicator.id)
        if hit is None or indicator.id not in verdict.present or hit.rank == 0 or indicator.detect:
            continue
        keywords, unless = indicator.keywords.get(lang, ()), indicator.unless.get(lang, ())
        for unit in [*units, *([] if any(u is hit.unit for u in units) else [hit.unit])]:
            every = unit_blocks(unit)
            for block in every:
                if (
                    not block.heading
                    or not matches(keywords, block.heading)
                    or (unless and matches(unless, block.heading))
                    or _widget(block, repeated, read)
                ):
                    continue
                shown = block.raw_heading or block.heading
                place = Hit(unit, block, f"the heading «{shown[:80]}»", extent_of(every, block), 0, block.heading)
                written = language_of(place)
                if written is not None and written not in (lang, indicator.official_language):
                    out[indicator.id] = place
                    break
            if indicator.id in out:
                break
    return out


def _widget(block: Block, repeated: set[str], read: Callable[[str], str]) -> bool:
    """The block is a widget of the site's template: its heading and every piece of its text are pieces most pages
    repeat (an archive's month list under «Блог мұрағаты / Архив блога»), not a page's section named in a menu."""
    pieces = [p for p in block.pieces or (block.text,) if p]
    return bool(pieces) and read(block.raw_heading or "") in repeated and all(p in repeated for p in pieces)


def written_in_the_other(
    indicators: tuple[Indicator, ...],
    verdict: Shown,
    units: list[Unit],
    lang: str,
    template: frozenset[str],
    every: list[Unit] | None = None,
) -> dict[str, Hit]:
    """The places of shown indicators written in part or whole in the other language: :func:`foreign_headings`, and
    :func:`foreign_passages` and :func:`foreign_items` (the items among ``every`` unit of the body) unless an
    indicator of the section is shown in the other language only (its deficiency already says the same of the same
    text)."""
    passages = {} if verdict.foreign else foreign_passages(indicators, verdict, lang, template)
    items = {}
    if not verdict.foreign and every:
        items = foreign_items(indicators, verdict, lang, template, units_by_address(every))
    return {**items, **passages, **foreign_headings(indicators, verdict, units, lang, template)}


@for_the_last  # every section of every table, in each language, asks for the same body's
def units_by_address(units: list[Unit]) -> dict[str, Unit]:
    """The units that are pages, by their address (:func:`~ashyq.base.routes.address_key`); read only."""
    found: dict[str, Unit] = {}
    for unit in units:
        if unit.kind in ("page", "mobile") and not unit.part:
            found.setdefault(address_key(unit.url), unit)
    return found


def foreign_items(
    indicators: tuple[Indicator, ...],
    verdict: Shown,
    lang: str,
    template: frozenset[str],
    pages: Mapping[str, Unit],
) -> dict[str, Hit]:
    """The indicators shown on ``lang`` pages whose place lists items of the site - its own links to pages, the
    site's template left out (:func:`.places.own_blocks`) - one of which is a page written in the other language
    (a Russian news item in the Kazakh news list, «Отопительный сезон начался» among «Аудан әкімі …»): that item's
    text in this language is not there, and the texts of the two versions are not the same (неаутентичность
    текстов). An item is a link the place lists to a page below its own (``/kk/news/3`` under ``/kk/news``), or one
    whose label is written in the other language (a Russian row's title); its language is read from its page's own
    running text (:func:`_passages_in`), not its title; the first such item, per indicator. A link to another section
    under a label of this language («Мемлекеттік қызметтер» on the home page) is no item of the place."""
    other = "ru" if lang == "kk" else "kk"
    out: dict[str, Hit] = {}
    for indicator in indicators:
        hit = verdict.hits.get(indicator.id)
        if hit is None or indicator.id not in verdict.present or indicator.detect or indicator.official_language:
            continue
        if hit.unit.lang != lang or hit.unit.kind not in ("page", "mobile") or hit.announced or hit.rank > 1:
            continue
        labels = {
            address_key(urljoin(hit.unit.url, href)): hit.unit.shown_label(n)
            for n, (label, href) in enumerate(hit.unit.anchors)
            if label
        }
        for block in own_blocks(hit, verdict.template):
            item = _foreign_item(hit.unit, block, other, template, pages, labels)
            if item is not None:
                target, label = item
                out[indicator.id] = Hit(hit.unit, block, f"the item «{label[:60]}» ({target.url})", (block,), 2)
                break
    return out


def _foreign_item(
    unit: Unit, block: Block, other: str, template: frozenset[str], pages: Mapping[str, Unit], labels: dict[str, str]
) -> tuple[Unit, str] | None:
    """The first page of the site a block links to that is written in ``other`` (its running text), with the
    label of the link to it; None for none. The site's home pages (a language's root) are its template's."""
    for href in block.hrefs:
        key = address_key(urljoin(unit.url, href))
        target = pages.get(key)
        if target is None or target is unit or target.kind not in ("page", "mobile") or is_home_url(target.url):
            continue
        label = labels.get(key, "")
        if not _below(target.url, unit.url) and not (len(label.split()) >= ITEM_WORDS and block_lang(label) == other):
            continue
        if _passages_in(target, template) == other:
            return target, label or target.title or target.url
    return None


ITEM_WORDS = 3  # a label telling its language: a title of a few words, not a name


def _below(url: str, place: str) -> bool:
    """The page at ``url`` stands below the page at ``place`` (``/kk/news/3`` under ``/kk/news``); nothing stands
    below a home page in this sense (every page would)."""
    if is_home_url(place):
        return False
    inner, outer = address_key(url), address_key(place)
    return inner.startswith(outer + "/")


OTHER_SHARE = 0.75  # how much of an item's running text must be in the other language for the item to be in it


def _passages_in(unit: Unit, template: frozenset[str]) -> str | None:
    """The language an item page's running text is written in: its sentences of :data:`PASSAGE` characters or more
    (its template's pieces, header, navigation and footer left out; :data:`FOREIGN_PASSAGES` characters at least),
    when three quarters of them are in it; None otherwise. An item's text is told by its passages, not by the
    labels its list's template gives it («Күні», «Санат» above a Russian text), nor by its title."""
    return _written_in(unit.html, template)


@lru_cache(maxsize=128)  # an item is asked for by every indicator whose place lists it (a body's items at most)
def _written_in(html: str, template: frozenset[str]) -> str | None:
    root = parse_html(html)
    body = root.find("body") if root is not None else None
    if body is None:
        return None
    drop_not_content(body)
    # each run of text as the page writes it (a label and the paragraph beside it are two), then its sentences
    runs = (squash(run) for run in body.itertext())
    sentences = [x for run in runs for x in SENTENCE_SPLIT.split(run) if len(x) >= PASSAGE and x not in template]
    counted: dict[str | None, int] = {}
    for sentence in sentences:
        language = block_lang(sentence)
        counted[language] = counted.get(language, 0) + len(sentence)
    total = sum(counted.values())
    if total < FOREIGN_PASSAGES:
        return None
    written, most = max(counted.items(), key=lambda kv: kv[1])
    return written if most >= OTHER_SHARE * total else None


def shadowed_deficiency(found: dict[str, Hit], lang: str) -> Deficiency | None:
    """The deficiency of the places :func:`written_in_the_other` found (неаутентичность текстов), or None."""
    if not found:
        return None
    named = "; ".join(f"{key} ({hit.cite()})" for key, hit in found.items())
    return _deficiency(
        Said(
            f"the section's block for these is written in the other language on {lang} pages: {named}",
            f"deficiency.a15.foreign_heading.{lang}",
            indicators=named,
        ),
        [hit.unit for hit in found.values()],
    )


def _official_blocks(indicators: tuple[Indicator, ...], unit: Unit, lang: str) -> list[str]:
    """The texts of the page's blocks headed with an indicator whose official text exists in the other language
    only (the anthem's words, Kazakh on a Russian page): that text is the indicator's, not the page's language."""
    official = [i for i in indicators if i.official_language and i.official_language != lang]
    return [
        block.all_text
        for block in (unit_blocks(unit) if official else ())
        if block.heading and any(matches(i.keywords.get(lang, ()), block.heading) for i in official)
    ]


# a passage of running text, not a name or a line of figures: its length, and how much of the other language the
# indicator's place must hold in such passages to be written in part in it
PASSAGE = 60
LISTED = 3  # pieces a block needs to be a list or a table whose rows are read one by one
ROW = 12  # characters a row needs, the template's words left out
ROWS = 2  # rows in Russian that make a Kazakh list's text not the same as the Russian one's
FOREIGN_PASSAGES = 100
# where a passage names what it is about: its opening characters
SUBJECT = 100
# the template's pieces taken out of a passage: a menu's or a box's lines, not a word («Басты бет» inside a sentence)
TEMPLATE_PIECE = 12
# a Kazakh passage names more than a person's or a place's name (Нұрпейісов Қ. Б., Ақжайық облысы) in Kazakh letters
KAZAKH_PASSAGE_WORDS = 4


def foreign_passages(
    indicators: tuple[Indicator, ...], verdict: Shown, lang: str, template: frozenset[str]
) -> dict[str, Hit]:
    """The indicators shown on ``lang`` pages whose place holds running text written in the other language (a
    Russian table of units under a Kazakh paragraph, a Russian paragraph on a Kazakh page's green-economy
    measures): the texts of the two versions are not the same (неаутентичность текстов). Read per paragraph, list
    item or line in its language as written (``Block.piece_langs``), the site's template and the texts official in
    one language only (the anthem's words) left out, and only where a passage opens naming one of the section's
    indicators in its language (a Russian paragraph on social aid beside a Kazakh one on employment is another
    section's); the first block holding such a passage, per indicator."""
    other = "ru" if lang == "kk" else "kk"
    read = fold_kazakh if lang == "kk" else normalise
    repeated = {x for x in (read(t) for t in template) if len(x) >= TEMPLATE_PIECE}
    official = tuple(p for i in indicators if i.official_language for p in i.keywords.get(lang, ()))
    theirs = tuple(p for i in indicators for p in i.keywords.get(other, ()))  # the section's words in the other one
    read_theirs = fold_kazakh if other == "kk" else normalise
    out: dict[str, Hit] = {}
    for indicator in indicators:
        hit = verdict.hits.get(indicator.id)
        if hit is None or indicator.id not in verdict.present or hit.unit.lang != lang:
            continue
        # a page named as a whole (its title, or a link's label, naming the indicator) is the indicator's place: its own
        # text is the indicator's material (a Kazakh page «Аумақтық органдар» whose table of departments is in
        # Russian): the block under the heading that repeats its title, where the page has one (below, other headings
        # are other matters: a Russian review of appeals on a Kazakh reception page); Russian on Kazakh pages only, as
        # Kazakh proper names and addresses in a Russian table («Көкшетау қ.») do not make it Kazakh text
        whole = hit.block is None and hit.rank == 0 and other == "ru" and hit.unit.kind in ("page", "mobile")
        if hit.block is None and not whole:
            continue  # a link's address or the page's text: no place of the indicator's own on it
        passages: list[str] = []
        rows: list[str] = []  # rows or items of the place's lists left in Russian on a Kazakh page
        held = None
        place = (
            _whole_place(hit, indicator, lang, verdict.template)
            if whole
            else _named_again(hit, indicator, lang, verdict.template)
        )
        listed = sum(len(b.pieces) + (b is not place[0] and bool(b.heading)) for b in place)
        for block in place:
            if official and (matches(official, block.heading) or any(matches(official, x) for x, _ in block.leads)):
                continue
            written = list(
                zip(block.pieces, block.piece_langs, strict=True) if block.pieces else ((block.text, block.lang),)
            )
            if block is not place[0] and block.heading:
                # a label under the place's heading (a FAQ's question, a row's name) is the place's text as well
                label = block.raw_heading or block.heading
                written.insert(0, (label, block_lang(label)))
            for piece, language in written:
                many = len(block.pieces) >= LISTED or listed >= LISTED
                if language == other == "ru" and many and len(_without(piece, repeated)) >= ROW:
                    rows.append(piece)
                    held = held or Hit(hit.unit, block, f"the row «{piece[:60]}…»", (block,), 2)
                if language != other or len(_without(piece, repeated)) < PASSAGE:
                    continue
                if whole and piece.strip() in verdict.template.tail:
                    continue  # the words the template writes after every page's content (a footer's banners)
                kazakh = {w for w in piece.split() if KAZAKH_LETTERS.intersection(w)}
                if other == "kk" and len(kazakh) < KAZAKH_PASSAGE_WORDS:
                    continue
                passages.append(piece)
                held = held or Hit(hit.unit, block, f"the text «{piece[:60]}…»", (block,), 2)
        # the section's own material (a passage opening with the name of one of its indicators in that language), not
        # another section's beside it («Адресная социальная помощь … в отделе занятости» beside employment)
        opening = (read_theirs(p)[:SUBJECT] for p in passages)
        enough = sum(map(len, passages)) >= FOREIGN_PASSAGES
        if held is not None and enough and (whole or any(matches(theirs, x) for x in opening)):
            out[indicator.id] = held
        elif held is not None and len(rows) >= ROWS:
            # rows of the indicator's own register or list left in Russian («Изменения в план (№ 1)» among «Жоспарға
            # өзгерістер (№ 2)»): those items' Kazakh text is not there
            out[indicator.id] = held
    return out


def _whole_place(hit: Hit, indicator: Indicator, lang: str, template: Template) -> tuple[Block, ...]:
    """The place of an indicator on a page named by it as a whole: the block under the heading that repeats the page's
    title, and the blocks below whose headings name the indicator again («Сыбайлас жемқорлық тәуекелдерін ішкі
    талдау» under «Сыбайлас жемқорлыққа қарсы іс-қимыл»): parts of the same material. Other headings below are other
    matters (a review of appeals on a reception page)."""
    titled = title_block(hit, template)
    if not titled:
        return ()
    again = tuple(
        b for b in own_blocks(hit, template)[1:] if b.heading and matches(indicator.keywords.get(lang, ()), b.heading)
    )
    return titled + again


def _named_again(hit: Hit, indicator: Indicator, lang: str, template: Template) -> tuple[Block, ...]:
    """The place of an indicator found under a heading: its block (or extent), and the blocks further on the same page
    whose own headings name the indicator again (the subordinate organisations under «Ведомстволық бағынысты ұйымдар»
    below the units' table headed «… құрылымдық бөлімшелері»): the page gives the same indicator's material under both,
    so the text under either is the indicator's text in this version. The site's template (a side column's widgets
    every page repeats) is no part of it."""
    every = unit_blocks(hit.unit)
    # a heading's place is its block and the blocks under it (a FAQ's questions as ``dt`` labels under «Кеңес беру»)
    place = hit.extent or (extent_of(every, hit.block) if hit.block is not None else ())
    words = indicator.keywords.get(lang, ())
    again = tuple(
        b
        for b in every
        if b not in place and b.heading and (b.heading, b.text) not in template.blocks and matches(words, b.heading)
    )
    return place + again


def _without(text: str, repeated: set[str]) -> str:
    """The text without the pieces of the site's template it holds (a box of links every page repeats)."""
    for piece in repeated:
        if piece in text:
            text = text.replace(piece, " ")
    return text.strip()


def foreign_pages(
    indicators: tuple[Indicator, ...],
    verdict: Shown,
    lang: str,
    template: frozenset[str],
    pages: Sequence[Unit] = (),
) -> None:
    """The indicators shown by a page of ``lang`` as a whole (named by its title or a link's label), or by a card of a
    list whose heading links to one page of ``pages`` (the list gives the title, the linked page the material), whose
    own text - the site's template left out (:mod:`.running_text`) - is written in the other language: shown in the
    other language only (moved from ``present`` to ``foreign``)."""
    by_url = {u.url.lower(): u for u in pages if u.kind in ("page", "mobile") and u.lang == lang}
    for indicator in indicators:
        hit = verdict.hits.get(indicator.id)
        if hit is None or indicator.id not in verdict.present or indicator.detect:
            continue
        page = hit.unit if hit.block is None else _card_page(hit, by_url)
        if page is None or hit.rank > 1 or page.kind not in ("page", "mobile") or page.lang != lang:
            continue
        written = running_language(page, template, _official_blocks(indicators, page, lang))
        if written is not None and written not in (lang, indicator.official_language):
            del verdict.present[indicator.id]
            verdict.foreign[indicator.id] = hit


CARD_CHARS = 300  # a list's card: its heading and a line or two under it (a date, a kind), no material of its own


def _card_page(hit: Hit, by_url: Mapping[str, Unit]) -> Unit | None:
    """The page a list's card names the indicator for: the card is a heading over a short text with links to one
    page read, not the page itself."""
    block = hit.block
    if block is None or not block.heading or len(block.text) > CARD_CHARS:
        return None
    resolved = {urljoin(hit.unit.url, href).split("#", 1)[0].lower() for href in block.hrefs}
    linked = [by_url[url] for url in resolved if url in by_url and by_url[url] is not hit.unit]
    return linked[0] if len(linked) == 1 else None
