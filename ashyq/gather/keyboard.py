# ruff: noqa: E501  (JavaScript kept on readable lines)
"""The page driven from the keyboard alone (Appendix 14 rows 3.3 and 3.4).

* **Visible focus** (WCAG 2.4.7): the page is tabbed through; at each stop the region around the
  focused element is photographed, and photographed again once nothing has focus, at the same scroll
  position (one photograph of the viewport per scroll position, cut to each stop's region: the same
  pixels, one round trip to the browser per position instead of one per stop). A stop whose pixels
  do not change shows no focus at all (an indicator drawn anywhere in that region counts, as the
  criterion asks: it need not be an outline of the element itself).
* **Keyboard traps** (2.1.2): tabbing that comes back to an element it has already passed, before
  it has left the page, is a trap *candidate*; it is one when going back (Shift+Tab) does not leave
  it either and no key the page itself names ("Press Ctrl+M to exit", also behind a help link inside
  the trap) takes the focus out.
* **Skip link** (2.4.1, row 3.4): the first same-page link (or button) of the tab order that leads
  past the repeated blocks is activated with Enter, and the next Tab must land in the main content:
  a link that is there but moves nothing is not a way to the main content.
"""

from __future__ import annotations

import io
import math
import re
from typing import Any

from ashyq.gather.probes import DEEP

SETTLE_MS = 60  # after a key: scripts that move the focus back run within it
REGION_PAD = 24  # px around the focused element photographed for its indicator
MIN_CHANGED = 4  # changed pixels that make an indicator (a caret or anti-aliasing is fewer)

# Marks every element with a stable number and says how many are in the sequential focus order.
PREPARE = """
() => {
  let n = 0;
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable=true]')]
    .filter(el => !el.disabled && el.tabIndex >= 0 && visible(el) && !el.closest('[inert]'));
  document.querySelectorAll('*').forEach(el => { if (!el.hasAttribute('data-ashyq-n')) el.setAttribute('data-ashyq-n', String(n++)); });
  // a dialog open on arrival that holds the focus (or is modal) is where a keyboard user starts
  const dialog = [...document.querySelectorAll('dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true]')]
    .find(d => visible(d) && (d.contains(document.activeElement) || d.matches(':modal, [aria-modal=true]')));
  const active = document.activeElement;
  if (active && active !== document.body && !(dialog && dialog.contains(active))) active.blur();
  window.scrollTo(0, 0);
  if (dialog && !dialog.contains(document.activeElement)) {
    const first = focusable.find(el => dialog.contains(el));
    if (first) { first.focus(); first.blur(); }  // the next Tab goes on from there
  }
  return focusable.length;
}
"""

SELECTOR_OF = """
const selectorOf = (el) => {
  if (!el || el.nodeType !== 1) return '';
  if (el.id) return '#' + CSS.escape(el.id);
  const parts = [];
  for (let node = el; node && node.nodeType === 1 && parts.length < 4; node = node.parentElement) {
    let part = node.localName;
    const parent = node.parentElement;
    if (parent) { const same = [...parent.children].filter(c => c.localName === node.localName);
      if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(node) + 1) + ')'; }
    parts.unshift(part);
    if (node.id) { parts[0] = '#' + CSS.escape(node.id); break; }
  }
  return parts.join(' > ');
};
"""

# Where the focus is now: the element (inside a same-origin frame when a frame has it), its box.
WHERE = (
    "() => {"
    + SELECTOR_OF
    + """
  let el = document.activeElement, frame = null;
  while (el && el.localName === 'iframe') {
    let inner = null;
    try { inner = el.contentDocument && el.contentDocument.activeElement; } catch (e) { inner = null; }
    if (!inner || inner === el.contentDocument.body) break;
    frame = frame || el; el = inner;
  }
  if (!el || el === document.body || el === document.documentElement) return null;
  const box = (frame || el).getBoundingClientRect();
  const own = el.getBoundingClientRect();
  const r = frame ? {left: box.left + own.left, top: box.top + own.top, width: own.width, height: own.height} : own;
  return {id: (frame ? frame.getAttribute('data-ashyq-n') + '/' : '') + (el.getAttribute('data-ashyq-n') || selectorOf(el)),
          selector: (frame ? selectorOf(frame) + ' >>> ' : '') + selectorOf(el), html: el.outerHTML.slice(0, 160),
          tag: el.localName, href: el.getAttribute('href'), text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 80),
          rect: [r.left, r.top, r.width, r.height], scroll: [window.scrollX, window.scrollY]};
}"""
)

