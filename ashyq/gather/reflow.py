# ruff: noqa: E501  (JavaScript kept on readable lines)
"""Text at 200 % (Appendix 14 row 3.7, WCAG 1.4.4 and 1.4.10), judged on the document.

Zooming to 200 % gives the page half as many CSS pixels (1280 → 640 px wide). Two things are read:

* **horizontal scrolling of the document**: the page scrolls sideways. What makes it scroll is
  looked up; content that needs two dimensions to be read (a data table, preformatted text, a map,
  a video or picture) may scroll *inside* a page that otherwise reflows (WCAG 1.4.10's exception),
  so a document whose only overflow is such content is not failed for it. That holds too for an
  element made wide only by such content inside it (a link or a frame around a picture at its natural
  width: the picture reaches as far as the element and none of the element's own text crosses the
  window's edge); a box the style sheet makes wider than its picture, or words on a line that cannot
  break, force the scrolling themselves and are failed;
* **text cut off**: a text's box with ``overflow: hidden``/``clip`` that is smaller than the text
  (horizontally, unless it ends in an ellipsis on one line; vertically, unless the box is one line
  high), so part of the text is lost at 200 %.

A box cut at 200 % with a control right after it that shows it whole when clicked (a line-clamped text's «Толық
оқу» / «Читать полностью») is folded behind that control, not lost (``expands``): the control is tried and put back.

Text that moves through its box (read twice, 150 ms apart, it moved: a ticker) is cut wherever it
happens to be, at every size, by design: it shows all of its text in turn, so nothing is lost between
100 % and 200 % and it is recorded apart (``clipped_moving``). Still text cut at 200 % is lost (also
when it is cut at 100 % already, which is recorded beside it: the row asks that nothing is missing
at 200 %). A table counts as two-dimensional content only when it lays out data (headers, a caption, a
table role, no table inside): a page laid out in a fixed-width table must reflow like any other.

The same is measured at 320 CSS px (WCAG 1.4.10's width, 400 %) and recorded beside it: the appendix
asks for 200 %, so that figure is information, not a deduction.
"""

from __future__ import annotations

import contextlib
from typing import Any

from ashyq.gather import folds

RESIZE_MS = 5000  # the longest wait for a new viewport to reach the page

