"""What Appendix 14's interactive rows 4.4 and 4.6 look for on a page, recognised as state-body sites
show it (the rows themselves are judged in :mod:`ashyq.checks.accessibility.interactive`).

**4.4, «раздел FAQ, сформированный из поступивших вопросов».** An FAQ is a heading that names it
(«Жиі қойылатын сұрақтар», «Сұрақ-жауап», «Часто задаваемые вопросы», «Вопрос-ответ» …: the
``faq`` labels) over questions that are answered. It is seldom a page of its own: most often a
block (``h2``) on the citizens' or appeals page, its questions in ``dl``/``dt``, ``details``/
``summary`` or bold lines; on a website builder's page, a block's title (a ``div`` holding the name alone) over
the accordion of the next block. A question is a sentence ending in «?» with the answer's text after it;
a heading over a placeholder («Ақпарат дайындалуда», «Бөлім толықтырылуда») or over a submission
form alone (row 4.1's «вопрос-ответ» with its form) answers no question and is no FAQ.

**4.6, «счетчики посещений».** A counter the visitor sees, wherever the template puts it (footer,
side column): a number of visits after one of the ``counter`` words («Посетителей: 1 284 566»,
«Келушілер саны: 48 911»); the figures of a counter printed without that word, a period's count
beside the total («Бүгін: 37 · Барлығы: 51 204», «Сегодня: 112 | Всего: 3 456 789»: two of the
``counter_periods`` words, each with its number, side by side); or a counter's image (a counter
service's badge, or an image the page itself names a counter: «счётчик», «есептегіш», «counter»),
which a link to a counter service also marks; or a number of views with the number first, as a wiki's
footer prints it: followed by what it counts («12 408 просмотров») or by «раз», «рет», «times» in a
sentence saying the page was viewed («К этой странице обращались 48 211 раз», «Бұл бетті 48 211 рет
қараған»). A single «Всего: 25» in a text, or «2 раза в месяц», is no counter.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ashyq.base.text import matches_label, normalise, squash
from ashyq.checks.accessibility.website import Parsed, main_text

# ------------------------------------------------------------------------------------------- 4.4
_HEADINGS = ("h1", "h2", "h3", "h4")
_ANSWER_LETTERS = 10  # letters after a question mark that make an answer, not a stray «?»
_BODY_LETTERS = 40  # letters under a heading with no question mark that may still be an FAQ's text


@dataclass(frozen=True)
class FaqBlock:
    """A heading that names an FAQ and the questions answered under it."""

    selector: str
    heading: str
    questions: int
    quote: str


def _level(tag: str) -> int:
    return int(tag[1]) if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit() else 0


_HEADER_BOX = re.compile(r"header|title|heading", re.I)


def under_heading(heading: Any) -> list[Any]:
    """The elements after a heading up to the next heading of its level or higher (its section). A
    heading that closes its own box (a CMS's ``<div class="page-header"><h2>…</h2></div>``), or sits in
    an entry's header box beside its date line (``<header class="entry-header"><h1>…</h1><div
    class="entry-meta">…</div></header>``), heads what follows the box too: the section reads on after
    each box the heading opens, up to the page's content block."""
    level = _level(heading.tag)
    start: Any = heading
    out: list[Any] = []
    while True:
        for sibling in start.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if 0 < _level(sibling.tag) <= level:
                return out
            out.append(sibling)
        box = start.getparent()
        if (
            box is None
            or box.tag in ("body", "main", "article", "html")
            or squash(" ".join(main_text(e) for e in start.itersiblings(preceding=True) if isinstance(e.tag, str)))
            or (any(isinstance(s.tag, str) for s in start.itersiblings()) and not _header_box(box))
        ):
            return out
        start = box


def _header_box(box: Any) -> bool:
    return box.tag == "header" or bool(_HEADER_BOX.search(box.get("class") or ""))