BLUR = "() => { const el = document.activeElement; if (el && el !== document.body) el.blur(); }"
SCROLL = "([x, y]) => window.scrollTo(x, y)"

# Visible text naming a key to press: "Press Ctrl+M to exit", "нажмите Esc", "M-key" …
KEY_TEXT = "() => (document.body ? document.body.innerText : '').slice(0, 20000)"
KEY_NAMES = {
    "esc": "Escape", "escape": "Escape", "enter": "Enter", "tab": "Tab", "space": " ", "пробел": " ",
    "ctrl": "Control", "control": "Control", "alt": "Alt", "shift": "Shift",
}  # fmt: skip
KEY_PATTERN = re.compile(
    r"(?:press|use|нажмите|нажать|используйте|басыңыз|басу)\s+(?:the\s+|клавиш[уиа]\s+|пернесін\s+)?"
    r"((?:(?:ctrl|control|alt|shift)\s*\+\s*)*(?:esc(?:ape)?|enter|tab|space|пробел|f\d{1,2}|[a-zа-я0-9]))"
    r"(?:[\s-]*(?:key|клавиш\w*|перне\w*))?(?=[\s.,;:!)]|$)",
    re.I,
)


def keys_named(text: str) -> list[str]:
    """Key combinations a page's text tells the visitor to press, in Playwright's notation."""
    out: list[str] = []
    for found in KEY_PATTERN.finditer(text):
        parts = [p.strip() for p in re.split(r"\s*\+\s*", found.group(1)) if p.strip()]
        names = [KEY_NAMES.get(p.lower(), p.upper() if len(p) == 1 and not p.isalpha() else p) for p in parts]
        names = [n if len(n) > 1 or not n.isalpha() else n.lower() for n in names]
        if "Control" in names or "Alt" in names:
            names = [n.upper() if len(n) == 1 else n for n in names]
        combo = "+".join(names)
        if combo and combo not in out:
            out.append(combo)
    return out[:4]


async def _settled(page: Any, key: str) -> dict[str, Any] | None:
    await page.keyboard.press(key)
    await page.wait_for_timeout(SETTLE_MS)
    where: dict[str, Any] | None = await page.evaluate(WHERE)
    return where


def changed_pixels(a: bytes | Any, b: bytes | Any) -> int:
    """How many pixels differ between two photographs of the same region (PNG bytes, or images)."""
    from PIL import Image, ImageChops

    first, second = ((Image.open(io.BytesIO(x)) if isinstance(x, bytes) else x).convert("RGB") for x in (a, b))
    if first.size != second.size:
        return first.size[0] * first.size[1]
    diff = ImageChops.difference(first, second).convert("L").point(lambda v: 255 if v > 24 else 0)
    histogram = diff.histogram()
    return int(histogram[255])


def _box(page: Any, rect: list[float]) -> tuple[int, int, int, int] | None:
    """The region photographed around an element's box (CSS pixels, whole ones, inside the viewport)."""
    viewport = page.viewport_size or {"width": 1280, "height": 800}
    left, top = max(0, math.floor(rect[0] - REGION_PAD)), max(0, math.floor(rect[1] - REGION_PAD))
    right = min(int(viewport["width"]), math.ceil(rect[0] + rect[2] + REGION_PAD))
    bottom = min(int(viewport["height"]), math.ceil(rect[1] + rect[3] + REGION_PAD))
    if right - left < 1 or bottom - top < 1:
        return None
    return left, top, right, bottom


async def _region(page: Any, rect: list[float]) -> bytes | None:
    box = _box(page, rect)
    if box is None:
        return None
    left, top, right, bottom = box
    shot: bytes = await page.screenshot(clip={"x": left, "y": top, "width": right - left, "height": bottom - top})
    return shot


def _cut(viewport_shot: Any, page: Any, rect: list[float]) -> Any | None:
    """The region around ``rect`` cut from a photograph of the whole viewport (at its pixel ratio)."""
    box = _box(page, rect)
    if box is None:
        return None
    viewport = page.viewport_size or {"width": 1280, "height": 800}
    ratio = viewport_shot.size[0] / int(viewport["width"])
    return viewport_shot.crop(tuple(round(edge * ratio) for edge in box))


