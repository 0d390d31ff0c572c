/* Ushtobe geoportal: static basemap + GeoJSON layers. v3.1 */
(function () {
  var BBOX = [77.965, 45.243, 78.012, 45.262]; // lon min, lat min, lon max, lat max of basemap-ushtobe.png
  function pos(c, el) {
    return [(c[0] - BBOX[0]) / (BBOX[2] - BBOX[0]) * 100, (BBOX[3] - c[1]) / (BBOX[3] - BBOX[1]) * 100];
  }
  function closePopups(box) { Array.prototype.forEach.call(box.querySelectorAll('.popup'), function (p) { p.remove(); }); }
  function draw(box, layer, lang) {
    fetch('/data/' + lang + '/' + layer + '.geojson').then(function (r) { return r.json(); }).then(function (fc) {
      fc.features.forEach(function (f) {
        var xy = pos(f.geometry.coordinates);
        var m = document.createElement('div');
        m.className = 'marker marker-' + layer;
        m.setAttribute('data-layer', layer);
        m.style.left = xy[0] + '%'; m.style.top = xy[1] + '%';
        m.addEventListener('click', function (e) {
          e.stopPropagation(); closePopups(box);
          var p = document.createElement('div');
          p.className = 'popup';
          p.innerHTML = '<span class="x">×</span>' + f.properties.popup;
          p.style.left = 'calc(' + xy[0] + '% + 12px)'; p.style.top = 'calc(' + xy[1] + '% - 10px)';
          p.querySelector('.x').addEventListener('click', function () { p.remove(); });
          box.appendChild(p);
        });
        box.appendChild(m);
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    var lang = document.documentElement.lang || 'kk';
    Array.prototype.forEach.call(document.querySelectorAll('#map, .map'), function (box) {
      var layers = (box.getAttribute('data-layers') || box.getAttribute('data-layer') || '').split(',');
      layers.forEach(function (l) { if (l) draw(box, l, box.getAttribute('data-lang') || lang); });
      box.addEventListener('click', function () { closePopups(box); });
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-layer-toggle]'), function (cb) {
      cb.addEventListener('change', function () {
        var l = cb.getAttribute('data-layer-toggle');
        Array.prototype.forEach.call(document.querySelectorAll('#map .marker-' + l), function (m) { m.style.display = cb.checked ? '' : 'none'; });
      });
    });
  });
})();
