"""Shared text helpers: normalisation, Kazakh-or-Russian detection, keyword matching, HTML to text.
The one place text is folded for comparison: no other module keeps its own normaliser.

* :func:`squash` — runs of white space (non-breaking spaces included) as one space, trimmed: how
  text read from a page or a portal is stored; :func:`trim` also cuts it to a snippet's length.
* :func:`normalise` — :func:`squash` plus lower case, ``ё`` → ``е``, typographic quotes and dashes
  unified: what keyword and label matching compares.
* :func:`matches_label` — whether a text is (or contains) one of a vocabulary's labels.
* :func:`element_text` — an lxml element's text with a space between its descendants' texts.
* :func:`detect_lang` — ``"kk"`` when the letters only Kazakh has (ә ғ қ ң ө ұ ү һ і) are frequent
  enough, ``"ru"`` for other Cyrillic text, ``None`` when there is too little text to tell.
* :func:`compile_keyword`, :func:`find_keyword` — keywords as stems, matched at word starts.
* :func:`fold_kazakh` — Kazakh text in one spelling for matching: the letters only Kazakh has
  folded onto the Russian ones old fonts and keyboards put in their place (``қ`` → ``к``, ``ә`` → ``а``,
  ``і`` and a Latin ``i`` → ``и`` …), so «Бiз туралы», «Біз туралы» and «Биз туралы» read alike;
  ``compile_keyword(…, kazakh=True)`` also lets a stem's last consonant voice before a suffix, as
  Kazakh spells it (``жаңалық`` → ``жаңалығы``, ``кітап`` → ``кітабы``).
* :func:`html_parts` — the title, the main text and the link hrefs of an HTML document, with the
  site's navigation, header and footer taken out (a menu on every page is not content);
  :func:`parse_html` and :func:`parts_of` do the same in two steps, for a reader that parses a page
  once and reads it several ways.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import lxml.html
from lxml import etree

from ashyq.base.morphology import russian_forms

__all__ = [
    "HtmlParts",
    "compile_keyword",
    "detect_lang",
    "element_text",
    "find_keyword",
    "fold_kazakh",
    "html_parts",
    "html_to_text",
    "matches_label",
    "normalise",
    "parse_html",
    "parts_of",
    "squash",
    "trim",
]

KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]")
_TRANSLATE = str.maketrans(
    {
        "ё": "е",
        "\u00a0": " ",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "\u2011": "-",
        "’": "'",
        "ʼ": "'",
    }
)
_SPACES = re.compile(r"\s+")
# A Latin i (or dotless ı) or schwa between Cyrillic letters is the Kazakh letter a font lacked.
_LATIN_IN_CYRILLIC = re.compile(r"(?<=[а-яёәғқңөұүһі])[iıə]+|[iıə]+(?=[а-яёәғқңөұүһі])")
_LATIN_TO_KAZAKH = {"i": "і", "ı": "і", "ə": "ә"}
_KAZAKH_FOLD = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и"})
# Final consonants Kazakh voices before a vowel suffix (folded spelling): к/қ → г/ғ, п → б.
_VOICED = {"к": "[кг]", "п": "[пб]"}


def squash(text: object) -> str:
    """White space folded: every run of spaces, tabs, line breaks and non-breaking spaces is one space,
    and none at either end (``None`` is the empty text)."""
    return _SPACES.sub(" ", str(text) if text is not None else "").strip()


def trim(text: str, limit: int = 240) -> str:
    """A snippet: white space folded (:func:`squash`), cut to ``limit`` characters with an ellipsis."""
    text = squash(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def normalise(text: object) -> str:
    """What matching compares: NFC, lower case, ``ё`` → ``е``, one kind of quote and dash, single spaces."""
    text = str(text) if text is not None else ""
    return _normalised_short(text) if len(text) <= SHORT_TEXT else _normalised(text)


SHORT_TEXT = 300  # a label, a heading, a vocabulary word: the checks read the same ones again and again


@lru_cache(maxsize=1 << 15)
def _normalised_short(text: str) -> str:
    """:func:`normalise` of a short text, kept (at most 32,768 of them, none longer than :data:`SHORT_TEXT`)."""
    return _normalised(text)


def _normalised(text: str) -> str:
    folded = unicodedata.normalize("NFC", text).lower().translate(_TRANSLATE)
    folded = _LATIN_IN_CYRILLIC.sub(lambda m: "".join(_LATIN_TO_KAZAKH[ch] for ch in m.group(0)), folded)
    return _SPACES.sub(" ", folded).strip()


def fold_kazakh(text: object) -> str:
    """:func:`normalise`, then the Kazakh letters folded onto their Russian look-alikes: the one
    spelling Kazakh keywords and Kazakh text are compared in (see the module's notes)."""
    return normalise(text).translate(_KAZAKH_FOLD)


def matches_label(text: str | None, labels: Iterable[str], exact: bool = False) -> bool:
    """Whether ``text`` is one of the labels or, unless ``exact``, contains one longer than three
    letters (a menu item «Часто задаваемые вопросы» contains the label «вопросы»); both normalised."""
    have = normalise(text)
    if not have:
        return False
    for label in labels:
        want = normalise(label)
        if have == want or (not exact and len(want) > 3 and want in have):
            return True
    return False


def detect_lang(text: str, min_letters: int = 20) -> str | None:
    """``kk`` or ``ru`` by letters; ``None`` with fewer than ``min_letters`` Cyrillic letters.

    Kazakh prose has one of its own letters every few words (about 5-10 % of letters); a Russian
    text has none, save the odd quoted Kazakh name — hence the 4 % threshold rather than "any".
    """
    letters = _CYRILLIC.findall(text.lower())
    if len(letters) < min_letters:
        return None
    own = sum(1 for ch in letters if ch in KAZAKH_LETTERS)
    return "kk" if own / len(letters) >= 0.04 else "ru"


@functools.lru_cache(maxsize=8192)
def compile_keyword(keyword: str, kazakh: bool = False) -> re.Pattern[str]:
    """A keyword as a pattern over normalised text: each word a stem (``результат проверок`` matches
    ``результаты проверок``), ``$`` ends a word (``ту$`` is not ``туралы``), ``re:`` a raw expression.
    A Russian word the dictionary knows (not one ending in ``$``) also matches the other forms of its
    paradigm, whole (``итог проверок`` matches ``итоги проверки``: :mod:`ashyq.base.morphology`).

    With ``kazakh`` the keyword is for :func:`fold_kazakh`-ed text: folded itself, and a stem of four
    letters or more may end in the voiced consonant a suffix brings (``жаналык`` matches ``жаналыгы``)."""
    if keyword.startswith("re:"):
        expression = keyword[3:]
        return re.compile(expression.translate(_KAZAKH_FOLD) if kazakh else expression)
    parts = []
    for token in (fold_kazakh(keyword) if kazakh else normalise(keyword)).split(" "):
        whole = token.endswith("$")
        stem = token[:-1] if whole else token
        forms = () if kazakh or whole else russian_forms(stem)  # «бюджет$» is that word only
        if kazakh and not whole and len(token) >= 4 and token[-1] in _VOICED:
            pattern = re.escape(token[:-1]) + _VOICED[token[-1]] + r"\w*"
        else:
            pattern = re.escape(stem) + (r"(?!\w)" if whole else r"\w*")
        if forms:
            pattern = f"(?:{pattern}|(?:{'|'.join(map(re.escape, forms))})(?!\\w))"
        parts.append(pattern)
    return re.compile(r"(?<!\w)" + r"[\s,.:;()\"-]+".join(parts))


def find_keyword(normalised_text: str, keywords: Iterable[str]) -> str | None:
    """The first keyword (see :func:`compile_keyword`) found in the normalised text."""
    for keyword in keywords:
        if compile_keyword(keyword).search(normalised_text):
            return keyword
    return None


@dataclass(frozen=True)
class HtmlParts:
    title: str  # the h1, else <title>
    main_text: str  # the content without navigation, header, footer and scripts
    full_text: str  # everything a visitor reads, image alternatives included (contacts sit in footers)
    hrefs: tuple[str, ...]


_NOT_CONTENT = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside")


# the elements a header or footer heads or closes when it stands inside one (HTML: then it is that part's, not the
# page's banner or its contentinfo): a portlet's title bar, an article's title and date
SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})


