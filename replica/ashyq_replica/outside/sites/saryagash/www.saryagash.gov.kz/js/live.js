/* live.js — the site's small client for its server components (wire:*), the menu and the home carousel */
(function () {
  'use strict';
  var token = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

  function rootOf(el) { return el.closest('[wire\\:id]'); }

  function send(root, payload) {
    var body = {
      _token: token,
      components: [{ snapshot: root.getAttribute('wire:snapshot'), updates: payload.updates || {}, calls: payload.calls || [] }]
    };
    root.setAttribute('aria-busy', 'true');
    return fetch('/livewire/update', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Livewire': '1', 'X-CSRF-TOKEN': token },
      body: JSON.stringify(body)
    }).then(function (r) {
      root.removeAttribute('aria-busy');
      if (!r.ok) return null;
      return r.json();
    }).then(function (data) {
      if (!data || !data.components || !data.components[0]) return;
      var answer = data.components[0];
      var holder = document.createElement('div');
      holder.innerHTML = answer.effects.html;
      var fresh = holder.firstElementChild;
      root.replaceWith(fresh);
      if (answer.effects.url && answer.effects.url !== location.pathname + location.search) {
        history.pushState({ live: true }, '', answer.effects.url);
      }
      var dialog = fresh.querySelector('[role="dialog"]');
      if (dialog) { var b = dialog.querySelector('button'); if (b) b.focus(); }
    });
  }

  function parseCall(expr) {
    var m = /^\s*([\w$]+)\s*(?:\((.*)\))?\s*$/.exec(expr);
    if (!m) return null;
    var params = [];
    if (m[2] && m[2].trim()) {
      params = m[2].split(',').map(function (p) {
        p = p.trim();
        if (/^-?\d+$/.test(p)) return parseInt(p, 10);
        return p.replace(/^['"]|['"]$/g, '');
      });
    }
    return { path: '', method: m[1], params: params };
  }

  document.addEventListener('click', function (e) {
    var el = e.target.closest('[wire\\:click]');
    if (!el) return;
    var root = rootOf(el);
    if (!root) return;
    e.preventDefault();
    var call = parseCall(el.getAttribute('wire:click'));
    if (call) send(root, { calls: [call] });
  });

  document.addEventListener('change', function (e) {
    var el = e.target;
    if (!el.hasAttribute || !el.hasAttribute('wire:model.live')) return;
    var root = rootOf(el);
    if (!root) return;
    var updates = {};
    updates[el.getAttribute('wire:model.live')] = el.value;
    send(root, { updates: updates });
  });

  var timer = null;
  document.addEventListener('input', function (e) {
    var el = e.target;
    if (!el.getAttributeNames) return;
    var name = el.getAttributeNames().filter(function (n) { return n.indexOf('wire:model.live') === 0; })[0];
    if (!name || el.tagName === 'SELECT') return;
    var root = rootOf(el);
    clearTimeout(timer);
    timer = setTimeout(function () {
      var updates = {};
      updates[el.getAttribute(name)] = el.value;
      send(root, { updates: updates });  /* no answer kept for a query: the form's plain GET gives the results */
    }, 500);
  });

  window.addEventListener('popstate', function () { location.reload(); });

  var toggle = document.getElementById('nav-toggle');
  var nav = document.getElementById('main-nav');
  if (toggle && nav) {
    toggle.addEventListener('click', function () {
      var open = nav.classList.toggle('is-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  var carousel = document.querySelector('.carousel[data-autoplay]');
  if (carousel) {
    var slides = carousel.querySelectorAll('.carousel-slide');
    var dots = carousel.querySelectorAll('.carousel-dot');
    var current = 0;
    var show = function (n) {
      slides[current].classList.remove('is-active');
      current = (n + slides.length) % slides.length;
      slides[current].classList.add('is-active');
    };
    dots.forEach(function (d) { d.addEventListener('click', function () { show(parseInt(d.getAttribute('data-slide'), 10)); }); });
    setInterval(function () { show(current + 1); }, parseInt(carousel.getAttribute('data-autoplay'), 10) || 5000);
  }
})();
