# ruff: noqa: E501  (JavaScript kept on readable lines)
"""Text contrast where axe-core could not decide it: measured on the rendered pixels.

axe-core answers "incomplete" for text over a background image or a gradient, under another
element, or in a colour with transparency: it cannot compute one background colour. Here the
text's own boxes are photographed with the text made transparent (what is behind the letters), and
the text's colour is compared with every pixel there, as WCAG's contrast ratio defines it:

* at least 90 % of the pixels behind the text give the required ratio (4.5:1, or 3:1 for large
  text: 24 px, or 18.66 px bold) → **passed**;
* the ratio is not reached behind half of the text or more → **failed**;
* in between (text over a busy picture, part light and part dark) → still **undecided**, and the
  check says so for that element (``not_assessed``), never a pass.

Text that another element covers where it stands (the captions of a slider's slides laid one over
another) is photographed under that element: what is behind its letters is not what a reader sees,
so it stays **undecided** (asked), never failed on the cover's pixels.

Text a slider has moved beside its window (the slides not shown now: a track moved by a transform, a
scroll or an offset inside a box that hides what overflows it) is text a reader sees as the slides
turn, and nothing here can measure it at this moment: **undecided** as well, whichever slide the
timer happens to show when the page is measured (:data:`SLID_AWAY`).

Text that is not text in a human language is no subject of the row: a string with no letter or
digit (a line of ``—=+*``) or a single glyph standing in for an icon whose name is given otherwise
(``aria-label``/``title``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from ashyq.gather.probes import PATH_SELECTOR_OF

ENOUGH_SHARE = 0.9  # share of the pixels behind the text that must give the ratio for a pass
MAX_DECISIONS = 20  # elements per page

# the element's text: its boxes, colour, size, weight and whether it is text at all
TEXT_OF = """
(selector) => {
  const el = document.querySelector(selector);
  if (!el) return null;
  // a shadow host's text lives in its shadow tree, which neither innerText nor textContent reads
  const text = ((el.innerText || el.textContent || '').trim() || (el.shadowRoot ? el.shadowRoot.textContent || '' : '').trim());
  const s = getComputedStyle(el);
  let opacity = 1;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) opacity *= parseFloat(getComputedStyle(node).opacity || '1');
  const rects = [];
  for (const root of [el, el.shadowRoot].filter(Boolean)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.textContent.trim()) continue;
      const range = document.createRange(); range.selectNodeContents(t);
      for (const r of range.getClientRects()) if (r.width >= 1 && r.height >= 1) rects.push([r.left, r.top, r.width, r.height]);
    }
  }
  // is the text on top where it stands? a caption stacked under another one (a slider's slides laid
  // one over another) shows the reader the other one: what is behind its letters is no measure of it
  let shown = 0, probed = 0;
  for (const [x, y, w, h] of rects.slice(0, 12)) {
    for (const fx of [0.25, 0.5, 0.75]) {
      const px = x + w * fx, py = y + h / 2;
      if (px < 0 || py < 0 || px >= innerWidth || py >= innerHeight) continue;
      probed++;
      const hit = document.elementFromPoint(px, py);
      if (hit && (hit === el || el.contains(hit) || hit.contains(el))) shown++;
    }
  }
  const named = el.closest('a, button, [role=button], [role=link], input, [tabindex]') || el;
  const name = (named.getAttribute('aria-label') || named.getAttribute('title') || '').trim();
  return {text: text.slice(0, 80), letters: /[\\p{L}\\p{N}]/u.test(text), length: [...text].length,
          named_otherwise: !!name && name.toLowerCase() !== text.toLowerCase(),
          color: s.color, shadow: s.textShadow, size: parseFloat(s.fontSize), weight: parseInt(s.fontWeight, 10) || 400,
          opacity, rects: rects.slice(0, 40), on_top: probed ? shown / probed : null};
}
"""

HIDE = """
(selector) => {
  const el = document.querySelector(selector);
  const style = document.createElement('style');
  style.id = '__ashyq_hide';
  style.textContent = '[data-ashyq-hide], [data-ashyq-hide] * { color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important; caret-color: transparent !important; }';
  document.head.appendChild(style);
  el.setAttribute('data-ashyq-hide', '');
}
"""

SHOW = """
(selector) => {
  const el = document.querySelector(selector);
  if (el) el.removeAttribute('data-ashyq-hide');
  const style = document.getElementById('__ashyq_hide');
  if (style) style.remove();
}
"""

SCROLL_TO = (
    "(selector) => { const el = document.querySelector(selector); if (el) el.scrollIntoView({block: 'center'}); }"
)


# text a slider has moved beside its window: wholly left or right of a box (not the page's own html/body)
# that hides what overflows it sideways, moved there by a transform, a scroll or an offset between the
# two; not text hidden on purpose (a text-indent pushing it out, transparent, invisible, a 1-px clip)
SLID_AWAY = (
    """
