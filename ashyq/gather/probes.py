# ruff: noqa: E501  (JavaScript kept on readable lines)
"""The in-page probes of the gather step: small JavaScript functions evaluated in a loaded page, each
returning plain JSON that becomes a :class:`~ashyq.base.artifacts.Measurement`'s ``data``.

Labels (pause buttons, emblem words …) are passed in from ``ashyq/config/checks/accessibility.yaml`` so
the probes hold no vocabulary of their own.
"""

from __future__ import annotations

# CSS selector of an element, short and stable enough to be evidence.
# the same, by tag names and places alone (no class names): the selectors the motion, form and fold probes record
PATH_SELECTOR_OF = """  const selectorOf = (el) => { if (!el || el.nodeType !== 1) return ''; if (el.id) return '#' + CSS.escape(el.id);
    const parts = []; for (let n = el; n && n.nodeType === 1 && parts.length < 4; n = n.parentElement) {
      let p = n.localName; const par = n.parentElement;
      if (par) { const same = [...par.children].filter(c => c.localName === n.localName); if (same.length > 1) p += ':nth-of-type(' + (same.indexOf(n) + 1) + ')'; }
      parts.unshift(p); if (n.id) { parts[0] = '#' + CSS.escape(n.id); break; } } return parts.join(' > '); };
"""

# Web components: what open shadow roots hold is part of the page a reader sees and operates. Needs a
# ``selectorOf`` before it. ``deepAll`` queries the document and every open shadow root; ``up`` climbs
# from a shadow root's top to its host; a selector through shadow roots is the hosts' and the element's
# joined by ``' >> '``, which Playwright reads as each part inside the one before it (``deepOne`` too).
DEEP = """  const shadowRoots = (root) => { const out = [];
    const walk = (r) => { for (const el of r.querySelectorAll('*')) if (el.shadowRoot) { out.push(el.shadowRoot); walk(el.shadowRoot); } };
    walk(root); return out; };
  const deepAll = (sel) => [document, ...shadowRoots(document)].flatMap(r => [...r.querySelectorAll(sel)]);
  const hostOf = (n) => { const r = n.getRootNode ? n.getRootNode() : null; return r && r.host ? r.host : null; };
  const up = (n) => n.parentElement || hostOf(n);
  const deepContains = (a, b) => { for (let n = b; n; n = up(n)) if (n === a) return true; return false; };
  const deepSelectorOf = (el) => { const parts = []; for (let n = el; n; n = hostOf(n)) parts.unshift(selectorOf(n)); return parts.join(' >> '); };
  const deepOne = (sel) => { let found = null;
    for (const part of sel.split(' >> ')) { found = found ? (found.shadowRoot || found).querySelector(part) : document.querySelector(part); if (!found) return null; }
    return found; };
"""

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


# The page's search form: one the usual markup names, else a form of one text box (no text area, no
# password) whose own words say it searches - as ashyq.checks.accessibility.navigation.worded_search_form
# reads the served page
SEARCH_FORM = (
    "([selectors, words]) => {"
    + _SELECTOR_OF
    + r"""
  const found = (form, input) => {
    const max = input.getAttribute('maxlength');
    return {form: selectorOf(form), input: selectorOf(input), maxlength: max === null ? null : parseInt(max, 10)};
  };
  for (const sel of selectors) {
    const hit = document.querySelector(sel);
    if (!hit) continue;
    const form = hit.closest('form') || hit;
    const input = form.matches('input') ? form
      : form.querySelector('input[type=search], input[type=text], input:not([type]), input[name=q], input[name=query]');
    if (!input) continue;
    return found(form, input);
  }
  const norm = (text) => (text || '').toLowerCase().replace(/\s+/g, ' ').trim();
  const wanted = words.map(norm).filter(w => w);
  const says = (text) => { const t = norm(text); return !!t && wanted.some(w => t === w || (w.length > 3 && t.includes(w))); };
  const kind = (i) => (i.getAttribute('type') || 'text').trim().toLowerCase();
  for (const form of document.querySelectorAll('form')) {
    const inputs = [...form.querySelectorAll('input')];
    const boxes = inputs.filter(i => ['text', 'search'].includes(kind(i)));
    if (boxes.length !== 1 || form.querySelector('textarea') || inputs.some(i => kind(i) === 'password')) continue;
    const box = boxes[0];
    const said = [box.getAttribute('placeholder'), box.getAttribute('title'), box.getAttribute('aria-label'), form.getAttribute('aria-label')]
      .concat(inputs.filter(i => ['submit', 'button', 'image', 'hidden'].includes(kind(i))).map(i => i.getAttribute('value') || i.getAttribute('alt')))
      .concat([...form.querySelectorAll('button, label')].map(e => e.textContent));
    if (said.some(says)) return found(form, box);
  }
  return null;
}"""
)

