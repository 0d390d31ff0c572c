/* sandyq.gov.kz — карусели, меню, фильтр инфографики */
(function () {
  function show(c, i) {
    var slides = c.querySelectorAll('.slide'), dots = c.querySelectorAll('.dot');
    if (!slides.length) return;
    i = (i + slides.length) % slides.length;
    for (var k = 0; k < slides.length; k++) {
      slides[k].classList.toggle('is-active', k === i);
      if (dots[k]) dots[k].classList.toggle('is-active', k === i);
    }
    c.dataset.current = i;
  }
  document.querySelectorAll('.carousel').forEach(function (c) {
    c.dataset.current = 0;
    c.querySelector('.carousel__prev').addEventListener('click', function () { show(c, +c.dataset.current - 1); });
    c.querySelector('.carousel__next').addEventListener('click', function () { show(c, +c.dataset.current + 1); });
    c.querySelectorAll('.dot').forEach(function (d) { d.addEventListener('click', function () { show(c, +d.dataset.go); }); });
  });
  document.querySelectorAll('.hero[data-autoplay]').forEach(function (h) {
    var c = h.querySelector('.carousel'), btn = h.querySelector('.hero__pause');
    var timer = setInterval(function () { show(c, +c.dataset.current + 1); }, +h.dataset.autoplay);
    btn.addEventListener('click', function () {
      if (timer) { clearInterval(timer); timer = null; btn.setAttribute('aria-pressed', 'true'); btn.textContent = '▶'; }
      else { timer = setInterval(function () { show(c, +c.dataset.current + 1); }, +h.dataset.autoplay); btn.setAttribute('aria-pressed', 'false'); btn.textContent = '❚❚'; }
    });
  });
  var t = document.querySelector('.nav-toggle'), nav = document.getElementById('nav');
  if (t && nav) t.addEventListener('click', function () {
    var open = nav.classList.toggle('is-open'); t.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  document.querySelectorAll('.ig-tab').forEach(function (tab) {
    tab.addEventListener('click', function () {
      var f = tab.dataset.filter;
      document.querySelectorAll('.ig-tab').forEach(function (x) { x.classList.toggle('is-active', x === tab); });
      document.querySelectorAll('.ig-tile').forEach(function (tile) { tile.style.display = (f === 'all' || tile.dataset.cat === f) ? '' : 'none'; });
    });
  });
})();