(limit) => {
"""
    + PATH_SELECTOR_OF
    + """  const out = [], seen = new Set();
  const letters = /[\\p{L}\\p{N}]/u;
  for (const box of document.body.querySelectorAll('*')) {
    if (out.length >= limit) break;
    const bs = getComputedStyle(box);
    if (bs.overflowX === 'visible' || bs.display === 'none' || bs.visibility !== 'visible') continue;
    const window_ = box.getBoundingClientRect();
    if (window_.width < 100 || window_.height < 20) continue;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t && out.length < limit; t = walker.nextNode()) {
      const el = t.parentElement;
      if (!el || seen.has(el) || !letters.test(t.textContent)) continue;
      const range = document.createRange(); range.selectNodeContents(t);
      const rects = [...range.getClientRects()].filter(r => r.width >= 1 && r.height >= 1);
      if (!rects.length) continue;
      const left = Math.min(...rects.map(r => r.left)), right = Math.max(...rects.map(r => r.right));
      if (right > window_.left + 1 && left < window_.right - 1) continue;  // in the window, or partly
      const s = getComputedStyle(el);
      if (s.visibility !== 'visible' || parseFloat(s.textIndent) < -500) continue;
      let moved = box.scrollLeft !== 0, shown = true;
      for (let node = el; node && node !== box; node = node.parentElement) {
        const ns = getComputedStyle(node);
        if (parseFloat(ns.opacity) === 0) shown = false;
        if (ns.transform !== 'none') moved = true;
        if (ns.position !== 'static' && Math.abs(parseFloat(ns.left) || 0) >= window_.width / 2) moved = true;
        if ((parseFloat(ns.marginLeft) || 0) <= -window_.width / 2) moved = true;
      }
      if (!shown || !moved) continue;
      seen.add(el);
      out.push({target: [selectorOf(el)], html: el.outerHTML.slice(0, 300), text: t.textContent.trim().slice(0, 80)});
    }
  }
  return out;
}
"""
)


def parse_color(value: str) -> tuple[float, float, float, float] | None:
    """``rgb(…)``/``rgba(…)`` (what getComputedStyle answers) → r, g, b (0–255) and alpha (0–1)."""
    value = value.strip()
    if not value.startswith("rgb"):
        return None
    inner = value[value.index("(") + 1 : value.rindex(")")].replace("/", " ").replace(",", " ").split()
    try:
        numbers = [float(x.rstrip("%")) for x in inner]
    except ValueError:
        return None
    if len(numbers) < 3:
        return None
    alpha = numbers[3] if len(numbers) > 3 else 1.0
    return numbers[0], numbers[1], numbers[2], alpha


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def blend(fg: tuple[float, float, float, float], bg: tuple[float, float, float]) -> tuple[float, float, float]:
    alpha = fg[3]
    return (
        fg[0] * alpha + bg[0] * (1 - alpha),
        fg[1] * alpha + bg[1] * (1 - alpha),
        fg[2] * alpha + bg[2] * (1 - alpha),
    )


def required_ratio(size_px: float, weight: int) -> float:
    large = size_px >= 24 or (size_px >= 18.66 and weight >= 700)
    return 3.0 if large else 4.5


def shadow_color(shadow: str) -> tuple[float, float, float, float] | None:
    """The colour of a text shadow that outlines the letters (``0 0 2px black``), if any."""
    if not shadow or shadow == "none" or "rgb" not in shadow:
        return None
    start = shadow.index("rgb")
    return parse_color(shadow[start : shadow.index(")", start) + 1])


COVERED_SHARE = 0.5  # below this share of the text's probe points on top, another element covers it
INVISIBLE_RATIO = 1.05  # at most this ratio behind every pixel of the text: nothing to see


@dataclass(frozen=True)
class Decision:
    outcome: str  # failed | passed | undecided
    why: str
    ratio: float | None = None  # the ratio behind most of the text (the median)
    low: float | None = None  # behind the least favourable tenth

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"outcome": self.outcome, "why": self.why}
        if self.ratio is not None:
            out["contrast_ratio"] = round(self.ratio, 2)
        if self.low is not None:
            out["low_ratio"] = round(self.low, 2)
        return out


def judge(pixels: list[tuple[int, int, int]], text: dict[str, Any]) -> Decision:
    """The decision from the pixels behind the text and the text's style (pure: tested alone)."""
    if not text.get("letters"):
        return Decision("passed", "no letter or digit: not text in a human language")
    if int(text.get("length") or 0) <= 1 and text.get("named_otherwise"):
        return Decision("passed", "a single glyph standing for an icon named otherwise")
    fg = parse_color(str(text.get("color") or ""))
    if fg is None or not pixels:
        return Decision("undecided", "the text's colour or the pixels behind it could not be read")
    fg = (fg[0], fg[1], fg[2], fg[3] * float(text.get("opacity") or 1))
    need = required_ratio(float(text.get("size") or 16), int(text.get("weight") or 400))
    ratios = sorted(ratio(blend(fg, p), p) for p in pixels)
    low = ratios[int(len(ratios) * (1 - ENOUGH_SHARE))]
    median = ratios[len(ratios) // 2]
    if ratios[-1] <= INVISIBLE_RATIO:
        # the letters are the colour of everything behind them: text nobody sees is not text to read
        # (WCAG 1.4.3 is about visible text; the ACT rule leaves it inapplicable)
        return Decision("passed", "not visible: the letters are the colour of what is behind them", median, low)
    if low >= need:
        return Decision("passed", f"at least {need}:1 behind {ENOUGH_SHARE:.0%} of the text", median, low)
    halo = shadow_color(str(text.get("shadow") or ""))
    if halo is not None and halo[3] >= 0.99 and ratio(blend(fg, halo[:3]), halo[:3]) >= need:
        return Decision("passed", "the letters are outlined by a text shadow of enough contrast", median, low)
    if median < need:
        return Decision("failed", f"below {need}:1 behind most of the text", median, low)
    return Decision("undecided", f"below {need}:1 behind part of the text only (a mixed background)", median, low)


def pixels_in(png: bytes, origin: tuple[float, float], rects: list[list[float]]) -> list[tuple[int, int, int]]:
    """The screenshot's pixels inside the text's boxes (the screenshot starts at ``origin``)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    out: list[tuple[int, int, int]] = []
    data = image.load()
    assert data is not None
    step = 1
    area = sum(max(0.0, r[2]) * max(0.0, r[3]) for r in rects)
    if area > 40_000:  # a long paragraph: every other pixel is plenty
        step = 2
    for left, top, w, h in rects:
        x0, y0 = int(left - origin[0]), int(top - origin[1])
        for y in range(max(0, y0), min(height, y0 + int(h)), step):
            for x in range(max(0, x0), min(width, x0 + int(w)), step):
                px = data[x, y]
                out.append((int(px[0]), int(px[1]), int(px[2])))  # type: ignore[index]
    return out


async def decide(page: Any, selector: str) -> Decision:
    """Photograph what is behind the element's text and judge its contrast."""
    await page.evaluate(SCROLL_TO, selector)
    text = await page.evaluate(TEXT_OF, selector)
    if text is None:
        return Decision("undecided", "the element is no longer in the page")
    if not text["letters"] or (text["length"] <= 1 and text["named_otherwise"]):
        return judge([], text)
    rects = text["rects"]
    if not rects:
        return Decision("undecided", "the text has no box on the screen")
    viewport = page.viewport_size or {"width": 1280, "height": 800}
    left = max(0.0, min(r[0] for r in rects))
    top = max(0.0, min(r[1] for r in rects))
    right = min(float(viewport["width"]), max(r[0] + r[2] for r in rects))
    bottom = min(float(viewport["height"]), max(r[1] + r[3] for r in rects))
    if right - left < 1 or bottom - top < 1:
        return Decision("undecided", "the text is outside the screen")
    if text.get("on_top") is not None and float(text["on_top"]) < COVERED_SHARE:
        return Decision("undecided", "another element covers the text where it stands")
    await page.evaluate(HIDE, selector)
    try:
        png = await page.screenshot(clip={"x": left, "y": top, "width": right - left, "height": bottom - top})
    finally:
        await page.evaluate(SHOW, selector)
    return judge(pixels_in(png, (left, top), rects), text)


async def decide_incomplete(page: Any, axe: dict[str, Any]) -> list[dict[str, Any]]:
    """Decide axe-core's incomplete text-contrast answers in the top frame; the decided nodes move
    from ``incomplete`` to ``violations`` (failed) or away (passed), each with how it was decided."""
    decided: list[dict[str, Any]] = []
    for rule in axe.get("incomplete", []):
        if rule.get("id") != "color-contrast":
            continue
        kept, failed = [], []
        for n, node in enumerate(rule.get("nodes", [])):
            target = node.get("target") or []
            if len(target) != 1 or n >= MAX_DECISIONS:  # inside a frame, or too many: stays undecided
                kept.append(node)
                continue
            try:
                decision = await decide(page, target[0])
            except Exception as error:  # the element went away, the screenshot failed …
                decision = Decision("undecided", f"could not be photographed: {type(error).__name__}")
            decided.append({"rule": "color-contrast", "target": target, **decision.as_dict()})
            node = {**node, "decided": decision.as_dict()}
            if decision.outcome == "failed":
                failed.append({**node, "contrast_ratio": round(decision.ratio or 0, 2)})
            elif decision.outcome == "undecided":
                kept.append(node)
        rule["nodes"], rule["count"] = kept, len(kept) + max(0, int(rule.get("count", 0)) - len(rule.get("nodes", [])))
        if failed:
            existing = next((v for v in axe["violations"] if v["id"] == "color-contrast"), None)
            if existing is None:
                existing = {"id": "color-contrast", "impact": "serious", "count": 0, "nodes": []}
                axe["violations"].append(existing)
            existing["nodes"] = existing["nodes"] + failed
            existing["count"] = int(existing["count"]) + len(failed)
    axe["incomplete"] = [r for r in axe.get("incomplete", []) if r.get("count")]
    return decided


async def slid_away(page: Any, axe: dict[str, Any]) -> list[dict[str, Any]]:
    """Text a slider has moved beside its window (:data:`SLID_AWAY`), added to axe-core's undecided
    text-contrast answers (unless axe-core answered for the element already); returned as added."""
    answered = {
        tuple(node.get("target") or [])
        for kind in ("violations", "incomplete")
        for rule in axe.get(kind, [])
        if rule.get("id") == "color-contrast"
        for node in rule.get("nodes", [])
    }
    found = [n for n in await page.evaluate(SLID_AWAY, MAX_DECISIONS) if tuple(n["target"]) not in answered]
    if not found:
        return []
    why = Decision("undecided", "a slider has moved the text beside its window: a slide not shown now")
    nodes = [{**n, "decided": why.as_dict()} for n in found]
    rule = next((r for r in axe.setdefault("incomplete", []) if r.get("id") == "color-contrast"), None)
    if rule is None:
        rule = {"id": "color-contrast", "count": 0, "nodes": []}
        axe["incomplete"].append(rule)
    rule["nodes"] = list(rule.get("nodes", [])) + nodes
    rule["count"] = int(rule.get("count", 0)) + len(nodes)
    return [{"rule": "color-contrast", "target": n["target"], **why.as_dict()} for n in found]


async def drop_non_text(page: Any, axe: dict[str, Any]) -> list[dict[str, Any]]:
    """axe-core's text-contrast violations on strings that are not text in a human language (no letter
    or digit, or one glyph standing for an icon named otherwise) are not the row's subject: dropped,
    and listed as such."""
    dropped: list[dict[str, Any]] = []
    for rule in axe.get("violations", []):
        if rule.get("id") != "color-contrast":
            continue
        kept = []
        for node in rule.get("nodes", []):
            target = node.get("target") or []
            text = None
            if len(target) == 1 and not node.get("decided"):
                try:
                    text = await page.evaluate(TEXT_OF, target[0])
                except Exception:
                    text = None
            if text is not None and (not text["letters"] or (text["length"] <= 1 and text["named_otherwise"])):
                dropped.append({"rule": "color-contrast", "target": target, **judge([], text).as_dict()})
            else:
                kept.append(node)
        rule["count"] = int(rule.get("count", len(kept))) - (len(rule.get("nodes", [])) - len(kept))
        rule["nodes"] = kept
    axe["violations"] = [r for r in axe.get("violations", []) if r.get("count")]
    return dropped
