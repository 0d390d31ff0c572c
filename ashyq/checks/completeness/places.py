"""Where a reader finds an indicator: the places of a unit (its title, the labels of links to it, the
headings, link labels and text of its blocks, an address pattern, a detector's find) and what a place
holds (a placeholder instead of the information, the other language, its dates). Read by
:mod:`ashyq.checks.completeness.judge`, which decides what the places show.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from itertools import chain
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

import lxml.html
from lxml import etree

from ashyq.base.artifacts import FetchFailure
from ashyq.base.dates import KK_MONTHS, RU_MONTHS, FoundDate, find_dates
from ashyq.base.routes import viewed_file, without_anchor
from ashyq.base.text import KAZAKH_LETTERS, fold_kazakh, normalise, squash
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.keywords import Indicator, Section, Vocabulary
from ashyq.checks.completeness.listings import Entry
from ashyq.checks.completeness.page_blocks import STAMP_WORDS, Block, block_lang, periods_in
from ashyq.checks.completeness.readings import DEAD, FILE
from ashyq.checks.completeness.timeliness import report_days

# A Kazakhstan phone number: +7 or 8, then ten digits (an area code of three to five digits and the local
# number: «+7 7172 74-10-00», «8 (71130) 2-14-00» in a district), or the single number 1414, or a call centre's short
# number after its name (a body's own reference line: «Call-центр: 1432»); a sum of money
# written with the same digits («80 000 000 000 тенге») is no phone. A district writes its local numbers alone,
# the area code given once on the site: three groups joined by dashes («2-11-30», «74-20-11», «272-10-10»).
PHONE = re.compile(
    r"(?:\+\s?7|(?<![\d,])8)(?:[\s()-]{0,3}\d){10}(?!\d)(?!\s?(?:тенге|теңге|тг|тыс|млн|млрд|мың)(?!\w))"
    r"|(?<!\d)1414(?!\d)"
    r"|(?<![\w/-])(?<!\d[.,])\d{1,3}-\d{2}-\d{2}(?![\w/-]|[.,]\d)"
    # a reference service's short number after its name («Call-центр министерства: 1432», «байланыс орталығы: 1432»)
    r"|(?i:call-?cent(?:er|re)|call-?центр|колл-центр|контакт-центр|байланыс орталы[ғг]\w*|справочн\w* служб\w*)"
    r"[^\d\n]{0,40}?(?<![\d+-])1\d{2,3}(?![\d.,])(?!\s*(?:год|жыл|г\.))"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A postal address (Appendix 15, 1.2 indicator 1; Table 7 row 1) is where a letter reaches the body: a street,
# avenue or district with a house number, or a postal code before the place. The name of the city alone («г.
# Костанай», «Қостанай қ.») is not one: a territorial unit's page naming its city has not given its address.
_STREET = (
    r"(?:ул\.|улица|улицы|проспект|пр\.|пр-т|микрорайон|мкр\.?|переулок|пер\.|шоссе|бульвар|пл\.|"
    r"көшесі|көш\.|к-сі|даңғылы|даңғ?\.|шағын ауданы?|ш\.\s?а\.|ш/а|ықшам ауданы?|тұйық көшесі|"
    # a square is named («площадь Республики, 4», «Республика алаңы, 4»); the word followed by its figure is an area
    # («площадь — 97,8 тыс. кв. км», «жер алаңы — 97,8 мың шаршы км»), which names no street
    r"(?:площадь|алаңы)(?![а-яёәіңғүұқөһ]*\s*[—–:-]\s*\d|[а-яё]+\s+\d|\s+[\d\s,.]+(?:тыс|млн|мың|кв|шаршы|га|км|м2|м²))"
    r")"
)
_ADDRESS = (
    rf"(?<!\w){_STREET}[^\n]{{0,40}}?(?<!\d)\d{{1,4}}(?!\d)"  # the street, then the house
    rf"|(?<!\d)\d{{6}}(?!\d)[,\s]{{1,3}}(?:г\.|город|[\w-]+ (?:қ\.|қаласы))"  # 010000, г. Астана
)
ADDRESS = {"ru": re.compile(_ADDRESS), "kk": re.compile(fold_kazakh(_ADDRESS))}
# Figures (``with: {figures: true}``): a number that is no date, time, year or part of a word, and the units a
# quantity is given in. Data is a quantity with its unit and another number, or a table's worth of numbers.
_NUMBER = re.compile(r"(?<![\w.,:/-])\d+(?: \d{3})*(?:[.,]\d+)?(?![\w/:-]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_UNITS = (
    r"\s?(?:%|процент\w*|тыс|млн|млрд|трлн|тенге|тг|га|гектар\w*|тонн\w*|т|км|кв|м2|человек\w*|чел|ед|единиц\w*|"
    r"голов\w*|мың|пайыз\w*|адам\w*|бірлік|теңге|шаршы)(?!\w)"
)
UNIT = {"ru": re.compile(_UNITS), "kk": re.compile(fold_kazakh(_UNITS))}
MIN_TABLE_NUMBERS = 4
WORD_JOINER = r"[\s,.:;()\"-]+"  # what joins the words of a compiled keyword (ashyq.base.text.compile_keyword)
MIN_FOREIGN_LETTERS = 40  # a block needs this much text before its language can disown it


@dataclass
class Hit:
    """Where an indicator was found: the unit, the block (if one), and how a reader sees it."""

    unit: Unit
    block: Block | None
    how: str  # "heading «…»", "title «…»", "link «…»", "text", "address", …
    extent: tuple[Block, ...] = ()  # the block and the blocks under it: what currency reads
    rank: int = 0  # 0 a title or heading, 1 a link's label, 2 the text, 3 an address pattern
    label: str = ""  # the heading, title or link label that named it (normalised)
    announced: bool = False  # a link whose page was not harvested: it announces what was not read
    href: str = ""  # where that link leads

    def cite(self) -> str:
        return f"{self.how} on {self.unit.url}"


# what a set of patterns found in a text, kept for the next asking: the checks ask the same few hundred
# indicator patterns of the same headings, labels and blocks many times over (an audit of five bodies:
# 530,000 askings of 61,000 pairs). Keyed by the patterns' identity, the patterns held by the entry so
# that identity cannot pass to another object; forgotten whole past FOUND_LIMIT texts.
FOUND_LIMIT = 200_000
_found: dict[int, tuple[Sequence[re.Pattern[str]], dict[str, re.Match[str] | None]]] = {}
_found_texts = 0


def matches(patterns: Sequence[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The first of the patterns that the text matches, where it does."""
    global _found_texts
    entry = _found.get(id(patterns))
    if entry is None:
        if _found_texts >= FOUND_LIMIT:
            _found.clear()
            _found_texts = 0
        entry = _found[id(patterns)] = (patterns, {})
    known = entry[1]
    if text in known:
        return known[text]
    found = next((m for m in (p.search(text) for p in patterns) if m), None)
    known[text] = found
    _found_texts += 1
    return found


def unit_blocks(unit: Unit) -> tuple[Block, ...]:
    """A unit's blocks; a unit read from an API record's fields alone is one block."""
    if unit.blocks:
        return unit.blocks
    return (Block(unit.title, (), unit.main, unit.lang, unit.dates, (), raw_heading=unit.title),)


def in_section(unit: Unit, section: Section, lang: str) -> bool:
    """A unit of the section: its title, a label the site's links give it, or its address says so."""
    titles = section.titles[lang]
    return (
        bool(matches(titles, unit.title))
        or any(matches(titles, label) for label in unit.incoming)
        or any(p in unit.tags for p in section.urls)
    )


def section_blocks(unit: Unit, section: Section, lang: str, whole: bool) -> list[Block]:
    """The unit's blocks that belong to the section: all of them for a section page, else those under
    a heading with the section's title."""
    if whole:
        return list(unit_blocks(unit))
    titles = section.titles[lang]
    return [b for b in unit_blocks(unit) if matches(titles, b.heading) or any(matches(titles, a) for a in b.above)]


def extent_of(blocks: tuple[Block, ...], block: Block) -> tuple[Block, ...]:
    """A block and the blocks under its heading."""
    try:
        start = blocks.index(block)
    except ValueError:
        return (block,)
    out = [block]
    for later in blocks[start + 1 :]:
        if block.heading and block.heading in later.above:
            out.append(later)
        else:
            break
    return tuple(out)


def detected(kind: str, unit: Unit, vocabulary: Vocabulary, text: str, hrefs: str, lang: str) -> bool:
    if kind == "phone":
        return bool(PHONE.search(text))
    if kind == "email":
        return bool(EMAIL.search(text))
    if kind == "contact":  # a phone or an e-mail («контактные данные»)
        return bool(PHONE.search(text) or EMAIL.search(text))
    if kind == "address":  # a phone's digits are no house number («Адалдық алаңы»: +7 …)
        return bool(ADDRESS["kk" if lang == "kk" else "ru"].search(PHONE.sub(" ", text)))
    if kind == "social":
        return bool(social_accounts(hrefs, vocabulary)) or any(host in text for host in vocabulary.social_hosts)
    if kind == "egov_link":
        return "egov.kz" in hrefs or "egov.kz" in text
    return False


# what follows a social network's host in a link that leads to no account: a button sharing the page, a post, a video
NOT_AN_ACCOUNT = frozenset(
    ("sharer", "sharer.php", "share", "share.php", "intent", "watch", "embed", "plugins", "dialog", "p", "reel")
)


