// «Тағы» / «Ещё»: the next posts of the feed from /<lang>/feed.json?cursor=…
document.addEventListener('click', function (e) {
  var b = e.target.closest('button.load'); if (!b) return;
  fetch(b.getAttribute('data-src')).then(function (r) { return r.json(); }).then(function (d) {
    var feed = document.getElementById('feed');
    d.items.forEach(function (it) { feed.insertAdjacentHTML('beforeend', it.html); });
    var next = b.parentNode.querySelector('a.next');
    if (d.next) { var u = new URL(b.getAttribute('data-src'), location.href); u.searchParams.set('cursor', d.next); b.setAttribute('data-src', u.pathname + u.search);
      if (next) { var v = new URL(next.href); v.searchParams.set('cursor', d.next); next.href = v.pathname + v.search; } }
    else { b.parentNode.remove(); }
  });
});
