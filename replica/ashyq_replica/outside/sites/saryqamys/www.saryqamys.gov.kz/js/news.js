/* Лента новостей из /api/news.json: список, фильтр, страница новости ?id=N */
(function () {
  var MONTHS = {
    ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
    kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан']
  };
  function lang() { return window.SITE_LANG || 'ru'; }
  function pick(field) { return field[lang()] || field.ru; } // нет казахского текста: показываем русский
  function when(iso) {
    var d = new Date(iso), l = lang();
    var time = iso.slice(11, 16);
    return l === 'kk'
      ? d.getFullYear() + ' ж. ' + d.getDate() + ' ' + MONTHS.kk[d.getMonth()] + ', ' + time
      : d.getDate() + ' ' + MONTHS.ru[d.getMonth()] + ' ' + d.getFullYear() + ' г., ' + time;
  }
  function card(item) {
    var text = pick(item.text);
    return '<article class="card"><time datetime="' + item.date + '">' + when(item.date) + '</time>' +
      '<h3><a href="/news.html?id=' + item.id + '">' + pick(item.title) + '</a></h3>' +
      '<p>' + (text.length > 160 ? text.slice(0, 157) + '…' : text) + '</p></article>';
  }
  function draw(items) {
    var id = new URLSearchParams(window.location.search).get('id');
    var latest = document.getElementById('news-latest');
    var list = document.getElementById('news-list');
    var one = document.getElementById('news-item');
    if (latest) { latest.innerHTML = items.slice(0, 3).map(card).join(''); window.keepLang(latest); }
    if (one && id) {
      var item = items.filter(function (x) { return String(x.id) === id; })[0];
      document.getElementById('news-filter-box').hidden = true;
      one.innerHTML = item
        ? '<article><time datetime="' + item.date + '">' + when(item.date) + '</time><h2>' + pick(item.title) + '</h2><p>' +
          pick(item.text) + '</p></article><p><a href="/news.html">' + (window.I18N['nw.back'] || 'Ко всем новостям') + '</a></p>'
        : '<p>—</p>';
      window.keepLang(one);
      return;
    }
    if (list) {
      var box = document.getElementById('news-filter');
      var show = function () {
        var q = box.value.trim().toLowerCase();
        list.innerHTML = items.filter(function (x) {
          return !q || pick(x.title).toLowerCase().indexOf(q) >= 0 || pick(x.text).toLowerCase().indexOf(q) >= 0;
        }).map(card).join('');
        window.keepLang(list);
      };
      box.addEventListener('input', show);
      show();
    }
  }
  document.addEventListener('i18n:ready', function () {
    fetch('/api/news.json').then(function (r) { return r.json(); }).then(function (data) { draw(data.items); });
  });
})();