async def tab_through(page: Any, stops: int, max_presses: int = 40) -> dict[str, Any]:
    """Tab through the page: the controls only a mouse can use, the focus indicator at the first
    ``stops`` stops, and traps (tabbing starts inside a dialog open on arrival that holds the focus
    or is modal, as a keyboard user's would)."""
    clicks_only = await mouse_only(page)
    hovered = await hover_only(page)
    focusable = int(await page.evaluate(PREPARE))
    sequence: list[dict[str, Any] | None] = []
    shots: list[tuple[dict[str, Any], bytes | None]] = []
    seen: dict[str, int] = {}
    trap_at: int | None = None
    for _ in range(min(max_presses, focusable * 2 + 3)):
        where = await _settled(page, "Tab")
        sequence.append(where)
        if where is None:
            if any(s is not None for s in sequence[:-1]):
                break  # went round: the focus left the page, nothing held it
            continue
        if where["id"] in seen and all(s is not None for s in sequence[seen[where["id"]] :]):
            trap_at = len(sequence) - 1
            break
        seen[where["id"]] = len(sequence) - 1
        if len(shots) < stops:
            shots.append((where, await _region(page, where["rect"])))
    trap = await _trap(page, sequence, trap_at) if trap_at is not None else None
    await page.evaluate(BLUR)
    await page.wait_for_timeout(SETTLE_MS)
    visible, invisible = 0, []
    unfocused: dict[tuple[float, ...], Any] = {}  # scroll position -> the viewport with nothing focused
    for where, focused in shots:
        at = tuple(where["scroll"])
        if at not in unfocused:
            from PIL import Image

            await page.evaluate(SCROLL, where["scroll"])
            await page.wait_for_timeout(20)
            unfocused[at] = Image.open(io.BytesIO(await page.screenshot())).convert("RGB")
        plain = _cut(unfocused[at], page, where["rect"])
        if focused is None or plain is None:
            continue
        if changed_pixels(focused, plain) >= MIN_CHANGED:
            visible += 1
        else:
            invisible.append({"selector": where["selector"], "html": where["html"]})
    stops_seen = [s for s in sequence if s is not None]
    return {
        "focusable": focusable,
        "tab_stops": visible + len(invisible),
        "visible": visible,
        "invisible": invisible[:10],
        "trapped": bool(trap and trap["trapped"]),
        "trap": trap,
        "reached": len({s["id"] for s in stops_seen}),
        "mouse_only": clicks_only,
        "hover_only": hovered,
    }


async def _trap(page: Any, sequence: list[dict[str, Any] | None], at: int) -> dict[str, Any]:
    """The focus came back to an element before leaving the page: does anything let it out?"""
    last = sequence[at]
    assert last is not None
    first = next(n for n, s in enumerate(sequence) if s is not None and s["id"] == last["id"])
    cycle = {s["id"] for s in sequence[first:at] if s is not None} | {last["id"]}
    members = [s for s in sequence[first:at] if s is not None]
    out: dict[str, Any] = {"cycle": [s["selector"] for s in members][:6], "trapped": False}
    for _ in range(len(cycle) * 2 + 2):  # backwards
        where = await _settled(page, "Shift+Tab")
        if where is None or where["id"] not in cycle:
            out["escape"] = "Shift+Tab"
            return out
    keys = keys_named(await page.evaluate(KEY_TEXT))
    if not keys:  # instructions may sit behind a help link inside the trap; a button may close it
        for member in members[:4]:
            if member["tag"] in ("a", "button"):
                await page.evaluate(
                    "(s) => { const el = document.querySelector(s); if (el) el.focus(); }", member["selector"]
                )
                where = await _settled(page, "Enter")
                if where is None or where["id"] not in cycle:
                    out["escape"] = f"Enter on {member['selector']}"  # it closed what held the focus
                    return out
                keys = keys_named(await page.evaluate(KEY_TEXT))
                if keys:
                    break
    # Escape is the standard way out of a dialog, named or not
    keys = list(dict.fromkeys([*keys, "Escape"]))
    out["keys_named"] = keys
    for key in keys:
        await page.evaluate(
            "(s) => { const el = document.querySelector(s); if (el) el.focus(); }", members[0]["selector"]
        )
        await page.wait_for_timeout(SETTLE_MS)
        try:
            where = await _settled(page, key)
        except Exception:
            continue
        if where is None or where["id"] not in cycle:
            out["escape"] = key
            return out
    out["trapped"] = True
    return out


# ------------------------------------------------------------------------------ mouse-only controls
# Installed with the context's init scripts, before the page's own: notes every element given a
# click (or press) listener, so a control made of a ``div`` is known by what it answers.
CLICK_LISTENERS = """
(() => {
  if (window.__ashyqClicks) return;
  const marked = window.__ashyqClicks = new WeakSet();
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (this && this.nodeType === 1 && ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'].includes(type)) marked.add(this);
    return add.call(this, type, listener, options);
  };
})();
"""