def answered_questions(text: str) -> int:
    """Questions with an answer after them: each «?» followed by at least a few words of text."""
    parts = text.split("?")
    return sum(1 for part in parts[1:] if len(re.findall(r"[^\W\d_]", part)) >= _ANSWER_LETTERS)


def faq_block(p: Parsed, vocabulary: list[str], pending: list[str]) -> FaqBlock | None:
    """The page's FAQ block with the most answered questions, or None. A heading over text that holds
    no question mark (questions written without one, or words about the section) is kept with none
    (the check doubts it); over a placeholder (``pending``) or a form alone it is no FAQ."""
    best: FaqBlock | None = None
    for heading, content in _titled_blocks(p):
        title = squash(heading.text_content())
        if not title or len(title) > 80 or not matches_label(_dashes(title), [_dashes(v) for v in vocabulary]):
            continue
        body = squash(" ".join(main_text(e) for e in content if e.tag != "form"))
        questions = answered_questions(body)
        if not questions and (len(re.findall(r"[^\W\d_]", body)) < _BODY_LETTERS or _pending(body, pending)):
            continue
        if best is None or questions > best.questions:
            best = FaqBlock(heading.tag, title, questions, squash(f"{title}: {body}")[:200])
    if best is None:
        best = _builder_titled(p, vocabulary)
    return best


_TITLE_TAGS = ("div", "p", "span", "strong", "b", "td")
_NOT_TITLE_INSIDE = ("a", "nav", "header", "footer", "button", "label", "form")
_INLINE = ("b", "strong", "span", "em", "i", "br")
_AFTER_BLOCKS, _AFTER_CHARS = 12, 6000  # how far the text under a builder's title is read


def _builder_titled(p: Parsed, vocabulary: list[str]) -> FaqBlock | None:
    """An FAQ titled as website builders title a block: a ``div`` (``p``, ``span``) whose whole text is the FAQ's
    name («Часто задаваемые вопросы») and holds nothing but text, outside any link, menu, header or form, over
    two answered questions or more in what follows it on the page (a builder's accordion of questions in the
    next block). Read only where no heading names the FAQ, and only with its questions answered."""
    names = [_dashes(v) for v in vocabulary]
    for element in p.root.iter(*_TITLE_TAGS):
        title = squash(element.text_content())
        if not title or len(title) > 80 or not matches_label(_dashes(title), names, exact=True):
            continue
        if any(isinstance(c.tag, str) and c.tag not in _INLINE for c in element.iterdescendants()):
            continue
        if any(a.tag in _NOT_TITLE_INSIDE for a in element.iterancestors()):
            continue
        body = squash(" ".join(main_text(e) for e in _after(element) if e.tag != "form"))
        questions = answered_questions(body)
        if questions >= 2:
            return FaqBlock(element.tag, title, questions, squash(f"{title}: {body}")[:200])
    return None


def _after(title: Any) -> list[Any]:
    """What follows an element on its page, up to the next heading (``h1``-``h4``) and within
    :data:`_AFTER_BLOCKS` blocks and :data:`_AFTER_CHARS` characters: its next siblings, then its box's."""
    out: list[Any] = []
    chars, start = 0, title
    while start is not None and start.tag not in ("body", "main", "html"):
        for sibling in start.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if sibling.tag in _HEADINGS or next(sibling.iter(*_HEADINGS), None) is not None:
                return out
            out.append(sibling)
            chars += len(main_text(sibling))
            if len(out) >= _AFTER_BLOCKS or chars >= _AFTER_CHARS:
                return out
        start = start.getparent()
    return out


