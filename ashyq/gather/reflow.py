# ruff: noqa: E501  (JavaScript kept on readable lines)
"""Text at 200 % (Appendix 14 row 3.7, WCAG 1.4.4 and 1.4.10), judged on the document.

Zooming to 200 % gives the page half as many CSS pixels (1280 → 640 px wide). Two things are read:

* **horizontal scrolling of the document**: the page scrolls sideways. What makes it scroll is
  looked up; content that needs two dimensions to be read (a data table, preformatted text, a map,
  a video or picture) may scroll *inside* a page that otherwise reflows (WCAG 1.4.10's exception),
  so a document whose only overflow is such content is not failed for it;
* **text cut off**: a text's box with ``overflow: hidden``/``clip`` that is smaller than the text
  (horizontally, unless it ends in an ellipsis on one line; vertically, unless the box is one line
  high), so part of the text is lost at 200 %.

Text cut off at 200 % counts only where the same box did not already cut it at 100 %: loss is a
difference between the two sizes (a ticker clipped by design at every size loses nothing by zooming).

The same is measured at 320 CSS px (WCAG 1.4.10's width, 400 %) and recorded beside it: the appendix
asks for 200 %, so that figure is information, not a deduction.
"""

from __future__ import annotations

from typing import Any

REFLOW = """
() => {
  const selectorOf = (el) => { if (!el || el.nodeType !== 1) return ''; if (el.id) return '#' + CSS.escape(el.id);
    const parts = []; for (let n = el; n && n.nodeType === 1 && parts.length < 4; n = n.parentElement) {
      let p = n.localName; const par = n.parentElement;
      if (par) { const same = [...par.children].filter(c => c.localName === n.localName); if (same.length > 1) p += ':nth-of-type(' + (same.indexOf(n) + 1) + ')'; }
      parts.unshift(p); if (n.id) { parts[0] = '#' + CSS.escape(n.id); break; } } return parts.join(' > '); };
  const root = document.documentElement, body = document.body;
  const width = root.clientWidth;
  const scrollWidth = Math.max(root.scrollWidth, body ? body.scrollWidth : 0);
  const twoD = 'table, pre, code, img, svg, canvas, video, iframe, object, embed, map, [role=img], [role=grid], [role=math]';
  const scroller = (el) => { for (let n = el.parentElement; n && n !== body && n !== root; n = n.parentElement) {
      const s = getComputedStyle(n); if (['auto', 'scroll'].includes(s.overflowX)) return n; } return null; };
  const hiddenAria = (el) => !!el.closest('[aria-hidden=true]');
  const overflowing = [];
  const clipped = [];
  let budget = 3000;
  if (body) for (const el of body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    if (scrollWidth > width + 2 && r.right > width + 2 && s.position !== 'fixed' && !scroller(el)) {
      const parent = el.parentElement; const pr = parent ? parent.getBoundingClientRect() : null;
      if (!pr || pr.right <= width + 2 || parent === body) overflowing.push({selector: selectorOf(el), two_d: !!el.closest(twoD) || el.matches(twoD), right: Math.round(r.right)});
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
    let cut = null;
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
    }
    if (cut) clipped.push({selector: selectorOf(el), direction: cut, text: (el.innerText || '').trim().slice(0, 80)});
  }
  const causes = overflowing.slice(0, 10);
  return {scroll_width: scrollWidth, client_width: width, horizontal_scroll: scrollWidth > width + 2,
          overflow: causes, only_two_d: causes.length > 0 && causes.every(c => c.two_d), clipped};
}
"""


async def measured_at(page: Any, width: int, height: int) -> dict[str, Any]:
    await page.set_viewport_size({"width": width, "height": height})
    await page.wait_for_timeout(80)
    data: dict[str, Any] = await page.evaluate(REFLOW)
    data["viewport"] = [width, height]
    return data


def _key(clip: dict[str, Any]) -> tuple[str, str]:
    return str(clip.get("selector")), str(clip.get("direction"))


async def zoomed(page: Any, viewport: dict[str, int], zoom_factor: float) -> dict[str, Any]:
    """The page at 200 % (``zoom_factor``) and at 320 CSS px; the desktop viewport is restored after.
    Text is *lost* at 200 % only where it was whole at 100 %: a box that cuts its text at every size
    (a one-line ticker clipped by design) is recorded apart (``clipped_at_100``), not as a loss."""
    width, height = viewport["width"], viewport["height"]
    at_100 = await page.evaluate(REFLOW)
    before = {_key(c) for c in at_100["clipped"]}
    try:
        at_zoom = await measured_at(page, int(width / zoom_factor), int(height / zoom_factor))
        at_320 = await measured_at(page, 320, int(320 * height / width))
    finally:
        await page.set_viewport_size({"width": width, "height": height})
    return {
        "zoom": zoom_factor,
        "scroll_width": at_zoom["scroll_width"],
        "client_width": at_zoom["client_width"],
        "horizontal_scroll": at_zoom["horizontal_scroll"] and not at_zoom["only_two_d"],
        "document_scroll": at_zoom["horizontal_scroll"],
        "overflow": at_zoom["overflow"],
        "clipped": [c for c in at_zoom["clipped"] if _key(c) not in before],
        "clipped_at_100": at_100["clipped"],
        "reflow_320": {
            "horizontal_scroll": at_320["horizontal_scroll"] and not at_320["only_two_d"],
            "scroll_width": at_320["scroll_width"],
            "overflow": at_320["overflow"][:5],
        },
    }
