"""Which pages the browser measures: one page of every template the site uses, and the pages whose
markup showed something the browser should confirm.

Every harvested page is judged from its markup by the checks (alternative text, labels, skip links,
a viewport that forbids zooming …); what only a browser can judge (focus, contrast, motion, zoom,
forms sent wrongly) is a property of the page's *template* far more than of its text. Pages are
grouped by structure: the set of element paths (tag and first class, from ``<body>`` down to a few
levels) a page is built of — a news item and another news item share it, a news item and the
contact page do not. Two pages belong to the same template when their sets overlap by at least
``similarity`` (Jaccard). The home page always leads its group.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import lxml.html

DEPTH = 6


def structure(html: str) -> frozenset[str]:
    """The element paths a page is built of (what its template decides, not its text)."""
    try:
        root = lxml.html.fromstring(html or "<html/>")
    except (ValueError, lxml.etree.ParserError):
        return frozenset()
    body = root.find("body") if root.tag != "body" else root
    if body is None:
        return frozenset()
    out: set[str] = set()

    def walk(element: lxml.html.HtmlElement, path: str, depth: int) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child.tag in ("script", "style", "noscript", "template", "br"):
                continue
            classes = (child.get("class") or "").split()
            token = (
                child.tag + ("." + classes[0] if classes else "") + ("#" + child.get("id") if child.get("id") else "")
            )
            here = f"{path}>{token}"
            out.add(here)
            if depth < DEPTH:
                walk(child, here, depth + 1)

    walk(body, "body", 1)
    return frozenset(out)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@dataclass
class Template:
    pages: list[str] = field(default_factory=list)
    shape: frozenset[str] = frozenset()

    @property
    def representative(self) -> str:
        return self.pages[0]


def templates(pages: Sequence[tuple[str, str]], home: str | None = None, threshold: float = 0.75) -> list[Template]:
    """``(url, html)`` pages grouped by structure, in the order first met (the home page first)."""
    ordered = sorted(pages, key=lambda p: p[0] != home) if home else list(pages)
    groups: list[Template] = []
    for url, html in ordered:
        shape = structure(html)
        best = max(groups, key=lambda g: similarity(g.shape, shape), default=None)
        if best is not None and similarity(best.shape, shape) >= threshold:
            best.pages.append(url)
        else:
            groups.append(Template([url], shape))
    return groups


@dataclass(frozen=True)
class Choice:
    """What the browser measures, and why each page."""

    urls: list[str]
    reasons: dict[str, str]
    templates: int
    pages: int


def choose(
    pages: Sequence[tuple[str, str]],
    home: str | None,
    confirm: Mapping[str, str],
    max_templates: int,
    max_confirm: int,
    threshold: float = 0.75,
) -> Choice:
    """One page per template (at most ``max_templates``), then the pages the markup flagged
    (``confirm``: URL → what to confirm; at most ``max_confirm``)."""
    groups = templates(pages, home, threshold)
    urls: list[str] = []
    reasons: dict[str, str] = {}
    for n, group in enumerate(groups[:max_templates]):
        urls.append(group.representative)
        reasons[group.representative] = f"template {n + 1} of {len(groups)} ({len(group.pages)} page(s))"
    extra = [u for u in confirm if u not in reasons][:max_confirm]
    for url in extra:
        urls.append(url)
        reasons[url] = f"to confirm: {confirm[url]}"
    return Choice(urls, reasons, len(groups), len(pages))
