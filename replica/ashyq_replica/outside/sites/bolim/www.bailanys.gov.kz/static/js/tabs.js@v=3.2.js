/* tabs.js 3.2: ARIA tabs whose panels are fetched from the address in the tab's data-src when first chosen */
(function () {
  'use strict';
  function load(tab, panel, box) {
    if (panel.getAttribute('data-loaded') === '1') { return; }
    panel.innerHTML = '<p class="loading">' + (box.getAttribute('data-loading') || '…') + '</p>';
    fetch(tab.getAttribute('data-src'), {credentials: 'same-origin', headers: {'X-Requested-With': 'XMLHttpRequest'}})
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (html) { panel.innerHTML = html; panel.setAttribute('data-loaded', '1'); })
      .catch(function () { panel.innerHTML = '<p class="err">' + (box.getAttribute('data-error') || 'Error') + '</p>'; });
  }
  function select(box, tabs, tab, focus) {
    tabs.forEach(function (t) {
      var on = t === tab;
      var p = document.getElementById(t.getAttribute('aria-controls'));
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.tabIndex = on ? 0 : -1;
      if (p) { p.hidden = !on; }
    });
    var panel = document.getElementById(tab.getAttribute('aria-controls'));
    if (panel) { load(tab, panel, box); }
    if (focus) { tab.focus(); }
  }
  document.querySelectorAll('.tabs').forEach(function (box) {
    var tabs = Array.prototype.slice.call(box.querySelectorAll('[role="tab"]'));
    tabs.forEach(function (tab, i) {
      tab.addEventListener('click', function () { select(box, tabs, tab, false); });
      tab.addEventListener('keydown', function (e) {
        var next = null;
        if (e.key === 'ArrowRight') { next = tabs[(i + 1) % tabs.length]; }
        else if (e.key === 'ArrowLeft') { next = tabs[(i - 1 + tabs.length) % tabs.length]; }
        else if (e.key === 'Home') { next = tabs[0]; }
        else if (e.key === 'End') { next = tabs[tabs.length - 1]; }
        if (next) { e.preventDefault(); select(box, tabs, next, true); }
      });
    });
  });
})();