def _titled_blocks(p: Parsed) -> Iterator[tuple[Any, list[Any]]]:
    """The page's titled blocks and what each title heads: a heading and its section (:func:`under_heading`); a
    closed block's ``<summary>`` and the rest of its ``<details>``; a tab (``role=tab``) and the panel it
    controls (``aria-controls``). A long page of collapsed parts or tabs titles its parts so."""
    for heading in p.root.iter(*_HEADINGS):
        yield heading, under_heading(heading)
    for summary in p.root.iter("summary"):
        yield summary, [e for e in summary.itersiblings() if isinstance(e.tag, str)]
    for tab in p.root.xpath("//*[@role='tab'][@aria-controls]"):
        panels = p.root.xpath("//*[@id=$id]", id=tab.get("aria-controls"))
        if panels:
            yield tab, panels[:1]


def _dashes(text: str) -> str:
    """A dash between two words written as the writer chose («Вопрос – ответ», «Вопрос-ответ», «Сұрақ —
    жауап») read as one hyphen."""
    return re.sub(r"\s*[-\u2010-\u2015]\s*", "-", text)


def _pending(text: str, phrases: list[str]) -> bool:
    """Text that announces content not there yet («Ақпарат дайындалуда», «Раздел в разработке»)."""
    said = normalise(text)
    return any(normalise(phrase) in said for phrase in phrases)


# ------------------------------------------------------------------------------------------- 4.6
COUNTER_SERVICES = re.compile(
    r"mc\.yandex\.ru|informer\.yandex|liveinternet\.ru|counter\.yadro|top100|zero\.kz|hotlog|"
    r"google-analytics\.com|googletagmanager\.com|metrika",
    re.I,
)
_NUMBER = r"\d[\d\s\u00a0\u202f.,]*"


def _pixel(img: Any) -> bool:
    """A tracking image no one sees: inside ``<noscript>``, hidden, or one pixel."""
    style = (img.get("style") or "").replace(" ", "").lower()
    tiny = any((img.get(dim) or "").strip() in ("0", "1", "1px") for dim in ("width", "height"))
    return tiny or "display:none" in style or "visibility:hidden" in style or bool(img.xpath("ancestor::noscript"))


def counted(text: str, vocabulary: list[str]) -> bool:
    """A number of visits printed as text: one of the counter's words with a number right after it, in
    the same sentence («Просмотров сайта: 1 204 356», «Посетителей сегодня: 1 312», «Сайтқа кірушілер
    саны: 48 911»; not «…қорытындылары қаралды. Мұрағат: 2019»)."""
    lowered = text.lower()
    for word in vocabulary:
        at = lowered.find(word.lower())
        while at >= 0:
            if re.match(r"[^\d.!?;]{0,25}\d", text[at + len(word) : at + len(word) + 30]):  # no sentence between
                return True
            at = lowered.find(word.lower(), at + 1)
    return False


def _words(words: list[str]) -> str:
    return "|".join(re.escape(normalise(w)) for w in sorted(words, key=len, reverse=True))


def times_viewed(text: str, views: list[str], times: list[str], nouns: list[str]) -> bool:
    """A number of views printed with the number first, as page-view counters word it: the number followed by
    what it counts («12 408 просмотров», «48 211 views»: the ``counter_after`` words), or by «раз», «рет»,
    «times» in a sentence that says the page was viewed (a ``counter_views`` word: «К этой странице обращались
    48 211 раз», «Бұл бетті 48 211 рет қараған», «This page has been accessed 48,211 times»). A number of
    times that counts no view («Приём граждан 2 раза в месяц»), or «рет» with no number before it («соңғы рет
    2026 жылғы 16 қарашада»), is none."""
    number = r"(?<![\w.,])\d(?:[\d ,.]*\d)?\s*"
    for sentence in re.split(r"[.!?;](?=\s|$)", normalise(text)):
        if re.search(rf"{number}({_words(nouns)})(?!\w)", sentence):
            return True
        if re.search(rf"{number}({_words(times)})(?!\w)", sentence) and re.search(
            rf"(?<!\w)({_words(views)})(?!\w)", sentence
        ):
            return True
    return False