# Elements that answer a click but that the keyboard cannot reach (WCAG 2.1.1): a click handler, not
# natively focusable, no tab stop of their own, inside no focusable control and holding none (a
# listener on a block that only delegates its links' clicks is not a control), with something to
# click on (a short text or a picture); those inside a web component's open shadow roots as well.
MOUSE_ONLY = (
    "() => {"
    + SELECTOR_OF
    + DEEP
    + """
  const natively = 'a[href], button, input, select, textarea, summary, iframe, label, [contenteditable=true], video[controls], audio[controls]';
  const marked = window.__ashyqClicks || new WeakSet();
  const shown = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const reachable = (el) => el.tabIndex >= 0 && !el.disabled;
  const out = []; let count = 0;
  const all = document.body ? [...document.body.querySelectorAll('*'), ...shadowRoots(document.body).flatMap(r => [...r.querySelectorAll('*')])] : [];
  for (const el of all) {
    if (!(marked.has(el) || typeof el.onclick === 'function')) continue;
    if (el.closest(natively) || el.closest('[inert], [aria-hidden=true]')) continue;
    let focusable = false;
    for (let n = el; n && n !== document.body && !focusable; n = up(n)) focusable = n.hasAttribute('tabindex') && reachable(n);
    if (focusable || [...el.querySelectorAll(natively + ', [tabindex]')].some(reachable)) continue;
    const text = (el.innerText || '').trim().replace(/\\s+/g, ' ');
    if (!shown(el) || (!text && !el.querySelector('img, svg')) || text.length > 120) continue;
    count++;
    if (out.length < 10) out.push({selector: deepSelectorOf(el), text: text.slice(0, 60), html: el.outerHTML.slice(0, 160),
      role: el.getAttribute('role'), pointer: getComputedStyle(el).cursor === 'pointer'});
  }
  return {count, controls: out};
}"""
)


async def mouse_only(page: Any) -> dict[str, Any]:
    """The controls of the page that only a mouse can use (read before the keyboard moves anything)."""
    found: dict[str, Any] = await page.evaluate(MOUSE_ONLY)
    return found


# ------------------------------------------------------------------------------ content on hover
# Links hidden until a pointer rests on the block that holds them (a drop-down menu): the shown
# block (its trigger) and whether it holds a tab stop of its own outside the hidden links. Each
# trigger is marked data-ashyq-hover=<n>, its hidden block data-ashyq-hover-links=<n>, so that the
# driver can point at the one and read the other again.
HOVER_TRIGGERS = (
    "() => {"
    + SELECTOR_OF
    + """
  const shown = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && parseFloat(s.opacity || '1') > 0; };
  const triggers = [];
  for (const a of document.querySelectorAll('a[href]')) {
    if (shown(a) || a.closest('[aria-hidden=true], [inert], dialog, [role=dialog]')) continue;
    let hidden = a.parentElement, trigger = null;
    // the outermost hidden block of the link, and the shown element holding it
    for (let n = a.parentElement; n && n !== document.body; n = n.parentElement) { if (shown(n)) { trigger = n; break; } hidden = n; }
    if (!trigger || triggers.some(t => t.el === trigger)) continue;
    if (trigger.querySelectorAll('a[href]').length > 60 || trigger === document.documentElement) continue;
    const own = [...trigger.querySelectorAll('a[href], button, [tabindex], input, select, summary')]
      .filter(el => !hidden.contains(el) && shown(el) && el.tabIndex >= 0 && !el.disabled);
    triggers.push({el: trigger, hidden, own: own.length});
    if (triggers.length >= 6) break;
  }
  return triggers.map((t, n) => { t.el.setAttribute('data-ashyq-hover', String(n)); t.hidden.setAttribute('data-ashyq-hover-links', String(n));
    return {n, selector: selectorOf(t.el), text: (t.el.innerText || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
            own_tab_stop: t.own > 0, links: t.hidden.querySelectorAll('a[href]').length}; });
}"""
)

# Whether the hidden links of trigger n (its block marked data-ashyq-hover-links=n) are shown now.
HOVER_SHOWN = """
(n) => {
  const t = document.querySelector('[data-ashyq-hover-links="' + n + '"]');
  if (!t) return false;
  return [...t.querySelectorAll('a[href]')].some(a => { const r = a.getBoundingClientRect(); const s = getComputedStyle(a);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && parseFloat(s.opacity || '1') > 0
      && !a.closest('[hidden]') && getComputedStyle(a.parentElement).display !== 'none'; });
}
"""

