/* Home page banner: slides change by themselves */
(function () {
  var box = document.querySelector('.banner');
  if (!box) return;
  var slides = box.querySelectorAll('.slide');
  var i = 0;
  var ms = parseInt(box.getAttribute('data-interval'), 10) || 5000;
  setInterval(function () {
    slides[i].classList.remove('active');
    i = (i + 1) % slides.length;
    slides[i].classList.add('active');
  }, ms);
})();
