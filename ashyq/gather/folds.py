# ruff: noqa: E501  (JavaScript kept on readable lines)
"""Text shown at 100 % and not rendered at 200 % (Appendix 14 row 3.7: "without loss of content or
function"; row 3.3: all functionality from the keyboard), read on the same visit as the reflow.

A style sheet may hide a block below a width (``@media (max-width: …) {display: none}``): at 200 %
a 1280-pixel window is 640 CSS pixels wide, so whatever the sheet hides below 640 px or more is gone
from the zoomed page although nothing about it is "cut". What is measured:

* at 100 %, every element whose own text is rendered is marked, and a watcher notes every element a
  script changes from then on (a carousel's slide, a tab: hidden by a script, not by the width);
* at the zoomed width, a marked text that is no longer rendered (``display: none``, ``visibility:
  hidden``) is **hidden at 200 %**, grouped by the outermost block that hides it. Text rendered
  elsewhere on the zoomed page (a copy of the menu in the footer, the same words in a narrow
  layout's own block) has **moved**, not gone. Each block's links are counted: all of them, those
  to a place on the same page still rendered (``in_page``: a page's own table of contents), those
  going nowhere (``javascript:``, a bare ``#``); the words of such links are not counted as the
  block's text (``chars``): they name a place or a control, not content of their own;
* a control the zoomed layout shows and the full width did not (a «☰ Menu» box, a button, a
  summary, a checkbox's label), or one shown at both widths that names a hidden block as what it opens (a
  navbar toggle's ``data-target``, ``aria-controls``, a link to the block's ``#id``), or - when a menu is among the hidden
  blocks - one shown at both widths whose own name says it opens the menu (an application toolbar's icon button, «☰»,
  the icon's ligature «menu», «Мәзір», a ``burger`` or ``menu-toggle`` class), may hold the hidden blocks: it is tried first from the keyboard (it
  must take the focus; Enter, then Space) and, only when the keyboard cannot open it, with a mouse
  click. A control opens a block when the block shows again, or when every text of it shows elsewhere (a builder's
  narrow header whose burger opens its own copy of the full header's menu). A block a keyboard opens is folded, not
  lost; a block only a click opens is a function
  lost to the keyboard at 200 % (row 3.3 and row 3.7); a block nothing opens is content lost.

The control is put back the way it opened (the same key or click again; Escape after one that
opened none of them), so the desktop measurements that follow see the page as it was; a control that
would take the page elsewhere is stopped there (its navigation refused while the controls are tried).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

from ashyq.gather.probes import PATH_SELECTOR_OF

SETTLE_MS = 80
CLICK_MS = 3000  # a click waits for its control to be shown and still, which a loaded machine may take a while to say

# whether an element is rendered (shown: not display:none, not visibility:hidden), in both scripts
RENDERED = """  const rendered = (el) => el.checkVisibility ? el.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}) && el.getClientRects().length > 0
    : el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
"""

# An element's own text (not its children's), lower-cased with its spaces squashed, in both scripts
OWN_TEXT = """  const words = (s) => (s || '').toLowerCase().replace(/\\s+/g, ' ').trim();
  const ownText = (el) => words([...el.childNodes].filter(t => t.nodeType === 3).map(t => t.textContent).join(' '));
"""

# At 100 %: mark the elements with rendered own text and every rendered element; watch what scripts change.
MARK = (
    """
() => {
"""
    + RENDERED
    + """  let n = 0;
  for (const el of (document.body ? document.body.querySelectorAll('*') : [])) {
    if (['script', 'style', 'noscript', 'template'].includes(el.localName) || !rendered(el)) continue;
    el.setAttribute('data-ashyq-w', '1');
    const own = [...el.childNodes].some(t => t.nodeType === 3 && /[\\p{L}\\p{N}]{2}/u.test(t.textContent));
    if (own && !el.closest('[aria-hidden=true]')) { el.setAttribute('data-ashyq-t', String(n++)); }
  }
  const changed = window.__ashyqChanged = new Set();
  if (window.__ashyqWatch) window.__ashyqWatch.disconnect();
  window.__ashyqWatch = new MutationObserver(records => { for (const r of records) if (r.target.nodeType === 1) changed.add(r.target); });
  window.__ashyqWatch.observe(document.documentElement, {attributes: true, subtree: true,
    attributeFilter: ['class', 'style', 'hidden', 'open', 'aria-hidden', 'aria-expanded']});
  return n;
}
"""
)

# At the zoomed width: the blocks that hide marked text, and the controls the narrow layout shows.
HIDDEN = (
    """
