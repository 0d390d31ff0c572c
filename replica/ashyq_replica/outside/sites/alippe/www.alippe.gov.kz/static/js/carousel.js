/* Home page slider: switches the slides by a timer */
(function () {
  var box = document.querySelector('.carousel');
  if (!box) { return; }
  var slides = box.querySelectorAll('.slide');
  if (slides.length < 2) { return; }
  var i = 0;
  var delay = parseInt(box.getAttribute('data-interval'), 10) || 5000;
  setInterval(function () {
    slides[i].classList.remove('is-active');
    i = (i + 1) % slides.length;
    slides[i].classList.add('is-active');
  }, delay);
})();
