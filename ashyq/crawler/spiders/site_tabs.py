# ruff: noqa: E501  (JavaScript kept on readable lines)
"""What a page shows only in the tabs its script draws when they are chosen, read into the page the harvest records.

A service's memo, a department's contacts or a year's documents are often a group of tabs. Markup that
keeps every panel in the page (hidden ones with ``hidden`` or a class) is read as it is: the panels are in
the DOM. Many application frameworks draw only the chosen tab's panel (a Material-like ``mat-tab-group``,
a tab set whose panels a script fetches): neither the served page nor its rendered DOM holds what the other
tabs say, and a reader who clicks them sees it. The browser step chooses them:

* a page is worth it when it was rendered anyway or its served markup has a tab (``role="tab"``) whose
  panel is not in it (:func:`has_drawn_tabs`: no ``aria-controls``, one naming no element of the page, or one naming
  an empty element: a panel the script fills when its tab is chosen);
* the page's DOM is kept as it was rendered, before any click;
* each tab of its content that is not the chosen one and whose panel holds no text in the page (:data:`TABS_SCRIPT`;
  the header, the navigation and the footer left out, and a tab that is a link to a page of its own,
  which is followed as a page) is clicked in turn, within :class:`TabLimits`; the panel it shows (the
  element its ``aria-controls`` names, else the group's visible ``role="tabpanel"``) is read once its text
  has changed and holds;
* every panel read is appended to the page's content (inside ``<main>``, else at the end of the body) as
  ``<section data-ashyq-tab="label">`` headed by the tab's label: the content checks read it under the
  tab's name, as a reader sees it once chosen.

The requests the clicks make go through the browser's egress guard and are archived with the page's other
exchanges.
"""

from __future__ import annotations

import contextlib
import re
import time
from dataclasses import dataclass
from typing import Any

from ashyq.crawler.spiders.site_dialogs import Dialog, page_address, with_dialogs

MARK = "data-ashyq-tab-control"  # set on the live page's tabs after its DOM is kept, never recorded
KIND = "tab"  # the appended sections' mark: ``data-ashyq-tab``

_TAB = re.compile(rb"<[a-z][^>]*\brole\s*=\s*[\"']?tab[\"'\s>][^>]*>", re.I)
_CONTROLS = re.compile(rb"\baria-controls\s*=\s*[\"']?([^\"'\s>]+)", re.I)
_SELECTED = re.compile(rb"\baria-selected\s*=\s*[\"']?true", re.I)

# The tabs of the page's content whose panels the page does not hold, marked in document order: their labels.
TABS_SCRIPT = """
(mark) => {
  const outside = 'nav, header, footer, [role=navigation], [role=banner], [role=contentinfo]';
  const ownPage = (a) => { const h = (a.getAttribute('href') || '').trim(); return h && !/^(#|javascript:)/i.test(h); };
  const found = [];
  for (const tab of document.querySelectorAll('[role=tab]')) {
    if (tab.closest(outside) || tab.getAttribute('aria-selected') === 'true') continue;
    const link = tab.closest('a[href]');
    if (link && ownPage(link)) continue;
    const id = tab.getAttribute('aria-controls');
    const panel = id ? document.getElementById(id) : null;
    if (panel && (panel.textContent || '').trim()) continue;  // its panel is in the page, hidden or not
    const label = (tab.innerText || tab.textContent || tab.getAttribute('aria-label') || '').split('\\n').map((s) => s.trim()).filter(Boolean)[0] || '';
    tab.setAttribute(mark, String(found.length));
    found.push(label);
  }
  return found;
}
"""
# The panel the tab marked ``n`` shows: the element its aria-controls names, else the visible tab panel of the
# nearest group holding the tab; its markup (scripts and buttons left out) and text, or null.
PANEL_SCRIPT = """
([mark, n]) => {
  const tab = document.querySelector('[' + mark + '="' + n + '"]');
  if (!tab) return null;
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const id = tab.getAttribute('aria-controls');
  let panel = id ? document.getElementById(id) : null;
  for (let up = tab.parentElement; !panel && up && up !== document.body; up = up.parentElement) {
    const panels = [...up.querySelectorAll('[role=tabpanel]')].filter(visible);
    if (panels.length) panel = panels[0];
  }
  if (!panel) return null;
  const copy = panel.cloneNode(true);
  copy.querySelectorAll('script, style, template, button').forEach((b) => b.remove());
  copy.querySelectorAll('[' + mark + ']').forEach((c) => c.removeAttribute(mark));
  return { html: copy.innerHTML, text: (panel.innerText || '').trim() };
}
"""


