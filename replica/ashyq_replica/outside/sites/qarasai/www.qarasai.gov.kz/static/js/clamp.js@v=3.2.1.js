/* Aq-Clamp 3.2.1: «Толығырақ / Показать полностью» toggles, lazily loaded rests, burger, poll */
(function () {
  'use strict';
  function toggle(btn) {
    var box = document.getElementById(btn.getAttribute('aria-controls'));
    if (!box) return;
    var open = !box.classList.contains('is-open');
    box.classList.toggle('is-open', open);
    btn.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (!btn.dataset.more) btn.dataset.more = btn.textContent;
    btn.textContent = open ? btn.dataset.less : btn.dataset.more;
  }
  document.addEventListener('click', function (e) {
    var btn = e.target.closest('.js-more');
    if (btn) {
      var src = btn.getAttribute('data-load');
      if (src && !btn.dataset.loaded) {
        var box = document.getElementById(btn.getAttribute('aria-controls'));
        var rest = box.querySelector('.c-clamp__rest');
        var label = btn.textContent;
        btn.textContent = btn.getAttribute('data-loading');
        fetch(src, {headers: {'X-Requested-With': 'XMLHttpRequest'}})
          .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
          .then(function (html) { rest.innerHTML = html; btn.dataset.loaded = '1'; btn.textContent = label; toggle(btn); })
          .catch(function () { btn.textContent = label; });
        return;
      }
      toggle(btn);
      return;
    }
    var burger = e.target.closest('.burger');
    if (burger) {
      var menu = document.getElementById(burger.getAttribute('aria-controls'));
      var o = !menu.classList.contains('is-open');
      menu.classList.toggle('is-open', o);
      burger.setAttribute('aria-expanded', o ? 'true' : 'false');
    }
  });
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.classList.contains('js-poll')) return;
    e.preventDefault();
    fetch(form.action, {method: 'POST', body: new FormData(form)})
      .then(function (r) { return r.json(); })
      .then(function (d) { form.querySelector('.poll__result').textContent = d.message; });
  });
})();
