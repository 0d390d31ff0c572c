// «Показать ещё» / «Тағы көрсету»: the next page of a list from the CMS's JSON
function loadMore(el) {
  var src = el.getAttribute('data-src');
  fetch(src).then(function (r) { return r.json(); }).then(function (data) {
    var list = el.closest('main').querySelector('ul.list');
    data.items.forEach(function (it) {
      var li = document.createElement('li');
      li.className = 'item';
      var d = document.createElement('span'); d.className = 'date'; d.textContent = it.date; li.appendChild(d);
      li.appendChild(document.createTextNode(' '));
      if (it.url) { var a = document.createElement('a'); a.href = it.url; a.textContent = it.title; li.appendChild(a); }
      else { li.appendChild(document.createTextNode(it.title)); }
      list.appendChild(li);
    });
    if (!data.more) { el.remove(); } else { el.setAttribute('data-src', src.replace(/page=(\d+)/, function (m, n) { return 'page=' + (+n + 1); })); }
  });
}
document.addEventListener('click', function (e) {
  var a = e.target.closest('a.more');
  if (a) { e.preventDefault(); loadMore(a); }
});
