/* Kendo-like data grids of the site's registers (documents, vacancies, announcements, news, inspections).
   The page holds an empty <div id="grid" data-read="…" data-columns="[…]" data-page-size="10">; the rows come from
   the controller's Read action, posted as JSON {page, pageSize, sort, filter} and answered as a DataSourceResult
   {Data: [...], Total: n}; dates come as "/Date(ms)/". A click on a row opens its details in a window. */
(function () {
  'use strict';
  var T = {
    kk: { first: 'Бірінші бет', prev: 'Алдыңғы бет', next: 'Келесі бет', last: 'Соңғы бет', of: 'жазба, барлығы', none: 'Деректер жоқ',
          loading: 'Жүктелуде…', filter: 'Сүзгі', apply: 'Сүзу', clear: 'Тазалау', contains: 'Құрамында бар', close: 'Жабу',
          download: 'Жүктеп алу', error: 'Деректерді жүктеу кезінде қате орын алды', details: 'Толығырақ' },
    ru: { first: 'Первая страница', prev: 'Предыдущая страница', next: 'Следующая страница', last: 'Последняя страница', of: 'из',
          none: 'Нет данных', loading: 'Загрузка…', filter: 'Фильтр', apply: 'Фильтровать', clear: 'Очистить', contains: 'Содержит',
          close: 'Закрыть', download: 'Скачать', error: 'Ошибка при загрузке данных', details: 'Подробнее' }
  };

  function parseDate(value) {
    var m = /\/Date\((-?\d+)\)\//.exec(value || '');
    return m ? new Date(parseInt(m[1], 10)) : null;
  }
  function pad(n) { return n < 10 ? '0' + n : '' + n; }
  function formatDate(value) {
    var d = parseDate(value);
    return d ? pad(d.getUTCDate()) + '.' + pad(d.getUTCMonth() + 1) + '.' + d.getUTCFullYear() : '';
  }
  function esc(s) {
    return String(s == null ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  function Grid(el) {
    this.el = el;
    this.read = el.getAttribute('data-read');
    this.lang = el.getAttribute('data-lang') || 'kk';
    this.t = T[this.lang] || T.kk;
    this.columns = JSON.parse(el.getAttribute('data-columns'));
    this.pageSize = parseInt(el.getAttribute('data-page-size') || '10', 10);
    this.page = 1;
    this.sort = [];
    this.filters = {};
    this.rows = [];
    this.total = 0;
    el.className = 'k-grid k-widget';
    this.load();
  }

  Grid.prototype.request = function () {
    var filters = [];
    for (var field in this.filters) {
      if (this.filters[field]) { filters.push({ field: field, operator: 'contains', value: this.filters[field] }); }
    }
    return { page: this.page, pageSize: this.pageSize, sort: this.sort, filter: filters.length ? { logic: 'and', filters: filters } : null };
  };

  Grid.prototype.load = function () {
    var self = this;
    self.el.innerHTML = '<div class="k-loading-mask">' + self.t.loading + '</div>';
    fetch(self.read, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Requested-With': 'XMLHttpRequest' },
      body: JSON.stringify(self.request())
    }).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    }).then(function (result) {
      self.rows = result.Data || [];
      self.total = result.Total || 0;
      self.render();
    })['catch'](function () {
      self.el.innerHTML = '<div class="k-grid-norecords">' + self.t.error + '</div>';
    });
  };

  /* the server answers the page it keeps; the column filter and the sort are applied to the rows of that page */
  Grid.prototype.visible = function () {
    var rows = this.rows.slice(), self = this;
    Object.keys(this.filters).forEach(function (field) {
      var needle = (self.filters[field] || '').toLowerCase();
      if (!needle) { return; }
      rows = rows.filter(function (row) {
        var col = self.columns.filter(function (c) { return c.field === field; })[0] || {};
        var value = col.type === 'date' ? formatDate(row[field]) : String(row[field] == null ? '' : row[field]);
        return value.toLowerCase().indexOf(needle) >= 0;
      });
    });
    if (this.sort.length) {
      var s = this.sort[0];
      rows.sort(function (a, b) {
        var x = a[s.field], y = b[s.field];
        if (String(x).indexOf('/Date(') === 0) { x = parseDate(x).getTime(); y = parseDate(y).getTime(); }
        return (x > y ? 1 : x < y ? -1 : 0) * (s.dir === 'desc' ? -1 : 1);
      });
    }
    return rows;
  };

  Grid.prototype.cell = function (row, col) {
    var v = row[col.field];
    if (col.type === 'date') { return formatDate(v); }
    if (col.type === 'file') {
      if (!v) { return ''; }
      return '<a href="' + esc(v) + '" target="_blank" rel="noopener">' + esc(row.Format || '') + (row.Size ? ', ' + esc(row.Size) : '') + '</a>';
    }
    return esc(v);
  };

  Grid.prototype.render = function () {
    var self = this, t = this.t, rows = this.visible(), html = [];
    html.push('<div class="k-grid-header"><table role="grid"><colgroup></colgroup><thead><tr>');
    this.columns.forEach(function (c) {
      var dir = self.sort.length && self.sort[0].field === c.field ? (self.sort[0].dir === 'asc' ? ' ▲' : ' ▼') : '';
      html.push('<th role="columnheader" data-field="' + c.field + '"' + (c.width ? ' style="width:' + c.width + '"' : '') + '>' +
        '<a class="k-link" href="#">' + esc(c.title) + dir + '</a>' +
        (c.filterable === false ? '' : '<span class="k-grid-filter" title="' + t.filter + '"><span class="k-icon k-i-filter"></span></span>') + '</th>');
    });
    html.push('</tr></thead></table></div><div class="k-grid-content"><table role="grid"><tbody>');
    if (!rows.length) {
      html.push('<tr><td colspan="' + this.columns.length + '"><div class="k-grid-norecords">' + t.none + '</div></td></tr>');
    }
    rows.forEach(function (row, i) {
      html.push('<tr class="k-master-row' + (i % 2 ? ' k-alt' : '') + '" role="row" data-index="' + self.rows.indexOf(row) + '">');
      self.columns.forEach(function (c) { html.push('<td role="gridcell">' + self.cell(row, c) + '</td>'); });
      html.push('</tr>');
    });
    html.push('</tbody></table></div>');
    html.push(this.pager());
    this.el.innerHTML = html.join('');
    this.bind();
  };

  Grid.prototype.pager = function () {
    var t = this.t, pages = Math.max(1, Math.ceil(this.total / this.pageSize)), p = this.page, out = ['<div class="k-pager-wrap k-grid-pager">'];
    function nav(page, label, icon, disabled) {
      return '<a href="#" class="k-link k-pager-nav' + (disabled ? ' k-state-disabled' : '') + '" data-page="' + page + '" title="' + label + '"><span class="k-icon ' + icon + '"></span></a>';
    }
    out.push(nav(1, t.first, 'k-i-seek-w', p === 1), nav(p - 1, t.prev, 'k-i-arrow-w', p === 1));
    out.push('<ul class="k-pager-numbers k-reset" style="display:flex;gap:2px">');
    for (var i = 1; i <= pages; i++) {
      out.push(i === p ? '<li><span class="k-state-selected">' + i + '</span></li>' : '<li><a href="#" class="k-link" data-page="' + i + '">' + i + '</a></li>');
    }
    out.push('</ul>', nav(p + 1, t.next, 'k-i-arrow-e', p >= pages), nav(pages, t.last, 'k-i-seek-e', p >= pages));
    var from = this.total ? (p - 1) * this.pageSize + 1 : 0, to = Math.min(p * this.pageSize, this.total);
    out.push('<span class="k-pager-info k-label">' + from + ' - ' + to + ' ' + t.of + ' ' + this.total + '</span></div>');
    return out.join('');
  };

  Grid.prototype.bind = function () {
    var self = this;
    Array.prototype.forEach.call(this.el.querySelectorAll('.k-pager-wrap [data-page]'), function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        var page = parseInt(a.getAttribute('data-page'), 10);
        if (page >= 1 && page !== self.page && page <= Math.max(1, Math.ceil(self.total / self.pageSize))) { self.page = page; self.load(); }
      });
    });
    Array.prototype.forEach.call(this.el.querySelectorAll('th[data-field] > .k-link'), function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        var field = a.parentNode.getAttribute('data-field');
        var dir = self.sort.length && self.sort[0].field === field && self.sort[0].dir === 'asc' ? 'desc' : 'asc';
        self.sort = [{ field: field, dir: dir }];
        self.render();
      });
    });
    Array.prototype.forEach.call(this.el.querySelectorAll('.k-grid-filter'), function (icon) {
      icon.addEventListener('click', function (e) {
        e.stopPropagation();
        self.filterMenu(icon, icon.parentNode.getAttribute('data-field'));
      });
    });
    Array.prototype.forEach.call(this.el.querySelectorAll('tr.k-master-row'), function (tr) {
      tr.addEventListener('click', function (e) {
        if (e.target.tagName === 'A') { return; }
        self.details(self.rows[parseInt(tr.getAttribute('data-index'), 10)]);
      });
    });
  };

  Grid.prototype.filterMenu = function (icon, field) {
    var self = this, t = this.t, old = document.querySelector('.k-filter-menu');
    if (old) { old.parentNode.removeChild(old); }
    var menu = document.createElement('div'), r = icon.getBoundingClientRect();
    menu.className = 'k-filter-menu k-popup';
    menu.style.left = (r.left + window.pageXOffset) + 'px';
    menu.style.top = (r.bottom + window.pageYOffset + 4) + 'px';
    menu.innerHTML = '<div class="k-filter-help-text">' + t.contains + ':</div><input class="k-textbox" type="text" value="' +
      esc(this.filters[field] || '') + '" /><div style="margin-top:8px"><span class="k-button k-primary" data-act="apply">' + t.apply +
      '</span> <span class="k-button" data-act="clear">' + t.clear + '</span></div>';
    document.body.appendChild(menu);
    menu.addEventListener('click', function (e) {
      var act = e.target.getAttribute('data-act');
      if (!act) { return; }
      self.filters[field] = act === 'apply' ? menu.querySelector('input').value : '';
      menu.parentNode.removeChild(menu);
      self.render();
    });
  };

  Grid.prototype.details = function (row) {
    if (!row) { return; }
    var t = this.t, body = [];
    var overlay = document.createElement('div');
    overlay.className = 'k-overlay';
    var win = document.createElement('div');
    win.className = 'k-widget k-window';
    win.setAttribute('role', 'dialog');
    this.columns.forEach(function (c) {
      if (c.field === 'Title' || c.type === 'file') { return; }
      var v = c.type === 'date' ? formatDate(row[c.field]) : esc(row[c.field]);
      if (v) { body.push('<p><strong>' + esc(c.title) + ':</strong> ' + v + '</p>'); }
    });
    if (row.Description) { body.push('<div class="k-window-description">' + row.Description + '</div>'); }
    if (row.File) {
      body.push('<p><a class="k-button k-primary" href="' + esc(row.File) + '" target="_blank" rel="noopener">' + t.download + ' (' +
        esc(row.Format || '') + (row.Size ? ', ' + esc(row.Size) : '') + ')</a></p>');
    }
    win.innerHTML = '<div class="k-window-titlebar k-header"><span class="k-window-title">' + esc(row.Title) + '</span>' +
      '<div class="k-window-actions"><span class="k-window-action k-link" title="' + t.close + '"><span class="k-icon k-i-close"></span></span></div></div>' +
      '<div class="k-window-content">' + body.join('') + '</div>';
    document.body.appendChild(overlay);
    document.body.appendChild(win);
    function close() { overlay.parentNode.removeChild(overlay); win.parentNode.removeChild(win); }
    overlay.addEventListener('click', close);
    win.querySelector('.k-window-action').addEventListener('click', close);
  };

  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('grid');
    if (el && el.getAttribute('data-read')) { new Grid(el); }
  });
})();
