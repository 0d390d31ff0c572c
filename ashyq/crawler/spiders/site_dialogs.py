# ruff: noqa: E501  (JavaScript kept on readable lines)
"""What a page shows only in dialogs its cards open, read into the page the harvest records.

Many state bodies' sites show a section as a grid of cards (vacancies, services, documents, reports):
a click on a card runs a script that fetches the card's text and shows it in a modal dialog (a
``<dialog>``, an element with ``role="dialog"``, a Bootstrap modal). Some cards are links with a page
of their own; many are ``div``s only the script opens. Neither the served page nor its rendered DOM
holds what such a card shows, so the browser step opens them:

* a page is worth it when its markup has a place for a dialog or a control that says it opens one
  (:func:`has_dialog_markup`: ``<dialog>``, ``role="dialog"``, ``aria-modal``, a ``modal`` class,
  ``data-bs-toggle="modal"``, ``aria-haspopup="dialog"``); other pages cost nothing more;
* the page's DOM is kept as it was rendered, before any click (its own markup unchanged: Appendix 14
  3.3 still sees a ``div`` that answers a mouse click only);
* the controls that may open a dialog are found in its content (:data:`CONTROLS_SCRIPT`: a dialog
  toggle, ``role="button"``, an ``onclick`` attribute, a card-like element drawn with a pointer
  cursor, a link to nothing but its script: ``href="#"``, ``javascript:``), leaving out links to a page of their own (those are followed as pages, never clicked) and
  the header, navigation, footer and forms; each is clicked in turn, within :class:`DialogLimits`;
* the dialog that opens is read (its markup, buttons left out) and closed (Escape, else its own
  close control, else the page is loaded again); a click that leads to another page is noted as a
  route for the spider to follow, and the page is loaded again for the next control;
* every dialog read is appended to the page's content (inside ``<main>``, else at the end of the
  body) as ``<section data-ashyq-dialog="label">`` headed by the card's label: the content checks
  read it under the card's name, and its links are the page's links.

The requests the clicks make go through the browser's egress guard and are archived with the page's
other exchanges, as every request the rendered page makes.
"""

from __future__ import annotations

import contextlib
import html as html_escape
import re
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

# A place for a dialog, or a control that says it opens one, in a page's markup.
DIALOG_MARKUP = re.compile(
    rb"<dialog[\s>]|role\s*=\s*[\"']?(?:alert)?dialog|aria-modal\s*=|aria-haspopup\s*=\s*[\"']?dialog"
    rb"|data-(?:bs-)?toggle\s*=\s*[\"']?modal|class\s*=\s*[\"'][^\"']*\bmodal\b",
    re.I,
)
MARK = "data-ashyq-control"  # set on the live page's controls after its DOM is kept, never recorded

