# ruff: noqa: E501  (JavaScript kept on readable lines)
"""Content that moves, blinks, scrolls or changes by itself, and the control that stops it
(Appendix 14 row 3.2, WCAG 2.2.2).

What moves is watched from the moment the page starts: a recorder installed before any of the
page's scripts (:data:`RECORDER`) notes every change the page makes to its own text and to the
position of its elements, until the first simulated key press or click. Read together with the
running CSS animations, ``<marquee>``/``<blink>`` and autoplaying video, that is what moved.

A moving thing is under control when a control to pause, stop or hide it is **visible and in the
keyboard's tab order** (a native button, link or input, or an element given a role and a tab stop):
a pause button only a mouse can reach does not count. Where the change is frequent enough to be
watched again, the control is pressed with the keyboard and the change must stop.
"""

from __future__ import annotations

from typing import Any

# Installed with the context's init scripts: runs in every page before the page's own scripts.
RECORDER = """
(() => {
  if (window.__ashyqMoves) return;
  const moves = window.__ashyqMoves = [];
  window.__ashyqQuiet = null;  // set when a probe starts acting on the page
  const start = () => {
    const obs = new MutationObserver((records) => {
      if (window.__ashyqQuiet !== null) return;
      const now = performance.now();
      for (const r of records) {
        if (r.type === 'attributes' && r.attributeName && r.attributeName.startsWith('data-ashyq')) continue;
        let el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        if (!el) continue;
        const kind = r.type === 'attributes' ? 'attribute' : 'text';
        if (moves.length < 4000) moves.push([el, kind, now]);
      }
    });
    obs.observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'aria-hidden']});
  };
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();
"""

QUIET = "() => { window.__ashyqQuiet = performance.now(); }"

MOTION = """
([pauseWords, otherWords]) => {
  const selectorOf = (el) => { if (!el || el.nodeType !== 1) return ''; if (el.id) return '#' + CSS.escape(el.id);
    const parts = []; for (let n = el; n && n.nodeType === 1 && parts.length < 4; n = n.parentElement) {
      let p = n.localName; const par = n.parentElement;
      if (par) { const same = [...par.children].filter(c => c.localName === n.localName); if (same.length > 1) p += ':nth-of-type(' + (same.indexOf(n) + 1) + ')'; }
      parts.unshift(p); if (n.id) { parts[0] = '#' + CSS.escape(n.id); break; } } return parts.join(' > '); };
  const visible = (el) => { if (!el || !el.isConnected) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && parseFloat(s.opacity || '1') > 0; };
  const textOf = (el) => ((el.innerText || el.textContent || '') + ' ' + (el.getAttribute('aria-label') || '') + ' ' + (el.title || '') + ' ' + (el.value || '')
      + ' ' + [...el.querySelectorAll('img[alt]')].map(i => i.alt).join(' ')).toLowerCase().replace(/\\s+/g, ' ').trim();
  const moving = [];
  const seen = new Set();
  const add = (el, kind, extra) => { if (!el || seen.has(el) || !visible(el)) return; seen.add(el); moving.push({el, selector: selectorOf(el), kind, ...(extra || {})}); };
  for (const anim of document.getAnimations()) {
    const target = anim.effect && anim.effect.target; const timing = anim.effect && anim.effect.getTiming();
    if (target && target.nodeType === 1 && anim.playState === 'running' && timing && timing.iterations === Infinity) add(target, 'animation');
  }
  document.querySelectorAll('marquee, blink').forEach(el => add(el, el.localName));
  document.querySelectorAll('video[autoplay]').forEach(el => { if (!el.controls && !el.paused) add(el, 'autoplay-video'); });
  // what the page changed by itself: text that changed at least twice, boxes that moved at least twice
  const counts = new Map();
  const until = window.__ashyqQuiet === null ? performance.now() : window.__ashyqQuiet;
  for (const [el, kind, at] of (window.__ashyqMoves || [])) {
    if (at > until) continue;
    const key = el; const c = counts.get(key) || {text: 0, attribute: 0, first: at, last: at};
    c[kind]++; c.last = at; counts.set(key, c);
  }
  const pageText = (document.body ? document.body.innerText : '').trim();
  const changing = [...counts.entries()].filter(([el, c]) => (c.text >= 2 || c.attribute >= 3) && visible(el)
    && (el.innerText || '').trim() !== pageText);  // a text changing alone on an empty page moves among nothing
  // the outermost changing element of each group (a slide show changes many children at once)
  const roots = changing.filter(([el]) => !changing.some(([other]) => other !== el && other.contains(el)));
  for (const [el, c] of roots.slice(0, 10)) {
    const box = el.closest('section, [class*=slide], [class*=carousel], [class*=ticker], [class*=marquee], [class*=news]') || el;
    if ((el.innerText || '').trim() || el.querySelector('img')) add(box, c.text >= 2 ? 'changing-text' : 'scripted-motion', {interval_ms: Math.round((c.last - c.first) / Math.max(1, c.text + c.attribute - 1))});
  }
  // the controls: visible, in the tab order, labelled as pause / stop / hide
  const controls = [...document.querySelectorAll('button, a[href], input[type=button], input[type=submit], input[type=image], [role=button], [role=switch], [tabindex]')]
    .filter(el => [...pauseWords, ...otherWords].some(w => textOf(el).includes(w.toLowerCase())));
  const described = controls.map(el => ({selector: selectorOf(el), text: textOf(el).slice(0, 60), visible: visible(el),
    stops: pauseWords.some(w => textOf(el).includes(w.toLowerCase())),
    keyboard: !el.disabled && el.tabIndex >= 0 && !el.closest('[inert]')}));
  const usable = described.filter(c => c.visible && c.keyboard);
  const out = moving.slice(0, 20).map(m => {
    const {el, ...rest} = m;
    // the nearest usable control: in the moving thing's own block, else anywhere on the page
    let near = null;
    for (let n = el; n && !near; n = n.parentElement) near = usable.find(c => { const c2 = document.querySelector(c.selector); return c2 && n.contains(c2); });
    const chosen = near || usable[0] || null;
    return {...rest, control: chosen ? chosen.selector : null, control_stops: chosen ? chosen.stops : null};
  });
  return {moving: out, pause_controls: usable.map(c => c.selector).slice(0, 10),
          unusable_controls: described.filter(c => !(c.visible && c.keyboard)).slice(0, 10)};
}
"""

