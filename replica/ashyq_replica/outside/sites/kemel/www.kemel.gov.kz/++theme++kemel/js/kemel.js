/* kemel: the bits of Plone's mockup patterns the theme uses — the off-canvas menu (Bootstrap's offcanvas),
   pat-autotoc (a table of contents built from the headings of a Document) and the search page's filter toggle. */
(function () {
  'use strict';
  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }
  ready(function () {
    var toggler = document.querySelector('.navbar-toggler');
    var canvas = document.getElementById('offcanvasNavbar');
    if (toggler && canvas) {
      var closer = canvas.querySelector('.btn-close');
      var setOpen = function (open) {
        canvas.classList.toggle('show', open);
        toggler.setAttribute('aria-expanded', open ? 'true' : 'false');
        if (open) { canvas.focus(); }
      };
      toggler.addEventListener('click', function () { setOpen(!canvas.classList.contains('show')); });
      if (closer) {
        closer.addEventListener('click', function () { setOpen(false); toggler.focus(); });
      }
      document.addEventListener('keydown', function (e) {
        if (e.key === 'Escape' && canvas.classList.contains('show')) { setOpen(false); toggler.focus(); }
      });
    }

    Array.prototype.forEach.call(document.querySelectorAll('.pat-autotoc'), function (box, n) {
      var opt = (box.getAttribute('data-pat-autotoc') || 'levels:h2,h3').replace('levels:', '');
      var heads = box.querySelectorAll(opt);
      if (!heads.length) { return; }
      var nav = document.createElement('nav');
      nav.className = 'autotoc-nav';
      nav.setAttribute('aria-label', box.getAttribute('data-toc-label') || 'Contents');
      Array.prototype.forEach.call(heads, function (h, i) {
        if (!h.id) { h.id = 'autotoc-item-autotoc-' + n + '-' + i; }
        var a = document.createElement('a');
        a.href = '#' + h.id;
        a.textContent = h.textContent;
        a.className = 'autotoc-level-' + (h.tagName === 'H2' ? 1 : 2);
        nav.appendChild(a);
      });
      box.insertBefore(nav, box.firstChild);
    });

    var ft = document.getElementById('search-filter-toggle');
    var filter = document.getElementById('search-filter');
    if (ft && filter) {
      ft.addEventListener('click', function () {
        var hidden = filter.classList.toggle('hidden');
        ft.setAttribute('aria-expanded', hidden ? 'false' : 'true');
      });
    }
  });
})();
