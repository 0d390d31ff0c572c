# ruff: noqa: E501  (JavaScript kept on readable lines)
"""A form filled in wrongly and sent, and what the visitor is told (Appendix 14 row 3.5, WCAG 3.3.1).

Each form a visitor writes in (not a search box: a search landmark or a form in one, a search field, a
one-field form whose field or address names a search) gets input it must refuse: its required fields left
empty, an e-mail field given something that is not an address, a number field letters. It is sent the
way a visitor sends it, with its own submit button; a form in a window closed until a control opens it (a pop-up
the site's «Write to the akim» link opens, a closed ``<dialog>``) is first shown as that control shows it
(``opened``). Then:

* the browser's own message (the form's constraints refused it: the browser names the field and says
  why) is a text message tied to the field — when the form was really submitted: a plain
  ``type=button`` control submits nothing, so the browser says nothing;
* otherwise the texts that appeared, or that the page shows as errors (``role=alert``, a field marked
  ``aria-invalid``, an element a field names with ``aria-describedby``/``aria-errormessage``), are
  read — in the form, and anywhere on the page for a new text worded as an error (an answer page that
  shows the form again with its messages above it, in plain paragraphs; a text that differs from one shown before
  only in its numbers, a visitor counter or a clock updated, is no new text): a message is **tied** to a field when the field points to it, when it stands in the field's
  own block (its largest ancestor in the form holding no other field: the row of its label, input and
  message, whatever the site calls it), or when it names the field's label; a message hidden from assistive technology
  (``aria-hidden``) is not given to the visually impaired reader the row is for;
* a form that took the wrong input without a word (it went on, or said thank you) told nothing.
"""

from __future__ import annotations

from typing import Any

from ashyq.gather.probes import PATH_SELECTOR_OF
from ashyq.net.browser import goto

MAX_FORMS = 2
MAX_ALERTS = 20  # the alert boxes kept per page (each dismissed; the page is hostile input)

# A field's own label as a visitor sees it: its <label>s, its aria-label, its placeholder; failing those, the
# cell before its own in a table row (a form laid out in a table writes «Фамилия, имя *» in the cell beside the field)
LABEL_OF = """  const tidy = (parts) => parts.join(' ').toLowerCase().replace(/\\(.*?\\)|\\*|:/g, ' ').replace(/\\s+/g, ' ').trim();
  const ownOf = (el) => { const parts = [];
    if (el.labels) for (const l of el.labels) parts.push(l.innerText);
    if (el.getAttribute('aria-label')) parts.push(el.getAttribute('aria-label'));
    if (el.placeholder) parts.push(el.placeholder);
    if (!parts.join('').trim()) { const cell = el.closest('td, th'); const before = cell && cell.previousElementSibling;
      if (before && !before.querySelector('input, textarea, select') && (before.innerText || '').length < 120) parts.push(before.innerText); }
    return tidy(parts); };
"""

FORMS = (
    """
(words) => {
"""
    + PATH_SELECTOR_OF
    + """  const fieldsOf = (f) => [...f.querySelectorAll('input, textarea, select')].filter(el =>
    !['hidden', 'submit', 'button', 'image', 'reset'].includes(el.type) && !el.disabled);
  // a search box: the form is a search landmark, or stands in one (a wrapper with role=search, <search>)
  const isSearch = (f) => !!f.closest('[role=search], search') || !!f.querySelector('input[type=search]')
    || (fieldsOf(f).length === 1 && /search|poisk|izdeu|query|^q$|^s$/i.test((fieldsOf(f)[0].name || '') + ' ' + (f.action || '')));
  return [...document.forms].filter(f => fieldsOf(f).length && !isSearch(f)).map(f => ({
    selector: selectorOf(f), fields: fieldsOf(f).length,
    constrained: fieldsOf(f).filter(el => el.required || el.getAttribute('aria-required') === 'true' || ['email', 'number', 'tel', 'url'].includes(el.type) || el.pattern || el.minLength > 0).length,
    textarea: !!f.querySelector('textarea')}));
}
"""
)

