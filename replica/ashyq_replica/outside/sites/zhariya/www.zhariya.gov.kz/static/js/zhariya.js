(function () {
  var toggle = document.querySelector('.nav-toggle');
  var list = document.getElementById('mainmenu');
  if (toggle && list) toggle.addEventListener('click', function () {
    var open = list.classList.toggle('open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  document.querySelectorAll('.dropdown-toggle').forEach(function (b) {
    b.addEventListener('click', function () {
      var menu = document.getElementById(b.getAttribute('aria-controls'));
      var open = menu.classList.toggle('show');
      b.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') document.querySelectorAll('.dropdown-menu.show').forEach(function (m) { m.classList.remove('show'); });
  });
  var hero = document.getElementById('hero');
  if (hero) {
    var slides = hero.querySelectorAll('.slide'), i = 0, timer = null;
    var step = function () { slides[i].classList.remove('active'); i = (i + 1) % slides.length; slides[i].classList.add('active'); };
    var start = function () { timer = setInterval(step, parseInt(hero.dataset.interval, 10) || 6000); };
    var pause = hero.querySelector('.carousel-pause');
    start();
    pause.addEventListener('click', function () {
      if (timer) { clearInterval(timer); timer = null; pause.setAttribute('aria-pressed', 'true'); }
      else { start(); pause.setAttribute('aria-pressed', 'false'); }
    });
  }
})();
