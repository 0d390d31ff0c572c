/* shiderti portal: lazy images, infinite feeds, text expanders, mega-menu, cookie bar (press service theme 2.4) */
(function () {
  'use strict';
  var io = 'IntersectionObserver' in window;

  function loadImg(img) {
    if (img.dataset.src) { img.src = img.dataset.src; img.removeAttribute('data-src'); }
  }
  function lazy(root) {
    var imgs = (root || document).querySelectorAll('img[data-src]');
    if (!io) { imgs.forEach(loadImg); return; }
    var ob = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) { loadImg(e.target); ob.unobserve(e.target); } });
    }, { rootMargin: '200px' });
    imgs.forEach(function (i) { ob.observe(i); });
  }

  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function render(item) {
    if (item.type === 'card') {
      var alt = item.alt === null ? '' : ' alt="' + esc(item.alt || item.title) + '"';
      var title = item.title ? '<h3 class="card-title">' + esc(item.title) + '</h3>' : '';
      return '<article class="card"><a class="card-link" href="' + esc(item.url) + '"><img class="lazy" src="/media/ui/placeholder.png" data-src="' +
        esc(item.image) + '"' + alt + ' width="400" height="250">' + title + '</a><p class="card-date">' + esc(item.date) + '</p></article>';
    }
    var meta = item.meta ? '<span class="meta">' + esc(item.meta) + '</span>' : '';
    return '<div class="row"><a href="' + esc(item.url) + '">' + esc(item.title) + '</a>' + meta + '</div>';
  }

  function feeds() {
    document.querySelectorAll('.feed[data-feed]').forEach(function (box) {
      var sentinel = box.nextElementSibling;
      if (!box.dataset.next || !sentinel || !io) return;
      var busy = false;
      var ob = new IntersectionObserver(function (entries) {
        if (!entries[0].isIntersecting || busy || !box.dataset.next) return;
        busy = true;
        var url = box.dataset.feed + '?page=' + box.dataset.next;
        fetch(url, { headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.json(); })
          .then(function (data) {
            var tmp = document.createElement('div');
            tmp.innerHTML = (data.items || []).map(render).join('');
            while (tmp.firstChild) box.appendChild(tmp.firstChild);
            lazy(box);
            if (data.next) { box.dataset.next = data.next; } else { delete box.dataset.next; ob.disconnect(); }
            busy = false;
          })
          .catch(function () { busy = false; });
      }, { rootMargin: '300px' });
      ob.observe(sentinel);
    });
  }

  function expanders() {
    document.querySelectorAll('[data-expand]').forEach(function (btn) {
      btn.addEventListener('click', function () {
        var text = btn.previousElementSibling;
        if (text) text.classList.add('open');
        btn.classList.add('gone');
      });
    });
  }

  function mega() {
    var btn = document.querySelector('.mega-toggle');
    var panel = document.getElementById('mega');
    if (!btn || !panel) return;
    btn.addEventListener('click', function () {
      var open = panel.hasAttribute('hidden');
      if (open) panel.removeAttribute('hidden'); else panel.setAttribute('hidden', '');
      btn.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  function depts() {
    document.querySelectorAll('.dept-toggle').forEach(function (b) {
      b.addEventListener('click', function () {
        var body = document.getElementById(b.getAttribute('aria-controls'));
        var hidden = body.hasAttribute('hidden');
        if (hidden) body.removeAttribute('hidden'); else body.setAttribute('hidden', '');
        b.setAttribute('aria-expanded', hidden ? 'true' : 'false');
      });
    });
  }

  function cookie() {
    var bar = document.getElementById('cookie');
    if (!bar) return;
    try { if (localStorage.getItem('cookie-ok') === '1') { bar.classList.add('hidden'); return; } } catch (e) {}
    document.getElementById('cookie-ok').addEventListener('click', function () {
      try { localStorage.setItem('cookie-ok', '1'); } catch (e) {}
      bar.classList.add('hidden');
    });
  }

  function copyLinks() {
    document.querySelectorAll('[data-copy]').forEach(function (b) {
      b.addEventListener('click', function () { if (navigator.clipboard) navigator.clipboard.writeText(b.dataset.copy); });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    lazy(document); feeds(); expanders(); mega(); depts(); cookie(); copyLinks();
  });
})();