def social_accounts(hrefs: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The links (space-separated, lower case) that lead to an account on a social network or messenger (Table 7
    row 1 «ссылки на официальные аккаунты … в социальных сетях и мессенджерах»): an account is told by where it
    leads, whatever its label or icon - the network's host and a name after it, not a button that shares the page
    (``facebook.com/sharer``, ``t.me/share``, ``twitter.com/intent``), a post or a video."""
    out = []
    for href in hrefs.split():
        if not any(host in href for host in vocabulary.social_hosts):
            continue
        path = [s for s in urlsplit(href if "//" in href else f"//{href}").path.split("/") if s]
        if path and path[0] not in NOT_AN_ACCOUNT:
            out.append(href)
    return tuple(out)


def accounts_kept(content: Unit, whole: Unit, vocabulary: Vocabulary) -> Unit:
    """The page read as its content alone (Table 7), with the links to the body's accounts its template gives (a
    footer's icons on every page): the row asks for the links themselves, wherever the page shows them."""
    kept = [h for h in social_accounts(whole.links, vocabulary) if h not in content.links.split()]
    return replace(content, links=" ".join((content.links, *kept)).strip()) if kept else content


def _detector_hits(
    indicator: Indicator, kind: str, unit: Unit, lang: str, vocabulary: Vocabulary, blocks: list[Block]
) -> Iterable[Hit]:
    """The places of a detector's indicator (a phone, an e-mail, an address, an account): a block naming it (or any
    block, where it names nothing) that holds the detected contact, or the whole page a visitor reads."""
    keywords = indicator.keywords[lang]
    every = unit_blocks(unit)
    for block in blocks:
        text = f"{block.all_text} {' '.join(block.above)}"
        hrefs = " ".join(block.hrefs)
        named = not (keywords or indicator.urls) or bool(keywords and matches(keywords, text))
        named = named or any(p in hrefs for p in indicator.urls)
        if named and detected(kind, unit, vocabulary, block.all_text, hrefs, lang):
            yield Hit(unit, block, f"«{block.raw_heading or block.text[:60]}»", extent_of(every, block))
    # a section page read whole where it has more than its content (its footer: Table 7 reads content only)
    whole = indicator.match == "anywhere" or (
        indicator.match == "section" and tuple(blocks) == every and unit.text != unit.main
    )
    # the body's accounts linked from the page's template (a footer's icons on every page; kept where only the
    # content is read, :func:`accounts_kept`) are linked on each page where the section is read
    bare = not (keywords or indicator.urls) and (whole or (kind == "social" and bool(blocks)))
    # contacts sit in footers: for a bare detector, the whole page a visitor reads (of the section's pages
    # only, where it is read in the section: the body's address, not another's in a page's text)
    if bare and detected(kind, unit, vocabulary, unit.text, unit.links, lang):
        yield Hit(unit, None, "the page's text", every, rank=2)
    if unit.template and blocks and kind in TEMPLATE_CONTACTS:
        yield from template_hits(indicator, kind, unit, lang, vocabulary)


TEMPLATE_CONTACTS = ("phone", "email", "contact", "address")
TEMPLATE = "the page's header and footer"  # the heading a template's block is cited by
TEMPLATE_REACH = 60  # characters after a holder's words in which the template gives the holder's contact
ENTRY_SEPARATORS = re.compile(r"[·|•;]")  # what parts one entry of a footer's line from the next


def template_hits(indicator: Indicator, kind: str, unit: Unit, lang: str, vocabulary: Vocabulary) -> Iterable[Hit]:
    """The contacts a page read as its content alone gives in its header and footer (Table 7 row 1: the site shows
    them on every page, a visitor reads them there): the body's own address, e-mail or phone, and a holder's phone
    given right after the holder's words in the same entry («баспасөз хатшысы: 8 (71845) 2-13-07»), not any phone
    a line's other entry gives. One block of the template's text, cited as such."""
    text = unit.template
    keywords = indicator.keywords.get(lang, ())
    block = Block("", (), text, None, (), (), raw_heading=TEMPLATE)
    if keywords:
        for pattern in keywords:
            for found in pattern.finditer(text):
                after = text[found.end() : found.end() + TEMPLATE_REACH]
                cut = ENTRY_SEPARATORS.search(after)
                if detected(kind, unit, vocabulary, after[: cut.start() if cut else len(after)], "", lang):
                    yield Hit(unit, block, f"«{TEMPLATE}»", (block,), rank=2, label=found.group(0))
                    return
    elif not indicator.urls and detected(kind, unit, vocabulary, text, "", lang):
        yield Hit(unit, block, f"«{TEMPLATE}»", (block,), rank=2)


def _url_hit(indicator: Indicator, unit: Unit) -> bool:
    if indicator.material:  # the material itself: a link to the portal's home page is none of it
        links = " ".join(h for h in unit.links.split() if not home_of_another(h, unit.url))
        return any(p in unit.tags or p in links for p in indicator.urls)
    return any(p in unit.tags or p in unit.links for p in indicator.urls)


def home_of_another(href: str, page: str) -> bool:
    """Whether a link leads to another site's home page: its root, perhaps with a language chosen
    (``https://legalacts.egov.kz/?lang=kk``)."""
    target, here = urlsplit(href), urlsplit(page)
    if not target.hostname or target.hostname == here.hostname or target.path.strip("/"):
        return False
    return all(k.lower() in ("lang", "language", "locale", "l") for k, _ in parse_qsl(target.query))


def hits_in(
    indicator: Indicator,
    unit: Unit,
    lang: str,
    vocabulary: Vocabulary,
    blocks: list[Block],
    headings_only: bool,
    pages: dict[str, Unit] | None = None,
    phrases: bool = False,
    frame: frozenset[str] = frozenset(),
) -> Iterable[Hit]:
    """Every place of the unit where a reader finds the indicator. A link whose label names it leads
    to the page it names: that page (when harvested) is where the indicator is read. ``phrases``: its running
    text names it only by a keyword of several words (:func:`phrase`). ``frame``: the links the site's template
    writes on every page (:class:`Template`), none of them a link a section's material offers."""
    keywords = indicator.keywords[lang]
    every = unit_blocks(unit)
    empty_phrases = vocabulary.empty_phrases.get(lang, ())
    if indicator.detect:
        yield from _detector_hits(indicator, indicator.detect, unit, lang, vocabulary, blocks)
        return
    if keywords:
        if matches(keywords, unit.title):
            yield Hit(unit, None, f"the page titled «{(unit.shown_title or unit.title)[:80]}»", every, 0, unit.title)
        else:
            for label in unit.incoming:
                if matches(keywords, label):
                    how = f"the page linked as «{unit.shown_incoming(label)[:80]}»"
                    yield Hit(unit, None, how, every, 0, label)
                    break
        for block in blocks:
            if block.heading and matches(keywords, block.heading):
                how = f"the heading «{block.raw_heading[:80]}»"
                yield Hit(unit, block, how, extent_of(every, block), 0, block.heading)
        # read in the section's material (``section``): the links its blocks offer, not the site's menu on its pages
        offered = _offered(unit, blocks, frame) if indicator.match == "section" else None
        for n, (label, href) in enumerate(unit.anchors):
            if offered is not None and without_anchor(href).lower() not in offered:
                continue
            if matches(keywords, label) and href.startswith(("http", "/")):
                if indicator.material and home_of_another(href, unit.url):
                    continue  # «Проекты НПА» on a link to the portal's home page: where drafts are kept, none of them
                shown = unit.shown_label(n)[:80]  # cited as the page writes it; matched folded
                target = (pages or {}).get(without_anchor(href).rstrip("/"))
                if target is unit:
                    continue  # the page's own menu item: what it announces is this page, read here
                holder = _holder(unit, every, href)
                if holder is not None and _about_else(indicator, holder, lang):
                    continue  # a link under a heading about something else (the statements' «Түсіндірме жазба»)
                if target is not None:
                    how = f"the page linked as «{shown}» from {unit.url}"
                    yield Hit(target, None, how, unit_blocks(target), 1, label)
                    continue
                extent = extent_of(every, holder) if holder else ()
                how = f"the link «{shown}» ({href[:80]})"
                yield Hit(unit, holder, how, extent, 1, label, announced=True, href=href)
        for block in blocks:
            if _about_else(indicator, block, lang):
                continue  # a label under a heading about something else (the audit's «Результаты проверки:»)
            # a label opens a sentence, or a paragraph, list item or line («Документы: …» in a list)
            lead = _lead_naming(block, keywords, empty_phrases, lang)
            if lead is not None:
                under = (block.raw_heading or unit.title)[:80]
                how = f"the label «{written_label(unit, lead, lang)[:80]}:» under «{under}»"
                yield Hit(unit, block, how, extent_of(every, block), 1, lead)
            else:
                yield from _run_in_over_placeholder(unit, block, keywords, empty_phrases, lang)
        if not headings_only:
            yield from _text_hits(indicator, unit, lang, vocabulary, blocks, phrases)
    if _url_hit(indicator, unit) and not _read_where_linked(indicator, unit, pages):
        yield Hit(unit, None, f"a link or address matching {', '.join(indicator.urls)}", every, 3)


def _about_else(indicator: Indicator, block: Block, lang: str) -> bool:
    """Whether the block's heading is about something else than the indicator (``not_under``): its labels and links
    name another matter's parts («Результаты проверки:» under the audit, the statements' «Түсіндірме жазба»)."""
    return bool(matches(indicator.not_under.get(lang, ()), block.heading)) and not matches(
        indicator.keywords.get(lang, ()), block.heading
    )


def _lead_naming(
    block: Block, keywords: Sequence[re.Pattern[str]], empty: Sequence[re.Pattern[str]], lang: str
) -> str | None:
    """The block's first label naming the indicator, not in a sentence sending the reader to the other language's
    page («Подробнее о структуре и отделах — на казахской версии страницы»)."""
    naming = [x for x in block_labels(block, empty) if matches(keywords, x)]
    if not naming:
        return None
    kept = without_section_referrals(without_referrals(block.text, lang), lang)
    return next((x for x in naming if x in kept), None)


def _holder(unit: Unit, blocks: tuple[Block, ...], href: str) -> Block | None:
    """The block that offers a link: its target as the block writes it (relative or not) or resolved (the
    harvest records a link's target absolute: «/upload/audit.pdf» in the block is «https://…/upload/audit.pdf»)."""
    want = without_anchor(href).lower()
    for block in blocks:
        if href in block.hrefs or any(without_anchor(urljoin(unit.url, h)).lower() == want for h in block.hrefs):
            return block
    return None


def _offered(unit: Unit, blocks: list[Block], frame: frozenset[str] = frozenset()) -> frozenset[str]:
    """The targets of the links the blocks offer, as written and resolved against the page (without fragments), but
    the template's (``frame``: a layout table's menu column, written in the page's one block)."""
    written = {without_anchor(h) for b in blocks for h in b.hrefs if h not in frame}
    return frozenset(x.lower() for h in written for x in (h, urljoin(unit.url, h)))


# A sentence sending the reader to the other language's page for the information («… туралы толығырақ орыс тіліндегі
# бетте», «подробнее — на казахской версии»): it names what is not here (normalised text; folded for Kazakh).
_REFERRAL = {
    "kk": (
        r"[^.!?]*(?:толығырақ|толық ақпарат)[^.!?]*орыс\w* тіл\w*[^.!?]*(?:бет|нұсқа|сайт)\w*[^.!?]*",
        r"[^.!?]*орыс\w* тіл\w* (?:бет|нұсқа)\w*[^.!?]*(?:қараңыз|берілген|көрсетілген|орналастырылған)[^.!?]*",
        # the section's material said to be posted in the other language only (not «мемлекеттік және орыс тілдерінде»)
        r"[^.!?]*(?:материал|ақпарат|мәлімет)\w*[^.!?]*(?<!және )орыс тіл\w*[^.!?]*"
        r"(?:орналастырыл|жарияланған|берілген|ұсынылған)\w*[^.!?]*",
    ),
    "ru": (
        r"[^.!?]*подробн\w*[^.!?]*(?:на|в) (?:казахск|государственн)\w* (?:верси|страниц|язык)\w*[^.!?]*",
        # «Материалы раздела размещены на государственном языке: …» (not «на государственном и русском языках»)
        r"[^.!?]*(?:материал|информаци|сведени)\w*[^.!?]*(?:размещ|опубликова|представл|привед)\w*[^.!?]*"
        r"(?:на|в) (?:казахск|государственн)\w* (?:верси|страниц|язык)\w*[^.!?]*",
    ),
}
REFERRAL = {
    "kk": tuple(re.compile(fold_kazakh(p)) for p in _REFERRAL["kk"]),
    "ru": tuple(re.compile(p) for p in _REFERRAL["ru"]),
}
# the words every referral of the language holds: a text without them holds none. Searched first, as the
# referrals' own patterns (a sentence's run of text before the words) cost time in the square of a long
# sentence that holds no referral, and every indicator reads every block's text so
_REFERRAL_WORDS = {
    "kk": re.compile(fold_kazakh(r"орыс\w* тіл")),
    "ru": re.compile(r"(?:на|в) (?:казахск|государственн)\w* (?:верси|страниц|язык)"),
}


def referral_in(text: str, lang: str) -> str | None:
    """The first sentence of the text sending the reader to the other language's page, or None."""
    lang = "kk" if lang == "kk" else "ru"
    if not _REFERRAL_WORDS[lang].search(text):
        return None
    for pattern in REFERRAL[lang]:
        if found := pattern.search(text):
            return found.group(0).strip()
    return None


@lru_cache(maxsize=8192)
def without_referrals(text: str, lang: str) -> str:
    """The text without its sentences sending the reader to the other language's page."""
    lang = "kk" if lang == "kk" else "ru"
    if not _REFERRAL_WORDS[lang].search(text):
        return text
    for pattern in REFERRAL[lang]:
        text = pattern.sub(" ", text)
    return text


# A sentence sending the reader to another, named section of the site for the material («Нормативтік құқықтық
# актілердің жобалары – «НҚА жобалары» бөлімінде», «Проекты размещены в разделе «Открытые НПА»»): it names the
# material's place, not the material, which is read in that section (its link's page) where the harvest has it
# (normalised text, its quotes one kind: «…» is "…"; folded for Kazakh)
_SECTION_REFERRAL = {
    "kk": re.compile(fold_kazakh(r'[^.!?]*"[^"]{2,80}"\s*(?:бөлім|айдар|бет)\w*(?:де|да|те|та)(?!\w)[^.!?]*')),
    "ru": re.compile(r'[^.!?]*(?<!\w)(?:в|во|на)\s+(?:раздел|подраздел|рубрик|страниц)\w*\s+"[^"]{2,80}"[^.!?]*'),
}


@lru_cache(maxsize=8192)
def without_section_referrals(text: str, lang: str) -> str:
    """The text without its sentences sending the reader to another, named section of the site."""
    return _SECTION_REFERRAL["kk" if lang == "kk" else "ru"].sub(" ", text) if '"' in text else text


def _text_hits(
    indicator: Indicator, unit: Unit, lang: str, vocabulary: Vocabulary, blocks: list[Block], phrases: bool
) -> Iterable[Hit]:
    """The blocks whose running text names the indicator (by a phrase only, with ``phrases``)."""
    keywords = indicator.keywords[lang]
    every = unit_blocks(unit)
    company = indicator.in_text_with.get(lang, ())
    elsewhere = indicator.not_under.get(lang, ())
    for block in blocks:
        if company and not matches(company, f"{block.all_text} {' '.join(block.above)}"):
            continue  # its words in a paragraph about something else
        if elsewhere and matches(elsewhere, block.heading) and not matches(keywords, block.heading):
            continue  # a paragraph under a heading about something else («Результаты государственного аудита»)
        # a label naming it over a placeholder is its place holding the placeholder, not its mention in the text
        text = without_section_referrals(without_referrals(block.text, lang), lang)
        if none := indicator.none_said.get(lang, ()):  # a sentence saying there is none of it is no mention of it
            text = " ".join(s for s in SENTENCE_SPLIT.split(text) if not matches(none, s))
        if other := indicator.not_in_sentence_with.get(lang, ()):  # nor one about another thing
            text = " ".join(s for s in SENTENCE_SPLIT.split(text) if not matches(other, s))
        for label, _ in labelled_placeholders(block, vocabulary.empty_phrases.get(lang, ())):
            text = text.replace(label, " ") if matches(keywords, label) else text
        text = DATED_LABEL.sub(" ", text)  # the page's stamps («Последнее изменение: 14.11.2026 16:05») date the page
        if text != block.text and not matches(keywords, text):
            continue
        if phrases:
            said = _phrase_in_text(indicator, unit, block, lang, vocabulary)
        else:
            said = _named_outside_links(keywords, unit, block)
        if said:
            under = (block.raw_heading or unit.title)[:80]
            yield Hit(unit, block, f"the text under «{under}»", extent_of(every, block), 2)


def label_spans(unit: Unit, text: str, to_pages: bool = False) -> list[tuple[int, int]]:
    """Where the labels of the unit's links stand in one of its (normalised) texts; with ``to_pages`` only those of
    links to pages, not to files: such a link in running text («Талқылауға шығарылған жобалар — Нормативтік құқықтық
    актілердің жобалары.») points to the page that holds the material, where it is read; a link to a file in running
    text is the material itself."""
    return [
        (m.start(), m.end())
        for label, href in unit.anchors
        if label and not (to_pages and FILE.search(urlsplit(href).path))
        for m in re.finditer(re.escape(label), text)
    ]


LIST_OF_LINKS_LETTERS = 20  # a block with fewer letters than this outside its links' labels is a list of links
LETTER_ONE = re.compile(r"[^\W\d_]")


def _named_outside_links(keywords: Sequence[re.Pattern[str]], unit: Unit, block: Block) -> bool:
    """Whether the block's text names the indicator; in a list of links (a site map's, a menu's the page marks as
    none: next to no words outside the labels) only outside its links' labels - a list of links is read as links,
    each its label and the page it leads to, not as text. A link in running text («Годовой план … (XLSX)») is read
    with the text."""
    text = block.text
    labels = label_spans(unit, text)
    rest = text
    for a, b in sorted(labels, reverse=True):
        rest = rest[:a] + " " + rest[b:]
    if len(LETTER_ONE.findall(rest)) >= LIST_OF_LINKS_LETTERS:
        pointers = label_spans(unit, text, to_pages=True)  # a link to a page in the text: the material is read there
        return any(
            not any(a <= found.start() and found.end() <= b for a, b in pointers)
            for keyword in keywords
            for found in keyword.finditer(text)
        )
    return any(
        not any(a <= found.start() and found.end() <= b for a, b in labels)
        for keyword in keywords
        for found in keyword.finditer(text)
    )


def phrase(keyword: re.Pattern[str]) -> bool:
    """Whether a compiled keyword names several words (:func:`ashyq.base.text.compile_keyword` joins its words
    so; an expression with a space): a phrase, not a single word."""
    return WORD_JOINER in keyword.pattern or " " in keyword.pattern


def _phrase_in_text(indicator: Indicator, unit: Unit, block: Block, lang: str, vocabulary: Vocabulary) -> bool:
    """Whether a sentence of the block's running text names the indicator by a phrase: not within a link's label
    (a link is read as a link: what it leads to) or a quoted name (the law «О правовых актах» is no rubric of
    acts), and not in a sentence that says there is nothing («Образцы заявлений: информация отсутствует») or
    names what it is not (``unless``)."""
    wanted = [k for k in indicator.keywords[lang] if phrase(k)]
    if not wanted:
        return False
    text = QUOTED.sub(lambda m: " " * len(m.group(0)), block.text)
    labels = label_spans(unit, text)
    empty, unless = vocabulary.empty_phrases.get(lang, ()), indicator.unless.get(lang, ())
    other = indicator.not_in_sentence_with.get(lang, ())
    for keyword in wanted:
        for found in keyword.finditer(text):
            if any(a <= found.start() and found.end() <= b for a, b in labels):
                continue
            starts = [m.end() for m in SENTENCE_END.finditer(text, 0, found.start())]
            end = SENTENCE_END.search(text, found.end())
            sentence = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
            if not matches(empty, sentence) and not matches(unless, sentence) and not matches(other, sentence):
                return True
    return False


def _read_where_linked(indicator: Indicator, unit: Unit, pages: dict[str, Unit] | None) -> bool:
    """Whether the unit matches the indicator's address pattern only by linking it, and every page it links
    so was read: those pages are where the indicator is read (a site map's link to the acts' page is not the
    acts; the page may hold a placeholder)."""
    if not pages or any(p in unit.tags for p in indicator.urls):
        return False
    linked = [h for h in unit.links.split() if any(p in h for p in indicator.urls)]
    targets = [pages.get(without_anchor(urljoin(unit.url, h)).rstrip("/")) for h in linked]
    return bool(targets) and all(t is not None and t is not unit for t in targets)


# A paragraph's lead-in label: a short phrase ending in a colon at the start of a block or of a sentence,
# followed by what it names («Социально-экономический паспорт: PDF, 890 КБ», «Образцы заявлений: …», «Өтініш
# үлгілері: …»). A reader scans it as a heading of what follows.
# a label and a colon, or a label and a dash between spaces («Переселение кандасов — центр занятости, тел. …»: what
# a resident looks for, then where; normalised, every dash is «-»); 01.04.2026, 10:00 inside
LEAD_IN = re.compile(r"(?:^|(?<=[.;!?] ))((?:[^.;:!?-]|(?<=\d)[.:](?=\d)|(?<=\S)-(?=\S)){3,100}?)(?::| -)(?= )")
SENTENCE_END = re.compile(r"[.;!?](?: |$)")
SENTENCE_SPLIT = re.compile(r"(?<=[.;!?]) ")


def lead_ins(text: str, empty: Sequence[re.Pattern[str]] = ()) -> Iterable[str]:
    """The lead-in labels of a block's (normalised) text that name something: a label over a placeholder
    («Результаты проверок: информация отсутствует») names nothing. The page's own stamp at the block's head
    («Дата публикации: 02.11.2026», read into the block with the paragraph after it) ends where its date does:
    the first paragraph's label follows it."""
    return (
        label
        for label, rest in _colon_leads(text)
        if not (empty and matches(empty, rest)) and not DATED_ONLY.match(rest)
    )


# what a date's label stands over: a date and its time alone («Соңғы өзгеріс: 12.11.2026 09:40», the page's stamp
# after another on one line): the label dates the page, it names no material
_DATE_TIME = r"\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s*(?:г\.?|ж\.?))?(?:,?\s*\d{1,2}:\d{2})?"
DATED_ONLY = re.compile(rf"^{_DATE_TIME}$")
# a label and the date and time it stands over, in running text
DATED_LABEL = re.compile(rf"(?:^|(?<=[.;!?·|] ))[^.;:!?·|]{{3,60}}: ?{_DATE_TIME}(?=$|[\s.;·|])")


def block_labels(block: Block, empty: Sequence[re.Pattern[str]] = ()) -> Iterable[str]:
    """The labels a block's paragraphs open with over what names something: a colon's lead-in label in any of its
    pieces (:func:`lead_ins`), then a bold run-in label (:func:`run_in_labels`)."""
    colons = (x for piece in block.pieces or (block.text,) for x in lead_ins(piece, empty))
    return chain(colons, run_in_labels(block, empty))


def run_in_labels(block: Block, empty: Sequence[re.Pattern[str]] = ()) -> Iterable[str]:
    """The block's bold run-in labels (page_blocks.run_in_lead: «Миграция.», «Көші-қон.» opening a paragraph) over
    what names something: read as a colon's lead-in label is, a label over a placeholder naming nothing."""
    for label, rest in block.leads:
        end = SENTENCE_END.search(rest)
        sentence = rest[: end.start() if end else len(rest)].strip()
        if sentence and not (empty and matches(empty, sentence)):
            yield label


def labelled_placeholders(block: Block, empty: Sequence[re.Pattern[str]]) -> Iterable[tuple[str, str]]:
    """(label, what follows) of the block's colon lead-ins over a placeholder («Ход реализации плана мероприятий:
    Информация обновляется.», «Орындалу барысы: Ақпарат жаңартылуда.»): the label names what the placeholder
    stands for."""
    if not empty:
        return
    for piece in block.pieces or (block.text,):
        for label, rest in _colon_leads(piece):
            if matches(empty, rest):
                yield label, rest


def lead_sentence(block: Block, label: str) -> str | None:
    """What a block's lead-in label opens - the rest of its sentence, a colon's or a bold run-in's («НҚА жобалары:
    «НҚА жобалары» бөлімінде.») - or None when the block has no such label."""
    for piece in block.pieces or (block.text,):
        for found, rest in _colon_leads(piece):
            if found == label:
                return rest
    for found, rest in block.leads:
        if found == label:
            end = SENTENCE_END.search(rest)
            return rest[: end.start() if end else len(rest)]
    return None


@lru_cache(maxsize=16384)
def _colon_leads(text: str) -> tuple[tuple[str, str], ...]:
    """(label, what it stands over) of every colon's lead-in of the text, the page's stamp at its head left out:
    read once per text, as every indicator of a section asks for the labels of every block."""
    for stamp in STAMP_HEAD:
        text = stamp.sub("", text, count=1)
    found_all = []
    for found in LEAD_IN.finditer(text):
        end = SENTENCE_END.search(text, found.end())
        rest = text[found.end() : end.start() if end else len(text)].strip()
        if rest:
            found_all.append((found.group(1).strip(), rest))
    return tuple(found_all)


def _run_in_over_placeholder(
    unit: Unit, block: Block, keywords: Sequence[re.Pattern[str]], empty: Sequence[re.Pattern[str]], lang: str
) -> Iterable[Hit]:
    """A bold run-in label or a colon's lead-in naming the indicator over a placeholder («<b>Инвестициялық
    мүмкіндіктер.</b> Бөлім толықтырылуда.», «Ход реализации плана мероприятий: Информация обновляется.»): the
    indicator's place, holding the placeholder - its paragraph alone, read as a heading over its text, so that the
    placeholder is measured there (not the block's other paragraphs)."""
    for label, rest in (*block.leads, *labelled_placeholders(block, empty)):
        if empty and matches(keywords, label) and matches(empty, rest):
            part = replace(block, heading=label, raw_heading=label, text=rest, pieces=(), leads=(), hrefs=(), images=())
            under = (block.raw_heading or unit.title)[:80]
            how = f"the label «{written_label(unit, label, lang)[:80]}» under «{under}»"
            yield Hit(unit, part, how, (part,), 1, label)
            return


def written_label(unit: Unit, label: str, lang: str) -> str:
    """A lead-in label as the page writes it (it is matched normalised, in Kazakh folded)."""
    read = fold_kazakh if lang == "kk" else normalise
    for text, _ in paragraphs(unit):
        for part in re.split(r"[.;!?:](?:\s|$)", text):
            if read(part).strip() == label:
                return squash(part)
    return label


EMBEDDED = re.compile(r"<(?:iframe|embed|object|canvas|video)\b", re.I)  # content a text reading cannot see
LETTERS = re.compile(r"[^\W\d_]{2}")
# the label of a link back to the top of the page (Appendix 14 asks it of long pages: «Наверх», «Жоғары ↑»):
# a jump within the page, not the page's content (a placeholder followed by one is still a placeholder)
BACK_TO_TOP = re.compile(
    r"(?<!\w)(?:ж[оө]г[аа]р[ыі](?:г[аа])?|наверх|вверх|к началу(?: страницы)?|басына)(?!\w)\s*[↑▲⬆]?|[↑▲⬆]"
)
# the label of a link back to where the reader came from (a detail page's «← 4 қыркүйек 2026 ж.», «Күнтізбеге оралу»,
# «Вернуться к списку», «Назад»): the way back, not the place's content (a placeholder over one is still a placeholder)
BACK_LINK = re.compile(r"^\s*[←‹⟵↩⇐]|(?<!\w)(?:назад|вернуться|оралу|артқа|артка|қайту|кайту)(?!\w)")
# a page's own stamp («Дата обновления: 01.09.2026», «Последнее изменение: …») says when, not what: it is no information
PAGE_STAMP = {"ru": re.compile(STAMP_WORDS), "kk": re.compile(fold_kazakh(STAMP_WORDS))}
# the page's stamp at the head of a block, with its day and hour: what follows it begins a paragraph
STAMP_HEAD = tuple(
    re.compile(
        rf"^(?:{words})\s*:?\s*\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}(?:\s*(?:г\.|ж\.))?(?:,?\s*\d{{1,2}}:\d{{2}})?\s+"
    )
    for words in (STAMP_WORDS, fold_kazakh(STAMP_WORDS))
)
# the subject of a placeholder's sentence or of the page's stamp, read (Kazakh folded)
PLACEHOLDER_SUBJECT = {
    "ru": re.compile(r"(?<!\w)(?:под)?(?:раздел|страниц)[аеуы]?(?!\w)"),
    "kk": re.compile(fold_kazakh(r"(?<!\w)(?:бөлім|бет)(?:і|де|те)?(?!\w)")),
}


def without_stamps(text: str, lang: str) -> str:
    """The (read) text without the page's stamps and the day each gives, written in figures or in words («Последнее
    изменение: 5 ноября 2026 г.»): a heading followed only by the stamp holds nothing."""
    cuts: list[tuple[int, int]] = []
    for stamp in PAGE_STAMP["kk" if lang == "kk" else "ru"].finditer(text):
        end = stamp.end()
        after = text[end : end + STAMPED_DAY_REACH]
        day = next(((d.start, d.text) for d in find_dates(after) if d.start <= STAMPED_DAY_GAP), None)
        # a Kazakh day in words read folded («2026 жылгы 5 караша»), or a day and month whose year the template took
        folded = FOLDED_DAY.match(after)
        if day is None and folded is not None:
            day = (folded.start(1), folded.group(1))
        if day is not None:
            end += after.find(day[1], day[0]) + len(day[1])
            end += len(YEAR_MARK.match(text, end).group(0))  # type: ignore[union-attr]
        cuts.append((stamp.start(), end))
    for start, end in reversed(cuts):
        text = text[:start] + " " + text[end:]
    return text


STAMPED_DAY_REACH = 40  # characters after a stamp's words in which its day is read
STAMPED_DAY_GAP = 3  # the day begins right after the words («: », « — »)
# a month's name, Russian or Kazakh folded: a stamp's day in words, its year perhaps cut as the template's
_FOLDED_MONTH = "|".join([*(fold_kazakh(m) for m in KK_MONTHS), *RU_MONTHS])
FOLDED_DAY = re.compile(
    rf"\W{{0,{STAMPED_DAY_GAP}}}((?:\d{{4}}\s*ж\w*\.?\s*)?\d{{1,2}}\s*(?:{_FOLDED_MONTH})\w*(?:\s*\d{{4}})?)"
)
YEAR_MARK = re.compile(r"\s*(?:г\.|ж\.)?")  # the year's abbreviation after a day written in words
STAMP_TIME = re.compile(r"(?<!\d)\d{1,2}[./]\d{1,2}[./]\d{2,4}(?!\d)|(?<!\d)\d{1,2}:\d{2}(?!\d)")  # its day and hour


@dataclass(frozen=True)
class Template:
    """What a site's template writes after every page's content where the page marks none of it as a
    footer or an aside (a layout table's right column of banners, a footer in a plain ``div``): the
    words its pages' last blocks end with and the links every one of them holds. It is no page's
    information: a heading followed only by it holds nothing."""

    tail: str = ""  # the normalised words the last blocks end with
    hrefs: frozenset[str] = frozenset()
    # the normalised words the first blocks begin with, where the page marks no content apart (a layout table's
    # header and menu column written before every page's own words)
    head: str = ""
    # the blocks (heading, text) most pages repeat whole: a side column's widgets, a box of banners
    blocks: frozenset[tuple[str, str]] = frozenset()


NO_TEMPLATE = Template()
TEMPLATE_PAGES = 3  # fewer pages than this tell nothing of a template
TEMPLATE_SHARE = 0.6  # the share of the pages that end with the same words or hold the same link


def template_of(units: Iterable[Unit]) -> Template:
    """The words most of the pages' last blocks end with, and the links most of them hold (pages only:
    a record's fields have no template)."""
    lasts = [unit_blocks(u)[-1] for u in units if u.kind in ("page", "mobile") and u.blocks]
    if len(lasts) < TEMPLATE_PAGES:
        return NO_TEMPLATE
    need = max(TEMPLATE_PAGES, round(TEMPLATE_SHARE * len(lasts)))
    # a page's own stamp among the template's words («Соңғы өзгеріс: 15.01.2025 09:12» above the counter) differs
    # from page to page: the words are compared without their days and hours
    members = [[w for w in b.text.split() if not STAMP_TIME.fullmatch(w)] for b in lasts]
    tail = _common_start([words[::-1] for words in members], need)[::-1]
    while tail and STAMP_TIME.fullmatch(tail[0]):
        tail.pop(0)  # a day or an hour most pages' stamps share is the page's, not the template's
    firsts = [unit_blocks(u)[0] for u in units if u.kind in ("page", "mobile") and u.blocks]
    head = _common_start([b.text.split() for b in firsts], need)
    if len(head) < TEMPLATE_HEAD_WORDS:
        head = []
    counts: dict[str, int] = {}
    for block in lasts:
        for href in set(block.hrefs):
            counts[href] = counts.get(href, 0) + 1
    if head:  # the links of the header and menu the first blocks begin with are the template's too
        ends = {id(b) for b in lasts}
        for block in firsts:
            if id(block) not in ends:
                for href in set(block.hrefs):
                    counts[href] = counts.get(href, 0) + 1
    repeated: dict[tuple[str, str], int] = {}
    for unit in units:
        if unit.kind in ("page", "mobile") and unit.blocks:
            for key in {(b.heading, b.text) for b in unit.blocks if b.heading}:
                repeated[key] = repeated.get(key, 0) + 1
    return Template(
        tail=" ".join(tail),
        hrefs=frozenset(h for h, n in counts.items() if n >= need),
        head=" ".join(head),
        blocks=frozenset(key for key, n in repeated.items() if n >= need),
    )


TEMPLATE_HEAD_WORDS = 12  # fewer words than this the first blocks share are a title's words, not a header and menu


def _common_start(texts: list[list[str]], need: int) -> list[str]:
    """The words at least ``need`` of the texts begin with, word for word (the tail: the texts reversed)."""
    head: list[str] = []
    members = texts
    while True:
        k = len(head)
        groups: dict[str, list[list[str]]] = {}
        for words in members:
            if len(words) > k:
                groups.setdefault(words[k], []).append(words)
        if not groups:
            break
        word, chosen = max(groups.items(), key=lambda g: len(g[1]))
        if len(chosen) < need:
            break
        head.append(word)
        members = chosen
    return head


def own_blocks(hit: Hit, template: Template = NO_TEMPLATE) -> tuple[Block, ...]:
    """The blocks of a hit's place with the site's template left out: a place read as a whole page (its
    title, the label of a link to it, its address) begins at the heading that repeats its title (what the
    site writes above it is the template's: its name, a search field, a menu the page marks as none); the
    blocks most pages repeat whole (a side column's widgets under their own headings) are left out, but for the
    hit's own; and the words and links the template writes after every page's content are taken from the page's
    last block."""
    blocks = hit.extent or ((hit.block,) if hit.block else unit_blocks(hit.unit))
    if hit.block is None and hit.unit.title:
        start = next((n for n, b in enumerate(blocks) if b.heading and b.heading == hit.unit.title), 0)
        blocks = blocks[start:]
    if template.blocks:  # a widget every page repeats (a side column's search, its list of pages) is not the place's
        blocks = tuple(b for b in blocks if b is hit.block or (b.heading, b.text) not in template.blocks)
    every = unit_blocks(hit.unit)
    if blocks and every and template.head and blocks[0] is every[0] and blocks[0].text.startswith(template.head):
        first = blocks[0]  # the header and menu column the template writes before the page's own words
        own = tuple(h for h in first.hrefs if h not in template.hrefs)
        blocks = (replace(first, text=first.text[len(template.head) :].lstrip(), hrefs=own), *blocks[1:])
        every = (blocks[0], *every[1:])  # the same block, read without the template's words
    if not blocks or not every or blocks[-1] is not every[-1] or not (template.tail or template.hrefs):
        return blocks
    last = blocks[-1]
    text = last.text
    if template.tail:
        text = without_tail(text, template.tail)
    hrefs = tuple(h for h in last.hrefs if h not in template.hrefs and not _same_page(h, hit.unit.url))
    return (*blocks[:-1], replace(last, text=text, hrefs=hrefs))


def without_tail(text: str, tail: str) -> str:
    """The text without the template's last words (its days and hours, a page's own stamp, passed over)."""
    if text.endswith(tail):
        return text[: len(text) - len(tail)].rstrip()
    wanted = tail.split()
    words = list(re.finditer(r"\S+", text))
    at = len(words)
    while wanted and at:
        at -= 1
        word = words[at].group(0)
        if STAMP_TIME.fullmatch(word):
            continue
        if word != wanted[-1]:
            return text
        wanted.pop()
    return text[: words[at].start()].rstrip() if not wanted else text


def title_block(hit: Hit, template: Template = NO_TEMPLATE) -> tuple[Block, ...]:
    """The block a page named as a whole (by its title) holds under the heading that repeats that title, the site's
    template left out (:func:`own_blocks`); none where no heading repeats the title."""
    own = own_blocks(hit, template)
    return own[:1] if own and own[0].heading and own[0].heading == hit.unit.title else ()


def _same_page(href: str, url: str) -> bool:
    """A template's link to another rendering of the page itself (its print or PDA version: «Версия для печати»,
    «Басып шығару нұсқасы» → ``/print.php?id=9&lang=kz`` beside ``/page.php?id=9&lang=kz``): its target differs
    from page to page, so it is not among the template's links, and it is no content of the page."""
    target, page = urlsplit(urljoin(url, href).lower()), urlsplit(url.lower())
    if target.netloc != page.netloc or target.path == page.path:
        return False
    return bool(page.query) and target.query == page.query


def placeholder(hit: Hit, lang: str, vocabulary: Vocabulary, template: Template = NO_TEMPLATE) -> str | None:
    """What the place of a hit says instead of the information, or None when it holds some: the
    placeholder as the page writes it («Информация отсутствует», «Ақпарат дайындалуда»), or "" when
    the place holds nothing but its headings (no text, no link, nothing embedded), the site's template
    left out (:func:`own_blocks`). A link to a page that was not harvested announces content that was
    not read: it is taken at its word (None)."""
    if hit.announced:
        return None
    blocks = own_blocks(hit, template)
    text = " ".join(b.text for b in blocks)
    phrases = vocabulary.empty_phrases.get(lang, ())
    said = matches(phrases, text)
    # a place whose only words send the reader to the other language's page («… қазір тек орыс тілінде
    # талқыланады: орыс тіліндегі бетті қараңыз») holds nothing in this language but that sentence and its link
    referral = referral_in(text, lang)
    rest = without_referrals(text, lang) if referral else text
    for pattern in phrases:
        rest = pattern.sub(" ", rest)
    rest = without_stamps(rest, lang)  # after the phrases: «будет размещена»
    links = [h for b in blocks for h in b.hrefs if not h.startswith("#")]
    if len(links) < sum(len(b.hrefs) for b in blocks):  # a jump within the page is no content
        rest = BACK_TO_TOP.sub(" ", rest)
    if said is not None:  # beside a placeholder: the way back from its page, and the page's menu words, are none of it
        rest, links = _frame_left_out(hit.unit, rest, links)
    if said is not None:  # the page's title said again over the phrase (a bold line, a breadcrumb's last step)
        read = fold_kazakh if lang == "kk" else normalise
        titled = set(read(hit.unit.title or "").split())
        rest = " ".join(w for w in rest.split() if w not in titled)
        # what the phrase and the page's stamp speak of, left alone once they are taken out («Раздел в стадии
        # наполнения», «Страница обновлена: 03.11.2026»): the sentence's subject, no information
        rest = PLACEHOLDER_SUBJECT["kk" if lang == "kk" else "ru"].sub(" ", rest)
    if referral and not LETTERS.search(rest) and len(set(links)) <= 1:
        return referral
    if LETTERS.search(rest) or links:
        return None
    if said is None:  # the page's own stamp alone («Жарияланған күні: 12.11.2026 10:05») is nothing either;
        # a picture under the heading is something (a state symbol shown as its image; icons are left out)
        shown = EMBEDDED.search(hit.unit.html) or any(b.images for b in blocks)
        return None if shown or re.search(r"\w", STAMP_TIME.sub(" ", rest)) else ""
    read = fold_kazakh if lang == "kk" else normalise
    written = next((p for p, _ in paragraphs(hit.unit) if said.group(0) in read(p)), said.group(0))
    return squash(written)


FRAME_LABEL_WORDS = 3  # a menu's or a filter's label (a post's category badge «Есептер» repeats one)


def _frame_left_out(unit: Unit, rest: str, links: list[str]) -> tuple[str, list[str]]:
    """A placeholder's place without the links back to where the reader came from (:data:`BACK_LINK`) and without
    the words of the page's short link labels (a category badge repeating a menu's or a filter's label)."""
    back = {target.lower() for label, target in unit.anchors if BACK_LINK.search(label)}
    kept = [h for h in links if urljoin(unit.url, h).lower() not in back]
    for label, _ in sorted(unit.anchors, key=lambda anchor: -len(anchor[0])):
        if label.strip() and (BACK_LINK.search(label) or len(label.split()) <= FRAME_LABEL_WORDS):
            rest = re.sub(rf"(?<!\w){re.escape(label)}(?!\w)", " ", rest)
    return rest, kept


def paragraphs(unit: Unit) -> tuple[tuple[str, bool], ...]:
    """The unit's paragraphs, list items and cells (text, holds a link): read when the page was
    parsed, else (an API record's HTML) parsed here."""
    if unit.paragraphs is not None:
        return unit.paragraphs
    if not unit.html or "<" not in unit.html:
        return ()
    try:
        root = lxml.html.fragment_fromstring(unit.html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ()
    return tuple((e.text_content(), any(a.get("href") for a in e.iter("a"))) for e in root.iter("p", "li", "td"))


def figures(text: str, lang: str) -> bool:
    """Whether a place's (normalised) text holds data: a quantity with its unit or a percentage and another
    number, or at least :data:`MIN_TABLE_NUMBERS` numbers (a table's cells). Phone numbers, e-mail addresses,
    dates, times and years are no figures."""
    numbers, measured = _numbers(text, lang)
    return (measured >= 1 and numbers >= 2) or numbers >= MIN_TABLE_NUMBERS


def quantity(text: str, lang: str) -> bool:
    """Whether a place's (normalised) text states a quantity with its unit («412 тыс. тенге», «92,4 %»): a result
    written out, not words about files."""
    return _numbers(text, lang)[1] >= 1


def _numbers(text: str, lang: str) -> tuple[int, int]:
    """How many numbers the text holds (phones, e-mails, dates, times, years and a list's «1.» left out), and how many
    of them carry a unit."""
    text = EMAIL.sub(" ", PHONE.sub(" ", text))
    unit = UNIT["kk" if lang == "kk" else "ru"]
    numbers = measured = 0
    for found in _NUMBER.finditer(text):
        number = found.group(0)
        if _YEAR.fullmatch(number) or (
            number.isdigit() and len(number) < 3 and text[found.end() : found.end() + 1] in ".)"
        ):
            continue  # a year, or a list's «1.», «2)»
        numbers += 1
        measured += bool(unit.match(text, found.end()))
    return numbers, measured


def together_ok(indicator: Indicator, hit: Hit, lang: str) -> bool:
    """Whether the place of the hit also names or links what the indicator asks for ``with`` it; with
    ``figures``, whether it holds figures, a picture or a data file (a link to a page that was not read is
    taken at its word: what it leads to is unknown)."""
    if not (indicator.together or indicator.together_urls or indicator.together_figures):
        return True
    blocks = hit.extent or ((hit.block,) if hit.block else ())
    text = " ".join(f"{b.all_text} {' '.join(b.above)}" for b in blocks)
    hrefs = " ".join(h for b in blocks for h in b.hrefs)
    if indicator.together and matches(indicator.together.get(lang, ()), text):
        return True
    if indicator.together_figures:
        if hit.rank == 3 and not any(p in hit.unit.tags for p in indicator.urls):
            # the page only links an address of the kind (a site map): the link is the place, a data file or not
            linked = [h for h in hit.unit.links.split() if any(p in h for p in indicator.urls)]
            return any(p in h for h in linked for p in indicator.together_urls)
        if hit.announced or figures(" ".join(b.all_text for b in blocks), lang) or any(b.images for b in blocks):
            return True  # a picture shown there (a scan, an infographic) holds the data as well
        if hit.block is None and hit.unit.kind not in ("page", "mobile"):  # a document record: its file
            hrefs = f"{hrefs} {hit.unit.links}"
        return any(p in hrefs or p in hit.href for p in indicator.together_urls)
    return any(p in hrefs or p in text for p in indicator.together_urls)


QUOTED = re.compile(r"[«\"][^«»\"]{1,80}[»\"]")  # a quoted name («Ақжайық құс»), normalised quotes included


def _block_language(block: Block) -> str | None:
    """A block's language, its quoted names left out: a Russian paragraph naming «Ақжайық құс» ЖШС is
    Russian (the names of Kazakh companies, places and programmes keep their letters in quotes)."""
    if block.lang != "kk" or not KAZAKH_LETTERS.intersection(block.all_text):
        return block.lang  # a Kazakh page's blocks are read folded: their language was told before
    bare = QUOTED.sub(" ", block.all_text)
    return block.lang if bare == block.all_text else block_lang(bare)


def _before_official(block: Block, official: Sequence[re.Pattern[str]]) -> Block:
    """The block up to a bold run-in label naming a text official in one language («<b>Государственный Гимн</b>
    (слова …)» opening a paragraph, so no heading of its own, in the emblem's block): what follows is that text."""
    if matches(official, block.heading):
        return block
    for label in _official_labels(block, official):
        at = block.text.find(label)
        if at >= 0:
            text = block.text[:at].strip()
            rest = f"{block.heading} {text}"
            if len(re.findall(r"[а-яёәғқңөұүһі]", rest)) < MIN_FOREIGN_LETTERS:
                return replace(block, text=text, lang=None)  # too little left to tell
            # a Kazakh page's text is read folded (no Kazakh letters): its language was told before
            folded = not KAZAKH_LETTERS.intersection(block.all_text)
            return replace(block, text=text, lang=block.lang if folded else block_lang(rest))
    return block


def _official_labels(block: Block, official: Sequence[re.Pattern[str]]) -> Iterable[str]:
    """The labels in the block naming a text official in one language: a bold run-in label, or a paragraph of its
    own that names it and ends in a colon, its words following («Государственный гимн Республики Казахстан
    (официальный текст):», «Мемлекеттік Әнұран (ресми мәтіні):»)."""
    yield from (label for label, _ in block.leads if matches(official, label))
    yield from (
        p for p in block.pieces if p.rstrip().endswith(":") and len(p) <= OFFICIAL_LABEL_CHARS and matches(official, p)
    )


OFFICIAL_LABEL_CHARS = 120  # a line introducing the text, not a paragraph that mentions it


# the words saying which language a document is in («План … (на казахском языке)», «… қазақ тілінде»)
_LANGUAGE_NOTES = {
    "kk": r"(?<!\w)(?:на казахском языке|қазақ тілінде)(?!\w)",
    "ru": r"(?<!\w)(?:на русском языке|орыс тілінде)(?!\w)",
}
LANGUAGE_NOTES = {lang: (re.compile(p), re.compile(fold_kazakh(p))) for lang, p in _LANGUAGE_NOTES.items()}
NAME_CHARS = 6  # a link's name this short cannot be told in a paragraph


def said_language(hit: Hit, keywords: Sequence[re.Pattern[str]] = ()) -> str | None:
    """The language the sentence naming the place's document says it is in («План мероприятий … (на казахском
    языке): <a>DOCX</a>» on a Russian page): the document is that language's, whatever the page's. The sentence is
    the one holding the place's label, or for a place in running text (no label) one naming the indicator
    (``keywords``); None where none says so. Not «на государственном языке», which a page says of the Anthem's
    official text, not of what it offers."""
    if hit.block is None:
        return None
    name = hit.label.split("(", 1)[0].strip(" :.-") if hit.label else ""
    pieces = hit.block.pieces or (hit.block.text,)
    if not any(note.search(piece) for notes in LANGUAGE_NOTES.values() for note in notes for piece in pieces):
        return None  # (the usual case, told before the sentences are split)
    for sentence in (x for piece in pieces for x in SENTENCE_SPLIT.split(piece)):
        if (name in sentence) if len(name) >= NAME_CHARS else bool(not name and matches(keywords, sentence)):
            for lang, notes in LANGUAGE_NOTES.items():
                if any(note.search(sentence) for note in notes):
                    return lang
    return None


def language_of(hit: Hit, official: Sequence[re.Pattern[str]] = ()) -> str | None:
    """The language of the hit's place, by its blocks' text. ``official``: the words heading a text whose only
    official wording is in one language (the State Anthem's Kazakh words): a block under the place headed so, and
    the blocks under that heading (its refrain's), are that text, not the place's language, and are left out."""
    blocks = hit.extent or ((hit.block,) if hit.block else ())
    if official:  # the official text's block, and the blocks under it (the anthem's «Қайырмасы», its refrain)
        blocks = tuple(
            _before_official(b, official)
            for b in blocks
            if b is hit.block or not (matches(official, b.heading) or any(matches(official, x) for x in b.above))
        )
    text = " ".join(b.all_text for b in blocks)
    if len(re.findall(r"[а-яёәғқңөұүһі]", text)) < MIN_FOREIGN_LETTERS:
        return None
    weight: dict[str, int] = {}
    for b in blocks:
        lang = _block_language(b)
        if lang:
            weight[lang] = weight.get(lang, 0) + len(b.all_text)
    return max(weight, key=lambda lang: weight[lang]) if weight else None


# The place's own word that its data is not current («данные не обновлялись», «не актуализированы»;
# «жаңартылмаған», «өзектендірілмеген»): the note's «несвоевременное обновление», whatever period it names.
_NOT_UPDATED = (
    r"(?<!\w)(?:не\s+обновл\w*|не\s+актуализирова\w*|не\s+актуальн\w*|"
    r"жаңартылмаған\w*|жаңартылмады|өзектендірілмеген\w*|өзекті\s+емес)"
)
NOT_UPDATED = (re.compile(_NOT_UPDATED), re.compile(fold_kazakh(_NOT_UPDATED)))


# a year written as one (not the year of a day: «01.10.2026»)
NAMED_YEAR = re.compile(r"(?<![\d./])(?:19|20)\d{2}(?![\d./]?\d)")


def _dated_by(
    indicator: Indicator, hit: Hit, blocks: Sequence[Block], as_of: date, folders: Sequence[Entry]
) -> str | None:
    """Why a place is out of date by the days or years it (or the folder it points at) names: the reason, "" when
    they make it current, None when none dates it (its page's stamps are read then)."""
    if indicator.current_days is not None:
        dated = [d for b in blocks for d in b.dates if d <= as_of]
        changed = [] if dated else [f.modified for f in folders if f.modified and f.modified <= as_of]
        dated = dated or changed or [d for b in blocks for d in b.stamps if d <= as_of]
        if dated:
            freshest = max(dated)
            if (as_of - freshest).days > indicator.current_days:
                what = "the newest file of the folder it points at was changed on" if changed else "its latest date is"
                return f"{what} {freshest.isoformat()} (older than {indicator.current_days} days)"
            return ""
    if indicator.current_years is not None:
        # the year its own name gives («Годовой план на 2025 год», «2026 жылғы жоспар»), else the years its place names
        years = named_years(_named_by(hit)) or [y for b in blocks for y in b.years]
        files = [] if years else [y for f in folders for y in named_years(f.name) if y <= as_of.year]
        years = years or files
        if years:
            if as_of.year - max(years) > indicator.current_years:
                named = "the folder it points at names in its files" if files else "it names"
                return f"the latest year {named} is {max(years)} (audit year {as_of.year})"
            return ""
    return None


def named_years(label: str | None) -> list[int]:
    """The years a place's own name (a title, a heading, a link's label) gives, not those of its days."""
    return [int(m.group(0)) for m in NAMED_YEAR.finditer(label or "")]


def _named_by(hit: Hit) -> str:
    """A place's own name: its title, heading or link's label, and a lead-in label with the sentence it opens
    («Годовой план государственных закупок: Годовой план на 2025 год (55 КБ)»)."""
    label = hit.label or ""
    text = hit.block.text if hit.block is not None else ""
    start = text.find(label) if label else -1
    if start < 0:
        return label
    end = SENTENCE_END.search(text, start + len(label))
    return text[start : end.start() if end else len(text)]


# A call taking documents until a day («Документы принимаются до 15.03.2025», «Құжаттар 2025 жылғы 15 наурызға дейін
# қабылданады»): still announced half a year after that day, the place was not updated (несвоевременное обновление).
# Documents: a vacancy's or a contest's call (a draft's «предложения принимаются до …» keeps its day while the
# draft is listed).
# (the documents named before or after their taking: «документы принимаются до …», «приём документов до …»)
_CALL_BEFORE = re.compile(
    r"(?:документ\w*[^.!?]{0,30}(?:принима\w*|при[её]м\w*)|(?<!\w)при[её]м\w*\s+документ\w*)[^.!?]{0,40}(?<!\w)до\s*$"
)
_CALL_AFTER = re.compile(fold_kazakh(r"^\s*дейін\s+(?:\S+\s+){0,2}қабылда"))
_CALL_DOCUMENTS = re.compile(fold_kazakh(r"құжат\w*[^.!?]{0,80}$"))
# «құжаттарды қабылдау … 2025 жылғы 21 тамызға дейін»: the taking named before the day
_CALL_TAKING_BEFORE = re.compile(fold_kazakh(r"құжат\w*\s+қабылда\w*[^.!?]{0,40}$"))
_UNTIL_AFTER = re.compile(fold_kazakh(r"^\s*дейін(?!\w)"))
CLOSED_CALL_DAYS = 180
# a Kazakh date written in words as the search reads Kazakh text, folded («2025 жылғы 28 наурызға» read as
# «2025 жылгы 28 наурызга»), which :func:`find_dates` reads only as written
_FOLDED_KK_DATE = re.compile(
    r"(?<![\w.])(?P<year>(?:19|20)\d\d)\s*(?:жылгы|жылы|жылдын|ж\.)\s*(?P<day>[0-3]?\d)\s+(?P<month>"
    + "|".join(f"{fold_kazakh(m)}" for m in KK_MONTHS)
    + r")\w*"
)
_FOLDED_MONTHS = {fold_kazakh(m): n for n, m in enumerate(KK_MONTHS, 1)}


def _call_dates(text: str) -> list[FoundDate]:
    """The dates of a block's text, those of folded Kazakh text written in words among them."""
    found = find_dates(text)
    for match in _FOLDED_KK_DATE.finditer(text):
        try:
            day = datetime(int(match["year"]), _FOLDED_MONTHS[match["month"]], int(match["day"]))
        except ValueError:
            continue
        found.append(FoundDate(day, False, match.group(0), match.start()))
    return found


def closed_call(blocks: Iterable[Block], as_of: date) -> str | None:
    """Why a place announcing a call for documents is out of date: the day it took them until is long past."""
    for block in blocks:
        text = block.all_text
        for found in _call_dates(text):
            before = normalise(text[max(0, found.start - 80) : found.start])
            after = fold_kazakh(text[found.start + len(found.text) : found.start + len(found.text) + 40])
            kazakh_before = fold_kazakh(text[max(0, found.start - 80) : found.start])
            kazakh = (_CALL_AFTER.search(after) and _CALL_DOCUMENTS.search(kazakh_before)) or (
                _UNTIL_AFTER.search(after) and _CALL_TAKING_BEFORE.search(kazakh_before)
            )
            if not (_CALL_BEFORE.search(before) or kazakh):
                continue
            if (as_of - found.value.date()).days > CLOSED_CALL_DAYS:
                return f"it still announces a call that took documents until {found.value.date().isoformat()}"
    return None


def missing_addresses(failures: Iterable[FetchFailure]) -> frozenset[str]:
    """The addresses whose fetch the harvest found missing (404, 410), lower case."""
    return frozenset(f.url.lower() for f in failures if f.reason == "http_status" and f.status_code in DEAD)


def dead_targets(unit: Unit, missing: Collection[str] = frozenset()) -> dict[str, str]:
    """The addresses the unit links to that the harvest found missing (404, 410: the link's own check, or the
    fetch of the target, ``missing``: :func:`missing_addresses`), lower case -> the link's words as written where
    known."""
    links = getattr(unit.origin, "links", None) or ()
    dead = {link.target_url.lower(): link.anchor_text or "" for link in links if link.target_status in DEAD}
    # a document viewer's page answers whatever file it names: the link is dead when that file is (the viewer shows
    # its own «missing PDF» error, the reader gets no document)
    gone = {d.url.lower() for d in getattr(unit.origin, "downloads", ()) if d.status in DEAD} | set(missing)
    for link in links if gone else ():
        # a viewer names its file in the query: a link with none is no viewer's (read on every hit with a link)
        shown = viewed_file(link.target_url) if "?" in link.target_url else None
        if shown is not None and shown.lower() in gone:
            dead.setdefault(link.target_url.lower(), link.anchor_text or "")
    return {**dict.fromkeys(missing, ""), **dead}


def _dead_labels(unit: Unit, missing: Collection[str]) -> tuple[tuple[str, tuple[date, ...]], ...]:
    """The labels of the unit's dead links as its blocks spell them, each with the periods its words name."""
    dead = dead_targets(unit, missing)
    if not dead:
        return ()
    found = {
        label: periods_in(normalise(dead[address] or label))
        for label, target in unit.anchors
        if label and (address := urljoin(unit.url, target).lower()) in dead
    }
    return tuple(sorted(found.items(), key=lambda kv: len(kv[0]), reverse=True))


def _live_periods(block: Block, dead: Sequence[tuple[str, tuple[date, ...]]]) -> tuple[date, ...]:
    """The periods the block reports on, save those named only by a dead link's label («Обзор обращений за 9 месяцев
    2026 года» leading to a 404): the reader cannot open that report, so the block does not give it (a period whose
    year the rest of the block still names is kept)."""
    text, named = block.text, set[date]()
    for label, periods in dead:
        if label in text:
            text = text.replace(label, " ")
            named.update(periods)
    return tuple(p for p in block.periods if p not in named or str(p.year) in text)


def undated(indicator: Indicator, hit: Hit, folders: Sequence[Entry] = ()) -> bool:
    """Whether nothing dates an indicator the text asks to keep current (``current``: the Appendix 15 and 16 notes'
    «несвоевременное обновление») where it was found: no day, year or period in its place or its own name, no year in
    the address of a file or page it links, no file of a folder it points at with a day or a year, and - for all but
    announcements, whose currency is an event still to come - no stamp or day anywhere on its page. Its currency is
    then not read: the place counts as shown and current, and the verdict says it may not be
    (:func:`ashyq.checks.completeness.readings.undated_doubt`)."""
    if indicator.current_days is None and indicator.current_years is None:
        return False
    blocks = hit.extent or ((hit.block,) if hit.block else ())
    if any(b.dates or b.years or b.periods or b.stamps for b in blocks) or named_years(_named_by(hit)):
        return False
    if any(named_years(unquote(href)) for b in blocks for href in b.hrefs):
        return False  # a file or page its link names by a year («zhospar-2026.pdf»): the material's own date
    if any(f.modified or named_years(f.name) for f in folders):
        return False
    if indicator.upcoming:
        return True
    return not any(b.stamps or b.dates for b in unit_blocks(hit.unit)) and not hit.unit.dates


def _nothing_to_come(indicator: Indicator, blocks: Sequence[Block], as_of: date) -> str | None:
    """«анонсы предстоящих событий»: a day still to come in the place is an event announced; failing one, the
    place announced its last event when it was last dated (all its days long past: none is to come)."""
    if any(d >= as_of for b in blocks for d in (*b.dates, *b.periods)):
        return None
    named = [d for b in blocks for d in b.dates if d <= as_of]
    if named and (as_of - max(named)).days > (indicator.current_days or 0):
        return f"the latest day it announces is {max(named).isoformat()}: no event still to come"
    return None


def staleness(
    indicator: Indicator,
    hit: Hit,
    as_of: date,
    missing: Collection[str] = frozenset(),
    folders: Sequence[Entry] = (),
) -> str | None:
    """Why the indicator's place is out of date, or None (also when it says nothing about time).

    A report is as old as the end of the period it reports on («по итогам 9 месяцев 2025 года»);
    failing a period, the freshest date it names (the page's own publication stamp only when it
    names none); failing a date, the latest year it names. A plan is as current as the latest year it
    covers, whatever period a report beside it names; a news feed as its latest item, whatever period an item's
    headline names. A place that only points at folders of the web server (``folders``: the files their
    listings show, :mod:`.listings`) is dated by those files, failing its own words: the years their names give and
    the days they were changed."""
    blocks = hit.extent or ((hit.block,) if hit.block else ())
    # the calls are the indicator's own where the page or the heading over them names it (the vacancies), not
    # another indicator's that shares their page (the rules of the contests, the consultants' phones)
    keywords = indicator.keywords.get(hit.unit.lang or "", ())
    # (on a page the indicator names, every call on it: a post closed long ago beside a current one is still there)
    if matches(keywords, hit.unit.title) and (closed := closed_call(unit_blocks(hit.unit), as_of)):
        return closed
    if hit.block and matches(keywords, hit.block.heading):
        # the call said once above its posts («Конкурс туралы хабарландыру … құжаттар … дейін қабылданады:» over
        # each post's heading) is the post's call too
        above = set(hit.block.above)
        calls = [b for b in unit_blocks(hit.unit) if b.heading and b.heading in above] if above else []
        if closed := closed_call([*calls, *blocks], as_of):
            return closed
    if indicator.current_days is None and indicator.current_years is None:
        return None
    own = " ".join(b.all_text for b in blocks)
    if said := next((m for p in NOT_UPDATED if (m := p.search(own))), None):
        return f"it says its data is not updated («{said.group(0)}»)"
    # a plan (it must cover the audit's year: ``years: 0``) is dated by the years it covers, not by the period a
    # report beside it reports on («План на 2026–2030 годы. Отчёт по итогам 2025 года» is a current plan)
    plan = indicator.current_years == 0 and indicator.current_days is None
    # a feed (``archive``) is as current as its latest item: a period an item's headline names («Итоги контроля за 9
    # месяцев 2026 года», posted 17.11.2026) is that item's subject, not a period the feed reports on
    # a report as of a day («по состоянию на 1 ноября 2026 года») reports up to that day, as a period ending then
    periods = []
    if not (plan or indicator.archive):
        dead = _dead_labels(hit.unit, missing)
        periods = [
            d for b in blocks for d in (*_live_periods(b, dead), *(r for r in report_days(b.all_text) if r <= as_of))
        ]
    if periods:
        latest = max(periods)
        limit = indicator.current_days
        if limit is None:
            limit = 365 * (indicator.current_years or 0) + 90  # a quarter's grace to publish the report
        if (as_of - latest).days > limit:
            return f"the latest period it reports on ends {latest.isoformat()} ({limit}+ days before the audit)"
        return None
    if indicator.upcoming:
        return _nothing_to_come(indicator, blocks, as_of)
    if (by_dates := _dated_by(indicator, hit, blocks, as_of, folders)) is not None:
        return by_dates or None
    # its place says nothing about time: it is as old as its page («Дата обновления» at the page's foot)
    page = [d for b in unit_blocks(hit.unit) for d in (*b.stamps, *b.dates) if d <= as_of]
    page = page or [d for d in hit.unit.dates if d <= as_of]
    if page:
        freshest = max(page)
        if indicator.current_days is not None and (as_of - freshest).days > indicator.current_days:
            return f"its page's latest date is {freshest.isoformat()} (older than {indicator.current_days} days)"
        if indicator.current_days is None and as_of.year - freshest.year > (indicator.current_years or 0):
            return f"its page's latest date is {freshest.isoformat()} (audit year {as_of.year})"
    return None