# Fill the form with what it must refuse; remember what the page already showed.
SPOIL = (
    """
([selector]) => {
  const form = document.querySelector(selector);
  if (!form) return null;
  // a form in a window closed until a control opens it (a pop-up, a closed dialog): opened as the visitor opens
  // it, before what the page shows is noted (its labels are no news then)
  let opened = false;
  for (let n = form; n && n !== document.body && n !== document.documentElement; n = n.parentElement) {
    const s = getComputedStyle(n);
    if (s.display === 'none') { n.style.setProperty('display', 'block', 'important'); opened = true; }
    if (s.visibility === 'hidden') { n.style.setProperty('visibility', 'visible', 'important'); opened = true; }
  }
"""
    + LABEL_OF
    + """  const shown = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; };
  // every text the answer's reading could take for a message (a leaf, a block of at most two children, as READ reads
  // them), so that one shown before sending is known as such whatever its shape (a footer line around two counters)
  window.__ashyqBefore = new Set([...document.querySelectorAll('body *')].filter(el => shown(el) && el.children.length <= 2 && (el.textContent || '').trim())
    .flatMap(el => el.children.length ? [(el.innerText || '').trim().replace(/\\s+/g, ' ')] : [el.textContent.trim(), (el.innerText || '').trim().replace(/\\s+/g, ' ')]));
  const set = (el, value) => { const proto = el.localName === 'textarea' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value); el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true})); };
  const spoiled = [], labels = {};
  for (const el of form.querySelectorAll('input, textarea, select')) {
    if (['hidden', 'submit', 'button', 'image', 'reset', 'file'].includes(el.type) || el.disabled) continue;
    if (el.localName === 'select') continue;
    if (el.name || el.id) labels[el.name || el.id] = ownOf(el);
    if (['checkbox', 'radio'].includes(el.type)) { el.checked = false; continue; }
    if (el.type === 'email') { set(el, 'not-an-address'); spoiled.push(el.name || el.id); }
    else if (el.type === 'number' || el.type === 'tel') { set(el, ''); spoiled.push(el.name || el.id); }
    else if (el.type === 'url') { set(el, 'not a link'); spoiled.push(el.name || el.id); }
    else { set(el, ''); spoiled.push(el.name || el.id); }
  }
  const submit = form.querySelector('button[type=submit], input[type=submit], input[type=image], button:not([type])')
    || [...document.querySelectorAll('button[type=submit], input[type=submit]')].find(b => b.form === form)
    || form.querySelector('button, input[type=button]');
  const invalid = [...form.elements].filter(el => el.willValidate && !el.validity.valid).length;
  return {spoiled, labels, submit: submit ? (submit.id ? '#' + CSS.escape(submit.id) : null) : null, has_submit: !!submit,
          invalid_native: invalid, novalidate: form.noValidate, opened};
}
"""
)

# What the page showed before sending (its labels, headings, menus), carried over when the answer is a new
# document: a label shown again there is not a message about the input.
BEFORE = "() => window.__ashyqBefore ? [...window.__ashyqBefore] : []"
KEEP_BEFORE = "(texts) => { window.__ashyqBefore = new Set(texts); }"

CLICK_SUBMIT = """
([selector]) => {
  const form = document.querySelector(selector);
  const submit = form.querySelector('button[type=submit], input[type=submit], input[type=image], button:not([type])')
    || [...document.querySelectorAll('button[type=submit], input[type=submit]')].find(b => b.form === form)
    || form.querySelector('button, input[type=button]');
  // a plain button (type=button) sends nothing by itself: the browser validates only what is submitted
  if (submit) { submit.focus(); submit.click(); return ['submit', 'image'].includes(submit.type) ? 'button' : 'plain-button'; }
  if (form.requestSubmit) { form.requestSubmit(); return 'requestSubmit'; }
  form.submit(); return 'submit';
}
"""

