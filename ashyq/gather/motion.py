# ruff: noqa: E501  (JavaScript kept on readable lines)
"""Content that moves, blinks, scrolls or changes by itself, and the control that stops it
(Appendix 14 row 3.2, WCAG 2.2.2).

What moves is watched from the moment the page starts: a recorder installed before any of the
page's scripts (:data:`RECORDER`) notes every change the page makes to its own text and to the
position of its elements, until the first simulated key press or click; what one batch of the
page's changes does to an element is one change of it (a list given eight items at once changed
once). Read together with the
running CSS animations, ``<marquee>``/``<blink>`` and autoplaying video (one declared ``autoplay
loop`` counts even where this browser cannot decode it: it moves for ever in a reader's), that is what moved. The
page's timers are watched too: what one run of a ``setInterval`` (or of a timeout that re-arms
itself) changes is one move of the changed elements' common ancestor, so a carousel turned by a
script timer is seen however few attributes each slide changes; the page is watched until such a
timer (of at most a few seconds) has run twice. A web component's open shadow root is watched as the
document is, and its controls are looked for there too (a carousel and its pause button drawn inside
one); what is recorded names such an element through its hosts (``host >> element``).

What changes for less than five seconds and then stays still (counters counting up once on load, still for well over
a second before the watch ends) does not move in WCAG 2.2.2's sense and is not recorded; the watch goes on while
such a change may still settle (slowed on a busy machine, it has not been still for 1.5 s nor changed for 5 s). How
long a change made by the runs of one timer lasts is the time the page scheduled for them (runs less one, times the
delay), not the time a busy browser took to run them: the verdict does not depend on the machine's load.

A moving thing is under control when a control to pause, stop or hide it is **visible and in the
keyboard's tab order** (a native button, link, checkbox or input, or an element given a role and a
tab stop), named as such by its text or its label: a pause button only a mouse can reach does not
count; a labelled "stop the ticker" checkbox does. Where the change is frequent enough to be
watched again, the control is pressed with the keyboard and the change must stop.
"""

from __future__ import annotations

from typing import Any

from ashyq.gather.probes import DEEP, PATH_SELECTOR_OF

# Installed with the context's init scripts: runs in every page before the page's own scripts.
RECORDER = """
(() => {
  if (window.__ashyqMoves) return;
  const moves = window.__ashyqMoves = [];
  const ticks = window.__ashyqTicks = [];  // [delay, time, [elements]]: what one run of a page's timer changed
  const repeating = window.__ashyqRepeating = {};  // delay → when first armed (setInterval, or a timeout re-armed by itself)
  const firsts = window.__ashyqFirsts = [];  // [delay, armed, ran]: timeouts that may start a chain
  const runsOf = window.__ashyqRuns = {};  // delay → [runs, when the last ended], whatever they changed
  window.__ashyqQuiet = null;  // set when a probe starts acting on the page
  let obs = null;
  const note = (records, delay) => {
    if (window.__ashyqQuiet !== null) return;
    const now = performance.now();
    const changed = [];
    const once = new Map();  // one batch is one change of an element: eight items appended at once are one
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName && r.attributeName.startsWith('data-ashyq')) continue;
      let el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (!el) continue;
      const kind = r.type === 'attributes' ? 'attribute' : 'text';
      const kinds = once.get(el) || new Set();
      if (kinds.has(kind)) continue;
      kinds.add(kind); once.set(el, kinds);
      if (moves.length < 4000) moves.push([el, kind, now, delay]);
      changed.push(el);
    }
    if (delay !== undefined && changed.length && ticks.length < 400) ticks.push([delay, now, changed.slice(0, 50)]);
  };
  const watched = {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'aria-hidden', 'src', 'srcset']};
  // a web component's open shadow root is watched as the document is (a carousel drawn inside one)
  const roots = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (init && init.mode === 'open') { if (obs) obs.observe(root, watched); else roots.push(root); }
    return root;
  };
  const start = () => {
    obs = new MutationObserver((records) => note(records));
    obs.observe(document.documentElement, watched);
    for (const root of roots) obs.observe(root, watched);
  };
  // a page's timers: what each run changes is taken at its end and credited to the timer's delay
  const wrap = (original, repeats) => function (fn, delay, ...rest) {
    if (typeof fn !== 'function') return original.call(this, fn, delay, ...rest);
    const d = Math.max(0, Number(delay) || 0);
    if (d >= 400 && (repeats || window.__ashyqInTimer === d) && !(d in repeating)) repeating[d] = performance.now();
    const first = !repeats && window.__ashyqInTimer !== d && d >= 1000 && firsts.length < 50 ? [d, performance.now(), false] : null;
    if (first) firsts.push(first);
    const run = function (...args) {
      if (first) first[2] = true;
      const outer = window.__ashyqInTimer; window.__ashyqInTimer = d;
      try { return fn.apply(this, args); }
      finally {
        window.__ashyqInTimer = outer; if (obs) note(obs.takeRecords(), d);
        const c = runsOf[d] || (runsOf[d] = [0, 0]); c[0]++; c[1] = performance.now();
      }
    };
    return original.call(this, run, delay, ...rest);
  };
  window.setInterval = wrap(window.setInterval, true);
  window.setTimeout = wrap(window.setTimeout, false);
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();
"""

