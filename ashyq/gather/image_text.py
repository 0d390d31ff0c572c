# ruff: noqa: E501  (JavaScript kept on readable lines)
"""The words an image shows, read from its picture (optical character recognition), beside what the
page says of it — for Appendix 14 row 3.1 (WCAG 1.1.1).

An image of text is content: its text alternative must say the text. Two answers follow from the
picture and the markup together, and nothing else can give them:

* an image **hidden from assistive technology** (``alt=""``, ``role="none"``, ``aria-hidden``, an
  ``svg`` or ``canvas`` with no role and no name) that shows words the text around it does not say
  is not decoration: its words reach nobody who cannot see it;
* an image **with a name** that shows words its name does not contain names something else.

What is read: up to :data:`MAX_IMAGES` images per page a reader can see (hidden ones first, then
the largest), each cropped from a screenshot of the rendered page and read by Tesseract
(``kaz+rus+eng``) when it is a *graphic* — few colours over a plain ground, as logos, banners and
drawn text are. A photograph is not read: recognition on a photograph finds letters in leaves and
fireworks, and a word it "finds" there is no measurement. Each picture is read once per process
(its digest). Without Tesseract the measurement says so (``available: false``) and the row is
judged without it.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import math
import shutil
from typing import Any

from ashyq.gather import probes

MAX_IMAGES = 6
OCR_LANGS = "kaz+rus+eng"
OCR_SECONDS = 10.0
MIN_CONFIDENCE = 45  # Tesseract's word confidence (0–100) below which a word is not taken
MIN_HEIGHT_PX = 110  # a crop smaller than this is enlarged (Tesseract reads letters of ~30 px best)
_CACHE: dict[str, list[tuple[str, int]]] = {}
_CACHE_LIMIT = 2048

IMAGES = (
    "(limit) => {"
    + probes._SELECTOR_OF
    + r"""
  const name = (el) => {
    const by = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
      .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    if (by) return by;
    const label = (el.getAttribute('aria-label') || '').trim();
    if (label) return label;
    if ((el.localName === 'img' || el.localName === 'input') && (el.getAttribute('alt') || '').trim()) return el.getAttribute('alt').trim();
    if (el.localName === 'svg') { const t = el.querySelector(':scope > title'); if (t && t.textContent.trim()) return t.textContent.trim(); }
    return (el.getAttribute('title') || '').trim();
  };
  const hidden = (el, named) => {
    if (el.closest('[aria-hidden="true"]')) return true;
    const role = (el.getAttribute('role') || '').toLowerCase();
    if (role === 'none' || role === 'presentation') return true;
    if (named) return false;
    if (el.localName === 'img') return el.getAttribute('alt') === '';
    return role !== 'img';  // an svg or canvas with no role and no name is not presented as an image
  };
  // the boxes of the page's visible words: a picture with words of the page over it (a caption laid on a
  // slide, a dialog open above it) is not read, since its crop would show those words as its own
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || !node.parentElement) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects()) if (box.width > 1 && box.height > 1) texts.push([node.parentElement, box]);
  }
  const overlaps = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const covered = (el, r) => {
    if (texts.some(([owner, box]) => !el.contains(owner) && overlaps(box, r))) return true;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!top && top !== el && !el.contains(top) && !(el.localName === 'svg' && top.closest('svg') === el);
  };
  const out = [];
  for (const el of document.querySelectorAll('img, svg, canvas, input[type=image]')) {
    if (el.localName === 'svg' && el.parentElement && el.parentElement.closest('svg')) continue;
    if (el.localName === 'img' && !el.hasAttribute('alt') && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')) continue;  // no alternative at all: found by the markup and axe-core
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) continue;
    if (r.width < 16 || r.height < 10 || r.right + scrollX <= 0 || r.bottom + scrollY <= 0) continue;
    if (el.localName === 'img' && !(el.complete && el.naturalWidth > 1)) continue;
    const inView = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    if (inView ? covered(el, r) : texts.some(([owner, box]) => !el.contains(owner) && overlaps(box, r))) continue;
    const given = name(el);
    const holder = el.closest('a[href], button, label, figure, [role=link], [role=button]') || el.parentElement || document.body;
    let around = (holder.innerText || '').replace(/\s+/g, ' ').trim();
    const figure = el.closest('figure');
    if (figure && figure !== holder) around += ' ' + (figure.innerText || '').replace(/\s+/g, ' ').trim();
    out.push({tag: el.localName, selector: selectorOf(el), name: given.slice(0, 300),
              hidden: hidden(el, !!given), around: around.slice(0, 400),
              src: (el.currentSrc || el.getAttribute('src') || '').slice(0, 200),
              box: {x: r.left + scrollX, y: r.top + scrollY, width: Math.min(r.width, 1600), height: Math.min(r.height, 1200)}});
  }
  out.sort((a, b) => (b.hidden - a.hidden) || (b.box.width * b.box.height - a.box.width * a.box.height));
  return out.slice(0, limit);
}"""
)


def tesseract() -> str | None:
    return shutil.which("tesseract")


def graphic(png: bytes) -> bool:
    """A picture of few colours over a plain ground (a logo, a banner, drawn text), not a photograph:
    on a thumbnail with each channel cut to 16 levels, at most 96 colours and the commonest covering
    at least a third of it."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as opened:
        image = opened.convert("RGB")
    image.thumbnail((96, 96))
    cut = image.point(lambda v: v & 0xF0)
    colours = cut.getcolors(maxcolors=4096)
    if not colours:
        return False
    total = sum(count for count, _ in colours)
    return len(colours) <= 96 and max(count for count, _ in colours) >= total / 3


