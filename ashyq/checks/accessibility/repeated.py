"""Appendix 14 row 3.7 («без потери веб-контента или функциональности интернет-ресурса»): whether a block a
zoomed layout hides holds content the site gives elsewhere — a column of teasers of news and announcements
whose items are on the site's own news pages, links the site lists on its other pages. Hiding such a
block at 200 % loses no content of the resource (the reader reaches each item by the site's other
pages); a block whose text is nowhere else (the only reception schedule) is lost."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from ashyq.base.artifacts import Measurement
from ashyq.base.text import squash
from ashyq.checks.accessibility.navigation import address_key
from ashyq.checks.accessibility.website import Parsed, main_text
from ashyq.checks.result import Result

LEAST_PIECE = 3  # a text piece shorter than this (a separator «·», «—») says nothing of its own


class Elsewhere:
    """The site's other pages, read once: their text and the addresses they link to, by the page that
    hides a block (a page carrying the same block is no other place to find it)."""

    def __init__(self, pages: list[Parsed]) -> None:
        self.pages = pages
        self._text: dict[int, str] = {id(p): p.text() for p in pages}
        self._links: dict[int, set[str]] = {}

    def _links_of(self, parsed: Parsed) -> set[str]:
        if id(parsed) not in self._links:
            self._links[id(parsed)] = {address_key(parsed.absolute(a.get("href", ""))) for a in parsed.anchors()}
        return self._links[id(parsed)]

    def page_of(self, url: str) -> Parsed | None:
        return next((p for p in self.pages if url in (p.page.url, p.page.final_url)), None)

    def given(self, m: Measurement, block: dict[str, Any]) -> bool:
        """Whether every piece of the hidden block's text is on another page of the site that does not carry
        the block, or is the label of a link whose target such a page (or the page itself, outside the block)
        links to, or of a link to another site. A block with a form (a function, not only content) or one not
        found in the page as harvested is not."""
        parsed = self.page_of(m.url)
        if parsed is None or block.get("form") or not block.get("selector"):
            return False
        found = parsed.select(str(block["selector"]))
        if not found:
            return False
        element, selector = found[0], str(block["selector"])
        own = main_text(element)
        others = [p for p in self.pages if p is not parsed and not _carries(p, selector, own, self._text[id(p)])]
        if not others:
            return False
        text = "\n".join(self._text[id(p)] for p in others)
        links = set().union(*(self._links_of(p) for p in others))
        # the page's own links outside the block stay shown at 200 %: what they lead to is reached
        links |= {
            address_key(parsed.absolute(a.get("href", "")))
            for a in parsed.anchors()
            if element not in a.iterancestors()
        }
        host = urlsplit(parsed.page.final_url or parsed.page.url).hostname
        labels: dict[str, str | None] = {}
        for anchor in element.iter("a"):
            label, target = squash(anchor.text_content()), parsed.absolute(anchor.get("href", ""))
            if label and anchor.get("href"):
                # a link to another site leads to that resource's content, there still, not to this one's
                outside = urlsplit(target).hostname not in (host, None)
                labels.setdefault(label, None if outside else address_key(target))
        pieces = [p for p in (squash(t) for t in element.itertext()) if len(p) >= LEAST_PIECE]
        return bool(pieces) and all(
            piece in text or (piece in labels and (labels[piece] is None or labels[piece] in links)) for piece in pieces
        )


def given_elsewhere(
    gone: list[tuple[Measurement, dict[str, Any]]], pages: list[Parsed]
) -> list[tuple[Measurement, dict[str, Any]]]:
    """The hidden blocks (measurement, block) whose content the site gives elsewhere (:meth:`Elsewhere.given`)."""
    if not gone:
        return []
    elsewhere = Elsewhere(pages)
    return [(m, b) for m, b in gone if elsewhere.given(m, b)]


def _carries(parsed: Parsed, selector: str, own: str, text: str) -> bool:
    """Whether the page carries the hidden block too, or the template's block in its place (the column of
    every page, each page's a little different): its text is in the page's, or the same selector finds an
    element there. What such a page shows is hidden on it as well, at 200 %."""
    return own in text or bool(parsed.select(selector))


def doubt_of_repeated(result: Result, repeated: list[tuple[Measurement, dict[str, Any]]]) -> Result:
    """A pass that counted hidden blocks of material the site gives elsewhere as no loss: uncertain, with the
    assessor's question (the page's own block is gone at 200 %, though nothing of the resource is)."""
    m, block = repeated[0]
    pages = len({x.url for x, _ in repeated})
    return result.uncertain(
        "other_reading",
        look_at=m.evidence(block.get("selector"), block.get("html")),
        quote=block.get("text") or None,
        detail=f"at 200 % the style sheet hides a block shown at 100 % ({block.get('selector')}) on {pages} page(s) "
        "and nothing shows it again, but all its text is on the site's other pages (teasers of its own news and "
        "announcements, links it lists elsewhere): counted as no loss of the resource's content; an assessor "
        "may count the block itself as lost",
        question={
            "ru": "При увеличении до 200 % скрывается блок, весь текст которого есть на других страницах сайта "
            "(анонсы его новостей и объявлений): теряется ли веб-контент интернет-ресурса (п. 3.7 приложения 14)?",
            "kk": "200 %-ға үлкейткенде мәтіні түгел сайттың басқа беттерінде бар блок жасырылады (жаңалықтары мен "
            "хабарландыруларының анонстары): интернет-ресурстың веб-контенті жоғала ма (14-қосымшаның 3.7-тармағы)?",
        },
    )
