/* portal.js: entity lists, multi-step web forms */
(function () {
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]; }); }
  function loadGrid(grid, page) {
    var view = grid.getAttribute('data-view'), lang = grid.getAttribute('data-lang');
    var url = '/_services/entity-grid-data.json?view=' + encodeURIComponent(view) + '&lang=' + lang + '&page=' + page;
    var box = grid.querySelector('.view-grid'), pager = grid.querySelector('.view-pagination');
    fetch(url, {credentials: 'same-origin'}).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); }).then(function (data) {
      var h = '<table class="table table-striped table-fluid" aria-rowcount="' + data.ItemCount + '"><thead><tr>';
      data.Columns.forEach(function (c) { h += '<th scope="col">' + esc(c.DisplayName) + '</th>'; });
      h += '</tr></thead><tbody>';
      data.Records.forEach(function (rec) {
        h += '<tr data-id="' + rec.Id + '">';
        rec.Attributes.forEach(function (a, i) {
          var v = esc(a.DisplayValue);
          if (a.Name === 'adx_name' || a.Name === 'aq_name') v = '<a href="' + data.DetailsPage + '?id=' + rec.Id + '">' + v + '</a>';
          h += '<td data-attribute="' + a.Name + '">' + v + '</td>';
        });
        h += '</tr>';
      });
      box.innerHTML = h + '</tbody></table>';
      var p = '';
      if (data.PageCount > 1) {
        p = '<ul class="pagination">';
        for (var i = 1; i <= data.PageCount; i++) p += '<li' + (i === data.PageNumber ? ' class="active"' : '') + '><a href="#" data-page="' + i + '">' + i + '</a></li>';
        p += '</ul>';
      }
      pager.innerHTML = p;
      Array.prototype.forEach.call(pager.querySelectorAll('a[data-page]'), function (a) {
        a.addEventListener('click', function (e) { e.preventDefault(); loadGrid(grid, +a.getAttribute('data-page')); });
      });
    }).catch(function () { box.innerHTML = '<div class="alert alert-danger">' + (lang === 'kk' ? 'Деректерді жүктеу кезінде қате орын алды.' : 'Ошибка при загрузке данных.') + '</div>'; });
  }
  function steps(form) {
    var s = form.querySelectorAll('.webform-step');
    if (s.length < 2) return;
    function show(n) { s[0].style.display = n === 1 ? '' : 'none'; s[1].style.display = n === 2 ? 'block' : 'none'; }
    if (s[1].classList.contains('hidden-js')) show(1);
    var nx = form.querySelector('.next-step'), pv = form.querySelector('.prev-step');
    if (nx) nx.addEventListener('click', function () { show(2); var t = form.querySelector('textarea'); if (t) t.focus(); });
    if (pv) pv.addEventListener('click', function () { show(1); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('div.entity-grid[data-view]'), function (g) { loadGrid(g, 1); });
    Array.prototype.forEach.call(document.querySelectorAll('form.webform'), steps);
  });
})();
