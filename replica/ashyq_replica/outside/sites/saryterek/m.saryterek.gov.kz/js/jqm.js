/* jqm-lite: the parts of jQuery Mobile 1.4 this site uses.
   Links inside a page are loaded by AJAX and the new data-role="page" replaces the old one; the address keeps the
   page it was opened at and shows the loaded one after the hash (#/kk/qyzmetter), as jQuery Mobile does, so every
   page also has an address of its own. Collapsibles fold their content until their heading is tapped. */
(function () {
  function enhance(root) {
    var boxes = root.querySelectorAll('[data-role="collapsible"]');
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i], head = box.firstElementChild;
      if (box.getAttribute('data-enhanced') || !head) continue;
      box.setAttribute('data-enhanced', 'true');
      box.classList.add('ui-collapsible', 'ui-collapsible-collapsed');
      head.classList.add('ui-collapsible-heading');
      var toggle = document.createElement('a');
      toggle.href = '#';
      toggle.className = 'ui-collapsible-heading-toggle';
      toggle.innerHTML = head.innerHTML;
      head.innerHTML = '';
      head.appendChild(toggle);
      toggle.addEventListener('click', function (e) {
        e.preventDefault();
        this.parentNode.parentNode.classList.toggle('ui-collapsible-collapsed');
      });
    }
  }
  function loader(on) {
    var el = document.querySelector('.ui-loader');
    if (!el) { el = document.createElement('div'); el.className = 'ui-loader'; el.textContent = '…'; document.body.appendChild(el); }
    el.style.display = on ? 'block' : 'none';
  }
  function load(path, push) {
    loader(true);
    var xhr = new XMLHttpRequest();
    xhr.open('GET', path);
    xhr.onload = function () {
      loader(false);
      var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var next = doc.querySelector('[data-role="page"]'), old = document.querySelector('[data-role="page"]');
      if (!next || !old) { location.href = path; return; }
      var page = document.importNode(next, true);
      old.parentNode.replaceChild(page, old);
      document.title = doc.title;
      enhance(page);
      window.scrollTo(0, 0);
      if (push) location.hash = '#' + path;
    };
    xhr.onerror = function () { loader(false); location.href = path; };
    xhr.send();
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('a') : null;
    if (!a || a.classList.contains('ui-collapsible-heading-toggle')) return;
    var href = a.getAttribute('href') || '';
    if (a.getAttribute('data-rel') === 'back' && location.hash.indexOf('#/') === 0) { e.preventDefault(); history.back(); return; }
    if (href.charAt(0) === '#' || a.getAttribute('rel') === 'external' || a.getAttribute('data-ajax') === 'false') return;
    if (a.host !== location.host || /^(mailto|tel):/.test(href)) return;
    e.preventDefault();
    load(a.pathname, true);
  });
  window.addEventListener('hashchange', function () {
    var path = location.hash.indexOf('#/') === 0 ? location.hash.slice(1) : location.pathname;
    load(path, false);
  });
  document.addEventListener('DOMContentLoaded', function () {
    enhance(document);
    if (location.hash.indexOf('#/') === 0) load(location.hash.slice(1), false);
  });
})();