# How much longer the page must be watched for a repeating timer (a carousel turning every few
# seconds) to have run twice, in ms (0: nothing waits); timers slower than ``longest`` ms are not waited for.
# WCAG 2.2.2's five seconds, and how long a change must have been still before the watch ends to count as stopped
# (counters counting up once): one pair for the watch's length (PENDING) and the judgement (MOTION)
# A change made by runs of one page timer lasts as long as the page scheduled it, (runs - 1) × delay, however
# late a busy machine ran those runs (a counter ticking 30 times every 110 ms counts for 3.3 s, not for the 6 s a
# loaded browser may take); a change by anything else lasts from its first to its last moment.
SETTLED = """  const SETTLED_SPAN = 5000, SETTLED_QUIET = 1500;
  const spanOf = (c) => (c.delay >= 50 ? Math.min(c.last - c.first, (c.changes - 1) * c.delay) : c.last - c.first);
  const tally = (c, at, delay) => { c.last = at; c.changes++; if (c.delay !== delay) c.delay = -1; return c; };
"""

PENDING = (
    """
(longest) => {
"""
    + SETTLED
    + """  const now = performance.now(); let wait = 0;
  for (const [delay, armed] of Object.entries(window.__ashyqRepeating || {})) {
    const d = Number(delay); if (d > longest) continue;
    const [runs, last] = (window.__ashyqRuns || {})[d] || [0, 0];
    if (runs >= 2) continue;
    // the next run is due a delay after the last one seen (on a busy machine timers run late)
    const due = (runs ? last + d : armed + 2 * d) + 250 - now;
    // overdue: a little longer, until two more delays have passed without it
    wait = Math.max(wait, due > 0 ? due : (now < armed + 4 * d + 500 ? 200 : 0));
  }
  // a timeout not yet run may re-arm itself when it runs (a carousel's chain): wait for it, then ask again
  for (const [d, armed, ran] of (window.__ashyqFirsts || [])) if (!ran && d <= longest) wait = Math.max(wait, armed + d + 250 - now);
  // text still changing that may yet settle (counters counting up on load, slowed on a busy machine): watched until
  // it has been still for SETTLED_QUIET or has changed for SETTLED_SPAN, so that MOTION can tell which
  const spans = new Map();
  for (const [el, kind, at, delay] of (window.__ashyqMoves || [])) spans.set(el, tally(spans.get(el) || {first: at, last: at, changes: 0, delay}, at, delay));
  for (const c of spans.values())
    if (c.changes >= 2 && spanOf(c) < SETTLED_SPAN && now - c.last < SETTLED_QUIET) wait = Math.max(wait, c.last + SETTLED_QUIET + 100 - now);
  return Math.max(0, Math.round(wait));
}
"""
)

QUIET = "() => { window.__ashyqQuiet = performance.now(); }"

