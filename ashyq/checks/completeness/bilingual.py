"""Pages that carry both languages: one page, two language versions.

Some small bodies' sites put the Kazakh and the Russian text on the same page (two columns, or one after
the other), each part marked with its own ``lang`` attribute as HTML asks of a page in more than one
language. The appendices judge each language's version on its own (Appendix 14 rows 4.x, the per-language
verdicts of Appendix 15, Appendix 16 and Table 7), so such a page is read as two pages: for each language,
the page without the parts marked as the other language. What no part marks (the template, a bilingual
menu) stays in both.

A page is bilingual only when both languages are marked on parts of it and each marked language holds
material (:data:`MATERIAL_CHARS` of text): a Russian page quoting the State Anthem in Kazakh (only the
Kazakh is marked), or a language switch whose two links carry ``lang``, stays one page of its own language.
A part marked inside a part of the other language (the anthem's Kazakh text in the Russian column) belongs
to the column that holds it: only the outermost marked parts are sorted.
"""

from __future__ import annotations

import copy
import re
from collections import Counter

import lxml.html

from ashyq.base.text import parse_html, squash

MATERIAL_CHARS = 200  # a marked language with less text than this is a quotation or a switch, not a version
CODES = {"kk": "kk", "kz": "kk", "kaz": "kk", "qq": "kk", "ru": "ru", "rus": "ru"}
_NOT_PARTS = frozenset({"html", "body", "head"})
# a cheap look before parsing: some element below <html> with a lang attribute of each language
_MARKED = re.compile(r"<(?!html\b)[a-z][a-z0-9]*\b[^>]*?\s(?:xml:)?lang\s*=\s*[\"']?(kk|kz|kaz|qq|ru|rus)\b", re.I)


def _marked(element: lxml.html.HtmlElement) -> str | None:
    value = str(element.get("lang") or element.get("xml:lang") or "").strip().lower()
    return CODES.get(re.split(r"[-_]", value, maxsplit=1)[0]) if value else None


def _outermost(root: lxml.html.HtmlElement) -> list[tuple[lxml.html.HtmlElement, str]]:
    """The marked parts not inside another marked part (the html and body elements are the page, no part)."""
    out = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_PARTS:
            continue
        lang = _marked(element)
        if lang is None:
            continue
        if any(_marked(a) for a in element.iterancestors() if a.tag not in _NOT_PARTS):
            continue
        out.append((element, lang))
    return out


def language_versions(html: str) -> dict[str, str] | None:
    """The page's Kazakh and Russian versions (each the page without the parts marked as the other
    language, its ``html`` element saying its language), or None when the page is not bilingual."""
    found = {m.group(1).lower() for m in _MARKED.finditer(html)}
    if not {CODES[c] for c in found} >= {"kk", "ru"}:
        return None
    root = parse_html(html)
    if root is None:
        return None
    held: Counter[str] = Counter()
    for element, lang in _outermost(root):
        if element.tag not in ("script", "style", "template"):
            held[lang] += len(squash(element.text_content()))
    if held["kk"] < MATERIAL_CHARS or held["ru"] < MATERIAL_CHARS:
        return None
    versions = {}
    for lang in ("kk", "ru"):
        tree = copy.deepcopy(root)
        for element, other in _outermost(tree):
            if other != lang:
                element.drop_tree()
        tree.set("lang", lang)
        versions[lang] = lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")
    return versions