FOCUS_OWN = """
(n) => {
  const t = document.querySelector('[data-ashyq-hover="' + n + '"]');
  const own = t && [...t.querySelectorAll('a[href], button, [tabindex], input, select, summary')].find(el => el.tabIndex >= 0
    && el.getBoundingClientRect().width > 0);
  if (own) own.focus();
  return own ? own.localName : null;
}
"""


# Focus the first of trigger n's hidden links that the keyboard reaches by itself (in the tab order, not taken out of
# the page's drawing: a link only made transparent is still a tab stop, and a style sheet may show it on focus).
FOCUS_HIDDEN = """
(n) => {
  const t = document.querySelector('[data-ashyq-hover-links="' + n + '"]');
  const a = t && [...t.querySelectorAll('a[href]')].find(a => a.tabIndex >= 0 && a.getClientRects().length > 0
    && getComputedStyle(a).visibility !== 'hidden' && !a.closest('[hidden], [inert]'));
  if (!a) return false;
  a.focus();
  return document.activeElement === a;
}
"""


async def hover_only(page: Any) -> dict[str, Any]:
    """Links shown only while a pointer rests on their block (WCAG 2.1.1: what a pointer opens, the
    keyboard must open too): each block's links are looked at with the pointer on it, then with
    the keyboard on the block's own tab stop (focus, Enter, the down arrow), then on the hidden links
    themselves where the Tab key reaches them (a transparent link a style sheet shows on focus: a
    heading's «¶» anchor). A block with links the pointer shows and the keyboard does not is listed."""
    out: list[dict[str, Any]] = []
    try:
        triggers = await page.evaluate(HOVER_TRIGGERS)
    except Exception:
        return {"count": 0, "menus": []}
    for trigger in triggers:
        n = trigger["n"]
        try:
            await page.hover(f'[data-ashyq-hover="{n}"]', timeout=1500)
            await page.wait_for_timeout(SETTLE_MS)
            by_pointer = await page.evaluate(HOVER_SHOWN, n)
            await page.mouse.move(0, 0)
            await page.wait_for_timeout(SETTLE_MS)
            if not by_pointer or await page.evaluate(HOVER_SHOWN, n):
                continue  # not opened by the pointer, or it stays open: not content on hover
            by_keyboard = False
            focused = await page.evaluate(FOCUS_OWN, n) if trigger["own_tab_stop"] else None
            if focused:
                # Enter on a link would leave the page: a link's block opens on focus or the arrow key
                for key in (None, "ArrowDown", "Enter" if focused != "a" else None):
                    if key is not None:
                        await page.keyboard.press(key)
                    await page.wait_for_timeout(SETTLE_MS)
                    if by_keyboard := await page.evaluate(HOVER_SHOWN, n):
                        break
                await page.evaluate(BLUR)
            if not by_keyboard and await page.evaluate(FOCUS_HIDDEN, n):  # a hidden link the Tab key reaches itself
                await page.wait_for_timeout(SETTLE_MS)
                by_keyboard = await page.evaluate(HOVER_SHOWN, n)
                await page.evaluate(BLUR)
            if not by_keyboard:
                out.append({k: trigger[k] for k in ("selector", "text", "own_tab_stop", "links")})
        except Exception:
            continue
    return {"count": len(out), "menus": out}