def _prepared(png: bytes) -> bytes:
    """Grey, enlarged to a height Tesseract reads well."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as opened:
        image = opened.convert("L")
    scale = min(4, max(1, math.ceil(MIN_HEIGHT_PX / max(image.height, 1))))
    if scale > 1:
        image = image.resize((image.width * scale, image.height * scale), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _words(tsv: str) -> list[tuple[str, int]]:
    out = []
    for line in tsv.splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) == 12 and fields[11].strip():
            confidence = round(float(fields[10]))
            if confidence >= MIN_CONFIDENCE:
                out.append((fields[11].strip(), confidence))
    return out


async def read_words(png: bytes, program: str) -> list[tuple[str, int]]:
    """The words Tesseract reads in ``png`` with their confidence (cached by the picture's digest)."""
    key = hashlib.sha256(png).hexdigest()
    if key in _CACHE:
        return _CACHE[key]
    process = await asyncio.create_subprocess_exec(
        program, "stdin", "stdout", "-l", OCR_LANGS, "--psm", "6", "tsv",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        out, _ = await asyncio.wait_for(process.communicate(_prepared(png)), OCR_SECONDS)
    except TimeoutError:
        process.kill()
        await process.wait()
        return []
    words = _words(out.decode("utf-8", "replace"))
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[key] = words
    return words


async def image_texts(page: Any, limit: int = MAX_IMAGES) -> dict[str, Any]:
    """The page's visible images with their name, whether they are hidden from assistive technology,
    the text around them, and the words their picture shows (``words``; ``None`` for a photograph,
    which is not read)."""
    program = tesseract()
    if program is None:
        return {"available": False, "images": []}
    found: list[dict[str, Any]] = await page.evaluate(IMAGES, limit)
    for image in found:
        box = image.pop("box")
        try:
            png = await page.screenshot(clip=box, full_page=True, timeout=5_000)
        except Exception:  # an element gone or off the page: nothing read
            image["words"] = None
            continue
        image["words"] = [list(w) for w in await read_words(png, program)] if graphic(png) else None
    return {"available": True, "langs": OCR_LANGS, "images": found}