def not_content(element: lxml.html.HtmlElement) -> bool:
    """Whether an element of :data:`_NOT_CONTENT`'s kinds is outside the page's content: scripts, navigation and
    asides always; a header or footer only when it is the page's own (no article, section or main holds it)."""
    if element.tag not in ("header", "footer"):
        return True
    return not any(isinstance(a.tag, str) and a.tag in SECTIONING for a in element.iterancestors())


def drop_not_content(root: lxml.html.HtmlElement) -> None:
    """Take out of the tree what is outside the page's content (:func:`not_content`): scripts, navigation, asides,
    the page's own header and footer, and jump menus (:func:`jump_menu`)."""
    for element in [e for e in root.iter(*_NOT_CONTENT) if not_content(e)]:
        if element.getparent() is not None:
            element.drop_tree()
    for menu in [m for m in (jump_menu(s) for s in root.iter("select")) if m is not None]:
        if menu.getparent() is not None:
            menu.drop_tree()


JUMP_OPTIONS = 2  # a select offering this many addresses to go to is a menu


def jump_menu(select: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The jump menu a ``select`` is, when its options' values are addresses («/ru/proverki», «https://…»: chosen,
    the browser goes there): its form (a label and a «Перейти» / «Өту» button beside it), else itself; None for a
    select of values (a year, a type to filter by). A menu is the site's navigation, not the page's content."""
    values = [str(o.get("value") or "").strip() for o in select.iter("option")]
    if sum(1 for v in values if v.startswith(("/", "http://", "https://"))) < JUMP_OPTIONS:
        return None
    form = next((a for a in select.iterancestors("form")), None)
    if form is not None and not form.xpath(".//textarea | .//input[not(@type) or @type='text' or @type='search']"):
        return form
    return select


def element_text(element: lxml.html.HtmlElement) -> str:
    """The element's text with a space between its descendants' texts (``text_content`` glues
    "<li>a</li><li>b</li>", and "граждан" and "12.11.2026" of neighbouring elements, into one word)."""
    return squash(" ".join(element.itertext()))


XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)  # an XHTML page's «<?xml … encoding=… ?>» opening


def without_xml_declaration(html: str) -> str:
    """The page's text without an XML declaration (a PDA or WAP version's XHTML opens with one): browsers
    read such a page as HTML, and the HTML parser refuses a decoded text that declares an encoding."""
    return XML_DECLARATION.sub("", html, count=1) if html.lstrip().startswith("<?") else html


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """The document's tree, or None for what is empty or not HTML (one parse a page: the readers
    below take the tree, so a caller reading a page several ways parses it once)."""
    if not html.strip():
        return None
    try:
        return lxml.html.fromstring(without_xml_declaration(html))
    except (etree.ParserError, ValueError):
        return None


def html_parts(html: str) -> HtmlParts:
    root = parse_html(html)
    return parts_of(root) if root is not None else HtmlParts("", "", "", ())


def parts_of(root: lxml.html.HtmlElement) -> HtmlParts:
    """:func:`html_parts` of a parsed document. It takes scripts, navigation, header, footer and
    asides out of the tree it is given (what is left is the content)."""
    hrefs = tuple(str(a.get("href")) for a in root.iter("a") if a.get("href"))
    heading = root.find(".//h1")
    title = element_text(heading) if heading is not None else (root.findtext(".//title") or "")
    for element in list(root.iter("script", "style", "noscript", "template")):
        if element.getparent() is not None:
            element.drop_tree()
    alts = " ".join(str(img.get("alt")) for img in root.iter("img") if img.get("alt"))
    full_text = squash(element_text(root) + " " + alts)
    drop_not_content(root)
    main = root.find(".//main") if root.find(".//main") is not None else root
    return HtmlParts(squash(title), element_text(main), full_text, hrefs)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment (an API's ``content``/``body`` field), tags removed."""
    if "<" not in html:
        return squash(html)
    try:
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return squash(re.sub(r"<[^>]+>", " ", html))
    return element_text(fragment)
