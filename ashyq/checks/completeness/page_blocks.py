"""A page's content as a reader scans it: blocks under headings.

A reader finds "Исполнение бюджета" by its heading, not by the word "бюджет" somewhere on the site.
:func:`content_blocks` splits the content of a page (navigation, header, footer and scripts taken
out, and the boxes the markup names so by role, id or class: ``role="navigation"``, ``div class="menu"``,
``div class="site-foot"``) into blocks: each starts at a heading and runs to the next one. A heading is an ``h1``…``h6``
(or ``role="heading"``), a ``dt``, ``summary``, ``legend`` or ``caption``, an accordion's button or a tab's
label over its panel (:mod:`.panels`: the panels are in the HTML, one click away), or - as older sites head
their sections - a paragraph, cell or ``div`` holding nothing but one bold phrase (a word processor's export
leaves empty ``<o:p></o:p>`` beside it: nothing shown, no second thing held). Each block keeps
its heading, the headings above it, its text, its language (by letters, when it has enough text),
its links, and what it says about time: the dates it names (a page's own stamp - «Дата публикации»,
«Жарияланды» - kept apart), the periods it reports on («по итогам 9 месяцев 2025 года», «2025 жылғы
9 айда», «за II полугодие», «за 2025 год»: a report is as old as its period's end) and the years it
names (a copyright line «© 2009–2026» is not one).

Pure functions of the HTML; the texts are normalised as the keywords are (:mod:`ashyq.base.text`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import lxml.html
from lxml import etree

from ashyq.base.dates import KK_MONTHS, find_dates
from ashyq.base.morphology import reads_russian
from ashyq.base.text import KAZAKH_LETTERS, detect_lang, fold_kazakh, normalise, not_content, squash
from ashyq.checks.completeness.panels import Panels, disclosure, tied_panels
from ashyq.checks.coverage import PRINT_LABEL

HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# a term of a definition list heads its definition, under any heading or disclosure summary around the list
LABEL_TAGS = {"dt": 6, "summary": 5, "legend": 5, "caption": 5}
BOLD_TAGS = ("b", "strong")
PSEUDO_HOLDERS = ("p", "div", "td", "th", "li", "span")
PSEUDO_MAX_CHARS = 150
PSEUDO_LEVEL = 4  # a bold phrase read as a heading
# a website builder's heading: an element its class calls a heading («heading-2», «heading», «block-heading»), its
# level the number the class gives (a «title» class is left alone: the template's boxes of the site's name, a cover's
# caption, a form field's label are called so as often as a heading)
HEADING_CLASS = re.compile(r"^(?:[a-z0-9]+[-_])*heading(?:[-_]?(\d))?$", re.I)
# what a heading does not hold: running text, lists, tables, fields, a link (a title linking elsewhere is that
# link's label), a line break (a box of two lines: a name and what it is)
NOT_IN_HEADING = frozenset(
    {"p", "ul", "ol", "dl", "table", "form", "input", "textarea", "select", "h1", "h2", "h3", "a", "br"}
)
NOT_CONTENT = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside")
KAZAKH_WORDS = re.compile(r"(?<!\w)(?:және|туралы|бойынша|жөніндегі|арналған|мен|жылғы)(?!\w)")
YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")
# a copyright line, or the site's developer credit («Разработка сайта: …, 2008», «Сайтты әзірлеген: …, 2008»): the
# year the site was made, no year of its data
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright|разработка сайта|сайт разработан|разработчик сайта|сайтты [әа]з[іи]рле\w*|"
    r"сайтты жаса[ғг]ан)[^.]{0,160}",
    re.I,
)
# A page's own stamp before a date: when it was put up, not what it is about.
# the page's own stamps: when it was posted, updated or last changed («Последнее изменение: …», «соңғы өзгеріс …»)
STAMP_WORDS = (
    r"опубликован\w*|дата публикации|дата размещения|размещен\w*|обновлен\w*|дата обновления|"
    r"последнее изменение|последние изменения|дата изменения|изменено|"
    r"жарияланды|жарияланған күні|жарияланған|орналастырылды|орналастырылған күні|жаңартылды|жаңартылған күні|"
    r"соңғы жаңартылған|соңғы жаңарту|жаңартылған уақыты|соңғы өзгеріс|соңғы өзгерту|өзгертілген күні|өзгертілді"
)
STAMP = re.compile(rf"(?:{STAMP_WORDS})[\s:–-]*$")
# a page's stamp as written: its label, the date and perhaps the time («Өзгертілді: 03.11.2026 17:22»)
STAMP_LINE = rf"(?:{STAMP_WORDS})\s*:?\s*\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}(?:,?\s*\d{{1,2}}:\d{{2}})?"
# … as written or as the content checks read it, Kazakh folded («жарияланган куни: 12.10.2026»)
STAMP_EITHER = rf"(?:{STAMP_LINE}|{fold_kazakh(STAMP_LINE)})"
_ORDINALS = {
    # Roman numerals in Latin or, as Kazakh pages write them, the Cyrillic «І» («ІІ жартыжылдық»)
    "1": 1, "i": 1, "перв": 1, "бірінші": 1,
    "2": 2, "ii": 2, "втор": 2, "екінші": 2,
    "3": 3, "iii": 3, "трет": 3, "үшінші": 3,
    "4": 4, "iv": 4, "четв": 4, "төртінші": 4,
}  # fmt: skip
_ORDINAL = r"([iі]{1,3}|[iі]v|[1-4]|перв\w*|втор\w*|трет\w*|четв\w*|бірінші|екінші|үшінші|төртінші)"
# «2026 жылғы», «2026 жылдың», «2026 ж.» before a Kazakh period
_KK_YEAR = r"(\d{4})\s*(?:жыл\w*|ж\.)\s*"
_RU_MONTH_STEMS = (
    "январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
)  # fmt: skip
_COUNTS = {"три": 3, "шесть": 6, "девять": 9, "двенадцать": 12, "үш": 3, "алты": 6, "тоғыз": 9}
# (pattern, kind): kind "months" N of a year, "to-month" January to a month, "half" or "quarter" of a year (each
# with its Kazakh "-kk" wording), "year" a whole year
PERIODS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<![\d.,])(\d{1,2}|три|шесть|девять|двенадцать)\s*(?:месяц\w*|мес\.?)\s*(\d{4})"), "months"),
    (re.compile(_KK_YEAR + r"(\d{1,2}|үш|алты|тоғыз)\s*ай(?!\w*\s+бұрын)(?:\w{0,6})(?!\w)"), "months-kk"),
    # January to a month: «январь–сентябрь 2026 года», «январе-июне 2026 г.»; «2026 жылғы қаңтар–маусым(дағы)»
    (re.compile(r"(?<!\w)январ\w*\s*[–—-]\s*(" + "|".join(_RU_MONTH_STEMS) + r")\w*\s+(\d{4})"), "to-month"),
    (re.compile(_KK_YEAR + r"қаңтар\w*\s*[–—-]\s*(" + "|".join(KK_MONTHS) + ")"), "to-month-kk"),
    (re.compile(_ORDINAL + r"\s*(?:-?\w{0,2}\s*)?полугоди\w*\s*(\d{4})"), "half"),
    (re.compile(_KK_YEAR + _ORDINAL + r"\s*-?\s*жарты\s*жыл"), "half-kk"),
    (re.compile(_ORDINAL + r"\s*(?:-?\w{0,2}\s*)?квартал\w*\s*(\d{4})"), "quarter"),
    (re.compile(_KK_YEAR + _ORDINAL + r"\s*-?\s*тоқсан"), "quarter-kk"),
    (re.compile(r"(?:за|итогам|отчет\w* за)\s*(\d{4})\s*(?:год|г\.)"), "year"),
    # the year's results, with their subject between («2025 жылғы әлеуметтік-экономикалық даму қорытындылары»), or its
    # review or analysis («2025 жылғы өтініштерге шолу», as «Обзор обращений за 2025 год»)
    (re.compile(r"(\d{4})\s*жыл(?:ғы|дың)\s*(?:[^\s.;:]+\s+){0,4}?(?:қорытынды|есеп|нәтиже|шолу|талдау)"), "year"),
)


@dataclass(frozen=True)
class Block:
    heading: str  # normalised; "" for what comes before the first heading
    above: tuple[str, ...]  # the headings above it, outermost first (normalised)
    text: str  # normalised text under the heading
    lang: str | None  # "kk", "ru" or None (too little text to tell)
    dates: tuple[date, ...]  # named in the text, the page's own stamps left out
    years: tuple[int, ...]  # named in the text (not in a copyright line)
    periods: tuple[date, ...] = ()  # the ends of the periods the text reports on
    stamps: tuple[date, ...] = ()  # the page's own publication or update stamps
    hrefs: tuple[str, ...] = ()  # lower-case link targets inside the block
    raw_heading: str = ""  # as the page writes it (for a finding's citation)
    images: tuple[str, ...] = ()  # the pictures shown in the block (their ``src``), icons left out
    pieces: tuple[str, ...] = ()  # its paragraphs, list items and lines (normalised) where it has several
    leads: tuple[tuple[str, str], ...] = ()  # run-in labels with the text each opens (:func:`run_in_lead`), normalised
    piece_langs: tuple[str | None, ...] = ()  # each piece's language (:func:`block_lang`), told before any folding
    rows: int = 0  # how many of its pieces are a table's rows of data

    @property
    def all_text(self) -> str:
        return f"{self.heading} {self.text}".strip()


def _level(element: lxml.html.HtmlElement) -> int | None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if disclosure(element):  # an accordion's button heads its panel, as a summary does (.panels)
        return LABEL_TAGS["summary"]
    if tag in HEADING_TAGS:
        return HEADING_TAGS[tag]
    if element.get("role") == "heading":
        try:
            return int(element.get("aria-level") or 2)
        except ValueError:
            return 2
    if tag in LABEL_TAGS:
        return LABEL_TAGS[tag]
    if tag in PSEUDO_HOLDERS and _bold_only(element) and not _in_data_row(element):
        return PSEUDO_LEVEL
    if tag in PSEUDO_HOLDERS:
        return _classed_level(element)
    return None


def _classed_level(element: lxml.html.HtmlElement) -> int | None:
    """A short phrase in an element the builder's class calls a heading (:data:`HEADING_CLASS`), holding no
    running text, list, table or field: a heading as the builder draws one (a ``div class="heading-2"``)."""
    level = next((m for t in str(element.get("class") or "").split() if (m := HEADING_CLASS.match(t))), None)
    if level is None or _in_data_row(element) or next(element.iterancestors("form"), None) is not None:
        return None  # a field's title in a form is its label
    if any(isinstance(d.tag, str) and d.tag.lower() in NOT_IN_HEADING for d in element.iterdescendants()):
        return None
    if not _phrase(squash(" ".join(element.itertext())), PSEUDO_MAX_CHARS):
        return None
    return min(max(int(level[1]), 1), 6) if level[1] else PSEUDO_LEVEL


def _filled(row: lxml.html.HtmlElement) -> bool:
    """A table row of two cells or more with text."""
    cells = [c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
    return sum(1 for c in cells if squash(" ".join(c.itertext()))) >= 2


def _in_data_row(element: lxml.html.HtmlElement) -> bool:
    """Whether the element is a data table's cell, or all a cell holds, beside another cell with text in its row:
    a column's or a row's head («№», «Көрсеткіш» in bold over the figures), not a heading of the page. A layout
    table's cell that heads a section stands alone in its row, and its content cell holds headings among its text;
    a table of one such row is a line of the page (a label and its value: «Соңғы өзгеріс күні | 12.11.2026»), read
    as before."""
    cells = (a for a in (element, *element.iterancestors()) if isinstance(a.tag, str) and a.tag.lower() in ("td", "th"))
    cell = next(cells, None)
    # the bold phrase is its cell's whole text (a layout table's content cell holds headings among its text)
    if cell is None or squash(" ".join(cell.itertext())) != squash(" ".join(element.itertext())):
        return False
    row = cell.getparent()
    if row is None or not isinstance(row.tag, str) or row.tag.lower() != "tr" or not _filled(row):
        return False
    table = next((a for a in row.iterancestors() if isinstance(a.tag, str) and a.tag.lower() == "table"), None)
    return table is not None and sum(1 for r in table.iter("tr") if _filled(r)) >= 2


def _phrase(text: str, most: int) -> bool:
    """Whether a bold phrase or a label says something in a few words: letters, at most ``most`` characters."""
    return 0 < len(text) <= most and any(ch.isalpha() for ch in text)


def _bold_only(element: lxml.html.HtmlElement) -> bool:
    """A paragraph (cell, div) whose whole text is one bold phrase: a heading as older sites write one. Not a
    bold phrase over a line break and text (``<p><b>График проверок</b><br>…</p>``): a run-in label of that
    text (:func:`run_in_lead`), which is no heading's."""
    children = [c for c in element if isinstance(c.tag, str) and c.tag.lower() != "br" and not _empty(c)]
    if len(children) != 1 or children[0].tag.lower() not in BOLD_TAGS:
        return False
    if (element.text or "").strip() or any((c.tail or "").strip() for c in element if isinstance(c.tag, str)):
        return False
    text = squash(" ".join(children[0].itertext()))
    return _phrase(text, PSEUDO_MAX_CHARS)