SEARCH_RESULTS = """
([query, advancedWords]) => {
  // the query kept in any box the reader types into (a results page's own form often has a plain text box)
  const boxes = [...document.querySelectorAll('input[type=search], input[type=text], input:not([type])')];
  const holding = boxes.filter(i => i.value.trim().toLowerCase() === query.toLowerCase());
  const kept = holding.length > 0;
  const main = document.querySelector('main, #content, .content, article') || document.body;
  const results = main.querySelectorAll('.search-results a, .results a, ol a, ul a');
  const text = (el) => (el.textContent || '').toLowerCase();
  // advanced: a link or button that names it, a form that says it searches with a choice beyond the
  // query, or the form that holds the query offering two choices or more (phrase, areas, ordering,
  // dates: a single filter beside the query is a filter, not an advanced search)
  // a control is a link, a button, a disclosure's summary, a submit's value or an ARIA label;
  // further text boxes of a search form are choices too (any word, a phrase, words left out)
  const textBoxes = (f) => new Set([...f.querySelectorAll('input[type=search], input[type=text], input:not([type])')]
    .map(i => i.name).filter(n => n)).size;
  const choices = (f) => f.querySelectorAll('select, input[type=date], input[type=checkbox]').length
    + new Set([...f.querySelectorAll('input[type=radio]')].map(r => r.name)).size + Math.max(0, textBoxes(f) - 1);
  const named = (el) => [text(el), (el.getAttribute('aria-label') || '').toLowerCase(),
    el.matches('input') ? (el.value || '').toLowerCase() : ''].join(' ');
  const controls = [...document.querySelectorAll('a, button, summary, [role=button], [role=tab], input[type=submit], input[type=button]')];
  const searchAction = (f) => /search|izde|poisk/i.test(f.getAttribute('action') || '');
  const advanced = controls.some(a => advancedWords.some(w => named(a).includes(w.toLowerCase())))
    || [...document.querySelectorAll('form')].some(f => ((f.matches('[role=search]') || !!f.querySelector('input[type=search]')) && choices(f) > 0)
        || (holding.some(i => f.contains(i)) && choices(f) >= 2)
        || (searchAction(f) && (f.getAttribute('method') || 'get').toLowerCase() !== 'post' && choices(f) >= 2));
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

# the menu's links to other pages of the same host (the English home page's sections); a language
# switch (a link marked with its language, or one that sets another language) is no section
MENU_TARGETS = """
(selectors) => {
  const out = [];
  const otherLanguage = (a) => a.hasAttribute('hreflang') || a.hasAttribute('lang')
    || /[?&](lang|language|locale|culture)=(?!en\\b)/i.test(a.search) || /^\\/(kk|kz|ru|qaz|rus)(\\/|$)/i.test(a.pathname);
  for (const sel of selectors) document.querySelectorAll(sel).forEach(nav => {
    for (const a of nav.querySelectorAll('a[href]')) {
      const same = a.host === location.host && (a.pathname !== location.pathname || a.search !== location.search);
      if (same && !a.hash && !otherLanguage(a) && a.pathname.replace(/\\/+$/, '') !== '' && !out.includes(a.href)) out.push(a.href);
    }
  });
  return out.slice(0, 40);
}
"""

# what language a page is in: the Latin and Cyrillic letters of its own text (the main content where
# marked) and of its interface (its menus, header and footer)
TEXT_LETTERS = """
() => {
  const count = (text, re) => (text.match(re) || []).length;
  const main = document.querySelector('main, article, #content, [role=main]') || document.body;
  const text = main ? main.innerText || '' : '';
  const frame = [...document.querySelectorAll('nav, header, footer, [role=navigation]')].filter(e => !main || !main.contains(e) || main === document.body)
    .map(e => e.innerText || '').join(' ');
  return {lang: document.documentElement.lang || null, latin: count(text, /[A-Za-z]/g), cyrillic: count(text, /[\\u0400-\\u04ff]/g),
          interface_latin: count(frame, /[A-Za-z]/g), interface_cyrillic: count(frame, /[\\u0400-\\u04ff]/g)};
}
"""

OVERFLOW = """
() => ({scroll_width: Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0),
        viewport_width: window.innerWidth, device_width: screen.width,
        has_viewport_meta: !!document.querySelector('meta[name=viewport]')})
