/*!
 * lmap 0.9.4 — a small map library of the site (Leaflet-like API: map, geoJSON layer, marker, popup).
 * Tiles: https://tile.openstreetmap.org/{z}/{x}/{y}.png (not requested in the offline build: a plain base is drawn).
 */
(function (window, document) {
  'use strict';

  var L = {};

  function Map(el, options) {
    this.el = el;
    this.options = options || {};
    this.layers = {};
    this.bounds = null;
    this.popup = null;
    el.classList.add('lmap-ready');
    var attr = document.createElement('div');
    attr.className = 'attr';
    attr.textContent = '© OpenStreetMap contributors';
    el.appendChild(attr);
  }
  Map.prototype.fitBounds = function (b) {
    var padLon = (b[2] - b[0]) * 0.08 || 0.05, padLat = (b[3] - b[1]) * 0.08 || 0.05;
    this.bounds = [b[0] - padLon, b[1] - padLat, b[2] + padLon, b[3] + padLat];
    return this;
  };
  Map.prototype.project = function (lon, lat) {
    var b = this.bounds;
    return { x: (lon - b[0]) / (b[2] - b[0]) * 100, y: (b[3] - lat) / (b[3] - b[1]) * 100 };
  };
  Map.prototype.closePopup = function () {
    if (this.popup) { this.popup.parentNode.removeChild(this.popup); this.popup = null; }
  };
  Map.prototype.openPopup = function (html, x, y) {
    this.closePopup();
    var p = document.createElement('div');
    p.className = 'popup';
    p.innerHTML = '<span class="x" title="×">×</span>' + html;
    p.style.left = Math.min(x, 62) + '%';
    p.style.top = Math.min(y, 60) + '%';
    var self = this;
    p.querySelector('.x').addEventListener('click', function () { self.closePopup(); });
    this.el.appendChild(p);
    this.popup = p;
  };

  function GeoJSON(data, options) {
    this.data = data;
    this.options = options || {};
    this.markers = [];
  }
  GeoJSON.prototype.addTo = function (map) {
    var self = this;
    this.data.features.forEach(function (f) {
      var c = f.geometry.coordinates, pt = map.project(c[0], c[1]);
      var m = document.createElement('div');
      m.className = 'mk l-' + self.options.name;
      m.style.left = pt.x + '%';
      m.style.top = pt.y + '%';
      m.addEventListener('click', function () { map.openPopup(self.options.popup(f.properties), pt.x, pt.y); });
      map.el.appendChild(m);
      self.markers.push({ el: m, feature: f, pt: pt });
    });
    map.layers[this.options.name] = this;
    return this;
  };
  GeoJSON.prototype.setVisible = function (on) {
    this.markers.forEach(function (m) { m.el.style.display = on ? '' : 'none'; });
  };

  L.map = function (el, o) { return new Map(el, o); };
  L.geoJSON = function (d, o) { return new GeoJSON(d, o); };
  window.L = L;
})(window, document);

/* The site's maps */
(function () {
  'use strict';
  var LANG = document.documentElement.lang === 'ru' ? 'ru' : 'kk';
  var LABELS = {
    kk: { akim: 'Әкімі', head: 'Басшысы', address: 'Мекенжайы', phone: 'Телефоны', hours: 'Жұмыс уақыты', email: 'E-mail', site: 'Сайты', kind: 'Қызмет түрі', pupils: 'Оқушылар саны' },
    ru: { akim: 'Аким', head: 'Руководитель', address: 'Адрес', phone: 'Телефон', hours: 'Режим работы', email: 'E-mail', site: 'Сайт', kind: 'Вид деятельности', pupils: 'Число учащихся' }
  }[LANG];
  var ORDER = ['kind', 'akim', 'head', 'address', 'phone', 'hours', 'email', 'site', 'pupils'];

  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function popup(p) {
    var h = '<b>' + esc(p.name) + '</b>';
    ORDER.forEach(function (k) {
      if (!p[k]) return;
      var v = esc(p[k]);
      if (k === 'email') v = '<a href="mailto:' + v + '">' + v + '</a>';
      if (k === 'site') v = '<a href="' + v + '">' + v + '</a>';
      h += '<div>' + LABELS[k] + ': ' + v + '</div>';
    });
    if (p.note) h += '<div><i>' + esc(p.note) + '</i></div>';
    return h;
  }

  function init() {
    var el = document.getElementById('map');
    if (!el) return;
    var names = el.getAttribute('data-layers').split(',');
    var map = L.map(el);
    Promise.all(names.map(function (n) {
      return fetch('/data/' + LANG + '/' + n + '.geojson').then(function (r) { return r.json(); });
    })).then(function (list) {
      var b = [180, 90, -180, -90];
      list.forEach(function (d) { d.features.forEach(function (f) {
        var c = f.geometry.coordinates;
        b = [Math.min(b[0], c[0]), Math.min(b[1], c[1]), Math.max(b[2], c[0]), Math.max(b[3], c[1])];
      }); });
      map.fitBounds(b);
      var side = document.querySelector('.feat-list');
      list.forEach(function (d, i) {
        var layer = L.geoJSON(d, { name: names[i], popup: popup }).addTo(map);
        layer.markers.forEach(function (m) {
          if (!side) return;
          var li = document.createElement('li');
          li.textContent = m.feature.properties.name;
          li.addEventListener('click', function () { map.openPopup(popup(m.feature.properties), m.pt.x, m.pt.y); });
          side.appendChild(li);
        });
      });
      document.querySelectorAll('.layers input[data-layer]').forEach(function (cb) {
        cb.addEventListener('change', function () {
          var l = map.layers[cb.getAttribute('data-layer')];
          if (l) l.setVisible(cb.checked);
        });
      });
    });
  }

  function tabs() {
    var tabsEl = document.querySelectorAll('[role="tab"]');
    tabsEl.forEach(function (t) {
      t.addEventListener('click', function () {
        tabsEl.forEach(function (o) {
          var on = o === t;
          o.setAttribute('aria-selected', on ? 'true' : 'false');
          o.tabIndex = on ? 0 : -1;
          document.getElementById(o.getAttribute('aria-controls')).hidden = !on;
        });
      });
    });
  }

  function sideToggle() {
    var btn = document.querySelector('.side-toggle');
    var side = document.getElementById('side');
    if (!btn || !side) return;
    btn.addEventListener('click', function () {
      var open = side.classList.toggle('open');
      btn.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  tabs();
  sideToggle();
  init();
})();
