"""Tabs and accordions: content a reader opens with one click, and the label that heads it.

Page-builder and template sites put a section's parts in panels - an accordion's hidden body under its
button, a row of tab labels over one panel each. The panels are in the page's HTML (``hidden``, ``display:
none`` until clicked): their content is shown on the page, and each panel's label is its heading, as a
``summary`` heads a ``details``. Read as plain text, a tab row is one line of labels far from the panels
it names, and an accordion's button is a word inside the running text: an indicator headed by the label
(«Промышленность», «Мемлекеттік Әнұран») is then not found where a reader finds it.

* A disclosure control - an element with ``aria-expanded``, an accordion's button - is a heading of what
  follows it.
* A tab label tied to its panel - ``aria-controls`` naming the panel's ``id``, a link ``#id``, or the same
  value of the same ``data-`` attribute on the label and on a later element (a page builder's
  ``data-tab="city-2"`` on both) - heads that panel: the label is read where its panel is, not in the row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.html

from ashyq.base.text import squash

LABEL_MAX_CHARS = 120  # a tab's or an accordion's label is a title, not a paragraph
MIN_TABS = 2  # one label tied to one element is no tab row


def _text(element: lxml.html.HtmlElement) -> str:
    return squash(" ".join(element.itertext()))


def disclosure(element: lxml.html.HtmlElement) -> bool:
    """An accordion's button: a short label that opens the content after it (``aria-expanded``), or a short label
    with a click handler over the panel after it the page hides until opened (a website builder's accordion item:
    ``<div onclick=…>Өнеркәсіп</div><div style="display:none">…</div>``)."""
    if element.get("aria-expanded") is None and not _opens_hidden_panel(element):
        return False
    text = _text(element)
    return 0 < len(text) <= LABEL_MAX_CHARS and any(ch.isalpha() for ch in text)


def _opens_hidden_panel(element: lxml.html.HtmlElement) -> bool:
    if not element.get("onclick"):
        return False
    panel = element.getnext()
    while panel is not None and not isinstance(panel.tag, str):
        panel = panel.getnext()
    if panel is None:
        return False
    style = (panel.get("style") or "").replace(" ", "").lower()
    return panel.get("hidden") is not None or "display:none" in style


@dataclass
class Panels:
    """Each tied panel with its label's text, and the labels themselves (read at their panels)."""

    heads: dict[lxml.html.HtmlElement, str] = field(default_factory=dict)
    labels: set[lxml.html.HtmlElement] = field(default_factory=set)


def _label_like(element: lxml.html.HtmlElement) -> bool:
    """A short text with no block of its own inside: what a tab's label is."""
    if any(isinstance(c.tag, str) and c.tag.lower() in ("p", "div", "ul", "ol", "table") for c in element):
        return False
    text = _text(element)
    return 0 < len(text) <= LABEL_MAX_CHARS and any(ch.isalpha() for ch in text)


def _tie(panels: Panels, ties: list[tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]]) -> None:
    if len(ties) < MIN_TABS:
        return
    for label, panel in ties:
        panels.heads[panel] = _text(label)
        panels.labels.add(label)


def tied_panels(root: lxml.html.HtmlElement) -> Panels:
    """The panels of the content element ``root`` tied to a tab label, in one pass over its elements."""
    panels = Panels()
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    order = {id(e): n for n, e in enumerate(elements)}
    by_id = {e.get("id"): e for e in elements if e.get("id")}
    by_control: list[tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]] = []
    for element in elements:
        target = element.get("aria-controls") or ""
        href = element.get("href") or ""
        if not target and element.get("role") == "tab" and href.startswith("#"):
            target = href[1:]
        panel = by_id.get(target) if target else None
        if panel is not None and panel is not element and _label_like(element):
            by_control.append((element, panel))
    _tie(panels, by_control)
    # the same data- value on a label and on a later element: grouped by the attribute's name
    holders: dict[tuple[str, str], list[lxml.html.HtmlElement]] = {}
    for element in elements:
        for name, value in element.attrib.items():
            if name.startswith("data-") and value:
                holders.setdefault((name, value), []).append(element)
    by_name: dict[str, list[tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]]] = {}
    for (name, _), pair in holders.items():
        if len(pair) != 2:
            continue
        label, panel = sorted(pair, key=lambda e: order[id(e)])
        if label in panels.labels or panel in panels.heads or not _label_like(label):
            continue
        if any(a is label for a in panel.iterancestors()) or any(a is panel for a in label.iterancestors()):
            continue
        if len(_text(panel)) > len(_text(label)):
            by_name.setdefault(name, []).append((label, panel))
    for ties in by_name.values():
        _tie(panels, ties)
    return panels