# The controls of the page's content that may open a dialog, marked in document order; their labels.
CONTROLS_SCRIPT = """
(mark) => {
  const ownPage = (a) => { const h = (a.getAttribute('href') || '').trim(); return h && !/^(#|javascript:)/i.test(h); };
  const dialogs = 'dialog, [role=dialog], [role=alertdialog], [aria-modal=true], .modal';
  // a grid's column heads sort and filter it and its pager turns its pages: neither opens a dialog
  const outside = 'nav, header, footer, form, [role=navigation], [role=search], [role=banner], [role=contentinfo], [role=tablist], [role=tab], summary, label, '
    + 'thead, [role=columnheader], .k-pager-wrap, .pagination, .dataTables_paginate, .ag-paging-panel, [class*=pager]';
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const plain = new Set(['div', 'li', 'article', 'section', 'span', 'td', 'tr', 'figure', 'img', 'p', 'h2', 'h3', 'h4']);
  const pointer = (el) => getComputedStyle(el).cursor === 'pointer';
  const found = [];
  for (const el of document.body ? document.body.querySelectorAll('*') : []) {
    if (el.closest(dialogs) || el.closest(outside)) continue;
    const link = el.closest('a[href]');
    if (link && ownPage(link)) continue;
    const tag = el.localName;
    const toggle = el.matches('[data-bs-toggle=modal], [data-toggle=modal], [aria-haspopup=dialog], [aria-haspopup=true][aria-controls]');
    const role = el.matches('[role=button]') && tag !== 'button' && tag !== 'input';
    const handler = el.hasAttribute('onclick') && !['a', 'button', 'input', 'select', 'textarea', 'option'].includes(tag);
    // a link that leads nowhere but to its script («javascript:void(0)», «#», or no address with onclick)
    const href = el.getAttribute('href');
    const scripted = tag === 'a' && (href === null ? el.hasAttribute('onclick') : /^\\s*(#\\s*$|javascript:)/i.test(href));
    const card = plain.has(tag) && pointer(el) && !(el.parentElement && pointer(el.parentElement));
    if (!(toggle || role || handler || card || scripted) || !visible(el)) continue;
    if (!toggle && el.hasAttribute('aria-expanded')) continue;  // a fold-out shows its content in place
    if (found.some((f) => f.contains(el))) continue;
    found.push(el);
  }
  return found.map((el, n) => {
    el.setAttribute(mark, String(n));
    // the card's name: a heading of its own, else the one heading of the card that holds it («Подробнее»
    // under a post's name), else what it says
    let heading = el.querySelector('h1, h2, h3, h4, h5, h6');
    for (let up = el.parentElement, n = 0; !heading && up && up !== document.body && n < 4; up = up.parentElement, n++) {
      const inside = up.querySelectorAll('h1, h2, h3, h4, h5, h6');
      if (inside.length === 1) heading = inside[0];
      if (inside.length > 1) break;
    }
    const text = (heading ? heading.innerText : (el.getAttribute('aria-label') || el.innerText || el.getAttribute('title') || ''));
    return text.split('\\n').map((s) => s.trim()).filter(Boolean)[0] || '';
  });
}
"""
# The dialog open now (the outermost visible one that holds text), its markup without buttons: or null.
OPEN_DIALOG_SCRIPT = """
() => {
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0'; };
  const all = [...document.querySelectorAll('dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true], .modal.show, .modal.in')]
    .filter((d) => visible(d) && (d.innerText || '').trim());
  const outer = all.filter((d) => !all.some((o) => o !== d && o.contains(d)));
  if (!outer.length) return null;
  const copy = outer[0].cloneNode(true);
  copy.querySelectorAll('button, script, style, template, [data-bs-dismiss], [data-dismiss], .btn-close').forEach((b) => b.remove());
  copy.querySelectorAll('[' + 'data-ashyq-control' + ']').forEach((c) => c.removeAttribute('data-ashyq-control'));
  return { html: copy.innerHTML, text: (outer[0].innerText || '').trim() };
}
"""
# Closes whatever dialog is open by the page's own means; true when none is left open.
CLOSE_SCRIPT = """
() => {
  for (const d of document.querySelectorAll('dialog[open]')) { try { d.close(); } catch (e) {} }
  const shown = '.modal.show, .modal.in, [role=dialog], [role=alertdialog], [aria-modal=true]';
  for (const m of document.querySelectorAll(shown)) {
    const close = m.querySelector('[data-bs-dismiss=modal], [data-dismiss=modal], .btn-close, .close, [aria-label*=lose], [aria-label*=акры], [aria-label*=абу]');
    if (close) close.click();
  }
  return true;
}
"""
NONE_OPEN = """
() => ![...document.querySelectorAll('dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true], .modal.show, .modal.in')]
  .some((d) => { const r = d.getBoundingClientRect(); const s = getComputedStyle(d);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; })
"""
DIALOG_OPEN = f"() => !({NONE_OPEN.strip()})()"


@dataclass(frozen=True)
class DialogLimits:
    """How much of a page's dialogs is read: its first ``controls`` controls, within ``seconds``; a
    click that opens nothing is waited for ``open_ms``; after ``misses`` such clicks in a row before
    any dialog opened, the page is taken to open none."""

    controls: int = 40
    seconds: float = 25.0
    open_ms: int = 1500
    settle_ms: int = 150
    misses: int = 4


@dataclass
class Dialog:
    label: str
    html: str
    text: str


@dataclass
class DialogReading:
    dialogs: list[Dialog] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)  # pages a click led to (the spider follows them)
    clicked: int = 0


def has_dialog_markup(html: bytes | str) -> bool:
    """Whether a page's markup has a place for a dialog or a control that says it opens one."""
    return bool(DIALOG_MARKUP.search(html.encode("utf-8", "replace") if isinstance(html, str) else html))


# A data grid a script drew (``<table role="grid">``, Kendo's ``k-grid``, ag-Grid's ``ag-root``, DataTables'
# ``dataTable``): a click on its row commonly opens the row's details in a window the markup has no place for yet.
DATA_GRID = re.compile(
    rb"role\s*=\s*[\"']?(?:grid|treegrid)[\"'\s>]|class\s*=\s*[\"'][^\"']*(?<![\w-])(?:k-grid|ag-root|dataTable)(?![\w-])",
    re.I,
)


