/* Drupal 7 behaviours, aggregated: superfish / responsive_menus, quicktabs (ajax), views_load_more, colorbox */
(function () {
  'use strict';
  function ajaxCommands(url, done, fail) {
    var x = new XMLHttpRequest();
    x.open('GET', url, true);
    x.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    x.onload = function () {
      var data = null;
      try { data = JSON.parse(x.responseText); } catch (e) { data = null; }
      if (x.status === 200 && Array.isArray(data)) { done(data); } else { fail(x.status); }
    };
    x.onerror = function () { fail(0); };
    x.send();
  }
  var lang = document.documentElement.lang;
  var ERR = lang === 'kk' ? 'Қате орын алды. Мазмұн жүктелмеді.' : 'Произошла ошибка. Содержимое не загружено.';
  document.addEventListener('DOMContentLoaded', function () {
    // responsive menu toggle
    var nav = document.getElementById('main-navigation');
    var toggle = nav && nav.querySelector('.responsive-menus-toggle');
    if (toggle) {
      toggle.addEventListener('click', function () {
        var open = nav.classList.toggle('open');
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    }
    // superfish: hover intent
    Array.prototype.forEach.call(document.querySelectorAll('.sf-menu li.menuparent'), function (li) {
      li.addEventListener('mouseenter', function () { li.classList.add('sfHover'); });
      li.addEventListener('mouseleave', function () { li.classList.remove('sfHover'); });
    });
    // quicktabs: the first tab in the page, the others fetched on click
    Array.prototype.forEach.call(document.querySelectorAll('.quicktabs-wrapper'), function (wrap) {
      var base = wrap.getAttribute('data-base');
      var container = wrap.querySelector('.quicktabs_main');
      var tabs = wrap.querySelectorAll('a.quicktabs-tab');
      Array.prototype.forEach.call(tabs, function (a) {
        a.addEventListener('click', function (ev) {
          ev.preventDefault();
          var n = a.getAttribute('data-n'), set = a.getAttribute('data-qt');
          Array.prototype.forEach.call(tabs, function (t) { t.classList.remove('active'); t.parentNode.classList.remove('active'); });
          a.classList.add('active'); a.parentNode.classList.add('active');
          Array.prototype.forEach.call(container.children, function (c) { c.classList.add('quicktabs-hide'); });
          var page = document.getElementById('quicktabs-tabpage-' + set + '-' + n);
          if (page) { page.classList.remove('quicktabs-hide'); return; }
          page = document.createElement('div');
          page.id = 'quicktabs-tabpage-' + set + '-' + n;
          page.className = 'quicktabs-tabpage';
          container.appendChild(page);
          ajaxCommands(base + n, function (cmds) {
            cmds.forEach(function (c) { if (c.command === 'insert') { page.innerHTML = c.data; } });
            attachColorbox(page);
          }, function () {
            page.innerHTML = '<div class="messages error">' + ERR + '</div>';
          });
        });
      });
    });
    // views load more
    document.addEventListener('click', function (ev) {
      var a = ev.target.closest && ev.target.closest('.pager-load-more a');
      if (!a) { return; }
      var view = a.closest('.view');
      if (!view || !view.getAttribute('data-view')) { return; }
      ev.preventDefault();
      var page = (a.getAttribute('href').match(/page=(\d+)/) || [0, 1])[1];
      var url = '/' + view.getAttribute('data-lang') + '/views/ajax?view_name=' + view.getAttribute('data-view') + '&view_display_id=page&page=' + page;
      ajaxCommands(url, function (cmds) {
        cmds.forEach(function (c) {
          if (c.command !== 'viewsLoadMoreAppend') { return; }
          var tmp = document.createElement('div');
          tmp.innerHTML = c.data;
          var rows = tmp.querySelector('.view-content');
          var content = view.querySelector('.view-content');
          while (rows && rows.firstChild) { content.appendChild(rows.firstChild); }
          var oldPager = view.querySelector('.pager-load-more');
          var newPager = tmp.querySelector('.pager-load-more');
          if (oldPager) { oldPager.parentNode.removeChild(oldPager); }
          if (newPager) { view.appendChild(newPager); }
        });
      }, function () { window.location.href = a.href; });
    });
    attachColorbox(document);
  });
  // colorbox: pictures and iframe previews over the page
  function closeBox() {
    ['cboxOverlay', 'colorbox'].forEach(function (id) { var e = document.getElementById(id); if (e) { e.parentNode.removeChild(e); } });
  }
  function openBox(a) {
    closeBox();
    var overlay = document.createElement('div'); overlay.id = 'cboxOverlay';
    var box = document.createElement('div'); box.id = 'colorbox';
    var href = a.getAttribute('href');
    if (a.classList.contains('colorbox-load')) {
      var frame = document.createElement('iframe'); frame.src = href.split('?')[0]; box.appendChild(frame);
    } else {
      var img = document.createElement('img'); img.src = href; img.alt = a.getAttribute('title') || ''; box.appendChild(img);
    }
    var title = document.createElement('div'); title.id = 'cboxTitle'; title.textContent = a.getAttribute('title') || a.textContent; box.insertBefore(title, box.firstChild);
    var close = document.createElement('button'); close.id = 'cboxClose'; close.type = 'button'; close.textContent = '×'; box.appendChild(close);
    close.addEventListener('click', closeBox); overlay.addEventListener('click', closeBox);
    document.body.appendChild(overlay); document.body.appendChild(box);
    close.focus();
  }
  function attachColorbox(root) {
    Array.prototype.forEach.call(root.querySelectorAll('a.colorbox, a.colorbox-load'), function (a) {
      if (a.getAttribute('data-cbox')) { return; }
      a.setAttribute('data-cbox', '1');
      a.addEventListener('click', function (ev) { ev.preventDefault(); openBox(a); });
    });
  }
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') { closeBox(); } });
})();
