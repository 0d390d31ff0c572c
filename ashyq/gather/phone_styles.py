"""What a responsive template hides at phone width, read from its style sheets in the phone's rendering.

The phone's rendering of the home page marks what its styles hide there (:data:`ashyq.gather.probes.PHONE_HIDDEN`);
a class the template hides at phone width but the home page does not use (a section page's «block
hide-phone») is not seen that way. The style sheets say it: a rule inside a media query that bounds the width
from above (``max-width``, ``max-device-width``) and matches the phone's screen, whose selector is one class and
which sets ``display: none`` or ``visibility: hidden``, hides that class on every page a phone gets. A class an
element of the home page still shows, or that a control opens (``aria-controls``, ``data-(bs-)target``, a
``#`` link), is no such class. Style sheets the page may not read (another origin) are skipped.
"""

from __future__ import annotations

PHONE_HIDDEN_RULES = r"""
() => {
  const classes = new Set();
  const phoneOnly = (text) => /max-(device-)?width/i.test(text || '') && window.matchMedia(text).matches;
  const visit = (rules, phone) => {
    for (const rule of rules) {
      if (rule.type === CSSRule.MEDIA_RULE) {
        if (phoneOnly(rule.media.mediaText)) visit(rule.cssRules, true);
        continue;
      }
      if (rule.type === CSSRule.SUPPORTS_RULE) { visit(rule.cssRules, phone); continue; }
      if (!phone || rule.type !== CSSRule.STYLE_RULE) continue;
      const style = rule.style;
      const display = style.getPropertyValue('display').trim();
      if (display !== 'none' && style.getPropertyValue('visibility').trim() !== 'hidden') continue;
      for (const selector of rule.selectorText.split(',')) {
        const one = selector.trim().match(/^\.([A-Za-z_][\w-]*)$/);
        if (one) classes.add(one[1]);
      }
    }
  };
  for (const sheet of document.styleSheets) {
    let rules;
    try { rules = sheet.cssRules; } catch (error) { continue; }
    const media = sheet.media ? sheet.media.mediaText : '';
    if (media && !window.matchMedia(media).matches) continue;
    visit(rules, phoneOnly(media));
  }
  const opened = new Set();
  for (const el of document.querySelectorAll('[aria-controls], [data-target], [data-bs-target], a[href^="#"]')) {
    for (const name of ['aria-controls', 'data-target', 'data-bs-target', 'href']) {
      for (const id of (el.getAttribute(name) || '').split(/\s+/)) {
        if (id.replace(/^#/, '')) opened.add(id.replace(/^#/, ''));
      }
    }
  }
  const out = [];
  for (const name of classes) {
    const elements = [...document.getElementsByClassName(name)];
    const visible = (el) => getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden';
    const shown = elements.some(visible);
    const toggled = elements.some(el => [...opened].some(id => el.closest('#' + CSS.escape(id))));
    if (!shown && !toggled) out.push(name);
  }
  return out.sort().slice(0, 100);
}
"""