(movingSelectors) => {
"""
    + PATH_SELECTOR_OF
    + RENDERED
    + OWN_TEXT
    + """  const changed = window.__ashyqChanged || new Set();
  const moving = (movingSelectors || []).map(s => { try { return document.querySelector(s); } catch (e) { return null; } }).filter(Boolean);
  const shownNow = new Set();
  for (const el of (document.body ? document.body.querySelectorAll('*') : [])) if (rendered(el)) { const t = ownText(el); if (t) shownNow.add(t); }
  const goesNowhere = (a) => { const h = (a.getAttribute('href') || '').trim(); return h === '#' || /^javascript:/i.test(h); };
  const toPlaceShown = (a, root) => { const h = a.getAttribute('href') || ''; if (h.length < 2 || h[0] !== '#') return false;
    let id = h.slice(1); try { id = decodeURIComponent(id); } catch (e) { /* as written */ }
    const t = document.getElementById(id) || document.getElementsByName(id)[0];
    return !!t && !root.contains(t) && (rendered(t) || (t.parentElement !== null && rendered(t.parentElement))); };
  const blocks = new Map();
  for (const el of document.querySelectorAll('[data-ashyq-t]')) {
    if (rendered(el)) continue;
    // the outermost block that hides it: the highest ancestor still rendered at 100 % and not now
    let root = el;
    for (let n = el.parentElement; n && n !== document.body && !rendered(n); n = n.parentElement) root = n;
    if (moving.some(m => m.contains(root) || root.contains(m))) continue;
    let scripted = false;
    // a script changed the block, what it holds or its parent (a slide, a tab): hidden by the script,
    // not by the width (a class a script puts on the body at a width still counts as the width's)
    for (const c of changed) if (c === root || root.contains(c) || c === root.parentElement) { scripted = true; break; }
    if (scripted) continue;
    const text = ownText(el);
    // a link to a place on the page that stays shown (a table of contents), or one going nowhere: its words name a
    // place or a control, they are no content of their own
    const link = el.closest('a[href]');
    const named = !!link && root.contains(link) && (toPlaceShown(link, root) || goesNowhere(link));
    const b = blocks.get(root) || {root, texts: 0, moved: 0, chars: 0, sample: '', words: [], table: !!(root.matches('table') || root.querySelector('table')),
      form: !!(root.matches('form, input, select, textarea') || root.querySelector('input:not([type=hidden]), select, textarea'))};
    b.texts++;
    b.words.push(text);
    const said = [...el.childNodes].filter(t => t.nodeType === 3).map(t => t.textContent).join(' ').replace(/\\s+/g, ' ').trim();
    if (shownNow.has(text)) b.moved++; else if (!named) { b.chars += text.length; if (b.sample.length < 80) b.sample = (b.sample + ' ' + said).trim().slice(0, 80); }
    blocks.set(root, b);
  }
  const out = [...blocks.values()].slice(0, 12).map((b, k) => { b.root.setAttribute('data-ashyq-fold', String(k));
    // its texts, where some are shown nowhere else now: a control may open a copy of them elsewhere (OPENED)
    b.root.__ashyqWords = b.moved < b.texts ? b.words : [];
    const links = [...b.root.querySelectorAll('a[href]')];
    return {n: k, selector: selectorOf(b.root), texts: b.texts, moved: b.moved, chars: b.chars, table: b.table, form: b.form,
            links: links.length, in_page: links.filter(a => toPlaceShown(a, b.root)).length, nowhere: links.filter(goesNowhere).length,
            nav: !!(b.root.matches('nav, [role=navigation], ul, ol, menu') || b.root.querySelector('nav, [role=navigation]') || b.root.querySelectorAll('a[href]').length >= 3),
            text: b.sample, html: b.root.outerHTML.slice(0, 160)}; });
  // controls the narrow layout shows and the full width did not
  const clicks = window.__ashyqClicks || new WeakSet();
  const controlish = 'button, [role=button], summary, [aria-expanded], [aria-controls], a[href^="#"], a[href^="javascript:"], label, input[type=checkbox]';
  const toggles = [];
  // a control shown at both widths that names a hidden block as what it opens (a Bootstrap navbar toggle's
  // data-target, aria-controls, a link to the block's id) may hold it too
  const folds = [...document.querySelectorAll('[data-ashyq-fold]')];
  const aimsAtFold = (el) => {
    const href = el.getAttribute('href') || '';
    const aria = el.getAttribute('aria-controls');
    const named = el.getAttribute('data-target') || el.getAttribute('data-bs-target') || (aria ? '#' + CSS.escape(aria) : '') || (href.length > 1 && href.startsWith('#') ? href : '');
    if (!named) return false;
    let targets = [];
    try { targets = [...document.querySelectorAll(named)]; } catch (e) { return false; }
    return targets.some(t => folds.some(f => f === t || f.contains(t) || t.contains(f)));
  };
  // a menu button shown at every width that names no block (an application toolbar's icon button toggling a class on
  // the page): its own name says it opens the menu («☰», an icon's ligature «menu», «Мәзір», a «burger» class)
  const menuNamed = /^(☰|≡|menu|меню|мәзір|навигация|open menu|открыть меню|мәзірді ашу|main menu|главное меню|басты мәзір)$/;
  const menuClass = /(^|[\\s_-])(burger|hamburger|navbar-toggler|(menu|nav|sidenav|drawer)[-_]?(toggle|toggler|trigger|button|btn|open))($|[\\s_-])/i;
  const opensMenu = (el) => {
    const named = words(el.getAttribute('aria-label') || el.getAttribute('title') || el.innerText || '');
    return menuNamed.test(named) || menuClass.test(el.getAttribute('class') || '');
  };
  const menuHidden = out.some(b => b.nav);
  if (out.length) for (const el of document.body.querySelectorAll('*')) {
    if ((el.hasAttribute('data-ashyq-w') && !aimsAtFold(el) && !(menuHidden && opensMenu(el))) || !rendered(el) || el.closest('[data-ashyq-fold]')) continue;
    if (!(el.matches(controlish) || clicks.has(el) || typeof el.onclick === 'function')) continue;
    // nothing that leaves the page or sends a form
    if (el.closest('a[href]:not([href^="#"]):not([href^="javascript:"])') || (el.form && ['submit', 'image'].includes(el.type))) continue;
    if (el.parentElement && el.parentElement.closest('[data-ashyq-toggle]')) continue;
    const label = (el.innerText || el.getAttribute('aria-label') || el.getAttribute('title') || '').replace(/\\s+/g, ' ').trim();
    const text = words(label);
    // a control with no words is tried when it shows a picture, or when a menu is hidden and the control is named or
    // classed as the menu's opener (a «burger» drawn by three empty bars)
    if (text.length > 40 || (!text && !el.querySelector('img, svg') && !(menuHidden && opensMenu(el)))) continue;
    let box = el;  // a label's checkbox is what the keyboard uses
    if (el.localName === 'label' && el.control) box = el.control;
    el.setAttribute('data-ashyq-toggle', String(toggles.length));
    if (box !== el) box.setAttribute('data-ashyq-toggle-key', String(toggles.length));
    toggles.push({n: toggles.length, selector: selectorOf(el), text: label.slice(0, 40), html: el.outerHTML.slice(0, 160),
                  role: el.getAttribute('role'), tag: el.localName, link: el.localName === 'a'});
    if (toggles.length >= 3) break;
  }
  return {blocks: out, toggles};
}
"""
)

# The hidden blocks now shown: the block itself, or every text of it rendered elsewhere (a narrow header's burger that
# opens its own copy of the menu the full-width header held)
OPENED = (
    """
