/* i18n.js 3.2 — перевод интерфейса на лету (i18next-подобный). Исходный язык страниц — русский. */
(function () {
  var SUPPORTED = ['ru', 'kk'], COOKIE = 'i18next';
  function readCookie(n) { var m = document.cookie.match(new RegExp('(?:^|; )' + n + '=([^;]*)')); return m ? decodeURIComponent(m[1]) : null; }
  function detect() {
    var q = new URLSearchParams(location.search).get('lang');
    if (SUPPORTED.indexOf(q) >= 0) { document.cookie = COOKIE + '=' + q + '; path=/; max-age=31536000'; return q; }
    var c = readCookie(COOKIE); return SUPPORTED.indexOf(c) >= 0 ? c : 'ru';
  }
  function load(lng, ns) {
    return fetch('/static/locales/' + lng + '/' + ns + '.json').then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
  }
  function get(res, key) {
    var p = key.split(':'), ns = p.length > 1 ? p[0] : 'common', path = (p.length > 1 ? p[1] : p[0]).split('.');
    var v = res[ns]; for (var i = 0; v && i < path.length; i++) v = v[path[i]];
    return typeof v === 'string' ? v : null;   /* нет ключа — остаётся русский текст */
  }
  function apply(res) {
    document.querySelectorAll('[data-i18n]').forEach(function (el) { var v = get(res, el.getAttribute('data-i18n')); if (v !== null) el.textContent = v; });
    document.querySelectorAll('[data-i18n-html]').forEach(function (el) { var v = get(res, el.getAttribute('data-i18n-html')); if (v !== null) el.innerHTML = v; });
    ['alt', 'placeholder', 'href', 'title'].forEach(function (a) {
      document.querySelectorAll('[data-i18n-' + a + ']').forEach(function (el) { var v = get(res, el.getAttribute('data-i18n-' + a)); if (v !== null) el.setAttribute(a, v); });
    });
  }
  var lng = detect();
  document.querySelectorAll('.lang-switch a').forEach(function (a) {
    if (a.getAttribute('data-lng') === lng) a.setAttribute('aria-current', 'true');
  });
  if (lng === 'ru') return;
  document.documentElement.lang = lng;
  var ns = document.body.getAttribute('data-i18n-ns') || 'common';
  Promise.all([load(lng, 'common'), load(lng, ns)]).then(function (r) {
    var res = { common: r[0] }; res[ns] = r[1]; apply(res);
  });
})();