# What the visitor is told now: the browser's own messages, and the page's error texts with the field
# each one is tied to.
READ = (
    """
([selector, errorWords, sent, sentLabels, alerts]) => {
"""
    + LABEL_OF
    + """
  const shown = (el) => { if (!el) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  // what the page showed before the form was sent; a text that differs from one of them only in its numbers (a visitor
  // counter, a clock, a date updated on the answering page) is that text updated, not news about the input
  const numbersOut = (t) => t.replace(/\\d[\\d\\s.,:]*/g, '#');
  const shownBefore = window.__ashyqBefore || new Set();
  const numbered = new Set([...shownBefore].map(numbersOut));
  const before = {has: (t) => shownBefore.has(t) || numbered.has(numbersOut(t))};
  const isError = (text) => errorWords.some(w => text.toLowerCase().includes(w.toLowerCase()));
  // a small shown element (a leaf, or a block of at most two children) whose text is worded as an error
  const errorWorded = (el) => el.children.length <= 2 && shown(el) && (el.innerText || '').length < 300 && isError((el.innerText || '').trim());
  // the form as it stands on the answering page: a page in another layout (a plain version's form answered
  // by the full layout's page) holds it elsewhere, so the form holding every field sent is it; where several forms hold
  // them (the form sent, redrawn with its answer, beside the template's empty copy of it in a header or a sidebar), the
  // one that answers is the one that says something new about its fields: a field marked invalid, or a new text worded
  // as an error
  const named = (f) => f && f.localName === 'form' && sent.every(n => f.elements.namedItem(n));
  const answers = (f) => [...f.querySelectorAll('input, textarea, select')].some(el => el.getAttribute('aria-invalid') === 'true')
    || [...f.querySelectorAll('*')].some(el => errorWorded(el) && !before.has((el.innerText || '').trim()));
  const at = document.querySelector(selector);
  const answering = sent.length ? [...document.forms].filter(f => named(f) && answers(f)) : [];
  const form = answering.includes(at) ? at : answering[0] || (sent.length && !named(at) ? [...document.forms].find(named) || at : at);
  const scope = form || document.body;
  const fields = form ? [...form.querySelectorAll('input, textarea, select')].filter(el => !['hidden', 'submit', 'button', 'image', 'reset'].includes(el.type)) : [];
  // the browser speaks only for a form that lets it validate (no novalidate)
  const native = form && !form.noValidate ? fields.filter(el => el.willValidate && !el.validity.valid)
    .map(el => ({field: el.name || el.id, message: el.validationMessage})).filter(x => x.message) : [];
  // the group (legend) a field stands in (its own label: LABEL_OF)
  const groupOf = (el) => { const fs = el.closest('fieldset'); return tidy(fs && fs.querySelector('legend') ? [fs.querySelector('legend').innerText] : []); };
  const wordsOf = (s) => s.split(' ').filter(w => w.length >= 3);
  // «заявитель» named as «заявителя», «Сообщение» as «сообщения»; a Kazakh word's last consonant voiced before a
  // suffix, «Сұрақ» as «сұрағыңызды»
  const stem = (w) => w.length >= 6 ? w.slice(0, -2) : w.length === 5 ? w.slice(0, -1) : w;
  // a message names a field by a word of its group, or of its own label when no other field shares
  // that label (two «Name» fields of two groups are not told apart by «Name»)
  const names = (text, f) => { const t = text.toLowerCase(); const own = ownOf(f);
    const twins = own ? fields.filter(g => g !== f && (g.name !== f.name || !f.name) && ownOf(g) === own) : [];
    return wordsOf(groupOf(f)).some(w => t.includes(stem(w))) || (twins.length === 0 && wordsOf(own).some(w => t.includes(stem(w)))); };
  // the words of a message beyond the labels of the fields it is tied to: what it says about them
  const beyond = (text, named) => (text.toLowerCase().match(/[\\p{L}]{3,}/gu) || [])
    .filter(w => !named.some(n => w.startsWith(stem(n)) || n.startsWith(stem(w)))).slice(0, 24);
  const rest = (text, tiedFields) => beyond(text, tiedFields.flatMap(f => wordsOf(ownOf(f) + ' ' + groupOf(f))));
  // the field's own block: its largest ancestor inside the form that holds no other field (the row of its
  // label, its input and its message, whatever the builder calls it)
  const ownBlockOf = (f) => { let block = f;
    while (block.parentElement && block.parentElement !== scope && block.parentElement !== document.body
           && [...block.parentElement.querySelectorAll('input, textarea, select')].every(g => g === f || !fields.includes(g)))
      block = block.parentElement;
    return block; };
  const candidates = new Set();
  document.querySelectorAll('[role=alert], [aria-live], .error, .errors, .invalid-feedback, .field-error, .form-error, [class*=error], [id*=error]').forEach(el => candidates.add(el));
  for (const el of fields) for (const attr of ['aria-describedby', 'aria-errormessage'])
    for (const id of (el.getAttribute(attr) || '').split(/\\s+/).filter(Boolean)) { const t = document.getElementById(id); if (t) candidates.add(t); }
  for (const b of scope.querySelectorAll('[aria-describedby]')) for (const id of b.getAttribute('aria-describedby').split(/\\s+/)) { const t = document.getElementById(id); if (t) candidates.add(t); }
  [...scope.querySelectorAll('*')].filter(el => el.children.length === 0 && shown(el) && (el.textContent || '').trim() && !before.has(el.textContent.trim()))
    .forEach(el => candidates.add(el));
  [...scope.querySelectorAll('*')].filter(errorWorded).forEach(el => candidates.add(el));
  // the answer may say it outside the form (a page sent back with its messages above the form, in the page's own
  // paragraphs, no error class or role): a text new since the form was sent and worded as an error is read there too
  // (not in another form: that is the other form's answer; every text in it new: not a block around older words)
  const leavesOf = (el) => el.children.length ? [...el.querySelectorAll('*')].filter(c => c.children.length === 0 && (c.textContent || '').trim()) : [el];
  const allNew = (el) => !before.has((el.innerText || '').trim()) && leavesOf(el).every(c => !before.has(c.textContent.trim()));
  if (form) [...document.body.querySelectorAll('*')].filter(el => !form.contains(el) && !el.contains(form) && !el.closest('form')
      && errorWorded(el) && allNew(el))
    .forEach(el => candidates.add(el));
  const ownBlocks = new Map(fields.map(f => [f, ownBlockOf(f)]));
  const messages = [];
  for (const el of candidates) {
    const text = (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ');
    if (!text || text.length > 300 || !shown(el)) continue;
    if (![...candidates].every(o => o === el || !el.contains(o) || (o.innerText || '').trim() !== text)) continue;
    const fresh = !before.has(text);
    // a text shown before this form was sent answers it only from inside the form: outside it, it is another
    // form's message (the feedback form's, still shown when the poll is sent) or the page's own words; on an
    // answering page that does not hold the form, such a text (a footer's «… міндетті») was there before anything was sent
    if (!fresh && (!isError(text) || !form || !form.contains(el))) continue;
    const tied = [], tiedFields = [];
    for (const f of fields) {
      const ids = ((f.getAttribute('aria-describedby') || '') + ' ' + (f.getAttribute('aria-errormessage') || '')).split(/\\s+/).filter(Boolean);
      if (ids.some(id => { const t = document.getElementById(id); return t && (t === el || t.contains(el)); })
          || ownBlocks.get(f).contains(el)
          || names(text, f)) { tied.push(f.name || f.id || f.type); tiedFields.push(f); }
    }
    // an answer page that holds none of the fields sent (a server's error page with a link back): a message names
    // a field by the label it had on the form's page, in a line worded as an error («Ошибка: Укажите фамилию …»;
    // not the page's title «Обращение не отправлено» beside it)
    const labelWords = [];
    if (!tied.length && !fields.length) {
      const errorLines = (el.innerText || el.textContent || '').split(/\\n|(?<=[.!?])\\s+/).map(x => x.trim().toLowerCase())
        .filter(x => x && isError(x));
      for (const [name, label] of Object.entries(sentLabels || {})) {
        const words = wordsOf(label || '');
        if (words.some(w => errorLines.some(line => line.includes(stem(w))))) { tied.push(name); labelWords.push(...words); }
      }
    }
    const hidden = !!el.closest('[aria-hidden=true]');
    const says = !tied.length ? [] : tiedFields.length ? rest(text, tiedFields) : beyond(text, labelWords);
    messages.push({text: text.slice(0, 160), fresh, error_like: isError(text), tied, hidden_from_at: hidden, says});
  }
  // the script's own alert box («Please enter Аты-жөні», an editor's MM_validateForm): a text the browser shows and
  // reads out, tied to the fields it names
  for (const said of alerts || []) {
    const text = String(said).trim().replace(/\\s+/g, ' ');
    if (!text) continue;
    const tiedFields = fields.filter(f => names(text, f));
    messages.push({text: text.slice(0, 160), fresh: true, error_like: isError(text), tied: tiedFields.map(f => f.name || f.id || f.type),
                   hidden_from_at: false, says: tiedFields.length ? rest(text, tiedFields) : [], alert: true});
  }
  const invalidMarked = fields.filter(el => el.getAttribute('aria-invalid') === 'true').map(el => el.name || el.id);
  return {native: native.slice(0, 10), messages: messages.slice(0, 10), aria_invalid: invalidMarked.slice(0, 10),
          fields: fields.length, url: location.href};
}
"""
)


