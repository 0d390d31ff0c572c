(function () {
  // mobile menu
  var t = document.querySelector('.navtoggle'), nav = document.getElementById('mainnav');
  if (t && nav) t.addEventListener('click', function () {
    var open = nav.classList.toggle('open');
    t.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
  // home slider (owl-like), 6 s per slide, with a pause button
  var slider = document.getElementById('slider');
  if (slider) {
    var slides = slider.querySelectorAll('.slide'), i = 0, timer = null;
    var btn = slider.querySelector('.slider-pause');
    function next() { slides[i].classList.remove('active'); i = (i + 1) % slides.length; slides[i].classList.add('active'); }
    function start() { timer = setInterval(next, 6000); }
    start();
    btn.addEventListener('click', function () {
      if (timer) { clearInterval(timer); timer = null; btn.setAttribute('aria-pressed', 'true'); btn.textContent = '\u25B6 ' + btn.dataset.play; }
      else { start(); btn.setAttribute('aria-pressed', 'false'); btn.textContent = '\u275A\u275A ' + btn.dataset.pause; }
    });
  }
  // back to top on long pages
  var top = document.getElementById('totop');
  if (top) {
    window.addEventListener('scroll', function () { top.hidden = window.scrollY < 600; });
    top.addEventListener('click', function (e) { e.preventDefault(); window.scrollTo(0, 0); });
  }
})();