def _empty(element: lxml.html.HtmlElement) -> bool:
    """An element that shows nothing: no text, no picture (a word processor's ``<o:p></o:p>`` or ``<o:p>&nbsp;</o:p>``
    after each paragraph it exports)."""
    if (element.tail or "").strip() or squash(" ".join(element.itertext())):
        return False
    return not any(True for _ in element.iter("img", "svg", "input", "select", "textarea", "iframe"))


BLOCK_TAGS = ("dl", "ul", "ol", "table", "p", "div")


def bold_lead(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The bold phrase that heads a list item (cell, div) over its own list, definitions or paragraphs
    («<li><strong>Назначение жилищной помощи</strong><dl><dt>Форма</dt>…</dl></li>»): the item's name, a heading
    of what follows in it, as a bold paragraph is (:func:`_bold_only`); None where the element has none."""
    if not isinstance(element.tag, str) or element.tag.lower() not in PSEUDO_HOLDERS or (element.text or "").strip():
        return None
    children = [c for c in element if isinstance(c.tag, str) and c.tag.lower() != "br"]
    if len(children) < 2 or children[0].tag.lower() not in BOLD_TAGS or (children[0].tail or "").strip():
        return None
    if any(c.tag.lower() not in BLOCK_TAGS or (c.tail or "").strip() for c in children[1:]):
        return None
    text = squash(" ".join(children[0].itertext()))
    return children[0] if _phrase(text, PSEUDO_MAX_CHARS) else None


def bold_over_break(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The bold phrase that captions a paragraph (cell, div) on a line of its own, its text after a line break
    («<p><b>График проверок</b><br><a …>II полугодие 2026 года</a></p>», as older sites set a page's parts):
    a heading of what follows in the paragraph, at the level of a bold paragraph (:func:`_bold_only`), so that a
    caption alone in the next paragraph heads nothing; None where the element has none."""
    if not isinstance(element.tag, str) or element.tag.lower() not in PSEUDO_HOLDERS or (element.text or "").strip():
        return None
    children = [c for c in element if isinstance(c.tag, str)]
    if len(children) < 2 or children[0].tag.lower() not in BOLD_TAGS or (children[0].tail or "").strip():
        return None
    if children[1].tag.lower() != "br":
        return None
    text = squash(" ".join(children[0].itertext()))
    return children[0] if _phrase(text, RUN_IN_MAX_CHARS) else None


RUN_IN_MAX_CHARS = 100  # a run-in label is a short phrase, as a colon's lead-in label is (places.LEAD_IN)


def run_in_lead(element: lxml.html.HtmlElement) -> tuple[str, str] | None:
    """A paragraph (list item, cell, div) that opens with a bold phrase and goes on in running text on the same line
    («<p><b>Миграция.</b> Район принимает кандасов …</p>», «<p><b>Көші-қон.</b> Қандастар …</p>»): the phrase is a
    run-in heading of the text it opens, as a bold paragraph heads what follows (:func:`_bold_only`). Returns the
    label (its closing full stop or colon left out) and the text after it, as the page writes them; None otherwise."""
    if not isinstance(element.tag, str) or element.tag.lower() not in PSEUDO_HOLDERS or (element.text or "").strip():
        return None
    children = [c for c in element if isinstance(c.tag, str) and c.tag.lower() != "br"]
    if not children or children[0].tag.lower() not in BOLD_TAGS or bold_lead(element) is not None:
        return None
    if bold_over_break(element) is not None:
        return None  # a caption on a line of its own: a heading (:func:`bold_over_break`)
    bold, whole = squash(" ".join(children[0].itertext())), squash(" ".join(element.itertext()))
    label = bold.rstrip(" .:—–-")
    rest = whole[len(bold) :].lstrip(" .:—–-") if whole.startswith(bold) else ""
    if not _phrase(label, RUN_IN_MAX_CHARS):
        return None
    return (label, rest) if any(ch.isalpha() for ch in rest) else None


class _Builder:
    def __init__(self) -> None:
        # (heading, headings above, texts, link targets, pictures) per block
        self.blocks: list[tuple[str, tuple[str, ...], list[str], list[str], list[str]]] = [("", (), [], [], [])]
        self.stack: list[tuple[int, str]] = []  # (level, heading) of the open headings
        self.ends: list[list[int]] = [[]]  # per block: where in its texts a paragraph, list item or line ended
        self.leads: list[list[tuple[str, str]]] = [[]]  # per block: its run-in labels with the text each opens
        self.rows: list[int] = [0]  # per block: how many of its pieces a table's row of data ended

    def heading(self, level: int, text: str) -> None:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        above = tuple(h for _, h in self.stack)
        self.stack.append((level, text))
        self.blocks.append((text, above, [], [], []))
        self.ends.append([])
        self.leads.append([])
        self.rows.append(0)

    def text(self, value: str | None, glue: bool = False) -> None:
        """A piece of text; with ``glue`` one that continues the word the last piece ends in (:func:`_abuts`)."""
        texts = self.blocks[-1][2]
        if glue and value and texts and texts[-1][-1:].isalpha():
            texts[-1] += value
        elif value and value.strip():
            texts.append(value)

    def end_item(self, row: bool = False) -> None:
        """A paragraph, list item, line or table row ends: the next one's text starts a piece of its own, where a
        lead-in label is read («Документы: заявление» after «Форма: электронная» in a list, with no full stop
        between)."""
        ends = self.ends[-1]
        if self.blocks[-1][2] and (not ends or ends[-1] != len(self.blocks[-1][2])):
            ends.append(len(self.blocks[-1][2]))
            self.rows[-1] += int(row)

    def link(self, href: str) -> None:
        self.blocks[-1][3].append(href)

    def image(self, element: lxml.html.HtmlElement) -> None:
        src = str(element.get("src") or "")
        if src and not _is_icon(element, src):
            self.blocks[-1][4].append(src)


ITEM_ENDS = ("p", "li", "dd", "br", "tr")  # where a piece of running text ends, punctuated or not (a table row too)
ICON_MAX_PX = 64  # a picture this small (by its width or height attribute) is an icon, not material


def _ends_item(element: lxml.html.HtmlElement) -> bool:
    """Whether the element ends a piece: a paragraph, list item or line, or a table's row of data (not its row of
    column heads)."""
    tag = element.tag.lower()
    return tag in ITEM_ENDS and (tag != "tr" or next(element.iter("td"), None) is not None)


def _is_icon(element: lxml.html.HtmlElement, src: str) -> bool:
    """A file-type icon, a bullet or a logo: not a picture of the material."""
    lowered = src.lower().split("?", 1)[0]
    if lowered.endswith((".svg", ".ico")) or "icon" in lowered or lowered.startswith("data:"):
        return True
    for size in (element.get("width"), element.get("height")):
        if size and size.strip().rstrip("px").isdigit() and int(size.strip().rstrip("px")) <= ICON_MAX_PX:
            return True
    return False


def _print_control(anchor: lxml.html.HtmlElement) -> bool:
    """A link offering the page, or a module of it, for print («Басып шығару» / «Печать» as its words or its icon's
    alternative text, beside a module's title): the site's control, neither what the block says nor material it
    links."""
    label = " ".join([*anchor.itertext(), *(str(i.get("alt") or "") for i in anchor.iter("img"))])
    return bool(PRINT_LABEL.match(squash(label)))


def _abuts(element: lxml.html.HtmlElement) -> bool:
    """Whether a text run continues the word the run before it ends in: a ``span`` right after another span of text
    alone ending in a letter, with nothing between them, its text going on in small letters (a converter's runs
    «<span>Акимат Акби</span><span>дайского района</span>»): the reader sees one word, «Акбидайского». A spacer run
    between words («<span>Почтовый</span><span> </span><span>адрес</span>») ends in no letter: the words stay apart."""
    before = element.getprevious()
    return (
        element.tag.lower() == "span"
        and before is not None
        and isinstance(before.tag, str)
        and before.tag.lower() == "span"
        and len(before) == 0
        and str(before.text or "")[-1:].isalpha()
        and not before.tail
        and bool(element.text)
        and str(element.text)[:1].islower()
    )


def _walk(element: lxml.html.HtmlElement, builder: _Builder, panels: Panels) -> None:
    lead = bold_lead(element)
    lead = lead if lead is not None else bold_over_break(element)
    for child in element:
        if lead is not None and child is lead:
            builder.heading(PSEUDO_LEVEL, squash(" ".join(lead.itertext())).rstrip(" :"))
            builder.text(child.tail)
            continue
        if not isinstance(child.tag, str):
            builder.text(child.tail)
            continue
        if child in panels.labels:  # a tab's label: read at its panel
            builder.text(child.tail)
            continue
        if child in panels.heads:
            builder.heading(LABEL_TAGS["summary"], panels.heads[child])
        level = _level(child)
        if level is not None:
            builder.heading(level, squash(" ".join(child.itertext())))
            for anchor in child.iter("a"):
                if anchor.get("href"):
                    builder.link(str(anchor.get("href")))
        else:
            if child.tag.lower() == "a" and _print_control(child):
                builder.text(child.tail)
                continue
            if child.tag.lower() == "a" and child.get("href"):
                builder.link(str(child.get("href")))
            if child.tag.lower() == "img":
                builder.image(child)
                if child.get("alt"):
                    builder.text(str(child.get("alt")))
            lead_in = run_in_lead(child)
            if lead_in is not None:
                builder.leads[-1].append(lead_in)
            builder.text(child.text, glue=_abuts(child))
            _walk(child, builder, panels)
            if _ends_item(child):
                builder.end_item(row=child.tag.lower() == "tr")
        builder.text(child.tail)


def content_root(html: str) -> lxml.html.HtmlElement | None:
    """The page's content element (``main``, else the body) with navigation, header, footer and
    scripts taken out; None for what is not HTML."""
    if not html.strip():
        return None
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    return content_of(root)


# a page's header, menu or footer its markup names without the element: a box with the ARIA role, or named so by
# its id or class («<div id="bottom">», «<div class="site-footer">», «<div class="menu">», «<div class="site-top">»),
# holding no heading of the page (a content box is never called so)
FOOTER_NAMES = frozenset({"footer", "site-footer", "page-footer", "site-foot", "bottom", "podval"})
HEADER_NAMES = frozenset({"site-header", "site-top", "site-head", "topbar", "top-bar"})
MENU_NAMES = frozenset({"menu", "main-menu", "mainmenu", "top-menu", "topmenu", "navbar", "navigation", "site-nav"})
TEMPLATE_ROLES = frozenset({"contentinfo", "banner", "navigation"})
TEMPLATE_BOXES = ("div", "section", "table", "td")


def _template_box(element: lxml.html.HtmlElement) -> bool:
    names = {str(element.get("id") or "").lower(), *str(element.get("class") or "").lower().split()}
    if element.get("role") not in TEMPLATE_ROLES and not names & (FOOTER_NAMES | HEADER_NAMES | MENU_NAMES):
        return False
    return not any(True for _ in element.iter("h1", "h2", "h3", "main"))


def content_of(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """:func:`content_root` of a parsed document (navigation, the page's own header and footer, and scripts are
    taken out of the tree it is given: :func:`~ashyq.base.text.not_content`)."""
    for element in [e for e in root.iter(*NOT_CONTENT) if not_content(e)]:
        if element.getparent() is not None:
            element.drop_tree()
    for element in [e for e in root.iter(*TEMPLATE_BOXES) if _template_box(e)]:
        if element.getparent() is not None:
            element.drop_tree()
    main = root.find(".//main")
    if main is None:
        main = root.find(".//body")
    return main if main is not None else root


def content_blocks(html: str) -> tuple[Block, ...]:
    """The blocks of a page's content, in document order (empty ones left out)."""
    root = content_root(html)
    return blocks_of(root) if root is not None else ()


def blocks_of(root: lxml.html.HtmlElement) -> tuple[Block, ...]:
    """The blocks under a content element (:func:`content_of`'s)."""
    builder = _Builder()
    builder.text(root.text)
    _walk(root, builder, tied_panels(root))
    out = []
    built = zip(builder.blocks, builder.ends, builder.leads, builder.rows, strict=True)
    for (heading, above, texts, hrefs, images), ends, leads, rows in built:
        text = squash(" ".join(texts))
        cuts = [0, *ends, len(texts)]
        written = [squash(" ".join(texts[a:b])) for a, b in pairwise(cuts) if a < b]
        pieces = [(normalise(w), w) for w in written]
        kept_written = tuple((p, w) for p, w in pieces if p) if len(pieces) > 1 else ()
        kept = tuple(p for p, _ in kept_written)
        if not heading and not text:
            continue
        dated, stamps = time_marks(text)
        plain = COPYRIGHT.sub(" ", f"{heading} {text}")
        out.append(
            Block(
                heading=normalise(heading),
                above=tuple(normalise(h) for h in above),
                text=normalise(text),
                lang=block_lang(text) or block_lang(f"{heading} {text}"),  # the text's, when it has enough
                dates=dated,
                years=tuple(sorted({int(y) for y in YEAR.findall(plain)})),
                periods=periods_in(normalise(plain)),
                stamps=stamps,
                hrefs=tuple(h.lower() for h in hrefs),
                raw_heading=heading,
                images=tuple(images),
                pieces=kept,
                piece_langs=piece_langs(tuple(w for _, w in kept_written)),  # as written: names are capitalised
                rows=min(rows, len(kept)),
                leads=tuple((normalise(label), normalise(rest)) for label, rest in leads),
            )
        )
    return tuple(out)


# a person's name - a surname or patronymic by its ending, with the names beside it - tells no language: a Russian
# table of the heads names them as they write themselves («Тоқтаров Ержан Серікұлы», «Сәрсенбаева Әлия Маратқызы»)
_NAME_WORD = r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]+"
_PATRONYMIC = r"ұлы|қызы|ович|овна|евич|евна"
_NAMED = re.compile(
    rf"(?<!\w)[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]*(?:ов|ова|ев|ева|ин|ина|{_PATRONYMIC})"  # the surname
    rf"(?:\s+{_NAME_WORD})?(?:\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]*(?:{_PATRONYMIC}))?(?!\w)"  # the name, the patronymic
)
_NAMES_LEFT = 20  # Cyrillic letters the text must keep without its names to be told by the rest
_LONG_TEXT = 150  # Russian letters a text told Russian despite a quoted Kazakh name must have
_QUOTED_NAMES = 2  # words with a Kazakh letter such a text may hold


# the page's own stamp with its day («Соңғы өзгеріс: 20.05.2026» closing a Russian paragraph on a Kazakh page): the
# template's words, not the block's language
_STAMPED = re.compile(STAMP_LINE, re.I)


_SHARED = 3  # pieces a list needs for the words most of them repeat to be its own (a column's «Жүктеу» button)
_WORDS = re.compile(r"[^\W\d_]+")


def _common_words(text: str) -> str:
    """The text without its names: its first word, then the words in lower case only (a name of a person or a place
    is capitalised in either language), Latin ones (an e-mail's or a site's address) left out."""
    words = text.split()
    kept = [w for n, w in enumerate(words) if n == 0 or not w[:1].isupper()]
    return " ".join(w for w in kept if not _LATIN.fullmatch(w))


_LATIN = re.compile(r"[A-Za-z]+")


def piece_langs(written: tuple[str, ...]) -> tuple[str | None, ...]:
    """Each piece's language (:func:`block_lang`); a piece too short to tell by its letters is told without the
    words most pieces of its list repeat (a column's button label, a unit, a format: «Жүктеу (XLSX, 33 КБ)» after each
    title), and as Russian when what is left is words the Russian dictionary knows («Изменения в план (№ 1)» in a
    Kazakh register: :func:`ashyq.base.morphology.reads_russian`); a piece told Kazakh only by those repeated words
    («Әкімдік қаулысы», «Жүктеу» beside a Russian title) is told by what is left."""
    told = [block_lang(w) for w in written]
    if len(written) < _SHARED or all(t == "ru" for t in told):
        return tuple(told)
    counts: dict[str, int] = {}
    for piece in written:
        for word in {w.lower() for w in _WORDS.findall(piece)}:
            counts[word] = counts.get(word, 0) + 1
    repeated = {w for w, n in counts.items() if n >= 2 and n * 2 >= len(written)}
    out: list[str | None] = []
    for piece, language in zip(written, told, strict=True):
        if language is None or (language == "kk" and repeated):
            rest = " ".join(w for w in _WORDS.findall(piece) if w.lower() not in repeated)
            if language is None:
                language = block_lang(rest) or ("ru" if reads_russian(rest) else None)
            elif block_lang(_common_words(rest)) == "ru":
                # told Kazakh by the words its list repeats on every row (a type column's «Әкімдік қаулысы», a
                # button's «Жүктеу») around a Russian title: the row's own text is Russian. A row whose own words
                # are names only (a department's head and its city, «Ибраев Г.Р.», «Павлодар», beside the repeated
                # «облысы бойынша … департаменті») tells no language by them
                language = "ru"
        out.append(language)
    return tuple(out)


def block_lang(text: str) -> str | None:
    """A block's language, cautiously: ``kk`` by :func:`ashyq.base.text.detect_lang` or by a Kazakh
    function word, ``ru`` only when it has no letter only Kazakh has and no such word (a short Kazakh
    heading may have few of its own letters); None when too short or mixed. Told as written, the page's stamps
    left out (:data:`_STAMPED`); a text told Kazakh only by its names (:data:`_NAMED`: what is left without them,
    enough to tell, is not Kazakh) is not told."""
    text = _STAMPED.sub(" ", text)
    found = _told(text)
    if found == "kk":
        rest = _NAMED.sub(" ", text)
        if len(re.findall(r"[а-яёәғқңөұүһі]", rest.lower())) >= _NAMES_LEFT and _told(rest) != "kk":
            return None  # a Russian table of the heads named as they write themselves, or too little but names
    return found


def _told(text: str) -> str | None:
    """:func:`block_lang`'s reading of the text as it stands."""
    found = detect_lang(text)
    if found is None:
        return found
    lowered = normalise(text)
    if found == "kk":
        # one word alone carries the Kazakh letters and no Kazakh function word is there: a name among words of
        # either language (a link «Әділет ↗» beside «Акимат Туркестанской области»), too little to tell
        named = {w for w in re.findall(r"\w+", lowered) if KAZAKH_LETTERS.intersection(w)}
        return "kk" if len(named) > 1 or KAZAKH_WORDS.search(lowered) else None
    if KAZAKH_WORDS.search(lowered):
        return "kk"
    if not any(ch in KAZAKH_LETTERS for ch in lowered):
        return "ru"
    # a Russian text of some length quoting a Kazakh name or two («по программе «Іскер аймақ»»): Russian
    named = {w for w in re.findall(r"\w+", lowered) if KAZAKH_LETTERS.intersection(w)}
    return "ru" if len(named) <= _QUOTED_NAMES and len(re.findall(r"[а-яё]", lowered)) >= _LONG_TEXT else None


def time_marks(text: str) -> tuple[tuple[date, ...], tuple[date, ...]]:
    """The dates a text names, and apart from them the page's own stamps («Опубликовано: …»)."""
    named: list[date] = []
    stamps: list[date] = []
    lowered = normalise(text)
    for found in find_dates(text):
        before = lowered[max(0, found.start - 40) : found.start]
        (stamps if STAMP.search(before) else named).append(found.day)
    return tuple(named), tuple(stamps)


def _ordinal(word: str) -> int | None:
    word = word.lower().replace("і", "i") if re.fullmatch(r"[iіv]+", word.lower()) else word.lower()
    for stem, value in _ORDINALS.items():
        if word == stem or (len(stem) > 2 and word.startswith(stem)):
            return value
    return None


def _month_number(word: str, stems: tuple[str, ...]) -> int:
    return next((n for n, stem in enumerate(stems, start=1) if re.match(stem, word)), 0)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def periods_in(text: str) -> tuple[date, ...]:
    """The end dates of the reporting periods a (normalised) text names."""
    ends: set[date] = set()
    parts: list[tuple[int, int]] = []  # where a part of a year is named: no whole year's results there
    for pattern, kind in PERIODS:
        for match in pattern.finditer(text):
            if kind == "year" and any(start < match.end() and match.start() < end for start, end in parts):
                continue  # «2026 жылғы 9 айдағы қорытынды»: nine months' results, not the year's
            if kind != "year":
                parts.append(match.span())
            try:
                if kind == "months":
                    months, year = _COUNTS.get(match.group(1)) or int(match.group(1)), int(match.group(2))
                elif kind == "months-kk":
                    year, months = int(match.group(1)), _COUNTS.get(match.group(2)) or int(match.group(2))
                elif kind == "to-month":
                    months, year = _month_number(match.group(1), _RU_MONTH_STEMS), int(match.group(2))
                elif kind == "to-month-kk":
                    year, months = int(match.group(1)), _month_number(match.group(2), KK_MONTHS)
                elif kind in ("half", "quarter"):
                    part, year = _ordinal(match.group(1)), int(match.group(2))
                    months = (part or 0) * (6 if kind == "half" else 3)
                elif kind in ("half-kk", "quarter-kk"):
                    year, part = int(match.group(1)), _ordinal(match.group(2))
                    months = (part or 0) * (6 if kind == "half-kk" else 3)
                else:
                    year, months = int(match.group(1)), 12
                if 1 <= months <= 12 and 1990 <= year <= 2100:
                    ends.add(month_end(year, months))
            except (ValueError, IndexError):
                continue
    return tuple(sorted(ends))