MOTION = (
    """
([pauseWords, otherWords]) => {
"""
    + PATH_SELECTOR_OF
    + DEEP
    + SETTLED
    + """  const visible = (el) => { if (!el || !el.isConnected) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && parseFloat(s.opacity || '1') > 0; };
  const labelsOf = (el) => [...(el.labels || [])].map(l => l.innerText || '').join(' ') + ' '
      + (el.getAttribute('aria-labelledby') || '').split(/\\s+/).map(id => { const t = id && document.getElementById(id); return t ? t.innerText || t.textContent || '' : ''; }).join(' ');
  const textOf = (el) => ((el.innerText || el.textContent || '') + ' ' + labelsOf(el) + ' ' + (el.getAttribute('aria-label') || '') + ' ' + (el.title || '') + ' ' + (['checkbox', 'radio'].includes(el.type) ? '' : el.value || '')
      + ' ' + [...el.querySelectorAll('img[alt]')].map(i => i.alt).join(' ')).toLowerCase().replace(/\\s+/g, ' ').trim();
  const moving = [];
  const seen = new Set();
  const add = (el, kind, extra) => { if (!el || seen.has(el) || !visible(el)) return; seen.add(el); moving.push({el, selector: deepSelectorOf(el), kind, ...(extra || {})}); };
  for (const anim of document.getAnimations()) {
    const target = anim.effect && anim.effect.target; const timing = anim.effect && anim.effect.getTiming();
    if (target && target.nodeType === 1 && anim.playState === 'running' && timing && timing.iterations === Infinity) add(target, 'animation');
  }
  deepAll('marquee, blink').forEach(el => add(el, el.localName));
  // a video that starts by itself: playing, or declared to loop (it plays on for ever in a reader's
  // browser even where this one cannot decode it); the player's own controls are a way to pause it
  deepAll('video[autoplay]').forEach(el => { if (!el.controls && (!el.paused || el.loop)) add(el, el.loop ? 'looping-video' : 'autoplay-video'); });
  // what the page changed by itself: text that changed at least twice, boxes that moved at least twice
  const counts = new Map();
  const until = window.__ashyqQuiet === null ? performance.now() : window.__ashyqQuiet;
  for (const [el, kind, at, delay] of (window.__ashyqMoves || [])) {
    if (at > until) continue;
    const c = tally(counts.get(el) || {text: 0, attribute: 0, first: at, last: at, changes: 0, delay}, at, delay);
    c[kind]++; counts.set(el, c);
  }
  const pageText = (document.body ? document.body.innerText : '').trim();
  const changing = [...counts.entries()].filter(([el, c]) => (c.text >= 2 || c.attribute >= 3) && visible(el)
    && (el.innerText || '').trim() !== pageText);  // a text changing alone on an empty page moves among nothing
  // the outermost changing element of each group (a slide show changes many children at once)
  const roots = changing.filter(([el]) => !changing.some(([other]) => other !== el && other.contains(el)));
  // what a repeating timer changed at least twice: each run's changes are one move of their common
  // ancestor (a carousel changes two slides at once), whatever the number of attribute changes
  const common = (els) => { let a = els[0]; for (const b of els.slice(1)) { while (a && !a.contains(b)) a = a.parentElement; } return a; };
  const runs = new Map();
  for (const [delay, at, els] of (window.__ashyqTicks || [])) {
    if (at > until || delay < 400) continue;
    const shown = els.filter(e => e.isConnected);
    const box = shown.length ? common(shown) : null;
    if (!box || box === document.body || box === document.documentElement) continue;
    const r = runs.get(box) || {count: 0, delay}; r.count++; runs.set(box, r);
  }
  for (const [el, r] of runs) {
    if (r.count < 2) continue;
    const shown = visible(el) ? el : el.parentElement;
    if (!shown || (shown.innerText || '').trim() === pageText) continue;  // alone on an empty page: it moves among nothing
    if ((shown.innerText || '').trim() || shown.querySelector('img, picture, svg, video') || ['img', 'picture'].includes(shown.localName))
      add(shown.closest('section, [class*=slide], [class*=carousel], [class*=ticker], [class*=marquee], [class*=news]') || shown, 'timer-rotation', {interval_ms: r.delay});
  }
  for (const [el, c] of roots.slice(0, 10)) {
    // what changed for under five seconds and then stopped (counters counting up once on load) is no motion that
    // lasts more than five seconds (WCAG 2.2.2): it has been still since well before the watch ended
    if (spanOf(c) < SETTLED_SPAN && until - c.last >= SETTLED_QUIET) continue;
    const box = el.closest('section, [class*=slide], [class*=carousel], [class*=ticker], [class*=marquee], [class*=news]') || el;
    if ((el.innerText || '').trim() || el.querySelector('img')) add(box, c.text >= 2 ? 'changing-text' : 'scripted-motion', {interval_ms: Math.round((c.last - c.first) / Math.max(1, c.text + c.attribute - 1))});
  }
  // the controls: visible, in the tab order, labelled as pause / stop / hide
  const controls = deepAll('button, a[href], input[type=button], input[type=submit], input[type=image], input[type=checkbox], [role=button], [role=switch], [role=checkbox], [tabindex]')
    .filter(el => [...pauseWords, ...otherWords].some(w => textOf(el).includes(w.toLowerCase())));
  const described = controls.map(el => ({el, selector: deepSelectorOf(el), text: textOf(el).slice(0, 60), visible: visible(el),
    stops: pauseWords.some(w => textOf(el).includes(w.toLowerCase())),
    keyboard: !el.disabled && el.tabIndex >= 0 && !el.closest('[inert]'),
    // a checkbox or switch is toggled with Space; a link that leads elsewhere is not pressed
    key: (el.type === 'checkbox' || ['checkbox', 'switch'].includes(el.getAttribute('role'))) ? 'Space' : 'Enter',
    leaves: el.localName === 'a' && !/^(#|javascript:)/.test(el.getAttribute('href') || '#')}));
  const usable = described.filter(c => c.visible && c.keyboard);
  const out = moving.slice(0, 20).map(m => {
    const {el, ...rest} = m;
    // the nearest usable control: in the moving thing's own block, else anywhere on the page
    let near = null;
    for (let n = el; n && !near; n = up(n)) near = usable.find(c => deepContains(n, c.el));
    const chosen = near || usable[0] || null;
    return {...rest, control: chosen ? chosen.selector : null, control_stops: chosen ? chosen.stops : null,
            control_key: chosen ? chosen.key : null, control_leaves: chosen ? chosen.leaves : null};
  });
  const plain = ({el, ...rest}) => rest;
  return {moving: out, pause_controls: usable.map(c => c.selector).slice(0, 10),
          unusable_controls: described.filter(c => !(c.visible && c.keyboard)).slice(0, 10).map(plain)};
}
"""
)