# Was there any change to this element since the mark?
CHANGED_SINCE = """
([selector, since]) => {
  const el = document.querySelector(selector);
  if (!el) return {gone: true};
  const s = getComputedStyle(el); const r = el.getBoundingClientRect();
  if (s.display === 'none' || s.visibility === 'hidden' || r.width === 0 || r.height === 0) return {hidden: true};
  const anims = el.getAnimations ? el.getAnimations({subtree: true}).filter(a => a.playState === 'running').length : 0;
  return {changes: (window.__ashyqLater || []).filter(([n, at]) => at > since && (el.contains(n) || n.contains(el))).length, animations: anims};
}
"""

# A second recorder for after a control was pressed (the first stops at the first interaction).
WATCH_AGAIN = """
() => {
  window.__ashyqLater = [];
  const obs = new MutationObserver((records) => { const now = performance.now();
    for (const r of records) { const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && !(r.attributeName || '').startsWith('data-ashyq') && window.__ashyqLater.length < 2000) window.__ashyqLater.push([el, now]); } });
  obs.observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style', 'class']});
  return performance.now();
}
"""


async def watch(page: Any, pause_words: list[str], other_words: list[str], watched_ms: int) -> dict[str, Any]:
    """What moved since the page started (at least ``watched_ms`` of it), and whether each moving
    thing has a visible, keyboard-operable control: one labelled to pause or stop it is pressed and
    must stop it; one that hides it or sets its pace (``other_words``) is taken as it is."""
    elapsed = await page.evaluate("() => performance.now()")
    if elapsed < watched_ms:
        await page.wait_for_timeout(int(watched_ms - elapsed))
    await page.evaluate(QUIET)
    data: dict[str, Any] = await page.evaluate(MOTION, [pause_words, other_words])
    # press each control once with the keyboard, where the change can be watched again in time
    for item in data["moving"]:
        control = item.get("control")
        interval = int(item.get("interval_ms") or 0)
        if (
            not control
            or not item.get("control_stops")
            or item["kind"] not in ("changing-text", "scripted-motion")
            or not 0 < interval <= 2500
        ):
            continue
        since = await page.evaluate(WATCH_AGAIN)
        try:
            await page.focus(control, timeout=2000)
            await page.keyboard.press("Enter")
            # the change must stop once the press was handled: counted from then, not from before the
            # focus (on a busy machine a tick can fall between the two)
            pressed = await page.evaluate("() => performance.now()")
        except Exception:
            item["control_works"] = False
            continue
        await page.wait_for_timeout(min(3000, interval * 2 + 300))
        after = await page.evaluate(CHANGED_SINCE, [item["selector"], max(since + 150, pressed)])
        item["control_works"] = bool(after.get("hidden") or after.get("gone") or after.get("changes", 1) == 0)
    return data