() => {
"""
    + OWN_TEXT
    + """  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const folds = [...document.querySelectorAll('[data-ashyq-fold]')];
  let now = null;
  const shownNow = () => { if (now) return now; now = new Set();
    for (const el of document.body.querySelectorAll('*')) if (!el.closest('[data-ashyq-fold]') && shown(el)) {
      const t = ownText(el); if (t) now.add(t); }
    return now; };
  return folds.filter(el => shown(el) || ((el.__ashyqWords || []).length > 0 && el.__ashyqWords.every(t => shownNow().has(t))))
    .map(el => Number(el.getAttribute('data-ashyq-fold')));
}
"""
)

# Focus the control (or its checkbox) as Tab would reach it: true when it takes the focus.
FOCUS = """
(n) => {
  const el = document.querySelector('[data-ashyq-toggle-key="' + n + '"]') || document.querySelector('[data-ashyq-toggle="' + n + '"]');
  if (!el || el.tabIndex < 0 || el.disabled) return false;
  el.focus(); return document.activeElement === el;
}
"""

CLEAN = """
() => { for (const a of ['data-ashyq-w', 'data-ashyq-t', 'data-ashyq-fold', 'data-ashyq-toggle', 'data-ashyq-toggle-key'])
  document.querySelectorAll('[' + a + ']').forEach(el => el.removeAttribute(a));
  if (window.__ashyqWatch) window.__ashyqWatch.disconnect(); if (document.activeElement) document.activeElement.blur(); }