# Was there any change to this element since the mark?
CHANGED_SINCE = (
    """
([selector, since]) => {
"""
    + PATH_SELECTOR_OF
    + DEEP
    + """
  const el = deepOne(selector);
  if (!el) return {gone: true};
  const s = getComputedStyle(el); const r = el.getBoundingClientRect();
  if (s.display === 'none' || s.visibility === 'hidden' || r.width === 0 || r.height === 0) return {hidden: true};
  const anims = el.getAnimations ? el.getAnimations({subtree: true}).filter(a => a.playState === 'running').length : 0;
  return {changes: (window.__ashyqLater || []).filter(([n, at]) => at > since && (deepContains(el, n) || deepContains(n, el))).length, animations: anims};
}
"""
)

# A second recorder for after a control was pressed (the first stops at the first interaction).
WATCH_AGAIN = (
    """
() => {
"""
    + PATH_SELECTOR_OF
    + DEEP
    + """
  window.__ashyqLater = [];
  const obs = new MutationObserver((records) => { const now = performance.now();
    for (const r of records) { const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      if (el && !(r.attributeName || '').startsWith('data-ashyq') && window.__ashyqLater.length < 2000) window.__ashyqLater.push([el, now]); } });
  const watched = {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style', 'class']};
  obs.observe(document.documentElement, watched);
  for (const root of shadowRoots(document)) obs.observe(root, watched);
  return performance.now();
}
"""
)


async def watch(
    page: Any, pause_words: list[str], other_words: list[str], watched_ms: int, longest_timer_ms: int = 7000
) -> dict[str, Any]:
    """What moved since the page started (at least ``watched_ms`` of it, longer while a repeating timer
    of at most ``longest_timer_ms`` has not yet run twice), and whether each moving thing has a visible,
    keyboard-operable control: one labelled to pause or stop it is pressed (Space for a checkbox or a
    switch, Enter otherwise) and must stop it; one that hides it or sets its pace (``other_words``) is
    taken as it is."""
    elapsed = await page.evaluate("() => performance.now()")
    if elapsed < watched_ms:
        await page.wait_for_timeout(int(watched_ms - elapsed))
    budget = 2 * longest_timer_ms + 250
    for _ in range(8):  # a first timeout that re-arms itself (or a late timer) asks for more, within one budget
        pending = min(int(await page.evaluate(PENDING, longest_timer_ms)), budget)
        if pending <= 0:
            break
        await page.wait_for_timeout(pending)
        budget -= pending
    await page.evaluate(QUIET)
    data: dict[str, Any] = await page.evaluate(MOTION, [pause_words, other_words])
    for item in data["moving"]:
        if _pressable(item):
            item["control_works"] = await _press(page, item)
    return data


def _pressable(item: dict[str, Any]) -> bool:
    """A pause control worth pressing: the change can be watched again in time (a running CSS animation
    at once), and pressing it does not leave the page."""
    if not item.get("control") or not item.get("control_stops") or item.get("control_leaves"):
        return False
    if item["kind"] == "animation":
        return True
    interval = int(item.get("interval_ms") or 0)
    return item["kind"] in ("changing-text", "scripted-motion", "timer-rotation") and 0 < interval <= 2500


async def _press(page: Any, item: dict[str, Any]) -> bool:
    """Press the control with the keyboard: does the moving thing stop (or go)?"""
    interval = int(item.get("interval_ms") or 0)
    since = await page.evaluate(WATCH_AGAIN)
    try:
        await page.focus(str(item["control"]), timeout=2000)
        await page.keyboard.press(str(item.get("control_key") or "Enter"))
        # the change must stop once the press was handled: counted from then, not from before the
        # focus (on a busy machine a tick can fall between the two)
        pressed = await page.evaluate("() => performance.now()")
    except Exception:
        return False
    await page.wait_for_timeout(min(3000, interval * 2 + 300) if interval else 300)
    after = await page.evaluate(CHANGED_SINCE, [item["selector"], max(since + 150, pressed)])
    if after.get("hidden") or after.get("gone"):
        return True
    if item["kind"] == "animation":
        return int(after.get("animations", 1)) == 0
    return int(after.get("changes", 1)) == 0
