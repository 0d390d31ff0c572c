"""Shared text helpers: normalisation, Kazakh-or-Russian detection, keyword matching, HTML to text.

* :func:`normalise` — lower case, ``ё`` → ``е``, non-breaking spaces and runs of white space folded,
  typographic quotes and dashes unified: what keyword matching compares.
* :func:`detect_lang` — ``"kk"`` when the letters only Kazakh has (ә ғ қ ң ө ұ ү һ і) are frequent
  enough, ``"ru"`` for other Cyrillic text, ``None`` when there is too little text to tell.
* :func:`compile_keyword`, :func:`find_keyword` — keywords as stems, matched at word starts.
* :func:`html_parts` — the title, the main text and the link hrefs of an HTML document, with the
  site's navigation, header and footer taken out (a menu on every page is not content).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import lxml.html
from lxml import etree

__all__ = ["HtmlParts", "compile_keyword", "detect_lang", "find_keyword", "html_parts", "html_to_text", "normalise"]

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


def normalise(text: str) -> str:
    """What matching compares: NFC, lower case, ``ё`` → ``е``, one kind of quote and dash, single spaces."""
    text = unicodedata.normalize("NFC", text).lower().translate(_TRANSLATE)
    return _SPACES.sub(" ", text).strip()


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


def compile_keyword(keyword: str) -> re.Pattern[str]:
    """A keyword as a pattern over normalised text: each word a stem (``результат проверок`` matches
    ``результаты проверок``), ``$`` ends a word (``ту$`` is not ``туралы``), ``re:`` a raw expression."""
    if keyword.startswith("re:"):
        return re.compile(keyword[3:])
    parts = []
    for token in normalise(keyword).split(" "):
        parts.append(re.escape(token[:-1]) + r"(?!\w)" if token.endswith("$") else re.escape(token) + r"\w*")
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


def _text_of(element: lxml.html.HtmlElement) -> str:
    """The element's text with a space between elements (``text_content`` glues "<li>a</li><li>b</li>")."""
    return " ".join(" ".join(element.itertext()).split())


def html_parts(html: str) -> HtmlParts:
    if not html.strip():
        return HtmlParts("", "", "", ())
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return HtmlParts("", "", "", ())
    hrefs = tuple(str(a.get("href")) for a in root.iter("a") if a.get("href"))
    heading = root.find(".//h1")
    title = _text_of(heading) if heading is not None else (root.findtext(".//title") or "")
    for element in list(root.iter("script", "style", "noscript", "template")):
        if element.getparent() is not None:
            element.drop_tree()
    alts = " ".join(str(img.get("alt")) for img in root.iter("img") if img.get("alt"))
    full_text = " ".join((_text_of(root) + " " + alts).split())
    for element in list(root.iter(*_NOT_CONTENT)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    main = root.find(".//main") if root.find(".//main") is not None else root
    return HtmlParts(" ".join(title.split()), _text_of(main), full_text, hrefs)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment (an API's ``content``/``body`` field), tags removed."""
    if "<" not in html:
        return " ".join(html.split())
    try:
        fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return _text_of(fragment)
