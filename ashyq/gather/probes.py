# ruff: noqa: E501  (JavaScript kept on readable lines)
"""The in-page probes of the gather step: small JavaScript functions evaluated in a loaded page, each
returning plain JSON that becomes a :class:`~ashyq.base.artifacts.Measurement`'s ``data``.

Labels (pause buttons, emblem words …) are passed in from ``config/checks/accessibility.yaml`` so
the probes hold no vocabulary of their own.
"""

from __future__ import annotations

# CSS selector of an element, short and stable enough to be evidence.
_SELECTOR_OF = """
const selectorOf = (el) => {
  if (!el || el.nodeType !== 1) return '';
  if (el.id) return '#' + CSS.escape(el.id);
  const parts = [];
  for (let node = el; node && node.nodeType === 1 && parts.length < 4; node = node.parentElement) {
    let part = node.localName;
    if (node.classList.length) part += '.' + [...node.classList].slice(0, 2).map(c => CSS.escape(c)).join('.');
    const parent = node.parentElement;
    if (parent) {
      const same = [...parent.children].filter(c => c.localName === node.localName);
      if (same.length > 1) part += ':nth-of-type(' + (same.indexOf(node) + 1) + ')';
    }
    parts.unshift(part);
    if (node.id) { parts[0] = '#' + CSS.escape(node.id); break; }
  }
  return parts.join(' > ');
};
const matchesAny = (text, words) => {
  const t = (text || '').toLowerCase().replace(/\\s+/g, ' ').trim();
  return !!t && words.some(w => t.includes(w.toLowerCase()));
};
"""

AXE_RUN = """
async (rules) => {
  const result = await axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']});
  return {
    version: axe.version,
    violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, count: v.nodes.length,
      nodes: v.nodes.slice(0, 10).map(n => {
        const data = ((n.any || [])[0] || {}).data || {};
        return {target: n.target.map(String), html: (n.html || '').slice(0, 200),
                contrast_ratio: typeof data.contrastRatio === 'number' ? Math.round(data.contrastRatio * 100) / 100 : null};
      }),
    })),
  };
}
"""

EMBLEM = (
    "(words) => {"
    + _SELECTOR_OF
    + """
  const found = [...document.images].filter(img =>
    matchesAny([img.alt, img.getAttribute('src'), img.className, img.title].join(' '), words));
  if (!found.length) return {found: false};
  const sized = found.map(img => ({img, rect: img.getBoundingClientRect()}))
    .filter(x => x.rect.width > 0 && x.rect.height > 0)
    .sort((a, b) => Math.max(b.rect.width, b.rect.height) - Math.max(a.rect.width, a.rect.height));
  if (!sized.length) return {found: false, hidden: found.length};
  const {img, rect} = sized[0];
  return {found: true, selector: selectorOf(img), src: img.getAttribute('src'), alt: img.alt,
          rendered_width: Math.round(rect.width), rendered_height: Math.round(rect.height),
          natural_width: img.naturalWidth, natural_height: img.naturalHeight};
}"""
)

MOTION = (
    "(pauseWords) => {"
    + _SELECTOR_OF
    + """
  const moving = [];
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  for (const anim of document.getAnimations()) {
    const target = anim.effect && anim.effect.target;
    const timing = anim.effect && anim.effect.getTiming();
    if (target && target.nodeType === 1 && anim.playState === 'running' && timing && timing.iterations === Infinity
        && visible(target)) moving.push({selector: selectorOf(target), kind: 'animation'});
  }
  document.querySelectorAll('marquee, blink').forEach(el => moving.push({selector: selectorOf(el), kind: el.localName}));
  document.querySelectorAll('video[autoplay]').forEach(el => {
    if (!el.controls && !el.muted && visible(el)) moving.push({selector: selectorOf(el), kind: 'autoplay-video'});
  });
  document.querySelectorAll('*').forEach(el => {
    if (getComputedStyle(el).textDecorationLine.includes('blink')) moving.push({selector: selectorOf(el), kind: 'blink'});
  });
  const controls = [...document.querySelectorAll('button, a, [role=button], input[type=button]')]
    .filter(el => matchesAny([el.textContent, el.getAttribute('aria-label'), el.title, el.value].join(' '), pauseWords))
    .map(el => selectorOf(el));
  return {moving: moving.slice(0, 20), pause_controls: controls.slice(0, 10)};
}"""
)

# Remembers every focusable element's unfocused look, so each Tab can be compared with it.
FOCUS_PREPARE = """
() => {
  const look = (el) => { const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderTopColor, s.borderBottomColor,
            s.backgroundColor, s.color, s.textDecorationLine].join('|'); };
  window.__ashyqLook = look;
  window.__ashyqBefore = new Map();
  document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').forEach(el => {
    window.__ashyqBefore.set(el, [look(el), JSON.stringify(el.getBoundingClientRect())]);
  });
  if (document.activeElement) document.activeElement.blur();
  return window.__ashyqBefore.size;
}
"""