def labelled_figures(text: str, periods: list[str]) -> bool:
    """Two of a counter's figures side by side without the word «visitors»: a period's count and
    another (today and the total), each word followed by a colon and its number, within a short span."""
    words = "|".join(re.escape(normalise(w)) for w in sorted(periods, key=len, reverse=True))
    found = [m for m in re.finditer(rf"(?<!\w)({words})\s*[:\-–—]\s*{_NUMBER}", normalise(text))]
    return any(b.start() - a.end() <= 20 and a.group(1) != b.group(1) for a, b in itertools.pairwise(found))


def _named_counter(img: Any, names: list[str]) -> bool:
    said = " ".join((img.get(k) or "") for k in ("src", "alt", "title")).lower()
    link = next(iter(img.xpath("ancestor::a[@href][1]")), None)
    to_service = link is not None and bool(COUNTER_SERVICES.search(link.get("href") or ""))
    return bool(COUNTER_SERVICES.search(img.get("src") or "")) or to_service or any(n.lower() in said for n in names)


_CONTENT = re.compile(r"content|news|article|post", re.I)


def _in_content(element: Any) -> bool:
    """Inside the page's main content (``main``, ``article``, a content or news block), not the
    template's frame around it (header, side column, footer)."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("main", "article"):
            return True
        if ancestor.tag != "body" and _CONTENT.search(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            return True
    return element.tag != "footer" and bool(_CONTENT.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


@dataclass(frozen=True)
class CounterWords:
    """How a counter printed as text is worded (the ``counter…`` labels): the words a number follows, the
    period words of its figures, the words naming a counter's image, and, with the number first, the words it
    is followed by, the words of times and the verbs saying a page was viewed."""

    before: list[str]
    periods: list[str]
    images: list[str]
    after: list[str]
    times: list[str]
    views: list[str]


COUNTER_LINE_CHARS = 80  # a line of its own, no sentence of a text
VIEWS_OF_AN_ITEM = re.compile(r"(?i)просмотр|қарал|view")  # what a news item counts of itself, not the site's visitors


def counter_line(text: str, words: CounterWords) -> bool:
    """A counter set out as a line of its own in a page's content (a phone site's «more» page, «Бүгін: 87 · Барлық
    келушілер: 41 926»): short, and its figures labelled with a colon, a period's and another's, or the visitors'
    word's («Посетителей: 1 284 566»). A text counting its own views («Просмотров: 15» under a news item) names no
    visitors and counts here only with two period figures."""
    if len(text) > COUNTER_LINE_CHARS:
        return False
    visitors = [w for w in words.before if not VIEWS_OF_AN_ITEM.search(w)]
    labelled = re.search(rf"(?<!\w)({_words(visitors)})\s*:\s*\d", normalise(text))
    return labelled is not None or labelled_figures(text, words.periods)


def visible_counter(p: Parsed, words: CounterWords) -> tuple[str, str] | None:
    """A counter the visitor sees: a number of visits labelled as such (the word before it or after it, or
    the page said to be viewed so many times), a counter's figures, or a counter's image."""
    for element in p.root.iter("div", "p", "span", "td", "li", "footer", "small", "aside", "section"):
        text = main_text(element)
        if len(text) > 400:
            continue
        if _in_content(element) and not counter_line(text, words):
            continue  # the page's own text: a news item's views are no site counter
        if (
            counted(text, words.before)
            or labelled_figures(text, words.periods)
            or times_viewed(text, words.views, words.times, words.after)
        ):
            return element.tag, text[:120]
    for img in p.root.iter("img"):
        if img.get("src") and not _pixel(img) and _named_counter(img, words.images):
            return "img[src]", str(img.get("alt") or img.get("src"))[:120]
    return None


def hidden_counter(p: Parsed) -> tuple[str, str] | None:
    """A web-analytics script (or its tracking pixel) that counts visits and shows nothing."""
    for element in p.select("script[src], script, img[src]"):
        source = (element.get("src") or "") + (element.text or "")[:2000]
        found = COUNTER_SERVICES.search(source)
        if found:
            return element.tag, found.group(0)
    return None