@dataclass(frozen=True)
class TabLimits:
    """How much of a page's drawn tabs is read: its first ``tabs`` tabs, within ``seconds``; a panel is waited
    for ``draw_ms`` to change after a click, and read once its text holds for ``settle_ms``."""

    tabs: int = 24
    seconds: float = 15.0
    draw_ms: int = 1500
    settle_ms: int = 150


def has_drawn_tabs(html: bytes | str) -> bool:
    """Whether a page's markup has a tab that is not the chosen one and whose panel the markup does not hold (no
    ``aria-controls``, one naming no element of the page, or one naming an element with nothing in it): a script
    draws it when it is chosen."""
    markup = html.encode("utf-8", "replace") if isinstance(html, str) else html
    for tag in _TAB.finditer(markup):
        if _SELECTED.search(tag.group(0)):
            continue
        controls = _CONTROLS.search(tag.group(0))
        if controls is None:
            return True
        name = re.escape(controls.group(1))
        if not re.search(rb"\bid\s*=\s*[\"']?" + name + rb"[\"'\s>]", markup):
            return True
        # the panel is there but holds nothing (an empty ``<div role="tabpanel" hidden></div>`` a script fills)
        if re.search(rb"<([a-z][\w-]*)\b[^>]*\bid\s*=\s*[\"']?" + name + rb"[\"'\s>][^>]*>\s*</\1\s*>", markup, re.I):
            return True
    return False


def with_tabs(html: str, panels: list[Dialog]) -> str:
    """The page's DOM with each drawn tab's panel appended in a section headed by the tab's label."""
    return with_dialogs(html, panels, KIND)


async def read_tabs(page: Any, limits: TabLimits, timeout_ms: int = 20_000) -> list[Dialog]:
    """Click the page's tabs whose panels it does not hold, in turn, and read what each shows (the page's DOM
    is already kept); bounded by ``limits`` whatever the page's scripts do."""
    deadline = time.monotonic() + limits.seconds
    try:
        labels: list[str] = list(await page.evaluate(TABS_SCRIPT, MARK))[: limits.tabs]
    except Exception:
        return []
    read: list[Dialog] = []
    seen: set[str] = set()
    start = str(page.url)
    for n, label in enumerate(labels):
        if page_address(str(page.url)) != page_address(start):  # a tab led to another page: the rest are not this one's
            break
        if time.monotonic() > deadline:
            break
        try:
            before = await page.evaluate(PANEL_SCRIPT, [MARK, str(n)])
            await page.locator(f'[{MARK}="{n}"]').first.click(timeout=1500)
        except Exception:  # covered, gone, or the click left the page: the next tab
            continue
        shown = await _drawn(page, n, "" if before is None else str(before["text"]), limits)
        if shown is None or not shown["text"] or shown["text"] in seen:
            continue
        seen.add(str(shown["text"]))
        read.append(Dialog(label, str(shown["html"]), str(shown["text"])))
    # the page's later readings (its dialogs, its drop-downs) start from the page itself
    if page_address(str(page.url)) != page_address(start):
        with contextlib.suppress(Exception):
            await page.goto(start, wait_until="domcontentloaded", timeout=timeout_ms)
    return read


async def _drawn(page: Any, n: int, before: str, limits: TabLimits) -> dict[str, Any] | None:
    """The panel tab ``n`` shows once its text differs from ``before`` and holds; None when it never changes."""
    last: dict[str, Any] | None = None
    waited = 0
    while waited <= limits.draw_ms:
        await page.wait_for_timeout(limits.settle_ms)
        waited += limits.settle_ms
        try:
            now = await page.evaluate(PANEL_SCRIPT, [MARK, str(n)])
        except Exception:
            return None
        if now is None or now["text"] == before:
            continue
        if last is not None and now["text"] == last["text"]:
            return dict(now)
        last = now
    return last
