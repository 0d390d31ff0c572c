"""What a responsive template hides at phone width, read from its style sheets in the phone's rendering.

The phone's rendering of the home page marks what its styles hide there (:data:`ashyq.gather.probes.PHONE_HIDDEN`);
a class the template hides at phone width but the home page does not use (a section page's «block
hide-phone») is not seen that way. The style sheets say it: a rule inside a media query that bounds the width
from above (``max-width``, ``max-device-width``) and matches the phone's screen, whose selector is one class and
which sets ``display: none`` or ``visibility: hidden``, hides that class on every page a phone gets. A class an
element of the home page still shows, or that a control opens (``aria-controls``, ``data-(bs-)target``, a
``#`` link), is no such class. Style sheets the page may not read (another origin) are skipped.

A template written for small screens first hides by a pair of classes: one that hides at every width (``hidden``,
``d-none``) and one that shows from a wider screen up (``md:table``, ``d-lg-block``: a rule inside a media query
bounding the width from below that the phone's screen does not reach). An element carrying both is hidden on a
phone and shown on a desktop, on whatever page it is; each such pair is returned as ``hider+shower`` (the
pages' elements carrying both classes are left out, :func:`ashyq.checks.completeness.corpus.phone_hidden_out`).

A rule may hide one class inside another (``.tbl-struct .c-contact``, ``.staff > .email``: a table's contact
columns at phone width): each such pair is returned as ``ancestor descendant`` (the pages' elements of the second
class inside one of the first are left out), unless the home page shows or a control opens one of them.
"""

from __future__ import annotations

PHONE_HIDDEN_RULES = r"""
() => {
  const classes = new Set();
  const hiders = new Set();  // one class hiding at every width the phone has (no media query, or one it matches)
  const showers = new Set();  // one class showing from a width the phone does not reach
  const phoneOnly = (text) => /max-(device-)?width/i.test(text || '') && window.matchMedia(text).matches;
  const wider = (text) => /min-(device-)?width/i.test(text || '') && !window.matchMedia(text).matches;
  const nested = new Set();  // «ancestor descendant»: one class inside another, hidden at phone width
  const within = (selector) => {
    const two = selector.trim().match(/^\.((?:[\w-]|\\.)+)\s*(?:>\s*|\s+)\.((?:[\w-]|\\.)+)$/);
    return two ? [two[1], two[2]].map(c => c.replace(/\\(.)/g, '$1')) : null;
  };
  const single = (selector) => {
    const one = selector.trim().match(/^\.((?:[A-Za-z_]|\\.)(?:[\w-]|\\.)*)$/);
    return one ? one[1].replace(/\\(.)/g, '$1') : null;
  };
  const visit = (rules, phone, applies, desktop) => {
    for (const rule of rules) {
      if (rule.type === CSSRule.MEDIA_RULE) {
        const text = rule.media.mediaText;
        if (phoneOnly(text)) visit(rule.cssRules, true, true, false);
        else if (wider(text)) visit(rule.cssRules, false, false, true);
        else if (window.matchMedia(text).matches) visit(rule.cssRules, phone, applies, desktop);
        continue;
      }
      if (rule.type === CSSRule.SUPPORTS_RULE) { visit(rule.cssRules, phone, applies, desktop); continue; }
      if (rule.type !== CSSRule.STYLE_RULE) continue;
      const style = rule.style;
      const display = style.getPropertyValue('display').trim();
      const hides = display === 'none' || style.getPropertyValue('visibility').trim() === 'hidden';
      for (const selector of rule.selectorText.split(',')) {
        const pair = within(selector);
        if (pair && phone && hides) nested.add(pair.join(' '));
        const one = single(selector);
        if (!one) continue;
        if (phone && hides) classes.add(one);
        if (applies && !phone && display === 'none') hiders.add(one);
        if (desktop && display && display !== 'none') showers.add(one);
      }
    }
  };
  for (const sheet of document.styleSheets) {
    let rules;
    try { rules = sheet.cssRules; } catch (error) { continue; }
    const media = sheet.media ? sheet.media.mediaText : '';
    if (media && wider(media)) { visit(rules, false, false, true); continue; }
    if (media && !window.matchMedia(media).matches) continue;
    visit(rules, phoneOnly(media), true, false);
  }
  const opened = new Set();
  for (const el of document.querySelectorAll('[aria-controls], [data-target], [data-bs-target], a[href^="#"]')) {
    for (const name of ['aria-controls', 'data-target', 'data-bs-target', 'href']) {
      for (const id of (el.getAttribute(name) || '').split(/\s+/)) {
        if (id.replace(/^#/, '')) opened.add(id.replace(/^#/, ''));
      }
    }
  }
  const visible = (el) => getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden';
  const toggled = (elements) => elements.some(el => [...opened].some(id => el.closest('#' + CSS.escape(id))));
  // hidden on this page's phone rendering wherever it stands, and opened by no control
  const hiddenHere = (elements) => !elements.some(visible) && !toggled(elements);
  const out = [];
  for (const name of classes) {
    if (hiddenHere([...document.getElementsByClassName(name)])) out.push(name);
  }
  const pairs = [];
  for (const hider of hiders) {
    for (const shower of showers) {
      if (hider === shower || showers.has(hider)) continue;
      const both = [...document.getElementsByClassName(hider)].filter(el => el.classList.contains(shower));
      if (!toggled(both)) pairs.push(hider + '+' + shower);
    }
  }
  for (const name of nested) {
    const [outer, inner] = name.split(' ');
    const inside = [...document.querySelectorAll('.' + CSS.escape(outer) + ' .' + CSS.escape(inner))];
    if (hiddenHere(inside)) pairs.push(name);
  }
  return [...out.sort().slice(0, 100), ...pairs.sort().slice(0, 150)];
}
"""
