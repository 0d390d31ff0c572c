/* AkimatCMS 3.2: language tabs on one address; the choice is kept in ?lang=ru */
(function () {
  var tabs = document.querySelectorAll('[role="tab"]');
  function choose(btn) {
    for (var i = 0; i < tabs.length; i++) {
      var t = tabs[i], panel = document.getElementById(t.getAttribute('aria-controls'));
      var on = t === btn;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.classList.toggle('is-active', on);
      if (panel) { panel.hidden = !on; }
    }
    var lang = btn.getAttribute('data-lang');
    if (window.history && history.replaceState) { history.replaceState(null, '', btn.getAttribute('data-href')); }
    var links = document.querySelectorAll('a[href^="/"]');
    for (var j = 0; j < links.length; j++) {
      var a = links[j], h = a.getAttribute('href');
      if (h.indexOf('/files/') === 0 || h.indexOf('/images/') === 0 || h.indexOf('/rss/') === 0) { continue; }
      h = h.replace(/([?&])lang=ru(&|$)/, function (m, p, s) { return s ? p : ''; }).replace(/[?&]$/, '');
      if (lang === 'ru') { h += (h.indexOf('?') < 0 ? '?' : '&') + 'lang=ru'; }
      a.setAttribute('href', h);
    }
  }
  for (var i = 0; i < tabs.length; i++) {
    tabs[i].addEventListener('click', function () { choose(this); });
  }
})();
