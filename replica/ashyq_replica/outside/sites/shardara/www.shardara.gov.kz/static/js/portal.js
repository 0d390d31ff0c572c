(function () {
  var burger = document.querySelector('.burger');
  var side = document.getElementById('side-menu');
  if (burger && side) {
    burger.addEventListener('click', function () {
      var open = side.classList.toggle('open');
      burger.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
  // the home carousel: turns every 6 s until paused
  var slides = document.querySelectorAll('.hero .slide');
  var pause = document.querySelector('.slide-pause');
  if (slides.length > 1) {
    var i = 0, timer = setInterval(next, 6000);
    function next() {
      slides[i].classList.remove('is-active');
      i = (i + 1) % slides.length;
      slides[i].classList.add('is-active');
    }
    if (pause) pause.addEventListener('click', function () {
      if (timer) { clearInterval(timer); timer = null; pause.setAttribute('aria-pressed', 'true'); }
      else { timer = setInterval(next, 6000); pause.setAttribute('aria-pressed', 'false'); }
    });
  }
})();
