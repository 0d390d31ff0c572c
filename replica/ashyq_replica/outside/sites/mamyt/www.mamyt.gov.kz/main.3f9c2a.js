/* mamyt portal: main bundle (Angular 17 build, material components) */
(function () {
  'use strict';
  var root = document.querySelector('app-root');
  var nav = {};
  var LANGS = ['kk', 'ru'];

  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
  function parse() {
    var parts = location.pathname.replace(/^\/+|\/+$/g, '').split('/');
    var lang = LANGS.indexOf(parts[0]) >= 0 ? parts.shift() : 'kk';
    var route = parts.join('/') || 'index';
    return {lang: lang, route: route};
  }
  function getJSON(url) {
    return fetch(url, {headers: {'Accept': 'application/json'}}).then(function (r) {
      if (!r.ok) { throw new Error(r.status); }
      return r.json();
    });
  }

  function toolbar(r) {
    var other = r.lang === 'kk' ? 'ru' : 'kk';
    var path = r.route === 'index' ? '' : r.route;
    return '<mat-toolbar class="mat-toolbar mat-primary">' +
      '<button mat-icon-button class="mat-icon-button menu-toggle" type="button"><mat-icon class="mat-icon">menu</mat-icon></button>' +
      '<a class="brand" href="/' + r.lang + '/"><img src="/assets/img/emblem.png" width="64" height="64" alt="' + esc(nav.emblem) + '">' +
      '<span><small>' + esc(nav.official) + '</small><strong>' + esc(nav.name) + '</strong></span></a>' +
      '<span class="spacer"></span>' +
      '<form class="toolbar-search" action="/' + r.lang + '/search" role="search"><input name="q" maxlength="100" placeholder="' + esc(nav.search) + '">' +
      '<button mat-icon-button class="mat-icon-button" type="submit"><mat-icon class="mat-icon">search</mat-icon></button></form>' +
      '<a class="lang-switch" href="/' + other + '/' + path + '">' + esc(nav.other) + '</a></mat-toolbar>';
  }
  function sidenav(r) {
    var html = '<mat-sidenav class="mat-sidenav" mode="side" opened><mat-nav-list class="mat-nav-list">';
    nav.menu.forEach(function (g) {
      html += '<h3 mat-subheader class="mat-subheader">' + esc(g.title) + '</h3>';
      g.items.forEach(function (i) {
        var active = i.route === r.route ? ' active' : '';
        html += '<a mat-list-item class="mat-list-item' + active + '" href="/' + r.lang + '/' + i.route + '">' + esc(i.title) + '</a>';
      });
    });
    return html + '</mat-nav-list></mat-sidenav>';
  }
  function footer(r) {
    return '<footer class="app-footer"><div>' + nav.footer + '</div><nav><a href="/' + r.lang + '/sitemap">' + esc(nav.sitemap) + '</a> · <a href="/' + r.lang + '/citizens/feedback">' + esc(nav.feedback) + '</a> · <a href="/rss/' + r.lang + '/news.xml">RSS</a></nav></footer>';
  }

  var renderers = {
    text: function (b) { return '<div class="block-text">' + b.html + '</div>'; },
    card: function (b) {
      return '<mat-card class="mat-card"><mat-card-header>' + (b.icon ? '<mat-icon class="mat-icon" mat-card-avatar>' + b.icon + '</mat-icon>' : '') +
        '<mat-card-title><h2>' + esc(b.title) + '</h2></mat-card-title></mat-card-header><mat-card-content>' + b.html + '</mat-card-content></mat-card>';
    },
    tabs: function (b, i) {
      var head = b.tabs.map(function (t, n) {
        return '<div class="mat-tab-label' + (n === 0 ? ' mat-tab-label-active' : '') + '" role="tab" tabindex="' + (n === 0 ? 0 : -1) + '" aria-selected="' + (n === 0) + '" data-block="' + i + '" data-tab="' + n + '">' + esc(t.label) + '</div>';
      }).join('');
      return '<mat-tab-group class="mat-tab-group"><div class="mat-tab-header" role="tablist">' + head + '</div><div class="mat-tab-body" role="tabpanel">' + b.tabs[0].html + '</div></mat-tab-group>';
    },
    accordion: function (b) {
      return '<mat-accordion class="mat-accordion">' + b.panels.map(function (p) {
        return '<mat-expansion-panel class="mat-expansion-panel"><mat-expansion-panel-header class="mat-expansion-panel-header" role="button" tabindex="0" aria-expanded="false"><mat-panel-title><h2>' + esc(p.title) + '</h2></mat-panel-title></mat-expansion-panel-header>' +
          '<div class="mat-expansion-panel-content" hidden>' + p.html + '</div></mat-expansion-panel>';
      }).join('') + '</mat-accordion>';
    },
    table: function (b, i) {
      var head = '<tr class="mat-header-row">' + b.columns.map(function (c) { return '<th class="mat-header-cell mat-column-' + c.key + '">' + esc(c.label) + '</th>'; }).join('') + '</tr>';
      var rows = b.rows.map(function (row) {
        return '<tr class="mat-row">' + b.columns.map(function (c) {
          var v = row[c.key];
          if (v && typeof v === 'object') { v = '<a mat-icon-button class="mat-icon-button" href="' + v.href + '"><mat-icon class="mat-icon">' + v.icon + '</mat-icon></a>'; }
          return '<td class="mat-cell mat-column-' + c.key + '">' + (v == null ? '' : v) + '</td>';
        }).join('') + '</tr>';
      }).join('');
      var pager = '';
      if (b.pages > 1) {
        var from = (b.page - 1) * b.pageSize + 1, to = Math.min(b.page * b.pageSize, b.total);
        pager = '<mat-paginator class="mat-paginator"><div class="mat-paginator-range-label">' + from + ' – ' + to + ' / ' + b.total + '</div>' +
          '<div class="mat-paginator-navigation-previous' + (b.page === 1 ? ' disabled' : '') + '" data-block="' + i + '" data-page="' + (b.page - 1) + '"><mat-icon class="mat-icon">chevron_left</mat-icon></div>' +
          '<div class="mat-paginator-navigation-next' + (b.page === b.pages ? ' disabled' : '') + '" data-block="' + i + '" data-page="' + (b.page + 1) + '"><mat-icon class="mat-icon">chevron_right</mat-icon></div></mat-paginator>';
      }
      return '<div class="table-wrap"><table mat-table class="mat-table ' + (b['class'] || '') + '">' + head + rows + '</table></div>' + pager;
    },
    files: function (b) {
      return '<mat-list class="mat-list files">' + b.items.map(function (f) {
        return '<mat-list-item class="mat-list-item"><mat-icon class="mat-icon">description</mat-icon><a href="' + f.href + '">' + esc(f.title) + '</a> <span class="meta">' + esc(f.format) + ', ' + esc(f.size) + '</span></mat-list-item>';
      }).join('') + '</mat-list>';
    },
    chips: function (b) {
      return '<mat-chip-listbox class="mat-chip-list">' + b.items.map(function (c) { return '<mat-chip class="mat-chip">' + esc(c) + '</mat-chip>'; }).join('') + '</mat-chip-listbox>';
    },
    news: function (b, i) {
      var html = '<div class="news-grid">' + b.items.map(function (n) {
        return '<mat-card class="mat-card news-card"><mat-card-subtitle class="stamp">' + esc(n.date) + '</mat-card-subtitle><mat-card-title><h2><a href="' + n.href + '">' + esc(n.title) + '</a></h2></mat-card-title><mat-card-content><p>' + esc(n.lead) + '</p></mat-card-content></mat-card>';
      }).join('') + '</div>';
      if (b.pages > 1) {
        html += '<mat-paginator class="mat-paginator"><div class="mat-paginator-range-label">' + b.page + ' / ' + b.pages + '</div>' +
          '<div class="mat-paginator-navigation-previous' + (b.page === 1 ? ' disabled' : '') + '" data-block="' + i + '" data-page="' + (b.page - 1) + '"><mat-icon class="mat-icon">chevron_left</mat-icon></div>' +
          '<div class="mat-paginator-navigation-next' + (b.page === b.pages ? ' disabled' : '') + '" data-block="' + i + '" data-page="' + (b.page + 1) + '"><mat-icon class="mat-icon">chevron_right</mat-icon></div></mat-paginator>';
      }
      if (b.more) { html += '<a mat-stroked-button class="mat-stroked-button" href="' + b.more.href + '">' + esc(b.more.label) + '</a>'; }
      return html;
    },
    carousel: function (b) {
      return '<div class="carousel" data-slide="0">' + b.slides.map(function (s, n) {
        return '<a class="slide' + (n === 0 ? ' on' : '') + '" href="' + s.href + '"><img src="' + s.img + '" alt="' + esc(s.title) + '"><span>' + esc(s.title) + '</span></a>';
      }).join('') + '<button mat-icon-button class="mat-icon-button carousel-pause" type="button"><mat-icon class="mat-icon">pause</mat-icon></button></div>';
    },
    form: function () {
      var f = nav.form;
      return '<form class="appeal" novalidate>' +
        ['name', 'email', 'text'].map(function (k) {
          var input = k === 'text' ? '<textarea matInput id="f-' + k + '" name="' + k + '" rows="6"></textarea>' : '<input matInput id="f-' + k + '" name="' + k + '"' + (k === 'email' ? ' type="email"' : '') + '>';
          return '<mat-form-field class="mat-form-field"><label for="f-' + k + '">' + esc(f[k]) + ' *</label>' + input + '</mat-form-field>';
        }).join('') + '<button mat-raised-button color="primary" class="mat-raised-button" type="submit">' + esc(f.send) + '</button><div class="form-result" role="status"></div></form>';
    },
    poll: function (b) {
      return '<form class="poll"><fieldset><legend>' + esc(b.question) + '</legend>' + b.options.map(function (o, n) {
        return '<mat-radio-button class="mat-radio-button"><label><input type="radio" name="answer" value="' + n + '"> ' + esc(o) + '</label></mat-radio-button>';
      }).join('') + '</fieldset><button mat-raised-button class="mat-raised-button" type="submit">' + esc(b.send) + '</button><p class="poll-thanks" hidden>' + esc(b.thanks) + '</p></form>';
    }
  };

  var state = {page: null, r: null};

  function content(r, pg) {
    var crumbs = r.route === 'index' ? '' : '<nav class="breadcrumbs"><a href="/' + r.lang + '/">' + esc(nav.home) + '</a>' + (pg.group ? ' / <span>' + esc(pg.group) + '</span>' : '') + ' / <span>' + esc(pg.title) + '</span></nav>';
    var stamps = pg.published ? '<p class="stamp">' + esc(nav.published) + ': ' + esc(pg.published) + ' · ' + esc(nav.updated) + ': ' + esc(pg.updated) + '</p>' : '';
    var blocks = (pg.blocks || []).map(function (b, i) { return '<section class="block" data-i="' + i + '">' + renderers[b.type](b, i) + '</section>'; }).join('');
    var top = '<button mat-fab class="mat-fab back-top" type="button" title="' + esc(nav.top) + '"><mat-icon class="mat-icon">arrow_upward</mat-icon></button>';
    return crumbs + '<h1>' + esc(pg.title) + '</h1>' + stamps + blocks + top;
  }

  function frame(r, inner) {
    root.innerHTML = toolbar(r) + '<mat-sidenav-container class="mat-sidenav-container">' + sidenav(r) +
      '<mat-sidenav-content class="mat-sidenav-content"><main class="page">' + inner + '</main>' + footer(r) + '</mat-sidenav-content></mat-sidenav-container>';
    document.title = (state.page ? state.page.title + ' | ' : '') + nav.name;
    startCarousel();
  }

  function notFound(r) {
    state.page = {title: nav.notFound, blocks: []};
    frame(r, '<h1>' + esc(nav.notFound) + '</h1><p>' + esc(nav.notFoundText) + '</p><a href="/' + r.lang + '/">' + esc(nav.home) + '</a>');
  }

  function search(r) {
    var q = new URLSearchParams(location.search).get('q') || '';
    state.page = {title: nav.searchTitle, blocks: []};
    getJSON('/api/search?lang=' + r.lang + '&q=' + encodeURIComponent(q)).then(function (res) {
      var list = res.results.map(function (x) { return '<li><a href="' + x.path + '">' + esc(x.title) + '</a></li>'; }).join('');
      frame(r, '<h1>' + esc(nav.searchTitle) + '</h1><form class="search-page" action="/' + r.lang + '/search"><input name="q" maxlength="100" value="' + esc(q) + '"><button mat-raised-button class="mat-raised-button" type="submit">' + esc(nav.search) + '</button></form>' +
        '<p>' + esc(nav.found) + ': ' + res.results.length + '</p><ol class="results">' + list + '</ol>');
    });
  }

  function render() {
    var r = parse();
    state.r = r;
    document.documentElement.lang = r.lang;
    getJSON('/api/' + r.lang + '/nav.json').then(function (n) {
      nav = n;
      if (r.route === 'search') { return search(r); }
      return getJSON('/api/' + r.lang + '/pages/' + r.route + '.json').then(function (pg) {
        state.page = pg;
        frame(r, content(r, pg));
      }, function () { notFound(r); });
    });
  }

  var timer = null;
  function startCarousel() {
    clearInterval(timer);
    var c = root.querySelector('.carousel');
    if (!c) { return; }
    timer = setInterval(function () {
      var slides = c.querySelectorAll('.slide'), n = (+c.getAttribute('data-slide') + 1) % slides.length;
      slides.forEach(function (s, k) { s.classList.toggle('on', k === n); });
      c.setAttribute('data-slide', n);
    }, 6000);
  }

  function page(block, n) {
    var r = state.r;
    getJSON('/api/' + r.lang + '/pages/' + r.route + '.json?page=' + n).then(function (res) {
      state.page.blocks[res.index] = res.block;
      var sec = root.querySelector('section.block[data-i="' + res.index + '"]');
      sec.innerHTML = renderers[res.block.type](res.block, res.index);
    });
  }

  document.addEventListener('click', function (e) {
    var a = e.target.closest('a');
    if (a && a.origin === location.origin && /^\/(kk|ru)(\/|$)/.test(a.pathname) && !a.target && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      history.pushState(null, '', a.pathname + a.search);
      render();  /* the view is replaced; focus stays on the body */
      return;
    }
    var tab = e.target.closest('.mat-tab-label');
    if (tab) {
      var b = state.page.blocks[+tab.getAttribute('data-block')], k = +tab.getAttribute('data-tab');
      var group = tab.closest('mat-tab-group');
      group.querySelectorAll('.mat-tab-label').forEach(function (l, m) {
        l.classList.toggle('mat-tab-label-active', m === k); l.setAttribute('aria-selected', m === k); l.tabIndex = m === k ? 0 : -1;
      });
      group.querySelector('.mat-tab-body').innerHTML = b.tabs[k].html;
      return;
    }
    var head = e.target.closest('.mat-expansion-panel-header');
    if (head) { toggle(head); return; }
    var nav2 = e.target.closest('.mat-paginator-navigation-next, .mat-paginator-navigation-previous');
    if (nav2 && !nav2.classList.contains('disabled')) { page(+nav2.getAttribute('data-block'), +nav2.getAttribute('data-page')); return; }
    if (e.target.closest('.carousel-pause')) { clearInterval(timer); return; }
    if (e.target.closest('.back-top')) { window.scrollTo(0, 0); return; }
    if (e.target.closest('.menu-toggle')) { document.body.classList.toggle('nav-open'); }
  });
  function toggle(head) {
    var body = head.nextElementSibling, open = body.hidden;
    body.hidden = !open; head.setAttribute('aria-expanded', open);
    head.parentNode.classList.toggle('mat-expanded', open);
  }
  document.addEventListener('keydown', function (e) {
    var head = e.target.closest && e.target.closest('.mat-expansion-panel-header');
    if (head && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); toggle(head); }
    var tab = e.target.closest && e.target.closest('.mat-tab-label');
    if (tab && e.key === 'Enter') { tab.click(); }
  });
  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (f.classList.contains('appeal')) {
      e.preventDefault();
      var data = {lang: state.r.lang, name: f.name.value, email: f.email.value, text: f.text.value};
      fetch('/api/appeal', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(data)}).then(function (r) { return r.json(); }).then(function (res) {
        f.querySelectorAll('mat-error').forEach(function (m) { m.remove(); });
        ['name', 'email', 'text'].forEach(function (k) { f[k].removeAttribute('aria-invalid'); f[k].removeAttribute('aria-describedby'); });
        if (res.errors) {
          Object.keys(res.errors).forEach(function (k) {
            var m = document.createElement('mat-error');
            m.className = 'mat-error'; m.id = 'err-' + k; m.setAttribute('role', 'alert'); m.textContent = res.errors[k];
            f[k].parentNode.appendChild(m);
            f[k].setAttribute('aria-invalid', 'true'); f[k].setAttribute('aria-describedby', 'err-' + k);
          });
        } else {
          f.querySelector('.form-result').textContent = nav.form.ok + ' ' + res.number;
        }
      });
    } else if (f.classList.contains('poll')) {
      e.preventDefault();
      fetch('/api/poll', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({answer: (f.answer.value || '')})}).then(function () {
        f.querySelector('.poll-thanks').hidden = false;
      });
    }
  });
  window.addEventListener('popstate', render);
  render();
})();