REFLOW = """
async (movingSelectors) => {
  const selectorOf = (el) => { if (!el || el.nodeType !== 1) return ''; if (el.id) return '#' + CSS.escape(el.id);
    const parts = []; for (let n = el; n && n.nodeType === 1 && parts.length < 4; n = n.parentElement) {
      let p = n.localName; const par = n.parentElement;
      if (par) { const same = [...par.children].filter(c => c.localName === n.localName); if (same.length > 1) p += ':nth-of-type(' + (same.indexOf(n) + 1) + ')'; }
      parts.unshift(p); if (n.id) { parts[0] = '#' + CSS.escape(n.id); break; } } return parts.join(' > '); };
  const root = document.documentElement, body = document.body;
  const width = root.clientWidth;
  const scrollWidth = Math.max(root.scrollWidth, body ? body.scrollWidth : 0);
  const twoD = 'table, pre, code, img, svg, canvas, video, iframe, object, embed, map, [role=img], [role=grid], [role=math]';
  // a table lays out data only when it says so (headers, a caption, a table role) and holds no other
  // table: a page laid out in a fixed-width table is no two-dimensional content (WCAG 1.4.10)
  const dataTable = (t) => t.getAttribute('role') !== 'presentation' && t.getAttribute('role') !== 'none' && !t.querySelector('table')
    && !!(t.querySelector('th, caption, thead, [scope]') || ['table', 'grid'].includes(t.getAttribute('role')));
  const isTwoD = (el) => { for (let n = el; n && n !== body; n = n.parentElement) {
      if (n.matches(twoD) && (n.localName !== 'table' || dataTable(n))) return true; } return false; };
  // an element made wide only by the two-dimensional content inside it (a link or a frame around a picture at
  // its natural width): that content reaches as far as the element (a frame's padding and border aside) and no
  // text of its own crosses the window's edge; a box the style sheet makes wider, or words on a line that
  // cannot break, force the scrolling themselves
  const widenedByTwoD = (el, r) => { let reach = -Infinity;
    for (const d of el.querySelectorAll(twoD)) { if (d.localName === 'table' && !dataTable(d)) continue;
      const dr = d.getBoundingClientRect(); if (dr.width > 1 && dr.height > 1) reach = Math.max(reach, dr.right); }
    if (reach < r.right - 16 || reach <= width + 2) return false;
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); let k = 0;
    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
      if (++k > 300) return false;
      if (!t.textContent.trim() || isTwoD(t.parentElement)) continue;
      const range = document.createRange(); range.selectNodeContents(t);
      if ([...range.getClientRects()].some(b => b.width >= 1 && b.right > width + 2)) return false; }
    return true; };
  const scroller = (el) => { for (let n = el.parentElement; n && n !== body && n !== root; n = n.parentElement) {
      const s = getComputedStyle(n); if (['auto', 'scroll'].includes(s.overflowX)) return n; } return null; };
  const hiddenAria = (el) => !!el.closest('[aria-hidden=true]');
  // hidden on purpose at every size, for screen readers only: clipped to nothing (clip: rect(0 0 0 0), clip-path:
  // inset(50%)), itself or an ancestor — not a text a box cuts, whatever padding gives its box a size; the elements
  // come in document order, each after its parent, so an element is clipped away when it or its parent is
  const zeroClip = (s) => /^rect\\(\\s*0(px)?[ ,]+0(px)?[ ,]+0(px)?[ ,]+0(px)?\\s*\\)$/.test(s.clip || '') || /inset\\(\\s*50%/.test(s.clipPath || '');
  const away = new Set();
  const overflowing = [];
  const clipped = [];
  let budget = 3000;
  if (body) for (const el of body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    if (zeroClip(s) || away.has(el.parentElement)) away.add(el);
    if (s.display === 'none' || s.visibility === 'hidden' || away.has(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    if (scrollWidth > width + 2 && r.right > width + 2 && s.position !== 'fixed' && !scroller(el)) {
      const parent = el.parentElement; const pr = parent ? parent.getBoundingClientRect() : null;
      if (!pr || pr.right <= width + 2 || parent === body) overflowing.push({selector: selectorOf(el), two_d: isTwoD(el) || widenedByTwoD(el, r), right: Math.round(r.right)});
    }
    const ox = s.overflowX, oy = s.overflowY;
    const xh = ['hidden', 'clip'].includes(ox), yh = ['hidden', 'clip'].includes(oy);
    if ((!xh && !yh) || budget <= 0 || clipped.length >= 30 || hiddenAria(el)) continue;
    // a text cut by this box: part of it inside, part outside (text wholly outside is hidden, not cut)
    const left = r.left + el.clientLeft, top = r.top + el.clientTop, right = left + el.clientWidth, bottom = top + el.clientHeight;
    const lineHeight = s.lineHeight === 'normal' ? parseFloat(s.fontSize) * 1.2 : parseFloat(s.lineHeight);
    const hAllowed = s.whiteSpace === 'nowrap' && s.textOverflow !== 'clip';
    const vAllowed = Math.abs(lineHeight - el.clientHeight) <= 1;  // a box exactly one line high shows a whole line
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let cut = null, cutText = null;
    for (let t = walker.nextNode(), k = 0; t && k < 50 && !cut; t = walker.nextNode(), k++) {
      budget--;
      if (!t.textContent.trim()) continue;
      let nearer = false;  // a scroll box between the text and this box: the text can be scrolled to
      for (let n = t.parentElement; n && n !== el; n = n.parentElement) {
        const ns = getComputedStyle(n); if (['auto', 'scroll'].includes(ns.overflowX) || ['auto', 'scroll'].includes(ns.overflowY)) { nearer = true; break; } }
      if (nearer) continue;
      const range = document.createRange(); range.selectNodeContents(t);
      const boxes = [...range.getClientRects()].filter(b => b.width >= 1 && b.height >= 1);
      if (!boxes.length) continue;
      const inside = boxes.some(b => b.right > left + 1 && b.left < right - 1 && b.bottom > top + 1 && b.top < bottom - 1);
      if (!inside) continue;
      if (xh && !hAllowed && boxes.some(b => b.right > right + 1 || b.left < left - 1)) cut = 'horizontal';
      else if (yh && !vAllowed && boxes.some(b => b.bottom > bottom + 1 || b.top < top - 1)) cut = 'vertical';
      if (cut) cutText = [t, boxes[0].left, boxes[0].top];
    }
    if (cut) clipped.push({selector: selectorOf(el), direction: cut, text: (el.innerText || '').trim().slice(0, 80), at: cutText});
  }
  // text that moves through its box (a ticker, a slide) is cut wherever it happens to be: a window
  // it passes through by design, not text the zoom lost
  if (clipped.length) await new Promise(done => setTimeout(done, 150));
  const moved = ([t, x, y]) => { const range = document.createRange(); range.selectNodeContents(t);
    const b = [...range.getClientRects()].find(r => r.width >= 1 && r.height >= 1); return !b || Math.abs(b.left - x) > 1 || Math.abs(b.top - y) > 1; };
  const seenMoving = (movingSelectors || []).map(sel => { try { return document.querySelector(sel); } catch (e) { return null; } }).filter(Boolean);
  const isMoving = (c) => moved(c.at) || seenMoving.some(m => { const t = c.at[0].parentElement; return t && (m.contains(t) || t.contains(m)); });
  const still = clipped.filter(c => !isMoving(c)).map(({at, ...c}) => c);
  const moving = clipped.filter(c => isMoving(c)).map(({at, ...c}) => c);
  const causes = overflowing.slice(0, 10);
  return {scroll_width: scrollWidth, client_width: width, horizontal_scroll: scrollWidth > width + 2,
          overflow: causes, only_two_d: causes.length > 0 && causes.every(c => c.two_d), clipped: still, clipped_moving: moving};
}
"""


