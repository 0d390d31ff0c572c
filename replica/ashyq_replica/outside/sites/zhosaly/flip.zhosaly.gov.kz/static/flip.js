(function () {
  var stage = document.getElementById('fb-stage');
  if (!stage) return;
  var total = +stage.getAttribute('data-pages'), hasText = stage.getAttribute('data-text') === '1';
  var img = document.getElementById('fb-img'), layer = document.getElementById('fb-text');
  var count = document.getElementById('fb-n'), thumbs = document.querySelectorAll('#fb-thumbs img');
  var cur = 1;
  function show(n) {
    n = Math.max(1, Math.min(total, n));
    cur = n;
    img.src = 'pages/' + n + '.jpg';
    count.textContent = n;
    for (var i = 0; i < thumbs.length; i++) thumbs[i].className = (i + 1 === n) ? 'cur' : '';
    layer.innerHTML = '';
    if (hasText) {
      fetch('text/' + n + '.html').then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (t) { if (cur === n) layer.innerHTML = t; });
    }
    if (location.hash !== '#page=' + n) history.replaceState(null, '', '#page=' + n);
  }
  document.querySelectorAll('.fb-btn[data-go]').forEach(function (b) {
    b.addEventListener('click', function () {
      var g = b.getAttribute('data-go');
      show(g === 'next' ? cur + 1 : g === 'prev' ? cur - 1 : g === 'first' ? 1 : total);
    });
  });
  document.querySelectorAll('.fb-btn[data-toggle]').forEach(function (b) {
    b.addEventListener('click', function () {
      if (b.getAttribute('data-toggle') === 'toc') {
        var t = document.getElementById('fb-toc'); t.hidden = !t.hidden;
      } else if (document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen();
      }
    });
  });
  thumbs.forEach(function (t) { t.addEventListener('click', function () { show(+t.getAttribute('data-n')); }); });
  document.querySelectorAll('#fb-toc a').forEach(function (a) {
    a.addEventListener('click', function (e) { e.preventDefault(); show(+a.getAttribute('href').split('=')[1]); document.getElementById('fb-toc').hidden = true; });
  });
  stage.addEventListener('click', function (e) {
    var r = stage.getBoundingClientRect();
    show(e.clientX - r.left > r.width / 2 ? cur + 1 : cur - 1);
  });
  var m = /page=(\d+)/.exec(location.hash);
  show(m ? +m[1] : 1);
})();