"""

# What a phone does not show (Appendix 16 is judged on what is visible at phone width): every element of the
# content with text that the phone's styles hide (display none, visibility hidden) is marked
# data-ashyq-phone-hidden in the DOM the measurement keeps. Navigation, header, footer and dialogs are not
# content; an element a control opens (aria-controls, data-(bs-)target, a #link) is one tap away, not hidden.
# The classes only hidden elements carry are returned: the template's phone-hidden classes, applied to the
# site's other pages when a phone gets them (a responsive site).
PHONE_HIDDEN = r"""
() => {
  const body = document.body;
  if (!body) return {marked: 0, classes: []};
  const notContent = 'nav, header, footer, aside, [role=navigation], [role=menu], [role=dialog], script, style, noscript, template';
  const opened = new Set();
  for (const el of document.querySelectorAll('[aria-controls], [data-target], [data-bs-target], a[href^="#"]')) {
    for (const name of ['aria-controls', 'data-target', 'data-bs-target', 'href']) {
      for (const id of (el.getAttribute(name) || '').split(/\s+/)) if (id.replace(/^#/, '')) opened.add(id.replace(/^#/, ''));
    }
  }
  const marked = [];
  for (const el of body.querySelectorAll('*')) {
    if (el.closest(notContent) || el.closest('[data-ashyq-phone-hidden]')) continue;
    if ([...opened].some(id => el.closest('#' + CSS.escape(id)))) continue;
    const style = getComputedStyle(el);
    if (style.display !== 'none' && style.visibility !== 'hidden') continue;
    if (!(el.textContent || '').trim()) continue;
    el.setAttribute('data-ashyq-phone-hidden', '1');
    marked.push(el);
  }
  const shown = new Set();
  for (const el of body.querySelectorAll('[class]')) {
    if (!el.closest('[data-ashyq-phone-hidden]')) for (const c of el.classList) shown.add(c);
  }
  const classes = new Set();
  for (const el of marked) for (const c of el.classList) if (!shown.has(c)) classes.add(c);
  return {marked: marked.length, classes: [...classes].slice(0, 100)};
}
"""

# Media a reader can play (a visible player, or one that plays by itself) and what is offered beside it
# (WCAG 1.2.1–1.2.3, Appendix 14 row 3.1 "media content"): its text tracks, and within the part of the
# page it belongs to (its figure, article, section or main, else the body) the visible words, the
# links and the other players. A "descriptions" track is listed but browsers do not present one, so
# the check does not count it as an alternative.
MEDIA = (
    "() => {"
    + _SELECTOR_OF
    + r"""
  const shown = (el) => {
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
  };
  const words = (text) => (text || '').split(/\s+/).filter(w => /[\p{L}\p{N}]/u.test(w)).length;
  const out = [];
  for (const el of document.querySelectorAll('video, audio')) {
    const playable = (el.controls && shown(el)) || (el.autoplay && !el.closest('[hidden]') && getComputedStyle(el).display !== 'none');
    if (!playable) continue;
    const region = el.closest('figure, article, section, main, [role=main]') || document.body;
    const players = [...region.querySelectorAll('video, audio')].filter(m => m !== el && (m.controls ? shown(m) : m.autoplay));
    const links = [...region.querySelectorAll('a[href]')].filter(a => shown(a) && !el.contains(a));
    let text = region.innerText || '';
    out.push({kind: el.localName, selector: selectorOf(el),
              src: (el.currentSrc || el.getAttribute('src') || (el.querySelector('source') || {}).src || '').slice(0, 200),
              tracks: [...el.querySelectorAll('track')].map(t => (t.getAttribute('kind') || 'subtitles').toLowerCase()),
              words: words(text), links: links.length, players: players.length});
  }
  return out.slice(0, 20);
}"""
)
