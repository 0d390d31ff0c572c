// rotates the home page's slides every four seconds
(function () {
  var slides = document.querySelectorAll('#slider .slide');
  var i = 0;
  if (!slides.length) { return; }
  setInterval(function () {
    slides[i].classList.remove('active');
    i = (i + 1) % slides.length;
    slides[i].classList.add('active');
  }, 4000);
})();