"""


async def mark(page: Any) -> int:
    """Mark the text rendered at 100 % (before the viewport is narrowed)."""
    marked: int = await page.evaluate(MARK)
    return marked


async def _opened(page: Any, before: set[int]) -> set[int]:
    await page.wait_for_timeout(SETTLE_MS)
    return set(await page.evaluate(OPENED)) - before


async def _try(page: Any, toggle: dict[str, Any], before: set[int]) -> tuple[str | None, set[int]]:
    """Open the blocks ``toggle`` holds: from the keyboard first, else with a click; put it back."""
    n = toggle["n"]
    if await page.evaluate(FOCUS, n):
        for key in ("Enter", " ") if not toggle["link"] else ("Enter",):
            await page.keyboard.press(key)
            if opened := await _opened(page, before):
                await page.evaluate(FOCUS, n)
                await page.keyboard.press(key)
                return "keyboard", opened
    await page.click(f'[data-ashyq-toggle="{n}"]', timeout=CLICK_MS)
    if opened := await _opened(page, before):
        await page.click(f'[data-ashyq-toggle="{n}"]', timeout=CLICK_MS)
        return "mouse", opened
    await page.keyboard.press("Escape")  # whatever else it opened (a search box, a dialog) is closed
    return None, set()


@contextlib.asynccontextmanager
async def on_the_page(page: Any) -> AsyncIterator[None]:
    """While controls are tried: a click that would take the main frame to another page is answered "no content"
    (204), so the browser stays on the page being measured."""

    async def stay(route: Any) -> None:  # a control that would leave the page is not a fold
        request = route.request
        if request.is_navigation_request() and request.frame == page.main_frame:
            await route.fulfill(status=204)
        else:
            await route.fallback()

    await page.route("**/*", stay)
    try:
        yield
    finally:
        await page.unroute("**/*", stay)


async def _tried(
    page: Any, blocks: list[dict[str, Any]], toggles: list[dict[str, Any]], by: dict[int, tuple[str, dict[str, Any]]]
) -> None:
    """Try each control in turn, noting in ``by`` how each hidden block opened (the keyboard's way kept over a
    mouse's)."""
    before = set(await page.evaluate(OPENED))
    for toggle in toggles:
        if len(by) >= len(blocks):
            break
        try:
            how, opened = await _try(page, toggle, before)
        except Exception:
            continue
        for k in opened:
            if how is not None and (k not in by or by[k][0] == "mouse"):
                by[k] = (how, toggle)


async def hidden_at_zoom(page: Any, moving: list[str]) -> dict[str, Any]:
    """At the zoomed width (after :func:`mark` at 100 %): the blocks of text hidden, the controls that
    open them and how (``keyboard``, ``mouse`` only, or nothing: ``lost``)."""
    found: dict[str, Any] = await page.evaluate(HIDDEN, moving)
    blocks, toggles = found["blocks"], found["toggles"]
    by: dict[int, tuple[str, dict[str, Any]]] = {}
    try:
        if toggles:
            async with on_the_page(page):
                await _tried(page, blocks, toggles, by)
    finally:
        await page.evaluate(CLEAN)
    out: dict[str, list[dict[str, Any]]] = {"lost": [], "folded_keyboard": [], "folded_mouse_only": [], "moved": []}
    for block in blocks:
        how, toggle = by.get(block["n"], (None, {}))
        keys = ("selector", "texts", "chars", "table", "nav", "form", "links", "in_page", "nowhere", "text", "html")
        entry = {k: block[k] for k in keys}
        if how is not None:
            entry["control"] = {k: toggle[k] for k in ("selector", "text", "html", "role", "tag")}
            out["folded_keyboard" if how == "keyboard" else "folded_mouse_only"].append(entry)
        elif block["moved"] >= block["texts"]:
            out["moved"].append(entry)
        else:
            out["lost"].append(entry)
    return out