# --------------------------------------------------------------------------------------- skip link
# The first same-page links and buttons of the tab order, and where the main content starts.
SKIP_CANDIDATES = (
    "(words) => {"
    + SELECTOR_OF
    + """
  const t = (el) => ((el.innerText || el.textContent || '') + ' ' + (el.getAttribute('aria-label') || '') + ' ' + (el.value || '')).toLowerCase().replace(/\\s+/g, ' ').trim();
  const order = [...document.querySelectorAll('a[href], button, input[type=button], [role=link][tabindex], [role=button][tabindex]')]
    .filter(el => !el.disabled && el.tabIndex >= 0 && !el.closest('[inert]'));
  const first = order.slice(0, 8);
  const candidates = first.filter(el => {
    const href = el.getAttribute('href') || '';
    return (href.startsWith('#') && href.length > 1) || (el.localName !== 'a' && words.some(w => t(el).includes(w.toLowerCase())));
  }).map(el => ({selector: selectorOf(el), href: el.getAttribute('href'), text: t(el).slice(0, 80),
                 labelled: words.some(w => t(el).includes(w.toLowerCase())), index: order.indexOf(el)}));
  const main = document.querySelector('main, [role=main]') || document.querySelector('h1')
    || document.querySelector('#main, #content, #main-content, .main-content');
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; };
  const before = main ? order.filter(el => main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING && !main.contains(el) && visible(el)) : [];
  // controls before the main content that lead nowhere of their own: perhaps they fold a block away
  const leadsNowhere = (el) => { const href = el.getAttribute('href') || '';
    if (el.localName === 'a') return href === '#' || href.startsWith('javascript:');
    return !(el.form && (el.type === 'submit' || el.type === 'image')); };
  const toggles = before.filter(leadsNowhere).slice(0, 3).map(selectorOf);
  return {candidates, main: main ? selectorOf(main) : null, before_main: main ? before.length : null, toggles};
}"""
)

# After the skip link was used: is the focused element, or where the next Tab lands, at or after the
# start of the main content (or inside the link's target)?
LANDED = """
([mainSel, targetId]) => {
  const el = document.activeElement;
  const main = mainSel ? document.querySelector(mainSel) : null;
  const target = targetId ? document.getElementById(targetId) || document.getElementsByName(targetId)[0] : null;
  if (!el || el === document.body) {
    // nothing left to focus after the target: the link still took the reader there if the page
    // went to it and no focusable element follows it
    const order = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter(e => e.tabIndex >= 0);
    const after = target ? order.some(e => target.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) : true;
    const went = !!target && location.hash === '#' + targetId;
    return {landed: null, end_of_page: went && !after,
            in_main: went && !after && main ? (main === target || main.contains(target) || target.contains(main) || !!(main.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING)) : null,
            in_target: went && !after ? true : null};
  }
  const inside = (box) => box && (box === el || box.contains(el) || !!(box.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING));
  // the link's target is the block that holds the main content (its breadcrumbs, then the heading):
  // landing inside it is landing in the main content, even before the heading taken as its start
  const holdsMain = !!(target && main && target !== document.body && (target === main || target.contains(main)));
  return {landed: el.outerHTML.slice(0, 120), in_main: main ? inside(main) || (holdsMain && inside(target)) : null,
          in_target: target ? inside(target) : null};
}
"""


async def skip_link(page: Any, words: list[str]) -> dict[str, Any]:
    """Use the first same-page link (or a button labelled as one) of the tab order with the keyboard."""
    found = await page.evaluate(SKIP_CANDIDATES, words)
    out: dict[str, Any] = {"main": found["main"], "focusable_before_main": found["before_main"], "tried": []}
    for candidate in found["candidates"][:3]:
        await page.evaluate(BLUR)
        await page.evaluate(SCROLL, [0, 0])
        await page.evaluate(
            "(s) => { const el = document.querySelector(s); if (el) el.focus(); }", candidate["selector"]
        )
        await page.keyboard.press("Enter")
        await page.wait_for_timeout(SETTLE_MS * 2)
        href = candidate.get("href") or ""
        target = href[1:] if href.startswith("#") else None
        now = await page.evaluate(LANDED, [found["main"], target])
        if (now["landed"] is None and not now.get("end_of_page")) or (target and now.get("in_target") is False):
            await page.keyboard.press("Tab")  # a target that takes no focus: the next Tab starts from it
            await page.wait_for_timeout(SETTLE_MS)
            now = await page.evaluate(LANDED, [found["main"], target])
        reached = bool(now.get("in_main")) if found["main"] else bool(now.get("in_target"))
        out["tried"].append({**candidate, "landed": now.get("landed"), "reached_main": reached})
        if reached:
            out["works"] = candidate
            return out
    # a control that folds the repeated block away (WCAG 2.4.1 by a collapsible menu)
    for toggle in found.get("toggles", [])[:3]:
        await page.evaluate("(s) => { const el = document.querySelector(s); if (el) el.focus(); }", toggle)
        await page.keyboard.press("Enter")
        await page.wait_for_timeout(SETTLE_MS * 2)
        now = await page.evaluate(SKIP_CANDIDATES, words)
        if (
            now["before_main"] is not None
            and found["before_main"] is not None
            and now["before_main"] < found["before_main"]
        ):
            out["collapses"] = {"selector": toggle, "before": found["before_main"], "after": now["before_main"]}
            break
    return out
