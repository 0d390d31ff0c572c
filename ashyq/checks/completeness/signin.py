"""A page that answers with a sign-in form instead of its material: the material is not published.

The 2017 order's Appendices 15 and 16 score the information a state body *places* on its internet resource, and the Law
«О доступе к информации» makes that information open to anyone: a page whose own content is a form asking for a
password («Для продолжения войдите через eGov», «Жалғастыру үшін жүйеге кіріңіз») gives a visitor - the assessor
among them - nothing but the sign-in. Its title or heading names the material («Исполнение бюджета на 1 ноября 2026
года») without showing it, so the page is no content for the completeness checks (:func:`sign_in_wall`), and a link
to it is a link the reader cannot follow to the material (:func:`walled_addresses`), as a link to a missing page is.

The form must stand in the page's own content: a sign-in form of the site's header, side panel or footer (a
«Личный кабинет» drop-down on every page) beside material is not a wall, and a page giving text of its own beside the
form (more than :data:`OWN_WORDS` words outside it and outside the template's header, navigation, side panel and
footer) is read as a page.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml.html import HtmlElement

from ashyq.base.artifacts import PageSnapshot
from ashyq.base.text import element_text, parse_html, squash

OWN_WORDS = 60  # words of its own a page gives beside the form (a sentence on what the sign-in is for is fewer)
# the template's parts around the content: a form there is the site's, not the page's
_AROUND = ("header", "nav", "footer", "aside")


def sign_in_wall(html: str) -> str | None:
    """The heading (or title) of a page whose own content is a sign-in form asking for a password, None for any other
    page."""
    if "password" not in html.lower():
        return None  # no password field anywhere: read no further
    root = parse_html(html)
    if root is None:
        return None
    mains = root.xpath("//main | //*[@role='main']")
    content = mains[0] if mains else root.find(".//body")
    if content is None:
        return None
    forms = [
        f
        for f in content.iter("form")
        if f.xpath(".//input[@type='password']") and not f.xpath(" | ".join(f"ancestor::{t}" for t in _AROUND))
    ]
    if not forms:
        return None
    own = [e for e in content.iter() if e.tag in _AROUND or e.get("role") == "navigation" or e.tag == "form"]
    words = len(element_text(content).split()) - sum(len(element_text(e).split()) for e in own if _outermost(e, own))
    if words > OWN_WORDS:
        return None
    heading = content.find(".//h1")
    title = root.findtext(".//title") or ""
    return squash(element_text(heading) if heading is not None else title) or "sign-in"


def _outermost(element: HtmlElement, among: list[HtmlElement]) -> bool:
    """Whether no other element of ``among`` holds this one (its words are counted once)."""
    return not any(parent in among for parent in element.iterancestors())


# The last body's walled addresses: every section and language of the completeness checks asks for them.
_LAST: list[tuple[Sequence[PageSnapshot], int, frozenset[str]]] = []


def walled_addresses(pages: Sequence[PageSnapshot]) -> frozenset[str]:
    """The addresses of the pages that answered with a sign-in wall (:func:`sign_in_wall`), lower case; read once
    for a body's pages."""
    if _LAST and _LAST[0][0] is pages and _LAST[0][1] == len(pages):
        return _LAST[0][2]
    walled = frozenset(p.url.lower() for p in pages if p.is_html and p.status < 400 and sign_in_wall(p.html))
    _LAST[:] = [(pages, len(pages), walled)]
    return walled