FOCUS_STEP = (
    "() => {"
    + _SELECTOR_OF
    + """
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const before = window.__ashyqBefore.get(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const changed = before ? (before[0] !== window.__ashyqLook(el)
                            || before[1] !== JSON.stringify(el.getBoundingClientRect())) : true;
  return {selector: selectorOf(el), html: el.outerHTML.slice(0, 160), visible: outline || changed};
}"""
)

ZOOM = (
    "() => {"
    + _SELECTOR_OF
    + """
  const root = document.documentElement;
  const scrollWidth = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
  const clipped = [];
  document.querySelectorAll('main *, #content *, article *').forEach(el => {
    if (clipped.length >= 5 || !el.textContent.trim() || el.children.length > 3) return;
    const s = getComputedStyle(el);
    if ((s.overflowX === 'hidden' || s.overflow === 'hidden') && el.scrollWidth > el.clientWidth + 2)
      clipped.push(selectorOf(el));
  });
  return {scroll_width: scrollWidth, client_width: root.clientWidth,
          horizontal_scroll: scrollWidth > root.clientWidth + 2, clipped};
}"""
)

FORM_STATE = """
(selector) => {
  const form = document.querySelector(selector);
  if (!form) return null;
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const texts = [...document.querySelectorAll(
      '[role=alert], .error, .errors, .form-error, .invalid-feedback, .field-error, .help-block, '
      + '[class*=error], [id*=error]')]
    .filter(el => shown(el) && el.textContent.trim()).map(el => el.textContent.trim().slice(0, 160));
  const native = [...form.elements].filter(el => el.willValidate && !el.validity.valid)
    .map(el => el.validationMessage).filter(Boolean);
  const status = [...document.querySelectorAll('.form-status, [class*=status], [class*=success]')]
    .map(el => el.textContent.trim()).filter(Boolean).join(' ').slice(0, 160);
  return {texts, native, status};
}
"""

FEEDBACK_FORM = (
    "() => {"
    + _SELECTOR_OF
    + """
  const form = [...document.forms].find(f => f.querySelector('textarea') && f.getAttribute('role') !== 'search');
  return form ? selectorOf(form) : null;
}"""
)

SEARCH_FORM = (
    "(selectors) => {"
    + _SELECTOR_OF
    + """
  for (const sel of selectors) {
    const hit = document.querySelector(sel);
    if (!hit) continue;
    const form = hit.closest('form') || hit;
    const input = form.matches('input') ? form
      : form.querySelector('input[type=search], input[type=text], input:not([type]), input[name=q], input[name=query]');
    if (!input) continue;
    const max = input.getAttribute('maxlength');
    return {form: selectorOf(form), input: selectorOf(input), maxlength: max === null ? null : parseInt(max, 10)};
  }
  return null;
}"""
)

SEARCH_RESULTS = """
([query, advancedWords]) => {
  const inputs = [...document.querySelectorAll('input[type=search], input[name=q], input[name=query], input[name=search]')];
  const kept = inputs.some(i => i.value.trim().toLowerCase() === query.toLowerCase());
  const main = document.querySelector('main, #content, .content, article') || document.body;
  const results = main.querySelectorAll('.search-results a, .results a, ol a, ul a');
  const text = (el) => (el.textContent || '').toLowerCase();
  const advanced = [...document.querySelectorAll('a, button')].some(a => advancedWords.some(w => text(a).includes(w.toLowerCase())))
    || [...document.querySelectorAll('form')].some(f => (f.matches('[role=search]') || f.querySelector('input[type=search]'))
        && f.querySelectorAll('select, input[type=date], input[type=checkbox], input[type=radio]').length > 0);
  return {query_kept: kept, results_count: results.length, advanced};
}
"""

LINKS = """
() => [...document.querySelectorAll('a[href]')].map(a => ({href: a.href, text: (a.textContent || '').trim().slice(0, 80),
  hreflang: a.getAttribute('hreflang')}))
"""

MENU_LINKS = """
(selectors) => {
  let best = 0;
  for (const sel of selectors) document.querySelectorAll(sel).forEach(nav => {
    const count = [...nav.querySelectorAll('a[href]')].filter(a => a.host === location.host).length;
    best = Math.max(best, count);
  });
  return best;
}
"""

OVERFLOW = """
() => ({scroll_width: Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0),
        viewport_width: window.innerWidth, device_width: screen.width,
        has_viewport_meta: !!document.querySelector('meta[name=viewport]')})
"""
