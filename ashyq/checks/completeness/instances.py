"""Indicators the text states for every item of a kind, judged over the items found (house style 14).

Appendix 15, 1.10 indicator 3 and Appendix 16's staffing sections: «Квалификационные требования к
кандидатам на вакантную должность» — each vacant post has its requirements. One vacancy with its
requirements and the others without shows them for one post, not for the posts; a single vacancy cannot
tell whether the body states them for every post. An indicator with ``per_item`` (kk/ru words that name
one item: a post's «специалист», «маман» …) is read so:

* the items are the section's headed groups whose heading names an item (a heading and the blocks under
  it), and the pages the section's content links to whose title names one; on a section page with no such
  heading (no table, whose rows split a post from its requirements, and no heading of the indicator's own),
  its paragraphs and list items that name one with its category («Ведущий специалист отдела … (E-R-5).» a
  paragraph each);
* a statement outside every item (a general «Квалификационные требования» over the section) states it for
  all of them: the indicator is judged as any other;
* otherwise each item is asked for the indicator's words: the items without them are the note's
  «неполнота представленной информации» (a deficiency naming them), and a single item found leaves the
  verdict uncertain (``single_instance``).

A card and the dialog it opens are one item: the harvest adds what a card's dialog held to the card's page
as ``<section data-ashyq-dialog="card's label">`` (:mod:`ashyq.crawler.spiders.site_dialogs`), so a post
shown as a card (its name and unit) and the notice the card opens name it twice on one page; such items
are read as one, with the blocks of both.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from ashyq.base.routes import address_key, without_anchor
from ashyq.base.text import element_text, fold_kazakh, normalise, parse_html
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.keywords import Entries, Indicator, Section, Vocabulary
from ashyq.checks.completeness.memos import linked_pages
from ashyq.checks.completeness.page_blocks import COPYRIGHT, STAMP_EITHER, Block
from ashyq.checks.completeness.places import (
    EMAIL,
    PHONE,
    Hit,
    extent_of,
    matches,
    paragraphs,
    section_blocks,
    unit_blocks,
)
from ashyq.checks.completeness.readings import SENTENCE, published_elsewhere

# a civil-service post's category as vacancy notices give it: «(E-R-4)», «C-4», «(категория С-О-5)», «B-3 санаты»
DIALOG_LABEL = re.compile(r'data-ashyq-dialog="([^"]*)"')  # the harvest's mark of a dialog a card opened
CATEGORY = re.compile(r"(?<![\w-])[abcdeавсде](?:-[a-zа-я]{1,2})?-\d{1,2}(?![\w-])")


@dataclass(frozen=True)
class Item:
    """One item of the kind (a vacancy): its page, its blocks, and its name as the page writes it."""

    unit: Unit
    blocks: tuple[Block, ...]
    name: str

    @property
    def where(self) -> str:
        return f"«{self.name[:80]}» on {self.unit.url}"


@dataclass(frozen=True)
class ItemReading:
    """The items found and those whose blocks do not name the indicator."""

    items: tuple[Item, ...]
    without: tuple[Item, ...]
    missing: str | None = None  # what the items leave out where it is not the indicator itself (a list's e-mails)
    lacking: tuple[str, ...] = ()  # ``missing == "parts"``: the ids of what the entries without it leave out


def _holders(
    units: list[Unit], section_units: list[Unit], section: Section, lang: str
) -> list[tuple[Unit, tuple[Block, ...]]]:
    members = {id(u) for u in section_units}
    holders = [(u, unit_blocks(u)) for u in section_units]
    holders += [(u, tuple(b)) for u in units if id(u) not in members and (b := section_blocks(u, section, lang, False))]
    return holders


def items_of(
    indicator: Indicator,
    units: list[Unit],
    section_units: list[Unit],
    section: Section,
    lang: str,
    pages: dict[str, Unit],
) -> tuple[list[Item], list[Block]]:
    """The items of the kind in the section (headed groups, linked pages), and the section's blocks that
    belong to none of them."""
    words = indicator.per_item.get(lang, ())
    as_read = fold_kazakh if lang == "kk" else normalise
    members = {id(u) for u in section_units}
    items: list[Item] = []
    pages_of_posts: list[Unit] = []  # the posts' own pages the section's content links to
    rest: list[Block] = []
    # a post's own page among the section's (a portal list's item page): the item whole, none of it the section's
    own = [u for u in section_units if _post_page(u, words)]
    seen: set[int] = {id(u) for u in own}
    for unit, blocks in _holders(units, section_units, section, lang):
        if id(unit) in seen:
            continue
        every = unit_blocks(unit)
        taken: set[int] = set()
        for block in blocks:
            if id(block) in taken:
                continue
            if block.heading and block.heading != unit.title and matches(words, block.heading):
                group = extent_of(every, block)
                taken |= {id(b) for b in group}
                items.append(Item(unit, group, block.raw_heading))
            elif id(unit) in members and (posts := _posts_in_text(block, words)):
                # posts written in the text under a heading
                items += [Item(unit, (part,), name) for name, part in posts]
                if after := _after_the_table(block, posts[-1][1].text):
                    rest.append(after)  # the block's words below a table of posts are said of them all
                if column := _column_of(block, words, indicator.keywords.get(lang, ())):
                    rest.append(column)  # a column the table heads with the indicator's name: every row states it
            else:
                rest.append(block)
        if not taken and id(unit) in members and _unheaded(indicator, unit, blocks, lang):
            named, others = _paragraph_items(unit, words, lang)
            # a paragraph the text's reading already took as a post (a notice naming its post past its opening)
            read = [_spaceless(b.text) for i in items if i.unit is unit for b in i.blocks]
            named = [i for i in named if not any(_spaceless(i.blocks[0].text)[:PARAGRAPH_START] in r for r in read)]
            if named:
                items += named
                rest = [b for b in rest if b not in blocks] + others
        # a link in a row of text as much as one in a list (a database view of plain blocks, the post's name, its
        # category and its dates in a row of text): its page tells whether it is a post's
        for targets in linked_pages(unit, blocks, pages, sentences=True):
            for target in targets:
                # a post's own page: its title names a post, and it gives the post's category (not «Аналитика»,
                # «Басшылық», pages whose titles share a post's stem)
                if id(target) not in seen and _post_page(target, words):
                    seen.add(id(target))
                    pages_of_posts.append(target)
                    items.append(Item(target, unit_blocks(target), target.shown_title or target.title))
    # a row or an excerpt naming a post in a list's text is the post whose own page was found: read there, not twice
    post_titles = {
        as_read(t) for u in pages_of_posts for t in (u.shown_title, u.title) if t and len(t.split()) >= NAMING_WORDS
    }
    linked = {id(u) for u in pages_of_posts}
    items = [i for i in items if id(i.unit) in linked or not _names_post(i, post_titles, as_read)]
    if not own:
        return items, rest
    # where the posts have pages of their own, a page listing them (a list view, a tag's feed of excerpts) names those
    # items, not others, and a heading that gives no category («Басшының блогы») is no post
    addresses = {address_key(u.url) for u in own}
    listing = {id(u) for u in units if any(without_anchor(h).rstrip("/") in addresses for _, h in u.anchors)}
    titles = [u.title for u in own]
    items = [
        i
        for i in items
        if id(i.unit) not in listing
        and not any(t in normalise(i.name) for t in titles)
        and CATEGORY.search(" ".join(b.text for b in i.blocks))
    ]
    return [*items, *(Item(u, unit_blocks(u), u.shown_title or u.title) for u in own)], rest


NAMING_WORDS = 3  # words a post's title needs to name that post alone (not «Бас маман», a part of every post's name)


def _names_post(item: Item, titles: set[str], as_read: Callable[[str], str]) -> bool:
    """Whether the item (a row or an excerpt of a list's text) names the post whose own page has one of ``titles``."""
    return any(t in as_read(item.name) or any(t in b.text for b in item.blocks) for t in titles)


PARAGRAPH_START = 80  # characters (without spaces) by which a paragraph is told within a post already read


def _post_page(unit: Unit, words: Sequence[re.Pattern[str]]) -> bool:
    """A post's own page: its title names a post, and it gives the post's category (not «Аналитика», «Басшылық», pages
    whose titles share a post's stem)."""
    return bool(matches(words, unit.title)) and bool(CATEGORY.search(unit.main))


def per_item(
    indicator: Indicator,
    units: list[Unit],
    section_units: list[Unit],
    section: Section,
    lang: str,
    pages: dict[str, Unit],
    vocabulary: Vocabulary | None = None,
) -> ItemReading | None:
    """The indicator judged over the items found, or None when it is not stated per item, no item was
    found, or the section states it for all of them outside any item. An item names the indicator in a
    sentence that gives it, not one promising it later («Квалификационные требования будут опубликованы
    дополнительно», «Біліктілік талаптары қосымша жарияланады»: the vocabulary's ``pending_phrases``)."""
    if not indicator.per_item.get(lang):
        return None
    items, rest = items_of(indicator, units, section_units, section, lang, pages)
    items = one_per_dialog(items)
    keywords = indicator.keywords[lang]
    if not items or _stated_outside(keywords, rest, lang) or any(matches(keywords, u.title) for u in section_units):
        return None
    pending = vocabulary.pending_phrases.get(lang, ()) if vocabulary is not None else ()
    without = tuple(item for item in items if not _names(keywords, item.blocks, pending))
    return ItemReading(tuple(items), without)


def _stated_outside(keywords: Sequence[re.Pattern[str]], blocks: Sequence[Block], lang: str) -> bool:
    """Whether the section states the indicator outside every item: a block naming it other than by a sentence that
    sends the reader to another site for it («Типовые квалификационные требования … размещены на сайте Агентства»:
    where the model requirements are kept, no post's own), or whose text, under its heading too, only says the model
    requirements were approved («Типовые квалификационные требования … утверждены приказом Агентства … № 85»: the
    frame a post's requirements are drawn from, none of their matter, :data:`MODEL_REFERENCE`)."""
    for block in blocks:
        if not matches(keywords, block.all_text) or _model_only(block.text):
            continue
        if matches(keywords, block.heading):
            return True
        if any(matches(keywords, s) and not published_elsewhere(s, lang) for s in SENTENCE.split(block.text)):
            return True
    return False


def _model_only(text: str) -> bool:
    """Whether a text names the model requirements and nothing of a requirement's matter (education, experience,
    knowledge)."""
    return bool(MODEL_REFERENCE.search(text)) and not REQUIREMENT_MATTER.search(text)


def one_per_dialog(items: list[Item]) -> list[Item]:
    """The items of a page named as one of the dialogs its cards open, joined per name (the card and its
    dialog's content are one item); other items that share a name stay apart (two posts of one name in two
    departments of a page without dialogs)."""
    labels: dict[int, set[str]] = {}
    out: list[Item] = []
    first: dict[tuple[int, str], int] = {}
    for item in items:
        unit = item.unit
        if id(unit) not in labels:
            labels[id(unit)] = {_name_key(html.unescape(label)) for label in DIALOG_LABEL.findall(unit.html)}
        key = _name_key(item.name)
        at = first.get((id(unit), key))
        if key not in labels[id(unit)]:
            out.append(item)
        elif at is None:
            first[(id(unit), key)] = len(out)
            out.append(item)
        else:
            out[at] = Item(unit, out[at].blocks + item.blocks, out[at].name)
    return out


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


LEADING = 160  # characters at the start of a block's text in which it names the post it begins with


CLAUSE_END = re.compile(r"[.;:](?: |$)")


def _post_name(text: str, category: re.Match[str], words: Sequence[re.Pattern[str]]) -> str | None:
    """The post a category closes («главный эксперт департамента … (категория C-4)»): the clause before it,
    when that names a post (not «общие требования к категории C-4»)."""
    start = max(0, category.start() - 100)
    ends = list(CLAUSE_END.finditer(text, start, category.start()))
    clause = text[ends[-1].end() if ends else start : category.end() + 1].strip()
    return clause if matches(words, clause) else None


def _posts_in_text(block: Block, words: Sequence[re.Pattern[str]]) -> list[tuple[str, Block]]:
    """The posts a block's text lists one after another when it begins with one - each named with its category
    («… бас сарапшысы (C-4 санаты) Біліктілік талаптары: …»: a list item holding the post in bold and its
    paragraph) - each with the text up to the next post; none when the text begins otherwise (an introduction
    stating something for all the posts)."""
    text = block.text
    found = [(c, name) for c in CATEGORY.finditer(text) if (name := _post_name(text, c, words))]
    led = _posts_in_pieces(block, words)
    if len(led) > len(found) or not found or found[0][0].start() > LEADING:
        # the paragraphs' reading, where the text does not begin with a post: an introduction on entering the service
        # before posts written a paragraph each is no statement of their requirements
        return led
    posts = []
    for n, (category, name) in enumerate(found):
        start = 0 if n == 0 else text.rfind(name, 0, category.end() + 1)
        end = text.rfind(found[n + 1][1], 0, found[n + 1][0].end() + 1) if n + 1 < len(found) else len(text)
        posts.append((name, Block("", (), text[max(start, 0) : end], block.lang, (), ())))
    return posts


def _after_the_table(block: Block, last: str) -> Block | None:
    """The pieces of a block after the table whose rows are its posts: a paragraph under the table («Біліктілік
    талаптары … /docs/kadry/») speaks of every post, not of the last one. Read only where the table's rows all stand
    at or before the last post's row (as many pieces as the block has rows) and nothing after names a post's category;
    None where the block has no table or nothing follows its rows."""
    if not block.rows:
        return None
    at = next((n for n, piece in enumerate(block.pieces) if piece and piece in last), None)
    if at is None or at + 1 < block.rows:
        return None
    below = block.pieces[at + 1 :]
    if not below or any(CATEGORY.search(piece) for piece in below):
        return None
    return Block("", (), " ".join(below), block.lang, (), ())


HEADER_WORDS = 12  # a table's row of column headings («Лауазымы Санаты Біліктілік талаптары»)


def _column_of(block: Block, words: Sequence[re.Pattern[str]], keywords: Sequence[re.Pattern[str]]) -> Block | None:
    """The headings of the table whose rows are the block's posts, when a column's names the indicator
    («Должность | Категория | Квалификационные требования»): each row's cell under it is that post's, whatever its
    words, so the table states the indicator for every post. The headings are read where the first piece naming a post
    begins, before that post (the heading row is read with the first row); None where they do not
    name the indicator, are longer than a row of headings, or the block has no table."""
    if not block.rows or not keywords:
        return None
    for first in block.pieces:
        starts = [found.start() for pattern in words if (found := pattern.search(first))]
        if starts:
            break
    else:
        return None
    headings = first[: min(starts)]
    if len(headings.split()) > HEADER_WORDS or not matches(keywords, headings):
        return None
    return Block("", (), headings, block.lang, (), ())


POST_LEAD = 120  # characters of a paragraph's first clause in which it names the post it is about (a Kazakh post
# ends its name: «Оңтүстік өңірлік инспекциясының жетекші маманы»)


# the label of the control that opens an item's paragraph («Подробнее», «Толығырақ»), read before the next item's name
# where the two are one line of text (normalised; folded for Kazakh)
MORE = re.compile(r"^(?:подробнее|толыгырак|читать далее|толык оку)\s+")


# a vacancy notice's lead before what it says: its date, with «Объявление от» / «хабарландыру» («Объявление от
# 10.11.2026.», «10.11.2026 хабарландыру.»; normalised, folded for Kazakh)
NOTICE_LEAD = re.compile(
    r"^(?:объявление\s+(?:от\s+)?)?\d{1,2}\.\d{1,2}\.\d{4}(?:\s*(?:ж|г)\.)?(?:\s+(?:хабарландыру|объявление))?[\s.:—-]*"
)
# a notice's opening that announces a contest for a post it names after («… объявляет общий конкурс на занятие
# вакантной … должности: главный специалист …», «… лауазымына жалпы конкурс жариялайды: бас маман …»)
ANNOUNCES = re.compile(r"объявля\w*\s+(?:\w+\s+){0,2}конкурс|конкурс\w*\s+жариял")
ANNOUNCED_REACH = 360  # characters of a notice in which the post it announces is named


def _announced_post(said: str, words: Sequence[re.Pattern[str]]) -> str | None:
    """The post a contest notice announces: the first of its clauses, near its start, that names one."""
    for clause in CLAUSE_END.split(said[:ANNOUNCED_REACH]):
        if matches(words, clause):
            return clause.strip()[:POST_LEAD]
    return None


def _posts_in_pieces(block: Block, words: Sequence[re.Pattern[str]]) -> list[tuple[str, Block]]:
    """The posts of a block whose paragraphs each begin with one (its first clause, after a notice's date, names it,
    or announces a contest for a post it then names), with or without its category («Ведущий специалист …
    инспекции (временно), 1 единица. Оклад …», «Объявление от 10.11.2026. Аппарат объявляет конкурс на …
    должность: главный специалист …»): each post with its paragraph and those after it up to the next post; none
    unless two paragraphs at least begin so (one is a sentence about a post, not a list)."""
    posts: list[tuple[str, list[str]]] = []
    for piece in block.pieces:
        said = NOTICE_LEAD.sub("", piece)  # a notice's date is no part of what it says
        clause = MORE.sub("", CLAUSE_END.split(said, maxsplit=1)[0])[:POST_LEAD]
        if matches(words, clause):
            posts.append((clause, [piece]))
        elif ANNOUNCES.search(clause) and (named := _announced_post(said, words)):
            posts.append((named, [piece]))
        elif posts:
            posts[-1][1].append(piece)
    if len(posts) < MIN_LISTED:
        return []
    return [(name, Block("", (), " ".join(texts), block.lang, (), ())) for name, texts in posts]


def _spaceless(text: str) -> str:
    return "".join(text.split())


# A post's requirements said to be the model ones («Квалификационные требования - согласно типовым», «… в
# соответствии с типовыми квалификационными требованиями», «Біліктілік талаптары үлгілік талаптарға сәйкес»), with
# nothing of them (no education, experience or knowledge): a reference to where they are kept, not this post's
# requirements (normalised; folded for Kazakh)
MODEL_REFERENCE = re.compile(r"(?<!\w)(?:типов|улгилик|үлгілік)\w*")
REQUIREMENT_MATTER = re.compile(r"образовани|стаж|опыт|знани|билим|білім|отил|өтіл|тажирибе|тәжірибе")


def _names(
    keywords: Sequence[re.Pattern[str]], blocks: Sequence[Block], pending: Sequence[re.Pattern[str]] = ()
) -> bool:
    """Whether the blocks name the indicator: in a heading, or in a sentence that does not promise it for later
    nor only refers to the model requirements (:data:`MODEL_REFERENCE`)."""
    for block in blocks:
        if not matches(keywords, block.all_text):
            continue
        if matches(keywords, block.heading):
            return True
        for sentence in SENTENCE.split(block.text):
            if not matches(keywords, sentence) or (pending and matches(pending, sentence)):
                continue
            if _model_only(sentence):
                continue
            return True
    return False


def _unheaded(indicator: Indicator, unit: Unit, blocks: Sequence[Block], lang: str) -> bool:
    """Whether a section page gives its items a paragraph each: no table (its rows split a post from its
    requirements) and no heading of the indicator's own (requirements headed apart are stated for all)."""
    keywords = indicator.keywords.get(lang, ())
    words = indicator.per_item.get(lang, ())
    return not _posts_in_cells(unit, words, lang) and not any(matches(keywords, b.heading) for b in blocks if b.heading)


BLOCK_TAGS = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6")


def _posts_in_cells(unit: Unit, words: Sequence[re.Pattern[str]], lang: str) -> bool:
    """Whether a table of the page lists posts in its cells (a cell of running text naming a post: «Главный
    специалист отдела … | E-R-4 | требования»). A cell that holds paragraphs is a layout's (an old template puts
    its menu in one cell and its content in another), no table of posts."""
    if "<table" not in unit.html.lower():
        return False
    root = parse_html(unit.html)
    if root is None:
        return False
    read = fold_kazakh if lang == "kk" else normalise
    for cell in root.iter("td", "th"):
        if any(isinstance(e.tag, str) and e.tag in BLOCK_TAGS for e in cell.iterdescendants()):
            continue
        if matches(words, read(element_text(cell))):
            return True
    return False


def _paragraph_items(unit: Unit, words: Sequence[re.Pattern[str]], lang: str) -> tuple[list[Item], list[Block]]:
    """A section page's paragraphs and list items of its content that name an item with its category (the
    items), and the others (what the page states outside every item), each read as a block of its own. A paragraph
    between two items is the earlier one's (a list gives each post, then its details: «1. Главный специалист …,
    E-R-4» «Квалификационные требования: …» «2. Ведущий специалист …»); those before the first and after the last
    are the page's."""
    read = fold_kazakh if lang == "kk" else normalise
    named: list[Item] = []
    others: list[Block] = []
    after: list[Block] = []  # the paragraphs after the last item so far
    main = _spaceless(unit.main)
    every = [w for w, _ in paragraphs(unit) if w.strip()]
    cells = {w for w in every if sum(1 for o in every if o is not w and o.strip() in w) > 1}
    for written, _ in paragraphs(unit):
        text = read(written)
        if not text or _spaceless(text) not in main:
            continue  # a menu's or a footer's item, not the content (compared without spaces: the content's text
            # puts one between inline elements, «<b>Бас маман</b>, E-R-4» reads «бас маман , e-r-4»)
        block = Block("", (), text, lang, (), ())
        if named and text in named[-1].blocks[0].text:
            continue  # a paragraph inside the item's list item («<li><b>post</b><p>requirements</p></li>»): the item's
        if written in cells:
            continue  # a layout's cell holding the content's paragraphs: they are read one by one
        if matches(words, text) and CATEGORY.search(text):
            if named and after:
                named[-1] = Item(unit, (*named[-1].blocks, *after), named[-1].name)
            after = []
            named.append(Item(unit, (block,), " ".join(written.split())))
        else:
            (after if named else others).append(block)
    return named, others + after


MIN_LISTED = 2  # a list names two entries at least


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def table_rows(unit: Unit, heading: str) -> tuple[list[str], list[str]]:
    """The rows with data cells (a row of ``th`` alone is the table's head) of the tables under the page's heading
    ``heading`` (as a block names it: normalised, in Kazakh folded), up to the next heading; normalised. Beside them,
    the addresses the rows' links lead to."""
    root = parse_html(unit.html)
    if root is None or not heading:
        return [], []
    for element in root.iter(*HEADINGS):
        written = element_text(element)
        if heading not in (normalise(written), fold_kazakh(written)):
            continue
        rows: list[Any] = []
        for after in element.itersiblings():
            if not isinstance(after.tag, str):
                continue
            if after.tag.lower() in HEADINGS:
                break
            tables = [after] if after.tag.lower() == "table" else list(after.iter("table"))
            rows += [tr for t in tables for tr in t.iter("tr") if tr.find(".//td") is not None]
        return [normalise(element_text(tr)) for tr in rows], [a.get("href") or "" for tr in rows for a in tr.iter("a")]
    return [], []


def contactless(hit: Hit, at_all: bool = False) -> ItemReading | None:
    """A list «с контактами» (Appendix 15, table 1, 1.2 indicator 7; Appendix 16, table 1, 1.1 indicator 6: «перечень
    территориальных подразделений с контактами») found at ``hit``: its entries - the paragraphs and list items under
    the heading that names it, or the rows of its table - that give no phone or e-mail are the note's «неполнота
    представленной информации».
    None where the place is no list of entries, or links lead on from it (each entry's page may hold its contacts).
    A page found by its title («Аумақтық департаменттер») is read by the rows of its tables. ``at_all``: only a list
    under a heading none of whose entries gives any contact counts (the units named and nothing more), or one giving
    every entry's phone and no e-mail at all (the reading says which, ``missing``: the caller decides); a list giving
    some contacts, or a page read as a whole, is not read for the rest."""
    if hit.block is None:
        return None if at_all else _contactless_tables(hit)
    if not hit.block.heading:
        return None
    place = hit.extent or (hit.block,)
    rows, row_links = table_rows(hit.unit, hit.block.heading)
    # a table's rows are its entries (a row's cells: a unit, the city it sits in, its phone), what follows it no entry:
    # only a row's own link may lead to the entry's page (not a layout's site map or side column after the table); a
    # link to the page's own top, a phone or an e-mail leads to no entry's page
    tabled = len(rows) >= MIN_LISTED
    stays = ("mailto:", "tel:", "#") if tabled else ("mailto:",)
    links = row_links if tabled else [h for b in place for h in b.hrefs]
    if any(not h.startswith(stays) and not _elsewhere(hit.unit.url, h) for h in links):
        return None
    listed = [p for b in place for p in (b.pieces or ((b.text,) if b.text else ())) if not _no_entry(p)]
    entries = rows if len(rows) >= MIN_LISTED else listed
    if len(entries) < MIN_LISTED:
        return None
    items = tuple(Item(hit.unit, (hit.block,), e) for e in entries)
    mailed = any(EMAIL.search(b.all_text) or any(h.startswith("mailto:") for h in b.hrefs) for b in place)
    found = _contacts_of(items, mailed)
    if at_all and found is not None and found.missing is None and len(found.without) < len(found.items):
        return None  # some entries give a contact: a list read only for giving none at all is not read for the rest
    return found


def entries_wanting(hit: Hit, entries: Entries, lang: str) -> tuple[ItemReading | None, tuple[Item, ...]]:
    """The entries of an indicator's list found at ``hit`` (its list items, paragraphs and table rows; a page found as a
    whole, all of the page's) that do not give what each must (``each_entry``: «Тексты проектов нормативных правовых
    актов, а также пояснительные записки, сравнительные таблицы …», Appendix 15, 1.4 indicator 2; the 2025 edition's
    «с пояснительными записками и сравнительными таблицами (в случаях внесения изменений и (или) дополнений)»): one
    draft given with its note and the other without it shows the notes for one draft, not for the drafts
    («неполнота представленной информации»). An entry is a piece naming one entry («Проект приказа …», «… бұйрығының
    жобасы»), and it gives a thing where its own words name it (a file's label «Пояснительная записка»). An entry
    linking its own card on the drafts' portal (``/npa/view?id=…``, where the portal keeps a draft with its documents)
    is counted as giving them there; such entries that name none of it are returned beside the reading (the caller
    says so).

    Not read for a thing the list names outside its entries (a column headed «Пояснительная записка», a line «к
    каждому проекту прилагается пояснительная записка»), nor where the list's links lead on to pages of the site (each
    entry's own page may hold it). The reading is None where no entry is named, or every one gives what it must."""
    blocks = (hit.extent or (hit.block,)) if hit.block is not None else unit_blocks(hit.unit)
    if any(_leads_on(hit.unit.url, h) for b in blocks for h in b.hrefs):
        return None, ()
    words = entries.names.get(lang, ())
    pieces = [(b, p) for b in blocks for p in (b.pieces or ((b.text,) if b.text else ()))]
    named = [(b, p) for b, p in pieces if matches(words, p)]
    # the list's words outside its entries: its heading, a line over or under the entries, and what a piece holds
    # before the words naming its entry (a table's head row read with its first row)
    rest = [b.heading for b in blocks] + [_without_pieces(b.text, [p for x, p in named if x is b]) for b in blocks]
    rest += [p[: m.start()] for _, p in named if (m := matches(words, p)) is not None]
    wants = [p for p in (*entries.needs, *entries.also) if not any(matches(p.keywords.get(lang, ()), r) for r in rest)]
    links: dict[str, tuple[str, ...]] | None = None  # read from the page once an entry leaves something out
    found: list[Item] = []
    without: list[Item] = []
    carded: list[Item] = []
    lacking: list[str] = []
    for block, piece in named:
        item = Item(hit.unit, (block,), piece)
        found.append(item)
        asked = [p for p in wants if p in entries.needs or matches(entries.when.get(lang, ()), piece)]
        if left := [p.name[lang] for p in asked if not matches(p.keywords.get(lang, ()), piece)]:
            links = _piece_links(hit.unit, lang) if links is None else links
            if any(draft_card(h) for h in links.get(piece, ())):
                carded.append(item)  # its card on the portal gives its documents
                continue
            without.append(item)
            lacking += left
    if not without:
        return None, tuple(carded)
    return ItemReading(tuple(found), tuple(without), "parts", tuple(dict.fromkeys(lacking))), tuple(carded)


def _piece_links(unit: Unit, lang: str) -> dict[str, tuple[str, ...]]:
    """The links of each element of the page that may be a block's piece (a list item, a paragraph, a table row, a
    card's box or link), by its text as the piece gives it."""
    root = parse_html(unit.html)
    if root is None:
        return {}
    said = fold_kazakh if lang == "kk" else normalise
    return {
        said(element_text(e)): tuple(a.get("href") or "" for a in (*e.iter("a"), *e.iterancestors("a")))
        for e in root.iter(*PIECE_TAGS)
    }


PIECE_TAGS = ("li", "p", "tr", "td", "dd", "div", "article", "section", "a", "span")


def draft_card(href: str) -> bool:
    """Whether a link leads to a draft's own card on the drafts' portal («Открытые НПА»: ``/npa/view?id=…``)."""
    target = urlsplit(href)
    host = target.hostname or ""
    portal = host == "legalacts.egov.kz" or host.endswith(".legalacts.egov.kz")
    return portal and target.path.rstrip("/").endswith("/npa/view")


def _without_pieces(text: str, pieces: Sequence[str]) -> str:
    for piece in pieces:
        text = text.replace(piece, " ")
    return text


def _leads_on(page: str, href: str) -> bool:
    """Whether a list's link leads to a page of the same site (an entry's own page), not to a file, a place on the page,
    an e-mail or another site."""
    if href.startswith(("mailto:", "tel:", "#", "javascript:")):
        return False
    target = urlsplit(urljoin(page, href))
    if target.scheme not in ("http", "https") or (target.hostname or "") != (urlsplit(page).hostname or ""):
        return False
    name = target.path.rsplit("/", 1)[-1].lower()
    return not (("." in name) and name.rsplit(".", 1)[-1] in ENTRY_FILE_FORMATS)


# the formats of a file an entry offers (a draft's text, its note), not a page of the site
ENTRY_FILE_FORMATS = frozenset(("pdf", "doc", "docx", "rtf", "odt", "xls", "xlsx", "ods", "zip", "rar", "7z", "txt"))


def another_list(
    hit: Hit, words: Sequence[re.Pattern[str]], others: Sequence[Sequence[re.Pattern[str]]] = ()
) -> ItemReading | None:
    """A second list of the same indicator on the hit's page, under a heading of its own that names it (the
    subordinate organisations under «Ведомстволық бағынысты ұйымдар» below the units' table), read as the first for
    giving no contact at all: its entries are the indicator's too, «с указанием … номеров телефонов». A heading the
    words of another indicator (``others``) name heads that one's list. A page found as a whole (by its title, or the
    label of a link to it) is read by the lists under its headings that name the indicator: they are its entries."""
    every = unit_blocks(hit.unit)
    first = (hit.extent or (hit.block,)) if hit.block is not None else ()
    for block in every:
        if block in first or not block.heading or not matches(words, block.heading):
            continue
        if any(matches(other_words, block.heading) for other_words in others):
            continue  # another indicator's list (``others``: their words)
        other = Hit(hit.unit, block, f"heading «{block.raw_heading or block.heading}»", extent_of(every, block))
        if (found := contactless(other, at_all=True)) is not None:
            return found
    return None


def _elsewhere(page: str, href: str) -> bool:
    """Whether a list's link leads to another site (an organisation's own website named beside it): it gives where
    the organisation is on the web, not its phone or e-mail on this site, so it leads to no entry's page."""
    target = urlsplit(urljoin(page, href))
    return target.scheme in ("http", "https") and (target.hostname or "") != (urlsplit(page).hostname or "")


# what a page prints under a list that names no entry of it: its stamp («Жарияланған күні: 12.10.2026»), a copyright
_STAMP_ONLY = re.compile(rf"{STAMP_EITHER}\s*$", re.I)


# a line saying the body has none of the organisations a list names («Подведомственных организаций у Комитета нет.»,
# «Территориальных подразделений у комитета нет: …», «Комитет не имеет подведомственных организаций.», «Комитеттің
# ведомстволық бағынысты ұйымдары жоқ.», read folded): the «(при наличии)» list's state, not an entry of it. The kinds
# are named in the plural a «none» says («организаций … нет»), so an entry saying its own contact is missing («Филиал в
# г. Костанай — телефон отсутствует») stays an entry
_KINDS_RU = r"(?:организаций|подразделений|учреждений|предприятий|филиалов|органов)"
_NONE_OF_THEM = re.compile(
    rf"(?<!\w){_KINDS_RU}(?:\s+\S+){{0,6}}?\s+(?:нет|не имеется|отсутствуют)(?:\s*[.!;]?\s*$|\s*:)"
    rf"|(?<!\w)(?:не имеет|не имеют|нет)\s+(?:\S+\s+){{0,2}}?{_KINDS_RU}(?:\s*[.!;]?\s*$|\s*:)"
    r"|(?<!\w)(?:уйым|ұйым|болимше|бөлімше|мекеме|касипорын|кәсіпорын|органдар|филиалдар)\w*(?:\s+\S+){0,6}?\s+(?:жок|жоқ)"
    r"(?:\s*[.!;]?\s*$|\s*:)"
)
# what an icon font draws from its ligature's name (a back-to-top button's «arrow_upward»), or a piece of symbols alone
# («↑»): no words a reader reads
_ICON_NAME = re.compile(r"[a-z]+(?:_[a-z]+)+")


def _no_entry(piece: str) -> bool:
    said = piece.strip()
    return bool(
        _STAMP_ONLY.match(said)
        or COPYRIGHT.match(said)
        or _NONE_OF_THEM.search(said)
        or _ICON_NAME.fullmatch(said)
        or not any(c.isalnum() for c in said)
    )


def _contacts_of(items: tuple[Item, ...], mailed: bool) -> ItemReading | None:
    """The entries giving no phone or e-mail; failing those, all of them where not one e-mail is given (``mailed``:
    an address in the list's text or a ``mailto:`` link): the text asks each entry's «номеров телефонов, адресов
    электронной почты», and such a list leaves out a kind of contact for every entry."""
    without = tuple(i for i in items if not (PHONE.search(i.name) or EMAIL.search(i.name)))
    if without:
        return ItemReading(items, without)
    if len(items) >= SHARED_AT_LEAST and len({_contacts(i.name) for i in items}) == 1:
        return ItemReading(items, items, "own contacts")  # every entry the same phone and e-mail: the body's own
    return None if mailed else ItemReading(items, items, "e-mail")


SHARED_AT_LEAST = 3  # entries giving one and the same contact, from which a list gives no entry's own


def _contacts(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The phones (their digits) and e-mails an entry gives."""
    phones = frozenset(re.sub(r"\D", "", m.group(0)) for m in PHONE.finditer(text))
    return phones, frozenset(m.group(0).lower() for m in EMAIL.finditer(text))


def _contactless_tables(hit: Hit) -> ItemReading | None:
    """:func:`contactless` for a page found by its title: the rows of the page's tables are its entries, unless a
    row links on (to the entry's own page)."""
    root = parse_html(hit.unit.html)
    if root is None:
        return None
    # a table of data: no table inside it (a layout table holds the page), its rows of two cells or more
    tables = [t for t in root.iter("table") if t.find(".//table") is None]
    rows = [tr for t in tables for tr in t.iter("tr") if tr.find(".//td") is not None and len(tr.findall("./*")) >= 2]
    if len(rows) < MIN_LISTED:
        # no table: a page of the list's name that gives no phone and no e-mail at all (an excerpt naming the units)
        # lists none of them «с указанием … номеров телефонов, адресов электронной почты»
        content = " ".join(b.all_text for b in unit_blocks(hit.unit))
        if content and not (PHONE.search(content) or EMAIL.search(content)):
            page = (Item(hit.unit, (), hit.unit.shown_title or hit.unit.title),)
            return ItemReading(page, page, "contacts")
        return None
    links = [a.get("href") or "" for t in tables for a in t.iter("a")]
    if any(not h.startswith(("mailto:", "tel:", "#")) for h in links):
        return None
    items = tuple(Item(hit.unit, (), normalise(element_text(tr))) for tr in rows)
    return _contacts_of(items, any(EMAIL.search(i.name) for i in items) or any(h.startswith("mailto:") for h in links))