async def probe_forms(page: Any, error_words: list[str], timeout_ms: int) -> dict[str, Any]:
    """Every form of the page one writes in (at most :data:`MAX_FORMS`, those asking for something
    first), each sent with wrong input."""
    found = await page.evaluate(FORMS, error_words)
    # the forms that ask for something (a required field, an address, a message box) first: a poll or
    # a subscription box ahead of the feedback form in the page's order must not take its place
    found.sort(key=lambda f: not (f.get("constrained") or f.get("textarea")))
    results = []
    start = page.url
    alerts: list[str] = []

    async def on_dialog(dialog: Any) -> None:  # an alert the form's script raises: read, then closed
        if len(alerts) < MAX_ALERTS:  # a page raising alerts in a loop is not read without end
            alerts.append(str(dialog.message)[:300])
        await dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        for form in found[:MAX_FORMS]:
            told = await _send_wrongly(page, form, start, error_words, timeout_ms, alerts)
            if told is not None:
                results.append(told)
    finally:
        page.remove_listener("dialog", on_dialog)
    return {"forms": results, "page": start}


async def _send_wrongly(
    page: Any, form: dict[str, Any], start: str, error_words: list[str], timeout_ms: int, alerts: list[str]
) -> dict[str, Any] | None:
    """One form filled in wrongly and sent; what the visitor was told (None: the form could not be filled)."""
    if page.url != start:
        await goto(page, start, wait_until="load", timeout=timeout_ms)
    spoiled = await page.evaluate(SPOIL, [form["selector"]])
    if spoiled is None:
        return None
    how = None
    navigated = False
    before = await page.evaluate(BEFORE)
    raised = len(alerts)
    try:
        async with page.expect_navigation(timeout=2500, wait_until="load"):
            how = await page.evaluate(CLICK_SUBMIT, [form["selector"]])
        navigated = True
    except Exception:  # no new page: the form answered in place, or the browser refused it
        pass
    await page.wait_for_timeout(400)
    if navigated:  # the answering page is a new document: what the form's page showed is not news on it
        await page.evaluate(KEEP_BEFORE, before)
    said = alerts[raised:]
    sent = [form["selector"], error_words, spoiled.get("spoiled") or [], spoiled.get("labels") or {}, said]
    told = await page.evaluate(READ, sent)
    return {**form, **spoiled, "sent_by": how, "went_on": navigated and page.url != start, "alerts": said, **told}
