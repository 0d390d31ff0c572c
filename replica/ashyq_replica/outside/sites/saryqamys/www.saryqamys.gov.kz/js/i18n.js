/* Переключение языка сайта: ?lang=kk / ?lang=ru, иначе localStorage, по умолчанию русский.
   Студия «Жебе», 2019. Словари: /i18n/kk.json, /i18n/ru.json */
(function () {
  var params = new URLSearchParams(window.location.search);
  var lang = params.get('lang') || window.localStorage.getItem('site_lang') || 'ru';
  if (lang !== 'kk' && lang !== 'ru') { lang = 'ru'; }
  window.localStorage.setItem('site_lang', lang);
  window.SITE_LANG = lang;
  document.documentElement.lang = lang;

  function withLang(href, value) {
    var url = new URL(href, window.location.href);
    url.searchParams.set('lang', value);
    return url.pathname + url.search + url.hash;
  }

  // ссылки внутри сайта сохраняют выбранный язык
  function keepLang(root) {
    root.querySelectorAll('a[href]').forEach(function (a) {
      var href = a.getAttribute('href');
      if (a.classList.contains('lang-switch')) {
        a.setAttribute('href', withLang(window.location.href, a.getAttribute('hreflang')));
        if (a.getAttribute('hreflang') === lang) { a.classList.add('active'); }
        return;
      }
      if (href.charAt(0) === '/' && href.charAt(1) !== '/' && href.indexOf('/files/') !== 0) {
        a.setAttribute('href', withLang(href, lang));
      }
    });
    root.querySelectorAll('form[action]').forEach(function (f) {
      f.setAttribute('action', withLang(f.getAttribute('action'), lang));
    });
  }
  window.keepLang = keepLang;

  fetch('/i18n/' + lang + '.json')
    .then(function (r) { return r.json(); })
    .then(function (dict) {
      window.I18N = dict;
      document.querySelectorAll('[data-i18n]').forEach(function (el) {
        var value = dict[el.getAttribute('data-i18n')];
        if (value === undefined) { return; } // нет перевода: остаётся исходный текст
        if (el.tagName === 'TITLE') { el.textContent = value; } else { el.innerHTML = value; }
      });
      keepLang(document);
      document.dispatchEvent(new CustomEvent('i18n:ready', { detail: { lang: lang } }));
    });
})();