AT_REST = "() => { const el = document.activeElement; if (el && el !== document.body && el.blur) el.blur(); }"

# A box of text cut at 200 % and the control right after it that may show the rest («Толық оқу», «Читать полностью»:
# a line-clamped text's expander): the control is clicked, the box read again, and the control clicked back. True
# when the box then shows all its text; false when there is no such control or it shows nothing more.
EXPANDS = """
(selector) => new Promise((done) => {
  let box = null; try { box = document.querySelector(selector); } catch (e) { box = null; }
  if (!box) { done(false); return; }
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const leaves = (el) => { const a = el.closest('a[href]'); return !!a && !/^(#|javascript:)/i.test((a.getAttribute('href') || '').trim()); };
  const near = [box.nextElementSibling, box.parentElement && box.parentElement.nextElementSibling].filter(Boolean);
  const control = near.map((n) => n.matches('button, [role=button], summary, a, [onclick], [aria-expanded]') || getComputedStyle(n).cursor === 'pointer'
      ? n : n.querySelector('button, [role=button], a, [onclick], [aria-expanded]'))
    .find((c) => c && shown(c) && !leaves(c) && (c.innerText || c.getAttribute('aria-label') || '').trim().length > 0
      && (c.innerText || c.getAttribute('aria-label') || '').trim().length <= 40);
  if (!control) { done(false); return; }
  const cut = () => box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
  control.click();
  setTimeout(() => { const whole = !cut(); control.click(); setTimeout(() => done(whole), 60); }, 120);
})
"""


# the page's own window at the size asked: the browser applies a new viewport on its own time, and a machine under
# load may not have laid the page out at the new width yet when the call returns
AT_WIDTH = "(w) => window.innerWidth === w"


async def resized(page: Any, width: int, height: int) -> None:
    """Set the viewport, then wait until the page's window has the new width (at most ``RESIZE_MS``; the
    measurement goes on where it never does) and the style sheet's media queries had a moment to apply."""
    await page.set_viewport_size({"width": width, "height": height})
    with contextlib.suppress(Exception):
        await page.wait_for_function(AT_WIDTH, arg=width, timeout=RESIZE_MS, polling=20)
    await page.wait_for_timeout(80)


async def measured_at(page: Any, width: int, height: int, moving: list[str]) -> dict[str, Any]:
    await resized(page, width, height)
    data: dict[str, Any] = await page.evaluate(REFLOW, moving)
    data["viewport"] = [width, height]
    return data


async def zoomed(
    page: Any, viewport: dict[str, int], zoom_factor: float, moving: list[str] | None = None
) -> dict[str, Any]:
    """The page at 200 % (``zoom_factor``) and at 320 CSS px; the desktop viewport is restored after.
    Text cut at 200 % is *lost* unless it moves through its box (a ticker shows all of its text in
    turn at any size: ``clipped_moving``; ``moving``: the selectors the motion probe saw move, which
    it may have paused since); what is cut at 100 % already is recorded beside it."""
    moving = moving or []
    width, height = viewport["width"], viewport["height"]
    # the page at rest: a control the page or an earlier probe left focused (a skip link hidden until focused)
    # shows what its style gives the focus, not the page's layout
    await page.evaluate(AT_REST)
    at_100 = await page.evaluate(REFLOW, moving)
    await folds.mark(page)
    try:
        at_zoom = await measured_at(page, int(width / zoom_factor), int(height / zoom_factor), moving)
        if at_zoom["clipped"]:
            async with folds.on_the_page(page):  # an expander that would leave the page is refused, the page stays
                for entry in at_zoom["clipped"][:10]:  # a text its own control shows whole is folded, not lost
                    try:
                        entry["expands"] = bool(await page.evaluate(EXPANDS, entry["selector"]))
                    except Exception:
                        entry["expands"] = False
        hidden = await folds.hidden_at_zoom(page, moving)
        at_320 = await measured_at(page, 320, int(320 * height / width), moving)
    finally:
        await resized(page, width, height)
    return {
        "zoom": zoom_factor,
        "scroll_width": at_zoom["scroll_width"],
        "client_width": at_zoom["client_width"],
        "horizontal_scroll": at_zoom["horizontal_scroll"] and not at_zoom["only_two_d"],
        "document_scroll": at_zoom["horizontal_scroll"],
        "overflow": at_zoom["overflow"],
        "clipped": at_zoom["clipped"],
        "clipped_at_100": at_100["clipped"],
        "clipped_moving": at_zoom["clipped_moving"],
        # text rendered at 100 % and not at 200 % (a style sheet's break): lost, folded behind a control
        # (opened from the keyboard, or by a mouse click only) or moved elsewhere on the page
        "hidden": hidden,
        "reflow_320": {
            "horizontal_scroll": at_320["horizontal_scroll"] and not at_320["only_two_d"],
            "scroll_width": at_320["scroll_width"],
            "overflow": at_320["overflow"][:5],
        },
    }