def has_data_grid(html: bytes | str) -> bool:
    """Whether a rendered page holds a data grid whose rows may open their details in a window when clicked."""
    return bool(DATA_GRID.search(html.encode("utf-8", "replace") if isinstance(html, str) else html))


def with_dialogs(html: str, dialogs: list[Dialog], kind: str = "dialog") -> str:
    """The page's DOM with each dialog's content appended in a marked section (``data-ashyq-<kind>``) headed by
    its card's label (the label is left out when the dialog's own first heading already says it)."""
    if not dialogs:
        return html
    sections = []
    for dialog in dialogs:
        label = html_escape.escape(dialog.label, quote=True)
        first = re.search(r"<h[1-6][^>]*>(.*?)</h[1-6]>", dialog.html, re.S | re.I)
        said = first is not None and _squash(re.sub(r"<[^>]+>", " ", first.group(1))) == _squash(dialog.label)
        heading = "" if said or not dialog.label else f"<h2>{label}</h2>"
        sections.append(f'<section data-ashyq-{kind}="{label}">{heading}{dialog.html}</section>')
    added = "".join(sections)
    lowered = html.lower()
    at = lowered.find("</main>")
    if at < 0:
        at = lowered.rfind("</body>")
    return html + added if at < 0 else html[:at] + added + html[at:]


def _squash(text: str) -> str:
    return " ".join(html_escape.unescape(text).split()).casefold()


async def read_dialogs(page: Any, url: str, limits: DialogLimits, timeout_ms: int) -> DialogReading:
    """Click the page's controls in turn and read the dialogs they open (the page is loaded at
    ``url`` and its DOM already kept); bounded by ``limits`` whatever the page's scripts do."""
    reading = DialogReading()
    deadline = time.monotonic() + limits.seconds
    labels: list[str] = list(await page.evaluate(CONTROLS_SCRIPT, MARK))[: limits.controls]
    seen: set[str] = set()
    misses = 0
    for n, label in enumerate(labels):
        if time.monotonic() > deadline or (misses >= limits.misses and not reading.dialogs):
            break
        reading.clicked += 1
        before = page_address(str(page.url))
        if not await _click(page, n):
            continue
        opened = await _opened(page, limits)
        if opened is None:
            misses += 1
            if page_address(str(page.url)) != before:  # the control led to a page of its own
                reading.routes.append(str(page.url))
                await _reload(page, url, timeout_ms)
            continue
        misses = 0
        if opened["text"] not in seen:
            seen.add(opened["text"])
            reading.dialogs.append(Dialog(label, str(opened["html"]), str(opened["text"])))
        if not await _close(page):
            await _reload(page, url, timeout_ms)
    return reading


def page_address(url: str) -> str:
    """The address a page is at, its fragment left out (a script scrolling to an anchor moves no page)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{parts.query}"


async def _click(page: Any, n: int) -> bool:
    control = page.locator(f'[{MARK}="{n}"]').first
    try:
        await control.click(timeout=1500)
        return True
    except Exception:  # covered or moved: the script's own click event still reaches the handler
        try:
            return bool(
                await page.evaluate(
                    f"() => {{ const c = document.querySelector('[{MARK}=\"{n}\"]'); if (c) c.click(); return !!c; }}"
                )
            )
        except Exception:
            return False


async def _opened(page: Any, limits: DialogLimits) -> dict[str, Any] | None:
    try:
        await page.wait_for_function(DIALOG_OPEN, timeout=limits.open_ms)
    except Exception:
        return None
    last: dict[str, Any] | None = None
    for _ in range(10):  # a dialog filled after it opened ("loading…") is read once its text holds
        await page.wait_for_timeout(limits.settle_ms)
        try:
            now = await page.evaluate(OPEN_DIALOG_SCRIPT)
        except Exception:
            return last
        if now is not None and last is not None and now["text"] == last["text"]:
            return dict(now)
        last = now
    return last


async def _close(page: Any) -> bool:
    for attempt in range(2):
        try:
            if attempt == 0:
                await page.keyboard.press("Escape")
            else:
                await page.evaluate(CLOSE_SCRIPT)
            await page.wait_for_function(NONE_OPEN, timeout=1000)
            return True
        except Exception:
            continue
    return False


async def _reload(page: Any, url: str, timeout_ms: int) -> None:
    """The page loaded again with its controls marked as before (a click left it elsewhere, or a dialog
    would not close)."""
    try:
        await page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
        with contextlib.suppress(Exception):
            await page.wait_for_load_state("networkidle", timeout=timeout_ms // 2)
        await page.evaluate(CONTROLS_SCRIPT, MARK)
    except Exception:
        return
