/* htmx-lite: a small subset of htmx's attributes, as this site uses them.
   hx-get: the address to GET; hx-trigger: load | revealed | change | click (default click, change for a select);
   hx-target: a selector (default the element itself); hx-swap: innerHTML (default) or outerHTML;
   hx-select: the part of the answer to keep; hx-push-url: put the address in the history; hx-include: a form whose fields go in the query. */
(function () {
  function target(el) { var s = el.getAttribute('hx-target'); return s ? (s === 'this' ? el : document.querySelector(s)) : el; }
  function url(el) {
    var u = el.getAttribute('hx-get'), inc = el.getAttribute('hx-include');
    if (inc) { var f = inc === 'closest form' ? el.closest('form') : document.querySelector(inc);
      if (f) { var q = new URLSearchParams(new FormData(f)); q.sort(); u += (u.indexOf('?') < 0 ? '?' : '&') + q.toString(); } }
    return u;
  }
  function run(el) {
    var u = url(el);
    fetch(u, { headers: { 'HX-Request': 'true' } }).then(function (r) { return r.text(); }).then(function (html) {
      var sel = el.getAttribute('hx-select'), t = target(el), swap = el.getAttribute('hx-swap') || 'innerHTML';
      if (sel) { var d = new DOMParser().parseFromString(html, 'text/html'); var part = d.querySelector(sel); html = part ? part.innerHTML : html; if (d.title) document.title = d.title; }
      if (!t) return;
      if (swap === 'outerHTML') { var box = document.createElement(t.tagName === 'TR' ? 'tbody' : 'div'); box.innerHTML = html;
        var nodes = Array.prototype.slice.call(box.childNodes); nodes.forEach(function (n) { t.parentNode.insertBefore(n, t); }); t.parentNode.removeChild(t); nodes.forEach(scan); }
      else { t.innerHTML = html; scan(t); }
      if (el.getAttribute('hx-push-url') === 'true') { history.pushState({}, '', u); window.scrollTo(0, 0); }
      var m = t.closest && t.closest('.modal'); if (m) m.hidden = false;
    });
  }
  function bind(el) {
    if (el.__hx) return; el.__hx = true;
    var trig = el.getAttribute('hx-trigger') || (el.tagName === 'SELECT' ? 'change' : 'click');
    if (trig === 'load') { run(el); return; }
    if (trig === 'revealed') { var o = new IntersectionObserver(function (es) { es.forEach(function (e) { if (e.isIntersecting) { o.disconnect(); run(el); } }); }); o.observe(el); return; }
    el.addEventListener(trig, function (ev) { if (trig === 'click') ev.preventDefault(); run(el); });
  }
  function scan(root) { if (root.nodeType !== 1) return; if (root.hasAttribute('hx-get')) bind(root); root.querySelectorAll('[hx-get]').forEach(bind); }
  document.addEventListener('click', function (e) { if (e.target.classList.contains('close')) e.target.closest('.modal').hidden = true; });
  window.addEventListener('popstate', function () { location.reload(); });
  document.addEventListener('DOMContentLoaded', function () { scan(document.body); });
})();
